/**
 * The GitHub Action. `run(deps)` does everything; `src/index.ts` only calls it, so tests import
 * this module with no side effects and pass fakes for the edges (inputs/outputs, the engine,
 * the API client's clock).
 *
 * Order matters: the engine writes the JSON report, then the job summary, outputs and
 * annotations are written, and only then is the network used (the comment), so a failing or
 * read-only GitHub API never loses what was measured.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readUntrustedReport } from './report/untrusted.js';
import * as core from '@actions/core';
import { EnergyBudgetError, exitCodeOf, InputError, isUserFacing, messageOf } from './errors.js';
import {
  classifyApiError,
  createGitHubClient,
  describeApiError,
  type ClientOptions,
  type GitHubClient,
} from './github/client.js';
import { artifactRuntime, uploadArtifact, type UploadOptions } from './github/artifact.js';
import { upsertStickyComment, withCommentMeta, type CommentMeta } from './github/comment.js';
import { readGitHubContext, type GitHubContext } from './github/context.js';
import { readInputs, type ActionInputs } from './github/inputs.js';
import { ensureOnnxRuntime } from './github/platform.js';
import { currentPullHead, findPullRequestForSha } from './github/pulls.js';
import { budgetAnnotations, failingProblems } from './github/verdict.js';
import {
  appendRecord,
  loadHistory,
  planHistory,
  renderHistory,
  runRecord,
  saveRun,
  type HistoryPlan,
  type HistoryView,
} from './history/action.js';
import type { HistoryRecord } from './history/record.js';
import { estimatedFiguresText } from './report/estimated.js';
import { escapeMarkdown } from './report/escape.js';
import { renderMarkdown } from './report/markdown.js';
import { mergeReports } from './report/merge.js';
import { writeFileAtomic } from './util/atomic-write.js';
import { zipFiles } from './util/zip.js';
import type { Report } from './report/types.js';
import type { RunDeps, RunOptions, RunResult } from './engine/types.js';

/** The Actions runtime as the action uses it; the default is @actions/core. */
export interface ActionIO {
  /** Trimmed input value, '' when not given. */
  getInput(name: string): string;
  setOutput(name: string, value: string): void;
  /** Appends Markdown to the job summary. */
  writeSummary(markdown: string): Promise<void>;
  annotate(
    level: 'error' | 'warning' | 'notice',
    message: string,
    props: { title?: string; file?: string; startLine?: number },
  ): void;
  info(message: string): void;
  warning(message: string): void;
  /** Marks the step failed (sets process.exitCode, does not exit). */
  setFailed(message: string): void;
}

/** The engine's entry point (src/engine/run.ts). */
export type RunEnergyBudget = (options: RunOptions, deps: RunDeps) => Promise<RunResult>;

export interface ActionDeps {
  /** @default process.env */
  env?: Record<string, string | undefined>;
  /** @default coreIO() */
  io?: ActionIO;
  /** @default the real engine, loaded after the platform check */
  runEnergyBudget?: RunEnergyBudget;
  /** Client options other than the token and URL (tests inject `sleep`). */
  client?: Omit<ClientOptions, 'token' | 'apiUrl'>;
  /** @default process.cwd() */
  cwd?: string;
  /** Waits between attempts to append to the history after a lost race (tests never sleep). */
  historySleep?: (ms: number) => Promise<void>;
  /** Options of the artifact upload (tests inject `sleep`). */
  artifact?: UploadOptions;
}

/** The @actions/core implementation of ActionIO. */
export function coreIO(env: Record<string, string | undefined> = process.env): ActionIO {
  return {
    getInput: (name) => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, value),
    async writeSummary(markdown) {
      if (!env.GITHUB_STEP_SUMMARY) {
        core.info('No GITHUB_STEP_SUMMARY (not on GitHub Actions): the job summary is skipped.');
        return;
      }
      await core.summary.addRaw(markdown, true).write();
    },
    annotate(level, message, props) {
      if (level === 'error') core.error(message, props);
      else if (level === 'warning') core.warning(message, props);
      else core.notice(message, props);
    },
    info: (m) => core.info(m),
    warning: (m) => core.warning(m),
    setFailed: (m) => core.setFailed(m),
  };
}

/**
 * Loads the engine after making sure onnxruntime can load on this platform (fetching the Linux
 * arm64 runtime into the tool cache on first use). The measurement workers inherit
 * ENERGY_BUDGET_RUNTIME_ENTRY=action, so they load the same copy as this process.
 */
async function loadEngine(io: ActionIO): Promise<RunEnergyBudget> {
  process.env.ENERGY_BUDGET_RUNTIME_ENTRY = 'action';
  await ensureOnnxRuntime({ log: (m) => io.info(m) });
  const engine = await import('./engine/run.js');
  return engine.runEnergyBudget;
}

/** The budget-file path as the comment marker and annotations name it: relative to the workspace, forward slashes. */
function workspacePath(workspace: string, file: string): string {
  const rel = path.relative(workspace, path.resolve(workspace, file));
  return (rel.startsWith('..') || path.isAbsolute(rel) ? file : rel).split(path.sep).join('/');
}

interface Session {
  io: ActionIO;
  ctx: GitHubContext;
  inputs: ActionInputs;
  deps: ActionDeps;
  configKey: string;
  client?: GitHubClient;
}

function getClient(s: Session): GitHubClient | undefined {
  if (!s.inputs.githubToken) return undefined;
  s.client ??= createGitHubClient({
    token: s.inputs.githubToken,
    apiUrl: s.ctx.apiUrl,
    onRetry: (m) => s.io.info(m),
    ...s.deps.client,
  });
  return s.client;
}

/**
 * The commits and run this session's comment speaks for: in the run mode the PR's head and
 * base from the event and this run; in the comment mode the measuring run (`workflow_run`),
 * whose id orders pushes as the commenting runs (started as measurements finish) do not.
 */
function commentMeta(s: Session): CommentMeta {
  const { ctx } = s;
  if (ctx.workflowRun) {
    return { head: ctx.workflowRun.headSha, base: '', runId: ctx.workflowRun.id, runAttempt: ctx.workflowRun.runAttempt };
  }
  return {
    head: ctx.pullRequest?.headSha || ctx.sha,
    base: ctx.pullRequest?.baseSha ?? '',
    runId: /^\d+$/.test(ctx.runId) ? Number(ctx.runId) : 0,
    runAttempt: ctx.runAttempt,
  };
}

/** Writes the summary and outputs: always, and before any network call. */
async function publishLocally(s: Session, report: Report, jsonPath: string, history?: HistoryView): Promise<string> {
  const meta = commentMeta(s);
  const repoUrl = s.ctx.repo ? `${s.ctx.serverUrl}/${s.ctx.repo.owner}/${s.ctx.repo.repo}` : undefined;
  const provenance =
    meta.head && repoUrl
      ? {
          headSha: meta.head,
          baseSha: meta.base || undefined,
          repoUrl,
          runUrl: meta.runId ? `${repoUrl}/actions/runs/${meta.runId}` : undefined,
          runLabel: `run ${meta.runId}${meta.runAttempt > 1 ? ` (attempt ${meta.runAttempt})` : ''}`,
        }
      : undefined;
  const rendered = renderMarkdown(report, {
    marker: s.configKey,
    title: s.inputs.title,
    provenance,
    history: history?.markdown,
    fullReportHint:
      s.ctx.repo && s.ctx.runId
        ? `the full report is in the [job summary](${s.ctx.serverUrl}/${s.ctx.repo.owner}/${s.ctx.repo.repo}/actions/runs/${encodeURIComponent(s.ctx.runId)})`
        : undefined,
  });
  const commentBody = withCommentMeta(rendered, meta);
  // The summary allows 1 MiB; render it without the comment's limit.
  const summary = renderMarkdown(report, {
    title: s.inputs.title,
    maxChars: 1_000_000,
    provenance,
    history: history?.markdown,
  });
  try {
    await s.io.writeSummary(summary);
  } catch (error) {
    s.io.warning(`Could not write the job summary: ${messageOf(error)}`);
  }
  s.io.setOutput('verdict', report.verdict);
  s.io.setOutput('report', jsonPath);
  s.io.setOutput('markdown', commentBody);
  // Says in words which energy figures are estimates; empty when all are measured.
  s.io.setOutput('estimated', estimatedFiguresText(report.models));
  s.io.setOutput('comment-url', '');
  return commentBody;
}

/** Posts the sticky comment per policy; API failures are reported, and fatal only when `fatal`. */
async function postComment(s: Session, report: Report, body: string, prNumber: number | null, fatal: boolean): Promise<void> {
  if (s.inputs.comment === 'never') return;
  const { repo } = s.ctx;
  if (!repo || prNumber === null) {
    s.io.info(
      'Not a pull request (or its number is unknown): no comment is posted; the report is in the job summary and outputs.',
    );
    return;
  }
  const client = getClient(s);
  if (!client) {
    s.io.warning('No `github-token`: no comment is posted. The report is in the job summary and outputs.');
    return;
  }
  const meta = commentMeta(s);
  try {
    const result = await upsertStickyComment(client, {
      repo,
      issueNumber: prNumber,
      configPath: s.configKey,
      body,
      policy: s.inputs.comment,
      report,
      author: s.inputs.commentAuthor || undefined,
      headSha: meta.head || undefined,
      // A head that cannot be read (API error) does not block the comment: the run-id rule still holds.
      headCheck: () =>
        currentPullHead(client, repo, prNumber).catch((error: unknown) => {
          s.io.info(
            `Could not read the current head of pull request #${prNumber} (${describeApiError(error)}); commenting anyway.`,
          );
          return '';
        }),
    });
    if (result.action === 'superseded') {
      const line = `Superseded by ${result.supersededBy}: pull request #${prNumber} has a newer head than ${meta.head}, so this run leaves the comment to the newer run. This run's verdict still applies to ${meta.head}.`;
      s.io.info(line);
      try {
        await s.io.writeSummary(`\n> ${escapeMarkdown(line, { maxLength: 500 })}\n`);
      } catch (error) {
        s.io.warning(`Could not write the job summary: ${messageOf(error)}`);
      }
      return;
    }
    if (result.url) s.io.setOutput('comment-url', result.url);
    const verb = result.action === 'create' ? 'Posted' : result.action === 'update' ? 'Updated' : 'Left';
    s.io.info(
      `${verb} the comment on pull request #${prNumber}${result.action === 'skip' ? ` (${result.reason})` : ''}${result.url ? `: ${result.url}` : ''}.`,
    );
    if (result.deleted) s.io.info(`Deleted ${result.deleted} duplicate comment(s).`);
  } catch (error) {
    const kind = classifyApiError(error);
    const where = `The report is in the job summary, the outputs and ${s.inputs.reportJson}.`;
    let message: string;
    if (kind === 'read-only') {
      message = s.ctx.pullRequest?.isFork
        ? `Could not comment on pull request #${prNumber}: it comes from a fork, and GitHub gives fork pull requests a read-only token. ${where} ` +
          'To comment on fork pull requests, use the two-workflow pattern (mode: comment on workflow_run), see docs/action.md#pull-requests-from-forks.'
        : `Could not comment on pull request #${prNumber}: the token may not write pull requests (${describeApiError(error)}). ` +
          `Add \`permissions: pull-requests: write\` to the job. ${where}`;
    } else {
      message = `Could not comment on pull request #${prNumber}: ${describeApiError(error)}. ${where}`;
    }
    if (fatal) throw new EnergyBudgetError('ENVIRONMENT', message, 3, { cause: error });
    s.io.warning(message);
  }
}

/**
 * Reads the stored history. With `required` (for `baseline: history`) a failure is an error;
 * otherwise it is a warning and the run goes on without charts.
 */
async function readStoredHistory(s: Session, required: boolean): Promise<HistoryRecord[] | undefined> {
  const client = getClient(s);
  const fail = (why: string): undefined => {
    const message = `Could not read the history from the branch ${s.inputs.historyBranch}: ${why}.`;
    if (required) throw new InputError('INPUT_INVALID', `\`baseline: history\` needs the history. ${message}`);
    s.io.warning(`${message} The report has no trend charts.`);
    return undefined;
  };
  if (!s.ctx.repo) return fail('GITHUB_REPOSITORY is not set (not on GitHub Actions)');
  if (!client) return fail('no `github-token`');
  try {
    const { records, skipped } = await loadHistory(client, s.ctx.repo, s.inputs, s.configKey);
    if (skipped.length)
      s.io.warning(`The history file has ${skipped.length} unreadable line(s), skipped: ${skipped.slice(0, 3).join('; ')}`);
    s.io.info(`Read ${records.length} run(s) from the history branch ${s.inputs.historyBranch}.`);
    return records;
  } catch (error) {
    return fail(describeApiError(error));
  }
}

/** Appends this run to the history branch; failures are warnings (the report is already written). */
async function appendHistory(s: Session, record: HistoryRecord): Promise<void> {
  const client = getClient(s);
  if (!client || !s.ctx.repo) {
    s.io.warning('No `github-token` or repository: this run is not appended to the history.');
    return;
  }
  try {
    const r = await saveRun(client, s.ctx.repo, s.inputs, s.configKey, record, {
      sleep: s.deps.historySleep,
      onRetry: (m) => s.io.info(m),
    });
    s.io.info(
      `Appended this run to the history (${s.inputs.historyBranch}, ${r.records} run(s) kept${r.created ? ', branch created' : ''}${r.attempts > 1 ? `, after ${r.attempts - 1} lost race(s)` : ''}).`,
    );
  } catch (error) {
    const kind = classifyApiError(error);
    s.io.warning(
      kind === 'read-only'
        ? `The token is read-only, so this run is not appended to the history branch ${s.inputs.historyBranch} (${describeApiError(error)}). ` +
            'Give the job `permissions: contents: write` on pushes to the default branch.'
        : `Could not append this run to the history branch ${s.inputs.historyBranch}: ${describeApiError(error)}.`,
    );
  }
}

/**
 * The history section and HTML report: the stored runs (read now unless given), with this run
 * appended when it is being written, else with the report as the head point. Failures are
 * warnings: the charts are context, never the verdict.
 */
async function historyView(
  s: Session,
  plan: HistoryPlan,
  report: Report,
  stored: HistoryRecord[] | undefined,
  record?: HistoryRecord,
): Promise<HistoryView | undefined> {
  const { inputs, ctx, io } = s;
  stored ??= await readStoredHistory(s, false);
  if (!stored) return undefined;
  try {
    const view = await renderHistory(
      record ? appendRecord(stored, record, inputs.historyLimit) : stored,
      record ? undefined : report,
      {
        branch: plan.branch,
        window: inputs.historyWindow,
        htmlPath: path.resolve(ctx.workspace, inputs.historyHtml),
        title: inputs.title,
        source: `The last runs on ${plan.branch} from the branch ${inputs.historyBranch} of ${ctx.repo ? `${ctx.repo.owner}/${ctx.repo.repo}` : 'this repository'}, budget file ${s.configKey}.`,
      },
    );
    if (view.htmlFile) {
      io.setOutput('history-html', view.htmlFile);
      await uploadHistoryHtml(s, view.htmlFile);
    }
    return view;
  } catch (error) {
    io.warning(`Could not render the history: ${messageOf(error)}`);
    return undefined;
  }
}

/**
 * Uploads the HTML history report as a workflow artifact (src/github/artifact.ts). Outside
 * GitHub Actions it is skipped with a note; any failure is a warning: the file is written and
 * named by the output `history-html`, and the verdict never depends on the upload.
 */
async function uploadHistoryHtml(s: Session, file: string): Promise<void> {
  const { inputs, io } = s;
  if (!inputs.historyArtifact) return;
  const shard = inputs.shard && inputs.shard.count > 1 ? `-shard-${inputs.shard.index}-of-${inputs.shard.count}` : '';
  const name = `${inputs.historyArtifact}${shard}`;
  const rt = artifactRuntime(s.deps.env ?? process.env);
  if ('missing' in rt) {
    io.info(`The HTML history report is not uploaded as an artifact: ${rt.missing}. It is at ${file}.`);
    return;
  }
  try {
    const data = await readFile(file);
    const zip = zipFiles([{ name: path.basename(file), data }]);
    const up = await uploadArtifact(rt, name, zip, { sleep: s.deps.historySleep, ...s.deps.artifact });
    const where =
      s.ctx.repo && s.ctx.runId
        ? `: ${s.ctx.serverUrl}/${s.ctx.repo.owner}/${s.ctx.repo.repo}/actions/runs/${s.ctx.runId}/artifacts/${up.id}`
        : ` (ID ${up.id})`;
    io.info(`Uploaded the HTML history report as the artifact ${name} (${up.size} bytes zipped)${where}.`);
  } catch (error) {
    io.warning(
      `Could not upload the HTML history report as the artifact ${name}: ${messageOf(error)}. ` +
        `The file is at ${file} (output \`history-html\`).`,
    );
  }
}

async function runMode(s: Session): Promise<number> {
  const { inputs, ctx, io } = s;
  const plan = planHistory(inputs, ctx);
  const againstHistory = inputs.baseline === 'history';
  const stored = againstHistory ? await readStoredHistory(s, true) : undefined;
  const baseRef = inputs.baseRef || (inputs.baseline ? undefined : ctx.pullRequest?.baseSha || undefined);
  const runEnergyBudget = s.deps.runEnergyBudget ?? (await loadEngine(io));
  const jsonPath = path.resolve(ctx.workspace, inputs.reportJson);
  const logger = { info: (m: string) => io.info(m), warn: (m: string) => io.warning(m), progress: (m: string) => io.info(m) };
  if (baseRef) io.info(`Comparing with the base ${baseRef}.`);
  const result = await runEnergyBudget(
    {
      configPath: inputs.config,
      cwd: ctx.workspace,
      jsonPath,
      markdownPath: inputs.reportMarkdown ? path.resolve(ctx.workspace, inputs.reportMarkdown) : undefined,
      junitPath: inputs.reportJunit ? path.resolve(ctx.workspace, inputs.reportJunit) : undefined,
      baseRef,
      baselinePath: inputs.baseline && !againstHistory ? path.resolve(ctx.workspace, inputs.baseline) : undefined,
      historyBaseline:
        againstHistory && stored ? { records: stored, window: inputs.historyWindow, branch: plan.branch } : undefined,
      shard: inputs.shard,
      advise: inputs.advise,
      installValgrind: true,
    },
    { logger, env: s.deps.env },
  );
  const report = result.report;
  const record = plan.write ? runRecord(report, ctx, plan.branch) : undefined;
  const view = plan.read ? await historyView(s, plan, report, stored, record) : undefined;
  const body = await publishLocally(s, report, result.files.json ?? jsonPath, view);
  for (const a of budgetAnnotations(report)) {
    io.annotate(a.level, a.message, { title: a.title, file: s.configKey, startLine: a.line });
  }
  if (record) await appendHistory(s, record);
  else if (inputs.history !== 'off') io.info(`This run is not appended to the history: ${plan.reason}.`);
  await postComment(s, report, body, ctx.pullRequest?.number ?? null, false);
  const problems = failingProblems(report, inputs.failOn);
  const fails = problems.length > 0 || (inputs.failOn === 'budget' && report.verdict === 'fail');
  if (fails) {
    const list = problems.slice(0, 10).map((p) => `  - ${p.message}`);
    if (problems.length > 10) list.push(`  - …and ${problems.length - 10} more`);
    const what = problems.length ? `${problems.length} problem${problems.length === 1 ? '' : 's'}` : 'the verdict is fail';
    io.setFailed(`Energy budget failed (fail-on: ${inputs.failOn}): ${what}.${list.length ? `\n${list.join('\n')}` : ''}`);
    // A model that could not be measured keeps the engine's code (2 invalid input, 3 environment), as in the CLI.
    return problems.some((p) => !p.budget) && result.exitCode >= 2 ? result.exitCode : 1;
  }
  io.info(`Energy budget: ${report.verdict} (fail-on: ${inputs.failOn}).`);
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
    const names = await readdir(dir).catch(() => [] as string[]);
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

async function commentMode(s: Session): Promise<number> {
  const { inputs, ctx, io } = s;
  const files = await reportFiles(ctx.workspace, inputs.reportJson);
  let report: Report;
  let file = files[0];
  const single = files.length === 1 ? await readUntrustedReport(file) : undefined;
  // One report of a sharded run is checked like several: a missing shard must not read as a pass.
  if (single && (single.shard?.count ?? 1) === 1) {
    report = single;
  } else {
    const reports = [];
    for (const f of files)
      reports.push({ report: single ?? (await readUntrustedReport(f)), file: path.relative(ctx.workspace, f) });
    report = mergeReports(reports);
    file = path.resolve(ctx.workspace, 'energy-budget-report.merged.json');
    await writeFileAtomic(file, `${JSON.stringify(report, null, 2)}\n`);
    io.info(`Merged ${files.length} report${files.length === 1 ? '' : 's'} into ${file}.`);
    if (report.incomplete) {
      const { missingShards, missingModels } = report.incomplete;
      io.warning(
        `The merged report is incomplete: ${[
          missingShards.length ? `no report from shard ${missingShards.join(', ')}` : '',
          missingModels.length ? `no result for ${missingModels.join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('; ')}.`,
      );
    }
  }
  // A pull request's report (also a fork's, posted by workflow_run) is charted against the
  // history; this mode never appends to it (the run job did, or it was a pull request).
  const plan = planHistory(inputs, ctx);
  const aboutPullRequest = !!ctx.workflowRun || !!ctx.pullRequest;
  const view = plan.read && aboutPullRequest ? await historyView(s, plan, report, undefined) : undefined;
  const body = await publishLocally(s, report, file, view);
  let prNumber: number | null = null;
  if (ctx.workflowRun) {
    const client = getClient(s);
    if (client && ctx.repo) {
      prNumber = await findPullRequestForSha(client, ctx.repo, ctx.workflowRun.headSha, {
        repo: ctx.workflowRun.headRepo,
        branch: ctx.workflowRun.headBranch,
      });
      if (prNumber === null) io.info(`No open pull request has head ${ctx.workflowRun.headSha}; nothing to comment on.`);
    }
  } else {
    prNumber = ctx.pullRequest?.number ?? null;
  }
  await postComment(s, report, body, prNumber, true);
  return 0;
}

/**
 * Runs the action and returns its exit code (0 ok, 1 failed per `fail-on`, 2 bad input,
 * 3 environment). Every thrown value ends in `setFailed` with a message; our own errors
 * never show a stack trace.
 */
export async function run(deps: ActionDeps = {}): Promise<number> {
  const env = deps.env ?? process.env;
  const io = deps.io ?? coreIO(env);
  try {
    const ctx = readGitHubContext(env, { cwd: deps.cwd });
    for (const w of ctx.warnings) io.warning(w);
    const inputs = readInputs((name) => io.getInput(name));
    const s: Session = { io, ctx, inputs, deps: { ...deps, env }, configKey: workspacePath(ctx.workspace, inputs.config) };
    return inputs.mode === 'comment' ? await commentMode(s) : await runMode(s);
  } catch (error) {
    const code = exitCodeOf(error);
    const message = isUserFacing(error)
      ? error.message
      : `Internal error: ${error instanceof Error ? error.message : String(error)}. Please report it with the log of this step.`;
    if (!isUserFacing(error) && error instanceof Error && error.stack) io.info(error.stack);
    try {
      await io.writeSummary(`## Energy budget: error\n\n${escapeMarkdown(message, { newlines: 'br', maxLength: 5000 })}\n`);
    } catch {
      // The failure itself is what matters; a summary that cannot be written is not reported twice.
    }
    io.setFailed(message);
    return code;
  }
}
