/**
 * Advice for one measured model: each variant measured like the original and compared with it
 * in interleaved rounds (docs/optimize.md).
 */
import type { ModelConfig } from '../config/types.js';
import type { ModelReport } from '../report/types.js';
import { type LoadedModel } from '../model/load.js';
import { analyzeModel } from '../model/analyze.js';
import { flopsWithControlFlow } from '../model/control-flow.js';
import { synthesizeInputs } from '../bench/inputs.js';
import { createSession } from '../bench/ort.js';
import { runInferenceBenchmark } from '../bench/runner.js';
import { isEstimated } from '../energy/index.js';
import { seedFrom } from '../util/random.js';
import { withExternalWeightsRead } from './training.js';
import { adviseModel, DEFAULT_FINE_TUNE_STEPS, GZIP_LEVEL, gzipSize, type EncodedVariant } from '../optimize/advisor.js';
import { externalizeModel } from '../model/external-write.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSizeOfFiles } from '../util/gzip-files.js';
import { ortSessionFactoryIn } from '../optimize/session.js';
import { decodeModel, encodeModel, type ModelProto } from '../model/onnx.js';
import { externalDataFolder } from '../model/shapes.js';
import { formatBytes, weightFigures } from '../model/memory.js';
import { ADVICE_VARIANT_IDS, VARIANT_IDS, type Measurement, type VariantComparison } from '../optimize/types.js';
import { feedsBytes, trainBatchCount } from '../optimize/reduce.js';
import type { Feeds } from '../optimize/session.js';
import { type MeasureContext, type PreparedModel, label } from './context.js';
import { prepareModel } from './prepare.js';
import { withMeter } from '../energy/fault-tolerant.js';
import { type ComparisonArm, compareInterleaved } from './base-comparison.js';

/** Weights from which an advisor variant is written with external data: protobuf's 2 GiB less room for the graph. */
export const EXTERNAL_VARIANT_BYTES = 2 ** 31 - 64 * 2 ** 20;

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
