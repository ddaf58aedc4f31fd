import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  formatQuantity
} from "./chunk-5RCBJ7FR.js";

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

export {
  sig3,
  formatValue,
  formatMetric,
  formatChange,
  formatLimit
};
