import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-JQDTM3AS.js";
import {
  textOption
} from "./chunk-TK4EXLC7.js";
import {
  formatQuantity,
  parseQuantity
} from "./chunk-FN6VXYG4.js";
import {
  EnergyBudgetError,
  ExitCode,
  InputError,
  errnoCode,
  messageOf
} from "./chunk-TKWDDEDX.js";
import {
  __toESM
} from "./chunk-DSY7S6TO.js";

// src/init/init.ts
var import_yaml = __toESM(require_dist(), 1);
import { mkdtemp, open, readdir, rm, writeFile, mkdir } from "node:fs/promises";
import { parseArgs } from "node:util";
import os from "node:os";
import path from "node:path";

// src/init/workflow.ts
var REGRESSION_GATE = 0.05;
function renderWorkflow(configRel) {
  return `# Written by \`energy-budget init\`: checks ${configRel} on every pull request.
# The CLI comes from the project's devDependencies (npm ci); the base of the pull request is
# measured in the same job for the ${REGRESSION_GATE * 100}% regression gate.
name: energy-budget

on:
  pull_request:

permissions:
  contents: read

jobs:
  energy-budget:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # the base commit is measured from git
      - uses: actions/setup-node@v4
        with:
          node-version: 24
          cache: npm
      - run: npm ci
      - run: >-
          npx energy-budget run --config ${configRel}
          --base-ref "origin/\${{ github.base_ref }}"
          --junit energy-budget.xml --markdown energy-budget.md
      - if: always()
        run: cat energy-budget.md >> "$GITHUB_STEP_SUMMARY" || true
`;
}

// src/init/init.ts
var HEADROOM = {
  /** Deterministic figures: room for small edits before the budget needs a conscious raise. */
  "model-size": 1.1,
  parameters: 1.1,
  flops: 1.1,
  /** Timing-based figures vary between runs and runners: twice the measured value. */
  "energy-per-inference": 2,
  "latency-p95": 2
};
var SKIPPED_DIRS = /* @__PURE__ */ new Set(["node_modules", ".git"]);
var LFS_POINTER = "version https://git-lfs.github.com/spec/";
async function findModels(root) {
  const models = [];
  const skipped = [];
  const walk = async (dir) => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name)) await walk(abs);
        continue;
      }
      if (!e.isFile() || !e.name.toLowerCase().endsWith(".onnx")) continue;
      const rel = path.relative(root, abs).split(path.sep).join("/");
      const head = await readHead(abs, LFS_POINTER.length);
      if (head === null) skipped.push({ rel, why: "cannot be read" });
      else if (head.length === 0) skipped.push({ rel, why: "is empty" });
      else if (head.toString("latin1") === LFS_POINTER)
        skipped.push({ rel, why: "is a Git LFS pointer, not the model (run `git lfs pull` and init again)" });
      else models.push({ rel, abs });
    }
  };
  await walk(root);
  return { models, skipped };
}
async function readHead(file, n) {
  try {
    const fh = await open(file, "r");
    try {
      const buf = Buffer.alloc(n);
      const { bytesRead } = await fh.read(buf, 0, n, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch {
    return null;
  }
}
function modelNames(rels) {
  const base = rels.map((r) => path.posix.basename(r).replace(/\.onnx$/i, ""));
  return rels.map(
    (r, i) => base.filter((b) => b === base[i]).length > 1 ? r.replace(/\.onnx$/i, "").replace(/\//g, "-") : base[i]
  );
}
var KIND = {
  "model-size": "bytes",
  parameters: "count",
  flops: "flops",
  "energy-per-inference": "energy",
  "latency-p95": "time"
};
function limitText(value, factor, kind) {
  const target = value * factor;
  if (!(target > 0)) return formatQuantity(0, kind);
  const step = 10 ** (Math.floor(Math.log10(target)) - 2);
  const up = Math.ceil(target / step - 1e-9) * step;
  for (let digits = 3; digits <= 6; digits++) {
    const text = formatQuantity(up, kind, { digits });
    if (parseQuantity(text, kind) >= target * (1 - 1e-9)) return text;
  }
  return String(up);
}
function budgetsFor(m) {
  const measured = {
    "model-size": m.size.bytes,
    parameters: m.size.parameters,
    flops: m.flops,
    "energy-per-inference": m.inference?.energy?.joulesPerInference,
    // Latency is in milliseconds in the report; budgets take seconds or a unit.
    "latency-p95": m.inference ? m.inference.latencyMs.p95 / 1e3 : void 0
  };
  const lines = [];
  for (const key of Object.keys(HEADROOM).filter((k) => Object.hasOwn(HEADROOM, k))) {
    const v = measured[key];
    if (v === void 0 || !Number.isFinite(v) || v <= 0) continue;
    const kind = KIND[key];
    lines.push({
      key,
      level: key === "energy-per-inference" || key === "latency-p95" ? "warn" : "error",
      limit: limitText(v, HEADROOM[key], kind),
      measured: formatQuantity(v, kind),
      factor: HEADROOM[key]
    });
  }
  return lines;
}
function symbolicDims(m) {
  const dims = {};
  for (const input of m.inputs ?? []) for (const d of input.shape ?? []) if (typeof d === "string" && d !== "") dims[d] = 1;
  return dims;
}
var pct = (factor) => `+${Math.round((factor - 1) * 100)}%`;
function flowMap(dims) {
  const key = (k) => /^[A-Za-z_][\w.-]*$/.test(k) ? k : JSON.stringify(k);
  return `{ ${Object.entries(dims).map(([k, v]) => `${key(k)}: ${v}`).join(", ")} }`;
}
function renderBudgetFile(meta) {
  const env = meta.report.environment;
  const measured = meta.report.models.filter((m) => !m.error);
  const methods = [...new Set(measured.map((m) => m.inference?.energy?.method).filter(Boolean))];
  const estimated = measured.some((m) => m.inference?.energy?.estimated);
  const out = [
    `# yaml-language-server: $schema=${meta.schemaPath}`,
    `# Written by \`energy-budget init\` (energy-budget ${meta.version}) from one measurement of each model`,
    `# on ${env.cpu} (${env.logicalCpus} logical CPUs), ${env.os}, node ${env.node}, onnxruntime ${env.onnxruntime}.`,
    `# Budgets are the measured values plus headroom: ${pct(HEADROOM["model-size"])} for model size, parameters and FLOPs`,
    `# (they change only when the model does), ${pct(HEADROOM["latency-p95"])} for energy per inference and latency p95`,
    `# (timings vary between runs and machines). Those two only warn (\`level: warn\`) because they`,
    `# depend on the machine: once your CI runner's figures are known, write them as plain values to`,
    `# fail the check. The regression gate does fail it: energy per inference may grow at most`,
    `# ${REGRESSION_GATE * 100}% against the pull request's base, both measured in the same job, interleaved`,
    `# (\`energy-budget run --base-ref origin/main\`, or the GitHub Action).`
  ];
  if (methods.length)
    out.push(
      `# Energy was ${estimated ? "ESTIMATED from a power model (this machine has no energy counter), not measured" : "measured"} (method: ${methods.join(", ")}).`
    );
  out.push("# Reference of every key: docs/budget-file.md of the energy-budget package.");
  for (const s of meta.skipped) out.push(`# Skipped ${s.rel}: it ${s.why}.`);
  for (const f of meta.failed) out.push(`# Left out ${f.rel}: it could not be measured: ${f.why.replace(/\s+/g, " ")}`);
  out.push("version: 1", "models:");
  measured.forEach((m, i) => {
    if (i > 0) out.push("");
    const item = { name: m.name, path: meta.paths.get(m.name) ?? m.path };
    const dims = symbolicDims(m);
    const entry = (0, import_yaml.stringify)([item], { lineWidth: 0 }).trimEnd().split("\n");
    out.push(...entry.map((l) => `  ${l}`));
    if (Object.keys(dims).length) {
      out.push(`    dims: ${flowMap(dims)}   # symbolic dimensions; FLOPs, energy and latency are for these`);
    }
    if (meta.iterations !== void 0)
      out.push(`    inference: { iterations: ${meta.iterations} }   # measured so by init; remove for auto`);
    const lines = budgetsFor(m);
    out.push("    budget:");
    const text = (l) => l.level === "warn" ? `${l.key}: { limit: ${l.limit}, level: warn }` : `${l.key}: ${l.limit}`;
    const width = Math.max(...lines.map((l) => text(l).length));
    for (const l of lines) out.push(`      ${text(l).padEnd(width)}   # measured ${l.measured}, ${pct(l.factor)}`);
    if (m.inference?.energy) {
      out.push("      regression:");
      out.push(`        energy-per-inference: ${REGRESSION_GATE * 100}%`);
    }
  });
  return `${out.join("\n")}
`;
}
var INIT_USAGE = `Usage: energy-budget init [--config FILE] [--workflow FILE] [--iterations N] [--force] [--dry-run]
  Finds the .onnx models under the current folder (not node_modules, .git or Git LFS pointers),
  measures each once and writes a commented budget file with the measured values plus headroom,
  and a GitHub workflow when there is none.
  --config FILE     the budget file to write (default: energy-budget.yml)
  --workflow FILE   the workflow to write (default: .github/workflows/energy-budget.yml)
  --iterations N    time N runs of each model instead of sampling until stable (auto), and
                    write that count into the budget file
  --force           overwrite those files when they exist
  --dry-run         print what would be written instead of writing`;
async function runInit(args, deps) {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        config: { type: "string" },
        workflow: { type: "string" },
        iterations: { type: "string" },
        force: { type: "boolean" },
        "dry-run": { type: "boolean" },
        help: { type: "boolean", short: "h" }
      }
    }));
  } catch (error) {
    throw new InputError(
      "INPUT_INVALID",
      `energy-budget init: ${messageOf(error).replace(/\. To specify.*$/s, ".")}
${INIT_USAGE}`
    );
  }
  if (values.help) {
    deps.stdout.write(`${INIT_USAGE}
`);
    return ExitCode.OK;
  }
  let iterations;
  if (values.iterations !== void 0) {
    iterations = Number(values.iterations);
    if (!Number.isInteger(iterations) || iterations < 1)
      throw new InputError(
        "INPUT_INVALID",
        `energy-budget init: --iterations expects a whole number of timed runs \u2265 1, e.g. --iterations 200; got '${String(values.iterations)}'.`
      );
  }
  const force = values.force === true;
  const dryRun = values["dry-run"] === true;
  const configFile = path.resolve(deps.cwd, textOption(values.config) || "energy-budget.yml");
  const workflowFile = path.resolve(deps.cwd, textOption(values.workflow) || ".github/workflows/energy-budget.yml");
  const show = (f) => path.relative(deps.cwd, f) || f;
  if (!dryRun && !force && await exists(configFile)) {
    throw new InputError(
      "INPUT_INVALID",
      `energy-budget init: ${show(configFile)} already exists and is left as it is. Pass --force to overwrite it, --dry-run to print the new one, or --config FILE to write another file.`
    );
  }
  const { models, skipped } = await findModels(deps.cwd);
  for (const s of skipped) deps.stderr.write(`note: skipped ${s.rel}: it ${s.why}.
`);
  if (!models.length) {
    throw new InputError(
      "INPUT_INVALID",
      `energy-budget init: found no .onnx model under ${deps.cwd} (node_modules and .git are not searched${skipped.length ? `; ${skipped.length} skipped, see the notes above` : ""}). Run it from the repository that holds your models.`
    );
  }
  const configDir = path.dirname(configFile);
  const names = modelNames(models.map((m) => m.rel));
  const paths = /* @__PURE__ */ new Map();
  models.forEach((m, i) => paths.set(names[i], path.relative(configDir, m.abs).split(path.sep).join("/")));
  const tmp = await mkdtemp(path.join(os.tmpdir(), "eb-init-"));
  let report;
  try {
    const probe = path.join(tmp, "energy-budget.yml");
    const yamlModels = models.map((m, i) => ({
      name: names[i],
      path: m.abs,
      ...iterations !== void 0 ? { inference: { iterations } } : {}
    }));
    await writeFile(probe, (0, import_yaml.stringify)({ version: 1, models: yamlModels }));
    deps.stderr.write(`energy-budget init: measuring ${models.length} model${models.length === 1 ? "" : "s"} once
`);
    report = await deps.measure(probe, deps.cwd);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  const failed = report.models.filter((m) => m.error).map((m) => ({ rel: models[names.indexOf(m.name)]?.rel ?? m.path, why: m.error.message }));
  for (const f of failed) deps.stderr.write(`note: left out ${f.rel}: it could not be measured: ${f.why}
`);
  if (failed.length === report.models.length) {
    throw new InputError(
      "MODEL_INVALID",
      `energy-budget init: none of the ${models.length} models could be measured (see the notes above); fix them or write the budget file by hand (docs/budget-file.md).`
    );
  }
  const schemaRel = path.relative(configDir, deps.schemaFile).split(path.sep).join("/");
  const text = renderBudgetFile({
    version: deps.version,
    schemaPath: schemaRel.startsWith(".") ? schemaRel : `./${schemaRel}`,
    report,
    paths,
    skipped,
    failed,
    iterations
  });
  const configRel = path.relative(deps.cwd, configFile).split(path.sep).join("/");
  const workflowExists = await exists(workflowFile);
  const writeWorkflow = !workflowExists || force;
  if (dryRun) {
    deps.stdout.write(`# --- ${show(configFile)} (dry run: not written)
${text}`);
    if (writeWorkflow) deps.stdout.write(`# --- ${show(workflowFile)} (dry run: not written)
${renderWorkflow(configRel)}`);
    else deps.stdout.write(`# ${show(workflowFile)} exists and would be left as it is.
`);
    return ExitCode.OK;
  }
  await writeNew(configFile, text, force);
  deps.stdout.write(`wrote ${show(configFile)} (${report.models.length - failed.length} models)
`);
  if (writeWorkflow) {
    await mkdir(path.dirname(workflowFile), { recursive: true });
    await writeNew(workflowFile, renderWorkflow(configRel), force);
    deps.stdout.write(`wrote ${show(workflowFile)}
`);
  } else {
    deps.stdout.write(`left ${show(workflowFile)} as it is (it exists; --force overwrites it)
`);
  }
  deps.stdout.write(`next: npx energy-budget run${configRel === "energy-budget.yml" ? "" : ` --config ${configRel}`}
`);
  return ExitCode.OK;
}
async function exists(file) {
  try {
    const fh = await open(file, "r");
    await fh.close();
    return true;
  } catch (error) {
    return errnoCode(error) !== "ENOENT";
  }
}
async function writeNew(file, text, force) {
  try {
    await writeFile(file, text, { flag: force ? "w" : "wx" });
  } catch (error) {
    const code = errnoCode(error);
    if (code === "EEXIST")
      throw new InputError(
        "INPUT_INVALID",
        `energy-budget init: ${file} appeared while measuring; left as it is (--force overwrites it).`
      );
    throw new EnergyBudgetError("ENVIRONMENT", `energy-budget init: cannot write ${file}: ${messageOf(error)}`, 3);
  }
}
export {
  HEADROOM,
  INIT_USAGE,
  REGRESSION_GATE,
  budgetsFor,
  findModels,
  limitText,
  modelNames,
  renderBudgetFile,
  renderWorkflow,
  runInit,
  symbolicDims
};
