/**
 * The history in the action: when a run is appended, reading it for the charts, the trend and
 * `baseline: history`, and the Markdown and HTML it adds. src/action/ calls these; the API client
 * is passed in.
 */
import { writeFileAtomic } from '../util/atomic-write.js';
import type { GitHubClient } from '../github/client.js';
import type { GitHubContext, RepoRef } from '../github/context.js';
import type { ActionInputs } from '../github/inputs.js';
import type { Report } from '../report/types.js';
import { chartsFor } from './chart-data.js';
import { appendGitHubHistory, readGitHubHistory, type WriteResult } from './github.js';
import { renderHistoryHtml } from './html.js';
import { renderHistoryMarkdown } from './markdown.js';
import { toRecord, type HistoryRecord } from './record.js';
import { appendRecord, historyPath } from './store.js';

export interface HistoryPlan {
  /** Read the history (charts, trend). */
  read: boolean;
  /** Append this run. */
  write: boolean;
  /** Why it is not written, for the log. */
  reason: string;
  /** The branch the history's runs come from, for the text ("Trend on main"). */
  branch: string;
}

/**
 * Decides what this run does with the history. Pull-request runs only read (a pull request's
 * figures are not the default branch's); pushes to the default branch append (and any other
 * non-PR event with `history: always`).
 */
export function planHistory(inputs: Pick<ActionInputs, 'history'>, ctx: GitHubContext): HistoryPlan {
  const branch = ctx.pullRequest?.baseRef || ctx.defaultBranch || 'the default branch';
  if (inputs.history === 'off') return { read: false, write: false, reason: 'history: off', branch };
  if (ctx.pullRequest || ctx.eventName.startsWith('pull_request') || ctx.eventName === 'workflow_run')
    return { read: true, write: false, reason: 'pull-request runs read the history and never write it', branch };
  const onDefault = ctx.eventName === 'push' && !!ctx.defaultBranch && ctx.ref === `refs/heads/${ctx.defaultBranch}`;
  if (onDefault || inputs.history === 'always') {
    const name = ctx.ref.replace(/^refs\/heads\//, '') || branch;
    return { read: true, write: true, reason: '', branch: name };
  }
  return {
    read: true,
    write: false,
    reason: `only pushes to the default branch${ctx.defaultBranch ? ` (${ctx.defaultBranch})` : ''} are appended (this is ${ctx.eventName || 'not a GitHub event'} on ${ctx.ref || 'no ref'}; \`history: always\` appends any run)`,
    branch,
  };
}

/** Reads the history of a budget file from the data branch. */
export async function loadHistory(
  client: GitHubClient,
  repo: RepoRef,
  inputs: Pick<ActionInputs, 'historyBranch'>,
  configKey: string,
): Promise<{ records: HistoryRecord[]; skipped: string[] }> {
  return readGitHubHistory(client, repo, inputs.historyBranch, historyPath(configKey));
}

/** This run as a history record. */
export function runRecord(report: Report, ctx: GitHubContext, branch: string): HistoryRecord {
  return toRecord(report, { sha: ctx.sha || 'unknown', ref: branch, runId: ctx.runId || undefined });
}

export interface HistoryView {
  /** For MarkdownOptions.history. */
  markdown: { full: string; compact: string };
  /** The HTML file written, when there was history. */
  htmlFile?: string;
}

/**
 * The Markdown section and the HTML report. `records` is the stored history (with this run
 * appended by the caller when it is being written); `head` is the pull request's report, whose
 * values are the marked point.
 */
export async function renderHistory(
  records: readonly HistoryRecord[],
  head: Report | undefined,
  opts: { branch: string; window: number; htmlPath?: string; title: string; source: string },
): Promise<HistoryView> {
  const charts = chartsFor(records, head, opts.window);
  const full = renderHistoryMarkdown(charts, { branch: opts.branch });
  const compact = renderHistoryMarkdown(charts, { branch: opts.branch, charts: false });
  let htmlFile: string | undefined;
  if (opts.htmlPath && records.length) {
    await writeFileAtomic(opts.htmlPath, renderHistoryHtml(charts, { title: `${opts.title}: history`, source: opts.source }));
    htmlFile = opts.htmlPath;
  }
  return { markdown: { full, compact }, ...(htmlFile ? { htmlFile } : {}) };
}

/** Appends this run; see appendGitHubHistory. */
export async function saveRun(
  client: GitHubClient,
  repo: RepoRef,
  inputs: Pick<ActionInputs, 'historyBranch' | 'historyLimit'>,
  configKey: string,
  record: HistoryRecord,
  options: { sleep?: (ms: number) => Promise<void>; onRetry?: (m: string) => void } = {},
): Promise<WriteResult> {
  return appendGitHubHistory(client, repo, inputs.historyBranch, historyPath(configKey), record, {
    limit: inputs.historyLimit,
    ...options,
  });
}

export { appendRecord };
