/**
 * The git adapter for `--base-ref`: reads files as they are at a commit without touching the
 * user's working tree or index (`git ls-tree` + `git cat-file`, never checkout), fetches the
 * commit shallowly when the clone lacks it, and smudges Git LFS pointers with `git lfs`.
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
import { execFile, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { constants as bufferConstants } from 'node:buffer';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { EnvironmentError, InputError, InternalError } from '../errors.js';
import { decodeModel, type GraphProto, type TensorProto } from '../model/onnx.js';

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

/** First line of a Git LFS pointer file (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md). */
const LFS_POINTER_HEADER = 'version https://git-lfs.github.com/spec/v1';
/** The LFS spec caps pointer files at 1024 bytes; anything larger is real content. */
const LFS_POINTER_MAX_BYTES = 1024;

/** A git command that ran and exited non-zero (callers decide what it means). */
export class GitCommandError extends InternalError {
  /** git's exit status (null when it was stopped by a signal); `exitCode` is ours (3). */
  readonly gitExitCode: number | null;
  readonly stderr: string;
  constructor(args: readonly string[], gitExitCode: number | null, stderr: string) {
    super('GIT_FAILED', `git ${args.join(' ')} exited with ${gitExitCode}: ${stderr.trim() || '(no output)'}`);
    this.name = 'GitCommandError';
    this.gitExitCode = gitExitCode;
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
        const e = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string | null; code?: string | number | null };
        if (e.code === 'ENOENT') {
          return reject(
            new EnvironmentError(
              `--base-ref needs git, but \`${gitPath}\` was not found on PATH. Install git on the runner (it is preinstalled on GitHub-hosted runners), or measure against a report with --baseline instead.`,
              { code: 'GIT_FAILED', cause: error },
            ),
          );
        }
        if (e.killed || (e.signal && typeof e.code !== 'number')) {
          return reject(
            new EnvironmentError(
              `\`git ${args.join(' ')}\` did not finish within ${(timeoutMs / 1000).toFixed(timeoutMs < 1000 ? 1 : 0)} s in ${cwd} and was stopped. ` +
                'git may be waiting for a lock, a network or credentials; check that the repository is not locked (.git/index.lock) and that origin is reachable.',
              { code: 'GIT_FAILED', cause: error },
            ),
          );
        }
        reject(new GitCommandError(args, typeof e.code === 'number' ? e.code : null, Buffer.from(stderr ?? '').toString('utf8')));
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
        `--base-ref ${ref}: the commit is not in this clone and \`git fetch --depth=1 origin ${ref}\` failed: ${error.stderr.trim() || `exit ${error.gitExitCode}`}. ` +
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

/** Whether bytes are a Git LFS pointer file rather than the content. */
export function isLfsPointer(bytes: Uint8Array): boolean {
  if (bytes.length > LFS_POINTER_MAX_BYTES || bytes.length < LFS_POINTER_HEADER.length) return false;
  return Buffer.from(bytes.subarray(0, LFS_POINTER_HEADER.length)).toString('latin1') === LFS_POINTER_HEADER;
}

/** The path of `file` relative to the repository top, with forward slashes; realpath-safe. */
async function repoRelativePath(top: string, repoDir: string, file: string): Promise<string> {
  const abs = resolve(repoDir, file);
  // git reports the top as a real path (symlinks resolved, e.g. /tmp → /private/tmp on macOS);
  // resolve the file's folder the same way. The file itself may not exist in the working tree.
  let dir = dirname(abs);
  const rest: string[] = [basename(abs)];
  let realDir: string | null = null;
  while (realDir === null) {
    try {
      realDir = await realpath(dir);
    } catch {
      const parent = dirname(dir);
      if (parent === dir) {
        realDir = dir;
        break;
      }
      rest.unshift(basename(dir));
      dir = parent;
    }
  }
  const rel = relative(await realpath(top).catch(() => top), join(realDir, ...rest));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    throw new InputError(
      'GIT_FAILED',
      `${abs} is outside the git repository at ${top}, so its base version cannot be read from git. Keep models inside the repository.`,
    );
  }
  return rel.split(sep).join(posix.sep);
}

/**
 * Smudges an LFS pointer into the content with `git lfs smudge`.
 * @throws EnvironmentError naming the file and the fix when git-lfs is not installed or fails.
 */
async function smudge(top: string, relPath: string, ref: string, pointer: Uint8Array, options: GitOptions): Promise<Buffer> {
  const fix =
    'Install Git LFS on the runner (`git lfs install`) and, in GitHub Actions, check out with `lfs: true` (actions/checkout), so that LFS files can be read.';
  try {
    await runGit(['lfs', 'version'], top, options);
  } catch (error) {
    if (error instanceof GitCommandError) {
      throw new EnvironmentError(
        `${relPath} at ${ref} is a Git LFS pointer, but git-lfs is not installed, so the base model cannot be read. ${fix}`,
        {
          code: 'GIT_FAILED',
          cause: error,
        },
      );
    }
    throw error;
  }
  try {
    return await runGit(['lfs', 'smudge', '--', relPath], top, {
      ...options,
      input: pointer,
      timeoutMs: options.fetchTimeoutMs ?? 600_000,
    });
  } catch (error) {
    if (error instanceof GitCommandError) {
      throw new EnvironmentError(
        `${relPath} at ${ref} is a Git LFS pointer and \`git lfs smudge\` failed: ${error.stderr.trim()}. ${fix}`,
        {
          code: 'GIT_FAILED',
          cause: error,
        },
      );
    }
    throw error;
  }
}

/** The blob id of a path at a resolved commit; null when the path does not exist there. */
async function blobAtCommit(
  top: string,
  commit: string,
  ref: string,
  relPath: string,
  options: GitOptions,
): Promise<string | null> {
  // `ls-tree` answers "absent" with empty output (no message parsing), and `--` keeps the path
  // from being read as an option. --full-tree: the path is relative to the top, whatever cwd.
  const listing = (await runGit(['ls-tree', '-z', '--full-tree', commit, '--', relPath], top, options)).toString('utf8');
  const entry = listing.split('\0').find((l) => l.endsWith(`\t${relPath}`));
  if (!entry) return null;
  const [mode, type, object] = entry.split('\t')[0].split(' ');
  if (type !== 'blob') {
    throw new InputError(
      'GIT_FAILED',
      `${relPath} at ${ref} is a ${type === 'tree' ? 'folder' : `${type} (mode ${mode})`}, not a file.`,
    );
  }
  return object;
}

/** Reads a file at a resolved commit; null when the path does not exist there. */
async function readAtCommit(
  top: string,
  commit: string,
  ref: string,
  relPath: string,
  options: GitOptions,
): Promise<Buffer | null> {
  const object = await blobAtCommit(top, commit, ref, relPath, options);
  if (object === null) return null;
  // The object id is hex, so it can never be taken for an option.
  const bytes = await runGit(['cat-file', 'blob', object], top, options);
  return isLfsPointer(bytes) ? smudge(top, relPath, ref, bytes, options) : bytes;
}

/**
 * Writes a file at a resolved commit to `out`; false when the path does not exist there. A
 * blob larger than an LFS pointer can be is streamed from `git cat-file` to the file, so a
 * multi-gigabyte external-data file never sits in memory (docs/large-models.md).
 * @throws EnvironmentError GIT_FAILED when git fails or does not finish in time.
 */
async function writeAtCommit(
  top: string,
  commit: string,
  ref: string,
  relPath: string,
  out: string,
  options: GitOptions,
): Promise<boolean> {
  const object = await blobAtCommit(top, commit, ref, relPath, options);
  if (object === null) return false;
  const size = Number((await runGit(['cat-file', '-s', object], top, options)).toString('utf8').trim());
  if (!(size > LFS_POINTER_MAX_BYTES)) {
    const bytes = await runGit(['cat-file', 'blob', object], top, options);
    await writeFile(out, isLfsPointer(bytes) ? await smudge(top, relPath, ref, bytes, options) : bytes);
    return true;
  }
  const timeoutMs = options.timeoutMs ?? 120_000;
  const env = { ...(options.env ?? process.env), GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
  const child = spawn(options.gitPath ?? 'git', ['cat-file', 'blob', object], {
    cwd: top,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-4000)));
  // The time limit scales with the size: at least the usual one, plus a second per 50 MB.
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs + size / 50e3);
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  try {
    await pipeline(child.stdout, createWriteStream(out));
    const code = await exited;
    if (code !== 0) throw new GitCommandError(['cat-file', 'blob', object], code, stderr);
  } catch (error) {
    throw new EnvironmentError(
      `Writing ${relPath} at ${ref} (${size} bytes) from git to ${out} failed: ${error instanceof Error ? error.message : String(error)}. ` +
        'Check the free disk space of the temporary folder and that git can read the repository.',
      { code: 'GIT_FAILED', cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
  return true;
}

/**
 * Reads `relPath` (relative to `repoDir`, or absolute) as it is at `ref`, without touching the
 * working tree or the index; LFS pointers are smudged. Returns null when the file does not
 * exist at that commit.
 * @throws InputError for an unknown ref or a path outside the repository; EnvironmentError for git/LFS problems.
 */
export async function readFileAtRef(
  repoDir: string,
  ref: string,
  relPath: string,
  options: GitOptions = {},
): Promise<Buffer | null> {
  const top = await repoTop(repoDir, options);
  const commit = await resolveRef(top, ref, options);
  return readAtCommit(top, commit, ref, await repoRelativePath(top, repoDir, relPath), options);
}

/** Every external-data location the tensors of a graph (and its subgraphs) name. */
function externalLocations(graph: GraphProto | undefined, out: Set<string>): void {
  if (!graph) return;
  const visit = (t: TensorProto | undefined) => {
    if (!t || t.dataLocation !== 1) return;
    const loc = (t.externalData ?? []).find((e) => e.key === 'location')?.value;
    if (loc) out.add(loc);
  };
  (graph.initializer ?? []).forEach(visit);
  for (const n of graph.node ?? []) {
    for (const a of n.attribute ?? []) {
      visit(a.t);
      (a.tensors ?? []).forEach(visit);
      externalLocations(a.g, out);
      for (const g of a.graphs ?? []) externalLocations(g, out);
    }
  }
}

/**
 * The base side of a `--base-ref` run: one resolved commit, files read from it on demand, and
 * model files written into a private temporary folder for onnxruntime to open.
 */
export class GitBaseline {
  /** The full commit id the ref resolved to. */
  readonly commit: string;
  private tmp: string | null = null;

  private constructor(
    readonly ref: string,
    /** The repository top folder. */
    readonly top: string,
    commit: string,
    private readonly repoDir: string,
    private readonly options: GitOptions,
  ) {
    this.commit = commit;
  }

  /**
   * Finds the repository around `cwd` and resolves `ref` (fetching it shallowly if needed).
   * @throws InputError / EnvironmentError as {@link resolveRef}.
   */
  static async open(cwd: string, ref: string, options: GitOptions = {}): Promise<GitBaseline> {
    const top = await repoTop(cwd, options);
    const commit = await resolveRef(top, ref, options);
    return new GitBaseline(ref, top, commit, cwd, options);
  }

  /** A file's bytes at the base commit (LFS smudged), or null when it does not exist there. */
  async read(file: string): Promise<Buffer | null> {
    return readAtCommit(this.top, this.commit, this.ref, await repoRelativePath(this.top, this.repoDir, file), this.options);
  }

  /** A text file at the base commit (UTF-8), or null when it does not exist there. */
  async readText(file: string): Promise<string | null> {
    return (await this.read(file))?.toString('utf8') ?? null;
  }

  /**
   * Writes the base version of a model (and any external-data files it names, kept at the
   * same relative places) into a temporary folder; returns the written model's path, or null
   * when the model does not exist at the base commit (a model new in this change).
   */
  async materializeModel(file: string): Promise<string | null> {
    const rel = await repoRelativePath(this.top, this.repoDir, file);
    const bytes = await readAtCommit(this.top, this.commit, this.ref, rel, this.options);
    if (bytes === null) return null;
    this.tmp ??= await mkdtemp(join(tmpdir(), 'energy-budget-base-'));
    const out = join(this.tmp, ...rel.split(posix.sep));
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, bytes);
    const locations = new Set<string>();
    try {
      externalLocations(decodeModel(bytes).graph, locations);
    } catch {
      // Not a decodable model: the measurement reports that with the model loader's message.
    }
    for (const loc of locations) {
      const dataRel = posix.normalize(posix.join(posix.dirname(rel), loc.split(sep).join(posix.sep)));
      if (dataRel.startsWith('..') || posix.isAbsolute(loc)) continue; // the model loader rejects these
      const dataOut = join(this.tmp, ...dataRel.split(posix.sep));
      await mkdir(dirname(dataOut), { recursive: true });
      // Streamed to the file: a data file can be larger than any buffer (docs/large-models.md).
      // When it does not exist at base, the loader reports it as a missing external-data file.
      await writeAtCommit(this.top, this.commit, this.ref, dataRel, dataOut, this.options);
    }
    return out;
  }

  /** Removes the temporary folder. */
  async close(): Promise<void> {
    if (this.tmp) await rm(this.tmp, { recursive: true, force: true });
    this.tmp = null;
  }
}
