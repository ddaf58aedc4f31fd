/**
 * Every op with a gradient, checked against central finite differences in onnxruntime.
 *
 * Tolerances: float64 graphs (every op onnxruntime's CPU provider runs in double): step
 * h = 1e-5, |built − fd| ≤ 1e-6 + 1e-5·|fd|. Conv, ConvTranspose, AveragePool and
 * GlobalAveragePool have float32 kernels only; those graphs are linear in the checked input,
 * so the difference quotient has no truncation error and a larger step h = 0.05 keeps the
 * float32 rounding small: |built − fd| ≤ 2e-3 + 1e-2·|fd|.
 */
import { describe, it, expect } from '@jest/globals';
import { node } from '../../src/model/builder.js';
import { gradCheck, floatInit, type GradCase } from './gradcheck.js';
import { int64Tensor } from '../../src/model/builder.js';

/** Keeps values at least 0.2 away from 0 (the kink of ReLU and LeakyReLU). */
const awayFromZero = (v: number): number => Math.sign(v) * (0.2 + Math.abs(v));

type Case = Omit<GradCase, 'seed' | 'dtype'> & { dtype?: GradCase['dtype'] };

function binary(op: string, a: number[], b: number[], extra: Partial<Case> = {}): Case {
  return {
    nodes: [node(op, ['a', 'b'], ['y'])],
    inputs: { a: { dims: a }, b: { dims: b } },
    output: 'y',
    wrt: ['a', 'b'],
    ...extra,
  };
}

function unary(op: string, dims: number[], attrs: Parameters<typeof node>[3] = {}, extra: Partial<Case> = {}): Case {
  return { nodes: [node(op, ['x'], ['y'], attrs)], inputs: { x: { dims } }, output: 'y', wrt: ['x'], ...extra };
}

const positive = (v: number): number => 0.5 + Math.abs(v);

const cases: Record<string, Case> = {
  Gemm: {
    nodes: [node('Gemm', ['a', 'b', 'c'], ['y'])],
    inputs: { a: { dims: [3, 4] }, b: { dims: [4, 5] }, c: { dims: [3, 5] } },
    output: 'y',
    wrt: ['a', 'b', 'c'],
  },
  'Gemm transA transB alpha beta, bias [N]': {
    nodes: [node('Gemm', ['a', 'b', 'c'], ['y'], { transA: 1, transB: 1, alpha: 0.7, beta: 1.3 })],
    inputs: { a: { dims: [4, 3] }, b: { dims: [5, 4] }, c: { dims: [5] } },
    output: 'y',
    wrt: ['a', 'b', 'c'],
  },
  'Gemm transA, bias [1]': {
    nodes: [node('Gemm', ['a', 'b', 'c'], ['y'], { transA: 1 })],
    inputs: { a: { dims: [4, 3] }, b: { dims: [4, 5] }, c: { dims: [1] } },
    output: 'y',
    wrt: ['a', 'b', 'c'],
  },
  'Gemm transB, bias [M,1], no symbolic help': {
    nodes: [node('Gemm', ['a', 'b', 'c'], ['y'], { transB: 1 })],
    inputs: { a: { dims: [3, 4] }, b: { dims: [5, 4] }, c: { dims: [3, 1] } },
    output: 'y',
    wrt: ['a', 'b', 'c'],
    declared: { a: ['N', 4] },
  },
  'Gemm without C': {
    nodes: [node('Gemm', ['a', 'b'], ['y'], { alpha: { f: 2 } })],
    inputs: { a: { dims: [3, 4] }, b: { dims: [4, 2] } },
    output: 'y',
    wrt: ['a', 'b'],
  },
  'MatMul 2-D': binary('MatMul', [3, 4], [4, 5]),
  'MatMul batched': binary('MatMul', [2, 3, 4], [2, 4, 5]),
  'MatMul broadcast batch [2,1,3,4]·[3,4,2]': binary('MatMul', [2, 1, 3, 4], [3, 4, 2]),
  'MatMul matrix·batched': binary('MatMul', [3, 4], [2, 4, 5]),
  'MatMul 1-D·2-D': binary('MatMul', [4], [4, 3]),
  'MatMul 2-D·1-D': binary('MatMul', [3, 4], [4]),
  'MatMul batched, symbolic batch (run-time shapes)': { ...binary('MatMul', [2, 3, 4], [4, 5]), declared: { a: ['B', 3, 4] } },
  'Add same shape': binary('Add', [2, 3], [2, 3]),
  'Add broadcast [2,3,4]+[4]': binary('Add', [2, 3, 4], [4]),
  'Add broadcast [2,1,4]+[3,1]': binary('Add', [2, 1, 4], [3, 1]),
  'Add broadcast, symbolic dims (run-time reduction)': {
    ...binary('Add', [2, 3, 4], [3, 1]),
    declared: { a: ['B', 'T', 4], b: ['T', 1] },
  },
  'Add broadcast scalar': binary('Add', [2, 3], []),
  'Sub broadcast [2,3]-[2,1]': binary('Sub', [2, 3], [2, 1]),
  'Mul broadcast [3,1,2]*[4,2]': binary('Mul', [3, 1, 2], [4, 2]),
  'Mul same tensor twice': { nodes: [node('Mul', ['a', 'a'], ['y'])], inputs: { a: { dims: [2, 3] } }, output: 'y', wrt: ['a'] },
  'Div broadcast [2,3]/[3]': binary('Div', [2, 3], [3], { shape: positive }),
  'Div broadcast [1,3]/[2,1], symbolic': { ...binary('Div', [1, 3], [2, 1], { shape: positive }), declared: { b: ['N', 1] } },
  Relu: unary('Relu', [3, 4], {}, { shape: awayFromZero }),
  LeakyRelu: unary('LeakyRelu', [3, 4], { alpha: 0.1 }, { shape: awayFromZero }),
  Sigmoid: unary('Sigmoid', [3, 4]),
  Tanh: unary('Tanh', [3, 4]),
  'Softmax last axis': unary('Softmax', [3, 4]),
  'Softmax axis 1 of 3': unary('Softmax', [2, 3, 4], { axis: 1 }),
  LogSoftmax: unary('LogSoftmax', [3, 4]),
  'LogSoftmax axis 0': unary('LogSoftmax', [3, 4], { axis: 0 }),
  Reshape: {
    nodes: [node('Reshape', ['x', 'shape'], ['y'])],
    inputs: { x: { dims: [2, 3, 4] } },
    initializers: [int64Tensor('shape', [2], [0, -1])],
    output: 'y',
    wrt: ['x'],
  },
  'Reshape, symbolic input': {
    nodes: [node('Reshape', ['x', 'shape'], ['y'])],
    inputs: { x: { dims: [2, 3, 4] } },
    initializers: [int64Tensor('shape', [3], [4, 3, 2])],
    output: 'y',
    wrt: ['x'],
    declared: { x: ['A', 'B', 'C'] },
  },
  'Flatten axis 2': unary('Flatten', [2, 3, 2, 2], { axis: 2 }),
  'Transpose perm': unary('Transpose', [2, 3, 4], { perm: [2, 0, 1] }),
  'Transpose default perm': unary('Transpose', [2, 3, 4]),
  Identity: unary('Identity', [3, 2]),
  'Dropout ratio 0 (identity)': {
    nodes: [node('Dropout', ['x', 'ratio'], ['y'])],
    inputs: { x: { dims: [3, 4] } },
    initializers: [floatInit('ratio', [], [0], 'float64')],
    output: 'y',
    wrt: ['x'],
  },
  'Concat axis 1': {
    nodes: [node('Concat', ['a', 'b', 'c'], ['y'], { axis: 1 })],
    inputs: { a: { dims: [2, 1, 3] }, b: { dims: [2, 3, 3] }, c: { dims: [2, 2, 3] } },
    output: 'y',
    wrt: ['a', 'b', 'c'],
  },
  'Concat axis -1, symbolic sizes': {
    nodes: [node('Concat', ['a', 'b'], ['y'], { axis: -1 })],
    inputs: { a: { dims: [2, 3] }, b: { dims: [2, 2] } },
    output: 'y',
    wrt: ['a', 'b'],
    declared: { a: [2, 'P'], b: [2, 'Q'] },
  },
  'MaxPool 2×2 stride 2': unary('MaxPool', [2, 2, 4, 4], { kernel_shape: [2, 2], strides: [2, 2] }),
  'MaxPool 3×3 stride 1 pads (overlapping)': unary('MaxPool', [1, 2, 5, 5], {
    kernel_shape: [3, 3],
    strides: [1, 1],
    pads: [1, 1, 1, 1],
  }),
  'MaxPool 2×2 stride 2 ceil_mode, dilation 2': unary('MaxPool', [1, 1, 7, 7], {
    kernel_shape: [2, 2],
    strides: [2, 2],
    dilations: [2, 2],
    ceil_mode: 1,
  }),
  'BatchNormalization 4-D': {
    nodes: [node('BatchNormalization', ['x', 'scale', 'bias', 'mean', 'var'], ['y'], { epsilon: 1e-3 })],
    inputs: { x: { dims: [3, 2, 2, 3] }, scale: { dims: [2] }, bias: { dims: [2] } },
    initializers: [floatInit('mean', [2], [0.1, -0.2], 'float64'), floatInit('var', [2], [1.5, 0.7], 'float64')],
    output: 'y',
    wrt: ['x', 'scale', 'bias'],
    trainingForward: true,
  },
  'BatchNormalization 2-D': {
    nodes: [node('BatchNormalization', ['x', 'scale', 'bias', 'mean', 'var'], ['y'])],
    inputs: { x: { dims: [5, 3] }, scale: { dims: [3] }, bias: { dims: [3] } },
    initializers: [floatInit('mean', [3], [0, 0, 0], 'float64'), floatInit('var', [3], [1, 1, 1], 'float64')],
    output: 'y',
    wrt: ['x', 'scale', 'bias'],
    trainingForward: true,
  },
  'Cast float→float, Neg, Squeeze, Unsqueeze': {
    nodes: [
      node('Cast', ['x'], ['c'], { to: 11 }),
      node('Neg', ['c'], ['n']),
      node('Unsqueeze', ['n', 'ax'], ['u']),
      node('Squeeze', ['u', 'ax'], ['y']),
    ],
    inputs: { x: { dims: [2, 3] } },
    initializers: [int64Tensor('ax', [1], [1])],
    output: 'y',
    wrt: ['x'],
  },
  Sqrt: unary('Sqrt', [3, 4], {}, { shape: positive }),
  Reciprocal: unary('Reciprocal', [3, 4], {}, { shape: positive }),
  Exp: unary('Exp', [3, 4]),
  Log: unary('Log', [3, 4], {}, { shape: positive }),
  Abs: unary('Abs', [3, 4], {}, { shape: awayFromZero }),
  'Clip min max': {
    nodes: [node('Clip', ['x', 'lo', 'hi'], ['y'])],
    inputs: { x: { dims: [3, 4] } },
    initializers: [floatInit('lo', [], [-0.5], 'float64'), floatInit('hi', [], [0.7], 'float64')],
    output: 'y',
    wrt: ['x'],
    shape: (v) => (Math.abs(v + 0.5) < 0.05 || Math.abs(v - 0.7) < 0.05 ? v + 0.1 : v),
  },
  'Pow constant exponent 2 (decomposed LayerNorm)': {
    nodes: [node('Pow', ['x', 'p'], ['y'])],
    inputs: { x: { dims: [3, 4] } },
    initializers: [floatInit('p', [], [2], 'float64')],
    output: 'y',
    wrt: ['x'],
  },
  'Pow constant exponent 1.5': {
    nodes: [node('Pow', ['x', 'p'], ['y'])],
    inputs: { x: { dims: [3, 4] } },
    initializers: [floatInit('p', [], [1.5], 'float64')],
    output: 'y',
    wrt: ['x'],
    shape: positive,
  },
  'Pow broadcast, both inputs [2,3]^[3]': binary('Pow', [2, 3], [3], { shape: positive }),
  'Where broadcast [2,3] / [3]': {
    nodes: [node('Greater', ['c0', 'zero'], ['c']), node('Where', ['c', 'a', 'b'], ['y'])],
    inputs: { c0: { dims: [2, 3] }, a: { dims: [2, 3] }, b: { dims: [3] } },
    initializers: [floatInit('zero', [], [0], 'float64')],
    output: 'y',
    wrt: ['a', 'b'],
  },
  'Expand [3,1] → [2,3,4]': {
    nodes: [node('Expand', ['x', 's'], ['y'])],
    inputs: { x: { dims: [3, 1] } },
    initializers: [int64Tensor('s', [3], [2, 3, 4])],
    output: 'y',
    wrt: ['x'],
  },
  'Slice constant bounds, unit steps (Pad)': {
    nodes: [node('Slice', ['x', 'st', 'en', 'ax'], ['y'])],
    inputs: { x: { dims: [4, 5, 3] } },
    initializers: [int64Tensor('st', [2], [1, -4]), int64Tensor('en', [2], [3, 100]), int64Tensor('ax', [2], [0, 1])],
    output: 'y',
    wrt: ['x'],
  },
  'Slice steps 2 and −1 (scatter)': {
    nodes: [node('Slice', ['x', 'st', 'en', 'ax', 'sp'], ['y'])],
    inputs: { x: { dims: [4, 5, 3] } },
    initializers: [
      int64Tensor('st', [2], [0, -1]),
      int64Tensor('en', [2], [100, 0]),
      int64Tensor('ax', [2], [1, 0]),
      int64Tensor('sp', [2], [2, -1]),
    ],
    output: 'y',
    wrt: ['x'],
  },
  'Slice bounds computed at run time, symbolic dims (scatter)': {
    nodes: [
      node('Shape', ['x'], ['s']),
      node('Gather', ['s', 'one'], ['d']),
      node('Div', ['d', 'two'], ['half']),
      node('Slice', ['x', 'half', 'd', 'one'], ['y']),
    ],
    inputs: { x: { dims: [2, 6] } },
    initializers: [int64Tensor('one', [1], [1]), int64Tensor('two', [1], [2])],
    output: 'y',
    wrt: ['x'],
    declared: { x: ['N', 'T'] },
  },
  'Einsum attention scores bhid,bhjd->bhij': {
    nodes: [node('Einsum', ['a', 'b'], ['y'], { equation: 'bhid,bhjd->bhij' })],
    inputs: { a: { dims: [2, 2, 3, 4] }, b: { dims: [2, 2, 5, 4] } },
    output: 'y',
    wrt: ['a', 'b'],
  },
  'Einsum attention context bhij,bhjd->bhid': {
    nodes: [node('Einsum', ['a', 'b'], ['y'], { equation: 'bhij, bhjd -> bhid' })],
    inputs: { a: { dims: [1, 2, 3, 5] }, b: { dims: [1, 2, 5, 4] } },
    output: 'y',
    wrt: ['a', 'b'],
  },
  'Einsum one operand, transpose ijk->kij': {
    nodes: [node('Einsum', ['a'], ['y'], { equation: 'ijk->kij' })],
    inputs: { a: { dims: [2, 3, 4] } },
    output: 'y',
    wrt: ['a'],
  },
  'ReduceMax axis 1, keepdims 0': unary('ReduceMax', [3, 4, 2], { axes: [1], keepdims: 0 }),
  'ReduceMin all axes': unary('ReduceMin', [3, 4]),
  'ReduceMax axes input (opset 18)': {
    nodes: [node('ReduceMax', ['x', 'ax'], ['y'])],
    inputs: { x: { dims: [2, 3, 4] } },
    initializers: [int64Tensor('ax', [2], [0, -1])],
    output: 'y',
    wrt: ['x'],
    opset: 18,
  },
  'Tile repeats [2, 1, 3]': {
    nodes: [node('Tile', ['x', 'r'], ['y'])],
    inputs: { x: { dims: [2, 3, 2] } },
    initializers: [int64Tensor('r', [3], [2, 1, 3])],
    output: 'y',
    wrt: ['x'],
  },
  'Pad constant, value 0.5 (DenseNet transitions)': {
    nodes: [node('Pad', ['x', 'p', 'v'], ['y'])],
    inputs: { x: { dims: [2, 3, 4] } },
    initializers: [int64Tensor('p', [6], [0, 1, 2, 0, 0, 1]), floatInit('v', [], [0.5], 'float64')],
    output: 'y',
    wrt: ['x'],
  },
  'Split into 3, one piece unused': {
    nodes: [node('Split', ['x', 'sz'], ['p', 'q', 'r'], { axis: 1 }), node('Mul', ['p', 'r'], ['y'])],
    inputs: { x: { dims: [2, 6] } },
    initializers: [int64Tensor('sz', [3], [2, 2, 2])],
    output: 'y',
    wrt: ['x'],
  },
  'Gather axis 0, repeated and negative indices (embedding)': {
    nodes: [node('Gather', ['x', 'i'], ['y'])],
    inputs: { x: { dims: [5, 3] } },
    initializers: [int64Tensor('i', [2, 3], [0, 2, -1, 2, 2, 4])],
    output: 'y',
    wrt: ['x'],
  },
  'Gather axis 1, 2-D indices': {
    nodes: [node('Gather', ['x', 'i'], ['y'], { axis: 1 })],
    inputs: { x: { dims: [2, 4, 3] } },
    initializers: [int64Tensor('i', [2, 2], [3, 0, 0, -2])],
    output: 'y',
    wrt: ['x'],
  },
  'LayerNormalization axis -1': {
    nodes: [node('LayerNormalization', ['x', 'g', 'b'], ['y'], { epsilon: 1e-5 })],
    inputs: { x: { dims: [2, 3, 4] }, g: { dims: [4] }, b: { dims: [4] } },
    output: 'y',
    wrt: ['x', 'g', 'b'],
  },
  'LayerNormalization axis 1 of 3': {
    nodes: [node('LayerNormalization', ['x', 'g', 'b'], ['y'], { axis: 1 })],
    inputs: { x: { dims: [2, 3, 4] }, g: { dims: [3, 4] }, b: { dims: [3, 4] } },
    output: 'y',
    wrt: ['x', 'g', 'b'],
  },
  'LayerNorm decomposed (ReduceMean, Sub, Pow, Sqrt, Div), as torch exports at opset 13': {
    nodes: [
      node('ReduceMean', ['x'], ['mu'], { axes: [-1] }),
      node('Sub', ['x', 'mu'], ['xc']),
      node('Pow', ['xc', 'two'], ['sq']),
      node('ReduceMean', ['sq'], ['var'], { axes: [-1] }),
      node('Add', ['var', 'eps'], ['ve']),
      node('Sqrt', ['ve'], ['sd']),
      node('Div', ['xc', 'sd'], ['xh']),
      node('Mul', ['xh', 'g'], ['s']),
      node('Add', ['s', 'b'], ['y']),
    ],
    inputs: { x: { dims: [3, 4] }, g: { dims: [4] }, b: { dims: [4] } },
    initializers: [floatInit('two', [], [2], 'float64'), floatInit('eps', [], [1e-5], 'float64')],
    output: 'y',
    wrt: ['x', 'g', 'b'],
    opset: 13,
  },
  'chain with reuse (x feeds two branches)': {
    nodes: [
      node('Tanh', ['x'], ['t']),
      node('Sigmoid', ['x'], ['s']),
      node('Mul', ['t', 's'], ['m']),
      node('Add', ['m', 'x'], ['y']),
    ],
    inputs: { x: { dims: [2, 3] } },
    output: 'y',
    wrt: ['x'],
  },
};

/** float32-only kernels in onnxruntime; every case is linear in the checked inputs. */
const float32Cases: Record<string, Case> = {
  'Conv 3×3 pad 1': {
    nodes: [node('Conv', ['x', 'w', 'b'], ['y'], { pads: [1, 1, 1, 1] })],
    inputs: { x: { dims: [2, 3, 5, 5] }, w: { dims: [4, 3, 3, 3] }, b: { dims: [4] } },
    output: 'y',
    wrt: ['x', 'w', 'b'],
  },
  'Conv stride 2, asymmetric pads, remainder': {
    nodes: [node('Conv', ['x', 'w'], ['y'], { strides: [2, 2], pads: [0, 1, 1, 0], kernel_shape: [3, 2] })],
    inputs: { x: { dims: [1, 2, 6, 7] }, w: { dims: [3, 2, 3, 2] } },
    output: 'y',
    wrt: ['x', 'w'],
  },
  'Conv dilation 2, stride 3': {
    nodes: [node('Conv', ['x', 'w'], ['y'], { dilations: [2, 2], strides: [3, 1] })],
    inputs: { x: { dims: [2, 1, 8, 7] }, w: { dims: [2, 1, 2, 3] } },
    output: 'y',
    wrt: ['x', 'w'],
  },
  'Conv auto_pad SAME_UPPER stride 2, symbolic batch': {
    nodes: [node('Conv', ['x', 'w'], ['y'], { auto_pad: 'SAME_UPPER', strides: [2, 2] })],
    inputs: { x: { dims: [2, 2, 5, 6] }, w: { dims: [2, 2, 3, 3] } },
    output: 'y',
    wrt: ['x', 'w'],
    declared: { x: ['N', 2, 5, 6] },
  },
  'Conv stride 1, dilation 2, asymmetric pads, 3×2 kernel (Gemm + col2im path)': {
    nodes: [node('Conv', ['x', 'w'], ['y'], { dilations: [2, 1], pads: [2, 0, 1, 1] })],
    inputs: { x: { dims: [2, 3, 6, 5] }, w: { dims: [4, 3, 3, 2] } },
    output: 'y',
    wrt: ['x', 'w'],
  },
  'Conv 1×1 (pointwise Gemm path), bias': {
    nodes: [node('Conv', ['x', 'w', 'b'], ['y'])],
    inputs: { x: { dims: [2, 3, 4, 5] }, w: { dims: [4, 3, 1, 1] }, b: { dims: [4] } },
    output: 'y',
    wrt: ['x', 'w', 'b'],
  },
  'Conv 1×1 stride 2 on odd sizes (ResNet shortcut), symbolic batch': {
    nodes: [node('Conv', ['x', 'w'], ['y'], { strides: [2, 2] })],
    inputs: { x: { dims: [2, 3, 5, 7] }, w: { dims: [4, 3, 1, 1] } },
    output: 'y',
    wrt: ['x', 'w'],
    declared: { x: ['N', 3, 5, 7] },
  },
  'Conv depthwise 3×3 (group = channels), pad 1': {
    nodes: [node('Conv', ['x', 'w', 'b'], ['y'], { pads: [1, 1, 1, 1], group: 4 })],
    inputs: { x: { dims: [2, 4, 5, 5] }, w: { dims: [4, 1, 3, 3] }, b: { dims: [4] } },
    output: 'y',
    wrt: ['x', 'w', 'b'],
  },
  'Conv depthwise with multiplier 2, stride 2': {
    nodes: [node('Conv', ['x', 'w'], ['y'], { strides: [2, 2], group: 3 })],
    inputs: { x: { dims: [2, 3, 6, 5] }, w: { dims: [6, 1, 3, 3] } },
    output: 'y',
    wrt: ['x', 'w'],
  },
  'Conv group 2 (ShuffleNet/ResNeXt), symbolic batch': {
    nodes: [node('Conv', ['x', 'w'], ['y'], { pads: [1, 0, 1, 0], group: 2 })],
    inputs: { x: { dims: [3, 4, 5, 4] }, w: { dims: [6, 2, 3, 2] } },
    output: 'y',
    wrt: ['x', 'w'],
    declared: { x: ['N', 4, 5, 4] },
  },
  'Conv 1-D, stride 2, pad 1': {
    nodes: [node('Conv', ['x', 'w', 'b'], ['y'], { strides: [2], pads: [1, 1] })],
    inputs: { x: { dims: [2, 3, 9] }, w: { dims: [4, 3, 3] }, b: { dims: [4] } },
    output: 'y',
    wrt: ['x', 'w', 'b'],
  },
  'Conv 3-D 2×2×2': {
    nodes: [node('Conv', ['x', 'w'], ['y'])],
    inputs: { x: { dims: [1, 2, 3, 4, 3] }, w: { dims: [3, 2, 2, 2, 2] } },
    output: 'y',
    wrt: ['x', 'w'],
  },
  'AveragePool 2×2 stride 2': unary('AveragePool', [2, 2, 4, 4], { kernel_shape: [2, 2], strides: [2, 2] }),
  'AveragePool 3×3 pads, count_include_pad 0': unary('AveragePool', [1, 2, 5, 5], { kernel_shape: [3, 3], pads: [1, 1, 1, 1] }),
  'AveragePool 3×3 pads, count_include_pad 1': unary('AveragePool', [1, 2, 5, 4], {
    kernel_shape: [3, 3],
    pads: [1, 1, 1, 1],
    count_include_pad: 1,
  }),
  'AveragePool ceil_mode, stride 2, pad 1': unary('AveragePool', [1, 1, 6, 6], {
    kernel_shape: [3, 3],
    strides: [2, 2],
    pads: [1, 1, 1, 1],
    ceil_mode: 1,
  }),
  'AveragePool ceil_mode, count_include_pad 1': unary('AveragePool', [1, 1, 6, 5], {
    kernel_shape: [3, 2],
    strides: [2, 2],
    pads: [1, 0, 1, 0],
    ceil_mode: 1,
    count_include_pad: 1,
  }),
  GlobalAveragePool: unary('GlobalAveragePool', [2, 3, 4, 5]),
  'GlobalAveragePool, symbolic spatial dims': {
    ...unary('GlobalAveragePool', [2, 3, 4, 5]),
    declared: { x: ['N', 3, 'H', 'W'] },
  },
};

describe('gradients match central finite differences (float64)', () => {
  let seed = 1000;
  for (const [name, c] of Object.entries(cases)) {
    const s = seed++;
    it(name, async () => {
      const res = await gradCheck({ dtype: 'float64', seed: s, ...c, initializers: c.initializers });
      expect(res.checked).toBeGreaterThan(0);
    });
  }
});

/** float32-only kernels, non-linear: the default float32 step h = 1e-2 and tolerances of gradcheck.ts. */
const float32Nonlinear: Record<string, Case> = {
  Erf: unary('Erf', [3, 4]),
  // Inputs kept off the kinks: (Y = 0 or 1 at αX + β = 0 or 1; HardSwish at ±3).
  HardSigmoid: unary(
    'HardSigmoid',
    [4, 5],
    { alpha: 0.3, beta: 0.4 },
    {
      shape: (v) =>
        2.5 * v + (Math.abs(2.5 * v * 0.3 + 0.4 - 0.5) > 0.45 && Math.abs(2.5 * v * 0.3 + 0.4 - 0.5) < 0.55 ? 0.5 : 0),
    },
  ),
  HardSwish: unary('HardSwish', [4, 5], {}, { shape: (v) => (Math.abs(Math.abs(3 * v) - 3) < 0.1 ? 3 * v + 0.3 : 3 * v) }),
  'Gelu (opset 20)': unary('Gelu', [3, 4], {}, { opset: 20 }),
  'Gelu approximate tanh (opset 20)': unary('Gelu', [3, 4], { approximate: 'tanh' }, { opset: 20 }),
  // Recurrent nodes are unrolled (src/train/recurrent.ts): gradCheck also holds the unrolled
  // forward to onnxruntime's own LSTM/GRU/RNN kernel (loss within 1e-4 relative). Y_h and Y_c
  // join the loss through a broadcast Add so their gradients are checked too.
  'LSTM peepholes, zero initial state': {
    nodes: [
      node('LSTM', ['x', 'w', 'r', 'b', '', '', '', 'p'], ['y', 'yh', 'yc'], { hidden_size: 3 }),
      node('Mul', ['yh', 'yc'], ['hc']),
      node('Add', ['y', 'hc'], ['out']),
    ],
    inputs: {
      x: { dims: [3, 2, 2] },
      w: { dims: [1, 12, 2] },
      r: { dims: [1, 12, 3] },
      b: { dims: [1, 24] },
      p: { dims: [1, 9] },
    },
    output: 'out',
    wrt: ['x', 'w', 'r', 'b', 'p'],
  },
  'LSTM bidirectional, initial states': {
    nodes: [
      node('LSTM', ['x', 'w', 'r', 'b', '', 'h0', 'c0'], ['y', 'yh', 'yc'], { hidden_size: 2, direction: 'bidirectional' }),
      node('Mul', ['yh', 'yc'], ['hc']),
      node('Add', ['y', 'hc'], ['out']),
    ],
    inputs: {
      x: { dims: [3, 2, 3] },
      w: { dims: [2, 8, 3] },
      r: { dims: [2, 8, 2] },
      b: { dims: [2, 16] },
      h0: { dims: [2, 2, 2] },
      c0: { dims: [2, 2, 2] },
    },
    output: 'out',
    wrt: ['x', 'w', 'r', 'b', 'h0', 'c0'],
  },
  'GRU reverse, linear_before_reset 0, zero initial state, symbolic batch': {
    nodes: [
      node('GRU', ['x', 'w', 'r', 'b'], ['y', 'yh'], { hidden_size: 2, direction: 'reverse' }),
      node('Add', ['y', 'yh'], ['out']),
    ],
    inputs: { x: { dims: [3, 2, 3] }, w: { dims: [1, 6, 3] }, r: { dims: [1, 6, 2] }, b: { dims: [1, 12] } },
    output: 'out',
    wrt: ['x', 'w', 'r', 'b'],
    declared: { x: [3, 'N', 3] },
  },
  'GRU bidirectional, linear_before_reset 1, initial state': {
    nodes: [
      node('GRU', ['x', 'w', 'r', 'b', '', 'h0'], ['y', 'yh'], {
        hidden_size: 2,
        direction: 'bidirectional',
        linear_before_reset: 1,
      }),
      node('Add', ['y', 'yh'], ['out']),
    ],
    inputs: {
      x: { dims: [2, 3, 2] },
      w: { dims: [2, 6, 2] },
      r: { dims: [2, 6, 2] },
      b: { dims: [2, 12] },
      h0: { dims: [2, 3, 2] },
    },
    output: 'out',
    wrt: ['x', 'w', 'r', 'b', 'h0'],
  },
  'RNN Sigmoid activation, no bias, sequence 1': {
    nodes: [
      {
        ...node('RNN', ['x', 'w', 'r'], ['y'], { hidden_size: 3 }),
        attribute: [
          { name: 'hidden_size', type: 2, i: 3 },
          { name: 'activations', type: 8, strings: [new TextEncoder().encode('Sigmoid')] },
        ],
      },
    ],
    inputs: { x: { dims: [1, 2, 4] }, w: { dims: [1, 3, 4] }, r: { dims: [1, 3, 3] } },
    output: 'y',
    wrt: ['x', 'w', 'r'],
  },
};

describe('gradients match central finite differences (float32 kernels, non-linear)', () => {
  let seed = 3000;
  for (const [name, c] of Object.entries(float32Nonlinear)) {
    const s = seed++;
    it(name, async () => {
      const res = await gradCheck({ dtype: 'float32', seed: s, ...c });
      expect(res.checked).toBeGreaterThan(0);
    });
  }
});

describe('gradients match central finite differences (float32 kernels)', () => {
  let seed = 2000;
  for (const [name, c] of Object.entries(float32Cases)) {
    const s = seed++;
    it(name, async () => {
      const res = await gradCheck({ dtype: 'float32', seed: s, h: 0.05, atol: 2e-3, rtol: 1e-2, ...c });
      expect(res.checked).toBeGreaterThan(0);
    });
  }
});
