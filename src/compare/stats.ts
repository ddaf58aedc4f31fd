/**
 * Statistics for comparing noisy measurements: summary figures, Student-t quantiles and
 * confidence intervals of the relative difference of two means (head/base − 1).
 *
 * Pure functions on plain arrays. Every formula names where it comes from.
 */
import {
  incompleteBeta as betaRegularized,
  lnGamma,
  normalCdf as phi,
  percentile as sortedPercentile,
  tCdf,
  tQuantile,
} from '../bench/latency.js';
import { createRng } from '../util/random.js';

// Module-level aliases: under jest every lookup of the global `Math` crosses a vm-context
// interceptor (~20× slower in hot loops); plain node is unaffected.
const { sqrt, floor } = Math;

/** A closed interval [low, high]. */
export type Interval = [number, number];

/** Arithmetic mean. @throws RangeError on an empty array. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('mean of an empty sample');
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/**
 * Unbiased sample variance (divisor n − 1, Bessel's correction), computed around the mean in
 * two passes for numerical stability (Chan, Golub & LeVeque 1983, "Algorithms for computing
 * the sample variance"). @throws RangeError with fewer than two values.
 */
export function variance(values: readonly number[]): number {
  if (values.length < 2) throw new RangeError(`variance needs at least 2 values, got ${values.length}`);
  const m = mean(values);
  let ss = 0;
  let comp = 0;
  for (const v of values) {
    ss += (v - m) ** 2;
    comp += v - m;
  }
  // The compensation term removes the rounding error of the mean (Chan et al., eq. 1.7).
  return (ss - (comp * comp) / values.length) / (values.length - 1);
}

/** Sample standard deviation (√variance). @throws RangeError with fewer than two values. */
export function stdev(values: readonly number[]): number {
  return sqrt(variance(values));
}

/**
 * The p-th quantile (0 ≤ p ≤ 1) by linear interpolation between order statistics: Hyndman &
 * Fan (1996) definition 7, the default of R and NumPy. `sorted` must be ascending.
 * @throws RangeError on an empty array or p outside [0, 1].
 */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of an empty sample');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile p must be in [0, 1], got ${p}`);
  return sortedPercentile(sorted, p);
}

/** The p-th quantile (0..1) of an unsorted sample (Hyndman & Fan type 7). @throws RangeError if empty. */
export function quantile(values: readonly number[], p: number): number {
  return quantileSorted(
    [...values].sort((a, b) => a - b),
    p,
  );
}

/** The q-th percentile (0..100) of an unsorted sample (Hyndman & Fan type 7). @throws RangeError if empty. */
export function percentile(values: readonly number[], q: number): number {
  return quantile(values, q / 100);
}

/** Median (50th percentile). @throws RangeError if empty. */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

// ---------------------------------------------------------------------------------------------
// Distributions
// ---------------------------------------------------------------------------------------------

/*
 * The special functions (ln Γ, the incomplete beta, Φ, the t CDF and quantile) are the
 * benchmark's (src/bench/latency.ts: Stirling's series, a Lentz continued fraction, erf to
 * ~1e-15, a bounded cache of t quantiles), so the whole product uses one set. These wrappers
 * add the argument checks and names this module has always had.
 */

/** ln Γ(x) for x > 0 (src/bench/latency.ts lnGamma). */
export const logGamma = lnGamma;

/** The regularised incomplete beta function I_x(a, b) (src/bench/latency.ts). */
export const incompleteBeta = betaRegularized;

/** Standard normal CDF Φ(x). */
export const normalCdf = phi;

/**
 * Student-t CDF with `df` degrees of freedom (df may be fractional, as Welch's is).
 * Above 1e7 degrees of freedom the normal CDF is used (they agree to < 1e-7).
 * @throws RangeError unless df > 0.
 */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be > 0, got ${df}`);
  return df > 1e7 ? phi(t) : tCdf(t, df);
}

/** The p-quantile of the standard normal distribution. @throws RangeError unless 0 < p < 1. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normal quantile p must be in (0, 1), got ${p}`);
  return tQuantile(p, Infinity);
}

/**
 * The p-quantile of Student's t with `df` degrees of freedom (fractional df allowed), e.g.
 * studentTQuantile(0.975, 10) = 2.228 (any t table). @throws RangeError unless 0 < p < 1, df > 0.
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`t quantile p must be in (0, 1), got ${p}`);
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be > 0, got ${df}`);
  return tQuantile(p, df);
}

// ---------------------------------------------------------------------------------------------
// Comparing two samples
// ---------------------------------------------------------------------------------------------

/**
 * Welch–Satterthwaite degrees of freedom for a sum of independent variance terms
 * v_i = s_i²/n_i (Welch 1947; Satterthwaite 1946): (Σ v_i)² / Σ (v_i² / (n_i − 1)).
 */
export function welchDf(terms: ReadonlyArray<{ varianceOfMean: number; n: number }>): number {
  let num = 0;
  let den = 0;
  for (const { varianceOfMean, n } of terms) {
    num += varianceOfMean;
    den += (varianceOfMean * varianceOfMean) / (n - 1);
  }
  // All samples constant: the interval collapses to a point; any df will do.
  if (den === 0) return terms.reduce((s, t) => s + t.n - 1, 0);
  return (num * num) / den;
}

/** A relative difference (head/base − 1) with its confidence interval. */
export interface RelativeDifference {
  /** Point estimate of head/base − 1 (ratio of the sample means minus one). */
  estimate: number;
  /** Confidence interval of head/base − 1 at `level`. */
  ci: Interval;
  level: number;
  /** Degrees of freedom used for the t quantile (delta method only). */
  df?: number;
  method: 'delta' | 'bootstrap';
}

/**
 * Confidence interval of the relative difference of two means, mean(head)/mean(base) − 1, by
 * the delta method for independent samples, as tachometer's `computeDifference` does
 * (google/tachometer src/stats.ts; derivation in analytics-toolkit.com, "Confidence Intervals
 * & P-values for Percent Change / Relative Difference", 2018):
 *   Var(h̄/b̄) ≈ (Var(b̄)·h̄² + Var(h̄)·b̄²) / b̄⁴, with Var(x̄) = s²/n.
 * Unlike tachometer, which takes min(n) − 1 degrees of freedom, the t quantile uses the
 * Welch–Satterthwaite df of the two scaled variance terms, which handles unequal sizes and
 * variances. @throws RangeError with fewer than 2 values per arm or a base mean of 0.
 */
export function relativeDifferenceDelta(base: readonly number[], head: readonly number[], level = 0.95): RelativeDifference {
  if (base.length < 2 || head.length < 2) throw new RangeError('the delta-method interval needs at least 2 values per arm');
  const mb = mean(base);
  const mh = mean(head);
  if (mb === 0) throw new RangeError('the base mean is 0: a relative difference is undefined');
  const vb = variance(base) / base.length;
  const vh = variance(head) / head.length;
  const ratio = mh / mb;
  // The two summed terms of Var(h̄/b̄); Welch's df is computed on exactly these.
  const termBase = (vb * mh * mh) / mb ** 4;
  const termHead = vh / (mb * mb);
  const varRatio = termBase + termHead;
  const df = welchDf([
    { varianceOfMean: termBase, n: base.length },
    { varianceOfMean: termHead, n: head.length },
  ]);
  const t = studentTQuantile(1 - (1 - level) / 2, df);
  const half = t * sqrt(varRatio);
  return { estimate: ratio - 1, ci: [ratio - 1 - half, ratio - 1 + half], level, df, method: 'delta' };
}

/** Options of the bootstrap interval. */
export interface BootstrapOptions {
  /** Seed of the resampling generator. @default 1 */
  seed?: number;
  /** Number of bootstrap resamples. @default 2000 */
  resamples?: number;
  /** Confidence level. @default 0.95 */
  level?: number;
}

/**
 * Confidence interval of mean(head)/mean(base) − 1 by the percentile bootstrap (Efron &
 * Tibshirani 1993, "An Introduction to the Bootstrap", §13.3): each arm is resampled with
 * replacement, independently, and the interval is the α/2 and 1 − α/2 quantiles of the
 * resampled relative differences. Seeded, so the interval is reproducible.
 * @throws RangeError on an empty arm or a base mean of 0.
 */
export function relativeDifferenceBootstrap(
  base: readonly number[],
  head: readonly number[],
  options: BootstrapOptions = {},
): RelativeDifference {
  const { seed = 1, resamples = 2000, level = 0.95 } = options;
  if (base.length === 0 || head.length === 0) throw new RangeError('the bootstrap interval needs at least 1 value per arm');
  const mb = mean(base);
  if (mb === 0) throw new RangeError('the base mean is 0: a relative difference is undefined');
  const rng = createRng(seed);
  const resampledMean = (xs: readonly number[]): number => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += xs[floor(rng.next() * xs.length)];
    return s / xs.length;
  };
  // A plain array, not a Float64Array: typed arrays from another realm (jest shares the host's
  // constructors) fall off V8's fast paths.
  const diffs: number[] = new Array<number>(resamples);
  for (let r = 0; r < resamples; r++) {
    const b = resampledMean(base);
    const h = resampledMean(head);
    diffs[r] = b === 0 ? Number.POSITIVE_INFINITY : h / b - 1;
  }
  const sorted = diffs.sort((a, b) => a - b);
  const alpha = 1 - level;
  return {
    estimate: mean(head) / mb - 1,
    ci: [quantileSorted(sorted, alpha / 2), quantileSorted(sorted, 1 - alpha / 2)],
    level,
    method: 'bootstrap',
  };
}

/**
 * Confidence interval of the mean of a sample by Student's t (two-sided, at `level`).
 * @throws RangeError with fewer than 2 values.
 */
export function meanCi(values: readonly number[], level = 0.95): Interval {
  const m = mean(values);
  const half = studentTQuantile(1 - (1 - level) / 2, values.length - 1) * sqrt(variance(values) / values.length);
  return [m - half, m + half];
}
