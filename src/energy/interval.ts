/**
 * The 95% interval of an energy figure, and what it is derived from. For the power-model
 * estimate: the interval its validation measured for the matched case (data/power-curves.json),
 * widened by the run's own spread; for counters: ±1.96 × the meter's stated one-sigma uncertainty.
 */
import { pct } from './power-model.js';
import type { EnergyWindow } from './types.js';

/** An interval as factors of the figure, with one phrase saying where it comes from. */
export interface FigureInterval {
  factors: [number, number];
  basis: string;
}

/**
 * The interval of `window`'s figure. `runRelativeCi95` is the run's own relative 95% half-width
 * (the mean latency's), combined with the model's interval in log space (independent errors).
 * Undefined when the meter states no uncertainty.
 */
export function figureInterval(window: EnergyWindow, runRelativeCi95?: number): FigureInterval | undefined {
  const model = window.method === 'estimate' ? window.estimate?.interval95 : undefined;
  if (model) {
    const run = runRelativeCi95 !== undefined && runRelativeCi95 > 0 ? Math.log1p(runRelativeCi95) : 0;
    const low = Math.exp(-Math.hypot(Math.log(1 / model.factors[0]), run));
    const high = Math.exp(Math.hypot(Math.log(model.factors[1]), run));
    return {
      factors: [low, high],
      basis:
        `${pct(low)}/${pct(high)}, power model: ${model.derivedFrom}` +
        (run > 0 ? `, combined with the run's own spread (mean latency ±${(runRelativeCi95! * 100).toFixed(1)}% at 95%)` : ''),
    };
  }
  if (window.uncertaintyJ === undefined || !(window.energyJ > 0)) return undefined;
  const rel = (1.96 * window.uncertaintyJ) / window.energyJ;
  const factors: [number, number] = [Math.max(0, 1 - rel), 1 + rel];
  return {
    factors,
    basis: window.estimated
      ? `${pct(factors[0])}/${pct(factors[1])}, power model and meters combined (±1.96σ of their stated uncertainties)`
      : `${pct(factors[0])}/${pct(factors[1])}, the meter's stated uncertainty (±1.96σ)`,
  };
}
