/**
 * The sticky pull-request comment: exactly one per budget file, found again by the hidden
 * marker `<!-- energy-budget: PATH -->` at the start of its body, updated in place.
 *
 * Finding it pages through every comment of the PR (100 per page, following `Link`), because
 * a busy PR can bury the comment far back. Only comments written by `github-actions[bot]` (the
 * account of GITHUB_TOKEN) or by the configured `comment-author` (a GitHub App's bot, or the
 * user of a personal access token) count as ours, so neither a PR author nor another bot can
 * plant a comment with the marker and have it taken over. If a
 * race between two runs ever left two of ours, the oldest is kept and the others deleted.
 */
import { commentMarker } from '../report/escape.js';
import type { Report } from '../report/types.js';
import type { GitHubClient } from './client.js';
import type { RepoRef } from './context.js';

/** When to post the comment (the `comment` input). */
export type CommentPolicy = 'always' | 'on-change' | 'on-regression' | 'never';

export const COMMENT_POLICIES: readonly CommentPolicy[] = ['always', 'on-change', 'on-regression', 'never'];

export interface ExistingComment {
  id: number;
  body: string;
  url: string;
}

interface ApiComment {
  id: number;
  body?: string | null;
  html_url: string;
  user?: { login?: string; type?: string } | null;
}

/** The account GITHUB_TOKEN writes as: the only author of our comments unless `comment-author` says otherwise. */
export const DEFAULT_COMMENT_AUTHOR = 'github-actions[bot]';

/**
 * Whether a comment is ours: it starts with the marker and `author` (default
 * `github-actions[bot]`, the default token's account) wrote it. Any bot used to count, so
 * another app's older comment with the marker was edited and ours deleted as a duplicate.
 */
export function isOurComment(comment: ApiComment, marker: string, author?: string): boolean {
  if (!(comment.body ?? '').startsWith(marker)) return false;
  const login = comment.user?.login;
  if (!login) return false;
  return login.toLowerCase() === (author || DEFAULT_COMMENT_AUTHOR).toLowerCase();
}

/** Every comment of ours on the issue/PR, oldest first, paging through all comments. */
export async function findOurComments(
  client: GitHubClient,
  repo: RepoRef,
  issueNumber: number,
  marker: string,
  author?: string,
): Promise<ExistingComment[]> {
  const found: ExistingComment[] = [];
  for await (const page of client.paginate.iterator(client.rest.issues.listComments, {
    ...repo,
    issue_number: issueNumber,
    per_page: 100,
  })) {
    for (const c of page.data as ApiComment[]) {
      if (isOurComment(c, marker, author)) found.push({ id: c.id, body: c.body ?? '', url: c.html_url });
    }
  }
  return found;
}

const DETERMINISTIC = new Set(['model-size', 'parameters', 'flops']);

/**
 * Whether the report shows something worth a new comment under `on-change`: a verdict other
 * than pass, a model error, a new or removed model, a budget change, a change in a
 * deterministic metric (size, parameters, FLOPs), or a measured change whose 95% interval
 * excludes zero.
 */
export function reportShowsChange(report: Report): boolean {
  if (report.verdict !== 'pass') return true;
  if ((report.budgetChanges ?? []).length > 0) return true;
  for (const m of report.models) {
    if (m.error || m.change) return true;
    for (const b of m.budgets) {
      if (b.status !== 'pass') return true;
      if (b.baseline === null) continue;
      if (DETERMINISTIC.has(b.metric) && b.value !== b.baseline) return true;
      if (b.changeCi95 && (b.changeCi95[0] > 0 || b.changeCi95[1] < 0)) return true;
    }
  }
  return false;
}

/** Whether the report shows a problem: a warning, a failure or a model that could not be measured. */
export function reportShowsRegression(report: Report): boolean {
  return report.verdict !== 'pass' || report.models.some((m) => m.error);
}

export type CommentAction = 'create' | 'update' | 'skip';

/**
 * Decides what to do with the comment. With an existing comment every policy but `never`
 * updates it (a stale comment would mislead), unless the body is already identical; without
 * one, `always` creates, `on-change` creates when `reportShowsChange`, `on-regression` when
 * `reportShowsRegression`.
 */
export function decideComment(
  policy: CommentPolicy,
  report: Report,
  existing: ExistingComment | undefined,
  body: string,
): { action: CommentAction; reason: string } {
  if (policy === 'never') return { action: 'skip', reason: 'comment: never' };
  if (existing) {
    const same = normaliseBody(existing.body) === normaliseBody(body);
    return same
      ? { action: 'skip', reason: 'the comment is already up to date' }
      : { action: 'update', reason: 'updating the existing comment' };
  }
  if (policy === 'on-change' && !reportShowsChange(report)) {
    return { action: 'skip', reason: 'comment: on-change, and this pull request changes no figure or budget' };
  }
  if (policy === 'on-regression' && !reportShowsRegression(report)) {
    return { action: 'skip', reason: 'comment: on-regression, and every budget holds' };
  }
  return { action: 'create', reason: 'no comment yet' };
}

function normaliseBody(body: string): string {
  return body.replace(/\r\n/g, '\n').trim();
}

export interface StickyCommentRequest {
  repo: RepoRef;
  issueNumber: number;
  /** The budget file path the marker is made from. */
  configPath: string;
  /** The comment body; must start with the marker (renderMarkdown with `marker: configPath`). */
  body: string;
  policy: CommentPolicy;
  report: Report;
  /** Login whose comments count as ours (a personal access token); else any bot. */
  author?: string;
}

export interface StickyCommentResult {
  action: CommentAction;
  reason: string;
  /** The comment's URL when one exists after the call. */
  url?: string;
  id?: number;
  /** Extra copies of our comment that were deleted. */
  deleted: number;
}

/**
 * Creates or updates the sticky comment per the policy. API errors propagate (classify them
 * with `classifyApiError`); retries happen inside the client.
 * @throws Error when `body` does not start with the marker for `configPath`.
 */
export async function upsertStickyComment(client: GitHubClient, request: StickyCommentRequest): Promise<StickyCommentResult> {
  const marker = commentMarker(request.configPath);
  if (!request.body.startsWith(marker)) {
    throw new Error(`The comment body must start with the marker ${marker} so the next run finds it.`);
  }
  if (request.policy === 'never') return { action: 'skip', reason: 'comment: never', deleted: 0 };
  const ours = await findOurComments(client, request.repo, request.issueNumber, marker, request.author);
  const [existing, ...extra] = ours;
  let deleted = 0;
  for (const dup of extra) {
    await client.rest.issues.deleteComment({ ...request.repo, comment_id: dup.id });
    deleted++;
  }
  const decision = decideComment(request.policy, request.report, existing, request.body);
  if (decision.action === 'skip') return { ...decision, url: existing?.url, id: existing?.id, deleted };
  if (decision.action === 'update' && existing) {
    const res = await client.rest.issues.updateComment({ ...request.repo, comment_id: existing.id, body: request.body });
    return { ...decision, url: res.data.html_url, id: res.data.id, deleted };
  }
  const res = await client.rest.issues.createComment({ ...request.repo, issue_number: request.issueNumber, body: request.body });
  return { ...decision, url: res.data.html_url, id: res.data.id, deleted };
}
