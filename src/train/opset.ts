/**
 * Brings nodes of an older model (opset 7–17) to the opset the training step is written in
 * (>= 18): the ops whose inputs or semantics changed get rewritten, everything else is copied.
 *
 * Changes handled (ONNX Changelog.md): Softmax/LogSoftmax/Hardmax-13 (one axis instead of
 * "flatten from axis"), Dropout-12 (ratio becomes an input), Squeeze/Unsqueeze/ReduceSum/
 * Split-13 (axes/split become inputs), Clip-11 and Pad-11 (min/max, pads become inputs),
 * Slice-10 (starts/ends/axes become inputs), Upsample-7/9 and Resize-10 (to Resize-13 with the
 * coordinate transformation and rounding they had); ReduceMean/Max/Min/Prod/L1/L2/LogSum/
 * LogSumExp/SumSquare-18 (axes become an input) and Split-18 (an equal split names its
 * number of outputs).
 */
import { DataType, type NodeProto } from '../model/onnx.js';
import { attr, rawTensor } from '../model/builder.js';
import { attrFloat, attrInt, attrInts, attrString, findAttr, withoutAttrs } from '../model/attrs.js';
import type { GraphEmitter } from './graph.js';
import { normAxis } from './shapes.js';

/** The oldest default-domain opset accepted. */
export const MIN_SOURCE_OPSET = 7;

/** Reductions whose axes became an input at opset 18 (ReduceSum's did at 13). */
const REDUCE_18 = new Set([
  'ReduceMean',
  'ReduceMax',
  'ReduceMin',
  'ReduceProd',
  'ReduceL1',
  'ReduceL2',
  'ReduceLogSum',
  'ReduceLogSumExp',
  'ReduceSumSquare',
]);

/**
 * Rewrites one node from `from` opset to opset >= 18. Constants it needs are added to `em`.
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
  if (((op === 'Squeeze' || op === 'Unsqueeze' || op === 'ReduceSum') && from < 13) || (REDUCE_18.has(op) && from < 18)) {
    const axes = findAttr(node, 'axes') ? attrInts(node, 'axes', []) : undefined;
    const stripped = withoutAttrs(node, ['axes']);
    return [{ ...stripped, input: axes ? [x, em.ints(axes)] : [x] }];
  }
  if (op === 'Split' && from < 18) {
    // Split-13 takes its sizes as an input; Split-18 without sizes must name its part count.
    const stripped = withoutAttrs(node, ['split']);
    const sizes = from < 13 && findAttr(node, 'split') ? em.ints(attrInts(node, 'split', [])) : node.input?.[1];
    if (sizes) return [{ ...stripped, input: [x, sizes] }];
    return [
      { ...stripped, input: [x], attribute: [...(stripped.attribute ?? []), attr('num_outputs', node.output?.length ?? 1)] },
    ];
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
  if (op === 'Upsample' || (op === 'Resize' && from < 11)) return upgradeResize(em, node, from);
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

/**
 * Upsample-7 (scales attribute), Upsample-9 and Resize-10 (scales input) as Resize-13: they map
 * output coordinates with x / scale (`asymmetric`); nearest rounds down when enlarging (and,
 * in onnxruntime, up when shrinking, which Resize-13 has no mode for: refused then).
 */
function upgradeResize(em: GraphEmitter, node: NodeProto, from: number): NodeProto[] | string {
  const given = findAttr(node, 'scales')?.floats;
  let scales = node.input?.[1] ?? '';
  if (given?.length) {
    scales = em.fresh('scales');
    em.initializers.push(rawTensor(scales, [given.length], DataType.FLOAT, Float32Array.from(given)));
    em.setShape(scales, [given.length]);
    em.setFloats(scales, given);
  }
  const known = em.floatsOf(scales);
  const mode = attrString(node, 'mode', 'nearest') === 'nearest' ? 'nearest' : 'linear';
  if (mode === 'nearest' && (!known || known.some((v) => v < 1)))
    return `${node.opType} (opset ${from}) in nearest mode with ${known ? 'a scale below 1' : 'scales computed at run time'} (its rounding has no Resize-13 equivalent); re-export with opset 11 or newer`;
  const attributes = [attr('mode', mode), attr('coordinate_transformation_mode', 'asymmetric')];
  if (mode === 'nearest') attributes.push(attr('nearest_mode', 'floor'));
  return [
    { opType: 'Resize', name: node.name, input: [node.input?.[0] ?? '', '', scales], output: node.output, attribute: attributes },
  ];
}
