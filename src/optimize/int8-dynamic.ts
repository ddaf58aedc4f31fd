/**
 * The `int8-dynamic` variant (see variants.ts): activations quantised at run time by
 * DynamicQuantizeLinear and multiplied with int8 weights by MatMulInteger / ConvInteger, then
 * rescaled to float32.
 */
import { DataType, type ModelProto, type NodeProto, type TensorProto } from '../model/onnx.js';
import { node } from '../model/builder.js';
import { defaultOpset, raiseOpset } from './opset.js';
import { attrFloat, attrInt, isDefaultDomain } from '../model/attrs.js';
import { indexGraph, nameMaker, weightCandidates, withGraph } from './graph-index.js';
import {
  elementCount,
  isExternal,
  quantizePerChannel,
  readFloat32,
  REDUCED_INT8_MAX,
  tensorFrom,
  transpose2d,
} from './tensors.js';
import type { VariantResult, WeightChange } from './types.js';

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
