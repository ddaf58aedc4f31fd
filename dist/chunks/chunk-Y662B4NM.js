import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  CHARTED_METRICS,
  buildSeries,
  escapeMarkdown,
  parseRecord,
  toRecord,
  trendPosition
} from "./chunk-YGIAIN6U.js";
import {
  formatChange,
  formatMetric
} from "./chunk-TCAH6OGE.js";
import {
  InputError,
  messageOf
} from "./chunk-TKWDDEDX.js";

// src/history/chart-data.ts
var METRIC_TITLE = {
  "model-size": "Model size",
  parameters: "Parameters",
  flops: "FLOPs per call",
  "latency-p50": "Latency p50",
  "latency-p95": "Latency p95",
  throughput: "Throughput",
  "energy-per-inference": "Energy per inference",
  "energy-per-training-step": "Energy per training step",
  "training-step-time": "Training step time"
};
var UNITS = {
  joules: [
    { label: "\xB5J", factor: 1e-6 },
    { label: "mJ", factor: 1e-3 },
    { label: "J", factor: 1 }
  ],
  seconds: [
    { label: "\xB5s", factor: 1e-6 },
    { label: "ms", factor: 1e-3 },
    { label: "s", factor: 1 }
  ],
  bytes: [
    { label: "B", factor: 1 },
    { label: "kB", factor: 1e3 },
    { label: "MB", factor: 1e6 },
    { label: "GB", factor: 1e9 }
  ],
  count: [
    { label: "", factor: 1 },
    { label: "k", factor: 1e3 },
    { label: "M", factor: 1e6 },
    { label: "G", factor: 1e9 }
  ]
};
function unitFamily(metric) {
  if (metric.startsWith("energy")) return "joules";
  if (metric.startsWith("latency") || metric === "training-step-time") return "seconds";
  if (metric === "model-size") return "bytes";
  return "count";
}
function displayUnit(metric, max) {
  const family = UNITS[unitFamily(metric)];
  let chosen = family[0];
  for (const u of family) if (max / u.factor >= 1) chosen = u;
  return chosen;
}
function chartsFor(records, head, window) {
  const headRecord = head ? toRecord(head, { sha: "head", ref: "head" }) : void 0;
  const names = headRecord ? headRecord.models.map((m) => m.name) : records[records.length - 1]?.models.map((m) => m.name) ?? [];
  const out = [];
  for (const model of names) {
    const hm = headRecord?.models.find((m) => m.name === model);
    for (const metric of CHARTED_METRICS) {
      const series = buildSeries(records, model, metric, window);
      const headValue = hm?.metrics[metric];
      if (series.points.length === 0 && headValue === void 0) continue;
      const limit = hm ? hm.limits[metric] : series.points[series.points.length - 1]?.limit;
      const values = [...series.points.map((p) => p.value), ...headValue !== void 0 ? [headValue] : []];
      const dataMax = Math.max(...values.map(Math.abs));
      const limitOffChart = limit !== void 0 && limit > 3 * dataMax;
      if (limit !== void 0 && !limitOffChart) values.push(limit);
      const method = metric === "energy-per-inference" ? hm?.energyMethod ?? series.method : metric === "energy-per-training-step" ? hm?.trainingEnergyMethod ?? series.method : void 0;
      out.push({
        model,
        metric,
        title: METRIC_TITLE[metric],
        series,
        ...headValue !== void 0 ? { head: headValue } : {},
        ...limit !== void 0 ? { limit } : {},
        ...limitOffChart ? { limitOffChart } : {},
        unit: displayUnit(metric, Math.max(...values.map(Math.abs))),
        ...method ? { method } : {},
        ...headValue !== void 0 && series.points.length ? { trend: trendPosition(series, headValue) } : {}
      });
    }
  }
  return out;
}
function drawnLimit(c) {
  return c.limitOffChart ? void 0 : c.limit;
}
function scaled(value, unit) {
  return Number((value / unit.factor).toPrecision(4));
}

// src/history/store.ts
function historyPath(configKey) {
  const parts = configKey.split("/").filter((p) => p !== "" && p !== ".");
  if (parts.length === 0 || parts.some((p) => p === ".."))
    throw new InputError(
      "INPUT_INVALID",
      `The budget file path "${configKey}" cannot name a history file: it must stay inside the workspace.`
    );
  return `history/${parts.join("/")}.jsonl`;
}
function parseHistory(text) {
  const records = [];
  const skipped = [];
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    let value;
    try {
      value = JSON.parse(line);
    } catch (error) {
      skipped.push(`line ${i + 1}: not JSON (${messageOf(error)})`);
      return;
    }
    const r = parseRecord(value);
    if ("error" in r) skipped.push(`line ${i + 1}: ${r.error}`);
    else records.push(r);
  });
  return { records, skipped };
}
function serializeHistory(records) {
  return records.map((r) => `${JSON.stringify(r)}
`).join("");
}
function appendRecord(records, record, limit) {
  const models = (r) => r.models.map((m) => m.name).join("\n");
  const kept = records.filter(
    (r) => !(r.sha === record.sha && (r.runId ?? "") === (record.runId ?? "") && models(r) === models(record))
  );
  kept.push(record);
  return kept.slice(Math.max(0, kept.length - Math.max(1, limit)));
}

// src/history/html.ts
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}
var W = 640;
var H = 280;
var PAD = { left: 64, right: 16, top: 28, bottom: 44 };
function ticks(max, count = 5) {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  const out = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  if (out[out.length - 1] < max) out.push(Number((out[out.length - 1] + step).toPrecision(12)));
  return out;
}
function svgChart(c) {
  const pts = c.series.points;
  const n = pts.length + (c.head !== void 0 ? 1 : 0);
  const limit = drawnLimit(c);
  const values = [...pts.map((p) => p.value), ...c.head !== void 0 ? [c.head] : [], ...limit !== void 0 ? [limit] : []];
  const yt = ticks(scaled(Math.max(...values), c.unit) * 1.05);
  const yMax = yt[yt.length - 1];
  const pw = W - PAD.left - PAD.right;
  const ph = H - PAD.top - PAD.bottom;
  const x = (i) => PAD.left + (n <= 1 ? pw / 2 : i / (n - 1) * pw);
  const y = (v) => PAD.top + ph - scaled(v, c.unit) / yMax * ph;
  const f = (v) => v.toFixed(1);
  const parts = [];
  const method = c.method ? c.method === "estimate" ? " (estimated)" : ` (measured, ${c.method})` : "";
  const off = c.limitOffChart && c.limit !== void 0 ? ` \xB7 limit ${formatMetric(c.metric, c.limit)}, above the chart` : "";
  parts.push(
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(`${c.model}: ${c.title}`)}" data-metric="${c.metric}" data-points="${pts.length}">`,
    `<text class="chart-title" x="${PAD.left}" y="18" font-size="14" font-weight="600">${escapeHtml(`${c.model} \xB7 ${c.title}${method}${off}`)}</text>`,
    `<rect class="plot-area" x="${PAD.left}" y="${PAD.top}" width="${pw}" height="${ph}" fill="#fafafa" stroke="#ccc"/>`
  );
  for (const t of yt) {
    const yy = PAD.top + ph - t / yMax * ph;
    parts.push(
      `<line x1="${PAD.left}" x2="${PAD.left + pw}" y1="${f(yy)}" y2="${f(yy)}" stroke="#e4e4e4"/>`,
      `<text class="axis-label y-tick" x="${PAD.left - 6}" y="${f(yy + 4)}" font-size="11" text-anchor="end">${t}</text>`
    );
  }
  const every = Math.max(1, Math.ceil(n / 12));
  for (let i = 0; i < n; i++) {
    if (i % every !== 0 && i !== n - 1) continue;
    const label = i === pts.length ? "PR" : String(i + 1);
    parts.push(
      `<text class="axis-label x-tick" x="${f(x(i))}" y="${PAD.top + ph + 16}" font-size="11" text-anchor="middle">${label}</text>`
    );
  }
  parts.push(
    `<text class="axis-label axis-title" x="${PAD.left + pw / 2}" y="${H - 6}" font-size="12" text-anchor="middle">default-branch run (oldest \u2192 newest)</text>`,
    `<text class="axis-label axis-title" x="14" y="${PAD.top + ph / 2}" font-size="12" text-anchor="middle" transform="rotate(-90 14 ${PAD.top + ph / 2})">${escapeHtml(c.unit.label || "count")}</text>`
  );
  parts.push('<g class="plot">');
  if (limit !== void 0) {
    parts.push(
      `<line class="limit" x1="${PAD.left}" x2="${PAD.left + pw}" y1="${f(y(limit))}" y2="${f(y(limit))}" stroke="#d1242f" stroke-width="1.5" stroke-dasharray="6 4"><title>budget limit ${escapeHtml(formatMetric(c.metric, limit))}</title></line>`
    );
  }
  const cuts = [0, ...c.series.breaks.map((b) => b.index), pts.length];
  for (let s = 0; s + 1 < cuts.length; s++) {
    const seg = pts.slice(cuts[s], cuts[s + 1]);
    if (!seg.length) continue;
    parts.push(
      `<polyline class="history" fill="none" stroke="#0969da" stroke-width="2" points="${seg.map((p) => `${f(x(p.index))},${f(y(p.value))}`).join(" ")}"/>`
    );
  }
  for (const p of pts)
    parts.push(
      `<circle class="run" cx="${f(x(p.index))}" cy="${f(y(p.value))}" r="2.5" fill="#0969da"><title>${escapeHtml(`run ${p.index + 1} \xB7 ${p.sha.slice(0, 12)} \xB7 ${formatMetric(c.metric, p.value)}`)}</title></circle>`
    );
  for (const b of c.series.breaks) {
    const xb = (x(b.index - 1) + x(b.index)) / 2;
    parts.push(
      `<line class="break" x1="${f(xb)}" x2="${f(xb)}" y1="${PAD.top}" y2="${PAD.top + ph}" stroke="#8250df" stroke-dasharray="2 3"><title>${escapeHtml(b.what)}</title></line>`
    );
  }
  if (c.head !== void 0) {
    parts.push(
      `<circle class="head" cx="${f(x(n - 1))}" cy="${f(y(c.head))}" r="6" fill="#bf8700" stroke="#000"><title>${escapeHtml(`this pull request \xB7 ${formatMetric(c.metric, c.head)}${c.trend ? ` \xB7 ${formatChange(c.trend.change)} against the median of the last ${c.trend.runs} runs` : ""}`)}</title></circle>`
    );
  }
  parts.push("</g>", "</svg>");
  return parts.join("\n");
}
function renderHistoryHtml(charts, opts) {
  const title = opts.title ?? "Energy budget history";
  const breaks = charts.flatMap((c) => c.series.breaks.map((b) => `${c.model} \xB7 ${c.title}: run ${b.index + 1}: ${b.what}`));
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    "<style>body{font-family:system-ui,sans-serif;margin:24px;color:#1f2328}svg{display:block;margin:16px 0}p,li{max-width:60em}</style>",
    "</head><body>",
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(opts.source)} Blue: one point per default-branch run; red dashes: the budget limit; the large point: the pull request's head; purple dots: the environment changed (CPU, onnxruntime, device or energy meter) and the line is broken there. Energy marked <em>estimated</em> comes from a power model, not a counter.</p>`,
    breaks.length ? `<ul class="breaks">${breaks.map((b) => `<li>${escapeHtml(b)}</li>`).join("")}</ul>` : "",
    charts.length ? charts.map(svgChart).join("\n") : "<p>No history yet.</p>",
    "</body></html>",
    ""
  ].join("\n");
}

// src/history/markdown.ts
function mermaidText(text, max = 80) {
  return text.replace(/[^\p{L}\p{N} _.,:()+\-/·%µ→]/gu, " ").replace(/\s+/g, " ").trim().slice(0, max) || "?";
}
function methodNote(c) {
  if (!c.method) return "";
  return c.method === "estimate" ? ", estimated" : `, measured (${c.method})`;
}
function mermaidChart(c) {
  const pts = c.series.points;
  const breakAt = new Set(c.series.breaks.map((b) => b.index));
  const labels = pts.map((p) => `${breakAt.has(p.index) ? "|" : ""}${p.index + 1}`);
  if (c.head !== void 0) labels.push("PR");
  const limit = drawnLimit(c);
  const all = [...pts.map((p) => p.value), ...c.head !== void 0 ? [c.head] : [], ...limit !== void 0 ? [limit] : []];
  const off = c.limitOffChart && c.limit !== void 0 ? `, limit ${scaled(c.limit, c.unit)} ${c.unit.label} above` : "";
  const top = scaled(Math.max(...all) * 1.1, c.unit) || 1;
  const palette = [
    ...pts.length ? ["#0969da"] : [],
    ...limit !== void 0 ? ["#d1242f"] : [],
    ...c.head !== void 0 ? ["#bf8700"] : []
  ];
  const lines = [
    "```mermaid",
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${palette.join(", ")}"}}}}%%`,
    "xychart-beta",
    `  title "${mermaidText(`${c.model} \xB7 ${c.title}${methodNote(c)}${off}`, 120)}"`,
    `  x-axis [${labels.map((l) => `"${l}"`).join(", ")}]`,
    `  y-axis "${mermaidText(c.unit.label || "count", 10)}" 0 --> ${top}`
  ];
  if (pts.length) lines.push(`  line [${pts.map((p) => scaled(p.value, c.unit)).join(", ")}]`);
  if (limit !== void 0) lines.push(`  line [${labels.map(() => scaled(limit, c.unit)).join(", ")}]`);
  if (c.head !== void 0)
    lines.push(`  bar [${labels.map((_, i) => i === labels.length - 1 ? scaled(c.head, c.unit) : 0).join(", ")}]`);
  lines.push("```");
  return lines.join("\n");
}
function trendTable(charts, branch) {
  const rows = charts.filter((c) => c.trend && c.head !== void 0);
  if (!rows.length) return [];
  const out = [
    `| Model | Metric | This pull request | Median on ${escapeMarkdown(branch, { maxLength: 60 })} | Against the trend |`,
    "|---|---|--:|--:|---|"
  ];
  for (const c of rows) {
    const t = c.trend;
    out.push(
      `| ${escapeMarkdown(c.model, { maxLength: 120 })} | ${c.title}${methodNote(c) ? ` *(${methodNote(c).slice(2)})*` : ""} | ${formatMetric(c.metric, c.head)} | ${formatMetric(c.metric, t.median)} | ${formatChange(t.change)} against the median of the last ${t.runs} run${t.runs === 1 ? "" : "s"} on ${escapeMarkdown(branch, { maxLength: 60 })} |`
    );
  }
  return [...out, ""];
}
function renderHistoryMarkdown(charts, opts) {
  const withHistory = charts.filter((c) => c.series.points.length > 0);
  if (!withHistory.length) return "";
  const runs = Math.max(...withHistory.map((c) => c.series.points.length));
  const lines = [
    `### Trend on ${escapeMarkdown(opts.branch, { maxLength: 60 })}`,
    "",
    `The last ${runs} run${runs === 1 ? "" : "s"} on ${escapeMarkdown(opts.branch, { maxLength: 60 })}, from the history branch. Runs on the default branch ran on other machines at other times, so this is context; the comparison with the base above is the verdict.`,
    "",
    ...trendTable(withHistory, opts.branch)
  ];
  const breaks = /* @__PURE__ */ new Map();
  for (const c of withHistory) for (const b of c.series.breaks) breaks.set(`${b.index + 1}`, b.what);
  if (breaks.size) {
    lines.push(
      `Environment changes (a \`|\` before the run number in the charts): ${[...breaks].map(([i, what]) => `run ${i}: ${escapeMarkdown(what, { maxLength: 300 })}`).join("; ")}.`,
      ""
    );
  }
  if (opts.charts !== false) {
    const max = opts.maxChartChars ?? 4e4;
    let used = 0;
    let left = 0;
    const blocks = [];
    for (const c of withHistory) {
      const block = mermaidChart(c);
      if (left || used + block.length > max) {
        left++;
        continue;
      }
      used += block.length;
      blocks.push(block, "");
    }
    if (blocks.length) {
      lines.push(
        "<details open><summary>Charts: the line is the history, the flat line the budget limit, the bar at <code>PR</code> this pull request</summary>",
        "",
        ...blocks,
        "</details>",
        ""
      );
    }
    if (left)
      lines.push(
        `*${left} more chart${left === 1 ? "" : "s"} left out to stay within the size limit; the HTML report has them all.*`,
        ""
      );
  }
  return lines.join("\n");
}

export {
  chartsFor,
  historyPath,
  parseHistory,
  serializeHistory,
  appendRecord,
  renderHistoryHtml,
  renderHistoryMarkdown
};
