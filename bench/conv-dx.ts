/**
 * Conv's input gradient dX alone, per layer shape, in each formulation src/train/conv-grad-x.ts
 * can build: ConvTranspose (per image a Gemm and onnxruntime's col2im), one Gemm Wᵀ·dY over the
 * batch followed by Col2Im (the columns transposed to per-image order; the default), the same
 * Gemm followed by the col2im written in ONNX ops (Split, stride Pad + Slice, K Pads, Sum:
 * `formulations.col2imPads`), and the same Gemm followed by onnxruntime's N-D Col2Im with the
 * batch as an extra spatial axis (no transpose of the columns), and per image: Wᵀ (transposed
 * each step) times dY [N, M, Y] as one batched MatMul giving [N, C·K, Y] for Col2Im directly
 * (no transposes of dY or of the columns). The last two are not built by the step; they are
 * kept here because they are the obvious alternatives. The figures behind `useConvTranspose`.
 *
 * Shapes: ResNet-18's and SqueezeNet 1.1's 3×3 (and ResNet's strided 1×1) convolutions at
 * 64×64, and a few in between. The Gemm paths take dY already as the [M, N·Y] matrix (the step
 * computes it anyway for dW). One thread, sequential; per layer --rounds interleaved rounds,
 * median µs per call.
 *
 * Run:  node scripts/run-ts.mjs bench/conv-dx.ts [--rounds 7] [--batch 4]
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import * as ort from 'onnxruntime-node';
import { DataType, encodeModel } from '../src/model/onnx.js';
import { model, valueInfo } from '../src/model/builder.js';
import { GraphEmitter } from '../src/train/graph.js';
import { windowOutput } from '../src/train/shapes.js';
import { convTransposeDx, gemmCol2imDx, useConvTranspose, type ConvGeometry } from '../src/train/conv-grad-x.js';
import { BENCH_SESSION_OPTIONS } from './train-model-step.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '7' },
    batch: { type: 'string', default: '4' },
  },
});
const rounds = Number(values.rounds);
const N = Number(values.batch);

/** name, M (filters), C (input channels), H = W (input size), kernel, stride; pads (k − 1)/2. */
const layers: Array<[string, number, number, number, number, number]> = [
  ['resnet18 layer1', 64, 64, 16, 3, 1],
  ['resnet18 layer2.0 stride 2', 128, 64, 16, 3, 2],
  ['resnet18 layer2', 128, 128, 8, 3, 1],
  ['resnet18 layer3.0 stride 2', 256, 128, 8, 3, 2],
  ['resnet18 layer3', 256, 256, 4, 3, 1],
  ['resnet18 layer4.0 stride 2', 512, 256, 4, 3, 2],
  ['resnet18 layer4', 512, 512, 2, 3, 1],
  ['resnet18 layer3 downsample', 256, 128, 8, 1, 2],
  ['resnet18 layer4 downsample', 512, 256, 4, 1, 2],
  ['squeezenet fire2 expand3x3', 64, 16, 15, 3, 1],
  ['squeezenet fire4 expand3x3', 128, 32, 7, 3, 1],
  ['squeezenet fire6 expand3x3', 192, 48, 3, 3, 1],
  ['squeezenet fire8 expand3x3', 256, 64, 3, 3, 1],
  ['between: 256×128 on 8×8', 256, 128, 8, 3, 1],
  ['between: 128×128 on 4×4', 128, 128, 4, 3, 1],
  ['between: 128×64 on 3×3', 128, 64, 3, 3, 1],
];

const prod = (xs: number[]): number => xs.reduce((a, b) => a * b, 1);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One dX graph: the emitter's nodes with the last output renamed `dx`. */
async function session(
  build: (em: GraphEmitter) => string,
  inputs: Array<[string, number[]]>,
  col2imPads = false,
): Promise<ort.InferenceSession> {
  const em = new GraphEmitter(DataType.FLOAT, 18, new Set(['w', 'dy', 'dym', 'dx']));
  em.formulations = { col2imPads };
  em.to('dx', 'Identity', [build(em)]);
  const graph = {
    name: 'dx',
    node: em.nodes,
    initializer: em.initializers,
    input: inputs.map(([n, d]) => valueInfo(n, DataType.FLOAT, d)),
    output: [valueInfo('dx', DataType.FLOAT, undefined)],
  };
  return ort.InferenceSession.create(encodeModel(model(graph, { opset: 18 })), BENCH_SESSION_OPTIONS);
}

console.log(
  `Conv dX per layer, batch ${N}, 1 thread, median µs of ${rounds} interleaved rounds (load average ${os.loadavg()[0].toFixed(1)}); ratios to ConvTranspose`,
);
for (const [label, M, C, H, k, s] of layers) {
  const p = (k - 1) / 2;
  const g = { kernel: [k, k], strides: [s, s], dilations: [1, 1], pads: [p, p, p, p], ceilMode: false };
  const ySpatial = windowOutput([H, H], g).map(Number);
  const Y = prod(ySpatial);
  const c: ConvGeometry = { spatial: [H, H], ySpatial, wShape: [M, C, k, k], group: 1, g };
  const w: [string, number[]] = ['w', [M, C, k, k]];
  const dym: [string, number[]] = ['dym', [M, N * Y]];
  const batchAsAxis = (em: GraphEmitter): string => {
    const cols = em.one('Gemm', [em.reshapeTo('w', [M, -1]), 'dym'], { transA: 1 });
    const image = em.one('Col2Im', [em.reshapeTo(cols, [1, C * k * k, -1]), em.ints([N, H, H]), em.ints([1, k, k])], {
      strides: [1, s, s],
      pads: [0, p, p, 0, p, p],
    });
    return em.one('Transpose', [em.reshapeTo(image, [C, N, H, H])], { perm: [1, 0, 2, 3] });
  };
  const perImage = (em: GraphEmitter): string => {
    const wT = em.one('Transpose', [em.reshapeTo('w', [M, -1])], { perm: [1, 0] });
    const cols = em.one('MatMul', [wT, em.reshapeTo('dy', [N, M, Y])]);
    return em.one('Col2Im', [cols, em.ints([H, H]), em.ints([k, k])], { strides: [s, s], pads: [p, p, p, p] });
  };
  const variants: Array<[string, ort.InferenceSession, Record<string, ort.Tensor>]> = [];
  const rnd = (dims: number[]): ort.Tensor =>
    new ort.Tensor(
      'float32',
      Float32Array.from({ length: prod(dims) }, (_, i) => Math.sin(i * 0.37)),
      dims,
    );
  const wT = rnd(w[1]);
  const dyT = rnd([N, M, ...ySpatial]);
  // The same dY as the [M, N·Y] matrix the Gemm paths take.
  const dyData = Float32Array.from(dyT.data as Float32Array);
  const dymT = new ort.Tensor(
    'float32',
    Float32Array.from(
      { length: M * N * Y },
      (_, i) => dyData[(Math.floor((i % (N * Y)) / Y) * M + Math.floor(i / (N * Y))) * Y + (i % Y)],
    ),
    dym[1],
  );
  variants.push([
    'ConvTranspose',
    await session((em) => convTransposeDx(em, 'dy', 'w', c), [w, ['dy', [N, M, ...ySpatial]]]),
    { w: wT, dy: dyT },
  ]);
  variants.push(['Gemm+Col2Im', await session((em) => gemmCol2imDx(em, 'w', () => 'dym', c), [w, dym]), { w: wT, dym: dymT }]);
  variants.push([
    'Gemm+ONNX-ops',
    await session((em) => gemmCol2imDx(em, 'w', () => 'dym', c), [w, dym], true),
    { w: wT, dym: dymT },
  ]);
  variants.push(['Gemm+N-D Col2Im (batch axis)', await session(batchAsAxis, [w, dym]), { w: wT, dym: dymT }]);
  variants.push(['Wᵀ·dY[n] MatMul+Col2Im', await session(perImage, [w, ['dy', [N, M, ...ySpatial]]]), { w: wT, dy: dyT }]);
  // Outputs agree (same dX from every formulation).
  const outs: Float32Array[] = [];
  for (const [, sess, feeds] of variants) {
    const data = (await sess.run(feeds)).dx.data;
    outs.push(data instanceof Float32Array ? data : new Float32Array());
  }
  const worst = Math.max(...outs.slice(1).map((o) => Math.max(...o.map((v, i) => Math.abs(v - outs[0][i])))));
  const reps = Math.max(10, Math.round(6e7 / (M * C * k * k * N * Y)));
  const times: number[][] = variants.map(() => []);
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 ? [...variants.keys()].reverse() : [...variants.keys()];
    for (const j of order) {
      const [, sess, feeds] = variants[j];
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < reps; i++) await sess.run(feeds);
      times[j].push(Number(process.hrtime.bigint() - t0) / 1e3 / reps);
    }
  }
  const ct = median(times[0]);
  const cells = variants.map(
    ([name], j) => `${name} ${median(times[j]).toFixed(0)}${j ? ` (${(median(times[j]) / ct).toFixed(2)})` : ''}`,
  );
  console.log(
    `  ${label} [W ${M}×${C}×${k}×${k}, Y ${ySpatial.join('×')}, M·K/Y ${((M * k * k) / Y).toFixed(0)}; step takes ${useConvTranspose(c) ? 'ConvTranspose' : 'Gemm+Col2Im'}]: ${cells.join(', ')}; max |Δ| ${worst.toExponential(1)}`,
  );
  for (const [, sess] of variants) await sess.release();
}
