/**
 * Cancellation: GitHub cancels a job (a newer push with `cancel-in-progress`, or the Cancel
 * button) by sending SIGINT, then SIGTERM about 7.5 s later, then SIGKILL
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-cancellation).
 * On the first of SIGINT or SIGTERM the process says so and exits at once: no report file is
 * written (a half-measured report would read as a result), no comment is posted, and the
 * measurement workers are killed by the `exit` handlers src/isolate/parent.ts registers, so no
 * process is left behind even when a worker is inside a long onnxruntime call.
 */

/** The parts of `process` cancellation uses (tests pass a fake). */
export interface CancelProcess {
  once(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  removeListener(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  exit(code: number): never;
  stderr: { write(text: string): unknown };
}

/** Exit code after a signal: 128 + the signal number, as shells report it (SIGINT 130, SIGTERM 143). */
export const CANCEL_EXIT_CODE = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Installs the SIGINT/SIGTERM handlers (the binaries call this; nothing does at import time).
 * Returns a function that removes them.
 */
export function installCancellation(proc: CancelProcess = process): () => void {
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const handler = () => {
      proc.stderr.write(
        `energy-budget: cancelled by ${signal}: stopping the measurement; no report is written and no comment is posted.\n`,
      );
      proc.exit(CANCEL_EXIT_CODE[signal]);
    };
    proc.once(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) proc.removeListener(signal, handler);
  };
}
