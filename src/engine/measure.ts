/**
 * Inference measurement of one prepared model: the benchmark inside an energy window, the
 * training step after it, and the figures a budget checks.
 */
import type { MetricKey, ModelConfig } from '../config/types.js';
import type { EnergyReport, InferenceReport, ModelReport, TrainingReport } from '../report/types.js';
import type { EnergyWindow } from '../energy/types.js';
import { createSession, type BenchSession } from '../bench/ort.js';
import { runInferenceBenchmark } from '../bench/runner.js';
import { isEstimated } from '../energy/index.js';
import { figureInterval } from '../energy/interval.js';
import { carbonFor } from '../energy/carbon.js';
import { minSamplesPerRound } from '../compare/sequential.js';
import { measureTraining } from './training.js';
import { prepareDevice, startGpuMemory } from './device.js';
import { type MeasureContext, type PreparedModel, label } from './context.js';
import { prepareModel } from './prepare.js';
import { FaultTolerantMeter, withMeter } from '../energy/fault-tolerant.js';

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
          ci95: [perCall * interval.factors[0], perCall * interval.factors[1]],
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
export async function measurePrepared(
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
  // sides, both sides at once (src/engine/instructions.ts, called by the run).
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
