/**
 * Gradient rules of the ops that real exports add to the basic set of grad-ops.ts: the
 * element-wise maths of decomposed LayerNorm and GELU (Pow, Sqrt, Reciprocal, Exp, Log, Erf,
 * Abs), MobileNet's activations (HardSigmoid, HardSwish, Clip), the tensor plumbing of
 * attention (Slice, Split, Gather, Expand, Where) and LayerNormalization.
 *
 * Notation as in grad-ops.ts: Y = op(X...), dY = ∂L/∂Y, dX = ∂L/∂X.
 */
import { DataType, type NodeProto } from '../model/onnx.js';
import { rawTensor } from '../model/builder.js';
import { attrFloat, attrInt, attrString } from './attrs.js';
import type { GraphEmitter } from './graph.js';
import { established, knownRank, savedName, type GradRule } from './grad-rule.js';
import { isStatic, normAxis } from './shapes.js';

const inp = (node: NodeProto, i: number): string => node.input?.[i] ?? '';
const out = (node: NodeProto, i: number): string => node.output?.[i] ?? '';
const hasInput = (node: NodeProto, i: number): boolean => !!node.input?.[i];

function rankOf(em: GraphEmitter, name: string): number | undefined {
  return em.shapeOf(name)?.length;
}

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

const where: GradRule = {
  differentiable: () => [1, 2],
  backward(em, node, [dY], need) {
    if (!dY) return [];
    const c = inp(node, 0);
    const yShape = em.shapeOf(out(node, 0));
    const zero = em.scalar(0);
    return [
      undefined,
      need[1] ? em.sumTo(em.one('Where', [c, dY, zero]), yShape, inp(node, 1)) : undefined,
      need[2] ? em.sumTo(em.one('Where', [c, zero, dY]), yShape, inp(node, 2)) : undefined,
    ];
  },
};

const expand: GradRule = {
  differentiable: () => [0],
  backward(em, node, [dY]) {
    if (!dY) return [];
    // Expand broadcasts X to the shape: the gradient sums the broadcast axes back.
    return [em.sumTo(dY, em.shapeOf(out(node, 0)), inp(node, 0))];
  },
};

/** Build-time Pad amounts that undo a Slice with unit steps, when every number is known. */
function slicePads(em: GraphEmitter, node: NodeProto): number[] | undefined {
  const s = em.shapeOf(inp(node, 0));
  if (!isStatic(s)) return undefined;
  const starts = em.intsOf(inp(node, 1));
  const ends = em.intsOf(inp(node, 2));
  const axes = hasInput(node, 3) ? em.intsOf(inp(node, 3)) : starts?.map((_, i) => i);
  const steps = hasInput(node, 4) ? em.intsOf(inp(node, 4)) : starts?.map(() => 1);
  if (!starts || !ends || !axes || !steps || steps.some((v) => v !== 1)) return undefined;
  const r = s.length;
  const pads = new Array<number>(2 * r).fill(0);
  for (let i = 0; i < axes.length; i++) {
    const a = normAxis(axes[i], r);
    const dim = s[a];
    const clamp = (v: number): number => Math.min(Math.max(v < 0 ? v + dim : v, 0), dim);
    const st = clamp(starts[i]);
    const en = Math.max(clamp(ends[i]), st);
    pads[a] = st;
    pads[a + r] = dim - en;
  }
  return pads;
}

const slice: GradRule = {
  differentiable: () => [0],
  backward(em, node, [dY]) {
    if (!dY) return [];
    const x = inp(node, 0);
    const pads = slicePads(em, node);
    if (pads) {
      // Unit steps and known bounds: put dY back in place with zero padding.
      return [em.one('Pad', [dY, em.ints(pads), em.scalar(0)], {}, 'grad_slice')];
    }
    // General case (run-time bounds, any steps): slice a tensor of flat positions the same
    // way, and scatter dY to those positions of a zero tensor shaped like X.
    const size = em.one('Size', [x]);
    const positions = em.one('Reshape', [em.one('Range', [em.ints([0], []), size, em.ints([1], [])]), em.shapeTensor(x)]);
    const picked = em.one('Slice', [positions, ...(node.input ?? []).slice(1)]);
    const data = em.floatType === DataType.DOUBLE ? Float64Array.from([0]) : Float32Array.from([0]);
    const zeros = em.one('ConstantOfShape', [em.one('Reshape', [size, em.ints([1])])], {
      value: { t: rawTensor('value', [1], em.floatType, data) },
    });
    const flat = em.one(
      'ScatterElements',
      [zeros, em.one('Reshape', [picked, em.ints([-1])]), em.one('Reshape', [dY, em.ints([-1])])],
      { axis: 0 },
      'grad_slice_flat',
    );
    return [em.one('Reshape', [flat, em.shapeTensor(x)], {}, 'grad_slice')];
  },
};

const split: GradRule = {
  differentiable: () => [0],
  multiOutput: true,
  backward(em, node, dOut) {
    // The pieces' gradients joined back (zeros for pieces nothing depends on).
    const parts = (node.output ?? []).map((o, i) => dOut[i] ?? em.filled(0, o));
    return [em.one('Concat', parts, { axis: attrInt(node, 'axis', 0) }, 'grad_split')];
  },
};

const gather: GradRule = {
  differentiable: () => [0],
  check(node, em) {
    if (rankOf(em, inp(node, 0)) === undefined) return 'the rank of its data input is not known';
    if (attrInt(node, 'axis', 0) !== 0 && rankOf(em, inp(node, 1)) === undefined)
      return 'it gathers along an axis other than 0 and the rank of its indices is not known';
    return undefined;
  },
  backward(em, node, [dY]) {
    if (!dY) return [];
    const data = inp(node, 0);
    const r = knownRank(em, data);
    const axis = normAxis(attrInt(node, 'axis', 0), r);
    const q = rankOf(em, inp(node, 1));
    // Indices may be negative (counted from the end) and int32.
    let idx = em.one('Cast', [inp(node, 1)], { to: DataType.INT64 });
    const dim = em.one('Shape', [data], { start: axis, end: axis + 1 });
    idx = em.one('Where', [em.one('Less', [idx, em.ints([0], [])]), em.one('Add', [idx, dim]), idx]);
    // Rows picked more than once add up: ScatterND with reduction add, the gathered axis first.
    const zeros = em.filled(0, data);
    const unsq = em.one('Unsqueeze', [idx, em.ints([-1])]);
    if (axis === 0) {
      return [em.one('ScatterND', [zeros, unsq, dY], { reduction: 'add' }, 'grad_gather')];
    }
    const qr = q as number;
    const perm = [axis, ...Array.from({ length: r }, (_, i) => i).filter((i) => i !== axis)];
    const inverse = perm.map((_, i) => perm.indexOf(i));
    // dY's axes: data[:axis], indices (q), data[axis+1:] → indices first, then the rest in order.
    const dyPerm = [
      ...Array.from({ length: qr }, (_, i) => axis + i),
      ...Array.from({ length: axis }, (_, i) => i),
      ...Array.from({ length: r - axis - 1 }, (_, i) => axis + qr + i),
    ];
    const scattered = em.one(
      'ScatterND',
      [em.one('Transpose', [zeros], { perm }), unsq, em.one('Transpose', [dY], { perm: dyPerm })],
      { reduction: 'add' },
    );
    return [em.one('Transpose', [scattered], { perm: inverse }, 'grad_gather')];
  },
};

const layerNorm: GradRule = {
  differentiable: () => [0, 1, 2],
  check(node, em) {
    if (rankOf(em, inp(node, 0)) === undefined) return 'the rank of its input is not known';
    return undefined;
  },
  forward(em, node) {
    // Keep the per-row mean and 1/σ that the op computes anyway (its optional outputs).
    const mean = node.output?.[1] || em.fresh('ln_mean');
    const invStd = node.output?.[2] || em.fresh('ln_inv_std');
    em.push({ ...node, output: [out(node, 0), mean, invStd] });
    // The statistics come in stash_type (float32 by default) whatever X's type is.
    if (em.floatType === DataType.DOUBLE) {
      return {
        saved: { mean: em.one('Cast', [mean], { to: em.floatType }), invStd: em.one('Cast', [invStd], { to: em.floatType }) },
      };
    }
    return { saved: { mean, invStd } };
  },
  backward(em, node, [dY], need, saved) {
    if (!dY) return [];
    const x = inp(node, 0);
    const r = knownRank(em, x);
    const axis = normAxis(attrInt(node, 'axis', -1), r);
    const norm = Array.from({ length: r - axis }, (_, i) => axis + i);
    const lead = Array.from({ length: axis }, (_, i) => i);
    const xhat = em.one('Mul', [em.one('Sub', [x, savedName(saved, 'mean')]), savedName(saved, 'invStd')], {}, 'ln_xhat');
    const xShape = em.shapeOf(x);
    em.setShape(xhat, xShape);
    const sumLead = (t: string): string => (lead.length ? em.reduceSum(t, lead, false) : t);
    let dX: string | undefined;
    if (need[0]) {
      // dX̂ = dY·γ; dX = (1/σ)·(dX̂ − mean(dX̂) − X̂·mean(dX̂·X̂)), means over the normalised axes.
      const dxhat = em.one('Mul', [dY, inp(node, 1)]);
      const m1 = em.reduceMean(dxhat, norm, true);
      const m2 = em.reduceMean(em.one('Mul', [dxhat, xhat]), norm, true);
      const centered = em.one('Sub', [em.one('Sub', [dxhat, m1]), em.one('Mul', [xhat, m2])]);
      dX = em.one('Mul', [centered, savedName(saved, 'invStd')], {}, 'grad_ln_x');
    }
    const dScale = need[1] ? em.sumTo(sumLead(em.one('Mul', [dY, xhat])), xShape?.slice(axis), inp(node, 1)) : undefined;
    const dBias = need[2] && hasInput(node, 2) ? em.sumTo(sumLead(dY), xShape?.slice(axis), inp(node, 2)) : undefined;
    return [dX, dScale, dBias];
  },
};

const pad: GradRule = {
  differentiable: () => [0],
  check(node, em) {
    const mode = attrString(node, 'mode', 'constant');
    if (mode !== 'constant') return `mode = ${mode} (only constant padding has a gradient here)`;
    if (hasInput(node, 3)) return 'it pads selected axes only (the axes input of opset 18)';
    const pads = em.intsOf(inp(node, 1));
    if (!pads) return 'its pads are computed at run time (the gradient needs them when the graph is built)';
    if (pads.some((v) => v < 0)) return 'it crops (negative pads)';
    return undefined;
  },
  backward(em, node, [dY]) {
    if (!dY) return [];
    // Constant padding adds values that depend on nothing: dX is dY with the padding cut off.
    const pads = established(em.intsOf(inp(node, 1)), 'the pads');
    const r = pads.length / 2;
    const axes = Array.from({ length: r }, (_, i) => i).filter((i) => pads[i] !== 0 || pads[i + r] !== 0);
    if (axes.length === 0) return [dY];
    return [
      em.one(
        'Slice',
        [
          dY,
          em.ints(axes.map((a) => pads[a])),
          em.ints(axes.map((a) => (pads[a + r] > 0 ? -pads[a + r] : Number.MAX_SAFE_INTEGER))),
          em.ints(axes),
        ],
        {},
        'grad_pad',
      ),
    ];
  },
};

/** An Einsum equation split into operand and output subscripts (explicit "->" form only). */
export function parseEinsum(node: NodeProto): { inputs: string[]; output: string } | string {
  const eq = attrString(node, 'equation', '').replace(/\s+/g, '');
  const arrow = eq.indexOf('->');
  if (arrow < 0) return `equation "${eq}" has no explicit output ("->")`;
  if (eq.includes('...')) return `equation "${eq}" uses an ellipsis`;
  const inputs = eq.slice(0, arrow).split(',');
  const output = eq.slice(arrow + 2);
  const letters = /^[A-Za-z]*$/;
  if (![...inputs, output].every((t) => letters.test(t))) return `equation "${eq}" is not understood`;
  if ([...inputs, output].some((t) => new Set(t).size !== t.length))
    return `equation "${eq}" repeats a subscript within one operand (a diagonal)`;
  return { inputs, output };
}

const einsum: GradRule = {
  check(node, em) {
    const p = parseEinsum(node);
    if (typeof p === 'string') return p;
    if (p.inputs.length > 2) return `${p.inputs.length} operands (one or two have gradients here)`;
    if (p.inputs.length !== (node.input ?? []).length)
      return `the equation names ${p.inputs.length} operands for ${(node.input ?? []).length} inputs`;
    for (const [k, spec] of p.inputs.entries()) {
      const r = rankOf(em, inp(node, k));
      if (r !== undefined && r !== spec.length) return `operand ${k} has rank ${r} but subscripts "${spec}"`;
    }
    for (const [k, spec] of p.inputs.entries()) {
      const others = new Set([...p.output, ...(p.inputs[1 - k] ?? '')]);
      const alone = [...spec].filter((c) => !others.has(c));
      if (alone.length) return `subscript ${alone.join(', ')} of operand ${k} is summed away in that operand alone`;
    }
    return undefined;
  },
  backward(em, node, [dY], need) {
    if (!dY) return [];
    // Y = einsum(a,b->c): dA = einsum(c,b->a) with dY, dB = einsum(a,c->b) (every subscript of
    // an operand appears in the other operand or the output, as check() requires).
    const { inputs, output } = parseEinsum(node) as { inputs: string[]; output: string };
    if (inputs.length === 1) return [em.one('Einsum', [dY], { equation: `${output}->${inputs[0]}` }, 'grad_einsum')];
    const [a, b] = inputs;
    return [
      need[0] ? em.one('Einsum', [dY, inp(node, 1)], { equation: `${output},${b}->${a}` }, 'grad_einsum') : undefined,
      need[1] ? em.one('Einsum', [inp(node, 0), dY], { equation: `${a},${output}->${b}` }, 'grad_einsum') : undefined,
    ];
  },
};

/** Reduce axes of ReduceMax/ReduceMin: the axes input (opset 18) or attribute; all when none. */
function extremeAxes(node: NodeProto, em: GraphEmitter): number[] | undefined | 'dynamic' {
  if (hasInput(node, 1)) return em.intsOf(inp(node, 1)) ?? 'dynamic';
  const a = node.attribute?.find((x) => x.name === 'axes')?.ints?.map(Number) ?? [];
  if (a.length) return a;
  return attrInt(node, 'noop_with_empty_axes', 0) ? [] : undefined;
}

const reduceExtreme: GradRule = {
  differentiable: () => [0],
  check(node, em) {
    const axes = extremeAxes(node, em);
    if (axes === 'dynamic') return 'its axes are computed at run time (the gradient needs them when the graph is built)';
    const rank = rankOf(em, inp(node, 0));
    if (rank === undefined) return 'the rank of its input is not known when the graph is built';
    if (axes?.some((a) => !Number.isInteger(a) || a < -rank || a >= rank))
      return `axes [${axes.join(', ')}] do not fit an input of rank ${rank}`;
    return undefined;
  },
  backward(em, node, [dY]) {
    if (!dY) return [];
    // dX = dY where X equals the extreme of its group, shared evenly among ties (PyTorch's
    // amax/amin backward).
    const x = inp(node, 0);
    const rank = rankOf(em, x) as number;
    const given = extremeAxes(node, em) as number[] | undefined;
    const axes = (given ?? Array.from({ length: rank }, (_, i) => i)).map((a) => normAxis(a, rank)).sort((p, q) => p - q);
    const keep = attrInt(node, 'keepdims', 1) !== 0 || axes.length === 0;
    const y = keep ? out(node, 0) : em.one('Unsqueeze', [out(node, 0), em.ints(axes)]);
    const g = keep ? dY : em.one('Unsqueeze', [dY, em.ints(axes)]);
    const mask = em.one('Cast', [em.one('Equal', [x, y])], { to: em.floatType });
    const count = axes.length ? em.one('ReduceSum', [mask, em.ints(axes)], { keepdims: 1 }) : em.scalar(1);
    return [em.one('Mul', [mask, em.one('Div', [g, count])], {}, 'grad_reduce_extreme')];
  },
};

const tile: GradRule = {
  differentiable: () => [0],
  check(node, em) {
    const reps = em.intsOf(inp(node, 1));
    if (!reps) return 'its repeats are computed at run time (the gradient needs them when the graph is built)';
    const dims = em.shapeOf(inp(node, 0));
    if (!isStatic(dims)) return "its input's shape is not known when the graph is built";
    if (reps.length !== dims.length || reps.some((r) => !Number.isInteger(r) || r < 1))
      return `repeats [${reps.join(', ')}] do not fit an input of rank ${dims.length}`;
    return undefined;
  },
  backward(em, node, [dY]) {
    if (!dY) return [];
    // Y = tile(X, r): dY viewed as [r0, d0, r1, d1, …] summed over the repeat axes.
    const reps = em.intsOf(inp(node, 1)) as number[];
    const dims = em.shapeOf(inp(node, 0)) as number[];
    if (reps.every((r) => r === 1)) return [dY];
    const view = em.one('Reshape', [dY, em.ints(dims.flatMap((d, i) => [reps[i], d]))]);
    return [em.one('ReduceSum', [view, em.ints(dims.map((_, i) => 2 * i))], { keepdims: 0 }, 'grad_tile')];
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
export const MORE_GRAD_RULES: Readonly<Record<string, GradRule>> = {
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
  Where: where,
  Expand: expand,
  Slice: slice,
  Split: split,
  Gather: gather,
  LayerNormalization: layerNorm,
  Pad: pad,
  Einsum: einsum,
  ReduceMax: reduceExtreme,
  ReduceMin: reduceExtreme,
  Tile: tile,
  Gelu: gelu,
};
