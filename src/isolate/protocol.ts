/**
 * The messages between the engine and its measurement worker (src/worker.ts). One job per
 * worker process: the parent forks, sends one `WorkerJob`, receives log lines and then exactly
 * one `result` or `error`, and the worker exits. Messages use Node's `advanced` IPC
 * serialisation (structured clone), so NaN, Infinity and typed arrays survive the trip.
 */
import type { BudgetConfig } from '../config/types.js';
import type { ModelReport } from '../report/types.js';
import { ConfigError, EnergyBudgetError, isUserFacing, type ConfigIssue, type ErrorCodeName } from '../errors.js';

/** What a worker is asked to do for one model. */
export type JobKind = 'measure' | 'compare' | 'advise' | 'count';

/**
 * One job. The parent sends the budget file as it validated it (plain data, structured-cloned),
 * so the worker measures exactly the configuration the run checked and never reads or parses
 * the file again.
 */
export interface WorkerJob {
  kind: JobKind;
  /** The validated budget file (src/config/types.ts). */
  config: BudgetConfig;
  /** Index of the job's model in `config.models` (not in the shard). */
  modelIndex: number;
  /** The model's name, checked against `config.models[modelIndex]`. */
  modelName: string;
  /** The model file to measure: the head's path, or the base version written from git. */
  path: string;
  /** The base version's model file, counted beside the head's (count, when a base was compared). */
  basePath?: string;
  /** The head's report (compare and advise). */
  head?: ModelReport;
  /** Environment the measurement reads (carbon region, sysfs override), secrets removed. */
  env: Record<string, string | undefined>;
  sysfsRoot: string;
  procRoot?: string;
  advise: boolean;
  /** Folder that `.npy` inputs must stay inside (see src/isolate/workspace.ts). */
  workspaceRoot: string;
  /** Notices already shown by earlier models (the meter's choice is said once per run). */
  shown: string[];
}

/** A thrown error, flattened so it crosses the process boundary. */
export interface SerializedError {
  /** True for our user-facing errors (EnergyBudgetError but not InternalError); false for anything else (a bug or an unwrapped internal failure). */
  ours: boolean;
  name: string;
  code?: ErrorCodeName;
  exitCode?: 2 | 3;
  message: string;
  stack?: string;
  issues?: ConfigIssue[];
}

/** Worker → parent. */
export type WorkerMessage =
  | { type: 'log'; level: 'info' | 'warn' | 'progress'; message: string }
  | { type: 'result'; value: unknown; shown: string[] }
  | { type: 'error'; error: SerializedError };

/** Flattens any thrown value for the trip to the parent. */
export function serializeError(error: unknown): SerializedError {
  if (isUserFacing(error)) {
    return {
      ours: true,
      name: error.name,
      code: error.code,
      exitCode: error.exitCode,
      message: error.message,
      ...(error instanceof ConfigError ? { issues: error.issues } : {}),
    };
  }
  if (error instanceof Error) return { ours: false, name: error.name, message: error.message, stack: error.stack };
  return { ours: false, name: 'Error', message: String(error) };
}

/** Rebuilds the error in the parent: our errors keep their code and exit code, anything else stays a plain Error. */
export function deserializeError(e: SerializedError): Error {
  if (e.ours && e.code && e.exitCode) {
    if (e.issues) return new ConfigError(e.issues);
    const error = new EnergyBudgetError(e.code, e.message, e.exitCode);
    error.name = e.name;
    return error;
  }
  const error = new Error(e.message);
  error.name = e.name;
  if (e.stack) error.stack = e.stack;
  return error;
}
