/**
 * Reading a model for differentiation: `prepareGraph` checks the model, takes float weights
 * written as Constant nodes as initializers, sorts and upgrades its nodes (opset.ts), unrolls
 * LSTM/GRU/RNN (recurrent.ts) and infers every tensor's shape, helped by the shapes of a run.
 */
import {
  DataType,
  type ModelProto,
  type NodeProto,
  type OperatorSetId,
  type TensorProto,
  type ValueInfoProto,
} from '../model/onnx.js';
import { InputError } from '../errors.js';
import { findAttr, isDefaultDomain } from '../model/attrs.js';
import { foldInts } from './fold-ints.js';
import { GraphEmitter, type FloatType } from './graph.js';
import type { GradFormulations } from './formulations.js';
import { describeNode } from './grad-ops.js';
import { MIN_SOURCE_OPSET, upgradeNode } from './opset.js';
import { RECURRENT_OPS, expandRecurrent } from './recurrent.js';
import { inferNode, isStatic, unknownDim, type Dim, type Shape } from './shapes.js';
import { readFloats, readInts } from './tensor-data.js';

/**
 * The opset the training step is written in unless the source model's is newer: 18 for
 * Col2Im (Conv's input gradient, conv-grad-x.ts); older models' nodes are brought to it
 * (opset.ts).
 */
export const TRAINING_OPSET = 18;
/** Newest source opset accepted (onnxruntime 1.30 runs up to opset 23). */
export const MAX_SOURCE_OPSET = 23;

/** Options for reading a model's shapes. */
export interface ShapeOptions {
  /** Concrete shapes of graph inputs, e.g. `{ x: [32, 784] }` (override the model's dims). */
  batchShapes?: Record<string, number[]>;
  /** Values of symbolic dims, e.g. `{ N: 32 }`. */
  dims?: Record<string, number>;
  /**
   * Concrete shapes of tensors from a run of the model at the batch shapes (the analysis runs
   * it once with every intermediate as an output, src/model/shapes.ts). They fill in what the
   * build-time inference cannot tell (ops it does not model, run-time Reshape targets), so no
   * gradient is refused for an unknown rank; only meaningful together with `batchShapes`.
   */
  knownShapes?: ReadonlyMap<string, readonly number[]>;
  /** Older gradient formulations, for A/B benches and tests (not a budget key). @default none */
  formulations?: GradFormulations;
}

/** Input slots that hold weights, by op type (for weights written as Constant nodes). */
const WEIGHT_SLOTS: Readonly<Record<string, readonly number[]>> = {
  Conv: [1, 2],
  ConvTranspose: [1, 2],
  Gemm: [0, 1, 2],
  MatMul: [0, 1],
  BatchNormalization: [1, 2, 3, 4],
  LayerNormalization: [1, 2],
  InstanceNormalization: [1, 2],
  PRelu: [1],
};
/** Ops whose output gets a bias or scale added by a following Add/Mul (fc = MatMul + Add). */
const LINEAR_OPS = new Set(['Conv', 'ConvTranspose', 'Gemm', 'MatMul']);

/**
 * Float tensors in Constant nodes that feed weight-like inputs (Conv/Gemm/MatMul weights and
 * biases, normalisation parameters, or an Add/Mul right after a linear op): old exporters
 * (opset 9–11, PaddlePaddle) write the weights this way. They are treated as initializers, so
 * they train (and freeze) like any other weight, under the Constant's output name.
 */
function constantWeights(nodes: readonly NodeProto[]): Map<string, TensorProto> {
  const producer = new Map<string, NodeProto>();
  for (const n of nodes) for (const o of n.output ?? []) if (o) producer.set(o, n);
  const weightLike = new Set<string>();
  for (const n of nodes) {
    if (!isDefaultDomain(n)) continue;
    const op = n.opType ?? '';
    const ins = n.input ?? [];
    for (const i of WEIGHT_SLOTS[op] ?? []) if (ins[i]) weightLike.add(ins[i]);
    if ((op === 'Add' || op === 'Mul') && ins.length === 2) {
      ins.forEach((x, i) => {
        const other = producer.get(ins[1 - i]);
        if (other && LINEAR_OPS.has(other.opType ?? '')) weightLike.add(x);
      });
    }
  }
  const out = new Map<string, TensorProto>();
  for (const n of nodes) {
    const name = n.output?.[0];
    if (n.opType !== 'Constant' || !isDefaultDomain(n) || !name || !weightLike.has(name)) continue;
    const value = findAttr(n, 'value')?.t;
    if (value && (value.dataType === DataType.FLOAT || value.dataType === DataType.DOUBLE)) out.set(name, value);
  }
  return out;
}

/** A model made ready for differentiation. */
export interface PreparedGraph {
  /** Constant nodes whose float tensors were taken as weights (initializers), by output name. */
  weightConstants: string[];
  sourceOpset: number;
  opset: number;
  floatType: FloatType;
  em: GraphEmitter;
  /** Nodes in topological order, upgraded to `opset`. */
  nodes: NodeProto[];
  initializers: Map<string, TensorProto>;
  /** Graph inputs that are not initializers. */
  inputs: ValueInfoProto[];
  outputs: ValueInfoProto[];
  /** Opset imports of other domains, copied through. */
  otherOpsets: OperatorSetId[];
  irVersion: number;
  graphName: string;
  /** LSTM/GRU/RNN nodes left as they are, with why they could not be unrolled (recurrent.ts). */
  recurrentReasons: ReadonlyMap<NodeProto, string>;
}

function modelLabel(proto: ModelProto): string {
  return proto.graph?.name ? `model graph "${proto.graph.name}"` : 'the model';
}

function sortNodes(nodes: NodeProto[], available: Set<string>): NodeProto[] {
  // Kahn's algorithm, stable: keeps the file's order where it is already topological.
  const produced = new Set(available);
  const pending = [...nodes];
  const sorted: NodeProto[] = [];
  while (pending.length) {
    const i = pending.findIndex((n) => (n.input ?? []).every((x) => !x || produced.has(x)));
    if (i < 0) {
      // Inputs never produced (outer-scope names, dangling): keep the remaining order.
      sorted.push(...pending);
      break;
    }
    const [n] = pending.splice(i, 1);
    sorted.push(n);
    for (const o of n.output ?? []) if (o) produced.add(o);
  }
  return sorted;
}

/**
 * Reads, sorts, upgrades and shape-infers a model's graph.
 * @throws InputError MODEL_INVALID for a model without a graph, an opset outside 7–23, or
 *   outputs that are not float32/float64.
 */
export function prepareGraph(proto: ModelProto, opts: ShapeOptions = {}): PreparedGraph {
  const graph = proto.graph;
  if (!graph)
    throw new InputError(
      'MODEL_INVALID',
      'The model has no graph; a training step needs an inference model with a graph. Re-export the model.',
    );
  const defaultOpset = (proto.opsetImport ?? []).find((o) => !o.domain || o.domain === 'ai.onnx');
  const sourceOpset = Number(defaultOpset?.version ?? 0);
  if (sourceOpset < MIN_SOURCE_OPSET || sourceOpset > MAX_SOURCE_OPSET) {
    throw new InputError(
      'MODEL_INVALID',
      `${modelLabel(proto)} imports default-domain opset ${sourceOpset || '(none)'}; the training step handles opsets ${MIN_SOURCE_OPSET}–${MAX_SOURCE_OPSET}. Re-export the model with opset 13 or newer, e.g. torch.onnx.export(..., opset_version=17).`,
    );
  }
  const opset = Math.max(TRAINING_OPSET, sourceOpset);
  const initializers = new Map<string, TensorProto>();
  for (const t of graph.initializer ?? []) if (t.name) initializers.set(t.name, t);
  const weightConstants = constantWeights(graph.node ?? []);
  for (const [name, t] of weightConstants) initializers.set(name, { ...t, name });
  const graphNodes = (graph.node ?? []).filter((n) => !(n.opType === 'Constant' && weightConstants.has(n.output?.[0] ?? '')));
  const inputs = (graph.input ?? []).filter((v) => v.name && !initializers.has(v.name));
  const outputs = graph.output ?? [];
  // The float type: the first output's, else (an untyped output) the first float initializer's.
  const declared = outputs[0]?.type?.tensorType?.elemType || undefined;
  const firstOut =
    declared ?? [...initializers.values()].find((t) => t.dataType === DataType.FLOAT || t.dataType === DataType.DOUBLE)?.dataType;
  const floatType = firstOut === DataType.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
  if (firstOut !== undefined && firstOut !== DataType.FLOAT && firstOut !== DataType.DOUBLE) {
    throw new InputError(
      'MODEL_INVALID',
      `${modelLabel(proto)}: output "${outputs[0]?.name}" has ONNX element type ${firstOut}; the training step computes in float32 or float64. Convert the model to float32 before training.`,
    );
  }
  const taken = new Set<string>();
  for (const n of graphNodes) {
    for (const x of [...(n.input ?? []), ...(n.output ?? [])]) if (x) taken.add(x);
    if (n.name) taken.add(n.name);
  }
  for (const name of initializers.keys()) taken.add(name);
  for (const v of [...inputs, ...outputs]) if (v.name) taken.add(v.name);
  const em = new GraphEmitter(floatType, opset, taken);
  em.formulations = opts.formulations ?? {};

  // Shapes and constants known before any node runs.
  for (const [name, t] of initializers) {
    em.setShape(name, (t.dims ?? []).map(Number));
    if (t.dataType === DataType.INT64 || t.dataType === DataType.INT32) em.setInts(name, readInts(t));
    else if (
      (t.dataType === DataType.FLOAT || t.dataType === DataType.DOUBLE) &&
      (t.dims ?? []).reduce((a, b) => a * Number(b), 1) <= 8
    ) {
      em.setFloats(name, readFloats(t));
    }
  }
  for (const v of inputs) {
    const name = v.name ?? '';
    const given = opts.batchShapes?.[name];
    const dims = v.type?.tensorType?.shape?.dim;
    const shape: Shape = given
      ? [...given]
      : dims
        ? dims.map((d): Dim =>
            d.dimValue !== undefined && d.dimValue !== null && Number(d.dimValue) > 0
              ? Number(d.dimValue)
              : d.dimParam
                ? (opts.dims?.[d.dimParam] ?? d.dimParam)
                : unknownDim(),
          )
        : undefined;
    em.setShape(name, shape);
  }

  const sorted = sortNodes(graphNodes, new Set([...initializers.keys(), ...inputs.map((v) => v.name ?? '')]));
  const nodes: NodeProto[] = [];
  const problems: string[] = [];
  const recurrentReasons = new Map<NodeProto, string>();
  for (const original of sorted) {
    const upgraded =
      sourceOpset < TRAINING_OPSET ? upgradeNode(em, original, sourceOpset, (n) => em.shapeOf(n)?.length) : [original];
    if (typeof upgraded === 'string') {
      problems.push(`${describeNode(original)}: ${upgraded}`);
      continue;
    }
    // LSTM/GRU/RNN unrolled for the known sequence length (recurrent.ts); one that cannot be
    // stays as is and is refused with the reason among the unsupported nodes.
    const expanded: NodeProto[] = [];
    for (const n of upgraded) {
      const unrolled = RECURRENT_OPS.has(n.opType ?? '') && isDefaultDomain(n) ? expandRecurrent(em, n) : [n];
      if (typeof unrolled === 'string') {
        recurrentReasons.set(n, unrolled);
        expanded.push(n);
      } else expanded.push(...unrolled);
    }
    for (const n of expanded) {
      nodes.push(n);
      if (n.opType === 'Constant' && isDefaultDomain(n)) {
        const value = findAttr(n, 'value')?.t;
        if (value) {
          em.setShape(n.output?.[0] ?? '', (value.dims ?? []).map(Number));
          if (value.dataType === DataType.INT64 || value.dataType === DataType.INT32)
            em.setInts(n.output?.[0] ?? '', readInts(value));
          else if (value.dataType === DataType.FLOAT || value.dataType === DataType.DOUBLE)
            em.setFloats(n.output?.[0] ?? '', readFloats(value));
        }
        continue;
      }
      const shapes = inferNode(
        n,
        (x) => em.shapeOf(x),
        (x) => em.intsOf(x),
        (x) => em.floatsOf(x),
      );
      (n.output ?? []).forEach((o, i) => {
        if (!o) return;
        const known = opts.knownShapes?.get(o);
        const inferred = shapes[i];
        em.setShape(o, known && !isStatic(inferred) && (!inferred || inferred.length === known.length) ? [...known] : inferred);
      });
      // Small integer tensors computed from constants and static shapes (PyTorch's pads).
      const first = n.output?.[0];
      const folded =
        first && isDefaultDomain(n) && !em.intsOf(first)
          ? foldInts(
              n,
              (x) => em.intsOf(x),
              (x) => em.shapeOf(x),
            )
          : undefined;
      if (first && folded) em.setInts(first, folded);
    }
  }
  if (problems.length) {
    throw new InputError(
      'MODEL_INVALID',
      `${modelLabel(proto)} (opset ${sourceOpset}) has nodes that cannot be brought to opset ${opset} for training:\n  ${problems.join('\n  ')}\nRe-export the model with opset 13 or newer.`,
    );
  }
  return {
    weightConstants: [...weightConstants.keys()],
    sourceOpset,
    opset,
    floatType,
    em,
    nodes,
    initializers,
    inputs,
    outputs,
    otherOpsets: (proto.opsetImport ?? []).filter((o) => o.domain && o.domain !== 'ai.onnx'),
    irVersion: Math.max(Number(proto.irVersion ?? 8), 8),
    graphName: graph.name ?? 'model',
    recurrentReasons,
  };
}
