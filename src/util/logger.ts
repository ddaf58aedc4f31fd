/** The logger every stage writes progress and notices to; the CLI and the action each pass theirs. */

/** A line of progress or a notice for the user (terminal, action log). */
export interface RunLogger {
  info(message: string): void;
  warn(message: string): void;
  /** Progress for long runs: one line per model phase. */
  progress(message: string): void;
}
