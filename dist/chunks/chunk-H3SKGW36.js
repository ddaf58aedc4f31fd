import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  commentMarker,
  escapeMarkdown
} from "./chunk-YGIAIN6U.js";
import {
  isOneOf
} from "./chunk-JOXRTO3M.js";
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

// src/report/markdown/cells.ts
var STATUS_MARK = {
  pass: "\u2705 pass",
  warn: "\u26A0\uFE0F warn",
  fail: "\u274C fail",
  inconclusive: "\u2754 inconclusive"
};
var STATUS_ICON = { pass: "\u2705", warn: "\u26A0\uFE0F", fail: "\u274C", inconclusive: "\u2754" };
var SEVERITY = { pass: 0, inconclusive: 1, warn: 2, fail: 3 };
var STATUSES = ["pass", "warn", "fail", "inconclusive"];
var METRIC_LABEL = {
  "model-size": "Model size",
  parameters: "Parameters",
  flops: "FLOPs per call",
  "latency-p50": "Latency p50",
  "latency-p95": "Latency p95",
  "latency-p99": "Latency p99",
  "latency-mean": "Latency mean",
  throughput: "Throughput (samples/s)",
  "peak-memory": "Peak memory",
  "peak-gpu-memory": "Peak GPU memory",
  "energy-per-inference": "Energy per inference",
  "energy-per-sample": "Energy per sample",
  "energy-per-1000-inferences": "Energy per 1000 inferences",
  "energy-per-training-step": "Energy per training step",
  "energy-per-training-sample": "Energy per training sample",
  "training-step-time": "Training step time",
  "training-energy-total": "Training energy (projected)",
  "carbon-per-inference": "Carbon per inference",
  "carbon-per-1000-inferences": "Carbon per 1000 inferences",
  "training-carbon-total": "Training carbon (projected)",
  "instructions-per-inference": "Instructions per inference *(simulated)*",
  "instructions-per-step": "Instructions per training step *(simulated)*"
};
function num(value) {
  return typeof value === "number" && Number.isFinite(value) ? value : void 0;
}
function statusOf(value) {
  return isOneOf(STATUSES, value) ? value : "inconclusive";
}
function tableText(table, key) {
  return typeof key === "string" && Object.hasOwn(table, key) ? table[key] : void 0;
}
function metricName(metric) {
  if (typeof metric === "string" && metric.startsWith("regression."))
    return `${plainMetricName(metric.slice("regression.".length))} (regression)`;
  return plainMetricName(metric);
}
function plainMetricName(metric) {
  return typeof metric === "string" && Object.prototype.hasOwnProperty.call(METRIC_LABEL, metric) ? METRIC_LABEL[metric] : escapeMarkdown(metric, { maxLength: 80 });
}
function metricValue(metric, value) {
  const v = num(value);
  return v === void 0 ? "\u2014" : formatMetric(typeof metric === "string" ? metric : "", v);
}
function comparedChange(budgets) {
  const c = budgets.map((b) => comparedPair(b)?.change ?? num(b.change)).find((x) => x !== void 0);
  return c === void 0 ? void 0 : formatChange(c);
}
function limitValue(metric, value, relative) {
  const v = num(value);
  if (v === void 0 || typeof metric !== "string") return "\u2014";
  return formatLimit(metric, v, relative === false ? false : relative === true ? true : void 0);
}
function changeText(value, baseline) {
  const v = num(value);
  const b = num(baseline);
  if (v === void 0 || b === void 0) return "\u2014";
  if (b === 0) return v === 0 ? "\xB10%" : "new";
  return formatChange(v / b - 1);
}
function ciText(ci, format) {
  if (!Array.isArray(ci) || ci.length !== 2) return void 0;
  const lo = num(ci[0]);
  const hi = num(ci[1]);
  return lo === void 0 || hi === void 0 ? void 0 : `[${format(lo)}, ${format(hi)}]`;
}
function worst(statuses) {
  return statuses.reduce((w, s) => SEVERITY[s] > SEVERITY[w] ? s : w, "pass");
}
function modelStatus(m) {
  if (m.error) return "fail";
  return worst((Array.isArray(m.budgets) ? m.budgets : []).map((b) => statusOf(b?.status)));
}
function groupByMetric(budgets) {
  const rows = /* @__PURE__ */ new Map();
  for (const b of budgets) {
    if (!b || typeof b !== "object") continue;
    const key = typeof b.metric === "string" ? b.metric : String(b.metric);
    const row = rows.get(key) ?? { metric: key, budgets: [] };
    row.budgets.push(b);
    rows.set(key, row);
  }
  return [...rows.values()];
}
function notChecked(b) {
  return b.kind === "regression" && num(b.baseline) === void 0 && statusOf(b.status) === "pass" && b.unchanged !== true;
}
function comparedPair(b) {
  const c = b.compared;
  if (!c || typeof c !== "object") return void 0;
  const base = num("base" in c ? c.base : void 0);
  const head = num("head" in c ? c.head : void 0);
  if (base === void 0 || head === void 0 || base <= 0 || head <= 0) return void 0;
  return { base, head, change: head / base - 1 };
}

// src/report/markdown/details.ts
function modelDetails(m) {
  const body = [];
  const budgets = Array.isArray(m.budgets) ? m.budgets : [];
  const own = /* @__PURE__ */ new Map();
  for (const b of budgets) {
    if (!comparedPair(b) || typeof b.metric !== "string" || own.has(b.metric)) continue;
    own.set(b.metric, { base: num(b.baseline), head: num(b.value) });
  }
  for (const r of Array.isArray(m.baseComparison) ? m.baseComparison : []) {
    if (!r || !comparedPair(r) || typeof r.metric !== "string" || own.has(r.metric)) continue;
    own.set(r.metric, { base: num(r.base), head: num(r.head) });
  }
  if (own.size) {
    body.push(
      "Base and head measured separately (the head\u2019s full benchmark; the base\u2019s own benchmark, or all its calls in the rounds pooled). Not paired, so their difference is not the change above; absolute limits are checked against the head\u2019s figure here:",
      "",
      "| Metric | Base, separate | Head, separate |",
      "|---|--:|--:|"
    );
    for (const [metric, v] of own)
      body.push(`| ${metricName(metric)} | ${metricValue(metric, v.base)} | ${metricValue(metric, v.head)} |`);
    body.push("");
  }
  const withCi = groupByMetric(budgets.filter((b) => ciText(b.changeCi95, formatChange) !== void 0));
  if (withCi.length) {
    body.push("| Metric | Change | 95% interval of the change | Status |", "|---|--:|---|---|");
    for (const row of withCi) {
      const b = row.budgets.find((x) => x.kind === "regression") ?? row.budgets[0];
      const status = worst(row.budgets.map((x) => statusOf(x.status)));
      body.push(
        `| ${metricName(row.metric)} | ${comparedChange([b]) ?? changeText(b.value, b.baseline)} | ${ciText(b.changeCi95, formatChange)} | ${STATUS_MARK[status]} |`
      );
    }
    body.push("");
  }
  const inf = m.inference;
  if (inf && typeof inf === "object") {
    const l = inf.latencyMs ?? {};
    const ms = (x) => num(x) === void 0 ? "\u2014" : `${sig3(num(x))} ms`;
    body.push(
      `Inference: batch ${num(inf.batchSize) ?? "\u2014"}, ${num(inf.runs) ?? "\u2014"} timed runs after ${num(inf.warmup) ?? "\u2014"} warm-up, ${num(inf.threads) ?? "\u2014"} thread(s). Latency p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, p99 ${ms(l.p99)}, mean ${ms(l.mean)}${num(inf.relativeCi95) !== void 0 ? ` (mean \xB1${sig3(num(inf.relativeCi95) * 100)}% at 95%)` : ""}; ${num(inf.throughput) !== void 0 ? `${sig3(num(inf.throughput))} samples/s` : "throughput \u2014"}.`,
      ""
    );
    const e = inf.energy;
    if (e && typeof e === "object") {
      const jpi = num(e.joulesPerInference);
      const ci = ciText(e.ci95, (x) => formatValue(x, "joules"));
      body.push(
        `Energy per inference: ${jpi === void 0 ? "\u2014" : formatValue(jpi, "joules")}${ci ? `, 95% interval ${ci}` : ""}${num(e.attributableJoulesPerInference) !== void 0 ? `, above idle ${formatValue(num(e.attributableJoulesPerInference), "joules")}` : ""}${e.estimated !== false || e.method === "estimate" ? " (estimated)" : ""}.`,
        ""
      );
      if (e.carbon && typeof e.carbon === "object") body.push(escapeMarkdown(carbonSourceText(e.carbon), { maxLength: 600 }), "");
      const notes = (Array.isArray(e.notes) ? e.notes : []).filter(
        (n) => !(typeof n === "string" && n.startsWith("Power model:"))
      );
      for (const note of notes) body.push(`- ${escapeMarkdown(note, { maxLength: 500 })}`);
      if (notes.length) body.push("");
    }
  }
  const t = m.training;
  if (t && typeof t === "object") {
    const stepMs = num(t.stepMs?.mean);
    body.push(
      `Training: ${num(t.steps) ?? "\u2014"} steps of batch ${num(t.batchSize) ?? "\u2014"}, mean step ${stepMs === void 0 ? "\u2014" : `${sig3(stepMs)} ms`}, loss ${num(t.lossFirst) === void 0 ? "\u2014" : sig3(num(t.lossFirst))} \u2192 ${num(t.lossLast) === void 0 ? "\u2014" : sig3(num(t.lossLast))}.`,
      ""
    );
  }
  const notices = Array.isArray(m.notices) ? m.notices : [];
  if (notices.length) {
    body.push("Notices:", "");
    for (const n of notices) body.push(`- ${escapeMarkdown(n, { maxLength: 500 })}`);
    body.push("");
  }
  if (body.length === 0) return [];
  return [`<details><summary>Details: ${escapeMarkdown(m.name, { maxLength: 200 })}</summary>`, "", ...body, "</details>", ""];
}
function environmentDetails(report) {
  const env = report.environment ?? {};
  const rows = [
    ["CPU", env.cpu],
    ["Logical CPUs", num(env.logicalCpus)],
    ["OS", env.os],
    ["Node.js", env.node],
    ["onnxruntime", env.onnxruntime],
    ["Device", env.device],
    ["GPU", env.gpu]
  ];
  const lines = ["<details><summary>Environment</summary>", "", "| | |", "|---|---|"];
  for (const [k, v] of rows) if (v !== void 0 && v !== "") lines.push(`| ${k} | ${escapeMarkdown(v, { maxLength: 200 })} |`);
  const warnings = Array.isArray(report.baseline?.warnings) ? report.baseline.warnings : [];
  if (warnings.length) {
    lines.push("", "Baseline warnings:", "");
    for (const w of warnings) lines.push(`- ${escapeMarkdown(w, { maxLength: 500 })}`);
  }
  lines.push("", "</details>", "");
  return lines;
}

// src/report/markdown/energy.ts
function relativeInterval(ci, figure) {
  const f = num(figure);
  if (!Array.isArray(ci) || f === void 0 || f <= 0) return void 0;
  const lo = num(ci[0]);
  const hi = num(ci[1]);
  return lo === void 0 || hi === void 0 ? void 0 : `${formatChange(lo / f - 1)}/${formatChange(hi / f - 1)}`;
}
function isEstimate(e) {
  return e.estimated !== false || e.method === "estimate";
}
function energyExplanation(e) {
  const method = escapeMarkdown(e.method ?? "unknown", { maxLength: 40 });
  const description = typeof e.description === "string" ? e.description.replace(/^\s*ESTIMATE:\s*/i, "").replace(/^\s*Estimate \(not measured\):\s*/i, "").replace(/[.\s]+$/, "") : "";
  const basis = typeof e.ci95Basis === "string" ? e.ci95Basis : "";
  const comma = basis.indexOf(", ");
  const interval = comma > 0 ? basis.slice(0, comma) : relativeInterval(e.ci95, e.figure);
  const source = comma > 0 ? basis.slice(comma + 2).replace(/, combined with the run's own spread \(.*\)$/, "") : "";
  const what = isEstimate(e) ? `estimated with a power model (${method}), not measured${description ? ` \u2014 ${escapeMarkdown(description, { maxLength: 300 })}` : ""}` : `measured with ${method}${description ? ` \u2014 ${escapeMarkdown(description, { maxLength: 300 })}` : ""}`;
  const basisText = source ? escapeMarkdown(source, { maxLength: 300 }) : "";
  return {
    key: `${what}|${basisText}`,
    ...interval ? { interval: escapeMarkdown(interval, { maxLength: 40 }) } : {},
    what: basisText ? `${what}; 95% interval INTERVAL (${basisText})` : interval ? `${what}; 95% interval INTERVAL` : what
  };
}
function energyBlocks(m) {
  const out = [];
  const inf = m.inference?.energy;
  if (inf && typeof inf === "object") out.push(["Inference energy", { ...inf, figure: inf.joulesPerInference }]);
  const tr = m.training?.energy;
  if (tr && typeof tr === "object") out.push(["Training energy", { ...tr, figure: tr.joulesPerStep }]);
  return out;
}
function energyExplanations(models) {
  const groups = /* @__PURE__ */ new Map();
  for (const m of models) {
    if (m.error) continue;
    for (const [label, e] of energyBlocks(m)) {
      const x = energyExplanation(e);
      const key = `${label}|${x.key}`;
      const g = groups.get(key) ?? { label, what: x.what, intervals: /* @__PURE__ */ new Set(), models: [] };
      if (x.interval) g.intervals.add(x.interval);
      g.models.push(m);
      groups.set(key, g);
    }
  }
  const sentence = (g) => {
    const iv = [...g.intervals];
    const interval = iv.length === 0 ? "" : iv.length === 1 ? iv[0] : `${iv[0]} to ${iv[iv.length - 1]} by model`;
    return `${g.label}: ${g.what.replace("INTERVAL", interval)}.`;
  };
  const labels = new Set([...groups.values()].map((g) => g.label));
  if ([...labels].every((l) => [...groups.values()].filter((g) => g.label === l).length === 1)) {
    return { shared: [...groups.values()].map(sentence), perModel: /* @__PURE__ */ new Map() };
  }
  const perModel = /* @__PURE__ */ new Map();
  for (const g of groups.values()) for (const m of g.models) perModel.set(m, [...perModel.get(m) ?? [], sentence(g)]);
  return { shared: [], perModel };
}

// src/report/markdown/headline.ts
var HEADLINE_MAX = 10;
var HEADLINE_LABEL = (metric) => {
  const name = metricName(metric);
  return /^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
};
function excess(b) {
  const limit = num(b.limit);
  if (limit === void 0) return 0;
  const floor = b.metric === "throughput" || b.metric === "regression.throughput";
  if (b.kind === "regression") {
    const pair = comparedPair(b);
    const change = pair?.change ?? num(b.change) ?? (num(b.baseline) ? num(b.value) / num(b.baseline) - 1 : void 0);
    if (change === void 0 || !Number.isFinite(change)) return 0;
    const allowed = b.relative === false && num(b.baseline) ? limit / num(b.baseline) : limit;
    return floor ? -change - allowed : change - allowed;
  }
  const v = num(b.value);
  if (v === void 0 || limit === 0) return 0;
  return floor ? limit / v - 1 : v / limit - 1;
}
function headlineFigure(metric, b) {
  if (num(b.value) === void 0) return void 0;
  if (b.kind === "regression") {
    const change = comparedPair(b)?.change ?? num(b.change);
    const ci = ciText(b.changeCi95, formatChange);
    if (change !== void 0) return `${formatChange(change)}${ci ? ` ${ci}` : ""}`;
    const base = num(b.baseline);
    if (base !== void 0)
      return `${changeText(b.value, base)} (${metricValue(metric, base)} \u2192 ${metricValue(metric, b.value)})`;
  }
  return metricValue(metric, b.value);
}
function headlineItem(m, metric, bad) {
  const status = worst(bad.map((b) => statusOf(b.status)));
  const estimated = isEstimatedFigure(m, metric) ? " (estimated)" : "";
  const what = `${escapeMarkdown(m.name, { maxLength: 120 })}: ${HEADLINE_LABEL(metric)}${estimated}`;
  const unchecked = (b) => num(b.value) === void 0 || typeof b.message === "string" && b.message.startsWith("not checked");
  if (bad.every(unchecked)) {
    const msg = bad.find((b) => typeof b.message === "string" && b.message)?.message;
    return `${STATUS_ICON[status]} ${what} not checked${msg ? `: ${escapeMarkdown(msg.replace(/^not checked:\s*/, ""), { maxLength: 160 })}` : ""}`;
  }
  const ordered = [...bad].sort((a, b) => (a.kind === "regression" ? 0 : 1) - (b.kind === "regression" ? 0 : 1));
  const figures = [];
  for (const f of ordered.map((b) => headlineFigure(metric, b))) {
    if (f !== void 0 && !figures.some((x) => x.includes(f))) figures.push(f);
  }
  const budgets = ordered.map((b) => limitText(b));
  const tail = status === "inconclusive" ? " (inconclusive: the interval straddles the limit)" : "";
  return `${STATUS_ICON[status]} ${what} ${figures.join(", ")} \u2014 budget${budgets.length === 1 ? "" : "s"} ${budgets.join(", ")}${tail}`;
}
function headline(models) {
  const items = [];
  const passing = [];
  models.forEach((m, i) => {
    if (m.change === "removed") return;
    if (m.error) {
      items.push({
        severity: SEVERITY.fail + 1,
        excess: 0,
        order: i,
        text: `\u274C ${escapeMarkdown(m.name, { maxLength: 120 })}: could not be measured (${escapeMarkdown(m.error.code, { maxLength: 40 })})`
      });
      return;
    }
    const budgets = (Array.isArray(m.budgets) ? m.budgets : []).filter((b) => b && typeof b === "object");
    const bad = budgets.filter((b) => statusOf(b.status) !== "pass");
    if (bad.length === 0) {
      passing.push(`${escapeMarkdown(m.name, { maxLength: 120 })}${m.change === "new" ? " (new)" : ""}`);
      return;
    }
    for (const row of groupByMetric(bad)) {
      items.push({
        severity: Math.max(...row.budgets.map((b) => SEVERITY[statusOf(b.status)])),
        excess: Math.max(...row.budgets.map(excess)),
        order: i,
        text: headlineItem(m, row.metric, row.budgets)
      });
    }
  });
  items.sort((a, b) => b.severity - a.severity || b.excess - a.excess || a.order - b.order);
  const lines = items.slice(0, HEADLINE_MAX).map((x) => `- ${x.text}`);
  if (items.length > HEADLINE_MAX) lines.push(`- \u2026 and ${items.length - HEADLINE_MAX} more below`);
  if (passing.length) {
    const shown = passing.slice(0, 10).join(", ");
    const more = passing.length > 10 ? ` and ${passing.length - 10} more` : "";
    const all = items.length === 0 ? passing.length === 1 ? "" : "all " : "";
    lines.push(`- \u2705 ${all}${passing.length} model${passing.length === 1 ? "" : "s"} within budget: ${shown}${more}`);
  }
  return lines.length ? [...lines, ""] : [];
}

// src/report/markdown/savings.ts
function pctCell(pct) {
  const v = num(pct);
  return v === void 0 ? "\u2014" : formatChange(v / 100);
}
function measuredCell(pct, ci) {
  const v = num(pct);
  if (v === void 0) return "\u2014";
  const lo = Array.isArray(ci) ? num(ci[0]) : void 0;
  const hi = Array.isArray(ci) ? num(ci[1]) : void 0;
  if (lo === void 0 || hi === void 0) return `${formatChange(v / 100)} (no interval)`;
  const interval = `[${formatChange(lo / 100)}, ${formatChange(hi / 100)}]`;
  if (lo <= 0 && hi >= 0) return `no measurable change ${interval}`;
  return `${formatChange(v / 100)} ${lo > 0 ? "cost" : "saving"} ${interval}`;
}
function savingsTable(m) {
  const advice = Array.isArray(m.advice) ? m.advice : [];
  if (advice.length === 0) return [];
  const lines = [
    "**Possible savings** (each variant compared with the original on this runner in interleaved rounds of fresh sessions, same inputs, 95% intervals; an interval containing 0 is no measurable change; `energy-budget optimize` writes it):",
    "",
    "| Variant | Size | gzip | Energy per inference | Latency p50 | Top-1 agreement | Max abs error |",
    "|---|--:|--:|--:|--:|--:|--:|"
  ];
  for (const a of advice) {
    const label = escapeMarkdown(a.label, { maxLength: 80 });
    if (a.status !== "ok" || !a.deltas) {
      lines.push(
        `| ${label} | ${a.status === "failed" ? "failed" : "not applicable"}: ${escapeMarkdown(a.reason ?? "", { maxLength: 200 })} | | | | | |`
      );
      continue;
    }
    const est = a.figures?.energy?.estimated ? " *(estimated)*" : "";
    const top1 = num(a.fidelity?.top1Agreement);
    const err = num(a.fidelity?.maxAbsError);
    lines.push(
      `| ${label} | ${pctCell(a.deltas.sizePct)} | ${pctCell(a.deltas.gzipPct)} | ${measuredCell(a.deltas.energyPct, a.deltas.energyPctCi95)}${a.deltas.energyPct !== void 0 ? est : ""} | ${measuredCell(a.deltas.latencyP50Pct, a.deltas.latencyP50PctCi95)} | ${top1 === void 0 ? "\u2014" : `${sig3(top1 * 100)}%`} | ${err === void 0 ? "\u2014" : sig3(err)} |`
    );
  }
  const tuned = advice.filter((a) => a.status === "ok" && a.fineTune);
  if (tuned.length) lines.push("");
  for (const a of tuned) {
    const t = a.fineTune;
    const e = t.energy ? `, ${sig3(t.energy.joules)} J${t.energy.estimated ? " *(estimated)*" : ` (${escapeMarkdown(t.energy.method)})`}` : "";
    lines.push(
      `- ${escapeMarkdown(a.label, { maxLength: 80 })}: fine-tuning cost ${t.steps} steps, ${sig3(t.durationS)} s${e}, on ${escapeMarkdown(t.inputs, { maxLength: 120 })}; fidelity on ${escapeMarkdown(t.heldOut, { maxLength: 120 })}, not trained on.`
    );
  }
  lines.push("");
  return lines;
}

// src/report/markdown/model.ts
function budgetCell(b) {
  return notChecked(b) ? `${limitText(b)} \u2796 not checked` : `${limitText(b)} ${STATUS_ICON[statusOf(b.status)]}`;
}
function budgetTable(m) {
  const budgets = Array.isArray(m.budgets) ? m.budgets : [];
  const info = Array.isArray(m.baseComparison) ? m.baseComparison.filter((r) => r && typeof r === "object") : [];
  if (budgets.length === 0 && info.length === 0)
    return [
      m.error ? "Its budgets were not checked: there are no figures to check them against." : "No budgets are set for this model."
    ];
  const lines = ["| | Metric | Base | Head | Change | Budget |", "|:-:|---|--:|--:|--:|---|"];
  const notes = [];
  for (const row of groupByMetric(budgets)) {
    const status = worst(row.budgets.map((b) => statusOf(b.status)));
    const withBase = row.budgets.find((b) => num(b.baseline) !== void 0);
    const head = row.budgets.find((b) => num(b.value) !== void 0);
    const estimated = isEstimatedFigure(m, row.metric) ? " *(estimated)*" : "";
    const icon = row.budgets.every(notChecked) ? "\u2796" : STATUS_ICON[status];
    const pair = row.budgets.map(comparedPair).find((p) => p !== void 0);
    const baseCell = pair ? metricValue(row.metric, pair.base) : metricValue(row.metric, withBase?.baseline);
    const headCell = pair ? metricValue(row.metric, pair.head) : metricValue(row.metric, head?.value);
    const change = row.budgets.some((b) => b.unchanged === true) ? "unchanged (identical to base)" : pair ? formatChange(pair.change) : comparedChange(row.budgets) ?? changeText(head?.value, withBase?.baseline);
    lines.push(
      `| ${icon} | ${metricName(row.metric)}${estimated} | ${baseCell} | ${headCell} | ${change} | ${row.budgets.map(budgetCell).join("<br>")} |`
    );
    for (const b of row.budgets) {
      if (typeof b.message === "string" && b.message && (statusOf(b.status) !== "pass" || notChecked(b))) {
        notes.push(`- ${metricName(row.metric)}: ${escapeMarkdown(b.message, { maxLength: 300 })}`);
      }
    }
  }
  for (const r of info) {
    const metric = typeof r.metric === "string" ? r.metric : "";
    const estimated = isEstimatedFigure(m, metric) ? " *(estimated)*" : "";
    const pair = comparedPair(r);
    const change = pair ? formatChange(pair.change) : num(r.change) !== void 0 ? formatChange(num(r.change)) : changeText(r.head, r.base);
    const ci = ciText(r.changeCi95, formatChange);
    lines.push(
      `| \u2139\uFE0F | ${metricName(metric)}${estimated} | ${metricValue(metric, pair ? pair.base : r.base)} | ${metricValue(metric, pair ? pair.head : r.head)} | ${change}${ci ? ` ${ci}` : ""} | no gate (information) |`
    );
  }
  return notes.length ? [...lines, "", ...[...new Set(notes)]] : lines;
}
function modelHeading(m) {
  const status = modelStatus(m);
  const tag = m.change === "new" ? " (new)" : m.change === "removed" ? " (removed)" : "";
  return `### ${STATUS_ICON[status]} ${escapeMarkdown(m.name, { maxLength: 200 })}${tag}`;
}
function modelSection(m, energyNotes) {
  const lines = [modelHeading(m), ""];
  const facts = [`Path: ${escapeMarkdown(m.path, { maxLength: 300 })}`];
  const flops = m.error ? void 0 : num(m.flops);
  if (flops !== void 0) facts.push(`${formatValue(flops, "flops")} per call`);
  const size = m.error ? void 0 : num(m.size?.bytes);
  if (size !== void 0) facts.push(formatValue(size, "bytes"));
  lines.push(facts.join(" \xB7 "), "");
  if (m.change === "removed") {
    lines.push("This model is in the base but not in the head of this pull request.", "");
  } else if (m.change === "new") {
    lines.push("This model is new in this pull request: there is nothing to compare against.", "");
  }
  const same = m.identicalToBase;
  if (same && typeof same === "object") {
    lines.push(
      `Unchanged (identical to base): ${same.match === "graph-and-weights" ? "the same graph and weights (only metadata differs)" : "the same bytes"}, the same budget-file entry and runtime, so the base was not measured again.`,
      ""
    );
  }
  if (m.error) {
    lines.push(
      `**Could not be measured** (${escapeMarkdown(m.error.code, { maxLength: 40 })}): ${escapeMarkdown(m.error.message, { newlines: "br", maxLength: 1500 })}`,
      ""
    );
  }
  lines.push(...budgetTable(m), "");
  const unavailable = (label, reason) => typeof reason === "string" && reason ? `${label}: not available \u2014 ${escapeMarkdown(reason, { maxLength: 300 })}.` : void 0;
  const energy = [
    ...energyNotes,
    ...m.inference?.energy ? [] : [unavailable("Inference energy", m.inference?.energyUnavailable)],
    ...m.training?.energy ? [] : [unavailable("Training energy", m.training?.energyUnavailable)]
  ].filter((s) => s !== void 0);
  if (energy.length) lines.push(energy.join("<br>"), "");
  const counts = [
    instructionSentence("Inference", m.inference?.instructions),
    instructionSentence("Training step", m.training?.instructions)
  ].filter((s) => s !== void 0);
  if (counts.length) lines.push(counts.join("<br>"), "");
  lines.push(...savingsTable(m));
  return lines;
}
function instructionSentence(label, c) {
  const per = num(c?.perCall);
  if (!c || per === void 0) return void 0;
  const cycles = num(c.estimatedCycles);
  const tool = String(c.tool ?? "valgrind").replace(/[^A-Za-z0-9.-]/g, "").slice(0, 40) || "valgrind";
  return `${label}: ${Math.round(per).toLocaleString("en-US")} instructions per call, SIMULATED (${tool} callgrind, inside onnxruntime's run only, ${num(c.calls) ?? "?"} calls counted)` + (cycles !== void 0 ? `; about ${Math.round(cycles).toLocaleString("en-US")} cycles, an ESTIMATE from the simulated caches` : "") + ". The count tracks the work of the code (AVX2 kernels under Valgrind), not this CPU's speed or energy.";
}

// src/report/markdown/summary.ts
var CHANGE_TEXT = {
  loosened: "\u26A0\uFE0F loosened",
  removed: "\u26A0\uFE0F removed",
  tightened: "tightened",
  added: "added"
};
function budgetChanges(report) {
  const changes = Array.isArray(report.budgetChanges) ? report.budgetChanges : [];
  if (changes.length === 0) return [];
  const lines = [
    "### Budget changes in this pull request",
    "",
    "| Model | Metric | Change | Before | After |",
    "|---|---|---|--:|--:|"
  ];
  for (const c of changes) {
    lines.push(
      `| ${escapeMarkdown(c.model, { maxLength: 200 })} | ${metricName(c.metric)} | ${tableText(CHANGE_TEXT, c.change) ?? escapeMarkdown(c.change, { maxLength: 20 })} | ${limitValue(c.metric, c.before, c.relative)} | ${limitValue(c.metric, c.after, c.relative)} |`
    );
  }
  lines.push("");
  return lines;
}
function summaryLine(report, models) {
  const counts = { pass: 0, warn: 0, fail: 0, inconclusive: 0 };
  for (const m of models) for (const b of Array.isArray(m.budgets) ? m.budgets : []) counts[statusOf(b?.status)]++;
  const total = counts.pass + counts.warn + counts.fail + counts.inconclusive;
  const parts = ["fail", "warn", "inconclusive", "pass"].filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  const errors = models.filter((m) => m.error).length;
  const env = report.environment ?? {};
  const cpus = num(env.logicalCpus);
  const where = `${escapeMarkdown(env.cpu ?? "unknown CPU", { maxLength: 120 })}${cpus !== void 0 ? `, ${cpus} logical CPUs` : ""}${env.os ? `, ${escapeMarkdown(env.os, { maxLength: 80 })}` : ""}${env.gpu ? `, ${escapeMarkdown(env.gpu, { maxLength: 120 })}` : ""}`;
  const base = report.baseline;
  const against = base?.kind === "git" ? ` Compared with base ${escapeMarkdown(base.ref ?? "commit", { maxLength: 80 })}.` : base?.kind === "report" ? ` Compared with the report ${escapeMarkdown(base.file ?? "", { maxLength: 200 })}.` : base?.kind === "history" ? ` Compared with the history: up to ${num(base.runs) ?? "?"} earlier runs on ${escapeMarkdown(base.ref ?? "the default branch", { maxLength: 80 })} (\`baseline: history\`). This comparison crosses runs and machines; its intervals include the run-to-run spread measured in the history.` : " No baseline: figures are not compared.";
  return `${models.length} model${models.length === 1 ? "" : "s"}, ${total} budget${total === 1 ? "" : "s"} checked${parts.length ? `: ${parts.join(", ")}` : ""}${errors ? `; ${errors} model${errors === 1 ? "" : "s"} could not be measured` : ""}. Measured on ${where}.${against}${sourcesText(report, models)}`;
}
function sourcesText(report, models) {
  const rows = models.flatMap((m) => [
    ...Array.isArray(m.budgets) ? m.budgets : [],
    ...Array.isArray(m.baseComparison) ? m.baseComparison : []
  ]);
  const paired = rows.some((r) => r && comparedPair(r));
  const anyBase = rows.some((r) => r && (num(r.baseline) ?? num(r.base)) !== void 0);
  if (!anyBase) return "";
  const kind = report.baseline?.kind;
  if (paired)
    return " Where base and head were compared in alternating rounds (the rows with an interval), Base and Head are those rounds\u2019 central values, so they agree with Change; the separate measurements are in the details. Other rows show each version\u2019s own figure (size, parameters and FLOPs are exact).";
  if (kind === "git")
    return " Base and Head are separate measurements of each version in this job (no paired rounds ran), so a small change can be noise.";
  if (kind === "report")
    return " Base figures come from that earlier report (possibly another machine), Head from this run; a change without an interval is a point value.";
  if (kind === "history")
    return " Base is the history\u2019s central value (geometric mean since the last environment change), Head this run.";
  return "";
}
function newAndRemoved(models) {
  const added = models.filter((m) => m.change === "new").map((m) => escapeMarkdown(m.name, { maxLength: 200 }));
  const removed = models.filter((m) => m.change === "removed").map((m) => escapeMarkdown(m.name, { maxLength: 200 }));
  const lines = [];
  if (added.length) lines.push(`New models: ${added.join(", ")}.`);
  if (removed.length) lines.push(`Removed models: ${removed.join(", ")}.`);
  return lines.length ? [lines.join("<br>"), ""] : [];
}
function footprintText(report, powerModelExplained = false) {
  const f = report.footprint;
  if (!f || typeof f !== "object") return void 0;
  const wall = num(f.wallS);
  const cpu = num(f.cpuS);
  const energy = num(f.energyJ);
  if (wall === void 0 || cpu === void 0 || energy === void 0) return void 0;
  const shards = num(f.shards);
  return `This check's own footprint${shards !== void 0 ? `, summed over ${shards} shard${shards === 1 ? "" : "s"}` : ""}: ${sig3(wall)} s wall time, ${sig3(cpu)} s CPU time, ${formatValue(energy, "joules")} **estimated** ` + (powerModelExplained ? "(with the power model above: the machine\u2019s idle power for the wall time plus this run\u2019s share of the dynamic power, docs/energy.md)." : `(${escapeMarkdown(f.description ?? "power model", { maxLength: 400 })}).`);
}
function footprintLine(report, powerModelExplained) {
  const t = footprintText(report, powerModelExplained);
  return t ? [t, ""] : [];
}
function incompleteLines(report) {
  const inc = report.incomplete;
  if (!inc) return [];
  const out = [];
  if (inc.missingShards.length)
    out.push(
      `> **Incomplete:** no report from shard ${inc.missingShards.map((s) => `\`${escapeMarkdown(s, { maxLength: 20 })}\``).join(", ")}.`
    );
  if (inc.missingModels.length) {
    const names = inc.missingModels.map((n) => escapeMarkdown(n, { maxLength: 200 })).join(", ");
    out.push(`${out.length ? ">\n" : ""}> **No result** (budgets not checked): ${names}.`);
  }
  return [...out, ""];
}

// src/report/markdown.ts
var GITHUB_COMMENT_MAX_CHARS = 65536;
var VERDICT_TEXT = {
  pass: "\u2705 within budget",
  warn: "\u26A0\uFE0F within budget, with warnings",
  fail: "\u274C over budget",
  incomplete: "\u2754 incomplete (results missing)"
};
function provenanceLine(p) {
  const sha = (s) => s && /^[0-9a-f]{7,64}$/i.test(s) ? s.toLowerCase() : void 0;
  const link = (s) => p.repoUrl ? `[\`${s.slice(0, 7)}\`](${p.repoUrl}/commit/${s})` : `\`${s.slice(0, 7)}\``;
  const head = sha(p.headSha);
  const base = sha(p.baseSha);
  const parts = [head ? `Measured ${link(head)}` : "Measured an unknown commit"];
  if (base) parts[0] += ` against base ${link(base)}`;
  if (p.runUrl) parts.push(`[${escapeMarkdown(p.runLabel ?? "the run", { maxLength: 80 })}](${p.runUrl})`);
  return parts.join(" \xB7 ");
}
function render(report, opts, shape) {
  const all = Array.isArray(report.models) ? report.models.filter((m) => m && typeof m === "object") : [];
  const verdict = tableText(VERDICT_TEXT, report.verdict) ?? `\u2754 ${escapeMarkdown(report.verdict, { maxLength: 20 })}`;
  const lines = [];
  if (opts.marker !== void 0) lines.push(commentMarker(opts.marker));
  lines.push(`## ${escapeMarkdown(opts.title ?? "Energy budget", { maxLength: 100 })}: ${verdict}`, "");
  lines.push(...headline(all));
  if (opts.provenance) lines.push(provenanceLine(opts.provenance), "");
  lines.push(summaryLine(report, all), "");
  const energy = energyExplanations(all);
  if (energy.shared.length) lines.push(energy.shared.join("<br>"), "");
  if (shape.note) lines.push(`> ${shape.note}`, "");
  lines.push(...incompleteLines(report));
  lines.push(...newAndRemoved(all));
  lines.push(...budgetChanges(report));
  let shown = all;
  if (shape.modelLimit !== void 0) {
    shown = all.map((m, i) => ({ m, i })).sort((a, b) => SEVERITY[modelStatus(b.m)] - SEVERITY[modelStatus(a.m)] || a.i - b.i).slice(0, shape.modelLimit).sort((a, b) => a.i - b.i).map(({ m }) => m);
  }
  for (const m of shown) {
    lines.push(...modelSection(m, energy.perModel.get(m) ?? []));
    if (shape.details) lines.push(...modelDetails(m));
  }
  if (shown.length < all.length) {
    const hidden = all.length - shown.length;
    lines.push(`*${hidden} more model${hidden === 1 ? "" : "s"} not shown here (all within their budgets or less severe).*`, "");
  }
  const history = shape.details ? opts.history?.full : opts.history?.compact;
  if (history) lines.push(history);
  if (shape.details) lines.push(...environmentDetails(report));
  const explained = [...energy.shared, ...[...energy.perModel.values()].flat()].some(
    (x) => x.includes("with a power model (estimate)")
  );
  lines.push(...footprintLine(report, explained));
  lines.push("<sub>energy-budget \xB7 report schema 1</sub>", "");
  return lines.join("\n");
}
function renderMarkdown(report, opts = {}) {
  const maxChars = opts.maxChars ?? GITHUB_COMMENT_MAX_CHARS;
  const hint = opts.fullReportHint ?? "the full report is in the job summary and the JSON report";
  const full = render(report, opts, { details: !opts.compact });
  if (full.length <= maxChars) return full;
  const compact = render(report, opts, {
    details: false,
    note: `Details are left out to stay under GitHub's comment size limit; ${hint}.`
  });
  if (compact.length <= maxChars) return compact;
  const count = Array.isArray(report.models) ? report.models.length : 0;
  let lo = 0;
  let hi = count;
  const note = (n) => `Only ${n} of ${count} models are shown to stay under GitHub's comment size limit; ${hint}.`;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (render(report, opts, { details: false, modelLimit: mid, note: note(mid) }).length <= maxChars) lo = mid;
    else hi = mid - 1;
  }
  const truncated = render(report, opts, { details: false, modelLimit: lo, note: note(lo) });
  if (truncated.length <= maxChars) return truncated;
  const tail = "\n\n*\u2026cut to fit the size limit.*\n";
  const room = Math.max(0, maxChars - tail.length);
  const cut = truncated.slice(0, room);
  const atLine = cut.lastIndexOf("\n");
  return `${atLine > 0 ? cut.slice(0, atLine) : cut}${tail}`.slice(0, maxChars);
}

export {
  renderMarkdown
};
