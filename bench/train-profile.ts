/**
 * Where a training step's time goes: onnxruntime's own profiler (session option
 * enableProfiling) over --calls steps of a model's step (SGD, cross-entropy for [N, classes]
 * outputs, as bench/train-step.ts builds it; one thread), or of its inference pass (--inference).
 * Prints the kernel time per call summed by op type, by node tag (the node name without its
 * numbers: `Gemm:train/grad_conv_cols` is every Conv dX product) and by node, each with its
 * share of all kernel time. Kernel times are inflated by a busy machine; compare shares, not ms.
 *
 * Run:  node scripts/run-ts.mjs bench/train-profile.ts --model /tmp/tv/squeezenet1_1.onnx
 *         [--calls 20] [--model-batch 4] [--model-size 64] [--inference] [--top 30]
 *         [--steps-per-call 1]      (N > 1: N steps per call in an ONNX Loop, src/train/loop.ts)
 *         [--legacy col2im-pads ...]   (older gradient formulations, src/train/formulations.ts;
 *         model-layout = parameters in the model's dims, the copies storage.ts removes)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as ort from 'onnxruntime-node';
import { encodeModel } from '../src/model/onnx.js';
import { loopTrainingStep } from '../src/train/loop.js';
import { createRng } from '../src/util/random.js';
import { legacyFormulations } from '../src/train/formulations.js';
import { BENCH_SESSION_OPTIONS, buildModelStep, preallocatedFetches } from './train-model-step.js';

const { values } = parseArgs({
  options: {
    model: { type: 'string' },
    calls: { type: 'string', default: '20' },
    'model-batch': { type: 'string', default: '4' },
    'model-size': { type: 'string', default: '64' },
    inference: { type: 'boolean', default: false },
    top: { type: 'string', default: '30' },
    'steps-per-call': { type: 'string', default: '1' },
    // Older gradient formulations (src/train/formulations.ts), e.g. --legacy relu-where.
    legacy: { type: 'string', multiple: true },
  },
});
if (!values.model) {
  process.stderr.write('usage: node scripts/run-ts.mjs bench/train-profile.ts --model FILE.onnx [--calls 20] [--inference]\n');
  process.exit(2);
}
const file = values.model;
const calls = Number(values.calls);
const hw = Number(values['model-size']);
const dims = [Number(values['model-batch']), 3, hw, hw];
const {
  loss,
  step,
  feeds: all,
} = await buildModelStep(file, dims, 'sgd', createRng(7), {
  formulations: legacyFormulations(values.legacy ?? []),
});
const perCall = Number(values['steps-per-call']);
const stepModel = perCall > 1 ? loopTrainingStep(step, perCall).model : step.model;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-train-profile-'));
const session = await ort.InferenceSession.create(values.inference ? fs.readFileSync(file) : encodeModel(stepModel), {
  ...BENCH_SESSION_OPTIONS,
  enableProfiling: true,
  profileFilePrefix: path.join(dir, 'profile'),
});
const feeds: Record<string, ort.Tensor> = {};
for (const n of session.inputNames) feeds[n] = all[n];
// Outputs written into preallocated tensors, as the product's loop does (runner.ts).
const fetches = preallocatedFetches(await session.run(feeds));
for (let i = 0; i < calls + 2; i++) await session.run(feeds, fetches);
session.endProfiling();
await session.release();

interface KernelEvent {
  cat: string;
  name: string;
  dur: number;
  args?: { op_name?: unknown };
}
const isKernelEvent = (e: unknown): e is KernelEvent =>
  typeof e === 'object' &&
  e !== null &&
  'cat' in e &&
  typeof e.cat === 'string' &&
  'name' in e &&
  typeof e.name === 'string' &&
  'dur' in e &&
  typeof e.dur === 'number';
const profileFile = fs.readdirSync(dir).find((f) => f.startsWith('profile'));
const parsed: unknown = profileFile ? JSON.parse(fs.readFileSync(path.join(dir, profileFile), 'utf8')) : [];
fs.rmSync(dir, { recursive: true });
const events = Array.isArray(parsed) ? parsed.filter(isKernelEvent) : [];
const byOp = new Map<string, number>();
const byTag = new Map<string, number>();
const byNode = new Map<string, number>();
const add = (m: Map<string, number>, k: string, v: number): void => void m.set(k, (m.get(k) ?? 0) + v);
let total = 0;
let runs = 0;
let runTotal = 0;
for (const e of events) {
  if (e.cat === 'Session' && e.name === 'model_run') {
    runs += 1;
    runTotal += e.dur;
  }
  if (e.cat !== 'Node' || !e.name.endsWith('_kernel_time')) continue;
  const op = String(e.args?.op_name ?? '?');
  const node = e.name.slice(0, -'_kernel_time'.length);
  add(byOp, op, e.dur);
  add(byTag, `${op}:${node.replace(/[_/]?\d+$/, '').replace(/\d+/g, '#')}`, e.dur);
  add(byNode, `${op}:${node}`, e.dur);
  total += e.dur;
}
const top = Number(values.top);
console.log(
  `${path.basename(file)} ${values.inference ? 'inference' : `training step (sgd, ${loss}${values.legacy?.length ? `, --legacy ${values.legacy.join(', ')}` : ''}${perCall > 1 ? `, ${perCall} steps per call` : ''})`}, input [${dims.join(', ')}], 1 thread: ${runs} profiled calls, run ${(runTotal / runs / 1e3).toFixed(2)} ms, kernels ${(total / runs / 1e3).toFixed(2)} ms per call (load average ${os.loadavg()[0].toFixed(1)})`,
);
const tables: Array<[string, Map<string, number>]> = [
  ['by op type', byOp],
  ['by node tag', byTag],
  ['by node', byNode],
];
for (const [title, m] of tables) {
  console.log(`  ${title}:`);
  for (const [k, v] of [...m].sort((p, q) => q[1] - p[1]).slice(0, top)) {
    console.log(`    ${(v / runs / 1e3).toFixed(3).padStart(9)} ms ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
  }
}
