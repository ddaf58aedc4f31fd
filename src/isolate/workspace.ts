/**
 * The workspace: the one folder a budget file's paths may reach. A pull request controls the
 * budget file, so `path: ../../../etc/passwd`, an absolute path or a symlink committed in the
 * repository could otherwise make the action read (and report on, or feed to onnxruntime)
 * files outside the checkout. Every model path, training-step model and `.npy` input is
 * resolved with realpath (following symlinks) and must land inside the workspace.
 *
 * Which folder (decided and documented in SECURITY.md):
 * 1. `ENERGY_BUDGET_WORKSPACE`, when set (an explicit choice by whoever runs the job);
 * 2. `GITHUB_WORKSPACE`, when set and the budget file is inside it (the checked-out repository
 *    in GitHub Actions);
 * 3. otherwise the repository containing the budget file: the nearest folder at or above it
 *    with a `.git` entry (found without running git);
 * 4. otherwise the budget file's own folder.
 */
import { existsSync, realpathSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { InputError } from '../errors.js';

/** True when `child` is `root` or inside it (both absolute, already resolved). */
export function isInside(root: string, child: string): boolean {
  const rel = relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/** The workspace folder for a budget file (see the module comment), realpath-resolved. */
export function findWorkspaceRoot(configFile: string, env: Record<string, string | undefined>): string {
  if (env.ENERGY_BUDGET_WORKSPACE) return real(resolve(env.ENERGY_BUDGET_WORKSPACE));
  const file = real(resolve(configFile));
  if (env.GITHUB_WORKSPACE) {
    const ws = real(resolve(env.GITHUB_WORKSPACE));
    if (isInside(ws, file)) return ws;
  }
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, '.git'))) return dir;
    if (dirname(dir) === dir) break;
  }
  return dirname(file);
}

/**
 * Resolves `path` with realpath and checks it is inside the workspace.
 * @returns the real path. A missing file is left for the loader to report (it says "does not exist").
 * @throws InputError PATH_OUTSIDE_WORKSPACE (exit 2) naming `what`, the path and the workspace.
 */
export async function assertInsideWorkspace(path: string, workspaceRoot: string, what: string): Promise<string> {
  let target: string;
  try {
    target = await realpath(path);
  } catch {
    // Not there (or unreadable): check the lexical path, the loader reports the missing file.
    target = resolve(path);
  }
  if (!isInside(workspaceRoot, target)) {
    const viaLink = target !== resolve(path) ? ` (it is a symbolic link, or inside one, that resolves to ${target})` : '';
    throw new InputError(
      'PATH_OUTSIDE_WORKSPACE',
      `${what} is ${path}${viaLink}, which is outside the workspace ${workspaceRoot}. ` +
        `Paths in the budget file must stay inside the repository so that a pull request cannot make the job read other files on the runner. ` +
        `Move the file into the repository and give its path relative to the budget file (symbolic links must point inside the repository too), ` +
        `or set ENERGY_BUDGET_WORKSPACE to a folder that contains it.`,
    );
  }
  return target;
}

/** A file reader for `.npy` inputs that refuses files outside the workspace. */
export function confinedReadFile(workspaceRoot: string): (path: string) => Promise<Uint8Array> {
  return async (path) => {
    const target = await assertInsideWorkspace(path, workspaceRoot, 'An input data file');
    return readFile(target);
  };
}
