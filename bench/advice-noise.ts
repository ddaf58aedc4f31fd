/**
 * The advisor's latency and energy changes on the example classifier (784→128→64→1, batch 32),
 * run several times (issue 13's acceptance figures): fp16 weights and 50% pruning do not change
 * the arithmetic, so they must never be reported as a latency change outside ±3% unless the
 * interval excludes 0; with the interleaved comparison an interval containing 0 is shown as
 * "no measurable change". Each trial runs the product's own `adviseForModel` (src/engine/advice.ts).
 *
 * Run:  node scripts/run-ts.mjs bench/advice-noise.ts [--trials 5] [--cap-s 30] [--batch 32]
 */
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseConfig } from '../src/config/index.js';
import { adviseForModel } from '../src/engine/advice.js';
import { measureModel } from '../src/engine/measure.js';
import { type MeasureContext } from '../src/engine/context.js';
import { silentLogger } from '../src/report/terminal.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.basename(path.dirname(here)) === 'build' ? path.resolve(here, '../..') : path.resolve(here, '..');
const { values } = parseArgs({
  options: {
    trials: { type: 'string', default: '5' },
    'cap-s': { type: 'string', default: '30' },
    batch: { type: 'string', default: '32' },
  },
});
const trials = Number(values.trials);
const dir = await mkdtemp(path.join(os.tmpdir(), 'eb-advice-noise-'));
try {
  await copyFile(path.join(repo, 'examples/models/classifier.onnx'), path.join(dir, 'classifier.onnx'));
  const yaml =
    `version: 1\nmodels:\n  - name: classifier\n    path: classifier.onnx\n    dims: { N: ${values.batch} }\n` +
    `    energy: auto\n    advise: true\n    advise-max-time: ${values['cap-s']} s\n    inference: { max-time: 3 s }\n`;
  await writeFile(path.join(dir, 'energy-budget.yml'), yaml);
  const config = parseConfig(yaml, path.join(dir, 'energy-budget.yml'));
  const ctx: MeasureContext = {
    config,
    logger: silentLogger,
    env: process.env,
    clockNs: () => process.hrtime.bigint(),
    sysfsRoot: process.env.ENERGY_BUDGET_SYSFS ?? '/sys',
    advise: true,
    readFile: async () => new Uint8Array(),
  };
  const cfg = config.models[0];
  const head = await measureModel(cfg, cfg.path, ctx);
  const pct = (x: number | undefined) => (x === undefined ? 'n/a' : `${x >= 0 ? '+' : ''}${x.toFixed(1)}%`);
  const ci = (c: [number, number] | undefined) => (c ? `[${pct(c[0])}, ${pct(c[1])}]` : '[no interval]');
  console.log(
    `classifier, batch ${values.batch}, advise-max-time ${values['cap-s']} s, energy ${head.inference?.energy?.method}`,
  );
  console.log(
    'trial  variant        latency p50 change  95% CI              verdict               energy change  95% CI              verdict               seconds',
  );
  for (let t = 1; t <= trials; t++) {
    const t0 = process.hrtime.bigint();
    const advice = await adviseForModel(cfg, head, ctx);
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    for (const a of advice) {
      const d = a.deltas;
      if (!d) {
        console.log(`${t}      ${a.label.padEnd(14)} ${a.status}: ${a.reason ?? ''}`);
        continue;
      }
      console.log(
        `${String(t).padEnd(6)} ${a.label.padEnd(14)} ${pct(d.latencyP50Pct).padEnd(19)} ${ci(d.latencyP50PctCi95).padEnd(19)} ${String(d.latencyP50Change).padEnd(21)} ` +
          `${pct(d.energyPct).padEnd(14)} ${ci(d.energyPctCi95).padEnd(19)} ${String(d.energyChange).padEnd(21)} ${s.toFixed(1)}`,
      );
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
