/** Gradient rules of Conv and BatchNormalization (grad-ops.ts registers them; the pools are in grad-ops-pool.ts). */
import { attrFloat, attrInt } from '../model/attrs.js';
import { isStatic, windowGeometry, windowOutput } from './shapes.js';
import { kernelOffsets, staticSpatial } from './window-grad.js';
import { convTransposeDx, gemmCol2imDx, useConvTranspose } from './conv-grad-x.js';
import {
  inp,
  out,
  hasInput,
  rankOf,
  established,
  knownRank,
  knownShape,
  staticDims,
  savedName,
  type GradRule,
} from './grad-rule.js';

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
    const perm = [1, 0, ...Array.from({ length: k }, (_, i) => i + 2)];
    let dYm: string | undefined;
    const dYMatrix = (): string => (dYm ??= em.reshapeTo(em.one('Transpose', [dY], { perm }, 'dyT'), [wShape[0], -1]));
    if (need[0]) {
      const geometry = { spatial, ySpatial, wShape, group, g };
      dX = useConvTranspose(geometry, em.formulations)
        ? convTransposeDx(em, dY, w, geometry)
        : gemmCol2imDx(em, w, dYMatrix, geometry);
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
      const offsets = kernelOffsets(g.kernel);
      // Offset o's columns [C, N, y…]; concatenated on axis 1 they are [C, K·N, y…], in memory
      // [C, K, N, y…]: the [C·K, N·Y] matrix whose rows follow W's [C, k…] order.
      const cols = offsets.map((o) => {
        const starts = o.map((j, a) => j * g.dilations[a]);
        const ends = starts.map((st, a) => st + (ySpatial[a] - 1) * g.strides[a] + 1);
        return g.kernel.every((v) => v === 1) && g.strides.every((v) => v === 1)
          ? xT
          : em.one('Slice', [xT, em.ints(starts), em.ints(ends), axes, steps], {}, 'im2col');
      });
      const stacked = cols.length === 1 ? cols[0] : em.one('Concat', cols, { axis: 1 }, 'im2col');
      const colMat = em.reshapeTo(stacked, [wShape[1] * offsets.length, -1]);
      const kernelGrad = em.one('Gemm', [dYMatrix(), colMat], { transB: 1 }, 'grad_conv_w_gemm');
      em.kernelGradGemms.add(kernelGrad);
      dW = em.reshapeTo(kernelGrad, wShape);
    } else if (need[1]) {
      // dW[m,c,i,j] = Σ_n,y,x dY[n,m,y,x]·X[n,c, y·s + i·d − p, …]: a convolution of X (batch and
      // channel axes swapped) with dY as the kernel, stride and dilation exchanged. Only grouped
      // convolutions reach here (group 1 took the im2col Gemm above): X [N, C, …] → [C/g, g·N, …]
      // (channel-in-group as the batch, (group, sample) as the channels), so a Conv with `group`
      // groups pairs each group's inputs only with that group's dY channels: [C/g, M, k…],
      // transposed to W's [M, C/g, k…].
      const cPer = wShape[1];
      const split = em.one('Reshape', [x, em.ints([0, group, cPer, ...spatial])], {}, 'x_groups');
      const moved = em.one('Transpose', [split], { perm: [2, 1, 0, ...Array.from({ length: k }, (_, i) => i + 3)] });
      const xT = em.one('Reshape', [moved, em.ints([cPer, -1, ...spatial])], {}, 'xT');
      const dYT = em.one('Transpose', [dY], { perm }, 'dyT');
      const pads = established(g.pads, 'the pads');
      let c = em.one(
        'Conv',
        [xT, dYT],
        { strides: g.dilations, dilations: g.strides, pads, kernel_shape: ySpatial, group },
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
