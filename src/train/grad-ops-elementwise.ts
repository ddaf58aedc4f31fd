/**
 * Gradient rules of element-wise ops beyond the basic set of grad-ops.ts: the maths of
 * decomposed LayerNorm and GELU (Pow, Sqrt, Reciprocal, Exp, Log, Erf, Abs, Gelu) and
 * MobileNet's activations (HardSigmoid, HardSwish, Clip).
 *
 * Notation as in grad-ops.ts: Y = op(X...), dY = ∂L/∂Y, dX = ∂L/∂X.
 */
import type { NodeProto } from '../model/onnx.js';
import { attrFloat, attrString } from '../model/attrs.js';
import type { GraphEmitter } from './graph.js';
import { hasInput, inp, out, type GradRule } from './grad-rule.js';

/** An element-wise op of one input: dX = dY ⊙ f'(X), written by `grad`. */
function unaryRule(grad: (em: GraphEmitter, node: NodeProto, dY: string) => string): GradRule {
  return {
    differentiable: () => [0],
    backward(em, node, [dY]) {
      return dY ? [grad(em, node, dY)] : [];
    },
  };
}

const sqrt = unaryRule((em, node, dY) =>
  // Y = √X: dX = dY / (2Y).
  em.one('Div', [em.one('Mul', [dY, em.scalar(0.5)]), out(node, 0)]),
);

const reciprocal = unaryRule((em, node, dY) => {
  // Y = 1/X: dX = −dY·Y².
  const y = out(node, 0);
  return em.one('Neg', [em.one('Mul', [dY, em.one('Mul', [y, y])])]);
});

const exp = unaryRule((em, node, dY) => em.one('Mul', [dY, out(node, 0)]));

const log = unaryRule((em, node, dY) => em.one('Div', [dY, inp(node, 0)]));

const abs = unaryRule((em, node, dY) =>
  // d|x|/dx = sign(x) (0 at 0, as PyTorch).
  em.one('Mul', [dY, em.one('Sign', [inp(node, 0)])]),
);

const erf = unaryRule((em, node, dY) => {
  // erf'(x) = 2/√π · exp(−x²).
  const x = inp(node, 0);
  const e = em.one('Exp', [em.one('Neg', [em.one('Mul', [x, x])])]);
  return em.one('Mul', [dY, em.one('Mul', [e, em.scalar(2 / Math.sqrt(Math.PI))])]);
});

const hardSigmoid = unaryRule((em, node, dY) => {
  // Y = max(0, min(1, αX + β)): dX = α·dY where 0 < αX + β < 1, i.e. where 0 < Y < 1.
  const alpha = attrFloat(node, 'alpha', 0.2);
  const y = out(node, 0);
  const inside = em.one('And', [em.one('Greater', [y, em.scalar(0)]), em.one('Less', [y, em.scalar(1)])]);
  return em.one('Where', [inside, em.one('Mul', [dY, em.scalar(alpha)]), em.scalar(0)]);
});

const hardSwish = unaryRule((em, node, dY) => {
  // Y = X·max(0, min(1, X/6 + 1/2)): dX = dY·(0 for X < −3; 1 for X > 3; X/3 + 1/2 between),
  // PyTorch's hardswish_backward.
  const x = inp(node, 0);
  const mid = em.one('Mul', [dY, em.one('Add', [em.one('Mul', [x, em.scalar(1 / 3)]), em.scalar(0.5)])]);
  const upper = em.one('Where', [em.one('Greater', [x, em.scalar(3)]), dY, mid]);
  return em.one('Where', [em.one('Less', [x, em.scalar(-3)]), em.scalar(0), upper]);
});

const clip: GradRule = {
  differentiable: () => [0],
  backward(em, node, [dY]) {
    if (!dY) return [];
    // dX = dY where min ≤ X ≤ max (bounds inclusive, as PyTorch's clamp_backward).
    const x = inp(node, 0);
    const conds: string[] = [];
    if (hasInput(node, 1)) conds.push(em.one('GreaterOrEqual', [x, inp(node, 1)]));
    if (hasInput(node, 2)) conds.push(em.one('LessOrEqual', [x, inp(node, 2)]));
    if (conds.length === 0) return [dY];
    const mask = conds.length === 2 ? em.one('And', conds) : conds[0];
    return [em.one('Where', [mask, dY, em.scalar(0)], {}, 'grad_clip')];
  },
};

const pow: GradRule = {
  backward(em, node, [dY], need) {
    if (!dY) return [];
    const a = inp(node, 0);
    const b = inp(node, 1);
    const y = out(node, 0);
    const yShape = em.shapeOf(y);
    let dA: string | undefined;
    let dB: string | undefined;
    if (need[0]) {
      // Y = A^B: dA = dY·B·A^(B−1). A constant exponent (x², LayerNorm's variance) is folded.
      const known = em.floatsOf(b);
      let local: string;
      if (known && known.length === 1) {
        const p = known[0];
        local =
          p === 2
            ? em.one('Mul', [a, em.scalar(2)])
            : p === 1
              ? em.filled(1, a)
              : em.one('Mul', [em.one('Pow', [a, em.scalar(p - 1)]), em.scalar(p)]);
      } else {
        const bf = em.one('Cast', [b], { to: em.floatType });
        local = em.one('Mul', [bf, em.one('Pow', [a, em.one('Sub', [bf, em.scalar(1)])])]);
      }
      dA = em.sumTo(em.one('Mul', [dY, local]), yShape, a);
    }
    if (need[1]) {
      // dB = dY·Y·ln A (defined for A > 0).
      dB = em.sumTo(em.one('Mul', [dY, em.one('Mul', [y, em.one('Log', [a])])]), yShape, b);
    }
    return [dA, dB];
  },
};

const gelu = unaryRule((em, node, dY) => {
  const x = inp(node, 0);
  if (attrString(node, 'approximate', 'none') === 'tanh') {
    // Y = ½X(1 + tanh u), u = √(2/π)(X + 0.044715X³):
    // dY/dX = ½(1 + t) + ½X(1 − t²)·√(2/π)(1 + 3·0.044715X²), t = tanh u.
    const k = Math.sqrt(2 / Math.PI);
    const x2 = em.one('Mul', [x, x]);
    const u = em.one('Mul', [
      em.one('Mul', [x, em.one('Add', [em.one('Mul', [x2, em.scalar(0.044715)]), em.scalar(1)])]),
      em.scalar(k),
    ]);
    const t = em.one('Tanh', [u]);
    const du = em.one('Mul', [em.one('Add', [em.one('Mul', [x2, em.scalar(3 * 0.044715)]), em.scalar(1)]), em.scalar(k)]);
    const left = em.one('Mul', [em.one('Add', [t, em.scalar(1)]), em.scalar(0.5)]);
    const right = em.one('Mul', [
      em.one('Mul', [em.one('Mul', [x, em.scalar(0.5)]), em.one('Sub', [em.scalar(1), em.one('Mul', [t, t])])]),
      du,
    ]);
    return em.one('Mul', [dY, em.one('Add', [left, right])]);
  }
  // Y = X·Φ(X): dY/dX = Φ(X) + X·φ(X), Φ(x) = ½(1 + erf(x/√2)), φ(x) = e^(−x²/2)/√(2π).
  const cdf = em.one('Mul', [
    em.one('Add', [em.one('Erf', [em.one('Mul', [x, em.scalar(Math.SQRT1_2)])]), em.scalar(1)]),
    em.scalar(0.5),
  ]);
  const pdf = em.one('Mul', [
    em.one('Exp', [em.one('Mul', [em.one('Mul', [x, x]), em.scalar(-0.5)])]),
    em.scalar(1 / Math.sqrt(2 * Math.PI)),
  ]);
  return em.one('Mul', [dY, em.one('Add', [cdf, em.one('Mul', [x, pdf])])]);
});

/** The rules of this file by op type. */
export const ELEMENTWISE_GRAD_RULES: Readonly<Record<string, GradRule>> = {
  Sqrt: sqrt,
  Reciprocal: reciprocal,
  Exp: exp,
  Log: log,
  Abs: abs,
  Erf: erf,
  HardSigmoid: hardSigmoid,
  HardSwish: hardSwish,
  Clip: clip,
  Pow: pow,
  Gelu: gelu,
};
