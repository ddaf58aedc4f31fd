/**
 * The decision core of an interleaved comparison in rounds (base-versus-head, and the advisor's
 * original-versus-variant): every compared metric is decided by the per-round comparison of
 * that same statistic — the p99 by per-round p99s, the mean by per-round means, the median by
 * per-round medians, energy per call by per-round energy per call — each with its own
 * sequential test (src/compare/sequential.ts). Pure: the rounds are measured by the caller
 * (src/engine/base-comparison.ts), which asks `samplesPerArm` calls per arm per round so that the tail
 * percentiles are estimated, not read off the round's maximum.
 */
import {
  createSequentialComparison,
  minSamplesPerRound,
  type RoundStatistic,
  type SequentialComparison,
  type SequentialState,
} from './sequential.js';
import type { ComparisonResult } from './types.js';

/** The noisy figures an interleaved comparison decides. */
export type ComparedMetric = 'latency-p50' | 'latency-p95' | 'latency-p99' | 'latency-mean' | 'throughput' | 'energy';

/** The latency metrics an interleaved comparison decides from the per-call latencies. */
export const LATENCY_COMPARED: readonly ComparedMetric[] = [
  'latency-p50',
  'latency-p95',
  'latency-p99',
  'latency-mean',
  'throughput',
];

/**
 * The per-round statistic of each latency metric: the statistic the metric is. Throughput is
 * samples per second over the timed window, i.e. batch ÷ mean latency, so it is decided by the
 * per-round mean and inverted.
 */
export const ROUND_STATISTIC: Record<Exclude<ComparedMetric, 'energy'>, RoundStatistic> = {
  'latency-p50': 'median',
  'latency-mean': 'mean',
  throughput: 'mean',
  'latency-p95': { percentile: 95 },
  'latency-p99': { percentile: 99 },
};

function statisticName(s: RoundStatistic): string {
  return s === 'median' ? 'medians' : s === 'mean' ? 'means' : `${s.percentile}th percentiles`;
}

/** One round: each arm's per-call latencies (ms) and, when metered, its energy per call (J). */
export interface RoundSamples {
  baseMs: readonly number[];
  headMs: readonly number[];
  /** NaN or absent when the meter failed in this round: the round then adds no energy figure. */
  baseJPerCall?: number;
  headJPerCall?: number;
}

/** Options of {@link createRoundDecider}. */
export interface RoundDeciderOptions {
  /** Relative threshold the sampling stops against, e.g. 0.02. */
  threshold: number;
  /** A change below −improvementThreshold is an improvement. @default threshold */
  improvementThreshold?: number;
  /** Rounds between looks (planRoundsPerLook). @default 6 */
  roundsPerLook?: number;
  /** @default 5 */
  maxLooks?: number;
  /** Rounds before the first look (≥ 3). @default roundsPerLook */
  firstLookRounds?: number;
}

/** Feeds rounds to one sequential test per compared metric. */
export interface RoundDecider {
  /** Calls per arm per round the statistics need (the largest of minSamplesPerRound). */
  readonly samplesPerArm: number;
  /**
   * Adds one round to every undecided test. @returns true once every test is decided (energy
   * counts as decided when no round had an energy figure).
   * @throws RangeError when an arm has fewer than `samplesPerArm` latencies.
   */
  addRound(round: RoundSamples): boolean;
  /**
   * Ends the undecided tests and returns one result per metric that has an interval.
   * `energyBasis` says how the rounds' energy figures were obtained when they are not metered
   * (e.g. derived from the timings under a power model); it leads the energy result's method.
   */
  finish(design: string, energyBasis?: string): Partial<Record<ComparedMetric, ComparisonResult>>;
}

/**
 * A decider for `metrics` (duplicates ignored). Metrics sharing a statistic share one test
 * (latency-mean and throughput), so a round is counted once per statistic.
 */
export function createRoundDecider(metrics: readonly ComparedMetric[], options: RoundDeciderOptions): RoundDecider {
  const seq = (statistic: RoundStatistic): SequentialComparison =>
    createSequentialComparison({
      threshold: options.threshold,
      improvementThreshold: options.improvementThreshold ?? options.threshold,
      roundsPerLook: options.roundsPerLook ?? 6,
      maxLooks: options.maxLooks ?? 5,
      ...(options.firstLookRounds !== undefined ? { firstLookRounds: options.firstLookRounds } : {}),
      statistic,
    });
  const latency = new Map<string, { statistic: RoundStatistic; test: SequentialComparison }>();
  for (const m of new Set(metrics)) {
    if (m === 'energy') continue;
    const statistic = ROUND_STATISTIC[m];
    const key = JSON.stringify(statistic);
    if (!latency.has(key)) latency.set(key, { statistic, test: seq(statistic) });
  }
  const energy = metrics.includes('energy') ? seq('mean') : undefined;
  const samplesPerArm = Math.max(3, ...[...latency.values()].map((l) => minSamplesPerRound(l.statistic)));
  const finished = (s: SequentialState): boolean => s.done;

  return {
    samplesPerArm,
    addRound(round) {
      if (round.baseMs.length < samplesPerArm || round.headMs.length < samplesPerArm) {
        throw new RangeError(
          `a round needs at least ${samplesPerArm} calls per arm to estimate its statistics, got ${round.baseMs.length} and ${round.headMs.length}`,
        );
      }
      let done = true;
      for (const { test } of latency.values()) done = finished(test.addRound(round.baseMs, round.headMs)) && done;
      if (energy) {
        const b = round.baseJPerCall ?? NaN;
        const h = round.headJPerCall ?? NaN;
        const s = Number.isFinite(b) && Number.isFinite(h) && b > 0 && h > 0 ? energy.addRound([b], [h]) : energy.state();
        done = (s.done || s.rounds === 0) && done;
      }
      return done;
    },
    finish(design, energyBasis) {
      const out: Partial<Record<ComparedMetric, ComparisonResult>> = {};
      const result = (test: SequentialComparison, what: string): ComparisonResult | null => {
        const state = test.state().done ? test.state() : test.finish();
        if (!state.changeCi95 || state.estimate === null) return null;
        return {
          verdict: state.decision === 'continue' ? 'inconclusive' : state.decision,
          estimate: state.estimate,
          changeCi95: state.changeCi95,
          method: `per-round ${what}, ${state.rounds} rounds, ${design}`,
          rounds: state.rounds,
          threshold: options.threshold,
          ...(state.centres ? { centres: state.centres } : {}),
          ...(state.sdLogRatio !== null ? { roundSpread95: Math.expm1(1.96 * state.sdLogRatio) } : {}),
        };
      };
      const byKey = new Map<string, ComparisonResult | null>();
      for (const [key, { statistic, test }] of latency) byKey.set(key, result(test, statisticName(statistic)));
      for (const m of new Set(metrics)) {
        if (m === 'energy') continue;
        const r = byKey.get(JSON.stringify(ROUND_STATISTIC[m]));
        if (r) out[m] = m === 'throughput' ? invert(r) : r;
      }
      if (energy && energy.state().rounds > 1) {
        const r = result(energy, energyBasis ? `energy per call (${energyBasis})` : 'energy per call');
        if (r) out.energy = r;
      }
      return out;
    },
  };
}

/** Throughput moves opposite to latency: head/base − 1 of 1/x, the interval's ends swapped. */
export function invert(r: ComparisonResult): ComparisonResult {
  const inv = (x: number) => 1 / (1 + x) - 1;
  const verdict = r.verdict === 'regression' ? 'regression' : r.verdict === 'improvement' ? 'improvement' : r.verdict;
  return {
    ...r,
    verdict,
    estimate: inv(r.estimate),
    changeCi95: [inv(r.changeCi95[1]), inv(r.changeCi95[0])],
    ...(r.centres ? { centres: { base: 1 / r.centres.base, head: 1 / r.centres.head } } : {}),
  };
}
