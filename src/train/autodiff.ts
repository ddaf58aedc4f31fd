/**
 * Reverse-mode differentiation of an ONNX graph, written as more ONNX nodes.
 *
 * `prepareGraph` checks the model, sorts and upgrades its nodes and infers shapes;
 * `Differentiator` finds the nodes between the parameters and the loss (the only ones that
 * need gradients), rejects unsupported ones all at once, emits the forward pass in training
 * mode and then, walking the nodes backwards, each node's gradient ops (grad-ops.ts), summing
 * the contributions of tensors used more than once.
 */
import type { ModelProto, NodeProto, ValueInfoProto } from '../model/onnx.js';
import { valueInfo } from '../model/builder.js';
import { InputError } from '../errors.js';
import { GraphEmitter, pruneGraph } from './graph.js';
import { GRAD_RULES, NO_GRADIENT_OPS, describeNode, supportedOps, type ForwardResult } from './grad-ops.js';
import { isDefaultDomain } from '../model/attrs.js';
import { prepareGraph, type PreparedGraph, type ShapeOptions } from './prepare.js';

export { MAX_SOURCE_OPSET, TRAINING_OPSET, prepareGraph, type PreparedGraph, type ShapeOptions } from './prepare.js';

function differentiableSlots(node: NodeProto): number[] {
  const rule = GRAD_RULES[node.opType ?? ''];
  const all = (node.input ?? []).map((_, i) => i);
  return rule?.differentiable ? rule.differentiable(node) : all;
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
    outputs.map((o) => o.name ?? ''),
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
