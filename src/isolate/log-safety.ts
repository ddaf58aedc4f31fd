/**
 * Log lines carry pull-request text: model names, paths, node names inside onnxruntime's
 * messages. On a GitHub runner every stdout line is also scanned for workflow commands — a line
 * that starts with `::` (after leading whitespace) or contains `##[` — so a model or node named
 * "x\n::error file=README.md::…" or "##[add-path]…" could forge annotations or commands. Terminal
 * escape sequences (ESC, BEL…) could rewrite what a reader sees. Every engine log line goes
 * through {@link neutralizeLogText} (see `safeLogger`).
 */
import type { RunLogger } from '../util/logger.js';

/** C0/C1 control characters except tab and line feed, DEL, and bidirectional overrides. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Makes text safe to print on a runner: control characters and escape sequences removed, a
 * zero-width space after the first `:` of a line that would start a workflow command, and
 * inside every `##[` (the runner's `TrimStart` does not remove U+200B, so the line no longer
 * starts with `::`).
 */
export function neutralizeLogText(text: string): string {
  return String(text)
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .split('\n')
    .map((line) => line.replace(/^(\s*):(?=:)/, '$1:\u200b').replace(/##\[/g, '#\u200b#['))
    .join('\n');
}

/** A logger that neutralises every line before passing it on. */
export function safeLogger(logger: RunLogger): RunLogger {
  return {
    info: (m) => logger.info(neutralizeLogText(m)),
    warn: (m) => logger.warn(neutralizeLogText(m)),
    progress: (m) => logger.progress(neutralizeLogText(m)),
  };
}
