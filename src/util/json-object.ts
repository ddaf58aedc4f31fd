/** The check that makes a parsed JSON value (an API answer, a file, a token's claims) readable field by field. */

/** Whether `value` is a JSON object (not null, not an array); its fields are then `unknown`, to be checked one by one. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
