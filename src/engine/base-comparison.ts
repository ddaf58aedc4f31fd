/**
 * The base comparison: base and head measured in interleaved rounds, each noisy regression
 * budget decided by its own statistic (docs/statistics.md).
 */
import type { MetricKey, ModelConfig } from '../config/types.js';
import type { InferenceReport, ModelReport } from '../report/types.js';
import type { EnergyWindow } from '../energy/types.js';
import type { ComparisonResult } from '../compare/types.js';
import { type SynthesizedInputs } from '../bench/inputs.js';
import { createSession } from '../bench/ort.js';
import { runInferenceBenchmark } from '../bench/runner.js';
import { estimateCoefficients, type EstimateCoefficients } from '../energy/estimate.js';
import { abbaBaseFirst, planRoundsPerLook } from '../compare/sequential.js';
import { median, quantileSorted } from '../util/stats.js';
import { createRoundDecider, LATENCY_COMPARED, type ComparedMetric, type RoundSamples } from '../compare/interleaved.js';
import { type MeasureContext, type PreparedModel, label } from './context.js';
import { prepareModel } from './prepare.js';
import { FaultTolerantMeter, withMeter } from '../energy/fault-tolerant.js';
import { energyReport, measurePrepared } from './measure.js';
import { isOneOf } from '../util/one-of.js';
import { MIN_ROUNDS, quickLooks, estimatedRound, estimatedRoundText } from './round-plan.js';

/** Noisy metrics the interleaved comparison estimates, and which round figure each uses. */
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
    (b) => b.kind === 'regression' && b.relative && (isOneOf(LATENCY_COMPARED, b.metric) || ENERGY_METRICS.includes(b.metric)),
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
  // Every metric passed here is a latency statistic the rounds compare, or an energy metric.
  const compared = (m: MetricKey): ComparedMetric => (isOneOf(LATENCY_COMPARED, m) ? m : 'energy');
  const metrics: ComparedMetric[] = informational
    ? [
        ...new Set<ComparedMetric>([
          'latency-p50',
          'energy',
          ...cfg.budget
            .filter((b) => b.kind === 'absolute' && isOneOf(LATENCY_COMPARED, b.metric))
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
