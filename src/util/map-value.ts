/** Map look-ups of keys the caller has established are there, checked instead of cast. */

/**
 * The value of `key` in `map`; the caller established it is there (a model's initializer by a
 * name the graph uses, a descriptor set on an earlier pass). Absent, it is a bug, not bad input.
 * @throws Error (internal) naming `what` when the key is missing.
 */
export function mapValue<K, V>(map: ReadonlyMap<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`internal: ${what} ${String(key)} is missing`);
  return value;
}
