/**
 * FLOPs per inference call at concrete shapes, counted per node of the main graph.
 *
 * Convention (docs/flops.md has the full table and the reasons): 2 FLOPs per multiply-add for
 * Conv, ConvTranspose, Gemm, MatMul (batched, with broadcasting) and the recurrent ops; one
 * per output element for element-wise ops and bias adds; pooling costs its window; data
 * movement (Reshape, Transpose, Gather, Concat, …) costs 0. Ops whose cost is unknown or
 * depends on run-time data (If, Loop, Scan, custom domains) are listed in `uncounted`.
 */
import { opKey } from './analyze.js';
import { findAttr } from './attrs.js';
import type { GraphProto, ModelProto, NodeProto } from './onnx.js';
import type { FlopsInfo } from './types.js';

type Shapes = ReadonlyMap<string, readonly number[]>;

function numel(shape: readonly number[]): number {
  let p = 1;
  for (const d of shape) p *= d;
  return p;
}

/** Unlike `attrInt`, reads `i` only when the attribute itself carries it (not protobufjs's prototype default). */
function intAttr(n: NodeProto, name: string, dflt: number): number {
  const a = findAttr(n, name);
  return a && Object.prototype.hasOwnProperty.call(a, 'i') ? (a.i ?? dflt) : dflt;
}

/** Element-wise ops: one FLOP per output element (whatever the function's true cost). */
const ELEMENTWISE = new Set([
  'Add',
  'Sub',
  'Mul',
  'Div',
  'Pow',
  'Mod',
  'Sqrt',
  'Reciprocal',
  'Neg',
  'Abs',
  'Exp',
  'Log',
  'Floor',
  'Ceil',
  'Round',
  'Sign',
  'Erf',
  'Sin',
  'Cos',
  'Tan',
  'Asin',
  'Acos',
  'Atan',
  'Sinh',
  'Cosh',
  'Asinh',
  'Acosh',
  'Atanh',
  'Relu',
  'LeakyRelu',
  'PRelu',
  'Elu',
  'Selu',
  'Celu',
  'Sigmoid',
  'HardSigmoid',
  'HardSwish',
  'Tanh',
  'Softplus',
  'Softsign',
  'ThresholdedRelu',
  'Gelu',
  'Mish',
  'Clip',
  'Where',
  'Equal',
  'Greater',
  'Less',
  'GreaterOrEqual',
  'LessOrEqual',
  'And',
  'Or',
  'Xor',
  'Not',
  'BitShift',
  'BitwiseAnd',
  'BitwiseOr',
  'BitwiseXor',
  'BitwiseNot',
  'IsNaN',
  'IsInf',
  'Shrink',
  'CumSum',
]);
/** Variadic element-wise ops: (inputs − 1) per output element; Mean adds the division. */
const VARIADIC = new Set(['Sum', 'Max', 'Min', 'Mean']);
/** Quantisation: scale and zero-point, 2 per output element. */
const QUANTIZE = new Set(['QuantizeLinear', 'DequantizeLinear', 'DynamicQuantizeLinear']);
/** Reductions: one per input element; those that square or exponentiate first, two. */
const REDUCE_1 = new Set([
  'ReduceSum',
  'ReduceMean',
  'ReduceMax',
  'ReduceMin',
  'ReduceProd',
  'ReduceL1',
  'ArgMax',
  'ArgMin',
  'ReduceLogSum',
]);
const REDUCE_2 = new Set(['ReduceSumSquare', 'ReduceL2', 'ReduceLogSumExp']);
/** Softmax: max, subtract, exp, sum, divide (log for LogSoftmax) = 5 per element. */
const SOFTMAX = new Set(['Softmax', 'LogSoftmax', 'Hardmax']);
/** Normalisation from statistics: mean, centre, square, sum, normalise, scale, shift = 7. */
const NORMALIZE = new Set([
  'LayerNormalization',
  'InstanceNormalization',
  'GroupNormalization',
  'MeanVarianceNormalization',
  'LpNormalization',
]);
const POOL = new Set(['MaxPool', 'AveragePool', 'LpPool']);
const GLOBAL_POOL = new Set(['GlobalAveragePool', 'GlobalMaxPool', 'GlobalLpPool']);
/** Data movement, shape arithmetic and identities: 0 FLOPs. */
const FREE = new Set([
  'Reshape',
  'Flatten',
  'Squeeze',
  'Unsqueeze',
  'Transpose',
  'Concat',
  'Split',
  'Slice',
  'Gather',
  'GatherElements',
  'GatherND',
  'Scatter',
  'ScatterElements',
  'ScatterND',
  'Identity',
  'Shape',
  'Size',
  'Constant',
  'ConstantOfShape',
  'Cast',
  'CastLike',
  'Expand',
  'Tile',
  'Pad',
  'Dropout',
  'Range',
  'DepthToSpace',
  'SpaceToDepth',
  'OneHot',
  'EyeLike',
  'Trilu',
  'ReverseSequence',
  'Compress',
  'NonZero',
  'SequenceConstruct',
  'SequenceEmpty',
  'SequenceInsert',
  'SequenceErase',
  'SequenceAt',
  'SequenceLength',
  'SplitToSequence',
  'ConcatFromSequence',
  'Optional',
  'OptionalHasElement',
  'OptionalGetElement',
]);
/** Gate arithmetic per hidden unit per step besides the two projections (docs/flops.md). */
const RECURRENT_GATES: Record<string, { gates: number; elementwise: number }> = {
  RNN: { gates: 1, elementwise: 2 },
  GRU: { gates: 3, elementwise: 11 },
  LSTM: { gates: 4, elementwise: 13 },
};

/**
 * FLOPs of one node from its input/output shapes, or undefined when not countable (unknown op
 * or missing shape).
 */
export function nodeFlops(n: NodeProto, shapes: Shapes): number | undefined {
  if (n.domain && n.domain !== 'ai.onnx') return undefined;
  const op = n.opType ?? '';
  const inputs = n.input ?? [];
  const shapeIn = (i: number): readonly number[] | undefined => (inputs[i] ? shapes.get(inputs[i]) : undefined);
  const present = (i: number): boolean => !!inputs[i];
  const out = n.output?.[0] ? shapes.get(n.output[0]) : undefined;
  if (FREE.has(op)) return 0;
  switch (op) {
    case 'Conv':
    case 'ConvInteger':
    case 'QLinearConv': {
      // MACs = output elements × (C_in / group) × kernel elements = numel(out) × numel(W) / M.
      const wIndex = op === 'QLinearConv' ? 3 : 1;
      const w = shapeIn(wIndex);
      if (!out || !w || w[0] === 0) return undefined;
      const macs = (numel(out) * numel(w)) / w[0];
      const bias = op === 'Conv' ? present(2) : op === 'QLinearConv' ? present(8) : false;
      return 2 * macs + (bias ? numel(out) : 0);
    }
    case 'ConvTranspose': {
      // Every input element is multiplied by a (M / group) × kernel slice of W:
      // MACs = numel(X) × numel(W) / C_in.
      const x = shapeIn(0);
      const w = shapeIn(1);
      if (!x || !w || !out || w[0] === 0) return undefined;
      return 2 * ((numel(x) * numel(w)) / w[0]) + (present(2) ? numel(out) : 0);
    }
    case 'Gemm': {
      // Y = alpha·A'·B' + beta·C: 2·M·N·K, plus 1 per output element for adding C. The alpha
      // and beta scalings are not counted (exporters leave them at 1).
      const a = shapeIn(0);
      if (!a || !out || a.length !== 2) return undefined;
      const k = intAttr(n, 'transA', 0) ? a[0] : a[1];
      return 2 * numel(out) * k + (present(2) ? numel(out) : 0);
    }
    case 'MatMul':
    case 'MatMulInteger':
    case 'QLinearMatMul': {
      // numel(out) already includes the broadcast batch dims; each output element is a dot
      // product of length K = last dim of A (A's only dim when A is 1-D).
      const a = shapeIn(0);
      if (!a || !out || a.length === 0) return undefined;
      return 2 * numel(out) * a[a.length - 1];
    }
    case 'RNN':
    case 'GRU':
    case 'LSTM': {
      // Per step, batch row and direction: 2·G·H·(I + H) for the input and recurrent
      // projections, 2·G·H for their two biases when B is given, plus the gate arithmetic.
      const x = shapeIn(0);
      const w = shapeIn(1);
      if (!x || !w || x.length !== 3 || w.length !== 3) return undefined;
      const { gates, elementwise } = RECURRENT_GATES[op];
      const layout = intAttr(n, 'layout', 0);
      const steps = layout ? x[1] : x[0];
      const batch = layout ? x[0] : x[1];
      const inputSize = x[2];
      const directions = w[0];
      const hidden = intAttr(n, 'hidden_size', w[1] / gates);
      const perStep = 2 * gates * hidden * (inputSize + hidden) + (present(3) ? 2 * gates * hidden : 0) + elementwise * hidden;
      return steps * batch * directions * perStep;
    }
    case 'BatchNormalization':
      // Inference form y = x·s + t with s, t folded from mean, variance, scale and bias.
      return out ? 2 * numel(out) : undefined;
    default:
      break;
  }
  if (ELEMENTWISE.has(op)) return out ? numel(out) : undefined;
  if (VARIADIC.has(op)) return out ? numel(out) * (Math.max(inputs.length, 1) - 1 + (op === 'Mean' ? 1 : 0)) : undefined;
  if (QUANTIZE.has(op)) return out ? 2 * numel(out) : undefined;
  if (SOFTMAX.has(op)) return out ? 5 * numel(out) : undefined;
  if (NORMALIZE.has(op)) return out ? 7 * numel(out) : undefined;
  if (REDUCE_1.has(op) || REDUCE_2.has(op)) {
    const x = shapeIn(0);
    return x ? numel(x) * (REDUCE_2.has(op) ? 2 : 1) : undefined;
  }
  if (POOL.has(op)) {
    const k = findAttr(n, 'kernel_shape')?.ints ?? [];
    return out && k.length > 0 ? numel(out) * numel(k) : undefined;
  }
  if (GLOBAL_POOL.has(op)) {
    const x = shapeIn(0);
    return x ? numel(x) : undefined;
  }
  return undefined;
}

function weightShapes(graph: GraphProto): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const t of graph.initializer ?? []) if (t.name) out.set(t.name, [...(t.dims ?? [])]);
  for (const s of graph.sparseInitializer ?? []) if (s.values?.name) out.set(s.values.name, [...(s.dims ?? [])]);
  return out;
}

/**
 * FLOPs per inference call of the main graph at the given concrete shapes (value name → dims,
 * e.g. from resolveShapes). Initializer shapes are read from the model when missing.
 * Ops not counted are listed in `uncounted` (see docs/flops.md).
 */
export function computeFlops(proto: ModelProto, shapes: Shapes): FlopsInfo {
  const graph = proto.graph ?? {};
  const weights = weightShapes(graph);
  const all: Shapes = new Map([...weights, ...shapes]);
  const byOp: Record<string, number> = {};
  const uncounted = new Set<string>();
  let total = 0;
  for (const n of graph.node ?? []) {
    const f = nodeFlops(n, all);
    if (f === undefined) {
      uncounted.add(opKey(n));
      continue;
    }
    if (f > 0) {
      const key = opKey(n);
      byOp[key] = (byOp[key] ?? 0) + f;
      total += f;
    }
  }
  return { total, byOp, uncounted: [...uncounted].sort() };
}
