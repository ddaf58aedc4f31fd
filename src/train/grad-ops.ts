/**
 * Gradient rules: for each supported op, how it runs in training (forward) and the ops that
 * compute the gradients of its inputs from the gradients of its outputs (backward). Every
 * rule writes standard ONNX ops only (default domain, opset >= 13), so onnxruntime's CPU and
 * GPU providers run the training step like any other model.
 *
 * Notation in comments: Y = op(X...), dY = ∂L/∂Y, dX = ∂L/∂X.
 */
import { DataType, type NodeProto } from '../model/onnx.js';
import { type AttrValue } from '../model/builder.js';
import { attrFloat, attrInt, attrInts, withoutAttrs } from '../model/attrs.js';
import { MORE_GRAD_RULES } from './grad-ops-more.js';
import { broadcastShapes, normAxis, type Dim } from './shapes.js';
import {
  inp,
  out,
  hasInput,
  bcast,
  rankOf,
  swapLastTwo,
  unsqueeze,
  squeeze,
  knownRank,
  knownShape,
  savedName,
  type ForwardResult,
  type GradRule,
} from './grad-rule.js';
import { conv, batchNorm } from './grad-ops-conv.js';
import { maxPool, averagePool, globalAveragePool } from './grad-ops-pool.js';
import { reduceRule } from './grad-ops-reduce.js';

export type { ForwardResult, GradRule };

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
    // dX = dY where Y > 0, else 0 (the subgradient 0 at X = 0, as PyTorch uses). Y = max(X, 0)
    // is never negative, so Y > 0 is Y ≠ 0: Cast to bool and back gives the 0/1 mask, and dY
    // times it is dX. onnxruntime's Greater and Where with a scalar operand take slower
    // broadcasting loops (bench/train-step.ts --model … --legacy relu-where).
    if (em.formulations.reluWhere) {
      return [em.one('Where', [em.one('Greater', [out(node, 0), em.scalar(0)]), dY, em.scalar(0)], {}, 'grad_relu')];
    }
    const mask = em.one(
      'Cast',
      [em.one('Cast', [out(node, 0)], { to: DataType.BOOL }, 'relu_nonzero')],
      { to: em.floatType },
      'relu_mask',
    );
    return [em.one('Mul', [dY, mask], {}, 'grad_relu')];
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
