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
import {
  elementCount,
  FLOAT16_MAX,
  isExternal,
  quantizePerChannel,
  readFloat32,
  REDUCED_INT8_MAX,
  smallestMagnitudes,
  tensorFrom,
  toFloat16,
  transpose2d,
} from './tensors.js';
import type { PruneScope, RewriteVariantId, VariantOptions, VariantResult, WeightChange } from './types.js';

/** Default sparsity of `prune`. */
export const DEFAULT_SPARSITY = 0.5;

/**
 * float32 initializers smaller than this stay float32 in `fp16`: scalars and short vectors
 * (epsilons, scales, shape-like constants) save nothing and are where float16's range and
 * precision hurt most.
 */
export const FP16_MIN_ELEMENTS = 16;

/** Where a graph value is consumed. */
interface Use {
  node: NodeProto;
  input: number;
}

/** A Conv/Gemm/MatMul weight slot and the axis of its output channels. */
interface WeightSlot {
  op: string;
  axis: number;
}

function attrInt(n: NodeProto, name: string, fallback: number): number {
  const a = (n.attribute ?? []).find((x) => x.name === name);
  return a?.i ?? fallback;
}

function attrFloat(n: NodeProto, name: string, fallback: number): number {
  const a = (n.attribute ?? []).find((x) => x.name === name);
  return a?.f ?? fallback;
}

function isDefaultDomain(n: NodeProto): boolean {
  return !n.domain || n.domain === 'ai.onnx';
}

/**
 * The weight slot `use` is, when it is input B of a Conv, Gemm or MatMul and the tensor has
 * the rank that op expects; the axis is that of the output channels.
 */
function weightSlot(use: Use, rank: number): WeightSlot | null {
  const { node: n, input } = use;
  if (!isDefaultDomain(n) || input !== 1) return null;
  switch (n.opType) {
    case 'Conv':
      return rank >= 3 ? { op: 'Conv', axis: 0 } : null;
    case 'Gemm':
      // Gemm computes A·B (transB = 0, B is [K, N]) or A·Bᵀ (transB = 1, B is [N, K]).
      return rank === 2 ? { op: 'Gemm', axis: attrInt(n, 'transB', 0) ? 0 : 1 } : null;
    case 'MatMul':
      return rank >= 2 ? { op: 'MatMul', axis: rank - 1 } : null;
    default:
      return null;
  }
}

/** Everything a transform needs to know about the main graph. */
interface GraphIndex {
  graph: GraphProto;
  initializers: Map<string, TensorProto>;
  uses: Map<string, Use[]>;
  graphInputs: Set<string>;
  names: Set<string>;
}

function indexGraph(model: ModelProto): GraphIndex {
  const graph = model.graph;
  if (!graph)
    throw new InputError('MODEL_INVALID', 'The model has no graph (ModelProto.graph is empty); it is not a usable ONNX model.');
  const initializers = new Map((graph.initializer ?? []).map((t) => [t.name ?? '', t] as const));
  const uses = new Map<string, Use[]>();
  const names = new Set<string>();
  for (const n of graph.node ?? []) {
    (n.input ?? []).forEach((name, input) => {
      if (!name) return;
      names.add(name);
      const list = uses.get(name) ?? [];
      list.push({ node: n, input });
      uses.set(name, list);
    });
    for (const o of n.output ?? []) names.add(o);
    if (n.name) names.add(n.name);
  }
  // Values read inside If/Loop/Scan bodies (outer-scope references) and graph outputs count
  // as uses that no variant may rewrite.
  const bodyUse = (n: NodeProto, sub: GraphProto): void => {
    for (const inner of sub.node ?? []) {
      for (const name of inner.input ?? []) {
        if (!name) continue;
        const list = uses.get(name) ?? [];
        list.push({ node: { opType: `${n.opType ?? '?'} body` }, input: -1 });
        uses.set(name, list);
      }
      for (const a of inner.attribute ?? []) for (const g of [...(a.g ? [a.g] : []), ...(a.graphs ?? [])]) bodyUse(n, g);
    }
  };
  for (const n of graph.node ?? [])
    for (const a of n.attribute ?? []) for (const g of [...(a.g ? [a.g] : []), ...(a.graphs ?? [])]) bodyUse(n, g);
  for (const o of graph.output ?? []) {
    const name = o.name ?? '';
    names.add(name);
    const list = uses.get(name) ?? [];
    list.push({ node: { opType: '(graph output)' }, input: -1 });
    uses.set(name, list);
  }
  for (const t of graph.initializer ?? []) names.add(t.name ?? '');
  for (const i of graph.input ?? []) names.add(i.name ?? '');
  return { graph, initializers, uses, graphInputs: new Set((graph.input ?? []).map((i) => i.name ?? '')), names };
}

function nameMaker(used: Set<string>): (base: string) => string {
  return (base) => {
    let name = base;
    for (let k = 1; used.has(name); k++) name = `${base}_${k}`;
    used.add(name);
    return name;
  };
}

/** A float32 weight with all of its uses in Conv/Gemm/MatMul weight slots. */
interface Candidate {
  tensor: TensorProto;
  name: string;
  dims: number[];
  slots: WeightSlot[];
  uses: Use[];
}

/**
 * The float32 initializers used only as Conv/Gemm/MatMul weights; notes say why others that
 * feed such a slot were left alone.
 */
function weightCandidates(ix: GraphIndex, notes: string[]): Candidate[] {
  const out: Candidate[] = [];
  for (const [name, tensor] of ix.initializers) {
    const uses = ix.uses.get(name) ?? [];
    const dims = (tensor.dims ?? []).map(Number);
    const slots = uses.map((u) => weightSlot(u, dims.length));
    if (!slots.some((s) => s)) continue;
    if ((tensor.dataType ?? 0) !== DataType.FLOAT) {
      notes.push(`${name}: left as is, stored as data type ${tensor.dataType}, not float32.`);
      continue;
    }
    if (isExternal(tensor)) {
      notes.push(`${name}: left as is, its data is in an external file.`);
      continue;
    }
    if (slots.some((s) => !s)) {
      const other = uses
        .filter((_, k) => !slots[k])
        .map((u) => u.node.opType)
        .join(', ');
      notes.push(`${name}: left as is, it also feeds ${other}.`);
      continue;
    }
    out.push({ tensor, name, dims, slots: slots as WeightSlot[], uses });
  }
  return out;
}

/** The model with a new main graph; initializers removed from the graph inputs too. */
function withGraph(
  model: ModelProto,
  ix: GraphIndex,
  change: { nodes: NodeProto[]; initializers: TensorProto[]; removed: Set<string> },
): ModelProto {
  const g = ix.graph;
  const graph: GraphProto = {
    ...g,
    node: change.nodes,
    initializer: [...(g.initializer ?? []).filter((t) => !change.removed.has(t.name ?? '')), ...change.initializers],
    input: (g.input ?? []).filter((i) => !change.removed.has(i.name ?? '')),
    valueInfo: (g.valueInfo ?? []).filter((v) => !change.removed.has(v.name ?? '')),
  };
  return { ...model, graph };
}

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
 * Dynamic int8: DynamicQuantizeLinear on the activations feeding MatMul, Gemm (rewritten as
 * MatMulInteger + scale + bias) and Conv (ConvInteger), per-channel symmetric int8 weights
 * with a scalar zero point 0, then Cast to float32, the scale multiply and the bias add.
 * @throws InputError (exit 2) when the opset cannot be raised to 11 safely.
 */
export function int8DynamicVariant(model: ModelProto): VariantResult {
  const notes: string[] = [];
  const ix = indexGraph(model);
  const fresh = nameMaker(ix.names);
  const candidates = new Map(weightCandidates(ix, notes).map((c) => [c.name, c] as const));
  const added: TensorProto[] = [];
  const removed = new Set<string>();
  const weights: WeightChange[] = [];
  const nodes: NodeProto[] = [];
  /** One DynamicQuantizeLinear per activation, shared by all its quantised consumers. */
  const quantized = new Map<string, { q: string; scale: string; zero: string }>();

  const quantizeActivation = (x: string): { q: string; scale: string; zero: string } => {
    let hit = quantized.get(x);
    if (!hit) {
      hit = { q: fresh(`${x}_quantized`), scale: fresh(`${x}_scale`), zero: fresh(`${x}_zero_point`) };
      nodes.push(node('DynamicQuantizeLinear', [x], [hit.q, hit.scale, hit.zero], {}, fresh(`${x}_DynamicQuantizeLinear`)));
      quantized.set(x, hit);
    }
    return hit;
  };

  for (const n of ix.graph.node ?? []) {
    const op = n.opType ?? '';
    const x = n.input?.[0] ?? '';
    const w = n.input?.[1] ?? '';
    const c = candidates.get(w);
    const y = n.output?.[0] ?? '';
    const eligible =
      isDefaultDomain(n) &&
      c !== undefined &&
      x !== '' &&
      !ix.initializers.has(x) &&
      c.uses.length === 1 &&
      ((op === 'MatMul' && c.dims.length === 2) ||
        (op === 'Gemm' && attrInt(n, 'transA', 0) === 0) ||
        (op === 'Conv' && (n.input?.[2] === undefined || n.input[2] === '' || ix.initializers.has(n.input[2]))));
    if (!eligible) {
      if (c && c.uses.length > 1 && ['MatMul', 'Gemm', 'Conv'].includes(op))
        notes.push(`${w}: left float32, it is shared by ${c.uses.length} nodes.`);
      else if (c && op === 'Gemm') notes.push(`${n.name || y}: Gemm with transA = 1 left float32.`);
      else if (c && op === 'MatMul') notes.push(`${n.name || y}: MatMul with a ${c.dims.length}-D weight left float32.`);
      else if (c && op === 'Conv') notes.push(`${n.name || y}: Conv whose bias is computed at run time left float32.`);
      nodes.push(n);
      continue;
    }
    const values = readFloat32(c.tensor);
    // MatMulInteger wants B as [K, N]; a Gemm with transB = 1 stores [N, K].
    let matrix = values;
    let wDims = c.dims;
    if (op === 'Gemm' && attrInt(n, 'transB', 0)) {
      matrix = transpose2d(values, c.dims[0], c.dims[1]);
      wDims = [c.dims[1], c.dims[0]];
    }
    const axis = op === 'Conv' ? 0 : 1;
    const qw = quantizePerChannel(matrix, wDims, axis, REDUCED_INT8_MAX);
    const alpha = op === 'Gemm' ? attrFloat(n, 'alpha', 1) : 1;
    const scales = alpha === 1 ? qw.scales : qw.scales.map((s) => s * alpha);
    // The per-channel scale broadcasts against the output: [N] for a matrix product,
    // [M, 1, …, 1] for a convolution's [batch, M, spatial…] output.
    const scaleDims = op === 'Conv' ? [wDims[0], ...wDims.slice(2).map(() => 1)] : [wDims[1]];
    const qName = fresh(`${w}_quantized`);
    const sName = fresh(`${w}_scale`);
    const zName = fresh(`${w}_zero_point`);
    added.push(
      tensorFrom(qName, wDims, DataType.INT8, qw.values),
      tensorFrom(sName, scaleDims, DataType.FLOAT, scales),
      // A scalar zero point: onnxruntime's ConvInteger accepts only per-tensor zero points,
      // and symmetric quantisation makes it 0 for every channel anyway.
      tensorFrom(zName, [], DataType.INT8, new Int8Array(1)),
    );
    removed.add(w);
    weights.push({
      name: w,
      ops: [op],
      elements: elementCount(c.dims),
      storage: `int8 per-channel (axis ${axis}), activations uint8 at run time`,
    });

    const a = quantizeActivation(x);
    const base = n.name || y;
    const yInt = fresh(`${y}_int32`);
    const yFloat = fresh(`${y}_int32_float`);
    const scale = fresh(`${y}_rescale`);
    if (op === 'Conv') {
      const attrs = (n.attribute ?? []).filter((at) =>
        ['auto_pad', 'dilations', 'group', 'kernel_shape', 'pads', 'strides'].includes(at.name ?? ''),
      );
      nodes.push({
        opType: 'ConvInteger',
        input: [a.q, qName, a.zero, zName],
        output: [yInt],
        name: fresh(`${base}_ConvInteger`),
        attribute: attrs,
      });
    } else {
      nodes.push(node('MatMulInteger', [a.q, qName, a.zero, zName], [yInt], {}, fresh(`${base}_MatMulInteger`)));
    }
    nodes.push(node('Cast', [yInt], [yFloat], { to: DataType.FLOAT }, fresh(`${base}_Cast`)));
    nodes.push(node('Mul', [a.scale, sName], [scale], {}, fresh(`${base}_scale_Mul`)));

    // The bias: Conv's B per output channel, Gemm's β·C.
    let bias: string | undefined;
    if (op === 'Conv' && n.input?.[2]) {
      const b = ix.initializers.get(n.input[2]);
      if (b) {
        const bName = fresh(`${n.input[2]}_channels`);
        added.push({ ...b, name: bName, dims: scaleDims });
        bias = bName;
      }
    } else if (op === 'Gemm' && n.input?.[2]) {
      const beta = attrFloat(n, 'beta', 1);
      const cName = n.input[2];
      const cInit = ix.initializers.get(cName);
      if (beta === 1) bias = cName;
      else if (cInit && (cInit.dataType ?? 0) === DataType.FLOAT && !isExternal(cInit)) {
        bias = fresh(`${cName}_beta`);
        added.push(
          tensorFrom(
            bias,
            (cInit.dims ?? []).map(Number),
            DataType.FLOAT,
            readFloat32(cInit).map((v) => v * beta),
          ),
        );
      } else {
        const betaName = fresh(`${base}_beta`);
        added.push(tensorFrom(betaName, [], DataType.FLOAT, Float32Array.of(beta)));
        bias = fresh(`${cName}_times_beta`);
        nodes.push(node('Mul', [cName, betaName], [bias], {}, fresh(`${base}_beta_Mul`)));
      }
    }
    if (bias) {
      const scaled = fresh(`${y}_scaled`);
      nodes.push(node('Mul', [yFloat, scale], [scaled], {}, fresh(`${base}_Mul`)));
      nodes.push(node('Add', [scaled, bias], [y], {}, fresh(`${base}_bias_Add`)));
    } else {
      nodes.push(node('Mul', [yFloat, scale], [y], {}, fresh(`${base}_Mul`)));
    }
  }
  // A Conv bias that was folded into a [M, 1, …] copy is now unused when only that Conv read it.
  const stillUsed = new Set(nodes.flatMap((n) => n.input ?? []));
  for (const o of ix.graph.output ?? []) stillUsed.add(o.name ?? '');
  for (const t of ix.graph.initializer ?? []) {
    const name = t.name ?? '';
    if ((ix.uses.get(name)?.length ?? 0) > 0 && !stillUsed.has(name)) removed.add(name);
  }
  if (weights.length === 0) {
    return {
      variant: 'int8-dynamic',
      label: 'dynamic int8',
      model,
      weights,
      notes: ['No MatMul, Gemm or Conv with a float32 initializer weight to quantise.', ...notes],
      opset: defaultOpset(model),
    };
  }
  const before = defaultOpset(model);
  const out = raiseOpset(withGraph(model, ix, { nodes, initializers: added, removed }), 11, 'DynamicQuantizeLinear');
  if (defaultOpset(out) !== before) notes.push(`Opset raised from ${before} to ${defaultOpset(out)} for DynamicQuantizeLinear.`);
  notes.push(
    'uint8 activations × int8 weights: on x86 CPUs without VNNI, onnxruntime multiplies these with VPMADDUBSW, whose 16-bit ' +
      'sums can saturate (onnxruntime quantization docs); the fidelity figures show whether it matters for this model.',
  );
  return { variant: 'int8-dynamic', label: 'dynamic int8', model: out, weights, notes, opset: defaultOpset(out) };
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
