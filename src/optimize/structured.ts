/**
 * Structured pruning: removes whole output neurons of Gemm/MatMul layers and output channels of
 * Conv layers, with everything that depends on them (biases, the next layer's input rows or
 * channels, BatchNormalization parameters, per-channel constants of elementwise ops), so the
 * result is a smaller dense model in standard ONNX with the same inputs and outputs.
 *
 * How (docs/optimize.md, "Structured pruning"): every layer that makes channels starts a
 * channel *group*; walking the graph in order, each value carries which groups its channel
 * axis is made of (a Concat joins their lists, Flatten spreads a channel over its spatial
 * positions). An elementwise op that combines two such values (a residual Add) ties their
 * groups, so one choice of channels is made for both. A value that reaches an op this module
 * does not understand (Reshape, Transpose, Softmax over channels, a graph output, …) *locks* its
 * groups: they keep every channel, and the reason is reported. Pure: ModelProto in, ModelProto out.
 */
import { DataType, type GraphProto, type ModelProto, type NodeProto, type TensorProto } from '../model/onnx.js';
import { isExternal, readFloat32, tensorFrom } from './tensors.js';
import { mapValue } from '../util/map-value.js';

/** Options of {@link pruneStructured}. */
export interface StructuredPruneOptions {
  /** Share of the channels removed from every prunable group, 0 ≤ ratio < 1 (at least one channel stays). */
  ratio: number;
  /**
   * Concrete shapes of the graph's values from one run (src/model/shapes.ts resolveShapes);
   * needed to follow channels through Flatten and to know ranks. Without it those places lock.
   */
  shapes?: ReadonlyMap<string, readonly number[]>;
  /**
   * Per-channel importance measured on activations: for a layer's output value name, the mean
   * |activation| of each channel. When given for a layer, it replaces its weight norms.
   */
  activationImportance?: ReadonlyMap<string, Float64Array>;
  /**
   * Multiplies each channel's score by the norm of the weights that read it in the next layers,
   * so the ranking follows the channel's contribution to what comes next. @default false
   */
  outgoingWeights?: boolean;
  /**
   * Kept channel counts of convolution groups are rounded to the nearest multiple of this, at
   * least one multiple (a group smaller than it stays whole): onnxruntime's CPU provider runs convolutions whose channel
   * counts are multiples of its block size (8 with AVX2, 16 with AVX-512) in its blocked NCHWc
   * layout, and other counts in the plain one, so a count between blocks can cost more than the
   * channels it removes (measured: the example CNN with 6 and 11 channels instead of 8 and 16
   * ran 1.6× slower). Groups of Gemm/MatMul neurons are not rounded. @default 1
   */
  convChannelMultiple?: number;
}

/** One set of layers that share a choice of channels (a layer, or layers tied by a residual Add). */
export interface PrunedGroup {
  /** Names of the layers (nodes) producing these channels. */
  layers: string[];
  channels: number;
  kept: number;
  /** Why every channel was kept; absent when the group was pruned. */
  lockedBecause?: string;
}

/** What {@link pruneStructured} produced. */
export interface StructuredPruneResult {
  model: ModelProto;
  groups: PrunedGroup[];
  /** Initializers rewritten, with their old and new dims. */
  tensors: Array<{ name: string; before: number[]; after: number[] }>;
  /** Parameters (elements of float initializers) before and after. */
  parametersBefore: number;
  parametersAfter: number;
  notes: string[];
}

/** A run of channels on a channel axis: `n` channels of group `group`, each spread over `inner` positions. */
interface Seg {
  group: number;
  n: number;
  inner: number;
}

/** What a value's channel axis is made of. */
interface Desc {
  /** The channel axis (non-negative). */
  axis: number;
  rank: number;
  segs: Seg[];
}

/** A layer producing a group's channels: its weight (sliced on `dim`) and optional bias. */
interface Producer {
  op: string;
  node: string;
  output: string;
  weight: string;
  dim: number;
}

const UNARY = new Set([
  'Relu',
  'LeakyRelu',
  'Sigmoid',
  'Tanh',
  'HardSigmoid',
  'HardSwish',
  'Elu',
  'Selu',
  'Celu',
  'Softplus',
  'Softsign',
  'Gelu',
  'Erf',
  'Exp',
  'Log',
  'Abs',
  'Neg',
  'Sqrt',
  'Reciprocal',
  'Identity',
  'Dropout',
  'Clip',
  'Mish',
  'Floor',
  'Ceil',
  'Round',
  'Sin',
  'Cos',
  'ThresholdedRelu',
  'Shrink',
]);
const POOLS = new Set(['MaxPool', 'AveragePool', 'LpPool', 'GlobalAveragePool', 'GlobalMaxPool', 'GlobalLpPool']);
const ELEMENTWISE = new Set(['Add', 'Sub', 'Mul', 'Div', 'Max', 'Min', 'Sum', 'Mean', 'PRelu', 'Pow']);

function attrInt(n: NodeProto, name: string, fallback: number): number {
  return (n.attribute ?? []).find((a) => a.name === name)?.i ?? fallback;
}

function isDefaultDomain(n: NodeProto): boolean {
  return !n.domain || n.domain === 'ai.onnx';
}

function label(n: NodeProto): string {
  return `${n.name || n.output?.[0] || '?'} (${n.opType ?? '?'})`;
}

function total(segs: readonly Seg[]): number {
  return segs.reduce((s, x) => s + x.n * x.inner, 0);
}

/** Union-find over groups, with the first lock reason of each root. */
class Groups {
  parent: number[] = [];
  size: number[] = [];
  producers: Producer[][] = [];
  lock: Array<string | undefined> = [];
  add(n: number, producer?: Producer): number {
    const id = this.parent.length;
    this.parent.push(id);
    this.size.push(n);
    this.producers.push(producer ? [producer] : []);
    this.lock.push(undefined);
    return id;
  }
  find(g: number): number {
    while (this.parent[g] !== g) {
      this.parent[g] = this.parent[this.parent[g]];
      g = this.parent[g];
    }
    return g;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    this.parent[rb] = ra;
    this.producers[ra].push(...this.producers[rb]);
    this.lock[ra] ??= this.lock[rb];
  }
  /** Locks the groups of the segments (first reason wins; applied to roots at the end too). */
  lockSegs(segs: readonly Seg[], reason: string): void {
    for (const s of segs) this.lock[s.group] ??= reason;
  }
}

/** Dims of an initializer. */
function dimsOf(t: TensorProto): number[] {
  return (t.dims ?? []).map(Number);
}

/** Gathers `keep` indices along `dim` of a row-major tensor. */
function gather(values: Float32Array, dims: readonly number[], dim: number, keep: readonly number[]): Float32Array {
  const outer = dims.slice(0, dim).reduce((a, b) => a * b, 1);
  const inner = dims.slice(dim + 1).reduce((a, b) => a * b, 1);
  const n = dims[dim];
  const out = new Float32Array(outer * keep.length * inner);
  let o = 0;
  for (let a = 0; a < outer; a++) {
    for (const k of keep) {
      const src = (a * n + k) * inner;
      out.set(values.subarray(src, src + inner), o);
      o += inner;
    }
  }
  return out;
}

/**
 * Removes the least important channels of every prunable group (weight L2 norm per output
 * channel, normalised per layer and summed over a group's layers; or measured activation
 * magnitude when given), with everything downstream. Groups that must stay whole are reported
 * with the reason. Does not change the model passed in.
 * @throws Error when the model has no graph.
 */
export function pruneStructured(model: ModelProto, options: StructuredPruneOptions): StructuredPruneResult {
  const graph = model.graph;
  if (!graph) throw new Error('the model has no graph');
  const ratio = options.ratio;
  if (!(ratio >= 0 && ratio < 1)) throw new Error(`structured pruning ratio ${ratio} is not in [0, 1)`);
  const inits = new Map((graph.initializer ?? []).map((t) => [t.name ?? '', t] as const));
  const uses = new Map<string, number>();
  for (const n of graph.node ?? []) for (const i of n.input ?? []) if (i) uses.set(i, (uses.get(i) ?? 0) + 1);
  const shapes = options.shapes;
  const declaredRank = new Map<string, number>();
  for (const v of [...(graph.input ?? []), ...(graph.valueInfo ?? []), ...(graph.output ?? [])]) {
    const dims = v.type?.tensorType?.shape?.dim;
    if (v.name && dims) declaredRank.set(v.name, dims.length);
  }
  const rankOf = (name: string, desc?: Desc): number | undefined =>
    desc?.rank ??
    shapes?.get(name)?.length ??
    declaredRank.get(name) ??
    (inits.has(name) ? dimsOf(mapValue(inits, name, 'the initializer')).length : undefined);

  const groups = new Groups();
  const descs = new Map<string, Desc>();
  /** Initializer → dim → the segments that dim is made of. */
  const edits = new Map<string, Map<number, Seg[]>>();
  const conflicts: string[] = [];
  const edit = (tensor: string, dim: number, segs: Seg[], why: string): boolean => {
    const t = inits.get(tensor);
    if (!t || (t.dataType ?? 0) !== DataType.FLOAT || isExternal(t)) {
      groups.lockSegs(segs, `${why}: ${tensor} is not a float32 initializer stored in the file`);
      return false;
    }
    if ((uses.get(tensor) ?? 0) > 1) {
      groups.lockSegs(segs, `${why}: ${tensor} is shared by several nodes`);
      return false;
    }
    if (dimsOf(t)[dim] !== total(segs)) {
      groups.lockSegs(segs, `${why}: ${tensor} has ${dimsOf(t)[dim]} entries on axis ${dim}, not ${total(segs)}`);
      return false;
    }
    const m = edits.get(tensor) ?? new Map<number, Seg[]>();
    if (m.has(dim)) conflicts.push(tensor);
    m.set(dim, segs);
    edits.set(tensor, m);
    return true;
  };
  const lockInputs = (n: NodeProto, why: string): void => {
    for (const i of n.input ?? []) {
      const d = descs.get(i);
      if (d) groups.lockSegs(d.segs, why);
    }
  };
  /** Starts a group for a layer's output channels; `dim` is the weight's output axis. */
  const produce = (n: NodeProto, weight: string, dim: number, axis: number, rank: number): void => {
    const out = n.output?.[0] ?? '';
    const t = mapValue(inits, weight, 'the initializer');
    const channels = dimsOf(t)[dim];
    const g = groups.add(channels, { op: n.opType ?? '', node: n.name || out, output: out, weight, dim });
    const segs = [{ group: g, n: channels, inner: 1 }];
    edit(weight, dim, segs, `${label(n)}'s weight`);
    descs.set(out, { axis, rank, segs });
  };

  for (const n of graph.node ?? []) {
    const op = isDefaultDomain(n) ? (n.opType ?? '') : `${n.domain}.${n.opType ?? ''}`;
    const ins = n.input ?? [];
    const out = n.output?.[0] ?? '';
    const x = descs.get(ins[0] ?? '');
    const hasSubgraph = (n.attribute ?? []).some((a) => a.g || (a.graphs?.length ?? 0) > 0);
    if (hasSubgraph) {
      lockInputs(n, `${label(n)} reads them`);
      continue;
    }
    switch (op) {
      case 'Conv': {
        const w = inits.get(ins[1] ?? '');
        const group = attrInt(n, 'group', 1);
        if (x && (x.axis !== 1 || group !== 1 || x.segs.some((s) => s.inner !== 1))) {
          groups.lockSegs(x.segs, `${label(n)} reads them${group !== 1 ? ` (grouped convolution, group = ${group})` : ''}`);
        } else if (x && w) edit(ins[1], 1, x.segs, `${label(n)} reads them`);
        else if (x) groups.lockSegs(x.segs, `${label(n)} reads them with a weight computed at run time`);
        if (!w || (w.dataType ?? 0) !== DataType.FLOAT || dimsOf(w).length < 3) break;
        produce(n, ins[1], 0, 1, dimsOf(w).length);
        if (ins[2]) edit(ins[2], 0, mapValue(descs, out, 'the channel descriptor of').segs, `${label(n)}'s bias`);
        break;
      }
      case 'Gemm': {
        const w = inits.get(ins[1] ?? '');
        const transB = attrInt(n, 'transB', 0) === 1;
        const fine = w && (w.dataType ?? 0) === DataType.FLOAT && dimsOf(w).length === 2;
        if (x) {
          if (attrInt(n, 'transA', 0) !== 0 || x.axis !== 1) groups.lockSegs(x.segs, `${label(n)} reads them transposed`);
          else if (!fine) groups.lockSegs(x.segs, `${label(n)} reads them with a weight computed at run time`);
          else edit(ins[1], transB ? 1 : 0, x.segs, `${label(n)} reads them`);
        }
        if (!fine) break;
        produce(n, ins[1], transB ? 0 : 1, 1, 2);
        const c = ins[2] ? inits.get(ins[2]) : undefined;
        const segs = mapValue(descs, out, 'the channel descriptor of').segs;
        if (ins[2] && c) {
          const cd = dimsOf(c);
          if (cd.length > 0 && cd[cd.length - 1] === total(segs)) edit(ins[2], cd.length - 1, segs, `${label(n)}'s bias`);
          else if (cd.length > 0 && cd[cd.length - 1] !== 1)
            groups.lockSegs(segs, `${label(n)}'s bias has shape [${cd.join(', ')}]`);
        } else if (ins[2]) groups.lockSegs(segs, `${label(n)}'s bias is computed at run time`);
        break;
      }
      case 'MatMul': {
        const w = inits.get(ins[1] ?? '');
        const fine = w && (w.dataType ?? 0) === DataType.FLOAT && dimsOf(w).length === 2;
        const rank = rankOf(ins[0], x);
        if (x) {
          if (!fine) groups.lockSegs(x.segs, `${label(n)} reads them with a weight computed at run time`);
          else if (x.axis !== x.rank - 1) groups.lockSegs(x.segs, `${label(n)} reads them on another axis`);
          else edit(ins[1], 0, x.segs, `${label(n)} reads them`);
        }
        if (!fine || rank === undefined || rank < 2) break;
        produce(n, ins[1], 1, rank - 1, rank);
        break;
      }
      case 'BatchNormalization': {
        if (!x) break;
        if (x.axis !== 1 || (n.output?.length ?? 1) > 1) {
          groups.lockSegs(x.segs, `${label(n)} reads them in training mode or on another axis`);
          break;
        }
        let ok = true;
        for (let i = 1; i <= 4; i++) ok = edit(ins[i] ?? '', 0, x.segs, `${label(n)}'s parameters`) && ok;
        if (ok) descs.set(out, x);
        break;
      }
      case 'Flatten': {
        if (!x) break;
        const shape = shapes?.get(ins[0]);
        const axis = attrInt(n, 'axis', 1);
        if (axis !== 1 || x.axis !== 1 || !shape) {
          groups.lockSegs(x.segs, `${label(n)} reads them${shape ? '' : ' (its input shape is not known)'}`);
          break;
        }
        const spatial = shape.slice(2).reduce((a, b) => a * b, 1);
        descs.set(out, { axis: 1, rank: 2, segs: x.segs.map((s) => ({ ...s, inner: s.inner * spatial })) });
        break;
      }
      case 'Concat': {
        const present = ins.map((i) => descs.get(i));
        if (!present.some(Boolean)) break;
        const first = present.find(Boolean) as Desc;
        const axis = attrInt(n, 'axis', 0);
        const normAxis = axis < 0 ? axis + first.rank : axis;
        if (normAxis === first.axis) {
          // Channels are concatenated: inputs without a group of their own get a locked one.
          const segs: Seg[] = [];
          let ok = true;
          ins.forEach((i, k) => {
            const d = present[k];
            if (d) {
              if (d.axis !== first.axis) ok = false;
              segs.push(...d.segs);
              return;
            }
            const c =
              shapes?.get(i)?.[normAxis] ?? (inits.has(i) ? dimsOf(mapValue(inits, i, 'the initializer'))[normAxis] : undefined);
            if (c === undefined) {
              ok = false;
              return;
            }
            const g = groups.add(c);
            groups.lock[g] = `${i} is not made by a prunable layer`;
            segs.push({ group: g, n: c, inner: 1 });
          });
          if (!ok) {
            lockInputs(n, `${label(n)} joins them with inputs of unknown width`);
            break;
          }
          descs.set(out, { ...first, segs });
        } else {
          lockInputs(n, `${label(n)} concatenates them on another axis`);
        }
        break;
      }
      default: {
        if (UNARY.has(op) || POOLS.has(op)) {
          if (!x) break;
          if (POOLS.has(op) && x.axis !== 1) {
            groups.lockSegs(x.segs, `${label(n)} pools them on another axis`);
            break;
          }
          // MaxPool's indices output and Dropout's mask are not followed.
          if ((n.output?.length ?? 1) > 1 && n.output?.slice(1).some((o) => o && uses.has(o))) {
            groups.lockSegs(x.segs, `${label(n)}'s second output reads them`);
            break;
          }
          const extra = ins.slice(1).filter((i) => i && descs.has(i));
          for (const e of extra)
            groups.lockSegs(mapValue(descs, e, 'the channel descriptor of').segs, `${label(n)} reads them as a parameter`);
          descs.set(out, x);
          break;
        }
        if (ELEMENTWISE.has(op)) {
          elementwise(n);
          break;
        }
        lockInputs(n, `${label(n)} reads them`);
      }
    }
  }

  function elementwise(n: NodeProto): void {
    const ins = n.input ?? [];
    const out = n.output?.[0] ?? '';
    const withDesc = ins.map((i) => descs.get(i));
    const first = withDesc.find(Boolean);
    if (!first) return;
    const outRank = Math.max(...ins.map((i, k) => rankOf(i, withDesc[k]) ?? 0), first.rank);
    const fromEnd = first.rank - first.axis;
    const outAxis = outRank - fromEnd;
    let ok = true;
    ins.forEach((i, k) => {
      const d = withDesc[k];
      if (d) {
        const same =
          d.rank - d.axis === fromEnd &&
          d.segs.length === first.segs.length &&
          d.segs.every((s, j) => s.n === first.segs[j].n && s.inner === first.segs[j].inner);
        if (!same) ok = false;
        return;
      }
      // A tensor without channels of its own broadcasts along the channel axis, or carries one value per channel.
      const dims = inits.has(i) ? dimsOf(mapValue(inits, i, 'the initializer')) : shapes?.get(i);
      if (!dims) {
        ok = false;
        return;
      }
      const at = dims.length - fromEnd;
      if (at < 0 || dims[at] === 1) return;
      if (inits.has(i) && dims[at] === total(first.segs)) {
        if (!edit(i, at, first.segs, `${label(n)}'s per-channel ${i}`)) ok = false;
        return;
      }
      ok = false;
    });
    if (!ok) {
      lockInputs(n, `${label(n)} combines them with values that cannot be sliced`);
      return;
    }
    // A residual Add (or any elementwise op on two channel values) ties their groups channel by channel.
    for (const d of withDesc) if (d && d !== first) d.segs.forEach((s, j) => groups.union(first.segs[j].group, s.group));
    descs.set(out, { axis: outAxis, rank: outRank, segs: first.segs });
  }

  for (const o of graph.output ?? []) {
    const d = descs.get(o.name ?? '');
    if (d) groups.lockSegs(d.segs, `they reach the graph output ${o.name ?? ''}`);
  }
  for (const t of conflicts) {
    for (const segs of (edits.get(t) as Map<number, Seg[]>).values()) groups.lockSegs(segs, `${t} would be sliced twice`);
  }

  // Settle locks on the roots, then choose the channels of every unlocked root.
  for (let g = 0; g < groups.parent.length; g++) {
    const r = groups.find(g);
    if (groups.lock[g] && !groups.lock[r]) groups.lock[r] = groups.lock[g];
  }
  const order = new Map<string, number>();
  (graph.node ?? []).forEach((n, i) => order.set(n.output?.[0] ?? '', i));
  const kept = new Map<number, number[]>();
  const report: PrunedGroup[] = [];
  for (let g = 0; g < groups.parent.length; g++) {
    if (groups.find(g) !== g) continue;
    const n = groups.size[g];
    const all = Array.from({ length: n }, (_, i) => i);
    const producers = groups.producers[g];
    if (producers.length === 0) {
      kept.set(g, all);
      continue;
    }
    // In graph order, whichever way the unions went.
    producers.sort((a, b) => (order.get(a.output) ?? 0) - (order.get(b.output) ?? 0));
    const layers = producers.map((p) => p.node);
    const reason = groups.lock[g];
    const conv = producers.every((p) => p.op === 'Conv');
    const multiple = conv ? Math.max(1, Math.floor(options.convChannelMultiple ?? 1)) : 1;
    // The nearest multiple (never none), so a layer of 16 keeps 8 or 16 when asked to keep 11.
    const wanted = Math.max(1, n - Math.round(ratio * n));
    const keepCount =
      multiple > 1 && n >= multiple
        ? Math.min(n, Math.max(multiple, Math.round(wanted / multiple) * multiple))
        : multiple > 1
          ? n
          : wanted;
    if (reason || keepCount === n) {
      kept.set(g, all);
      report.push({ layers, channels: n, kept: n, ...(reason ? { lockedBecause: reason } : {}) });
      continue;
    }
    const score = new Float64Array(n);
    for (const p of producers) {
      const measured = options.activationImportance?.get(p.output);
      let s: Float64Array;
      if (measured && measured.length === n) s = measured;
      else {
        const t = mapValue(inits, p.weight, 'the initializer');
        const dims = dimsOf(t);
        const values = readFloat32(t);
        const inner = dims.slice(p.dim + 1).reduce((a, b) => a * b, 1);
        s = new Float64Array(n);
        for (let i = 0; i < values.length; i++) s[Math.floor(i / inner) % n] += values[i] * values[i];
        for (let c = 0; c < n; c++) s[c] = Math.sqrt(s[c]);
      }
      // Normalised per layer, so a layer with larger weights does not decide alone.
      const mean = s.reduce((a, b) => a + b, 0) / n || 1;
      for (let c = 0; c < n; c++) score[c] += s[c] / mean;
    }
    if (options.outgoingWeights) {
      const out = outgoingNorms(g, n);
      if (out) for (let c = 0; c < n; c++) score[c] *= out[c];
    }
    // Highest scores stay; ties keep the lower index; kept channels stay in their original order.
    const ranked = all.slice().sort((a, b) => score[b] - score[a] || a - b);
    kept.set(
      g,
      ranked.slice(0, keepCount).sort((a, b) => a - b),
    );
    report.push({ layers, channels: n, kept: keepCount });
  }

  /**
   * Per channel of group `g`, the L2 norm of the weights that read it in the next layers (Conv
   * input channels, Gemm/MatMul input rows), normalised per layer and summed; undefined when
   * nothing reads it through a weight.
   */
  function outgoingNorms(g: number, n: number): Float64Array | undefined {
    const own = new Set(groups.producers[g].map((p) => `${p.weight}#${p.dim}`));
    let found = false;
    const total = new Float64Array(n);
    for (const [name, byDim] of edits) {
      const t = mapValue(inits, name, 'the initializer');
      const dims = dimsOf(t);
      if (dims.length < 2) continue;
      for (const [dim, segs] of byDim) {
        if (own.has(`${name}#${dim}`)) continue;
        const inner = dims.slice(dim + 1).reduce((a, b) => a * b, 1);
        const values = readFloat32(t);
        const perIndex = new Float64Array(dims[dim]);
        for (let i = 0; i < values.length; i++) perIndex[Math.floor(i / inner) % dims[dim]] += values[i] * values[i];
        const s = new Float64Array(n);
        let offset = 0;
        let hit = false;
        for (const seg of segs) {
          if (groups.find(seg.group) === g) {
            hit = true;
            for (let c = 0; c < seg.n; c++) for (let j = 0; j < seg.inner; j++) s[c] += perIndex[offset + c * seg.inner + j];
          }
          offset += seg.n * seg.inner;
        }
        if (!hit) continue;
        found = true;
        for (let c = 0; c < n; c++) s[c] = Math.sqrt(s[c]);
        const mean = s.reduce((a, b) => a + b, 0) / n || 1;
        for (let c = 0; c < n; c++) total[c] += s[c] / mean;
      }
    }
    return found ? total : undefined;
  }

  const indices = (segs: readonly Seg[]): number[] => {
    const out: number[] = [];
    let offset = 0;
    for (const s of segs) {
      for (const c of kept.get(groups.find(s.group)) ?? []) for (let j = 0; j < s.inner; j++) out.push(offset + c * s.inner + j);
      offset += s.n * s.inner;
    }
    return out;
  };
  const replaced = new Map<string, TensorProto>();
  const tensors: StructuredPruneResult['tensors'] = [];
  for (const [name, byDim] of edits) {
    if (conflicts.includes(name)) continue;
    const t = mapValue(inits, name, 'the initializer');
    let dims = dimsOf(t);
    const before = dims.slice();
    let values = readFloat32(t);
    for (const [dim, segs] of byDim) {
      const keep = indices(segs);
      if (keep.length === dims[dim]) continue;
      values = gather(values, dims, dim, keep);
      dims = dims.map((d, i) => (i === dim ? keep.length : d));
    }
    if (dims.every((d, i) => d === before[i])) continue;
    replaced.set(name, tensorFrom(name, dims, DataType.FLOAT, values));
    tensors.push({ name, before, after: dims });
  }
  const count = (list: readonly TensorProto[]): number =>
    list.filter((t) => (t.dataType ?? 0) === DataType.FLOAT).reduce((s, t) => s + dimsOf(t).reduce((a, b) => a * b, 1), 0);
  const initializer = (graph.initializer ?? []).map((t) => replaced.get(t.name ?? '') ?? t);
  const outputs = new Set((graph.output ?? []).map((o) => o.name ?? ''));
  const newGraph: GraphProto = {
    ...graph,
    initializer,
    // Shapes of intermediate values changed: value_info is optional, so it is dropped rather than kept stale.
    valueInfo: (graph.valueInfo ?? []).filter((v) => outputs.has(v.name ?? '')),
    // Old exporters list initializers among the inputs too: their dims follow.
    input: (graph.input ?? []).map((v) => {
      const r = replaced.get(v.name ?? '');
      if (!r || !v.type?.tensorType) return v;
      const dim = (r.dims ?? []).map((d) => ({ dimValue: Number(d) }));
      return { ...v, type: { ...v.type, tensorType: { ...v.type.tensorType, shape: { dim } } } };
    }),
  };
  const notes: string[] = [];
  const locked = report.filter((g) => g.lockedBecause);
  for (const g of locked) notes.push(`${g.layers.join(', ')}: kept all ${g.channels} channels, ${g.lockedBecause}.`);
  return {
    model: { ...model, graph: newGraph },
    groups: report,
    tensors,
    parametersBefore: count(graph.initializer ?? []),
    parametersAfter: count(initializer),
    notes,
  };
}
