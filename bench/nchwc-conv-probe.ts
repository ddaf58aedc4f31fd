/**
 * Probe: does onnxruntime's blocked-layout Conv (domain com.microsoft.nchwc, which its graph
 * optimizer only uses for Convs with constant weights, so never in a training step) work with
 * weights reordered at run time by ONNX ops, and what would it save? For SqueezeNet-like layers
 * (batch 4): the plain Conv with W as a graph input (as the training step's forward runs it)
 * against ReorderInput → nchwc Conv(W reordered by Reshape + Transpose in the graph) →
 * ReorderOutput, the two interleaved per round (process CPU time, one thread, median of
 * --rounds), with the largest difference of their outputs.
 *
 * The weight layout is MLAS's MlasReorderFilterOIHWBiBo ([O/B, I/B, kh·kw, Bi, Bo], B = the
 * NCHWc block size: 8 with AVX2, 16 with AVX512F; pass --block). Channel counts here are
 * multiples of 16. A wrong block size gives wrong outputs, not an error: the max |diff| column
 * says whether the layout matches this machine. Not used by the product; a measurement for
 * deciding whether the training graph should emit these ops (see the notes of issue #12).
 *
 * Run: node scripts/run-ts.mjs bench/nchwc-conv-probe.ts [--block 8] [--rounds 5] [--calls 50]
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import * as ort from 'onnxruntime-node';
import { DataType, encodeModel, type NodeProto, type TensorProto } from '../src/model/onnx.js';
import { model, node, valueInfo, int64Tensor } from '../src/model/builder.js';
import { BENCH_SESSION_OPTIONS } from './train-model-step.js';

const { values } = parseArgs({
  options: {
    block: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '5' },
    calls: { type: 'string', default: '50' },
  },
});
const B = Number(values.block);
const rounds = Number(values.rounds);
const calls = Number(values.calls);
const NCHWC = 'com.microsoft.nchwc';

async function session(
  nodes: NodeProto[],
  inits: TensorProto[],
  feeds: Record<string, ort.Tensor>,
): Promise<ort.InferenceSession> {
  const inputs = Object.entries(feeds).map(([n, t]) => valueInfo(n, DataType.FLOAT, [...t.dims]));
  const m = model(
    { name: 'probe', node: nodes, initializer: inits, input: inputs, output: [{ name: 'y' }] },
    { opset: 17, extraOpsets: [{ domain: NCHWC, version: 1 }] },
  );
  return ort.InferenceSession.create(encodeModel(m), BENCH_SESSION_OPTIONS);
}

async function cpuMsPerCall(s: ort.InferenceSession, feeds: Record<string, ort.Tensor>): Promise<number> {
  const t0 = process.cpuUsage();
  for (let i = 0; i < calls; i++) await s.run(feeds);
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / 1e3 / calls;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`NCHWc block ${B}, ${rounds} rounds × ${calls} calls, load average ${os.loadavg()[0].toFixed(2)}`);
// [N, C, H, M, k, pad]: SqueezeNet 1.1 expand3x3 of fire2/fire4/fire8 and two squeeze layers.
const layers = [
  [4, 16, 15, 64, 3, 1],
  [4, 32, 7, 128, 3, 1],
  [4, 64, 3, 256, 3, 1],
  [4, 128, 15, 16, 1, 0],
  [4, 512, 3, 64, 1, 0],
];
for (const [N, C, H, M, k, p] of layers) {
  const x = new ort.Tensor(
    'float32',
    Float32Array.from({ length: N * C * H * H }, (_, i) => Math.sin(i) / 2),
    [N, C, H, H],
  );
  const w = new ort.Tensor(
    'float32',
    Float32Array.from({ length: M * C * k * k }, (_, i) => Math.cos(i) / 2),
    [M, C, k, k],
  );
  const feeds = { x, w };
  const attrs = { kernel_shape: [k, k], pads: [p, p, p, p] };
  const plain = await session([node('Conv', ['x', 'w'], ['y'], attrs)], [], feeds);
  const blocked = await session(
    [
      node('Reshape', ['w', 'r1'], ['w1']),
      node('Transpose', ['w1'], ['w2'], { perm: [0, 2, 4, 3, 1] }),
      node('Reshape', ['w2', 'r2'], ['wb']),
      { ...node('ReorderInput', ['x'], ['xb']), domain: NCHWC },
      { ...node('Conv', ['xb', 'wb'], ['yb'], attrs), domain: NCHWC },
      { ...node('ReorderOutput', ['yb'], ['y'], { channels: M }), domain: NCHWC },
    ],
    [int64Tensor('r1', [5], [M / B, B, C / B, B, k * k]), int64Tensor('r2', [4], [M, C, k, k])],
    feeds,
  );
  // The same with W already in the blocked layout (parameters stored as the kernel reads them).
  const wb = (
    await (
      await session(
        [
          node('Reshape', ['w', 'r1'], ['w1']),
          node('Transpose', ['w1'], ['w2'], { perm: [0, 2, 4, 3, 1] }),
          node('Reshape', ['w2', 'r2'], ['y']),
        ],
        [int64Tensor('r1', [5], [M / B, B, C / B, B, k * k]), int64Tensor('r2', [4], [M, C, k, k])],
        { w },
      )
    ).run({ w })
  ).y;
  const stored = await session(
    [
      { ...node('ReorderInput', ['x'], ['xb']), domain: NCHWC },
      { ...node('Conv', ['xb', 'w'], ['yb'], attrs), domain: NCHWC },
      { ...node('ReorderOutput', ['yb'], ['y'], { channels: M }), domain: NCHWC },
    ],
    [],
    { x, w: wb },
  );
  const ya = (await plain.run(feeds)).y.data;
  const yb = (await blocked.run(feeds)).y.data;
  const yc = (await stored.run({ x, w: wb })).y.data;
  let diff = 0;
  for (let i = 0; i < ya.length; i++) {
    diff = Math.max(diff, Math.abs(Number(ya[i]) - Number(yb[i])), Math.abs(Number(ya[i]) - Number(yc[i])));
  }
  const a: number[] = [];
  const b: number[] = [];
  const c: number[] = [];
  const blocks: Array<() => Promise<void>> = [
    async () => void a.push(await cpuMsPerCall(plain, feeds)),
    async () => void b.push(await cpuMsPerCall(blocked, feeds)),
    async () => void c.push(await cpuMsPerCall(stored, { x, w: wb })),
  ];
  for (let r = 0; r < rounds; r++) for (const run of r % 2 ? [...blocks].reverse() : blocks) await run();
  console.log(
    `  x [${N}, ${C}, ${H}, ${H}], W [${M}, ${C}, ${k}, ${k}]: Conv ${median(a).toFixed(3)} ms, nchwc with reorders ${median(b).toFixed(3)} ms (${(median(b) / median(a)).toFixed(2)}×), W stored blocked ${median(c).toFixed(3)} ms (${(median(c) / median(a)).toFixed(2)}×), max |diff| ${diff.toExponential(1)}`,
  );
  await plain.release();
  await blocked.release();
  await stored.release();
}
