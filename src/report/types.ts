/**
 * The report: what `--json` writes (schemaVersion 1, docs/contract.md), and what the
 * terminal table, the Markdown, JUnit and the PR comment are rendered from.
 * Fields beyond the contract are additions; none of the contract's are renamed.
 */
import type { ControlFlowCount, TensorInfo } from '../model/types.js';
import type { Advice } from '../optimize/types.js';
import type { Footprint } from '../energy/footprint.js';
import type { BudgetResult, BudgetStatus, Verdict } from '../compare/types.js';
import type { InstructionsReport } from '../instructions/types.js';

export type { BudgetResult, BudgetStatus, InstructionsReport, Verdict };

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
  error?: {
    code: string;
    message: string;
    /** The exit code this failure maps to: 2 for the user's input, 3 for the environment or an internal fault. */
    exitCode?: 2 | 3;
  };
  /** The baseline's figures for the same model, when there is one. */
  baseline?: Omit<ModelReport, 'budgets' | 'baseline'>;
  /**
   * A measured base's figures shown as information where no budget row of the metric exists
   * (`--base-ref` without a regression gate): nothing passes or fails on them.
   */
  baseComparison?: Array<{
    /** A metric key; any string, as for BudgetResult.metric. */
    metric: string;
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
