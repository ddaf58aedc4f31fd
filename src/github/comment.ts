/**
 * The sticky pull-request comment: exactly one per budget file, found again by the hidden
 * marker `<!-- energy-budget: PATH -->` at the start of its body, updated in place.
 *
 * Finding it pages through every comment of the PR (100 per page, following `Link`), because
 * a busy PR can bury the comment far back. Only comments written by `github-actions[bot]` (the
 * account of GITHUB_TOKEN) or by the configured `comment-author` (a GitHub App's bot, or the
 * user of a personal access token) count as ours, so neither a PR author nor another bot can
 * plant a comment with the marker and have it taken over.
 *
 * Many runs, one comment (issue 21):
 * - Two runs whose look-ups overlap both find nothing and both create. So after creating, a run
 *   lists again and converges: the oldest comment of ours (lowest id) is kept, the others are
 *   deleted (a 404 means the other run deleted it first). Both runs see the same list order, so
 *   they agree on the survivor and the PR ends with exactly one comment.
 * - A hidden line after the marker records the head and base SHAs and the run id and attempt
 *   (`<!-- energy-budget-meta: {...} -->`). A run whose head is no longer the PR's head
 *   (`headCheck`) writes nothing ("superseded"), and no run overwrites a comment written by a
 *   later run (a higher run id, or the same run id and a higher attempt): run ids grow with
 *   every new workflow run in a repository, so "later" is decided without clocks.
 */
import { commentMarker } from '../report/escape.js';
import type { Report } from '../report/types.js';

/** What the comment policy reads of a report: the verdict, the rows and the budget changes. */
export type CommentSubject = Pick<Report, 'verdict' | 'models' | 'budgetChanges'>;
import { apiStatus, type GitHubClient } from './client.js';
import type { RepoRef } from './context.js';
import { isJsonObject } from '../util/json-object.js';

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
    const comments: readonly ApiComment[] = page.data;
    for (const c of comments) {
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
export function reportShowsChange(report: CommentSubject): boolean {
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
export function reportShowsRegression(report: CommentSubject): boolean {
  return report.verdict !== 'pass' || report.models.some((m) => m.error);
}

export type CommentAction = 'create' | 'update' | 'skip' | 'superseded';

/** What a comment measured and which run wrote it: hidden in the comment, read back by later runs. */
export interface CommentMeta {
  /** The PR head commit the figures are for. */
  head: string;
  /** The base commit compared with; '' when unknown. */
  base: string;
  /** GITHUB_RUN_ID; 0 when unknown (outside Actions). */
  runId: number;
  /** GITHUB_RUN_ATTEMPT; 1 when unknown. */
  runAttempt: number;
}

const META_PREFIX = '<!-- energy-budget-meta: ';

/** The hidden metadata line: JSON of hex SHAs and integers only, so it cannot close the HTML comment. */
export function renderCommentMeta(meta: CommentMeta): string {
  const sha = (s: string) => (/^[0-9a-f]{4,64}$/i.test(s) ? s.toLowerCase() : '');
  const int = (n: number, d: number) => (Number.isSafeInteger(n) && n >= 0 ? n : d);
  const clean: CommentMeta = {
    head: sha(meta.head),
    base: sha(meta.base),
    runId: int(meta.runId, 0),
    runAttempt: int(meta.runAttempt, 1),
  };
  return `${META_PREFIX}${JSON.stringify(clean)} -->`;
}

/** Puts the metadata line right after the marker (the body's first line). */
export function withCommentMeta(body: string, meta: CommentMeta): string {
  const nl = body.indexOf('\n');
  const line = renderCommentMeta(meta);
  return nl < 0 ? `${body}\n${line}` : `${body.slice(0, nl)}\n${line}${body.slice(nl)}`;
}

/** Reads the metadata of a comment of ours; null for comments written before it existed or mangled. */
export function readCommentMeta(body: string): CommentMeta | null {
  const at = body.indexOf(META_PREFIX);
  if (at < 0) return null;
  const end = body.indexOf(' -->', at);
  if (end < 0) return null;
  try {
    const data: unknown = JSON.parse(body.slice(at + META_PREFIX.length, end));
    if (!isJsonObject(data) || typeof data.head !== 'string' || typeof data.runId !== 'number') return null;
    return {
      head: data.head,
      base: typeof data.base === 'string' ? data.base : '',
      runId: data.runId,
      runAttempt: typeof data.runAttempt === 'number' ? data.runAttempt : 1,
    };
  } catch {
    return null;
  }
}

/** Whether the run `a` is later than the run `b` (a higher run id, or the same id and a higher attempt). */
export function isLaterRun(a: Pick<CommentMeta, 'runId' | 'runAttempt'>, b: Pick<CommentMeta, 'runId' | 'runAttempt'>): boolean {
  return a.runId > b.runId || (a.runId === b.runId && a.runAttempt > b.runAttempt);
}

/**
 * Decides what to do with the comment. With an existing comment every policy but `never`
 * updates it (a stale comment would mislead), unless the body is already identical; without
 * one, `always` creates, `on-change` creates when `reportShowsChange`, `on-regression` when
 * `reportShowsRegression`.
 */
export function decideComment(
  policy: CommentPolicy,
  report: CommentSubject,
  existing: ExistingComment | undefined,
  body: string,
): { action: CommentAction; reason: string } {
  if (policy === 'never') return { action: 'skip', reason: 'comment: never' };
  if (existing) {
    const theirs = readCommentMeta(existing.body);
    const mine = readCommentMeta(body);
    if (theirs && mine && theirs.runId > 0 && isLaterRun(theirs, mine)) {
      return {
        action: 'skip',
        reason: `the comment was written by a later run (${theirs.runId}, attempt ${theirs.runAttempt}) for ${theirs.head.slice(0, 7) || 'another commit'}; it is left as it is`,
      };
    }
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
  report: CommentSubject;
  /** Login whose comments count as ours (a personal access token); else any bot. */
  author?: string;
  /**
   * The pull request's current head SHA, asked just before writing (GET pulls/{n}). When it
   * differs from `headSha`, this run is stale and writes nothing. Not asked when absent.
   */
  headCheck?: () => Promise<string>;
  /** The head commit this run measured (compared with `headCheck`'s answer). */
  headSha?: string;
}

export interface StickyCommentResult {
  action: CommentAction;
  reason: string;
  /** The comment's URL when one exists after the call. */
  url?: string;
  id?: number;
  /** Extra copies of our comment that were deleted. */
  deleted: number;
  /** The PR's current head when this run was superseded by a newer push. */
  supersededBy?: string;
}

/** Deletes a comment; a 404 means another run already deleted it, which is what we wanted. */
async function deleteComment(client: GitHubClient, repo: RepoRef, id: number): Promise<boolean> {
  try {
    await client.rest.issues.deleteComment({ ...repo, comment_id: id });
    return true;
  } catch (error) {
    if (apiStatus(error) === 404) return false;
    throw error;
  }
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
  if (request.headCheck && request.headSha) {
    const current = (await request.headCheck()).toLowerCase();
    if (current && current !== request.headSha.toLowerCase()) {
      return {
        action: 'superseded',
        reason: `superseded by ${current}: the pull request's head moved on, so this run's comment would show an older commit`,
        supersededBy: current,
        deleted: 0,
      };
    }
  }
  const find = () => findOurComments(client, request.repo, request.issueNumber, marker, request.author);
  const ours = await find();
  const [existing, ...extra] = ours;
  let deleted = 0;
  for (const dup of extra) if (await deleteComment(client, request.repo, dup.id)) deleted++;
  const decision = decideComment(request.policy, request.report, existing, request.body);
  if (decision.action === 'skip') return { ...decision, url: existing?.url, id: existing?.id, deleted };
  if (decision.action === 'update' && existing) {
    const res = await client.rest.issues.updateComment({ ...request.repo, comment_id: existing.id, body: request.body });
    return { ...decision, url: res.data.html_url, id: res.data.id, deleted };
  }
  const res = await client.rest.issues.createComment({ ...request.repo, issue_number: request.issueNumber, body: request.body });
  // Converge: another run may have created its own comment meanwhile. Everyone keeps the oldest.
  const after = await find();
  const keep = after[0];
  if (!keep || keep.id === res.data.id) {
    for (const dup of after.slice(1)) if (await deleteComment(client, request.repo, dup.id)) deleted++;
    return { ...decision, url: res.data.html_url, id: res.data.id, deleted };
  }
  // Ours was the younger one: delete it (and any other extra) and write into the survivor
  // unless a later run wrote it.
  for (const dup of after.slice(1)) if (await deleteComment(client, request.repo, dup.id)) deleted++;
  if (!after.some((c) => c.id === res.data.id) && (await deleteComment(client, request.repo, res.data.id))) deleted++;
  const second = decideComment(request.policy, request.report, keep, request.body);
  if (second.action === 'update') {
    const upd = await client.rest.issues.updateComment({ ...request.repo, comment_id: keep.id, body: request.body });
    return {
      action: 'update',
      reason: 'another run created the comment at the same time; updated the older one',
      url: upd.data.html_url,
      id: upd.data.id,
      deleted,
    };
  }
  return {
    action: 'skip',
    reason: `another run created the comment at the same time (${second.reason})`,
    url: keep.url,
    id: keep.id,
    deleted,
  };
}
