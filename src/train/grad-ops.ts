/**
 * Gradient rules: for each supported op, how it runs in training (forward) and the ops that
 * compute the gradients of its inputs from the gradients of its outputs (backward). Every
 * rule writes standard ONNX ops only (default domain, opset >= 13), so onnxruntime's CPU and
 * GPU providers run the training step like any other model.
 *
 * Notation in comments: Y = op(X...), dY = ∂L/∂Y, dX = ∂L/∂X.
 */
import { DataType, type NodeProto } from '../model/onnx.js';
import { rawTensor, type AttrValue } from '../model/builder.js';
import { attrFloat, attrInt, attrInts, withoutAttrs } from './attrs.js';
import type { GraphEmitter } from './graph.js';
import { MORE_GRAD_RULES } from './grad-ops-more.js';
import { established, knownRank, knownShape, staticDims, savedName, type ForwardResult, type GradRule } from './grad-rule.js';

export type { ForwardResult, GradRule };
import { broadcastShapes, isStatic, normAxis, windowGeometry, windowOutput, type Dim, type WindowGeometry } from './shapes.js';

const inp = (node: NodeProto, i: number): string => node.input?.[i] ?? '';
const out = (node: NodeProto, i: number): string => node.output?.[i] ?? '';
const hasInput = (node: NodeProto, i: number): boolean => !!node.input?.[i];

/** Gradient of an op whose inputs broadcast against each other, for one input. */
function bcast(em: GraphEmitter, node: NodeProto, g: string, i: number): string {
  return em.sumTo(g, em.shapeOf(out(node, 0)), inp(node, i));
}

function rankOf(em: GraphEmitter, name: string): number | undefined {
  return em.shapeOf(name)?.length;
}

function swapLastTwo(rank: number): number[] {
  const perm = Array.from({ length: rank }, (_, i) => i);
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  return perm;
}

function unsqueeze(em: GraphEmitter, x: string, axes: number[]): string {
  return em.one('Unsqueeze', [x, em.ints(axes)], {}, 'unsqueeze');
}

function squeeze(em: GraphEmitter, x: string, axes: number[]): string {
  return em.one('Squeeze', [x, em.ints(axes)], {}, 'squeeze');
}

const gemm: GradRule = {
  backward(em, node, [dY], need) {
    if (!dY) return [];
    const alpha = attrFloat(node, 'alpha', 1);
    const beta = attrFloat(node, 'beta', 1);
    const tA = attrInt(node, 'transA', 0);
    const tB = attrInt(node, 'transB', 0);
    const a = inp(node, 0);
    const b = inp(node, 1);
    const scale: Record<string, AttrValue> = alpha !== 1 ? { alpha: { f: alpha } } : {};
    // Y = α·A'·B' + β·C with A' = op(A), B' = op(B): dA' = α·dY·B'ᵀ, dB' = α·A'ᵀ·dY.
    const dA = need[0]
      ? tA
        ? em.one('Gemm', [b, dY], { ...scale, transA: tB, transB: 1 }, 'grad_gemm_a')
        : em.one('Gemm', [dY, b], { ...scale, transA: 0, transB: tB ? 0 : 1 }, 'grad_gemm_a')
      : undefined;
    const dB = need[1]
      ? tB
        ? em.one('Gemm', [dY, a], { ...scale, transA: 1, transB: tA }, 'grad_gemm_b')
        : em.one('Gemm', [a, dY], { ...scale, transA: tA ? 0 : 1, transB: 0 }, 'grad_gemm_b')
      : undefined;
    let dC: string | undefined;
    if (need[2] && hasInput(node, 2)) {
      dC = bcast(em, node, dY, 2);
      if (beta !== 1) dC = em.one('Mul', [dC, em.scalar(beta)]);
    }
    return [dA, dB, dC];
  },
};

const matmul: GradRule = {
  check(node, em) {
    if (rankOf(em, inp(node, 0)) === undefined || rankOf(em, inp(node, 1)) === undefined) {
      return "the ranks of its inputs are not known when the graph is built (give the model inputs' shapes in the budget file: `inputs: { x: { shape: [...] } }` or `dims:`)";
    }
    return undefined;
  },
  backward(em, node, [dY], need) {
    if (!dY) return [];
    const a = inp(node, 0);
    const b = inp(node, 1);
    const ra = knownRank(em, a);
    const rb = knownRank(em, b);
    // numpy matmul: 1-D operands are promoted ([K] → [1,K] for A, [K] → [K,1] for B) and the
    // promoted axis removed from Y; undo that on dY first.
    const yAxes = [...(ra === 1 ? [-2] : []), ...(rb === 1 ? [-1] : [])];
    const dY2 = yAxes.length ? unsqueeze(em, dY, yAxes) : dY;
    const a2 = ra === 1 ? unsqueeze(em, a, [0]) : a;
    const b2 = rb === 1 ? unsqueeze(em, b, [-1]) : b;
    const ra2 = Math.max(ra, 2);
    const rb2 = Math.max(rb, 2);
    const sa = knownShape(em, a);
    const sb = knownShape(em, b);
    const sa2 = ra === 1 ? [1, ...sa] : sa;
    const sb2 = rb === 1 ? [...sb, 1] : sb;
    const batch = broadcastShapes(sa2.slice(0, -2), sb2.slice(0, -2)) ?? [];
    let dA: string | undefined;
    let dB: string | undefined;
    const kDim = sa[ra - 1];
    const nDim = rb === 2 ? sb[1] : undefined;
    if (ra >= 2 && rb === 2 && typeof kDim === 'number' && typeof nDim === 'number') {
      // A [..., M, K] · W [K, N] (a linear layer on a batch of sequences): the batch axes are
      // rows. dW = A2ᵀ·dY2 as one Gemm over all rows instead of one product per batch element
      // summed afterwards (a [batch, K, N] intermediate: the encoder's ReduceSums cost more than
      // its MatMuls); dA = dY2·Wᵀ with Gemm's transB, no Transpose of W.
      const rows = (t: string, width: number): string => (ra === 2 ? t : em.reshapeTo(t, [-1, width]));
      if (need[0]) {
        const g = em.one('Gemm', [rows(dY, nDim), b], { transB: 1 }, 'grad_matmul_a');
        dA = ra === 2 ? g : em.reshapeLike(g, a);
      }
      if (need[1]) dB = em.one('Gemm', [rows(a, kDim), rows(dY, nDim)], { transA: 1 }, 'grad_matmul_b');
      return [dA, dB];
    }
    if (need[0]) {
      // dA = dY·Bᵀ, summed over broadcast batch axes.
      let g = em.one('MatMul', [dY2, em.one('Transpose', [b2], { perm: swapLastTwo(rb2) }, 'bT')], {}, 'grad_matmul_a');
      let gShape: Dim[] = [...batch, sa2[sa2.length - 2], sa2[sa2.length - 1]];
      if (ra === 1) {
        g = squeeze(em, g, [-2]);
        gShape = [...batch, sa2[sa2.length - 1]];
      }
      dA = em.sumTo(g, gShape, a);
    }
    if (need[1]) {
      // dB = Aᵀ·dY, summed over broadcast batch axes.
      let g = em.one('MatMul', [em.one('Transpose', [a2], { perm: swapLastTwo(ra2) }, 'aT'), dY2], {}, 'grad_matmul_b');
      let gShape: Dim[] = [...batch, sb2[sb2.length - 2], sb2[sb2.length - 1]];
      if (rb === 1) {
        g = squeeze(em, g, [-1]);
        gShape = [...batch, sb2[sb2.length - 2]];
      }
      dB = em.sumTo(g, gShape, b);
    }
    return [dA, dB];
  },
};

const add: GradRule = {
  backward(em, node, [dY], need) {
    if (!dY) return [];
    return [need[0] ? bcast(em, node, dY, 0) : undefined, need[1] ? bcast(em, node, dY, 1) : undefined];
  },
};

const sub: GradRule = {
  backward(em, node, [dY], need) {
    if (!dY) return [];
    return [need[0] ? bcast(em, node, dY, 0) : undefined, need[1] ? em.one('Neg', [bcast(em, node, dY, 1)]) : undefined];
  },
};

const mul: GradRule = {
  backward(em, node, [dY], need) {
    if (!dY) return [];
    const yShape = em.shapeOf(out(node, 0));
    return [
      need[0] ? em.sumTo(em.one('Mul', [dY, inp(node, 1)]), yShape, inp(node, 0)) : undefined,
      need[1] ? em.sumTo(em.one('Mul', [dY, inp(node, 0)]), yShape, inp(node, 1)) : undefined,
    ];
  },
};

const div: GradRule = {
  backward(em, node, [dY], need) {
    if (!dY) return [];
    const yShape = em.shapeOf(out(node, 0));
    // Y = A/B: dA = dY/B; dB = −dY·A/B² = −(dY/B)·Y.
    const t = em.one('Div', [dY, inp(node, 1)]);
    return [
      need[0] ? em.sumTo(t, yShape, inp(node, 0)) : undefined,
      need[1] ? em.one('Neg', [em.sumTo(em.one('Mul', [t, out(node, 0)]), yShape, inp(node, 1))]) : undefined,
    ];
  },
};

const relu: GradRule = {
  backward(em, node, [dY]) {
    if (!dY) return [];
    // dX = dY where Y > 0, else 0 (the subgradient 0 at X = 0, as PyTorch uses).
    return [em.one('Where', [em.one('Greater', [out(node, 0), em.scalar(0)]), dY, em.scalar(0)], {}, 'grad_relu')];
  },
};

const leakyRelu: GradRule = {
  backward(em, node, [dY]) {
    if (!dY) return [];
    const alpha = attrFloat(node, 'alpha', 0.01);
    const slope = em.one('Where', [em.one('Greater', [inp(node, 0), em.scalar(0)]), em.scalar(1), em.scalar(alpha)]);
    return [em.one('Mul', [dY, slope], {}, 'grad_leaky_relu')];
  },
};

const sigmoid: GradRule = {
  backward(em, node, [dY]) {
    if (!dY) return [];
    const y = out(node, 0);
    // σ'(x) = σ(x)·(1 − σ(x)).
    return [em.one('Mul', [dY, em.one('Mul', [y, em.one('Sub', [em.scalar(1), y])])], {}, 'grad_sigmoid')];
  },
};

const tanh: GradRule = {
  backward(em, node, [dY]) {
    if (!dY) return [];
    const y = out(node, 0);
    // tanh'(x) = 1 − tanh²(x).
    return [em.one('Mul', [dY, em.one('Sub', [em.scalar(1), em.one('Mul', [y, y])])], {}, 'grad_tanh')];
  },
};

const softmax: GradRule = {
  backward(em, node, [dY]) {
    if (!dY) return [];
    const y = out(node, 0);
    const axis = attrInt(node, 'axis', -1);
    // dX = Y ⊙ (dY − Σ_axis dY⊙Y).
    const p = em.one('Mul', [dY, y]);
    const s = em.reduceSum(p, [axis], true);
    return [em.one('Sub', [p, em.one('Mul', [y, s])], {}, 'grad_softmax')];
  },
};

const logSoftmax: GradRule = {
  backward(em, node, [dY]) {
    if (!dY) return [];
    const axis = attrInt(node, 'axis', -1);
    // Y = X − log Σ exp X: dX = dY − softmax(X)·Σ_axis dY, with softmax(X) = exp(Y).
    const s = em.reduceSum(dY, [axis], true);
    return [em.one('Sub', [dY, em.one('Mul', [em.one('Exp', [out(node, 0)]), s])], {}, 'grad_log_softmax')];
  },
};

const reshapeLike: GradRule = {
  differentiable: () => [0],
  backward(em, node, [dY]) {
    if (!dY) return [];
    return [em.reshapeLike(dY, inp(node, 0))];
  },
};

const identity: GradRule = {
  backward(_em, _node, [dY]) {
    return [dY];
  },
};

const cast: GradRule = {
  backward(em, _node, [dY]) {
    // Only float → float casts carry a gradient; integer sources never require one.
    return dY ? [em.one('Cast', [dY], { to: em.floatType })] : [];
  },
};

const neg: GradRule = {
  backward(em, _node, [dY]) {
    return dY ? [em.one('Neg', [dY])] : [];
  },
};

const transpose: GradRule = {
  check(node, em) {
    return attrInts(node, 'perm', []).length === 0 && rankOf(em, inp(node, 0)) === undefined
      ? 'it has no perm attribute and the rank of its input is not known when the graph is built'
      : undefined;
  },
  backward(em, node, [dY]) {
    if (!dY) return [];
    const rank = rankOf(em, inp(node, 0)) ?? attrInts(node, 'perm', []).length;
    const perm = attrInts(
      node,
      'perm',
      Array.from({ length: rank }, (_, i) => rank - 1 - i),
    );
    const inverse = new Array<number>(perm.length);
    perm.forEach((p, i) => {
      inverse[p] = i;
    });
    return [em.one('Transpose', [dY], { perm: inverse }, 'grad_transpose')];
  },
};

const dropout: GradRule = {
  differentiable: () => [0],
  forward(em, node) {
    // Training mode: ratio from the input (or 0.5, the ONNX default), training_mode = true,
    // and the mask output kept for the backward pass.
    const ratio = hasInput(node, 1) ? inp(node, 1) : em.scalar(0.5);
    const mask = node.output?.[1] || em.fresh('dropout_mask');
    em.push({ ...withoutAttrs(node, []), input: [inp(node, 0), ratio, em.bool(true)], output: [out(node, 0), mask] });
    return { saved: { mask, ratio } };
  },
  backward(em, _node, [dY], _need, saved) {
    if (!dY) return [];
    const ratioName = savedName(saved, 'ratio');
    const known = em.floatsOf(ratioName);
    // Y = X ⊙ mask / (1 − ratio): dX = dY ⊙ mask / (1 − ratio).
    const scale =
      known && known.length === 1
        ? em.scalar(1 / (1 - known[0]))
        : em.one('Div', [em.scalar(1), em.one('Sub', [em.scalar(1), em.one('Cast', [ratioName], { to: em.floatType })])]);
    const m = em.one('Cast', [savedName(saved, 'mask')], { to: em.floatType }, 'mask_float');
    return [em.one('Mul', [em.one('Mul', [dY, m]), scale], {}, 'grad_dropout')];
  },
};

const concat: GradRule = {
  check(node, em) {
    const axis = attrInt(node, 'axis', 0);
    return axis < 0 && rankOf(em, out(node, 0)) === undefined
      ? 'its axis is negative and the rank of its output is not known'
      : undefined;
  },
  backward(em, node, [dY]) {
    if (!dY) return [];
    const rank = rankOf(em, out(node, 0));
    const axis = rank !== undefined ? normAxis(attrInt(node, 'axis', 0), rank) : attrInt(node, 'axis', 0);
    const inputs = node.input ?? [];
    const sizes = inputs.map((x) => em.shapeOf(x)?.[axis]);
    const split = sizes.every((d) => typeof d === 'number')
      ? em.ints(sizes)
      : em.one(
          'Concat',
          inputs.map((x) => em.one('Shape', [x], { start: axis, end: axis + 1 })),
          { axis: 0 },
          'split_sizes',
        );
    if (inputs.length === 1) return [dY];
    return em.op('Split', [dY, split], { axis }, inputs.length, 'grad_concat');
  },
};

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

const conv: GradRule = {
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

const maxPool: GradRule = {
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

const averagePool: GradRule = {
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

const globalAveragePool: GradRule = {
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

const batchNorm: GradRule = {
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

/** Reduction axes of a ReduceSum/ReduceMean node (axes input from opset 13/18, else attribute). */
function reduceAxes(node: NodeProto, em: GraphEmitter): number[] | undefined | 'dynamic' {
  if (hasInput(node, 1)) return em.intsOf(inp(node, 1)) ?? 'dynamic';
  const a = attrInts(node, 'axes', []);
  if (a.length) return a;
  return attrInt(node, 'noop_with_empty_axes', 0) ? [] : undefined;
}

function reduceRule(mean: boolean): GradRule {
  return {
    differentiable: () => [0],
    check(node, em) {
      const axes = reduceAxes(node, em);
      if (axes === 'dynamic') return 'its axes are computed at run time (the gradient needs them when the graph is built)';
      if (rankOf(em, inp(node, 0)) === undefined) return 'the rank of its input is not known when the graph is built';
      return undefined;
    },
    backward(em, node, [dY]) {
      if (!dY) return [];
      const x = inp(node, 0);
      const rank = knownRank(em, x);
      const given = reduceAxes(node, em) as number[] | undefined;
      const axes = (given ?? Array.from({ length: rank }, (_, i) => i)).map((a) => normAxis(a, rank));
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

/** Ops whose outputs never carry a gradient (integer, boolean or piecewise-constant results). */
export const NO_GRADIENT_OPS: ReadonlySet<string> = new Set([
  'Shape',
  'Size',
  'NonZero',
  'ArgMax',
  'ArgMin',
  'Equal',
  'Greater',
  'Less',
  'GreaterOrEqual',
  'LessOrEqual',
  'Not',
  'And',
  'Or',
  'Xor',
  'IsNaN',
  'IsInf',
  'Sign',
  'Floor',
  'Ceil',
  'Round',
  'Range',
  'ConstantOfShape',
  'EyeLike',
  'RandomNormal',
  'RandomUniform',
  'RandomNormalLike',
  'RandomUniformLike',
  'Bernoulli',
  'Multinomial',
  'Constant',
]);

/** The gradient rule of every supported op type. */
export const GRAD_RULES: Readonly<Record<string, GradRule>> = {
  Gemm: gemm,
  MatMul: matmul,
  Add: add,
  Sub: sub,
  Mul: mul,
  Div: div,
  Relu: relu,
  LeakyRelu: leakyRelu,
  Sigmoid: sigmoid,
  Tanh: tanh,
  Softmax: softmax,
  LogSoftmax: logSoftmax,
  Reshape: reshapeLike,
  Flatten: reshapeLike,
  Squeeze: reshapeLike,
  Unsqueeze: reshapeLike,
  Transpose: transpose,
  Identity: identity,
  Cast: cast,
  Neg: neg,
  Dropout: dropout,
  Concat: concat,
  Conv: conv,
  MaxPool: maxPool,
  AveragePool: averagePool,
  GlobalAveragePool: globalAveragePool,
  BatchNormalization: batchNorm,
  ReduceSum: reduceRule(false),
  ReduceMean: reduceRule(true),
  ...MORE_GRAD_RULES,
};

/** Sorted list of op types with gradients, for messages and docs. */
export function supportedOps(): string[] {
  return Object.keys(GRAD_RULES).sort();
}

/** A node's attribute string (for messages). */
export function describeNode(node: NodeProto): string {
  return node.name ? `"${node.name}"` : `(unnamed, output "${out(node, 0)}")`;
}
