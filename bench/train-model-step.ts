/**
 * What bench/train-step.ts (--model) and bench/train-profile.ts share: one model file's
 * training step on a random batch, built as `energy-budget run` builds it, its session options
 * and its preallocated outputs. Not a bench of its own.
 */
import * as ort from 'onnxruntime-node';
import type { OptimizerName } from '../src/config/types.js';
import { loadModel } from '../src/model/load.js';
import type { ModelProto } from '../src/model/onnx.js';
import { resolveShapes } from '../src/model/shapes.js';
import { buildTrainingStep, synthesizeLabels, type TrainingStep, type TrainingStepOptions } from '../src/train/index.js';
import { toOrtTensor } from '../src/train/runner.js';
import type { createRng } from '../src/util/random.js';

/** One thread, sequential, every graph optimization: the sessions every training bench compares. */
export const BENCH_SESSION_OPTIONS: ort.InferenceSession.SessionOptions = {
  executionProviders: ['cpu'],
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: 'sequential',
  graphOptimizationLevel: 'all',
  logSeverityLevel: 3,
};

export interface ModelStep {
  proto: ModelProto;
  /** The model's batch input and its random batch. */
  name: string;
  x: ort.Tensor;
  loss: 'cross-entropy' | 'mse';
  step: TrainingStep;
  /** Batch, labels and initial state: every input of the step. */
  feeds: Record<string, ort.Tensor>;
}

/**
 * The step (cross-entropy for an [N, classes] output, else mse) of the model in `file` for a
 * normal random batch of `dims`, with the intermediate shapes of one run as `energy-budget run`
 * passes them. `extra`: more step options (e.g. older `formulations` for an A/B).
 */
export async function buildModelStep(
  file: string,
  dims: number[],
  optimizer: OptimizerName,
  rng: ReturnType<typeof createRng>,
  extra: Partial<TrainingStepOptions> = {},
): Promise<ModelStep> {
  const loaded = await loadModel(file);
  const proto = loaded.proto;
  const input = proto.graph?.input?.find((v) => !(proto.graph?.initializer ?? []).some((t) => t.name === v.name));
  const name = input?.name ?? 'x';
  const x = new ort.Tensor(
    'float32',
    Float32Array.from({ length: dims.reduce((p, q) => p * q, 1) }, () => rng.normal()),
    dims,
  );
  const outRank = proto.graph?.output?.[0]?.type?.tensorType?.shape?.dim?.length;
  const loss = outRank === 2 ? 'cross-entropy' : 'mse';
  const step = buildTrainingStep(proto, {
    loss,
    optimizer,
    learningRate: 1e-3,
    batchShapes: { [name]: dims },
    knownShapes: await resolveShapes(loaded, { [name]: x }),
    ...extra,
  });
  const feeds: Record<string, ort.Tensor> = {
    [name]: x,
    [step.labelInput]: toOrtTensor(synthesizeLabels(loss, step.label.dtype, step.label.shape, 7, step.label.classes)),
  };
  for (const [n, d] of Object.entries(step.initialState)) feeds[n] = toOrtTensor(d);
  return { proto, name, x, loss, step, feeds };
}

/** Float32 tensors shaped like a first run's outputs, for `session.run(feeds, fetches)` (as runner.ts writes them). */
export function preallocatedFetches(first: ort.InferenceSession.ReturnType): Record<string, ort.Tensor> {
  const fetches: Record<string, ort.Tensor> = {};
  for (const [o, t] of Object.entries(first)) fetches[o] = new ort.Tensor('float32', new Float32Array(t.size), t.dims);
  return fetches;
}
