import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  isOneOf,
  mean,
  median,
  stdev,
  tQuantile
} from "./chunk-JOXRTO3M.js";
import {
  isJsonObject
} from "./chunk-4IKFRKST.js";

// src/history/series.ts
function isMeasuredMetric(metric) {
  return !["model-size", "parameters", "flops"].includes(metric);
}
function meterOf(metric, m) {
  if (metric === "energy-per-inference") return m.energyMethod;
  if (metric === "energy-per-training-step") return m.trainingEnergyMethod;
  return void 0;
}
function environmentParts(env, meter) {
  return {
    CPU: env.cpu ?? "",
    onnxruntime: env.onnxruntime ?? "",
    device: `${env.device ?? "cpu"}${env.gpu ? ` (${env.gpu})` : ""}`,
    ...meter !== void 0 ? { meter } : {}
  };
}
function describeChange(a, b) {
  const out = [];
  for (const key of /* @__PURE__ */ new Set([...Object.keys(a), ...Object.keys(b)])) {
    if ((a[key] ?? "") !== (b[key] ?? "")) out.push(`${key} ${a[key] || "(none)"} \u2192 ${b[key] || "(none)"}`);
  }
  return out.join(", ");
}
function buildSeries(records, model, metric, window) {
  const rows = [];
  for (const r of records) {
    const m = r.models.find((x) => x.name === model);
    const value = m?.metrics[metric];
    if (m && value !== void 0) rows.push({ r, m, value });
  }
  const last = rows.slice(Math.max(0, rows.length - Math.max(1, window)));
  const points = [];
  const breaks = [];
  let prev;
  for (const [index, { r, m, value }] of last.entries()) {
    const limit = m.limits[metric];
    points.push({ index, sha: r.sha, createdAt: r.createdAt, value, ...limit !== void 0 ? { limit } : {} });
    if (isMeasuredMetric(metric)) {
      const env = environmentParts(r.environment, meterOf(metric, m));
      const what = prev ? describeChange(prev, env) : "";
      if (what) breaks.push({ index, what });
      prev = env;
    }
  }
  const method = last.length ? meterOf(metric, last[last.length - 1].m) : void 0;
  return { model, metric, points, breaks, ...method ? { method } : {} };
}
function lastSegment(series) {
  const start = series.breaks.length ? series.breaks[series.breaks.length - 1].index : 0;
  return series.points.slice(start);
}
function trendPosition(series, head) {
  const seg = lastSegment(series).map((p) => p.value);
  if (seg.length === 0 || !Number.isFinite(head)) return void 0;
  const med = median(seg);
  if (!(med > 0)) return void 0;
  return { runs: seg.length, median: med, change: head / med - 1 };
}
var MIN_HISTORY_RUNS = 5;
function historyComparison(history, head) {
  const n = history.length;
  if (n < MIN_HISTORY_RUNS || !(head > 0) || history.some((v) => !(v > 0))) return void 0;
  const logs = history.map(Math.log);
  const m = mean(logs);
  const s = stdev(logs);
  const half = tQuantile(0.975, n - 1) * s * Math.sqrt(1 + 1 / n);
  const d = Math.log(head) - m;
  return {
    verdict: "inconclusive",
    estimate: Math.exp(d) - 1,
    changeCi95: [Math.exp(d - half) - 1, Math.exp(d + half) - 1],
    method: `against ${n} earlier default-branch runs (95% prediction interval of one run on the log scale; crosses runs and machines)`,
    rounds: n,
    // Two runs from the history's distribution differ by up to this much (95%).
    roundSpread95: Math.expm1(1.96 * Math.SQRT2 * s)
  };
}
function geometricMean(values) {
  return Math.exp(mean(values.map(Math.log)));
}

// src/report/escape.ts
var SPECIAL = /[&<>`|*~[\\\]$]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g;
var ref = (c) => `&#${c.charCodeAt(0)};`;
var CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
var BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
function escapeMarkdown(value, options = {}) {
  let text = typeof value === "string" ? value : value === void 0 || value === null ? "" : String(value);
  const maxLength = options.maxLength ?? 2e3;
  if (text.length > maxLength) text = `${text.slice(0, maxLength)}\u2026`;
  text = text.replace(CONTROL, " ").replace(BIDI, "");
  const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/);
  const escaped = lines.map(
    (line) => line.replace(SPECIAL, ref).replace(/:(?=\/\/)/g, ref).replace(/\b(www)\./gi, "$1&#46;").replace(/@/g, "@&#8203;").replace(/\t/g, " ").replace(/ {2,}/g, (s) => ` ${"&#32;".repeat(s.length - 1)}`)
  );
  return escaped.join(options.newlines === "br" ? "<br>" : " ").trim().replace(/^>|^([#+=-])(?=\s|$|\1)/, ref).replace(/^(\d{1,9})([.)])(?=\s|$)/, (_, d, p) => `${d}${ref(p)}`);
}
function markerKey(configPath) {
  const normalised = configPath.replace(/\\/g, "/").replace(/^(\.\/)+/, "").replace(/\/{2,}/g, "/");
  return normalised.replace(
    /[^A-Za-z0-9._/-]|-(?=-)|-$/g,
    (c) => Array.from(new TextEncoder().encode(c), (b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("")
  );
}
function commentMarker(configPath) {
  return `<!-- energy-budget: ${markerKey(configPath)} -->`;
}

// src/history/record.ts
var HISTORY_METRICS = [
  "model-size",
  "parameters",
  "flops",
  "latency-p50",
  "latency-p95",
  "throughput",
  "energy-per-inference",
  "energy-per-training-step",
  "training-step-time"
];
var CHARTED_METRICS = [
  "energy-per-inference",
  "latency-p50",
  "model-size",
  "energy-per-training-step"
];
function finite(x) {
  return typeof x === "number" && Number.isFinite(x) ? x : void 0;
}
function modelMetrics(m) {
  const out = {};
  const put = (k, v) => {
    const x = finite(v);
    if (x !== void 0) out[k] = x;
  };
  put("model-size", m.size?.bytes);
  put("parameters", m.size?.parameters);
  put("flops", m.flops);
  const inf = m.inference;
  if (inf) {
    put("latency-p50", finite(inf.latencyMs?.p50) !== void 0 ? inf.latencyMs.p50 / 1e3 : void 0);
    put("latency-p95", finite(inf.latencyMs?.p95) !== void 0 ? inf.latencyMs.p95 / 1e3 : void 0);
    put("throughput", inf.throughput);
    put("energy-per-inference", inf.energy?.joulesPerInference);
  }
  const t = m.training;
  if (t) {
    put("training-step-time", finite(t.stepMs?.mean) !== void 0 ? t.stepMs.mean / 1e3 : void 0);
    put("energy-per-training-step", t.energy?.joulesPerStep);
  }
  return out;
}
function toRecord(report, meta) {
  const env = report.environment;
  return {
    v: 1,
    sha: meta.sha,
    ref: meta.ref,
    ...meta.runId ? { runId: meta.runId } : {},
    createdAt: report.createdAt ?? (/* @__PURE__ */ new Date(0)).toISOString(),
    environment: {
      cpu: env.cpu,
      logicalCpus: env.logicalCpus,
      os: env.os,
      onnxruntime: env.onnxruntime,
      ...env.device ? { device: env.device } : {},
      ...env.gpu ? { gpu: env.gpu } : {}
    },
    models: report.models.filter((m) => !m.error && m.change !== "removed").map((m) => {
      const limits = {};
      for (const b of m.budgets) {
        if (b.kind === "absolute" && isOneOf(HISTORY_METRICS, b.metric) && finite(b.limit) !== void 0)
          limits[b.metric] = b.limit;
      }
      return {
        name: m.name,
        metrics: modelMetrics(m),
        limits,
        ...m.inference?.energy?.method ? { energyMethod: m.inference.energy.method } : {},
        ...m.training?.energy?.method ? { trainingEnergyMethod: m.training.energy.method } : {}
      };
    })
  };
}
function str(x, max = 300) {
  return typeof x === "string" ? x.slice(0, max) : void 0;
}
function numbers(x) {
  const out = {};
  if (!isJsonObject(x)) return out;
  for (const k of HISTORY_METRICS) {
    const v = finite(x[k]);
    if (v !== void 0) out[k] = v;
  }
  return out;
}
function parseRecord(value) {
  if (!isJsonObject(value)) return { error: "not a JSON object" };
  const r = value;
  if (r.v !== 1) return { error: `unsupported record version ${JSON.stringify(r.v)} (expected 1)` };
  const sha = str(r.sha, 80);
  const ref2 = str(r.ref, 300);
  const createdAt = str(r.createdAt, 40);
  if (!sha || ref2 === void 0 || !createdAt) return { error: 'missing "sha", "ref" or "createdAt"' };
  const env = isJsonObject(r.environment) ? r.environment : {};
  if (!Array.isArray(r.models)) return { error: 'missing the "models" array' };
  const listed = r.models;
  const models = [];
  for (const m of listed) {
    const mm = isJsonObject(m) ? m : {};
    const name = str(mm.name, 300);
    if (!name) return { error: 'a model without a "name"' };
    models.push({
      name,
      metrics: numbers(mm.metrics),
      limits: numbers(mm.limits),
      ...str(mm.energyMethod, 40) ? { energyMethod: str(mm.energyMethod, 40) } : {},
      ...str(mm.trainingEnergyMethod, 40) ? { trainingEnergyMethod: str(mm.trainingEnergyMethod, 40) } : {}
    });
  }
  return {
    v: 1,
    sha,
    ref: ref2,
    ...str(r.runId, 40) ? { runId: str(r.runId, 40) } : {},
    createdAt,
    environment: {
      cpu: str(env.cpu) ?? "unknown CPU",
      logicalCpus: finite(env.logicalCpus) ?? 0,
      os: str(env.os) ?? "",
      onnxruntime: str(env.onnxruntime, 40) ?? "",
      ...str(env.device, 40) ? { device: str(env.device, 40) } : {},
      ...str(env.gpu) ? { gpu: str(env.gpu) } : {}
    },
    models
  };
}

export {
  escapeMarkdown,
  commentMarker,
  HISTORY_METRICS,
  CHARTED_METRICS,
  toRecord,
  parseRecord,
  isMeasuredMetric,
  environmentParts,
  describeChange,
  buildSeries,
  lastSegment,
  trendPosition,
  MIN_HISTORY_RUNS,
  historyComparison,
  geometricMean
};
