/**
 * Static analysis of a loaded ONNX model: size on disk, parameters, bytes by dtype, sparsity,
 * opset, op histogram, inputs and outputs. Pure apart from reading external-data files, which
 * goes through an injectable reader.
 *
 * What counts as a weight (see docs/flops.md, "Parameters"): every initializer and sparse
 * initializer, every tensor held by a `Constant` node, and the same inside every subgraph
 * attribute (If/Loop/Scan bodies, recursively) and model-local function bodies. Exporters put
 * weights in all of these places; small shape constants (e.g. a Reshape target) are counted
 * too, because telling them apart from weights would need guessing.
 */
import { InputError } from '../errors.js';
import { dtypeNameOrUndefined } from './dtypes.js';
import { type LoadedModel } from './load.js';
import {
  type GraphProto,
  type NodeProto,
  type SparseTensorProto,
  type TensorProto,
  type TypeProto,
  type ValueInfoProto,
} from './onnx.js';
import type { Dim, ModelAnalysis, TensorInfo } from './types.js';
import {
  fsExternalReader,
  own,
  product,
  tensorStats,
  constantStats,
  type ExternalReader,
  type WeightStats,
} from './weight-stats.js';
export { fsExternalReader, tensorStats, type ExternalReader, type WeightStats } from './weight-stats.js';

/** Options of {@link analyzeModel}. */
export interface AnalyzeOptions {
  /** How external-data bytes are read (for sparsity). @default fsExternalReader */
  readExternal?: ExternalReader;
  /** How messages name the model. @default the model's path */
  label?: string;
}

/** The subgraphs held by a node's attributes (If branches, Loop/Scan bodies, custom ops). */
export function subgraphsOf(n: NodeProto): GraphProto[] {
  const out: GraphProto[] = [];
  for (const a of n.attribute ?? []) {
    if (a.g && own(a, 'g')) out.push(a.g);
    for (const g of a.graphs ?? []) out.push(g);
  }
  return out;
}

/**
 * Every value name read inside the subgraphs of `nodes` (If branches, Loop/Scan bodies, nested
 * ones included), each with the outer node that holds the subgraph: the outer-scope values a
 * rewrite of `nodes` must leave alone.
 */
export function subgraphReads(nodes: readonly NodeProto[]): Array<{ name: string; holder: NodeProto }> {
  const out: Array<{ name: string; holder: NodeProto }> = [];
  const visit = (holder: NodeProto, list: readonly NodeProto[]): void => {
    for (const m of list) {
      for (const name of m.input ?? []) if (name) out.push({ name, holder });
      for (const g of subgraphsOf(m)) visit(holder, g.node ?? []);
    }
  };
  for (const n of nodes) for (const g of subgraphsOf(n)) visit(n, g.node ?? []);
  return out;
}

/** The histogram key of a node: op type, prefixed with its domain when not the default one. */
export function opKey(n: NodeProto): string {
  const domain = n.domain ?? '';
  const op = n.opType || '(no op_type)';
  return domain === '' || domain === 'ai.onnx' ? op : `${domain}.${op}`;
}

function dimOf(d: { dimValue?: number; dimParam?: string }): Dim {
  if (own(d, 'dimValue')) return d.dimValue ?? null;
  if (own(d, 'dimParam') && d.dimParam) return d.dimParam;
  return null;
}

/**
 * A graph input or output as TensorInfo (symbolic dims kept as names, unknown dims as null).
 * @throws InputError MODEL_INVALID when the value declares no (or an unknown) element type.
 */
export function tensorInfoOf(v: ValueInfoProto, label: string, role: 'input' | 'output'): TensorInfo {
  const name = v.name ?? '';
  let type: TypeProto | undefined = v.type;
  let kind: NonNullable<TensorInfo['kind']> | 'tensor' = 'tensor';
  // Unwrap sequence/optional wrappers to the element tensor type; kind says what was unwrapped.
  for (let depth = 0; type && depth < 8; depth++) {
    if (own(type, 'sequenceType') && type.sequenceType) {
      kind = 'sequence';
      type = type.sequenceType.elemType;
    } else if (own(type, 'optionalType') && type.optionalType) {
      if (kind === 'tensor') kind = 'optional';
      type = type.optionalType.elemType;
    } else if (own(type, 'mapType') && type.mapType) {
      kind = 'map';
      type = type.mapType.valueType;
    } else break;
  }
  const tensorType = type && own(type, 'sparseTensorType') ? type.sparseTensorType : type?.tensorType;
  if (type && own(type, 'sparseTensorType') && kind === 'tensor') kind = 'sparse';
  const dtype = dtypeNameOrUndefined(tensorType?.elemType ?? 0);
  if (!tensorType || !dtype) {
    throw new InputError(
      'MODEL_INVALID',
      `Model ${label}: graph ${role} "${name}" declares no ${tensorType ? 'known ' : ''}tensor element type` +
        `${tensorType?.elemType ? ` (code ${tensorType.elemType})` : ''}, so data for it cannot be made or checked. ` +
        `Expected type.tensor_type.elem_type to be an ONNX element type (e.g. 1 = float32); re-export the model with typed ${role}s.`,
    );
  }
  const shape: Dim[] | null = tensorType.shape && own(tensorType, 'shape') ? (tensorType.shape.dim ?? []).map(dimOf) : null;
  return { name, dtype: dtype, shape, ...(kind !== 'tensor' ? { kind } : {}) };
}

/**
 * Analyses a loaded model: size (file plus external data), parameters, bytes by dtype,
 * sparsity, opset, op histogram (subgraphs included), inputs and outputs.
 * @throws InputError MODEL_INVALID for an untyped graph input/output or an unknown weight dtype.
 */
export function analyzeModel(loaded: LoadedModel, opts: AnalyzeOptions = {}): ModelAnalysis {
  const proto = loaded.proto;
  const graph = proto.graph ?? {};
  const label = opts.label ?? loaded.path;
  const fileSizes = new Map(loaded.externalFiles.map((f) => [f.path, f.bytes]));
  const ctx = {
    modelPath: loaded.path,
    // loadModel already checked the locations against its allowed root; any folder works here.
    root: '/',
    label,
    read: opts.readExternal ?? fsExternalReader,
    fileSizes,
  };
  const tensor = (t: TensorProto): WeightStats => tensorStats(t, ctx);
  const sparse = (s: SparseTensorProto): WeightStats[] => {
    // A sparse tensor counts as its dense shape: nnz stored values plus implicit zeros; its
    // stored bytes are the values and the indices (an int64 or int32 tensor).
    const values = s.values ? tensor(s.values) : { dtype: 'float32', elements: 0, bytes: 0, zeros: 0 };
    const dense = product(s.dims ?? []);
    const out: WeightStats[] = [
      { dtype: values.dtype, elements: dense, bytes: values.bytes, zeros: values.zeros + Math.max(0, dense - values.elements) },
    ];
    if (s.indices) out.push({ ...tensor(s.indices), elements: 0, zeros: 0 });
    return out;
  };

  const weights: WeightStats[] = [];
  const ops: Record<string, number> = {};
  const visitNodes = (nodes: readonly NodeProto[], countOps: boolean): void => {
    for (const n of nodes) {
      if (countOps) ops[opKey(n)] = (ops[opKey(n)] ?? 0) + 1;
      if (n.opType === 'Constant' && !n.domain) {
        for (const a of n.attribute ?? []) weights.push(...constantStats(a, tensor, sparse));
      }
      for (const g of subgraphsOf(n)) visitGraph(g, countOps);
    }
  };
  const visitGraph = (g: GraphProto, countOps: boolean): void => {
    for (const t of g.initializer ?? []) weights.push(tensor(t));
    for (const s of g.sparseInitializer ?? []) weights.push(...sparse(s));
    visitNodes(g.node ?? [], countOps);
  };
  visitGraph(graph, true);
  // Function bodies are templates expanded at each call: their Constant weights are counted
  // once; their ops are not added to the histogram (the calling node is).
  for (const f of proto.functions ?? []) visitNodes(f.node ?? [], false);

  const bytesByDtype: Record<string, number> = {};
  let parameters = 0;
  let zeros = 0;
  for (const w of weights) {
    parameters += w.elements;
    zeros += w.zeros;
    if (w.bytes > 0) bytesByDtype[w.dtype] = (bytesByDtype[w.dtype] ?? 0) + w.bytes;
  }

  const weightNames = new Set<string>([
    ...(graph.initializer ?? []).map((t) => t.name ?? ''),
    ...(graph.sparseInitializer ?? []).map((s) => s.values?.name ?? ''),
  ]);
  const inputs: TensorInfo[] = [];
  const weightInputs: string[] = [];
  for (const v of graph.input ?? []) {
    if (weightNames.has(v.name ?? '')) weightInputs.push(v.name ?? '');
    else inputs.push(tensorInfoOf(v, label, 'input'));
  }
  const outputs = (graph.output ?? []).map((v) => tensorInfoOf(v, label, 'output'));
  if (outputs.length === 0) {
    // onnxruntime loads such a model but refuses every run ("At least one output should be requested").
    throw new InputError(
      'MODEL_INVALID',
      `Model ${label} declares no graph outputs, so running it computes nothing and there is nothing to measure. ` +
        `Expected graph.output to list at least one tensor; the file may be truncated or the export incomplete. Re-export the model.`,
    );
  }
  const opset = (proto.opsetImport ?? []).find((o) => !o.domain || o.domain === 'ai.onnx')?.version ?? 0;
  const producer = [proto.producerName, proto.producerVersion].filter((s) => s).join(' ');

  return {
    path: loaded.path,
    size: {
      bytes: loaded.fileBytes + loaded.externalFiles.reduce((s, f) => s + f.bytes, 0),
      parameters,
      bytesByDtype,
      sparsity: parameters > 0 ? zeros / parameters : 0,
    },
    opset,
    irVersion: proto.irVersion ?? 0,
    producer,
    ops,
    inputs,
    outputs,
    weightInputs,
  };
}
