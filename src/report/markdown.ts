/**
 * The report as GitHub-flavoured Markdown: the PR comment, the job summary and `--markdown`.
 *
 * Everything that comes from the report is treated as untrusted (in the `workflow_run` mode the
 * report is an artifact a fork produced): strings go through `escapeMarkdown`, numbers are
 * checked to be finite numbers before they are formatted, and enum-like fields (status,
 * verdict, change) are mapped through fixed tables, so a report cannot inject markup.
 */
import { commentMarker, escapeMarkdown } from './escape.js';
import { SEVERITY, modelStatus, tableText } from './markdown/cells.js';
import { modelDetails, environmentDetails } from './markdown/details.js';
import { energyExplanations } from './markdown/energy.js';
import { headline } from './markdown/headline.js';
import { modelSection } from './markdown/model.js';
import { budgetChanges, footprintLine, incompleteLines, newAndRemoved, summaryLine } from './markdown/summary.js';
import type { Report } from './types.js';

export { footprintText } from './markdown/summary.js';

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

const VERDICT_TEXT: Record<string, string> = {
  pass: '✅ within budget',
  warn: '⚠️ within budget, with warnings',
  fail: '❌ over budget',
  incomplete: '❔ incomplete (results missing)',
};

interface Shape {
  details: boolean;
  /** How many models (most severe first when truncating) to show; all when undefined. */
  modelLimit?: number;
  note?: string;
}

/** The commits and the run a report comes from (src/action/publish.ts fills it from the GitHub context). */
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
  const verdict = tableText(VERDICT_TEXT, report.verdict) ?? `❔ ${escapeMarkdown(report.verdict, { maxLength: 20 })}`;
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
