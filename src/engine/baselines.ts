/** Baseline loading: an earlier report (--baseline), the history branch, or the base commit (--base-ref). */
import { resolve } from 'node:path';
import { parseConfig } from '../config/load.js';
import type { BudgetConfig } from '../config/types.js';
import { ConfigError } from '../errors.js';
import type { ModelReport, Report } from '../report/types.js';
import type { RunOptions } from './types.js';
import type { RunLogger } from '../util/logger.js';
import { diffBudgetFiles } from '../compare/budget-changes.js';
import { environmentDifferences } from '../baseline/report.js';
import { readReport } from '../report/read.js';
import { GitBaseline } from '../baseline/git-baseline.js';
import { describeChange, environmentParts } from '../history/series.js';

/** The baseline a run compares against: an earlier report, the history branch, or the base commit. */
export interface Baselines {
  /** The --baseline report's models by name (empty without one). */
  byName: Map<string, ModelReport>;
  /** The history window (`baseline: history`). */
  history?: RunOptions['historyBaseline'];
  /** The base commit (--base-ref); the caller closes it. */
  git?: GitBaseline;
  /** The base commit's budget file, parsed; null when it is absent or not valid. */
  baseConfig: BudgetConfig | null;
  /** The base commit's budget-file text; null when absent. */
  baseText: string | null;
}

/** What loading the baseline reads of the run. */
export interface BaselineRun {
  options: RunOptions;
  cwd: string;
  configFile: string;
  config: BudgetConfig;
  report: Report;
  environment: Report['environment'];
  env: Record<string, string | undefined>;
  logger: RunLogger;
}

/**
 * Loads the baseline the options ask for (`--baseline`, the history, or `--base-ref`) and
 * records it, with its warnings, in `report.baseline`.
 * @throws InputError for an unreadable baseline report; EnvironmentError for git failures.
 */
export async function loadBaselines(run: BaselineRun): Promise<Baselines> {
  const { options, cwd, configFile, config, report, environment, env, logger } = run;
  // Baseline from an earlier report.
  let baselineByName = new Map<string, ModelReport>();
  if (options.baselinePath) {
    const file = resolve(cwd, options.baselinePath);
    const base = await readReport(file);
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
        const issues = error instanceof ConfigError ? error.issues : undefined;
        const w = `the base's budget file (${options.baseRef}) is not valid${issues ? ` (${issues.length} problem${issues.length === 1 ? '' : 's'})` : ''}, so base models are read at the head's paths`;
        logger.warn(w);
        report.baseline.warnings!.push(w);
      }
      report.budgetChanges = diffBudgetFiles(baseText, config.source);
    }
  }

  return { byName: baselineByName, history, git, baseConfig, baseText };
}
