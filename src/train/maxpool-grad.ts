/**
 * MaxPool's gradient without onnxruntime's Indices output (grad-ops-pool.ts uses it).
 *
 * onnxruntime runs a MaxPool that also writes Indices in a generic per-element loop, many
 * times slower than its plain MaxPool (SqueezeNet 1.1's first pool: 1.85 ms against 0.1 ms,
 * bench/train-profile.ts). So the forward stays a plain MaxPool and backward finds each
 * window's argmax again from X: the K window elements as K strided Slices of X (padded with
 * −∞ where the window leaves it), stacked on a new axis, and ArgMax over that axis. ArgMax
 * (select_last_index 0) returns the first maximum, and the offsets are in row-major window
 * order: the same tie-breaking as onnxruntime's Indices and PyTorch's max_pool2d_with_indices,
 * which matters after a ReLU (windows of zeros). dY is then added at those positions with
 * ScatterElements, per (sample, channel) over the flattened spatial axes.
 */
import { DataType, type NodeProto } from '../model/onnx.js';
import { rawTensor } from '../model/builder.js';
import { windowGeometry, windowOutput, type WindowGeometry } from './shapes.js';
import { inp, type GradRule } from './grad-rule.js';
import type { GraphEmitter } from './graph.js';
import { kernelOffsets, staticSpatial } from './window-grad.js';

interface PoolGeometry {
  spatial: number[];
  ySpatial: number[];
  pads: number[];
  g: WindowGeometry;
}

/** The static geometry the argmax formulation needs, or undefined (then the Indices path is used). */
export function argmaxGeometry(em: GraphEmitter, node: NodeProto): PoolGeometry | undefined {
  if (em.formulations.maxPoolIndices || node.output?.[1]) return undefined;
  const x = staticSpatial(em, inp(node, 0));
  if (!x) return undefined;
  const g = windowGeometry(node, x.spatial);
  if (!g?.pads) return undefined;
  const ySpatial = windowOutput(x.spatial, g);
  if (!ySpatial.every((d): d is number => typeof d === 'number')) return undefined;
  return { spatial: x.spatial, ySpatial: ySpatial, pads: g.pads, g };
}

/** dX of a MaxPool whose forward was emitted without Indices: see the file comment. */
export const maxPoolArgmaxBackward: GradRule['backward'] = (em, node, [dY]) => {
  if (!dY) return [];
  const geo = argmaxGeometry(em, node);
  if (!geo) throw new Error(`internal: MaxPool ${node.name ?? ''} lost its static geometry between forward and backward`);
  const { spatial, ySpatial, pads, g } = geo;
  const x = inp(node, 0);
  const k = spatial.length;
  // −∞ in front (the pads) and behind (pads, or what ceil_mode's last window needs), so that
  // padding never wins, as in onnxruntime's loop that clips windows to the input.
  const endPads = spatial.map((h, a) =>
    Math.max(0, (ySpatial[a] - 1) * g.strides[a] + (g.kernel[a] - 1) * g.dilations[a] + 1 - pads[a] - h),
  );
  const front = pads.slice(0, k);
  const padded =
    front.some((v) => v !== 0) || endPads.some((v) => v !== 0)
      ? em.one('Pad', [x, em.ints([0, 0, ...front, 0, 0, ...endPads]), em.scalar(-Infinity)], {}, 'maxpool_padded')
      : x;
  const axes = em.ints(Array.from({ length: k }, (_, i) => i + 2));
  const steps = em.ints(g.strides);
  const offsets = kernelOffsets(g.kernel);
  const windows = offsets.map((o) => {
    const starts = o.map((j, a) => j * g.dilations[a]);
    const ends = starts.map((st, a) => st + (ySpatial[a] - 1) * g.strides[a] + 1);
    return em.one('Slice', [padded, em.ints(starts), em.ints(ends), axes, steps], {}, 'maxpool_window');
  });
  // Concatenated on the channel axis, in memory [N, K, C, Y]: ArgMax over K.
  const Y = ySpatial.reduce((a, b) => a * b, 1);
  const stacked = windows.length === 1 ? windows[0] : em.one('Concat', windows, { axis: 1 }, 'maxpool_windows');
  const which = em.one(
    'ArgMax',
    [em.reshapeTo(stacked, [0, offsets.length, -1, Y])],
    { axis: 1, keepdims: 0, select_last_index: 0 },
    'maxpool_argmax',
  );
  // Flat position in X's spatial axes: window origin (may lie in the padding) + offset (never
  // does for the maximum, since padding is −∞ and every window overlaps the input).
  const rowStride = spatial.map((_, a) => spatial.slice(a + 1).reduce((p, q) => p * q, 1));
  const offsetOf = offsets.map((o) => o.reduce((acc, j, a) => acc + j * g.dilations[a] * rowStride[a], 0));
  const origins: number[] = [0];
  let originAll = origins;
  for (let a = 0; a < k; a++) {
    const along = Array.from({ length: ySpatial[a] }, (_, y) => (y * g.strides[a] - pads[a]) * rowStride[a]);
    originAll = originAll.flatMap((base) => along.map((v) => base + v));
  }
  const index = em.one(
    'Add',
    [em.one('Gather', [em.ints(offsetOf), which], { axis: 0 }), em.ints(originAll)],
    {},
    'maxpool_index',
  );
  const H = spatial.reduce((a, b) => a * b, 1);
  const s = em.shapeOf(x);
  const n = s?.[0];
  const c = s?.[1];
  const zerosShape =
    typeof n === 'number' && typeof c === 'number'
      ? em.ints([n, c, H])
      : em.one('Concat', [em.one('Slice', [em.shapeTensor(x), em.ints([0]), em.ints([2])]), em.ints([H])], { axis: 0 });
  const data = em.floatType === DataType.DOUBLE ? Float64Array.from([0]) : Float32Array.from([0]);
  const zeros = em.one('ConstantOfShape', [zerosShape], { value: { t: rawTensor('value', [1], em.floatType, data) } }, 'zeros');
  // Overlapping windows that share a maximum add up.
  const flat = em.one(
    'ScatterElements',
    [zeros, index, em.reshapeTo(dY, [0, 0, Y])],
    { axis: 2, reduction: 'add' },
    'grad_maxpool_flat',
  );
  return [em.reshapeLike(flat, x)];
};
