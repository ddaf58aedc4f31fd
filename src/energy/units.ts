/**
 * Per-unit energy for budgets: joules per inference, per sample, per training step, per 1,000
 * inferences are the window's joules divided by a count.
 */
import type { EnergyWindow } from './types.js';

/**
 * Joules per unit: `window.energyJ / count` (gross), or the attributable energy when
 * `attributable` is set and known. Returns NaN for a count ≤ 0.
 */
export function joulesPer(window: EnergyWindow, count: number, attributable = false): number {
  if (!(count > 0)) return Number.NaN;
  const j = attributable && window.attributableJ !== undefined ? window.attributableJ : window.energyJ;
  return j / count;
}

/** True when any part of the window's figure comes from a power model. */
export function isEstimated(window: EnergyWindow): boolean {
  return window.estimated === true || window.method.includes('estimate');
}
