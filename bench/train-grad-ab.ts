/**
 * Gradient formulations A/B: a model's training step as built today against the same step
 * with older formulations (src/train/formulations.ts, `--legacy NAME`, default all), and an
 * inference pass of the same batch, interleaved in one process.
 *
 * Method as bench/train-step.ts's --model rows: SGD, cross-entropy for [N, classes] outputs,
 * one thread (BENCH_SESSION_OPTIONS), --model-steps-per-call steps per onnxruntime call (an
 * ONNX Loop, as `energy-budget run` runs it), outputs into preallocated tensors. Each round
 * runs a block of each of the three, in alternating order; per round the process CPU time per
 * step (one thread: steadier than wall time on a shared machine). Medians over rounds, the
 * per-round ratio new / old with its range, and the load average.
 *
 * Run: node scripts/run-ts.mjs bench/train-grad-ab.ts --model /tmp/tv/squeezenet1_1.onnx
 *        [--model ...] [--rounds 6] [--calls 20] [--model-steps-per-call 5]
 *        [--legacy relu-where]   (the names: src/train/formulations.ts)
 */
import os from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as ort from 'onnxruntime-node';
import { encodeModel } from '../src/model/onnx.js';
import { legacyFormulations } from '../src/train/formulations.js';
import { loopTrainingStep } from '../src/train/loop.js';
import { createRng } from '../src/util/random.js';
import { BENCH_SESSION_OPTIONS, buildModelStep, preallocatedFetches } from './train-model-step.js';

const { values } = parseArgs({
  options: {
    model: { type: 'string', multiple: true },
    rounds: { type: 'string', default: '6' },
    calls: { type: 'string', default: '20' },
    'model-batch': { type: 'string', default: '4' },
    'model-size': { type: 'string', default: '64' },
    'model-steps-per-call': { type: 'string', default: '5' },
    legacy: { type: 'string', multiple: true },
  },
});
const rounds = Number(values.rounds);
const calls = Number(values.calls);
const perCall = Number(values['model-steps-per-call']);
const legacyNames = values.legacy ?? ['all'];
const legacy = legacyFormulations(legacyNames);
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e3;
};
const range = (xs: number[]): string => `${Math.min(...xs).toFixed(3)}–${Math.max(...xs).toFixed(3)}`;

for (const file of values.model ?? []) {
  const hw = Number(values['model-size']);
  const dims = [Number(values['model-batch']), 3, hw, hw];
  const inf = await ort.InferenceSession.create(readFileSync(file), BENCH_SESSION_OPTIONS);
  const steps = await Promise.all(
    [{}, legacy].map(async (formulations) => {
      const m = await buildModelStep(file, dims, 'sgd', createRng(7), { formulations });
      const looped = loopTrainingStep(m.step, perCall);
      const session = await ort.InferenceSession.create(encodeModel(looped.model), BENCH_SESSION_OPTIONS);
      const fetches = preallocatedFetches(await session.run(m.feeds));
      return { m, session, fetches, ms: [] as number[] };
    }),
  );
  const x = steps[0].m.x;
  const name = steps[0].m.name;
  await inf.run({ [name]: x });
  const infMs: number[] = [];
  const blocks: Array<() => Promise<void>> = [
    async () => {
      const c0 = cpuMs();
      for (let i = 0; i < calls * perCall; i++) await inf.run({ [name]: x });
      infMs.push((cpuMs() - c0) / (calls * perCall));
    },
    ...steps.map((s) => async () => {
      const c0 = cpuMs();
      for (let i = 0; i < calls; i++) await s.session.run(s.m.feeds, s.fetches);
      s.ms.push((cpuMs() - c0) / (calls * perCall));
    }),
  ];
  for (const b of blocks) await b();
  infMs.length = 0;
  for (const s of steps) s.ms.length = 0;
  for (let r = 0; r < rounds; r++) for (const b of r % 2 ? [...blocks].reverse() : blocks) await b();
  const [now, old] = steps;
  const ratio = now.ms.map((v, i) => v / old.ms[i]);
  console.log(
    `${path.basename(file)} [${dims.join(', ')}], sgd, ${perCall} steps per call, ${rounds} rounds × ${calls} calls, load average ${os.loadavg()[0].toFixed(2)}:`,
  );
  console.log(`  inference cpu ${median(infMs).toFixed(3)} ms`);
  console.log(
    `  step (today)         cpu ${median(now.ms).toFixed(3)} ms = ${(median(now.ms) / median(infMs)).toFixed(2)}× inference`,
  );
  console.log(
    `  step (--legacy ${legacyNames.join(',')}) cpu ${median(old.ms).toFixed(3)} ms = ${(median(old.ms) / median(infMs)).toFixed(2)}× inference`,
  );
  console.log(`  today / legacy per round: median ${median(ratio).toFixed(3)} (range ${range(ratio)})`);
  await inf.release();
  for (const s of steps) await s.session.release();
}
