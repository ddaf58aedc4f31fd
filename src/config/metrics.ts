/**
 * The budget metrics: their names (docs/contract.md), the kind of quantity each takes and
 * whether the limit is a ceiling or a floor. Used by the validator, the JSON Schema, the docs
 * and the budget evaluator.
 */
import type { MetricKey } from './types.js';
import type { QuantityKind } from './units.js';
import { isOneOf } from '../util/one-of.js';
import { ownKeys } from './own-keys.js';

/**
 * What a run must measure for the metric to have a value: the model file alone, the inference
 * benchmark, the training step, or the training step projected over `dataset-size`.
 */
export type MetricPhase = 'model' | 'inference' | 'training' | 'projection';

interface MetricInfo {
  kind: QuantityKind;
  phase: MetricPhase;
  /** true when the limit is a minimum (the value must stay at or above it). */
  minimum: boolean;
  description: string;
}

const METRICS: Record<MetricKey, MetricInfo> = {
  'model-size': {
    kind: 'bytes',
    phase: 'model',
    minimum: false,
    description: 'Bytes of the .onnx file plus its external-data files.',
  },
  parameters: {
    kind: 'count',
    phase: 'model',
    minimum: false,
    description: 'Weight elements (initializers, Constant nodes, subgraphs).',
  },
  flops: {
    kind: 'flops',
    phase: 'model',
    minimum: false,
    description: 'FLOPs per inference call at the configured shapes, 2 per multiply-add.',
  },
  'latency-p50': { kind: 'time', phase: 'inference', minimum: false, description: 'Median latency of one inference call.' },
  'latency-p95': {
    kind: 'time',
    phase: 'inference',
    minimum: false,
    description: '95th-percentile latency of one inference call.',
  },
  'latency-p99': {
    kind: 'time',
    phase: 'inference',
    minimum: false,
    description: '99th-percentile latency of one inference call.',
  },
  'latency-mean': { kind: 'time', phase: 'inference', minimum: false, description: 'Mean latency of one inference call.' },
  throughput: {
    kind: 'throughput',
    phase: 'inference',
    minimum: true,
    description: 'A MINIMUM: samples per second must stay at or above it.',
  },
  'peak-memory': { kind: 'bytes', phase: 'inference', minimum: false, description: 'Peak resident memory of the benchmark.' },
  'peak-gpu-memory': {
    kind: 'bytes',
    phase: 'inference',
    minimum: false,
    description: 'Peak GPU memory the model took during the benchmark (NVML, device: cuda or webgpu).',
  },
  'energy-per-inference': {
    kind: 'energy',
    phase: 'inference',
    minimum: false,
    description: 'Energy of one inference call (whole batch).',
  },
  'energy-per-sample': {
    kind: 'energy',
    phase: 'inference',
    minimum: false,
    description: 'Energy per sample (per inference call divided by the batch size).',
  },
  'energy-per-1000-inferences': {
    kind: 'energy',
    phase: 'inference',
    minimum: false,
    description: 'Energy of 1000 inference calls.',
  },
  'energy-per-training-step': {
    kind: 'energy',
    phase: 'training',
    minimum: false,
    description: 'Energy of one training step (forward, backward, update).',
  },
  'energy-per-training-sample': {
    kind: 'energy',
    phase: 'training',
    minimum: false,
    description: 'Energy of one training step divided by the batch size.',
  },
  'training-step-time': { kind: 'time', phase: 'training', minimum: false, description: 'Mean duration of one training step.' },
  'training-energy-total': {
    kind: 'energy',
    phase: 'projection',
    minimum: false,
    description: 'Projected energy of the full training run (dataset-size × epochs).',
  },
  'carbon-per-inference': {
    kind: 'carbon',
    phase: 'inference',
    minimum: false,
    description: 'CO2-equivalent emissions of one inference call.',
  },
  'carbon-per-1000-inferences': {
    kind: 'carbon',
    phase: 'inference',
    minimum: false,
    description: 'CO2-equivalent emissions of 1000 inference calls.',
  },
  'training-carbon-total': {
    kind: 'carbon',
    phase: 'projection',
    minimum: false,
    description: 'Projected CO2-equivalent emissions of the full training run.',
  },
  'instructions-per-inference': {
    kind: 'count',
    phase: 'inference',
    minimum: false,
    description:
      'SIMULATED instructions of one inference call inside onnxruntime (Valgrind callgrind; needs `measure: instructions`).',
  },
  'instructions-per-step': {
    kind: 'count',
    phase: 'training',
    minimum: false,
    description:
      'SIMULATED instructions of one training step inside onnxruntime (Valgrind callgrind; needs `measure: instructions`).',
  },
};

/** Every metric key, in the contract's order. */
export const METRIC_KEYS = ownKeys(METRICS);

/** Metrics counted under Valgrind, which need `measure: instructions`. */
export const INSTRUCTION_METRICS: readonly MetricKey[] = ['instructions-per-inference', 'instructions-per-step'];

/** Whether a metric is a simulated instruction count. */
export function isInstructionMetric(metric: MetricKey): boolean {
  return isOneOf(INSTRUCTION_METRICS, metric);
}

/** Whether a string is a metric key. */
export function isMetricKey(key: string): key is MetricKey {
  return Object.prototype.hasOwnProperty.call(METRICS, key);
}

/** The kind of quantity a metric's limits are written in (`latency-p95` → `time`). */
export function metricKind(metric: MetricKey): QuantityKind {
  return METRICS[metric].kind;
}

/** What the run must measure for the metric to have a value. */
export function metricPhase(metric: MetricKey): MetricPhase {
  return METRICS[metric].phase;
}

/** Whether the metric's limit is a floor (throughput) rather than a ceiling. */
export function isMinimumMetric(metric: MetricKey): boolean {
  return METRICS[metric].minimum;
}

/** One sentence describing the metric, for the schema and the docs. */
export function metricDescription(metric: MetricKey): string {
  return METRICS[metric].description;
}
