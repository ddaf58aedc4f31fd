/**
 * The history in Markdown: where the head sits against the trend (a table) and one Mermaid
 * `xychart-beta` chart per model and metric, which GitHub renders in comments and job
 * summaries (https://mermaid.js.org/syntax/xyChart.html). Pure.
 *
 * Names come from the budget file and the data branch (untrusted): in Markdown they go through
 * escapeMarkdown, inside Mermaid only letters, digits and a few safe marks are kept.
 */
import { escapeMarkdown } from '../report/escape.js';
import { formatChange, formatMetric } from '../report/format.js';
import { drawnLimit, scaled, type ChartData } from './chart-data.js';

/** Characters allowed in a Mermaid title or label (no quotes, brackets, semicolons or newlines). */
function mermaidText(text: string, max = 80): string {
  return (
    text
      .replace(/[^\p{L}\p{N} _.,:()+\-/·%µ→]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, max) || '?'
  );
}

function methodNote(c: ChartData): string {
  if (!c.method) return '';
  return c.method === 'estimate' ? ', estimated' : `, measured (${c.method})`;
}

/**
 * One chart: the history as a line (one point per default-branch run), the limit as a flat
 * line, and the pull request's head as a single bar at the end (`PR`). An x label starting
 * with `|` marks the first run after an environment change.
 */
export function mermaidChart(c: ChartData): string {
  const pts = c.series.points;
  const breakAt = new Set(c.series.breaks.map((b) => b.index));
  const labels = pts.map((p) => `${breakAt.has(p.index) ? '|' : ''}${p.index + 1}`);
  if (c.head !== undefined) labels.push('PR');
  const limit = drawnLimit(c);
  const all = [...pts.map((p) => p.value), ...(c.head !== undefined ? [c.head] : []), ...(limit !== undefined ? [limit] : [])];
  const off = c.limitOffChart && c.limit !== undefined ? `, limit ${scaled(c.limit, c.unit)} ${c.unit.label} above` : '';
  const top = scaled(Math.max(...all) * 1.1, c.unit) || 1;
  // Mermaid colours plots by their order; the default palette draws the first line almost
  // white, so name the colours: history blue, limit red, head amber (as in the HTML report).
  const palette = [
    ...(pts.length ? ['#0969da'] : []),
    ...(limit !== undefined ? ['#d1242f'] : []),
    ...(c.head !== undefined ? ['#bf8700'] : []),
  ];
  const lines = [
    '```mermaid',
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${palette.join(', ')}"}}}}%%`,
    'xychart-beta',
    `  title "${mermaidText(`${c.model} · ${c.title}${methodNote(c)}${off}`, 120)}"`,
    `  x-axis [${labels.map((l) => `"${l}"`).join(', ')}]`,
    `  y-axis "${mermaidText(c.unit.label || 'count', 10)}" 0 --> ${top}`,
  ];
  if (pts.length) lines.push(`  line [${pts.map((p) => scaled(p.value, c.unit)).join(', ')}]`);
  if (limit !== undefined) lines.push(`  line [${labels.map(() => scaled(limit, c.unit)).join(', ')}]`);
  if (c.head !== undefined)
    lines.push(`  bar [${labels.map((_, i) => (i === labels.length - 1 ? scaled(c.head!, c.unit) : 0)).join(', ')}]`);
  lines.push('```');
  return lines.join('\n');
}

export interface HistoryMarkdownOptions {
  /** The default branch's name, e.g. `main`. */
  branch: string;
  /** Draw the charts (else only the trend table). @default true */
  charts?: boolean;
  /** Most characters the charts may take; charts past it are left out with a note. @default 40000 */
  maxChartChars?: number;
}

/** The trend table: head, median of the newest runs, change, for every chart with a head. */
function trendTable(charts: readonly ChartData[], branch: string): string[] {
  const rows = charts.filter((c) => c.trend && c.head !== undefined);
  if (!rows.length) return [];
  const out = [
    `| Model | Metric | This pull request | Median on ${escapeMarkdown(branch, { maxLength: 60 })} | Against the trend |`,
    '|---|---|--:|--:|---|',
  ];
  for (const c of rows) {
    const t = c.trend!;
    out.push(
      `| ${escapeMarkdown(c.model, { maxLength: 120 })} | ${c.title}${methodNote(c) ? ` *(${methodNote(c).slice(2)})*` : ''} | ` +
        `${formatMetric(c.metric, c.head!)} | ${formatMetric(c.metric, t.median)} | ` +
        `${formatChange(t.change)} against the median of the last ${t.runs} run${t.runs === 1 ? '' : 's'} on ${escapeMarkdown(branch, { maxLength: 60 })} |`,
    );
  }
  return [...out, ''];
}

/**
 * The history section of the comment or summary. The same-job comparison above it stays the
 * verdict; this section only puts the head in context. '' when there is no history.
 */
export function renderHistoryMarkdown(charts: readonly ChartData[], opts: HistoryMarkdownOptions): string {
  const withHistory = charts.filter((c) => c.series.points.length > 0);
  if (!withHistory.length) return '';
  const runs = Math.max(...withHistory.map((c) => c.series.points.length));
  const lines = [
    `### Trend on ${escapeMarkdown(opts.branch, { maxLength: 60 })}`,
    '',
    `The last ${runs} run${runs === 1 ? '' : 's'} on ${escapeMarkdown(opts.branch, { maxLength: 60 })}, from the history branch. ` +
      'Runs on the default branch ran on other machines at other times, so this is context; the comparison with the base above is the verdict.',
    '',
    ...trendTable(withHistory, opts.branch),
  ];
  const breaks = new Map<string, string>();
  for (const c of withHistory) for (const b of c.series.breaks) breaks.set(`${b.index + 1}`, b.what);
  if (breaks.size) {
    lines.push(
      `Environment changes (a \`|\` before the run number in the charts): ${[...breaks]
        .map(([i, what]) => `run ${i}: ${escapeMarkdown(what, { maxLength: 300 })}`)
        .join('; ')}.`,
      '',
    );
  }
  if (opts.charts !== false) {
    const max = opts.maxChartChars ?? 40_000;
    let used = 0;
    let left = 0;
    const blocks: string[] = [];
    for (const c of withHistory) {
      const block = mermaidChart(c);
      if (left || used + block.length > max) {
        left++;
        continue;
      }
      used += block.length;
      blocks.push(block, '');
    }
    if (blocks.length) {
      lines.push(
        '<details open><summary>Charts: the line is the history, the flat line the budget limit, the bar at <code>PR</code> this pull request</summary>',
        '',
        ...blocks,
        '</details>',
        '',
      );
    }
    if (left)
      lines.push(
        `*${left} more chart${left === 1 ? '' : 's'} left out to stay within the size limit; the HTML report has them all.*`,
        '',
      );
  }
  return lines.join('\n');
}
