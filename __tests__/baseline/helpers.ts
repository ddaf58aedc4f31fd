/** Test-only helpers for the git baseline (not used by the product). */

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
