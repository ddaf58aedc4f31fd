/**
 * How noisy each per-round energy figure of the interleaved comparison is when energy is the
 * power-model estimate (issue 22): an A/A comparison of the example classifier (batch 8, one
 * thread) in the comparison's own round design (fresh sessions, 10 warm-up calls, 8 ABBA blocks
 * of 250 calls per arm), printing the standard deviation over rounds of d = ln(head/base) for:
 *
 * - lat: the median call time (what latency-p50 is decided by);
 * - metered: the estimate meter's own per-block windows summed (the comparison before);
 * - derived: idle W × median call time + dynamic W × median block CPU time per call, with the
 *   coefficients fixed on the first round (src/measure.ts estimatedRound: what it uses now);
 * - rho: median call time × (idle W + dynamic W × median block CPU/wall ratio) (an alternative);
 * - cpuOnly: the median block CPU time per call alone; meanWall: block wall time per call.
 *
 * The smaller sd(d), the fewer rounds a verdict takes. Prints figures; asserts nothing.
 *
 * Run:  node scripts/run-ts.mjs bench/estimate-rounds.ts [rounds=40]
 */
import * as ort from 'onnxruntime-node';
import { buildClassifier } from '../src/model/examples.js';
import { encodeModel } from '../src/model/onnx.js';
import { openMeter } from '../src/energy/open.js';
import { runInferenceBenchmark } from '../src/bench/runner.js';
import { estimateCoefficients } from '../src/energy/estimate.js';
import { median } from '../src/util/stats.js';
import type { EnergyWindow } from '../src/energy/types.js';

const bytes = encodeModel(buildClassifier());
const rounds = Number(process.argv[2] ?? 30);
const { meter } = await openMeter('estimate', { sysfsRoot: '/sys', env: process.env, power: {} });
const sess = () => ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
const s0 = await sess();
const feeds = { [s0.inputNames[0]]: new ort.Tensor('float32', new Float32Array(8 * 784).fill(0.1), [8, 784]) };
const cols: Record<string, number[]> = { lat: [], metered: [], derived: [], rho: [], cpuOnly: [], meanWall: [] };
let coef: ReturnType<typeof estimateCoefficients>;
for (let r = 0; r < rounds; r++) {
  const sb = await sess();
  const sh = await sess();
  for (let i = 0; i < 10; i++) {
    await sb.run(feeds);
    await sh.run(feeds);
  }
  const arm = {
    b: { ms: [] as number[], cpu: [] as number[], wall: [] as number[], J: 0 },
    h: { ms: [] as number[], cpu: [] as number[], wall: [] as number[], J: 0 },
  };
  const ws: EnergyWindow[] = [];
  for (let k = 0; k < 8; k++) {
    const order = k % 4 === 0 || k % 4 === 3 ? ['b', 'h'] : ['h', 'b'];
    for (const a of order as Array<'b' | 'h'>) {
      const res = await runInferenceBenchmark(
        a === 'b' ? sb : sh,
        feeds,
        { iterations: 250, warmup: 0, maxTimeS: 60, targetRelativeCi: 0, batchSize: 8 },
        { clockNs: () => process.hrtime.bigint(), meter },
      );
      for (const x of res.latenciesMs) arm[a].ms.push(x);
      arm[a].cpu.push(res.energy!.estimate!.processCpuS / res.runs);
      arm[a].wall.push(res.timedWindowS / res.runs);
      arm[a].J += res.energy!.energyJ;
      ws.push(res.energy!);
    }
  }
  coef ??= estimateCoefficients(ws)!;
  const c = coef;
  const f = (x: typeof arm.b) => ({
    lat: median(x.ms),
    metered: x.J,
    derived: (c.idleW * median(x.ms)) / 1000 + c.dynamicWPerCpu * median(x.cpu),
    rho: (median(x.ms) / 1000) * (c.idleW + c.dynamicWPerCpu * median(x.cpu.map((v, i) => v / x.wall[i]))),
    cpuOnly: median(x.cpu),
    meanWall: x.wall.reduce((s, v) => s + v, 0),
  });
  const B = f(arm.b),
    H = f(arm.h);
  for (const k of Object.keys(cols)) cols[k].push(Math.log((H as Record<string, number>)[k] / (B as Record<string, number>)[k]));
  await sb.release();
  await sh.release();
}
const sd = (xs: number[]) => {
  const m = xs.reduce((s, v) => s + v, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, v) => s + (v - m) ** 2, 0) / (xs.length - 1));
};
console.log('coef', coef, 'load', (await import('node:os')).loadavg());
for (const [k, v] of Object.entries(cols))
  console.log(
    k.padEnd(10),
    'sd(d) %',
    (sd(v) * 100).toFixed(2),
    'mean %',
    ((v.reduce((s, x) => s + x, 0) / v.length) * 100).toFixed(2),
  );
