/**
 * A sequential base-versus-head comparison that samples in rounds until the confidence
 * interval of the relative change falls clearly on one side of the threshold, or the look cap
 * is reached, while keeping its error rate at the nominal α despite looking several times.
 *
 * Design (docs/statistics.md explains it at length):
 * - The unit of replication is the ROUND. In each round the caller measures base and head
 *   interleaved, ideally with freshly created sessions, and passes both arms' samples. Each
 *   round is reduced to one paired figure, d = ln(stat(head)) − ln(stat(base)), where stat is
 *   the round's median (or mean, or a percentile). Whatever differs from one session to the
 *   next (memory placement, ~1.2% measured here) therefore shows up as round-to-round
 *   variance of d and widens the interval, instead of biasing one long pair of sessions.
 *   Pairing base and head inside a round cancels slow drift of the machine (other load,
 *   frequency changes) shared by both arms.
 * - The interval at a look is a Student-t interval on the mean of d over the rounds so far
 *   (df = rounds − 1), mapped back to a relative change by exp(·) − 1.
 * - Looks happen only every `roundsPerLook` rounds, at most `maxLooks` times. The level of each
 *   look is adjusted so that the chance of ANY wrong verdict over all looks stays ≤ α:
 *   `bonferroni` gives each look α/K (valid for any look schedule, by the union bound);
 *   `pocock` uses Pocock's (1977) constant nominal level for K equally spaced looks, a little
 *   less conservative.
 */
import { mean, median, quantile, tQuantile, variance, normalCdf, type Interval } from '../util/stats.js';
import type { BudgetStatus, ComparisonVerdict, InconclusivePolicy } from './types.js';
import { minSamplesForPercentile } from '../util/tail.js';

/** What a look decided: keep sampling, or a verdict. */
export type SequentialDecision = 'continue' | ComparisonVerdict;

/** How one round's samples of one arm are reduced to one figure. */
export type RoundStatistic = 'median' | 'mean' | { percentile: number };

/** How α is divided among the looks. */
export type AlphaSpending = 'bonferroni' | 'pocock';

/** Options of a sequential comparison. All but `threshold` have defaults. */
export interface SequentialOptions {
  /** Allowed relative growth, e.g. 0.02 for 2%; a change above it is a regression. */
  threshold: number;
  /** Overall two-sided error rate over all looks. @default 0.05 */
  alpha?: number;
  /** Most looks (interim analyses) before the comparison gives up as inconclusive. @default 5 */
  maxLooks?: number;
  /** Rounds between looks. @default 6 */
  roundsPerLook?: number;
  /** Rounds before the first look (≥ 3: a t interval needs spread). @default roundsPerLook */
  firstLookRounds?: number;
  /** Fewest samples per arm in one round. @default 1 */
  minSamplesPerArm?: number;
  /** The per-round figure of each arm. @default 'median' (robust to a stray slow call) */
  statistic?: RoundStatistic;
  /** A change below −improvementThreshold is reported as an improvement. @default threshold */
  improvementThreshold?: number;
  /** @default 'bonferroni' */
  spending?: AlphaSpending;
  /**
   * `higher-is-worse` for latency and energy; `lower-is-worse` for throughput, where a
   * regression is a drop of more than `threshold`. @default 'higher-is-worse'
   */
  direction?: 'higher-is-worse' | 'lower-is-worse';
}

/** One interim analysis. */
export interface LookRecord {
  /** 1-based look number. */
  look: number;
  rounds: number;
  /** Two-sided error rate this look was allotted. */
  alpha: number;
  /** The t quantile used. */
  criticalValue: number;
  estimate: number;
  /** The adjusted interval of head/base − 1 at this look. */
  ci: Interval;
  decision: SequentialDecision;
}

/** Where a sequential comparison stands. */
export interface SequentialState {
  decision: SequentialDecision;
  /** Estimate of head/base − 1 (geometric mean of the per-round ratios, minus one); null before 2 rounds. */
  estimate: number | null;
  /**
   * The look-adjusted interval of head/base − 1 at the latest look: the family of intervals over
   * all looks covers the true change with probability ≥ 95% (for alpha 0.05). null before the first look.
   */
  changeCi95: Interval | null;
  /** The plain (unadjusted) 95% interval over all rounds so far, for information only. */
  unadjustedCi95: Interval | null;
  /**
   * Each arm's central value over the rounds: the geometric mean of its per-round statistic, so
   * head / base − 1 is exactly `estimate` (the reports show these as Base and Head). null before 2 rounds.
   */
  centres: { base: number; head: number } | null;
  rounds: number;
  /** Standard deviation of the per-round log ratios (the round-to-round spread); null before 2 rounds. */
  sdLogRatio: number | null;
  looks: number;
  /** True once a verdict is reached; further rounds are ignored. */
  done: boolean;
  history: LookRecord[];
}

/** A running sequential comparison; see the module comment for the design. */
export interface SequentialComparison {
  readonly options: Readonly<Required<SequentialOptions>>;
  /** The most rounds the plan can take (firstLookRounds + (maxLooks − 1) × roundsPerLook). */
  readonly maxRounds: number;
  /**
   * Adds one round: both arms' raw samples (latencies, energies…, all > 0), measured
   * interleaved in the same round. Looks when a look is due. Once the comparison is done,
   * further rounds are ignored and the final state is returned, so one round loop can feed
   * several comparisons that finish at different times.
   * @throws RangeError on too few or non-positive samples.
   */
  addRound(baseSamples: readonly number[], headSamples: readonly number[]): SequentialState;
  /**
   * Ends the comparison (time cap or round cap): a last look on the rounds not yet looked at,
   * spending the α left, then `inconclusive` if the interval still straddles the threshold.
   */
  finish(): SequentialState;
  /** The current state, without adding anything. */
  state(): SequentialState;
}

/**
 * Pocock's constant critical values for K equally spaced looks, two-sided (Pocock 1977,
 * Biometrika 64:191–199, Table 1; also Jennison & Turnbull 2000, "Group Sequential Methods",
 * Table 2.1), indexed by K − 1.
 */
const POCOCK: Record<string, number[]> = {
  '0.05': [1.96, 2.178, 2.289, 2.361, 2.413, 2.453, 2.485, 2.512, 2.535, 2.555],
  '0.01': [2.576, 2.772, 2.873, 2.939, 2.986, 3.023, 3.053, 3.078, 3.099, 3.117],
};

/** The per-round figure of one arm. @throws RangeError on an empty array. */
export function roundStatistic(samples: readonly number[], statistic: RoundStatistic): number {
  if (statistic === 'median') return median(samples);
  if (statistic === 'mean') return mean(samples);
  return quantile(samples, statistic.percentile / 100);
}

/**
 * The fewest samples per arm in one round for `statistic` to be an estimate of that statistic:
 * a percentile q needs at least two samples beyond it (n ≥ 2 / (1 − q)), so the per-round p99
 * is interpolated between order statistics rather than being the round's maximum — 200 for
 * the p99, 40 for the p95; 3 for a median or a mean.
 * @throws RangeError for the 100th percentile (the maximum), which no sample size estimates.
 */
export function minSamplesPerRound(statistic: RoundStatistic): number {
  if (statistic === 'median' || statistic === 'mean') return 3;
  return Math.max(3, minSamplesForPercentile(statistic.percentile));
}

function validate(options: SequentialOptions): Required<SequentialOptions> {
  const roundsPerLook = options.roundsPerLook ?? 6;
  const o: Required<SequentialOptions> = {
    alpha: 0.05,
    maxLooks: 5,
    roundsPerLook,
    firstLookRounds: roundsPerLook,
    minSamplesPerArm: 1,
    statistic: 'median',
    improvementThreshold: options.threshold,
    spending: 'bonferroni',
    direction: 'higher-is-worse',
    ...options,
  };
  if (!(o.threshold >= 0 && Number.isFinite(o.threshold)))
    throw new RangeError(`threshold must be a finite fraction ≥ 0 (0.02 for 2%), got ${o.threshold}`);
  if (!(o.improvementThreshold >= 0)) throw new RangeError(`improvementThreshold must be ≥ 0, got ${o.improvementThreshold}`);
  if (!(o.alpha > 0 && o.alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${o.alpha}`);
  if (!Number.isInteger(o.maxLooks) || o.maxLooks < 1) throw new RangeError(`maxLooks must be an integer ≥ 1, got ${o.maxLooks}`);
  if (!Number.isInteger(o.roundsPerLook) || o.roundsPerLook < (options.firstLookRounds !== undefined ? 1 : 3))
    throw new RangeError(
      `roundsPerLook must be an integer ≥ ${options.firstLookRounds !== undefined ? 1 : 3} (a t interval needs spread), got ${o.roundsPerLook}`,
    );
  if (!Number.isInteger(o.firstLookRounds) || o.firstLookRounds < 3)
    throw new RangeError(`firstLookRounds must be an integer ≥ 3 (a t interval needs spread), got ${o.firstLookRounds}`);
  if (!Number.isInteger(o.minSamplesPerArm) || o.minSamplesPerArm < 1)
    throw new RangeError(`minSamplesPerArm must be an integer ≥ 1, got ${o.minSamplesPerArm}`);
  if (typeof o.statistic === 'object' && !(o.statistic.percentile >= 0 && o.statistic.percentile <= 100)) {
    throw new RangeError(`statistic.percentile must be in [0, 100], got ${o.statistic.percentile}`);
  }
  if (o.spending === 'pocock') {
    const table = POCOCK[String(o.alpha)];
    if (!table || o.maxLooks > table.length) {
      throw new RangeError(
        `Pocock constants are tabulated for alpha 0.05 and 0.01 and up to 10 looks; use spending 'bonferroni' for alpha ${o.alpha} with ${o.maxLooks} looks`,
      );
    }
  }
  return o;
}

/**
 * The two-sided error rate given to look number `look` (1-based) of a plan with `plannedLooks`
 * looks; `final` marks a last look called by finish(), which may spend what is left.
 */
export function lookAlpha(
  options: Pick<Required<SequentialOptions>, 'alpha' | 'maxLooks' | 'spending'>,
  look: number,
  final: boolean,
): number {
  const { alpha, maxLooks, spending } = options;
  if (spending === 'bonferroni') {
    // Union bound: looks 1..look−1 spent α/K each; a final look may take the rest, so the sum
    // over the looks actually made is exactly α.
    return final ? alpha - ((look - 1) * alpha) / maxLooks : alpha / maxLooks;
  }
  // Pocock: the constant of a K-look design at every look. A final look at number k < K uses
  // the k-look constant; the earlier looks used the K-look one, which is stricter, so the
  // overall rate stays within that of a k-look Pocock design.
  const k = final ? look : maxLooks;
  const c = POCOCK[String(alpha)][k - 1];
  return 2 * (1 - normalCdf(c));
}

/** Maps a verdict to a budget status, given the limit's level and the inconclusive policy. */
export function statusForVerdict(
  verdict: ComparisonVerdict,
  level: 'error' | 'warn',
  inconclusive: InconclusivePolicy,
): BudgetStatus {
  switch (verdict) {
    case 'pass':
    case 'improvement':
      return 'pass';
    case 'regression':
      return level === 'error' ? 'fail' : 'warn';
    case 'inconclusive':
      if (inconclusive === 'pass') return 'pass';
      if (inconclusive === 'fail') return level === 'error' ? 'fail' : 'warn';
      return 'inconclusive';
  }
}

/**
 * Classifies an interval of head/base − 1 against a threshold: `regression` when it lies
 * wholly beyond the threshold, `improvement` when wholly beyond −improvementThreshold the
 * other way, `pass` when wholly within, else `inconclusive`.
 */
export function classifyInterval(
  ci: Interval,
  threshold: number,
  improvementThreshold: number = threshold,
  direction: 'higher-is-worse' | 'lower-is-worse' = 'higher-is-worse',
): ComparisonVerdict {
  // For lower-is-worse metrics, flip the interval so that "worse" is always "higher".
  const [lo, hi] = direction === 'higher-is-worse' ? ci : [-ci[1], -ci[0]];
  if (lo > threshold) return 'regression';
  if (hi < -improvementThreshold) return 'improvement';
  if (hi <= threshold) return 'pass';
  return 'inconclusive';
}

/**
 * Creates a sequential comparison (see the module comment).
 * @throws RangeError on invalid options.
 */
export function createSequentialComparison(options: SequentialOptions): SequentialComparison {
  const o = validate(options);
  const logRatios: number[] = [];
  // Per-arm sums of log round statistics: their means give the arms' geometric-mean centres.
  let logBaseSum = 0;
  let logHeadSum = 0;
  const history: LookRecord[] = [];
  let roundsAtLastLook = 0;
  let decision: SequentialDecision = 'continue';
  let done = false;

  const tInterval = (level: number): { estimate: number; ci: Interval; criticalValue: number } => {
    const n = logRatios.length;
    const m = mean(logRatios);
    const se = Math.sqrt(variance(logRatios) / n);
    const c = tQuantile(1 - (1 - level) / 2, n - 1);
    return { estimate: Math.exp(m) - 1, ci: [Math.exp(m - c * se) - 1, Math.exp(m + c * se) - 1], criticalValue: c };
  };

  const look = (final: boolean): void => {
    const n = logRatios.length;
    const number = history.length + 1;
    const alpha = lookAlpha(o, number, final);
    const { estimate, ci, criticalValue } = tInterval(1 - alpha);
    let d: SequentialDecision = classifyInterval(ci, o.threshold, o.improvementThreshold, o.direction);
    if (d === 'inconclusive') d = final || number >= o.maxLooks ? 'inconclusive' : 'continue';
    history.push({ look: number, rounds: n, alpha, criticalValue, estimate, ci, decision: d });
    roundsAtLastLook = n;
    decision = d;
    if (d !== 'continue') done = true;
  };

  const state = (): SequentialState => {
    const last = history[history.length - 1];
    const enough = logRatios.length >= 2;
    return {
      decision,
      estimate: enough ? Math.exp(mean(logRatios)) - 1 : null,
      changeCi95: last ? last.ci : null,
      unadjustedCi95: enough ? tInterval(0.95).ci : null,
      centres: enough ? { base: Math.exp(logBaseSum / logRatios.length), head: Math.exp(logHeadSum / logRatios.length) } : null,
      rounds: logRatios.length,
      sdLogRatio: enough ? Math.sqrt(variance(logRatios)) : null,
      looks: history.length,
      done,
      history: [...history],
    };
  };

  return {
    options: o,
    maxRounds: o.firstLookRounds + (o.maxLooks - 1) * o.roundsPerLook,
    addRound(baseSamples, headSamples) {
      if (done) return state();
      for (const [arm, xs] of [
        ['base', baseSamples],
        ['head', headSamples],
      ] as const) {
        if (xs.length < o.minSamplesPerArm)
          throw new RangeError(`a round needs at least ${o.minSamplesPerArm} ${arm} samples, got ${xs.length}`);
        if (!xs.every((x) => x > 0 && Number.isFinite(x)))
          throw new RangeError(`${arm} samples must be finite and > 0 (a ratio is taken)`);
      }
      const logBase = Math.log(roundStatistic(baseSamples, o.statistic));
      const logHead = Math.log(roundStatistic(headSamples, o.statistic));
      logBaseSum += logBase;
      logHeadSum += logHead;
      logRatios.push(logHead - logBase);
      const n = logRatios.length;
      if (n >= o.firstLookRounds && n - roundsAtLastLook >= (history.length ? o.roundsPerLook : o.firstLookRounds)) look(false);
      if (!done && history.length >= o.maxLooks) done = true;
      return state();
    },
    finish() {
      if (!done) {
        if (logRatios.length > roundsAtLastLook && logRatios.length >= 2) {
          look(true);
        } else {
          decision = 'inconclusive';
          done = true;
        }
      }
      return state();
    },
    state,
  };
}

/**
 * Sizes the look schedule to a time cap: rounds per look so that `maxLooks` looks fit in
 * `capS` seconds at `roundS` seconds per round (measured on a first round), at least
 * `minRoundsPerLook`. The schedule depends on timing only, never on the measured difference,
 * so the error control of the looks still holds.
 */
export function planRoundsPerLook(capS: number, roundS: number, maxLooks = 5, minRoundsPerLook = 3): number {
  if (!(roundS > 0) || !(capS > 0)) return minRoundsPerLook;
  return Math.max(minRoundsPerLook, Math.floor(capS / roundS / maxLooks));
}

/**
 * ABBA order of block `k` (0-based) within a round: base first in blocks 0 and 3 of every 4,
 * head first in 1 and 2, so a linear drift of the machine within the round falls equally on
 * both arms (the classic counterbalanced design).
 */
export function abbaBaseFirst(k: number): boolean {
  return k % 4 === 0 || k % 4 === 3;
}
