/**
 * Conv's input gradient dX, in the formulation that costs least for the layer's shape
 * (grad-ops-conv.ts chooses with `useConvTranspose`).
 */
import { established } from './grad-rule.js';
import type { GradFormulations } from './formulations.js';
import type { GraphEmitter } from './graph.js';
import type { WindowGeometry } from './shapes.js';
import { kernelOffsets, transposeGeometry } from './window-grad.js';

/** A Conv's static geometry: input and output spatial sizes, weight shape [M, C/g, k…], groups. */
export interface ConvGeometry {
  spatial: number[];
  ySpatial: number[];
  wShape: number[];
  group: number;
  g: WindowGeometry;
}

/**
 * Whether dX should be one ConvTranspose (onnxruntime: per image a Gemm Wᵀ·dY[n] and its own
 * col2im loop) rather than one Gemm over the whole batch and a col2im (`gemmCol2imDx`).
 * ConvTranspose reads W once per image; the batched Gemm reads it once, and its Col2Im is the
 * same 2-D kernel ConvTranspose runs, but the columns must first be transposed to per-image
 * order (C·K·N·Y values). The Gemm pays when W is large next to the positions: M·K weights per
 * output position above CONV_TRANSPOSE_MAX_RATIO. Always ConvTranspose for grouped
 * convolutions (the col2im path is written for group 1). Measured by bench/conv-dx.ts (dX
 * alone, 1 thread, batch 4, ResNet-18's and SqueezeNet 1.1's layer shapes at 64×64; Gemm +
 * Col2Im time / ConvTranspose time, three runs at load 3–4): M·K/Y 2–3 → 0.83–1.35, 16–72 →
 * 0.61–1.38 (a tie), 128–256 → 0.41–0.99, 1152 → 0.31–0.63. Per image (one batched MatMul
 * of Wᵀ, transposed each step, by dY [N, M, Y], then Col2Im): 0.86–1.17, as ConvTranspose.
 *
 * With `formulations.col2imPads` (col2im in ONNX ops, K Pads and a Sum: dearer) the choice as
 * it was tuned for it: ConvTranspose also when W fits in a cache (at most
 * CONV_TRANSPOSE_MAX_WEIGHTS elements) or M·K ≤ 30·Y.
 */
export const CONV_TRANSPOSE_MAX_RATIO = 50;
export const CONV_TRANSPOSE_MAX_WEIGHTS = 1 << 18;
export function useConvTranspose(c: ConvGeometry, f: GradFormulations = {}): boolean {
  if (c.group !== 1) return true;
  const K = c.g.kernel.reduce((a, b) => a * b, 1);
  const Y = c.ySpatial.reduce((a, b) => a * b, 1);
  if (!f.col2imPads) return c.wShape[0] * K <= CONV_TRANSPOSE_MAX_RATIO * Y;
  const weights = c.wShape.reduce((a, b) => a * b, 1);
  return weights <= CONV_TRANSPOSE_MAX_WEIGHTS || c.wShape[0] * K <= 30 * Y;
}

/**
 * dX as the transposed convolution of dY with the same weights, geometry and groups
 * (W [M, C/g, k…] is ConvTranspose's [input channels, output channels / g, k…]). AveragePool's
 * gradient is this with a constant depthwise kernel.
 */
export function convTransposeDx(em: GraphEmitter, dY: string, w: string, c: ConvGeometry, name = 'grad_conv_x'): string {
  const t = transposeGeometry(c.g, c.spatial, c.ySpatial);
  return em.one(
    'ConvTranspose',
    [dY, w],
    {
      ...(c.group !== 1 ? { group: c.group } : {}),
      kernel_shape: c.g.kernel,
      strides: c.g.strides,
      dilations: c.g.dilations,
      pads: t.pads,
      output_padding: t.outputPadding,
    },
    name,
  );
}

/**
 * dX for group 1: dcols = Wᵀ·dY as one Gemm [C·K, M]·[M, N·Y] (W read once for the whole
 * batch; `dYMatrix` is dY as [M, N·Y]), then col2im: onnxruntime's Col2Im where it applies
 * (`col2imOp`), else written in ONNX ops (`col2imPads`).
 */
export function gemmCol2imDx(em: GraphEmitter, w: string, dYMatrix: () => string, c: ConvGeometry): string {
  const dcols = em.one('Gemm', [em.reshapeTo(w, [c.wShape[0], -1]), dYMatrix()], { transA: 1 }, 'grad_conv_cols');
  return col2imOp(em, dcols, c) ?? col2imPads(em, dcols, c);
}

/**
 * col2im of dcols [C·K, N·Y] (rows in W's [C, k…] order, columns [n, y…]) by Col2Im (opset 18):
 * dcols as per-image columns [N, C·K, Y] (one transpose), and one pass that adds every column
 * into its place in [N, C, x…], pads cut off. A 1-D Conv runs as 2-D with a unit first axis:
 * onnxruntime's 2-D Col2Im is its fast kernel, 2–4× faster on ResNet-18's layer3–4 shapes
 * than its N-D one with the batch as an extra spatial axis (which would need no transpose of
 * dcols; scratch measurement, 1 thread). The N-D kernel also counts dilated blocks wrongly
 * (microsoft/onnxruntime#18156; 1.30 here gives wrong sums for a 3-D Col2Im with dilation 2),
 * so a dilated 3-D Conv, an opset below 18 or `formulations.col2imPads` returns undefined.
 */
function col2imOp(em: GraphEmitter, dcols: string, c: ConvGeometry): string | undefined {
  const { spatial, ySpatial, wShape, g } = c;
  if (em.opset < 18 || em.formulations.col2imPads || (spatial.length > 2 && g.dilations.some((d) => d !== 1))) return undefined;
  const pads = established(g.pads, 'the pads');
  const rows = wShape[1] * g.kernel.reduce((a, b) => a * b, 1);
  const Y = ySpatial.reduce((a, b) => a * b, 1);
  const perImage = em.one('Transpose', [em.reshapeTo(dcols, [rows, -1, Y])], { perm: [1, 0, 2] }, 'col2im_cols');
  if (spatial.length === 1) {
    const image = em.one(
      'Col2Im',
      [perImage, em.ints([1, ...spatial]), em.ints([1, ...g.kernel])],
      { strides: [1, ...g.strides], dilations: [1, ...g.dilations], pads: [0, pads[0], 0, pads[1]] },
      'col2im',
    );
    return em.reshapeTo(image, [0, wShape[1], ...spatial]);
  }
  return em.one(
    'Col2Im',
    [perImage, em.ints(spatial), em.ints(g.kernel)],
    { strides: g.strides, dilations: g.dilations, pads },
    'col2im',
  );
}

/**
 * col2im in ONNX ops (before opset 18, and where Col2Im does not apply): each kernel offset's
 * columns (spread out by the stride) padded into place, and all K summed in one pass.
 */
function col2imPads(em: GraphEmitter, dcols: string, c: ConvGeometry): string {
  const { spatial, ySpatial, wShape, g } = c;
  const k = spatial.length;
  const K = g.kernel.reduce((a, b) => a * b, 1);
  const perm = [1, 0, ...Array.from({ length: k }, (_, i) => i + 2)];
  const pads = established(g.pads, 'the pads');
  const paddedSpatial = spatial.map((h, a) => h + pads[a] + pads[a + k]);
  const offsets = kernelOffsets(g.kernel);
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
    K === 1 ? [byOffset] : em.op('Split', [byOffset], { axis: 1, ...(em.opset >= 18 ? { num_outputs: K } : {}) }, K, 'col2im');
  const placed = parts.map((part, i) => {
    const begin = offsets[i].map((j, a) => j * g.dilations[a]);
    const end = begin.map((b, a) => paddedSpatial[a] - b - span[a]);
    if (begin.every((v) => v === 0) && end.every((v) => v === 0)) return part;
    return em.one('Pad', [part, em.ints([0, 0, 0, ...begin, 0, 0, 0, ...end]), em.scalar(0)], {}, 'col2im');
  });
  const summed = placed.length === 1 ? placed[0] : em.one('Sum', placed, {}, 'col2im_sum');
  const image = em.one('Transpose', [em.reshapeTo(summed, [wShape[1], -1, ...paddedSpatial])], { perm }, 'dx_padded');
  return pads.some((v) => v !== 0)
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
}
