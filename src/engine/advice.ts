/**
 * Advice for one measured model: each variant measured like the original and compared with it
 * in interleaved rounds (docs/optimize.md).
 */
import type { ModelConfig } from '../config/types.js';
import type { ModelReport } from '../report/types.js';
import { type LoadedModel } from '../model/load.js';
import { flopsWithControlFlow } from '../model/control-flow.js';
import { createSession } from '../bench/ort.js';
import { runInferenceBenchmark } from '../bench/runner.js';
import { isEstimated } from '../energy/index.js';
import { decodeModel } from '../model/onnx.js';
import { adviseModel } from '../optimize/advisor.js';
import { VARIANT_IDS, type Measurement, type VariantComparison } from '../optimize/types.js';
import { type MeasureContext, label } from './context.js';
import { prepareModel } from './prepare.js';
import { withMeter } from '../energy/fault-tolerant.js';
import { type ComparisonArm, compareInterleaved } from './base-comparison.js';

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
  const variants = VARIANT_IDS.length;
  // Per variant: a fifth of its share for the absolute figures (at most 3 s), the rest for the comparison.
  const shareS = cfg.adviseMaxTimeS / variants;
  const standaloneS = Math.min(3, 0.2 * shareS, cfg.inference?.maxTimeS ?? 3);
  return withMeter(cfg, ctx, async (meter) => {
    const measure = async (bytes: Uint8Array): Promise<Measurement> => {
      const loaded: LoadedModel = {
        ...prepared.loaded,
        bytes,
        proto: decodeModel(bytes),
        fileBytes: bytes.length,
        externalFiles: [],
      };
      const { flops } = await flopsWithControlFlow(loaded, prepared.inputs.feeds, (b) =>
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
            maxTimeS: standaloneS,
            targetRelativeCi: 0.02,
            batchSize: batch,
          },
          { clockNs: ctx.clockNs, meter, label: cfg.name },
        );
        // A meter that failed during this variant's run: no energy figure for it (see FaultTolerantMeter).
        const e = meter.takeFailure() ? undefined : r.energy;
        return {
          sizeBytes: bytes.length,
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
        { model: bytes, feeds: prepared.inputs.feeds },
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
      `  ${cfg.name}: comparing int8, fp16 and pruned variants with the original in interleaved rounds (up to ${sigFig(cfg.adviseMaxTimeS)} s)`,
    );
    return adviseModel(prepared.loaded, {
      feeds: prepared.inputs.feeds,
      measure,
      compare,
      originalMeasurement: original ?? toMeasurement(head),
    });
  });
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
