/** Gradient rules of the convolution family: Conv, the pools and BatchNormalization (grad-ops.ts registers them). */
import { DataType } from '../model/onnx.js';
import { rawTensor } from '../model/builder.js';
import { attrFloat, attrInt } from './attrs.js';
import type { GraphEmitter } from './graph.js';
import { isStatic, windowGeometry, windowOutput, type Dim, type WindowGeometry } from './shapes.js';
import {
  inp,
  out,
  hasInput,
  rankOf,
  unsqueeze,
  established,
  knownRank,
  knownShape,
  staticDims,
  savedName,
  type GradRule,
} from './grad-rule.js';

/** Pads end and output_padding that make ConvTranspose invert a window op's geometry. */
function transposeGeometry(
  g: WindowGeometry,
  inSpatial: number[],
  outSpatial: number[],
): { pads: number[]; outputPadding: number[] } {
  const k = inSpatial.length;
  const pads = established(g.pads, 'the pads');
  const begin = pads.slice(0, k);
  const end: number[] = [];
  const outputPadding: number[] = [];
  for (let i = 0; i < k; i++) {
    // ConvTranspose writes input position y·s + j·d, crops `begin` in front and `end` behind:
    // output = s·(Hy−1) + (k−1)·d + 1 + output_padding − begin − end, which must equal H.
    const full = g.strides[i] * (outSpatial[i] - 1) + (g.kernel[i] - 1) * g.dilations[i] + 1;
    const diff = inSpatial[i] + begin[i] - full;
    if (diff >= 0) {
      outputPadding.push(diff);
      end.push(0);
    } else {
      outputPadding.push(0);
      end.push(-diff);
    }
  }
  return { pads: [...begin, ...end], outputPadding };
}

function staticSpatial(em: GraphEmitter, x: string): { shape: Dim[]; spatial: number[] } | undefined {
  const s = em.shapeOf(x);
  if (!s || s.length < 3) return undefined;
  const spatial = s.slice(2);
  return spatial.every((d) => typeof d === 'number') ? { shape: s, spatial: spatial } : undefined;
}

export const conv: GradRule = {
  check(node, em) {
    const x = staticSpatial(em, inp(node, 0));
    if (!x)
      return "the spatial dims of its input are not known when the graph is built (give the model inputs' shapes in the budget file: `inputs: { x: { shape: [...] } }` or `dims:`)";
    const w = em.shapeOf(inp(node, 1));
    if (!isStatic(w)) return 'the shape of its weight is not known when the graph is built';
    return undefined;
  },
  backward(em, node, [dY], need) {
    if (!dY) return [];
    const x = inp(node, 0);
    const w = inp(node, 1);
    const { spatial } = established(staticSpatial(em, x), `the spatial shape of ${x}`);
    const wShape = staticDims(knownShape(em, w), `the shape of ${w}`);
    const g = established(windowGeometry(node, spatial, wShape.slice(2)), 'the window geometry');
    const ySpatial = staticDims(windowOutput(spatial, g), 'the output size');
    const k = spatial.length;
    const group = attrInt(node, 'group', 1);
    let dX: string | undefined;
    let dW: string | undefined;
    let dB: string | undefined;
    const K = g.kernel.reduce((a, b) => a * b, 1);
    const perm = [1, 0, ...Array.from({ length: k }, (_, i) => i + 2)];
    let dYm: string | undefined;
    const dYMatrix = (): string => (dYm ??= em.reshapeTo(em.one('Transpose', [dY], { perm }, 'dyT'), [wShape[0], -1]));
    if (need[0] && group === 1) {
      // dcols = Wᵀ·dY as one Gemm [C·K, M]·[M, N·Y] (W read once for the whole batch), then
      // col2im: each kernel offset's columns (spread out by the stride) padded into place, and
      // all K summed in one pass.
      const pads = established(g.pads, 'the pads');
      const paddedSpatial = spatial.map((h, a) => h + pads[a] + pads[a + k]);
      const dcols = em.one('Gemm', [em.reshapeTo(w, [wShape[0], -1]), dYMatrix()], { transA: 1 }, 'grad_conv_cols');
      const offsets: number[][] = [[]];
      for (const size of g.kernel) {
        const next: number[][] = [];
        for (const o of offsets) for (let j = 0; j < size; j++) next.push([...o, j]);
        offsets.splice(0, offsets.length, ...next);
      }
      let byOffset = em.reshapeTo(dcols, [wShape[1], K, -1, ...ySpatial]);
      let span = ySpatial;
      if (g.strides.some((v) => v !== 1)) {
        // Stride s: s − 1 zeros after each column position ([…, y, 1] padded to […, y, s]),
        // trimmed after the last real one: (y − 1)·s + 1 positions.
        const inter = em.reshapeTo(byOffset, [wShape[1], K, -1, ...ySpatial.flatMap((y) => [y, 1])]);
        const endPads = [0, 0, 0, ...g.strides.flatMap((st) => [0, st - 1])];
        const spread = em.one(
          'Pad',
          [inter, em.ints([...new Array<number>(3 + 2 * k).fill(0), ...endPads]), em.scalar(0)],
          {},
          'col2im_stride',
        );
        span = ySpatial.map((y, a) => (y - 1) * g.strides[a] + 1);
        byOffset = em.one(
          'Slice',
          [
            em.reshapeTo(spread, [wShape[1], K, -1, ...ySpatial.map((y, a) => y * g.strides[a])]),
            em.ints(new Array<number>(k).fill(0)),
            em.ints(span),
            em.ints(Array.from({ length: k }, (_, i) => i + 3)),
          ],
          {},
          'col2im_stride',
        );
      }
      // One part per kernel offset: Split-13…17 without sizes splits equally; from 18 it is told.
      const parts =
        K === 1
          ? [byOffset]
          : em.op('Split', [byOffset], { axis: 1, ...(em.opset >= 18 ? { num_outputs: K } : {}) }, K, 'col2im');
      const placed = parts.map((part, i) => {
        const begin = offsets[i].map((j, a) => j * g.dilations[a]);
        const end = begin.map((b, a) => paddedSpatial[a] - b - span[a]);
        if (begin.every((v) => v === 0) && end.every((v) => v === 0)) return part;
        return em.one('Pad', [part, em.ints([0, 0, 0, ...begin, 0, 0, 0, ...end]), em.scalar(0)], {}, 'col2im');
      });
      const summed = placed.length === 1 ? placed[0] : em.one('Sum', placed, {}, 'col2im_sum');
      const image = em.one('Transpose', [em.reshapeTo(summed, [wShape[1], -1, ...paddedSpatial])], { perm }, 'dx_padded');
      dX = pads.some((v) => v !== 0)
        ? em.one(
            'Slice',
            [
              image,
              em.ints(pads.slice(0, k)),
              em.ints(spatial.map((h, a) => h + pads[a])),
              em.ints(Array.from({ length: k }, (_, i) => i + 2)),
            ],
            {},
            'grad_conv_x',
          )
        : image;
    } else if (need[0]) {
      // dX is the transposed convolution of dY with the same weights, geometry and groups
      // (W [M, C/g, k…] is ConvTranspose's [input channels, output channels / g, k…]).
      const t = transposeGeometry(g, spatial, ySpatial);
      dX = em.one(
        'ConvTranspose',
        [dY, w],
        {
          ...(group !== 1 ? { group } : {}),
          kernel_shape: g.kernel,
          strides: g.strides,
          dilations: g.dilations,
          pads: t.pads,
          output_padding: t.outputPadding,
        },
        'grad_conv_x',
      );
    }
    if (need[1] && group === 1) {
      // dW[m,c,o] = Σ_n,y dY[n,m,y]·Xpad[n,c, y·s + o·d] for each kernel offset o: im2col as one
      // strided Slice of X per offset (channels first), then one Gemm [M, N·Y]·[C·K, N·Y]ᵀ that
      // writes W's layout directly. Only activation-sized tensors are transposed; the weight-sized
      // result of a Conv-based formulation needs a transpose that costs more than the product on
      // wide layers (ResNet's 512×512×3×3).
      const pads = established(g.pads, 'the pads');
      const padded = pads.some((v) => v !== 0)
        ? em.one('Pad', [x, em.ints([0, 0, ...pads.slice(0, k), 0, 0, ...pads.slice(k)]), em.scalar(0)], {}, 'x_padded')
        : x;
      const xT = em.one('Transpose', [padded], { perm }, 'xT');
      const axes = em.ints(Array.from({ length: k }, (_, i) => i + 2));
      const steps = em.ints(g.strides);
      const offsets: number[][] = [[]];
      for (const size of g.kernel) {
        const next: number[][] = [];
        for (const o of offsets) for (let j = 0; j < size; j++) next.push([...o, j]);
        offsets.splice(0, offsets.length, ...next);
      }
      const cols = offsets.map((o) => {
        const starts = o.map((j, a) => j * g.dilations[a]);
        const ends = starts.map((st, a) => st + (ySpatial[a] - 1) * g.strides[a] + 1);
        const sl =
          g.kernel.every((v) => v === 1) && g.strides.every((v) => v === 1)
            ? xT
            : em.one('Slice', [xT, em.ints(starts), em.ints(ends), axes, steps], {}, 'im2col');
        return offsets.length === 1 ? sl : unsqueeze(em, sl, [1]);
      });
      const stacked = cols.length === 1 ? cols[0] : em.one('Concat', cols, { axis: 1 }, 'im2col');
      const colMat = em.reshapeTo(stacked, [wShape[1] * offsets.length, -1]);
      dW = em.reshapeTo(em.one('Gemm', [dYMatrix(), colMat], { transB: 1 }, 'grad_conv_w_gemm'), wShape);
    } else if (need[1]) {
      // dW[m,c,i,j] = Σ_n,y,x dY[n,m,y,x]·X[n,c, y·s + i·d − p, …]: a convolution of X (batch and
      // channel axes swapped) with dY as the kernel, stride and dilation exchanged.
      const perm = [1, 0, ...Array.from({ length: k }, (_, i) => i + 2)];
      let xT: string;
      if (group === 1) xT = em.one('Transpose', [x], { perm }, 'xT');
      else {
        // Groups: X [N, C, …] → [C/g, g·N, …] (channel-in-group as the batch, (group, sample) as
        // the channels), so a Conv with `group` groups pairs each group's inputs only with
        // that group's dY channels: [C/g, M, k…], transposed to W's [M, C/g, k…].
        const cPer = wShape[1];
        const split = em.one('Reshape', [x, em.ints([0, group, cPer, ...spatial])], {}, 'x_groups');
        const moved = em.one('Transpose', [split], { perm: [2, 1, 0, ...Array.from({ length: k }, (_, i) => i + 3)] });
        xT = em.one('Reshape', [moved, em.ints([cPer, -1, ...spatial])], {}, 'xT');
      }
      const dYT = em.one('Transpose', [dY], { perm }, 'dyT');
      const pads = established(g.pads, 'the pads');
      let c = em.one(
        'Conv',
        [xT, dYT],
        { strides: g.dilations, dilations: g.strides, pads, kernel_shape: ySpatial, ...(group !== 1 ? { group } : {}) },
        'grad_conv_w',
      );
      // The result spans at least the kernel; extra trailing positions (stride > dilation and a
      // remainder) correspond to no weight and are cut off.
      const got = spatial.map(
        (h, i) => Math.floor((h + pads[i] + pads[i + k] - (ySpatial[i] - 1) * g.strides[i] - 1) / g.dilations[i]) + 1,
      );
      if (got.some((v, i) => v !== g.kernel[i])) {
        const axes = Array.from({ length: k }, (_, i) => i + 2);
        c = em.one('Slice', [c, em.ints(new Array<number>(k).fill(0)), em.ints(g.kernel), em.ints(axes)], {}, 'slice_kernel');
      }
      dW = em.one('Transpose', [c], { perm }, 'grad_conv_w');
    }
    if (need[2] && hasInput(node, 2)) {
      dB = em.reduceSum(dY, [0, ...Array.from({ length: k }, (_, i) => i + 2)], false);
    }
    return [dX, dW, dB];
  },
};

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
    const channels = shape[1] as number;
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
    const t = transposeGeometry(g, spatial, ySpatial);
    return [
      em.one(
        'ConvTranspose',
        [scaled, weight],
        {
          group: channels,
          kernel_shape: g.kernel,
          strides: g.strides,
          dilations: g.dilations,
          pads: t.pads,
          output_padding: t.outputPadding,
        },
        'grad_avgpool',
      ),
    ];
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

export const batchNorm: GradRule = {
  differentiable: () => [0, 1, 2],
  check(node, em) {
    if (rankOf(em, inp(node, 0)) === undefined) return 'the rank of its input is not known when the graph is built';
    if ((node.output ?? []).slice(1).some(Boolean))
      return 'it has outputs besides Y (running or saved statistics); export the model in inference mode';
    if (attrInt(node, 'spatial', 1) !== 1) return 'spatial = 0 (per-activation statistics, opset < 9)';
    return undefined;
  },
  forward(em, node) {
    // Training mode uses the batch's statistics (ONNX BatchNormalization, training_mode = 1):
    //   μ = mean_{N,spatial}(X), σ² = var(X) (population), X̂ = (X − μ)/√(σ² + ε),
    //   Y = γ·X̂ + β, running = momentum·running + (1 − momentum)·batch.
    // onnxruntime's inference builds do not run training_mode, so it is written out in basic ops.
    const x = inp(node, 0);
    const rank = knownRank(em, x);
    const xShape = knownShape(em, x);
    const axes = [0, ...Array.from({ length: rank - 2 }, (_, i) => i + 2)];
    const eps = attrFloat(node, 'epsilon', 1e-5);
    const momentum = attrFloat(node, 'momentum', 0.9);
    const paramShape = [-1, ...new Array<number>(rank - 2).fill(1)];
    const asParam = (p: string): string => (rank > 2 ? em.one('Reshape', [p, em.ints(paramShape)], {}, 'bn_param') : p);
    const mu = em.reduceMean(x, axes, true);
    const xc = em.one('Sub', [x, mu], {}, 'bn_centered');
    const variance = em.reduceMean(em.one('Mul', [xc, xc]), axes, true);
    const invStd = em.one('Reciprocal', [em.one('Sqrt', [em.one('Add', [variance, em.scalar(eps)])])], {}, 'bn_inv_std');
    const xhat = em.one('Mul', [xc, invStd], {}, 'bn_xhat');
    const gamma = asParam(inp(node, 1));
    em.to(out(node, 0), 'Add', [em.one('Mul', [xhat, gamma]), asParam(inp(node, 2))]);
    for (const t of [xc, xhat]) em.setShape(t, xShape);
    const statShape = xShape.map((d, i) => (axes.includes(i) ? 1 : d));
    for (const t of [mu, variance, invStd]) em.setShape(t, statShape);
    const updates: Record<string, string> = {};
    const flat = (t: string): string => em.one('Reshape', [t, em.ints([-1])]);
    for (const [slot, stat] of [
      [3, mu],
      [4, variance],
    ] as const) {
      const running = inp(node, slot);
      if (!running) continue;
      updates[running] = em.one(
        'Add',
        [em.one('Mul', [running, em.scalar(momentum)]), em.one('Mul', [flat(stat), em.scalar(1 - momentum)])],
        {},
        'bn_running',
      );
    }
    return { saved: { xhat, invStd, gamma }, stateUpdates: updates };
  },
  backward(em, node, [dY], need, saved) {
    if (!dY) return [];
    const x = inp(node, 0);
    const rank = knownRank(em, x);
    const axes = [0, ...Array.from({ length: rank - 2 }, (_, i) => i + 2)];
    const xhat = savedName(saved, 'xhat');
    const sumDy = em.reduceSum(dY, axes, true);
    const dyXhat = em.one('Mul', [dY, xhat]);
    const sumDyXhat = em.reduceSum(dyXhat, axes, true);
    const flat = (t: string): string => em.one('Reshape', [t, em.ints([-1])]);
    let dX: string | undefined;
    if (need[0]) {
      // dX = γ/σ · (dY − mean(dY) − X̂·mean(dY·X̂)), means over N and spatial axes (the
      // batch-norm gradient of Ioffe & Szegedy 2015, section 3, simplified).
      const xShape = em.shapeOf(x);
      const statShape = xShape?.map((d, i) => (axes.includes(i) ? 1 : d));
      const invCount = em.one('Div', [em.floatSize(sumDy, statShape), em.floatSize(x, xShape)], {}, 'bn_inv_count');
      const centered = em.one('Sub', [
        em.one('Sub', [dY, em.one('Mul', [sumDy, invCount])]),
        em.one('Mul', [xhat, em.one('Mul', [sumDyXhat, invCount])]),
      ]);
      dX = em.one('Mul', [centered, em.one('Mul', [savedName(saved, 'gamma'), savedName(saved, 'invStd')])], {}, 'grad_bn_x');
    }
    return [dX, need[1] ? flat(sumDyXhat) : undefined, need[2] ? flat(sumDy) : undefined];
  },
};
