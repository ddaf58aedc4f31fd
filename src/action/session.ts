/**
 * What every part of the GitHub Action shares: the Actions runtime it talks to (inputs,
 * outputs, summary, annotations), its dependencies, and the session of one run (context,
 * inputs, the lazily created API client, the commits the comment speaks for).
 */
import * as core from '@actions/core';
import { createGitHubClient, type ClientOptions, type GitHubClient } from '../github/client.js';
import type { UploadOptions } from '../github/artifact.js';
import type { CommentMeta } from '../github/comment.js';
import type { GitHubContext } from '../github/context.js';
import type { ActionInputs } from '../github/inputs.js';
import type { RunDeps, RunOptions, RunResult } from '../engine/types.js';

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

/** The action's dependencies, all optional: the defaults are the real edges, which tests replace. */
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

/** One run of the action: its runtime, context, inputs and the API client once made. */
export interface Session {
  io: ActionIO;
  ctx: GitHubContext;
  inputs: ActionInputs;
  deps: ActionDeps;
  configKey: string;
  client?: GitHubClient;
}

/** The API client, made on first use; undefined without a `github-token`. */
export function getClient(s: Session): GitHubClient | undefined {
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
export function commentMeta(s: Session): CommentMeta {
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
