/**
 * Energy by the power-model estimate is a function of time (idle power × wall time + dynamic
 * power × CPU time), so the interleaved comparison derives each round's energy figures from the
 * timings with the coefficients held fixed (src/measure.ts estimatedRound). These tests check
 * that the coefficients reproduce the estimate's own formula, that the derivation removes the
 * /proc/stat tick quantisation that made the per-block estimate several times noisier than the
 * latency, and that the result says it is an estimate and what it is derived from.
 */
import { describe, expect, it } from '@jest/globals';
import { estimateCoefficients, estimateFromTimings, estimateWindow } from '../../src/energy/estimate.js';
import { resolvePowerModel } from '../../src/energy/power-model.js';
import { createRoundDecider } from '../../src/compare/interleaved.js';
import { estimatedRound, estimatedRoundText, quickLooks, QUICK_MAX_LOOKS } from '../../src/engine/round-plan.js';
import { createRng } from '../../src/util/random.js';
import type { EnergyWindow } from '../../src/energy/types.js';

const VCPUS = 2;
const linear = resolvePowerModel(null, { idleW: 10, maxW: 50 });
const curve = resolvePowerModel(null, {});

/** One estimate window whose /proc/stat counts busy CPU as `busyTicks` of `totalTicks`. */
function window(
  model: typeof linear,
  durationS: number,
  processCpuS: number,
  busyTicks: number,
  totalTicks: number,
): EnergyWindow {
  return estimateWindow({
    model,
    vcpus: VCPUS,
    durationS,
    processCpuS,
    statStart: { busyTicks: 0, totalTicks: 0, cpus: VCPUS },
    statEnd: { busyTicks, totalTicks, cpus: VCPUS },
  });
}

describe('the estimate reduced to two coefficients', () => {
  it('reproduces the estimate formula when /proc/stat is exact (linear model and SPECpower curve)', () => {
    for (const model of [linear, curve]) {
      // 2 s on 2 vCPUs = 400 ticks, 60% busy; the process used 1.5 CPU-s of the 2.4 busy.
      const w = window(model, 2, 1.5, 240, 400);
      const c = estimateCoefficients([w])!;
      expect(c.idleW).toBeCloseTo(w.estimate!.vmIdleW, 12);
      expect(estimateFromTimings(c, 2, 1.5)).toBeCloseTo(w.energyJ, 10);
    }
    // A linear model's dynamic power per CPU second is its per-vCPU span, whatever the utilisation.
    const c = estimateCoefficients([window(linear, 1, 0.3, 50, 200)])!;
    expect(c.dynamicWPerCpu).toBeCloseTo((50 - 10) / VCPUS, 10);
  });

  it('is undefined for measured windows or a window without utilisation', () => {
    const w = window(linear, 1, 0.5, 100, 200);
    expect(estimateCoefficients([{ ...w, method: 'rapl', estimate: undefined }])).toBeUndefined();
    expect(estimateCoefficients([window(linear, 1, 0, 0, 200)])).toBeUndefined();
    expect(estimateCoefficients([])).toBeUndefined();
  });
});

describe('estimated energy in the interleaved comparison', () => {
  /**
   * A/A rounds of 8 blocks of 25 ms per arm: the same call times and CPU time in both arms, a
   * machine factor per round shared by both, small per-call noise; /proc/stat counts whole
   * 10 ms ticks (the true busy time plus a uniform fraction of a tick, floored).
   */
  function rounds(seed: number, n: number) {
    const rng = createRng(seed);
    return Array.from({ length: n }, () => {
      const factor = 1 + 0.02 * rng.normal();
      const arm = () => {
        const ms = Array.from({ length: 2000 }, () => 0.1 * factor * Math.exp(0.02 * rng.normal()));
        const blocks = Array.from({ length: 8 }, () => {
          const t = 0.025 * factor;
          const ticks = (x: number) => Math.floor(x * 100 + rng.next());
          return window(curve, t, t, ticks(t), ticks(VCPUS * t));
        });
        return { ms, blocks };
      };
      return { b: arm(), h: arm() };
    });
  }

  it('the per-block estimate is dominated by tick quantisation; derived from the timings it is as tight as the latency', () => {
    const data = rounds(5, 30);
    const c = estimateCoefficients([...data[0].b.blocks, ...data[0].h.blocks])!;
    const sd = (xs: number[]) => {
      const m = xs.reduce((s, x) => s + x, 0) / xs.length;
      return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
    };
    const metered = data.map((r) =>
      Math.log(r.h.blocks.reduce((s, w) => s + w.energyJ, 0) / r.b.blocks.reduce((s, w) => s + w.energyJ, 0)),
    );
    const cpu = (blocks: EnergyWindow[]) => blocks.map((w) => w.estimate!.processCpuS / 250).sort((x, y) => x - y)[4];
    const derived = data.map((r) => {
      const e = estimatedRound(c, r.b.ms, r.h.ms, cpu(r.b.blocks), cpu(r.h.blocks));
      return Math.log(e.headJPerCall / e.baseJPerCall);
    });
    const latency = data.map((r) => Math.log(r.h.ms.sort((x, y) => x - y)[1000] / r.b.ms.sort((x, y) => x - y)[1000]));
    expect(sd(metered)).toBeGreaterThan(3 * sd(derived));
    expect(sd(derived)).toBeLessThan(2 * sd(latency));
  });

  it('decides an A/A energy comparison sooner than the per-block estimate, and says it is estimated', () => {
    const data = rounds(9, 30);
    const c = estimateCoefficients([...data[0].b.blocks, ...data[0].h.blocks])!;
    const look = { threshold: 0.02, roundsPerLook: 3, firstLookRounds: 3, maxLooks: 10 };
    const derived = createRoundDecider(['energy'], look);
    const metered = createRoundDecider(['energy'], look);
    for (const r of data) {
      const cpu = (blocks: EnergyWindow[]) => blocks.map((w) => w.estimate!.processCpuS / 250).sort((x, y) => x - y)[4];
      derived.addRound({
        baseMs: r.b.ms,
        headMs: r.h.ms,
        ...estimatedRound(c, r.b.ms, r.h.ms, cpu(r.b.blocks), cpu(r.h.blocks)),
      });
      const j = (blocks: EnergyWindow[]) => blocks.reduce((s, w) => s + w.energyJ, 0) / 2000;
      metered.addRound({ baseMs: r.b.ms, headMs: r.h.ms, baseJPerCall: j(r.b.blocks), headJPerCall: j(r.h.blocks) });
    }
    const d = derived.finish('test design', estimatedRoundText(c)).energy!;
    const m = metered.finish('test design').energy!;
    expect(d.verdict).toBe('pass');
    expect(d.rounds).toBeLessThan(m.rounds!);
    expect(d.roundSpread95!).toBeLessThan(m.roundSpread95! / 5);
    expect(d.method).toMatch(/^per-round energy per call \(ESTIMATED energy per call derived from each round's timings/);
    expect(d.method).toMatch(/W idle × median call time \+ [\d.]+ W × median block CPU time per call/);
    expect(m.method).not.toMatch(/ESTIMATED/);
    expect(d.roundSpread95).toBeGreaterThan(0);
  });
});

describe('the quick rule spends α over at most 10 looks, spread over the cap', () => {
  it.each([
    [30, 0.43, 7, 9],
    [30, 1, 3, 10],
    [30, 3, 3, 3],
    [30, 40, 3, 1],
  ])('cap %p s, rounds of %p s: a look every %p rounds, %p looks', (capS, roundS, every, looks) => {
    const l = quickLooks(capS, roundS, 3);
    expect(l).toEqual({ roundsPerLook: every, firstLookRounds: every, maxLooks: looks });
    expect(l.maxLooks).toBeLessThanOrEqual(QUICK_MAX_LOOKS);
  });
});
