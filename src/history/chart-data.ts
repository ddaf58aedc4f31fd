/**
 * What one chart shows, independent of how it is drawn (Mermaid in Markdown, SVG in HTML):
 * the history series, the limit, the head point, and a display unit. Pure.
 */
import type { Report } from '../report/types.js';
import { CHARTED_METRICS, toRecord, type HistoryMetric, type HistoryRecord } from './record.js';
import { buildSeries, trendPosition, type Series, type TrendPosition } from './series.js';

export const METRIC_TITLE: Record<HistoryMetric, string> = {
  'model-size': 'Model size',
  parameters: 'Parameters',
  flops: 'FLOPs per call',
  'latency-p50': 'Latency p50',
  'latency-p95': 'Latency p95',
  throughput: 'Throughput',
  'energy-per-inference': 'Energy per inference',
  'energy-per-training-step': 'Energy per training step',
  'training-step-time': 'Training step time',
};

/** A display unit: values are divided by `factor`. */
export interface DisplayUnit {
  label: string;
  factor: number;
}

const UNITS: Record<string, DisplayUnit[]> = {
  joules: [
    { label: 'µJ', factor: 1e-6 },
    { label: 'mJ', factor: 1e-3 },
    { label: 'J', factor: 1 },
  ],
  seconds: [
    { label: 'µs', factor: 1e-6 },
    { label: 'ms', factor: 1e-3 },
    { label: 's', factor: 1 },
  ],
  bytes: [
    { label: 'B', factor: 1 },
    { label: 'kB', factor: 1e3 },
    { label: 'MB', factor: 1e6 },
    { label: 'GB', factor: 1e9 },
  ],
  count: [
    { label: '', factor: 1 },
    { label: 'k', factor: 1e3 },
    { label: 'M', factor: 1e6 },
    { label: 'G', factor: 1e9 },
  ],
};

function unitFamily(metric: HistoryMetric): string {
  if (metric.startsWith('energy')) return 'joules';
  if (metric.startsWith('latency') || metric === 'training-step-time') return 'seconds';
  if (metric === 'model-size') return 'bytes';
  return 'count';
}

/** The largest unit in which `max` is at least 1 (so axis values read 0.5–999). */
export function displayUnit(metric: HistoryMetric, max: number): DisplayUnit {
  const family = UNITS[unitFamily(metric)];
  let chosen = family[0];
  for (const u of family) if (max / u.factor >= 1) chosen = u;
  return chosen;
}

export interface ChartData {
  model: string;
  metric: HistoryMetric;
  title: string;
  series: Series;
  /** The pull request's head value, when there is one. */
  head?: number;
  /** The head's limit (this pull request's budget file), else the newest run's. */
  limit?: number;
  /**
   * The limit is over 3× the largest figure: drawing it would flatten the trend into the
   * x-axis, so it is named in the title instead of drawn.
   */
  limitOffChart?: boolean;
  unit: DisplayUnit;
  /** How energy was obtained (`estimate`, `rapl`, …), for energy metrics. */
  method?: string;
  trend?: TrendPosition;
}

/**
 * The charts for a set of models: for each model in `head` (or, without a head, in the newest
 * record) and each charted metric that has history or a head value.
 */
export function chartsFor(records: readonly HistoryRecord[], head: Report | undefined, window: number): ChartData[] {
  const headRecord = head ? toRecord(head, { sha: 'head', ref: 'head' }) : undefined;
  const names = headRecord
    ? headRecord.models.map((m) => m.name)
    : (records[records.length - 1]?.models.map((m) => m.name) ?? []);
  const out: ChartData[] = [];
  for (const model of names) {
    const hm = headRecord?.models.find((m) => m.name === model);
    for (const metric of CHARTED_METRICS) {
      const series = buildSeries(records, model, metric, window);
      const headValue = hm?.metrics[metric];
      if (series.points.length === 0 && headValue === undefined) continue;
      const limit = hm ? hm.limits[metric] : series.points[series.points.length - 1]?.limit;
      const values = [...series.points.map((p) => p.value), ...(headValue !== undefined ? [headValue] : [])];
      const dataMax = Math.max(...values.map(Math.abs));
      const limitOffChart = limit !== undefined && limit > 3 * dataMax;
      if (limit !== undefined && !limitOffChart) values.push(limit);
      const method =
        metric === 'energy-per-inference'
          ? (hm?.energyMethod ?? series.method)
          : metric === 'energy-per-training-step'
            ? (hm?.trainingEnergyMethod ?? series.method)
            : undefined;
      out.push({
        model,
        metric,
        title: METRIC_TITLE[metric],
        series,
        ...(headValue !== undefined ? { head: headValue } : {}),
        ...(limit !== undefined ? { limit } : {}),
        ...(limitOffChart ? { limitOffChart } : {}),
        unit: displayUnit(metric, Math.max(...values.map(Math.abs))),
        ...(method ? { method } : {}),
        ...(headValue !== undefined && series.points.length ? { trend: trendPosition(series, headValue) } : {}),
      });
    }
  }
  return out;
}

/** The limit when it is drawn (not off the chart). */
export function drawnLimit(c: ChartData): number | undefined {
  return c.limitOffChart ? undefined : c.limit;
}

/** A value in the chart's unit, 4 significant digits. */
export function scaled(value: number, unit: DisplayUnit): number {
  return Number((value / unit.factor).toPrecision(4));
}
