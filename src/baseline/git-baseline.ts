/**
 * Files as they are at a commit, for `--base-ref`: read without touching the user's working
 * tree or index (`git ls-tree` + `git cat-file`, never checkout), Git LFS pointers smudged with
 * `git lfs`, large blobs streamed to disk; and {@link GitBaseline}, the base side of a run.
 * Git is run by git.ts (argument arrays, timeouts, refs after `--end-of-options`, paths after `--`).
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { EnvironmentError, InputError, messageOf } from '../errors.js';
import { decodeModel, type GraphProto, type TensorProto } from '../model/onnx.js';
import { GitCommandError, repoTop, resolveRef, runGit, type GitOptions } from './git.js';

/** First line of a Git LFS pointer file (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md). */
const LFS_POINTER_HEADER = 'version https://git-lfs.github.com/spec/v1';
/** The LFS spec caps pointer files at 1024 bytes; anything larger is real content. */
const LFS_POINTER_MAX_BYTES = 1024;

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
      `Writing ${relPath} at ${ref} (${size} bytes) from git to ${out} failed: ${messageOf(error)}. ` +
        'Check the free disk space of the temporary folder and that git can read the repository.',
      { code: 'GIT_FAILED', cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
  return true;
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
