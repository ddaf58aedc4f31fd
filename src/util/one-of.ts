/** Membership in a list of string literals that narrows the value, in place of a cast. */

/** Whether `value` is one of `allowed`; narrows it to that union. */
export function isOneOf<T extends string>(allowed: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && allowed.some((a) => a === value);
}
