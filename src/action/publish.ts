/** The action's results: the job summary and outputs (always, first), then the sticky comment. */
import { EnergyBudgetError, messageOf } from '../errors.js';
import { classifyApiError, describeApiError } from '../github/client.js';
import { upsertStickyComment, withCommentMeta, type CommentSubject } from '../github/comment.js';
import { currentPullHead } from '../github/pulls.js';
import type { HistoryView } from '../history/action.js';
import { estimatedFiguresText } from '../report/estimated.js';
import { escapeMarkdown } from '../report/escape.js';
import { renderMarkdown } from '../report/markdown.js';
import type { Report } from '../report/types.js';
import { commentMeta, getClient, type Session } from './session.js';

/** Writes the summary and outputs: always, and before any network call. */
export async function publishLocally(s: Session, report: Report, jsonPath: string, history?: HistoryView): Promise<string> {
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
export async function postComment(
  s: Session,
  report: CommentSubject,
  body: string,
  prNumber: number | null,
  fatal: boolean,
): Promise<void> {
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
