/**
 * Human-readable figures for tables and comments: each metric in its natural unit with an SI
 * prefix chosen by magnitude ("1.23 ms", "418 kB", "8.27 MFLOP").
 */
import type { MetricKey } from '../config/types.js';

interface UnitScale { unit: string; scales: Array<[number, string]> }

const SI_UP: Array<[number, string]> = [[1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k'], [1, '']];
const SI_DOWN: Array<[number, string]> = [[1, ''], [1e-3, 'm'], [1e-6, 'µ'], [1e-9, 'n']];

const UNITS: Record<string, UnitScale> = {
  bytes: { unit: 'B', scales: SI_UP },
  count: { unit: '', scales: SI_UP },
  flops: { unit: 'FLOP', scales: SI_UP },
  joules: { unit: 'J', scales: [[1e3, 'k'], ...SI_DOWN] },
  seconds: { unit: 's', scales: SI_DOWN },
  grams: { unit: 'g CO2e', scales: [[1e3, 'k'], ...SI_DOWN] },
  rate: { unit: '/s', scales: SI_UP },
};

/** The kind of base unit each metric is stored in. */
export function metricUnit(metric: MetricKey | string): keyof typeof UNITS | 'fraction' {
  if (metric === 'model-size' || metric === 'peak-memory') return 'bytes';
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
export function formatValue(value: number, kind: keyof typeof UNITS | 'fraction'): string {
  if (kind === 'fraction') return `${sig3(value * 100)}%`;
  const { unit, scales } = UNITS[kind];
  if (!Number.isFinite(value)) return `${value} ${unit}`.trim();
  const abs = Math.abs(value);
  const [factor, prefix] = scales.find(([f]) => abs >= f) ?? scales[scales.length - 1];
  const text = `${sig3(value / factor)} ${prefix}${unit}`;
  return kind === 'count' && prefix === '' ? sig3(value) : text.trim();
}

/** Formats a metric's value in its unit. */
export function formatMetric(metric: MetricKey | string, value: number): string {
  return formatValue(value, metricUnit(metric));
}

/** Formats a relative change: +4.2%, −1.0%. */
export function formatChange(fraction: number): string {
  if (!Number.isFinite(fraction)) return 'n/a';
  const pct = fraction * 100;
  const text = sig3(Math.abs(pct));
  return `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${text}%`;
}
