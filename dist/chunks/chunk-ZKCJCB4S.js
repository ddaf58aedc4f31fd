import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  USER_HZ,
  classifyInterval,
  estimateWindow,
  nodeFs,
  readCpuInfo,
  readCpuTimes,
  resolvePowerModel,
  statusForVerdict
} from "./chunk-KLIXH5O5.js";
import {
  isOneOf
} from "./chunk-JOXRTO3M.js";
import {
  formatQuantity,
  ownKeys
} from "./chunk-FN6VXYG4.js";
import {
  InputError
} from "./chunk-TKWDDEDX.js";

// src/report/merge.ts
import { createHash } from "node:crypto";

// src/config/metrics.ts
var METRICS = {
  "model-size": {
    kind: "bytes",
    phase: "model",
    minimum: false,
    description: "Bytes of the .onnx file plus its external-data files."
  },
  parameters: {
    kind: "count",
    phase: "model",
    minimum: false,
    description: "Weight elements (initializers, Constant nodes, subgraphs)."
  },
  flops: {
    kind: "flops",
    phase: "model",
    minimum: false,
    description: "FLOPs per inference call at the configured shapes, 2 per multiply-add."
  },
  "latency-p50": { kind: "time", phase: "inference", minimum: false, description: "Median latency of one inference call." },
  "latency-p95": {
    kind: "time",
    phase: "inference",
    minimum: false,
    description: "95th-percentile latency of one inference call."
  },
  "latency-p99": {
    kind: "time",
    phase: "inference",
    minimum: false,
    description: "99th-percentile latency of one inference call."
  },
  "latency-mean": { kind: "time", phase: "inference", minimum: false, description: "Mean latency of one inference call." },
  throughput: {
    kind: "throughput",
    phase: "inference",
    minimum: true,
    description: "A MINIMUM: samples per second must stay at or above it."
  },
  "peak-memory": { kind: "bytes", phase: "inference", minimum: false, description: "Peak resident memory of the benchmark." },
  "peak-gpu-memory": {
    kind: "bytes",
    phase: "inference",
    minimum: false,
    description: "Peak GPU memory the model took during the benchmark (NVML, device: cuda or webgpu)."
  },
  "energy-per-inference": {
    kind: "energy",
    phase: "inference",
    minimum: false,
    description: "Energy of one inference call (whole batch)."
  },
  "energy-per-sample": {
    kind: "energy",
    phase: "inference",
    minimum: false,
    description: "Energy per sample (per inference call divided by the batch size)."
  },
  "energy-per-1000-inferences": {
    kind: "energy",
    phase: "inference",
    minimum: false,
    description: "Energy of 1000 inference calls."
  },
  "energy-per-training-step": {
    kind: "energy",
    phase: "training",
    minimum: false,
    description: "Energy of one training step (forward, backward, update)."
  },
  "energy-per-training-sample": {
    kind: "energy",
    phase: "training",
    minimum: false,
    description: "Energy of one training step divided by the batch size."
  },
  "training-step-time": { kind: "time", phase: "training", minimum: false, description: "Mean duration of one training step." },
  "training-energy-total": {
    kind: "energy",
    phase: "projection",
    minimum: false,
    description: "Projected energy of the full training run (dataset-size \xD7 epochs)."
  },
  "carbon-per-inference": {
    kind: "carbon",
    phase: "inference",
    minimum: false,
    description: "CO2-equivalent emissions of one inference call."
  },
  "carbon-per-1000-inferences": {
    kind: "carbon",
    phase: "inference",
    minimum: false,
    description: "CO2-equivalent emissions of 1000 inference calls."
  },
  "training-carbon-total": {
    kind: "carbon",
    phase: "projection",
    minimum: false,
    description: "Projected CO2-equivalent emissions of the full training run."
  },
  "instructions-per-inference": {
    kind: "count",
    phase: "inference",
    minimum: false,
    description: "SIMULATED instructions of one inference call inside onnxruntime (Valgrind callgrind; needs `measure: instructions`)."
  },
  "instructions-per-step": {
    kind: "count",
    phase: "training",
    minimum: false,
    description: "SIMULATED instructions of one training step inside onnxruntime (Valgrind callgrind; needs `measure: instructions`)."
  }
};
var METRIC_KEYS = ownKeys(METRICS);
var INSTRUCTION_METRICS = ["instructions-per-inference", "instructions-per-step"];
function isInstructionMetric(metric) {
  return isOneOf(INSTRUCTION_METRICS, metric);
}
function isMetricKey(key) {
  return Object.prototype.hasOwnProperty.call(METRICS, key);
}
function metricKind(metric) {
  return METRICS[metric].kind;
}
function metricPhase(metric) {
  return METRICS[metric].phase;
}
function isMinimumMetric(metric) {
  return METRICS[metric].minimum;
}
function metricDescription(metric) {
  return METRICS[metric].description;
}

// src/compare/budgets.ts
var DETERMINISTIC_METRICS = ["model-size", "parameters", "flops"];
var INSTRUCTION_TOLERANCE = 3e-3;
function isDeterministicMetric(metric) {
  return isOneOf(DETERMINISTIC_METRICS, metric);
}
var EXACT_TOLERANCE = 1e-12;
function fmt(metric, value) {
  return formatQuantity(value, metricKind(metric));
}
function pct(x) {
  const v = x * 100;
  const digits = Math.abs(v) >= 10 ? 1 : 2;
  return `${v > 0 ? "+" : ""}${v.toFixed(digits)}%`;
}
function levelStatus(level) {
  return level === "error" ? "fail" : "warn";
}
function base(limit, value, baseline) {
  return {
    metric: limit.metric,
    kind: limit.kind,
    limit: limit.limit,
    value,
    baseline,
    level: limit.level,
    ...limit.kind === "regression" ? { relative: limit.relative } : {},
    ...limit.line !== void 0 ? { line: limit.line } : {}
  };
}
function absolute(limit, value, baselineValue) {
  const m = limit.metric;
  const floor = isMinimumMetric(m);
  const exceeded = floor ? value < limit.limit : value > limit.limit;
  const baseFigure = baselineValue !== void 0 && Number.isFinite(baselineValue) ? baselineValue : null;
  const baseOver = baseFigure !== null && (floor ? baseFigure < limit.limit : baseFigure > limit.limit);
  const message = exceeded ? `${fmt(m, value)} ${floor ? "is below the minimum" : "exceeds the limit"} ${fmt(m, limit.limit)}` + (baseOver ? ` (the base, ${fmt(m, baseFigure)}, was already past it)` : "") : `${fmt(m, value)} ${floor ? "\u2265" : "\u2264"} ${fmt(m, limit.limit)}`;
  return { ...base(limit, value, baseFigure), status: exceeded ? levelStatus(limit.level) : "pass", message };
}
function allowedFraction(limit, baselineValue) {
  return limit.relative ? limit.limit : limit.limit / baselineValue;
}
function limitText(limit) {
  return limit.relative ? formatQuantity(limit.limit, "percent") : fmt(limit.metric, limit.limit);
}
function regression(limit, value, baselineValue, comparison, policy) {
  const m = limit.metric;
  const floor = isMinimumMetric(m);
  const direction = floor ? "lower-is-worse" : "higher-is-worse";
  const r = base(limit, value, baselineValue);
  const change = baselineValue === 0 ? value === 0 ? 0 : Number.POSITIVE_INFINITY : value / baselineValue - 1;
  const changeText = Number.isFinite(change) ? pct(change) : "from 0";
  const allowedText = `allowed ${floor ? "drop" : "growth"} ${limitText(limit)}`;
  if (isDeterministicMetric(m) || !comparison && baselineValue === 0) {
    const bound = limit.relative ? floor ? baselineValue * (1 - limit.limit) : baselineValue * (1 + limit.limit) : floor ? baselineValue - limit.limit : baselineValue + limit.limit;
    const tol = EXACT_TOLERANCE * Math.max(Math.abs(bound), Math.abs(value));
    const exceeded2 = floor ? value < bound - tol : value > bound + tol;
    return {
      ...r,
      status: exceeded2 ? levelStatus(limit.level) : "pass",
      message: `${fmt(m, baselineValue)} \u2192 ${fmt(m, value)} (${changeText}; ${allowedText})${exceeded2 ? ": regression" : ""}`
    };
  }
  const allowed = allowedFraction(limit, baselineValue);
  if (isInstructionMetric(m)) {
    const band = [change - INSTRUCTION_TOLERANCE, change + INSTRUCTION_TOLERANCE];
    const verdict = classifyInterval(band, allowed, allowed, direction);
    const status = statusForVerdict(verdict, limit.level, policy);
    let message = `${fmt(m, baselineValue)} \u2192 ${fmt(m, value)} SIMULATED (${changeText}, \xB1${pct(INSTRUCTION_TOLERANCE).slice(1)} residual spread; ${allowedText}): ${verdict}`;
    if (verdict === "inconclusive")
      message += ` \u2014 the change is within the count's residual spread of the limit; treated as ${policy === "warn" ? "a warning" : `a ${policy}`} (budget file \`inconclusive:\`)`;
    message += " [callgrind instruction counts, one process per side]";
    return { ...r, status, change, message };
  }
  if (comparison) {
    const verdict = classifyInterval(comparison.changeCi95, allowed, allowed, direction);
    const status = statusForVerdict(verdict, limit.level, policy);
    const [lo, hi] = comparison.changeCi95;
    let message = `change ${pct(comparison.estimate)} (95% CI ${pct(lo)} \u2026 ${pct(hi)}; ${allowedText}): ${verdict}`;
    if (verdict === "inconclusive") {
      message += ` \u2014 the interval straddles the limit; treated as ${policy === "warn" ? "a warning" : `a ${policy}`} (budget file \`inconclusive:\`)`;
    }
    message += ` [${comparison.method}]`;
    return {
      ...r,
      status,
      change: comparison.estimate,
      changeCi95: comparison.changeCi95,
      ...comparison.centres ? { compared: comparison.centres } : {},
      message
    };
  }
  const exceeded = floor ? change < -allowed : change > allowed;
  return {
    ...r,
    status: exceeded ? levelStatus(limit.level) : "pass",
    message: `${fmt(m, baselineValue)} \u2192 ${fmt(m, value)} (${changeText}; ${allowedText})${exceeded ? ": regression" : ""}; point values only, without a confidence interval, so run-to-run noise is not accounted for`
  };
}
function evaluateBudgets(limits, metrics, baseline, comparisons, opts = { inconclusive: "warn" }) {
  return limits.map((limit) => {
    const value = metrics[limit.metric];
    const baselineValue = baseline?.[limit.metric];
    const incomplete = opts.incomplete?.[limit.metric];
    if (incomplete !== void 0 && value !== void 0) {
      return {
        ...base(limit, value, baselineValue !== void 0 && Number.isFinite(baselineValue) ? baselineValue : null),
        status: "warn",
        message: `not checked: ${incomplete}`
      };
    }
    if (value === void 0 || !Number.isFinite(value)) {
      return {
        ...base(limit, Number.NaN, baselineValue ?? null),
        status: "warn",
        message: `${limit.metric} was not measured for this model, so this limit could not be checked (is the phase it needs, inference or training, configured?)`
      };
    }
    if (limit.kind === "absolute") return absolute(limit, value, baselineValue);
    if (baselineValue === void 0 || !Number.isFinite(baselineValue)) {
      return {
        ...base(limit, value, null),
        status: "pass",
        message: baseline ? `not checked: the baseline has no ${limit.metric}` : "not checked: no baseline (a new model, or the first run with this budget file)"
      };
    }
    return regression(limit, value, baselineValue, comparisons[limit.metric], opts.inconclusive);
  });
}
var VERDICT_RANK = { pass: 0, warn: 1, incomplete: 2, fail: 3 };
function worseVerdict(a, b) {
  return VERDICT_RANK[b] > VERDICT_RANK[a] ? b : a;
}
function overallVerdict(models) {
  let verdict = "pass";
  for (const m of models) {
    if (m.error) return "fail";
    for (const b of m.budgets ?? []) {
      if (b.status === "fail") return "fail";
      if (b.status === "warn" || b.status === "inconclusive") verdict = "warn";
    }
  }
  return verdict;
}

// src/energy/footprint.ts
import { availableParallelism } from "node:os";
function parseSelfStat(text) {
  const rest = text.slice(text.lastIndexOf(")") + 2).trim().split(/\s+/);
  const ticks = [11, 12, 13, 14].map((i) => Number(rest[i]));
  if (ticks.some((t) => !Number.isFinite(t) || t < 0)) return null;
  return ticks.reduce((a, b) => a + b, 0) / USER_HZ;
}
async function cpuNow(deps) {
  const fs = deps.fs ?? nodeFs;
  try {
    const s = parseSelfStat(await fs.readFile(`${deps.procRoot ?? "/proc"}/self/stat`));
    if (s !== null) return s;
  } catch {
  }
  if (deps.ownCpuS) return deps.ownCpuS();
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}
async function startFootprint(deps = {}) {
  return {
    ns: (deps.clockNs ?? (() => process.hrtime.bigint()))(),
    cpuS: await cpuNow(deps),
    stat: await readCpuTimes(deps.procRoot ?? "/proc", deps.fs ?? nodeFs)
  };
}
async function endFootprint(mark, power, deps = {}) {
  const procRoot = deps.procRoot ?? "/proc";
  const fs = deps.fs ?? nodeFs;
  const wallS = Number((deps.clockNs ?? (() => process.hrtime.bigint()))() - mark.ns) / 1e9;
  const cpuS = Math.max(0, await cpuNow(deps) - mark.cpuS);
  const statEnd = await readCpuTimes(procRoot, fs);
  const cpu = await readCpuInfo(procRoot, fs);
  const vcpus = statEnd?.cpus || cpu?.logicalCpus || availableParallelism();
  const model = resolvePowerModel(cpu, power);
  const w = estimateWindow({ model, vcpus, durationS: wallS, processCpuS: cpuS, statStart: mark.stat, statEnd });
  return {
    wallS,
    cpuS,
    energyJ: w.energyJ,
    method: "estimate",
    estimated: true,
    description: `estimated with the power model ${model.label} for a ${vcpus}-vCPU machine: its idle power for the wall time plus this run's share of the dynamic power (the same formula as the estimate meter, docs/energy.md)`
  };
}
function sumFootprints(parts) {
  const known = parts.filter((p) => !!p && Number.isFinite(p.wallS) && Number.isFinite(p.energyJ));
  if (!known.length) return void 0;
  const shards = known.reduce((n, p) => n + (p.shards ?? 1), 0);
  return {
    wallS: known.reduce((s, p) => s + p.wallS, 0),
    cpuS: known.reduce((s, p) => s + p.cpuS, 0),
    energyJ: known.reduce((s, p) => s + p.energyJ, 0),
    method: "estimate",
    estimated: true,
    description: `sum over ${shards} shard${shards === 1 ? "" : "s"}; each ${known[0].description.replace(/^estimated/, "estimated")}`,
    shards
  };
}

// src/report/merge.ts
function modelsDigest(models) {
  const text = JSON.stringify(models.map((m) => [m.name, m.path]));
  return `sha256:${createHash("sha256").update(text).digest("hex")}`;
}
function shardText(r) {
  return r.shard ? `${r.shard.index}/${r.shard.count}` : "1/1";
}
function mergeReports(inputs) {
  if (inputs.length === 0) throw new InputError("INPUT_INVALID", "No report to merge: give at least one report JSON file.");
  const [first] = inputs;
  checkSameRun(inputs);
  const seen = /* @__PURE__ */ new Map();
  const merged = {
    ...first.report,
    verdict: "pass",
    models: [],
    budgetChanges: []
  };
  const changeKeys = /* @__PURE__ */ new Set();
  for (const { report, file } of inputs) {
    merged.verdict = worseVerdict(merged.verdict, report.verdict);
    for (const m of report.models) {
      const other = seen.get(m.name);
      if (other !== void 0) {
        throw new InputError(
          "INPUT_INVALID",
          `The model "${m.name}" is in two reports (${other} and ${file}); shards must hold different models. Give each matrix job the same budget file and its own \`shard: i/n\`.`
        );
      }
      seen.set(m.name, file);
      merged.models.push(m);
    }
    for (const c of report.budgetChanges ?? []) {
      const key = JSON.stringify([c.model, c.metric, c.change, c.before, c.after]);
      if (!changeKeys.has(key)) {
        changeKeys.add(key);
        merged.budgetChanges.push(c);
      }
    }
  }
  if (merged.budgetChanges.length === 0) delete merged.budgetChanges;
  const footprint = sumFootprints(inputs.map((i) => i.report.footprint));
  if (footprint) merged.footprint = footprint;
  else delete merged.footprint;
  completeness(inputs, merged);
  return merged;
}
function checkSameRun(inputs) {
  const firstWith = (key) => inputs.find((i) => i.report[key]);
  for (const key of ["commit", "modelsDigest"]) {
    const ref = firstWith(key);
    if (!ref) continue;
    const other = inputs.find((i) => i.report[key] && i.report[key] !== ref.report[key]);
    if (other) {
      const what = key === "commit" ? `measured different commits (${ref.report.commit} and ${other.report.commit})` : "come from different budget files (their model lists differ)";
      throw new InputError(
        "INPUT_INVALID",
        `${ref.file} and ${other.file} ${what}; reports merge only when every shard ran the same commit and budget file. Download the reports of one workflow run only (re-run the failed jobs of that run if one is missing).`
      );
    }
  }
  const byIndex = /* @__PURE__ */ new Map();
  const count = inputs.find((i) => i.report.shard)?.report.shard?.count;
  for (const { report, file } of inputs) {
    if (!report.shard) continue;
    if (report.shard.count !== count) {
      throw new InputError(
        "INPUT_INVALID",
        `${file} is shard ${shardText(report)} but another report is a shard of ${count}; give the reports of one job matrix.`
      );
    }
    const twice = byIndex.get(report.shard.index);
    if (twice !== void 0) {
      throw new InputError(
        "INPUT_INVALID",
        `${twice} and ${file} are both shard ${shardText(report)}; give each shard's report once.`
      );
    }
    byIndex.set(report.shard.index, file);
  }
}
function completeness(inputs, merged) {
  const count = inputs.find((i) => i.report.shard)?.report.shard?.count ?? 1;
  const have = new Set(inputs.map((i) => i.report.shard?.index ?? 1));
  const missingShards = [];
  for (let i = 1; i <= count; i++) if (!have.has(i)) missingShards.push(`${i}/${count}`);
  const order = inputs.find((i) => i.report.configModels)?.report.configModels;
  const missingModels = [];
  if (order) {
    const byName = new Map(merged.models.map((m) => [m.name, m]));
    const inOrder = order.map((n) => byName.get(n)).filter((m) => m !== void 0);
    const rest = merged.models.filter((m) => !order.includes(m.name));
    merged.models = [...inOrder, ...rest];
    missingModels.push(...order.filter((n) => !byName.has(n)));
  }
  merged.shard = { index: 1, count: 1 };
  if (missingShards.length || missingModels.length) {
    merged.incomplete = { missingShards, missingModels };
    if (merged.verdict !== "fail") merged.verdict = "incomplete";
  } else delete merged.incomplete;
}
function incompleteText(incomplete) {
  const { missingShards, missingModels } = incomplete;
  return [
    missingShards.length ? `no report from shard ${missingShards.join(", ")}` : "",
    missingModels.length ? `no result for ${missingModels.join(", ")}` : ""
  ].filter(Boolean).join("; ");
}

export {
  METRIC_KEYS,
  isInstructionMetric,
  isMetricKey,
  metricKind,
  metricPhase,
  isMinimumMetric,
  metricDescription,
  isDeterministicMetric,
  evaluateBudgets,
  worseVerdict,
  overallVerdict,
  startFootprint,
  endFootprint,
  modelsDigest,
  mergeReports,
  incompleteText
};
