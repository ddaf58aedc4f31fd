/**
 * Measures the energy meters' own cost during a benchmark and the run-to-run spread of joules
 * per inference for the example classifier. Prints figures; asserts nothing.
 *
 *   npx esbuild bench/meter-overhead.ts --bundle --platform=node --format=esm \
 *     --packages=external --outfile=build-tmp/meter-overhead.mjs && node build-tmp/meter-overhead.mjs
 *
 * 1. Overhead: CPU time the meter uses (begin/end of the benchmark's one window, plus the
 *    periodic counter samples a RAPL meter takes while the window is open) as a fraction of the
 *    workload's CPU time. RAPL is exercised against a fake sysfs tree (this VM has none), so the
 *    cost per sample is the real file-reading code path.
 * 2. Spread: 10 runs of a bare onnxruntime loop on examples/models/classifier.onnx (batch 32,
 *    1 thread), each inside one meter window; coefficient of variation of J per inference.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { openMeter } from '../src/energy/open.js';
import { probeRapl, RaplMeter, raplSampleIntervalMs } from '../src/energy/rapl.js';
import { formatEnergy } from '../src/energy/format.js';
import type { EnergyMeter } from '../src/energy/types.js';

const MODEL = 'examples/models/classifier.onnx';
const BATCH = 32;
const RUNS = 10;
const INFERENCES_PER_RUN = 5000;

function cpuS(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

function seededInput(n: number): Float32Array {
  // xorshift32, seed 1: the same input every time
  let s = 1;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = ((s >>> 0) / 2 ** 32) * 2 - 1;
  }
  return out;
}

async function workload(session: ort.InferenceSession, feeds: Record<string, ort.Tensor>, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await session.run(feeds);
}

async function meterCostPerWindowS(meter: EnergyMeter, windows: number): Promise<number> {
  const c0 = cpuS();
  for (let i = 0; i < windows; i++) await meter.end(await meter.begin());
  return (cpuS() - c0) / windows;
}

function stats(xs: number[]): { mean: number; sd: number; cv: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
  return { mean, sd, cv: sd / mean };
}

async function main(): Promise<void> {
  const session = await ort.InferenceSession.create(MODEL, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  const feeds = { x: new ort.Tensor('float32', seededInput(BATCH * 784), [BATCH, 784]) };
  await workload(session, feeds, 20); // warm-up

  const opened = await openMeter('auto', { env: process.env, power: {} });
  const meter = opened.meter;
  console.log(`meter: ${meter.method} — ${meter.description}`);
  for (const n of opened.notices) console.log(`  notice: ${n}`);

  // ---- 1. overhead -------------------------------------------------------------------------
  const c0 = cpuS();
  const t0 = process.hrtime.bigint();
  await workload(session, feeds, INFERENCES_PER_RUN);
  const workloadCpuS = cpuS() - c0;
  const workloadWallS = Number(process.hrtime.bigint() - t0) / 1e9;

  const perWindowS = await meterCostPerWindowS(meter, 200);

  // RAPL sampling cost, on a fake two-socket tree (package + DRAM each).
  const root = mkdtempSync(join(tmpdir(), 'meter-overhead-'));
  let raplPerSampleS = 0;
  let raplPerWindowS = 0;
  let typicalIntervalMs = 0;
  try {
    for (const [zone, name] of [
      ['intel-rapl:0', 'package-0'],
      ['intel-rapl:0:0', 'dram'],
      ['intel-rapl:1', 'package-1'],
      ['intel-rapl:1:0', 'dram'],
    ]) {
      const d = join(root, 'class', 'powercap', zone);
      mkdirSync(d, { recursive: true });
      writeFileSync(join(d, 'name'), `${name}\n`);
      writeFileSync(join(d, 'energy_uj'), '123456789\n');
      writeFileSync(join(d, 'max_energy_range_uj'), '262143328850\n');
    }
    const probe = await probeRapl(root);
    if (!probe.ok) throw new Error(probe.message);
    typicalIntervalMs = raplSampleIntervalMs(probe.domains);
    const rapl = new RaplMeter(probe.domains);
    const s0 = cpuS();
    for (let i = 0; i < 1000; i++) await rapl.sample();
    raplPerSampleS = (cpuS() - s0) / 1000;
    raplPerWindowS = await meterCostPerWindowS(rapl, 200);
    await rapl.close();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }

  const pct = (x: number): string => `${(x * 100).toFixed(4)}%`;
  const samplesPerRun = (intervalMs: number): number => Math.ceil((workloadWallS * 1000) / intervalMs);
  console.log('\n== meter overhead (CPU time of the meter / CPU time of the workload) ==');
  console.log(
    `workload: ${INFERENCES_PER_RUN} inferences, batch ${BATCH}: ${workloadCpuS.toFixed(3)} CPU-s in ${workloadWallS.toFixed(3)} s wall`,
  );
  console.log(
    `${meter.method} meter, one window (begin + end): ${(perWindowS * 1e6).toFixed(1)} µs CPU → ${pct(perWindowS / workloadCpuS)}`,
  );
  console.log(
    `rapl meter (fake sysfs, 4 domains), one window: ${(raplPerWindowS * 1e6).toFixed(1)} µs CPU; one counter sample: ${(raplPerSampleS * 1e6).toFixed(1)} µs CPU`,
  );
  for (const intervalMs of [typicalIntervalMs, 1000, 100]) {
    const cost = raplPerWindowS + samplesPerRun(intervalMs) * raplPerSampleS;
    console.log(`  rapl with a sample every ${intervalMs} ms during this workload: ${pct(cost / workloadCpuS)}`);
  }

  // ---- 2. run-to-run spread ----------------------------------------------------------------
  const perInference: number[] = [];
  const attributablePerInference: number[] = [];
  const wall: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const token = await meter.begin();
    await workload(session, feeds, INFERENCES_PER_RUN);
    const w = await meter.end(token);
    perInference.push(w.energyJ / INFERENCES_PER_RUN);
    if (w.attributableJ !== undefined) attributablePerInference.push(w.attributableJ / INFERENCES_PER_RUN);
    wall.push(w.durationS);
  }
  const e = stats(perInference);
  const t = stats(wall);
  console.log(
    `\n== joules per inference over ${RUNS} runs (${meter.method}; ${INFERENCES_PER_RUN} inferences of batch ${BATCH} per run) ==`,
  );
  console.log(`per run: ${perInference.map((j) => formatEnergy(j)).join(', ')}`);
  console.log(
    `mean ${formatEnergy(e.mean)} per inference (${formatEnergy(e.mean * 1000)} per 1,000), sd ${formatEnergy(e.sd)}, CV ${(e.cv * 100).toFixed(2)}%`,
  );
  if (attributablePerInference.length === RUNS) {
    const a = stats(attributablePerInference);
    console.log(`attributable (above idle): mean ${formatEnergy(a.mean)} per inference, CV ${(a.cv * 100).toFixed(2)}%`);
  }
  console.log(`window duration: mean ${t.mean.toFixed(3)} s, CV ${(t.cv * 100).toFixed(2)}%`);
  await meter.close();
  await session.release();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
