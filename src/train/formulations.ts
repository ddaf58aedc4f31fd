/**
 * Switches back to older gradient formulations, for interleaved A/B benches
 * (bench/train-step.ts and bench/train-profile.ts, `--legacy NAME` with `--model`) and for tests that
 * compare the two. Not a budget key: the product always builds the defaults.
 */
export interface GradFormulations {
  /** ReLU: dY where Y > 0 as a Where (a generic broadcasting loop). @default false: dY · Cast(Cast(Y, bool)). */
  reluWhere?: boolean;
  /**
   * Conv dX by Gemm + col2im: the col2im written in ONNX ops (each kernel offset's columns
   * spread by the stride, padded into place, one Sum) and the ConvTranspose choice tuned for
   * it. @default false: onnxruntime's Col2Im (opset 18), conv-grad-x.ts.
   */
  col2imPads?: boolean;
}

/** The names benches take (`--legacy NAME`), one per switch of {@link GradFormulations}. */
export const LEGACY_FORMULATIONS = {
  'relu-where': 'reluWhere',
  'col2im-pads': 'col2imPads',
} as const satisfies Record<string, keyof GradFormulations>;

/**
 * The switches named in `names` turned on (`all`: every one).
 * @throws Error naming the unknown name and the known ones.
 */
export function legacyFormulations(names: readonly string[]): GradFormulations {
  const res: GradFormulations = {};
  for (const name of names) {
    const known = Object.entries(LEGACY_FORMULATIONS);
    const hits = name === 'all' ? known : known.filter(([k]) => k === name);
    if (hits.length === 0) {
      throw new Error(`unknown --legacy "${name}"; known: all, ${Object.keys(LEGACY_FORMULATIONS).join(', ')}`);
    }
    for (const [, key] of hits) res[key] = true;
  }
  return res;
}
