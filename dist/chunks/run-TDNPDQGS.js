import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  GitBaseline,
  headCommit
} from "./chunk-4XZW7ZWZ.js";
import {
  environmentDifferences,
  loadBaselineReport
} from "./chunk-P3BSJ7OZ.js";
import {
  evaluateBudgets,
  isDeterministicMetric,
  overallVerdict,
  renderMarkdown
} from "./chunk-MT3BFTMD.js";
import {
  HISTORY_METRICS,
  MIN_HISTORY_RUNS,
  buildSeries,
  describeChange,
  environmentParts,
  geometricMean,
  historyComparison,
  isMeasuredMetric,
  lastSegment
} from "./chunk-BPKC3IMG.js";
import {
  adviseForModel,
  assertInsideWorkspace,
  compareWithBase,
  confinedReadFile,
  countSides,
  deserializeError,
  findValgrind,
  findWorkspaceRoot,
  installValgrind,
  loadConfig,
  measureModel,
  metricValues,
  ortVersion,
  parseConfig
} from "./chunk-T5NLT6PY.js";
import {
  require_dist
} from "./chunk-JQDTM3AS.js";
import {
  externalEntries,
  forEachTensor,
  isExternal
} from "./chunk-ZHNLE7DA.js";
import "./chunk-VJGMPWIK.js";
import {
  decodeModel
} from "./chunk-R3OHUB5T.js";
import {
  isMetricKey,
  isMinimumMetric,
  metricKind
} from "./chunk-BUK3XVSY.js";
import "./chunk-SR5KBDGD.js";
import "./chunk-PKNTQNRV.js";
import "./chunk-4K6K6CUH.js";
import "./chunk-5RXNPUPO.js";
import {
  writeFileAtomic
} from "./chunk-NC3O6ORB.js";
import {
  endFootprint,
  modelsDigest,
  startFootprint
} from "./chunk-GRFEZZG2.js";
import "./chunk-FH5OFG5U.js";
import {
  EnergyBudgetError,
  EnvironmentError,
  ExitCode,
  InputError,
  exitCodeOf
} from "./chunk-2JFKSI3H.js";
import {
  renderText,
  silentLogger
} from "./chunk-OTNGSBMW.js";
import {
  estimatedSuffix
} from "./chunk-NGLSY2C3.js";
import "./chunk-SQ5DARHL.js";
import {
  tryParseQuantity
} from "./chunk-MJFYPYIG.js";
import {
  __toESM
} from "./chunk-DSY7S6TO.js";

// src/config/files.ts
import { stat } from "node:fs/promises";
import { isAbsolute, relative } from "node:path";
function namedFiles(config, models) {
  const out = [];
  for (const model of models) {
    const index = config.models.indexOf(model);
    out.push({ model, index, path: model.path, field: "path", what: "the model file" });
    if (model.training?.stepModel)
      out.push({ model, index, path: model.training.stepModel, field: "training.step-model", what: "the training step-model" });
    for (const [name, spec] of Object.entries(model.inputs))
      if (spec.kind === "npy") out.push({ model, index, path: spec.file, field: `inputs.${name}.data`, what: "the .npy input" });
  }
  return out;
}
async function problem(path) {
  try {
    const s = await stat(path);
    return s.isFile() ? void 0 : "is not a file";
  } catch (error) {
    const code = error.code;
    return code === "ENOENT" || code === "ENOTDIR" ? "does not exist" : `cannot be read (${code ?? "error"})`;
  }
}
async function missingNamedFiles(config, models, workspaceRoot) {
  const out = /* @__PURE__ */ new Map();
  for (const f of namedFiles(config, models)) {
    if (out.has(f.model)) continue;
    const inside = relative(workspaceRoot, f.path);
    if (inside.startsWith("..") || isAbsolute(inside)) continue;
    const why = await problem(f.path);
    if (why === void 0) continue;
    const shown = relative(config.dir, f.path) || f.path;
    const at = `${config.file}${f.model.line !== void 0 ? `:${f.model.line}` : ""}: models[${f.index}].${f.field}`;
    out.set(
      f.model,
      new InputError(
        "MODEL_INVALID",
        `${at}: ${f.what} of "${f.model.name}", ${shown}, ${why}; expected the path of an existing file, relative to the budget file's folder (${config.dir}).`
      )
    );
  }
  return out;
}

// src/run.ts
import { readFile as readFile2 } from "node:fs/promises";
import { dirname as dirname2, relative as relative2, resolve as resolve2 } from "node:path";

// src/environment.ts
import os from "node:os";
function detectEnvironment(ortVersion2, device = "cpu") {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() || os.arch(),
    logicalCpus: typeof os.availableParallelism === "function" ? os.availableParallelism() : cpus.length,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    onnxruntime: ortVersion2,
    device
  };
}

// src/report/junit.ts
function escapeXml(text) {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}
function caseXml(model, b) {
  const name = `${b.kind === "regression" ? "regression " : ""}${b.metric}`;
  const detail = `${b.metric}: value ${b.value}${estimatedSuffix(model, b.metric)}${b.baseline !== null ? `, baseline ${b.baseline}` : ""}, limit ${b.limit}${b.kind === "regression" && b.relative ? " (relative)" : ""}${b.changeCi95 ? `, change 95% CI [${b.changeCi95[0]}, ${b.changeCi95[1]}]` : ""}${b.message ? ` \u2014 ${b.message}` : ""}` + (b.tighterThanSpread ? `; warning: the limit is tighter than the spread of its energy method (${b.tighterThanSpread.method}, \xB1${Number((b.tighterThanSpread.spread * 100).toPrecision(2))}% at 95%, ${b.tighterThanSpread.source})` : "");
  const open = `    <testcase classname="${escapeXml(`energy-budget.${model.name}`)}" name="${escapeXml(name)}">`;
  switch (b.status) {
    case "fail":
      return `${open}
      <failure message="${escapeXml(`budget exceeded: ${detail}`)}">${escapeXml(detail)}</failure>
    </testcase>`;
    case "inconclusive":
    case "warn":
      return `${open}
      <system-out>${escapeXml(`${b.status}: ${detail}`)}</system-out>
    </testcase>`;
    default:
      return b.tighterThanSpread ? `${open}
      <system-out>${escapeXml(`${b.status}: ${detail}`)}</system-out>
    </testcase>` : `${open}</testcase>`;
  }
}
function renderJunit(report) {
  const suites = report.models.map((m) => {
    const cases = m.budgets.map((b) => caseXml(m, b));
    if (m.error) {
      cases.push(
        `    <testcase classname="${escapeXml(`energy-budget.${m.name}`)}" name="measure">
      <error type="${escapeXml(m.error.code)}" message="${escapeXml(m.error.message)}"></error>
    </testcase>`
      );
    }
    const failures2 = m.budgets.filter((b) => b.status === "fail").length;
    return `  <testsuite name="${escapeXml(m.name)}" tests="${cases.length}" failures="${failures2}" errors="${m.error ? 1 : 0}">
${cases.join("\n")}${cases.length ? "\n" : ""}  </testsuite>`;
  });
  const total = report.models.reduce((n, m) => n + m.budgets.length + (m.error ? 1 : 0), 0);
  const failures = report.models.reduce((n, m) => n + m.budgets.filter((b) => b.status === "fail").length, 0);
  const errors = report.models.filter((m) => m.error).length;
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="energy-budget" tests="${total}" failures="${failures}" errors="${errors}">
${suites.join("\n")}
</testsuites>
`;
}

// src/baseline/identity.ts
var import_yaml = __toESM(require_dist(), 1);
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, stat as stat2 } from "node:fs/promises";
import { dirname, resolve } from "node:path";
var CANONICAL_MAX_BYTES = 512 * 1024 * 1024;
async function hashFile(hash, file) {
  let n = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk);
    n += chunk.length;
  }
  return n;
}
function externalLocations(proto) {
  const out = /* @__PURE__ */ new Set();
  forEachTensor(proto.graph, (t) => {
    if (isExternal(t)) {
      const loc = externalEntries(t).location;
      if (loc) out.add(loc);
    }
  });
  return [...out].sort();
}
var DROP_MODEL = /* @__PURE__ */ new Set(["producerName", "producerVersion", "docString", "modelVersion", "domain", "metadataProps"]);
var DROP_ANYWHERE = /* @__PURE__ */ new Set(["docString"]);
var DROP_GRAPH = /* @__PURE__ */ new Set(["name", "valueInfo"]);
var DROP_NODE = /* @__PURE__ */ new Set(["name"]);
function feed(hash, value, kind) {
  if (value instanceof Uint8Array) {
    hash.update(`b${value.length}:`);
    hash.update(value);
    return;
  }
  if (Array.isArray(value)) {
    hash.update(`a${value.length}[`);
    for (const v of value) feed(hash, v, kind);
    hash.update("]");
    return;
  }
  if (value && typeof value === "object") {
    const dropped = (k) => DROP_ANYWHERE.has(k) || kind === "model" && DROP_MODEL.has(k) || kind === "graph" && DROP_GRAPH.has(k) || kind === "node" && DROP_NODE.has(k);
    hash.update("{");
    for (const k of Object.keys(value).sort()) {
      const v = value[k];
      if (dropped(k) || v === void 0 || Array.isArray(v) && v.length === 0) continue;
      hash.update(`${JSON.stringify(k)}=`);
      feed(hash, v, k === "graph" || k === "g" || k === "graphs" ? "graph" : k === "node" ? "node" : "other");
      hash.update(";");
    }
    hash.update("}");
    return;
  }
  hash.update(`${typeof value}:${JSON.stringify(value)};`);
}
function canonicalDigest(proto, externalDigests) {
  const hash = createHash("sha256");
  hash.update("energy-budget canonical model v1\n");
  feed(hash, proto, "model");
  for (const [loc, digest] of externalDigests) hash.update(`
external ${JSON.stringify(loc)} ${digest}`);
  return hash.digest("hex");
}
async function digestModel(path, opts = {}) {
  const size = (await stat2(path)).size;
  const bytesHash = createHash("sha256");
  bytesHash.update("model\n");
  let proto = null;
  if (size <= (opts.canonicalMaxBytes ?? CANONICAL_MAX_BYTES)) {
    const bytes = await readFile(path);
    bytesHash.update(bytes);
    try {
      proto = decodeModel(bytes);
    } catch {
      proto = null;
    }
  } else {
    await hashFile(bytesHash, path);
  }
  let total = size;
  const externals = [];
  for (const loc of proto ? externalLocations(proto) : []) {
    const file = resolve(dirname(path), loc);
    const h = createHash("sha256");
    try {
      total += await hashFile(h, file);
    } catch {
      h.update("(missing)");
    }
    const d = h.digest("hex");
    externals.push([loc, d]);
    bytesHash.update(`
external ${JSON.stringify(loc)} ${d}`);
  }
  return {
    bytesSha256: bytesHash.digest("hex"),
    canonicalSha256: proto ? canonicalDigest(proto, externals) : null,
    sizeBytes: total
  };
}
var ENTRY_KEYS_IGNORED = /* @__PURE__ */ new Set(["budget", "advise", "compare"]);
function measurementEntry(budgetText, modelName) {
  let doc;
  try {
    doc = (0, import_yaml.parse)(budgetText);
  } catch {
    return void 0;
  }
  const models = doc?.models;
  if (!Array.isArray(models)) return void 0;
  const entry = models.find((m) => m && typeof m === "object" && m.name === modelName);
  if (!entry) return void 0;
  const kept = Object.fromEntries(Object.entries(entry).filter(([k]) => !ENTRY_KEYS_IGNORED.has(k)));
  const top = doc;
  return stableJson({ entry: kept, power: top.power ?? null, carbon: top.carbon ?? null });
}
function stableJson(v) {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
  if (v && typeof v === "object")
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stableJson(v[k])}`).join(",")}}`;
  return JSON.stringify(v ?? null);
}
function compareIdentity(base, head, runtime) {
  if (base.entry === void 0 || head.entry === void 0 || base.entry !== head.entry)
    return { identical: null, reason: "its budget-file entry changed" };
  const names = /* @__PURE__ */ new Set([...Object.keys(base.files), ...Object.keys(head.files)]);
  for (const n of names) {
    if ((base.files[n] ?? null) !== (head.files[n] ?? null)) return { identical: null, reason: `${n} changed` };
  }
  if (base.digest.bytesSha256 === head.digest.bytesSha256)
    return { identical: { match: "bytes", sha256: head.digest.bytesSha256, runtime, baseSizeBytes: base.digest.sizeBytes } };
  if (base.digest.canonicalSha256 !== null && base.digest.canonicalSha256 === head.digest.canonicalSha256)
    return {
      identical: {
        match: "graph-and-weights",
        sha256: head.digest.canonicalSha256,
        runtime,
        baseSizeBytes: base.digest.sizeBytes
      }
    };
  return { identical: null, reason: "the model changed" };
}
function sha256OrNull(bytes) {
  return bytes === null ? null : createHash("sha256").update(bytes).digest("hex");
}

// src/compare/budget-changes.ts
var import_yaml2 = __toESM(require_dist(), 1);
var LEVEL_ALIASES = { error: "error", fail: "error", warn: "warn", warning: "warn" };
var INCONCLUSIVE_ALIASES = {
  fail: "fail",
  error: "fail",
  warn: "warn",
  warning: "warn",
  pass: "pass",
  ignore: "pass"
};
var INCONCLUSIVE_RANK = { fail: 2, warn: 1, pass: 0 };
function isRecord(x) {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}
function readLimit(metric, raw, regression) {
  let level = "error";
  let valueRaw = raw;
  if (isRecord(raw)) {
    level = LEVEL_ALIASES[String(raw.level ?? "error").toLowerCase()] ?? "error";
    valueRaw = raw.limit;
  }
  if (typeof valueRaw !== "string" && typeof valueRaw !== "number") return void 0;
  const relative3 = regression && typeof valueRaw === "string" && valueRaw.trim().endsWith("%");
  const parsed = tryParseQuantity(valueRaw, relative3 ? "percent" : metricKind(metric));
  if (!parsed.ok) return void 0;
  return { metric, regression, value: parsed.value, relative: relative3, level };
}
function readBudgets(text) {
  let doc;
  try {
    doc = (0, import_yaml2.parse)(text);
  } catch {
    return null;
  }
  const models = /* @__PURE__ */ new Map();
  if (!isRecord(doc)) return { models };
  const inconclusive = typeof doc.inconclusive === "string" ? INCONCLUSIVE_ALIASES[doc.inconclusive.toLowerCase()] : void 0;
  for (const m of Array.isArray(doc.models) ? doc.models : []) {
    if (!isRecord(m) || typeof m.name !== "string" || models.has(m.name)) continue;
    const limits = /* @__PURE__ */ new Map();
    const budget = isRecord(m.budget) ? m.budget : {};
    for (const [key, raw] of Object.entries(budget)) {
      if (key === "regression" && isRecord(raw)) {
        for (const [rk, rraw] of Object.entries(raw)) {
          const l = isMetricKey(rk) ? readLimit(rk, rraw, true) : void 0;
          if (l) limits.set(`regression.${rk}`, l);
        }
      } else if (isMetricKey(key)) {
        const l = readLimit(key, raw, false);
        if (l) limits.set(key, l);
      }
    }
    models.set(m.name, limits);
  }
  return { models, ...inconclusive ? { inconclusive } : {} };
}
function removedLimit(model, key, before, note) {
  return {
    model,
    metric: key,
    change: "removed",
    before: before.value,
    ...before.regression ? { relative: before.relative } : {},
    ...note ? { note } : {}
  };
}
function compareLimits(model, key, before, after) {
  const out = [];
  if (before.relative !== after.relative) {
    out.push({
      model,
      metric: key,
      change: "removed",
      before: before.value,
      relative: before.relative,
      note: `replaced by a limit in ${after.relative ? "percent" : "units"}`
    });
    out.push({
      model,
      metric: key,
      change: "added",
      after: after.value,
      relative: after.relative,
      note: `replaces a limit in ${before.relative ? "percent" : "units"}`
    });
  } else if (before.value !== after.value) {
    const floor = !before.regression && isMinimumMetric(before.metric);
    const looser = floor ? after.value < before.value : after.value > before.value;
    out.push({
      model,
      metric: key,
      change: looser ? "loosened" : "tightened",
      before: before.value,
      after: after.value,
      ...before.regression ? { relative: before.relative } : {}
    });
  }
  if (before.level !== after.level) {
    out.push({
      model,
      metric: key,
      change: after.level === "warn" ? "loosened" : "tightened",
      before: before.value,
      after: after.value,
      ...before.regression ? { relative: before.relative } : {},
      note: `level ${before.level} \u2192 ${after.level}`
    });
  }
  return out;
}
function diffBudgetFiles(baseText, headText) {
  const base = readBudgets(baseText);
  const head = readBudgets(headText);
  if (!base || !head) return [];
  const changes = [];
  const bi = base.inconclusive ?? "warn";
  const hi = head.inconclusive ?? "warn";
  if (bi !== hi) {
    changes.push({
      model: "*",
      metric: "inconclusive",
      change: INCONCLUSIVE_RANK[hi] < INCONCLUSIVE_RANK[bi] ? "loosened" : "tightened",
      note: `an inconclusive comparison now counts as ${hi} (was ${bi})`
    });
  }
  for (const [model, after] of head.models) {
    const before = base.models.get(model);
    for (const [key, a] of after) {
      const b = before?.get(key);
      if (!b) {
        changes.push({
          model,
          metric: key,
          change: "added",
          after: a.value,
          ...a.regression ? { relative: a.relative } : {},
          ...before ? {} : { note: "new model" }
        });
      } else {
        changes.push(...compareLimits(model, key, b, a));
      }
    }
    for (const [key, b] of before ?? []) {
      if (!after.has(key)) changes.push(removedLimit(model, key, b));
    }
  }
  for (const [model, before] of base.models) {
    if (head.models.has(model)) continue;
    for (const [key, b] of before) {
      changes.push(removedLimit(model, key, b, "model removed from the budget file"));
    }
  }
  return changes;
}

// src/compare/spread.ts
var ENERGY_REGRESSION_METRICS = [
  "energy-per-inference",
  "energy-per-sample",
  "energy-per-1000-inferences",
  "energy-per-training-step",
  "energy-per-training-sample"
];
var DOCUMENTED_SPREAD = {
  estimate: {
    // CV 11.05% (10 runs: 665–962 µJ per inference) at load average 16 on 2 vCPUs: 1.96 × √2 × 0.1105.
    relative95: 0.31,
    source: "documented in docs/statistics.md: runs of 5,000 inferences on a shared 2-vCPU VM (npm run bench:meter); a runner with other load differs"
  }
};
function measuredSpread(comparison, method, baseline) {
  if (comparison?.roundSpread95 === void 0 || !Number.isFinite(comparison.roundSpread95) || !comparison.rounds)
    return void 0;
  return {
    relative95: comparison.roundSpread95,
    method,
    source: baseline === "git" ? `measured in this run: base against head over ${comparison.rounds} paired comparison rounds` : `measured over the ${comparison.rounds} runs of the history it was compared with`,
    kind: "run"
  };
}
function documentedSpread(method) {
  const d = DOCUMENTED_SPREAD[method];
  return d ? { ...d, method, kind: "documented" } : void 0;
}
function flagTightEnergyLimits(budgets, spreadOf) {
  const notices = [];
  for (const b of budgets) {
    if (b.kind !== "regression" || !b.relative || b.unchanged || !ENERGY_REGRESSION_METRICS.includes(b.metric))
      continue;
    const s = spreadOf(b.metric);
    if (!s || !(b.limit < s.relative95)) continue;
    b.tighterThanSpread = { spread: s.relative95, method: s.method, source: s.source };
    notices.push(
      `the regression limit ${b.metric} +${pct(b.limit)} is tighter than the spread of its energy method (${s.method}): two measurements of the same model differ by up to \xB1${pct(s.relative95)} (95%; ${s.source}). ` + (s.kind === "run" ? "The comparison averages its rounds, so it can still decide, but it needs more rounds and ends inconclusive more often; " : "A comparison with one figure on each side (a baseline report) can pass or fail on noise alone; ") + 'see docs/statistics.md, "Energy limits tighter than the spread"'
    );
  }
  return notices;
}
function pct(x) {
  return `${Number((x * 100).toPrecision(2))}%`;
}

// src/isolate/parent.ts
import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
var DEFAULT_MAX_OLD_SPACE_MB = 4096;
function defaultTimeoutS(inferenceMaxTimeS, env = {}) {
  const fromEnv = Number(env.ENERGY_BUDGET_MODEL_TIMEOUT_S);
  if (env.ENERGY_BUDGET_MODEL_TIMEOUT_S && Number.isFinite(fromEnv) && fromEnv > 0) return fromEnv;
  const cap = inferenceMaxTimeS !== void 0 && Number.isFinite(inferenceMaxTimeS) ? inferenceMaxTimeS : 10;
  return Math.max(600, 30 * cap);
}
function locateWorker(moduleUrl = import.meta.url) {
  for (const rel of ["./worker.js", "../worker.js"]) {
    try {
      const file = fileURLToPath(new URL(rel, moduleUrl));
      if (existsSync(file)) return file;
    } catch {
    }
  }
  return null;
}
var SECRET_NAME = /token|secret|password|passwd|credential|private[_-]?key|api[_-]?key/i;
function scrubEnv(env) {
  const out = {};
  for (const [k, v] of Object.entries(env)) if (v !== void 0 && !SECRET_NAME.test(k)) out[k] = v;
  return out;
}
var SIGNAL_MEANING = {
  SIGSEGV: "a segmentation fault",
  SIGBUS: "a bus error",
  SIGABRT: "an abort",
  SIGILL: "an illegal instruction",
  SIGFPE: "an arithmetic fault",
  SIGKILL: "SIGKILL (usually the kernel out-of-memory killer)"
};
var STDERR_TAIL_BYTES = 4e3;
function tailText(chunks) {
  const all = Buffer.concat(chunks).toString("utf8");
  const lines = all.split(/\r?\n/).filter(
    (l) => !/^\s*\d+: (0x[0-9a-f]+|file:|node:|\S+ \()/i.test(l) && !/^\s*-{3,}.*-{3,}\s*$/.test(l) && !/^\s*(#|Native stack|JavaScript stack)/.test(l)
  ).map((l) => l.trim()).filter(Boolean);
  return lines.join(" | ").slice(-600).replace(/[\u0000-\u001f\u007f]/g, "").trim();
}
function runIsolated(job, opts) {
  return new Promise((resolvePromise, rejectPromise) => {
    let child;
    try {
      child = fork(opts.workerPath, [], {
        execArgv: [`--max-old-space-size=${opts.maxOldSpaceMb ?? DEFAULT_MAX_OLD_SPACE_MB}`],
        env: scrubEnv(job.env),
        stdio: ["ignore", "pipe", "pipe", "ipc"],
        serialization: "advanced"
      });
    } catch (error) {
      rejectPromise(
        new EnvironmentError(`Could not start the measurement worker ${opts.workerPath}: ${error.message}`, {
          cause: error
        })
      );
      return;
    }
    const stderr = [];
    let stderrBytes = 0;
    const keep = (chunk) => {
      stderr.push(chunk);
      stderrBytes += chunk.length;
      while (stderrBytes > STDERR_TAIL_BYTES && stderr.length > 1) stderrBytes -= stderr.shift().length;
    };
    child.stderr?.on("data", keep);
    child.stdout?.on("data", keep);
    let settled = false;
    let timedOut = false;
    let answer;
    const killOnExit = () => child.kill("SIGKILL");
    process.once("exit", killOnExit);
    const start = opts.startTimer ?? ((ms, fire) => {
      const t = setTimeout(fire, ms);
      return () => clearTimeout(t);
    });
    const cancelTimer = start(Math.round(opts.timeoutS * 1e3), () => {
      if (settled || answer) return;
      timedOut = true;
      child.kill("SIGKILL");
    });
    const finish = (fn) => {
      if (settled) return;
      settled = true;
      cancelTimer();
      process.removeListener("exit", killOnExit);
      fn();
    };
    child.on("message", (raw) => {
      if (!raw || typeof raw !== "object") return;
      if (raw.type === "log") {
        const message = String(raw.message);
        if (raw.level === "warn") opts.logger.warn(message);
        else if (raw.level === "progress") opts.logger.progress(message);
        else opts.logger.info(message);
      } else if (raw.type === "result") {
        answer = { ok: true, value: raw.value, shown: Array.isArray(raw.shown) ? raw.shown : [] };
      } else if (raw.type === "error") {
        answer = { ok: false, error: deserializeError(raw.error) };
      }
    });
    child.on("error", (error) => {
      finish(
        () => rejectPromise(
          new EnvironmentError(`The measurement worker for ${opts.label} failed to run: ${error.message}`, { cause: error })
        )
      );
    });
    child.on("close", (code, signal) => {
      finish(() => {
        if (answer?.ok) return resolvePromise({ value: answer.value, shown: answer.shown });
        if (answer && !answer.ok) return rejectPromise(answer.error);
        const tail = tailText(stderr);
        const printed = tail ? ` Its last output was: "${tail}".` : "";
        if (timedOut) {
          return rejectPromise(
            new EnergyBudgetError(
              "MODEL_TIMEOUT",
              `Model ${opts.label}: the measurement did not finish within ${opts.timeoutS} s and was stopped (the ${job.kind} step was running in an isolated worker). A model that makes onnxruntime hang is treated as invalid input; the other models were measured. If the model is fine but slow, lower inference.max-time or iterations, or raise the limit with ENERGY_BUDGET_MODEL_TIMEOUT_S (seconds).${printed}`,
              2
            )
          );
        }
        const heap = /heap out of memory|Reached heap limit/i.test(tail);
        const how = heap ? `ran out of JavaScript heap memory (the worker is capped at ${opts.maxOldSpaceMb ?? DEFAULT_MAX_OLD_SPACE_MB} MiB)` : signal ? `was killed by ${SIGNAL_MEANING[signal] ?? signal}` : `exited with code ${code} without a result`;
        rejectPromise(
          new EnergyBudgetError(
            "MODEL_CRASHED",
            `Model ${opts.label}: the measurement process ${how} during the ${job.kind} step, so this model has no figures; the other models were measured. onnxruntime crashing on a model means the model is malformed or uses an operator configuration the runtime cannot handle: check it with onnx.checker.check_model and run it once in onnxruntime by hand. If it is valid and still crashes, please report it with the model.${printed}`,
            2
          )
        );
      });
    });
    child.send(job, (error) => {
      if (!error) return;
      child.kill("SIGKILL");
      finish(
        () => rejectPromise(
          new EnvironmentError(`Could not send the job to the measurement worker: ${error.message}`, { cause: error })
        )
      );
    });
  });
}

// src/isolate/engine.ts
function createModelRunner(ctx, opts) {
  const workerPath = opts.mode === "off" ? null : opts.workerPath ?? locateWorker();
  if (!workerPath) {
    ctx.logger.warn(
      opts.mode === "off" ? "Models are measured in this process (isolation turned off): a crash or hang inside onnxruntime would end the whole run." : "Models are measured in this process because no bundled worker (worker.js) was found beside the engine (running from TypeScript sources?): a crash or hang inside onnxruntime would end the whole run. Build with `npm run bundle` to isolate each model."
    );
    return {
      mode: "in-process",
      measure: (cfg, _i, path) => measureModel(cfg, path, ctx),
      compare: (cfg, _i, basePath, head) => compareWithBase(cfg, basePath, head, ctx),
      advise: (cfg, _i, head) => adviseForModel(cfg, head, ctx),
      count: (cfg, _i, headPath, basePath) => countSides(cfg, headPath, basePath, ctx)
    };
  }
  const shown = ctx.shown ??= /* @__PURE__ */ new Set();
  const env = scrubEnv(ctx.env);
  const run = async (kind, cfg, modelIndex, path, head, basePath) => {
    const job = {
      kind,
      configFile: ctx.config.file,
      modelIndex,
      modelName: cfg.name,
      path,
      ...head ? { head } : {},
      ...basePath !== void 0 ? { basePath } : {},
      env,
      sysfsRoot: ctx.sysfsRoot,
      ...ctx.procRoot ? { procRoot: ctx.procRoot } : {},
      advise: ctx.advise,
      workspaceRoot: opts.workspaceRoot,
      shown: [...shown]
    };
    const out = await runIsolated(job, {
      workerPath,
      timeoutS: opts.timeoutS ?? defaultTimeoutS(cfg.inference?.maxTimeS, ctx.env),
      maxOldSpaceMb: opts.maxOldSpaceMb,
      logger: ctx.logger,
      label: `"${cfg.name}" (${cfg.pathInConfig})`,
      startTimer: opts.startTimer
    });
    for (const n of out.shown) shown.add(n);
    return out.value;
  };
  return {
    mode: "process",
    measure: (cfg, i, path) => run("measure", cfg, i, path),
    compare: (cfg, i, basePath, head) => run("compare", cfg, i, basePath, head),
    advise: (cfg, i, head) => run("advise", cfg, i, cfg.path, head),
    count: (cfg, i, headPath, basePath) => run("count", cfg, i, headPath, void 0, basePath)
  };
}

// src/isolate/log-safety.ts
var CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
function neutralizeLogText(text) {
  return String(text).replace(/\r\n?/g, "\n").replace(CONTROL, "").split("\n").map((line) => line.replace(/^(\s*):(?=:)/, "$1:\u200B").replace(/##\[/g, "#\u200B#[")).join("\n");
}
function safeLogger(logger) {
  return {
    info: (m) => logger.info(neutralizeLogText(m)),
    warn: (m) => logger.warn(neutralizeLogText(m)),
    progress: (m) => logger.progress(neutralizeLogText(m))
  };
}

// src/history/baseline.ts
function historyBaselineFor(records, model, head, window) {
  const out = { metrics: {}, comparisons: {}, runs: 0, notes: [] };
  let found = false;
  for (const metric of HISTORY_METRICS) {
    const series = buildSeries(records, model, metric, window);
    if (!series.points.length) continue;
    found = true;
    if (!isMeasuredMetric(metric)) {
      out.metrics[metric] = series.points[series.points.length - 1].value;
      continue;
    }
    const seg = lastSegment(series).map((p) => p.value);
    out.runs = Math.max(out.runs, seg.length);
    if (seg.every((v) => v > 0)) out.metrics[metric] = geometricMean(seg);
    const h = head[metric];
    const cmp = h !== void 0 ? historyComparison(seg, h) : void 0;
    if (cmp) out.comparisons[metric] = cmp;
    else if (h !== void 0 && seg.length < MIN_HISTORY_RUNS)
      out.notes.push(
        `${metric}: only ${seg.length} run${seg.length === 1 ? "" : "s"} in the history since the last environment change (at least ${MIN_HISTORY_RUNS} give an interval); compared by point values`
      );
  }
  return found ? out : null;
}

// src/run.ts
function selectShard(items, shard) {
  if (!shard || shard.count === 1) return items;
  return items.filter((_, i) => i % shard.count === shard.index - 1);
}
function modelError(cfg, error) {
  const code = error instanceof EnergyBudgetError ? error.code : "INTERNAL";
  const message = error instanceof EnergyBudgetError ? error.message : `internal error while measuring: ${error instanceof Error ? error.message : String(error)}`;
  return {
    name: cfg.name,
    path: cfg.pathInConfig,
    size: { bytes: 0, parameters: 0, bytesByDtype: {}, sparsity: 0 },
    flops: 0,
    budgets: [],
    error: { code, message, exitCode: exitCodeOf(error) }
  };
}
function incompleteMetrics(m) {
  const ops = m.flopsUncounted?.ops ?? [];
  if (!ops.length) return {};
  return {
    flops: `the FLOPs count leaves out ${ops.join(", ")} (${ops.length === 1 ? "an op" : "ops"} whose cost could not be counted; see docs/flops.md), so a FLOPs limit cannot be enforced on this model`
  };
}
function batchMismatch(name, base, head) {
  const was = base.inference?.batchSize;
  const now = head.inference?.batchSize;
  if (typeof was !== "number" || typeof now !== "number" || was === now) return void 0;
  return `${name}: the baseline report measured batch ${was}, this run batch ${now}, so per-inference figures (latency, energy per inference, carbon per inference) differ by about the batch ratio whatever changed; compare per-sample metrics, or measure the baseline at the same dims`;
}
async function writeOut(file, text) {
  await writeFileAtomic(file, text);
  return file;
}
async function writeReports(report, cwd, paths) {
  const files = {};
  if (paths.json) files.json = await writeOut(resolve2(cwd, paths.json), `${JSON.stringify(report, null, 2)}
`);
  if (paths.markdown)
    files.markdown = await writeOut(resolve2(cwd, paths.markdown), renderMarkdown(report, { maxChars: 1e6 }));
  if (paths.junit) files.junit = await writeOut(resolve2(cwd, paths.junit), renderJunit(report));
  return files;
}
async function runEnergyBudget(options, deps = {}) {
  const logger = safeLogger(deps.logger ?? silentLogger);
  const env = deps.env ?? process.env;
  const procRoot = "/proc";
  const footprintStart = await startFootprint({ procRoot });
  const cwd = resolve2(options.cwd);
  const configFile = resolve2(cwd, options.configPath);
  const config = await loadConfig(configFile);
  const models = selectShard(config.models, options.shard);
  const environment = detectEnvironment(ortVersion());
  const workspaceRoot = findWorkspaceRoot(configFile, env);
  const missing = await missingNamedFiles(config, models, workspaceRoot);
  for (const error of missing.values()) logger.warn(error.message);
  const ctx = {
    config,
    logger,
    env,
    clockNs: deps.clockNs ?? (() => process.hrtime.bigint()),
    sysfsRoot: deps.sysfsRoot ?? env.ENERGY_BUDGET_SYSFS ?? "/sys",
    advise: options.advise === true,
    readFile: confinedReadFile(workspaceRoot),
    sleep: deps.sleep
  };
  const counted = models.filter((m) => m.measure === "instructions");
  if (counted.length) {
    const tool = await findValgrind(env).catch(async (error) => {
      if (!options.installValgrind || env.RUNNER_OS !== "Linux") throw error;
      logger.progress("Valgrind is not installed: installing it with `sudo apt-get install -y valgrind` (measure: instructions)");
      const seconds = await installValgrind(env);
      logger.progress(`Valgrind installed in ${seconds.toFixed(0)} s`);
      return findValgrind(env);
    });
    logger.progress(
      `note: ${counted.map((m) => m.name).join(", ")}: instructions are counted under ${tool.version} (callgrind), SIMULATED`
    );
  }
  const runner = createModelRunner(ctx, { ...deps.isolation, workspaceRoot });
  const report = {
    schemaVersion: 1,
    verdict: "pass",
    environment,
    models: [],
    config: relative2(cwd, configFile) || configFile,
    createdAt: (/* @__PURE__ */ new Date()).toISOString(),
    shard: options.shard ?? { index: 1, count: 1 },
    commit: env.GITHUB_SHA || await headCommit(dirname2(configFile), { env }),
    modelsDigest: modelsDigest(config.models.map((m) => ({ name: m.name, path: m.pathInConfig }))),
    configModels: config.models.map((m) => m.name)
  };
  let baselineByName = /* @__PURE__ */ new Map();
  if (options.baselinePath) {
    const file = resolve2(cwd, options.baselinePath);
    const base = await loadBaselineReport(file);
    baselineByName = new Map(base.models.map((m) => [m.name, m]));
    const warnings = environmentDifferences(base, report, config);
    warnings.forEach((w) => logger.warn(w));
    report.baseline = { kind: "report", file: options.baselinePath, warnings };
  }
  const history = options.historyBaseline;
  if (history) {
    const warnings = [];
    const newest = history.records[history.records.length - 1];
    if (!newest) warnings.push(`the history of ${history.branch} is empty, so nothing is compared`);
    else {
      const what = describeChange(environmentParts(newest.environment, void 0), environmentParts(environment, void 0));
      if (what)
        warnings.push(
          `this run's environment differs from the newest run in the history (${what}); the comparison crosses machines`
        );
    }
    warnings.forEach((w) => logger.warn(w));
    report.baseline = { kind: "history", ref: history.branch, runs: history.window, warnings };
  }
  let git;
  let baseConfig = null;
  let baseText = null;
  if (options.baseRef) {
    git = await GitBaseline.open(cwd, options.baseRef, { env, logger });
    report.baseline = { kind: "git", ref: options.baseRef, warnings: [] };
    baseText = await git.readText(configFile);
    if (baseText !== null) {
      try {
        baseConfig = parseConfig(baseText, configFile);
      } catch (error) {
        const issues = error.issues;
        const w = `the base's budget file (${options.baseRef}) is not valid${issues ? ` (${issues.length} problem${issues.length === 1 ? "" : "s"})` : ""}, so base models are read at the head's paths`;
        logger.warn(w);
        report.baseline.warnings.push(w);
      }
      report.budgetChanges = diffBudgetFiles(baseText, config.source);
    }
  }
  try {
    for (const [i, cfg] of models.entries()) {
      logger.progress(`[${i + 1}/${models.length}] ${cfg.name}: measuring ${cfg.pathInConfig}`);
      let head;
      const missingFile = missing.get(cfg);
      if (missingFile) {
        report.models.push(modelError(cfg, missingFile));
        continue;
      }
      try {
        await assertInsideWorkspace(cfg.path, workspaceRoot, `Model "${cfg.name}": its path`);
        if (cfg.training?.stepModel)
          await assertInsideWorkspace(cfg.training.stepModel, workspaceRoot, `Model "${cfg.name}": its training step-model`);
        head = await runner.measure(cfg, config.models.indexOf(cfg), cfg.path);
      } catch (error) {
        if (exitCodeOf(error) === 3 && !(error instanceof EnergyBudgetError))
          logger.warn(String(error?.stack ?? error));
        report.models.push(modelError(cfg, error));
        continue;
      }
      let comparisons = {};
      let baselineMetrics = null;
      let comparedBasePath;
      if (git) {
        const baseCfg = baseConfig?.models.find((m) => m.name === cfg.name) ?? cfg;
        const basePath = await git.materializeModel(baseCfg.path);
        const identity = basePath !== null && cfg.compare === "auto" && baseText !== null ? await identicalToBase(cfg, baseCfg, basePath, baseText, config.source, git, logger) : null;
        if (basePath === null) {
          head.change = "new";
        } else if (identity) {
          head.identicalToBase = identity;
          baselineMetrics = { "model-size": identity.baseSizeBytes, parameters: head.size.parameters, flops: head.flops };
        } else {
          try {
            const cmp = await runner.compare(cfg, config.models.indexOf(cfg), basePath, head);
            head.baseline = cmp.base;
            baselineMetrics = metricValues(cmp.base);
            comparisons = cmp.comparisons;
            comparedBasePath = basePath;
          } catch (error) {
            const w = `${cfg.name}: the base version could not be measured, so no regression check was made: ${error.message}`;
            logger.warn(w);
            (head.notices ??= []).push(w);
          }
        }
      } else if (history) {
        const hb = historyBaselineFor(history.records, cfg.name, metricValues(head), history.window);
        if (hb) {
          baselineMetrics = hb.metrics;
          comparisons = hb.comparisons;
          if (hb.notes.length) (head.notices ??= []).push(...hb.notes.map((n) => `history baseline: ${n}`));
        } else head.change = "new";
      } else if (baselineByName.size) {
        const base = baselineByName.get(cfg.name);
        if (base && !base.error) {
          const { budgets: _b, baseline: _bb, ...rest } = base;
          head.baseline = rest;
          baselineMetrics = metricValues(base);
          const batchWarning = batchMismatch(cfg.name, base, head);
          if (batchWarning) {
            logger.warn(batchWarning);
            (head.notices ??= []).push(batchWarning);
          }
        } else if (!base) head.change = "new";
      }
      if (cfg.measure === "instructions" && head.inference) {
        const base = comparedBasePath !== void 0 && head.baseline?.inference ? head.baseline : void 0;
        try {
          const counted2 = await runner.count(cfg, config.models.indexOf(cfg), cfg.path, base ? comparedBasePath : void 0);
          head.inference.instructions = counted2.head;
          if (base?.inference && counted2.base) {
            base.inference.instructions = counted2.base;
            baselineMetrics = metricValues(base);
          }
          if (counted2.notices.length) (head.notices ??= []).push(...counted2.notices);
        } catch (error) {
          report.models.push(modelError(cfg, error));
          continue;
        }
      }
      head.budgets = evaluateBudgets(cfg.budget, metricValues(head), baselineMetrics, comparisons, {
        inconclusive: config.inconclusive,
        incomplete: incompleteMetrics(head)
      });
      if (head.identicalToBase) head.budgets = markUnchanged(head.budgets, head.identicalToBase);
      else if (head.baseline && baselineMetrics) showBase(head, baselineMetrics, comparisons);
      for (const w of tightEnergyLimits(head, comparisons, git ? "git" : history ? "history" : void 0)) {
        logger.warn(`${cfg.name}: ${w}`);
        (head.notices ??= []).push(w);
      }
      if (options.advise || cfg.advise || head.budgets.some((b) => b.status === "fail")) {
        try {
          head.advice = await runner.advise(cfg, config.models.indexOf(cfg), head);
        } catch (error) {
          const w = `${cfg.name}: the optimisation advisor failed: ${error instanceof Error ? error.message : String(error)}`;
          logger.warn(w);
          (head.notices ??= []).push(w);
        }
      }
      report.models.push(head);
    }
    const headNames = new Set(config.models.map((m) => m.name));
    const removed = options.baseRef ? (baseConfig?.models ?? []).filter((m) => !headNames.has(m.name)).map((m) => m.name) : [...baselineByName.keys()].filter((n) => !headNames.has(n));
    for (const name of selectShard(removed, options.shard)) {
      report.models.push({
        name,
        path: "",
        change: "removed",
        size: { bytes: 0, parameters: 0, bytesByDtype: {}, sparsity: 0 },
        flops: 0,
        budgets: []
      });
    }
  } finally {
    await git?.close();
  }
  report.verdict = overallVerdict(report.models);
  try {
    report.footprint = await endFootprint(footprintStart, config.power, { procRoot });
  } catch (error) {
    logger.warn(`the check's own footprint could not be estimated: ${error.message}`);
  }
  const files = await writeReports(report, cwd, {
    json: options.jsonPath,
    markdown: options.markdownPath,
    junit: options.junitPath
  });
  logger.info(renderText(report));
  return { report, exitCode: reportExitCode(report), files };
}
function tightEnergyLimits(head, comparisons, baseline) {
  return flagTightEnergyLimits(head.budgets, (metric) => {
    const method = (metric.includes("training") ? head.training?.energy : head.inference?.energy)?.method;
    if (!method) return void 0;
    return (baseline ? measuredSpread(comparisons[metric], method, baseline) : void 0) ?? documentedSpread(method);
  });
}
var INFORMATION_METRICS = ["latency-p50", "energy-per-inference"];
function showBase(head, base, comparisons) {
  for (const b of head.budgets) {
    if (b.kind !== "absolute") continue;
    const value = base[b.metric];
    if (value === void 0 || !Number.isFinite(value)) continue;
    b.baseline = value;
    const c = comparisons[b.metric];
    if (c) {
      b.change = c.estimate;
      b.changeCi95 = c.changeCi95;
      if (c.centres) b.compared = c.centres;
    }
  }
  const headValues = metricValues(head);
  const rows = INFORMATION_METRICS.filter((m) => !head.budgets.some((b) => b.metric === m)).flatMap((m) => {
    const h = headValues[m];
    const v = base[m];
    if (h === void 0 || v === void 0 || !Number.isFinite(h) || !Number.isFinite(v)) return [];
    const c = comparisons[m];
    return [
      {
        metric: m,
        base: v,
        head: h,
        ...c ? { change: c.estimate, changeCi95: c.changeCi95, method: c.method } : {},
        ...c?.centres ? { compared: c.centres } : {}
      }
    ];
  });
  if (rows.length) head.baseComparison = rows;
}
var UNCHANGED_MATCH = {
  bytes: "the same bytes",
  "graph-and-weights": "the same graph and weights (only metadata such as the doc string differs)"
};
function markUnchanged(budgets, identity) {
  return budgets.map(
    (b) => b.kind === "regression" && !isDeterministicMetric(b.metric) && Number.isFinite(b.value) ? {
      ...b,
      status: "pass",
      unchanged: true,
      message: `unchanged (identical to base): ${UNCHANGED_MATCH[identity.match]}, the same budget-file entry and runtime (${identity.runtime}), so the base was not measured again (\`compare: always\` measures it)`
    } : b
  );
}
async function identicalToBase(cfg, baseCfg, basePath, baseText, headText, git, logger) {
  try {
    const named = [
      ...Object.values(cfg.inputs).flatMap((s) => s.kind === "npy" ? [s.file] : []),
      ...cfg.training?.stepModel ? [cfg.training.stepModel] : []
    ];
    const headFiles = {};
    const baseFiles = {};
    for (const f of named) {
      headFiles[f] = sha256OrNull(await readFile2(f).catch(() => null));
      baseFiles[f] = sha256OrNull(await git.read(f).catch(() => null));
    }
    const runtime = `onnxruntime-node ${ortVersion()}, ${cfg.device} execution provider`;
    const result = compareIdentity(
      { digest: await digestModel(basePath), entry: measurementEntry(baseText, baseCfg.name), files: baseFiles },
      { digest: await digestModel(cfg.path), entry: measurementEntry(headText, cfg.name), files: headFiles },
      runtime
    );
    if (result.identical) {
      logger.progress(`  ${cfg.name}: identical to the base (${result.identical.match}); the base is not measured again`);
      return result.identical;
    }
    logger.progress(`  ${cfg.name}: ${result.reason}; measuring the base`);
    return null;
  } catch (error) {
    logger.progress(
      `  ${cfg.name}: could not tell whether the model is identical to the base (${error.message}); measuring the base`
    );
    return null;
  }
}
function reportExitCode(report, options = {}) {
  const modelExit = report.models.reduce((worst, m) => {
    const code = m.error?.exitCode ?? (m.error ? ExitCode.INTERNAL : 0);
    return Math.max(worst, code);
  }, 0);
  if (report.verdict === "incomplete" && !options.allowIncomplete) return ExitCode.INTERNAL;
  return modelExit || (report.verdict === "fail" ? ExitCode.BUDGET_EXCEEDED : ExitCode.OK);
}
export {
  EnvironmentError,
  markUnchanged,
  reportExitCode,
  runEnergyBudget,
  selectShard,
  showBase,
  tightEnergyLimits,
  writeReports
};
