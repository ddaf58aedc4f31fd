/**
 * The first pass of structured pruning (structured.ts, docs/optimize.md "Structured pruning"):
 * walks the graph in order, starts a channel group at every layer that makes channels, follows
 * the groups through the ops it understands, ties groups that an elementwise op combines, and
 * locks (with the reason) the groups that reach anything else. Records which initializer axes
 * are made of which groups, for the rewrite.
 */
import { attrInt, isDefaultDomain } from '../model/attrs.js';
import { DataType, type GraphProto, type NodeProto, type TensorProto } from '../model/onnx.js';
import { isExternal } from './tensors.js';
import { mapValue } from '../util/map-value.js';
import { dimsOf, Groups, total, type Desc, type Seg } from './channel-groups.js';

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

function label(n: NodeProto): string {
  return `${n.name || n.output?.[0] || '?'} (${n.opType ?? '?'})`;
}

/** What {@link traceChannels} found: the groups, and the initializer axes to slice. */
export interface ChannelTrace {
  inits: Map<string, TensorProto>;
  groups: Groups;
  /** Initializer → dim → the segments that dim is made of. */
  edits: Map<string, Map<number, Seg[]>>;
  /** Initializers that two places would slice on the same dim (left whole, their groups locked). */
  conflicts: string[];
}

/**
 * Follows the channels of every layer through the graph (see the module comment).
 * @param shapes concrete value shapes from one run; without them Flatten and unknown ranks lock.
 */
export function traceChannels(graph: GraphProto, shapes: ReadonlyMap<string, readonly number[]> | undefined): ChannelTrace {
  const inits = new Map((graph.initializer ?? []).map((t) => [t.name ?? '', t] as const));
  const uses = new Map<string, number>();
  for (const n of graph.node ?? []) for (const i of n.input ?? []) if (i) uses.set(i, (uses.get(i) ?? 0) + 1);
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
        const first = present.find((d): d is Desc => d !== undefined);
        if (!first) break;
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
    for (const segs of edits.get(t)?.values() ?? []) groups.lockSegs(segs, `${t} would be sliced twice`);
  }
  return { inits, groups, edits, conflicts };
}
