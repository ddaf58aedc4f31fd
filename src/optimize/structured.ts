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
import { DataType, type GraphProto, type ModelProto, type TensorProto } from '../model/onnx.js';
import { readFloat32, tensorFrom } from './tensors.js';
import { dimsOf, gather, type Seg } from './channel-groups.js';
import { traceChannels } from './channel-trace.js';
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
  const { inits, groups, edits, conflicts } = traceChannels(graph, options.shapes);

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
