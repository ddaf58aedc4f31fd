/**
 * The GitHub Actions context, read once from the environment and the event payload into a
 * typed object. Nothing is read at import time (unlike `@actions/github`'s `context`), so
 * tests pass an `env` and a file reader instead of mutating `process.env`.
 *
 * Variables: https://docs.github.com/en/actions/reference/variables-reference
 */
import { readFileSync } from 'node:fs';
import { messageOf } from '../errors.js';
import { isJsonObject } from '../util/json-object.js';

export interface RepoRef {
  owner: string;
  repo: string;
}

/** The pull request the run is about, from a `pull_request`/`pull_request_target` payload. */
export interface PullRequestInfo {
  number: number;
  /** The base commit at the time of the event: what the PR is compared with. */
  baseSha: string;
  baseRef: string;
  headSha: string;
  headRef: string;
  /** `owner/name` of the repository the head branch lives in. */
  headRepo: string;
  /** `owner/name` of the repository the PR targets. */
  baseRepo: string;
  /** The head branch lives in another repository: the token is read-only for `pull_request`. */
  isFork: boolean;
}

/** The triggering run of a `workflow_run` event (the fork two-workflow pattern). */
export interface WorkflowRunInfo {
  id: number;
  /** The head commit of the run that produced the report: used to find the PR. */
  headSha: string;
  headBranch: string;
  /** `owner/name` of the head repository (a fork for fork PRs). */
  headRepo: string;
  /** The event that triggered the first workflow, e.g. `pull_request`. */
  event: string;
  conclusion: string | null;
  /** `run_attempt` of that run. @default 1 */
  runAttempt: number;
}

export interface GitHubContext {
  /** GITHUB_EVENT_NAME, e.g. `pull_request`; '' outside Actions. */
  eventName: string;
  /** GITHUB_REPOSITORY split; null outside Actions. */
  repo: RepoRef | null;
  /** GITHUB_API_URL. @default 'https://api.github.com' */
  apiUrl: string;
  /** GITHUB_SERVER_URL. @default 'https://github.com' */
  serverUrl: string;
  /** GITHUB_SHA: for `pull_request`, the merge commit, not the PR's head. */
  sha: string;
  /** GITHUB_REF, e.g. `refs/heads/main`; '' outside Actions. */
  ref: string;
  /** The repository's default branch from the payload (`repository.default_branch`); '' when absent. */
  defaultBranch: string;
  /** GITHUB_WORKSPACE, else the given fallback (the process's cwd). */
  workspace: string;
  runId: string;
  /** GITHUB_RUN_ATTEMPT (1 for the first attempt, more for re-runs). @default 1 */
  runAttempt: number;
  pullRequest: PullRequestInfo | null;
  workflowRun: WorkflowRunInfo | null;
  /** Problems reading the payload, reported as warnings rather than thrown. */
  warnings: string[];
}

type Json = Record<string, unknown>;

function obj(value: unknown): Json | undefined {
  return isJsonObject(value) ? value : undefined;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function fullName(repo: unknown): string {
  const r = obj(repo);
  return str(r?.full_name) || (str(obj(r?.owner)?.login) && str(r?.name) ? `${str(obj(r?.owner)?.login)}/${str(r?.name)}` : '');
}

function parseRepo(value: string | undefined): RepoRef | null {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(value ?? '');
  return match ? { owner: match[1], repo: match[2] } : null;
}

function pullRequestFrom(payload: Json): PullRequestInfo | null {
  const pr = obj(payload.pull_request);
  if (!pr || typeof pr.number !== 'number') return null;
  const base = obj(pr.base) ?? {};
  const head = obj(pr.head) ?? {};
  const baseRepo = fullName(base.repo) || fullName(payload.repository);
  const headRepo = fullName(head.repo);
  return {
    number: pr.number,
    baseSha: str(base.sha),
    baseRef: str(base.ref),
    headSha: str(head.sha),
    headRef: str(head.ref),
    headRepo,
    baseRepo,
    // A deleted fork has `head.repo: null`: still not the base repository.
    isFork: headRepo.toLowerCase() !== baseRepo.toLowerCase(),
  };
}

function workflowRunFrom(payload: Json): WorkflowRunInfo | null {
  const run = obj(payload.workflow_run);
  if (!run) return null;
  return {
    id: typeof run.id === 'number' ? run.id : 0,
    headSha: str(run.head_sha),
    headBranch: str(run.head_branch),
    headRepo: fullName(run.head_repository),
    event: str(run.event),
    conclusion: typeof run.conclusion === 'string' ? run.conclusion : null,
    runAttempt: typeof run.run_attempt === 'number' ? run.run_attempt : 1,
  };
}

/**
 * Reads the GitHub context from `env` and the event payload file it names. A missing or
 * unreadable payload gives a context without a pull request and a warning, never a throw.
 */
export function readGitHubContext(
  env: Record<string, string | undefined>,
  options: { readFile?: (path: string) => string; cwd?: string } = {},
): GitHubContext {
  const readFile = options.readFile ?? ((p: string) => readFileSync(p, 'utf8'));
  const warnings: string[] = [];
  let payload: Json = {};
  const eventPath = env.GITHUB_EVENT_PATH;
  if (eventPath) {
    try {
      payload = obj(JSON.parse(readFile(eventPath))) ?? {};
    } catch (error) {
      warnings.push(`Could not read the event payload GITHUB_EVENT_PATH=${eventPath}: ${messageOf(error)}`);
    }
  }
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    repo: parseRepo(env.GITHUB_REPOSITORY) ?? parseRepo(fullName(payload.repository)),
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    defaultBranch: str(obj(payload.repository)?.default_branch),
    workspace: env.GITHUB_WORKSPACE || options.cwd || process.cwd(),
    runId: env.GITHUB_RUN_ID ?? '',
    runAttempt: /^\d+$/.test(env.GITHUB_RUN_ATTEMPT ?? '') ? Number(env.GITHUB_RUN_ATTEMPT) : 1,
    pullRequest: pullRequestFrom(payload),
    workflowRun: workflowRunFrom(payload),
    warnings,
  };
}
