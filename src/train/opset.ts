/**
 * Brings nodes of an older model (opset 7–12) to the opset the training step is written in
 * (>= 13): the ops whose inputs or semantics changed get rewritten, everything else is copied.
 *
 * Changes handled (ONNX Changelog.md): Softmax/LogSoftmax/Hardmax-13 (one axis instead of
 * "flatten from axis"), Dropout-12 (ratio becomes an input), Squeeze/Unsqueeze/ReduceSum/
 * Split-13 (axes/split become inputs), Clip-11 and Pad-11 (min/max, pads become inputs),
 * Slice-10 (starts/ends/axes become inputs).
 */
import type { NodeProto } from '../model/onnx.js';
import { attrFloat, attrInt, attrInts, findAttr, withoutAttrs } from './attrs.js';
import type { GraphEmitter } from './graph.js';
import { normAxis } from './shapes.js';

/** The oldest default-domain opset accepted. */
export const MIN_SOURCE_OPSET = 7;

/**
 * Rewrites one node from `from` opset to opset >= 13. Constants it needs are added to `em`.
 * Returns the replacement nodes (the node itself when nothing changed), or a reason string
 * when the node cannot be brought forward.
 */
export function upgradeNode(
  em: GraphEmitter,
  node: NodeProto,
  from: number,
  rankOf: (name: string) => number | undefined,
): NodeProto[] | string {
  if (node.domain && node.domain !== 'ai.onnx') return [node];
  const op = node.opType ?? '';
  const x = node.input?.[0] ?? '';
  const y = node.output?.[0] ?? '';
  if ((op === 'Softmax' || op === 'LogSoftmax' || op === 'Hardmax') && from < 13) {
    const axis = attrInt(node, 'axis', 1);
    const rank = rankOf(x);
    if (axis === -1 || (rank !== undefined && normAxis(axis, rank) === rank - 1)) {
      return [
        {
          ...withoutAttrs(node, ['axis']),
          attribute: [...(withoutAttrs(node, ['axis']).attribute ?? []), { name: 'axis', type: 2, i: -1 }],
        },
      ];
    }
    if (rank === undefined) return `${op} (opset ${from}) with axis ${axis} on an input of unknown rank`;
    // Before opset 13 the op flattened X to 2-D at `axis` and normalised each row.
    const flat = em.fresh('flat');
    const normed = em.fresh('normed');
    const shape = em.fresh('shape');
    return [
      em.detached('Shape', [x], [shape]),
      em.detached('Flatten', [x], [flat], { axis: normAxis(axis, rank) }),
      em.detached(op, [flat], [normed], { axis: 1 }),
      em.detached('Reshape', [normed, shape], [y]),
    ];
  }
  if (op === 'Dropout' && from < 12) {
    const ratio = em.scalar(attrFloat(node, 'ratio', 0.5));
    em.setFloats(ratio, [attrFloat(node, 'ratio', 0.5)]);
    return [{ ...withoutAttrs(node, ['ratio', 'is_test']), input: [x, ratio] }];
  }
  if ((op === 'Squeeze' || op === 'Unsqueeze' || op === 'ReduceSum') && from < 13) {
    const axes = findAttr(node, 'axes') ? attrInts(node, 'axes', []) : undefined;
    const stripped = withoutAttrs(node, ['axes']);
    return [{ ...stripped, input: axes ? [x, em.ints(axes)] : [x] }];
  }
  if (op === 'Split' && from < 13) {
    const split = findAttr(node, 'split') ? attrInts(node, 'split', []) : undefined;
    return [{ ...withoutAttrs(node, ['split']), input: split ? [x, em.ints(split)] : [x] }];
  }
  if (op === 'Clip' && from < 11) {
    const min = findAttr(node, 'min') ? em.scalar(attrFloat(node, 'min', 0)) : '';
    const max = findAttr(node, 'max') ? em.scalar(attrFloat(node, 'max', 0)) : '';
    return [{ ...withoutAttrs(node, ['min', 'max']), input: [x, min, max] }];
  }
  if (op === 'Pad' && from < 11) {
    const pads = attrInts(node, 'pads', []);
    const value = attrFloat(node, 'value', 0);
    return [{ ...withoutAttrs(node, ['pads', 'value']), input: [x, em.ints(pads), em.scalar(value)] }];
  }
  if (op === 'Slice' && from < 10) {
    const starts = attrInts(node, 'starts', []);
    const ends = attrInts(node, 'ends', []);
    const axes = findAttr(node, 'axes') ? attrInts(node, 'axes', []) : undefined;
    return [
      {
        ...withoutAttrs(node, ['starts', 'ends', 'axes']),
        input: [x, em.ints(starts), em.ints(ends), ...(axes ? [em.ints(axes)] : [])],
      },
    ];
  }
  return [node];
}
