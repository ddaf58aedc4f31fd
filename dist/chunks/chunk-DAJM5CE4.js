import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  USER_HZ,
  estimateWindow,
  nodeFs,
  readCpuInfo,
  readCpuTimes,
  resolvePowerModel
} from "./chunk-UBP34PMO.js";
import {
  InputError
} from "./chunk-YURSVAJ6.js";

// src/report/merge.ts
import { createHash } from "node:crypto";

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

export {
  startFootprint,
  endFootprint,
  modelsDigest,
  mergeReports
};
