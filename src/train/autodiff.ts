/**
 * Reverse-mode differentiation of an ONNX graph, written as more ONNX nodes.
 *
 * `prepareGraph` checks the model, sorts and upgrades its nodes and infers shapes;
 * `Differentiator` finds the nodes between the parameters and the loss (the only ones that
 * need gradients), rejects unsupported ones all at once, emits the forward pass in training
 * mode and then, walking the nodes backwards, each node's gradient ops (grad-ops.ts), summing
 * the contributions of tensors used more than once.
 */
import {
  DataType,
  type ModelProto,
  type NodeProto,
  type OperatorSetId,
  type TensorProto,
  type ValueInfoProto,
} from '../model/onnx.js';
import { valueInfo } from '../model/builder.js';
import { InputError } from '../errors.js';
import { GraphEmitter, pruneGraph, type FloatType } from './graph.js';
import { GRAD_RULES, NO_GRADIENT_OPS, describeNode, supportedOps, type ForwardResult } from './grad-ops.js';
import { MIN_SOURCE_OPSET, upgradeNode } from './opset.js';
import { RECURRENT_OPS, expandRecurrent } from './recurrent.js';
import { inferNode, isStatic, unknownDim, type Dim, type Shape } from './shapes.js';
import { readInts, readTensor } from './tensor-data.js';

/** The opset the training step is written in unless the source model's is newer. */
export const TRAINING_OPSET = 17;
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
    const value = (n.attribute ?? []).find((a) => a.name === 'value')?.t;
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

  // Shapes and constants known before any node runs.
  for (const [name, t] of initializers) {
    em.setShape(name, (t.dims ?? []).map(Number));
    if (t.dataType === DataType.INT64 || t.dataType === DataType.INT32) em.setInts(name, readInts(t));
    else if (
      (t.dataType === DataType.FLOAT || t.dataType === DataType.DOUBLE) &&
      (t.dims ?? []).reduce((a, b) => a * Number(b), 1) <= 4
    ) {
      em.setFloats(name, Array.from(readTensor(t).data as Float32Array, Number));
    }
  }
  for (const v of inputs) {
    const name = v.name as string;
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

  const sorted = sortNodes(graphNodes, new Set([...initializers.keys(), ...inputs.map((v) => v.name as string)]));
  const nodes: NodeProto[] = [];
  const problems: string[] = [];
  const recurrentReasons = new Map<NodeProto, string>();
  for (const original of sorted) {
    const upgraded = sourceOpset < 13 ? upgradeNode(em, original, sourceOpset, (n) => em.shapeOf(n)?.length) : [original];
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
      if (n.opType === 'Constant' && (!n.domain || n.domain === 'ai.onnx')) {
        const value = (n.attribute ?? []).find((a) => a.name === 'value')?.t;
        if (value) {
          em.setShape(n.output?.[0] ?? '', (value.dims ?? []).map(Number));
          if (value.dataType === DataType.INT64 || value.dataType === DataType.INT32)
            em.setInts(n.output?.[0] ?? '', readInts(value));
          else if (value.dataType === DataType.FLOAT || value.dataType === DataType.DOUBLE)
            em.setFloats(n.output?.[0] ?? '', Array.from(readTensor(value).data as Float32Array, Number));
        }
        continue;
      }
      const shapes = inferNode(
        n,
        (x) => em.shapeOf(x),
        (x) => em.intsOf(x),
      );
      (n.output ?? []).forEach((o, i) => {
        if (!o) return;
        const known = opts.knownShapes?.get(o);
        const inferred = shapes[i];
        em.setShape(o, known && !isStatic(inferred) && (!inferred || inferred.length === known.length) ? [...known] : inferred);
      });
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

function differentiableSlots(node: NodeProto): number[] {
  const rule = GRAD_RULES[node.opType ?? ''];
  const all = (node.input ?? []).map((_, i) => i);
  return rule?.differentiable ? rule.differentiable(node) : all;
}

function isDefaultDomain(node: NodeProto): boolean {
  return !node.domain || node.domain === 'ai.onnx';
}

const RECURRENT_HINT =
  'LSTM/GRU/RNN train unrolled over a sequence length known when the step is built, with Sigmoid/Tanh/Relu activations, no clip and no sequence_lens; otherwise export the recurrence unrolled into standard ops, e.g. trace a Python loop over nn.LSTMCell/nn.GRUCell steps for a fixed sequence length';
/** What to do instead, for op types users meet often. */
const OP_HINTS: Readonly<Record<string, string>> = {
  Loop: 'control flow is not differentiated; unroll the loop when exporting',
  Scan: 'control flow is not differentiated; unroll the scan when exporting',
  If: 'control flow is not differentiated; export one branch (trace with fixed conditions)',
};

/** Forward ops that behave differently in training and are always emitted in training mode. */
const TRAINING_MODE_OPS = new Set(['Dropout', 'BatchNormalization']);

/**
 * Differentiates a prepared graph with respect to a set of tensors (parameters).
 * @throws InputError UNSUPPORTED_OP listing every node between the parameters and the loss
 *   that has no gradient, with what to do instead.
 */
export class Differentiator {
  /** The `wrt` tensors the targets depend on, in the order given. */
  readonly trainable: string[];
  private readonly requires = new Set<string>();
  private readonly useful = new Set<string>();
  private readonly onPath: boolean[];
  private readonly saved = new Map<number, ForwardResult>();

  /**
   * @param prep the prepared graph
   * @param wrt tensors to differentiate with respect to (initializers or inputs)
   * @param targets tensors whose gradients will be seeded (the loss's inputs)
   */
  constructor(
    private readonly prep: PreparedGraph,
    wrt: readonly string[],
    targets: readonly string[],
  ) {
    const nodes = prep.nodes;
    for (const w of wrt) this.requires.add(w);
    for (const n of nodes) {
      if (!isDefaultDomain(n) || !NO_GRADIENT_OPS.has(n.opType ?? '')) {
        const slots = differentiableSlots(n);
        if (slots.some((i) => this.requires.has(n.input?.[i] ?? ''))) {
          // Supported ops have one differentiable output (the others are masks, indices or
          // statistics); an unknown op might pass a gradient through any output.
          const rule = isDefaultDomain(n) ? GRAD_RULES[n.opType ?? ''] : undefined;
          const outs = rule && !rule.multiOutput ? [n.output?.[0] ?? ''] : (n.output ?? []);
          for (const o of outs) if (o) this.requires.add(o);
        }
      }
    }
    for (const t of targets) this.useful.add(t);
    this.onPath = new Array<boolean>(nodes.length).fill(false);
    for (let k = nodes.length - 1; k >= 0; k--) {
      const n = nodes[k];
      if (!(n.output ?? []).some((o) => o && this.useful.has(o) && this.requires.has(o))) continue;
      const slots = differentiableSlots(n).filter((i) => this.requires.has(n.input?.[i] ?? ''));
      if (!slots.length) continue;
      this.onPath[k] = true;
      for (const i of slots) this.useful.add(n.input?.[i] ?? '');
    }
    this.trainable = wrt.filter((w) => this.useful.has(w));

    const unsupported: string[] = [];
    nodes.forEach((n, k) => {
      if (!this.onPath[k]) return;
      const rule = isDefaultDomain(n) ? GRAD_RULES[n.opType ?? ''] : undefined;
      const op = `${n.domain && n.domain !== 'ai.onnx' ? `${n.domain}.` : ''}${n.opType}`;
      const notUnrolled = prep.recurrentReasons.get(n);
      if (notUnrolled)
        unsupported.push(`${op} node ${describeNode(n)}: cannot be unrolled for training: ${notUnrolled} (${RECURRENT_HINT})`);
      else if (!rule)
        unsupported.push(
          `${op} node ${describeNode(n)}: no gradient for this op type${OP_HINTS[op] ? ` (${OP_HINTS[op]})` : ''}`,
        );
      else {
        const why = rule.check?.(n, prep.em);
        if (why) unsupported.push(`${op} node ${describeNode(n)}: ${why}`);
      }
    });
    if (unsupported.length) {
      throw new InputError(
        'UNSUPPORTED_OP',
        `Cannot build a training step for ${prep.graphName}: ${unsupported.length === 1 ? 'one node' : `${unsupported.length} nodes`} between the trainable parameters and the loss cannot be differentiated:\n  ${unsupported.join('\n  ')}\n` +
          `What you can do: freeze the parameters before these nodes (training.freeze: list their initializer names, so no gradient has to pass through them); replace the op with supported ones when exporting; or bring your own training-step model (training.step-model with its feedback mapping). Ops with gradients: ${supportedOps().join(', ')}.`,
      );
    }
  }

  /** Whether node k of the prepared graph lies between the parameters and the targets. */
  isOnPath(k: number): boolean {
    return this.onPath[k];
  }

  /**
   * Emits the forward pass (training mode for Dropout and BatchNormalization).
   * Returns state updates: state tensor name → tensor holding its new value.
   */
  emitForward(): Record<string, string> {
    const em = this.prep.em;
    const updates: Record<string, string> = {};
    this.prep.nodes.forEach((n, k) => {
      const rule = isDefaultDomain(n) ? GRAD_RULES[n.opType ?? ''] : undefined;
      if (rule?.forward && (this.onPath[k] || TRAINING_MODE_OPS.has(n.opType ?? ''))) {
        const res = rule.forward(em, n) ?? {};
        this.saved.set(k, res);
        for (const [state, value] of Object.entries(res.stateUpdates ?? {})) if (!(state in updates)) updates[state] = value;
      } else {
        em.push(n);
      }
    });
    return updates;
  }

  /**
   * Emits the backward pass from the given seeds (tensor → name of its gradient) and returns
   * the gradient of every trainable tensor.
   */
  emitBackward(seeds: Record<string, string>): Map<string, string> {
    const em = this.prep.em;
    const contributions = new Map<string, string[]>();
    const addGrad = (t: string, g: string): void => {
      const list = contributions.get(t);
      if (list) list.push(g);
      else contributions.set(t, [g]);
    };
    const materialise = (t: string): string | undefined => {
      const list = contributions.get(t);
      if (!list || list.length === 0) return undefined;
      if (list.length === 1) return list[0];
      const sum = em.one('Sum', list, {}, 'grad_sum');
      em.setShape(sum, em.shapeOf(t));
      contributions.set(t, [sum]);
      return sum;
    };
    for (const [t, g] of Object.entries(seeds)) addGrad(t, g);
    const nodes = this.prep.nodes;
    for (let k = nodes.length - 1; k >= 0; k--) {
      if (!this.onPath[k]) continue;
      const n = nodes[k];
      const dOut = (n.output ?? []).map((o) => (o ? materialise(o) : undefined));
      if (dOut.every((g) => g === undefined)) continue;
      const slots = new Set(differentiableSlots(n));
      const need = (n.input ?? []).map((x, i) => !!x && slots.has(i) && this.requires.has(x) && this.useful.has(x));
      const rule = GRAD_RULES[n.opType ?? ''];
      const grads = rule.backward(em, n, dOut, need, this.saved.get(k)?.saved ?? {});
      grads.forEach((g, i) => {
        const x = n.input?.[i];
        if (g && x && need[i]) {
          if (em.shapeOf(g) === undefined) em.setShape(g, em.shapeOf(x));
          addGrad(x, g);
        }
      });
    }
    const result = new Map<string, string>();
    for (const w of this.trainable) {
      const g = materialise(w);
      if (g) result.set(w, g);
    }
    return result;
  }
}

/** A graph output's value info with the build-time shape when known. */
export function outputInfo(em: GraphEmitter, name: string, elemType: number, shapeOf = name): ValueInfoProto {
  const s = em.shapeOf(shapeOf);
  return valueInfo(
    name,
    elemType,
    s ? s.map((d) => (typeof d === 'number' ? d : d.startsWith('?') ? `unk_${d.slice(1)}` : d)) : undefined,
  );
}

/** Options of {@link differentiateModel}. */
export interface DifferentiateOptions extends ShapeOptions {
  /** The tensor to differentiate (a graph output or any tensor); its gradient seed is 1. */
  loss: string;
  /** Tensors to differentiate with respect to: graph inputs or initializers. */
  wrt: string[];
}

/**
 * Appends gradient outputs `<name>_grad` for each tensor in `wrt` to a model: the gradient of
 * the sum of the `loss` tensor's elements. The model keeps its inputs and initializers.
 * @throws InputError UNSUPPORTED_OP / MODEL_INVALID as {@link prepareGraph} and {@link Differentiator}.
 */
export function differentiateModel(
  proto: ModelProto,
  opts: DifferentiateOptions,
): { model: ModelProto; gradients: Record<string, string> } {
  const prep = prepareGraph(proto, opts);
  const em = prep.em;
  const diff = new Differentiator(prep, opts.wrt, [opts.loss]);
  const stateUpdates = diff.emitForward();
  const lossShape = em.shapeOf(opts.loss);
  const seed = lossShape && lossShape.length === 0 ? em.scalar(1) : em.filled(1, opts.loss);
  const grads = diff.emitBackward({ [opts.loss]: seed });
  const gradients: Record<string, string> = {};
  const outputs: ValueInfoProto[] = [outputInfo(em, opts.loss, prep.floatType)];
  for (const w of opts.wrt) {
    const g = grads.get(w);
    if (!g) continue;
    const name = em.reserve(`${w}_grad`);
    em.to(name, 'Identity', [g]);
    em.setShape(name, em.shapeOf(w));
    gradients[w] = name;
    outputs.push(outputInfo(em, name, prep.floatType));
  }
  for (const [state, value] of Object.entries(stateUpdates)) {
    const name = em.reserve(`${state}_new`);
    em.to(name, 'Identity', [value]);
    outputs.push(outputInfo(em, name, prep.floatType, state));
  }
  const pruned = pruneGraph(
    em.nodes,
    [...prep.initializers.values(), ...em.initializers],
    outputs.map((o) => o.name as string),
  );
  const model: ModelProto = {
    irVersion: prep.irVersion,
    producerName: 'energy-budget',
    opsetImport: [{ domain: '', version: prep.opset }, ...prep.otherOpsets],
    graph: {
      name: `${prep.graphName}_grad`,
      node: pruned.nodes,
      initializer: pruned.initializers,
      input: prep.inputs,
      output: outputs,
    },
  };
  return { model, gradients };
}
