/**
 * The `energy-budget` command line (docs/contract.md):
 *
 *   energy-budget run [--config FILE] [--json FILE] [--markdown FILE] [--junit FILE]
 *                     [--base-ref GIT_REF] [--baseline REPORT.json] [--shard I/N] [--advise]
 *   energy-budget optimize MODEL (--int8 | --int8-dynamic | --fp16 | --prune S) --out FILE
 *   energy-budget optimize MODEL (--prune-structured R | --distill-width W) [--fine-tune N] --out FILE
 *   energy-budget init [--config FILE] [--workflow FILE] [--force] [--dry-run]
 *
 * `runCli(proc)` takes the process-like object, so tests pass a fake one without mocks.
 */
import { parseArgs } from 'node:util';
import { EnergyBudgetError, ExitCode, exitCodeOf, isUserFacing, messageOf } from './errors.js';
import { tryParseShard, type Shard } from './util/shard.js';
import type { RunOptions } from './engine/types.js';
import type { EngineDeps } from './engine/run.js';
import { isJsonObject } from './util/json-object.js';
import { textOption } from './util/options.js';

/** The parts of `process` the CLI uses. */
export interface CliProcess {
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
}

export const USAGE = `Usage:
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

const MERGE_USAGE = `Usage: energy-budget merge REPORT.json... [--json FILE] [--markdown FILE] [--junit FILE]
                          [--allow-incomplete]

Combines the JSON reports of a job matrix (run --shard I/N) into one report, table and files.
Reports of different commits or budget files are refused (exit 2). When a shard's report or a
model's result is missing the verdict is incomplete and the exit code 3, unless
--allow-incomplete, which judges the results present (the missing ones are still named).
Exit codes otherwise as for run.`;

class ArgumentError extends EnergyBudgetError {
  constructor(message: string) {
    super('ARGUMENT_INVALID', `${message}\nRun 'energy-budget --help' for the usage.`, 2);
  }
}

/** Parses `--shard I/N` (1-based). @throws ArgumentError when malformed. */
export function parseShard(text: string): Shard {
  const shard = tryParseShard(text);
  if (!shard) throw new ArgumentError(`--shard expects I/N with 1 ≤ I ≤ N, for example --shard 2/4; got '${text}'.`);
  return shard;
}

/** Parses the `run` subcommand's arguments into RunOptions. @throws ArgumentError */
export function parseRunArgs(args: string[], cwd: string): RunOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        config: { type: 'string' },
        json: { type: 'string' },
        markdown: { type: 'string' },
        junit: { type: 'string' },
        'base-ref': { type: 'string' },
        baseline: { type: 'string' },
        shard: { type: 'string' },
        advise: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new ArgumentError(`run: ${messageOf(error).replace(/\. To specify.*$/s, '.')}`);
  }
  if (values['base-ref'] !== undefined && values.baseline !== undefined) {
    throw new ArgumentError('run: give either --base-ref or --baseline, not both.');
  }
  for (const key of ['config', 'json', 'markdown', 'junit', 'base-ref', 'baseline'] as const) {
    if (values[key] === '') throw new ArgumentError(`run: --${key} needs a value.`);
  }
  return {
    cwd,
    configPath: textOption(values.config) ?? 'energy-budget.yml',
    jsonPath: textOption(values.json),
    markdownPath: textOption(values.markdown),
    junitPath: textOption(values.junit),
    baseRef: textOption(values['base-ref']),
    baselinePath: textOption(values.baseline),
    shard: typeof values.shard === 'string' ? parseShard(values.shard) : undefined,
    advise: values.advise === true ? true : undefined,
  };
}

/** `merge`'s arguments, typed by their options. @throws the parseArgs error, worded by the caller. */
function parseMergeArgs(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      json: { type: 'string' },
      markdown: { type: 'string' },
      junit: { type: 'string' },
      'allow-incomplete': { type: 'boolean' },
    },
  });
}

/**
 * `energy-budget merge`: one report from the shards' JSON reports (src/report/merge.ts), printed
 * as the table and written in the formats asked for. Exit code as `run`: 1 when the merged
 * verdict fails.
 */
async function runMerge(args: string[], proc: CliProcess): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    proc.stdout.write(`${MERGE_USAGE}\n`);
    return ExitCode.OK;
  }
  let parsed: ReturnType<typeof parseMergeArgs>;
  try {
    parsed = parseMergeArgs(args);
  } catch (error) {
    throw new ArgumentError(`merge: ${messageOf(error).replace(/\. To specify.*$/s, '.')}`);
  }
  if (!parsed.positionals.length)
    throw new ArgumentError(
      'merge: give the report JSON files to merge, e.g. energy-budget merge shard-*/report.json --markdown report.md',
    );
  const { resolve } = await import('node:path');
  const { readReport } = await import('./report/read.js');
  const { mergeReports, incompleteText } = await import('./report/merge.js');
  const { renderText } = await import('./report/terminal.js');
  const { reportExitCode, writeReports } = await import('./engine/run.js');
  const inputs = [];
  for (const file of parsed.positionals)
    inputs.push({ file, report: await readReport(resolve(proc.cwd, file), undefined, 'merge') });
  const report = mergeReports(inputs);
  const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);
  await writeReports(report, proc.cwd, {
    json: str(parsed.values.json),
    markdown: str(parsed.values.markdown),
    junit: str(parsed.values.junit),
  });
  proc.stdout.write(`${renderText(report)}\n`);
  if (report.incomplete) {
    proc.stderr.write(
      `energy-budget merge: incomplete: ${incompleteText(report.incomplete)}. ${parsed.values['allow-incomplete'] ? 'Judged on the results present (--allow-incomplete).' : "Give every shard's report, or --allow-incomplete to judge the results present."}\n`,
    );
  }
  return reportExitCode(report, { allowIncomplete: parsed.values['allow-incomplete'] === true });
}

/**
 * `energy-budget init` (src/init/init.ts) with the real engine: models are measured as `run`
 * measures them, the workspace being the current folder. Progress and notes go to stderr, so
 * `--dry-run > file` captures only the files.
 */
async function runInitCommand(args: string[], proc: CliProcess, deps: EngineDeps): Promise<number> {
  const { runInit } = await import('./init/init.js');
  const { runEnergyBudget } = await import('./engine/run.js');
  const { createConsoleLogger } = await import('./report/terminal.js');
  const { fileURLToPath } = await import('node:url');
  const env = deps.env ?? proc.env;
  return runInit(args, {
    cwd: proc.cwd,
    env,
    stdout: proc.stdout,
    stderr: proc.stderr,
    version: await readPackageVersion(),
    // schema/ sits beside dist/ and src/ in the package, as package.json does for readPackageVersion.
    schemaFile: fileURLToPath(new URL('../schema/energy-budget.schema.json', import.meta.url)),
    measure: async (configFile, workspace) => {
      const logger = deps.logger ?? createConsoleLogger(proc.stderr, proc.stderr);
      const result = await runEnergyBudget(
        { cwd: workspace, configPath: configFile },
        { ...deps, logger, env: { ...env, ENERGY_BUDGET_WORKSPACE: workspace } },
      );
      return result.report;
    },
  });
}

export { installCancellation } from './cancel.js';

/** Formats any failure as the one-paragraph message users see (no stack trace for ours). */
export function describeFailure(error: unknown): string {
  if (isUserFacing(error)) return `energy-budget: ${error.message}`;
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `energy-budget: internal error (please report it with the budget file and this text):\n${message}`;
}

async function readPackageVersion(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const url = new URL('../package.json', import.meta.url);
  try {
    const pkg: unknown = JSON.parse(await readFile(url, 'utf8'));
    return isJsonObject(pkg) && typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Runs the CLI and returns the exit code (never throws, never exits the process).
 * `deps` lets tests inject clocks and sysfs; the defaults are the real ones.
 */
export async function runCli(proc: CliProcess, deps: EngineDeps = {}): Promise<number> {
  const [command, ...rest] = proc.argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      proc.stdout.write(`${USAGE}\n`);
      return command === undefined ? ExitCode.INVALID_INPUT : ExitCode.OK;
    }
    if (command === '--version' || command === '-v') {
      proc.stdout.write(`${await readPackageVersion()}\n`);
      return ExitCode.OK;
    }
    if (command === 'run') {
      if (rest.includes('--help') || rest.includes('-h')) {
        proc.stdout.write(`${USAGE}\n`);
        return ExitCode.OK;
      }
      const options = parseRunArgs(rest, proc.cwd);
      const { runEnergyBudget } = await import('./engine/run.js');
      const { createConsoleLogger } = await import('./report/terminal.js');
      const logger = deps.logger ?? createConsoleLogger(proc.stdout, proc.stderr);
      const env = deps.env ?? proc.env;
      const result = await runEnergyBudget(options, { ...deps, logger, env });
      return result.exitCode;
    }
    if (command === 'optimize') {
      const { runOptimizeCommand } = await import('./optimize/command.js');
      const { writeFileAtomic } = await import('./util/atomic-write.js');
      const fs = await import('node:fs/promises');
      return await runOptimizeCommand(rest, {
        cwd: proc.cwd,
        stdout: proc.stdout,
        stderr: proc.stderr,
        readFile: (p: string) => fs.readFile(p),
        writeFile: (p: string, data: Uint8Array | string) => writeFileAtomic(p, data),
      });
    }
    if (command === 'merge') return await runMerge(rest, proc);
    if (command === 'init') return await runInitCommand(rest, proc, deps);
    if (command === 'history') {
      const { runHistoryCommand } = await import('./history/command.js');
      return await runHistoryCommand(rest, { cwd: proc.cwd, stdout: proc.stdout });
    }
    throw new ArgumentError(`Unknown command '${command}'. Commands: init, run, optimize, merge, history.`);
  } catch (error) {
    proc.stderr.write(`${describeFailure(error)}\n`);
    return exitCodeOf(error);
  }
}
