import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-Z5TEINJL.js";

// src/report/merge.ts
var RANK = { pass: 0, warn: 1, fail: 2 };
function mergeReports(inputs) {
  if (inputs.length === 0) throw new InputError("INPUT_INVALID", "No report to merge: give at least one report JSON file.");
  const [first] = inputs;
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
  return merged;
}

export {
  mergeReports
};
