/**
 * Which budgets a model entry can ever check. A limit on a figure the run never produces
 * (latency with `inference: false`, a projected training total without `dataset-size`, GPU
 * memory on the CPU) used to validate and then show `NaN` with a warning; the budget file's
 * check refuses it instead, saying what to add or remove.
 */
import { isMetricKey, metricPhase } from './metrics.js';
import type { ModelConfig } from './types.js';

/** Why a limit can never be checked, what would make it checkable, and an example of that. */
export interface Unmeasurable {
  message: string;
  expected: string;
  example: string;
}

/**
 * Why `metric` can never be measured for `model` as configured, with the fix; undefined when
 * it can.
 */
export function whyUnmeasurable(
  metric: string,
  model: Pick<ModelConfig, 'inference' | 'training' | 'device'>,
): Unmeasurable | undefined {
  if (!isMetricKey(metric)) return undefined;
  // The metric table says what each metric needs measured (config/metrics.ts).
  const phase = metricPhase(metric);
  if (phase === 'inference' && model.inference === null)
    return {
      message: 'cannot be checked: the model sets `inference: false`, so no inference is measured',
      expected: 'inference measured (remove `inference: false`), or no limit on an inference figure',
      example: 'inference: { iterations: 100 }',
    };
  if (metric === 'peak-gpu-memory' && model.device === 'cpu')
    return {
      message: 'cannot be checked on the CPU: GPU memory is measured (NVML) with `device: cuda` or `device: webgpu`',
      expected: 'a GPU device on the model, or no `peak-gpu-memory` limit',
      example: 'device: cuda',
    };
  if ((phase === 'training' || phase === 'projection') && model.training === null)
    return {
      message: 'cannot be checked: the model has no `training` section, so no training step is measured',
      expected: 'a `training` section on the model, or no limit on a training figure',
      example: 'training: { loss: mse, optimizer: adam, learning-rate: 0.001, steps: 20 }',
    };
  if (phase === 'projection' && model.training !== null && model.training.datasetSize === undefined)
    return {
      message:
        'cannot be checked: a full training run is projected from `training.dataset-size` (× `epochs`), which the model does not set',
      expected: '`training.dataset-size` (samples per epoch), or no limit on a projected training total',
      example: 'training: { …, dataset-size: 60000, epochs: 10 }',
    };
  return undefined;
}
