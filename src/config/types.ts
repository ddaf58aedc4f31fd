/**
 * The budget file after validation: plain data, units resolved to SI base units
 * (bytes, joules, seconds, FLOPs, counts), paths absolute.
 */

/** Tensor element types by onnxruntime-node's names (the budget file's `dtype:`; the model analysis uses the same). */
export type TensorDType =
  | 'float32'
  | 'float64'
  | 'float16'
  | 'bfloat16'
  | 'int8'
  | 'uint8'
  | 'int16'
  | 'uint16'
  | 'int32'
  | 'uint32'
  | 'int64'
  | 'uint64'
  | 'bool'
  | 'string'
  | 'int4'
  | 'uint4'
  | 'float8e4m3fn'
  | 'float8e4m3fnuz'
  | 'float8e5m2'
  | 'float8e5m2fnuz'
  | 'float4e2m1'
  | 'complex64'
  | 'complex128';

/** Metric names used in `budget:` and in report `budgets[].metric`. */
export type MetricKey =
  | 'model-size'
  | 'parameters'
  | 'flops'
  | 'latency-p50'
  | 'latency-p95'
  | 'latency-p99'
  | 'latency-mean'
  | 'throughput'
  | 'peak-memory'
  | 'peak-gpu-memory'
  | 'energy-per-inference'
  | 'energy-per-sample'
  | 'energy-per-1000-inferences'
  | 'energy-per-training-step'
  | 'energy-per-training-sample'
  | 'training-step-time'
  | 'training-energy-total'
  | 'carbon-per-inference'
  | 'carbon-per-1000-inferences'
  | 'training-carbon-total'
  | 'instructions-per-inference'
  | 'instructions-per-step';

/** An explicit input: a shape and dtype to synthesise, a fixed value, or a .npy file. */
export type InputSpec =
  | { kind: 'random'; shape?: number[]; dtype?: TensorDType }
  | { kind: 'value'; value: unknown; shape?: number[]; dtype?: TensorDType }
  | { kind: 'npy'; file: string; dtype?: TensorDType };

/** One budget limit. Absolute limits are in the metric's base unit. */
export interface BudgetLimit {
  metric: MetricKey;
  kind: 'absolute' | 'regression';
  /** absolute: the limit in base units; regression: a fraction (0.05 for 5%) or base units. */
  limit: number;
  /** For regression limits: whether `limit` is relative (fraction) or in base units. */
  relative: boolean;
  level: 'error' | 'warn';
  /** Where the limit is written, for annotations. */
  line?: number;
  column?: number;
  /** The dotted path, e.g. `models[0].budget.latency-p95`. */
  path: string;
}

export interface InferenceConfig {
  /** A fixed count, or `auto`: sample until the mean's 95% CI half-width < 2% or the time cap. */
  iterations: number | 'auto';
  warmup: number;
  /** Time cap for `auto`, seconds. @default 10 */
  maxTimeS: number;
  /** Target relative CI half-width for `auto`. @default 0.02 */
  targetRelativeCi: number;
}

export type LossName = 'mse' | 'bce' | 'bce-logits' | 'cross-entropy';
export type OptimizerName = 'sgd' | 'momentum' | 'rmsprop' | 'adam';

export interface TrainingConfig {
  loss: LossName;
  optimizer: OptimizerName;
  learningRate: number;
  steps: number;
  warmup: number;
  /** Optimizer coefficients; absent ones take the optimizer's usual defaults. */
  momentum?: number;
  beta1?: number;
  beta2?: number;
  rho?: number;
  epsilon?: number;
  /** Projection of a full training run. */
  datasetSize?: number;
  epochs?: number;
  /** Initializers kept fixed: names, or prefixes ending in `*`. */
  freeze?: string[];
  /** Training steps per onnxruntime call (a looped step); default: largest divisor of steps up to 10. */
  stepsPerCall?: number;
  /** Bring-your-own training-step model, absolute path, and its output→input mapping. */
  stepModel?: string;
  feedback?: Record<string, string>;
}

export type MeterChoice = 'auto' | 'rapl' | 'nvml' | 'estimate';
/** `instructions` adds a simulated instruction count (Valgrind's callgrind) to the timed benchmark. */
export type MeasureChoice = 'time' | 'instructions';
export type DeviceChoice = 'cpu' | 'cuda' | 'webgpu';
export type CompareChoice = 'auto' | 'always';

export interface ModelConfig {
  name: string;
  /** As written in the budget file. */
  pathInConfig: string;
  /** Absolute path. */
  path: string;
  dims: Record<string, number>;
  inputs: Record<string, InputSpec>;
  threads: number;
  device: DeviceChoice;
  /** null when `inference: false`. */
  inference: InferenceConfig | null;
  energy: MeterChoice;
  /** What the performance figures come from: timing only, or also simulated instruction counts. @default 'time' */
  measure: MeasureChoice;
  training: TrainingConfig | null;
  advise: boolean;
  /**
   * With a base (`--base-ref`): `auto` skips measuring the base when the model (bytes, or its
   * canonical graph and weights), its budget-file entry and the runtime are the same as at the
   * base; `always` measures it anyway. @default 'auto'
   */
  compare: CompareChoice;
  /** Time cap for the advice's interleaved comparisons, seconds. @default 60 */
  adviseMaxTimeS: number;
  budget: BudgetLimit[];
  /** Where the model's entry starts in the budget file. */
  line?: number;
}

/** Power-model and carbon settings (budget file top level, all optional). */
export interface PowerSettings {
  /** Override the CPU's thermal design power, watts. */
  cpuTdpW?: number;
  /** Override the power model: watts at idle and at full load for the whole machine/VM. */
  idleW?: number;
  maxW?: number;
  /** Grid carbon intensity, gCO2e per kWh, or an ISO country code to look up. */
  carbonIntensityGPerKWh?: number;
  region?: string;
}

export interface BudgetConfig {
  version: 1;
  /** Absolute path of the budget file. */
  file: string;
  /** Folder model paths are relative to. */
  dir: string;
  models: ModelConfig[];
  power: PowerSettings;
  /** What an inconclusive comparison does. @default 'warn' */
  inconclusive: 'warn' | 'fail' | 'pass';
  /** The file-wide `measure:` (each model's own `measure:` wins). @default 'time' */
  measure: MeasureChoice;
  /** The raw text, for budget-change detection. */
  source: string;
}
