/**
 * The bookkeeping of structured pruning (structured.ts): which groups of channels a value's
 * channel axis is made of, the union-find that ties groups together, and slicing a tensor.
 */
import type { TensorProto } from '../model/onnx.js';

/** A run of channels on a channel axis: `n` channels of group `group`, each spread over `inner` positions. */
export interface Seg {
  group: number;
  n: number;
  inner: number;
}

/** What a value's channel axis is made of. */
export interface Desc {
  /** The channel axis (non-negative). */
  axis: number;
  rank: number;
  segs: Seg[];
}

/** A layer producing a group's channels: its weight (sliced on `dim`) and optional bias. */
export interface Producer {
  op: string;
  node: string;
  output: string;
  weight: string;
  dim: number;
}

export function total(segs: readonly Seg[]): number {
  return segs.reduce((s, x) => s + x.n * x.inner, 0);
}

/** Union-find over groups, with the first lock reason of each root. */
export class Groups {
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
export function dimsOf(t: TensorProto): number[] {
  return (t.dims ?? []).map(Number);
}

/** Gathers `keep` indices along `dim` of a row-major tensor. */
export function gather(values: Float32Array, dims: readonly number[], dim: number, keep: readonly number[]): Float32Array {
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
