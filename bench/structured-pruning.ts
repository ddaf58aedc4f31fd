/**
 * Structured pruning, fine-tuning and distillation on the example classifier and CNN (issue 15's
 * acceptance figures), through the product's own advisor (src/measure.ts adviseForModel): each
 * variant's latency change comes from the interleaved comparison with the original that a pull
 * request gets (95% interval), its fidelity from the benchmark inputs, which the fine-tuning never
 * sees (it trains on other seeded batches), and its fine-tuning cost from the same meter.
 *
 * Run:  node scripts/run-ts.mjs bench/structured-pruning.ts [--cap-s 60] [--only cnn]
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
const { values } = parseArgs({ options: { 'cap-s': { type: 'string', default: '60' }, only: { type: 'string' } } });
const dir = await mkdtemp(path.join(os.tmpdir(), 'eb-structured-'));
try {
  const models = [
    { name: 'classifier', batch: 32 },
    { name: 'cnn', batch: 8 },
  ].filter((m) => !values.only || values.only === m.name);
  let yaml = 'version: 1\nmodels:\n';
  for (const m of models) {
    await copyFile(path.join(repo, `examples/models/${m.name}.onnx`), path.join(dir, `${m.name}.onnx`));
    yaml +=
      `  - name: ${m.name}\n    path: ${m.name}.onnx\n    dims: { N: ${m.batch} }\n    energy: auto\n    advise: true\n` +
      `    advise-max-time: ${values['cap-s']} s\n    inference: { max-time: 3 s }\n`;
  }
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
  for (const cfg of config.models) {
    const head = await measureModel(cfg, cfg.path, ctx);
    const t0 = process.hrtime.bigint();
    const advice = await adviseForModel(cfg, head, ctx);
    console.log(`${cfg.name} (batch ${cfg.dims.N}), advise ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(0)} s:`);
    for (const a of advice) console.log(`  ${a.summary}`);
    for (const a of advice) {
      if (!a.structure) continue;
      const locked = a.structure.groups.filter((g) => g.lockedBecause);
      console.log(
        `  ${a.label}: kept ${a.structure.groups.map((g) => `${g.layers.join('+')} ${g.kept}/${g.channels}`).join(', ')}` +
          (locked.length ? `; whole: ${locked.map((g) => `${g.layers.join('+')} (${g.lockedBecause})`).join('; ')}` : ''),
      );
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
