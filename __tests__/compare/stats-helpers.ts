/**
 * Interval helpers that only the tests use (the product's comparisons are in
 * src/compare/sequential.ts): the delta-method and bootstrap intervals of a relative
 * difference, a mean's t interval, and a percentile on the 0..100 scale. Kept here, next to
 * the tests that pin them, rather than exported from src/ (issue #16: no test-only exports).
 */
import { createRng } from '../../src/util/random.js';
import { mean, quantile, quantileSorted, tQuantile, variance, type Interval } from '../../src/util/stats.js';

const { sqrt, floor } = Math;

/** The q-th percentile (0..100) of an unsorted sample (Hyndman & Fan type 7). @throws RangeError if empty. */
export function percentile(values: readonly number[], q: number): number {
  return quantile(values, q / 100);
}

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
  const t = tQuantile(1 - (1 - level) / 2, df);
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
  const half = tQuantile(1 - (1 - level) / 2, values.length - 1) * sqrt(variance(values) / values.length);
  return [m - half, m + half];
}

/** The p-quantile of the standard normal distribution. @throws RangeError unless 0 < p < 1. */
export function normalQuantile(p: number): number {
  return tQuantile(p, Infinity);
}
