/**
 * Planning the comparison's rounds: how often the sequential test looks (the quick rule), and
 * the per-round energy estimated from the first round's coefficients when no meter measures it.
 */
import { estimateFromTimings, type EstimateCoefficients } from '../energy/estimate.js';
import { median } from '../util/stats.js';

/** Fewest rounds of an interleaved comparison, even past its time cap: a 95% interval with df ≥ 2. */
export const MIN_ROUNDS = 3;

/** Most looks of the quick rule: Bonferroni splits α over them, so more looks widen every interval. */
export const QUICK_MAX_LOOKS = 10;

/**
 * The quick rule's look schedule for a cap of `capS` seconds at `roundS` seconds per round
 * (the second round's length: compareInterleaved): a look every `minRoundsPerLook` rounds (the first after as many,
 * at least 3), spaced further apart when more than {@link QUICK_MAX_LOOKS} such looks would fit,
 * so that the last look's interval is no wider than that of 10 looks whatever the model's speed
 * (with 23 looks of 3 rounds, as 0.43 s rounds gave in a 30 s cap, each look had α/23: a 95%
 * interval 11% wider than with α/10: t quantiles 3.35 and 3.03 at df 30). Timing only, never the data: the union bound holds.
 */
export function quickLooks(
  capS: number,
  roundS: number,
  minRoundsPerLook: number,
): { roundsPerLook: number; firstLookRounds: number; maxLooks: number } {
  const capRounds = Math.floor(capS / Math.max(roundS, 1e-3));
  const roundsPerLook = Math.max(minRoundsPerLook, Math.ceil(capRounds / QUICK_MAX_LOOKS));
  return {
    roundsPerLook,
    firstLookRounds: Math.max(MIN_ROUNDS, roundsPerLook),
    maxLooks: Math.max(1, Math.min(QUICK_MAX_LOOKS, Math.floor(capRounds / roundsPerLook))),
  };
}

/**
 * One round's energy per call of each arm when energy is the power-model estimate. The
 * estimate is a function of time: idle power × wall time + dynamic power × CPU time. Read per
 * 25 ms block it is dominated by its inputs' coarsest part (the machine's busy time from
 * /proc/stat counts 10 ms ticks, a ±20% quantisation per block on 2 vCPUs) and by other jobs
 * preempting the block. So the comparison applies the same formula, with the coefficients held
 * fixed, to each arm's per-round median call time (the latency comparison's statistic, which
 * preemption does not move) and the median over its blocks of CPU time per call
 * (process.cpuUsage, µs resolution; the median, so a block with a garbage collection does not
 * move the round). The
 * figure stays an estimate; its interval is that of the timings under the power model, whose
 * own uncertainty is common to both arms and not in it.
 */
export function estimatedRound(
  c: EstimateCoefficients,
  baseMs: readonly number[],
  headMs: readonly number[],
  baseCpuSPerCall: number,
  headCpuSPerCall: number,
): { baseJPerCall: number; headJPerCall: number } {
  return {
    baseJPerCall: estimateFromTimings(c, median(baseMs) / 1000, baseCpuSPerCall),
    headJPerCall: estimateFromTimings(c, median(headMs) / 1000, headCpuSPerCall),
  };
}

/** How {@link estimatedRound}'s per-round figures were derived, for the comparison's method. */
export function estimatedRoundText(c: EstimateCoefficients): string {
  return (
    `ESTIMATED energy per call derived from each round's timings with the power model held fixed: ` +
    `${sig(c.idleW)} W idle × median call time + ${sig(c.dynamicWPerCpu)} W × median block CPU time per call ` +
    `(the model's own uncertainty is common to both arms and not in this interval)`
  );
}

function sig(x: number): string {
  return Number(x.toPrecision(3)).toString();
}
