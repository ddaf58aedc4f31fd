/**
 * Gradients of a pointwise Conv (1×1…, stride 1, no pads, one group): per image it is a matrix
 * product Y[n] = W·X[n] on [C, H·W] columns, so dX[n] = Wᵀ·dY[n] and dW = Σₙ dY[n]·X[n]ᵀ. As
 * batched MatMuls on [N, C, H·W] neither needs the im2col of X, a col2im, ConvTranspose or a
 * transpose of an activation: onnxruntime fuses the Transpose of X into the MatMul (FusedMatMul
 * with transB) and transposes only the weight. 16 of SqueezeNet 1.1's 26 Convs are pointwise
 * (squeeze and expand1x1); bench/train-grad-ab.ts measures this against the general path
 * (`--legacy pointwise-conv`).
 */
import type { GraphEmitter } from './graph.js';
import type { ConvGeometry } from './conv-grad-x.js';

/** Whether a Conv's geometry is pointwise (and the general path is not asked for). */
export function isPointwise(em: GraphEmitter, c: ConvGeometry): boolean {
  if (em.formulations.pointwiseConvAsConv || c.group !== 1) return false;
  const pads = c.g.pads ?? [1];
  return c.g.kernel.every((v) => v === 1) && c.g.strides.every((v) => v === 1) && pads.every((v) => v === 0);
}

/**
 * Whether dW should be per-image products summed over the batch (N·M·C products, then a
 * ReduceSum) rather than the general path's one Gemm [M, N·H·W]·[C, N·H·W]ᵀ, which needs X and
 * dY transposed ((M + C)·N·H·W moved) but writes W's layout once, where the SGD update fuses
 * into it (optimizers.ts; without it, two more passes over the M·C weight). On late, wide
 * layers over few positions (SqueezeNet's classifier: 1000×512 over 3×3) the Gemm wins.
 */
export function perImageDw(batch: number | undefined, c: ConvGeometry): boolean {
  if (batch === undefined) return false;
  const [m, ch] = c.wShape;
  const cols = c.spatial.reduce((a, b) => a * b, 1);
  return (batch + 3) * m * ch <= (m + ch) * batch * cols;
}

/** dX and dW of a pointwise Conv (undefined where not needed); x is [N, C, spatial…]. */
export function pointwiseConvGrads(
  em: GraphEmitter,
  x: string,
  w: string,
  dY: string,
  c: ConvGeometry,
  need: { dx: boolean; dw: boolean },
): { dX?: string; dW?: string } {
  const [m, ch] = c.wShape;
  const cols = c.spatial.reduce((a, b) => a * b, 1);
  const dYm = em.reshapeTo(dY, [-1, m, cols]);
  const res: { dX?: string; dW?: string } = {};
  if (need.dx) {
    const wT = em.one('Transpose', [em.reshapeTo(w, [m, ch])], { perm: [1, 0] }, 'w_t');
    res.dX = em.reshapeLike(em.one('MatMul', [wT, dYm], {}, 'grad_conv_x_pointwise'), x);
  }
  if (need.dw) {
    const xT = em.one('Transpose', [em.reshapeTo(x, [-1, ch, cols])], { perm: [0, 2, 1] }, 'x_cols_t');
    const perImage = em.one('MatMul', [dYm, xT], {}, 'grad_conv_w_pointwise');
    res.dW = em.reshapeTo(em.reduceSum(perImage, [0], false), c.wShape);
  }
  return res;
}
