/** The action's run mode: measure with the engine, publish, append to the history, comment, apply `fail-on`. */
import path from 'node:path';
import { ensureOnnxRuntime } from '../github/platform.js';
import { budgetAnnotations, failingProblems } from '../github/verdict.js';
import { planHistory, runRecord } from '../history/action.js';
import { appendHistory, historyView, readStoredHistory } from './history.js';
import { postComment, publishLocally } from './publish.js';
import type { ActionIO, RunEnergyBudget, Session } from './session.js';

/**
 * Loads the engine after making sure onnxruntime can load on this platform (fetching the Linux
 * arm64 runtime into the tool cache on first use). The measurement workers inherit
 * ENERGY_BUDGET_RUNTIME_ENTRY=action, so they load the same copy as this process.
 */
async function loadEngine(io: ActionIO): Promise<RunEnergyBudget> {
  process.env.ENERGY_BUDGET_RUNTIME_ENTRY = 'action';
  await ensureOnnxRuntime({ log: (m) => io.info(m) });
  const engine = await import('../engine/run.js');
  return engine.runEnergyBudget;
}

/** The run mode: measures, publishes, appends to the history, comments; returns the exit code. */
export async function runMode(s: Session): Promise<number> {
  const { inputs, ctx, io } = s;
  const plan = planHistory(inputs, ctx);
  const againstHistory = inputs.baseline === 'history';
  const stored = againstHistory ? await readStoredHistory(s, true) : undefined;
  const baseRef = inputs.baseRef || (inputs.baseline ? undefined : ctx.pullRequest?.baseSha || undefined);
  const runEnergyBudget = s.deps.runEnergyBudget ?? (await loadEngine(io));
  const jsonPath = path.resolve(ctx.workspace, inputs.reportJson);
  const logger = { info: (m: string) => io.info(m), warn: (m: string) => io.warning(m), progress: (m: string) => io.info(m) };
  if (baseRef) io.info(`Comparing with the base ${baseRef}.`);
  const result = await runEnergyBudget(
    {
      configPath: inputs.config,
      cwd: ctx.workspace,
      jsonPath,
      markdownPath: inputs.reportMarkdown ? path.resolve(ctx.workspace, inputs.reportMarkdown) : undefined,
      junitPath: inputs.reportJunit ? path.resolve(ctx.workspace, inputs.reportJunit) : undefined,
      baseRef,
      baselinePath: inputs.baseline && !againstHistory ? path.resolve(ctx.workspace, inputs.baseline) : undefined,
      historyBaseline:
        againstHistory && stored ? { records: stored, window: inputs.historyWindow, branch: plan.branch } : undefined,
      shard: inputs.shard,
      advise: inputs.advise,
      installValgrind: true,
    },
    { logger, env: s.deps.env },
  );
  const report = result.report;
  const record = plan.write ? runRecord(report, ctx, plan.branch) : undefined;
  const view = plan.read ? await historyView(s, plan, report, stored, record) : undefined;
  const body = await publishLocally(s, report, result.files.json ?? jsonPath, view);
  for (const a of budgetAnnotations(report)) {
    io.annotate(a.level, a.message, { title: a.title, file: s.configKey, startLine: a.line });
  }
  if (record) await appendHistory(s, record);
  else if (inputs.history !== 'off') io.info(`This run is not appended to the history: ${plan.reason}.`);
  await postComment(s, report, body, ctx.pullRequest?.number ?? null, false);
  const problems = failingProblems(report, inputs.failOn);
  const fails = problems.length > 0 || (inputs.failOn === 'budget' && report.verdict === 'fail');
  if (fails) {
    const list = problems.slice(0, 10).map((p) => `  - ${p.message}`);
    if (problems.length > 10) list.push(`  - …and ${problems.length - 10} more`);
    const what = problems.length ? `${problems.length} problem${problems.length === 1 ? '' : 's'}` : 'the verdict is fail';
    io.setFailed(`Energy budget failed (fail-on: ${inputs.failOn}): ${what}.${list.length ? `\n${list.join('\n')}` : ''}`);
    // A model that could not be measured keeps the engine's code (2 invalid input, 3 environment), as in the CLI.
    return problems.some((p) => !p.budget) && result.exitCode >= 2 ? result.exitCode : 1;
  }
  io.info(`Energy budget: ${report.verdict} (fail-on: ${inputs.failOn}).`);
  return 0;
}
