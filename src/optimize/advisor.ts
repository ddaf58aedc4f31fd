/**
 * The optimisation advisor: builds each variant of a model, puts it through the same
 * measurement as the original (the injected `measure`: analysis, benchmark and meter), checks
 * its outputs against the original's on the same inputs, and states what it would save.
 */
import { gzipSync } from 'node:zlib';
import { EnergyBudgetError, messageOf } from '../errors.js';
import { encodeModel, type ModelProto } from '../model/onnx.js';
import { measureFidelity } from './fidelity.js';
import { ortSessionFactory, type Feeds, type SessionFactory } from './session.js';
import { buildVariant } from './variants.js';
import { buildReduced } from './reduce.js';
import {
  ADVICE_VARIANT_IDS,
  VARIANT_IDS,
  type FineTuneInfo,
  type ReduceVariantId,
  type ReduceVariantOptions,
  type Advice,
  type AdviceDeltas,
  type AdviceFigures,
  type MeasuredChange,
  type Measurement,
  type VariantComparison,
  type VariantId,
  type VariantOptions,
} from './types.js';

/** What the advisor needs of a loaded model (src/model/load.ts's LoadedModel has both). */
export interface AdvisableModel {
  /** The model file's bytes, as measured for the original. */
  bytes: Uint8Array;
  /**
   * The original's gzip size when `bytes` is not the whole model (weights in external data,
   * compressed from the files by streaming). @default gzipSize(bytes)
   */
  gzipBytes?: number;
  proto: ModelProto;
}

/** A variant as measured: its bytes, and what they do not show when its weights are external. */
export interface EncodedVariant {
  bytes: Uint8Array;
  /** gzip size of the whole variant. @default gzipSize(bytes) */
  gzipBytes?: number;
  /** Said in the variant's notes (e.g. that it was written with external data). */
  note?: string;
}

/** Measures one model's bytes: size, FLOPs, latency and energy, as the benchmark does for the original. */
export type MeasureModel = (modelBytes: Uint8Array, context: { variant: VariantId | 'original' }) => Promise<Measurement>;

/**
 * Compares a variant with the original by the interleaved, fresh-session, ABBA-block comparison
 * that base-versus-head uses (src/engine/base-comparison.ts compareInterleaved).
 */
export type CompareVariant = (variantBytes: Uint8Array, context: { variant: VariantId }) => Promise<VariantComparison>;

/** Options of {@link adviseModel}. */
export interface AdviseOptions {
  /** Input batches for the fidelity check; the same ones go to the original and every variant. */
  feeds: Feeds | readonly Feeds[];
  measure: MeasureModel;
  /**
   * The interleaved comparison of each variant with the original. Without it the latency and
   * energy changes are point values of separate runs, with no interval and no verdict.
   */
  compare?: CompareVariant;
  /** The original's figures when already measured (saves measuring it twice). */
  originalMeasurement?: Measurement;
  /** @default VARIANT_IDS, and REDUCE_VARIANT_IDS too when `trainFeeds` are given */
  variants?: readonly VariantId[];
  variantOptions?: VariantOptions;
  /**
   * Turns a variant into the bytes measured (a model too large for one protobuf can be written
   * with external data, its bytes then the graph alone). @default encodeModel, gzip of the bytes
   */
  encode?: (model: ModelProto) => Promise<EncodedVariant>;
  /**
   * Input batches the reducing variants (prune-structured, distill) rank channels on and are
   * fine-tuned on; never the `feeds`, which stay held out for their fidelity. Without them the
   * reducing variants are not applicable.
   */
  trainFeeds?: readonly Feeds[];
  /** Where `trainFeeds` came from, for the report: 'seeded synthetic inputs (16 batches)'. */
  trainSource?: string;
  /** Where `feeds` came from, for the report. @default 'the benchmark inputs' */
  feedsSource?: string;
  /**
   * Input batches the reducing variants' fidelity is measured on (never trained on), when more
   * rows than `feeds` are wanted. @default feeds
   */
  heldOutFeeds?: readonly Feeds[];
  /** Where `heldOutFeeds` came from, for the report. */
  heldOutSource?: string;
  reduceOptions?: ReduceVariantOptions;
  /**
   * Runs the fine-tuning inside an energy window (the benchmark's meter), so its cost is stated
   * with its method; without it the cost is steps and time only.
   */
  meterWindow?: <T>(work: () => Promise<T>) => Promise<{ result: T; energy?: FineTuneInfo['energy'] }>;
  /** @default ortSessionFactory (onnxruntime-node CPU) */
  createSession?: SessionFactory;
}

/** gzip level used for the compressed sizes: the maximum, as a release archive would use. */
export const GZIP_LEVEL = 9;

/** Size of the bytes compressed with gzip at level 9. */
export function gzipSize(bytes: Uint8Array): number {
  return gzipSync(bytes, { level: GZIP_LEVEL }).length;
}

function figures(m: Measurement, gzipBytes: number): AdviceFigures {
  const out: AdviceFigures = {
    sizeBytes: m.sizeBytes,
    gzipBytes,
    flops: m.flops,
    latencyMs: { p50: m.latencyMs.p50, mean: m.latencyMs.mean },
  };
  if (m.energyJPerInference !== undefined) {
    const method = m.energyMethod ?? 'unknown';
    out.energy = { joulesPerInference: m.energyJPerInference, method, estimated: m.energyEstimated ?? /estimat/i.test(method) };
  }
  return out;
}

/** Change from `before` to `after` in percent; 0 when both are 0. */
export function percentChange(before: number, after: number): number {
  if (before === 0) return after === 0 ? 0 : Infinity;
  return ((after - before) / before) * 100;
}

function deltas(o: AdviceFigures, v: AdviceFigures): AdviceDeltas {
  const d: AdviceDeltas = {
    sizePct: percentChange(o.sizeBytes, v.sizeBytes),
    gzipPct: percentChange(o.gzipBytes, v.gzipBytes),
    flopsPct: percentChange(o.flops, v.flops),
    latencyP50Pct: percentChange(o.latencyMs.p50, v.latencyMs.p50),
    latencyMeanPct: percentChange(o.latencyMs.mean, v.latencyMs.mean),
  };
  if (o.energy && v.energy) d.energyPct = percentChange(o.energy.joulesPerInference, v.energy.joulesPerInference);
  return d;
}

/** What an interval of a change says; an interval containing 0 is no measurable change. */
export function measuredChange(ci: readonly [number, number]): MeasuredChange {
  if (ci[0] > 0) return 'cost';
  if (ci[1] < 0) return 'saving';
  return 'no measurable change';
}

/** The deltas with the comparison's estimates, intervals and verdicts for latency and energy. */
function withComparison(d: AdviceDeltas, c: VariantComparison): AdviceDeltas {
  const pct = (ci: readonly [number, number]): [number, number] => [ci[0] * 100, ci[1] * 100];
  const out: AdviceDeltas = { ...d };
  if (c.latencyP50) {
    out.latencyP50Pct = c.latencyP50.estimate * 100;
    out.latencyP50PctCi95 = pct(c.latencyP50.changeCi95);
    out.latencyP50Change = measuredChange(c.latencyP50.changeCi95);
  }
  if (c.latencyMean) {
    out.latencyMeanPct = c.latencyMean.estimate * 100;
    out.latencyMeanPctCi95 = pct(c.latencyMean.changeCi95);
    out.latencyMeanChange = measuredChange(c.latencyMean.changeCi95);
  }
  if (c.energy && out.energyPct !== undefined) {
    out.energyPct = c.energy.estimate * 100;
    out.energyPctCi95 = pct(c.energy.changeCi95);
    out.energyChange = measuredChange(c.energy.changeCi95);
  } else if (c.latencyP50 || c.latencyMean) {
    // The rounds gave latency but no energy interval (the meter failed in them): a point value
    // from the separate runs beside the rounds' latency could contradict it (#19), so none is shown.
    delete out.energyPct;
  }
  const method = c.latencyMean?.method ?? c.latencyP50?.method ?? c.energy?.method;
  if (method) out.comparison = method;
  return out;
}

/**
 * A measured change for people: `no measurable change (95% CI −1.2% … +0.8%)`, or
 * `+14% (cost, 95% CI +11% … +17%)`; a point value without an interval says it has none.
 */
export function formatMeasuredChange(
  pct: number,
  ci?: readonly [number, number],
  change?: MeasuredChange,
  /** Appended inside the parentheses, e.g. how the energy was obtained. */
  extra?: string,
): string {
  const tail = extra ? `; ${extra}` : '';
  if (!ci) return `${formatPercent(pct)} (single runs, no interval${tail})`;
  const interval = `95% CI ${formatPercent(ci[0])} … ${formatPercent(ci[1])}`;
  const verdict = change ?? measuredChange([ci[0] / 100, ci[1] / 100]);
  if (verdict === 'no measurable change') return `no measurable change (${interval}${tail})`;
  return `${formatPercent(pct)} (${verdict}, ${interval}${tail})`;
}

/** A signed percentage for people: −74%, +3.2%, ±0%. */
export function formatPercent(pct: number): string {
  if (!Number.isFinite(pct)) return pct > 0 ? '+∞%' : 'n/a';
  const digits = Math.abs(pct) < 10 ? 1 : 0;
  const text = Math.abs(pct).toFixed(digits).replace(/\.0$/, '');
  if (text === '0') return '±0%';
  return `${pct < 0 ? '−' : '+'}${text}%`;
}

function formatShare(x: number): string {
  const p = x * 100;
  return p === 100 ? '100%' : `${p.toFixed(1)}%`;
}

/** The one-line summary of an advice entry, e.g. 'int8 weights: −74% size, −31% energy per inference (rapl), …'. */
export function summarizeAdvice(a: Omit<Advice, 'summary'>): string {
  if (a.status !== 'ok' || !a.deltas || !a.figures) {
    return `${a.label}: ${a.status === 'failed' ? 'failed' : 'not applicable'}${a.reason ? ` (${a.reason})` : ''}`;
  }
  const d = a.deltas;
  const parts = [`${formatPercent(d.sizePct)} size`];
  if (a.variant === 'prune') parts[0] += ` (${formatPercent(d.gzipPct)} gzipped)`;
  if (a.structure)
    parts.push(`${formatPercent(percentChange(a.structure.parametersBefore, a.structure.parametersAfter))} parameters`);
  if (d.flopsPct !== 0 && a.structure) parts.push(`${formatPercent(d.flopsPct)} FLOPs`);
  if (d.energyPct !== undefined && a.figures.energy) {
    const e = a.figures.energy;
    parts.push(
      `energy per inference ${formatMeasuredChange(
        d.energyPct,
        d.energyPctCi95,
        d.energyChange,
        e.estimated ? `estimated with a power model (${e.method}), not measured` : `measured, ${e.method}`,
      )}`,
    );
  }
  parts.push(`latency p50 ${formatMeasuredChange(d.latencyP50Pct, d.latencyP50PctCi95, d.latencyP50Change)}`);
  const f = a.fidelity;
  if (f) {
    if (f.top1Agreement !== null) parts.push(`top-1 agreement ${formatShare(f.top1Agreement)}`);
    parts.push(`max abs error ${Number.isFinite(f.maxAbsError) ? f.maxAbsError.toPrecision(2) : 'non-finite'}`);
    if (a.fineTune) parts[parts.length - 1] += ` (held out: ${a.fineTune.heldOut})`;
  }
  const t = a.fineTune;
  if (t) {
    const e = t.energy
      ? `, ${formatJoules(t.energy.joules)} ${t.energy.estimated ? `estimated with a power model (${t.energy.method}), not measured` : `measured, ${t.energy.method}`}`
      : '';
    parts.push(`fine-tuning cost ${t.steps} steps, ${t.durationS.toPrecision(2)} s${e}, on ${t.inputs}`);
  }
  return `${a.label}: ${parts.join(', ')}`;
}

function formatJoules(j: number): string {
  return j >= 1 ? `${j.toPrecision(3)} J` : `${(j * 1000).toPrecision(3)} mJ`;
}

function withSummary(a: Omit<Advice, 'summary'>): Advice {
  return { ...a, summary: summarizeAdvice(a) };
}

function describe(error: unknown): string {
  const text = messageOf(error);
  return text.split('\n')[0].slice(0, 400);
}

/** Whether `feeds` is a list of batches (Array.isArray does not narrow a readonly array). */
function isFeedsList(feeds: Feeds | readonly Feeds[]): feeds is readonly Feeds[] {
  return Array.isArray(feeds);
}

/**
 * Builds, measures and checks every requested variant of a model against the original.
 * A variant that does not apply or fails is reported with its reason, never thrown.
 * @throws whatever `measure` throws for the original model.
 */
export async function adviseModel(loaded: AdvisableModel, options: AdviseOptions): Promise<Advice[]> {
  const batches: readonly Feeds[] = isFeedsList(options.feeds) ? options.feeds : [options.feeds];
  const createSession = options.createSession ?? ortSessionFactory;
  const originalMeasurement = options.originalMeasurement ?? (await options.measure(loaded.bytes, { variant: 'original' }));
  const original = figures(originalMeasurement, loaded.gzipBytes ?? gzipSize(loaded.bytes));
  const advice: Advice[] = [];
  for (const variant of options.variants ?? (options.trainFeeds?.length ? ADVICE_VARIANT_IDS : VARIANT_IDS)) {
    if (variant === 'prune-structured' || variant === 'distill') {
      advice.push(await adviseReduced(loaded, variant, original, options.heldOutFeeds ?? batches, createSession, options));
      continue;
    }
    let label: string = variant;
    let notes: string[] = [];
    try {
      const built = buildVariant(loaded.proto, variant, options.variantOptions);
      label = built.label;
      notes = built.notes;
      if (built.weights.length === 0) {
        advice.push(withSummary({ variant, label, status: 'not-applicable', reason: notes[0], notes, weights: [] }));
        continue;
      }
      const encoded = options.encode ? await options.encode(built.model) : { bytes: encodeModel(built.model) };
      const bytes = encoded.bytes;
      if (encoded.note) notes = [...notes, encoded.note];
      const fidelity = await measureFidelity(loaded.bytes, bytes, batches, createSession);
      const measured = figures(await options.measure(bytes, { variant }), encoded.gzipBytes ?? gzipSize(bytes));
      const pointDeltas = deltas(original, measured);
      advice.push(
        withSummary({
          variant,
          label,
          status: 'ok',
          figures: measured,
          original,
          deltas: options.compare ? withComparison(pointDeltas, await options.compare(bytes, { variant })) : pointDeltas,
          fidelity,
          weights: built.weights,
          notes,
        }),
      );
    } catch (error) {
      // An opset that cannot be raised is a property of the model; anything else is a failure.
      const notApplicable = error instanceof EnergyBudgetError && error.code === 'UNSUPPORTED_OP';
      advice.push(
        withSummary({ variant, label, status: notApplicable ? 'not-applicable' : 'failed', reason: describe(error), notes }),
      );
    }
  }
  return advice;
}

/** Default fine-tuning steps of the reducing variants. */
export const DEFAULT_FINE_TUNE_STEPS = 300;
/** Default share of channels `prune-structured` removes. */
export const DEFAULT_PRUNE_RATIO = 0.3;
/** Default width of the distilled student. */
export const DEFAULT_DISTILL_WIDTH = 0.5;

/** The label of a reducing variant: 'structured pruning 30% + 300 fine-tuning steps'. */
export function reduceLabel(variant: ReduceVariantId, o: ReduceVariantOptions = {}): string {
  const steps = o.steps ?? DEFAULT_FINE_TUNE_STEPS;
  const tuned = steps > 0 ? ` + ${steps} fine-tuning steps` : '';
  if (variant === 'distill') return `distilled student, width ×${o.distillWidth ?? DEFAULT_DISTILL_WIDTH}${tuned}`;
  return `structured pruning ${Math.round((o.pruneRatio ?? DEFAULT_PRUNE_RATIO) * 100)}%${tuned}`;
}

async function adviseReduced(
  loaded: AdvisableModel,
  variant: ReduceVariantId,
  original: AdviceFigures,
  heldOut: readonly Feeds[],
  createSession: SessionFactory,
  options: AdviseOptions,
): Promise<Advice> {
  const o = options.reduceOptions ?? {};
  const label = reduceLabel(variant, o);
  const train = options.trainFeeds;
  if (!train?.length) {
    return withSummary({ variant, label, status: 'not-applicable', reason: 'no training inputs were given', notes: [] });
  }
  const steps = o.steps ?? DEFAULT_FINE_TUNE_STEPS;
  const ratio = variant === 'distill' ? 1 - (o.distillWidth ?? DEFAULT_DISTILL_WIDTH) : (o.pruneRatio ?? DEFAULT_PRUNE_RATIO);
  const loss = o.loss ?? (variant === 'distill' ? 'kl' : 'mse');
  try {
    const work = () =>
      buildReduced(loaded.proto, {
        ratio,
        steps,
        loss,
        ...(o.temperature !== undefined ? { temperature: o.temperature } : {}),
        train,
      });
    const windowed = options.meterWindow ? await options.meterWindow(work) : { result: await work() };
    const reduced = windowed.result;
    const bytes = encodeModel(reduced.model);
    const fidelity = await measureFidelity(loaded.bytes, bytes, heldOut, createSession);
    const measured = figures(await options.measure(bytes, { variant }), gzipSize(bytes));
    const pointDeltas = deltas(original, measured);
    const ft = reduced.fineTune;
    const notes = [...reduced.notes];
    notes.push(
      'Channels and neurons are removed, so every runtime does less work; outputs change, so check the fidelity on your own data before adopting it.',
    );
    return withSummary({
      variant,
      label,
      status: 'ok',
      figures: measured,
      original,
      deltas: options.compare ? withComparison(pointDeltas, await options.compare(bytes, { variant })) : pointDeltas,
      fidelity,
      structure: {
        ratio,
        importance: reduced.importance,
        parametersBefore: reduced.prune.parametersBefore,
        parametersAfter: reduced.prune.parametersAfter,
        groups: reduced.prune.groups,
      },
      ...(ft
        ? {
            fineTune: {
              steps: ft.steps,
              durationS: ft.durationS,
              loss: ft.lossDescription,
              lossFirst: ft.lossFirst,
              lossLast: ft.lossLast,
              inputs: options.trainSource ?? `${train.length} input batch(es)`,
              heldOut: (options.heldOutFeeds ? options.heldOutSource : options.feedsSource) ?? 'the benchmark inputs',
              ...(windowed.energy ? { energy: windowed.energy } : {}),
            },
          }
        : {}),
      notes,
    });
  } catch (error) {
    const notApplicable =
      error instanceof EnergyBudgetError && (error.code === 'UNSUPPORTED_OP' || error.code === 'INPUT_INVALID');
    return withSummary({
      variant,
      label,
      status: notApplicable ? 'not-applicable' : 'failed',
      reason: describe(error),
      notes: [],
    });
  }
}
