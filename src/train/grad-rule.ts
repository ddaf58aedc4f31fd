/** The shape of one op's differentiation rule, shared by grad-ops.ts and grad-ops-more.ts. */
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
