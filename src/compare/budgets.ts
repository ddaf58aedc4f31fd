/**
 * Budget evaluation: every limit of one model checked against its measured metrics, the
 * baseline's, and the base-versus-head comparisons of noisy metrics. Pure.
 *
 * - Absolute limits: a ceiling for every metric except throughput, which is a floor.
 * - Regression limits (`regression:`), in percent (a fraction of the baseline) or in units:
 *   deterministic metrics (size, parameters, FLOPs) are compared exactly; noisy ones (latency,
 *   energy, throughput, step time, carbon) by the confidence interval of the relative change
 *   when a comparison in rounds is available, else by the point values, with a note.
 * - No baseline (the first PR, or a new model): regression limits are not checked and never fail.
 */
import type { BudgetLimit, MetricKey } from '../config/types.js';
import { isInstructionMetric, isMinimumMetric, metricKind } from '../config/metrics.js';
import { formatQuantity } from '../config/units.js';
import { classifyInterval, statusForVerdict } from './sequential.js';
import type { BudgetResult, BudgetStatus, ComparisonResult, ComparisonVerdict, InconclusivePolicy, Verdict } from './types.js';
import { isOneOf } from '../util/one-of.js';

/** Metric values of one model, in base units (bytes, seconds, joules, FLOPs, samples/s, g CO2e). */
export type MetricValues = Partial<Record<MetricKey, number>>;

/** Metrics that are the same on every run of the same file: compared exactly. */
export const DETERMINISTIC_METRICS: readonly MetricKey[] = ['model-size', 'parameters', 'flops'];

/**
 * The residual spread of a simulated instruction count between processes running the same
 * model on the same inputs, as a fraction: ±0.3%. Measured (docs/instructions.md): counted over
 * the whole run, one model's counts in separate processes spread by up to 0.15–0.25%
 * (allocator and hash-table layout differ from process to process); counted as now
 * (libonnxruntime only, median call) by up to 0.03%, on one model so far. A change within
 * ±0.3% of the limit is inconclusive rather than decided.
 */
export const INSTRUCTION_TOLERANCE = 0.003;

/** Whether a metric is deterministic (compared exactly) rather than measured with noise. */
export function isDeterministicMetric(metric: string): boolean {
  return isOneOf(DETERMINISTIC_METRICS, metric);
}

/** Options of {@link evaluateBudgets}. */
export interface EvaluateOptions {
  /** What an inconclusive comparison does. @default 'warn' */
  inconclusive: InconclusivePolicy;
  /**
   * Metrics whose figure is known to be incomplete, with why (FLOPs of ops that could not be
   * counted): their limits are "not checked" (a warning), never passed on an undercount.
   */
  incomplete?: Partial<Record<MetricKey, string>>;
}

// A deterministic value equal to its limit up to float rounding (5% of 100 = 105.00000000000001)
// is within it: compare with this relative tolerance.
const EXACT_TOLERANCE = 1e-12;

function fmt(metric: MetricKey, value: number): string {
  return formatQuantity(value, metricKind(metric));
}

/** A signed relative change: +3.10%, -12.0%. */
function pct(x: number): string {
  const v = x * 100;
  const digits = Math.abs(v) >= 10 ? 1 : 2;
  return `${v > 0 ? '+' : ''}${v.toFixed(digits)}%`;
}

function levelStatus(level: 'error' | 'warn'): BudgetStatus {
  return level === 'error' ? 'fail' : 'warn';
}

function base(limit: BudgetLimit, value: number, baseline: number | null): Omit<BudgetResult, 'status'> {
  return {
    metric: limit.metric,
    kind: limit.kind,
    limit: limit.limit,
    value,
    baseline,
    level: limit.level,
    ...(limit.kind === 'regression' ? { relative: limit.relative } : {}),
    ...(limit.line !== undefined ? { line: limit.line } : {}),
  };
}

function absolute(limit: BudgetLimit, value: number, baselineValue: number | undefined): BudgetResult {
  const m = limit.metric;
  const floor = isMinimumMetric(m);
  const exceeded = floor ? value < limit.limit : value > limit.limit;
  // The base's figure is kept on the row: the Base column shows it, and `fail-on: regression`
  // excuses a limit the base already broke (existing debt) only when it is known.
  const baseFigure = baselineValue !== undefined && Number.isFinite(baselineValue) ? baselineValue : null;
  const baseOver = baseFigure !== null && (floor ? baseFigure < limit.limit : baseFigure > limit.limit);
  const message = exceeded
    ? `${fmt(m, value)} ${floor ? 'is below the minimum' : 'exceeds the limit'} ${fmt(m, limit.limit)}` +
      (baseOver ? ` (the base, ${fmt(m, baseFigure)}, was already past it)` : '')
    : `${fmt(m, value)} ${floor ? '≥' : '≤'} ${fmt(m, limit.limit)}`;
  return { ...base(limit, value, baseFigure), status: exceeded ? levelStatus(limit.level) : 'pass', message };
}

/** The allowed change as a fraction of the baseline, signed so that "worse" is positive. */
function allowedFraction(limit: BudgetLimit, baselineValue: number): number {
  return limit.relative ? limit.limit : limit.limit / baselineValue;
}

function limitText(limit: BudgetLimit): string {
  return limit.relative ? formatQuantity(limit.limit, 'percent') : fmt(limit.metric, limit.limit);
}

function regression(
  limit: BudgetLimit,
  value: number,
  baselineValue: number,
  comparison: ComparisonResult | undefined,
  policy: InconclusivePolicy,
): BudgetResult {
  const m = limit.metric;
  const floor = isMinimumMetric(m);
  const direction = floor ? 'lower-is-worse' : 'higher-is-worse';
  const r = base(limit, value, baselineValue);
  const change = baselineValue === 0 ? (value === 0 ? 0 : Number.POSITIVE_INFINITY) : value / baselineValue - 1;
  const changeText = Number.isFinite(change) ? pct(change) : 'from 0';
  const allowedText = `allowed ${floor ? 'drop' : 'growth'} ${limitText(limit)}`;

  if (isDeterministicMetric(m) || (!comparison && baselineValue === 0)) {
    // Exact comparison in base units.
    const bound = limit.relative
      ? floor
        ? baselineValue * (1 - limit.limit)
        : baselineValue * (1 + limit.limit)
      : floor
        ? baselineValue - limit.limit
        : baselineValue + limit.limit;
    const tol = EXACT_TOLERANCE * Math.max(Math.abs(bound), Math.abs(value));
    const exceeded = floor ? value < bound - tol : value > bound + tol;
    return {
      ...r,
      status: exceeded ? levelStatus(limit.level) : 'pass',
      message: `${fmt(m, baselineValue)} → ${fmt(m, value)} (${changeText}; ${allowedText})${exceeded ? ': regression' : ''}`,
    };
  }

  const allowed = allowedFraction(limit, baselineValue);
  if (isInstructionMetric(m)) {
    // One count per side decides; the band is the measured residual spread, not a CI.
    const band: [number, number] = [change - INSTRUCTION_TOLERANCE, change + INSTRUCTION_TOLERANCE];
    const verdict: ComparisonVerdict = classifyInterval(band, allowed, allowed, direction);
    const status = statusForVerdict(verdict, limit.level, policy);
    let message = `${fmt(m, baselineValue)} → ${fmt(m, value)} SIMULATED (${changeText}, ±${pct(INSTRUCTION_TOLERANCE).slice(1)} residual spread; ${allowedText}): ${verdict}`;
    if (verdict === 'inconclusive')
      message += ` — the change is within the count's residual spread of the limit; treated as ${policy === 'warn' ? 'a warning' : `a ${policy}`} (budget file \`inconclusive:\`)`;
    message += ' [callgrind instruction counts, one process per side]';
    return { ...r, status, change, message };
  }
  if (comparison) {
    const verdict: ComparisonVerdict = classifyInterval(comparison.changeCi95, allowed, allowed, direction);
    const status = statusForVerdict(verdict, limit.level, policy);
    const [lo, hi] = comparison.changeCi95;
    let message = `change ${pct(comparison.estimate)} (95% CI ${pct(lo)} … ${pct(hi)}; ${allowedText}): ${verdict}`;
    if (verdict === 'inconclusive') {
      message += ` — the interval straddles the limit; treated as ${policy === 'warn' ? 'a warning' : `a ${policy}`} (budget file \`inconclusive:\`)`;
    }
    message += ` [${comparison.method}]`;
    return {
      ...r,
      status,
      change: comparison.estimate,
      changeCi95: comparison.changeCi95,
      ...(comparison.centres ? { compared: comparison.centres } : {}),
      message,
    };
  }

  // Noisy metric without an interval (baseline from a report, or no rounds were run).
  const exceeded = floor ? change < -allowed : change > allowed;
  return {
    ...r,
    status: exceeded ? levelStatus(limit.level) : 'pass',
    message:
      `${fmt(m, baselineValue)} → ${fmt(m, value)} (${changeText}; ${allowedText})${exceeded ? ': regression' : ''}; ` +
      'point values only, without a confidence interval, so run-to-run noise is not accounted for',
  };
}

/**
 * Checks one model's limits. `baseline` is null when there is no baseline (first PR, new
 * model): regression limits then pass with a note and never fail. A metric that was not
 * measured gives a warning naming it.
 */
export function evaluateBudgets(
  limits: readonly BudgetLimit[],
  metrics: MetricValues,
  baseline: MetricValues | null,
  comparisons: Partial<Record<MetricKey, ComparisonResult>>,
  opts: EvaluateOptions = { inconclusive: 'warn' },
): BudgetResult[] {
  return limits.map((limit): BudgetResult => {
    const value = metrics[limit.metric];
    const baselineValue = baseline?.[limit.metric];
    const incomplete = opts.incomplete?.[limit.metric];
    if (incomplete !== undefined && value !== undefined) {
      return {
        ...base(limit, value, baselineValue !== undefined && Number.isFinite(baselineValue) ? baselineValue : null),
        status: 'warn',
        message: `not checked: ${incomplete}`,
      };
    }
    if (value === undefined || !Number.isFinite(value)) {
      return {
        ...base(limit, Number.NaN, baselineValue ?? null),
        status: 'warn',
        message: `${limit.metric} was not measured for this model, so this limit could not be checked (is the phase it needs, inference or training, configured?)`,
      };
    }
    if (limit.kind === 'absolute') return absolute(limit, value, baselineValue);
    if (baselineValue === undefined || !Number.isFinite(baselineValue)) {
      return {
        ...base(limit, value, null),
        status: 'pass',
        message: baseline
          ? `not checked: the baseline has no ${limit.metric}`
          : 'not checked: no baseline (a new model, or the first run with this budget file)',
      };
    }
    return regression(limit, value, baselineValue, comparisons[limit.metric], opts.inconclusive);
  });
}

/** Verdicts from best to worst: a merge or a check keeps the worse of two. */
const VERDICT_RANK: Record<Verdict, number> = { pass: 0, warn: 1, incomplete: 2, fail: 3 };

/** The worse of two verdicts (fail > incomplete > warn > pass). */
export function worseVerdict(a: Verdict, b: Verdict): Verdict {
  return VERDICT_RANK[b] > VERDICT_RANK[a] ? b : a;
}

/**
 * The run's verdict: `fail` when any budget fails or a model could not be measured, `warn`
 * when any budget warns or is inconclusive, else `pass`.
 */
export function overallVerdict(
  models: ReadonlyArray<{ budgets?: readonly Pick<BudgetResult, 'status'>[]; error?: unknown }>,
): Verdict {
  let verdict: Verdict = 'pass';
  for (const m of models) {
    if (m.error) return 'fail';
    for (const b of m.budgets ?? []) {
      if (b.status === 'fail') return 'fail';
      if (b.status === 'warn' || b.status === 'inconclusive') verdict = 'warn';
    }
  }
  return verdict;
}
