/**
 * The one statistics module of the product, used by the benchmark (latency percentiles, the
 * confidence interval that `iterations: auto` stops on) and by the comparisons (means,
 * variances, t quantiles). One convention throughout: a quantile's p is a fraction in [0, 1]
 * (Hyndman & Fan type 7), and a summary of an empty sample throws a RangeError.
 *
 * Pure functions on plain arrays. Every formula names where it comes from.
 */

// Module-level alias: under jest every lookup of the global `Math` crosses a vm-context
// interceptor (~20× slower in hot loops); plain node is unaffected.
const { sqrt } = Math;

/** A closed interval [low, high]. */
export type Interval = [number, number];

/**
 * The p-quantile (0 ≤ p ≤ 1) of ascending-sorted samples by linear interpolation between
 * order statistics: Hyndman & Fan (1996) definition 7, the default of R's `quantile()` and
 * NumPy's `percentile()`. h = (n − 1)·p; result = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 * @throws RangeError on an empty sample or p outside [0, 1].
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantile of an empty sample');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile p must be in [0, 1], got ${p}`);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}

/**
 * Rearranges `a[lo..hi]` so that `a[k]` holds the value it would have if that range were
 * sorted, everything before it is ≤ and everything after it ≥ (Hoare's quickselect with a
 * median-of-three pivot; expected O(n)). Used instead of a full sort because V8's
 * TypedArray sort costs ~0.4 µs per element here, more than a fast model's run.
 */
export function selectInPlace(a: Float64Array, k: number, lo = 0, hi = a.length - 1): void {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as the pivot value: sorted or constant input stays O(n).
    let x = a[lo];
    let y = a[mid];
    const z = a[hi];
    if (x > y) [x, y] = [y, x];
    if (y > z) y = z;
    const pivot = x > y ? x : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    // Now a[lo..j] ≤ pivot ≤ a[i..hi], and anything strictly between j and i equals pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** The p-quantile (0 ≤ p ≤ 1) of an unsorted sample (Hyndman & Fan type 7). @throws RangeError if empty. */
export function quantile(values: ArrayLike<number>, p: number): number {
  return quantileSorted(Float64Array.from(values).sort(), p);
}

/** Median (the 0.5 quantile). @throws RangeError if empty. */
export function median(values: ArrayLike<number>): number {
  return quantile(values, 0.5);
}

/**
 * Type-7 quantiles of unsorted samples (same definition as {@link quantileSorted}), by
 * selection on one copy rather than a full sort.
 * @throws RangeError on an empty sample or a p outside [0, 1].
 */
export function quantiles(xs: ArrayLike<number>, ps: readonly number[]): number[] {
  const n = xs.length;
  if (n === 0) throw new RangeError('quantile of an empty sample');
  for (const p of ps) if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile p must be in [0, 1], got ${p}`);
  const a = Float64Array.from(xs);
  const out = new Array<number>(ps.length);
  // Ascending p: once a[k] is in place, everything after it is ≥, so the next, higher order
  // statistic is selected within a[k + 1..] only.
  const order = ps.map((_, i) => i).sort((i, j) => ps[i] - ps[j]);
  let from = 0;
  for (const idx of order) {
    const h = (n - 1) * ps[idx];
    const lo = Math.floor(h);
    if (lo >= from) {
      selectInPlace(a, lo, from, n - 1);
      from = lo + 1;
    }
    if (lo >= n - 1 || h === lo) {
      out[idx] = a[lo];
      continue;
    }
    // The next order statistic is the smallest value after position lo.
    let next = a[lo + 1];
    for (let i = lo + 2; i < n; i++) if (a[i] < next) next = a[i];
    out[idx] = a[lo] + (h - lo) * (next - a[lo]);
  }
  return out;
}

/** Arithmetic mean of the first `n` samples (default all). @throws RangeError when n is 0. */
export function mean(xs: ArrayLike<number>, n = xs.length): number {
  if (n === 0) throw new RangeError('mean of an empty sample');
  let sum = 0;
  for (let i = 0; i < n; i++) sum += xs[i];
  return sum / n;
}

/**
 * Unbiased sample variance (divisor n − 1, Bessel's correction) of the first `n` samples,
 * computed around the mean in two passes for numerical stability (Chan, Golub & LeVeque 1983,
 * "Algorithms for computing the sample variance"). @throws RangeError with fewer than two values.
 */
export function variance(xs: ArrayLike<number>, n = xs.length): number {
  if (n < 2) throw new RangeError(`variance needs at least 2 values, got ${n}`);
  const m = mean(xs, n);
  let ss = 0;
  let comp = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i] - m;
    ss += d * d;
    comp += d;
  }
  // The compensation term removes the rounding error of the mean (Chan et al., eq. 1.7).
  return (ss - (comp * comp) / n) / (n - 1);
}

/**
 * Sample standard deviation (√{@link variance}) of the first `n` samples; 0 for a single
 * sample, which has no spread to estimate. @throws RangeError on an empty sample.
 */
export function stdev(xs: ArrayLike<number>, n = xs.length): number {
  if (n === 0) throw new RangeError('stdev of an empty sample');
  if (n === 1) return 0;
  return sqrt(variance(xs, n));
}

/**
 * ln Γ(x) for x > 0: Stirling's series (Abramowitz & Stegun 6.1.41) for x ≥ 10, where the
 * first omitted term, 691/(360360·x¹¹), is below 2e-14; smaller x are shifted up with
 * Γ(x) = Γ(x + k) / (x(x + 1)…(x + k − 1)).
 */
export function lnGamma(x: number): number {
  let shift = 0;
  while (x < 10) {
    shift += Math.log(x);
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 / 1188))));
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series - shift;
}

/**
 * The regularised incomplete beta function I_x(a, b), by its continued fraction evaluated
 * with the modified Lentz method (Numerical Recipes, 3rd ed., §6.4, `betacf`).
 */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  // The fraction converges quickly for x < (a + 1) / (a + b + 2); use the symmetry otherwise.
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - x, b, a);
  const tiny = 1e-300;
  let f = 1;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  f = d;
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m;
    let num = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + num * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + num / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    f *= d * c;
    num = -((a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + num * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + num / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return (front * f) / a;
}

/**
 * The CDF of Student's t distribution with `df` degrees of freedom (df may be fractional, as
 * Welch's is): P(T ≤ t). Above 1e7 degrees of freedom the normal CDF is used (they agree to
 * < 1e-7). @throws RangeError unless df > 0.
 */
export function tCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be > 0, got ${df}`);
  if (df > 1e7) return normalCdf(t);
  // P(|T| > t) = I_{df/(df+t²)}(df/2, 1/2) (Abramowitz & Stegun 26.7.1 with 26.5.27).
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/**
 * The p-quantile of Student's t distribution with `df` degrees of freedom (df may be
 * fractional; Infinity gives the normal quantile), found by bisection on {@link tCdf} to
 * 1e-12 relative. Example: tQuantile(0.975, 9) ≈ 2.262157.
 * @throws RangeError for p outside (0, 1) or df ≤ 0.
 */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`tQuantile p must be in (0, 1), got ${p}`);
  if (!(df > 0)) throw new RangeError(`tQuantile df must be positive, got ${df}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  // Remembered: a benchmark asks for the same few (p, df) pairs again and again, and one
  // bisection costs ~40 µs. The cache is bounded so a long run cannot grow it without limit.
  const key = `${p}/${df}`;
  const hit = T_CACHE.get(key);
  if (hit !== undefined) return hit;
  const t = tQuantileUncached(p, df);
  if (T_CACHE.size >= 4096) T_CACHE.clear();
  T_CACHE.set(key, t);
  return t;
}

const T_CACHE = new Map<string, number>();

function tQuantileUncached(p: number, df: number): number {
  if (df >= 1000 && df !== Infinity) {
    // Cornish–Fisher expansion about the normal quantile (Abramowitz & Stegun 26.7.5, first
    // three terms); at df ≥ 1000 its error is below 1e-9, and it spares the incomplete beta's
    // continued fraction the O(√df) iterations it needs for large df.
    const z = tQuantile(p, Infinity);
    const z3 = z ** 3;
    return z + (z3 + z) / (4 * df) + (5 * z ** 5 + 16 * z3 + 3 * z) / (96 * df * df);
  }
  const cdf = df === Infinity ? normalCdf : (t: number): number => tCdf(t, df);
  let lo = 0;
  let hi = 1;
  while (cdf(hi) < p) {
    lo = hi;
    hi *= 2;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The standard normal CDF Φ(x) = ½·(1 + erf(x/√2)). */
export function normalCdf(x: number): number {
  // P(½, x²/2) is the regularised lower incomplete gamma; for a = ½ it equals erf(|x|/√2).
  return 0.5 * (1 + Math.sign(x) * erf(Math.abs(x) / Math.SQRT2));
}

/** erf(x) for x ≥ 0 by its Maclaurin series (x < 3) or continued fraction for erfc (x ≥ 3); ~1e-15. */
function erf(x: number): number {
  if (x < 3) {
    // erf(x) = 2/√π · Σ (−1)^n x^(2n+1) / (n! (2n+1))
    let term = x;
    let sum = x;
    for (let n = 1; n < 100; n++) {
      term *= (-x * x) / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return (2 / Math.sqrt(Math.PI)) * sum;
  }
  // erfc(x) = exp(−x²)/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + ...)))) (A&S 7.1.14), evaluated bottom-up.
  let f = x;
  for (let k = 60; k >= 1; k--) f = x + k / 2 / f;
  return 1 - Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

/**
 * Half-width of the two-sided confidence interval of the mean of the first `n` samples,
 * relative to the mean: t_{(1+c)/2, n−1} · s / √n / |mean|. Infinity for n < 2 or a zero mean
 * with spread; 0 when every sample is equal.
 */
export function relativeCiHalfWidth(xs: ArrayLike<number>, n = xs.length, confidence = 0.95): number {
  if (n < 2) return Infinity;
  const m = mean(xs, n);
  const s = stdev(xs, n);
  if (s === 0) return 0;
  if (m === 0) return Infinity;
  return (tQuantile((1 + confidence) / 2, n - 1) * s) / sqrt(n) / Math.abs(m);
}
