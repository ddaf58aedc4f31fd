/**
 * The report: what `--json` writes (schemaVersion 1, docs/contract.md), and what the
 * terminal table, the Markdown, JUnit and the PR comment are rendered from.
 * Fields beyond the contract are additions; none of the contract's are renamed.
 */
import type { MetricKey } from '../config/types.js';
import type { ControlFlowCount, TensorInfo } from '../model/types.js';
import type { Advice } from '../optimize/types.js';
import type { Footprint } from '../energy/footprint.js';

/**
 * `incomplete` only comes from merging shard reports (`energy-budget merge`, the action's
 * comment mode) when a shard or a model of the budget file has no result: never a pass.
 */
export type Verdict = 'pass' | 'warn' | 'fail' | 'incomplete';
export type BudgetStatus = 'pass' | 'warn' | 'fail' | 'inconclusive';

export interface EnvironmentInfo {
  cpu: string;
  logicalCpus: number;
  os: string;
  node: string;
  onnxruntime: string;
  /** Execution provider, e.g. 'cpu'. */
  device?: string;
  gpu?: string;
}

export interface EnergyReport {
  joulesPerInference: number;
  joulesPerSample: number;
  method: string;
  /** 95% interval of joulesPerInference: the power model's validated interval (estimates) or the meter's stated uncertainty. */
  ci95?: [number, number];
  /** What ci95 is derived from, with its width as percentages: "−41%/+198%, power model: leave-one-server-out …". */
  ci95Basis?: string;
  /** Energy attributable to the workload (gross minus idle), per inference, when known. */
  attributableJoulesPerInference?: number;
  joulesPer1000Inferences?: number;
  /** What the figure covers and how it was obtained. */
  description?: string;
  /** True whenever the figure comes from a power model rather than a counter. */
  estimated: boolean;
  /** Carbon, grams CO2e per inference: operational + embodied. */
  carbon?: CarbonReport;
  notes?: string[];
}

export interface CarbonReport {
  operationalG: number;
  embodiedG: number;
  totalG: number;
  intensityGPerKWh: number;
  intensitySource: string;
}

/**
 * A SIMULATED instruction count (Valgrind's callgrind, `measure: instructions`): what the
 * simulated CPU executed inside onnxruntime's run per call, warm-up calls excluded. Not a
 * measurement of this CPU's time or energy (docs/instructions.md).
 */
export interface InstructionsReport {
  /** Instructions executed per call: the median of the measured calls' counts (src/instructions/measure.ts says why not the mean). */
  perCall: number;
  /** Lowest and highest per-call count among the measured calls. */
  minPerCall: number;
  maxPerCall: number;
  /** Measured calls (each counted on its own) and warm-up calls before them (not counted). */
  calls: number;
  warmup: number;
  /** Every callgrind event of the median call: Ir, and with the cache simulator Dr, Dw, I1mr, D1mr, D1mw, ILmr, DLmr, DLmw. */
  events: Record<string, number>;
  /** ESTIMATE from the simulated cache events (src/instructions/cycles.ts), per call. */
  estimatedCycles?: number;
  /** The formula behind estimatedCycles, with its source. */
  cyclesFormula?: string;
  method: 'callgrind';
  /** Always true: counted on Valgrind's simulated CPU. */
  simulated: true;
  /** e.g. valgrind-3.19.0. */
  tool: string;
  /** Wall time of the process under Valgrind, seconds (start-up included). */
  wallS: number;
  /** What the figure covers and how it was obtained. */
  description: string;
}

export interface InferenceReport {
  batchSize: number;
  runs: number;
  warmup: number;
  threads: number;
  latencyMs: { p50: number; p95: number; p99: number; mean: number; min?: number; max?: number; stdev?: number };
  /** Samples per second. */
  throughput: number;
  /** Relative 95% CI half-width of the mean latency when the loop stopped. */
  relativeCi95?: number;
  /** Peak resident memory of the process during the run, bytes. */
  peakMemoryBytes?: number;
  /**
   * GPU runs (device: cuda | webgpu) with NVML: peak device memory in use minus the reading
   * before the session was created, bytes (src/device/gpu-memory.ts says what it includes).
   */
  peakGpuMemoryBytes?: number;
  energy?: EnergyReport;
  /** Output statistics: NaN/Inf counts per output. */
  nonFinite?: Record<string, number>;
  /** Why there is no energy figure when the meter failed during the run (the timings stand). */
  energyUnavailable?: string;
  /** SIMULATED instruction counts per call, with `measure: instructions`. */
  instructions?: InstructionsReport;
}

export interface TrainingReport {
  steps: number;
  batchSize: number;
  stepMs: { p50: number; mean: number; p95?: number };
  samplesPerSecond?: number;
  energy?: {
    joulesPerStep: number;
    joulesPerSample: number;
    method: string;
    estimated: boolean;
    description?: string;
    /** 95% interval of joulesPerStep and what it is derived from (as for inference). */
    ci95?: [number, number];
    ci95Basis?: string;
  };
  lossFirst: number;
  lossLast: number;
  loss?: string;
  optimizer?: string;
  projection?: { datasetSize: number; epochs: number; joules: number; kWh: number; gCO2e: number };
  /** Why there is no energy figure when the meter failed during the run (the step times stand). */
  energyUnavailable?: string;
  /** SIMULATED instruction counts per training step, with `measure: instructions`. */
  instructions?: InstructionsReport;
}

export interface BudgetResult {
  metric: MetricKey | string;
  kind: 'absolute' | 'regression';
  limit: number;
  value: number;
  baseline: number | null;
  status: BudgetStatus;
  level?: 'error' | 'warn';
  /** For regression limits expressed in percent. */
  relative?: boolean;
  /** Estimate of the relative change head/base − 1 from the interleaved comparison, for noisy metrics. */
  change?: number;
  /** 95% CI of the relative change (head/base − 1), for noisy metrics. */
  changeCi95?: [number, number];
  /**
   * Base and head as the interleaved comparison measured them (each arm's central value over
   * the paired rounds, base units), so compared.head / compared.base − 1 equals `change`. The
   * Markdown shows these as Base and Head; `value` and `baseline` are the separate benchmarks'.
   */
  compared?: { base: number; head: number };
  line?: number;
  message?: string;
  /**
   * The model is identical to the base (ModelReport.identicalToBase), so this regression limit
   * holds without measuring the base: shown as "unchanged (identical to base)".
   */
  unchanged?: boolean;
  /**
   * A relative energy regression limit tighter than the spread of its energy method: two
   * measurements of the same model differ by up to ±`spread` (95%, relative), from `source`
   * (this run's comparison rounds, or the figure documented in docs/statistics.md).
   */
  tighterThanSpread?: { spread: number; method: string; source: string };
}

export interface ModelReport {
  name: string;
  path: string;
  /** 'new' / 'removed' relative to the baseline; absent when unchanged or no baseline. */
  change?: 'new' | 'removed';
  size: { bytes: number; parameters: number; bytesByDtype: Record<string, number>; sparsity: number };
  flops: number;
  /** FLOPs per op type (summing to `flops`); control-flow bodies counted under their ops. */
  flopsByOp?: Record<string, number>;
  /** Op types whose FLOPs are not counted, and how many nodes that is, as a share of all nodes (0..1). */
  flopsUncounted?: { ops: string[]; nodes: number; share: number };
  /** What was counted for each If/Loop/Scan: the branch that ran, or body × iterations. */
  flopsControlFlow?: ControlFlowCount[];
  opset?: number;
  ops?: Record<string, number>;
  inputs?: TensorInfo[];
  outputs?: TensorInfo[];
  inference?: InferenceReport;
  training?: TrainingReport;
  budgets: BudgetResult[];
  /** Notices: defaulted dims, fallbacks, uncounted FLOPs. */
  notices?: string[];
  /** Set when this model could not be measured; other models still report. */
  error?: { code: string; message: string };
  /** The baseline's figures for the same model, when there is one. */
  baseline?: Omit<ModelReport, 'budgets' | 'baseline'>;
  /**
   * A measured base's figures shown as information where no budget row of the metric exists
   * (`--base-ref` without a regression gate): nothing passes or fails on them.
   */
  baseComparison?: Array<{
    metric: MetricKey | string;
    base: number;
    head: number;
    /** Estimate of head/base − 1 from the interleaved rounds. */
    change?: number;
    changeCi95?: [number, number];
    method?: string;
    /** Base and head as the comparison's paired rounds measured them (see BudgetResult.compared). */
    compared?: { base: number; head: number };
  }>;
  /**
   * Set when `--base-ref` found the model identical to the base (same bytes, or the same graph
   * and weights with only metadata changed; the same budget-file entry and runtime), so the
   * base was not measured again (src/baseline/identity.ts).
   */
  identicalToBase?: { match: 'bytes' | 'graph-and-weights'; sha256: string; runtime: string; baseSizeBytes: number };
  /** Measured what-ifs of the optimisation variants (src/optimize/advisor.ts), when advised. */
  advice?: Advice[];
}

export interface Report {
  schemaVersion: 1;
  verdict: Verdict;
  environment: EnvironmentInfo;
  models: ModelReport[];
  config?: string;
  createdAt?: string;
  /** Which share of the budget file's models this report holds (`--shard i/n`); 1/1 when not sharded. */
  shard?: { index: number; count: number };
  /** The commit measured: GITHUB_SHA, else git HEAD of the budget file's folder; null outside git. */
  commit?: string | null;
  /**
   * `sha256:` of the budget file's model list (names and paths, in order): shard reports of
   * different budget files do not merge.
   */
  modelsDigest?: string;
  /** The budget file's model names, in order: merge names the models that have no result. */
  configModels?: string[];
  /** Set by merge when the verdict is `incomplete`: what has no result. */
  incomplete?: {
    /** Shards (`i/n`) of which no report was given. */
    missingShards: string[];
    /** Models of the budget file with no result in any report. */
    missingModels: string[];
  };
  /**
   * What the head was compared with: `git` (the base measured in the same job), `report` (an
   * earlier report), `history` (the last `runs` runs on `ref` from the history branch: the
   * comparison crosses runs and machines).
   */
  baseline?: { kind: 'git' | 'report' | 'history'; ref?: string; file?: string; runs?: number; warnings?: string[] };
  /**
   * What the check itself cost, up to writing this report: wall time, CPU time (this process
   * and its workers) and estimated energy (src/energy/footprint.ts); for a merged job matrix,
   * the sum over the shards (`shards`).
   */
  footprint?: Footprint;
  budgetChanges?: Array<{
    model: string;
    metric: string;
    change: 'loosened' | 'removed' | 'tightened' | 'added';
    before?: number;
    after?: number;
    relative?: boolean;
    note?: string;
  }>;
}
