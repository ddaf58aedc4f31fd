import { describe, expect, it } from '@jest/globals';
import { createRng, type Rng } from '../../src/util/random.js';
import { mean, median, tCdf as studentTCdf, tQuantile as studentTQuantile, variance } from '../../src/util/stats.js';
import {
  meanCi,
  normalQuantile,
  percentile,
  relativeDifferenceBootstrap,
  relativeDifferenceDelta,
  welchDf,
} from './stats-helpers.js';

describe('summary statistics', () => {
  it.each([
    { xs: [1, 2, 3, 4], mean: 2.5, variance: 5 / 3, median: 2.5 },
    { xs: [5], mean: 5, variance: NaN, median: 5 },
    { xs: [1e9 + 1, 1e9 + 2, 1e9 + 3], mean: 1e9 + 2, variance: 1, median: 1e9 + 2 },
  ])('mean, variance and median of $xs', ({ xs, mean: m, variance: v, median: md }) => {
    expect(mean(xs)).toBeCloseTo(m, 9);
    if (Number.isNaN(v)) expect(() => variance(xs)).toThrow(RangeError);
    else expect(variance(xs)).toBeCloseTo(v, 9);
    expect(median(xs)).toBe(md);
  });

  it('interpolates percentiles like R type 7 / numpy linear', () => {
    const xs = [15, 20, 35, 40, 50];
    // numpy.percentile([15,20,35,40,50], [0, 30, 40, 95, 100]) = [15, 23, 29, 48, 50]
    expect([0, 30, 40, 95, 100].map((q) => percentile(xs, q))).toEqual([15, 23, 29, 48, 50].map((v) => expect.closeTo(v, 9)));
    expect(() => percentile([], 50)).toThrow(RangeError);
  });
});

describe('distributions', () => {
  it.each([
    // Student-t two-sided 95% and 99% critical values from any t table.
    [0.975, 1, 12.706],
    [0.975, 2, 4.303],
    [0.975, 5, 2.571],
    [0.975, 10, 2.228],
    [0.975, 30, 2.042],
    [0.995, 4, 4.604],
    [0.995, 20, 2.845],
    [0.975, 1e9, 1.96],
  ])('t quantile p=%f df=%f is %f', (p, df, q) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(q, 3);
    expect(studentTQuantile(1 - p, df)).toBeCloseTo(-q, 3);
    expect(studentTCdf(q, df)).toBeCloseTo(p, 4);
  });

  it('normal quantiles', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 6);
  });

  it('Welch df: equal variances and sizes give 2(n − 1)', () => {
    expect(
      welchDf([
        { varianceOfMean: 0.1, n: 10 },
        { varianceOfMean: 0.1, n: 10 },
      ]),
    ).toBeCloseTo(18, 9);
    // One dominant term: df tends to that sample's n − 1.
    expect(
      welchDf([
        { varianceOfMean: 1, n: 5 },
        { varianceOfMean: 1e-9, n: 100 },
      ]),
    ).toBeCloseTo(4, 3);
  });

  it('mean CI of a small sample', () => {
    const [lo, hi] = meanCi([10, 12, 11, 13, 9]);
    // mean 11, s = 1.5811, t(0.975, 4) = 2.7764 → half 1.9632
    expect(lo).toBeCloseTo(11 - 1.9632, 3);
    expect(hi).toBeCloseTo(11 + 1.9632, 3);
  });
});

/** Draws one trial's base and head samples; head's true mean is `ratio` × base's. */
type Generator = (rng: Rng, n: number, scale: number) => number[];
const normalGen: Generator = (rng, n, scale) => Array.from({ length: n }, () => scale * (100 + 10 * rng.normal()));
// Log-normal with σ = 0.5: skewness ≈ 1.75, a long right tail like latency samples.
const logNormalGen: Generator = (rng, n, scale) => Array.from({ length: n }, () => scale * Math.exp(0.5 * rng.normal()));

function coverage(gen: Generator, n: number, method: 'delta' | 'bootstrap', trials = 1000): number {
  const rng = createRng(42);
  const ratio = 1.03;
  let covered = 0;
  for (let t = 0; t < trials; t++) {
    const base = gen(rng, n, 1);
    const head = gen(rng, n, ratio);
    const { ci } =
      method === 'delta'
        ? relativeDifferenceDelta(base, head)
        : relativeDifferenceBootstrap(base, head, { seed: t + 1, resamples: 1000 });
    if (ci[0] <= ratio - 1 && ratio - 1 <= ci[1]) covered++;
  }
  return covered / trials;
}

describe('95% interval of the relative difference covers the true ratio 93–97% of 1000 trials', () => {
  it.each([
    ['normal, n = 30', 'delta', normalGen, 30],
    ['log-normal σ 0.5, n = 50', 'delta', logNormalGen, 50],
    ['normal, n = 30', 'bootstrap', normalGen, 30],
    ['log-normal σ 0.5, n = 50', 'bootstrap', logNormalGen, 50],
  ] as const)('%s, %s', (_name, method, gen, n) => {
    const c = coverage(gen, n, method);
    expect(c).toBeGreaterThanOrEqual(0.93);
    expect(c).toBeLessThanOrEqual(0.97);
  });

  it('the delta interval is centred on the ratio of means', () => {
    const r = relativeDifferenceDelta([10, 11, 9, 10], [11, 12, 10, 11]);
    expect(r.estimate).toBeCloseTo(0.1, 12);
    expect(r.ci[0]).toBeLessThan(0.1);
    expect(r.ci[1]).toBeGreaterThan(0.1);
    expect(r.method).toBe('delta');
  });

  it('the bootstrap is reproducible from its seed', () => {
    const rng = createRng(3);
    const base = logNormalGen(rng, 40, 1);
    const head = logNormalGen(rng, 40, 1.1);
    expect(relativeDifferenceBootstrap(base, head, { seed: 9 })).toEqual(relativeDifferenceBootstrap(base, head, { seed: 9 }));
  });
});
