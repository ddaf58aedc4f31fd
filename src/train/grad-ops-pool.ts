/** Gradient rules of the pools: MaxPool, AveragePool, GlobalAveragePool (grad-ops.ts registers them). */
import { DataType } from '../model/onnx.js';
import { rawTensor } from '../model/builder.js';
import { attrInt } from '../model/attrs.js';
import { isStatic, windowGeometry, windowOutput } from './shapes.js';
import { inp, out, rankOf, established, staticDims, savedName, type GradRule } from './grad-rule.js';
import { staticSpatial } from './window-grad.js';
import { convTransposeDx } from './conv-grad-x.js';

export const maxPool: GradRule = {
  check(node, em) {
    if (attrInt(node, 'storage_order', 0) !== 0) return 'storage_order = 1 (column-major indices)';
    if (rankOf(em, inp(node, 0)) === undefined) return 'the rank of its input is not known when the graph is built';
    return undefined;
  },
  forward(em, node) {
    // Keep the argmax of each window: MaxPool's Indices output (flat indices into X).
    const indices = node.output?.[1] || em.fresh('maxpool_indices');
    em.push({ ...node, output: [out(node, 0), indices] });
    return { saved: { indices } };
  },
  backward(em, node, [dY], _need, saved) {
    if (!dY) return [];
    const x = inp(node, 0);
    const xShape = em.shapeOf(x);
    const total = isStatic(xShape)
      ? em.ints([xShape.reduce((a, b) => a * b, 1)])
      : em.one('Reshape', [em.one('Size', [x]), em.ints([1])]);
    const data = em.floatType === DataType.DOUBLE ? Float64Array.from([0]) : Float32Array.from([0]);
    const zeros = em.one('ConstantOfShape', [total], { value: { t: rawTensor('value', [1], em.floatType, data) } }, 'zeros');
    // Route each dY to its window's argmax; overlapping windows that share an argmax add up.
    const flat = em.one(
      'ScatterElements',
      [zeros, em.one('Reshape', [savedName(saved, 'indices'), em.ints([-1])]), em.one('Reshape', [dY, em.ints([-1])])],
      { axis: 0, reduction: 'add' },
      'grad_maxpool_flat',
    );
    return [em.reshapeLike(flat, x)];
  },
};

/**
 * Per-output-position divisors of AveragePool along one axis, as onnxruntime computes them
 * (onnxruntime/core/providers/cpu/nn/pool_functors.h): with count_include_pad the window
 * length clipped to the padded input, else the count of real input positions in the window.
 */
function poolDivisors1d(
  h: number,
  outLen: number,
  k: number,
  s: number,
  d: number,
  pb: number,
  pe: number,
  includePad: boolean,
): number[] {
  const res: number[] = [];
  for (let o = 0; o < outLen; o++) {
    const start = o * s - pb;
    if (includePad) {
      const end = Math.min(start + (k - 1) * d + 1, h + pe);
      res.push(d === 1 ? end - start : Math.floor((end - start - 1) / d) + 1);
    } else {
      let c = 0;
      for (let j = 0; j < k; j++) {
        const p = start + j * d;
        if (p >= 0 && p < h) c++;
      }
      res.push(c);
    }
  }
  return res;
}

export const averagePool: GradRule = {
  check(node, em) {
    const x = staticSpatial(em, inp(node, 0));
    if (!x)
      return "the spatial dims of its input are not known when the graph is built (give the model inputs' shapes in the budget file: `inputs: { x: { shape: [...] } }` or `dims:`)";
    if (typeof x.shape[1] !== 'number') return 'its channel count is not known when the graph is built';
    return undefined;
  },
  backward(em, node, [dY]) {
    if (!dY) return [];
    const x = inp(node, 0);
    const { shape, spatial } = established(staticSpatial(em, x), `the spatial shape of ${x}`);
    const c1 = shape[1];
    const channels = established(typeof c1 === 'number' ? c1 : undefined, `the channel count of ${x}`);
    const g = established(windowGeometry(node, spatial), 'the window geometry');
    const ySpatial = staticDims(windowOutput(spatial, g), 'the output size');
    const k = spatial.length;
    const includePad = attrInt(node, 'count_include_pad', 0) === 1;
    const pads = established(g.pads, 'the pads');
    const per = spatial.map((h, i) =>
      poolDivisors1d(h, ySpatial[i], g.kernel[i], g.strides[i], g.dilations[i], pads[i], pads[i + k], includePad),
    );
    // The divisor of an output position is the product of its per-axis divisors.
    let divisors: number[] = [1];
    for (const axis of per) divisors = divisors.flatMap((a) => axis.map((b) => a * b));
    const uniform = divisors.every((v) => v === divisors[0]);
    const kernelSize = g.kernel.reduce((a, b) => a * b, 1);
    const weight = em.floatConst(
      [channels, 1, ...g.kernel],
      new Array<number>(channels * kernelSize).fill(uniform ? 1 / divisors[0] : 1),
    );
    const scaled = uniform
      ? dY
      : em.one('Mul', [
          dY,
          em.floatConst(
            ySpatial,
            divisors.map((v) => 1 / v),
          ),
        ]);
    // Spread each (scaled) dY evenly over its window: a depthwise transposed convolution.
    const geometry = { spatial, ySpatial, wShape: [channels, 1, ...g.kernel], group: channels, g };
    return [convTransposeDx(em, scaled, weight, geometry, 'grad_avgpool')];
  },
};

export const globalAveragePool: GradRule = {
  backward(em, node, [dY]) {
    if (!dY) return [];
    const x = inp(node, 0);
    const s = em.shapeOf(x);
    const spatial = s?.slice(2);
    const count =
      spatial && spatial.every((d) => typeof d === 'number')
        ? em.scalar(spatial.reduce((a, b) => a * b, 1))
        : em.one('Div', [em.floatSize(x, s), em.floatSize(out(node, 0), em.shapeOf(out(node, 0)))], {}, 'pool_count');
    const shape = isStatic(s) ? em.ints(s) : em.shapeTensor(x);
    return [em.one('Expand', [em.one('Div', [dY, count]), shape], {}, 'grad_global_avgpool')];
  },
};
