import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  EnvironmentError,
  InputError,
  InternalError
} from "./chunk-TKWDDEDX.js";

// src/baseline/git.ts
import { execFile } from "node:child_process";
import { constants as bufferConstants } from "node:buffer";
var GitCommandError = class extends InternalError {
  /** git's exit status (null when it was stopped by a signal); `exitCode` is ours (3). */
  gitExitCode;
  stderr;
  constructor(args, gitExitCode, stderr) {
    super("GIT_FAILED", `git ${args.join(" ")} exited with ${gitExitCode}: ${stderr.trim() || "(no output)"}`);
    this.name = "GitCommandError";
    this.gitExitCode = gitExitCode;
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
        if (error.code === "ENOENT") {
          return reject(
            new EnvironmentError(
              `--base-ref needs git, but \`${gitPath}\` was not found on PATH. Install git on the runner (it is preinstalled on GitHub-hosted runners), or measure against a report with --baseline instead.`,
              { code: "GIT_FAILED", cause: error }
            )
          );
        }
        if (error.killed || error.signal && typeof error.code !== "number") {
          return reject(
            new EnvironmentError(
              `\`git ${args.join(" ")}\` did not finish within ${(timeoutMs / 1e3).toFixed(timeoutMs < 1e3 ? 1 : 0)} s in ${cwd} and was stopped. git may be waiting for a lock, a network or credentials; check that the repository is not locked (.git/index.lock) and that origin is reachable.`,
              { code: "GIT_FAILED", cause: error }
            )
          );
        }
        reject(
          new GitCommandError(
            args,
            typeof error.code === "number" ? error.code : null,
            Buffer.from(stderr ?? "").toString("utf8")
          )
        );
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
        `--base-ref ${ref}: the commit is not in this clone and \`git fetch --depth=1 origin ${ref}\` failed: ${error.stderr.trim() || `exit ${error.gitExitCode}`}. Check the ref name, or fetch more history first (actions/checkout with \`fetch-depth: 0\`).`,
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

export {
  GitCommandError,
  runGit,
  repoTop,
  headCommit,
  resolveRef
};
