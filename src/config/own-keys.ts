/** The keys of a record whose key type is a union of string literals, typed as that union. */

/** `Object.keys` of a record keyed by `K`, narrowed to `K` by an own-key check (no cast). */
export function ownKeys<K extends string>(record: Readonly<Record<K, unknown>>): K[] {
  return Object.keys(record).filter((key): key is K => Object.hasOwn(record, key));
}
