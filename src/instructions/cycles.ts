/**
 * An estimated-cycles figure from Callgrind's simulated cache events. Pure.
 *
 * Formula (Itamar Turner-Trauring, "Why you should use Valgrind for consistent benchmarking
 * in CI", https://pythonspeed.com/articles/consistent-benchmarking-in-ci/, also the
 * `estimated cycles` of the iai benchmarking crate):
 *
 *   cycles ≈ L1 hits + 5 × last-level hits + 35 × RAM accesses
 *
 * where, from the events of `--cache-sim=yes`,
 *   accesses   = Ir + Dr + Dw
 *   RAM        = ILmr + DLmr + DLmw                 (misses of the simulated last-level cache)
 *   LL hits    = I1mr + D1mr + D1mw − RAM           (first-level misses that the LL cache caught)
 *   L1 hits    = accesses − (I1mr + D1mr + D1mw)
 *
 * It is a weighting of simulated events, not a measurement of this CPU: the simulated caches
 * have two levels, no prefetcher and no out-of-order overlap. Reports label it ESTIMATE.
 */

/** The events the formula needs (Callgrind with `--cache-sim=yes`). */
export const CACHE_EVENTS = ['Ir', 'Dr', 'Dw', 'I1mr', 'D1mr', 'D1mw', 'ILmr', 'DLmr', 'DLmw'] as const;

/** The formula in words, for reports. */
export const CYCLES_FORMULA =
  'L1 hits + 5 × LL hits + 35 × RAM accesses of the simulated caches (Turner-Trauring, pythonspeed.com/articles/consistent-benchmarking-in-ci/)';

/** Cache-level counts derived from the events. */
export interface CacheSummary {
  l1Hits: number;
  llHits: number;
  ramAccesses: number;
  estimatedCycles: number;
}

/** The formula applied to one set of event totals; null when the cache events are absent. */
export function estimateCycles(events: Readonly<Record<string, number>>): CacheSummary | null {
  if (!CACHE_EVENTS.every((e) => typeof events[e] === 'number')) return null;
  const n = (e: (typeof CACHE_EVENTS)[number]): number => events[e];
  const accesses = n('Ir') + n('Dr') + n('Dw');
  const l1Misses = n('I1mr') + n('D1mr') + n('D1mw');
  const ramAccesses = n('ILmr') + n('DLmr') + n('DLmw');
  const l1Hits = accesses - l1Misses;
  const llHits = l1Misses - ramAccesses;
  return { l1Hits, llHits, ramAccesses, estimatedCycles: l1Hits + 5 * llHits + 35 * ramAccesses };
}
