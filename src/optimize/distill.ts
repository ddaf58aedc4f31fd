/**
 * Recovery fine-tuning by distillation: a smaller model (a structurally pruned one, or a
 * narrower student initialised from it) is trained with the product's own training step
 * (src/train) to reproduce the original model's outputs on the same inputs, so no labels are
 * needed (Hinton, Vinyals & Dean 2015, "Distilling the Knowledge in a Neural Network",
 * arXiv:1503.02531).
 *
 * The target is the model's first output, or the logits feeding it when that output is a
 * final Sigmoid or Softmax (distilling probabilities near 0 or 1 gives vanishing gradients):
 * - `mse`: mean squared error between the student's and the teacher's values (on logits, the
 *   high-temperature limit of the KL loss, the paper's section 2.1);
 * - `kl`: KL divergence between softened distributions: softmax(z/T) against the teacher's
 *   softmax(t/T) for several classes (soft cross-entropy), the sigmoid form of the same for a
 *   single logit (binary cross-entropy on z/T with the teacher's σ(t/T) as soft labels).
 */
import * as ort from 'onnxruntime-node';
import { valueInfo } from '../model/builder.js';
import { DataType, encodeModel, type ModelProto, type NodeProto, type TensorProto } from '../model/onnx.js';
import { buildTrainingStep } from '../train/index.js';
import type { StepLoss } from '../train/losses.js';
import { toOrtTensor } from '../train/runner.js';
import { tensorFrom } from './tensors.js';
import { float32Data } from '../util/ort-tensor.js';
import type { Feeds } from './session.js';

/** The distillation losses. */
export type DistillLoss = 'mse' | 'kl';

/** Options of {@link distill}. */
export interface DistillOptions {
  /** Training steps, one input batch each (batches are used in turn). */
  steps: number;
  /** @default 'mse' */
  loss?: DistillLoss;
  /** Softening temperature of `kl`. @default 2 */
  temperature?: number;
  /** Adam's learning rate. @default 0.001 */
  learningRate?: number;
  /** Input batches to train on (never the held-out ones the fidelity is measured on). */
  batches: readonly Feeds[];
  /** Monotonic clock for the duration. @default process.hrtime.bigint */
  clockNs?: () => bigint;
  /** Initializers kept fixed (names, or prefixes ending in `*`). */
  freeze?: string[];
}

/** A trained model and what its training did. */
export interface DistillResult {
  model: ModelProto;
  steps: number;
  /** The value distilled: the output, or the logits before its final Sigmoid/Softmax. */
  target: string;
  /** What the loss was, for people: 'MSE on logits "logit"'. */
  lossDescription: string;
  lossFirst: number;
  lossLast: number;
  /** Wall time of the whole fine-tuning (building the step, teacher runs, steps), seconds. */
  durationS: number;
  /** Wall time of the training steps alone, seconds. */
  stepsS: number;
  notes: string[];
}

const SQUASH = new Set(['Sigmoid', 'Softmax']);

/** The value to distil: the first output, or the input of a final Sigmoid/Softmax that makes it. */
export function distillTarget(model: ModelProto): { target: string; output: string; squash?: string } {
  const graph = model.graph ?? {};
  const output = graph.output?.[0]?.name ?? '';
  const producer = (graph.node ?? []).find((n: NodeProto) => n.output?.[0] === output);
  if (producer && SQUASH.has(producer.opType ?? '') && !producer.domain && producer.input?.[0]) {
    return { target: producer.input[0], output, squash: producer.opType };
  }
  return { target: output, output };
}

function withOutputs(model: ModelProto, names: string[], dims?: number[]): ModelProto {
  const g = model.graph ?? {};
  const outputs = names.map((n) => (dims ? valueInfo(n, DataType.FLOAT, dims) : { name: n }));
  return { ...model, graph: { ...g, output: outputs } };
}

async function runTeacher(teacher: ModelProto, target: string, batches: readonly Feeds[]): Promise<ort.Tensor[]> {
  const session = await ort.InferenceSession.create(encodeModel(withOutputs(teacher, [target])), {
    executionProviders: ['cpu'],
    intraOpNumThreads: 1,
  });
  try {
    const out: ort.Tensor[] = [];
    for (const feeds of batches) out.push((await session.run(feeds))[target]);
    return out;
  } finally {
    await session.release();
  }
}

function soften(t: ort.Tensor, temperature: number, classes: number): ort.Tensor {
  const v = float32Data(t, "the teacher's output");
  const out = new Float32Array(v.length);
  if (classes === 1) {
    for (let i = 0; i < v.length; i++) out[i] = 1 / (1 + Math.exp(-v[i] / temperature));
  } else {
    const rows = v.length / classes;
    for (let r = 0; r < rows; r++) {
      let max = -Infinity;
      for (let c = 0; c < classes; c++) max = Math.max(max, v[r * classes + c] / temperature);
      let sum = 0;
      for (let c = 0; c < classes; c++) sum += out[r * classes + c] = Math.exp(v[r * classes + c] / temperature - max);
      for (let c = 0; c < classes; c++) out[r * classes + c] /= sum;
    }
  }
  return new ort.Tensor('float32', out, t.dims);
}

/**
 * Trains `student` to reproduce `teacher`'s outputs on `options.batches` and returns the
 * student with its trained weights. Both models must have the same inputs and outputs.
 * @throws InputError (exit 2) when the training step cannot be built (an op without a gradient).
 * @throws Error from onnxruntime when a model does not run.
 */
export async function distill(teacher: ModelProto, student: ModelProto, options: DistillOptions): Promise<DistillResult> {
  const clock = options.clockNs ?? (() => process.hrtime.bigint());
  const start = clock();
  const loss = options.loss ?? 'mse';
  const temperature = options.temperature ?? 2;
  const { target, squash } = distillTarget(student);
  const teacherTarget = distillTarget(teacher).target;
  const targets = await runTeacher(teacher, teacherTarget, options.batches);
  const dims = [...targets[0].dims];
  const classes = dims.length >= 2 ? dims[1] : 1;
  const notes: string[] = [];

  // The student's graph for training: its target value as the only output, divided by T for `kl`.
  let trainable = withOutputs(student, [target], dims);
  let pred = target;
  let stepLoss: StepLoss = 'mse';
  let lossDescription = `MSE on ${squash ? `the logits "${target}" before the final ${squash}` : `the output "${target}"`}`;
  if (loss === 'kl') {
    if (dims.length !== 2) {
      notes.push(`KL needs [rows, classes] logits; "${target}" has shape [${dims.join(', ')}], so MSE was used instead.`);
    } else {
      pred = `${target}_over_temperature`;
      const g = trainable.graph ?? {};
      const tName = `${target}_temperature`;
      trainable = {
        ...trainable,
        graph: {
          ...g,
          node: [...(g.node ?? []), { opType: 'Div', input: [target, tName], output: [pred], name: pred }],
          initializer: [...(g.initializer ?? []), tensorFrom(tName, [], DataType.FLOAT, Float32Array.of(temperature))],
          output: [valueInfo(pred, DataType.FLOAT, dims)],
        },
      };
      stepLoss = classes === 1 ? 'bce-logits' : 'soft-cross-entropy';
      lossDescription = `KL divergence at temperature ${temperature} on ${classes === 1 ? 'the sigmoid of' : 'the softmax of'} "${target}"`;
    }
  }
  const labels = stepLoss === 'mse' ? targets : targets.map((t) => soften(t, temperature, classes));
  const batchShapes = Object.fromEntries(Object.entries(options.batches[0]).map(([k, t]) => [k, [...t.dims]]));
  const step = buildTrainingStep(trainable, {
    loss: stepLoss,
    optimizer: 'adam',
    learningRate: options.learningRate ?? 1e-3,
    batchShapes,
    output: pred,
    ...(options.freeze?.length ? { freeze: options.freeze } : {}),
  });
  const session = await ort.InferenceSession.create(encodeModel(step.model), {
    executionProviders: ['cpu'],
    intraOpNumThreads: 1,
  });
  const state: Record<string, ort.Tensor> = {};
  for (const [name, d] of Object.entries(step.initialState)) state[name] = toOrtTensor(d);
  let lossFirst = NaN;
  let lossLast = NaN;
  const stepsStart = clock();
  try {
    for (let s = 0; s < options.steps; s++) {
      const k = s % options.batches.length;
      const out = await session.run({ ...options.batches[k], [step.labelInput]: labels[k], ...state });
      for (const [o, i] of Object.entries(step.feedback)) state[i] = out[o];
      const l = Number(out[step.lossOutput].data[0]);
      if (s === 0) lossFirst = l;
      lossLast = l;
    }
  } finally {
    await session.release();
  }
  const stepsS = Number(clock() - stepsStart) / 1e9;

  // The trained parameters (and BatchNormalization running statistics) replace the student's.
  const trained = new Map<string, TensorProto>();
  for (const name of [...step.parameterNames, ...step.stateInputs]) {
    const t = state[name];
    if (!t || !(t.data instanceof Float32Array)) continue;
    // The step may store a parameter in another layout (same values): back to the model's dims.
    trained.set(name, tensorFrom(name, step.parameterDims[name] ?? [...t.dims], DataType.FLOAT, Float32Array.from(t.data)));
  }
  const g = student.graph ?? {};
  const model: ModelProto = {
    ...student,
    graph: { ...g, initializer: (g.initializer ?? []).map((t) => trained.get(t.name ?? '') ?? t) },
  };
  notes.push(...step.notes);
  return {
    model,
    steps: options.steps,
    target,
    lossDescription,
    lossFirst,
    lossLast,
    durationS: Number(clock() - start) / 1e9,
    stepsS,
    notes,
  };
}
