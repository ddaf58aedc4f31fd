/**
 * One statistic per budget: each noisy regression budget is decided by the per-round
 * comparison of that same statistic. Constructed rounds (seeded), fed to the same decision
 * core the interleaved measurement uses (src/compare/interleaved.ts), then to the budget
 * evaluator: a change that moves only the p99, or only the mean, is caught by its own budget
 * and by no other.
 */
import { describe, expect, it } from '@jest/globals';
import { evaluateBudgets } from '../../src/compare/budgets.js';
import { createRoundDecider, ROUND_STATISTIC, type ComparedMetric } from '../../src/compare/interleaved.js';
import { createSequentialComparison, minSamplesPerRound } from '../../src/compare/sequential.js';
import type { BudgetLimit, MetricKey } from '../../src/config/types.js';
import { createRng } from '../../src/util/random.js';

const METRICS: ComparedMetric[] = ['latency-p50', 'latency-p95', 'latency-p99', 'latency-mean', 'throughput'];
const CALLS = 1000;
const ROUNDS = 30;

/** Per-call latencies (ms): log-normal around 1 ms, σ = 0.1, with a per-round machine factor. */
function arm(rng: ReturnType<typeof createRng>, factor: number): number[] {
  return Array.from({ length: CALLS }, () => factor * Math.exp(0.1 * rng.normal()));
}

/** Rounds where `change` rewrites the head's calls; base and head otherwise alike. */
function rounds(seed: number, change: (calls: number[]) => number[]) {
  const rng = createRng(seed);
  return Array.from({ length: ROUNDS }, () => {
    const factor = 1 + 0.02 * rng.normal();
    return { baseMs: arm(rng, factor), headMs: change(arm(rng, factor)) };
  });
}

/** Slows `count` calls (spread through the round) by `times`. */
const slow = (count: number, times: number) => (calls: number[]) =>
  calls.map((x, i) =>
    i % Math.floor(calls.length / count) === 0 && i / Math.floor(calls.length / count) < count ? x * times : x,
  );

function limit(metric: MetricKey, pct: number): BudgetLimit {
  return { metric, kind: 'regression', limit: pct / 100, relative: true, level: 'error', path: `budget.regression.${metric}` };
}

const BUDGETS = [
  limit('latency-p50', 5),
  limit('latency-p95', 10),
  limit('latency-p99', 10),
  limit('latency-mean', 5),
  limit('throughput', 5),
];

function decide(data: ReturnType<typeof rounds>) {
  const decider = createRoundDecider(METRICS, { threshold: 0.05, roundsPerLook: 6 });
  for (const r of data) if (decider.addRound(r)) break;
  const results = decider.finish('test');
  const { energy: _energy, ...comparisons } = results;
  // The point values do not matter: a budget with a comparison is decided by its interval.
  const value = Object.fromEntries(BUDGETS.map((b) => [b.metric, 1])) as Record<MetricKey, number>;
  const out = evaluateBudgets(BUDGETS, value, value, comparisons);
  return { results, status: Object.fromEntries(out.map((b) => [b.metric, b.status])) as Record<string, string> };
}

describe('each regression budget is decided by its own statistic', () => {
  it('asks enough calls per round to estimate the p99 (two beyond it)', () => {
    expect(minSamplesPerRound({ percentile: 99 })).toBe(200);
    expect(minSamplesPerRound({ percentile: 95 })).toBe(40);
    expect(minSamplesPerRound('mean')).toBe(3);
    expect(createRoundDecider(['latency-p99'], { threshold: 0.05 }).samplesPerArm).toBe(200);
    expect(createRoundDecider(['latency-mean', 'energy'], { threshold: 0.05 }).samplesPerArm).toBe(3);
    expect(() =>
      createRoundDecider(['latency-p99'], { threshold: 0.05 }).addRound({ baseMs: [1, 1, 1], headMs: [1, 1, 1] }),
    ).toThrow(/at least 200 calls per arm/);
    expect(ROUND_STATISTIC['latency-mean']).toBe('mean');
    expect(ROUND_STATISTIC['latency-p99']).toEqual({ percentile: 99 });
  });

  it('no change: every budget passes', () => {
    const { status } = decide(rounds(1, (x) => x));
    expect(status).toEqual({
      'latency-p50': 'pass',
      'latency-p95': 'pass',
      'latency-p99': 'pass',
      'latency-mean': 'pass',
      throughput: 'pass',
    });
  });

  it('a p99-only regression (2% of calls 1.6× slower) fails the p99 budget and only it', () => {
    const data = rounds(2, slow(CALLS * 0.02, 1.6));
    const { results, status } = decide(data);
    expect(results['latency-p99']!.changeCi95[0]).toBeGreaterThan(0.1);
    expect(results['latency-p99']!.method).toMatch(/per-round 99th percentiles/);
    expect(status).toEqual({
      'latency-p50': 'pass',
      'latency-p95': 'pass',
      'latency-p99': 'fail',
      'latency-mean': 'pass',
      throughput: 'pass',
    });
    // What the p99 budget was decided by before (the per-round p95) lets this change through.
    const p95 = createSequentialComparison({ threshold: 0.1, roundsPerLook: 6, statistic: { percentile: 95 } });
    for (const r of data) p95.addRound(r.baseMs, r.headMs);
    expect(p95.finish().changeCi95![1]).toBeLessThan(0.1);
  });

  it('a mean-only regression (0.5% of calls 20× slower) fails the mean and throughput budgets and no percentile', () => {
    const data = rounds(3, slow(CALLS * 0.005, 20));
    const { results, status } = decide(data);
    expect(results['latency-mean']!.changeCi95[0]).toBeGreaterThan(0.05);
    expect(results['latency-mean']!.method).toMatch(/per-round means/);
    expect(results.throughput!.estimate).toBeLessThan(-0.05);
    expect(status).toEqual({
      'latency-p50': 'pass',
      'latency-p95': 'pass',
      'latency-p99': 'pass',
      'latency-mean': 'fail',
      throughput: 'fail',
    });
    // What the mean budget was decided by before (the per-round median) lets this change through.
    const med = createSequentialComparison({ threshold: 0.05, roundsPerLook: 6, statistic: 'median' });
    for (const r of data) med.addRound(r.baseMs, r.headMs);
    expect(med.finish().changeCi95![1]).toBeLessThan(0.05);
  });
});
