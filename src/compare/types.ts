/**
 * Shared shapes of the comparison core: the verdict of a base-versus-head comparison of one
 * noisy metric, what an inconclusive verdict turns into, and the budget results and verdicts
 * this stage hands to the report.
 */
import type { Interval } from '../util/stats.js';

/** The verdict of a finished comparison. */
export type ComparisonVerdict = 'pass' | 'regression' | 'improvement' | 'inconclusive';

/** What an inconclusive comparison does to the check (budget file `inconclusive:`). @default 'warn' */
export type InconclusivePolicy = 'warn' | 'fail' | 'pass';

/**
 * The outcome of comparing one noisy metric between base and head. The interval is of the
 * relative change head/base − 1 of that metric (0.03 = head 3% higher).
 */
export interface ComparisonResult {
  verdict: ComparisonVerdict;
  /** Point estimate of head/base − 1. */
  estimate: number;
  /**
   * 95% confidence interval of head/base − 1. For a sequential comparison this is the interval
   * adjusted for the number of looks, so its coverage holds whatever look stopped the sampling.
   */
  changeCi95: Interval;
  /** How the interval was obtained, for reports, e.g. "paired rounds, 3 looks (Bonferroni)". */
  method: string;
  /** Rounds (units of replication) behind the interval, when sequential. */
  rounds?: number;
  /** The relative threshold the sampling stopped against. */
  threshold?: number;
  /**
   * Base and head as the comparison saw them, in the metric's base units: each arm's central
   * value over the paired rounds (geometric mean of its per-round statistic), so
   * head / base − 1 equals `estimate`.
   */
  centres?: { base: number; head: number };
  /**
   * How far apart two measurements of the metric fall (95%, relative): for the interleaved
   * comparison, exp(1.96 × sd of the per-round log ratios) − 1, the spread of one round's
   * paired figure; for a history comparison, exp(1.96 × √2 × sd of the runs' logs) − 1.
   */
  roundSpread95?: number;
}

/**
 * `incomplete` only comes from merging shard reports (`energy-budget merge`, the action's
 * comment mode) when a shard or a model of the budget file has no result: never a pass.
 */
export type Verdict = 'pass' | 'warn' | 'fail' | 'incomplete';
export type BudgetStatus = 'pass' | 'warn' | 'fail' | 'inconclusive';

export interface BudgetResult {
  /**
   * A metric key (docs/contract.md); typed as any string because reports are also read from
   * files, where a newer version may name a metric this one does not know.
   */
  metric: string;
  kind: 'absolute' | 'regression';
  limit: number;
  value: number;
  baseline: number | null;
  status: BudgetStatus;
  level?: 'error' | 'warn';
  /** For regression limits expressed in percent. */
  relative?: boolean;
  /** Estimate of the relative change head/base − 1 from the interleaved comparison, for noisy metrics. */
  change?: number;
  /** 95% CI of the relative change (head/base − 1), for noisy metrics. */
  changeCi95?: [number, number];
  /**
   * Base and head as the interleaved comparison measured them (each arm's central value over
   * the paired rounds, base units), so compared.head / compared.base − 1 equals `change`. The
   * Markdown shows these as Base and Head; `value` and `baseline` are the separate benchmarks'.
   */
  compared?: { base: number; head: number };
  line?: number;
  message?: string;
  /**
   * The model is identical to the base (ModelReport.identicalToBase), so this regression limit
   * holds without measuring the base: shown as "unchanged (identical to base)".
   */
  unchanged?: boolean;
  /**
   * A relative energy regression limit tighter than the spread of its energy method: two
   * measurements of the same model differ by up to ±`spread` (95%, relative), from `source`
   * (this run's comparison rounds, or the figure documented in docs/statistics.md).
   */
  tighterThanSpread?: { spread: number; method: string; source: string };
}
