/**
 * The git adapter for `--base-ref`: runs git and resolves refs (fetching the commit shallowly
 * when the clone lacks it). Reading files as they are at a commit, and the base side of a run,
 * are in git-baseline.ts.
 *
 * Every git call goes through `execFile` with an argument array (never a shell) and a
 * timeout. User-supplied refs are passed after `--end-of-options` (or refused when they start
 * with `-`), paths after `--`, so neither can be read as an option.
 *
 * Exit codes: a ref that cannot be found or fetched, or a path outside the repository, is the
 * user's input (InputError, exit 2). git missing, hung or failing, and an LFS pointer without
 * git-lfs installed, are the environment (EnvironmentError, exit 3): the files are fine, the
 * runner lacks a tool or a setting.
 */
import { execFile } from 'node:child_process';
import { constants as bufferConstants } from 'node:buffer';
import { EnvironmentError, InputError } from '../errors.js';

/** Options shared by every git call. */
export interface GitOptions {
  /** The git executable, looked up on the PATH of `env`. @default 'git' */
  gitPath?: string;
  /** Environment of git (PATH decides which git and git-lfs run). @default process.env */
  env?: Record<string, string | undefined>;
  /** Timeout of one git call, milliseconds. @default 120000 */
  timeoutMs?: number;
  /** Timeout of `git fetch`, milliseconds. @default 600000 */
  fetchTimeoutMs?: number;
  /** Where progress notes go (the shallow fetch). */
  logger?: { info(message: string): void; warn(message: string): void };
}

/** A git command that ran and exited non-zero (callers decide what it means). */
export class GitCommandError extends Error {
  readonly exitCode: number | null;
  readonly stderr: string;
  constructor(args: readonly string[], exitCode: number | null, stderr: string) {
    super(`git ${args.join(' ')} exited with ${exitCode}: ${stderr.trim() || '(no output)'}`);
    this.name = 'GitCommandError';
    this.exitCode = exitCode;
    this.stderr = stderr;
  }
}

/**
 * Runs git with an argument array and a timeout; resolves with stdout as bytes.
 * @throws EnvironmentError when git is missing or does not finish in time; GitCommandError on a non-zero exit.
 */
export function runGit(
  args: readonly string[],
  cwd: string,
  options: GitOptions & { input?: Uint8Array; timeoutMs?: number } = {},
): Promise<Buffer> {
  const gitPath = options.gitPath ?? 'git';
  const timeoutMs = options.timeoutMs ?? 120_000;
  // No credential prompt can hang a CI job; git's messages in English for the error text.
  const env = { ...(options.env ?? process.env), GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
  return new Promise((resolvePromise, reject) => {
    const child = execFile(
      gitPath,
      [...args],
      {
        cwd,
        env,
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
        encoding: 'buffer',
        maxBuffer: bufferConstants.MAX_LENGTH,
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        if (!error) return resolvePromise(stdout);
        if (error.code === 'ENOENT') {
          return reject(
            new EnvironmentError(
              `--base-ref needs git, but \`${gitPath}\` was not found on PATH. Install git on the runner (it is preinstalled on GitHub-hosted runners), or measure against a report with --baseline instead.`,
              { code: 'GIT_FAILED', cause: error },
            ),
          );
        }
        if (error.killed || (error.signal && typeof error.code !== 'number')) {
          return reject(
            new EnvironmentError(
              `\`git ${args.join(' ')}\` did not finish within ${(timeoutMs / 1000).toFixed(timeoutMs < 1000 ? 1 : 0)} s in ${cwd} and was stopped. ` +
                'git may be waiting for a lock, a network or credentials; check that the repository is not locked (.git/index.lock) and that origin is reachable.',
              { code: 'GIT_FAILED', cause: error },
            ),
          );
        }
        reject(
          new GitCommandError(
            args,
            typeof error.code === 'number' ? error.code : null,
            Buffer.from(stderr ?? '').toString('utf8'),
          ),
        );
      },
    );
    if (options.input) child.stdin?.end(Buffer.from(options.input));
    else child.stdin?.end();
  });
}

async function gitText(args: readonly string[], cwd: string, options: GitOptions = {}): Promise<string> {
  return (await runGit(args, cwd, options)).toString('utf8').trim();
}

/**
 * The top folder of the repository that contains `dir` (`git rev-parse --show-toplevel`).
 * @throws InputError GIT_FAILED when `dir` is not inside a git repository.
 */
export async function repoTop(dir: string, options: GitOptions = {}): Promise<string> {
  try {
    return await gitText(['rev-parse', '--show-toplevel'], dir, options);
  } catch (error) {
    if (error instanceof GitCommandError) {
      throw new InputError(
        'GIT_FAILED',
        `--base-ref needs a git checkout, but ${dir} is not inside a git repository (${error.stderr.trim()}). Run energy-budget from the repository, or use --baseline REPORT.json.`,
        { cause: error },
      );
    }
    throw error;
  }
}

/** The commit checked out in the repository around `dir` (`git rev-parse HEAD`); null outside git or without git. */
export async function headCommit(dir: string, options: GitOptions = {}): Promise<string | null> {
  try {
    return (await gitText(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], dir, { ...options, timeoutMs: 10_000 })) || null;
  } catch {
    return null;
  }
}

function checkRef(ref: string): void {
  if (ref === '' || ref.startsWith('-') || /[\0\n\r]/.test(ref)) {
    throw new InputError(
      'ARGUMENT_INVALID',
      `--base-ref \`${ref}\` is not a git ref: expected a branch, tag or commit such as \`origin/main\` or \`a1b2c3d\`.`,
    );
  }
}

async function revParseCommit(repoDir: string, ref: string, options: GitOptions): Promise<string | null> {
  try {
    return await gitText(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], repoDir, options);
  } catch (error) {
    if (error instanceof GitCommandError) return null;
    throw error;
  }
}

/**
 * The full commit id of `ref`. When the clone lacks it (a shallow CI checkout), fetches it
 * from origin with `git fetch --depth=1 origin <ref>` and retries.
 * @throws InputError GIT_FAILED when the ref exists neither here nor on origin; EnvironmentError on a hung or missing git.
 */
export async function resolveRef(repoDir: string, ref: string, options: GitOptions = {}): Promise<string> {
  checkRef(ref);
  const local = await revParseCommit(repoDir, ref, options);
  if (local) return local;
  // A remote-tracking name (`origin/main`, as GitLab's examples write it) is the branch `main`
  // of the remote `origin`: fetching `origin/main` from origin would ask for a branch of that
  // name. Fetch the branch into its remote-tracking ref instead.
  const remotes = (await runGit(['remote'], repoDir, options).catch(() => Buffer.alloc(0)))
    .toString('utf8')
    .split('\n')
    .map((r) => r.trim());
  const slash = ref.indexOf('/');
  const remote = slash > 0 ? ref.slice(0, slash) : '';
  const tracking = remote !== '' && remotes.includes(remote) && !ref.startsWith('refs/');
  const source = tracking ? remote : 'origin';
  const what = tracking ? `+refs/heads/${ref.slice(slash + 1)}:refs/remotes/${ref}` : ref;
  options.logger?.info(`fetching ${ref} from ${source} (depth 1): it is not in this clone`);
  try {
    await runGit(['fetch', '--depth=1', '--no-tags', '--quiet', '--end-of-options', source, what], repoDir, {
      ...options,
      timeoutMs: options.fetchTimeoutMs ?? 600_000,
    });
  } catch (error) {
    if (error instanceof GitCommandError) {
      throw new InputError(
        'GIT_FAILED',
        `--base-ref ${ref}: the commit is not in this clone and \`git fetch --depth=1 origin ${ref}\` failed: ${error.stderr.trim() || `exit ${error.exitCode}`}. ` +
          'Check the ref name, or fetch more history first (actions/checkout with `fetch-depth: 0`).',
        { cause: error },
      );
    }
    throw error;
  }
  // A branch name fetched this way lands in FETCH_HEAD, not under its own name.
  const fetched = (await revParseCommit(repoDir, ref, options)) ?? (await revParseCommit(repoDir, 'FETCH_HEAD', options));
  if (!fetched) {
    throw new InputError(
      'GIT_FAILED',
      `--base-ref ${ref}: fetched from origin, but it does not name a commit. Expected a branch, tag or commit id.`,
    );
  }
  return fetched;
}
