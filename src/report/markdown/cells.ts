/**
 * The small pieces every part of the Markdown report shares: status marks, metric names, and
 * readers that turn a field of an untrusted report into a finite number, a known status or text
 * (src/report/markdown.ts says why every field is untrusted).
 */
import { escapeMarkdown } from '../escape.js';
import { formatChange, formatLimit, formatMetric } from '../format.js';
import { isOneOf } from '../../util/one-of.js';
import type { BudgetResult, BudgetStatus, ModelReport } from '../types.js';

/** A budget status as a table cell: icon and word. */
export const STATUS_MARK: Record<BudgetStatus, string> = {
  pass: '✅ pass',
  warn: '⚠️ warn',
  fail: '❌ fail',
  inconclusive: '❔ inconclusive',
};
/** A budget status as its icon alone. */
export const STATUS_ICON: Record<BudgetStatus, string> = { pass: '✅', warn: '⚠️', fail: '❌', inconclusive: '❔' };
/** How bad a status is, to pick the worst and to order the headline. */
export const SEVERITY: Record<BudgetStatus, number> = { pass: 0, inconclusive: 1, warn: 2, fail: 3 };
const STATUSES: readonly BudgetStatus[] = ['pass', 'warn', 'fail', 'inconclusive'];

const METRIC_LABEL: Record<string, string> = {
  'model-size': 'Model size',
  parameters: 'Parameters',
  flops: 'FLOPs per call',
  'latency-p50': 'Latency p50',
  'latency-p95': 'Latency p95',
  'latency-p99': 'Latency p99',
  'latency-mean': 'Latency mean',
  throughput: 'Throughput (samples/s)',
  'peak-memory': 'Peak memory',
  'peak-gpu-memory': 'Peak GPU memory',
  'energy-per-inference': 'Energy per inference',
  'energy-per-sample': 'Energy per sample',
  'energy-per-1000-inferences': 'Energy per 1000 inferences',
  'energy-per-training-step': 'Energy per training step',
  'energy-per-training-sample': 'Energy per training sample',
  'training-step-time': 'Training step time',
  'training-energy-total': 'Training energy (projected)',
  'carbon-per-inference': 'Carbon per inference',
  'carbon-per-1000-inferences': 'Carbon per 1000 inferences',
  'training-carbon-total': 'Training carbon (projected)',
  'instructions-per-inference': 'Instructions per inference *(simulated)*',
  'instructions-per-step': 'Instructions per training step *(simulated)*',
};

/** A finite number, or undefined for anything else (strings, NaN, null in a hostile report). */
export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A report's status field as a known status; anything else is `inconclusive`. */
export function statusOf(value: unknown): BudgetStatus {
  // A member of the list, not a key of a table: `constructor` or `toString` from a hostile report are not statuses.
  return isOneOf(STATUSES, value) ? value : 'inconclusive';
}

/** The text `table` gives `key`, when `key` is one of its own keys (never `constructor` or `toString`). */
export function tableText(table: Readonly<Record<string, string>>, key: unknown): string | undefined {
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** The label of a metric key (`regression.` keys say so); unknown keys are escaped text. */
export function metricName(metric: unknown): string {
  // One `regression.` prefix is ours; a report that repeats it thousands of times gets the rest
  // shown as text (this was a recursion that overflowed the stack).
  if (typeof metric === 'string' && metric.startsWith('regression.'))
    return `${plainMetricName(metric.slice('regression.'.length))} (regression)`;
  return plainMetricName(metric);
}

function plainMetricName(metric: unknown): string {
  return typeof metric === 'string' && Object.prototype.hasOwnProperty.call(METRIC_LABEL, metric)
    ? METRIC_LABEL[metric]
    : escapeMarkdown(metric, { maxLength: 80 });
}

/** A metric's value formatted in its unit, or `—` when it is not a finite number. */
export function metricValue(metric: unknown, value: unknown): string {
  const v = num(value);
  return v === undefined ? '—' : formatMetric(typeof metric === 'string' ? metric : '', v);
}

/** The interleaved comparison's estimate of the change, when a budget of the row has one. */
export function comparedChange(budgets: readonly BudgetResult[]): string | undefined {
  const c = budgets.map((b) => comparedPair(b)?.change ?? num(b.change)).find((x) => x !== undefined);
  return c === undefined ? undefined : formatChange(c);
}

/** A budget change's limit formatted for its metric, or `—`. */
export function limitValue(metric: unknown, value: unknown, relative: unknown): string {
  const v = num(value);
  if (v === undefined || typeof metric !== 'string') return '—';
  return formatLimit(metric, v, relative === false ? false : relative === true ? true : undefined);
}

/** Head against base as a signed percentage (`new` from a zero base), or `—`. */
export function changeText(value: unknown, baseline: unknown): string {
  const v = num(value);
  const b = num(baseline);
  if (v === undefined || b === undefined) return '—';
  if (b === 0) return v === 0 ? '±0%' : 'new';
  return formatChange(v / b - 1);
}

/** `[lo, hi]` of a two-number interval, each formatted; undefined for anything else. */
export function ciText(ci: unknown, format: (x: number) => string): string | undefined {
  if (!Array.isArray(ci) || ci.length !== 2) return undefined;
  const lo = num(ci[0]);
  const hi = num(ci[1]);
  return lo === undefined || hi === undefined ? undefined : `[${format(lo)}, ${format(hi)}]`;
}

/** The most severe of the statuses (`pass` for none). */
export function worst(statuses: BudgetStatus[]): BudgetStatus {
  return statuses.reduce<BudgetStatus>((w, s) => (SEVERITY[s] > SEVERITY[w] ? s : w), 'pass');
}

/** The model's overall status: an error is a failure; otherwise its worst budget. */
export function modelStatus(m: ModelReport): BudgetStatus {
  if (m.error) return 'fail';
  return worst((Array.isArray(m.budgets) ? m.budgets : []).map((b) => statusOf(b?.status)));
}

interface Row {
  metric: string;
  budgets: BudgetResult[];
}

/** Groups a model's budgets by metric, keeping first-seen order. */
export function groupByMetric(budgets: BudgetResult[]): Row[] {
  const rows = new Map<string, Row>();
  for (const b of budgets) {
    if (!b || typeof b !== 'object') continue;
    const key = typeof b.metric === 'string' ? b.metric : String(b.metric);
    const row = rows.get(key) ?? { metric: key, budgets: [] };
    row.budgets.push(b);
    rows.set(key, row);
  }
  return [...rows.values()];
}

/** A regression limit with no base figure to compare with: shown as not checked, not as a pass. */
export function notChecked(b: BudgetResult): boolean {
  return b.kind === 'regression' && num(b.baseline) === undefined && statusOf(b.status) === 'pass' && b.unchanged !== true;
}

/**
 * Base and head as the interleaved comparison saw them, with the change they imply, when the
 * row has valid centres. The change shown is head / base − 1, which equals the comparison's
 * estimate by construction (src/compare/sequential.ts), so even a report whose numbers were
 * edited cannot make the columns tell two stories.
 */
export function comparedPair(b: { compared?: unknown }): { base: number; head: number; change: number } | undefined {
  const c = b.compared;
  if (!c || typeof c !== 'object') return undefined;
  const base = num('base' in c ? c.base : undefined);
  const head = num('head' in c ? c.head : undefined);
  if (base === undefined || head === undefined || base <= 0 || head <= 0) return undefined;
  return { base, head, change: head / base - 1 };
}
