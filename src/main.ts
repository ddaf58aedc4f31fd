/**
 * The GitHub Action. `run(deps)` does everything; `src/index.ts` only calls it, so tests import
 * this module with no side effects and pass fakes for the edges (inputs/outputs, the engine,
 * the API client's clock).
 *
 * Order matters: the engine writes the JSON report, then the job summary, outputs and
 * annotations are written, and only then is the network used (the comment), so a failing or
 * read-only GitHub API never loses what was measured.
 */
import path from 'node:path';
import { exitCodeOf, isUserFacing, messageOf } from './errors.js';
import { readGitHubContext } from './github/context.js';
import { readInputs } from './github/inputs.js';
import { escapeMarkdown } from './report/escape.js';
import { runMode } from './action/run-mode.js';
import { commentMode } from './action/comment-mode.js';
import { coreIO, type ActionDeps, type Session } from './action/session.js';

export { coreIO, type ActionDeps, type ActionIO, type RunEnergyBudget } from './action/session.js';

/** The budget-file path as the comment marker and annotations name it: relative to the workspace, forward slashes. */
function workspacePath(workspace: string, file: string): string {
  const rel = path.relative(workspace, path.resolve(workspace, file));
  return (rel.startsWith('..') || path.isAbsolute(rel) ? file : rel).split(path.sep).join('/');
}

/**
 * Runs the action and returns its exit code (0 ok, 1 failed per `fail-on`, 2 bad input,
 * 3 environment). Every thrown value ends in `setFailed` with a message; our own errors
 * never show a stack trace.
 */
export async function run(deps: ActionDeps = {}): Promise<number> {
  const env = deps.env ?? process.env;
  const io = deps.io ?? coreIO(env);
  try {
    const ctx = readGitHubContext(env, { cwd: deps.cwd });
    for (const w of ctx.warnings) io.warning(w);
    const inputs = readInputs((name) => io.getInput(name));
    const s: Session = { io, ctx, inputs, deps: { ...deps, env }, configKey: workspacePath(ctx.workspace, inputs.config) };
    return inputs.mode === 'comment' ? await commentMode(s) : await runMode(s);
  } catch (error) {
    const code = exitCodeOf(error);
    const message = isUserFacing(error)
      ? error.message
      : `Internal error: ${messageOf(error)}. Please report it with the log of this step.`;
    if (!isUserFacing(error) && error instanceof Error && error.stack) io.info(error.stack);
    try {
      await io.writeSummary(`## Energy budget: error\n\n${escapeMarkdown(message, { newlines: 'br', maxLength: 5000 })}\n`);
    } catch {
      // The failure itself is what matters; a summary that cannot be written is not reported twice.
    }
    io.setFailed(message);
    return code;
  }
}
