/**
 * The one grammar of a shard, `I/N` (1-based, 1 ≤ I ≤ N; blanks around the parts are
 * ignored), shared by the CLI's `--shard` and the action's `shard` input. Each edge words its
 * own error, naming the flag or the input.
 */

/** One shard of N: the models whose 0-based position p has p mod count = index − 1. */
export interface Shard {
  /** 1-based index of this shard. */
  index: number;
  /** Number of shards, ≥ 1. */
  count: number;
}

/** Parses `I/N`; undefined when the text is not that or I is outside 1..N. */
export function tryParseShard(text: string): Shard | undefined {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : undefined;
}

/** Splits models into `count` shares by position; shard `index` (1-based) gets every count-th. */
export function selectShard<T>(items: T[], shard?: Shard): T[] {
  if (!shard || shard.count === 1) return items;
  return items.filter((_, i) => i % shard.count === shard.index - 1);
}
