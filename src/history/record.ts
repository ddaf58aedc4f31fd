/**
 * One line of the history: a report reduced to its figures and environment, small enough that
 * hundreds of runs fit in one JSON Lines file. Pure.
 *
 * A record is read back from a branch anyone with write access (or a compromised workflow)
 * could edit, so `parseRecord` checks every field it keeps and drops the rest.
 */
import type { ModelReport, Report } from '../report/types.js';
import { isJsonObject } from '../util/json-object.js';
import { isOneOf } from '../util/one-of.js';

/** The metrics kept per model, in base units (bytes, seconds, joules, FLOPs, samples/s). */
export const HISTORY_METRICS = [
  'model-size',
  'parameters',
  'flops',
  'latency-p50',
  'latency-p95',
  'throughput',
  'energy-per-inference',
  'energy-per-training-step',
  'training-step-time',
] as const;
export type HistoryMetric = (typeof HISTORY_METRICS)[number];

/** The metrics charted, in this order (issue #17: energy, latency p50, size, training energy). */
export const CHARTED_METRICS: readonly HistoryMetric[] = [
  'energy-per-inference',
  'latency-p50',
  'model-size',
  'energy-per-training-step',
];

export interface HistoryModel {
  name: string;
  metrics: Partial<Record<HistoryMetric, number>>;
  /** Absolute budget limits in force at that run (the chart's limit line). */
  limits: Partial<Record<HistoryMetric, number>>;
  /** How the inference energy was obtained (`rapl`, `nvml`, `estimate`, …). */
  energyMethod?: string;
  /** How the training-step energy was obtained. */
  trainingEnergyMethod?: string;
}

export interface HistoryRecord {
  v: 1;
  /** The commit measured. */
  sha: string;
  /** The branch or ref, e.g. `main`. */
  ref: string;
  runId?: string;
  /** When the report was made (ISO 8601). */
  createdAt: string;
  environment: { cpu: string; logicalCpus: number; os: string; onnxruntime: string; device?: string; gpu?: string };
  models: HistoryModel[];
}

/** Where a run came from: what the report itself does not say. */
export interface RunMeta {
  sha: string;
  ref: string;
  runId?: string;
}

function finite(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

function modelMetrics(m: ModelReport): HistoryModel['metrics'] {
  const out: HistoryModel['metrics'] = {};
  const put = (k: HistoryMetric, v: unknown) => {
    const x = finite(v);
    if (x !== undefined) out[k] = x;
  };
  put('model-size', m.size?.bytes);
  put('parameters', m.size?.parameters);
  put('flops', m.flops);
  const inf = m.inference;
  if (inf) {
    put('latency-p50', finite(inf.latencyMs?.p50) !== undefined ? inf.latencyMs.p50 / 1000 : undefined);
    put('latency-p95', finite(inf.latencyMs?.p95) !== undefined ? inf.latencyMs.p95 / 1000 : undefined);
    put('throughput', inf.throughput);
    put('energy-per-inference', inf.energy?.joulesPerInference);
  }
  const t = m.training;
  if (t) {
    put('training-step-time', finite(t.stepMs?.mean) !== undefined ? t.stepMs.mean / 1000 : undefined);
    put('energy-per-training-step', t.energy?.joulesPerStep);
  }
  return out;
}

/** Reduces a report to a history record; models that failed or were removed are left out. */
export function toRecord(report: Report, meta: RunMeta): HistoryRecord {
  const env = report.environment;
  return {
    v: 1,
    sha: meta.sha,
    ref: meta.ref,
    ...(meta.runId ? { runId: meta.runId } : {}),
    createdAt: report.createdAt ?? new Date(0).toISOString(),
    environment: {
      cpu: env.cpu,
      logicalCpus: env.logicalCpus,
      os: env.os,
      onnxruntime: env.onnxruntime,
      ...(env.device ? { device: env.device } : {}),
      ...(env.gpu ? { gpu: env.gpu } : {}),
    },
    models: report.models
      .filter((m) => !m.error && m.change !== 'removed')
      .map((m) => {
        const limits: HistoryModel['limits'] = {};
        for (const b of m.budgets) {
          if (b.kind === 'absolute' && isOneOf(HISTORY_METRICS, b.metric) && finite(b.limit) !== undefined)
            limits[b.metric] = b.limit;
        }
        return {
          name: m.name,
          metrics: modelMetrics(m),
          limits,
          ...(m.inference?.energy?.method ? { energyMethod: m.inference.energy.method } : {}),
          ...(m.training?.energy?.method ? { trainingEnergyMethod: m.training.energy.method } : {}),
        };
      }),
  };
}

function str(x: unknown, max = 300): string | undefined {
  return typeof x === 'string' ? x.slice(0, max) : undefined;
}

function numbers(x: unknown): Partial<Record<HistoryMetric, number>> {
  const out: Partial<Record<HistoryMetric, number>> = {};
  if (!isJsonObject(x)) return out;
  for (const k of HISTORY_METRICS) {
    const v = finite(x[k]);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/**
 * Checks one parsed JSON value and returns the record, or a reason it is not one.
 * Unknown fields are dropped; numbers must be finite.
 */
export function parseRecord(value: unknown): HistoryRecord | { error: string } {
  if (!isJsonObject(value)) return { error: 'not a JSON object' };
  const r = value;
  if (r.v !== 1) return { error: `unsupported record version ${JSON.stringify(r.v)} (expected 1)` };
  const sha = str(r.sha, 80);
  const ref = str(r.ref, 300);
  const createdAt = str(r.createdAt, 40);
  if (!sha || ref === undefined || !createdAt) return { error: 'missing "sha", "ref" or "createdAt"' };
  const env = isJsonObject(r.environment) ? r.environment : {};
  if (!Array.isArray(r.models)) return { error: 'missing the "models" array' };
  const listed: readonly unknown[] = r.models;
  const models: HistoryModel[] = [];
  for (const m of listed) {
    const mm = isJsonObject(m) ? m : {};
    const name = str(mm.name, 300);
    if (!name) return { error: 'a model without a "name"' };
    models.push({
      name,
      metrics: numbers(mm.metrics),
      limits: numbers(mm.limits),
      ...(str(mm.energyMethod, 40) ? { energyMethod: str(mm.energyMethod, 40) } : {}),
      ...(str(mm.trainingEnergyMethod, 40) ? { trainingEnergyMethod: str(mm.trainingEnergyMethod, 40) } : {}),
    });
  }
  return {
    v: 1,
    sha,
    ref,
    ...(str(r.runId, 40) ? { runId: str(r.runId, 40) } : {}),
    createdAt,
    environment: {
      cpu: str(env.cpu) ?? 'unknown CPU',
      logicalCpus: finite(env.logicalCpus) ?? 0,
      os: str(env.os) ?? '',
      onnxruntime: str(env.onnxruntime, 40) ?? '',
      ...(str(env.device, 40) ? { device: str(env.device, 40) } : {}),
      ...(str(env.gpu) ? { gpu: str(env.gpu) } : {}),
    },
    models,
  };
}
