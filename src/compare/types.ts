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
  line?: number;
  message?: string;
  /**
   * The model is identical to the base (ModelReport.identicalToBase), so this regression limit
   * holds without measuring the base: shown as "unchanged (identical to base)".
   */
  unchanged?: boolean;
}
