import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  isEstimatedFigure
} from "./chunk-NGLSY2C3.js";
import {
  carbonSourceText,
  formatChange,
  formatLimit,
  formatMetric,
  formatValue,
  limitText,
  sig3
} from "./chunk-TCAH6OGE.js";

// src/report/terminal.ts
function createConsoleLogger(out, err) {
  return {
    info: (m) => void out.write(`${m}
`),
    warn: (m) => void err.write(`warning: ${m}
`),
    progress: (m) => void err.write(`${m}
`)
  };
}
var silentLogger = { info: () => {
}, warn: () => {
}, progress: () => {
} };
var MARK = { pass: "pass", warn: "WARN", fail: "FAIL", inconclusive: "unsure" };
function pad(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows.map(
    (r) => r.map((cell, c) => c === r.length - 1 ? cell : cell.padEnd(widths[c])).join("  ").trimEnd()
  );
}
function budgetRow(m, b) {
  const metric = `${b.metric}${isEstimatedFigure(m, b.metric) ? " (estimated)" : ""}`;
  const limit = limitText(b);
  const change = b.change !== void 0 ? formatChange(b.change) : b.baseline !== null && b.baseline !== 0 ? formatChange(b.value / b.baseline - 1) : "";
  const ci = b.changeCi95 ? ` [${formatChange(b.changeCi95[0])}, ${formatChange(b.changeCi95[1])}]` : "";
  if (b.unchanged)
    return [
      b.metric,
      formatMetric(b.metric, b.value),
      "same",
      "unchanged (identical to base)",
      limit,
      MARK[b.status] ?? b.status
    ];
  if (b.kind === "regression" && b.baseline === null) {
    return [metric, formatMetric(b.metric, b.value), "none", "", limit, "not checked"];
  }
  return [
    metric,
    formatMetric(b.metric, b.value),
    b.baseline !== null ? formatMetric(b.metric, b.baseline) : "",
    change + ci,
    limit,
    MARK[b.status] ?? b.status
  ];
}
function instructionLines(label, c) {
  const n = (x) => Math.round(x).toLocaleString("en-US");
  return [
    `  ${label} (SIMULATED, ${c.tool} callgrind): ${n(c.perCall)} (${c.calls} calls, ${n(c.minPerCall)}\u2013${n(c.maxPerCall)})${c.estimatedCycles !== void 0 ? `; estimated cycles ${n(c.estimatedCycles)} (ESTIMATE)` : ""}; ${c.wallS.toFixed(1)} s under Valgrind`,
    `    ${c.description}`
  ];
}
function howObtained(estimated, method) {
  if (!estimated) return `measured, ${method}`;
  return method === "estimate" ? "ESTIMATE from a power model" : `partly ESTIMATED, ${method}`;
}
function shortBasis(basis) {
  const i = basis.indexOf(":");
  return i < 0 ? basis : basis.slice(0, i);
}
function renderModelText(m) {
  const lines = [];
  lines.push(`${m.name}  (${m.path})${m.change ? `  [${m.change}]` : ""}`);
  if (m.error) {
    lines.push(`  ERROR ${m.error.code}: ${m.error.message.replace(/\n/g, "\n  ")}`);
    return lines.join("\n");
  }
  const dtypes = Object.entries(m.size.bytesByDtype).map(([k, v]) => `${k} ${formatValue(v, "bytes")}`).join(", ");
  lines.push(
    `  size ${formatValue(m.size.bytes, "bytes")}, ${formatValue(m.size.parameters, "count")} parameters${dtypes ? ` (${dtypes})` : ""}, sparsity ${sig3(m.size.sparsity * 100)}%, ${formatValue(m.flops, "flops")} per call`
  );
  const inf = m.inference;
  if (inf) {
    lines.push(
      `  inference: batch ${inf.batchSize}, ${inf.runs} runs, ${inf.threads} thread${inf.threads === 1 ? "" : "s"}; latency p50 ${sig3(inf.latencyMs.p50)} ms, p95 ${sig3(inf.latencyMs.p95)} ms, p99 ${sig3(inf.latencyMs.p99)} ms, mean ${sig3(inf.latencyMs.mean)} ms${inf.relativeCi95 !== void 0 ? ` (\xB1${sig3(inf.relativeCi95 * 100)}%)` : ""}; ${sig3(inf.throughput)} samples/s${inf.peakMemoryBytes ? `; peak memory ${formatValue(inf.peakMemoryBytes, "bytes")}` : ""}${inf.peakGpuMemoryBytes !== void 0 ? `; peak GPU memory ${formatValue(inf.peakGpuMemoryBytes, "bytes")}` : ""}`
    );
    if (inf.energy) {
      const e = inf.energy;
      lines.push(
        // The interval is the per-inference figure's, so it follows that figure, not the per-sample one.
        `  energy (${howObtained(e.estimated, e.method)}): ${formatValue(e.joulesPerInference, "joules")} per inference${e.ci95 ? ` (95% interval ${formatValue(e.ci95[0], "joules")}\u2013${formatValue(e.ci95[1], "joules")}${e.ci95Basis ? `, ${shortBasis(e.ci95Basis)}` : ""})` : ""}, ${formatValue(e.joulesPerSample, "joules")} per sample${e.carbon ? `; ${formatValue(e.carbon.totalG, "grams")} per inference` : ""}`
      );
      if (e.description) lines.push(`    ${e.description}`);
      if (e.ci95Basis) lines.push(`    95% interval: ${e.ci95Basis}`);
      if (e.carbon) lines.push(`    ${carbonSourceText(e.carbon)}`);
    }
    if (inf.instructions) lines.push(...instructionLines("instructions per inference", inf.instructions));
  }
  const t = m.training;
  if (t) {
    lines.push(
      `  training: batch ${t.batchSize}, ${t.steps} steps${t.optimizer ? ` (${t.loss}, ${t.optimizer})` : ""}; step p50 ${sig3(t.stepMs.p50)} ms, mean ${sig3(t.stepMs.mean)} ms; loss ${sig3(t.lossFirst)} \u2192 ${sig3(t.lossLast)}${t.energy ? `; ${formatValue(t.energy.joulesPerStep, "joules")} per step (${howObtained(t.energy.estimated, t.energy.method)}${t.energy.ci95Basis ? `; ${shortBasis(t.energy.ci95Basis)}` : ""})` : ""}`
    );
    if (t.projection) {
      lines.push(
        `    full run (${t.projection.datasetSize} samples \xD7 ${t.projection.epochs} epochs): ${formatValue(t.projection.joules, "joules")} = ${sig3(t.projection.kWh)} kWh, ${formatValue(t.projection.gCO2e, "grams")}`
      );
    }
    if (t.instructions) lines.push(...instructionLines("instructions per training step", t.instructions));
  }
  if (m.budgets.length) {
    const rows = [["metric", "value", "base", "change", "budget", "status"], ...m.budgets.map((b) => budgetRow(m, b))];
    lines.push(...pad(rows).map((r) => `    ${r}`));
  }
  const advice = m.advice ?? [];
  if (advice.length) {
    lines.push(
      "  possible savings (each variant compared with the original in interleaved rounds on this runner, 95% intervals; `energy-budget optimize` writes it):"
    );
    for (const a of advice) lines.push(`    ${a.summary}`);
  }
  for (const n of m.notices ?? []) lines.push(`  note: ${n}`);
  return lines.join("\n");
}
function renderText(report) {
  const env = report.environment;
  const head = `energy-budget: ${report.verdict.toUpperCase()}  (${env.cpu}, ${env.logicalCpus} logical CPUs, ${env.os}, node ${env.node}, onnxruntime ${env.onnxruntime})`;
  const changes = (report.budgetChanges ?? []).map(
    (c) => `  budget ${c.change}: ${c.model} ${c.metric}${c.before !== void 0 ? ` ${formatLimit(c.metric, c.before, c.relative)}` : ""}${c.after !== void 0 ? ` \u2192 ${formatLimit(c.metric, c.after, c.relative)}` : ""}`
  );
  const missing = report.incomplete ? [
    ...report.incomplete.missingShards.length ? [`  INCOMPLETE: no report from shard ${report.incomplete.missingShards.join(", ")}`] : [],
    ...report.incomplete.missingModels.length ? [`  INCOMPLETE: no result for ${report.incomplete.missingModels.join(", ")} (these budgets were not checked)`] : []
  ] : [];
  return [
    head,
    ...missing,
    ...report.baseline?.kind === "report" ? [
      `  compared with the earlier report ${report.baseline.file ?? ""}: point values only, without a confidence interval, so run-to-run noise is not accounted for (--base-ref measures both sides interleaved)`
    ] : [],
    ...(report.baseline?.warnings ?? []).map((w) => `  warning: ${w}`),
    ...changes,
    "",
    ...report.models.map(renderModelText).flatMap((s) => [s, ""]),
    ...report.footprint ? [
      `this check${report.footprint.shards !== void 0 ? ` (${report.footprint.shards} shards)` : ""}: ${sig3(report.footprint.wallS)} s wall, ${sig3(report.footprint.cpuS)} s CPU, ${formatValue(report.footprint.energyJ, "joules")} ESTIMATED (${report.footprint.description})`
    ] : []
  ].join("\n");
}

export {
  createConsoleLogger,
  silentLogger,
  renderModelText,
  renderText
};
