/**
 * `runEnergyBudget(options, deps)`: the one engine behind the CLI and the GitHub Action.
 *
 * config → model → bench → energy → compare → report. Each model is measured on its own: a
 * model that cannot be loaded or run is reported with its error (exit code 2 at the end)
 * while the other models' results survive. Report files are written before anything else
 * (the action posts its comment after this returns).
 */
import { missingNamedFiles } from './config/files.js';
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { loadConfig, parseConfig } from './config/load.js';
import type { BudgetConfig, MetricKey, ModelConfig } from './config/types.js';
import type { ComparisonResult } from './compare/types.js';
import { EnergyBudgetError, ExitCode, EnvironmentError, exitCodeOf, type ConfigIssue } from './errors.js';
import { detectEnvironment } from './environment.js';
import { renderJunit } from './report/junit.js';
import { renderMarkdown } from './report/markdown.js';
import { renderText, silentLogger } from './report/terminal.js';
import type { BudgetResult, ModelReport, Report, Verdict } from './report/types.js';
import type { RunDeps, RunLogger, RunOptions, RunResult } from './run-types.js';
import { ortVersion } from './bench/ort.js';
import { evaluateBudgets, isDeterministicMetric, overallVerdict } from './compare/budgets.js';
import { endFootprint, startFootprint } from './energy/footprint.js';
import { compareIdentity, digestModel, measurementEntry, sha256OrNull } from './baseline/identity.js';
import { diffBudgetFiles } from './compare/budget-changes.js';
import { documentedSpread, flagTightEnergyLimits, measuredSpread } from './compare/spread.js';
import { loadBaselineReport, environmentDifferences } from './baseline/report.js';
import { GitBaseline, headCommit } from './baseline/git.js';
import { modelsDigest } from './report/merge.js';
import { metricValues, type MeasureContext } from './measure.js';
import { createModelRunner } from './isolate/engine.js';
import type { IsolationOptions } from './isolate/parent.js';
import { assertInsideWorkspace, confinedReadFile, findWorkspaceRoot } from './isolate/workspace.js';
import { safeLogger } from './isolate/log-safety.js';
import { writeFileAtomic } from './util/atomic-write.js';
import { findValgrind, installValgrind } from './instructions/valgrind.js';
import { historyBaselineFor } from './history/baseline.js';
import { describeChange, environmentParts } from './history/series.js';

/** Splits models into `count` shares by position; shard `index` (1-based) gets every count-th. */
export function selectShard<T>(items: T[], shard?: { index: number; count: number }): T[] {
  if (!shard || shard.count === 1) return items;
  return items.filter((_, i) => i % shard.count === shard.index - 1);
}

function modelError(cfg: ModelConfig, error: unknown): ModelReport {
  const code = error instanceof EnergyBudgetError ? error.code : 'INTERNAL';
  const message =
    error instanceof EnergyBudgetError
      ? error.message
      : `internal error while measuring: ${error instanceof Error ? error.message : String(error)}`;
  return {
    name: cfg.name,
    path: cfg.pathInConfig,
    size: { bytes: 0, parameters: 0, bytesByDtype: {}, sparsity: 0 },
    flops: 0,
    budgets: [],
    error: { code, message, exitCode: exitCodeOf(error) } as ModelReport['error'],
  };
}

/**
 * Figures known to be undercounted: FLOPs when some ops could not be counted (control flow
 * whose branch or trip count is unknown, ops without a formula, custom domains). A FLOPs limit
 * is then not checked, rather than passed on a count that leaves the real work out.
 */
function incompleteMetrics(m: ModelReport): Partial<Record<MetricKey, string>> {
  const ops = m.flopsUncounted?.ops ?? [];
  if (!ops.length) return {};
  return {
    flops: `the FLOPs count leaves out ${ops.join(', ')} (${ops.length === 1 ? 'an op' : 'ops'} whose cost could not be counted; see docs/flops.md), so a FLOPs limit cannot be enforced on this model`,
  };
}

/**
 * A warning when the baseline report measured a model at another batch size: per-call figures
 * (latency, energy per inference) then differ by about the batch ratio, whatever the PR did.
 */
function batchMismatch(name: string, base: ModelReport, head: ModelReport): string | undefined {
  const was = base.inference?.batchSize;
  const now = head.inference?.batchSize;
  if (typeof was !== 'number' || typeof now !== 'number' || was === now) return undefined;
  return (
    `${name}: the baseline report measured batch ${was}, this run batch ${now}, so per-inference figures (latency, energy ` +
    `per inference, carbon per inference) differ by about the batch ratio whatever changed; compare per-sample metrics, or ` +
    `measure the baseline at the same dims`
  );
}

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

  // Baseline from an earlier report.
  let baselineByName = new Map<string, ModelReport>();
  if (options.baselinePath) {
    const file = resolve(cwd, options.baselinePath);
    const base = await loadBaselineReport(file);
    baselineByName = new Map(base.models.map((m) => [m.name, m]));
    const warnings = environmentDifferences(base, report, config);
    warnings.forEach((w) => logger.warn(w));
    report.baseline = { kind: 'report', file: options.baselinePath, warnings };
  }

  // Baseline from the history branch (`baseline: history`).
  const history = options.historyBaseline;
  if (history) {
    const warnings: string[] = [];
    const newest = history.records[history.records.length - 1];
    if (!newest) warnings.push(`the history of ${history.branch} is empty, so nothing is compared`);
    else {
      const what = describeChange(environmentParts(newest.environment, undefined), environmentParts(environment, undefined));
      if (what)
        warnings.push(
          `this run's environment differs from the newest run in the history (${what}); the comparison crosses machines`,
        );
    }
    warnings.forEach((w) => logger.warn(w));
    report.baseline = { kind: 'history', ref: history.branch, runs: history.window, warnings };
  }

  // Baseline from git: the base budget file and base model bytes, read without touching the tree.
  let git: GitBaseline | undefined;
  let baseConfig: BudgetConfig | null = null;
  let baseText: string | null = null;
  if (options.baseRef) {
    git = await GitBaseline.open(cwd, options.baseRef, { env, logger });
    report.baseline = { kind: 'git', ref: options.baseRef, warnings: [] };
    baseText = await git.readText(configFile);
    if (baseText !== null) {
      try {
        baseConfig = parseConfig(baseText, configFile);
      } catch (error) {
        const issues = (error as { issues?: ConfigIssue[] }).issues;
        const w = `the base's budget file (${options.baseRef}) is not valid${issues ? ` (${issues.length} problem${issues.length === 1 ? '' : 's'})` : ''}, so base models are read at the head's paths`;
        logger.warn(w);
        report.baseline.warnings!.push(w);
      }
      report.budgetChanges = diffBudgetFiles(baseText, config.source);
    }
  }

  try {
    for (const [i, cfg] of models.entries()) {
      logger.progress(`[${i + 1}/${models.length}] ${cfg.name}: measuring ${cfg.pathInConfig}`);
      let head: ModelReport;
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
          logger.warn(String((error as Error)?.stack ?? error));
        report.models.push(modelError(cfg, error));
        continue;
      }
      let comparisons = {};
      let baselineMetrics: Partial<Record<MetricKey, number>> | null = null;
      let comparedBasePath: string | undefined;
      if (git) {
        const baseCfg = baseConfig?.models.find((m) => m.name === cfg.name) ?? cfg;
        const basePath = await git.materializeModel(baseCfg.path);
        const identity =
          basePath !== null && cfg.compare === 'auto' && baseText !== null
            ? await identicalToBase(cfg, baseCfg, basePath, baseText, config.source, git, logger)
            : null;
        if (basePath === null) {
          head.change = 'new';
        } else if (identity) {
          // Nothing that decides the cost changed: the base is this very model (compare: always measures it anyway).
          head.identicalToBase = identity;
          baselineMetrics = { 'model-size': identity.baseSizeBytes, parameters: head.size.parameters, flops: head.flops };
        } else {
          try {
            const cmp = await runner.compare(cfg, config.models.indexOf(cfg), basePath, head);
            head.baseline = cmp.base;
            baselineMetrics = metricValues(cmp.base);
            comparisons = cmp.comparisons;
            comparedBasePath = basePath;
          } catch (error) {
            const w = `${cfg.name}: the base version could not be measured, so no regression check was made: ${(error as Error).message}`;
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
        } else head.change = 'new';
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
        } else if (!base) head.change = 'new';
      }
      // measure: instructions: after every timed benchmark of this model, the head's count and
      // (when the base was measured) the base's, at the same time where cores allow.
      if (cfg.measure === 'instructions' && head.inference) {
        const base = comparedBasePath !== undefined && head.baseline?.inference ? head.baseline : undefined;
        try {
          const counted = await runner.count(cfg, config.models.indexOf(cfg), cfg.path, base ? comparedBasePath : undefined);
          head.inference.instructions = counted.head;
          if (base?.inference && counted.base) {
            base.inference.instructions = counted.base;
            baselineMetrics = metricValues(base);
          }
          if (counted.notices.length) (head.notices ??= []).push(...counted.notices);
        } catch (error) {
          report.models.push(modelError(cfg, error));
          continue;
        }
      }
      head.budgets = evaluateBudgets(cfg.budget, metricValues(head), baselineMetrics, comparisons, {
        inconclusive: config.inconclusive,
        incomplete: incompleteMetrics(head),
      });
      if (head.identicalToBase) head.budgets = markUnchanged(head.budgets, head.identicalToBase);
      else if (head.baseline && baselineMetrics) showBase(head, baselineMetrics, comparisons);
      for (const w of tightEnergyLimits(head, comparisons, git ? 'git' : history ? 'history' : undefined)) {
        logger.warn(`${cfg.name}: ${w}`);
        (head.notices ??= []).push(w);
      }
      if (options.advise || cfg.advise || head.budgets.some((b) => b.status === 'fail')) {
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
    // Models in the base but gone from the head.
    const headNames = new Set(config.models.map((m) => m.name));
    const removed = options.baseRef
      ? (baseConfig?.models ?? []).filter((m) => !headNames.has(m.name)).map((m) => m.name)
      : [...baselineByName.keys()].filter((n) => !headNames.has(n));
    // Split like the models, so a job matrix's shard reports list each removed model once.
    for (const name of selectShard(removed, options.shard)) {
      report.models.push({
        name,
        path: '',
        change: 'removed',
        size: { bytes: 0, parameters: 0, bytesByDtype: {}, sparsity: 0 },
        flops: 0,
        budgets: [],
      });
    }
  } finally {
    await git?.close();
  }

  report.verdict = overallVerdict(report.models) as Verdict;
  try {
    report.footprint = await endFootprint(footprintStart, config.power, { procRoot });
  } catch (error) {
    logger.warn(`the check's own footprint could not be estimated: ${(error as Error).message}`);
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
 * Relative energy regression limits tighter than the spread of their energy method
 * (src/compare/spread.ts): the spread this run's comparison measured, else the documented one.
 * Marks the rows and returns the notices.
 */
export function tightEnergyLimits(
  head: ModelReport,
  comparisons: Partial<Record<MetricKey, ComparisonResult>>,
  baseline: 'git' | 'history' | undefined,
): string[] {
  return flagTightEnergyLimits(head.budgets, (metric) => {
    const method = (metric.includes('training') ? head.training?.energy : head.inference?.energy)?.method;
    if (!method) return undefined;
    return (baseline ? measuredSpread(comparisons[metric], method, baseline) : undefined) ?? documentedSpread(method);
  });
}

/** Metrics shown as information when a measured base has no budget row for them. */
const INFORMATION_METRICS: MetricKey[] = ['latency-p50', 'energy-per-inference'];

/**
 * A measured base is shown: absolute limits get the base figure and the interleaved change
 * (with its interval) beside the head's, and latency and energy without any row get an
 * information row. Nothing passes or fails on these: statuses are left as they are.
 */
export function showBase(
  head: ModelReport,
  base: Partial<Record<MetricKey, number>>,
  comparisons: Partial<Record<MetricKey, ComparisonResult>>,
): void {
  for (const b of head.budgets) {
    if (b.kind !== 'absolute') continue;
    const value = base[b.metric as MetricKey];
    if (value === undefined || !Number.isFinite(value)) continue;
    b.baseline = value;
    const c = comparisons[b.metric as MetricKey];
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
    if (h === undefined || v === undefined || !Number.isFinite(h) || !Number.isFinite(v)) return [];
    const c = comparisons[m];
    return [
      {
        metric: m,
        base: v,
        head: h,
        ...(c ? { change: c.estimate, changeCi95: c.changeCi95, method: c.method } : {}),
        ...(c?.centres ? { compared: c.centres } : {}),
      },
    ];
  });
  if (rows.length) head.baseComparison = rows;
}

const UNCHANGED_MATCH = {
  bytes: 'the same bytes',
  'graph-and-weights': 'the same graph and weights (only metadata such as the doc string differs)',
} as const;

/**
 * Regression limits of noisy metrics on a model identical to its base: they hold by
 * definition (the same model on the same runtime), so they pass as "unchanged", never
 * inconclusive and never a warning. Deterministic limits were checked exactly as usual.
 */
export function markUnchanged(budgets: BudgetResult[], identity: NonNullable<ModelReport['identicalToBase']>): BudgetResult[] {
  return budgets.map((b) =>
    b.kind === 'regression' && !isDeterministicMetric(b.metric) && Number.isFinite(b.value)
      ? {
          ...b,
          status: 'pass',
          unchanged: true,
          message: `unchanged (identical to base): ${UNCHANGED_MATCH[identity.match]}, the same budget-file entry and runtime (${identity.runtime}), so the base was not measured again (\`compare: always\` measures it)`,
        }
      : b,
  );
}

/**
 * Whether the head's model is identical to its base (src/baseline/identity.ts): the identity,
 * or null (with the reason on the progress log) when anything that decides its cost changed.
 * A failure while reading or hashing means "not known to be identical": the base is measured.
 */
async function identicalToBase(
  cfg: ModelConfig,
  baseCfg: ModelConfig,
  basePath: string,
  baseText: string,
  headText: string,
  git: GitBaseline,
  logger: RunLogger,
): Promise<NonNullable<ModelReport['identicalToBase']> | null> {
  try {
    // Other files the entry names: .npy inputs and a training step-model (by the head's paths:
    // the entries are compared equal first, so the paths are the same).
    const named = [
      ...Object.values(cfg.inputs).flatMap((s) => (s.kind === 'npy' ? [s.file] : [])),
      ...(cfg.training?.stepModel ? [cfg.training.stepModel] : []),
    ];
    const headFiles: Record<string, string | null> = {};
    const baseFiles: Record<string, string | null> = {};
    for (const f of named) {
      headFiles[f] = sha256OrNull(await readFile(f).catch(() => null));
      baseFiles[f] = sha256OrNull(await git.read(f).catch(() => null));
    }
    const runtime = `onnxruntime-node ${ortVersion()}, ${cfg.device} execution provider`;
    const result = compareIdentity(
      { digest: await digestModel(basePath), entry: measurementEntry(baseText, baseCfg.name), files: baseFiles },
      { digest: await digestModel(cfg.path), entry: measurementEntry(headText, cfg.name), files: headFiles },
      runtime,
    );
    if (result.identical) {
      logger.progress(`  ${cfg.name}: identical to the base (${result.identical.match}); the base is not measured again`);
      return result.identical;
    }
    logger.progress(`  ${cfg.name}: ${result.reason}; measuring the base`);
    return null;
  } catch (error) {
    logger.progress(
      `  ${cfg.name}: could not tell whether the model is identical to the base (${(error as Error).message}); measuring the base`,
    );
    return null;
  }
}

/**
 * The contract's exit code for a finished report: 3 when a merged report is `incomplete` (a
 * shard or model has no result; unless `allowIncomplete`, which judges the results present),
 * else the worst model error's code (2 bad input, 3 internal), else 1 when the verdict fails, else 0.
 */
export function reportExitCode(report: Report, options: { allowIncomplete?: boolean } = {}): RunResult['exitCode'] {
  const modelExit = report.models.reduce<number>((worst, m) => {
    const code = (m.error as { exitCode?: number } | undefined)?.exitCode ?? (m.error ? ExitCode.INTERNAL : 0);
    return Math.max(worst, code);
  }, 0);
  if (report.verdict === 'incomplete' && !options.allowIncomplete) return ExitCode.INTERNAL;
  return (modelExit || (report.verdict === 'fail' ? ExitCode.BUDGET_EXCEEDED : ExitCode.OK)) as RunResult['exitCode'];
}

export { EnvironmentError };
