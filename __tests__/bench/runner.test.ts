import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { synthesizeInputs } from '../../src/bench/inputs.js';
import { relativeCiHalfWidth } from '../../src/util/stats.js';
import { createSession, type Feeds } from '../../src/bench/ort.js';
import { countNonFinite, runInferenceBenchmark, type RunnerDeps } from '../../src/bench/runner.js';
import type { InferenceConfig } from '../../src/config/types.js';
import type { EnergyMeter, EnergyWindow } from '../../src/energy/types.js';
import { EnvironmentError, InputError } from '../../src/errors.js';
import { mlpModel, nanModel } from './helpers.js';

const MS = 1_000_000; // ns per ms

/**
 * A fake session on a fake clock: run i advances the clock by latencyMs(i) (warm-up runs
 * included, numbered from 0). Nothing else moves the clock, so the timed window is exactly
 * the sum of the timed runs' latencies.
 */
function fakeBench(latencyMs: (i: number) => number, outputs: Feeds = {}) {
  let now = 5_000n * BigInt(MS);
  let calls = 0;
  const log: string[] = [];
  const session = {
    run: async (feeds: Feeds): Promise<Feeds> => {
      expect(feeds).toBe(FEEDS); // the same object every run: nothing re-allocated per run
      now += BigInt(Math.round(latencyMs(calls++) * MS));
      return outputs;
    },
  };
  const deps: RunnerDeps = { clockNs: () => now, rssBytes: () => 100, maxRssBytes: () => 1000 };
  return { session, deps, calls: () => calls, now: () => now, log };
}

const FEEDS: Feeds = {};

function cfg(over: Partial<InferenceConfig & { batchSize: number }> = {}): InferenceConfig & { batchSize: number } {
  return { iterations: 10, warmup: 0, maxTimeS: 10, targetRelativeCi: 0.02, batchSize: 1, ...over };
}

describe('runInferenceBenchmark with a fixed iteration count', () => {
  it('computes percentiles, mean, stdev and throughput from hand-checkable latencies', async () => {
    // Timed latencies 1, 2, …, 10 ms, after 3 warm-up runs of 100 ms that must not count.
    const b = fakeBench((i) => (i < 3 ? 100 : i - 2));
    const r = await runInferenceBenchmark(b.session, FEEDS, cfg({ warmup: 3, batchSize: 4 }), b.deps);
    expect(b.calls()).toBe(13);
    expect(r.runs).toBe(10);
    expect(r.warmup).toBe(3);
    expect(r.stopReason).toBe('iterations');
    expect(Array.from(r.latenciesMs)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Type 7: p50 → h = 4.5 → 5.5; p95 → h = 8.55 → 9.55; p99 → h = 8.91 → 9.91.
    expect(r.latencyMs.p50).toBeCloseTo(5.5, 12);
    expect(r.latencyMs.p95).toBeCloseTo(9.55, 12);
    expect(r.latencyMs.p99).toBeCloseTo(9.91, 12);
    expect(r.latencyMs.mean).toBeCloseTo(5.5, 12);
    expect(r.latencyMs.min).toBe(1);
    expect(r.latencyMs.max).toBe(10);
    expect(r.latencyMs.stdev).toBeCloseTo(Math.sqrt(82.5 / 9), 12); // Σ(i − 5.5)² = 82.5
    // The window is the 55 ms of timed runs; throughput = batch × runs / window = 4 × 10 / 0.055 s.
    expect(r.timedWindowS).toBeCloseTo(0.055, 12);
    expect(r.throughput).toBeCloseTo(40 / 0.055, 9);
    expect(r.inferencesPerSecond).toBeCloseTo(10 / 0.055, 9);
    expect(r.relativeCi95).toBeCloseTo(relativeCiHalfWidth([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 12);
  });

  it('fails clearly when the timed window has zero length (a clock that does not advance)', async () => {
    const b = fakeBench(() => 0);
    await expect(
      runInferenceBenchmark(b.session, FEEDS, cfg({ iterations: 5 }), { ...b.deps, label: 'model "clf"' }),
    ).rejects.toThrow(
      new EnvironmentError(
        'model "clf": the timed window of 5 run(s) lasted 0 ns, so no throughput can be computed; the clock did not advance.',
      ),
    );
  });

  it('rejects a non-positive iteration count', async () => {
    const b = fakeBench(() => 1);
    await expect(runInferenceBenchmark(b.session, FEEDS, cfg({ iterations: 0 }), b.deps)).rejects.toThrow(RangeError);
  });
});

describe('runInferenceBenchmark with iterations: auto', () => {
  it('stops at the first check (10 runs) when every latency is equal', async () => {
    const b = fakeBench(() => 5);
    const r = await runInferenceBenchmark(b.session, FEEDS, cfg({ iterations: 'auto' }), b.deps);
    expect(r.runs).toBe(10);
    expect(r.stopReason).toBe('converged');
    expect(r.relativeCi95).toBe(0);
  });

  it('stops at the first check point where the 95% CI half-width is within 2% of the mean', async () => {
    // Latencies alternate 4 and 6 ms: mean 5, s = √(n/(n−1)) at even n, so the relative
    // half-width is t_{0.975,n−1} / (5·√(n−1)). Check points: 10, 20, …, 100, then +10%
    // (rounded up, at least 10): 110, 121, 134, 148, 163, 180, 198, 218, 240, 264, 291,
    // 321, 354, 390. At 354: 1.9668/(5·√353) = 0.02094 > 2%; at 390: 1.9661/(5·√389) = 0.01994.
    const b = fakeBench((i) => (i % 2 === 0 ? 4 : 6));
    const r = await runInferenceBenchmark(b.session, FEEDS, cfg({ iterations: 'auto' }), b.deps);
    expect(r.stopReason).toBe('converged');
    expect(r.runs).toBe(390);
    expect(r.relativeCi95).toBeCloseTo(0.019937, 5);
    expect(r.relativeCi95!).toBeLessThanOrEqual(0.02);
    expect(relativeCiHalfWidth(r.latenciesMs, 354)).toBeGreaterThan(0.02);
  });

  it('honours targetRelativeCi and minSamples', async () => {
    const b = fakeBench((i) => (i % 2 === 0 ? 4 : 6));
    // 10% target: t/(5·√(n−1)) ≤ 0.1 first holds at n = 20 (2.093/(5·√19) = 0.096) with minSamples 20.
    const r = await runInferenceBenchmark(b.session, FEEDS, cfg({ iterations: 'auto', targetRelativeCi: 0.1 }), {
      ...b.deps,
      minSamples: 20,
    });
    expect(r.runs).toBe(20);
    expect(r.stopReason).toBe('converged');
  });

  it('stops at the time cap when the estimate does not settle', async () => {
    // 1 ms and 100 ms alternate: pairs take 101 ms, so the 20th run ends at 1010 ms ≥ 1 s.
    const b = fakeBench((i) => (i % 2 === 0 ? 1 : 100));
    const r = await runInferenceBenchmark(b.session, FEEDS, cfg({ iterations: 'auto', maxTimeS: 1 }), b.deps);
    expect(r.stopReason).toBe('time-cap');
    expect(r.runs).toBe(20);
    expect(r.timedWindowS).toBeCloseTo(1.01, 12);
    expect(r.relativeCi95).toBeGreaterThan(0.02);
  });

  it('runs without a time cap when maxTimeS is Infinity', async () => {
    const b = fakeBench((i) => (i % 2 === 0 ? 1 : 100));
    const r = await runInferenceBenchmark(b.session, FEEDS, cfg({ iterations: 'auto', maxTimeS: Infinity }), {
      ...b.deps,
      maxRuns: 50,
    });
    expect(r.stopReason).toBe('max-runs');
  });

  it('stops at maxRuns, growing its sample buffer past the initial 1024 on the way', async () => {
    const b = fakeBench((i) => (i % 2 === 0 ? 1 : 100) + (i % 7));
    const r = await runInferenceBenchmark(b.session, FEEDS, cfg({ iterations: 'auto', maxTimeS: 1e6, targetRelativeCi: 0 }), {
      ...b.deps,
      maxRuns: 3000,
    });
    expect(r.stopReason).toBe('max-runs');
    expect(r.runs).toBe(3000);
    expect(r.latenciesMs.length).toBe(3000);
    for (const i of [0, 1, 1023, 1024, 2047, 2048, 2999]) expect(r.latenciesMs[i]).toBe((i % 2 === 0 ? 1 : 100) + (i % 7));
  });
});

describe('runInferenceBenchmark: energy window, memory, outputs, errors', () => {
  it('brackets the whole timed loop with one meter window, after the warm-up', async () => {
    const b = fakeBench(() => 2);
    const events: string[] = [];
    const window: EnergyWindow = { energyJ: 1.5, domainsJ: { 'package-0': 1.5 }, durationS: 0.02, method: 'rapl', notes: [] };
    const meter: EnergyMeter = {
      method: 'rapl',
      description: 'fake',
      begin: async () => {
        events.push(`begin after ${b.calls()} runs`);
        return { startedAt: 0 };
      },
      end: async () => {
        events.push(`end after ${b.calls()} runs`);
        return window;
      },
      close: async () => undefined,
    };
    const r = await runInferenceBenchmark(b.session, FEEDS, cfg({ warmup: 2, iterations: 10 }), { ...b.deps, meter });
    expect(events).toEqual(['begin after 2 runs', 'end after 12 runs']);
    expect(r.energy).toBe(window);
  });

  it('a meter failure is an environment error, not an input error', async () => {
    const b = fakeBench(() => 2);
    const meter: EnergyMeter = {
      method: 'rapl',
      description: 'fake',
      begin: async () => ({ startedAt: 0 }),
      end: async () => {
        throw new Error('counter vanished');
      },
      close: async () => undefined,
    };
    const e = await runInferenceBenchmark(b.session, FEEDS, cfg(), { ...b.deps, meter, label: 'model "m"' }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(EnvironmentError);
    expect((e as Error).message).toBe('model "m": the energy meter failed: counter vanished');
  });

  it('peak memory: the largest RSS sample, or the kernel high-water mark when it rose during the loop', async () => {
    // RSS readings climb 100, 200, …; one reading at the start, one every 50 ms of loop, one at the end.
    const run = async (maxRss: number[]): Promise<number> => {
      const b = fakeBench(() => 30); // 10 runs × 30 ms = 300 ms → samples at ~60, 120, …
      let k = 0;
      let m = 0;
      const r = await runInferenceBenchmark(b.session, FEEDS, cfg(), {
        ...b.deps,
        rssBytes: () => 100 * ++k,
        maxRssBytes: () => maxRss[m++],
      });
      return r.peakMemoryBytes;
    };
    // Start 100; samples after runs 2, 4, 6, 8, 10 (every 60 ms ≥ 50 ms) → 200..600; end 700.
    expect(await run([5000, 5000])).toBe(700);
    expect(await run([5000, 9000])).toBe(9000);
  });

  it('wraps an onnxruntime failure during warm-up into an input error naming the model', async () => {
    const session = {
      run: async (): Promise<Feeds> => {
        throw new Error('Got invalid dimensions for input: x for the following indices\n index: 1 Got: 4 Expected: 3');
      },
    };
    const e = await runInferenceBenchmark(session, FEEDS, cfg({ warmup: 1 }), { clockNs: () => 0n, label: 'model "clf"' }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).code).toBe('INPUT_INVALID');
    expect((e as Error).message).toBe(
      'model "clf": onnxruntime failed during warm-up: Got invalid dimensions for input: x for the following indices index: 1 Got: 4 Expected: 3. ' +
        'Check the input shapes and values given by dims: and inputs:.',
    );
  });

  it('counts NaN and Inf in the float outputs of the last run of a real session', async () => {
    const session = await createSession(nanModel(), { threads: 1 });
    const feeds = { x: new ort.Tensor('float32', Float32Array.from([0, 1, -1, 0]), [4]) };
    const r = await runInferenceBenchmark(session, feeds, cfg({ iterations: 3 }), { clockNs: () => process.hrtime.bigint() });
    // y = x / x is NaN where x = 0 (twice); z = 1 / x is ±Inf there; i is int32 and not counted.
    expect(r.nonFinite).toEqual({ y: 2, z: 2 });
    await session.release();
  });

  it('counts non-finite float16 values from their bits', () => {
    const t = new ort.Tensor('float16', Uint16Array.from([0x3c00, 0x7c00, 0xfc00, 0x7e00, 0x7bff]), [5]);
    expect(countNonFinite({ h: t })).toEqual({ h: 3 });
  });
});

describe('runInferenceBenchmark end to end on a real session', () => {
  it('benchmarks an MLP with synthesised inputs', async () => {
    const session = await createSession(mlpModel(), { threads: 1, name: 'mlp' });
    const { feeds, batchSize } = await synthesizeInputs([{ name: 'x', dtype: 'float32', shape: ['N', 16] }], {
      modelName: 'mlp',
      dims: { N: 8 },
      specs: {},
      seed: 1,
      readFile: async () => new Uint8Array(),
    });
    expect(batchSize).toBe(8);
    const r = await runInferenceBenchmark(session, feeds, cfg({ iterations: 25, warmup: 2, batchSize }), {
      clockNs: () => process.hrtime.bigint(),
    });
    await session.release();
    expect(r.runs).toBe(25);
    expect(r.latenciesMs.length).toBe(25);
    expect(r.latencyMs.min).toBeGreaterThan(0);
    expect(r.latencyMs.p50).toBeLessThanOrEqual(r.latencyMs.p95);
    expect(r.latencyMs.p95).toBeLessThanOrEqual(r.latencyMs.p99);
    expect(r.latencyMs.p99).toBeLessThanOrEqual(r.latencyMs.max);
    // The window holds the runs plus the loop's own bookkeeping, so it is at least their sum.
    const sumS = r.latenciesMs.reduce((a, b) => a + b, 0) / 1000;
    expect(r.timedWindowS).toBeGreaterThanOrEqual(sumS);
    expect(r.throughput).toBeCloseTo((8 * 25) / r.timedWindowS, 6);
    expect(r.peakMemoryBytes).toBeGreaterThan(1024 * 1024);
    expect(r.nonFinite).toEqual({ y: 0 });
  });
});

describe('runInferenceBenchmark on the repository example models', () => {
  it.each([
    ['classifier', 'x', ['N', 784], 32, 'y'],
    ['cnn', 'x', ['N', 1, 28, 28], 4, 'logits'],
  ] as Array<[string, string, Array<string | number>, number, string]>)(
    '%s (input %s, shape %j, batch %i)',
    async (name, input, shape, batch, output) => {
      const session = await createSession(path.join(process.cwd(), 'examples/models', `${name}.onnx`), { threads: 1, name });
      expect(session.inputNames).toEqual([input]);
      const { feeds, batchSize } = await synthesizeInputs([{ name: input, dtype: 'float32', shape }], {
        modelName: name,
        dims: { N: batch },
        specs: {},
        seed: 1,
        readFile: async () => new Uint8Array(),
      });
      const r = await runInferenceBenchmark(session, feeds, cfg({ iterations: 'auto', warmup: 3, maxTimeS: 0.5, batchSize }), {
        clockNs: () => process.hrtime.bigint(),
        label: `model "${name}"`,
      });
      await session.release();
      expect(batchSize).toBe(batch);
      expect(r.runs).toBeGreaterThanOrEqual(1);
      expect(['converged', 'time-cap']).toContain(r.stopReason);
      expect(r.throughput).toBeCloseTo((batch * r.runs) / r.timedWindowS, 6);
      expect(r.nonFinite).toEqual({ [output]: 0 });
    },
  );
});
