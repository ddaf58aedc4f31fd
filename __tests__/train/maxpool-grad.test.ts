/**
 * MaxPool's gradient from a plain MaxPool and an ArgMax over the window elements
 * (src/train/maxpool-grad.ts): central finite differences for the geometries torchvision uses
 * (3×3 stride 2 with ceil_mode or pads, overlapping) and the rest (dilations, asymmetric pads,
 * 1-D, 3-D), float64 with the tolerances of gradcheck.ts; and exact agreement with onnxruntime's
 * Indices output (the former formulation, PyTorch's tie-breaking) on data full of ties: windows
 * of ReLU zeros and repeated integers, where finite differences cannot tell which maximum wins.
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

describe('MaxPool gradient without Indices matches central finite differences', () => {
  let seed = 5200;
  for (const [name, dims, attrs] of cases) {
    const s = seed++;
    it(name, async () => {
      const c = pool(dims, attrs);
      const ops = gradOps(c.nodes, dims, {});
      expect(ops).toContain('ArgMax');
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

describe('MaxPool gradient without Indices breaks ties as onnxruntime and PyTorch do', () => {
  const tieCases: Array<[string, number[], Attrs]> = [
    ['3×3 stride 2 ceil_mode', [2, 3, 9, 8], { kernel_shape: [3, 3], strides: [2, 2], ceil_mode: 1 }],
    ['3×3 stride 2 pad 1', [2, 3, 8, 7], { kernel_shape: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1] }],
    ['3×3 stride 1 dilation 2', [1, 2, 7, 7], { kernel_shape: [3, 3], dilations: [2, 2] }],
  ];
  let seed = 5300;
  for (const [name, dims, attrs] of tieCases) {
    const s = seed++;
    it(`${name}: first maximum in window order, as MaxPool's Indices`, async () => {
      const rng = createRng(s);
      // Integers in [−3, 2] through a ReLU: half the inputs are 0 and most windows hold ties.
      const x = Float32Array.from({ length: dims.reduce((a, b) => a * b, 1) }, () => Math.floor(rng.next() * 6) - 3);
      const nodes = [node('Relu', ['x'], ['h']), node('MaxPool', ['h'], ['y'], attrs)];
      // dY distinct per output would need the output size; the weight 1 plus ReLU's mask is
      // enough: each window's gradient lands on exactly one element, the chosen maximum.
      const withIndices = await gradient(nodes, x, dims, { maxPoolIndices: true });
      const withArgMax = await gradient(nodes, x, dims, {});
      expect(gradOps(nodes, dims, { maxPoolIndices: true })).not.toContain('ArgMax');
      expect(Array.from(withArgMax)).toEqual(Array.from(withIndices));
      // Without a ReLU (ties between equal positive integers, which carry gradient).
      const direct = [node('MaxPool', ['x'], ['y'], attrs)];
      expect(Array.from(await gradient(direct, x, dims, {}))).toEqual(
        Array.from(await gradient(direct, x, dims, { maxPoolIndices: true })),
      );
    });
  }
});
