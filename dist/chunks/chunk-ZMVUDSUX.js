import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-Z5TEINJL.js";

// src/baseline/report.ts
import { readFile as fsReadFile } from "node:fs/promises";
var SUPPORTED_SCHEMA_VERSION = 1;
function isRecord(x) {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}
function checkModel(m, at) {
  if (!isRecord(m)) return `${at}: expected an object`;
  if (typeof m.name !== "string" || m.name === "") return `${at}.name: expected the model's name (a string)`;
  if (m.error !== void 0 || m.change === "removed") return null;
  const num = (v, path, optional = false) => v === void 0 && optional ? null : typeof v === "number" && Number.isFinite(v) ? null : `${path}: expected a number, got ${v === void 0 ? "nothing" : JSON.stringify(v)}`;
  const problems = [];
  if (!isRecord(m.size)) problems.push(`${at}.size: expected { bytes, parameters }`);
  else problems.push(num(m.size.bytes, `${at}.size.bytes`), num(m.size.parameters, `${at}.size.parameters`));
  problems.push(num(m.flops, `${at}.flops`));
  if (m.inference !== void 0) {
    const inf = m.inference;
    if (!isRecord(inf) || !isRecord(inf.latencyMs)) problems.push(`${at}.inference.latencyMs: expected { p50, p95, p99, mean }`);
    else {
      for (const k of ["p50", "p95", "p99", "mean"]) problems.push(num(inf.latencyMs[k], `${at}.inference.latencyMs.${k}`));
      problems.push(num(inf.throughput, `${at}.inference.throughput`));
      if (inf.energy !== void 0) {
        if (!isRecord(inf.energy)) problems.push(`${at}.inference.energy: expected an object`);
        else
          problems.push(
            num(inf.energy.joulesPerInference, `${at}.inference.energy.joulesPerInference`),
            num(inf.energy.joulesPerSample, `${at}.inference.energy.joulesPerSample`)
          );
      }
    }
  }
  if (m.training !== void 0) {
    const t = m.training;
    if (!isRecord(t) || !isRecord(t.stepMs)) problems.push(`${at}.training.stepMs: expected { p50, mean }`);
    else problems.push(num(t.stepMs.mean, `${at}.training.stepMs.mean`));
  }
  return problems.find((p) => p !== null) ?? null;
}
async function loadBaselineReport(path, readFile = (p) => fsReadFile(p, "utf8"), givenAs = "--baseline") {
  const how = "Expected a report written by `energy-budget run --json FILE` (for example an artifact of the base branch's run).";
  let text;
  try {
    text = await readFile(path);
  } catch (error) {
    const code = error.code;
    const what = code === "ENOENT" ? "does not exist" : code === "EISDIR" ? "is a folder" : `cannot be read (${error.message})`;
    throw new InputError("INPUT_INVALID", `${givenAs} ${path}: the file ${what}. ${how}`, { cause: error });
  }
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new InputError("INPUT_INVALID", `${givenAs} ${path}: not valid JSON (${error.message}). ${how}`, {
      cause: error
    });
  }
  const fail = (problem) => {
    throw new InputError("INPUT_INVALID", `${givenAs} ${path}: ${problem}. ${how}`);
  };
  if (!isRecord(doc)) return fail("expected a JSON object at the top level");
  if (doc.schemaVersion !== SUPPORTED_SCHEMA_VERSION) {
    fail(
      doc.schemaVersion === void 0 ? "schemaVersion is missing, so this is not an energy-budget report" : `schemaVersion ${JSON.stringify(doc.schemaVersion)} is not supported by this version (it reads ${SUPPORTED_SCHEMA_VERSION}); re-create the baseline with the same energy-budget version`
    );
  }
  if (!isRecord(doc.environment)) fail("environment: expected an object with cpu, logicalCpus, os, node, onnxruntime");
  if (!Array.isArray(doc.models)) fail("models: expected a list of models");
  const models = doc.models;
  const names = /* @__PURE__ */ new Set();
  models.forEach((m, i) => {
    const problem = checkModel(m, `models[${i}]`);
    if (problem) fail(problem);
    const name = m.name;
    if (names.has(name)) fail(`models[${i}].name: "${name}" appears twice`);
    names.add(name);
  });
  return doc;
}
function describeThreads(m) {
  return m?.inference?.threads;
}
function environmentDifferences(base, head, config) {
  const out = [];
  const a = base.environment ?? {};
  const b = head.environment;
  const differ = (label, x, y, consequence) => {
    if (x !== void 0 && y !== void 0 && x !== y)
      out.push(`the baseline was measured ${label} ${JSON.stringify(x)}, this run ${label} ${JSON.stringify(y)}: ${consequence}`);
  };
  const perf = "latency and energy are not comparable across them, so regression checks compare machines as much as models";
  differ("on CPU", a.cpu, b.cpu, perf);
  differ("with logical CPUs", a.logicalCpus, b.logicalCpus, perf);
  differ("on device", a.device, b.device, perf);
  differ("with onnxruntime", a.onnxruntime, b.onnxruntime, "kernels and threading differ between versions");
  differ("on OS", a.os, b.os, "scheduling and timers differ");
  const headByName = new Map((head.models ?? []).map((m) => [m.name, m]));
  const cfgByName = new Map((config?.models ?? []).map((m) => [m.name, m]));
  for (const bm of base.models ?? []) {
    const hm = headByName.get(bm.name);
    const cfg = cfgByName.get(bm.name);
    const bt = describeThreads(bm);
    const ht = describeThreads(hm) ?? cfg?.threads;
    if (bt !== void 0 && ht !== void 0 && bt !== ht) {
      out.push(
        `${bm.name}: the baseline ran with ${bt} thread${bt === 1 ? "" : "s"}, this run with ${ht}: latency and energy are not comparable`
      );
    }
    const bMethod = bm.inference?.energy?.method;
    const hMethod = hm?.inference?.energy?.method ?? (cfg && cfg.energy !== "auto" ? cfg.energy : void 0);
    if (bMethod !== void 0 && hMethod !== void 0 && bMethod !== hMethod) {
      out.push(
        `${bm.name}: the baseline's energy came from ${bMethod}, this run's from ${hMethod}: energy figures from different meters are not comparable`
      );
    }
  }
  return out;
}

export {
  SUPPORTED_SCHEMA_VERSION,
  loadBaselineReport,
  environmentDifferences
};
