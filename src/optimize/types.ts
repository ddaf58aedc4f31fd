/**
 * Plain data of the optimisation advisor: which variant, what it changed, how faithful it is
 * to the original, and what it would save. The report embeds `Advice[]` per model.
 */
import type { ModelProto } from '../model/onnx.js';

/** The variants that rewrite weights in place (a pure transform of the model). */
export type RewriteVariantId = 'int8-weights' | 'int8-dynamic' | 'fp16' | 'prune';

/**
 * The variants that make the model smaller and dense, built from input batches: structured
 * pruning with recovery fine-tuning, and a narrower student distilled from the original.
 */
export type ReduceVariantId = 'prune-structured' | 'distill';

/** The model-shrinking techniques the advisor tries. */
export type VariantId = RewriteVariantId | ReduceVariantId;

/** The rewriting variants, in the order the report shows them. */
export const VARIANT_IDS: readonly RewriteVariantId[] = ['int8-weights', 'int8-dynamic', 'fp16', 'prune'];

/** The reducing variants, shown after the rewriting ones. */
export const REDUCE_VARIANT_IDS: readonly ReduceVariantId[] = ['prune-structured', 'distill'];

/** Every variant the advisor shows by default, in order. */
export const ADVICE_VARIANT_IDS: readonly VariantId[] = [...VARIANT_IDS, ...REDUCE_VARIANT_IDS];

/** Options of the reducing variants; every field has a default. */
export interface ReduceVariantOptions {
  /** Share of every prunable layer's channels `prune-structured` removes. @default 0.3 */
  pruneRatio?: number;
  /** Width of the distilled student, as a share of the original's hidden widths. @default 0.5 */
  distillWidth?: number;
  /** Fine-tuning steps of both. @default 300 */
  steps?: number;
  /** Distillation loss: `mse` on the outputs (logits), or `kl` on softened logits. @default 'mse' for prune-structured, 'kl' for distill */
  loss?: 'mse' | 'kl';
  /** Temperature of `kl`. @default 2 */
  temperature?: number;
}

/** How a reducing variant was trained, and what that cost. */
export interface FineTuneInfo {
  steps: number;
  /** Wall time of the fine-tuning (teacher runs, building the step, the steps), seconds. */
  durationS: number;
  /** What was minimised, e.g. 'MSE on the logits "logit" before the final Sigmoid'. */
  loss: string;
  lossFirst: number;
  lossLast: number;
  /** Where the training inputs came from: 'seeded synthetic inputs (16 batches)', or the .npy file. */
  inputs: string;
  /** Where the held-out fidelity inputs came from. */
  heldOut: string;
  /** Energy of the fine-tuning window when a meter ran, with its method (an estimate says so). */
  energy?: { joules: number; method: string; estimated: boolean };
}

/** What structured pruning removed. */
export interface StructuredPruneInfo {
  /** Share of channels removed from each prunable layer. */
  ratio: number;
  /** Ranking of channels: mean |activation| on the training inputs, or weight L2 norm. */
  importance: 'activation' | 'weight-norm';
  parametersBefore: number;
  parametersAfter: number;
  groups: Array<{ layers: string[]; channels: number; kept: number; lockedBecause?: string }>;
}

/** How magnitude pruning picks the weights to zero. */
export type PruneScope = 'per-tensor' | 'global';

/** Options of the variants; every field has a default. */
export interface VariantOptions {
  /** Share of Conv/Gemm/MatMul weight elements set to zero by `prune`, 0 ≤ s < 1. @default 0.5 */
  sparsity?: number;
  /**
   * `per-tensor`: each weight tensor loses the same share of its smallest-magnitude elements;
   * `global`: the smallest magnitudes across all those weights go, whichever tensor they are in.
   * @default 'per-tensor'
   */
  pruneScope?: PruneScope;
}

/** One weight tensor a variant rewrote. */
export interface WeightChange {
  /** Initializer name in the original model. */
  name: string;
  /** Consuming op types, e.g. ['Gemm']. */
  ops: string[];
  elements: number;
  /** How it is stored now: 'int8 per-channel (axis 0)', 'float16', 'pruned 50.0%'. */
  storage: string;
}

/** A variant model and what was done to produce it. */
export interface VariantResult {
  variant: VariantId;
  /** Label for people: 'int8 weights', 'pruned 50%'. */
  label: string;
  model: ModelProto;
  weights: WeightChange[];
  /** Weights left alone and why, opset changes, caveats (e.g. pruning does not speed up dense kernels). */
  notes: string[];
  /** Default-domain opset of the variant. */
  opset: number;
  /** For `prune`: zero elements / elements over the pruned weights, 0..1. */
  sparsity?: number;
}

/** Output agreement between the original and a variant on one output. */
export interface OutputFidelity {
  name: string;
  /** Max |variant − original| over all elements and batches. */
  maxAbsError: number;
  /**
   * Max |variant − original| / max(|original|, floor), floor = 1e-3 · max|original| of that
   * output, so near-zero reference values do not blow the ratio up (docs/optimize.md).
   */
  maxRelError: number;
  /**
   * For a 2-D float output [rows, classes], the share of rows whose top-1 class agrees: argmax
   * when there is more than one class, else the 0.5 threshold for a probability output (all
   * values in [0, 1]); null for outputs that are not classifier-like.
   */
  top1Agreement: number | null;
  agreementKind: 'argmax' | 'threshold-0.5' | null;
  /** Rows compared for top1Agreement. */
  rows: number;
  /** Elements that are NaN/±Infinity in the variant but finite in the original. */
  newNonFinite: number;
}

/** Fidelity of a variant against the original on the same seeded inputs. */
export interface Fidelity {
  /** Input batches compared. */
  batches: number;
  maxAbsError: number;
  maxRelError: number;
  /** Lowest agreement over classifier-like outputs; null when there are none. */
  top1Agreement: number | null;
  outputs: OutputFidelity[];
}

/** What the injected `measure` callback returns for one model (the original or a variant). */
export interface Measurement {
  sizeBytes: number;
  flops: number;
  latencyMs: { p50: number; mean: number };
  energyJPerInference?: number;
  /** How the energy figure was obtained: 'rapl', 'nvml', 'estimate', … */
  energyMethod?: string;
  /** True when the energy figure comes from a power model; defaults to method containing 'estimate'. */
  energyEstimated?: boolean;
}

/** One model's figures as the advisor shows them. */
export interface AdviceFigures {
  sizeBytes: number;
  /** The model file compressed with gzip (level 9): what pruning saves only shows here. */
  gzipBytes: number;
  flops: number;
  latencyMs: { p50: number; mean: number };
  energy?: { joulesPerInference: number; method: string; estimated: boolean };
}

/**
 * What a 95% interval of a change says: `saving` when it lies wholly below 0, `cost` when
 * wholly above, `no measurable change` when it contains 0.
 */
export type MeasuredChange = 'saving' | 'cost' | 'no measurable change';

/**
 * Changes against the original in percent (negative = smaller/faster/less energy). With an
 * interleaved comparison (the product path always has one), the latency and energy changes are
 * its estimates, each with a 95% interval in percent and what that interval says.
 */
export interface AdviceDeltas {
  sizePct: number;
  gzipPct: number;
  flopsPct: number;
  latencyP50Pct: number;
  latencyMeanPct: number;
  /** Absent when either model has no energy figure. */
  energyPct?: number;
  /** 95% intervals of the changes, percent (head/base − 1 of the variant against the original). */
  latencyP50PctCi95?: [number, number];
  latencyMeanPctCi95?: [number, number];
  energyPctCi95?: [number, number];
  latencyP50Change?: MeasuredChange;
  latencyMeanChange?: MeasuredChange;
  energyChange?: MeasuredChange;
  /** How the intervals were obtained (rounds, blocks, sessions). */
  comparison?: string;
}

/** What the interleaved comparison of a variant with the original found (fractions, head/base − 1). */
export interface VariantComparison {
  latencyP50?: { estimate: number; changeCi95: [number, number]; method: string };
  latencyMean?: { estimate: number; changeCi95: [number, number]; method: string };
  energy?: { estimate: number; changeCi95: [number, number]; method: string };
}

/** The advisor's finding for one variant of one model. */
export interface Advice {
  variant: VariantId;
  label: string;
  /** ok: measured; not-applicable: nothing to change in this model; failed: could not be built or run. */
  status: 'ok' | 'not-applicable' | 'failed';
  /** Why not applicable or failed. */
  reason?: string;
  figures?: AdviceFigures;
  original?: AdviceFigures;
  deltas?: AdviceDeltas;
  fidelity?: Fidelity;
  weights?: WeightChange[];
  /** For prune-structured and distill: what was removed. */
  structure?: StructuredPruneInfo;
  /** For prune-structured and distill: how it was fine-tuned and what that cost. */
  fineTune?: FineTuneInfo;
  notes: string[];
  /** One line for people, e.g. 'int8 weights: −74% size, −31% energy per inference (rapl), top-1 agreement 99.6%'. */
  summary: string;
}
