/**
 * The inference benchmark loop: warm-up, then timed runs of one session on fixed inputs.
 *
 * Pure apart from what is passed in (the session, the clock, the energy meter, memory
 * readers), so tests drive it with a fake clock and a fake session.
 *
 * The timed loop does as little as possible per run: run, read the clock, store the time
 * since the previous reading in a preallocated Float64Array. Inputs are the same tensors every
 * run. Everything else (the `auto` stop check, memory sampling) happens rarely, between runs,
 * and is kept out of the latencies by re-reading the clock after it.
 */
import type { InferenceConfig } from '../config/types.js';
import type { EnergyMeter, EnergyWindow } from '../energy/types.js';
import { EnvironmentError, InputError, isUserFacing, messageOf } from '../errors.js';
import { mean, quantiles, relativeCiHalfWidth, stdev } from '../util/stats.js';
import type { BenchSession, Feeds } from './ort.js';
import { float16BitsOf } from '../util/float16.js';

/** Why the timed loop stopped. */
export type StopReason = 'iterations' | 'converged' | 'time-cap' | 'max-runs';

/** What one benchmark produced. Times in milliseconds unless the name says otherwise. */
export interface InferenceResult {
  batchSize: number;
  /** Timed runs (inference calls). */
  runs: number;
  warmup: number;
  /** Every timed run's latency, ms, in run order. */
  latenciesMs: Float64Array;
  /** Percentiles by linear interpolation (Hyndman & Fan type 7); stdev with n − 1. */
  latencyMs: { p50: number; p95: number; p99: number; mean: number; min: number; max: number; stdev: number };
  /** Samples per second: batchSize × runs / timedWindowS. */
  throughput: number;
  /** Inference calls per second: runs / timedWindowS. */
  inferencesPerSecond: number;
  /** Wall time from just before the first timed run to just after the last, seconds. */
  timedWindowS: number;
  /** Relative 95% CI half-width of the mean latency when the loop stopped; absent for one run. */
  relativeCi95?: number;
  stopReason: StopReason;
  /**
   * Peak resident memory during the timed loop, bytes: the largest RSS sampled at the start,
   * every ~50 ms and at the end; or the kernel's high-water mark (getrusage maxrss) when that
   * rose during the loop, since then the peak was reached inside it, possibly between samples.
   */
  peakMemoryBytes: number;
  /** The energy meter's window around the whole timed loop (not per run), when a meter was given. */
  energy?: EnergyWindow;
  /** Count of NaN and ±Inf values in each floating-point output of the last run. */
  nonFinite: Record<string, number>;
}

/** The clock, meter and memory readers, plus loop tuning. */
export interface RunnerDeps {
  /** Monotonic clock, nanoseconds (process.hrtime.bigint in production). */
  clockNs: () => bigint;
  /** Brackets the whole timed loop with begin/end when given. */
  meter?: EnergyMeter;
  /** Current resident set size, bytes. @default process.memoryUsage.rss */
  rssBytes?: () => number;
  /** The process's peak resident set size so far, bytes. @default process.resourceUsage().maxRSS × 1024 (Linux reports KiB) */
  maxRssBytes?: () => number;
  /** `auto`: fewest timed runs before the CI may stop the loop. @default 10 */
  minSamples?: number;
  /** `auto`: most timed runs (bounds the sample buffer). @default 1_000_000 */
  maxRuns?: number;
  /** Name used in error messages. @default 'the model' */
  label?: string;
}

const RSS_EVERY_NS = 50_000_000n; // sample RSS every 50 ms of loop time

/**
 * Runs warm-up then the timed loop and summarises it.
 * `iterations: auto` samples until the 95% CI half-width of the mean latency is at most
 * `targetRelativeCi` of the mean (checked after `minSamples` runs, then after every further
 * 10% of runs, so the stop rule peeks O(log n) times rather than after every sample), or
 * until `maxTimeS` of timed loop, or `maxRuns`. A fixed count runs exactly that many times.
 * @throws InputError INPUT_INVALID when onnxruntime fails to run the model on these inputs.
 * @throws EnvironmentError when the timed window lasted zero time (a clock that did not advance).
 */
export async function runInferenceBenchmark(
  session: Pick<BenchSession, 'run'>,
  feeds: Feeds,
  cfg: InferenceConfig & { batchSize: number },
  deps: RunnerDeps,
): Promise<InferenceResult> {
  const clock = deps.clockNs;
  const rss = deps.rssBytes ?? ((): number => process.memoryUsage.rss());
  const maxRss = deps.maxRssBytes ?? ((): number => process.resourceUsage().maxRSS * 1024);
  const label = deps.label ?? 'the model';
  const iterations = cfg.iterations;
  const auto = iterations === 'auto';
  if (iterations !== 'auto' && !(Number.isInteger(iterations) && iterations >= 1)) {
    throw new RangeError(`iterations must be a positive integer or 'auto', got ${iterations}`);
  }
  const minSamples = Math.max(2, deps.minSamples ?? 10);
  const maxRuns = iterations === 'auto' ? (deps.maxRuns ?? 1_000_000) : iterations;

  let phase = 'warm-up';
  let last: Feeds = {};
  let lat = new Float64Array(auto ? Math.min(maxRuns, 1024) : maxRuns);
  let n = 0;
  let stopReason: StopReason = 'iterations';
  let energy: EnergyWindow | undefined;
  let peakRss = 0;
  let startNs = 0n;
  let endNs = 0n;
  let maxRssBefore = 0;
  try {
    for (let i = 0; i < cfg.warmup; i++) last = await session.run(feeds);

    maxRssBefore = maxRss();
    peakRss = rss();
    phase = 'meter';
    const token = deps.meter ? await deps.meter.begin() : undefined;
    phase = 'the timed runs';
    startNs = clock();
    let nextRssNs = startNs + RSS_EVERY_NS;
    // One clock read per run: run i's latency is the time from the previous reading to the
    // one after it returns. That halves the clock's cost in the loop (each read is ~0.1 µs,
    // comparable to a fast model's run), and the latencies add up to the timed window, so
    // mean latency and throughput agree. Work that is not the model's (an RSS sample, the
    // auto check, growing the buffer) re-reads the clock afterwards, so no latency includes it.
    let prev = startNs;
    if (!auto) {
      for (; n < maxRuns; n++) {
        last = await session.run(feeds);
        const t = clock();
        lat[n] = Number(t - prev) / 1e6;
        prev = t;
        if (t >= nextRssNs) {
          const r = rss();
          if (r > peakRss) peakRss = r;
          nextRssNs = t + RSS_EVERY_NS;
          prev = clock();
        }
      }
    } else {
      // No cap when maxTimeS is Infinity: a deadline past any clock reading (2^63 ns ≈ 292 years).
      const deadlineNs = Number.isFinite(cfg.maxTimeS) ? startNs + BigInt(Math.round(cfg.maxTimeS * 1e9)) : 2n ** 63n;
      let nextCheck = minSamples;
      for (;;) {
        last = await session.run(feeds);
        const t = clock();
        lat[n++] = Number(t - prev) / 1e6;
        prev = t;
        if (n >= nextCheck) {
          if (relativeCiHalfWidth(lat, n) <= cfg.targetRelativeCi) {
            stopReason = 'converged';
            break;
          }
          nextCheck = n + Math.max(minSamples, Math.ceil(n / 10));
          prev = clock();
        }
        if (t >= deadlineNs) {
          stopReason = 'time-cap';
          break;
        }
        if (n >= maxRuns) {
          stopReason = 'max-runs';
          break;
        }
        if (t >= nextRssNs) {
          const r = rss();
          if (r > peakRss) peakRss = r;
          nextRssNs = t + RSS_EVERY_NS;
          prev = clock();
        }
        if (n === lat.length) {
          // Grow between runs (amortised; the clock is re-read so no latency includes it).
          const bigger = new Float64Array(Math.min(maxRuns, lat.length * 2));
          bigger.set(lat);
          lat = bigger;
          prev = clock();
        }
      }
    }
    endNs = clock();
    phase = 'meter';
    if (deps.meter && token) energy = await deps.meter.end(token);
  } catch (error) {
    if (isUserFacing(error)) throw error;
    const msg = messageOf(error).replace(/\s*\n\s*/g, ' ');
    if (phase === 'meter') throw new EnvironmentError(`${label}: the energy meter failed: ${msg}`, { cause: error });
    throw new InputError(
      'INPUT_INVALID',
      `${label}: onnxruntime failed during ${phase}: ${msg}. Check the input shapes and values given by dims: and inputs:.`,
      { cause: error },
    );
  }
  const r = rss();
  if (r > peakRss) peakRss = r;
  const maxRssAfter = maxRss();
  const peakMemoryBytes = maxRssAfter > maxRssBefore ? Math.max(maxRssAfter, peakRss) : peakRss;

  const windowNs = endNs - startNs;
  if (windowNs <= 0n) {
    throw new EnvironmentError(
      `${label}: the timed window of ${n} run(s) lasted ${windowNs} ns, so no throughput can be computed; the clock did not advance.`,
    );
  }
  const timedWindowS = Number(windowNs) / 1e9;
  const latenciesMs = lat.subarray(0, n);
  // Selection, not a sort: V8's TypedArray sort costs ~0.4 µs per sample, which for a fast
  // model would add about 1% to the harness's cost (bench/overhead.ts).
  const [p50, p95, p99] = quantiles(latenciesMs, [0.5, 0.95, 0.99]);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    if (latenciesMs[i] < min) min = latenciesMs[i];
    if (latenciesMs[i] > max) max = latenciesMs[i];
  }
  const ci = relativeCiHalfWidth(latenciesMs, n);
  return {
    batchSize: cfg.batchSize,
    runs: n,
    warmup: cfg.warmup,
    latenciesMs,
    latencyMs: { p50, p95, p99, mean: mean(latenciesMs), min, max, stdev: stdev(latenciesMs) },
    throughput: (cfg.batchSize * n) / timedWindowS,
    inferencesPerSecond: n / timedWindowS,
    timedWindowS,
    ...(Number.isFinite(ci) ? { relativeCi95: ci } : {}),
    stopReason,
    peakMemoryBytes,
    ...(energy ? { energy } : {}),
    nonFinite: countNonFinite(last),
  };
}

/** NaN/±Inf count per floating-point output (float16 read from its bits when stored as such). */
export function countNonFinite(outputs: Feeds): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [name, t] of Object.entries(outputs)) {
    if (t.type !== 'float32' && t.type !== 'float64' && t.type !== 'float16') continue;
    const data = t.data;
    let bad = 0;
    if (t.type === 'float16' && ArrayBuffer.isView(data)) {
      // binary16: exponent bits all ones means Inf or NaN (bits read alike from a Uint16Array
      // or, on Node ≥ 24, a Float16Array).
      const bits = float16BitsOf(data);
      for (let i = 0; i < bits.length; i++) if ((bits[i] & 0x7c00) === 0x7c00) bad++;
    } else if (data instanceof Float32Array || data instanceof Float64Array) {
      for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i])) bad++;
    }
    counts[name] = bad;
  }
  return counts;
}
