/**
 * The training-step benchmark of one model: build the step graph from the model itself (or
 * take the user's own step model), run it for the configured steps with outputs fed back as
 * inputs, and report time, energy, loss and the projection of a full training run.
 */
import type * as ort from 'onnxruntime-node';
import type { ModelConfig } from '../config/types.js';
import type { EnergyMeter } from '../energy/types.js';
import type { TrainingReport } from '../report/types.js';
import { encodeModel, type ModelProto, type TensorProto } from '../model/onnx.js';
import { isExternal, loadModel, resolveExternalRef, type LoadedModel } from '../model/load.js';
import { analyzeModel, fsExternalReader } from '../model/analyze.js';
import { externalDataFolder } from '../model/shapes.js';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { synthesizeInputs } from '../bench/inputs.js';
import { createSession } from '../bench/ort.js';
import { buildTrainingStep, projectTraining, synthesizeLabels } from '../train/index.js';
import { runTrainingBenchmark, toOrtTensor } from '../train/runner.js';
import { loopTrainingStep } from '../train/loop.js';
import { carbonFor } from '../energy/carbon.js';
import { isEstimated } from '../energy/units.js';
import { figureInterval } from '../energy/interval.js';
import { seedFrom } from '../util/random.js';
import { mean, quantileSorted } from '../util/stats.js';
import type { MeasureContext, PreparedModel } from './context.js';
import { countInstructions } from '../instructions/measure.js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

interface StepPlan {
  bytes: Uint8Array;
  /** Where weights the step model keeps external (frozen ones) are found. */
  externalDataFolder?: string;
  feeds: Record<string, ort.Tensor>;
  feedback: Record<string, string>;
  lossOutput?: string;
  batchSize: number;
  notes: string[];
  stepsPerCall?: number;
}

/**
 * Steps per onnxruntime call for a built step: the largest divisor of `steps` up to 10, unless
 * the budget file sets `training.steps-per-call` (warm-up rounds up to whole calls).
 * Frameworks keep parameters and optimizer state next to the compute between steps; a looped
 * step does the same inside onnxruntime, instead of copying ~1.3 MB of state (the example
 * classifier with Adam) into JavaScript after every step (src/train/loop.ts, docs/training.md).
 */
export function stepsPerCallFor(steps: number): number {
  for (let k = Math.min(10, steps); k > 1; k--) if (steps % k === 0) return k;
  return 1;
}

/**
 * The model with its external initializers read into raw_data, each by its own range of its
 * data file (never a whole file), except those `freeze` names, which stay external: training
 * feeds the trainable ones in from JavaScript (the step's session finds the frozen ones
 * through `externalDataFolder`), and the advisor builds variants from them all.
 */
export function withExternalWeightsRead(loaded: LoadedModel, freeze: readonly string[]): ModelProto {
  const graph = loaded.proto.graph ?? {};
  const frozen = (name: string) => freeze.some((p) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : name === p));
  const root = dirname(loaded.path);
  const initializer = (graph.initializer ?? []).map((t): TensorProto => {
    if (!isExternal(t) || frozen(t.name ?? '')) return t;
    const ref = resolveExternalRef(t, loaded.path, root, loaded.path);
    const length = ref.length ?? Math.max(0, statSync(ref.file).size - ref.offset);
    const rawData = new Uint8Array(length);
    let at = 0;
    fsExternalReader(ref.file, ref.offset, length, (chunk) => {
      rawData.set(chunk, at);
      at += chunk.length;
    });
    const { externalData: _e, dataLocation: _l, ...rest } = t;
    return { ...rest, rawData };
  });
  return { ...loaded.proto, graph: { ...graph, initializer } };
}

async function builtStep(cfg: ModelConfig, prepared: PreparedModel): Promise<StepPlan> {
  const t = cfg.training!;
  const external = prepared.loaded.externalFiles.length > 0 || prepared.loaded.payloads !== undefined;
  const proto = external ? withExternalWeightsRead(prepared.loaded, t.freeze ?? []) : prepared.loaded.proto;
  const step = buildTrainingStep(proto, {
    loss: t.loss,
    optimizer: t.optimizer,
    learningRate: t.learningRate,
    momentum: t.momentum,
    rho: t.rho,
    beta1: t.beta1,
    beta2: t.beta2,
    epsilon: t.epsilon,
    batchShapes: prepared.inputs.shapes,
    knownShapes: prepared.shapes,
    dims: cfg.dims,
    freeze: t.freeze,
  });
  const feeds: Record<string, ort.Tensor> = {};
  for (const b of step.batchInputs) feeds[b.name] = prepared.inputs.feeds[b.name];
  const labels = synthesizeLabels(t.loss, step.label.dtype, step.label.shape, seedFrom(`${cfg.name}/labels`), step.label.classes);
  feeds[step.labelInput] = toOrtTensor(labels);
  for (const [name, data] of Object.entries(step.initialState)) feeds[name] = toOrtTensor(data);
  if (step.frozen.length) step.notes.push(`weights kept fixed: ${step.frozen.join(', ')}`);
  const folder = external ? dirname(prepared.loaded.path) : undefined;
  const k = t.stepsPerCall ?? stepsPerCallFor(t.steps);
  if (k > 1) {
    const looped = loopTrainingStep(step, k);
    return {
      bytes: encodeModel(looped.model),
      externalDataFolder: folder,
      feeds,
      feedback: looped.feedback,
      lossOutput: looped.lossOutput,
      batchSize: prepared.inputs.batchSize,
      stepsPerCall: k,
      notes: [
        ...step.notes,
        `${k} training steps per onnxruntime call, parameters and optimizer state kept inside onnxruntime between them (as a framework keeps them on the device)`,
      ],
    };
  }
  return {
    bytes: encodeModel(step.model),
    externalDataFolder: folder,
    feeds,
    feedback: step.feedback,
    lossOutput: step.lossOutput,
    batchSize: prepared.inputs.batchSize,
    notes: step.notes,
  };
}

async function ownStep(cfg: ModelConfig, ctx: MeasureContext): Promise<StepPlan> {
  const t = cfg.training!;
  const label = `"${cfg.name}" training step-model (${t.stepModel})`;
  const loaded = await loadModel(t.stepModel!, { label });
  const analysis = analyzeModel(loaded, { label });
  const inputs = await synthesizeInputs(analysis.inputs, {
    modelName: cfg.name,
    configFile: ctx.config.file,
    dims: cfg.dims,
    specs: cfg.inputs,
    seed: seedFrom(`${cfg.name}/step`),
    readFile: ctx.readFile,
    // The fed-back inputs are weights and optimizer state, not the batch.
    notBatch: Object.values(t.feedback ?? {}),
  });
  return {
    bytes: loaded.bytes,
    externalDataFolder: externalDataFolder(loaded),
    feeds: inputs.feeds,
    feedback: t.feedback ?? {},
    batchSize: inputs.batchSize,
    notes: inputs.notices,
  };
}

/**
 * Runs the training benchmark for a model whose budget file has `training:`.
 * @throws InputError UNSUPPORTED_OP (an op without a gradient), INPUT_INVALID.
 */
export async function measureTraining(
  cfg: ModelConfig,
  prepared: PreparedModel,
  meter: EnergyMeter,
  ctx: MeasureContext,
): Promise<TrainingReport> {
  const t = cfg.training!;
  const plan = t.stepModel ? await ownStep(cfg, ctx) : await builtStep(cfg, prepared);
  const session = await createSession(plan.bytes, {
    threads: cfg.threads,
    name: `"${cfg.name}" training step`,
    device: cfg.device,
    externalDataFolder: plan.externalDataFolder,
  });
  let result;
  try {
    result = await runTrainingBenchmark(
      session,
      plan.feeds,
      plan.feedback,
      { steps: t.steps, warmup: t.warmup, lossOutput: plan.lossOutput, stepsPerCall: plan.stepsPerCall },
      { clockNs: ctx.clockNs, meter },
    );
  } finally {
    await session.release();
  }
  const sorted = Float64Array.from(result.stepMs).sort();
  const report: TrainingReport = {
    steps: result.steps,
    batchSize: plan.batchSize,
    stepMs: { p50: quantileSorted(sorted, 0.5), mean: mean(sorted), p95: quantileSorted(sorted, 0.95) },
    samplesPerSecond: (plan.batchSize * result.steps) / (result.totalMs / 1000),
    lossFirst: result.lossFirst,
    lossLast: result.lossLast,
    loss: t.stepModel ? undefined : t.loss,
    optimizer: t.stepModel ? undefined : t.optimizer,
  };
  if (result.energy) {
    const w = result.energy;
    const estimated = isEstimated(w);
    const perStep = w.energyJ / result.steps;
    const interval = figureInterval(w);
    report.energy = {
      joulesPerStep: perStep,
      joulesPerSample: perStep / plan.batchSize,
      method: w.method,
      estimated,
      description: `${estimated ? 'ESTIMATE: ' : ''}${meter.description}`,
      ...(interval ? { ci95: [perStep * interval.factors[0], perStep * interval.factors[1]], ci95Basis: interval.basis } : {}),
    };
    if (t.datasetSize) {
      const intensity = carbonFor({ energyJ: 0, durationS: 0, settings: ctx.config.power, env: ctx.env }).intensityGPerKWh;
      const p = projectTraining({
        joulesPerStep: perStep,
        batchSize: plan.batchSize,
        datasetSize: t.datasetSize,
        epochs: t.epochs ?? 1,
        carbonIntensityGPerKWh: intensity,
      });
      report.projection = { datasetSize: p.datasetSize, epochs: p.epochs, joules: p.joules, kWh: p.kWh, gCO2e: p.gCO2e };
    }
  }
  const notes = [...plan.notes, ...result.notes];
  if (notes.length) (prepared.report.notices ??= []).push(...notes.map((n) => `training: ${n}`));
  if (cfg.measure === 'instructions') report.instructions = await countSteps(cfg, plan, ctx);
  return report;
}

/**
 * The training step's instructions under Valgrind: the step model (built in memory) is written
 * to a temporary folder of its own for the child process, and called on the same inputs each
 * time (the work of a dense step does not depend on the values fed back); a looped step's
 * count is divided by its steps per call.
 */
async function countSteps(cfg: ModelConfig, plan: StepPlan, ctx: MeasureContext): Promise<TrainingReport['instructions']> {
  ctx.logger.progress(`  ${cfg.name}: counting training-step instructions under Valgrind (callgrind)`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'eb-step-'));
  try {
    const file = path.join(dir, 'step.onnx');
    await writeFile(file, plan.bytes);
    return await countInstructions(file, plan.feeds, {
      env: ctx.env,
      what: 'training step',
      perCallDivisor: plan.stepsPerCall ?? 1,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
