/**
 * A/A and A/B trials of the base-versus-head comparison (issue 4's acceptance figures).
 *
 * A/A: the example classifier (784→128→64→1) against an identical copy in another file.
 * A/B: against the same architecture with the first hidden layer 6% wider (136 instead of 128).
 * Each trial runs the product's own comparison, `compareWithBase` in src/engine/base-comparison.ts: alternating
 * rounds (the base's figures come from its calls in them), each with freshly created sessions of both models,
 * the same inputs and threads, fed to the sequential test of src/compare/sequential.ts until it
 * decides or the time cap is hit. The verdict counted is the `latency-p50` comparison against
 * a 2% threshold (budget `regression: { latency-p50: 2% }`).
 *
 * Goal (issue 4): at most 1 false regression in 50 A/A trials, at least 48 detections in 50
 * A/B trials, each trial capped at 30 s.
 *
 * Run:  npm run bench:aa-ab -- [--trials 50] [--cap-s 30] [--threshold 0.02] [--kinds aa,ab] [--batch 32]
 *       (all trials: about 50 minutes on a 2-core machine)
 */
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseConfig } from '../src/config/index.js';
import { compareWithBase } from '../src/engine/base-comparison.js';
import { measureModel } from '../src/engine/measure.js';
import { prepareModel } from '../src/engine/prepare.js';
import { type MeasureContext } from '../src/engine/context.js';
import { createSession } from '../src/bench/ort.js';
import { abbaBaseFirst, createSequentialComparison, planRoundsPerLook } from '../src/compare/sequential.js';
import type { ComparisonResult } from '../src/compare/types.js';
import { buildClassifier } from '../src/model/examples.js';
import { encodeModel } from '../src/model/onnx.js';
import { median } from '../src/util/stats.js';
import type { ModelReport } from '../src/report/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.basename(path.dirname(here)) === 'build' ? path.resolve(here, '../..') : path.resolve(here, '..');

const { values } = parseArgs({
  options: {
    trials: { type: 'string', default: '50' },
    'cap-s': { type: 'string', default: '30' },
    threshold: { type: 'string', default: '0.02' },
    kinds: { type: 'string', default: 'aa,ab' },
    batch: { type: 'string', default: '32' },
    // product: compareWithBase (src/engine/base-comparison.ts). blocks: the same sequential test, but each
    // round alternates the two fresh sessions in short ABBA blocks, and the look schedule is
    // sized to the time cap (an experiment for a finer interleave under a busy machine).
    loop: { type: 'string', default: 'product' },
    'block-ms': { type: 'string', default: '25' },
    'blocks-per-round': { type: 'string', default: '8' },
  },
});
const trials = Number(values.trials);
const capS = Number(values['cap-s']);
const threshold = Number(values.threshold);
const kinds = String(values.kinds).split(',') as Array<'aa' | 'ab'>;
const batch = Number(values.batch);
const loop = String(values.loop) as 'product' | 'blocks';
const blockMs = Number(values['block-ms']);
const blocksPerRound = Number(values['blocks-per-round']);

const dir = await mkdtemp(path.join(os.tmpdir(), 'eb-aa-ab-'));
const headPath = path.join(dir, 'head.onnx');
const copyPath = path.join(dir, 'copy.onnx');
const widerPath = path.join(dir, 'wider.onnx');
await copyFile(path.join(repo, 'examples', 'models', 'classifier.onnx'), headPath);
await copyFile(headPath, copyPath);
await writeFile(widerPath, encodeModel(buildClassifier({ hidden1: 136 })));

// The budget file of one model; inference kept short, since only the rounds are of interest.
const yaml = `version: 1
models:
  - name: classifier
    path: head.onnx
    dims: { N: ${batch} }
    threads: 1
    energy: estimate
    inference: { iterations: 200, warmup: 10 }
    budget:
      regression:
        latency-p50: ${threshold * 100}%
`;
const config = parseConfig(yaml, path.join(dir, 'energy-budget.yml'));
const cfg = config.models[0]!;
const quiet = { info: () => {}, warn: () => {}, progress: () => {} };
const ctx: MeasureContext = {
  config,
  logger: quiet,
  env: process.env,
  clockNs: () => process.hrtime.bigint(),
  sysfsRoot: '/sys',
  advise: false,
  readFile: async (p) => new Uint8Array(await readFile(p)),
};

const head: ModelReport = await measureModel(cfg, headPath, ctx);
const secs = (ns: bigint) => Number(ns) / 1e9;
console.log(
  `energy-budget A/A–A/B bench: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} logical CPUs, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(
  `loop ${loop}${loop === 'blocks' ? ` (${blocksPerRound} ABBA blocks of ~${blockMs} ms per round)` : ''}; classifier batch ${batch}, 1 thread, head p50 ${head.inference!.latencyMs.p50.toFixed(3)} ms; threshold ${(threshold * 100).toFixed(1)}%, cap ${capS} s, ${trials} trials per kind`,
);

/**
 * The block-interleaved loop: per round, fresh sessions of both models, warm-up, then
 * `blocksPerRound` blocks of ~blockMs each in ABBA order; the round's samples per arm go to
 * the sequential test. The look schedule (5 looks) is sized from the first round's duration so
 * that the last look falls at the time cap; the schedule depends on timing only, not on the
 * measured difference, so the error control still holds.
 */
async function blocksTrial(basePath: string, headPathForTrial: string): Promise<ComparisonResult | null> {
  const bp = await prepareModel(cfg, basePath, ctx);
  const hp = await prepareModel(cfg, headPathForTrial, ctx);
  const callsPerBlock = Math.max(3, Math.round(blockMs / Math.max(1e-3, head.inference!.latencyMs.mean)));
  const deadline = process.hrtime.bigint() + BigInt(Math.round(capS * 1e9));
  let seq: ReturnType<typeof createSequentialComparison> | null = null;
  const oneRound = async (): Promise<{ b: number[]; h: number[] }> => {
    const sb = await createSession(bp.loaded.bytes, { threads: cfg.threads });
    const sh = await createSession(hp.loaded.bytes, { threads: cfg.threads });
    const out = { b: [] as number[], h: [] as number[] };
    try {
      for (let i = 0; i < 10; i++) {
        await sb.run(bp.inputs.feeds);
        await sh.run(hp.inputs.feeds);
      }
      for (let k = 0; k < blocksPerRound; k++) {
        const order = abbaBaseFirst(k) ? [sb, sh] : [sh, sb];
        for (const sess of order) {
          const feeds = sess === sb ? bp.inputs.feeds : hp.inputs.feeds;
          const into = sess === sb ? out.b : out.h;
          for (let c = 0; c < callsPerBlock; c++) {
            const t0 = process.hrtime.bigint();
            await sess.run(feeds);
            into.push(Number(process.hrtime.bigint() - t0) / 1e6);
          }
        }
      }
    } finally {
      await sb.release();
      await sh.release();
    }
    return out;
  };
  const r0 = process.hrtime.bigint();
  let round = await oneRound();
  const roundS = secs(process.hrtime.bigint() - r0);
  const maxLooks = 5;
  const roundsPerLook = planRoundsPerLook(capS, roundS, maxLooks);
  seq = createSequentialComparison({ threshold, maxLooks, roundsPerLook, statistic: 'median' });
  let st = seq.addRound(round.b, round.h);
  while (!st.done && process.hrtime.bigint() < deadline) {
    round = await oneRound();
    st = seq.addRound(round.b, round.h);
  }
  if (!st.done) st = seq.finish();
  if (!st.changeCi95 || st.estimate === null) return null;
  return {
    verdict: st.decision === 'continue' ? 'inconclusive' : st.decision,
    estimate: st.estimate,
    changeCi95: st.changeCi95,
    method: 'blocks',
    rounds: st.rounds,
  };
}

interface KindSummary {
  decisions: Record<string, number>;
  timesS: number[];
  rounds: number[];
  estimates: number[];
}
const summary: Record<string, KindSummary> = {};
for (const kind of kinds) {
  const basePath = kind === 'aa' ? copyPath : widerPath;
  const s: KindSummary = (summary[kind] = { decisions: {}, timesS: [], rounds: [], estimates: [] });
  for (let t = 1; t <= trials; t++) {
    const t0 = process.hrtime.bigint();
    // In A/B the wider model is the head (a 6% wider layer is the regression), so swap roles.
    const trialHeadPath = kind === 'aa' ? headPath : widerPath;
    const trialBasePath = kind === 'aa' ? basePath : headPath;
    let c: ComparisonResult | null | undefined;
    if (loop === 'blocks') {
      c = await blocksTrial(trialBasePath, trialHeadPath);
    } else {
      const trialCfg = { ...cfg, path: trialHeadPath };
      const { comparisons } = await compareWithBase(trialCfg, trialBasePath, head, ctx, { threshold, maxTimeS: capS });
      c = comparisons['latency-p50'];
    }
    const timeS = secs(process.hrtime.bigint() - t0);
    const decision = c?.verdict ?? 'no-result';
    s.decisions[decision] = (s.decisions[decision] ?? 0) + 1;
    s.timesS.push(timeS);
    s.rounds.push(c?.rounds ?? 0);
    if (c) s.estimates.push(c.estimate);
    const ci = c ? `[${(c.changeCi95[0] * 100).toFixed(2)}%, ${(c.changeCi95[1] * 100).toFixed(2)}%]` : '—';
    console.log(
      `${kind.toUpperCase()} ${String(t).padStart(2)}: ${decision.padEnd(12)} change ${c ? `${(c.estimate * 100).toFixed(2)}%` : '—'} CI ${ci} rounds ${c?.rounds ?? 0} ${timeS.toFixed(1)} s`,
    );
  }
}

console.log('\nsummary');
for (const [kind, s] of Object.entries(summary)) {
  const n = s.timesS.length;
  const goal =
    kind === 'aa'
      ? `false regressions ${s.decisions.regression ?? 0}/${n} (goal ≤ 1 in 50)`
      : `detections ${s.decisions.regression ?? 0}/${n} (goal ≥ 48 in 50)`;
  console.log(
    `${kind.toUpperCase()}: ${goal}; verdicts ${JSON.stringify(s.decisions)}; median trial ${median(s.timesS).toFixed(1)} s, ` +
      `median rounds ${median(s.rounds)}, median change ${s.estimates.length ? (median(s.estimates) * 100).toFixed(2) : '—'}%`,
  );
}
await rm(dir, { recursive: true, force: true });
