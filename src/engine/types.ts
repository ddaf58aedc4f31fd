/**
 * The one entry point shared by the CLI and the GitHub Action:
 * `runEnergyBudget(options, deps)` in `src/engine/run.ts`.
 */
import type { HistoryRecord } from '../history/record.js';
import type { Report } from '../report/types.js';
import type { RunLogger } from '../util/logger.js';

/** What to run. Paths are absolute or relative to `cwd`. */
export interface RunOptions {
  /** The budget file. @default 'energy-budget.yml' */
  configPath: string;
  cwd: string;
  /** Report files to write (the terminal always gets a table). */
  jsonPath?: string;
  markdownPath?: string;
  junitPath?: string;
  /** Measure the base version of every model from this git ref, in the same run. */
  baseRef?: string;
  /** Compare against a report JSON from an earlier run. */
  baselinePath?: string;
  /**
   * Compare against the last `window` runs of the history (`baseline: history`, oldest first)
   * instead of measuring a base; `branch` names where they ran.
   */
  historyBaseline?: { records: HistoryRecord[]; window: number; branch: string };
  /** Run only shard `index` (1-based) of `count` (models split deterministically). */
  shard?: { index: number; count: number };
  /** Show the optimisation advisor for every model (else only for models over budget). */
  advise?: boolean;
  /**
   * Install Valgrind with apt-get when `measure: instructions` needs it and it is missing, on a
   * GitHub-hosted Linux runner (RUNNER_OS=Linux). The action sets it; the CLI never installs. @default false
   */
  installValgrind?: boolean;
}

/** Edges passed in so the core stays testable. All optional; defaults are the real ones. */
export interface RunDeps {
  logger?: RunLogger;
  env?: Record<string, string | undefined>;
  /** Monotonic clock, nanoseconds. */
  clockNs?: () => bigint;
  /** Root used in place of /sys (ENERGY_BUDGET_SYSFS). */
  sysfsRoot?: string;
  /** Waits, e.g. for the idle-power window of a measured meter. @default setTimeout */
  sleep?: (seconds: number) => Promise<void>;
}

export interface RunResult {
  report: Report;
  /**
   * Per the contract: 0 pass/warn, 1 budget exceeded or regression, 2 a model or input was
   * invalid (its error is in the report; the other models were still measured), 3 a model
   * failed for an internal or environment reason.
   */
  exitCode: 0 | 1 | 2 | 3;
  /** Paths of the report files written. */
  files: { json?: string; markdown?: string; junit?: string };
}
