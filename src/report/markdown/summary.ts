/**
 * The report-wide lines of the Markdown report: the summary sentence, budget changes, new and
 * removed models, what a merged report lacks and the check's own footprint.
 */
import { escapeMarkdown } from '../escape.js';
import { formatValue, sig3 } from '../format.js';
import { num, statusOf, metricName, limitValue, comparedPair, tableText } from './cells.js';
import type { BudgetStatus, ModelReport, Report } from '../types.js';

const CHANGE_TEXT: Record<string, string> = {
  loosened: '⚠️ loosened',
  removed: '⚠️ removed',
  tightened: 'tightened',
  added: 'added',
};

/** The table of budgets this pull request loosened, tightened, added or removed. */
export function budgetChanges(report: Report): string[] {
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
        `${tableText(CHANGE_TEXT, c.change) ?? escapeMarkdown(c.change, { maxLength: 20 })} | ` +
        `${limitValue(c.metric, c.before, c.relative)} | ${limitValue(c.metric, c.after, c.relative)} |`,
    );
  }
  lines.push('');
  return lines;
}

/** One sentence: how many models and budgets, their statuses, the machine and the base compared with. */
export function summaryLine(report: Report, models: ModelReport[]): string {
  const counts: Record<BudgetStatus, number> = { pass: 0, warn: 0, fail: 0, inconclusive: 0 };
  for (const m of models) for (const b of Array.isArray(m.budgets) ? m.budgets : []) counts[statusOf(b?.status)]++;
  const total = counts.pass + counts.warn + counts.fail + counts.inconclusive;
  const parts = (['fail', 'warn', 'inconclusive', 'pass'] as const).filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  const errors = models.filter((m) => m.error).length;
  const env: Partial<Report['environment']> = report.environment ?? {};
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
  const anyBase = rows.some((r: { baseline?: unknown; base?: unknown }) => r && (num(r.baseline) ?? num(r.base)) !== undefined);
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

/** The models new in, or removed by, this pull request, named. */
export function newAndRemoved(models: ModelReport[]): string[] {
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

/** The check's own footprint as a paragraph, or nothing when the report has none. */
export function footprintLine(report: Report, powerModelExplained: boolean): string[] {
  const t = footprintText(report, powerModelExplained);
  return t ? [t, ''] : [];
}

/** What has no result in a merged report: the shards and the models, named. */
export function incompleteLines(report: Report): string[] {
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
