import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  GitCommandError,
  runGit
} from "./chunk-7PUZXWQ6.js";
import {
  chartsFor,
  historyPath,
  parseHistory,
  renderHistoryHtml,
  renderHistoryMarkdown
} from "./chunk-Y662B4NM.js";
import {
  lastSegment,
  toRecord
} from "./chunk-YGIAIN6U.js";
import {
  readReport
} from "./chunk-I3Q4Y4FT.js";
import {
  textOption
} from "./chunk-TK4EXLC7.js";
import "./chunk-JOXRTO3M.js";
import "./chunk-4IKFRKST.js";
import {
  writeFileAtomic
} from "./chunk-NC3O6ORB.js";
import {
  formatChange,
  formatMetric
} from "./chunk-TCAH6OGE.js";
import "./chunk-FN6VXYG4.js";
import {
  EnergyBudgetError,
  InputError,
  messageOf
} from "./chunk-TKWDDEDX.js";
import "./chunk-DSY7S6TO.js";

// src/history/command.ts
import path2 from "node:path";
import { parseArgs } from "node:util";

// src/history/local.ts
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
async function readHistoryFromGit(cwd, ref, file) {
  if (ref.startsWith("-") || /[\s:]/.test(ref))
    throw new InputError("ARGUMENT_INVALID", `--history-ref "${ref}" is not a git ref (e.g. origin/energy-budget-data).`);
  let text;
  try {
    text = (await runGit(["show", `${ref}:${file}`], cwd)).toString("utf8");
  } catch (error) {
    const tracking = `origin/${ref}`;
    if (error instanceof GitCommandError && !ref.includes("/") && await refExists(cwd, ref) === false) {
      try {
        return parseHistory((await runGit(["show", `${tracking}:${file}`], cwd)).toString("utf8"));
      } catch {
      }
    }
    if (error instanceof GitCommandError) {
      throw new InputError(
        "GIT_FAILED",
        `--history-ref ${ref}: cannot read ${file} there (${error.stderr.trim().split("\n")[0]}). Fetch the data branch first: git fetch origin energy-budget-data, then --history-ref origin/energy-budget-data.`,
        { cause: error }
      );
    }
    throw error;
  }
  return parseHistory(text);
}
async function refExists(cwd, ref) {
  try {
    await runGit(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], cwd);
    return true;
  } catch {
    return false;
  }
}
async function reportTime(file, createdAt) {
  const t = createdAt ? Date.parse(createdAt) : NaN;
  return Number.isFinite(t) ? t : (await stat(file)).mtimeMs;
}
async function readHistoryFromReports(paths, cwd) {
  const files = [];
  for (const p of paths) {
    const full = path.resolve(cwd, p);
    let info;
    try {
      info = await stat(full);
    } catch {
      throw new InputError(
        "INPUT_INVALID",
        `energy-budget history: ${p} does not exist. Give a folder of report JSONs or report files.`
      );
    }
    if (info.isDirectory()) {
      const names = (await readdir(full)).filter((n) => n.endsWith(".json")).sort();
      files.push(...names.map((n) => path.join(full, n)));
    } else files.push(full);
  }
  if (files.length === 0)
    throw new InputError(
      "INPUT_INVALID",
      `energy-budget history: no *.json report in ${paths.join(", ")}. Write them with energy-budget run --json.`
    );
  const entries = [];
  for (const file of files) {
    const report = await readReport(file, (p) => readFile(p, "utf8"));
    const record = toRecord(report, { sha: path.basename(file, ".json"), ref: "reports" });
    entries.push({ time: await reportTime(file, report.createdAt), record });
  }
  entries.sort((a, b) => a.time - b.time);
  return entries.map((e) => e.record);
}

// src/history/command.ts
var HISTORY_USAGE = `Usage:
  energy-budget history REPORT_DIR_OR_FILES... [options]
  energy-budget history --history-ref REF [--config FILE] [options]

  Shows the trend of every model over earlier runs, offline.

  REPORT_DIR_OR_FILES  a folder of report JSONs (energy-budget run --json), or the files
  --history-ref REF    read the history branch of this clone instead, e.g.
                       origin/energy-budget-data (git fetch origin energy-budget-data first)
  --config FILE        the budget file whose history is read (default: energy-budget.yml)
  --head REPORT.json   mark this report as the head point (e.g. a pull request's)
  --window N           runs charted (default 30)
  --html FILE          write a self-contained HTML report with SVG charts
  --markdown FILE      write the trend table and Mermaid charts as Markdown`;
var HistoryArgumentError = class extends EnergyBudgetError {
  constructor(message) {
    super("ARGUMENT_INVALID", `energy-budget history: ${message}
Run 'energy-budget history --help' for the usage.`, 2);
  }
};
function parseHistoryArgs(args) {
  return parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      "history-ref": { type: "string" },
      config: { type: "string" },
      head: { type: "string" },
      window: { type: "string" },
      html: { type: "string" },
      markdown: { type: "string" },
      help: { type: "boolean", short: "h" }
    }
  });
}
async function runHistoryCommand(args, io) {
  let parsed;
  try {
    parsed = parseHistoryArgs(args);
  } catch (error) {
    throw new HistoryArgumentError(messageOf(error).replace(/\. To specify.*$/s, "."));
  }
  const v = parsed.values;
  if (v.help) {
    io.stdout.write(`${HISTORY_USAGE}
`);
    return 0;
  }
  const ref = textOption(v["history-ref"]);
  if (ref !== void 0 && parsed.positionals.length)
    throw new HistoryArgumentError("give either --history-ref or report files, not both.");
  if (ref === void 0 && !parsed.positionals.length)
    throw new HistoryArgumentError("give a folder of report JSONs, report files, or --history-ref origin/energy-budget-data.");
  const windowText = textOption(v.window) ?? "30";
  const window = Number(windowText);
  if (!/^\d+$/.test(windowText) || window < 1)
    throw new HistoryArgumentError(`--window expects a whole number \u2265 1; got '${windowText}'.`);
  let records;
  let source;
  if (ref !== void 0) {
    const configKey = (textOption(v.config) ?? "energy-budget.yml").split(path2.sep).join("/");
    const file = historyPath(configKey);
    const parsedHistory = await readHistoryFromGit(io.cwd, ref, file);
    for (const s of parsedHistory.skipped) io.stdout.write(`warning: ${file} at ${ref}: ${s} (skipped)
`);
    records = parsedHistory.records;
    source = `The runs in ${file} at ${ref}.`;
  } else {
    records = await readHistoryFromReports(parsed.positionals, io.cwd);
    source = `${records.length} report${records.length === 1 ? "" : "s"} from ${parsed.positionals.join(", ")}, ordered by their createdAt.`;
  }
  let head;
  const headFile = textOption(v.head);
  if (headFile) head = await readReport(path2.resolve(io.cwd, headFile));
  const charts = chartsFor(records, head, window);
  io.stdout.write(`${renderTable(charts, records.length)}
`);
  const htmlFile = textOption(v.html);
  if (htmlFile) {
    const file = path2.resolve(io.cwd, htmlFile);
    await writeFileAtomic(file, renderHistoryHtml(charts, { source }));
    io.stdout.write(`Wrote ${file}
`);
  }
  const markdownFile = textOption(v.markdown);
  if (markdownFile) {
    const file = path2.resolve(io.cwd, markdownFile);
    await writeFileAtomic(
      file,
      renderHistoryMarkdown(charts, { branch: ref ?? "the reports", maxChartChars: 1e6 }) || "No history.\n"
    );
    io.stdout.write(`Wrote ${file}
`);
  }
  return 0;
}
function renderTable(charts, total) {
  const lines = [`${total} run${total === 1 ? "" : "s"} in the history.`];
  if (!charts.length) return `${lines[0]} No model has figures to chart.`;
  const rows = [["model", "metric", "runs", "first", "newest", "median (newest env.)", "head vs median", "breaks"]];
  for (const c of charts) {
    const pts = c.series.points;
    const seg = lastSegment(c.series);
    const med = seg.length ? [...seg.map((p) => p.value)].sort((a, b) => a - b)[Math.floor((seg.length - 1) / 2)] : void 0;
    const method = c.method ? c.method === "estimate" ? " (estimated)" : ` (${c.method})` : "";
    rows.push([
      c.model,
      `${c.title}${method}`,
      String(pts.length),
      pts.length ? formatMetric(c.metric, pts[0].value) : "\u2014",
      pts.length ? formatMetric(c.metric, pts[pts.length - 1].value) : "\u2014",
      c.trend ? formatMetric(c.metric, c.trend.median) : med !== void 0 ? formatMetric(c.metric, med) : "\u2014",
      c.trend ? formatChange(c.trend.change) : "\u2014",
      c.series.breaks.map((b) => `run ${b.index + 1}: ${b.what}`).join("; ") || "\u2014"
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows)
    lines.push(
      r.map((cell, i) => cell.padEnd(widths[i])).join("  ").trimEnd()
    );
  return lines.join("\n");
}
export {
  HISTORY_USAGE,
  runHistoryCommand
};
