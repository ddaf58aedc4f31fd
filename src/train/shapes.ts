/**
 * Build-time shape knowledge for the training-step builder: enough static shape inference over
 * the ops that have gradients to pick reduction axes (broadcasting), ConvTranspose output
 * padding and split sizes at build time. Where a shape cannot be known here, the gradient
 * code falls back to computing it at run time with Shape ops, so an unknown shape costs a few
 * small ops, never a wrong answer.
 *
 * A dim is a number, or a symbol (a string): equal symbols are equal dims; a symbol made here
 * for an unknown dim (`?3`) equals only itself.
 */
import type { NodeProto } from '../model/onnx.js';
import { attrInt, attrInts, attrString } from '../model/attrs.js';

/** A dimension: a known size, or a symbol. */
export type Dim = number | string;
/** A shape; `undefined` where even the rank is unknown. */
export type Shape = Dim[] | undefined;

let unknownCounter = 0;
/** A fresh symbol that equals no other dim. */
export function unknownDim(): string {
  unknownCounter += 1;
  return `?${unknownCounter}`;
}

/** True when every dim is a number. */
export function isStatic(shape: Shape): shape is number[] {
  return shape !== undefined && shape.every((d) => typeof d === 'number');
}

/** Product of dims when all are known, else undefined. */
export function staticSize(shape: Shape): number | undefined {
  return isStatic(shape) ? shape.reduce((a, b) => a * b, 1) : undefined;
}

/** Multidirectional (numpy) broadcasting of two shapes. */
export function broadcastShapes(a: Shape, b: Shape): Shape {
  if (!a || !b) return undefined;
  const r = Math.max(a.length, b.length);
  const out: Dim[] = [];
  for (let i = 0; i < r; i++) {
    const da = a[a.length - r + i] ?? 1;
    const db = b[b.length - r + i] ?? 1;
    if (da === 1) out.push(db);
    else if (db === 1) out.push(da);
    else if (da === db) out.push(da);
    else if (typeof da === 'number') out.push(da);
    else if (typeof db === 'number') out.push(db);
    else out.push(unknownDim());
  }
  return out;
}

function mulDims(ds: Dim[]): Dim {
  return ds.every((d) => typeof d === 'number') ? ds.reduce((a, b) => a * b, 1) : unknownDim();
}

/** Normalises a possibly negative axis against a rank. */
export function normAxis(axis: number, rank: number): number {
  return axis < 0 ? axis + rank : axis;
}

/** Explicit begin/end pads of a Conv/Pool node for known spatial input dims (auto_pad resolved). */
export function resolvePads(
  node: NodeProto,
  spatialIn: Dim[],
  kernel: number[],
  strides: number[],
  dilations: number[],
): number[] | undefined {
  const k = spatialIn.length;
  const autoPad = attrString(node, 'auto_pad', 'NOTSET');
  if (autoPad === 'NOTSET') {
    const pads = attrInts(node, 'pads', new Array<number>(2 * k).fill(0));
    return pads;
  }
  if (autoPad === 'VALID') return new Array<number>(2 * k).fill(0);
  // SAME_UPPER / SAME_LOWER: output = ceil(in / stride); total pad split, extra at the end
  // for SAME_UPPER and at the beginning for SAME_LOWER (ONNX Conv operator spec).
  if (!spatialIn.every((d) => typeof d === 'number')) return undefined;
  const begin: number[] = [];
  const end: number[] = [];
  for (let i = 0; i < k; i++) {
    const inDim = spatialIn[i];
    const out = Math.ceil(inDim / strides[i]);
    const total = Math.max(0, (out - 1) * strides[i] + (kernel[i] - 1) * dilations[i] + 1 - inDim);
    const small = Math.floor(total / 2);
    const large = total - small;
    begin.push(autoPad === 'SAME_UPPER' ? small : large);
    end.push(autoPad === 'SAME_UPPER' ? large : small);
  }
  return [...begin, ...end];
}

/** Spatial geometry of a Conv/Pool node. */
export interface WindowGeometry {
  kernel: number[];
  strides: number[];
  dilations: number[];
  /** begin pads then end pads, as ONNX writes them. */
  pads: number[] | undefined;
  ceilMode: boolean;
}

/** Reads kernel, strides, dilations and pads of a Conv/Pool node (kernel from W for Conv). */
export function windowGeometry(node: NodeProto, spatialIn: Dim[], kernelFromWeight?: Dim[]): WindowGeometry | undefined {
  const k = spatialIn.length;
  let kernel = attrInts(node, 'kernel_shape', []);
  if (kernel.length === 0) {
    if (!kernelFromWeight || !kernelFromWeight.every((d) => typeof d === 'number')) return undefined;
    kernel = kernelFromWeight;
  }
  const strides = attrInts(node, 'strides', new Array<number>(k).fill(1));
  const dilations = attrInts(node, 'dilations', new Array<number>(k).fill(1));
  const pads = resolvePads(node, spatialIn, kernel, strides, dilations);
  return { kernel, strides, dilations, pads, ceilMode: attrInt(node, 'ceil_mode', 0) === 1 };
}

/** Output spatial dims of a window op. */
export function windowOutput(spatialIn: Dim[], g: WindowGeometry): Dim[] {
  return spatialIn.map((d, i) => {
    if (typeof d !== 'number' || !g.pads) return unknownDim();
    const span = (g.kernel[i] - 1) * g.dilations[i] + 1;
    const num = d + g.pads[i] + g.pads[i + spatialIn.length] - span;
    const out = (g.ceilMode ? Math.ceil(num / g.strides[i]) : Math.floor(num / g.strides[i])) + 1;
    // ONNX pooling with ceil_mode drops a last window that would start in the end padding.
    if (g.ceilMode && (out - 1) * g.strides[i] >= d + g.pads[i]) return out - 1;
    return out;
  });
}

/**
 * Infers the output shapes of one node from its input shapes and the known integer constants
 * (Reshape targets, axes). Unknown ops give `undefined` shapes.
 */
export function inferNode(
  node: NodeProto,
  shapeOf: (name: string) => Shape,
  intsOf: (name: string) => number[] | undefined,
  floatsOf: (name: string) => number[] | undefined = () => undefined,
): Shape[] {
  const ins = (node.input ?? []).map((n) => (n ? shapeOf(n) : undefined));
  const x = ins[0];
  const nOut = (node.output ?? []).length;
  const same = (): Shape[] => new Array<Shape>(nOut).fill(x);
  switch (node.opType) {
    case 'Add':
    case 'Sub':
    case 'Mul':
    case 'Div':
    case 'Pow':
    case 'Equal':
    case 'Greater':
    case 'Less':
    case 'GreaterOrEqual':
    case 'LessOrEqual':
    case 'And':
    case 'Or':
    case 'PRelu':
      return [broadcastShapes(ins[0], ins[1])];
    case 'Sum':
    case 'Max':
    case 'Min':
    case 'Mean':
    case 'Where':
      return [ins.slice(1).reduce<Shape>((a, b) => broadcastShapes(a, b), ins[0])];
    case 'Relu':
    case 'LeakyRelu':
    case 'Sigmoid':
    case 'Tanh':
    case 'Softmax':
    case 'LogSoftmax':
    case 'Identity':
    case 'Neg':
    case 'Exp':
    case 'Log':
    case 'Sqrt':
    case 'Abs':
    case 'Cast':
    case 'Erf':
    case 'Clip':
    case 'Elu':
    case 'Selu':
    case 'HardSigmoid':
    case 'Softplus':
    case 'Gelu':
    case 'Reciprocal':
    case 'Sign':
    case 'Floor':
    case 'Ceil':
    case 'Not':
    case 'HardSwish':
    case 'CastLike':
    case 'InstanceNormalization':
      return same();
    case 'Dropout':
      return [x, x];
    case 'BatchNormalization': {
      const c = x && x.length > 1 ? [x[1]] : undefined;
      return [x, c, c, c, c].slice(0, nOut);
    }
    case 'Gemm': {
      const a = ins[0];
      const b = ins[1];
      const m = a && a.length === 2 ? a[attrInt(node, 'transA', 0) ? 1 : 0] : unknownDim();
      const n = b && b.length === 2 ? b[attrInt(node, 'transB', 0) ? 0 : 1] : unknownDim();
      return [[m, n]];
    }
    case 'MatMul': {
      const a = ins[0];
      const b = ins[1];
      if (!a || !b) return [undefined];
      const a2 = a.length === 1 ? [1, a[0]] : a;
      const b2 = b.length === 1 ? [b[0], 1] : b;
      const batch = broadcastShapes(a2.slice(0, -2), b2.slice(0, -2)) ?? [];
      const out: Dim[] = [...batch, a2[a2.length - 2], b2[b2.length - 1]];
      if (a.length === 1) out.splice(out.length - 2, 1);
      if (b.length === 1) out.splice(out.length - 1, 1);
      return [out];
    }
    case 'Reshape': {
      const target = intsOf(node.input?.[1] ?? '');
      if (!target) {
        const s = ins[1];
        return [s && s.length === 1 && typeof s[0] === 'number' ? Array.from({ length: s[0] }, () => unknownDim()) : undefined];
      }
      const allowZero = attrInt(node, 'allowzero', 0) === 1;
      const out: Dim[] = target.map((v, i) => (v === 0 && !allowZero ? (x?.[i] ?? unknownDim()) : v));
      const minus = out.indexOf(-1);
      if (minus >= 0) {
        const total = staticSize(x);
        const rest = out.filter((_, i) => i !== minus);
        out[minus] =
          total !== undefined && rest.every((d) => typeof d === 'number')
            ? total / rest.reduce((a, b) => a * b, 1)
            : unknownDim();
      }
      return [out];
    }
    case 'Flatten': {
      if (!x) return [undefined];
      const axis = normAxis(attrInt(node, 'axis', 1), x.length);
      return [[mulDims(x.slice(0, axis)), mulDims(x.slice(axis))]];
    }
    case 'Transpose': {
      if (!x) return [undefined];
      const perm = attrInts(
        node,
        'perm',
        x.map((_, i) => x.length - 1 - i),
      );
      return [perm.map((p) => x[p])];
    }
    case 'Concat': {
      const known = ins.filter((s): s is Dim[] => s !== undefined);
      if (!x || known.length !== ins.length) return [undefined];
      const axis = normAxis(attrInt(node, 'axis', 0), x.length);
      const out = [...x];
      out[axis] = mulDimsSum(known.map((s) => s[axis]));
      return [out];
    }
    case 'Conv':
    case 'MaxPool':
    case 'AveragePool':
    case 'LpPool': {
      if (!x || x.length < 3) return new Array<Shape>(nOut).fill(undefined);
      const w = node.opType === 'Conv' ? ins[1] : undefined;
      const g = windowGeometry(node, x.slice(2), w ? w.slice(2) : undefined);
      if (!g) return new Array<Shape>(nOut).fill(undefined);
      const channels = node.opType === 'Conv' ? (w ? w[0] : unknownDim()) : x[1];
      const out: Dim[] = [x[0], channels, ...windowOutput(x.slice(2), g)];
      return new Array<Shape>(nOut).fill(out);
    }
    case 'ConvTranspose':
      return [convTransposeOutput(node, x, ins[1])];
    case 'Resize': {
      // Sizes when given, else floor(in · scale) (no roi: tf_crop_and_resize has no gradient).
      const sizes = node.input?.[3] ? intsOf(node.input[3]) : undefined;
      const scales = !node.input?.[3] && node.input?.[2] ? floatsOf(node.input[2]) : undefined;
      if (!x) return [undefined];
      if (sizes?.length === x.length) return [sizes];
      if (scales?.length !== x.length) return [x.map(() => unknownDim())];
      return [x.map((d, i) => (typeof d === 'number' ? Math.floor(Math.fround(d * Math.fround(scales[i]))) : unknownDim()))];
    }
    case 'GlobalAveragePool':
    case 'GlobalMaxPool':
      return [x ? [x[0], x[1], ...x.slice(2).map(() => 1)] : undefined];
    case 'ReduceSum':
    case 'ReduceMean':
    case 'ReduceMax':
    case 'ReduceMin':
    case 'ReduceProd':
    case 'ReduceL2':
    case 'ReduceL1':
    case 'ReduceLogSumExp':
    case 'ReduceSumSquare': {
      if (!x) return [undefined];
      const fromInput = node.input && node.input.length > 1 && node.input[1] ? intsOf(node.input[1]) : undefined;
      if (node.input && node.input.length > 1 && node.input[1] && !fromInput) return [undefined];
      const listed = fromInput ?? attrInts(node, 'axes', []);
      const noop = attrInt(node, 'noop_with_empty_axes', 0) === 1;
      const axes = (listed.length ? listed : noop ? [] : x.map((_, i) => i)).map((a) => normAxis(a, x.length));
      const keep = attrInt(node, 'keepdims', 1) === 1;
      return [keep ? x.map((d, i) => (axes.includes(i) ? 1 : d)) : x.filter((_, i) => !axes.includes(i))];
    }
    case 'Shape':
      return [x ? [x.length] : undefined];
    case 'Tile': {
      const reps = intsOf(node.input?.[1] ?? '');
      if (!x || !reps || reps.length !== x.length) return [x ? x.map(() => unknownDim()) : undefined];
      return [x.map((d, i) => (typeof d === 'number' ? d * reps[i] : reps[i] === 1 ? d : unknownDim()))];
    }
    case 'Einsum': {
      const text = attrString(node, 'equation', '').replace(/\s+/g, '');
      const arrow = text.indexOf('->');
      if (arrow < 0 || text.includes('...')) return [undefined];
      const specs = text.slice(0, arrow).split(',');
      const dimOf = new Map<string, Dim>();
      specs.forEach((spec, k) =>
        [...spec].forEach((c, j) => {
          const d = ins[k]?.[j];
          if (d !== undefined && (!dimOf.has(c) || typeof dimOf.get(c) !== 'number' || d !== 1)) dimOf.set(c, d);
        }),
      );
      return [[...text.slice(arrow + 2)].map((c) => dimOf.get(c) ?? unknownDim())];
    }
    case 'ConstantOfShape': {
      const dims = intsOf(node.input?.[0] ?? '');
      if (dims) return [dims];
      return [x && x.length === 1 && typeof x[0] === 'number' ? Array.from({ length: x[0] }, () => unknownDim()) : undefined];
    }
    case 'Size':
      return [[]];
    case 'Constant':
      return [undefined];
    case 'Unsqueeze':
    case 'Squeeze': {
      const axes = node.input && node.input.length > 1 ? intsOf(node.input[1]) : attrInts(node, 'axes', []);
      if (!x || !axes) return [undefined];
      if (node.opType === 'Unsqueeze') {
        const r = x.length + axes.length;
        const norm = axes.map((a) => normAxis(a, r));
        const out: Dim[] = [];
        let j = 0;
        for (let i = 0; i < r; i++) out.push(norm.includes(i) ? 1 : x[j++]);
        return [out];
      }
      const norm = axes.length
        ? axes.map((a) => normAxis(a, x.length))
        : x.map((d, i) => (d === 1 ? i : -1)).filter((i) => i >= 0);
      return [x.filter((_, i) => !norm.includes(i))];
    }
    case 'Expand': {
      const target = intsOf(node.input?.[1] ?? '');
      if (target) return [broadcastShapes(x, target)];
      const s = ins[1];
      if (!x || !s || s.length !== 1 || typeof s[0] !== 'number') return [undefined];
      return [Array.from({ length: Math.max(x.length, s[0]) }, () => unknownDim())];
    }
    case 'Slice': {
      if (!x) return [undefined];
      const get = (i: number): number[] | undefined => (node.input?.[i] ? intsOf(node.input[i]) : undefined);
      const starts = get(1);
      const ends = get(2);
      const axes = (node.input?.[3] ? get(3) : starts?.map((_, i) => i))?.map((a) => normAxis(a, x.length));
      const steps = node.input?.[4] ? get(4) : starts?.map(() => 1);
      if (!axes) return [x.map(() => unknownDim())];
      const res = [...x];
      axes.forEach((a, i) => {
        const dim = x[a];
        const st = starts?.[i];
        const en = ends?.[i];
        const sp = steps?.[i];
        if (typeof dim !== 'number' || st === undefined || en === undefined || sp === undefined || sp === 0) {
          res[a] = unknownDim();
          return;
        }
        // ONNX Slice: clamp to [0, dim] (step > 0) or [−1, dim − 1] (step < 0), then count.
        const norm = (v: number): number => (v < 0 ? v + dim : v);
        const lo = sp > 0 ? 0 : -1;
        const hi = sp > 0 ? dim : dim - 1;
        const b = Math.min(Math.max(norm(st), lo), hi);
        const e = Math.min(Math.max(norm(en), lo), hi);
        res[a] = Math.max(0, Math.ceil((e - b) / sp));
      });
      return [res];
    }
    case 'Split': {
      if (!x) return new Array<Shape>(nOut).fill(undefined);
      const axis = normAxis(attrInt(node, 'axis', 0), x.length);
      const sizes = node.input?.[1] ? intsOf(node.input[1]) : undefined;
      const dim = x[axis];
      return Array.from({ length: nOut }, (_, i) => {
        const o = [...x];
        o[axis] = sizes?.[i] ?? (typeof dim === 'number' && !node.input?.[1] && dim % nOut === 0 ? dim / nOut : unknownDim());
        return o;
      });
    }
    case 'Pad': {
      const pads = node.input?.[1] ? intsOf(node.input[1]) : undefined;
      if (!x) return [undefined];
      if (!pads || pads.length !== 2 * x.length || node.input?.[3]) return [x.map(() => unknownDim())];
      return [x.map((d, i) => (typeof d === 'number' ? d + pads[i] + pads[i + x.length] : unknownDim()))];
    }
    case 'Gather': {
      const idx = ins[1];
      if (!x || !idx) return [undefined];
      const axis = normAxis(attrInt(node, 'axis', 0), x.length);
      return [[...x.slice(0, axis), ...idx, ...x.slice(axis + 1)]];
    }
    case 'LayerNormalization': {
      if (!x) return new Array<Shape>(nOut).fill(undefined);
      const axis = normAxis(attrInt(node, 'axis', -1), x.length);
      const stat = x.map((d, i) => (i < axis ? d : 1));
      return [x, stat, stat].slice(0, nOut);
    }
    default:
      return new Array<Shape>(nOut).fill(undefined);
  }
}

/** ConvTranspose's output: s·(in − 1) + output_padding + (k − 1)·d + 1 − pads, or output_shape. */
function convTransposeOutput(node: NodeProto, x: Shape, w: Shape): Shape {
  if (!x || x.length < 3) return undefined;
  const k = x.length - 2;
  const channels = w && typeof w[1] === 'number' ? w[1] * attrInt(node, 'group', 1) : unknownDim();
  const given = attrInts(node, 'output_shape', []);
  if (given.length === k) return [x[0], channels, ...given];
  const kernel = attrInts(node, 'kernel_shape', w?.slice(2).filter((d): d is number => typeof d === 'number') ?? []);
  const autoPad = attrString(node, 'auto_pad', 'NOTSET');
  if (kernel.length !== k || (autoPad !== 'NOTSET' && autoPad !== 'VALID'))
    return [x[0], channels, ...x.slice(2).map(() => unknownDim())];
  const strides = attrInts(node, 'strides', new Array<number>(k).fill(1));
  const dilations = attrInts(node, 'dilations', new Array<number>(k).fill(1));
  const extra = attrInts(node, 'output_padding', new Array<number>(k).fill(0));
  const pads = autoPad === 'VALID' ? new Array<number>(2 * k).fill(0) : attrInts(node, 'pads', new Array<number>(2 * k).fill(0));
  const spatial = x
    .slice(2)
    .map((d, i) =>
      typeof d === 'number'
        ? strides[i] * (d - 1) + extra[i] + (kernel[i] - 1) * dilations[i] + 1 - pads[i] - pads[i + k]
        : unknownDim(),
    );
  return [x[0], channels, ...spatial];
}

function mulDimsSum(ds: Dim[]): Dim {
  return ds.every((d) => typeof d === 'number') ? ds.reduce((a, b) => a + b, 0) : unknownDim();
}
