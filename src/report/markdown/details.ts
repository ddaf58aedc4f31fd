/** The collapsible details of the Markdown report: per model, and the environment. */
import { escapeMarkdown } from '../escape.js';
import { carbonSourceText, formatChange, formatValue, sig3 } from '../format.js';
import {
  STATUS_MARK,
  num,
  statusOf,
  metricName,
  metricValue,
  comparedChange,
  changeText,
  ciText,
  worst,
  groupByMetric,
  comparedPair,
} from './cells.js';
import type { ModelReport, Report } from '../types.js';

/** Per-metric intervals, latency distribution, energy notes and notices, collapsed. */
export function modelDetails(m: ModelReport): string[] {
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
    const l: { p50?: unknown; p95?: unknown; p99?: unknown; mean?: unknown } = inf.latencyMs ?? {};
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

/** The runner the figures come from, and the baseline warnings, collapsed. */
export function environmentDetails(report: Report): string[] {
  const env: Partial<Report['environment']> = report.environment ?? {};
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
