/**
 * Build-time values of small integer tensors that exporters compute with ops instead of
 * writing as constants: PyTorch's F.pad writes Pad's pads as Shape → Sub → ConstantOfShape →
 * Concat → Reshape → Slice (reversed) → Transpose → Reshape → Cast. Folding such chains lets
 * the gradient rules that need the values when the graph is built (Pad, Tile, Reshape targets)
 * read them. Only exact integer arithmetic on at most MAX_ELEMENTS values; anything else is
 * left unknown (undefined), never guessed.
 */
import { DataType, type NodeProto } from '../model/onnx.js';
import { attrInt, attrInts, findAttr } from '../model/attrs.js';
import { isStatic, normAxis, type Shape } from './shapes.js';
import { readInts } from './tensor-data.js';

const MAX_ELEMENTS = 64;

function strides(dims: number[]): number[] {
  const out = new Array<number>(dims.length).fill(1);
  for (let i = dims.length - 2; i >= 0; i--) out[i] = out[i + 1] * dims[i + 1];
  return out;
}

/** Row-major gather of `values` (shape `dims`) at the index lists of each axis. */
function pick(values: number[], dims: number[], perAxis: number[][]): number[] {
  const st = strides(dims);
  let offsets = [0];
  perAxis.forEach((list, a) => {
    offsets = offsets.flatMap((o) => list.map((i) => o + i * st[a]));
  });
  return offsets.map((o) => values[o]);
}

function slice(
  node: NodeProto,
  values: number[],
  dims: number[],
  ints: (i: number) => number[] | undefined,
): number[] | undefined {
  const starts = ints(1);
  const ends = ints(2);
  if (!starts || !ends) return undefined;
  const axes = node.input?.[3] ? ints(3) : starts.map((_, i) => i);
  const steps = node.input?.[4] ? ints(4) : starts.map(() => 1);
  if (!axes || !steps || steps.some((s) => s === 0)) return undefined;
  const perAxis = dims.map((d) => Array.from({ length: d }, (_, i) => i));
  axes.forEach((axis, k) => {
    const a = normAxis(axis, dims.length);
    const d = dims[a];
    const step = steps[k];
    const clamp = (v: number, lo: number, hi: number): number => Math.min(Math.max(v < 0 ? v + d : v, lo), hi);
    const list: number[] = [];
    if (step > 0) for (let i = clamp(starts[k], 0, d); i < clamp(ends[k], 0, d); i += step) list.push(i);
    else for (let i = clamp(starts[k], -1, d - 1); i > clamp(ends[k], -1, d - 1); i += step) list.push(i);
    perAxis[a] = list;
  });
  return pick(values, dims, perAxis);
}

function elementwise(op: string, a: number[], b: number[]): number[] | undefined {
  if (a.length !== b.length && a.length !== 1 && b.length !== 1) return undefined;
  const n = Math.max(a.length, b.length);
  const f: Record<string, (x: number, y: number) => number> = {
    Add: (x, y) => x + y,
    Sub: (x, y) => x - y,
    Mul: (x, y) => x * y,
    Div: (x, y) => Math.trunc(x / y),
  };
  return Array.from({ length: n }, (_, i) => f[op](a[a.length === 1 ? 0 : i], b[b.length === 1 ? 0 : i]));
}

/**
 * The integer values of a node's first output when its inputs' values are known at build time.
 * @param intsOf known integer values of a tensor
 * @param shapeOf build-time shape of a tensor (Shape's input, multi-axis Slice/Transpose)
 */
export function foldInts(
  node: NodeProto,
  intsOf: (name: string) => number[] | undefined,
  shapeOf: (name: string) => Shape,
): number[] | undefined {
  const ins = node.input ?? [];
  const ints = (i: number): number[] | undefined => (ins[i] ? intsOf(ins[i]) : undefined);
  const x = ints(0);
  const dims = ins[0] ? shapeOf(ins[0]) : undefined;
  let result: number[] | undefined;
  switch (node.opType) {
    case 'Shape': {
      if (!isStatic(dims)) return undefined;
      const r = dims.length;
      const start = normAxis(attrInt(node, 'start', 0), r);
      const end = findAttr(node, 'end') ? normAxis(attrInt(node, 'end', r), r) : r;
      result = dims.slice(Math.max(0, start), Math.min(r, end));
      break;
    }
    case 'Identity':
    case 'Reshape':
    case 'Squeeze':
    case 'Unsqueeze':
    case 'Flatten':
      result = x;
      break;
    case 'Cast': {
      const to = attrInt(node, 'to', 0);
      result = to === DataType.INT64 || to === DataType.INT32 ? x : undefined;
      break;
    }
    case 'Add':
    case 'Sub':
    case 'Mul':
    case 'Div': {
      const y = ints(1);
      result = x && y ? elementwise(node.opType, x, y) : undefined;
      break;
    }
    case 'Gather': {
      const idx = ints(1);
      if (!x || !idx || !dims || dims.length !== 1) return undefined;
      result = idx.map((i) => x[i < 0 ? i + x.length : i]);
      break;
    }
    case 'Concat': {
      const parts = ins.map((_, i) => ints(i));
      if (normAxis(attrInt(node, 'axis', 0), dims?.length ?? 1) !== 0 || parts.some((p) => !p)) return undefined;
      result = parts.flatMap((p) => p ?? []);
      break;
    }
    case 'ConstantOfShape': {
      const t = findAttr(node, 'value')?.t;
      if (!x || !t || (t.dataType !== DataType.INT64 && t.dataType !== DataType.INT32)) return undefined;
      const n = x.reduce((a, b) => a * b, 1);
      result = n <= MAX_ELEMENTS ? new Array<number>(n).fill(readInts(t)[0] ?? 0) : undefined;
      break;
    }
    case 'Slice':
      result = x && isStatic(dims) ? slice(node, x, dims, ints) : undefined;
      break;
    case 'Transpose': {
      if (!x || !isStatic(dims)) return undefined;
      const perm = attrInts(
        node,
        'perm',
        dims.map((_, i) => dims.length - 1 - i),
      );
      const st = strides(dims);
      const outDims = perm.map((p) => dims[p]);
      let offsets = [0];
      outDims.forEach((d, a) => {
        offsets = offsets.flatMap((o) => Array.from({ length: d }, (_, i) => o + i * st[perm[a]]));
      });
      result = offsets.map((o) => x[o]);
      break;
    }
    default:
      return undefined;
  }
  return result && result.length <= MAX_ELEMENTS && result.every(Number.isSafeInteger) ? result : undefined;
}
