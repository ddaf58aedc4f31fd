/**
 * Gradient rules of the ops that move values around the spatial axes of an image: Pad (every
 * mode), Resize (nearest and linear), ConvTranspose and InstanceNormalization — what an
 * encoder-decoder, a U-Net or a style-transfer network adds to a classifier's ops.
 *
 * Pad and Resize act on each axis separately and linearly: Y = X ×₀ M₀ ×₁ M₁ …, where M_a
 * (input size × output size) is the op applied along axis a alone. So dX = dY ×₀ M₀ᵀ ×₁ M₁ᵀ …,
 * and M_a itself is obtained by running the same op (same mode, coordinate transformation,
 * rounding) on an identity matrix: the gradient replicates the forward kernel's coefficients
 * exactly, including its float rounding, without re-deriving them here.
 *
 * Notation as in grad-ops.ts: Y = op(X...), dY = ∂L/∂Y, dX = ∂L/∂X.
 */
import { DataType, type NodeProto } from '../model/onnx.js';
import { attr, rawTensor } from '../model/builder.js';
import { attrFloat, attrInt, attrInts, attrString, findAttr } from '../model/attrs.js';
import { conv } from './grad-ops-conv.js';
import type { GraphEmitter } from './graph.js';
import { established, hasInput, inp, knownRank, knownShape, out, rankOf, staticDims, type GradRule } from './grad-rule.js';
import { isStatic } from './shapes.js';

/** The map along one axis applied to an n×n identity along its axis `along` (0 or 1). */
type AxisMap = (eye: string, along: 0 | 1, axis: number) => string;

/**
 * dX of a separable linear map: dY multiplied along each of `axes` by the transposed
 * one-axis map. The last two axes are MatMuls with no transpose of the activation; others are
 * moved last and back.
 */
function separableBackward(em: GraphEmitter, dY: string, inDims: number[], axes: number[], map: AxisMap): string {
  const r = inDims.length;
  let g = dY;
  for (const a of axes) {
    const n = inDims[a];
    const eye = em.one('EyeLike', [em.one('ConstantOfShape', [em.ints([n, n])])], { dtype: em.floatType }, 'eye');
    if (a === r - 1) {
      // g [..., out] · T [out, in].
      g = em.one('MatMul', [g, map(eye, 0, a)], {}, 'grad_separable');
    } else if (a === r - 2) {
      // M [in, out] · g [..., out, w].
      g = em.one('MatMul', [map(eye, 1, a), g], {}, 'grad_separable');
    } else {
      const perm = Array.from({ length: r }, (_, i) => (i === a ? r - 1 : i === r - 1 ? a : i));
      const moved = em.one('Transpose', [g], { perm });
      g = em.one('Transpose', [em.one('MatMul', [moved, map(eye, 0, a)])], { perm }, 'grad_separable');
    }
  }
  return g;
}

/** A float32 constant (Resize's scales are float32 whatever the data's type). */
function float32Const(em: GraphEmitter, values: number[]): string {
  const name = em.fresh('scales');
  em.initializers.push(rawTensor(name, [values.length], DataType.FLOAT, Float32Array.from(values)));
  return name;
}

const pad: GradRule = {
  differentiable: () => [0],
  check(node, em) {
    const mode = attrString(node, 'mode', 'constant');
    if (!['constant', 'reflect', 'edge', 'wrap'].includes(mode)) return `mode = ${mode} is not an ONNX Pad mode`;
    if (hasInput(node, 3)) return 'it pads selected axes only (the axes input of opset 18)';
    const pads = em.intsOf(inp(node, 1));
    if (!pads) return 'its pads are computed at run time (the gradient needs them when the graph is built)';
    if (pads.some((v) => v < 0)) return 'it crops (negative pads)';
    if (mode !== 'constant' && !isStatic(em.shapeOf(inp(node, 0))))
      return `the shape of its input is not known when the graph is built (needed for ${mode} padding)`;
    return undefined;
  },
  backward(em, node, [dY]) {
    if (!dY) return [];
    const pads = established(em.intsOf(inp(node, 1)), 'the pads');
    const r = pads.length / 2;
    const axes = Array.from({ length: r }, (_, i) => i).filter((i) => pads[i] !== 0 || pads[i + r] !== 0);
    if (axes.length === 0) return [dY];
    const mode = attrString(node, 'mode', 'constant');
    if (mode !== 'constant') {
      // Reflect/edge/wrap copy input values into the border: each border value's gradient goes
      // back to the input position it was copied from (the same Pad on an identity says which).
      const dims = staticDims(knownShape(em, inp(node, 0)), 'the shape of the padded input');
      const map: AxisMap = (eye, along, a) => {
        const p = [0, 0, 0, 0];
        p[along] = pads[a];
        p[along + 2] = pads[a + r];
        return em.one('Pad', [eye, em.ints(p)], { mode }, 'pad_map');
      };
      return [separableBackward(em, dY, dims, axes, map)];
    }
    // Constant padding adds values that depend on nothing: dX is dY with the padding cut off.
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

/** Resize's sizes input (taken over its scales when both are given), or its scales. */
function resizeTarget(node: NodeProto): { sizes: string } | { scales: string } | undefined {
  if (hasInput(node, 3)) return { sizes: inp(node, 3) };
  return hasInput(node, 2) ? { scales: inp(node, 2) } : undefined;
}

const resize: GradRule = {
  differentiable: () => [0],
  check(node, em) {
    const mode = attrString(node, 'mode', 'nearest');
    if (mode !== 'nearest' && mode !== 'linear')
      return `mode = ${mode} (nearest and linear have gradients here; export with mode nearest or (bi)linear)`;
    const coords = attrString(node, 'coordinate_transformation_mode', 'half_pixel');
    if (coords === 'tf_crop_and_resize')
      return 'coordinate_transformation_mode = tf_crop_and_resize (its extrapolation value is not a linear map of the input)';
    if (attrInt(node, 'antialias', 0) !== 0)
      return 'antialias = 1 (downscaling with an antialiasing filter has no gradient here)';
    if (attrInt(node, 'exclude_outside', 0) !== 0) return 'exclude_outside = 1';
    if (findAttr(node, 'axes')) return 'it resizes selected axes only (the axes attribute of opset 18)';
    if (attrString(node, 'keep_aspect_ratio_policy', 'stretch') !== 'stretch')
      return 'keep_aspect_ratio_policy is not stretch (the sizes it computes are not known when the graph is built)';
    if (!resizeTarget(node)) return 'it has neither scales nor sizes';
    if (!isStatic(em.shapeOf(inp(node, 0))))
      return "the shape of its input is not known when the graph is built (give the model inputs' shapes in the budget file)";
    return undefined;
  },
  backward(em, node, [dY]) {
    if (!dY) return [];
    const dims = staticDims(knownShape(em, inp(node, 0)), 'the shape of the resized input');
    const target = established(resizeTarget(node), 'the scales or sizes');
    const sizes = 'sizes' in target ? em.intsOf(target.sizes) : undefined;
    const scales = 'scales' in target ? em.floatsOf(target.scales) : undefined;
    // Axes whose size or scale is not known to stay the same (all of them when computed at run time).
    const axes = dims.map((_, a) => a).filter((a) => (sizes ? sizes[a] !== dims[a] : scales ? scales[a] !== 1 : true));
    const attrs = node.attribute ?? [];
    const map: AxisMap = (eye, along, a) => {
      const n = dims[a];
      let arg: string;
      if ('sizes' in target) {
        const size = sizes ? em.ints([sizes[a]]) : em.one('Slice', [target.sizes, em.ints([a]), em.ints([a + 1])]);
        arg = em.one('Concat', along === 0 ? [size, em.ints([n])] : [em.ints([n]), size], { axis: 0 });
      } else if (scales) {
        arg = float32Const(em, along === 0 ? [scales[a], 1] : [1, scales[a]]);
      } else {
        const scale = em.one('Slice', [target.scales, em.ints([a]), em.ints([a + 1])]);
        const one = float32Const(em, [1]);
        arg = em.one('Concat', along === 0 ? [scale, one] : [one, scale], { axis: 0 });
      }
      const output = em.fresh('resize_map');
      em.push({
        opType: 'Resize',
        input: 'sizes' in target ? [eye, '', '', arg] : [eye, '', arg],
        output: [output],
        name: output,
        attribute: attrs,
      });
      return output;
    };
    return [separableBackward(em, dY, dims, axes, map)];
  },
};

/** Explicit geometry of a ConvTranspose node, or why it is not supported. */
function transposeConvGeometry(
  node: NodeProto,
  em: GraphEmitter,
): { spatial: number[]; kernel: number[]; strides: number[]; dilations: number[]; pads: number[] } | string {
  const xs = em.shapeOf(inp(node, 0));
  const ws = em.shapeOf(inp(node, 1));
  if (!isStatic(xs) || xs.length < 3)
    return "the spatial dims of its input are not known when the graph is built (give the model inputs' shapes in the budget file)";
  if (!isStatic(ws)) return 'the shape of its weight is not known when the graph is built';
  const k = xs.length - 2;
  const autoPad = attrString(node, 'auto_pad', 'NOTSET');
  if (autoPad !== 'NOTSET' && autoPad !== 'VALID') return `auto_pad = ${autoPad} (export with explicit pads)`;
  if (findAttr(node, 'output_shape')) return 'it sets output_shape (export with explicit pads and output_padding)';
  const strides = attrInts(node, 'strides', new Array<number>(k).fill(1));
  const outputPadding = attrInts(node, 'output_padding', new Array<number>(k).fill(0));
  if (outputPadding.some((p, i) => p >= strides[i]))
    return `output_padding [${outputPadding.join(', ')}] is not smaller than the strides [${strides.join(', ')}]`;
  return {
    spatial: xs.slice(2),
    kernel: attrInts(node, 'kernel_shape', ws.slice(2)),
    strides,
    dilations: attrInts(node, 'dilations', new Array<number>(k).fill(1)),
    pads: autoPad === 'VALID' ? new Array<number>(2 * k).fill(0) : attrInts(node, 'pads', new Array<number>(2 * k).fill(0)),
  };
}

const convTranspose: GradRule = {
  check(node, em) {
    const g = transposeConvGeometry(node, em);
    return typeof g === 'string' ? g : undefined;
  },
  backward(em, node, [dY], need) {
    if (!dY) return [];
    const g = transposeConvGeometry(node, em);
    if (typeof g === 'string') return established<string[]>(undefined, `the ConvTranspose geometry (${g})`);
    const group = attrInt(node, 'group', 1);
    const attrs = {
      kernel_shape: g.kernel,
      strides: g.strides,
      dilations: g.dilations,
      pads: g.pads,
      ...(group !== 1 ? { group } : {}),
    };
    if (em.shapeOf(dY) === undefined) em.setShape(dY, em.shapeOf(out(node, 0)));
    // Y = ConvTranspose(X, W) is the transpose of the convolution Conv(·, W) with the same
    // geometry: dX = Conv(dY, W) (W [C_in, C_out/g, k…] read as Conv's [M, C/g, k…]), and dW is
    // that convolution's weight gradient with dY as its input and X as its output gradient.
    const dX = need[0] ? em.one('Conv', [dY, inp(node, 1)], attrs, 'grad_convt_x') : undefined;
    let dW: string | undefined;
    if (need[1]) {
      const asConv: NodeProto = {
        opType: 'Conv',
        input: [dY, inp(node, 1)],
        output: [inp(node, 0)],
        attribute: Object.entries(attrs).map(([name, v]) => attr(name, v)),
      };
      dW = conv.backward(em, asConv, [inp(node, 0)], [false, true, false], {})[1];
    }
    const k = g.spatial.length;
    const dB =
      need[2] && hasInput(node, 2) ? em.reduceSum(dY, [0, ...Array.from({ length: k }, (_, i) => i + 2)], false) : undefined;
    return [dX, dW, dB];
  },
};

const instanceNorm: GradRule = {
  check(node, em) {
    const r = rankOf(em, inp(node, 0));
    if (r === undefined) return 'the rank of its input is not known when the graph is built';
    return r < 3 ? `its input has rank ${r} (N, C and at least one spatial axis expected)` : undefined;
  },
  backward(em, node, [dY], need) {
    if (!dY) return [];
    // Y = γ_c·X̂ + β_c, X̂ = (X − μ_nc)/σ_nc over the spatial axes of each sample and channel:
    // LayerNorm's backward per (n, c). The statistics are recomputed (the op does not return them).
    const x = inp(node, 0);
    const r = knownRank(em, x);
    const spatial = Array.from({ length: r - 2 }, (_, i) => i + 2);
    const mean = em.reduceMean(x, spatial, true);
    const centered = em.one('Sub', [x, mean]);
    const variance = em.reduceMean(em.one('Mul', [centered, centered]), spatial, true);
    const eps = em.scalar(attrFloat(node, 'epsilon', 1e-5));
    const invStd = em.one('Reciprocal', [em.one('Sqrt', [em.one('Add', [variance, eps])])], {}, 'in_inv_std');
    const xhat = em.one('Mul', [centered, invStd], {}, 'in_xhat');
    let dX: string | undefined;
    if (need[0]) {
      const gamma = em.one('Unsqueeze', [inp(node, 1), em.ints(spatial.map((a) => a - 1))]);
      const dxhat = em.one('Mul', [dY, gamma]);
      const m1 = em.reduceMean(dxhat, spatial, true);
      const m2 = em.reduceMean(em.one('Mul', [dxhat, xhat]), spatial, true);
      const centeredGrad = em.one('Sub', [em.one('Sub', [dxhat, m1]), em.one('Mul', [xhat, m2])]);
      dX = em.one('Mul', [centeredGrad, invStd], {}, 'grad_in_x');
    }
    const sumAxes = [0, ...spatial];
    const dScale = need[1] ? em.reduceSum(em.one('Mul', [dY, xhat]), sumAxes, false) : undefined;
    const dBias = need[2] ? em.reduceSum(dY, sumAxes, false) : undefined;
    return [dX, dScale, dBias];
  },
};

/** The rules of this file by op type. */
export const SPATIAL_GRAD_RULES: Readonly<Record<string, GradRule>> = {
  Pad: pad,
  Resize: resize,
  ConvTranspose: convTranspose,
  InstanceNormalization: instanceNorm,
};
