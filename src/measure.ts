/**
 * Measuring one model: analysis, inputs, shapes and FLOPs, the inference benchmark with its
 * energy window, the training step, and the interleaved base-versus-head comparison.
 * Everything outside (files, sessions, meters, clocks) comes in through `MeasureContext`.
 */
import type { BudgetConfig, MetricKey, ModelConfig } from './config/types.js';
import { EnergyBudgetError, EnvironmentError, InputError, limitErrorOf } from './errors.js';
import type { RunLogger } from './run-types.js';
import type { EnergyReport, InferenceReport, ModelReport, TrainingReport } from './report/types.js';
import type { EnergyWindow, EnergyMeter, WindowToken } from './energy/types.js';
import type { ComparisonResult } from './compare/types.js';
import { loadModel, type LoadedModel } from './model/load.js';
import { analyzeModel } from './model/analyze.js';
import { flopsWithControlFlow } from './model/control-flow.js';
import { synthesizeInputs, type SynthesizedInputs } from './bench/inputs.js';
import { createSession, type BenchSession } from './bench/ort.js';
import { runInferenceBenchmark } from './bench/runner.js';
import { isEstimated, measureIdle, openMeter, withIdleBaseline, type IdleBaseline } from './energy/index.js';
import { estimateCoefficients, estimateFromTimings, type EstimateCoefficients } from './energy/estimate.js';
import { figureInterval } from './energy/interval.js';
import { carbonFor } from './energy/carbon.js';
import { abbaBaseFirst, minSamplesPerRound, planRoundsPerLook } from './compare/sequential.js';
import { median, quantileSorted } from './compare/stats.js';
import { createRoundDecider, LATENCY_COMPARED, type ComparedMetric, type RoundSamples } from './compare/interleaved.js';
import { seedFrom } from './util/random.js';
import { measureTraining, withExternalWeightsRead } from './measure-training.js';
import { adviseModel, DEFAULT_FINE_TUNE_STEPS, GZIP_LEVEL, gzipSize, type EncodedVariant } from './optimize/advisor.js';
import { externalizeModel } from './model/external-write.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSizeOfFiles } from './util/gzip-files.js';
import { ortSessionFactoryIn } from './optimize/session.js';
import { prepareDevice, startGpuMemory } from './measure-device.js';
import { decodeModel, encodeModel, type ModelProto } from './model/onnx.js';
import { externalDataFolder, staticShapes } from './model/shapes.js';
import {
  activationFigures,
  estimatePass,
  formatBytes,
  memoryRefusal,
  weightFigures,
  type EstimateInput,
  type MemoryPass,
} from './model/memory.js';
import { availableMemoryReader, type AvailableMemoryReader } from './util/available-memory.js';
import { ADVICE_VARIANT_IDS, VARIANT_IDS, type Measurement, type VariantComparison } from './optimize/types.js';
import { feedsBytes, trainBatchCount } from './optimize/reduce.js';
import type { Feeds } from './optimize/session.js';

/** Everything a measurement needs from outside. */
export interface MeasureContext {
  config: BudgetConfig;
  logger: RunLogger;
  env: Record<string, string | undefined>;
  clockNs: () => bigint;
  sysfsRoot: string;
  procRoot?: string;
  advise: boolean;
  readFile: (path: string) => Promise<Uint8Array>;
  /** Notices already shown (the meter's choice is the same for every model: say it once). */
  shown?: Set<string>;
  /** Waits (the idle window). @default setTimeout */
  sleep?: (seconds: number) => Promise<void>;
  /** Idle baselines measured in this process, by meter description. */
  idle?: Map<string, IdleBaseline>;
  /**
   * The machine's available memory for the pre-flight (src/model/memory.ts).
   * @default /proc/meminfo's MemAvailable (src/util/available-memory.ts)
   */
  availableMemory?: AvailableMemoryReader;
  /**
   * An advisor variant whose weights reach this many bytes is written with external data.
   * @default EXTERNAL_VARIANT_BYTES (2 GiB less 64 MiB for the graph: protobuf's limit)
   */
  externalVariantBytes?: number;
}

/** Weights from which an advisor variant is written with external data: protobuf's 2 GiB less room for the graph. */
export const EXTERNAL_VARIANT_BYTES = 2 ** 31 - 64 * 2 ** 20;

/** A model loaded, analysed and given inputs: what both the benchmark and the comparison use. */
export interface PreparedModel {
  loaded: LoadedModel;
  /** The memory pre-flight for a further pass of this model (the advisor's). */
  preflight?: (pass: MemoryPass) => Promise<void>;
  inputs: SynthesizedInputs;
  report: ModelReport;
  /** Shapes of the intermediate tensors at these inputs, learnt by running the model once. */
  shapes?: ReadonlyMap<string, readonly number[]>;
}

function label(cfg: ModelConfig): string {
  return `"${cfg.name}" (${cfg.pathInConfig})`;
}

/** Loads, analyses, synthesises inputs and counts FLOPs. @throws InputError for a bad model or input. */
export async function prepareModel(cfg: ModelConfig, path: string, ctx: MeasureContext): Promise<PreparedModel> {
  const modelIndex = ctx.config.models.indexOf(cfg);
  // loadModel adds the path itself: `"name" (path)`.
  const loaded = await loadModel(path, { label: cfg.name });
  const analysis = analyzeModel(loaded, { label: label(cfg) });
  const inputs = await synthesizeInputs(analysis.inputs, {
    modelName: cfg.name,
    modelIndex: modelIndex >= 0 ? modelIndex : undefined,
    configFile: ctx.config.file,
    dims: cfg.dims,
    specs: cfg.inputs,
    seed: seedFrom(cfg.name),
    readFile: ctx.readFile,
  });
  const weights = weightFigures(loaded.proto);
  const inputBytes = Object.values(inputs.feeds).reduce((sum, t) => sum + tensorBytes(t), 0);
  const notActivations = new Set([...weights.byName.keys(), ...Object.keys(inputs.feeds)]);
  const preflight = (pass: MemoryPass, shapes: ReadonlyMap<string, readonly number[]>) =>
    memoryPreflight(cfg, ctx, pass, {
      weights,
      inputBytes,
      activations: activationFigures(shapes, notActivations),
      ...(cfg.training && !cfg.training.stepModel
        ? { training: { optimizer: cfg.training.optimizer, freeze: cfg.training.freeze } }
        : {}),
    });
  await preflight('shapes', staticShapes(loaded.proto, inputs.shapes));
  let counted: Awaited<ReturnType<typeof flopsWithControlFlow>>;
  try {
    // The shapes, and the FLOPs with If branches, Loop and Scan bodies counted (src/model/control-flow.ts).
    counted = await flopsWithControlFlow(loaded, inputs.feeds, (bytes, o) =>
      createSession(bytes, { threads: cfg.threads, name: label(cfg), externalDataFolder: o.externalDataFolder }),
    );
  } catch (error) {
    // Sessions are created through createSession (its errors are ours); a failure of the one
    // run that finds intermediate shapes comes raw from onnxruntime and is about the model.
    if (error instanceof EnergyBudgetError) throw error;
    const limit = limitErrorOf(label(cfg), 'running the model once to find the shapes of intermediate tensors', error);
    if (limit) throw limit;
    throw new InputError(
      'MODEL_INVALID',
      `Model ${label(cfg)}: onnxruntime failed running the model once on the synthesised inputs (to find the shapes of intermediate tensors): ${reason(error)}. ` +
        `Expected the model to run on inputs of the declared shapes; check the node named in the message, and the sizes given by dims: and inputs:.`,
      { cause: error },
    );
  }
  if (cfg.inference) await preflight('inference', counted.shapes);
  if (cfg.training && !cfg.training.stepModel) await preflight('training', counted.shapes);
  const flops = counted.flops;
  const notices = [...inputs.notices, ...counted.notices];
  if (flops.uncounted.length) {
    notices.push(`FLOPs do not include these op types (see docs/flops.md): ${flops.uncounted.join(', ')}`);
  }
  for (const c of flops.controlFlow ?? []) notices.push(`FLOPs of ${c.op} '${c.node}': counted the ${c.counted}`);
  const report: ModelReport = {
    name: cfg.name,
    path: cfg.pathInConfig,
    size: { ...analysis.size },
    flops: flops.total,
    flopsByOp: flops.byOp,
    ...(flops.uncounted.length || flops.uncountedNodes
      ? {
          flopsUncounted: {
            ops: flops.uncounted,
            nodes: flops.uncountedNodes ?? 0,
            share: flops.nodes ? (flops.uncountedNodes ?? 0) / flops.nodes : 0,
          },
        }
      : {}),
    ...(flops.controlFlow?.length ? { flopsControlFlow: flops.controlFlow } : {}),
    opset: analysis.opset,
    ops: analysis.ops,
    inputs: analysis.inputs,
    outputs: analysis.outputs,
    budgets: [],
    notices,
  };
  return { loaded, inputs, report, shapes: counted.shapes, preflight: (pass) => preflight(pass, counted.shapes) };
}

/**
 * A meter whose failures cost only the energy figure: when a counter fails in the middle of a
 * run (a RAPL file vanishing, nvidia-smi dying), `begin`/`end` do not throw, so the latency and
 * throughput of the same run survive; `end` returns a window of NaN joules that the caller
 * drops after reading the reason with `takeFailure()`. Energy is then reported as unavailable
 * with that reason, never replaced by an estimate after the fact (the estimate needs its own
 * snapshot at the start of the window, and an estimate must never stand in for a measurement
 * silently).
 */
export class FaultTolerantMeter implements EnergyMeter {
  private failure: string | undefined;
  constructor(private readonly inner: EnergyMeter) {}
  get method(): EnergyMeter['method'] {
    return this.inner.method;
  }
  get description(): string {
    return this.inner.description;
  }
  get modelledIdleW(): number | undefined {
    return this.inner.modelledIdleW;
  }
  async begin(): Promise<WindowToken> {
    try {
      return await this.inner.begin();
    } catch (error) {
      this.failure ??= reason(error);
      return { startedAt: Date.now(), failed: true } as WindowToken;
    }
  }
  async end(token: WindowToken): Promise<EnergyWindow> {
    if (!(token as { failed?: boolean }).failed) {
      try {
        return await this.inner.end(token);
      } catch (error) {
        this.failure ??= reason(error);
      }
    }
    return {
      energyJ: Number.NaN,
      domainsJ: {},
      durationS: 0,
      method: this.inner.method,
      notes: [`energy unavailable: ${this.failure}`],
    };
  }
  close(): Promise<void> {
    return this.inner.close();
  }
  /** The first failure since the last call, if any (and forgets it). */
  takeFailure(): string | undefined {
    const f = this.failure;
    this.failure = undefined;
    return f;
  }
}

/** Bytes of an input tensor's data (0 for string tensors, whose size is not fixed). */
function tensorBytes(t: { data: unknown }): number {
  const d = t.data as { byteLength?: unknown };
  return typeof d?.byteLength === 'number' ? d.byteLength : 0;
}

/**
 * Refuses a pass whose estimated memory exceeds what the machine has available (exit 3);
 * `ENERGY_BUDGET_MEMORY_CHECK=off` skips the check (when the estimate is wrong for a model).
 * @throws EnvironmentError MEMORY_INSUFFICIENT with the estimate, what is available and what to change.
 */
async function memoryPreflight(cfg: ModelConfig, ctx: MeasureContext, pass: MemoryPass, input: EstimateInput): Promise<void> {
  if (ctx.env.ENERGY_BUDGET_MEMORY_CHECK === 'off') return;
  const read = (ctx.availableMemory ??= availableMemoryReader(
    ctx.procRoot ?? ctx.env.ENERGY_BUDGET_PROC ?? '/proc',
    ctx.sysfsRoot,
  ));
  const available = await read();
  const estimate = estimatePass(pass, input);
  const refusal = memoryRefusal(label(cfg), estimate, available.bytes, available.source, {
    dims: cfg.dims,
    training: input.training,
  });
  if (refusal) {
    throw new EnvironmentError(
      `${refusal} If the estimate is wrong for this model, ENERGY_BUDGET_MEMORY_CHECK=off skips the check.`,
      { code: 'MEMORY_INSUFFICIENT' },
    );
  }
}

function reason(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
}

async function withMeter<T>(cfg: ModelConfig, ctx: MeasureContext, use: (meter: FaultTolerantMeter) => Promise<T>): Promise<T> {
  const { meter, notices } = await openMeter(cfg.energy, {
    sysfsRoot: ctx.sysfsRoot,
    procRoot: ctx.procRoot,
    env: ctx.env,
    power: ctx.config.power,
    device: cfg.device,
  });
  const shown = (ctx.shown ??= new Set());
  for (const n of notices) {
    // How energy is obtained is information, not a problem: said once, on the progress stream.
    if (!shown.has(n)) ctx.logger.progress(`note: ${n}`);
    shown.add(n);
  }
  try {
    return await use(new FaultTolerantMeter(await idleBaselined(meter, ctx)));
  } finally {
    await meter.close();
  }
}

/**
 * A measured meter (RAPL, NVML) measures idle power briefly, once per meter and process, so
 * that reports show the energy attributable to the workload besides the gross figure; the
 * estimate's windows already carry the modelled idle power. `ENERGY_BUDGET_IDLE_S` sets the
 * idle window (default 1 s; 0 turns it off).
 */
async function idleBaselined(meter: EnergyMeter, ctx: MeasureContext): Promise<EnergyMeter> {
  if (meter.method === 'estimate') return meter;
  const seconds = Number(ctx.env.ENERGY_BUDGET_IDLE_S ?? 1);
  if (!(seconds > 0)) return meter;
  const cache = (ctx.idle ??= new Map());
  let baseline = cache.get(meter.description);
  if (!baseline) {
    try {
      baseline = await measureIdle(meter, seconds, ctx.sleep ?? ((s) => new Promise((done) => setTimeout(done, s * 1000))));
      cache.set(meter.description, baseline);
      ctx.logger.progress(
        `note: idle power ${baseline.idleW.toFixed(2)} W (${meter.method}, measured over ${baseline.durationS.toFixed(1)} s)`,
      );
    } catch (error) {
      ctx.logger.warn(`idle power could not be measured (${reason(error)}); energy is reported gross only`);
      return meter;
    }
  }
  return withIdleBaseline(meter, baseline);
}

/** Turns one energy window over `calls` inference calls of `batch` samples into report fields. */
export function energyReport(
  window: EnergyWindow,
  calls: number,
  batch: number,
  description: string,
  ctx: MeasureContext,
  runRelativeCi95?: number,
): EnergyReport {
  const perCall = window.energyJ / calls;
  const estimated = isEstimated(window);
  const interval = figureInterval(window, runRelativeCi95);
  const carbon = carbonFor({
    energyJ: perCall,
    durationS: window.durationS / calls,
    settings: ctx.config.power,
    env: ctx.env,
    energyEstimated: estimated,
  });
  return {
    joulesPerInference: perCall,
    joulesPerSample: perCall / batch,
    joulesPer1000Inferences: perCall * 1000,
    method: window.method,
    estimated,
    // One window: the power model's validated interval (with the run's own spread), or the
    // meter's stated uncertainty (±1.96σ); figureInterval says which in ci95Basis.
    ...(interval
      ? {
          ci95: [perCall * interval.factors[0], perCall * interval.factors[1]] as [number, number],
          ci95Basis: interval.basis,
        }
      : {}),
    ...(window.attributableJ !== undefined ? { attributableJoulesPerInference: window.attributableJ / calls } : {}),
    description: estimated ? `ESTIMATE: ${description}` : description,
    carbon,
    notes: window.notes,
  };
}

async function runInference(
  cfg: ModelConfig,
  prepared: PreparedModel,
  session: BenchSession,
  meter: FaultTolerantMeter,
  ctx: MeasureContext,
): Promise<InferenceReport> {
  const inference = cfg.inference!;
  const batch = prepared.inputs.batchSize;
  const result = await runInferenceBenchmark(
    session,
    prepared.inputs.feeds,
    { ...inference, batchSize: batch },
    { clockNs: ctx.clockNs, meter, label: `Model ${label(cfg)}`, minSamples: tailSamples(cfg) },
  );
  const report: InferenceReport = {
    batchSize: batch,
    runs: result.runs,
    warmup: inference.warmup,
    threads: cfg.threads,
    latencyMs: result.latencyMs,
    throughput: result.throughput,
    relativeCi95: result.relativeCi95,
    peakMemoryBytes: result.peakMemoryBytes,
    nonFinite: result.nonFinite,
  };
  const failed = meter.takeFailure();
  if (failed) {
    report.energyUnavailable = failed;
    (prepared.report.notices ??= []).push(
      `energy per inference is unavailable: the energy meter (${meter.description}) failed during the run (${failed}); the latency and throughput figures of the same run stand, and energy limits of this model are not checked`,
    );
  } else if (result.energy)
    report.energy = energyReport(result.energy, result.runs, batch, meter.description, ctx, result.relativeCi95);
  const bad = Object.entries(result.nonFinite ?? {}).filter(([, n]) => n > 0);
  if (bad.length) {
    (prepared.report.notices ??= []).push(
      `outputs contain NaN or Inf values (${bad.map(([k, n]) => `${k}: ${n}`).join(', ')}); the figures were measured on them and are reported as they are`,
    );
  }
  return report;
}

/**
 * Measures one model end to end (analysis, inference, energy, training).
 * @throws InputError / EnvironmentError; the caller reports it for this model only.
 */
export async function measureModel(cfg: ModelConfig, path: string, ctx: MeasureContext): Promise<ModelReport> {
  return measurePrepared(cfg, await prepareModel(cfg, path, ctx), ctx);
}

/** The benchmarks of a prepared model; fills in and returns `prepared.report`. */
async function measurePrepared(
  cfg: ModelConfig,
  prepared: PreparedModel,
  ctx: MeasureContext,
  what: { inference: boolean } = { inference: true },
): Promise<ModelReport> {
  if (!what.inference && !cfg.training) return prepared.report;
  await withMeter(cfg, ctx, async (meter) => {
    if (cfg.inference && what.inference) {
      ctx.logger.progress(
        `  ${cfg.name}: inference benchmark (${cfg.inference.iterations === 'auto' ? 'auto' : `${cfg.inference.iterations} runs`})`,
      );
      await prepareDevice(cfg, ctx.env, ctx.logger);
      const gpu = await startGpuMemory(cfg, ctx.env);
      if (gpu.notice) (prepared.report.notices ??= []).push(gpu.notice);
      // From the path, so that onnxruntime resolves external data itself (docs/large-models.md).
      const session = await createSession(prepared.loaded.path, { threads: cfg.threads, name: label(cfg), device: cfg.device });
      try {
        prepared.report.inference = await runInference(cfg, prepared, session, meter, ctx);
        if (gpu.sampler) prepared.report.inference.peakGpuMemoryBytes = gpu.sampler.stop().peakGpuMemoryBytes;
      } finally {
        gpu.sampler?.close();
        await session.release();
      }
    }
    if (cfg.training) {
      ctx.logger.progress(
        `  ${cfg.name}: training step (${cfg.training.steps} steps, ${cfg.training.stepModel ? 'own step-model' : cfg.training.optimizer})`,
      );
      prepared.report.training = await measureTraining(cfg, prepared, meter, ctx);
      const failed = meter.takeFailure();
      if (failed) {
        delete prepared.report.training.energy;
        prepared.report.training.energyUnavailable = failed;
        (prepared.report.notices ??= []).push(
          `energy per training step is unavailable: the energy meter failed during the training run (${failed}); the step times stand, and energy limits of training are not checked`,
        );
      }
    }
  });
  // The inference count of `measure: instructions` is taken after the timed benchmarks of both
  // sides, both sides at once (src/instructions/sides.ts, called by the run).
  return prepared.report;
}

/** Figures a budget can check, in base units (seconds, joules, bytes, grams). */
export function metricValues(
  m: Pick<ModelReport, 'size' | 'flops' | 'inference' | 'training'>,
): Partial<Record<MetricKey, number>> {
  const v: Partial<Record<MetricKey, number>> = {
    'model-size': m.size.bytes,
    parameters: m.size.parameters,
    flops: m.flops,
  };
  const inf = m.inference;
  if (inf) {
    v['latency-p50'] = inf.latencyMs.p50 / 1000;
    v['latency-p95'] = inf.latencyMs.p95 / 1000;
    v['latency-p99'] = inf.latencyMs.p99 / 1000;
    v['latency-mean'] = inf.latencyMs.mean / 1000;
    v.throughput = inf.throughput;
    if (inf.peakMemoryBytes !== undefined) v['peak-memory'] = inf.peakMemoryBytes;
    if (inf.peakGpuMemoryBytes !== undefined) v['peak-gpu-memory'] = inf.peakGpuMemoryBytes;
    if (inf.instructions) v['instructions-per-inference'] = inf.instructions.perCall;
    if (inf.energy) {
      v['energy-per-inference'] = inf.energy.joulesPerInference;
      v['energy-per-sample'] = inf.energy.joulesPerSample;
      v['energy-per-1000-inferences'] = inf.energy.joulesPerInference * 1000;
      if (inf.energy.carbon) {
        v['carbon-per-inference'] = inf.energy.carbon.totalG;
        v['carbon-per-1000-inferences'] = inf.energy.carbon.totalG * 1000;
      }
    }
  }
  const t: TrainingReport | undefined = m.training;
  if (t) {
    v['training-step-time'] = t.stepMs.mean / 1000;
    if (t.energy) {
      v['energy-per-training-step'] = t.energy.joulesPerStep;
      v['energy-per-training-sample'] = t.energy.joulesPerSample;
    }
    if (t.instructions) v['instructions-per-step'] = t.instructions.perCall;
    if (t.projection) {
      v['training-energy-total'] = t.projection.joules;
      v['training-carbon-total'] = t.projection.gCO2e;
    }
  }
  return v;
}

/** Noisy metrics the interleaved comparison estimates, and which round figure each uses. */
const ENERGY_METRICS: MetricKey[] = ['energy-per-inference', 'energy-per-sample', 'energy-per-1000-inferences'];

/**
 * `auto` runs at least as many calls as the tail percentiles budgeted need (200 for a p99,
 * 40 for a p95: src/compare/sequential.ts minSamplesPerRound), so a p99 limit is checked
 * against a p99 and not the maximum of a few calls.
 */
function tailSamples(cfg: ModelConfig): number {
  let n = 10;
  for (const b of cfg.budget) {
    if (b.metric === 'latency-p99') n = Math.max(n, minSamplesPerRound({ percentile: 99 }));
    if (b.metric === 'latency-p95') n = Math.max(n, minSamplesPerRound({ percentile: 95 }));
  }
  return n;
}

/** Options of the interleaved comparison. */
export interface CompareOptions {
  /** Threshold the sampling stops against (the tightest noisy regression limit). @default 0.02 */
  threshold?: number;
  /** Wall-clock cap for the comparison rounds, seconds. @default 3 × inference.max-time (30 s) */
  maxTimeS?: number;
  /** Length of one block of calls of one arm, ms. @default 25 */
  blockMs?: number;
  /** Blocks per arm per round, in ABBA order. @default 8 */
  blocksPerRound?: number;
  /** Rounds between looks of the quick rule (the first look after as many). @default 3 */
  roundsPerLook?: number;
}

/** Without a regression gate, a measured base is compared against this threshold, for information only. */
export const INFORMATION_THRESHOLD = 0.02;

/** Fewest rounds of an interleaved comparison, even past its time cap: a 95% interval with df ≥ 2. */
const MIN_ROUNDS = 3;

/** One side of an interleaved comparison: a model file (or its bytes) and the inputs it runs on. */
export interface ComparisonArm {
  model: string | Uint8Array;
  feeds: SynthesizedInputs['feeds'];
  /** For bytes that keep external-data references: the folder they are relative to. */
  externalDataFolder?: string;
}

/** What an interleaved comparison decides and within what limits. */
export interface InterleavedPlan {
  metrics: readonly ComparedMetric[];
  /** Relative threshold the sampling stops against. */
  threshold: number;
  /** @default threshold */
  improvementThreshold?: number;
  /** Wall-clock cap for the rounds, seconds. */
  capS: number;
  /** A per-call latency estimate (ms), to size the blocks. */
  meanMs: number;
  batchSize: number;
  /** Warm-up calls of each fresh session. @default 10 */
  warmup?: number;
  /** @default 25 */
  blockMs?: number;
  /** @default 8 */
  blocksPerRound?: number;
  /**
   * The quick rule: the first look after this many rounds (at least 3) and then a look every
   * this many, Bonferroni over the looks that fit the cap at the first round's length. Without
   * it the looks are sized to the cap (`planRoundsPerLook`: 5 looks).
   */
  quickRoundsPerLook?: number;
  /** When given, filled with the base arm's calls and energy windows over all rounds. */
  baseCalls?: BaseArmCalls;
}

/** The base arm's calls in the rounds of an interleaved comparison: its own inference figures. */
export interface BaseArmCalls {
  latenciesMs: number[];
  /** The base blocks' energy windows, summed. */
  energy: { energyJ: number; durationS: number; attributableJ: number; uncertaintyJ2: number; windows: number; notes: string[] };
  method?: EnergyWindow['method'];
  /** A block's energy could not be read: the base then has no energy figure. */
  energyFailed: boolean;
}

/** An empty {@link BaseArmCalls} to pass as `plan.baseCalls`. */
export function emptyBaseCalls(): BaseArmCalls {
  return {
    latenciesMs: [],
    energy: { energyJ: 0, durationS: 0, attributableJ: 0, uncertaintyJ2: 0, windows: 0, notes: [] },
    energyFailed: false,
  };
}

/**
 * THE interleaved comparison of two models (base-versus-head, and the advisor's
 * original-versus-variant): rounds, each with fresh sessions of both (so session-to-session
 * differences such as memory placement become round-to-round noise inside the interval), a
 * short warm-up of each, then short blocks in ABBA order so drift within the round falls on
 * both arms equally; every metric decided by the per-round comparison of its own statistic
 * (src/compare/interleaved.ts), until all are decided or the time cap is hit.
 */
export async function compareInterleaved(
  cfg: ModelConfig,
  base: ComparisonArm,
  head: ComparisonArm,
  plan: InterleavedPlan,
  ctx: MeasureContext,
  meter: FaultTolerantMeter,
): Promise<Partial<Record<ComparedMetric, ComparisonResult>>> {
  const blockMs = plan.blockMs ?? 25;
  const blocksPerRound = plan.blocksPerRound ?? 8;
  const deciderOptions = { threshold: plan.threshold, improvementThreshold: plan.improvementThreshold };
  // Enough calls per arm per round for the tail percentiles (200 for a p99), however fast the model.
  const needed = createRoundDecider(plan.metrics, deciderOptions).samplesPerArm;
  const callsPerBlock = Math.max(
    Math.ceil(needed / blocksPerRound),
    Math.min(5000, Math.round(blockMs / Math.max(1e-3, plan.meanMs))),
  );
  const warmup = plan.warmup ?? 10;
  const collect = plan.baseCalls;
  const deadline = ctx.clockNs() + BigInt(Math.round(plan.capS * 1e9));
  // With the power-model estimate, the energy comparison is derived from the timings (see
  // estimatedRound): the coefficients are fixed on the first round's windows.
  let coefficients: EstimateCoefficients | undefined;
  let derived: boolean | undefined;
  const oneRound = async (): Promise<RoundSamples> => {
    const arm = (a: ComparisonArm) => ({
      threads: cfg.threads,
      name: label(cfg),
      device: cfg.device,
      externalDataFolder: a.externalDataFolder,
    });
    const sb = await createSession(base.model, arm(base));
    const sh = await createSession(head.model, arm(head));
    const baseMs: number[] = [];
    const headMs: number[] = [];
    let bJ = 0;
    let hJ = 0;
    const bCpuS: number[] = [];
    const hCpuS: number[] = [];
    const windows: EnergyWindow[] = [];
    try {
      for (let i = 0; i < warmup; i++) {
        await sb.run(base.feeds);
        await sh.run(head.feeds);
      }
      for (let k = 0; k < blocksPerRound; k++) {
        for (const isBase of abbaBaseFirst(k) ? [true, false] : [false, true]) {
          const r = await runInferenceBenchmark(
            isBase ? sb : sh,
            (isBase ? base : head).feeds,
            { iterations: callsPerBlock, warmup: 0, maxTimeS: 60, targetRelativeCi: 0, batchSize: plan.batchSize },
            { clockNs: ctx.clockNs, meter, label: cfg.name },
          );
          for (const x of r.latenciesMs) (isBase ? baseMs : headMs).push(x);
          // A failed counter gives NaN (FaultTolerantMeter): the round then has no energy figure.
          const j = r.energy ? r.energy.energyJ : NaN;
          if (isBase) bJ += j;
          else hJ += j;
          // The block's process CPU time per call (the estimate's window reads it in µs).
          const cpuS = r.energy?.method === 'estimate' ? (r.energy.estimate?.processCpuS ?? NaN) / r.runs : NaN;
          (isBase ? bCpuS : hCpuS).push(cpuS);
          if (r.energy) windows.push(r.energy);
          if (isBase && collect && r.energy) {
            if (Number.isFinite(r.energy.energyJ)) {
              const w = collect.energy;
              w.energyJ += r.energy.energyJ;
              w.durationS += r.energy.durationS;
              w.attributableJ += r.energy.attributableJ ?? NaN;
              w.uncertaintyJ2 += (r.energy.uncertaintyJ ?? NaN) ** 2;
              w.windows++;
              if (!w.notes.length) w.notes = r.energy.notes ?? [];
              collect.method = r.energy.method;
            } else collect.energyFailed = true;
          }
        }
      }
    } finally {
      await sb.release();
      await sh.release();
    }
    if (collect) for (const x of baseMs) collect.latenciesMs.push(x);
    const calls = callsPerBlock * blocksPerRound;
    const complete = windows.length === 2 * blocksPerRound && windows.every((w) => Number.isFinite(w.energyJ));
    // Decided once, on the first round with every window read, so that all rounds of one test
    // are figures of one kind: derived from the timings (the estimate), or metered.
    if (derived === undefined && complete) {
      coefficients = estimateCoefficients(windows);
      derived = coefficients !== undefined;
    }
    if (derived && coefficients) {
      if (!complete || ![...bCpuS, ...hCpuS].every(Number.isFinite)) return { baseMs, headMs };
      return { baseMs, headMs, ...estimatedRound(coefficients, baseMs, headMs, median(bCpuS), median(hCpuS)) };
    }
    // A measured meter: each arm's metered energy (NaN from a failed window drops the round).
    return { baseMs, headMs, baseJPerCall: bJ / calls, headJPerCall: hJ / calls };
  };
  // The schedule is sized by the second round's length: the first carries one-time costs (the
  // harness's first calls, page faults); a plan sized by a long first round runs out of looks
  // before the cap (a bench run stopped at 32 rounds after 10 s of a 30 s cap). Both rounds
  // come before any look (≥ 3 rounds).
  const first = await oneRound();
  const t0 = ctx.clockNs();
  let round = await oneRound();
  const roundS = Number(ctx.clockNs() - t0) / 1e9;
  // The looks depend on timing only, never on the measured difference, so the union bound over
  // the looks holds. The quick rule looks early and often; the default sizes the looks to the cap.
  const quick = plan.quickRoundsPerLook;
  const looks =
    quick !== undefined ? quickLooks(plan.capS, roundS, quick) : { roundsPerLook: planRoundsPerLook(plan.capS, roundS) };
  const decider = createRoundDecider(plan.metrics, { ...deciderOptions, ...looks });
  decider.addRound(first);
  // At least MIN_ROUNDS rounds whatever the cap: fewer give no interval (a t interval needs spread).
  for (let rounds = 2; ; rounds++) {
    const done = decider.addRound(round);
    if (rounds >= MIN_ROUNDS && (done || ctx.clockNs() > deadline)) break;
    round = await oneRound();
  }
  if (collect && meter.takeFailure()) collect.energyFailed = true;
  const lookText = quick !== undefined ? `, a look every ${looks.roundsPerLook} rounds (Bonferroni)` : '';
  return decider.finish(
    `paired with fresh sessions, ${blocksPerRound} ABBA blocks of ${callsPerBlock} calls per round${lookText}`,
    derived && coefficients ? estimatedRoundText(coefficients) : undefined,
  );
}

/** Most looks of the quick rule: Bonferroni splits α over them, so more looks widen every interval. */
export const QUICK_MAX_LOOKS = 10;

/**
 * The quick rule's look schedule for a cap of `capS` seconds at `roundS` seconds per round
 * (the second round's length: compareInterleaved): a look every `minRoundsPerLook` rounds (the first after as many,
 * at least 3), spaced further apart when more than {@link QUICK_MAX_LOOKS} such looks would fit,
 * so that the last look's interval is no wider than that of 10 looks whatever the model's speed
 * (with 23 looks of 3 rounds, as 0.43 s rounds gave in a 30 s cap, each look had α/23: a 95%
 * interval 11% wider than with α/10: t quantiles 3.35 and 3.03 at df 30). Timing only, never the data: the union bound holds.
 */
export function quickLooks(
  capS: number,
  roundS: number,
  minRoundsPerLook: number,
): { roundsPerLook: number; firstLookRounds: number; maxLooks: number } {
  const capRounds = Math.floor(capS / Math.max(roundS, 1e-3));
  const roundsPerLook = Math.max(minRoundsPerLook, Math.ceil(capRounds / QUICK_MAX_LOOKS));
  return {
    roundsPerLook,
    firstLookRounds: Math.max(MIN_ROUNDS, roundsPerLook),
    maxLooks: Math.max(1, Math.min(QUICK_MAX_LOOKS, Math.floor(capRounds / roundsPerLook))),
  };
}

/**
 * One round's energy per call of each arm when energy is the power-model estimate. The
 * estimate is a function of time: idle power × wall time + dynamic power × CPU time. Read per
 * 25 ms block it is dominated by its inputs' coarsest part (the machine's busy time from
 * /proc/stat counts 10 ms ticks, a ±20% quantisation per block on 2 vCPUs) and by other jobs
 * preempting the block. So the comparison applies the same formula, with the coefficients held
 * fixed, to each arm's per-round median call time (the latency comparison's statistic, which
 * preemption does not move) and the median over its blocks of CPU time per call
 * (process.cpuUsage, µs resolution; the median, so a block with a garbage collection does not
 * move the round). The
 * figure stays an estimate; its interval is that of the timings under the power model, whose
 * own uncertainty is common to both arms and not in it.
 */
export function estimatedRound(
  c: EstimateCoefficients,
  baseMs: readonly number[],
  headMs: readonly number[],
  baseCpuSPerCall: number,
  headCpuSPerCall: number,
): { baseJPerCall: number; headJPerCall: number } {
  return {
    baseJPerCall: estimateFromTimings(c, median(baseMs) / 1000, baseCpuSPerCall),
    headJPerCall: estimateFromTimings(c, median(headMs) / 1000, headCpuSPerCall),
  };
}

/** How {@link estimatedRound}'s per-round figures were derived, for the comparison's method. */
export function estimatedRoundText(c: EstimateCoefficients): string {
  return (
    `ESTIMATED energy per call derived from each round's timings with the power model held fixed: ` +
    `${sig(c.idleW)} W idle × median call time + ${sig(c.dynamicWPerCpu)} W × median block CPU time per call ` +
    `(the model's own uncertainty is common to both arms and not in this interval)`
  );
}

function sig(x: number): string {
  return Number(x.toPrecision(3)).toString();
}

/** {@link compareInterleaved} with the model's meter opened (and closed) around it. */
export function compareArms(
  cfg: ModelConfig,
  base: ComparisonArm,
  head: ComparisonArm,
  plan: InterleavedPlan,
  ctx: MeasureContext,
): Promise<Partial<Record<ComparedMetric, ComparisonResult>>> {
  return withMeter(cfg, ctx, (meter) => compareInterleaved(cfg, base, head, plan, ctx, meter));
}

/**
 * Measures the base version (absolute figures) and then compares base and head with
 * {@link compareInterleaved}, deciding each noisy regression budget by its own statistic.
 */
export async function compareWithBase(
  cfg: ModelConfig,
  basePath: string,
  head: ModelReport,
  ctx: MeasureContext,
  opts: CompareOptions = {},
): Promise<{ base: ModelReport; comparisons: Partial<Record<MetricKey, ComparisonResult>> }> {
  const basePrep = await prepareModel(cfg, basePath, ctx);
  const comparisons: Partial<Record<MetricKey, ComparisonResult>> = {};
  const gates = cfg.budget.filter(
    (b) =>
      b.kind === 'regression' &&
      b.relative &&
      ((LATENCY_COMPARED as readonly string[]).includes(b.metric) || ENERGY_METRICS.includes(b.metric)),
  );
  // Figures the rounds do not give (peak memory) need the base's own benchmark, as do models
  // the rounds cannot run (no inference, or no head figures to size the blocks). Instruction
  // counts are taken afterwards, outside the benchmarks (src/instructions/sides.ts).
  const ownBenchmark =
    !cfg.inference ||
    !head.inference ||
    cfg.budget.some((b) => b.kind === 'regression' && (b.metric === 'peak-memory' || b.metric === 'peak-gpu-memory'));
  const base = await measurePrepared(cfg, basePrep, ctx, { inference: ownBenchmark });
  if (!cfg.inference || !head.inference) return { base, comparisons };

  // Only the statistics some budget asks for: each budget is decided by its own. Without a
  // regression gate, the median latency and the energy (and the latency metrics of absolute
  // limits, whose rows show the change) are compared for information.
  const informational = gates.length === 0;
  const compared = (m: MetricKey): ComparedMetric => (ENERGY_METRICS.includes(m) ? 'energy' : (m as ComparedMetric));
  const metrics: ComparedMetric[] = informational
    ? [
        ...new Set<ComparedMetric>([
          'latency-p50',
          'energy',
          ...cfg.budget
            .filter((b) => b.kind === 'absolute' && (LATENCY_COMPARED as readonly string[]).includes(b.metric))
            .map((b) => compared(b.metric)),
        ]),
      ]
    : [...new Set(gates.map((b) => compared(b.metric)))];
  const threshold = opts.threshold ?? (informational ? INFORMATION_THRESHOLD : Math.min(...gates.map((b) => b.limit)));
  ctx.logger.progress(
    `  ${cfg.name}: comparing base and head in alternating rounds (threshold ${(threshold * 100).toFixed(1)}%${informational ? ', for information: no regression gate' : ''})`,
  );
  const headPrep = await prepareModel(cfg, cfg.path, ctx);
  const baseCalls = emptyBaseCalls();
  const results = await compareArms(
    cfg,
    { model: basePrep.loaded.path, feeds: basePrep.inputs.feeds },
    { model: headPrep.loaded.path, feeds: headPrep.inputs.feeds },
    {
      metrics,
      threshold,
      // The comparison's own cap: three times the benchmark's auto cap (10 s → 30 s by default).
      capS: opts.maxTimeS ?? 3 * cfg.inference.maxTimeS,
      meanMs: head.inference.latencyMs.mean,
      batchSize: headPrep.inputs.batchSize,
      warmup: Math.min(cfg.inference.warmup, 10),
      blockMs: opts.blockMs,
      blocksPerRound: opts.blocksPerRound,
      // The quick rule: look every few rounds, stop once every compared metric is decisive.
      quickRoundsPerLook: opts.roundsPerLook ?? 3,
      baseCalls,
    },
    ctx,
  );
  if (!ownBenchmark && baseCalls.latenciesMs.length) {
    base.inference = roundsInference(
      cfg,
      basePrep,
      baseCalls.latenciesMs,
      ctx,
      baseCalls.energyFailed ? undefined : baseCalls.energy,
      baseCalls.method,
    );
  }
  const batch = headPrep.inputs.batchSize;
  for (const m of metrics) {
    const r = results[m];
    if (!r) continue;
    if (m === 'energy') for (const e of ENERGY_METRICS) comparisons[e] = inMetricUnits(r, e, batch);
    else comparisons[m] = inMetricUnits(r, m, batch);
  }
  return { base, comparisons };
}

/**
 * A comparison's centres in the metric's base units (exported for tests): the rounds' statistics are per-call
 * latencies in ms (throughput: their inverse) and energy per call in J. Scaling both arms by
 * the same factor keeps head / base − 1 equal to the estimate.
 */
export function inMetricUnits(r: ComparisonResult, metric: MetricKey, batch: number): ComparisonResult {
  if (!r.centres) return r;
  const factor =
    metric === 'throughput'
      ? batch * 1000
      : metric.startsWith('latency')
        ? 1 / 1000
        : metric === 'energy-per-sample'
          ? 1 / batch
          : metric === 'energy-per-1000-inferences'
            ? 1000
            : 1;
  return { ...r, centres: { base: r.centres.base * factor, head: r.centres.head * factor } };
}

/**
 * The base's inference figures from its samples in the comparison rounds: latency percentiles
 * over every base call, throughput from the mean latency, and energy from the base blocks'
 * windows summed (the same meter, method and notes as a benchmark of its own).
 */
function roundsInference(
  cfg: ModelConfig,
  prepared: PreparedModel,
  latenciesMs: number[],
  ctx: MeasureContext,
  window:
    | { energyJ: number; durationS: number; attributableJ: number; uncertaintyJ2: number; windows: number; notes: string[] }
    | undefined,
  method: EnergyWindow['method'] | undefined,
): InferenceReport {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const batch = prepared.inputs.batchSize;
  const meanMs = sorted.reduce((s, x) => s + x, 0) / sorted.length;
  const report: InferenceReport = {
    batchSize: batch,
    runs: sorted.length,
    warmup: Math.min(cfg.inference?.warmup ?? 10, 10),
    threads: cfg.threads,
    latencyMs: {
      p50: quantileSorted(sorted, 0.5),
      p95: quantileSorted(sorted, 0.95),
      p99: quantileSorted(sorted, 0.99),
      mean: meanMs,
      min: sorted[0],
      max: sorted[sorted.length - 1],
    },
    throughput: (batch * 1000) / meanMs,
  };
  if (window && method && window.windows > 0) {
    const w: EnergyWindow = {
      energyJ: window.energyJ,
      durationS: window.durationS,
      domainsJ: {},
      method,
      notes: [...window.notes, `base figures from its ${sorted.length} calls in the comparison rounds`],
      ...(Number.isFinite(window.attributableJ) ? { attributableJ: window.attributableJ } : {}),
      ...(Number.isFinite(window.uncertaintyJ2) ? { uncertaintyJ: Math.sqrt(window.uncertaintyJ2) } : {}),
    };
    report.energy = energyReport(w, sorted.length, batch, `base, from the comparison rounds (${method})`, ctx);
  }
  return report;
}

/**
 * The advisor's stopping threshold: the comparison of a variant stops once its interval lies
 * clearly within ±3% or clearly beyond; either way the interval reported is the look-adjusted
 * 95% one, and one that contains 0 is "no measurable change".
 */
const ADVICE_THRESHOLD = 0.03;

/**
 * The optimisation advisor for one measured model: every variant goes through the same
 * analysis, benchmark and meter as the original for its absolute figures, and its latency and
 * energy changes come from {@link compareInterleaved} against the original — the comparison
 * base-versus-head uses — within the model's `advise-max-time`, shared among the variants.
 */
export async function adviseForModel(
  cfg: ModelConfig,
  head: ModelReport,
  ctx: MeasureContext,
): Promise<NonNullable<ModelReport['advice']>> {
  const startNs = ctx.clockNs();
  const prepared = await prepareModel(cfg, cfg.path, ctx);
  const batch = prepared.inputs.batchSize;
  const variants = ADVICE_VARIANT_IDS.length;
  // Per variant: a fifth of its share for the absolute figures (at most 3 s), the rest for the comparison.
  const shareS = cfg.adviseMaxTimeS / variants;
  const standaloneS = Math.min(3, 0.2 * shareS, cfg.inference?.maxTimeS ?? 3);
  return withMeter(cfg, ctx, async (meter) => {
    // A variant that kept some weights external (src/optimize/variants.ts leaves them as they
    // are) finds them in the original model's folder; remembered per variant's bytes.
    const folders = new WeakMap<Uint8Array, string | undefined>();
    const dataBytes = new WeakMap<Uint8Array, number>();
    const measure = async (bytes: Uint8Array): Promise<Measurement> => {
      // A variant written with external data lives in a folder of its own (encode below): its
      // shape run must resolve the data file there.
      const own = dataBytes.has(bytes) ? folders.get(bytes) : undefined;
      const loaded: LoadedModel = {
        ...prepared.loaded,
        path: own ? join(own, 'variant.onnx') : prepared.loaded.path,
        bytes,
        proto: decodeModel(bytes),
        fileBytes: bytes.length,
        externalFiles: [],
      };
      if (!folders.has(bytes)) folders.set(bytes, externalDataFolder(loaded));
      const { flops } = await flopsWithControlFlow(loaded, prepared.inputs.feeds, (b, o) =>
        createSession(b, { threads: cfg.threads, name: label(cfg), externalDataFolder: o.externalDataFolder }),
      );
      const session = await createSession(bytes, {
        threads: cfg.threads,
        name: `${label(cfg)} variant`,
        externalDataFolder: folders.get(bytes),
      });
      try {
        const r = await runInferenceBenchmark(
          session,
          prepared.inputs.feeds,
          {
            iterations: 'auto',
            warmup: Math.min(cfg.inference?.warmup ?? 10, 10),
            maxTimeS: standaloneS,
            targetRelativeCi: 0.02,
            batchSize: batch,
          },
          { clockNs: ctx.clockNs, meter, label: cfg.name },
        );
        // A meter that failed during this variant's run: no energy figure for it (see FaultTolerantMeter).
        const e = meter.takeFailure() ? undefined : r.energy;
        return {
          sizeBytes: bytes.length + (dataBytes.get(bytes) ?? 0),
          flops: flops.total,
          latencyMs: { p50: r.latencyMs.p50, mean: r.latencyMs.mean },
          ...(e
            ? {
                energyJPerInference: e.energyJ / r.runs,
                energyMethod: e.method,
                energyEstimated: isEstimated(e),
              }
            : {}),
        };
      } finally {
        await session.release();
      }
    };
    const variantFolder = (bytes: Uint8Array): string | undefined =>
      folders.has(bytes) ? folders.get(bytes) : externalDataFolder({ ...prepared.loaded, proto: decodeModel(bytes) });
    const original = prepared.loaded.externalFiles.length ? undefined : await measure(prepared.loaded.bytes);
    const originalArm: ComparisonArm = {
      model: prepared.loaded.externalFiles.length ? prepared.loaded.path : prepared.loaded.bytes,
      feeds: prepared.inputs.feeds,
    };
    const meanMs = original?.latencyMs.mean ?? head.inference?.latencyMs.mean ?? 1;
    // One deadline for the model's advice: each comparison takes an equal share of what is left.
    const deadlineNs = startNs + BigInt(Math.round(cfg.adviseMaxTimeS * 1e9));
    let compared = 0;
    const compare = async (bytes: Uint8Array): Promise<VariantComparison> => {
      const left = Math.max(1, variants - compared++);
      const remainingS = Number(deadlineNs - ctx.clockNs()) / 1e9;
      const r = await compareInterleaved(
        cfg,
        originalArm,
        { model: bytes, feeds: prepared.inputs.feeds, externalDataFolder: variantFolder(bytes) },
        {
          metrics: ['latency-p50', 'latency-mean', 'energy'],
          threshold: ADVICE_THRESHOLD,
          capS: Math.max(0.5, remainingS / left - standaloneS),
          meanMs,
          batchSize: batch,
          warmup: Math.min(cfg.inference?.warmup ?? 10, 10),
        },
        ctx,
        meter,
      );
      // A meter that failed during the rounds: the energy interval is left out (rounds without energy add nothing).
      meter.takeFailure();
      return {
        ...(r['latency-p50'] ? { latencyP50: r['latency-p50'] } : {}),
        ...(r['latency-mean'] ? { latencyMean: r['latency-mean'] } : {}),
        ...(r.energy ? { energy: r.energy } : {}),
      };
    };
    ctx.logger.progress(
      `  ${cfg.name}: comparing int8, fp16, pruned, structurally pruned and distilled variants with the original in interleaved rounds (up to ${sigFig(cfg.adviseMaxTimeS)} s, plus the fine-tuning)`,
    );
    // External data (or a streamed single file): the variants are built from the weights, read
    // by their own ranges; the original stays the small graph that points into its files, which
    // the fidelity check's sessions load with the model's folder (docs/large-models.md).
    const large = prepared.loaded.externalFiles.length > 0 || prepared.loaded.payloads !== undefined;
    if (large) await prepared.preflight?.('advice');
    const originalFolder = externalDataFolder(prepared.loaded);
    const advisable = large
      ? {
          proto: withExternalWeightsRead(prepared.loaded, []),
          bytes: encodeModel(prepared.loaded.proto),
          gzipBytes: await gzipSizeOfFiles(
            [prepared.loaded.path, ...prepared.loaded.externalFiles.map((f) => f.path)],
            GZIP_LEVEL,
          ),
        }
      : prepared.loaded;
    // A variant too large for one protobuf is written with external data into a folder of its own.
    const variantDirs: string[] = [];
    const encode = async (model: ModelProto): Promise<EncodedVariant> => {
      const limit = ctx.externalVariantBytes ?? EXTERNAL_VARIANT_BYTES;
      if (weightFigures(model).bytes < limit) return { bytes: encodeModel(model) };
      const dir = await mkdtemp(join(tmpdir(), 'eb-variant-'));
      variantDirs.push(dir);
      // Tensors of 1 KiB and more move (onnx's default size_threshold), fewer under a lower limit (tests).
      const out = externalizeModel(model, dir, 'variant.onnx.data', Math.max(1, Math.min(1024, limit)));
      const bytes = encodeModel(out.model);
      folders.set(bytes, dir);
      dataBytes.set(bytes, out.dataBytes);
      return {
        bytes,
        gzipBytes: (await gzipSizeOfFiles([join(dir, 'variant.onnx.data')], GZIP_LEVEL)) + gzipSize(bytes),
        note: `written with external data (${out.tensors} weights, ${formatBytes(out.dataBytes)} in one data file), as a protobuf cannot exceed 2 GiB`,
      };
    };
    // Training inputs of the reducing variants: the benchmark's inputs stay held out for their
    // fidelity. Seeded random data like the benchmark's, at the same shapes; data from a .npy
    // or a fixed value is not resampled, so those models train on other seeded random data.
    const inputInfos = analyzeModel(prepared.loaded).inputs;
    const seeded = async (seed: number): Promise<Feeds> =>
      (
        await synthesizeInputs(inputInfos, {
          modelName: cfg.name,
          dims: { ...cfg.dims, ...batchDims(prepared) },
          // Fixed values and declared shapes stay; a .npy's data would be the benchmark's own rows.
          specs: Object.fromEntries(Object.entries(cfg.inputs).filter(([, spec]) => spec.kind !== 'npy')),
          seed,
          readFile: ctx.readFile,
        })
      ).feeds;
    const trainFeeds: Feeds[] = [];
    // Not for models with external data: fine-tuning a student of a multi-gigabyte model is not
    // a check's work; their reducing variants are reported as not applicable.
    const trainCount = large ? 0 : trainBatchCount(DEFAULT_FINE_TUNE_STEPS, feedsBytes(prepared.inputs.feeds));
    for (let k = 0; k < trainCount; k++) trainFeeds.push(await seeded(seedFrom(cfg.name, 50_000 + k)));
    // Held out: the benchmark inputs and more seeded batches, so top-1 agreement is over more rows than one batch.
    const heldOutFeeds: Feeds[] = [prepared.inputs.feeds];
    for (let k = 1; k < (large ? 1 : REDUCE_HELD_OUT_BATCHES); k++)
      heldOutFeeds.push(await seeded(seedFrom(cfg.name, 90_000 + k)));
    const meterWindow = async <T>(work: () => Promise<T>) => {
      const token = await meter.begin();
      const result = await work();
      try {
        const w = await meter.end(token);
        return {
          result,
          energy: { joules: w.energyJ, method: w.method ?? meter.method, estimated: isEstimated(w) },
        };
      } catch {
        return { result };
      }
    };
    try {
      return await adviseModel(advisable, {
        feeds: prepared.inputs.feeds,
        measure,
        compare,
        encode,
        feedsSource: 'the benchmark inputs',
        originalMeasurement: original ?? toMeasurement(head),
        variants: large ? VARIANT_IDS : ADVICE_VARIANT_IDS,
        ...(large
          ? {}
          : {
              trainFeeds,
              trainSource: `${trainCount} seeded synthetic input batches (the benchmark's shapes)`,
              heldOutFeeds,
              heldOutSource: `the benchmark inputs and ${REDUCE_HELD_OUT_BATCHES - 1} other seeded batches`,
              meterWindow,
            }),
        createSession: (bytes) => ortSessionFactoryIn(folders.get(bytes) ?? originalFolder)(bytes),
      });
    } finally {
      // Only the folders this advice created.
      for (const dir of variantDirs) await rm(dir, { recursive: true, force: true });
    }
  });
}

/** Batches the reducing variants' fidelity is measured on: the benchmark's and other seeded ones. */
const REDUCE_HELD_OUT_BATCHES = 8;

/** The symbolic dims of the model's inputs bound to the sizes the benchmark used. */
function batchDims(prepared: PreparedModel): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of prepared.loaded.proto.graph?.input ?? []) {
    const fed = prepared.inputs.shapes[v.name ?? ''];
    (v.type?.tensorType?.shape?.dim ?? []).forEach((d, i) => {
      if (d.dimParam && fed?.[i] !== undefined) out[d.dimParam] = fed[i];
    });
  }
  return out;
}

function sigFig(x: number): string {
  return Number(x.toPrecision(3)).toString();
}

function toMeasurement(m: ModelReport): Measurement {
  return {
    sizeBytes: m.size.bytes,
    flops: m.flops,
    latencyMs: { p50: m.inference?.latencyMs.p50 ?? NaN, mean: m.inference?.latencyMs.mean ?? NaN },
    ...(m.inference?.energy
      ? {
          energyJPerInference: m.inference.energy.joulesPerInference,
          energyMethod: m.inference.energy.method,
          energyEstimated: m.inference.energy.estimated,
        }
      : {}),
  };
}
