/** The shape of one op's differentiation rule, and the small helpers the rule files share (grad-ops*.ts). */
import type { NodeProto } from '../model/onnx.js';
import type { GraphEmitter } from './graph.js';
import type { Dim } from './shapes.js';

/** What a rule's forward emission returns. */
export interface ForwardResult {
  /** Anything the backward of the same node needs (names of saved tensors). */
  saved?: Record<string, string | number | number[]>;
  /** State tensors this node updates: input name → tensor holding its new value. */
  stateUpdates?: Record<string, string>;
}

/** How one op is differentiated. */
export interface GradRule {
  /** Input slots gradients flow through; default: every input. */
  differentiable?(node: NodeProto): number[];
  /** Every output carries a gradient (Split); by default only the first does. */
  multiOutput?: boolean;
  /** Why this node cannot be differentiated (unsupported attribute values), or undefined. */
  check?(node: NodeProto, em: GraphEmitter): string | undefined;
  /** Emits the node as it runs in training; default: the node unchanged. */
  forward?(em: GraphEmitter, node: NodeProto): ForwardResult | void;
  /**
   * Emits the gradient ops. `dOut[i]` is the gradient of output i (undefined when nothing
   * depends on it); `need[j]` says whether input j's gradient is wanted. Returns one name per
   * input (undefined where not computed).
   */
  backward(
    em: GraphEmitter,
    node: NodeProto,
    dOut: Array<string | undefined>,
    need: boolean[],
    saved: Record<string, string | number | number[]>,
  ): Array<string | undefined>;
}

/**
 * A value a rule's check() established before backward() runs (a rank, a static shape, a
 * window geometry). Absent, it is a bug in the rule, not bad input: an internal error.
 * @throws Error when the value is undefined.
 */
export function established<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`internal: ${what} is unknown although the rule's check passed`);
  return value;
}

/** The rank of `name`'s shape, which the rule's check required to be known. @throws Error when unknown. */
export function knownRank(em: GraphEmitter, name: string): number {
  return established(em.shapeOf(name)?.length, `the rank of ${name}`);
}

/** The shape of `name`, which the rule's check required to be known. @throws Error when unknown. */
export function knownShape(em: GraphEmitter, name: string): Dim[] {
  return established(em.shapeOf(name), `the shape of ${name}`);
}

/** Only numbers: dims a rule's check required to be static. @throws Error on a symbolic dim. */
export function staticDims(dims: readonly Dim[], what: string): number[] {
  return dims.map((d) => (typeof d === 'number' ? d : established<number>(undefined, `${what} (dim ${String(d)})`)));
}

/** The name of a tensor the forward emission saved for backward(). @throws Error when missing. */
export function savedName(saved: Record<string, string | number | number[]>, key: string): string {
  const v = saved[key];
  return typeof v === 'string' ? v : established<string>(undefined, `the saved tensor ${key}`);
}

export const inp = (node: NodeProto, i: number): string => node.input?.[i] ?? '';

export const out = (node: NodeProto, i: number): string => node.output?.[i] ?? '';

export const hasInput = (node: NodeProto, i: number): boolean => !!node.input?.[i];

/** Gradient of an op whose inputs broadcast against each other, for one input. */
export function bcast(em: GraphEmitter, node: NodeProto, g: string, i: number): string {
  return em.sumTo(g, em.shapeOf(out(node, 0)), inp(node, i));
}

export function rankOf(em: GraphEmitter, name: string): number | undefined {
  return em.shapeOf(name)?.length;
}

export function swapLastTwo(rank: number): number[] {
  const perm = Array.from({ length: rank }, (_, i) => i);
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  return perm;
}

export function unsqueeze(em: GraphEmitter, x: string, axes: number[]): string {
  return em.one('Unsqueeze', [x, em.ints(axes)], {}, 'unsqueeze');
}

export function squeeze(em: GraphEmitter, x: string, axes: number[]): string {
  return em.one('Squeeze', [x, em.ints(axes)], {}, 'squeeze');
}
