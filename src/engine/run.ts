/**
 * `runEnergyBudget(options, deps)`: the one engine behind the CLI and the GitHub Action.
 *
 * config → model → bench → energy → compare → report. Each model is measured on its own: a
 * model that cannot be loaded or run is reported with its error (exit code 2 at the end)
 * while the other models' results survive. Report files are written before anything else
 * (the action posts its comment after this returns).
 */
import { missingNamedFiles } from '../config/files.js';
import { dirname, relative, resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { ExitCode, EnvironmentError, messageOf } from '../errors.js';
import { detectEnvironment } from './environment.js';
import { renderJunit } from '../report/junit.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderText, silentLogger } from '../report/terminal.js';
import type { Report } from '../report/types.js';
import type { RunDeps, RunOptions, RunResult } from './types.js';
import type { RunLogger } from '../util/logger.js';
import { ortVersion } from '../bench/ort.js';
import { overallVerdict } from '../compare/budgets.js';
import { endFootprint, startFootprint } from '../energy/footprint.js';
import { headCommit } from '../baseline/git.js';
import { modelsDigest } from '../report/merge.js';
import { type MeasureContext } from './context.js';
import { createModelRunner } from '../isolate/engine.js';
import type { IsolationOptions } from '../isolate/parent.js';
import { confinedReadFile, findWorkspaceRoot } from '../isolate/workspace.js';
import { safeLogger } from '../isolate/log-safety.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { findValgrind, installValgrind } from '../instructions/valgrind.js';
import { loadBaselines } from './baselines.js';
import { runModel } from './model-run.js';
import { removedModels } from './removed.js';
import { selectShard } from '../util/shard.js';

/** Writes one report file atomically (src/util/atomic-write.ts): a killed run never leaves a torn report. */
async function writeOut(file: string, text: string): Promise<string> {
  await writeFileAtomic(file, text);
  return file;
}

/**
 * Writes the report in each format asked for (paths relative to `cwd`) and returns the paths
 * written. Markdown files are not capped at the PR comment's size limit.
 */
export async function writeReports(
  report: Report,
  cwd: string,
  paths: { json?: string; markdown?: string; junit?: string },
): Promise<RunResult['files']> {
  const files: RunResult['files'] = {};
  if (paths.json) files.json = await writeOut(resolve(cwd, paths.json), `${JSON.stringify(report, null, 2)}\n`);
  if (paths.markdown)
    files.markdown = await writeOut(resolve(cwd, paths.markdown), renderMarkdown(report, { maxChars: 1_000_000 }));
  if (paths.junit) files.junit = await writeOut(resolve(cwd, paths.junit), renderJunit(report));
  return files;
}

/** The engine's edges plus how models are isolated (src/isolate/). */
export interface EngineDeps extends RunDeps {
  /** Crash containment: each model in a worker process with a time limit. @default see IsolationOptions */
  isolation?: IsolationOptions;
}

/**
 * Runs the whole job: load the budget file, measure every model (and the base, when asked),
 * check budgets, write the report files and print the table.
 * @throws ConfigError (exit 2) for an invalid budget file; InputError (2) for bad arguments;
 *   EnvironmentError (3). A single model's failure does not throw: it is in the report.
 */
export async function runEnergyBudget(options: RunOptions, deps: EngineDeps = {}): Promise<RunResult> {
  // Log lines carry PR text (names, onnxruntime messages): no workflow commands, no escapes.
  const logger: RunLogger = safeLogger(deps.logger ?? silentLogger);
  const env = deps.env ?? process.env;
  const procRoot = '/proc';
  const footprintStart = await startFootprint({ procRoot });
  const cwd = resolve(options.cwd);
  const configFile = resolve(cwd, options.configPath);
  const config = await loadConfig(configFile);
  const models = selectShard(config.models, options.shard);
  const environment = detectEnvironment(ortVersion());
  // Paths from the budget file (models, .npy inputs) must stay inside the workspace.
  const workspaceRoot = findWorkspaceRoot(configFile, env);
  const missing = await missingNamedFiles(config, models, workspaceRoot);
  for (const error of missing.values()) logger.warn(error.message);
  const ctx: MeasureContext = {
    config,
    logger,
    env,
    clockNs: deps.clockNs ?? (() => process.hrtime.bigint()),
    sysfsRoot: deps.sysfsRoot ?? env.ENERGY_BUDGET_SYSFS ?? '/sys',
    advise: options.advise === true,
    readFile: confinedReadFile(workspaceRoot),
    sleep: deps.sleep,
  };
  // measure: instructions needs Valgrind: say so before measuring anything (exit 3).
  const counted = models.filter((m) => m.measure === 'instructions');
  if (counted.length) {
    const tool = await findValgrind(env).catch(async (error: unknown) => {
      if (!options.installValgrind || env.RUNNER_OS !== 'Linux') throw error;
      logger.progress('Valgrind is not installed: installing it with `sudo apt-get install -y valgrind` (measure: instructions)');
      const seconds = await installValgrind(env);
      logger.progress(`Valgrind installed in ${seconds.toFixed(0)} s`);
      return findValgrind(env);
    });
    logger.progress(
      `note: ${counted.map((m) => m.name).join(', ')}: instructions are counted under ${tool.version} (callgrind), SIMULATED`,
    );
  }
  const runner = createModelRunner(ctx, { ...deps.isolation, workspaceRoot });

  const report: Report = {
    schemaVersion: 1,
    verdict: 'pass',
    environment,
    models: [],
    config: relative(cwd, configFile) || configFile,
    createdAt: new Date().toISOString(),
    shard: options.shard ?? { index: 1, count: 1 },
    commit: env.GITHUB_SHA || (await headCommit(dirname(configFile), { env })),
    modelsDigest: modelsDigest(config.models.map((m) => ({ name: m.name, path: m.pathInConfig }))),
    configModels: config.models.map((m) => m.name),
  };

  const baselines = await loadBaselines({ options, cwd, configFile, config, report, environment, env, logger });
  const { git } = baselines;
  try {
    for (const [i, cfg] of models.entries()) {
      logger.progress(`[${i + 1}/${models.length}] ${cfg.name}: measuring ${cfg.pathInConfig}`);
      report.models.push(await runModel(cfg, { options, config, logger, workspaceRoot, missing, runner, baselines }));
    }
    report.models.push(...removedModels(config, baselines, options));
  } finally {
    await git?.close();
  }

  report.verdict = overallVerdict(report.models);
  try {
    report.footprint = await endFootprint(footprintStart, config.power, { procRoot });
  } catch (error) {
    logger.warn(`the check's own footprint could not be estimated: ${messageOf(error)}`);
  }
  const files = await writeReports(report, cwd, {
    json: options.jsonPath,
    markdown: options.markdownPath,
    junit: options.junitPath,
  });
  logger.info(renderText(report));
  return { report, exitCode: reportExitCode(report), files };
}

/**
 * The contract's exit code for a finished report: 3 when a merged report is `incomplete` (a
 * shard or model has no result; unless `allowIncomplete`, which judges the results present),
 * else the worst model error's code (2 bad input, 3 internal), else 1 when the verdict fails, else 0.
 */
export function reportExitCode(report: Report, options: { allowIncomplete?: boolean } = {}): RunResult['exitCode'] {
  const modelExit = report.models.reduce<RunResult['exitCode']>((worst, m) => {
    const code = m.error?.exitCode ?? (m.error ? ExitCode.INTERNAL : ExitCode.OK);
    return code > worst ? code : worst;
  }, ExitCode.OK);
  if (report.verdict === 'incomplete' && !options.allowIncomplete) return ExitCode.INTERNAL;
  return modelExit || (report.verdict === 'fail' ? ExitCode.BUDGET_EXCEEDED : ExitCode.OK);
}

export { EnvironmentError };
