import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  decodeModel
} from "./chunk-R3OHUB5T.js";
import {
  EnvironmentError,
  InputError
} from "./chunk-F6FI7J2S.js";

// src/baseline/git.ts
import { execFile, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { constants as bufferConstants } from "node:buffer";
import { mkdir, mkdtemp, realpath, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, isAbsolute, join, posix, relative, resolve, sep } from "node:path";
var LFS_POINTER_HEADER = "version https://git-lfs.github.com/spec/v1";
var LFS_POINTER_MAX_BYTES = 1024;
var GitCommandError = class extends Error {
  exitCode;
  stderr;
  constructor(args, exitCode, stderr) {
    super(`git ${args.join(" ")} exited with ${exitCode}: ${stderr.trim() || "(no output)"}`);
    this.name = "GitCommandError";
    this.exitCode = exitCode;
    this.stderr = stderr;
  }
};
function runGit(args, cwd, options = {}) {
  const gitPath = options.gitPath ?? "git";
  const timeoutMs = options.timeoutMs ?? 12e4;
  const env = { ...options.env ?? process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" };
  return new Promise((resolvePromise, reject) => {
    const child = execFile(
      gitPath,
      [...args],
      {
        cwd,
        env,
        timeout: timeoutMs,
        killSignal: "SIGKILL",
        encoding: "buffer",
        maxBuffer: bufferConstants.MAX_LENGTH,
        windowsHide: true
      },
      (error, stdout, stderr) => {
        if (!error) return resolvePromise(stdout);
        const e = error;
        if (e.code === "ENOENT") {
          return reject(
            new EnvironmentError(
              `--base-ref needs git, but \`${gitPath}\` was not found on PATH. Install git on the runner (it is preinstalled on GitHub-hosted runners), or measure against a report with --baseline instead.`,
              { code: "GIT_FAILED", cause: error }
            )
          );
        }
        if (e.killed || e.signal && typeof e.code !== "number") {
          return reject(
            new EnvironmentError(
              `\`git ${args.join(" ")}\` did not finish within ${(timeoutMs / 1e3).toFixed(timeoutMs < 1e3 ? 1 : 0)} s in ${cwd} and was stopped. git may be waiting for a lock, a network or credentials; check that the repository is not locked (.git/index.lock) and that origin is reachable.`,
              { code: "GIT_FAILED", cause: error }
            )
          );
        }
        reject(new GitCommandError(args, typeof e.code === "number" ? e.code : null, Buffer.from(stderr ?? "").toString("utf8")));
      }
    );
    if (options.input) child.stdin?.end(Buffer.from(options.input));
    else child.stdin?.end();
  });
}
async function gitText(args, cwd, options = {}) {
  return (await runGit(args, cwd, options)).toString("utf8").trim();
}
async function repoTop(dir, options = {}) {
  try {
    return await gitText(["rev-parse", "--show-toplevel"], dir, options);
  } catch (error) {
    if (error instanceof GitCommandError) {
      throw new InputError(
        "GIT_FAILED",
        `--base-ref needs a git checkout, but ${dir} is not inside a git repository (${error.stderr.trim()}). Run energy-budget from the repository, or use --baseline REPORT.json.`,
        { cause: error }
      );
    }
    throw error;
  }
}
async function headCommit(dir, options = {}) {
  try {
    return await gitText(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], dir, { ...options, timeoutMs: 1e4 }) || null;
  } catch {
    return null;
  }
}
function checkRef(ref) {
  if (ref === "" || ref.startsWith("-") || /[\0\n\r]/.test(ref)) {
    throw new InputError(
      "ARGUMENT_INVALID",
      `--base-ref \`${ref}\` is not a git ref: expected a branch, tag or commit such as \`origin/main\` or \`a1b2c3d\`.`
    );
  }
}
async function revParseCommit(repoDir, ref, options) {
  try {
    return await gitText(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`], repoDir, options);
  } catch (error) {
    if (error instanceof GitCommandError) return null;
    throw error;
  }
}
async function resolveRef(repoDir, ref, options = {}) {
  checkRef(ref);
  const local = await revParseCommit(repoDir, ref, options);
  if (local) return local;
  const remotes = (await runGit(["remote"], repoDir, options).catch(() => Buffer.alloc(0))).toString("utf8").split("\n").map((r) => r.trim());
  const slash = ref.indexOf("/");
  const remote = slash > 0 ? ref.slice(0, slash) : "";
  const tracking = remote !== "" && remotes.includes(remote) && !ref.startsWith("refs/");
  const source = tracking ? remote : "origin";
  const what = tracking ? `+refs/heads/${ref.slice(slash + 1)}:refs/remotes/${ref}` : ref;
  options.logger?.info(`fetching ${ref} from ${source} (depth 1): it is not in this clone`);
  try {
    await runGit(["fetch", "--depth=1", "--no-tags", "--quiet", "--end-of-options", source, what], repoDir, {
      ...options,
      timeoutMs: options.fetchTimeoutMs ?? 6e5
    });
  } catch (error) {
    if (error instanceof GitCommandError) {
      throw new InputError(
        "GIT_FAILED",
        `--base-ref ${ref}: the commit is not in this clone and \`git fetch --depth=1 origin ${ref}\` failed: ${error.stderr.trim() || `exit ${error.exitCode}`}. Check the ref name, or fetch more history first (actions/checkout with \`fetch-depth: 0\`).`,
        { cause: error }
      );
    }
    throw error;
  }
  const fetched = await revParseCommit(repoDir, ref, options) ?? await revParseCommit(repoDir, "FETCH_HEAD", options);
  if (!fetched) {
    throw new InputError(
      "GIT_FAILED",
      `--base-ref ${ref}: fetched from origin, but it does not name a commit. Expected a branch, tag or commit id.`
    );
  }
  return fetched;
}
function isLfsPointer(bytes) {
  if (bytes.length > LFS_POINTER_MAX_BYTES || bytes.length < LFS_POINTER_HEADER.length) return false;
  return Buffer.from(bytes.subarray(0, LFS_POINTER_HEADER.length)).toString("latin1") === LFS_POINTER_HEADER;
}
async function repoRelativePath(top, repoDir, file) {
  const abs = resolve(repoDir, file);
  let dir = dirname(abs);
  const rest = [basename(abs)];
  let realDir = null;
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
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) {
    throw new InputError(
      "GIT_FAILED",
      `${abs} is outside the git repository at ${top}, so its base version cannot be read from git. Keep models inside the repository.`
    );
  }
  return rel.split(sep).join(posix.sep);
}
async function smudge(top, relPath, ref, pointer, options) {
  const fix = "Install Git LFS on the runner (`git lfs install`) and, in GitHub Actions, check out with `lfs: true` (actions/checkout), so that LFS files can be read.";
  try {
    await runGit(["lfs", "version"], top, options);
  } catch (error) {
    if (error instanceof GitCommandError) {
      throw new EnvironmentError(
        `${relPath} at ${ref} is a Git LFS pointer, but git-lfs is not installed, so the base model cannot be read. ${fix}`,
        {
          code: "GIT_FAILED",
          cause: error
        }
      );
    }
    throw error;
  }
  try {
    return await runGit(["lfs", "smudge", "--", relPath], top, {
      ...options,
      input: pointer,
      timeoutMs: options.fetchTimeoutMs ?? 6e5
    });
  } catch (error) {
    if (error instanceof GitCommandError) {
      throw new EnvironmentError(
        `${relPath} at ${ref} is a Git LFS pointer and \`git lfs smudge\` failed: ${error.stderr.trim()}. ${fix}`,
        {
          code: "GIT_FAILED",
          cause: error
        }
      );
    }
    throw error;
  }
}
async function blobAtCommit(top, commit, ref, relPath, options) {
  const listing = (await runGit(["ls-tree", "-z", "--full-tree", commit, "--", relPath], top, options)).toString("utf8");
  const entry = listing.split("\0").find((l) => l.endsWith(`	${relPath}`));
  if (!entry) return null;
  const [mode, type, object] = entry.split("	")[0].split(" ");
  if (type !== "blob") {
    throw new InputError(
      "GIT_FAILED",
      `${relPath} at ${ref} is a ${type === "tree" ? "folder" : `${type} (mode ${mode})`}, not a file.`
    );
  }
  return object;
}
async function readAtCommit(top, commit, ref, relPath, options) {
  const object = await blobAtCommit(top, commit, ref, relPath, options);
  if (object === null) return null;
  const bytes = await runGit(["cat-file", "blob", object], top, options);
  return isLfsPointer(bytes) ? smudge(top, relPath, ref, bytes, options) : bytes;
}
async function writeAtCommit(top, commit, ref, relPath, out, options) {
  const object = await blobAtCommit(top, commit, ref, relPath, options);
  if (object === null) return false;
  const size = Number((await runGit(["cat-file", "-s", object], top, options)).toString("utf8").trim());
  if (!(size > LFS_POINTER_MAX_BYTES)) {
    const bytes = await runGit(["cat-file", "blob", object], top, options);
    await writeFile(out, isLfsPointer(bytes) ? await smudge(top, relPath, ref, bytes, options) : bytes);
    return true;
  }
  const timeoutMs = options.timeoutMs ?? 12e4;
  const env = { ...options.env ?? process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" };
  const child = spawn(options.gitPath ?? "git", ["cat-file", "blob", object], {
    cwd: top,
    env,
    stdio: ["ignore", "pipe", "pipe"]
  });
  let stderr = "";
  child.stderr.on("data", (d) => stderr = (stderr + d.toString("utf8")).slice(-4e3));
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs + size / 5e4);
  const exited = new Promise((done) => child.on("close", (code) => done(code)));
  try {
    await pipeline(child.stdout, createWriteStream(out));
    const code = await exited;
    if (code !== 0) throw new GitCommandError(["cat-file", "blob", object], code, stderr);
  } catch (error) {
    throw new EnvironmentError(
      `Writing ${relPath} at ${ref} (${size} bytes) from git to ${out} failed: ${error instanceof Error ? error.message : String(error)}. Check the free disk space of the temporary folder and that git can read the repository.`,
      { code: "GIT_FAILED", cause: error }
    );
  } finally {
    clearTimeout(timer);
  }
  return true;
}
function externalLocations(graph, out) {
  if (!graph) return;
  const visit = (t) => {
    if (!t || t.dataLocation !== 1) return;
    const loc = (t.externalData ?? []).find((e) => e.key === "location")?.value;
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
var GitBaseline = class _GitBaseline {
  constructor(ref, top, commit, repoDir, options) {
    this.ref = ref;
    this.top = top;
    this.repoDir = repoDir;
    this.options = options;
    this.commit = commit;
  }
  ref;
  top;
  repoDir;
  options;
  /** The full commit id the ref resolved to. */
  commit;
  tmp = null;
  /**
   * Finds the repository around `cwd` and resolves `ref` (fetching it shallowly if needed).
   * @throws InputError / EnvironmentError as {@link resolveRef}.
   */
  static async open(cwd, ref, options = {}) {
    const top = await repoTop(cwd, options);
    const commit = await resolveRef(top, ref, options);
    return new _GitBaseline(ref, top, commit, cwd, options);
  }
  /** A file's bytes at the base commit (LFS smudged), or null when it does not exist there. */
  async read(file) {
    return readAtCommit(this.top, this.commit, this.ref, await repoRelativePath(this.top, this.repoDir, file), this.options);
  }
  /** A text file at the base commit (UTF-8), or null when it does not exist there. */
  async readText(file) {
    return (await this.read(file))?.toString("utf8") ?? null;
  }
  /**
   * Writes the base version of a model (and any external-data files it names, kept at the
   * same relative places) into a temporary folder; returns the written model's path, or null
   * when the model does not exist at the base commit (a model new in this change).
   */
  async materializeModel(file) {
    const rel = await repoRelativePath(this.top, this.repoDir, file);
    const bytes = await readAtCommit(this.top, this.commit, this.ref, rel, this.options);
    if (bytes === null) return null;
    this.tmp ??= await mkdtemp(join(tmpdir(), "energy-budget-base-"));
    const out = join(this.tmp, ...rel.split(posix.sep));
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, bytes);
    const locations = /* @__PURE__ */ new Set();
    try {
      externalLocations(decodeModel(bytes).graph, locations);
    } catch {
    }
    for (const loc of locations) {
      const dataRel = posix.normalize(posix.join(posix.dirname(rel), loc.split(sep).join(posix.sep)));
      if (dataRel.startsWith("..") || posix.isAbsolute(loc)) continue;
      const dataOut = join(this.tmp, ...dataRel.split(posix.sep));
      await mkdir(dirname(dataOut), { recursive: true });
      await writeAtCommit(this.top, this.commit, this.ref, dataRel, dataOut, this.options);
    }
    return out;
  }
  /** Removes the temporary folder. */
  async close() {
    if (this.tmp) await rm(this.tmp, { recursive: true, force: true });
    this.tmp = null;
  }
};

export {
  GitCommandError,
  runGit,
  headCommit,
  GitBaseline
};
