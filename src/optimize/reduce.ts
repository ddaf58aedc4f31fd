/**
 * The reducing variants: a structurally pruned model, optionally fine-tuned to recover, and a
 * distilled student of scaled widths initialised from the pruned original. Both are built from
 * input batches: some to choose channels and train on, the others held out for fidelity.
 */
import * as ort from 'onnxruntime-node';
import { InputError } from '../errors.js';
import { dataBytes } from '../util/ort-tensor.js';
import { decodeModel, encodeModel, type ModelProto } from '../model/onnx.js';
import { resolveShapes } from '../model/shapes.js';
import type { NpyArray } from '../bench/npy.js';
import { distill, type DistillLoss, type DistillResult } from './distill.js';
import { pruneStructured, type StructuredPruneResult } from './structured.js';
import type { Feeds } from './session.js';

/**
 * Conv channel counts are kept at multiples of 8: onnxruntime's CPU block size with AVX2 (its
 * NCHWc layout); see StructuredPruneOptions.convChannelMultiple.
 */
export const DEFAULT_CONV_CHANNEL_MULTIPLE = 8;

/** Memory the synthetic training batches may take together, bytes (256 MiB). */
export const TRAIN_INPUT_BYTES = 256 * 1024 * 1024;

/**
 * How many seeded training batches to make: one fresh batch per step (repeating a few batches
 * over-fits them: on the example classifier, 64 batches cycled over 300 steps left a held-out
 * logit error of 0.83 rms, 300 fresh ones 0.62), within {@link TRAIN_INPUT_BYTES}.
 */
export function trainBatchCount(steps: number, batchBytes: number): number {
  return Math.max(1, Math.min(Math.max(steps, 1), Math.floor(TRAIN_INPUT_BYTES / Math.max(1, batchBytes))));
}

/** Bytes of one batch of feeds. */
export function feedsBytes(feeds: Feeds): number {
  return Object.values(feeds).reduce((s, t) => s + dataBytes(t.data), 0);
}

/** How channels are ranked. */
export type ImportanceKind = 'activation' | 'weight-norm';

/** Options of {@link buildReduced}. */
export interface ReduceOptions {
  /** Share of every prunable layer's channels removed, 0 ≤ r < 1 (a student of width w removes 1 − w). */
  ratio: number;
  /** Fine-tuning (distillation) steps after pruning; 0 for none. */
  steps: number;
  /** @default 'mse' */
  loss?: DistillLoss;
  /** @default 2 */
  temperature?: number;
  /** @default 0.001 (Adam) */
  learningRate?: number;
  /** @default 'activation' */
  importance?: ImportanceKind;
  /** Rank channels by their contribution: score × norm of the next layers' weights reading them. @default true */
  outgoingWeights?: boolean;
  /** Initializers kept fixed during fine-tuning. */
  freeze?: string[];
  /** Kept Conv channel counts rounded up to a multiple of this (structured.ts). @default 8 */
  convChannelMultiple?: number;
  /** Batches to rank channels on and train on. */
  train: readonly Feeds[];
  /** Monotonic clock. @default process.hrtime.bigint */
  clockNs?: () => bigint;
}

/** A reduced model and how it was made. */
export interface ReducedModel {
  model: ModelProto;
  prune: StructuredPruneResult;
  fineTune?: DistillResult;
  importance: ImportanceKind;
  notes: string[];
}

/** Mean |activation| per channel (axis 1, or the last axis of a MatMul) of every Conv/Gemm/MatMul output. */
async function activationImportance(model: ModelProto, batches: readonly Feeds[]): Promise<Map<string, Float64Array>> {
  const graph = model.graph ?? {};
  const layers = (graph.node ?? []).filter((n) => ['Conv', 'Gemm', 'MatMul'].includes(n.opType ?? '') && !n.domain);
  const names = [...new Set(layers.map((n) => n.output?.[0] ?? '').filter(Boolean))];
  const outputs = new Set((graph.output ?? []).map((o) => o.name ?? ''));
  const extra = {
    ...model,
    graph: { ...graph, output: [...(graph.output ?? []), ...names.filter((n) => !outputs.has(n)).map((name) => ({ name }))] },
  };
  const session = await ort.InferenceSession.create(encodeModel(extra), { executionProviders: ['cpu'], intraOpNumThreads: 1 });
  const sums = new Map<string, Float64Array>();
  try {
    for (const feeds of batches) {
      const out = await session.run(feeds);
      for (const n of layers) {
        const name = n.output?.[0] ?? '';
        const t: ort.Tensor | undefined = out[name];
        if (!t || !(t.data instanceof Float32Array) || t.dims.length < 2) continue;
        const axis = n.opType === 'MatMul' ? t.dims.length - 1 : 1;
        const channels = t.dims[axis];
        const inner = t.dims.slice(axis + 1).reduce((a, b) => a * b, 1);
        const s = sums.get(name) ?? new Float64Array(channels);
        const v = t.data;
        for (let i = 0; i < v.length; i++) s[Math.floor(i / inner) % channels] += Math.abs(v[i]);
        sums.set(name, s);
      }
    }
  } finally {
    await session.release();
  }
  return sums;
}

/**
 * Prunes whole channels and neurons of `model` (see structured.ts), then fine-tunes the result
 * to imitate the original on `options.train` when `steps` > 0.
 * @throws InputError UNSUPPORTED_OP when no layer can be pruned (each named with the reason).
 */
export async function buildReduced(model: ModelProto, options: ReduceOptions): Promise<ReducedModel> {
  const bytes = encodeModel(model);
  const loaded = { path: 'model.onnx', bytes, proto: decodeModel(bytes), fileBytes: bytes.length, externalFiles: [] };
  const shapes = await resolveShapes(loaded, options.train[0]);
  const importance = options.importance ?? 'activation';
  const prune = pruneStructured(model, {
    ratio: options.ratio,
    shapes,
    convChannelMultiple: options.convChannelMultiple ?? DEFAULT_CONV_CHANNEL_MULTIPLE,
    outgoingWeights: options.outgoingWeights ?? true,
    ...(importance === 'activation' ? { activationImportance: await activationImportance(model, options.train) } : {}),
  });
  const pruned = prune.groups.filter((g) => g.kept < g.channels);
  if (pruned.length === 0) {
    const why = prune.groups.length
      ? prune.groups
          .map((g) => `${g.layers.join(', ')}: ${g.lockedBecause ?? `${g.channels} channel(s), none to remove at this ratio`}`)
          .join('; ')
      : 'it has no Conv, Gemm or MatMul layer with a float32 weight initializer';
    throw new InputError('UNSUPPORTED_OP', `Structured pruning cannot remove any channel: ${why}.`);
  }
  const notes = [...prune.notes];
  if (options.steps <= 0) return { model: prune.model, prune, importance, notes };
  const fineTune = await distill(model, prune.model, {
    steps: options.steps,
    batches: options.train,
    ...(options.loss ? { loss: options.loss } : {}),
    ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
    ...(options.learningRate !== undefined ? { learningRate: options.learningRate } : {}),
    ...(options.clockNs ? { clockNs: options.clockNs } : {}),
    ...(options.freeze ? { freeze: options.freeze } : {}),
  });
  notes.push(...fineTune.notes);
  return { model: fineTune.model, prune, fineTune, importance, notes };
}

/**
 * Splits rows of a `.npy` array (axis 0 = samples) into batches of `batchSize` for one float32
 * input: the last `heldOutShare` of the rows (at least one batch) are held out for fidelity.
 * @throws InputError INPUT_INVALID when the file is not float32, has the wrong sample shape, or
 *   has fewer than two batches of rows.
 */
export function npyBatches(
  array: NpyArray,
  input: { name: string; sampleDims: readonly number[] },
  batchSize: number,
  file: string,
  heldOutShare = 0.25,
): { train: Feeds[]; heldOut: Feeds[] } {
  const sample = array.shape.slice(1);
  const data = array.data;
  if (array.dtype !== 'float32' || !(data instanceof Float32Array)) {
    throw new InputError(
      'INPUT_INVALID',
      `${file}: expected float32 samples for input "${input.name}", got ${array.dtype}. Save it with np.save(path, x.astype(np.float32)).`,
    );
  }
  if (sample.length !== input.sampleDims.length || sample.some((d, i) => d !== input.sampleDims[i])) {
    throw new InputError(
      'INPUT_INVALID',
      `${file}: each sample of input "${input.name}" must be [${input.sampleDims.join(', ')}] (the array [rows, ${input.sampleDims.join(', ')}]); got [${array.shape.join(', ')}].`,
    );
  }
  const rows = array.shape[0] ?? 0;
  const batches = Math.floor(rows / batchSize);
  if (batches < 2) {
    throw new InputError(
      'INPUT_INVALID',
      `${file}: ${rows} rows make fewer than two batches of ${batchSize}; give at least ${2 * batchSize} rows (some train, some are held out).`,
    );
  }
  const per = sample.reduce((a, b) => a * b, 1) * batchSize;
  const all: Feeds[] = [];
  for (let b = 0; b < batches; b++) {
    all.push({ [input.name]: new ort.Tensor('float32', data.slice(b * per, (b + 1) * per), [batchSize, ...sample]) });
  }
  const held = Math.max(1, Math.round(batches * heldOutShare));
  return { train: all.slice(0, batches - held), heldOut: all.slice(batches - held) };
}
