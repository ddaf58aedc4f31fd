import { describe, expect, it } from '@jest/globals';
import {
  incompleteBeta,
  lnGamma,
  mean,
  normalCdf,
  quantileSorted as percentile,
  quantiles as percentiles,
  relativeCiHalfWidth,
  selectInPlace,
  stdev,
  tCdf,
  tQuantile,
} from '../../src/util/stats.js';
import { createRng } from '../../src/util/random.js';

describe('percentile (Hyndman & Fan type 7)', () => {
  // Hand-computed: h = (n − 1)·p, interpolate between x[⌊h⌋] and x[⌊h⌋ + 1].
  it.each([
    [[1, 2, 3, 4], 0, 1],
    [[1, 2, 3, 4], 0.5, 2.5], // h = 1.5
    [[1, 2, 3, 4], 0.95, 3.85], // h = 2.85
    [[1, 2, 3, 4], 1, 4],
    [[10, 20, 30, 40, 50], 0.25, 20], // h = 1
    [[10, 20, 30, 40, 50], 0.99, 49.6], // h = 3.96
    [[7], 0.99, 7],
  ])('%p at p=%p is %p', (xs, p, want) => {
    expect(percentile(xs, p)).toBeCloseTo(want, 12);
  });
  it('matches numpy.percentile(np.arange(1, 101), [50, 95, 99]) = [50.5, 95.05, 99.01]', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 0.5)).toBeCloseTo(50.5, 12);
    expect(percentile(xs, 0.95)).toBeCloseTo(95.05, 12);
    expect(percentile(xs, 0.99)).toBeCloseTo(99.01, 12);
  });
  it('rejects an empty sample and p outside [0, 1]', () => {
    expect(() => percentile([], 0.5)).toThrow(RangeError);
    expect(() => percentile([1], 1.5)).toThrow(RangeError);
  });
});

describe('percentiles by selection', () => {
  const P = [0, 0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999, 1];
  const bySort = (xs: ArrayLike<number>): number[] => {
    const sorted = Float64Array.from(xs).sort();
    return P.map((p) => percentile(sorted, p));
  };
  const rng = createRng(99);
  const cases: Array<[string, number[]]> = [
    ['one sample', [3]],
    ['two samples', [5, 1]],
    ['sorted', Array.from({ length: 500 }, (_, i) => i)],
    ['reversed', Array.from({ length: 500 }, (_, i) => 500 - i)],
    ['constant', new Array<number>(300).fill(2.5)],
    ['few distinct values', Array.from({ length: 1001 }, () => rng.int(0, 3))],
    ['normal', Array.from({ length: 2000 }, () => rng.normal())],
    ['heavy tail', Array.from({ length: 777 }, () => Math.exp(3 * rng.normal()))],
  ];
  it.each(cases)('%s: the same as sorting', (_, xs) => {
    expect(percentiles(xs, P)).toEqual(bySort(xs));
    // p given in any order
    expect(percentiles(xs, [0.99, 0.5, 0.95])).toEqual([0.99, 0.5, 0.95].map((p) => percentile(Float64Array.from(xs).sort(), p)));
  });
  it('leaves the input untouched', () => {
    const xs = [3, 1, 2];
    percentiles(xs, [0.5]);
    expect(xs).toEqual([3, 1, 2]);
  });
  it('selectInPlace puts the k-th smallest at k with smaller values before it', () => {
    const a = Float64Array.from(Array.from({ length: 301 }, () => rng.next()));
    const sorted = Float64Array.from(a).sort();
    selectInPlace(a, 150);
    expect(a[150]).toBe(sorted[150]);
    for (let i = 0; i < 150; i++) expect(a[i]).toBeLessThanOrEqual(a[150]);
    for (let i = 151; i < 301; i++) expect(a[i]).toBeGreaterThanOrEqual(a[150]);
  });
  it('rejects an empty sample and p outside [0, 1]', () => {
    expect(() => percentiles([], [0.5])).toThrow(RangeError);
    expect(() => percentiles([1], [-0.1])).toThrow(RangeError);
  });
});

describe('mean and stdev', () => {
  it('computes the sample standard deviation with n − 1', () => {
    const xs = [2, 4, 4, 4, 5, 5, 7, 9]; // mean 5, squared deviations sum to 32
    expect(mean(xs)).toBe(5);
    expect(stdev(xs)).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(stdev([3])).toBe(0);
    expect(mean([1, 2, 3, 100], 3)).toBe(2);
  });
  it('stays accurate for large, close latencies (two-pass, no cancellation)', () => {
    expect(stdev([1e9 + 1, 1e9 + 2, 1e9 + 3])).toBeCloseTo(1, 9);
  });
});

describe('special functions', () => {
  it('lnGamma matches factorials and Γ(½) = √π', () => {
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(lnGamma(101)).toBeCloseTo(363.73937555556347, 9); // ln(100!)
  });
  it('incompleteBeta at closed forms: I_x(1, 1) = x, I_x(a, 1) = x^a', () => {
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 13);
    expect(incompleteBeta(0.3, 3, 1)).toBeCloseTo(0.027, 13);
    expect(incompleteBeta(0.8, 2.5, 1)).toBeCloseTo(0.8 ** 2.5, 13);
  });
  it('tCdf: symmetric, and the Cauchy distribution at df = 1', () => {
    expect(tCdf(0, 7)).toBe(0.5);
    expect(tCdf(1, 1)).toBeCloseTo(0.75, 13); // ½ + atan(1)/π
    expect(tCdf(-2, 5) + tCdf(2, 5)).toBeCloseTo(1, 13);
  });
  it('normalCdf at table values', () => {
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 12);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 12);
    expect(normalCdf(4)).toBeCloseTo(0.9999683287581669, 12);
  });
  // Reference quantiles from standard t tables (e.g. NIST/SEMATECH e-Handbook, 1.3.6.7.2),
  // closed forms for df 1 and 2: tan(π(p − ½)) and (2p − 1)/√(2p(1 − p)).
  it.each([
    [0.975, 1, Math.tan(Math.PI * 0.475)],
    [0.975, 2, 0.95 / Math.sqrt(2 * 0.975 * 0.025)],
    [0.975, 5, 2.570582],
    [0.975, 9, 2.262157],
    [0.975, 30, 2.042272],
    [0.995, 5, 4.032143],
    [0.95, 100, 1.660234],
    [0.975, 1000, 1.962339],
    [0.975, 100000, 1.959988],
    [0.975, Infinity, 1.959964],
    [0.025, 9, -2.262157],
  ])('tQuantile(%p, %p) ≈ %p', (p, df, want) => {
    expect(tQuantile(p, df)).toBeCloseTo(want, 5);
  });
});

describe('relativeCiHalfWidth', () => {
  it('is t · s / √n / mean, hand-computed for 4 and 6 alternating', () => {
    // mean 5, s = √(10/9) for ten samples ±1 around 5, t_{0.975, 9} = 2.262157
    const xs = [4, 6, 4, 6, 4, 6, 4, 6, 4, 6];
    expect(relativeCiHalfWidth(xs)).toBeCloseTo((2.262157 * Math.sqrt(10 / 9)) / Math.sqrt(10) / 5, 6);
  });
  it('is 0 for identical samples and Infinity for one', () => {
    expect(relativeCiHalfWidth([3, 3, 3])).toBe(0);
    expect(relativeCiHalfWidth([3])).toBe(Infinity);
  });
  it('covers the true mean about 95% of the time (seeded normal samples, n = 10)', () => {
    const rng = createRng(2024);
    const trials = 4000;
    let covered = 0;
    for (let k = 0; k < trials; k++) {
      const xs = Array.from({ length: 10 }, () => 100 + 5 * rng.normal());
      const half = relativeCiHalfWidth(xs) * mean(xs);
      if (Math.abs(mean(xs) - 100) <= half) covered++;
    }
    // Binomial sd at 4000 trials is √(0.95·0.05/4000) ≈ 0.0034; allow 4 sd.
    expect(Math.abs(covered / trials - 0.95)).toBeLessThan(0.014);
  });
});
