/**
 * Losses: the value against its formula computed here, and the gradient with respect to the
 * prediction against central differences of that formula (float64; h = 1e-6,
 * |Δ| ≤ 1e-7 + 1e-6·|fd|). The gradient is read from one SGD step with learning rate 1 on
 * y = x + w with w = 0: the new w is −∂L/∂y.
 */
import { describe, expect, it } from '@jest/globals';
import * as ort from 'onnxruntime-node';
import { DataType, encodeModel } from '../../src/model/onnx.js';
import { model, node, rawTensor, valueInfo } from '../../src/model/builder.js';
import { buildTrainingStep } from '../../src/train/index.js';
import { BCE_EPSILON, synthesizeLabels } from '../../src/train/losses.js';
import { toOrtTensor } from '../../src/train/runner.js';
import { createRng } from '../../src/util/random.js';
import type { LossName } from '../../src/config/types.js';

function addModel(dims: number[]) {
  const n = dims.reduce((a, b) => a * b, 1);
  return model({
    name: 'add',
    node: [node('Add', ['x', 'w'], ['y'])],
    initializer: [rawTensor('w', dims, DataType.DOUBLE, new Float64Array(n))],
    input: [valueInfo('x', DataType.DOUBLE, dims)],
    output: [valueInfo('y', DataType.DOUBLE, dims)],
  });
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
/** log σ(z) without overflow: −log(1 + e^−z) for z ≥ 0, z − log(1 + e^z) otherwise. */
const logSigmoid = (z: number): number => (z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z)));

/** The losses as written in losses.ts, here in plain JavaScript. */
function reference(loss: LossName, y: number[], labels: number[], dims: number[]): number {
  if (loss === 'mse') return y.reduce((s, v, i) => s + (v - labels[i]) ** 2, 0) / y.length;
  if (loss === 'bce') {
    return (
      -y.reduce((s, v, i) => {
        const p = Math.min(Math.max(v, BCE_EPSILON), 1 - BCE_EPSILON);
        return s + labels[i] * Math.log(p) + (1 - labels[i]) * Math.log(1 - p);
      }, 0) / y.length
    );
  }
  if (loss === 'bce-logits')
    return -y.reduce((s, z, i) => s + labels[i] * logSigmoid(z) + (1 - labels[i]) * logSigmoid(-z), 0) / y.length;
  // cross-entropy over axis 1 of [N, C, rest...]
  const [n, c] = dims;
  const rest = y.length / (n * c);
  let total = 0;
  for (let a = 0; a < n; a++) {
    for (let r = 0; r < rest; r++) {
      const logits = Array.from({ length: c }, (_, k) => y[(a * c + k) * rest + r]);
      const max = Math.max(...logits);
      const lse = max + Math.log(logits.reduce((s, v) => s + Math.exp(v - max), 0));
      total += lse - logits[labels[a * rest + r]];
    }
  }
  return total / (n * rest);
}

async function check(loss: LossName, dims: number[], x: number[], labels: number[]): Promise<void> {
  const step = buildTrainingStep(addModel(dims), { loss, optimizer: 'sgd', learningRate: 1 });
  const session = await ort.InferenceSession.create(encodeModel(step.model));
  const labelTensor =
    step.label.dtype === 'int64'
      ? new ort.Tensor('int64', BigInt64Array.from(labels.map(BigInt)), step.label.shape as number[])
      : new ort.Tensor('float64', Float64Array.from(labels), dims);
  const out = await session.run({
    x: new ort.Tensor('float64', Float64Array.from(x), dims),
    [step.labelInput]: labelTensor,
    w: toOrtTensor(step.initialState.w),
  });
  const lossValue = Number((out[step.lossOutput].data as Float64Array)[0]);
  expect(lossValue).toBeCloseTo(reference(loss, x, labels, dims), 10);
  const newW = out[Object.keys(step.feedback)[0]].data as Float64Array;
  const h = 1e-6;
  x.forEach((_, i) => {
    const up = [...x];
    const down = [...x];
    up[i] += h;
    down[i] -= h;
    const fd = (reference(loss, up, labels, dims) - reference(loss, down, labels, dims)) / (2 * h);
    expect(Math.abs(-newW[i] - fd)).toBeLessThan(1e-7 + 1e-6 * Math.abs(fd));
  });
  await session.release();
}

describe('losses', () => {
  const rng = createRng(77);
  const normal = (n: number): number[] => Array.from({ length: n }, () => rng.normal());

  it('mse', async () => {
    await check('mse', [4, 2], normal(8), normal(8));
  });

  it('bce on probabilities', async () => {
    await check(
      'bce',
      [5, 1],
      normal(5).map((v) => sigmoid(v)),
      [0, 1, 1, 0, 1],
    );
  });

  it('bce on logits, including large logits without overflow', async () => {
    await check('bce-logits', [6], [...normal(4), 40, -40], [1, 0, 1, 0, 1, 0]);
  });

  it('cross-entropy with integer labels, [N, C]', async () => {
    await check('cross-entropy', [4, 3], normal(12), [0, 2, 1, 2]);
  });

  it('cross-entropy over [N, C, D] with labels [N, D]', async () => {
    await check('cross-entropy', [2, 3, 2], normal(12), [0, 2, 1, 1]);
  });

  it('bce stays finite for saturated probabilities (clamped at 1e-7)', async () => {
    const step = buildTrainingStep(addModel([2]), { loss: 'bce', optimizer: 'sgd', learningRate: 1 });
    const session = await ort.InferenceSession.create(encodeModel(step.model));
    const out = await session.run({
      x: new ort.Tensor('float64', Float64Array.from([0, 1]), [2]),
      [step.labelInput]: new ort.Tensor('float64', Float64Array.from([1, 0]), [2]),
      w: toOrtTensor(step.initialState.w),
    });
    const l = Number((out[step.lossOutput].data as Float64Array)[0]);
    expect(l).toBeCloseTo(-Math.log(BCE_EPSILON), 6);
    expect(Array.from(out[Object.keys(step.feedback)[0]].data as Float64Array).every(Number.isFinite)).toBe(true);
    await session.release();
  });
});

describe('synthesised labels', () => {
  it('are seeded and match the loss', () => {
    const a = synthesizeLabels('bce', 'float32', [64, 1], 5);
    const b = synthesizeLabels('bce', 'float32', [64, 1], 5);
    expect(Array.from(a.data as Float32Array)).toEqual(Array.from(b.data as Float32Array));
    expect(new Set(Array.from(a.data as Float32Array))).toEqual(new Set([0, 1]));
    const ce = synthesizeLabels('cross-entropy', 'int64', [200], 9, 10);
    const values = Array.from(ce.data as BigInt64Array, Number);
    expect(Math.min(...values)).toBe(0);
    expect(Math.max(...values)).toBe(9);
    expect(ce.dtype).toBe('int64');
    const mse = synthesizeLabels('mse', 'float64', [3, 2], 1);
    expect(mse.data).toBeInstanceOf(Float64Array);
  });

  it('need a concrete shape', () => {
    expect(() => synthesizeLabels('mse', 'float32', ['N', 1], 1)).toThrow(/dims: \{ N: 32 \}/);
  });
});
