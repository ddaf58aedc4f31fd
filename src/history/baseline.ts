/**
 * `baseline: history`: the head compared with the last runs on the default branch instead of a
 * base measured in the same job. Pure.
 *
 * Deterministic metrics (size, parameters, FLOPs) are compared with the newest run exactly.
 * Measured metrics are compared by a prediction interval built from the runs after the newest
 * environment break (series.ts `historyComparison`), so the verdict accounts for the
 * run-to-run spread that the history itself shows, not for one job's noise.
 */
import type { MetricKey } from '../config/types.js';
import type { ComparisonResult } from '../compare/types.js';
import { HISTORY_METRICS, type HistoryRecord } from './record.js';
import { buildSeries, geometricMean, historyComparison, isMeasuredMetric, lastSegment, MIN_HISTORY_RUNS } from './series.js';

export interface HistoryBaseline {
  /** The baseline value per metric: the newest run's (deterministic) or the geometric mean. */
  metrics: Partial<Record<MetricKey, number>>;
  comparisons: Partial<Record<MetricKey, ComparisonResult>>;
  /** Runs behind the measured metrics' comparisons (after the newest break). */
  runs: number;
  notes: string[];
}

/**
 * The baseline of one model from the history, or null when the model has no run there.
 * `head` holds the head's metric values (base units).
 */
export function historyBaselineFor(
  records: readonly HistoryRecord[],
  model: string,
  head: Partial<Record<MetricKey, number>>,
  window: number,
): HistoryBaseline | null {
  const out: HistoryBaseline = { metrics: {}, comparisons: {}, runs: 0, notes: [] };
  let found = false;
  for (const metric of HISTORY_METRICS) {
    const series = buildSeries(records, model, metric, window);
    if (!series.points.length) continue;
    found = true;
    if (!isMeasuredMetric(metric)) {
      out.metrics[metric] = series.points[series.points.length - 1].value;
      continue;
    }
    const seg = lastSegment(series).map((p) => p.value);
    out.runs = Math.max(out.runs, seg.length);
    if (seg.every((v) => v > 0)) out.metrics[metric] = geometricMean(seg);
    const h = head[metric];
    const cmp = h !== undefined ? historyComparison(seg, h) : undefined;
    if (cmp) out.comparisons[metric] = cmp;
    else if (h !== undefined && seg.length < MIN_HISTORY_RUNS)
      out.notes.push(
        `${metric}: only ${seg.length} run${seg.length === 1 ? '' : 's'} in the history since the last environment change (at least ${MIN_HISTORY_RUNS} give an interval); compared by point values`,
      );
  }
  return found ? out : null;
}
