import { describe, expect, it } from '@jest/globals';
import { createRng, type Rng } from '../../src/util/random.js';
import {
  classifyInterval,
  createSequentialComparison,
  lookAlpha,
  statusForVerdict,
  type SequentialOptions,
  type SequentialState,
} from '../../src/compare/sequential.js';
import { toComparisonResult } from './sequential-helpers.js';

/**
 * One simulated comparison. Each round draws fresh "sessions": a per-session multiplicative
 * bias (sd `sessionSd`, like the ~1.2% spread between two sessions of one model measured
 * here), a drift shared by both arms in that round (other load on the machine), and per-call
 * noise. The head's true scale is (1 + trueChange) × the base's.
 */
function simulate(rng: Rng, trueChange: number, options: Partial<SequentialOptions> = {}, sessionSd = 0.006): SequentialState {
  const c = createSequentialComparison({ threshold: 0.02, ...options });
  let s = c.state();
  for (let r = 0; r < c.maxRounds && !s.done; r++) {
    const drift = Math.exp(0.03 * rng.normal());
    const baseBias = Math.exp(sessionSd * rng.normal());
    const headBias = Math.exp(sessionSd * rng.normal());
    const draw = (scale: number) => Array.from({ length: 30 }, () => drift * scale * Math.exp(0.05 * rng.normal()));
    s = c.addRound(draw(baseBias), draw(headBias * (1 + trueChange)));
  }
  return s.done ? s : c.finish();
}

function rates(trials: number, trueChange: number, options: Partial<SequentialOptions> = {}, seed = 7): Record<string, number> {
  const rng = createRng(seed);
  const counts: Record<string, number> = { pass: 0, regression: 0, improvement: 0, inconclusive: 0, rounds: 0 };
  for (let i = 0; i < trials; i++) {
    const s = simulate(rng, trueChange, options);
    counts[s.decision]++;
    counts.rounds += s.rounds;
  }
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v / trials]));
}

/**
 * The quick rule the product uses (src/engine/base-comparison.ts): a look every 3 rounds from round 3,
 * Bonferroni over the looks that fit the cap; here the same 30-round cap as the fixed rule
 * (5 looks × 6 rounds), so both are compared on the same sampling budget.
 */
const QUICK: Partial<SequentialOptions> = { firstLookRounds: 3, roundsPerLook: 3, maxLooks: 10 };

describe('the quick rule (a look every 3 rounds) next to the fixed rule (5 looks of 6 rounds), both Bonferroni', () => {
  // docs/statistics.md gives these figures from larger runs (PRINT_RATES=1 TRIALS=… prints them).
  const scale = Number(process.env.TRIALS ?? 1);
  const table: Record<string, Record<string, number>> = {};
  const run = (name: string, trials: number, change: number, options: Partial<SequentialOptions>) =>
    (table[name] = rates(Math.round(trials * scale), change, options, 11));

  it('false regressions at the boundary (+2% at a 2% gate) stay ≤ α/2 = 2.5% (within simulation error)', () => {
    const tol = 2 * Math.sqrt((0.025 * 0.975) / (600 * scale));
    expect(run('fixed, +2%', 600, 0.02, {}).regression).toBeLessThanOrEqual(0.025 + tol);
    expect(run('quick, +2%', 600, 0.02, QUICK).regression).toBeLessThanOrEqual(0.025 + tol);
  });

  it('A/A: no false regression, "pass" ≥ 98% of the time, and the quick rule needs fewer rounds', () => {
    const fixed = run('fixed, 0%', 300, 0, {});
    const quick = run('quick, 0%', 300, 0, QUICK);
    expect(fixed.regression).toBe(0);
    expect(quick.regression).toBe(0);
    expect(quick.pass).toBeGreaterThanOrEqual(0.98);
    expect(quick.rounds).toBeLessThan(fixed.rounds);
  });

  it('+4.5% at a 2% gate: caught every time by both, the quick rule in fewer rounds', () => {
    const fixed = run('fixed, +4.5%', 300, 0.045, {});
    const quick = run('quick, +4.5%', 300, 0.045, QUICK);
    expect(fixed.regression).toBe(1);
    expect(quick.regression).toBe(1);
    expect(quick.rounds).toBeLessThan(fixed.rounds);
  });

  it('+3% (just over the gate): a miss (a "pass") stays ≤ 2.5%; the rest is regression or inconclusive', () => {
    const quick = run('quick, +3%', 300, 0.03, QUICK);
    const fixed = run('fixed, +3%', 300, 0.03, {});
    expect(quick.pass).toBeLessThanOrEqual(0.025);
    expect(fixed.pass).toBeLessThanOrEqual(0.025);
    if (process.env.PRINT_RATES === '1') console.log(JSON.stringify(table));
  });
});

describe('the quick rule with fast rounds: at most 10 looks, spread over the cap', () => {
  // quickLooks(30 s, 0.43 s per round, 3) (src/measure.ts; __tests__/compare/estimated-energy.test.ts):
  // 69 rounds fit, so a look every 7 rounds, 9 looks; before, 23 looks of 3 rounds.
  const SPACED: Partial<SequentialOptions> = { firstLookRounds: 7, roundsPerLook: 7, maxLooks: 9 };
  const DENSE: Partial<SequentialOptions> = { firstLookRounds: 3, roundsPerLook: 3, maxLooks: 23 };

  it('keeps false regressions at the gate ≤ 2.5% and catches +4.5% on noisy rounds more often than 23 looks', () => {
    const tol = 2 * Math.sqrt((0.025 * 0.975) / 300);
    expect(rates(300, 0.02, SPACED, 13).regression).toBeLessThanOrEqual(0.025 + tol);
    // Rounds as noisy as on this busy VM (session sd 3%: sd of d ≈ 4.5%), +4.5% at a 2% gate.
    const caught = (options: Partial<SequentialOptions>): number => {
      const rng = createRng(17);
      let n = 0;
      for (let i = 0; i < 200; i++) if (simulate(rng, 0.045, options, 0.03).decision === 'regression') n++;
      return n / 200;
    };
    const spaced = caught(SPACED);
    const dense = caught(DENSE);
    if (process.env.PRINT_RATES === '1') console.log(JSON.stringify({ spaced, dense }));
    expect(spaced).toBeGreaterThan(dense);
  });
});

describe('sequential comparison: error rates by simulation (seeded)', () => {
  // At the boundary (true change = threshold) a "regression" verdict is a false alarm; its
  // nominal rate is α/2 = 2.5% (one side of a two-sided 95% interval).
  it('Bonferroni over 5 looks: false regressions at the boundary stay ≤ 2.5% (2000 trials)', () => {
    const r = rates(2000, 0.02);
    expect(r.regression).toBeLessThanOrEqual(0.025);
  });

  it('Pocock over 5 looks: false regressions at the boundary stay within simulation error of 2.5%', () => {
    // Pocock's constants assume a known variance; with t quantiles it is approximate
    // (2.58% ± 0.16% over 10,000 trials), so allow two standard errors of 2000 trials.
    const r = rates(2000, 0.02, { spending: 'pocock' });
    expect(r.regression).toBeLessThanOrEqual(0.025 + 2 * Math.sqrt((0.025 * 0.975) / 2000));
  });

  it('looking 5 times at an unadjusted 95% interval inflates false alarms (why the adjustment exists)', () => {
    // alpha 0.25 over 5 Bonferroni looks = an unadjusted 95% interval at every look.
    const r = rates(2000, 0.02, { alpha: 0.25 });
    expect(r.regression).toBeGreaterThan(0.04);
  });

  it('A/A: no false regression, and it passes early', () => {
    const r = rates(500, 0);
    expect(r.regression).toBe(0);
    expect(r.pass).toBeGreaterThan(0.95);
  });

  it('A/B: a 5% regression against a 2% threshold is detected ≥ 99% of the time', () => {
    const r = rates(500, 0.05);
    expect(r.regression).toBeGreaterThanOrEqual(0.99);
  });

  it('an improvement is never a regression; a clear one is labelled an improvement', () => {
    // Sampling stops once the interval is below the threshold, so a 5% improvement may stop
    // as a plain "pass" before its interval clears −2%; a 10% one is clear at the first look.
    const small = rates(300, -0.05);
    expect(small.regression).toBe(0);
    expect(small.pass + small.improvement).toBe(1);
    expect(rates(300, -0.1).improvement).toBeGreaterThanOrEqual(0.99);
  });

  it('one long pair of sessions would turn a 1.2% session bias into false alarms; fresh sessions per round do not', () => {
    // The bias is drawn once per trial (same two sessions for every round) versus per round.
    const rng = createRng(11);
    let fixedAlarms = 0;
    let freshAlarms = 0;
    for (let t = 0; t < 300; t++) {
      const bias = 1 + 0.012 * Math.sign(rng.normal()); // one session pair 1.2% apart
      const fixed = createSequentialComparison({ threshold: 0 });
      let s = fixed.state();
      for (let r = 0; r < fixed.maxRounds && !s.done; r++) {
        const draw = (scale: number) => Array.from({ length: 30 }, () => scale * Math.exp(0.05 * rng.normal()));
        s = fixed.addRound(draw(1), draw(bias));
      }
      if (s.decision === 'regression') fixedAlarms++;
      if (simulate(rng, 0, { threshold: 0 }, 0.012).decision === 'regression') freshAlarms++;
    }
    // threshold 0: any detected increase is a "regression"; the truth is no change.
    expect(fixedAlarms / 300).toBeGreaterThan(0.3);
    expect(freshAlarms / 300).toBeLessThanOrEqual(0.025);
  });
});

describe('sequential comparison: mechanics', () => {
  it('the first look after firstLookRounds, then every roundsPerLook rounds', () => {
    const c = createSequentialComparison({ threshold: 0.02, firstLookRounds: 3, roundsPerLook: 2, maxLooks: 4 });
    const looksAfter: number[] = [];
    for (let r = 1; r <= 9; r++) looksAfter.push(c.addRound([1], [r % 2 ? 1.03 : 1.0]).looks);
    expect(looksAfter).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4]);
    expect(c.maxRounds).toBe(9);
    expect(c.state().done).toBe(true);
  });

  it('looks only every roundsPerLook rounds and records each look', () => {
    const c = createSequentialComparison({ threshold: 0.02, roundsPerLook: 4, maxLooks: 3 });
    const same = [1, 1.01, 0.99];
    for (let r = 0; r < 3; r++)
      expect(
        c.addRound(
          same,
          same.map((x) => x * 1.2),
        ).looks,
      ).toBe(0);
    const s = c.addRound(
      same,
      same.map((x) => x * 1.2),
    );
    expect(s.looks).toBe(1);
    expect(s.decision).toBe('regression');
    expect(s.done).toBe(true);
    expect(s.estimate).toBeCloseTo(0.2, 12);
    // Rounds after the verdict are ignored: the state stays final.
    expect(c.addRound(same, same)).toEqual(s);
  });

  it('a straddling interval at the last look is inconclusive', () => {
    const c = createSequentialComparison({ threshold: 0.02, roundsPerLook: 3, maxLooks: 2 });
    let s = c.state();
    // per-round ratios 1.00, 1.04, 1.02, …: centred on the threshold with a 2% spread.
    for (const h of [1, 1.04, 1.02, 1, 1.04, 1.02]) s = c.addRound([1], [h]);
    expect(s.done).toBe(true);
    expect(s.decision).toBe('inconclusive');
    expect(s.looks).toBe(2);
    expect(s.changeCi95![0]).toBeLessThan(0.02);
    expect(s.changeCi95![1]).toBeGreaterThan(0.02);
  });

  it('finish() makes a last look on the rounds not yet looked at, spending the α left', () => {
    const c = createSequentialComparison({ threshold: 0.02, roundsPerLook: 5, maxLooks: 4 });
    for (const h of [1.1, 1.12, 1.09]) c.addRound([1], [h]);
    const s = c.finish();
    expect(s.looks).toBe(1);
    expect(s.history[0].alpha).toBeCloseTo(0.05, 12); // the first look may spend all of α
    expect(s.decision).toBe('regression');
  });

  it('finish() with fewer than 2 rounds is inconclusive without an interval', () => {
    const c = createSequentialComparison({ threshold: 0.02 });
    c.addRound([1], [2]);
    const s = c.finish();
    expect(s.decision).toBe('inconclusive');
    expect(s.changeCi95).toBeNull();
    expect(toComparisonResult(s, c.options)).toBeNull();
  });

  it('rejects bad rounds and options with clear messages', () => {
    expect(() => createSequentialComparison({ threshold: -1 })).toThrow(/threshold must be/);
    expect(() => createSequentialComparison({ threshold: 0.02, roundsPerLook: 2 })).toThrow(/roundsPerLook/);
    expect(() => createSequentialComparison({ threshold: 0.02, firstLookRounds: 2, roundsPerLook: 1 })).toThrow(
      /firstLookRounds/,
    );
    expect(() => createSequentialComparison({ threshold: 0.02, spending: 'pocock', alpha: 0.1 })).toThrow(/bonferroni/);
    const c = createSequentialComparison({ threshold: 0.02, minSamplesPerArm: 2 });
    expect(() => c.addRound([1], [1, 2])).toThrow(/at least 2 base samples/);
    expect(() => c.addRound([1, 0], [1, 2])).toThrow(/> 0/);
  });

  it('lower-is-worse metrics (throughput): a drop is the regression', () => {
    expect(classifyInterval([-0.1, -0.05], 0.02, 0.02, 'lower-is-worse')).toBe('regression');
    expect(classifyInterval([0.05, 0.1], 0.02, 0.02, 'lower-is-worse')).toBe('improvement');
    expect(classifyInterval([-0.01, 0.01], 0.02, 0.02, 'lower-is-worse')).toBe('pass');
    expect(classifyInterval([-0.03, 0.01], 0.02, 0.02, 'lower-is-worse')).toBe('inconclusive');
  });

  it.each([
    ['regression', 'error', 'warn', 'fail'],
    ['regression', 'warn', 'warn', 'warn'],
    ['inconclusive', 'error', 'warn', 'inconclusive'],
    ['inconclusive', 'error', 'fail', 'fail'],
    ['inconclusive', 'warn', 'fail', 'warn'],
    ['inconclusive', 'error', 'pass', 'pass'],
    ['improvement', 'error', 'fail', 'pass'],
    ['pass', 'error', 'fail', 'pass'],
  ] as const)('verdict %s at level %s with inconclusive=%s → %s', (verdict, level, policy, status) => {
    expect(statusForVerdict(verdict, level, policy)).toBe(status);
  });

  it('per-look α sums to α', () => {
    const o = { alpha: 0.05, maxLooks: 5, spending: 'bonferroni' as const };
    const total = [1, 2, 3, 4].reduce((s, k) => s + lookAlpha(o, k, false), 0) + lookAlpha(o, 5, true);
    expect(total).toBeCloseTo(0.05, 12);
    // Pocock K = 5: nominal level 2(1 − Φ(2.413)) ≈ 0.0158 (Pocock 1977).
    expect(lookAlpha({ ...o, spending: 'pocock' }, 1, false)).toBeCloseTo(0.0158, 3);
  });
});

describe('round planning', () => {
  it('sizes rounds per look to the time cap', async () => {
    const { planRoundsPerLook, abbaBaseFirst } = await import('../../src/compare/sequential.js');
    expect(planRoundsPerLook(30, 0.5, 5)).toBe(12);
    expect(planRoundsPerLook(30, 4, 5)).toBe(3);
    expect(planRoundsPerLook(30, 0, 5)).toBe(3);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(abbaBaseFirst)).toEqual([true, false, false, true, true, false, false, true]);
  });
});

describe('the arms’ centres', () => {
  it('are geometric means of the per-round statistics whose ratio is the estimate', () => {
    const c = createSequentialComparison({ threshold: 0.02, roundsPerLook: 3, maxLooks: 2, statistic: 'median' });
    const rounds: Array<[number[], number[]]> = [
      [
        [1, 2, 3],
        [2, 2, 4],
      ],
      [
        [2, 2, 2],
        [2, 3, 3],
      ],
      [
        [1, 1, 5],
        [1, 2, 2],
      ],
    ];
    let state = c.state();
    for (const [b, h] of rounds) state = c.addRound(b, h);
    // Medians: base 2, 2, 1; head 2, 3, 2.
    expect(state.centres!.base).toBeCloseTo(Math.cbrt(2 * 2 * 1), 12);
    expect(state.centres!.head).toBeCloseTo(Math.cbrt(2 * 3 * 2), 12);
    expect(state.centres!.head / state.centres!.base - 1).toBeCloseTo(state.estimate!, 12);
  });
});
