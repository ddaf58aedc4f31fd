/** The headline under the Markdown report's title: what did not pass, most severe first. */
import { escapeMarkdown } from '../escape.js';
import { isEstimatedFigure } from '../estimated.js';
import { formatChange, limitText } from '../format.js';
import {
  STATUS_ICON,
  SEVERITY,
  num,
  statusOf,
  metricName,
  metricValue,
  changeText,
  ciText,
  worst,
  groupByMetric,
  comparedPair,
} from './cells.js';
import type { BudgetResult, ModelReport } from '../types.js';

/** Most lines in the headline before "… and N more below". */
const HEADLINE_MAX = 10;

const HEADLINE_LABEL = (metric: unknown): string => {
  const name = metricName(metric);
  // "Latency p50" → "latency p50", but "FLOPs per call" keeps its acronym.
  return /^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
};

/** How far past its limit a budget is, to order the headline (larger first); 0 when unknown. */
function excess(b: BudgetResult): number {
  const limit = num(b.limit);
  if (limit === undefined) return 0;
  const floor = b.metric === 'throughput' || b.metric === 'regression.throughput';
  if (b.kind === 'regression') {
    const pair = comparedPair(b);
    const change = pair?.change ?? num(b.change) ?? (num(b.baseline) ? num(b.value)! / num(b.baseline)! - 1 : undefined);
    if (change === undefined || !Number.isFinite(change)) return 0;
    const allowed = b.relative === false && num(b.baseline) ? limit / num(b.baseline)! : limit;
    return floor ? -change - allowed : change - allowed;
  }
  const v = num(b.value);
  if (v === undefined || limit === 0) return 0;
  return floor ? limit / v - 1 : v / limit - 1;
}

/** A budget row's figure for the headline: the change with its interval, or the value checked. */
function headlineFigure(metric: string, b: BudgetResult): string | undefined {
  if (num(b.value) === undefined) return undefined;
  if (b.kind === 'regression') {
    const change = comparedPair(b)?.change ?? num(b.change);
    const ci = ciText(b.changeCi95, formatChange);
    if (change !== undefined) return `${formatChange(change)}${ci ? ` ${ci}` : ''}`;
    const base = num(b.baseline);
    if (base !== undefined)
      return `${changeText(b.value, base)} (${metricValue(metric, base)} → ${metricValue(metric, b.value)})`;
  }
  return metricValue(metric, b.value);
}

/**
 * One headline line for a metric of a model with budgets that did not pass: model, metric,
 * change with its interval (or the figure checked), the budgets it breaks.
 */
function headlineItem(m: ModelReport, metric: string, bad: BudgetResult[]): string {
  const status = worst(bad.map((b) => statusOf(b.status)));
  const estimated = isEstimatedFigure(m, metric) ? ' (estimated)' : '';
  const what = `${escapeMarkdown(m.name, { maxLength: 120 })}: ${HEADLINE_LABEL(metric)}${estimated}`;
  // A limit the engine could not check (no figure, or an undercounted one) says so, not a figure.
  const unchecked = (b: BudgetResult) =>
    num(b.value) === undefined || (typeof b.message === 'string' && b.message.startsWith('not checked'));
  if (bad.every(unchecked)) {
    const msg = bad.find((b) => typeof b.message === 'string' && b.message)?.message;
    return `${STATUS_ICON[status]} ${what} not checked${msg ? `: ${escapeMarkdown(msg.replace(/^not checked:\s*/, ''), { maxLength: 160 })}` : ''}`;
  }
  // Regression rows first: their change says the most; then each absolute row's value.
  const ordered = [...bad].sort((a, b) => (a.kind === 'regression' ? 0 : 1) - (b.kind === 'regression' ? 0 : 1));
  const figures: string[] = [];
  for (const f of ordered.map((b) => headlineFigure(metric, b))) {
    // "+48.5% (412 kB → 612 kB)" already says 612 kB.
    if (f !== undefined && !figures.some((x) => x.includes(f))) figures.push(f);
  }
  const budgets = ordered.map((b) => limitText(b));
  const tail = status === 'inconclusive' ? ' (inconclusive: the interval straddles the limit)' : '';
  return `${STATUS_ICON[status]} ${what} ${figures.join(', ')} — budget${budgets.length === 1 ? '' : 's'} ${budgets.join(', ')}${tail}`;
}

/**
 * The headline under the title: one line per budget that did not pass (and per model that
 * could not be measured), most severe first, then one line for the models within budget.
 */
export function headline(models: ModelReport[]): string[] {
  const items: Array<{ severity: number; excess: number; order: number; text: string }> = [];
  const passing: string[] = [];
  models.forEach((m, i) => {
    if (m.change === 'removed') return;
    if (m.error) {
      items.push({
        severity: SEVERITY.fail + 1,
        excess: 0,
        order: i,
        text: `❌ ${escapeMarkdown(m.name, { maxLength: 120 })}: could not be measured (${escapeMarkdown(m.error.code, { maxLength: 40 })})`,
      });
      return;
    }
    const budgets = (Array.isArray(m.budgets) ? m.budgets : []).filter((b) => b && typeof b === 'object');
    const bad = budgets.filter((b) => statusOf(b.status) !== 'pass');
    if (bad.length === 0) {
      passing.push(`${escapeMarkdown(m.name, { maxLength: 120 })}${m.change === 'new' ? ' (new)' : ''}`);
      return;
    }
    for (const row of groupByMetric(bad)) {
      items.push({
        severity: Math.max(...row.budgets.map((b) => SEVERITY[statusOf(b.status)])),
        excess: Math.max(...row.budgets.map(excess)),
        order: i,
        text: headlineItem(m, row.metric, row.budgets),
      });
    }
  });
  items.sort((a, b) => b.severity - a.severity || b.excess - a.excess || a.order - b.order);
  // Ten lines are read in ten seconds; the rest are in the model sections below.
  const lines = items.slice(0, HEADLINE_MAX).map((x) => `- ${x.text}`);
  if (items.length > HEADLINE_MAX) lines.push(`- … and ${items.length - HEADLINE_MAX} more below`);
  if (passing.length) {
    const shown = passing.slice(0, 10).join(', ');
    const more = passing.length > 10 ? ` and ${passing.length - 10} more` : '';
    const all = items.length === 0 ? (passing.length === 1 ? '' : 'all ') : '';
    lines.push(`- ✅ ${all}${passing.length} model${passing.length === 1 ? '' : 's'} within budget: ${shown}${more}`);
  }
  return lines.length ? [...lines, ''] : [];
}
