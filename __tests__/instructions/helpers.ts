/** Test-only helpers for the Callgrind reader (not used by the product). */
import type { CallgrindPart } from '../../src/instructions/callgrind.js';

/** The sum of every part's totals, by event. */
export function sumParts(parts: readonly CallgrindPart[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of parts) for (const [k, v] of Object.entries(p.totals)) out[k] = (out[k] ?? 0) + v;
  return out;
}
