/**
 * The action's comment mode (`mode: comment`): posts the sticky comment for a report another
 * workflow wrote (a fork's pull request, via workflow_run) or for the reports of a job matrix.
 * Every report is read by the one report reader (report/read.ts), as `merge` and `--baseline`
 * read it. A file that is not a report at all (missing, over 50 MB, not JSON, not an object
 * with `schemaVersion` 1 and a `models` list) fails the step (exit 2): the workflow passed the
 * wrong path. A report the reader refuses for its fields is not rendered: the comment says the
 * artifact is not a valid energy-budget report and lists the reader's problems, the `verdict`
 * output is `incomplete` (nothing was judged), and the step exits 0, since this mode only
 * comments and the run that wrote the report applied `fail-on` itself.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { InputError, messageOf } from '../errors.js';
import { findPullRequestForSha } from '../github/pulls.js';
import { withCommentMeta } from '../github/comment.js';
import { planHistory } from '../history/action.js';
import { commentMarker, escapeMarkdown } from '../report/escape.js';
import { incompleteText, mergeReports } from '../report/merge.js';
import type { ReportFault } from '../report/read.js';
import type { Report } from '../report/types.js';
import { readUntrustedReportFile } from '../report/untrusted.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { historyView } from './history.js';
import { postComment, publishLocally } from './publish.js';
import { commentMeta, getClient, type Session } from './session.js';

/** How the step's error starts, per fault of a file that is not a report at all. */
const NOT_A_REPORT: Record<Exclude<ReportFault, 'invalid'>, string> = {
  unreadable: 'could not be read',
  'too-large': 'is too large',
  'not-json': 'is not valid JSON',
  'not-a-report': 'is not an energy-budget report',
};

/** Most refused files and problems the comment lists, and the length of each problem shown. */
const MAX_SHOWN = 20;
const MAX_PROBLEM_CHARS = 300;

interface Refused {
  /** The path relative to the workspace, as the comment shows it. */
  file: string;
  problems: string[];
}

/** Reads every file; throws (exit 2) for one that is not a report, returns the reports or the refusals. */
async function readAll(
  workspace: string,
  files: string[],
): Promise<{ reports: Array<{ report: Report; file: string }>; refused: Refused[] }> {
  const reports: Array<{ report: Report; file: string }> = [];
  const refused: Refused[] = [];
  for (const f of files) {
    const reading = await readUntrustedReportFile(f);
    const file = path.relative(workspace, f);
    if (reading.ok) reports.push({ report: reading.report, file });
    else if (reading.fault === 'invalid') refused.push({ file, problems: reading.problems });
    else {
      const hint =
        reading.fault === 'unreadable'
          ? " In the comment mode, download the first workflow's report artifact first (actions/download-artifact) and pass its path."
          : '';
      throw new InputError('INPUT_INVALID', `The report ${NOT_A_REPORT[reading.fault]}: ${reading.message}${hint}`);
    }
  }
  return { reports, refused };
}

/** The pull request to comment on: the event's, or for workflow_run the open one with the run's head. */
async function pullRequestNumber(s: Session): Promise<number | null> {
  const { ctx, io } = s;
  if (!ctx.workflowRun) return ctx.pullRequest?.number ?? null;
  const client = getClient(s);
  if (!client || !ctx.repo) return null;
  const pr = await findPullRequestForSha(client, ctx.repo, ctx.workflowRun.headSha, {
    repo: ctx.workflowRun.headRepo,
    branch: ctx.workflowRun.headBranch,
  });
  if (pr === null) io.info(`No open pull request has head ${ctx.workflowRun.headSha}; nothing to comment on.`);
  return pr;
}

/** The comment for refused reports: which files, and the reader's problems, escaped and cut. */
function refusedMarkdown(s: Session, refused: Refused[], marker: boolean): string {
  const lines: string[] = [];
  if (marker) lines.push(commentMarker(s.configKey));
  lines.push(`## ${escapeMarkdown(s.inputs.title || 'Energy budget', { maxLength: 100 })}: ❔ not a valid report`, '');
  lines.push(
    `The report artifact is not a valid energy-budget report, so no figure or budget row of it is shown ` +
      `(\`merge\` and \`--baseline\` refuse it too). The run that wrote it applied \`fail-on\` itself.`,
    '',
  );
  for (const r of refused.slice(0, MAX_SHOWN)) {
    const problems = r.problems.slice(0, MAX_SHOWN).map((p) => escapeMarkdown(p, { maxLength: MAX_PROBLEM_CHARS }));
    lines.push(`- ${escapeMarkdown(r.file, { maxLength: 200 })}: ${problems.join('; ')}`);
  }
  if (refused.length > MAX_SHOWN) lines.push(`- … and ${refused.length - MAX_SHOWN} more report files`);
  lines.push('');
  return lines.join('\n');
}

/** Publishes the refusal: summary, outputs (`verdict: incomplete`), annotation, comment; exit 0. */
async function publishRefused(s: Session, refused: Refused[], files: string[]): Promise<number> {
  const { io } = s;
  for (const r of refused.slice(0, MAX_SHOWN))
    io.warning(`The report ${r.file} is not a valid energy-budget report: ${r.problems.join('; ').slice(0, 2000)}`);
  const body = withCommentMeta(refusedMarkdown(s, refused, true), commentMeta(s));
  try {
    await io.writeSummary(refusedMarkdown(s, refused, false));
  } catch (error) {
    io.warning(`Could not write the job summary: ${messageOf(error)}`);
  }
  // Nothing was judged: `incomplete`, the verdict a merged report gets when results are missing.
  io.setOutput('verdict', 'incomplete');
  io.setOutput('report', files[0] ?? '');
  io.setOutput('markdown', body);
  io.setOutput('estimated', '');
  io.setOutput('comment-url', '');
  // The policy sees an incomplete verdict: a problem and a change, so the comment is written.
  await postComment(s, { verdict: 'incomplete', models: [] }, body, await pullRequestNumber(s), true);
  return 0;
}

/**
 * The report files named by `report-json` in the comment mode: one path per line, and `*` in
 * a file name matches any characters (`reports/report-*.json` for a job matrix).
 * @throws InputError when a pattern matches nothing.
 */
async function reportFiles(workspace: string, spec: string): Promise<string[]> {
  const files: string[] = [];
  for (const line of spec
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const full = path.resolve(workspace, line);
    const base = path.basename(full);
    if (!base.includes('*')) {
      files.push(full);
      continue;
    }
    const dir = path.dirname(full);
    const pattern = new RegExp(
      `^${base
        .split('*')
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    const names = await readdir(dir).catch((): string[] => []);
    const matched = names.filter((n) => pattern.test(n)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    if (matched.length === 0) {
      throw new InputError(
        'INPUT_INVALID',
        `No report matches \`report-json: ${line}\` in ${dir}. Download the report artifacts first.`,
      );
    }
    files.push(...matched.map((n) => path.join(dir, n)));
  }
  return files;
}

/** Comment mode: reads the report(s), then the summary, outputs and the sticky comment; exit 0 unless it cannot post. */
export async function commentMode(s: Session): Promise<number> {
  const { inputs, ctx, io } = s;
  const files = await reportFiles(ctx.workspace, inputs.reportJson);
  const { reports, refused } = await readAll(ctx.workspace, files);
  // One refused file refuses the set: a shard's rows cannot be shown without the others'.
  if (refused.length) return publishRefused(s, refused, files);
  let report: Report;
  let file = files[0];
  const single = reports.length === 1 ? reports[0].report : undefined;
  // One report of a sharded run is checked like several: a missing shard must not read as a pass.
  if (single && (single.shard?.count ?? 1) === 1) {
    report = single;
  } else {
    report = mergeReports(reports);
    file = path.resolve(ctx.workspace, 'energy-budget-report.merged.json');
    await writeFileAtomic(file, `${JSON.stringify(report, null, 2)}\n`);
    io.info(`Merged ${files.length} report${files.length === 1 ? '' : 's'} into ${file}.`);
    if (report.incomplete) io.warning(`The merged report is incomplete: ${incompleteText(report.incomplete)}.`);
  }
  // A pull request's report (also a fork's, posted by workflow_run) is charted against the
  // history; this mode never appends to it (the run job did, or it was a pull request).
  const plan = planHistory(inputs, ctx);
  const aboutPullRequest = !!ctx.workflowRun || !!ctx.pullRequest;
  const view = plan.read && aboutPullRequest ? await historyView(s, plan, report, undefined) : undefined;
  const body = await publishLocally(s, report, file, view);
  await postComment(s, report, body, await pullRequestNumber(s), true);
  return 0;
}
