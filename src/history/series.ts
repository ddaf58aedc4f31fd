/**
 * Series for the charts and statistics: one per model and metric, over the history records
 * (oldest first), with a break wherever the environment behind the figure changed. Pure.
 */
import { mean, median, stdev, tQuantile } from '../util/stats.js';
import type { ComparisonResult } from '../compare/types.js';
import type { EnvironmentInfo } from '../report/types.js';
import type { HistoryMetric, HistoryModel, HistoryRecord } from './record.js';

export interface SeriesPoint {
  /** Position in the window, 0-based. */
  index: number;
  sha: string;
  createdAt: string;
  value: number;
  /** The absolute budget limit at that run, when there was one. */
  limit?: number;
}

export interface SeriesBreak {
  /** The first point after the change. */
  index: number;
  /** What changed, e.g. `onnxruntime 1.29.0 → 1.30.0`. */
  what: string;
}

export interface Series {
  model: string;
  metric: HistoryMetric;
  points: SeriesPoint[];
  breaks: SeriesBreak[];
  /** How the figures were obtained (the energy meter), for energy metrics. */
  method?: string;
}

/** Metrics whose figures depend on the machine and runtime (a break when those change). */
export function isMeasuredMetric(metric: HistoryMetric): boolean {
  return !['model-size', 'parameters', 'flops'].includes(metric);
}

function meterOf(metric: HistoryMetric, m: HistoryModel): string | undefined {
  if (metric === 'energy-per-inference') return m.energyMethod;
  if (metric === 'energy-per-training-step') return m.trainingEnergyMethod;
  return undefined;
}

/** The environment a figure depends on, as named parts (CPU, onnxruntime, device, meter). */
export function environmentParts(
  env: Pick<EnvironmentInfo, 'cpu' | 'onnxruntime' | 'device' | 'gpu'>,
  meter: string | undefined,
): Record<string, string> {
  return {
    CPU: env.cpu ?? '',
    onnxruntime: env.onnxruntime ?? '',
    device: `${env.device ?? 'cpu'}${env.gpu ? ` (${env.gpu})` : ''}`,
    ...(meter !== undefined ? { meter } : {}),
  };
}

/** What differs between two environments, `''` when nothing does. */
export function describeChange(a: Record<string, string>, b: Record<string, string>): string {
  const out: string[] = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if ((a[key] ?? '') !== (b[key] ?? '')) out.push(`${key} ${a[key] || '(none)'} → ${b[key] || '(none)'}`);
  }
  return out.join(', ');
}

/**
 * The series of one model's metric over the last `window` records that have it. A break is
 * placed where CPU, onnxruntime, device or (for energy) the meter changed; size, parameters
 * and FLOPs do not depend on the machine and have no breaks.
 */
export function buildSeries(records: readonly HistoryRecord[], model: string, metric: HistoryMetric, window: number): Series {
  const rows: Array<{ r: HistoryRecord; m: HistoryModel; value: number }> = [];
  for (const r of records) {
    const m = r.models.find((x) => x.name === model);
    const value = m?.metrics[metric];
    if (m && value !== undefined) rows.push({ r, m, value });
  }
  const last = rows.slice(Math.max(0, rows.length - Math.max(1, window)));
  const points: SeriesPoint[] = [];
  const breaks: SeriesBreak[] = [];
  let prev: Record<string, string> | undefined;
  for (const [index, { r, m, value }] of last.entries()) {
    const limit = m.limits[metric];
    points.push({ index, sha: r.sha, createdAt: r.createdAt, value, ...(limit !== undefined ? { limit } : {}) });
    if (isMeasuredMetric(metric)) {
      const env = environmentParts(r.environment, meterOf(metric, m));
      const what = prev ? describeChange(prev, env) : '';
      if (what) breaks.push({ index, what });
      prev = env;
    }
  }
  const method = last.length ? meterOf(metric, last[last.length - 1].m) : undefined;
  return { model, metric, points, breaks, ...(method ? { method } : {}) };
}

/** The points after the last break: those measured in the newest environment. */
export function lastSegment(series: Series): SeriesPoint[] {
  const start = series.breaks.length ? series.breaks[series.breaks.length - 1].index : 0;
  return series.points.slice(start);
}

/** Where the pull request's head sits against the recent trend. */
export interface TrendPosition {
  /** Runs behind the median (after the last environment break). */
  runs: number;
  median: number;
  /** head / median − 1. */
  change: number;
}

/** The head against the median of the newest segment; undefined with no usable point. */
export function trendPosition(series: Series, head: number): TrendPosition | undefined {
  const seg = lastSegment(series).map((p) => p.value);
  if (seg.length === 0 || !Number.isFinite(head)) return undefined;
  const med = median(seg);
  if (!(med > 0)) return undefined;
  return { runs: seg.length, median: med, change: head / med - 1 };
}

/** Fewest history runs behind a prediction interval. */
export const MIN_HISTORY_RUNS = 5;

/**
 * The comparison of one new run with `history` (values of earlier runs of the same metric, all
 * positive), for `baseline: history`.
 *
 * Run-to-run spread is modelled on the log scale: log x_i ~ N(μ, σ²) independently, with μ and
 * σ estimated from the history. A new run from the same distribution then satisfies
 * (log x_new − m) / (s·√(1 + 1/n)) ~ t_{n−1}, the classical prediction interval for one future
 * observation (e.g. Hahn & Meeker, *Statistical Intervals*, 1991, §4.7). Shifting it by the head
 * gives an interval for the head's change against the history's geometric mean,
 * exp(log x_head − m ± t_{0.975,n−1}·s·√(1 + 1/n)) − 1, which budgets.ts classifies against the
 * allowed change like the same-job comparison's interval. Returns undefined below
 * MIN_HISTORY_RUNS runs or for non-positive values.
 */
export function historyComparison(history: readonly number[], head: number): ComparisonResult | undefined {
  const n = history.length;
  if (n < MIN_HISTORY_RUNS || !(head > 0) || history.some((v) => !(v > 0))) return undefined;
  const logs = history.map(Math.log);
  const m = mean(logs);
  const s = stdev(logs);
  const half = tQuantile(0.975, n - 1) * s * Math.sqrt(1 + 1 / n);
  const d = Math.log(head) - m;
  return {
    verdict: 'inconclusive',
    estimate: Math.exp(d) - 1,
    changeCi95: [Math.exp(d - half) - 1, Math.exp(d + half) - 1],
    method: `against ${n} earlier default-branch runs (95% prediction interval of one run on the log scale; crosses runs and machines)`,
    rounds: n,
    // Two runs from the history's distribution differ by up to this much (95%).
    roundSpread95: Math.expm1(1.96 * Math.SQRT2 * s),
  };
}

/** The geometric mean of positive values (the history's baseline for a noisy metric). */
export function geometricMean(values: readonly number[]): number {
  return Math.exp(mean(values.map(Math.log)));
}
