/** One model's section of the Markdown report: heading, facts, the budget table, energy and instruction notes. */
import { escapeMarkdown } from '../escape.js';
import { isEstimatedFigure } from '../estimated.js';
import { formatChange, formatValue, limitText } from '../format.js';
import {
  STATUS_ICON,
  num,
  statusOf,
  metricName,
  metricValue,
  comparedChange,
  changeText,
  ciText,
  worst,
  modelStatus,
  groupByMetric,
  notChecked,
  comparedPair,
} from './cells.js';
import { savingsTable } from './savings.js';
import type { BudgetResult, InstructionsReport, ModelReport } from '../types.js';

function budgetCell(b: BudgetResult): string {
  return notChecked(b) ? `${limitText(b)} ➖ not checked` : `${limitText(b)} ${STATUS_ICON[statusOf(b.status)]}`;
}

function budgetTable(m: ModelReport): string[] {
  const budgets = Array.isArray(m.budgets) ? m.budgets : [];
  const info = Array.isArray(m.baseComparison) ? m.baseComparison.filter((r) => r && typeof r === 'object') : [];
  if (budgets.length === 0 && info.length === 0)
    return [
      m.error
        ? 'Its budgets were not checked: there are no figures to check them against.'
        : 'No budgets are set for this model.',
    ];
  const lines = ['| | Metric | Base | Head | Change | Budget |', '|:-:|---|--:|--:|--:|---|'];
  const notes: string[] = [];
  for (const row of groupByMetric(budgets)) {
    const status = worst(row.budgets.map((b) => statusOf(b.status)));
    const withBase = row.budgets.find((b) => num(b.baseline) !== undefined);
    const head = row.budgets.find((b) => num(b.value) !== undefined);
    const estimated = isEstimatedFigure(m, row.metric) ? ' *(estimated)*' : '';
    const icon = row.budgets.every(notChecked) ? '➖' : STATUS_ICON[status];
    // When base and head were compared, both columns come from that comparison, so Base → Head and Change agree.
    const pair = row.budgets.map(comparedPair).find((p) => p !== undefined);
    const baseCell = pair ? metricValue(row.metric, pair.base) : metricValue(row.metric, withBase?.baseline);
    const headCell = pair ? metricValue(row.metric, pair.head) : metricValue(row.metric, head?.value);
    const change = row.budgets.some((b) => b.unchanged === true)
      ? 'unchanged (identical to base)'
      : pair
        ? formatChange(pair.change)
        : (comparedChange(row.budgets) ?? changeText(head?.value, withBase?.baseline));
    lines.push(
      `| ${icon} | ${metricName(row.metric)}${estimated} | ${baseCell} | ${headCell} | ${change} | ` +
        `${row.budgets.map(budgetCell).join('<br>')} |`,
    );
    // The engine's explanation of anything but a plain pass (not measured, inconclusive, not checked).
    for (const b of row.budgets) {
      if (typeof b.message === 'string' && b.message && (statusOf(b.status) !== 'pass' || notChecked(b))) {
        notes.push(`- ${metricName(row.metric)}: ${escapeMarkdown(b.message, { maxLength: 300 })}`);
      }
    }
  }
  // A measured base without a gate on these metrics: shown as information, nothing passes or fails.
  for (const r of info) {
    const metric = typeof r.metric === 'string' ? r.metric : '';
    const estimated = isEstimatedFigure(m, metric) ? ' *(estimated)*' : '';
    const pair = comparedPair(r);
    const change = pair
      ? formatChange(pair.change)
      : num(r.change) !== undefined
        ? formatChange(num(r.change)!)
        : changeText(r.head, r.base);
    const ci = ciText(r.changeCi95, formatChange);
    lines.push(
      `| ℹ️ | ${metricName(metric)}${estimated} | ${metricValue(metric, pair ? pair.base : r.base)} | ` +
        `${metricValue(metric, pair ? pair.head : r.head)} | ${change}${ci ? ` ${ci}` : ''} | no gate (information) |`,
    );
  }
  return notes.length ? [...lines, '', ...[...new Set(notes)]] : lines;
}

function modelHeading(m: ModelReport): string {
  const status = modelStatus(m);
  const tag = m.change === 'new' ? ' (new)' : m.change === 'removed' ? ' (removed)' : '';
  return `### ${STATUS_ICON[status]} ${escapeMarkdown(m.name, { maxLength: 200 })}${tag}`;
}

/** A model's section: heading, facts, budget table, energy and instruction notes, savings. */
export function modelSection(m: ModelReport, energyNotes: readonly string[]): string[] {
  const lines = [modelHeading(m), ''];
  const facts = [`Path: ${escapeMarkdown(m.path, { maxLength: 300 })}`];
  // A model that could not be measured has placeholder zeros: show nothing it never got.
  const flops = m.error ? undefined : num(m.flops);
  if (flops !== undefined) facts.push(`${formatValue(flops, 'flops')} per call`);
  const size = m.error ? undefined : num(m.size?.bytes);
  if (size !== undefined) facts.push(formatValue(size, 'bytes'));
  lines.push(facts.join(' · '), '');
  if (m.change === 'removed') {
    lines.push('This model is in the base but not in the head of this pull request.', '');
  } else if (m.change === 'new') {
    lines.push('This model is new in this pull request: there is nothing to compare against.', '');
  }
  const same = m.identicalToBase;
  if (same && typeof same === 'object') {
    lines.push(
      `Unchanged (identical to base): ${same.match === 'graph-and-weights' ? 'the same graph and weights (only metadata differs)' : 'the same bytes'}, ` +
        `the same budget-file entry and runtime, so the base was not measured again.`,
      '',
    );
  }
  if (m.error) {
    lines.push(
      `**Could not be measured** (${escapeMarkdown(m.error.code, { maxLength: 40 })}): ` +
        `${escapeMarkdown(m.error.message, { newlines: 'br', maxLength: 1500 })}`,
      '',
    );
  }
  lines.push(...budgetTable(m), '');
  const unavailable = (label: string, reason: unknown) =>
    typeof reason === 'string' && reason ? `${label}: not available — ${escapeMarkdown(reason, { maxLength: 300 })}.` : undefined;
  // How energy was obtained is said once per comment (render); here only where this model's method differs.
  const energy = [
    ...energyNotes,
    ...(m.inference?.energy ? [] : [unavailable('Inference energy', m.inference?.energyUnavailable)]),
    ...(m.training?.energy ? [] : [unavailable('Training energy', m.training?.energyUnavailable)]),
  ].filter((s): s is string => s !== undefined);
  if (energy.length) lines.push(energy.join('<br>'), '');
  const counts = [
    instructionSentence('Inference', m.inference?.instructions),
    instructionSentence('Training step', m.training?.instructions),
  ].filter((s): s is string => s !== undefined);
  if (counts.length) lines.push(counts.join('<br>'), '');
  lines.push(...savingsTable(m));
  return lines;
}

/** One sentence on a simulated instruction count; it always says SIMULATED and, for cycles, ESTIMATE. */
function instructionSentence(label: string, c: InstructionsReport | undefined): string | undefined {
  const per = num(c?.perCall);
  if (!c || per === undefined) return undefined;
  const cycles = num(c.estimatedCycles);
  // A report can come from untrusted code (comment mode): keep the tool's name to a version string.
  const tool =
    String(c.tool ?? 'valgrind')
      .replace(/[^A-Za-z0-9.-]/g, '')
      .slice(0, 40) || 'valgrind';
  return (
    `${label}: ${Math.round(per).toLocaleString('en-US')} instructions per call, SIMULATED (${tool} callgrind, ` +
    `inside onnxruntime's run only, ${num(c.calls) ?? '?'} calls counted)` +
    (cycles !== undefined
      ? `; about ${Math.round(cycles).toLocaleString('en-US')} cycles, an ESTIMATE from the simulated caches`
      : '') +
    ". The count tracks the work of the code (AVX2 kernels under Valgrind), not this CPU's speed or energy."
  );
}
