/**
 * `measure: instructions`: one model's inference calls counted under Valgrind's callgrind
 * (src/instructions/valgrind.ts), summarised into the report's InstructionsReport.
 */
import type * as ort from 'onnxruntime-node';
import type { InstructionsReport } from './types.js';
import { sessionOptions } from '../bench/ort.js';
import { CYCLES_FORMULA, estimateCycles } from './cycles.js';
import { findValgrind, runCallgrind, type CallgrindDeps, type CallgrindResult, type ValgrindTool } from './valgrind.js';

/** Calls counted per process, after the warm-up calls. Counts are per call, so a few suffice. @default 5 */
export const DEFAULT_CALLS = 5;
/** Warm-up calls, not counted: the first call does one-time work (buffer allocation, kernel choice). @default 1 */
export const DEFAULT_WARMUP = 1;

/** What one count covers and how it was obtained, for every output. */
export function describeCount(
  what: 'inference call' | 'training step',
  tool: string,
  startup: CallgrindResult['startup'] = { instrumented: false },
): string {
  const start = startup.instrumented
    ? `start-up instrumented because ${startup.reason}`
    : 'start-up uninstrumented, instrumentation switched on with vgdb before the first call';
  return (
    `SIMULATED: instructions per ${what} executed by onnxruntime's own code (libonnxruntime) during its run, on Valgrind's simulated CPU (${tool}, callgrind, ` +
    `${start}, collection on only inside the native run, warm-up calls excluded, median of the measured calls, 1 intra-op thread). Valgrind does not run AVX-512, so ` +
    "onnxruntime takes its AVX2 kernels; the count tracks the code's work, not this CPU's speed or energy"
  );
}

/**
 * Turns the per-call counts into the report's figures: the median call's (the mean of the two
 * middle calls' for an even number). Not the mean: onnxruntime does some housekeeping inside a
 * run now and then by the clock (measured on the example classifier: +117k instructions over
 * 254k, in a call made 2 s or more after the previous one, and in none of calls made close
 * together), so how many calls carry it depends on how fast the simulator ran; the median of 5
 * calls ignores up to 2 such calls. Pure.
 */
export function summarizeCounts(
  result: CallgrindResult,
  opts: { warmup: number; what: 'inference call' | 'training step'; perCallDivisor?: number },
): InstructionsReport {
  const k = opts.perCallDivisor ?? 1;
  const ir = result.perCall.map((c) => (c.Ir ?? 0) / k);
  const sorted = [...result.perCall].sort((a, b) => (a.Ir ?? 0) - (b.Ir ?? 0));
  const n = sorted.length;
  const middle = n % 2 ? [sorted[(n - 1) / 2]] : [sorted[n / 2 - 1], sorted[n / 2]];
  const events: Record<string, number> = {};
  for (const e of result.events) events[e] = middle.reduce((s, c) => s + (c[e] ?? 0), 0) / middle.length / k;
  const cache = estimateCycles(events);
  return {
    perCall: events.Ir ?? 0,
    minPerCall: Math.min(...ir),
    maxPerCall: Math.max(...ir),
    calls: result.perCall.length,
    warmup: opts.warmup,
    events,
    ...(cache ? { estimatedCycles: cache.estimatedCycles, cyclesFormula: `ESTIMATE: ${CYCLES_FORMULA}` } : {}),
    method: 'callgrind',
    simulated: true,
    tool: result.valgrind,
    wallS: result.wallS,
    description: describeCount(opts.what, result.valgrind, result.startup),
  };
}

/** Options of {@link countInstructions}. */
export interface CountOptions {
  calls?: number;
  warmup?: number;
  /** Simulate the caches for miss counts and estimated cycles. @default true */
  cacheSim?: boolean;
  /** Found once and reused; found here when absent. */
  tool?: ValgrindTool;
  env: Record<string, string | undefined>;
  deps?: CallgrindDeps;
  /** What one call is, for the report's wording. @default 'inference call' */
  what?: 'inference call' | 'training step';
  /** Units of work per call (training steps looped inside one call); counts are divided by it. @default 1 */
  perCallDivisor?: number;
}

/**
 * Counts the instructions of `model`'s calls (inference, or a training step model's) on `feeds` (one intra-op thread: more
 * threads would add the thread pool's spinning, which is not deterministic).
 * @throws EnvironmentError (exit 3) when Valgrind is missing or the run fails.
 */
export async function countInstructions(
  model: string,
  feeds: Record<string, ort.Tensor>,
  opts: CountOptions,
): Promise<InstructionsReport> {
  const tool = opts.tool ?? (await findValgrind(opts.env));
  const warmup = opts.warmup ?? DEFAULT_WARMUP;
  const result = await runCallgrind(
    tool,
    {
      model,
      sessionOptions: sessionOptions({ threads: 1 }),
      feeds,
      warmup,
      calls: opts.calls ?? DEFAULT_CALLS,
      cacheSim: opts.cacheSim ?? true,
    },
    { env: opts.env, ...opts.deps },
  );
  return summarizeCounts(result, { warmup, what: opts.what ?? 'inference call', perCallDivisor: opts.perCallDivisor });
}
