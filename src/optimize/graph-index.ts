/**
 * What the variants of variants.ts and int8-dynamic.ts read of the main graph: where each value
 * is consumed, which initializers are Conv/Gemm/MatMul weights, fresh names, and the model with
 * its main graph replaced.
 */
import { InputError } from '../errors.js';
import { attrInt, isDefaultDomain } from '../model/attrs.js';
import { DataType, type GraphProto, type ModelProto, type NodeProto, type TensorProto } from '../model/onnx.js';
import { subgraphReads } from '../model/analyze.js';
import { isExternal } from './tensors.js';

/** Where a graph value is consumed. */
export interface Use {
  node: NodeProto;
  input: number;
}

/** A Conv/Gemm/MatMul weight slot and the axis of its output channels. */
export interface WeightSlot {
  op: string;
  axis: number;
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
export interface GraphIndex {
  graph: GraphProto;
  initializers: Map<string, TensorProto>;
  uses: Map<string, Use[]>;
  graphInputs: Set<string>;
  names: Set<string>;
}

export function indexGraph(model: ModelProto): GraphIndex {
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
  for (const { name, holder } of subgraphReads(graph.node ?? [])) {
    const list = uses.get(name) ?? [];
    list.push({ node: { opType: `${holder.opType ?? '?'} body` }, input: -1 });
    uses.set(name, list);
  }
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

export function nameMaker(used: Set<string>): (base: string) => string {
  return (base) => {
    let name = base;
    for (let k = 1; used.has(name); k++) name = `${base}_${k}`;
    used.add(name);
    return name;
  };
}

/** A float32 weight with all of its uses in Conv/Gemm/MatMul weight slots. */
export interface Candidate {
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
export function weightCandidates(ix: GraphIndex, notes: string[]): Candidate[] {
  const out: Candidate[] = [];
  for (const [name, tensor] of ix.initializers) {
    const uses = ix.uses.get(name) ?? [];
    const dims = (tensor.dims ?? []).map(Number);
    const slots = uses.map((u) => weightSlot(u, dims.length));
    const weightSlots = slots.filter((s): s is WeightSlot => s !== null);
    if (weightSlots.length === 0) continue;
    if ((tensor.dataType ?? 0) !== DataType.FLOAT) {
      notes.push(`${name}: left as is, stored as data type ${tensor.dataType}, not float32.`);
      continue;
    }
    if (isExternal(tensor)) {
      notes.push(`${name}: left as is, its data is in an external file.`);
      continue;
    }
    if (weightSlots.length < slots.length) {
      const other = uses
        .filter((_, k) => !slots[k])
        .map((u) => u.node.opType)
        .join(', ');
      notes.push(`${name}: left as is, it also feeds ${other}.`);
      continue;
    }
    out.push({ tensor, name, dims, slots: weightSlots, uses });
  }
  return out;
}

/** The model with a new main graph; initializers removed from the graph inputs too. */
export function withGraph(
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
