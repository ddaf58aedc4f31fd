import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-Z5TEINJL.js";

// src/report/merge.ts
import { createHash } from "node:crypto";
var RANK = { pass: 0, warn: 1, incomplete: 2, fail: 3 };
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
    if (RANK[report.verdict] > RANK[merged.verdict]) merged.verdict = report.verdict;
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

export {
  modelsDigest,
  mergeReports
};
