/**
 * The optimisation variants: pure ModelProto → ModelProto transforms whose output
 * onnxruntime's CPU execution provider runs.
 *
 * - `int8-weights`: per-channel symmetric int8 weights + DequantizeLinear (QDQ) in front of
 *   Conv, Gemm and MatMul: the file shrinks about 4×, the arithmetic stays float32.
 * - `int8-dynamic`: activations quantised at run time by DynamicQuantizeLinear and multiplied
 *   with int8 weights by MatMulInteger / ConvInteger, then rescaled to float32: the layout of
 *   onnxruntime's own `quantize_dynamic`, which its graph optimiser fuses into integer kernels.
 * - `fp16`: float32 initializers stored as float16 with a Cast back to float32.
 * - `prune`: the smallest-magnitude Conv/Gemm/MatMul weights set to zero.
 *
 * Only the main graph is rewritten; weights inside If/Loop/Scan bodies stay as they are.
 * None of these functions changes the model passed in.
 */
import { InputError } from '../errors.js';
import { DataType, type GraphProto, type ModelProto, type NodeProto, type TensorProto } from '../model/onnx.js';
import { node } from '../model/builder.js';
import { defaultOpset, raiseOpset } from './opset.js';
import { indexGraph, nameMaker, weightCandidates, withGraph } from './graph-index.js';
import { int8DynamicVariant } from './int8-dynamic.js';
import {
  elementCount,
  FLOAT16_MAX,
  isExternal,
  quantizePerChannel,
  readFloat32,
  smallestMagnitudes,
  tensorFrom,
  toFloat16,
} from './tensors.js';
import type { PruneScope, RewriteVariantId, VariantOptions, VariantResult, WeightChange } from './types.js';

export { int8DynamicVariant };

/** Default sparsity of `prune`. */
export const DEFAULT_SPARSITY = 0.5;

/**
 * float32 initializers smaller than this stay float32 in `fp16`: scalars and short vectors
 * (epsilons, scales, shape-like constants) save nothing and are where float16's range and
 * precision hurt most.
 */
export const FP16_MIN_ELEMENTS = 16;

const pct = (x: number): string => `${(x * 100).toFixed(1).replace(/\.0$/, '')}%`;

/**
 * Per-channel symmetric int8 weights with DequantizeLinear (QDQ) feeding Conv, Gemm and
 * MatMul; opset raised to 13 (per-axis DequantizeLinear) when lower.
 * @throws InputError (exit 2) when the opset cannot be raised safely.
 */
export function int8WeightsVariant(model: ModelProto): VariantResult {
  const notes: string[] = [];
  const ix = indexGraph(model);
  const fresh = nameMaker(ix.names);
  const dq: NodeProto[] = [];
  const added: TensorProto[] = [];
  const removed = new Set<string>();
  const weights: WeightChange[] = [];
  for (const c of weightCandidates(ix, notes)) {
    const axes = new Set(c.slots.map((s) => s.axis));
    if (axes.size > 1) {
      notes.push(`${c.name}: left as is, its consumers need different channel axes.`);
      continue;
    }
    const axis = c.slots[0].axis;
    const q = quantizePerChannel(readFloat32(c.tensor), c.dims, axis);
    const qName = fresh(`${c.name}_quantized`);
    const sName = fresh(`${c.name}_scale`);
    const zName = fresh(`${c.name}_zero_point`);
    added.push(
      tensorFrom(qName, c.dims, DataType.INT8, q.values),
      tensorFrom(sName, [q.scales.length], DataType.FLOAT, q.scales),
      tensorFrom(zName, [q.scales.length], DataType.INT8, new Int8Array(q.scales.length)),
    );
    // The DequantizeLinear output keeps the weight's name, so every consumer reads it unchanged.
    dq.push(node('DequantizeLinear', [qName, sName, zName], [c.name], { axis }, fresh(`${c.name}_DequantizeLinear`)));
    removed.add(c.name);
    weights.push({
      name: c.name,
      ops: [...new Set(c.slots.map((s) => s.op))],
      elements: elementCount(c.dims),
      storage: `int8 per-channel (axis ${axis})`,
    });
  }
  if (weights.length === 0) {
    return {
      variant: 'int8-weights',
      label: 'int8 weights',
      model,
      weights,
      notes: ['No Conv, Gemm or MatMul weight is a float32 initializer; nothing to quantise.', ...notes],
      opset: defaultOpset(model),
    };
  }
  // DequantizeLinear reads only initializers, so placing these nodes first keeps the order topological.
  const rewritten = withGraph(model, ix, { nodes: [...dq, ...(ix.graph.node ?? [])], initializers: added, removed });
  const before = defaultOpset(model);
  const out = raiseOpset(rewritten, 13, 'Per-channel DequantizeLinear (the axis attribute)');
  if (defaultOpset(out) !== before)
    notes.push(`Opset raised from ${before} to ${defaultOpset(out)} for per-channel DequantizeLinear.`);
  notes.push(
    'The arithmetic stays float32: onnxruntime does not constant-fold DequantizeLinear, so every run dequantises the weights first; ' +
      'the file shrinks about 4×, latency can rise slightly.',
  );
  return { variant: 'int8-weights', label: 'int8 weights', model: out, weights, notes, opset: defaultOpset(out) };
}

/**
 * float16 weights: every float32 initializer of at least FP16_MIN_ELEMENTS elements stored as
 * float16 with a Cast back to float32, so every op still computes in float32 (onnxruntime's
 * CPU provider folds these Casts when the session loads).
 */
export function fp16Variant(model: ModelProto): VariantResult {
  const notes: string[] = [];
  const ix = indexGraph(model);
  const fresh = nameMaker(ix.names);
  const casts: NodeProto[] = [];
  const added: TensorProto[] = [];
  const removed = new Set<string>();
  const weights: WeightChange[] = [];
  let small = 0;
  for (const [name, t] of ix.initializers) {
    if ((t.dataType ?? 0) !== DataType.FLOAT || isExternal(t)) continue;
    const dims = (t.dims ?? []).map(Number);
    const n = elementCount(dims);
    if (n < FP16_MIN_ELEMENTS) {
      small++;
      continue;
    }
    if ((ix.uses.get(name) ?? []).some((u) => u.input < 0)) {
      notes.push(`${name}: left float32, it is also a graph output.`);
      continue;
    }
    const values = readFloat32(t);
    let maxAbs = 0;
    for (const v of values) if (Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
    if (maxAbs > FLOAT16_MAX) {
      notes.push(`${name}: left float32, it holds ${maxAbs.toExponential(2)}, beyond float16's ±65504.`);
      continue;
    }
    const hName = fresh(`${name}_fp16`);
    added.push(tensorFrom(hName, dims, DataType.FLOAT16, toFloat16(values)));
    casts.push(node('Cast', [hName], [name], { to: DataType.FLOAT }, fresh(`${name}_Cast`)));
    removed.add(name);
    const ops = [...new Set((ix.uses.get(name) ?? []).map((u) => u.node.opType ?? ''))];
    weights.push({ name, ops, elements: n, storage: 'float16' });
  }
  if (small > 0)
    notes.push(
      `${small} float32 initializer(s) under ${FP16_MIN_ELEMENTS} elements left float32 (scalars, epsilons, shape-like constants).`,
    );
  if (weights.length === 0) {
    return {
      variant: 'fp16',
      label: 'fp16 weights',
      model,
      weights,
      notes: ['No float32 initializer to convert.', ...notes],
      opset: defaultOpset(model),
    };
  }
  // Cast with `to` as an int attribute exists from opset 6.
  const out = raiseOpset(
    withGraph(model, ix, { nodes: [...casts, ...(ix.graph.node ?? [])], initializers: added, removed }),
    6,
    'Cast',
  );
  notes.push(
    'Weights are stored as float16 and cast back to float32, so every op still computes in float32; the file halves, the arithmetic does not change.',
  );
  return { variant: 'fp16', label: 'fp16 weights', model: out, weights, notes, opset: defaultOpset(out) };
}

/**
 * Magnitude pruning: the smallest-|w| elements of the Conv/Gemm/MatMul weights set to zero,
 * exactly round(sparsity · elements) of them per tensor (`per-tensor`) or over all those
 * weights together (`global`).
 * @throws InputError (exit 2) when sparsity is not in [0, 1).
 */
export function pruneVariant(model: ModelProto, sparsity = DEFAULT_SPARSITY, scope: PruneScope = 'per-tensor'): VariantResult {
  if (!(sparsity >= 0 && sparsity < 1)) {
    throw new InputError(
      'ARGUMENT_INVALID',
      `The pruning sparsity must be a fraction from 0 up to (not including) 1, such as 0.5; got ${sparsity}.`,
    );
  }
  const notes: string[] = [];
  const ix = indexGraph(model);
  const label = `pruned ${pct(sparsity)}`;
  const candidates = weightCandidates(ix, notes);
  if (candidates.length === 0) {
    return {
      variant: 'prune',
      label,
      model,
      weights: [],
      notes: ['No Conv, Gemm or MatMul weight is a float32 initializer; nothing to prune.', ...notes],
      opset: defaultOpset(model),
      sparsity: 0,
    };
  }
  const values = candidates.map((c) => readFloat32(c.tensor));
  const masks =
    scope === 'global'
      ? smallestMagnitudes(values, Math.round(sparsity * values.reduce((s, v) => s + v.length, 0)))
      : values.map((v) => smallestMagnitudes([v], Math.round(sparsity * v.length))[0]);
  const replaced = new Map<string, TensorProto>();
  const weights: WeightChange[] = [];
  let zeros = 0;
  let total = 0;
  candidates.forEach((c, k) => {
    const v = values[k];
    const m = masks[k];
    let z = 0;
    for (let i = 0; i < v.length; i++) {
      if (m[i]) v[i] = 0;
      if (v[i] === 0) z++;
    }
    zeros += z;
    total += v.length;
    replaced.set(c.name, tensorFrom(c.name, c.dims, DataType.FLOAT, v));
    weights.push({
      name: c.name,
      ops: [...new Set(c.slots.map((s) => s.op))],
      elements: v.length,
      storage: `pruned ${pct(z / v.length)}`,
    });
  });
  notes.push(
    "Pruned weights are still stored and multiplied densely: onnxruntime's CPU kernels do the same work on zeros, so latency and energy do not drop, " +
      'and the file keeps its size; the saving shows only once the file is compressed (gzip size).',
  );
  const graph: GraphProto = {
    ...ix.graph,
    initializer: (ix.graph.initializer ?? []).map((t) => replaced.get(t.name ?? '') ?? t),
  };
  return {
    variant: 'prune',
    label,
    model: { ...model, graph },
    weights,
    notes,
    opset: defaultOpset(model),
    sparsity: total ? zeros / total : 0,
  };
}

/**
 * Builds one variant of a model.
 * @throws InputError (exit 2) for a bad option or an opset that cannot be raised.
 */
export function buildVariant(model: ModelProto, variant: RewriteVariantId, options: VariantOptions = {}): VariantResult {
  switch (variant) {
    case 'int8-weights':
      return int8WeightsVariant(model);
    case 'int8-dynamic':
      return int8DynamicVariant(model);
    case 'fp16':
      return fp16Variant(model);
    case 'prune':
      return pruneVariant(model, options.sparsity ?? DEFAULT_SPARSITY, options.pruneScope ?? 'per-tensor');
  }
}
