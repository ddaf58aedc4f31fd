/**
 * One error hierarchy for the whole product. Each error has a literal `code` and the exit
 * code the CLI and the action use for it (see docs/contract.md):
 * 2 for anything the user can fix in their input, 3 for internal or environment failures.
 */

/** Exit codes of `energy-budget run`. */
export const ExitCode = { OK: 0, BUDGET_EXCEEDED: 1, INVALID_INPUT: 2, INTERNAL: 3 } as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export type ErrorCodeName =
  | 'CONFIG_INVALID'
  | 'ARGUMENT_INVALID'
  | 'MODEL_INVALID'
  | 'INPUT_INVALID'
  | 'UNSUPPORTED_OP'
  /** The model crashed the runtime (a native signal, an abort, out of memory) in the isolated worker. */
  | 'MODEL_CRASHED'
  /** The model's measurement ran past its wall-clock limit in the isolated worker. */
  | 'MODEL_TIMEOUT'
  /** A path (model, external data, .npy input) resolves outside the workspace. */
  | 'PATH_OUTSIDE_WORKSPACE'
  | 'METER_UNAVAILABLE'
  | 'GIT_FAILED'
  /** A pass would need more memory than the machine has available (the pre-flight refused it). */
  | 'MEMORY_INSUFFICIENT'
  /** A limit of the product or the machine (a file or message too large, an allocation refused), not the model's fault. */
  | 'LIMIT_EXCEEDED'
  | 'ENVIRONMENT'
  | 'INTERNAL';

/** Base class: message is one paragraph, already naming the file, field or node and the fix. */
export class EnergyBudgetError extends Error {
  readonly code: ErrorCodeName;
  readonly exitCode: 2 | 3;
  constructor(code: ErrorCodeName, message: string, exitCode: 2 | 3, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EnergyBudgetError';
    this.code = code;
    this.exitCode = exitCode;
  }
}

/** Where in the budget file a problem is. */
export interface ConfigLocation {
  file: string;
  /** Dotted path such as `models[1].budget.latency-p95`. */
  path: string;
  /** 1-based; absent when the node has no position (e.g. a missing key). */
  line?: number;
  column?: number;
}

/** One configuration problem: what is wrong, what was expected, and an example fix. */
export interface ConfigIssue extends ConfigLocation {
  message: string;
  expected?: string;
  example?: string;
}

/** Formats one issue as `file:line:col: path: message (expected …; e.g. …)`. */
export function formatConfigIssue(issue: ConfigIssue): string {
  const pos = issue.line ? `${issue.file}:${issue.line}:${issue.column ?? 1}` : issue.file;
  let text = `${pos}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`;
  if (issue.expected) text += `\n    expected: ${issue.expected}`;
  if (issue.example) text += `\n    example:  ${issue.example}`;
  return text;
}

/** Every configuration problem found in one pass (exit code 2). */
export class ConfigError extends EnergyBudgetError {
  readonly issues: ConfigIssue[];
  constructor(issues: ConfigIssue[]) {
    super(
      'CONFIG_INVALID',
      `${issues.length === 1 ? 'The budget file has a problem' : `The budget file has ${issues.length} problems`}:\n` +
        issues.map((i) => `  ${formatConfigIssue(i).replace(/\n/g, '\n  ')}`).join('\n'),
      2,
    );
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

/** A user input problem outside the budget file: a model, an input file, an argument (exit 2). */
export class InputError extends EnergyBudgetError {
  constructor(code: Exclude<ErrorCodeName, 'INTERNAL' | 'ENVIRONMENT'>, message: string, options?: { cause?: unknown }) {
    super(code, message, 2, options);
    this.name = 'InputError';
  }
}

/** The environment or the product failed (exit 3). */
export class EnvironmentError extends EnergyBudgetError {
  constructor(message: string, options?: { cause?: unknown; code?: ErrorCodeName }) {
    super(options?.code ?? 'ENVIRONMENT', message, 3, options);
    this.name = 'EnvironmentError';
  }
}

/**
 * A lower layer's failure that its caller wraps with the file, model or command it concerns: a
 * protobuf that does not decode, a non-zero NVML status, a git command that exited non-zero, a
 * malformed download. `code` names the area; the exit code is 3, since one that reaches the user
 * unwrapped is a gap in that wrapping, not the user's to fix. It is handled as any unexpected
 * error ({@link isUserFacing} is false for it): catch sites that pass our errors through still
 * wrap it, the CLI and the action show it as an internal error, the isolated worker sends its stack.
 */
export class InternalError extends EnergyBudgetError {
  constructor(code: ErrorCodeName, message: string, options?: { cause?: unknown }) {
    super(code, message, 3, options);
    this.name = 'InternalError';
  }
}

/** Whether a thrown value is one of ours whose message is written for users (any but an {@link InternalError}). */
export function isUserFacing(error: unknown): error is EnergyBudgetError {
  return error instanceof EnergyBudgetError && !(error instanceof InternalError);
}

/**
 * A failure that is a limit of the product or the machine, not a fault of the model: a file or
 * protobuf message past 2 GiB, an allocation refused. Exit 3 naming what was exceeded, never
 * MODEL_INVALID. Undefined for anything else.
 * `doing` completes "Model X: … exceeded" (e.g. `loading it into onnxruntime`).
 */
export function limitErrorOf(model: string, doing: string, error: unknown): EnvironmentError | undefined {
  const text = messageOf(error).replace(/\s*\n\s*/g, ' ');
  const code = errnoCode(error);
  let what: string | undefined;
  if (code === 'ERR_FS_FILE_TOO_LARGE' || /greater than 2 GiB|File size .* is greater than|exceeds? (the )?2 ?GiB/i.test(text))
    what = 'a file or protobuf message past 2 GiB (the most Node.js reads into one buffer and protobuf encodes)';
  else if (error instanceof RangeError && /allocation failed|Invalid array length|Invalid typed array length/i.test(text))
    what = 'a buffer larger than Node.js can allocate';
  else if (/bad_alloc|Failed to allocate memory|out of memory|ENOMEM|Cannot allocate memory/i.test(text))
    what = 'the memory the machine could give';
  if (!what) return undefined;
  return new EnvironmentError(
    `Model ${model}: ${doing} exceeded ${what}: ${text}. The model itself is not at fault. ` +
      `Keep weights in external data (onnx.save_model(..., save_as_external_data=True)), use smaller dims, or a runner with more memory (docs/large-models.md).`,
    { code: 'LIMIT_EXCEEDED', cause: error },
  );
}

/** The exit code for any thrown value: our errors carry theirs, anything else is internal. */
export function exitCodeOf(error: unknown): 2 | 3 {
  return error instanceof EnergyBudgetError ? error.exitCode : 3;
}

/**
 * The message of any thrown value: an Error's message, else its text. Duck-typed rather than
 * `instanceof Error`, since errors from node's own modules come from another realm under jest.
 */
export function messageOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string'
    ? error.message
    : String(error);
}

/** The errno code of a failed system call (`ENOENT`, `EISDIR`, …), or undefined for any other value. */
export function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}
