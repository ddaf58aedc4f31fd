/**
 * Shared shapes of the comparison core: the verdict of a base-versus-head comparison of one
 * noisy metric, and what an inconclusive verdict turns into.
 */
import type { Interval } from './stats.js';

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
