/**
 * "Did you mean …?" for unknown keys and values: the closest candidate by edit distance
 * (optimal string alignment: insertions, deletions, substitutions and swaps of neighbours
 * each cost 1), after forgiving case and `_`/`-`/space differences.
 */

/** Edit distance between two strings (optimal string alignment, a restricted Damerau–Levenshtein). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  // d[i][j]: distance between the first i characters of a and the first j of b.
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) =>
    Array.from({ length: n + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i];
      const prev = d[i - 1];
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[m][n];
}

function normalise(s: string): string {
  return s.toLowerCase().replace(/[_\s]+/g, '-');
}

/**
 * The candidate closest to `input`, or undefined when none is close: within a third of the
 * input's length (at least 1, at most 3 edits), so `treads` suggests `threads` but `lr` does
 * not suggest `learning-rate`.
 */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  const norm = normalise(input);
  const exact = candidates.find((c) => normalise(c) === norm);
  if (exact !== undefined) return exact;
  const limit = Math.min(3, Math.max(1, Math.floor(norm.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const dist = editDistance(norm, normalise(c));
    if (dist < bestDistance) {
      best = c;
      bestDistance = dist;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
