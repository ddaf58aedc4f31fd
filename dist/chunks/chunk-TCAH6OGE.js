import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  formatQuantity
} from "./chunk-FN6VXYG4.js";

// src/report/format.ts
var KIND_OF = {
  bytes: "bytes",
  count: "count",
  flops: "flops",
  joules: "energy",
  seconds: "time",
  grams: "carbon",
  rate: "throughput",
  fraction: "percent"
};
function metricUnit(metric) {
  if (metric === "model-size" || metric === "peak-memory" || metric === "peak-gpu-memory") return "bytes";
  if (metric === "parameters") return "count";
  if (metric === "flops") return "flops";
  if (metric.startsWith("energy") || metric === "training-energy-total") return "joules";
  if (metric.startsWith("latency") || metric === "training-step-time") return "seconds";
  if (metric.startsWith("carbon") || metric.endsWith("carbon-total")) return "grams";
  if (metric === "throughput") return "rate";
  return "count";
}
function sig3(x) {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const abs = Math.abs(x);
  if (abs >= 1e3) return Math.round(x).toString();
  return Number(x.toPrecision(3)).toString();
}
function formatValue(value, kind) {
  return formatQuantity(value, KIND_OF[kind]);
}
function formatMetric(metric, value) {
  return formatValue(value, metricUnit(metric));
}
function formatChange(fraction) {
  if (!Number.isFinite(fraction)) return "n/a";
  const pct = fraction * 100;
  const text = sig3(Math.abs(pct));
  return `${pct > 0 ? "+" : pct < 0 ? "\u2212" : "\xB1"}${text}%`;
}
function formatLimit(metric, value, relative) {
  const isRegression = metric.startsWith("regression.");
  if (isRegression && relative !== false) return formatValue(value, "fraction");
  return formatMetric(isRegression ? metric.slice("regression.".length) : metric, value);
}
function limitText(b) {
  const limit = typeof b.limit === "number" && Number.isFinite(b.limit) ? b.limit : void 0;
  if (limit === void 0) return "\u2014";
  const metric = typeof b.metric === "string" ? b.metric : "";
  const floor = metric === "throughput";
  const level = b.level === "warn" ? " (warning only)" : "";
  if (b.kind === "regression") {
    const amount = b.relative === false ? formatMetric(metric, limit) : `${sig3(limit * 100)}%`;
    return `${floor ? "\u2265 \u2212" : "\u2264 +"}${amount} vs base${level}`;
  }
  return `${floor ? "\u2265" : "\u2264"} ${formatMetric(metric, limit)}${level}`;
}
function carbonSourceText(c) {
  const g = typeof c.intensityGPerKWh === "number" && Number.isFinite(c.intensityGPerKWh) ? sig3(c.intensityGPerKWh) : "\u2014";
  const source = typeof c.intensitySource === "string" && c.intensitySource !== "" ? c.intensitySource : "source not recorded";
  return `carbon at ${g} gCO2e/kWh: ${source}`;
}

export {
  sig3,
  formatValue,
  formatMetric,
  formatChange,
  formatLimit,
  limitText,
  carbonSourceText
};
