/** The shape of one op's differentiation rule, shared by grad-ops.ts and grad-ops-more.ts. */
import type { NodeProto } from '../model/onnx.js';
import type { GraphEmitter } from './graph.js';

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
