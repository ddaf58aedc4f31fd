/**
 * The per-model work of a run: measure, compare with the baseline, evaluate the budgets,
 * advise. Each model on its own: a failure becomes that model's report.
 */
import { readFile } from 'node:fs/promises';
import type { BudgetConfig, MetricKey, ModelConfig } from '../config/types.js';
import type { ComparisonResult } from '../compare/types.js';
import { exitCodeOf, isUserFacing, messageOf } from '../errors.js';
import type { BudgetResult, ModelReport } from '../report/types.js';
import type { RunOptions } from './types.js';
import type { RunLogger } from '../util/logger.js';
import { ortVersion } from '../bench/ort.js';
import { evaluateBudgets, isDeterministicMetric } from '../compare/budgets.js';
import { documentedSpread, flagTightEnergyLimits, measuredSpread } from '../compare/spread.js';
import { compareIdentity, digestModel, measurementEntry, sha256OrNull } from '../baseline/identity.js';
import { GitBaseline } from '../baseline/git-baseline.js';
import { metricValues } from './measure.js';
import { isMetricKey } from '../config/metrics.js';
import { assertInsideWorkspace } from '../isolate/workspace.js';
import { historyBaselineFor } from '../history/baseline.js';
import { type Baselines } from './baselines.js';
import type { ModelRunner } from '../isolate/engine.js';

function modelError(cfg: ModelConfig, error: unknown): ModelReport {
  const code = isUserFacing(error) ? error.code : 'INTERNAL';
  const message = isUserFacing(error) ? error.message : `internal error while measuring: ${messageOf(error)}`;
  return {
    name: cfg.name,
    path: cfg.pathInConfig,
    size: { bytes: 0, parameters: 0, bytesByDtype: {}, sparsity: 0 },
    flops: 0,
    budgets: [],
    error: { code, message, exitCode: exitCodeOf(error) },
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

/** What measuring one model of the run reads. */
export interface ModelRunState {
  options: RunOptions;
  config: BudgetConfig;
  logger: RunLogger;
  workspaceRoot: string;
  /** Files the budget file names that do not exist, by model (src/config/files.ts). */
  missing: ReadonlyMap<ModelConfig, Error>;
  runner: ModelRunner;
  baselines: Baselines;
}

/**
 * One model's work: measured (in its worker), compared with its baseline, its budgets
 * evaluated, advice when asked or over budget. A failure is the model's report, never a throw.
 */
export async function runModel(cfg: ModelConfig, state: ModelRunState): Promise<ModelReport> {
  const { options, config, logger, workspaceRoot, missing, runner } = state;
  const { git, baseConfig, baseText, history, byName: baselineByName } = state.baselines;
  let head: ModelReport;
  const missingFile = missing.get(cfg);
  if (missingFile) return modelError(cfg, missingFile);
  try {
    await assertInsideWorkspace(cfg.path, workspaceRoot, `Model "${cfg.name}": its path`);
    if (cfg.training?.stepModel)
      await assertInsideWorkspace(cfg.training.stepModel, workspaceRoot, `Model "${cfg.name}": its training step-model`);
    head = await runner.measure(cfg, config.models.indexOf(cfg), cfg.path);
  } catch (error) {
    if (exitCodeOf(error) === 3 && !isUserFacing(error)) {
      const stack = typeof error === 'object' && error !== null && 'stack' in error ? error.stack : undefined;
      logger.warn(String(stack ?? error));
    }
    return modelError(cfg, error);
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
        const w = `${cfg.name}: the base version could not be measured, so no regression check was made: ${messageOf(error)}`;
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
      return modelError(cfg, error);
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
      const w = `${cfg.name}: the optimisation advisor failed: ${messageOf(error)}`;
      logger.warn(w);
      (head.notices ??= []).push(w);
    }
  }
  return head;
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
    if (b.kind !== 'absolute' || !isMetricKey(b.metric)) continue;
    const value = base[b.metric];
    if (value === undefined || !Number.isFinite(value)) continue;
    b.baseline = value;
    const c = comparisons[b.metric];
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
      `  ${cfg.name}: could not tell whether the model is identical to the base (${messageOf(error)}); measuring the base`,
    );
    return null;
  }
}
