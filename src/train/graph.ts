/**
 * GraphEmitter: appends nodes and constants to the graph being built, with unique names,
 * cached constants, build-time shape knowledge (see shapes.ts) and helpers that are aware of
 * the target opset (ReduceSum takes axes as an input from opset 13, ReduceMean from 18).
 */
import { DataType, type NodeProto, type TensorProto } from '../model/onnx.js';
import { attr, rawTensor, type AttrValue } from '../model/builder.js';
import { isStatic, type Dim, type Shape } from './shapes.js';
import type { GradFormulations } from './formulations.js';

/** Float element types the training step computes in. */
export type FloatType = typeof DataType.FLOAT | typeof DataType.DOUBLE;

/** Appends nodes to a graph under construction. */
export class GraphEmitter {
  readonly nodes: NodeProto[] = [];
  readonly initializers: TensorProto[] = [];
  private readonly shapes = new Map<string, Shape>();
  private readonly constInts = new Map<string, number[]>();
  private readonly constFloats = new Map<string, number[]>();
  private readonly cache = new Map<string, string>();
  private counter = 0;
  /** Older gradient formulations to build instead of the defaults (A/B benches, tests). */
  formulations: GradFormulations = {};
  /** Outputs of Gemms that compute a Conv kernel's gradient as [M, C·k…] (its Reshape to the
   *  kernel follows): SGD may fold its update into such a Gemm (optimizers.ts). */
  readonly kernelGradGemms = new Set<string>();

  /**
   * @param floatType element type of every float the graph computes (float32 or float64)
   * @param opset default-domain opset of the graph written
   * @param taken names already used by the source graph (tensors and nodes)
   */
  constructor(
    readonly floatType: FloatType,
    readonly opset: number,
    private readonly taken: Set<string>,
  ) {}

  /** A fresh tensor/node name `train/<hint>_<n>`. */
  fresh(hint: string): string {
    for (;;) {
      this.counter += 1;
      const name = `train/${hint}_${this.counter}`;
      if (!this.taken.has(name)) {
        this.taken.add(name);
        return name;
      }
    }
  }

  /** Reserves an exact name (e.g. a graph output) and returns it, or a variant if taken. */
  reserve(name: string): string {
    if (!this.taken.has(name)) {
      this.taken.add(name);
      return name;
    }
    return this.fresh(name.replace(/^train\//, ''));
  }

  /** Appends a node as is (forward nodes of the source graph). */
  push(node: NodeProto): void {
    this.nodes.push(node);
  }

  /** Appends an op with fresh output names; returns the outputs. */
  op(
    opType: string,
    inputs: string[],
    attrs: Record<string, AttrValue | number | number[] | string> = {},
    outputs = 1,
    hint?: string,
  ): string[] {
    const base = hint ?? opType.toLowerCase();
    const outs = Array.from({ length: outputs }, () => this.fresh(base));
    this.nodes.push({
      opType,
      input: inputs,
      output: outs,
      name: outs[0],
      attribute: Object.entries(attrs).map(([k, v]) => attr(k, v)),
    });
    return outs;
  }

  /** Appends a single-output op; returns its output. */
  one(
    opType: string,
    inputs: string[],
    attrs: Record<string, AttrValue | number | number[] | string> = {},
    hint?: string,
  ): string {
    return this.op(opType, inputs, attrs, 1, hint)[0];
  }

  /** Appends an op writing to a given output name. */
  to(
    output: string,
    opType: string,
    inputs: string[],
    attrs: Record<string, AttrValue | number | number[] | string> = {},
  ): string {
    this.nodes.push({
      opType,
      input: inputs,
      output: [output],
      name: this.fresh(`${opType.toLowerCase()}_node`),
      attribute: Object.entries(attrs).map(([k, v]) => attr(k, v)),
    });
    return output;
  }

  /** A float tensor filled with `value`, shaped like `like` (static constant shape when known). */
  filled(value: number, like: string): string {
    const s = this.shapeOf(like);
    const shape = isStatic(s) ? this.ints(s) : this.shapeTensor(like);
    const data = this.floatType === DataType.DOUBLE ? Float64Array.from([value]) : Float32Array.from([value]);
    return this.one('ConstantOfShape', [shape], { value: { t: rawTensor('value', [1], this.floatType, data) } }, 'filled');
  }

  /** A scalar constant of the graph's float type (cached by value). */
  scalar(value: number): string {
    return this.floatConst([], [value]);
  }

  /** A float constant of the graph's float type with the given dims (cached by value). */
  floatConst(dims: number[], values: number[]): string {
    const key = `f:${dims.join(',')}:${values.join(',')}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const name = this.fresh('const');
    const data = this.floatType === DataType.DOUBLE ? Float64Array.from(values) : Float32Array.from(values);
    this.initializers.push(rawTensor(name, dims, this.floatType, data));
    this.shapes.set(name, dims);
    this.cache.set(key, name);
    return name;
  }

  /** A 1-D int64 constant (cached by value), e.g. axes or a Reshape target. */
  ints(values: number[], dims: number[] = [values.length]): string {
    const key = `i:${dims.join(',')}:${values.join(',')}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const name = this.fresh('ints');
    this.initializers.push(rawTensor(name, dims, DataType.INT64, BigInt64Array.from(values.map((v) => BigInt(v)))));
    this.shapes.set(name, dims);
    this.constInts.set(name, values);
    this.cache.set(key, name);
    return name;
  }

  /** Records the build-time shape of a tensor. */
  setShape(name: string, shape: Shape): void {
    this.shapes.set(name, shape);
  }

  /** Build-time shape of a tensor, if known. */
  shapeOf(name: string): Shape {
    return this.shapes.get(name);
  }

  /** Records known integer values of a tensor (shape constants). */
  setInts(name: string, values: number[]): void {
    this.constInts.set(name, values);
  }

  /** Records known float values of a small tensor (e.g. Dropout's ratio). */
  setFloats(name: string, values: number[]): void {
    this.constFloats.set(name, values);
  }

  /** Known float values of a small tensor, if any. */
  floatsOf(name: string): number[] | undefined {
    return this.constFloats.get(name);
  }

  /** A boolean scalar constant. */
  bool(value: boolean): string {
    const key = `b:${value}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const name = this.fresh('bool');
    this.initializers.push(rawTensor(name, [], DataType.BOOL, Uint8Array.from([value ? 1 : 0])));
    this.shapes.set(name, []);
    this.cache.set(key, name);
    return name;
  }

  /** Creates (without appending) a node writing fresh outputs; returns the node. */
  detached(
    opType: string,
    inputs: string[],
    outputs: string[],
    attrs: Record<string, AttrValue | number | number[] | string> = {},
  ): NodeProto {
    return {
      opType,
      input: inputs,
      output: outputs,
      name: this.fresh(`${opType.toLowerCase()}_node`),
      attribute: Object.entries(attrs).map(([k, v]) => attr(k, v)),
    };
  }

  /** Known integer values of a tensor, if any. */
  intsOf(name: string): number[] | undefined {
    return this.constInts.get(name);
  }

  /** Run-time shape of a tensor (one Shape op per tensor, cached). */
  shapeTensor(x: string): string {
    const key = `shape:${x}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const s = this.one('Shape', [x], {}, 'shape');
    this.cache.set(key, s);
    return s;
  }

  /** ReduceSum over `axes` (all axes when undefined). */
  reduceSum(x: string, axes: number[] | undefined, keepdims: boolean): string {
    if (this.opset >= 13) {
      return this.one('ReduceSum', axes ? [x, this.ints(axes)] : [x], { keepdims: keepdims ? 1 : 0 }, 'sum');
    }
    return this.one('ReduceSum', [x], { keepdims: keepdims ? 1 : 0, ...(axes ? { axes } : {}) }, 'sum');
  }

  /** ReduceMean over `axes` (all axes when undefined). */
  reduceMean(x: string, axes: number[] | undefined, keepdims: boolean): string {
    if (this.opset >= 18) {
      return this.one('ReduceMean', axes ? [x, this.ints(axes)] : [x], { keepdims: keepdims ? 1 : 0 }, 'mean');
    }
    return this.one('ReduceMean', [x], { keepdims: keepdims ? 1 : 0, ...(axes ? { axes } : {}) }, 'mean');
  }

  /** Reshape to a static shape (a constant) or to another tensor's run-time shape. */
  reshapeTo(x: string, target: number[] | string): string {
    const shape = typeof target === 'string' ? this.shapeTensor(target) : this.ints(target);
    return this.one('Reshape', [x, shape], {}, 'reshape');
  }

  /** Reshape `x` to the shape of `like`: static when known, else at run time. */
  reshapeLike(x: string, like: string): string {
    const s = this.shapeOf(like);
    return isStatic(s) ? this.reshapeTo(x, s) : this.reshapeTo(x, like);
  }

  /** Number of elements of `x` as a float scalar: a constant when known, else Size + Cast. */
  floatSize(x: string, shape: Shape): string {
    if (isStatic(shape)) return this.scalar(shape.reduce((a, b) => a * b, 1));
    return this.one('Cast', [this.one('Size', [x])], { to: this.floatType }, 'count');
  }

  /**
   * Sums `dy` (shaped like `dyShape`, the broadcast result) down to the shape of `target`:
   * the gradient of multidirectional broadcasting. Axes are chosen at build time when the
   * shapes decide them, else at run time from Shape ops.
   */
  sumTo(dy: string, dyShape: Shape, target: string): string {
    const tShape = this.shapeOf(target);
    if (dyShape && tShape) {
      const axes = staticReduceAxes(dyShape, tShape);
      if (axes) {
        if (axes.length === 0) return dyShape.length === tShape.length ? dy : this.reshapeLike(dy, target);
        const lead = dyShape.length - tShape.length;
        const onlyLeading = axes.every((a) => a < lead);
        const reduced = this.reduceSum(dy, axes, !onlyLeading);
        return onlyLeading || lead === 0 ? reduced : this.reshapeLike(reduced, target);
      }
    }
    return this.sumToRuntime(dy, dyShape, target, tShape);
  }

  private sumToRuntime(dy: string, dyShape: Shape, target: string, tShape: Shape): string {
    const sx = this.shapeTensor(target);
    let padded = sx;
    if (dyShape && tShape) {
      const lead = dyShape.length - tShape.length;
      if (lead > 0) padded = this.one('Concat', [this.ints(new Array<number>(lead).fill(1)), sx], { axis: 0 }, 'padded_shape');
    } else {
      // Ranks unknown: left-pad the target's shape with ones to the rank of dy.
      const lead = this.one('Sub', [this.one('Size', [this.shapeTensor(dy)]), this.one('Size', [sx])], {}, 'lead');
      const ones = this.one(
        'ConstantOfShape',
        [this.one('Reshape', [lead, this.ints([1])])],
        { value: { t: rawTensor('one', [1], DataType.INT64, BigInt64Array.from([1n])) } },
        'ones',
      );
      padded = this.one('Concat', [ones, sx], { axis: 0 }, 'padded_shape');
    }
    // Reduce every axis where the target has size 1 (reducing an axis of size 1 in dy too is a no-op).
    const mask = this.one('Equal', [padded, this.ints([1], [])], {}, 'bcast_mask');
    const axes = this.one('Reshape', [this.one('NonZero', [mask]), this.ints([-1])], {}, 'bcast_axes');
    const reduced = this.opset >= 13 ? this.one('ReduceSum', [dy, axes], { keepdims: 1, noop_with_empty_axes: 1 }, 'sum') : dy; // unreachable: the builder always writes opset >= 13
    return this.one('Reshape', [reduced, sx], {}, 'sum_to');
  }
}

/**
 * The axes of `dy` to sum so that it takes the shape `t` (numpy broadcasting reversed), or
 * undefined when the shapes do not decide it at build time.
 */
export function staticReduceAxes(dy: Dim[], t: Dim[]): number[] | undefined {
  const lead = dy.length - t.length;
  if (lead < 0) return undefined;
  const axes: number[] = [];
  for (let i = 0; i < dy.length; i++) {
    if (i < lead) {
      axes.push(i);
      continue;
    }
    const dt = t[i - lead];
    const dd = dy[i];
    if (dt === dd) continue;
    if (dt === 1) {
      axes.push(i);
      continue;
    }
    return undefined;
  }
  return axes;
}

/**
 * Drops nodes whose outputs nothing uses (e.g. a final Softmax replaced by the loss, a
 * running statistic nobody reads) and initializers no node reads.
 */
export function pruneGraph(
  nodes: NodeProto[],
  initializers: TensorProto[],
  keep: readonly string[],
): { nodes: NodeProto[]; initializers: TensorProto[] } {
  const needed = new Set(keep);
  const kept: NodeProto[] = [];
  for (let k = nodes.length - 1; k >= 0; k--) {
    const n = nodes[k];
    if (!(n.output ?? []).some((o) => o && needed.has(o))) continue;
    kept.push(n);
    for (const x of n.input ?? []) if (x) needed.add(x);
  }
  kept.reverse();
  return { nodes: kept, initializers: initializers.filter((t) => needed.has(t.name ?? '')) };
}
