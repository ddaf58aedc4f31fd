/**
 * Which figures of a report are estimates, and the words that say so. Every output (terminal,
 * Markdown, JUnit, annotations, the action's outputs) labels an estimated figure through these
 * helpers, so an estimate never reads as a measurement anywhere.
 */
import type { ModelReport } from './types.js';

/** Whether a budget metric is an energy or carbon figure (carbon is derived from energy). */
export function isEnergyMetric(metric: unknown): boolean {
  if (typeof metric !== 'string') return false;
  const m = metric.startsWith('regression.') ? metric.slice('regression.'.length) : metric;
  return m.startsWith('energy') || m.startsWith('carbon') || m === 'training-energy-total' || m === 'training-carbon-total';
}

function isTrainingMetric(metric: string): boolean {
  return metric.includes('training');
}

/**
 * Whether a metric's figure in this model comes from a power model. Anything not explicitly a
 * measurement counts as an estimate: `estimated` missing, or a method called "estimate".
 * Non-energy metrics (size, FLOPs, latency) are never estimates.
 */
export function isEstimatedFigure(m: Pick<ModelReport, 'inference' | 'training'>, metric: unknown): boolean {
  if (!isEnergyMetric(metric)) return false;
  const e = isTrainingMetric(String(metric)) ? m.training?.energy : m.inference?.energy;
  if (!e || typeof e !== 'object') return true;
  return e.estimated !== false || (typeof e.method === 'string' && e.method.includes('estimate'));
}

/** The words appended to an estimated figure in plain-text outputs. */
export const ESTIMATED_WORDS = 'estimated with a power model, not measured';

/** `" (estimated with a power model, not measured)"` for an estimated figure, else `""`. */
export function estimatedSuffix(m: Pick<ModelReport, 'inference' | 'training'>, metric: unknown): string {
  return isEstimatedFigure(m, metric) ? ` (${ESTIMATED_WORDS})` : '';
}

/**
 * One line per model whose energy figures are estimates, e.g.
 * `classifier: inference energy estimated with a power model (estimate), not measured`;
 * empty when every figure is measured. Used for the action's `estimated` output.
 */
export function estimatedFiguresText(models: readonly ModelReport[]): string {
  const lines: string[] = [];
  for (const m of models) {
    for (const [label, e] of [
      ['inference energy', m.inference?.energy],
      ['training energy', m.training?.energy],
    ] as const) {
      if (!e) continue;
      if (isEstimatedFigure(m, label === 'inference energy' ? 'energy-per-inference' : 'energy-per-training-step')) {
        lines.push(`${m.name}: ${label} estimated with a power model (${e.method}), not measured`);
      }
    }
  }
  return lines.join('\n');
}
