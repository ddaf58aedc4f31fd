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
  /**
   * Parameters kept in the model's dims between steps: an update computed in another shape (a
   * fused-SGD Conv kernel as [M, C·k…], an Adam row [1, n]) is reshaped back for the step's
   * output, which onnxruntime copies every step. @default false: each kept in the layout its
   * update writes (storage.ts, optimizers.ts).
   */
  modelLayout?: boolean;
}

/** The names benches take (`--legacy NAME`), one per switch of {@link GradFormulations}. */
export const LEGACY_FORMULATIONS = {
  'relu-where': 'reluWhere',
  'col2im-pads': 'col2imPads',
  'model-layout': 'modelLayout',
} as const satisfies Record<string, keyof GradFormulations>;

/**
 * The switches named in `names` turned on (`all`: every one).
 * @throws Error naming the unknown name and the known ones.
 */
export function legacyFormulations(names: readonly string[]): GradFormulations {
  const res: GradFormulations = {};
  const known = Object.entries(LEGACY_FORMULATIONS);
  for (const name of names) {
    const hits = name === 'all' ? known : known.filter(([k]) => k === name);
    if (hits.length === 0) {
      throw new Error(`unknown --legacy "${name}"; known: all, ${Object.keys(LEGACY_FORMULATIONS).join(', ')}`);
    }
    for (const [, key] of hits) res[key] = true;
  }
  return res;
}
