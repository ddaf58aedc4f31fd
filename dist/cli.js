import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  textOption
} from "./chunks/chunk-TK4EXLC7.js";
import {
  installCancellation
} from "./chunks/chunk-CXXWTDJL.js";
import {
  tryParseShard
} from "./chunks/chunk-UN4UVWZZ.js";
import {
  isJsonObject
} from "./chunks/chunk-4IKFRKST.js";
import {
  EnergyBudgetError,
  ExitCode,
  exitCodeOf,
  isUserFacing,
  messageOf
} from "./chunks/chunk-TKWDDEDX.js";
import "./chunks/chunk-DSY7S6TO.js";

// src/cli.ts
import { parseArgs } from "node:util";
var USAGE = `Usage:
  energy-budget init [--force] [--dry-run]
                                     find the .onnx models here, measure each once and write
                                     energy-budget.yml (measured values plus headroom) and a
                                     GitHub workflow; 'energy-budget init --help' for options
  energy-budget run [options]        benchmark the models in the budget file and check budgets
  energy-budget optimize MODEL ...   write an int8 / fp16 / pruned / structurally pruned or
                                     distilled variant of a model
  energy-budget merge REPORT.json... [--json FILE] [--markdown FILE] [--junit FILE]
                     [--allow-incomplete]
                                     combine the reports of a job matrix (--shard) into one;
                                     a missing shard or model makes the verdict incomplete
                                     (exit 3) unless --allow-incomplete
  energy-budget history REPORTS... | --history-ref REF [--html FILE] [--markdown FILE]
                                     the trend over earlier runs, offline (--help for more)
  energy-budget --help | --version

Options of run:
  --config FILE        the budget file (default: energy-budget.yml in the current folder)
  --json FILE          write the report as JSON
  --markdown FILE      write the report as Markdown
  --junit FILE         write the report as JUnit XML
  --base-ref GIT_REF   measure the base version of every model from git and compare
  --baseline FILE      compare against a report JSON written by an earlier run
  --shard I/N          run only the I-th of N shares of the models (for a job matrix)
  --advise             show measured savings from quantisation, fp16, pruning, structured
                       pruning and distillation (each fine-tuned a few seconds)

Exit codes: 0 budgets hold, 1 a budget is exceeded or a regression was detected,
2 invalid configuration, arguments or input, 3 internal or environment failure.`;
var MERGE_USAGE = `Usage: energy-budget merge REPORT.json... [--json FILE] [--markdown FILE] [--junit FILE]
                          [--allow-incomplete]

Combines the JSON reports of a job matrix (run --shard I/N) into one report, table and files.
Reports of different commits or budget files are refused (exit 2). When a shard's report or a
model's result is missing the verdict is incomplete and the exit code 3, unless
--allow-incomplete, which judges the results present (the missing ones are still named).
Exit codes otherwise as for run.`;
var ArgumentError = class extends EnergyBudgetError {
  constructor(message) {
    super("ARGUMENT_INVALID", `${message}
Run 'energy-budget --help' for the usage.`, 2);
  }
};
function parseShard(text) {
  const shard = tryParseShard(text);
  if (!shard) throw new ArgumentError(`--shard expects I/N with 1 \u2264 I \u2264 N, for example --shard 2/4; got '${text}'.`);
  return shard;
}
function parseRunArgs(args, cwd) {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        config: { type: "string" },
        json: { type: "string" },
        markdown: { type: "string" },
        junit: { type: "string" },
        "base-ref": { type: "string" },
        baseline: { type: "string" },
        shard: { type: "string" },
        advise: { type: "boolean" }
      }
    }));
  } catch (error) {
    throw new ArgumentError(`run: ${messageOf(error).replace(/\. To specify.*$/s, ".")}`);
  }
  if (values["base-ref"] !== void 0 && values.baseline !== void 0) {
    throw new ArgumentError("run: give either --base-ref or --baseline, not both.");
  }
  for (const key of ["config", "json", "markdown", "junit", "base-ref", "baseline"]) {
    if (values[key] === "") throw new ArgumentError(`run: --${key} needs a value.`);
  }
  return {
    cwd,
    configPath: textOption(values.config) ?? "energy-budget.yml",
    jsonPath: textOption(values.json),
    markdownPath: textOption(values.markdown),
    junitPath: textOption(values.junit),
    baseRef: textOption(values["base-ref"]),
    baselinePath: textOption(values.baseline),
    shard: typeof values.shard === "string" ? parseShard(values.shard) : void 0,
    advise: values.advise === true ? true : void 0
  };
}
function parseMergeArgs(args) {
  return parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      json: { type: "string" },
      markdown: { type: "string" },
      junit: { type: "string" },
      "allow-incomplete": { type: "boolean" }
    }
  });
}
async function runMerge(args, proc) {
  if (args.includes("--help") || args.includes("-h")) {
    proc.stdout.write(`${MERGE_USAGE}
`);
    return ExitCode.OK;
  }
  let parsed;
  try {
    parsed = parseMergeArgs(args);
  } catch (error) {
    throw new ArgumentError(`merge: ${messageOf(error).replace(/\. To specify.*$/s, ".")}`);
  }
  if (!parsed.positionals.length)
    throw new ArgumentError(
      "merge: give the report JSON files to merge, e.g. energy-budget merge shard-*/report.json --markdown report.md"
    );
  const { resolve } = await import("node:path");
  const { readReport } = await import("./chunks/read-YSXSXCEC.js");
  const { mergeReports, incompleteText } = await import("./chunks/merge-JRBP2OGL.js");
  const { renderText } = await import("./chunks/terminal-H5AYZTZ5.js");
  const { reportExitCode, writeReports } = await import("./chunks/run-XAQFN6QL.js");
  const inputs = [];
  for (const file of parsed.positionals)
    inputs.push({ file, report: await readReport(resolve(proc.cwd, file), void 0, "merge") });
  const report = mergeReports(inputs);
  const str = (v) => typeof v === "string" ? v : void 0;
  await writeReports(report, proc.cwd, {
    json: str(parsed.values.json),
    markdown: str(parsed.values.markdown),
    junit: str(parsed.values.junit)
  });
  proc.stdout.write(`${renderText(report)}
`);
  if (report.incomplete) {
    proc.stderr.write(
      `energy-budget merge: incomplete: ${incompleteText(report.incomplete)}. ${parsed.values["allow-incomplete"] ? "Judged on the results present (--allow-incomplete)." : "Give every shard's report, or --allow-incomplete to judge the results present."}
`
    );
  }
  return reportExitCode(report, { allowIncomplete: parsed.values["allow-incomplete"] === true });
}
async function runInitCommand(args, proc, deps) {
  const { runInit } = await import("./chunks/init-IRQSATJC.js");
  const { runEnergyBudget } = await import("./chunks/run-XAQFN6QL.js");
  const { createConsoleLogger } = await import("./chunks/terminal-H5AYZTZ5.js");
  const { fileURLToPath } = await import("node:url");
  const env = deps.env ?? proc.env;
  return runInit(args, {
    cwd: proc.cwd,
    env,
    stdout: proc.stdout,
    stderr: proc.stderr,
    version: await readPackageVersion(),
    // schema/ sits beside dist/ and src/ in the package, as package.json does for readPackageVersion.
    schemaFile: fileURLToPath(new URL("../schema/energy-budget.schema.json", import.meta.url)),
    measure: async (configFile, workspace) => {
      const logger = deps.logger ?? createConsoleLogger(proc.stderr, proc.stderr);
      const result = await runEnergyBudget(
        { cwd: workspace, configPath: configFile },
        { ...deps, logger, env: { ...env, ENERGY_BUDGET_WORKSPACE: workspace } }
      );
      return result.report;
    }
  });
}
function describeFailure(error) {
  if (isUserFacing(error)) return `energy-budget: ${error.message}`;
  const message = error instanceof Error ? error.stack ?? error.message : String(error);
  return `energy-budget: internal error (please report it with the budget file and this text):
${message}`;
}
async function readPackageVersion() {
  const { readFile } = await import("node:fs/promises");
  const url = new URL("../package.json", import.meta.url);
  try {
    const pkg = JSON.parse(await readFile(url, "utf8"));
    return isJsonObject(pkg) && typeof pkg.version === "string" ? pkg.version : "unknown";
  } catch {
    return "unknown";
  }
}
async function runCli(proc, deps = {}) {
  const [command, ...rest] = proc.argv;
  try {
    if (command === void 0 || command === "--help" || command === "-h" || command === "help") {
      proc.stdout.write(`${USAGE}
`);
      return command === void 0 ? ExitCode.INVALID_INPUT : ExitCode.OK;
    }
    if (command === "--version" || command === "-v") {
      proc.stdout.write(`${await readPackageVersion()}
`);
      return ExitCode.OK;
    }
    if (command === "run") {
      if (rest.includes("--help") || rest.includes("-h")) {
        proc.stdout.write(`${USAGE}
`);
        return ExitCode.OK;
      }
      const options = parseRunArgs(rest, proc.cwd);
      const { runEnergyBudget } = await import("./chunks/run-XAQFN6QL.js");
      const { createConsoleLogger } = await import("./chunks/terminal-H5AYZTZ5.js");
      const logger = deps.logger ?? createConsoleLogger(proc.stdout, proc.stderr);
      const env = deps.env ?? proc.env;
      const result = await runEnergyBudget(options, { ...deps, logger, env });
      return result.exitCode;
    }
    if (command === "optimize") {
      const { runOptimizeCommand } = await import("./chunks/command-IQJRJ3GA.js");
      const { writeFileAtomic } = await import("./chunks/atomic-write-N6YOS4WA.js");
      const fs = await import("node:fs/promises");
      return await runOptimizeCommand(rest, {
        cwd: proc.cwd,
        stdout: proc.stdout,
        stderr: proc.stderr,
        readFile: (p) => fs.readFile(p),
        writeFile: (p, data) => writeFileAtomic(p, data)
      });
    }
    if (command === "merge") return await runMerge(rest, proc);
    if (command === "init") return await runInitCommand(rest, proc, deps);
    if (command === "history") {
      const { runHistoryCommand } = await import("./chunks/command-E5YB6EQW.js");
      return await runHistoryCommand(rest, { cwd: proc.cwd, stdout: proc.stdout });
    }
    throw new ArgumentError(`Unknown command '${command}'. Commands: init, run, optimize, merge, history.`);
  } catch (error) {
    proc.stderr.write(`${describeFailure(error)}
`);
    return exitCodeOf(error);
  }
}
export {
  USAGE,
  describeFailure,
  installCancellation,
  parseRunArgs,
  parseShard,
  runCli
};
