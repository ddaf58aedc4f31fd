/**
 * Gradient rules of the ops that real exports add to the basic set of grad-ops.ts: the tensor
 * plumbing of attention (Slice, Split, Gather, Expand, Tile, Where, Einsum, ReduceMax/Min)
 * and LayerNormalization here; element-wise maths in grad-ops-elementwise.ts; padding,
 * resizing, ConvTranspose and InstanceNormalization in grad-ops-spatial.ts. All are
 * registered through MORE_GRAD_RULES.
 *
 * Notation as in grad-ops.ts: Y = op(X...), dY = ∂L/∂Y, dX = ∂L/∂X.
 */
import { DataType, type NodeProto } from '../model/onnx.js';
import { rawTensor } from '../model/builder.js';
import { attrInt, attrString } from '../model/attrs.js';
import type { GraphEmitter } from './graph.js';
import { ELEMENTWISE_GRAD_RULES } from './grad-ops-elementwise.js';
import { checkReduce, knownReduceAxes } from './grad-ops-reduce.js';
import { SPATIAL_GRAD_RULES } from './grad-ops-spatial.js';
import {
  established,
  hasInput,
  inp,
  knownRank,
  knownShape,
  out,
  rankOf,
  savedName,
  staticDims,
  type GradRule,
} from './grad-rule.js';
import { isStatic, normAxis } from './shapes.js';

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
    const qr = established(q, 'the rank of the indices');
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
    const parsed = parseEinsum(node);
    if (typeof parsed === 'string') return established<string[]>(undefined, `the equation (${parsed})`);
    const { inputs, output } = parsed;
    if (inputs.length === 1) return [em.one('Einsum', [dY], { equation: `${output}->${inputs[0]}` }, 'grad_einsum')];
    const [a, b] = inputs;
    return [
      need[0] ? em.one('Einsum', [dY, inp(node, 1)], { equation: `${output},${b}->${a}` }, 'grad_einsum') : undefined,
      need[1] ? em.one('Einsum', [inp(node, 0), dY], { equation: `${a},${output}->${b}` }, 'grad_einsum') : undefined,
    ];
  },
};

const reduceExtreme: GradRule = {
  differentiable: () => [0],
  check: checkReduce,
  backward(em, node, [dY]) {
    if (!dY) return [];
    // dX = dY where X equals the extreme of its group, shared evenly among ties (PyTorch's
    // amax/amin backward).
    const x = inp(node, 0);
    const rank = knownRank(em, x);
    const axes = knownReduceAxes(node, em, rank).sort((p, q) => p - q);
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
    const reps = established(em.intsOf(inp(node, 1)), 'the repeats');
    const dims = staticDims(knownShape(em, inp(node, 0)), 'the shape of the input');
    if (reps.every((r) => r === 1)) return [dY];
    const view = em.one('Reshape', [dY, em.ints(dims.flatMap((d, i) => [reps[i], d]))]);
    return [em.one('ReduceSum', [view, em.ints(dims.map((_, i) => 2 * i))], { keepdims: 0 }, 'grad_tile')];
  },
};

/** The rules of this file by op type. */
export const MORE_GRAD_RULES: Readonly<Record<string, GradRule>> = {
  ...ELEMENTWISE_GRAD_RULES,
  ...SPATIAL_GRAD_RULES,
  Where: where,
  Expand: expand,
  Slice: slice,
  Split: split,
  Gather: gather,
  LayerNormalization: layerNorm,
  Einsum: einsum,
  ReduceMax: reduceExtreme,
  ReduceMin: reduceExtreme,
  Tile: tile,
};
