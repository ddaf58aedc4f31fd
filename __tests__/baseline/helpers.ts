/** Test-only helpers for the git baseline (not used by the product). */
import { GitBaseline } from '../../src/baseline/git-baseline.js';
import type { GitOptions } from '../../src/baseline/git.js';

/** What happened to each model between the base and the head budget file. */
export interface ModelPresence {
  name: string;
  /** `new`: not at the base commit; `removed`: in the base budget file only; `present`: both. */
  status: 'present' | 'new' | 'removed';
}

/**
 * Classifies models: a head model whose file is missing at base is `new`; a model named in the
 * base budget file but not in the head one is `removed`. Pure.
 */
export function classifyModels(
  headModels: ReadonlyArray<{ name: string; existsAtBase: boolean }>,
  baseModelNames: readonly string[],
): ModelPresence[] {
  const head = new Set(headModels.map((m) => m.name));
  return [
    ...headModels.map((m): ModelPresence => ({ name: m.name, status: m.existsAtBase ? 'present' : 'new' })),
    ...baseModelNames.filter((n) => !head.has(n)).map((name): ModelPresence => ({ name, status: 'removed' })),
  ];
}

/**
 * Reads `relPath` (relative to `repoDir`, or absolute) as it is at `ref`, the way the engine
 * reads base files: GitBaseline.open + read (a test shorthand; the product keeps the baseline open).
 */
export async function readFileAtRef(
  repoDir: string,
  ref: string,
  relPath: string,
  options: GitOptions = {},
): Promise<Buffer | null> {
  return (await GitBaseline.open(repoDir, ref, options)).read(relPath);
}
