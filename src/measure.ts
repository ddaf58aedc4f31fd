/**
 * Measuring one model: analysis, inputs, shapes and FLOPs, the inference benchmark with its
 * energy window, the training step, and the interleaved base-versus-head comparison.
 * Everything outside (files, sessions, meters, clocks) comes in through `MeasureContext`.
 */
import type { BudgetConfig, MetricKey, ModelConfig } from './config/types.js';
import { EnergyBudgetError, InputError } from './errors.js';
import type { RunLogger } from './run-types.js';
import type { EnergyReport, InferenceReport, ModelReport, TrainingReport } from './report/types.js';
import type { EnergyWindow, EnergyMeter, WindowToken } from './energy/types.js';
import type { ComparisonResult } from './compare/types.js';
import { loadModel, type LoadedModel } from './model/load.js';
import { analyzeModel } from './model/analyze.js';
import { resolveShapes } from './model/shapes.js';
import { computeFlops } from './model/flops.js';
import { synthesizeInputs, type SynthesizedInputs } from './bench/inputs.js';
import { createSession, type BenchSession } from './bench/ort.js';
import { runInferenceBenchmark } from './bench/runner.js';
import { isEstimated, measureIdle, openMeter, withIdleBaseline, type IdleBaseline } from './energy/index.js';
import { figureInterval } from './energy/interval.js';
import { carbonFor } from './energy/carbon.js';
import { abbaBaseFirst, createSequentialComparison } from './compare/sequential.js';
import { quantileSorted } from './compare/stats.js';
import { seedFrom } from './util/random.js';
import { measureTraining } from './measure-training.js';
import { prepareDevice, startGpuMemory } from './measure-device.js';
import { decodeModel } from './model/onnx.js';
import { adviseModel } from './optimize/advisor.js';
import type { Measurement } from './optimize/types.js';

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
}

/** A model loaded, analysed and given inputs: what both the benchmark and the comparison use. */
export interface PreparedModel {
  loaded: LoadedModel;
  inputs: SynthesizedInputs;
  report: ModelReport;
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
  let shapes: Awaited<ReturnType<typeof resolveShapes>>;
  try {
    shapes = await resolveShapes(loaded, inputs.feeds, (bytes) =>
      createSession(bytes, { threads: cfg.threads, name: label(cfg) }),
    );
  } catch (error) {
    // Sessions are created through createSession (its errors are ours); a failure of the one
    // run that finds intermediate shapes comes raw from onnxruntime and is about the model.
    if (error instanceof EnergyBudgetError) throw error;
    throw new InputError(
      'MODEL_INVALID',
      `Model ${label(cfg)}: onnxruntime failed running the model once on the synthesised inputs (to find the shapes of intermediate tensors): ${reason(error)}. ` +
        `Expected the model to run on inputs of the declared shapes; check the node named in the message, and the sizes given by dims: and inputs:.`,
      { cause: error },
    );
  }
  const flops = computeFlops(loaded.proto, shapes);
  const notices = [...inputs.notices];
  if (flops.uncounted.length) {
    notices.push(`FLOPs do not include these op types (see docs/flops.md): ${flops.uncounted.join(', ')}`);
  }
  const report: ModelReport = {
    name: cfg.name,
    path: cfg.pathInConfig,
    size: { ...analysis.size },
    flops: flops.total,
    opset: analysis.opset,
    ops: analysis.ops,
    inputs: analysis.inputs,
    outputs: analysis.outputs,
    budgets: [],
    notices,
  };
  return { loaded, inputs, report };
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
    { clockNs: ctx.clockNs, meter, label: `Model ${label(cfg)}` },
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
    if (t.projection) {
      v['training-energy-total'] = t.projection.joules;
      v['training-carbon-total'] = t.projection.gCO2e;
    }
  }
  return v;
}

/** Noisy metrics the interleaved comparison estimates, and which round figure each uses. */
const LATENCY_METRICS: MetricKey[] = ['latency-p50', 'latency-p95', 'latency-p99', 'latency-mean', 'throughput'];
const ENERGY_METRICS: MetricKey[] = ['energy-per-inference', 'energy-per-sample', 'energy-per-1000-inferences'];

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

/**
 * Measures the base version and compares it with the head in alternating rounds, each round
 * with fresh sessions of both and the same inputs and threads, until the sequential test
 * decides or the time cap is hit (src/compare/sequential.ts). The base's inference figures
 * (latency, throughput, energy) come from its samples in those rounds rather than from a
 * separate benchmark, so the base costs only the rounds. The quick rule looks every
 * `roundsPerLook` rounds (Bonferroni over the looks that fit the cap) and stops as soon as
 * the interval of every gated metric is decisive either way. Without a regression gate the
 * comparison still runs, against {@link INFORMATION_THRESHOLD}, and is shown as information.
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
    (b) => b.kind === 'regression' && b.relative && (LATENCY_METRICS.includes(b.metric) || ENERGY_METRICS.includes(b.metric)),
  );
  // Figures the rounds do not give (peak memory) need the base's own benchmark, as do models
  // the rounds cannot run (no inference, or no head figures to size the blocks).
  const ownBenchmark =
    !cfg.inference ||
    !head.inference ||
    cfg.budget.some((b) => b.kind === 'regression' && (b.metric === 'peak-memory' || b.metric === 'peak-gpu-memory'));
  const base = await measurePrepared(cfg, basePrep, ctx, { inference: ownBenchmark });
  if (!cfg.inference || !head.inference) return { base, comparisons };

  const informational = gates.length === 0;
  const threshold = opts.threshold ?? (informational ? INFORMATION_THRESHOLD : Math.min(...gates.map((b) => b.limit)));
  const gated = (ms: MetricKey[]) => informational || gates.some((b) => ms.includes(b.metric));
  const wantLatency = gated(['latency-p50', 'latency-mean', 'throughput']);
  const wantTail = !informational && gated(['latency-p95', 'latency-p99']);
  const wantEnergy = gated(ENERGY_METRICS);
  ctx.logger.progress(
    `  ${cfg.name}: comparing base and head in alternating rounds (threshold ${(threshold * 100).toFixed(1)}%${informational ? ', for information: no regression gate' : ''})`,
  );
  const headPrep = await prepareModel(cfg, cfg.path, ctx);
  const meanMs = Math.max(1e-3, head.inference.latencyMs.mean);
  const blockMs = opts.blockMs ?? 25;
  const blocksPerRound = opts.blocksPerRound ?? 8;
  const callsPerBlock = Math.max(3, Math.min(5000, Math.round(blockMs / meanMs)));
  const warmup = Math.min(cfg.inference.warmup, 10);
  // The comparison's own cap: three times the benchmark's auto cap (10 s → 30 s by default).
  const capS = opts.maxTimeS ?? 3 * cfg.inference.maxTimeS;
  const roundsPerLook = opts.roundsPerLook ?? 3;
  const deadline = ctx.clockNs() + BigInt(Math.round(capS * 1e9));
  type Seq = ReturnType<typeof createSequentialComparison>;
  let latency: Seq | undefined;
  let energy: Seq | undefined;
  let p95: Seq | undefined;
  // The base arm's samples over all rounds: its inference figures.
  const baseLatencies: number[] = [];
  const baseWindow = { energyJ: 0, durationS: 0, attributableJ: 0, uncertaintyJ2: 0, windows: 0, notes: [] as string[] };
  let baseWindowMethod: EnergyWindow['method'] | undefined;
  let baseEnergyFailed = false;

  await withMeter(cfg, ctx, async (meter) => {
    // One round: fresh sessions of both (so session-to-session differences such as memory
    // placement become round-to-round noise inside the interval), a short warm-up of each,
    // then short blocks in ABBA order so drift within the round falls on both arms equally.
    const oneRound = async (): Promise<{ b: number[]; h: number[]; bJ: number[]; hJ: number[] }> => {
      const sb = await createSession(basePrep.loaded.path, { threads: cfg.threads, name: label(cfg), device: cfg.device });
      const sh = await createSession(headPrep.loaded.path, { threads: cfg.threads, name: label(cfg), device: cfg.device });
      // Energy per call of each block: the round's figure is their median, so one block that
      // other load preempted does not swing the round (as the median does for latency).
      const out = { b: [] as number[], h: [] as number[], bJ: [] as number[], hJ: [] as number[] };
      try {
        for (let i = 0; i < warmup; i++) {
          await sb.run(basePrep.inputs.feeds);
          await sh.run(headPrep.inputs.feeds);
        }
        for (let k = 0; k < blocksPerRound; k++) {
          for (const isBase of abbaBaseFirst(k) ? [true, false] : [false, true]) {
            const r = await runInferenceBenchmark(
              isBase ? sb : sh,
              (isBase ? basePrep : headPrep).inputs.feeds,
              { iterations: callsPerBlock, warmup: 0, maxTimeS: 60, targetRelativeCi: 0, batchSize: headPrep.inputs.batchSize },
              { clockNs: ctx.clockNs, meter, label: cfg.name },
            );
            for (const x of r.latenciesMs) (isBase ? out.b : out.h).push(x);
            // A failed counter gives NaN (FaultTolerantMeter): the round then has no energy figure.
            const j = r.energy ? r.energy.energyJ / r.runs : NaN;
            if (isBase) {
              out.bJ.push(j);
              if (r.energy && Number.isFinite(r.energy.energyJ)) {
                baseWindow.energyJ += r.energy.energyJ;
                baseWindow.durationS += r.energy.durationS;
                baseWindow.attributableJ += r.energy.attributableJ ?? NaN;
                baseWindow.uncertaintyJ2 += (r.energy.uncertaintyJ ?? NaN) ** 2;
                baseWindow.windows++;
                if (!baseWindow.notes.length) baseWindow.notes = r.energy.notes ?? [];
                baseWindowMethod = r.energy.method;
              } else if (r.energy) baseEnergyFailed = true;
            } else out.hJ.push(j);
          }
        }
      } finally {
        await sb.release();
        await sh.release();
      }
      for (const x of out.b) baseLatencies.push(x);
      return out;
    };
    const t0 = ctx.clockNs();
    let round = await oneRound();
    // The looks that fit the cap at this round length; the schedule depends on timing only,
    // never on the measured difference, so the union bound over the looks still holds.
    const roundS = Number(ctx.clockNs() - t0) / 1e9;
    const maxLooks = Math.max(1, Math.floor(capS / Math.max(roundS, 1e-3) / roundsPerLook));
    const quick = { threshold, roundsPerLook, firstLookRounds: Math.max(3, roundsPerLook), maxLooks };
    latency = createSequentialComparison({ ...quick, statistic: 'median' });
    p95 = createSequentialComparison({ ...quick, statistic: { percentile: 95 } });
    energy = createSequentialComparison({ ...quick, statistic: 'median' });
    const usable = (xs: number[]) => xs.length > 0 && xs.every((x) => Number.isFinite(x) && x > 0);
    for (;;) {
      const ls = latency.addRound(round.b, round.h);
      const ps = wantTail ? p95.addRound(round.b, round.h) : p95.state();
      const es = usable(round.bJ) && usable(round.hJ) ? energy.addRound(round.bJ, round.hJ) : energy.state();
      // Only the metrics with a gate (all, for information) hold the loop.
      const settled =
        (!wantLatency || ls.done) && (!wantTail || ps.done) && (!wantEnergy || es.done || (es.rounds === 0 && ls.rounds > 3));
      if (settled || ctx.clockNs() > deadline) break;
      round = await oneRound();
    }
    const failed = meter.takeFailure();
    if (failed) baseEnergyFailed = true;
  });
  if (!ownBenchmark && baseLatencies.length) {
    base.inference = roundsInference(
      cfg,
      basePrep,
      baseLatencies,
      ctx,
      baseEnergyFailed ? undefined : baseWindow,
      baseWindowMethod,
    );
  }
  const finishAll = (s: ReturnType<typeof createSequentialComparison>) => (s.state().done ? s.state() : s.finish());
  if (!latency || !p95 || !energy) return { base, comparisons };
  const toResult = (state: ReturnType<typeof finishAll>, method: string): ComparisonResult | null =>
    state.changeCi95 && state.estimate !== null
      ? {
          verdict: state.decision === 'continue' ? 'inconclusive' : state.decision,
          estimate: state.estimate,
          changeCi95: state.changeCi95,
          method,
          rounds: state.rounds,
          threshold,
        }
      : null;
  const design = `paired rounds with fresh sessions, ${blocksPerRound} ABBA blocks per round, a look every ${roundsPerLook} rounds (Bonferroni)`;
  const lat = latency.state().rounds > 1 ? toResult(finishAll(latency), `per-round medians, ${design}`) : null;
  const tail = wantTail && p95.state().rounds > 1 ? toResult(finishAll(p95), `per-round 95th percentiles, ${design}`) : null;
  const en =
    energy.state().rounds > 1 ? toResult(finishAll(energy), `per-round medians of the blocks' energy per call, ${design}`) : null;
  for (const m of ['latency-p50', 'latency-mean', 'throughput'] as MetricKey[])
    if (lat) comparisons[m] = m === 'throughput' ? invert(lat) : lat;
  for (const m of ['latency-p95', 'latency-p99'] as MetricKey[]) if (tail) comparisons[m] = tail;
  for (const m of ENERGY_METRICS) if (en) comparisons[m] = en;
  return { base, comparisons };
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

/** Throughput moves opposite to latency: head/base − 1 of 1/x. */
function invert(r: ComparisonResult): ComparisonResult {
  const inv = (x: number) => 1 / (1 + x) - 1;
  const verdict = r.verdict === 'regression' ? 'regression' : r.verdict === 'improvement' ? 'improvement' : r.verdict;
  return {
    ...r,
    verdict,
    estimate: inv(r.estimate),
    changeCi95: [inv(r.changeCi95[1]), inv(r.changeCi95[0])] as typeof r.changeCi95,
  };
}

/**
 * The optimisation advisor for one measured model: every variant goes through the same
 * analysis, benchmark and meter as the original (a shorter `auto` run, capped at a few
 * seconds each), with output fidelity on the same seeded inputs.
 */
export async function adviseForModel(
  cfg: ModelConfig,
  head: ModelReport,
  ctx: MeasureContext,
): Promise<NonNullable<ModelReport['advice']>> {
  const prepared = await prepareModel(cfg, cfg.path, ctx);
  const batch = prepared.inputs.batchSize;
  return withMeter(cfg, ctx, async (meter) => {
    const measure = async (bytes: Uint8Array): Promise<Measurement> => {
      const loaded: LoadedModel = {
        ...prepared.loaded,
        bytes,
        proto: decodeModel(bytes),
        fileBytes: bytes.length,
        externalFiles: [],
      };
      const shapes = await resolveShapes(loaded, prepared.inputs.feeds, (b) =>
        createSession(b, { threads: cfg.threads, name: label(cfg) }),
      );
      const session = await createSession(bytes, { threads: cfg.threads, name: `${label(cfg)} variant` });
      try {
        const r = await runInferenceBenchmark(
          session,
          prepared.inputs.feeds,
          {
            iterations: 'auto',
            warmup: Math.min(cfg.inference?.warmup ?? 10, 10),
            // Up to 3 s per variant, less when the budget file caps the benchmark lower.
            maxTimeS: Math.min(3, cfg.inference?.maxTimeS ?? 3),
            targetRelativeCi: 0.02,
            batchSize: batch,
          },
          { clockNs: ctx.clockNs, meter, label: cfg.name },
        );
        // A meter that failed during this variant's run: no energy figure for it (see FaultTolerantMeter).
        const e = meter.takeFailure() ? undefined : r.energy;
        return {
          sizeBytes: bytes.length,
          flops: computeFlops(loaded.proto, shapes).total,
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
    const original = prepared.loaded.externalFiles.length ? undefined : await measure(prepared.loaded.bytes);
    ctx.logger.progress(`  ${cfg.name}: measuring int8, fp16 and pruned variants`);
    return adviseModel(prepared.loaded, {
      feeds: prepared.inputs.feeds,
      measure,
      originalMeasurement: original ?? toMeasurement(head),
    });
  });
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
