/**
 * The GitHub Action. `run(deps)` does everything; `src/index.ts` only calls it, so tests import
 * this module with no side effects and pass fakes for the edges (inputs/outputs, the engine,
 * the API client's clock).
 *
 * Order matters: the engine writes the JSON report, then the job summary, outputs and
 * annotations are written, and only then is the network used (the comment), so a failing or
 * read-only GitHub API never loses what was measured.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { readUntrustedReport } from './report/untrusted.js';
import { EnergyBudgetError, exitCodeOf, InputError } from './errors.js';
import { readGitHubContext } from './github/context.js';
import { readInputs } from './github/inputs.js';
import { findPullRequestForSha } from './github/pulls.js';
import { planHistory } from './history/action.js';
import { escapeMarkdown } from './report/escape.js';
import { mergeReports } from './report/merge.js';
import { writeFileAtomic } from './util/atomic-write.js';
import type { Report } from './report/types.js';
import { historyView } from './action/history.js';
import { postComment, publishLocally } from './action/publish.js';
import { runMode } from './action/run-mode.js';
import { coreIO, getClient, type ActionDeps, type Session } from './action/session.js';

export { coreIO, type ActionDeps, type ActionIO, type RunEnergyBudget } from './action/session.js';

/** The budget-file path as the comment marker and annotations name it: relative to the workspace, forward slashes. */
function workspacePath(workspace: string, file: string): string {
  const rel = path.relative(workspace, path.resolve(workspace, file));
  return (rel.startsWith('..') || path.isAbsolute(rel) ? file : rel).split(path.sep).join('/');
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
    const message =
      error instanceof EnergyBudgetError
        ? error.message
        : `Internal error: ${error instanceof Error ? error.message : String(error)}. Please report it with the log of this step.`;
    if (!(error instanceof EnergyBudgetError) && error instanceof Error && error.stack) io.info(error.stack);
    try {
      await io.writeSummary(`## Energy budget: error\n\n${escapeMarkdown(message, { newlines: 'br', maxLength: 5000 })}\n`);
    } catch {
      // The failure itself is what matters; a summary that cannot be written is not reported twice.
    }
    io.setFailed(message);
    return code;
  }
}
