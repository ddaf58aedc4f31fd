/**
 * MaxPool's gradient (onnxruntime's Indices output, then dY added at those positions) over the
 * geometries torchvision uses (3×3 stride 2 with ceil_mode or pads: overlapping windows) and
 * the rest (dilations, asymmetric pads, auto_pad, 1-D, 3-D): central finite differences,
 * float64, gradcheck.ts's tolerances. And ReLU's gradient as dY · Cast(Y > 0)
 * (src/train/grad-ops.ts): the same values as the Where it replaced, on data full of exact
 * zeros and ties (ReLU then MaxPool, where the subgradient at 0 matters), and finite
 * differences through ReLU + MaxPool away from the kinks.
 */
import { describe, it, expect } from '@jest/globals';
import * as ort from 'onnxruntime-node';
import { DataType, encodeModel } from '../../src/model/onnx.js';
import { model, node, rawTensor, valueInfo } from '../../src/model/builder.js';
import { differentiateModel } from '../../src/train/autodiff.js';
import type { GradFormulations } from '../../src/train/formulations.js';
import { createRng } from '../../src/util/random.js';
import { gradCheck, type GradCase } from './gradcheck.js';

type Attrs = Parameters<typeof node>[3];

const pool = (dims: number[], attrs: Attrs): Omit<GradCase, 'seed' | 'dtype'> => ({
  nodes: [node('MaxPool', ['x'], ['y'], attrs)],
  inputs: { x: { dims } },
  output: 'y',
  wrt: ['x'],
});

const cases: Array<[string, number[], Attrs]> = [
  [
    '3×3 stride 2 ceil_mode, last window past the end (SqueezeNet)',
    [2, 3, 8, 8],
    { kernel_shape: [3, 3], strides: [2, 2], ceil_mode: 1 },
  ],
  ['3×3 stride 2 pad 1 (ResNet)', [1, 2, 7, 6], { kernel_shape: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1] }],
  ['2×3 dilation 2, asymmetric pads', [1, 2, 6, 7], { kernel_shape: [2, 3], dilations: [2, 2], pads: [1, 0, 0, 1] }],
  ['auto_pad SAME_UPPER, stride 2', [1, 2, 5, 5], { kernel_shape: [2, 2], strides: [2, 2], auto_pad: 'SAME_UPPER' }],
  ['1-D, kernel 3 stride 2 ceil_mode', [2, 3, 10], { kernel_shape: [3], strides: [2], ceil_mode: 1 }],
  ['3-D 2×2×2 stride 1 (overlapping)', [1, 2, 3, 4, 3], { kernel_shape: [2, 2, 2] }],
];

describe('MaxPool gradient matches central finite differences', () => {
  let seed = 5200;
  for (const [name, dims, attrs] of cases) {
    const s = seed++;
    it(name, async () => {
      const c = pool(dims, attrs);
      const res = await gradCheck({ ...c, dtype: 'float64', seed: s });
      expect(res.checked).toBeGreaterThan(0);
    });
  }
});

function forwardModel(nodes: GradCase['nodes'], dims: number[], r?: Float32Array): ReturnType<typeof model> {
  return model(
    {
      name: 'pool',
      node: [...nodes, node('Mul', ['y', 'r'], ['p']), node('ReduceSum', ['p'], ['loss'], { keepdims: 0 })],
      initializer: r ? [rawTensor('r', [], DataType.FLOAT, r)] : [rawTensor('r', [], DataType.FLOAT, Float32Array.from([1]))],
      input: [valueInfo('x', DataType.FLOAT, dims)],
      output: [valueInfo('loss', DataType.FLOAT, [])],
    },
    { opset: 17 },
  );
}

function gradOps(nodes: GradCase['nodes'], dims: number[], formulations: GradFormulations): string[] {
  const m = differentiateModel(forwardModel(nodes, dims), { loss: 'loss', wrt: ['x'], formulations }).model;
  return (m.graph?.node ?? []).map((n) => n.opType ?? '');
}

async function gradient(
  nodes: GradCase['nodes'],
  x: Float32Array,
  dims: number[],
  formulations: GradFormulations,
): Promise<Float32Array> {
  const { model: m, gradients } = differentiateModel(forwardModel(nodes, dims), { loss: 'loss', wrt: ['x'], formulations });
  const session = await ort.InferenceSession.create(encodeModel(m));
  const out = await session.run({ x: new ort.Tensor('float32', x, dims) });
  await session.release();
  return Float32Array.from(out[gradients.x].data as Float32Array);
}

describe('ReLU gradient as dY · Cast(Y > 0)', () => {
  const attrs = { kernel_shape: [3, 3], strides: [2, 2], ceil_mode: 1 };
  it('equals the Where formulation on exact zeros and ties (ReLU then MaxPool)', async () => {
    const dims = [2, 3, 9, 8];
    const rng = createRng(5300);
    // Integers in [−3, 2]: half the ReLU outputs are exactly 0 and most windows hold ties.
    const x = Float32Array.from({ length: dims.reduce((a, b) => a * b, 1) }, () => Math.floor(rng.next() * 6) - 3);
    const nodes = [node('Relu', ['x'], ['h']), node('MaxPool', ['h'], ['y'], attrs)];
    expect(gradOps(nodes, dims, {})).not.toContain('Where');
    expect(gradOps(nodes, dims, { reluWhere: true })).toContain('Where');
    const now = await gradient(nodes, x, dims, {});
    expect(Array.from(now)).toEqual(Array.from(await gradient(nodes, x, dims, { reluWhere: true })));
    // The subgradient at 0 is 0 (as PyTorch's threshold_backward): no gradient reaches x ≤ 0.
    x.forEach((v, i) => {
      if (v <= 0) expect(now[i]).toBe(0);
    });
    expect(now.some((v) => v !== 0)).toBe(true);
  });
  it('matches central finite differences through ReLU and MaxPool', async () => {
    const res = await gradCheck({
      nodes: [node('Relu', ['x'], ['h']), node('MaxPool', ['h'], ['y'], attrs)],
      inputs: { x: { dims: [2, 2, 8, 8] } },
      output: 'y',
      wrt: ['x'],
      dtype: 'float64',
      seed: 5301,
      // Away from ReLU's kink at 0.
      shape: (v) => (v >= 0 ? v + 0.1 : v - 0.1),
    });
    expect(res.checked).toBeGreaterThan(0);
  });
});
