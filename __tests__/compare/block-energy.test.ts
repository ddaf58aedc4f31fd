/**
 * The comparison's per-round energy figure for a power-model estimate: the idle term over the
 * round's median call time instead of its wall time (time spent preempted by other jobs does
 * not count), the dynamic term over the round's CPU share.
 */
import { describe, expect, it } from '@jest/globals';
import { roundEstimateJoulesPerCall } from '../../src/measure.js';

describe('roundEstimateJoulesPerCall', () => {
  it('idle power over the median call time plus the dynamic energy per call', () => {
    // 100 calls, median 2 ms; idle 1 W; 0.3 J of dynamic (CPU-share) energy over the round.
    expect(roundEstimateJoulesPerCall({ idleW: 1, attributableJ: 0.3, calls: 100 }, [2, 2, 2, 50])).toBeCloseTo(
      0.002 + 0.003,
      12,
    );
  });

  it('a preempted call (a long wall time) does not move the figure', () => {
    const split = { idleW: 1, attributableJ: 0.3, calls: 100 };
    expect(roundEstimateJoulesPerCall(split, [2, 2, 2, 2, 800])).toBe(roundEstimateJoulesPerCall(split, [2, 2, 2, 2, 2]));
  });
});
