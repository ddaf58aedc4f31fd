/**
 * The action's inputs (action.yml), read through a getter and validated once. Every problem
 * is an InputError (exit 2) that names the input, what it got, and what it accepts.
 */
import { InputError } from '../errors.js';
import { tryParseShard, type Shard } from '../util/shard.js';
import { artifactNameProblem } from './artifact.js';
import { COMMENT_POLICIES, type CommentPolicy } from './comment.js';
import { isOneOf } from '../util/one-of.js';

/** When the job fails (the `fail-on` input). */
export type FailPolicy = 'budget' | 'regression' | 'never';
export const FAIL_POLICIES: readonly FailPolicy[] = ['budget', 'regression', 'never'];

/** `run`: benchmark and report; `comment`: post a report JSON made by another job/workflow. */
export type ActionMode = 'run' | 'comment';
export const MODES: readonly ActionMode[] = ['run', 'comment'];

/**
 * The `history` input: `auto` appends the run on pushes to the default branch and charts the
 * history on pull requests; `always` also appends on other events that are not pull requests
 * (workflow_dispatch, schedule); `off` does neither.
 */
export type HistoryMode = 'auto' | 'always' | 'off';
export const HISTORY_MODES: readonly HistoryMode[] = ['auto', 'always', 'off'];

export interface ActionInputs {
  mode: ActionMode;
  /** Budget file, relative to the workspace. @default 'energy-budget.yml' */
  config: string;
  /** Git ref to measure as the base; '' = the pull request's base commit. */
  baseRef: string;
  /** A report JSON to compare against instead of measuring the base. */
  baseline: string;
  githubToken: string;
  comment: CommentPolicy;
  /** Login whose comments count as ours (for a personal access token); '' = any bot. */
  commentAuthor: string;
  failOn: FailPolicy;
  /** run: where the JSON report is written; comment: the report to post. @default 'energy-budget-report.json' */
  reportJson: string;
  reportMarkdown: string;
  reportJunit: string;
  shard?: { index: number; count: number };
  advise: boolean;
  /** Heading of the comment and summary. @default 'Energy budget' */
  title: string;
  history: HistoryMode;
  /** The data branch. @default 'energy-budget-data' */
  historyBranch: string;
  /** Runs kept per budget file. @default 500 */
  historyLimit: number;
  /** Runs charted, and compared with by `baseline: history`. @default 30 */
  historyWindow: number;
  /** Where the HTML history report is written when there is history. @default 'energy-budget-history.html' */
  historyHtml: string;
  /**
   * Name of the workflow artifact the HTML history report is uploaded as ('' when `off`);
   * a sharded job appends `-shard-I-of-N`. @default 'energy-budget-history'
   */
  historyArtifact: string;
}

/** The artifact name input: a name the artifact service accepts, or `off` (''). @throws InputError */
function artifactName(value: string): string {
  if (value === '') return 'energy-budget-history';
  if (value === 'off' || value === 'false') return '';
  const problem = artifactNameProblem(value);
  if (problem)
    throw new InputError(
      'ARGUMENT_INVALID',
      `The input \`history-artifact\` is "${value}", which cannot be an artifact name: ${problem}. Use a plain name such as energy-budget-history, or \`off\`.`,
    );
  return value;
}

function positiveInt(name: string, value: string, fallback: number, max: number): number {
  if (value === '') return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > max)
    throw new InputError(
      'ARGUMENT_INVALID',
      `The input \`${name}\` is "${value}", but it must be a whole number from 1 to ${max}. Example: \`${name}: ${fallback}\`.`,
    );
  return n;
}

/** A branch name git and GitHub accept (git check-ref-format, simplified). @throws InputError */
function branchName(value: string): string {
  if (value === '') return 'energy-budget-data';
  if (
    !/^[A-Za-z0-9._/-]+$/.test(value) ||
    value.startsWith('-') ||
    value.includes('..') ||
    value.endsWith('/') ||
    value.endsWith('.lock')
  )
    throw new InputError(
      'ARGUMENT_INVALID',
      `The input \`history-branch\` is "${value}", which is not a valid branch name. Use letters, digits, \`-\`, \`_\`, \`.\` and \`/\`, e.g. \`history-branch: energy-budget-data\`.`,
    );
  return value;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[], fallback: T): T {
  if (value === '') return fallback;
  if (isOneOf(allowed, value)) return value;
  throw new InputError(
    'ARGUMENT_INVALID',
    `The input \`${name}\` is "${value}", but it must be one of ${allowed.map((a) => `\`${a}\``).join(', ')}. ` +
      `Example: \`${name}: ${fallback}\`.`,
  );
}

/** Parses `i/n` (1-based) as in `--shard`. @throws InputError */
function parseShard(value: string): Shard | undefined {
  if (value === '') return undefined;
  const shard = tryParseShard(value);
  if (!shard) {
    throw new InputError(
      'ARGUMENT_INVALID',
      `The input \`shard\` is "${value}", but it must be \`i/n\` with 1 ≤ i ≤ n, e.g. \`shard: \${{ matrix.shard }}/4\` with shard: [1, 2, 3, 4].`,
    );
  }
  return shard;
}

function parseBoolean(name: string, value: string): boolean {
  // The YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them.
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE', ''].includes(value)) return false;
  throw new InputError('ARGUMENT_INVALID', `The input \`${name}\` is "${value}", but it must be \`true\` or \`false\`.`);
}

/**
 * Reads and validates every input. `get` returns the trimmed value or '' (core.getInput).
 * @throws InputError for a value outside an input's choices.
 */
export function readInputs(get: (name: string) => string): ActionInputs {
  return {
    mode: oneOf('mode', get('mode'), MODES, 'run'),
    config: get('config') || 'energy-budget.yml',
    baseRef: get('base-ref'),
    baseline: get('baseline'),
    githubToken: get('github-token'),
    comment: oneOf('comment', get('comment'), COMMENT_POLICIES, 'always'),
    commentAuthor: get('comment-author'),
    failOn: oneOf('fail-on', get('fail-on'), FAIL_POLICIES, 'budget'),
    reportJson: get('report-json') || 'energy-budget-report.json',
    reportMarkdown: get('report-markdown'),
    reportJunit: get('report-junit'),
    shard: parseShard(get('shard')),
    advise: parseBoolean('advise', get('advise')),
    title: get('title') || 'Energy budget',
    history: oneOf('history', get('history'), HISTORY_MODES, 'auto'),
    historyBranch: branchName(get('history-branch')),
    historyLimit: positiveInt('history-limit', get('history-limit'), 500, 100_000),
    historyWindow: positiveInt('history-window', get('history-window'), 30, 1000),
    historyHtml: get('history-html') || 'energy-budget-history.html',
    historyArtifact: artifactName(get('history-artifact')),
  };
}
