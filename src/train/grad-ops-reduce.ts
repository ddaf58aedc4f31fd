/** Gradient of ReduceSum and ReduceMean (the axes from the input at opset 13/18, else the attribute). */
import { type NodeProto } from '../model/onnx.js';
import { attrInt, attrInts } from '../model/attrs.js';
import type { GraphEmitter } from './graph.js';
import { isStatic, normAxis } from './shapes.js';
import { inp, out, hasInput, rankOf, unsqueeze, knownRank, knownShape, established, type GradRule } from './grad-rule.js';

/**
 * Reduction axes of a Reduce* node (axes input from opset 13 for ReduceSum, 18 for the others,
 * else the attribute); undefined for all axes, 'dynamic' when computed at run time.
 */
export function reduceAxes(node: NodeProto, em: GraphEmitter): number[] | undefined | 'dynamic' {
  if (hasInput(node, 1)) return em.intsOf(inp(node, 1)) ?? 'dynamic';
  const a = attrInts(node, 'axes', []);
  if (a.length) return a;
  return attrInt(node, 'noop_with_empty_axes', 0) ? [] : undefined;
}

/** The check every Reduce* gradient rule makes: axes known when the graph is built and fitting the input's rank. */
export function checkReduce(node: NodeProto, em: GraphEmitter): string | undefined {
  const axes = reduceAxes(node, em);
  if (axes === 'dynamic') return 'its axes are computed at run time (the gradient needs them when the graph is built)';
  const rank = rankOf(em, inp(node, 0));
  if (rank === undefined) return 'the rank of its input is not known when the graph is built';
  if (axes?.some((a) => !Number.isInteger(a) || a < -rank || a >= rank))
    return `axes [${axes.join(', ')}] do not fit an input of rank ${rank}`;
  return undefined;
}

/** The reduced axes of a node that passed {@link checkReduce}, non-negative (all of them when none are given). */
export function knownReduceAxes(node: NodeProto, em: GraphEmitter, rank: number): number[] {
  const found = reduceAxes(node, em);
  const given = found === 'dynamic' ? established<number[]>(undefined, `the axes of ${node.name ?? 'a Reduce node'}`) : found;
  return (given ?? Array.from({ length: rank }, (_, i) => i)).map((a) => normAxis(a, rank));
}

/** ReduceSum (mean = false) and ReduceMean: dY broadcast back over the reduced axes. */
export function reduceRule(mean: boolean): GradRule {
  return {
    differentiable: () => [0],
    check: checkReduce,
    backward(em, node, [dY]) {
      if (!dY) return [];
      const x = inp(node, 0);
      const rank = knownRank(em, x);
      const axes = knownReduceAxes(node, em, rank);
      // Y = Σ_axes X (or the mean): every X element in a reduced group receives that group's dY.
      let g =
        attrInt(node, 'keepdims', 1) || axes.length === 0
          ? dY
          : unsqueeze(
              em,
              dY,
              [...axes].sort((a, b) => a - b),
            );
      if (mean) {
        const xs = knownShape(em, x);
        const reduced = axes.map((a) => xs[a]);
        const count = reduced.every((d) => typeof d === 'number')
          ? em.scalar(reduced.reduce((a, b) => a * b, 1))
          : em.one('Div', [em.floatSize(x, xs), em.floatSize(out(node, 0), em.shapeOf(out(node, 0)))], {}, 'reduce_count');
        g = em.one('Div', [g, count]);
      }
      const xs = em.shapeOf(x);
      return [
        em.one('Expand', [g, isStatic(xs) ? em.ints(xs) : em.shapeTensor(x)], {}, mean ? 'grad_reduce_mean' : 'grad_reduce_sum'),
      ];
    },
  };
}
