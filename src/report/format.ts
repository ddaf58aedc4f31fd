/**
 * Human-readable figures for tables and comments: each metric in its natural unit with an SI
 * prefix chosen by magnitude ("1.23 ms", "418 kB", "8.27 MFLOP"), written the way the budget
 * file accepts them (src/config/units.ts formats both).
 */
import { formatQuantity, type QuantityKind } from '../config/units.js';

/** Display kinds (base units) and the budget file's quantity kinds that format them. */
const KIND_OF = {
  bytes: 'bytes',
  count: 'count',
  flops: 'flops',
  joules: 'energy',
  seconds: 'time',
  grams: 'carbon',
  rate: 'throughput',
  fraction: 'percent',
} as const satisfies Record<string, QuantityKind>;
type DisplayKind = keyof typeof KIND_OF;

/** The kind of base unit each metric is stored in. */
export function metricUnit(metric: string): DisplayKind {
  if (metric === 'model-size' || metric === 'peak-memory' || metric === 'peak-gpu-memory') return 'bytes';
  if (metric === 'parameters') return 'count';
  if (metric === 'flops') return 'flops';
  if (metric.startsWith('energy') || metric === 'training-energy-total') return 'joules';
  if (metric.startsWith('latency') || metric === 'training-step-time') return 'seconds';
  if (metric.startsWith('carbon') || metric.endsWith('carbon-total')) return 'grams';
  if (metric === 'throughput') return 'rate';
  return 'count';
}

/** Formats a number with 3 significant digits (no exponent for ordinary magnitudes). */
export function sig3(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1000) return Math.round(x).toString();
  return Number(x.toPrecision(3)).toString();
}

/** Formats a value stored in base units, e.g. formatValue(0.00123, 'seconds') → "1.23 ms". */
export function formatValue(value: number, kind: DisplayKind): string {
  return formatQuantity(value, KIND_OF[kind]);
}

/** Formats a metric's value in its unit. */
export function formatMetric(metric: string, value: number): string {
  return formatValue(value, metricUnit(metric));
}

/** Formats a relative change: +4.2%, −1.0%. */
export function formatChange(fraction: number): string {
  if (!Number.isFinite(fraction)) return 'n/a';
  const pct = fraction * 100;
  const text = sig3(Math.abs(pct));
  return `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${text}%`;
}

/**
 * A limit as written in the budget file, for budget-change listings: `regression.<metric>`
 * limits in percent when relative ("2%"), else in the metric's unit ("5 MB").
 */
export function formatLimit(metric: string, value: number, relative?: boolean): string {
  const isRegression = metric.startsWith('regression.');
  if (isRegression && relative !== false) return formatValue(value, 'fraction');
  return formatMetric(isRegression ? metric.slice('regression.'.length) : metric, value);
}

/** What a budget row's limit needs: its metric, kind, limit, whether relative, and its level. */
export interface LimitLike {
  metric: unknown;
  kind?: unknown;
  limit?: unknown;
  relative?: unknown;
  level?: unknown;
}

/**
 * The budget as a limit, the same in every output: `≤ 2 mJ`, `≥ 100 /s`, `≤ +5% vs base`, and
 * for throughput (a floor) `≥ −10% vs base`: a fall is what fails, so the sign says so.
 */
export function limitText(b: LimitLike): string {
  const limit = typeof b.limit === 'number' && Number.isFinite(b.limit) ? b.limit : undefined;
  if (limit === undefined) return '—';
  const metric = typeof b.metric === 'string' ? b.metric : '';
  const floor = metric === 'throughput';
  const level = b.level === 'warn' ? ' (warning only)' : '';
  if (b.kind === 'regression') {
    const amount = b.relative === false ? formatMetric(metric, limit) : `${sig3(limit * 100)}%`;
    return `${floor ? '≥ −' : '≤ +'}${amount} vs base${level}`;
  }
  return `${floor ? '≥' : '≤'} ${formatMetric(metric, limit)}${level}`;
}

/**
 * Which grid intensity turned energy into carbon, and why it was chosen (budget-file number,
 * environment variable, the budget file's region, or the world average when none was given).
 */
export function carbonSourceText(c: { intensityGPerKWh?: unknown; intensitySource?: unknown }): string {
  const g = typeof c.intensityGPerKWh === 'number' && Number.isFinite(c.intensityGPerKWh) ? sig3(c.intensityGPerKWh) : '—';
  const source = typeof c.intensitySource === 'string' && c.intensitySource !== '' ? c.intensitySource : 'source not recorded';
  return `carbon at ${g} gCO2e/kWh: ${source}`;
}
