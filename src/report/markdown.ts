/**
 * The report as GitHub-flavoured Markdown: the PR comment, the job summary and `--markdown`.
 *
 * Everything that comes from the report is treated as untrusted (in the `workflow_run` mode the
 * report is an artifact a fork produced): strings go through `escapeMarkdown`, numbers are
 * checked to be finite numbers before they are formatted, and enum-like fields (status,
 * verdict, change) are mapped through fixed tables, so a report cannot inject markup.
 */
import { commentMarker, escapeMarkdown } from './escape.js';
import { isEstimatedFigure } from './estimated.js';
import { carbonSourceText, formatChange, formatLimit, formatMetric, formatValue, limitText, sig3 } from './format.js';
import type { BudgetResult, BudgetStatus, EnergyReport, InstructionsReport, ModelReport, Report } from './types.js';

/** GitHub rejects issue comments longer than this many characters. */
export const GITHUB_COMMENT_MAX_CHARS = 65536;

export interface MarkdownOptions {
  /** Heading text (escaped). @default 'Energy budget' */
  title?: string;
  /**
   * Budget-file path whose hidden marker (`<!-- energy-budget: PATH -->`) starts the text, so
   * the sticky comment can be found again. No marker when absent.
   */
  marker?: string;
  /**
   * What was measured, shown in one line under the headline: the head and base commits (short
   * SHAs, linked when `repoUrl` is given) and the run. Nothing when absent.
   */
  provenance?: Provenance;
  /** Longest output in characters; longer reports fall back to a shorter form. @default 65536 */
  maxChars?: number;
  /** Leave out the collapsible details. @default false */
  compact?: boolean;
  /** Where the full report can be found, named in the shortened fallback (trusted Markdown). */
  fullReportHint?: string;
  /**
   * The history section (src/history/markdown.ts), already rendered and escaped: `full` with
   * the charts, `compact` (the trend table only) when the details are left out for size.
   */
  history?: { full: string; compact: string };
}

const STATUS_MARK: Record<BudgetStatus, string> = {
  pass: '✅ pass',
  warn: '⚠️ warn',
  fail: '❌ fail',
  inconclusive: '❔ inconclusive',
};
const STATUS_ICON: Record<BudgetStatus, string> = { pass: '✅', warn: '⚠️', fail: '❌', inconclusive: '❔' };
const SEVERITY: Record<BudgetStatus, number> = { pass: 0, inconclusive: 1, warn: 2, fail: 3 };
const VERDICT_TEXT: Record<string, string> = {
  pass: '✅ within budget',
  warn: '⚠️ within budget, with warnings',
  fail: '❌ over budget',
  incomplete: '❔ incomplete (results missing)',
};

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
function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function statusOf(value: unknown): BudgetStatus {
  // Own keys only: `constructor` or `toString` from a hostile report are not statuses.
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(STATUS_MARK, value)
    ? (value as BudgetStatus)
    : 'inconclusive';
}

function metricName(metric: unknown): string {
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

function metricValue(metric: unknown, value: unknown): string {
  const v = num(value);
  return v === undefined ? '—' : formatMetric(typeof metric === 'string' ? metric : '', v);
}

/** The interleaved comparison's estimate of the change, when a budget of the row has one. */
function comparedChange(budgets: readonly BudgetResult[]): string | undefined {
  const c = budgets.map((b) => comparedPair(b)?.change ?? num(b.change)).find((x) => x !== undefined);
  return c === undefined ? undefined : formatChange(c);
}

function limitValue(metric: unknown, value: unknown, relative: unknown): string {
  const v = num(value);
  if (v === undefined || typeof metric !== 'string') return '—';
  return formatLimit(metric, v, relative === false ? false : relative === true ? true : undefined);
}

function changeText(value: unknown, baseline: unknown): string {
  const v = num(value);
  const b = num(baseline);
  if (v === undefined || b === undefined) return '—';
  if (b === 0) return v === 0 ? '±0%' : 'new';
  return formatChange(v / b - 1);
}

function ciText(ci: unknown, format: (x: number) => string): string | undefined {
  if (!Array.isArray(ci) || ci.length !== 2) return undefined;
  const lo = num(ci[0]);
  const hi = num(ci[1]);
  return lo === undefined || hi === undefined ? undefined : `[${format(lo)}, ${format(hi)}]`;
}

function worst(statuses: BudgetStatus[]): BudgetStatus {
  return statuses.reduce<BudgetStatus>((w, s) => (SEVERITY[s] > SEVERITY[w] ? s : w), 'pass');
}

/** The model's overall status: an error is a failure; otherwise its worst budget. */
function modelStatus(m: ModelReport): BudgetStatus {
  if (m.error) return 'fail';
  return worst((Array.isArray(m.budgets) ? m.budgets : []).map((b) => statusOf(b?.status)));
}

/** An energy block as the renderer reads it (inference or training). */
type EnergyLike = Partial<Pick<EnergyReport, 'method' | 'description' | 'estimated' | 'ci95Basis' | 'ci95'>> & {
  /** The figure the interval is of (J per inference or per step). */
  figure?: unknown;
};

/** `−4.1%/+4.9%`: an interval as percentages of its figure. */
function relativeInterval(ci: unknown, figure: unknown): string | undefined {
  const f = num(figure);
  if (!Array.isArray(ci) || f === undefined || f <= 0) return undefined;
  const lo = num(ci[0]);
  const hi = num(ci[1]);
  return lo === undefined || hi === undefined ? undefined : `${formatChange(lo / f - 1)}/${formatChange(hi / f - 1)}`;
}

/** Treat anything not explicitly a measurement as an estimate, so a report can never pass one off as measured. */
function isEstimate(e: EnergyLike): boolean {
  return e.estimated !== false || e.method === 'estimate';
}

/**
 * How an energy figure was obtained, split into what is shared by every figure of the same
 * method (the text to say once) and this figure's interval: the engine's description loses its
 * "ESTIMATE:" / "Estimate (not measured):" prefixes (the sentence says it once), and the
 * interval basis loses the run's own spread, which differs per model.
 */
function energyExplanation(e: EnergyLike): { key: string; interval?: string; what: string } {
  const method = escapeMarkdown(e.method ?? 'unknown', { maxLength: 40 });
  const description =
    typeof e.description === 'string'
      ? e.description
          .replace(/^\s*ESTIMATE:\s*/i, '')
          .replace(/^\s*Estimate \(not measured\):\s*/i, '')
          .replace(/[.\s]+$/, '')
      : '';
  const basis = typeof e.ci95Basis === 'string' ? e.ci95Basis : '';
  const comma = basis.indexOf(', ');
  const interval = comma > 0 ? basis.slice(0, comma) : relativeInterval(e.ci95, e.figure);
  const source = comma > 0 ? basis.slice(comma + 2).replace(/, combined with the run's own spread \(.*\)$/, '') : '';
  const what = isEstimate(e)
    ? `estimated with a power model (${method}), not measured${description ? ` — ${escapeMarkdown(description, { maxLength: 300 })}` : ''}`
    : `measured with ${method}${description ? ` — ${escapeMarkdown(description, { maxLength: 300 })}` : ''}`;
  const basisText = source ? escapeMarkdown(source, { maxLength: 300 }) : '';
  return {
    key: `${what}|${basisText}`,
    ...(interval ? { interval: escapeMarkdown(interval, { maxLength: 40 }) } : {}),
    what: basisText ? `${what}; 95% interval INTERVAL (${basisText})` : interval ? `${what}; 95% interval INTERVAL` : what,
  };
}

/** The model's energy figures: label and block, for inference and training. */
function energyBlocks(m: ModelReport): Array<[string, EnergyLike]> {
  const out: Array<[string, EnergyLike]> = [];
  const inf = m.inference?.energy;
  if (inf && typeof inf === 'object') out.push(['Inference energy', { ...inf, figure: inf.joulesPerInference }]);
  const tr = m.training?.energy;
  if (tr && typeof tr === 'object') out.push(['Training energy', { ...tr, figure: tr.joulesPerStep }]);
  return out;
}

/**
 * The energy explanations of the shown models, said once: one sentence per distinct method
 * (label, method, description, interval source), naming the models only when they differ.
 * Returns the sentences for the top of the comment, or per-model ones when methods differ.
 */
function energyExplanations(models: readonly ModelReport[]): { shared: string[]; perModel: Map<ModelReport, string[]> } {
  const groups = new Map<string, { label: string; what: string; intervals: Set<string>; models: ModelReport[] }>();
  for (const m of models) {
    if (m.error) continue;
    for (const [label, e] of energyBlocks(m)) {
      const x = energyExplanation(e);
      const key = `${label}|${x.key}`;
      const g = groups.get(key) ?? { label, what: x.what, intervals: new Set<string>(), models: [] };
      if (x.interval) g.intervals.add(x.interval);
      g.models.push(m);
      groups.set(key, g);
    }
  }
  const sentence = (g: { label: string; what: string; intervals: Set<string> }) => {
    const iv = [...g.intervals];
    const interval = iv.length === 0 ? '' : iv.length === 1 ? iv[0] : `${iv[0]} to ${iv[iv.length - 1]} by model`;
    return `${g.label}: ${g.what.replace('INTERVAL', interval)}.`;
  };
  const labels = new Set([...groups.values()].map((g) => g.label));
  // One method per label (inference, training) across the comment: said once at the top.
  if ([...labels].every((l) => [...groups.values()].filter((g) => g.label === l).length === 1)) {
    return { shared: [...groups.values()].map(sentence), perModel: new Map() };
  }
  const perModel = new Map<ModelReport, string[]>();
  for (const g of groups.values()) for (const m of g.models) perModel.set(m, [...(perModel.get(m) ?? []), sentence(g)]);
  return { shared: [], perModel };
}

interface Row {
  metric: string;
  budgets: BudgetResult[];
}

/** Groups a model's budgets by metric, keeping first-seen order. */
function groupByMetric(budgets: BudgetResult[]): Row[] {
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
function notChecked(b: BudgetResult): boolean {
  return b.kind === 'regression' && num(b.baseline) === undefined && statusOf(b.status) === 'pass' && b.unchanged !== true;
}

function budgetCell(b: BudgetResult): string {
  return notChecked(b) ? `${limitText(b)} ➖ not checked` : `${limitText(b)} ${STATUS_ICON[statusOf(b.status)]}`;
}

/**
 * Base and head as the interleaved comparison saw them, with the change they imply, when the
 * row has valid centres. The change shown is head / base − 1, which equals the comparison's
 * estimate by construction (src/compare/sequential.ts), so even a report whose numbers were
 * edited cannot make the columns tell two stories.
 */
function comparedPair(b: { compared?: unknown }): { base: number; head: number; change: number } | undefined {
  const c = b.compared as { base?: unknown; head?: unknown } | undefined;
  if (!c || typeof c !== 'object') return undefined;
  const base = num(c.base);
  const head = num(c.head);
  if (base === undefined || head === undefined || base <= 0 || head <= 0) return undefined;
  return { base, head, change: head / base - 1 };
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

function modelSection(m: ModelReport, energyNotes: readonly string[]): string[] {
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

function pctCell(pct: unknown): string {
  const v = num(pct);
  return v === undefined ? '—' : formatChange(v / 100);
}

/**
 * A latency or energy change of a variant: with its 95% interval from the interleaved
 * comparison, "no measurable change" when the interval contains 0, never a saving or a cost.
 */
function measuredCell(pct: unknown, ci: unknown): string {
  const v = num(pct);
  if (v === undefined) return '—';
  const lo = Array.isArray(ci) ? num(ci[0]) : undefined;
  const hi = Array.isArray(ci) ? num(ci[1]) : undefined;
  if (lo === undefined || hi === undefined) return `${formatChange(v / 100)} (no interval)`;
  const interval = `[${formatChange(lo / 100)}, ${formatChange(hi / 100)}]`;
  if (lo <= 0 && hi >= 0) return `no measurable change ${interval}`;
  return `${formatChange(v / 100)} ${lo > 0 ? 'cost' : 'saving'} ${interval}`;
}

/**
 * "Possible savings": the advisor's variants, each measured on this runner like the model
 * itself (src/optimize/). Estimated energy says so; variants that did not apply say why.
 */
function savingsTable(m: ModelReport): string[] {
  const advice = Array.isArray(m.advice) ? m.advice : [];
  if (advice.length === 0) return [];
  const lines = [
    '**Possible savings** (each variant compared with the original on this runner in interleaved rounds of fresh sessions, same inputs, ' +
      '95% intervals; an interval containing 0 is no measurable change; `energy-budget optimize` writes it):',
    '',
    '| Variant | Size | gzip | Energy per inference | Latency p50 | Top-1 agreement | Max abs error |',
    '|---|--:|--:|--:|--:|--:|--:|',
  ];
  for (const a of advice) {
    const label = escapeMarkdown(a.label, { maxLength: 80 });
    if (a.status !== 'ok' || !a.deltas) {
      lines.push(
        `| ${label} | ${a.status === 'failed' ? 'failed' : 'not applicable'}: ${escapeMarkdown(a.reason ?? '', { maxLength: 200 })} | | | | | |`,
      );
      continue;
    }
    const est = a.figures?.energy?.estimated ? ' *(estimated)*' : '';
    const top1 = num(a.fidelity?.top1Agreement);
    const err = num(a.fidelity?.maxAbsError);
    lines.push(
      `| ${label} | ${pctCell(a.deltas.sizePct)} | ${pctCell(a.deltas.gzipPct)} | ${measuredCell(a.deltas.energyPct, a.deltas.energyPctCi95)}${a.deltas.energyPct !== undefined ? est : ''} | ` +
        `${measuredCell(a.deltas.latencyP50Pct, a.deltas.latencyP50PctCi95)} | ${top1 === undefined ? '—' : `${sig3(top1 * 100)}%`} | ${err === undefined ? '—' : sig3(err)} |`,
    );
  }
  // Structured pruning and distillation change the outputs by training: say what it cost and on what.
  const tuned = advice.filter((a) => a.status === 'ok' && a.fineTune);
  if (tuned.length) lines.push('');
  for (const a of tuned) {
    const t = a.fineTune!;
    const e = t.energy
      ? `, ${sig3(t.energy.joules)} J${t.energy.estimated ? ' *(estimated)*' : ` (${escapeMarkdown(t.energy.method)})`}`
      : '';
    lines.push(
      `- ${escapeMarkdown(a.label, { maxLength: 80 })}: fine-tuning cost ${t.steps} steps, ${sig3(t.durationS)} s${e}, on ${escapeMarkdown(t.inputs, { maxLength: 120 })}; fidelity on ${escapeMarkdown(t.heldOut, { maxLength: 120 })}, not trained on.`,
    );
  }
  lines.push('');
  return lines;
}

/** Per-metric intervals, latency distribution, energy notes and notices, collapsed. */
function modelDetails(m: ModelReport): string[] {
  const body: string[] = [];
  const budgets = Array.isArray(m.budgets) ? m.budgets : [];
  // The separate full benchmarks of rows whose Base and Head come from the comparison rounds.
  const own = new Map<string, { base?: number; head?: number }>();
  for (const b of budgets) {
    if (!comparedPair(b) || typeof b.metric !== 'string' || own.has(b.metric)) continue;
    own.set(b.metric, { base: num(b.baseline), head: num(b.value) });
  }
  for (const r of Array.isArray(m.baseComparison) ? m.baseComparison : []) {
    if (!r || !comparedPair(r) || typeof r.metric !== 'string' || own.has(r.metric)) continue;
    own.set(r.metric, { base: num(r.base), head: num(r.head) });
  }
  if (own.size) {
    body.push(
      'Base and head measured separately (the head’s full benchmark; the base’s own benchmark, or all its calls in the rounds pooled). ' +
        'Not paired, so their difference is not the change above; absolute limits are checked against the head’s figure here:',
      '',
      '| Metric | Base, separate | Head, separate |',
      '|---|--:|--:|',
    );
    for (const [metric, v] of own)
      body.push(`| ${metricName(metric)} | ${metricValue(metric, v.base)} | ${metricValue(metric, v.head)} |`);
    body.push('');
  }
  // One row per metric (an absolute and a regression limit share the comparison), its worst status.
  const withCi = groupByMetric(budgets.filter((b) => ciText(b.changeCi95, formatChange) !== undefined));
  if (withCi.length) {
    body.push('| Metric | Change | 95% interval of the change | Status |', '|---|--:|---|---|');
    for (const row of withCi) {
      const b = row.budgets.find((x) => x.kind === 'regression') ?? row.budgets[0];
      const status = worst(row.budgets.map((x) => statusOf(x.status)));
      body.push(
        `| ${metricName(row.metric)} | ${comparedChange([b]) ?? changeText(b.value, b.baseline)} | ${ciText(b.changeCi95, formatChange)} | ${STATUS_MARK[status]} |`,
      );
    }
    body.push('');
  }
  const inf = m.inference;
  if (inf && typeof inf === 'object') {
    const l = inf.latencyMs ?? ({} as Record<string, unknown>);
    const ms = (x: unknown) => (num(x) === undefined ? '—' : `${sig3(num(x)!)} ms`);
    body.push(
      `Inference: batch ${num(inf.batchSize) ?? '—'}, ${num(inf.runs) ?? '—'} timed runs after ${num(inf.warmup) ?? '—'} warm-up, ` +
        `${num(inf.threads) ?? '—'} thread(s). Latency p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, p99 ${ms(l.p99)}, mean ${ms(l.mean)}` +
        `${num(inf.relativeCi95) !== undefined ? ` (mean ±${sig3(num(inf.relativeCi95)! * 100)}% at 95%)` : ''}; ` +
        `${num(inf.throughput) !== undefined ? `${sig3(num(inf.throughput)!)} samples/s` : 'throughput —'}.`,
      '',
    );
    const e = inf.energy;
    if (e && typeof e === 'object') {
      const jpi = num(e.joulesPerInference);
      const ci = ciText(e.ci95, (x) => formatValue(x, 'joules'));
      body.push(
        `Energy per inference: ${jpi === undefined ? '—' : formatValue(jpi, 'joules')}` +
          `${ci ? `, 95% interval ${ci}` : ''}` +
          `${num(e.attributableJoulesPerInference) !== undefined ? `, above idle ${formatValue(num(e.attributableJoulesPerInference)!, 'joules')}` : ''}` +
          `${e.estimated !== false || e.method === 'estimate' ? ' (estimated)' : ''}.`,
        '',
      );
      if (e.carbon && typeof e.carbon === 'object') body.push(escapeMarkdown(carbonSourceText(e.carbon), { maxLength: 600 }), '');
      // The power model itself is explained once, above (energyExplanations); its note would repeat it.
      const notes = (Array.isArray(e.notes) ? e.notes : []).filter(
        (n) => !(typeof n === 'string' && n.startsWith('Power model:')),
      );
      for (const note of notes) body.push(`- ${escapeMarkdown(note, { maxLength: 500 })}`);
      if (notes.length) body.push('');
    }
  }
  const t = m.training;
  if (t && typeof t === 'object') {
    const stepMs = num(t.stepMs?.mean);
    body.push(
      `Training: ${num(t.steps) ?? '—'} steps of batch ${num(t.batchSize) ?? '—'}, mean step ${stepMs === undefined ? '—' : `${sig3(stepMs)} ms`}, ` +
        `loss ${num(t.lossFirst) === undefined ? '—' : sig3(num(t.lossFirst)!)} → ${num(t.lossLast) === undefined ? '—' : sig3(num(t.lossLast)!)}.`,
      '',
    );
  }
  const notices = Array.isArray(m.notices) ? m.notices : [];
  if (notices.length) {
    body.push('Notices:', '');
    for (const n of notices) body.push(`- ${escapeMarkdown(n, { maxLength: 500 })}`);
    body.push('');
  }
  if (body.length === 0) return [];
  return [`<details><summary>Details: ${escapeMarkdown(m.name, { maxLength: 200 })}</summary>`, '', ...body, '</details>', ''];
}

function environmentDetails(report: Report): string[] {
  const env = report.environment ?? ({} as Report['environment']);
  const rows: Array<[string, unknown]> = [
    ['CPU', env.cpu],
    ['Logical CPUs', num(env.logicalCpus)],
    ['OS', env.os],
    ['Node.js', env.node],
    ['onnxruntime', env.onnxruntime],
    ['Device', env.device],
    ['GPU', env.gpu],
  ];
  const lines = ['<details><summary>Environment</summary>', '', '| | |', '|---|---|'];
  for (const [k, v] of rows) if (v !== undefined && v !== '') lines.push(`| ${k} | ${escapeMarkdown(v, { maxLength: 200 })} |`);
  const warnings = Array.isArray(report.baseline?.warnings) ? report.baseline.warnings : [];
  if (warnings.length) {
    lines.push('', 'Baseline warnings:', '');
    for (const w of warnings) lines.push(`- ${escapeMarkdown(w, { maxLength: 500 })}`);
  }
  lines.push('', '</details>', '');
  return lines;
}

const CHANGE_TEXT: Record<string, string> = {
  loosened: '⚠️ loosened',
  removed: '⚠️ removed',
  tightened: 'tightened',
  added: 'added',
};

function budgetChanges(report: Report): string[] {
  const changes = Array.isArray(report.budgetChanges) ? report.budgetChanges : [];
  if (changes.length === 0) return [];
  const lines = [
    '### Budget changes in this pull request',
    '',
    '| Model | Metric | Change | Before | After |',
    '|---|---|---|--:|--:|',
  ];
  for (const c of changes) {
    lines.push(
      `| ${escapeMarkdown(c.model, { maxLength: 200 })} | ${metricName(c.metric)} | ` +
        `${CHANGE_TEXT[c.change as string] ?? escapeMarkdown(c.change, { maxLength: 20 })} | ` +
        `${limitValue(c.metric, c.before, c.relative)} | ${limitValue(c.metric, c.after, c.relative)} |`,
    );
  }
  lines.push('');
  return lines;
}

function summaryLine(report: Report, models: ModelReport[]): string {
  const counts: Record<BudgetStatus, number> = { pass: 0, warn: 0, fail: 0, inconclusive: 0 };
  for (const m of models) for (const b of Array.isArray(m.budgets) ? m.budgets : []) counts[statusOf(b?.status)]++;
  const total = counts.pass + counts.warn + counts.fail + counts.inconclusive;
  const parts = (['fail', 'warn', 'inconclusive', 'pass'] as const).filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  const errors = models.filter((m) => m.error).length;
  const env = report.environment ?? ({} as Report['environment']);
  const cpus = num(env.logicalCpus);
  const where =
    `${escapeMarkdown(env.cpu ?? 'unknown CPU', { maxLength: 120 })}${cpus !== undefined ? `, ${cpus} logical CPUs` : ''}` +
    `${env.os ? `, ${escapeMarkdown(env.os, { maxLength: 80 })}` : ''}${env.gpu ? `, ${escapeMarkdown(env.gpu, { maxLength: 120 })}` : ''}`;
  const base = report.baseline;
  const against =
    base?.kind === 'git'
      ? ` Compared with base ${escapeMarkdown(base.ref ?? 'commit', { maxLength: 80 })}.`
      : base?.kind === 'report'
        ? ` Compared with the report ${escapeMarkdown(base.file ?? '', { maxLength: 200 })}.`
        : base?.kind === 'history'
          ? ` Compared with the history: up to ${num(base.runs) ?? '?'} earlier runs on ${escapeMarkdown(base.ref ?? 'the default branch', { maxLength: 80 })} ` +
            '(`baseline: history`). This comparison crosses runs and machines; its intervals include the run-to-run spread measured in the history.'
          : ' No baseline: figures are not compared.';
  return (
    `${models.length} model${models.length === 1 ? '' : 's'}, ${total} budget${total === 1 ? '' : 's'} checked` +
    `${parts.length ? `: ${parts.join(', ')}` : ''}${errors ? `; ${errors} model${errors === 1 ? '' : 's'} could not be measured` : ''}.` +
    ` Measured on ${where}.${against}${sourcesText(report, models)}`
  );
}

/** Where the Base and Head figures come from, said once (issue #19: no column without its source). */
function sourcesText(report: Report, models: ModelReport[]): string {
  const rows = models.flatMap((m) => [
    ...(Array.isArray(m.budgets) ? m.budgets : []),
    ...(Array.isArray(m.baseComparison) ? m.baseComparison : []),
  ]);
  const paired = rows.some((r) => r && comparedPair(r));
  // New or failed models only: there is no base figure whose source needs naming.
  const anyBase = rows.some(
    (r) => r && (num((r as { baseline?: unknown }).baseline) ?? num((r as { base?: unknown }).base)) !== undefined,
  );
  if (!anyBase) return '';
  const kind = report.baseline?.kind;
  if (paired)
    return (
      ' Where base and head were compared in alternating rounds (the rows with an interval), Base and Head are those rounds’ central values, ' +
      'so they agree with Change; the separate measurements are in the details. Other rows show each version’s own figure (size, parameters and FLOPs are exact).'
    );
  if (kind === 'git')
    return ' Base and Head are separate measurements of each version in this job (no paired rounds ran), so a small change can be noise.';
  if (kind === 'report')
    return ' Base figures come from that earlier report (possibly another machine), Head from this run; a change without an interval is a point value.';
  if (kind === 'history')
    return ' Base is the history’s central value (geometric mean since the last environment change), Head this run.';
  return '';
}

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
function headline(models: ModelReport[]): string[] {
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

function newAndRemoved(models: ModelReport[]): string[] {
  const added = models.filter((m) => m.change === 'new').map((m) => escapeMarkdown(m.name, { maxLength: 200 }));
  const removed = models.filter((m) => m.change === 'removed').map((m) => escapeMarkdown(m.name, { maxLength: 200 }));
  const lines: string[] = [];
  if (added.length) lines.push(`New models: ${added.join(', ')}.`);
  if (removed.length) lines.push(`Removed models: ${removed.join(', ')}.`);
  return lines.length ? [lines.join('<br>'), ''] : [];
}

/** What the check itself cost (always an estimate, and said so), last before the footer. */
export function footprintText(report: Report, powerModelExplained = false): string | undefined {
  const f = report.footprint;
  if (!f || typeof f !== 'object') return undefined;
  const wall = num(f.wallS);
  const cpu = num(f.cpuS);
  const energy = num(f.energyJ);
  if (wall === undefined || cpu === undefined || energy === undefined) return undefined;
  const shards = num(f.shards);
  return (
    `This check's own footprint${shards !== undefined ? `, summed over ${shards} shard${shards === 1 ? '' : 's'}` : ''}: ` +
    `${sig3(wall)} s wall time, ${sig3(cpu)} s CPU time, ${formatValue(energy, 'joules')} **estimated** ` +
    (powerModelExplained
      ? '(with the power model above: the machine’s idle power for the wall time plus this run’s share of the dynamic power, docs/energy.md).'
      : `(${escapeMarkdown(f.description ?? 'power model', { maxLength: 400 })}).`)
  );
}

function footprintLine(report: Report, powerModelExplained: boolean): string[] {
  const t = footprintText(report, powerModelExplained);
  return t ? [t, ''] : [];
}

/** What has no result in a merged report: the shards and the models, named. */
function incompleteLines(report: Report): string[] {
  const inc = report.incomplete;
  if (!inc) return [];
  const out: string[] = [];
  if (inc.missingShards.length)
    out.push(
      `> **Incomplete:** no report from shard ${inc.missingShards.map((s) => `\`${escapeMarkdown(s, { maxLength: 20 })}\``).join(', ')}.`,
    );
  if (inc.missingModels.length) {
    const names = inc.missingModels.map((n) => escapeMarkdown(n, { maxLength: 200 })).join(', ');
    out.push(`${out.length ? '>\n' : ''}> **No result** (budgets not checked): ${names}.`);
  }
  return [...out, ''];
}

interface Shape {
  details: boolean;
  /** How many models (most severe first when truncating) to show; all when undefined. */
  modelLimit?: number;
  note?: string;
}

/** The commits and the run a report comes from (src/main.ts fills it from the GitHub context). */
export interface Provenance {
  /** Full SHA of the measured head commit. */
  headSha: string;
  /** Full SHA of the base commit compared with, when there is one. */
  baseSha?: string;
  /** `https://github.com/OWNER/REPO`, to link the commits. */
  repoUrl?: string;
  /** Link to the workflow run. */
  runUrl?: string;
  /** How the run is named, e.g. `run 12345 (attempt 2)`. @default 'the run' */
  runLabel?: string;
}

/** `Measured [abc1234](…) against base [def5678](…) · [run 12 (attempt 1)](…)`: SHAs are hex-checked, so nothing else gets in. */
export function provenanceLine(p: Provenance): string {
  const sha = (s: string | undefined) => (s && /^[0-9a-f]{7,64}$/i.test(s) ? s.toLowerCase() : undefined);
  const link = (s: string) => (p.repoUrl ? `[\`${s.slice(0, 7)}\`](${p.repoUrl}/commit/${s})` : `\`${s.slice(0, 7)}\``);
  const head = sha(p.headSha);
  const base = sha(p.baseSha);
  const parts = [head ? `Measured ${link(head)}` : 'Measured an unknown commit'];
  if (base) parts[0] += ` against base ${link(base)}`;
  if (p.runUrl) parts.push(`[${escapeMarkdown(p.runLabel ?? 'the run', { maxLength: 80 })}](${p.runUrl})`);
  return parts.join(' · ');
}

function render(report: Report, opts: MarkdownOptions, shape: Shape): string {
  const all = Array.isArray(report.models) ? report.models.filter((m) => m && typeof m === 'object') : [];
  const verdict = VERDICT_TEXT[report.verdict as string] ?? `❔ ${escapeMarkdown(report.verdict, { maxLength: 20 })}`;
  const lines: string[] = [];
  if (opts.marker !== undefined) lines.push(commentMarker(opts.marker));
  lines.push(`## ${escapeMarkdown(opts.title ?? 'Energy budget', { maxLength: 100 })}: ${verdict}`, '');
  lines.push(...headline(all));
  if (opts.provenance) lines.push(provenanceLine(opts.provenance), '');
  lines.push(summaryLine(report, all), '');
  // How energy was obtained: once for the comment, or once per model where the methods differ.
  const energy = energyExplanations(all);
  if (energy.shared.length) lines.push(energy.shared.join('<br>'), '');
  if (shape.note) lines.push(`> ${shape.note}`, '');
  lines.push(...incompleteLines(report));
  lines.push(...newAndRemoved(all));
  lines.push(...budgetChanges(report));
  let shown = all;
  if (shape.modelLimit !== undefined) {
    // Keep the models a reviewer must see: failures first, then warnings, in report order.
    shown = all
      .map((m, i) => ({ m, i }))
      .sort((a, b) => SEVERITY[modelStatus(b.m)] - SEVERITY[modelStatus(a.m)] || a.i - b.i)
      .slice(0, shape.modelLimit)
      .sort((a, b) => a.i - b.i)
      .map(({ m }) => m);
  }
  for (const m of shown) {
    lines.push(...modelSection(m, energy.perModel.get(m) ?? []));
    if (shape.details) lines.push(...modelDetails(m));
  }
  if (shown.length < all.length) {
    const hidden = all.length - shown.length;
    lines.push(`*${hidden} more model${hidden === 1 ? '' : 's'} not shown here (all within their budgets or less severe).*`, '');
  }
  const history = shape.details ? opts.history?.full : opts.history?.compact;
  if (history) lines.push(history);
  if (shape.details) lines.push(...environmentDetails(report));
  // The footprint's power model is the estimate meter's: named once when the comment explained it.
  const explained = [...energy.shared, ...[...energy.perModel.values()].flat()].some((x) =>
    x.includes('with a power model (estimate)'),
  );
  lines.push(...footprintLine(report, explained));
  lines.push('<sub>energy-budget · report schema 1</sub>', '');
  return lines.join('\n');
}

/**
 * Renders a report as GitHub-flavoured Markdown: verdict, one table per model (base, head,
 * change, budget, status per metric), how energy was obtained, budget changes and collapsible
 * details. Output never exceeds `maxChars`: details are dropped first, then models (failures
 * kept), then the text is cut at a line boundary, each time with a note saying so.
 */
export function renderMarkdown(report: Report, opts: MarkdownOptions = {}): string {
  const maxChars = opts.maxChars ?? GITHUB_COMMENT_MAX_CHARS;
  const hint = opts.fullReportHint ?? 'the full report is in the job summary and the JSON report';
  const full = render(report, opts, { details: !opts.compact });
  if (full.length <= maxChars) return full;
  const compact = render(report, opts, {
    details: false,
    note: `Details are left out to stay under GitHub's comment size limit; ${hint}.`,
  });
  if (compact.length <= maxChars) return compact;
  const count = Array.isArray(report.models) ? report.models.length : 0;
  // Binary search for the most models that fit.
  let lo = 0;
  let hi = count;
  const note = (n: number) => `Only ${n} of ${count} models are shown to stay under GitHub's comment size limit; ${hint}.`;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (render(report, opts, { details: false, modelLimit: mid, note: note(mid) }).length <= maxChars) lo = mid;
    else hi = mid - 1;
  }
  const truncated = render(report, opts, { details: false, modelLimit: lo, note: note(lo) });
  if (truncated.length <= maxChars) return truncated;
  // Last resort (a tiny maxChars): cut at a line boundary and say so.
  const tail = '\n\n*…cut to fit the size limit.*\n';
  const room = Math.max(0, maxChars - tail.length);
  const cut = truncated.slice(0, room);
  const atLine = cut.lastIndexOf('\n');
  return `${atLine > 0 ? cut.slice(0, atLine) : cut}${tail}`.slice(0, maxChars);
}
