/**
 * Switches back to older gradient formulations, for interleaved A/B benches
 * (bench/train-step.ts --legacy-grads) and for tests that compare the two. Not a budget key:
 * the product always builds the default (newest) formulations.
 */
export interface GradFormulations {
  /**
   * MaxPool: the forward with onnxruntime's Indices output and a ScatterElements of dY at those
   * indices (onnxruntime runs MaxPool with Indices in a slow generic loop). @default false:
   * a plain MaxPool, the argmax found again in backward from X (grad-ops-maxpool.ts).
   */
  maxPoolIndices?: boolean;
  /**
   * 1×1 stride-1 Conv: dX by ConvTranspose and dW by transposes + im2col Gemm, as any other
   * Conv. @default false: batched MatMuls on [N, C, H·W] without transposing activations.
   */
  pointwiseConvAsConv?: boolean;
  /**
   * Conv dX by Gemm + col2im (wide weights over few positions): col2im written in ONNX ops
   * (each kernel offset's columns spread by the stride, padded into place, one Sum).
   * @default false: onnxruntime's Col2Im (opset 18), conv-grad-x.ts.
   */
  col2imPads?: boolean;
}

/** The names benches take (`--legacy NAME`), one per switch of {@link GradFormulations}. */
export const LEGACY_FORMULATIONS = {
  'maxpool-indices': 'maxPoolIndices',
  'pointwise-conv': 'pointwiseConvAsConv',
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
    if (hits.length === 0)
      throw new Error(`unknown --legacy "${name}"; known: all, ${Object.keys(LEGACY_FORMULATIONS).join(', ')}`);
    for (const [, key] of hits) res[key] = true;
  }
  return res;
}
