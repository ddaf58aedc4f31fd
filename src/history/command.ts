/**
 * `energy-budget history`: the trend of every model, offline. The runs come from a folder (or
 * list) of report JSONs, or from the data branch of a local clone (`--history-ref`); the
 * table goes to the terminal, and `--html` / `--markdown` write the charts.
 */
import { writeFileAtomic } from '../util/atomic-write.js';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readReport } from '../report/read.js';
import { EnergyBudgetError, messageOf } from '../errors.js';
import { formatChange, formatMetric } from '../report/format.js';
import type { Report } from '../report/types.js';
import { chartsFor } from './chart-data.js';
import { renderHistoryHtml } from './html.js';
import { readHistoryFromGit, readHistoryFromReports } from './local.js';
import { renderHistoryMarkdown } from './markdown.js';
import type { HistoryRecord } from './record.js';
import { historyPath } from './store.js';
import { lastSegment } from './series.js';
import { textOption } from '../util/options.js';

export const HISTORY_USAGE = `Usage:
  energy-budget history REPORT_DIR_OR_FILES... [options]
  energy-budget history --history-ref REF [--config FILE] [options]

  Shows the trend of every model over earlier runs, offline.

  REPORT_DIR_OR_FILES  a folder of report JSONs (energy-budget run --json), or the files
  --history-ref REF    read the history branch of this clone instead, e.g.
                       origin/energy-budget-data (git fetch origin energy-budget-data first)
  --config FILE        the budget file whose history is read (default: energy-budget.yml)
  --head REPORT.json   mark this report as the head point (e.g. a pull request's)
  --window N           runs charted (default 30)
  --html FILE          write a self-contained HTML report with SVG charts
  --markdown FILE      write the trend table and Mermaid charts as Markdown`;

class HistoryArgumentError extends EnergyBudgetError {
  constructor(message: string) {
    super('ARGUMENT_INVALID', `energy-budget history: ${message}\nRun 'energy-budget history --help' for the usage.`, 2);
  }
}

export interface HistoryCommandIO {
  cwd: string;
  stdout: { write(text: string): unknown };
}

/** The command's arguments, typed by their options. @throws the parseArgs error, worded by the caller. */
function parseHistoryArgs(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      'history-ref': { type: 'string' },
      config: { type: 'string' },
      head: { type: 'string' },
      window: { type: 'string' },
      html: { type: 'string' },
      markdown: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/**
 * Runs the command; returns the exit code (0, or throws an EnergyBudgetError with code 2 for
 * bad arguments or input).
 */
export async function runHistoryCommand(args: string[], io: HistoryCommandIO): Promise<number> {
  let parsed: ReturnType<typeof parseHistoryArgs>;
  try {
    parsed = parseHistoryArgs(args);
  } catch (error) {
    throw new HistoryArgumentError(messageOf(error).replace(/\. To specify.*$/s, '.'));
  }
  const v = parsed.values;
  if (v.help) {
    io.stdout.write(`${HISTORY_USAGE}\n`);
    return 0;
  }
  const ref = textOption(v['history-ref']);
  if (ref !== undefined && parsed.positionals.length)
    throw new HistoryArgumentError('give either --history-ref or report files, not both.');
  if (ref === undefined && !parsed.positionals.length)
    throw new HistoryArgumentError('give a folder of report JSONs, report files, or --history-ref origin/energy-budget-data.');
  const windowText = textOption(v.window) ?? '30';
  const window = Number(windowText);
  if (!/^\d+$/.test(windowText) || window < 1)
    throw new HistoryArgumentError(`--window expects a whole number ≥ 1; got '${windowText}'.`);

  let records: HistoryRecord[];
  let source: string;
  if (ref !== undefined) {
    const configKey = (textOption(v.config) ?? 'energy-budget.yml').split(path.sep).join('/');
    const file = historyPath(configKey);
    const parsedHistory = await readHistoryFromGit(io.cwd, ref, file);
    for (const s of parsedHistory.skipped) io.stdout.write(`warning: ${file} at ${ref}: ${s} (skipped)\n`);
    records = parsedHistory.records;
    source = `The runs in ${file} at ${ref}.`;
  } else {
    records = await readHistoryFromReports(parsed.positionals, io.cwd);
    source = `${records.length} report${records.length === 1 ? '' : 's'} from ${parsed.positionals.join(', ')}, ordered by their createdAt.`;
  }
  let head: Report | undefined;
  const headFile = textOption(v.head);
  if (headFile) head = await readReport(path.resolve(io.cwd, headFile));

  const charts = chartsFor(records, head, window);
  io.stdout.write(`${renderTable(charts, records.length)}\n`);
  const htmlFile = textOption(v.html);
  if (htmlFile) {
    const file = path.resolve(io.cwd, htmlFile);
    await writeFileAtomic(file, renderHistoryHtml(charts, { source }));
    io.stdout.write(`Wrote ${file}\n`);
  }
  const markdownFile = textOption(v.markdown);
  if (markdownFile) {
    const file = path.resolve(io.cwd, markdownFile);
    await writeFileAtomic(
      file,
      renderHistoryMarkdown(charts, { branch: ref ?? 'the reports', maxChartChars: 1_000_000 }) || 'No history.\n',
    );
    io.stdout.write(`Wrote ${file}\n`);
  }
  return 0;
}

function renderTable(charts: ReturnType<typeof chartsFor>, total: number): string {
  const lines = [`${total} run${total === 1 ? '' : 's'} in the history.`];
  if (!charts.length) return `${lines[0]} No model has figures to chart.`;
  const rows = [['model', 'metric', 'runs', 'first', 'newest', 'median (newest env.)', 'head vs median', 'breaks']];
  for (const c of charts) {
    const pts = c.series.points;
    const seg = lastSegment(c.series);
    const med = seg.length ? [...seg.map((p) => p.value)].sort((a, b) => a - b)[Math.floor((seg.length - 1) / 2)] : undefined;
    const method = c.method ? (c.method === 'estimate' ? ' (estimated)' : ` (${c.method})`) : '';
    rows.push([
      c.model,
      `${c.title}${method}`,
      String(pts.length),
      pts.length ? formatMetric(c.metric, pts[0].value) : '—',
      pts.length ? formatMetric(c.metric, pts[pts.length - 1].value) : '—',
      c.trend ? formatMetric(c.metric, c.trend.median) : med !== undefined ? formatMetric(c.metric, med) : '—',
      c.trend ? formatChange(c.trend.change) : '—',
      c.series.breaks.map((b) => `run ${b.index + 1}: ${b.what}`).join('; ') || '—',
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows)
    lines.push(
      r
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    );
  return lines.join('\n');
}
