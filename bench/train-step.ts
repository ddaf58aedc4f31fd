/**
 * Training step against inference: the example classifier (784→128→64→1), batch 32, one
 * thread, Adam, bce. The step (forward + loss + backward + Adam update, one ONNX graph built
 * by src/train) and an inference pass of the same batch, on the same onnxruntime with the same
 * session options. A backward pass costs about twice the forward in FLOPs, so the goal is a
 * step under 3.5× the inference time. Then the same step in PyTorch (Debian's python3-torch,
 * bench/train_step_torch.py) as a sanity reference.
 *
 * Method. Both sessions: intra-op threads 1, inter-op 1, sequential, graph optimisation 'all'.
 * After warm-up, --rounds rounds; each runs a block of --calls inference calls (a bare
 * `session.run` loop) and a block of --calls training steps through the product's loop
 * (`runTrainingBenchmark`, outputs fed back as inputs), and a block of the same steps with
 * --steps-per-call steps per onnxruntime call (the step wrapped in an ONNX Loop, src/train/
 * loop.ts), in alternating order across rounds so a busy machine's load falls on all. Per round: mean ms per call by wall clock and by process CPU
 * time (user + system; with one thread the computation runs on the main thread, so CPU time
 * is steadier on a shared machine). Medians over rounds are reported.
 *
 * Run:  npx esbuild bench/train-step.ts --bundle --platform=node --format=esm \
 *         --packages=external --outfile=build/bench/train-step.mjs && \
 *       node build/bench/train-step.mjs [--rounds 10] [--calls 200] [--batch 32] [--no-torch] [--ops]
 *         [--optimizer adam|sgd|momentum|rmsprop]   (the PyTorch reference always uses Adam)
 *         [--model FILE.onnx ...] [--model-batch 4] [--model-size 64] [--model-input 5,4,64]
 *         [--model-steps-per-call 10]
 *         [--legacy col2im-pads ...]   (older gradient formulations, src/train/formulations.ts,
 *         e.g. model-layout: parameters in the model's dims, the per-step copies storage.ts
 *         removes: a classifier Loop row and, per --model, a step block of the step built that
 *         way, interleaved, with the ratio today / older)
 *         [--flat-max 0 --flat-max Infinity]   (classifier: more Loop rows, interleaved, whose
 *         optimizer state is flat only for tensors under N elements: 0 = one update per tensor)
 *         [--compare-optimizer sgd ...]   (classifier: more Loop rows, interleaved, with another
 *         optimizer: with sgd, whose update is fused into the weight-gradient Gemm, the difference
 *         to the main row is what the main optimizer's update costs)
 *         (other models, e.g. torchvision exports with input [batch, 3, size, size], or any input
 *         shape: step vs inference, interleaved; cross-entropy for [N, C] outputs, else mse;
 *         a file named after a torchvision model also gets PyTorch's step on the same batch,
 *         bench/train_step_torchvision.py, unless --no-torch)
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as ort from 'onnxruntime-node';
import { readFileSync } from 'node:fs';
import { encodeModel } from '../src/model/onnx.js';
import { buildClassifier } from '../src/model/examples.js';
import { buildTrainingStep, synthesizeLabels, type TrainingStepOptions } from '../src/train/index.js';
import { runTrainingBenchmark, toOrtTensor } from '../src/train/runner.js';
import { loopTrainingStep } from '../src/train/loop.js';
import { createRng } from '../src/util/random.js';
import { legacyFormulations } from '../src/train/formulations.js';
import { BENCH_SESSION_OPTIONS, buildModelStep, preallocatedFetches } from './train-model-step.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo =
  path.basename(here) === 'bench' && path.basename(path.dirname(here)) === 'build'
    ? path.resolve(here, '../..')
    : path.resolve(here, '..');

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '10' },
    calls: { type: 'string', default: '200' },
    batch: { type: 'string', default: '32' },
    'no-torch': { type: 'boolean', default: false },
    ops: { type: 'boolean', default: false },
    optimizer: { type: 'string', default: 'adam' },
    'steps-per-call': { type: 'string', default: '20' },
    model: { type: 'string', multiple: true },
    'model-batch': { type: 'string', default: '4' },
    'model-size': { type: 'string', default: '64' },
    'model-input': { type: 'string' },
    'model-steps-per-call': { type: 'string', default: '10' },
    'flat-max': { type: 'string', multiple: true },
    legacy: { type: 'string', multiple: true },
    'compare-optimizer': { type: 'string', multiple: true },
  },
});
const rounds = Number(values.rounds);
/** bench/export_torchvision.py's models: a file named after one gets PyTorch's step alongside. */
const TORCHVISION = [
  'resnet18',
  'squeezenet1_1',
  'mobilenet_v2',
  'mobilenet_v3_small',
  'efficientnet_b0',
  'shufflenet_v2_x0_5',
  'mnasnet0_5',
  'regnet_x_400mf',
  'densenet121',
  'convnext_tiny',
];
const calls = Number(values.calls);
const batch = Number(values.batch);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e3;
};

const options = BENCH_SESSION_OPTIONS;

const proto = buildClassifier();
const optimizer = values.optimizer as 'sgd' | 'momentum' | 'rmsprop' | 'adam';
const step = buildTrainingStep(proto, { loss: 'bce', optimizer, learningRate: 1e-3, dims: { N: batch } });
const nodes = step.model.graph?.node ?? [];
if (values.ops) {
  const counts = new Map<string, number>();
  for (const n of nodes) counts.set(n.opType ?? '', (counts.get(n.opType ?? '') ?? 0) + 1);
  console.log(
    'training-step ops:',
    [...counts]
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', '),
  );
}
const inference = await ort.InferenceSession.create(encodeModel(proto), options);
const training = await ort.InferenceSession.create(encodeModel(step.model), options);
const perCall = Number(values['steps-per-call']);
const looped = loopTrainingStep(step, perCall);
const trainingLooped = await ort.InferenceSession.create(encodeModel(looped.model), options);

const rng = createRng(7);
const x = new ort.Tensor(
  'float32',
  Float32Array.from({ length: batch * 784 }, () => rng.normal()),
  [batch, 784],
);
const labels = toOrtTensor(synthesizeLabels('bce', 'float32', [batch, 1], 7));
const trainFeeds: Record<string, ort.Tensor> = { x, [step.labelInput]: labels };
for (const [name, d] of Object.entries(step.initialState)) trainFeeds[name] = toOrtTensor(d);
const clockNs = (): bigint => process.hrtime.bigint();

async function inferBlock(): Promise<{ wallMs: number; cpuMs: number }> {
  const c0 = cpuMs();
  const t0 = clockNs();
  for (let i = 0; i < calls; i++) await inference.run({ x });
  return { wallMs: Number(clockNs() - t0) / 1e6 / calls, cpuMs: (cpuMs() - c0) / calls };
}

let preallocated = true;
async function trainBlock(): Promise<{ wallMs: number; cpuMs: number }> {
  // The loop's first step is untimed (it learns the output shapes) but its CPU time is in
  // the process total: divide by calls + 1.
  const c0 = cpuMs();
  const res = await runTrainingBenchmark(training, trainFeeds, step.feedback, { steps: calls, warmup: 0 }, { clockNs });
  preallocated &&= res.preallocated;
  return { wallMs: res.totalMs / calls, cpuMs: (cpuMs() - c0) / (calls + 1) };
}

async function loopBlock(session = trainingLooped, l = looped, feeds = trainFeeds): Promise<{ wallMs: number; cpuMs: number }> {
  const c0 = cpuMs();
  const steps = Math.ceil(calls / perCall) * perCall;
  const res = await runTrainingBenchmark(
    session,
    feeds,
    l.feedback,
    { steps, warmup: 0, lossOutput: l.lossOutput, stepsPerCall: perCall },
    { clockNs },
  );
  return { wallMs: res.totalMs / res.steps, cpuMs: (cpuMs() - c0) / (res.steps + perCall) };
}

// More Loop rows, interleaved with the main ones: --flat-max (another multi-tensor threshold,
// src/train/optimizers.ts) and --compare-optimizer (the same network with another optimizer).
const layouts: Array<{
  label: string;
  session: ort.InferenceSession;
  run: () => Promise<{ wallMs: number; cpuMs: number }>;
}> = [];
async function addLoopRow(label: string, changed: Partial<TrainingStepOptions>): Promise<void> {
  const s = buildTrainingStep(proto, { loss: 'bce', optimizer, learningRate: 1e-3, dims: { N: batch }, ...changed });
  const l = loopTrainingStep(s, perCall);
  const session = await ort.InferenceSession.create(encodeModel(l.model), options);
  const feeds: Record<string, ort.Tensor> = { x, [s.labelInput]: labels };
  for (const [name, d] of Object.entries(s.initialState)) feeds[name] = toOrtTensor(d);
  layouts.push({ label, session, run: () => loopBlock(session, l, feeds) });
}
for (const v of values['flat-max'] ?? []) await addLoopRow(`flat state under ${v} elements`, { flatMaxElements: Number(v) });
const optimizerNames = ['sgd', 'momentum', 'rmsprop', 'adam'] as const;
const isOptimizer = (v: string): v is (typeof optimizerNames)[number] => (optimizerNames as readonly string[]).includes(v);
for (const other of values['compare-optimizer'] ?? []) {
  if (!isOptimizer(other)) throw new Error(`--compare-optimizer ${other}: expected ${optimizerNames.join(', ')}`);
  await addLoopRow(`optimizer ${other}`, { optimizer: other });
}
if (values.legacy?.length)
  await addLoopRow(`--legacy ${values.legacy.join(', ')}`, { formulations: legacyFormulations(values.legacy) });

// Warm-up.
await inferBlock();
await trainBlock();
await loopBlock();
for (const v of layouts) await v.run();

const inf = { wall: [] as number[], cpu: [] as number[] };
const trn = { wall: [] as number[], cpu: [] as number[] };
const lp = { wall: [] as number[], cpu: [] as number[] };
const lay = layouts.map(() => ({ wall: [] as number[], cpu: [] as number[] }));
const blocks: Array<[() => Promise<{ wallMs: number; cpuMs: number }>, { wall: number[]; cpu: number[] }]> = [
  [inferBlock, inf],
  [trainBlock, trn],
  [() => loopBlock(), lp],
  ...layouts.map((v, i): [typeof inferBlock, (typeof lay)[number]] => [v.run, lay[i]]),
];
for (let r = 0; r < rounds; r++) {
  for (const [run, sink] of r % 2 ? [...blocks].reverse() : blocks) {
    const res = await run();
    sink.wall.push(res.wallMs);
    sink.cpu.push(res.cpuMs);
  }
}

const f = (v: number): string => v.toFixed(4);
console.log(
  `energy-budget training step vs inference — example classifier 784→128→64→1, batch ${batch}, ${optimizer}, bce, 1 thread`,
);
console.log(
  `  machine: ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} logical CPUs), onnxruntime-node ${ort.env.versions?.common ?? ''}`,
);
console.log(`  training graph: ${nodes.length} nodes; outputs written into preallocated tensors: ${preallocated}`);
console.log(`  medians of ${rounds} rounds × ${calls} calls:`);
console.log(`    inference                        wall ${f(median(inf.wall))} ms   cpu ${f(median(inf.cpu))} ms`);
console.log(
  `    training step, 1 step per call  wall ${f(median(trn.wall))} ms   cpu ${f(median(trn.cpu))} ms   ratio (goal < 3.5×): wall ${(median(trn.wall) / median(inf.wall)).toFixed(2)}×   cpu ${(median(trn.cpu) / median(inf.cpu)).toFixed(2)}×`,
);
console.log(
  `    training step, ${perCall} steps per call (Loop)  wall ${f(median(lp.wall))} ms   cpu ${f(median(lp.cpu))} ms   ratio: wall ${(median(lp.wall) / median(inf.wall)).toFixed(2)}×   cpu ${(median(lp.cpu) / median(inf.cpu)).toFixed(2)}×`,
);

const perRound = (i: number): number[] => lp.cpu.map((c, r) => c / lay[i].cpu[r]);
layouts.forEach((v, i) =>
  console.log(
    `    Loop, ${v.label}  wall ${f(median(lay[i].wall))} ms   cpu ${f(median(lay[i].cpu))} ms   ratio: wall ${(median(lay[i].wall) / median(inf.wall)).toFixed(2)}×   cpu ${(median(lay[i].cpu) / median(inf.cpu)).toFixed(2)}×   default Loop / this: cpu ${median(perRound(i)).toFixed(3)}× (median of per-round ratios, range ${Math.min(...perRound(i)).toFixed(3)}–${Math.max(...perRound(i)).toFixed(3)})`,
  ),
);

await inference.release();
await training.release();
await trainingLooped.release();
for (const v of layouts) await v.session.release();

// Other models (e.g. torchvision exports): a step (cross-entropy, the chosen optimizer) against
// an inference pass of the same batch, blocks interleaved per round. The step runs as
// `energy-budget run` runs it: --model-steps-per-call steps per onnxruntime call (an ONNX Loop,
// src/train/loop.ts; 1 = one call per step), outputs written into preallocated tensors. For a
// torchvision export named after its model (resnet18.onnx, ...), PyTorch's step on the same
// batch follows (bench/train_step_torchvision.py, unless --no-torch).
const modelPerCall = Number(values['model-steps-per-call']);
for (const file of values.model ?? []) {
  const b = Number(values['model-batch']);
  const hw = Number(values['model-size']);
  const dims = values['model-input'] ? values['model-input'].split(',').map(Number) : [b, 3, hw, hw];
  const { proto: mproto, name, x: xm, loss, step: mstep, feeds } = await buildModelStep(file, dims, optimizer, rng);
  const mlooped = modelPerCall > 1 ? loopTrainingStep(mstep, modelPerCall) : undefined;
  // --legacy: the same step with older formulations (its own random batch), a block of its own
  // in each round.
  const old = values.legacy?.length
    ? await buildModelStep(file, dims, optimizer, createRng(7), { formulations: legacyFormulations(values.legacy) })
    : undefined;
  const oldModel = old && (modelPerCall > 1 ? loopTrainingStep(old.step, modelPerCall).model : old.step.model);
  const trnOld = oldModel && (await ort.InferenceSession.create(encodeModel(oldModel), options));
  const oldFetches = trnOld && old && preallocatedFetches(await trnOld.run(old.feeds));
  const oldMs: number[] = [];
  const inf = await ort.InferenceSession.create(readFileSync(file), options);
  // The same inference pass with the trained parameters as graph inputs, as the step's forward
  // sees them: no weight prepacking, no NCHWc filter reorder, no Conv+BatchNorm folding (those
  // need constant weights). Step / this isolates backward + update from what changing weights
  // cost the forward.
  const params = new Set(mstep.parameterNames);
  const g0 = mproto.graph ?? {};
  const infInputsModel = {
    ...mproto,
    graph: {
      ...g0,
      initializer: (g0.initializer ?? []).filter((t) => !params.has(t.name ?? '')),
      input: [
        ...(g0.input ?? []).filter((v) => !params.has(v.name ?? '')),
        ...(g0.initializer ?? [])
          .filter((t) => params.has(t.name ?? ''))
          .map((t) => ({
            name: t.name,
            type: { tensorType: { elemType: t.dataType, shape: { dim: (t.dims ?? []).map((d) => ({ dimValue: d })) } } },
          })),
      ],
    },
  };
  const infIn = await ort.InferenceSession.create(encodeModel(infInputsModel), options);
  const infInFeeds: Record<string, ort.Tensor> = { [name]: xm };
  for (const n of params) infInFeeds[n] = toOrtTensor({ ...mstep.initialState[n], dims: mstep.parameterDims[n] });
  const trn = await ort.InferenceSession.create(encodeModel(mlooped?.model ?? mstep.model), options);
  const per = Math.max(1, Math.round(calls / 50));
  const ratios: number[] = [];
  const ratiosIn: number[] = [];
  const infMs: number[] = [];
  const infInMs: number[] = [];
  const stepMs: number[] = [];
  await inf.run({ [name]: xm });
  await infIn.run(infInFeeds);
  // Preallocated outputs, as the product's loop writes them (runner.ts).
  const fetches = preallocatedFetches(await trn.run(feeds));
  const k = mlooped?.stepsPerCall ?? 1;
  for (let r = 0; r < rounds; r++) {
    const c0 = cpuMs();
    for (let i = 0; i < per * k; i++) await inf.run({ [name]: xm });
    const c1 = cpuMs();
    for (let i = 0; i < per; i++) await trn.run(feeds, fetches);
    const c2 = cpuMs();
    for (let i = 0; i < per * k; i++) await infIn.run(infInFeeds);
    const c3 = cpuMs();
    infMs.push((c1 - c0) / (per * k));
    stepMs.push((c2 - c1) / (per * k));
    infInMs.push((c3 - c2) / (per * k));
    if (trnOld && old && oldFetches) {
      for (let i = 0; i < per; i++) await trnOld.run(old.feeds, oldFetches);
      oldMs.push((cpuMs() - c3) / (per * k));
    }
    ratios.push(stepMs[r] / infMs[r]);
    ratiosIn.push(stepMs[r] / infInMs[r]);
  }
  const range = (xs: number[], d = 2): string => `${Math.min(...xs).toFixed(d)}–${Math.max(...xs).toFixed(d)}`;
  console.log(
    `  ${path.basename(file)}, input [${dims.join(', ')}], ${loss}, ${optimizer}, ${k} step${k > 1 ? 's' : ''} per call: inference cpu ${f(median(infMs))} ms, step cpu ${f(median(stepMs))} ms, step/inference ${median(ratios).toFixed(2)}× (median of ${rounds} interleaved rounds, range ${range(ratios)}; goal ≤ 5×)`,
  );
  console.log(
    `    inference with the parameters as inputs (the step's forward kernels): cpu ${f(median(infInMs))} ms (${(median(infInMs) / median(infMs)).toFixed(2)}× inference); step / it ${median(ratiosIn).toFixed(2)}× (range ${range(ratiosIn)})`,
  );
  if (trnOld) {
    const ab = stepMs.map((v, r) => v / oldMs[r]);
    console.log(
      `    --legacy ${(values.legacy ?? []).join(', ')}: step cpu ${f(median(oldMs))} ms, step/inference ${median(oldMs.map((v, r) => v / infMs[r])).toFixed(2)}×; step / this ${median(ab).toFixed(3)}× (range ${range(ab, 3)})`,
    );
    await trnOld.release();
  }
  await inf.release();
  await infIn.release();
  await trn.release();
  const tvName = path.basename(file, '.onnx');
  if (!values['no-torch'] && TORCHVISION.includes(tvName) && dims.length === 4) {
    const script = path.join(repo, 'bench', 'train_step_torchvision.py');
    const res = spawnSync(
      '/usr/bin/python3',
      [
        script,
        tvName,
        '--json',
        '--rounds',
        String(rounds),
        '--calls',
        String(per * k),
        '--batch',
        String(dims[0]),
        '--size',
        String(dims[2]),
        '--optimizer',
        optimizer === 'adam' ? 'adam' : 'sgd',
      ],
      { encoding: 'utf8' },
    );
    if (res.status === 0) {
      const t = JSON.parse(res.stdout.trim().split('\n').pop() ?? '{}') as {
        torch: string;
        stepMs: number;
        stepMsRange: number[];
        inferenceMs: number;
      };
      console.log(
        `    PyTorch ${t.torch} ${tvName}, same batch, 1 thread: step cpu ${f(t.stepMs)} ms (rounds ${range(t.stepMsRange)}), inference ${f(t.inferenceMs)} ms; energy-budget step / PyTorch step ${(median(stepMs) / t.stepMs).toFixed(2)}× (goal ≤ 1×)`,
      );
    } else {
      console.log(`    PyTorch reference skipped: ${(res.stderr || res.error?.message || '').trim().split('\n').pop()}`);
    }
  }
}

if (!values['no-torch']) {
  const script = path.join(repo, 'bench', 'train_step_torch.py');
  const res = spawnSync(
    '/usr/bin/python3',
    [script, '--json', '--rounds', String(rounds), '--calls', String(calls), '--batch', String(batch)],
    { encoding: 'utf8' },
  );
  if (res.status === 0) {
    const t = JSON.parse(res.stdout.trim().split('\n').pop() ?? '{}') as {
      torch: string;
      stepMs: number;
      inferenceMs: number;
      ratio: number;
    };
    console.log(`  PyTorch ${t.torch} reference (Debian python3-torch, generic BLAS, 1 thread):`);
    console.log(`    inference ${f(t.inferenceMs)} ms   training step ${f(t.stepMs)} ms   ratio ${t.ratio.toFixed(2)}×`);
    console.log(
      `    energy-budget step / PyTorch step (cpu): ${(median(trn.cpu) / t.stepMs).toFixed(3)} (1 per call), ${(median(lp.cpu) / t.stepMs).toFixed(3)} (Loop)`,
    );
  } else {
    console.log(
      `  PyTorch reference skipped: /usr/bin/python3 ${script} failed (${(res.stderr || res.error?.message || '').trim().split('\n').pop()}); install it with apt-get install -y python3-torch`,
    );
  }
}
