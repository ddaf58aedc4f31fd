/**
 * Harness overhead: throughput through energy-budget's benchmark loop
 * (`runInferenceBenchmark`) against a bare `session.run` loop, on the same session, inputs
 * and threads, in the same process. Goal: the harness within 3% of the bare loop.
 *
 * Method. For each batch size: one session (threads 1 unless --threads), inputs synthesised
 * once, 200 untimed warm-up runs, then a calibration that sizes N runs to last about
 * --round-s seconds. Then --rounds rounds, each running both loops for exactly N runs, in
 * alternating order (bare first in even rounds, harness first in odd ones) so that drift
 * (thermal, other processes) hits both alike. Each loop's throughput is batch × N divided by
 * the wall time around the whole loop (for the harness: the whole `runInferenceBenchmark`
 * call, statistics included). The figure is the per-round ratio harness / bare: median,
 * mean with a 95% t interval, min and max. "per CPU second" divides the process CPU time
 * (user + system) of the two loops instead: with threads 1 onnxruntime computes on the main
 * thread, so CPU time counts the work each loop did and not the time it waited for a core,
 * which makes it the steadier figure on a busy machine. "reported" is the throughput the
 * harness itself reports (from its timed window) over the bare loop's.
 *
 * Run:  npm run bench:overhead   (or: npx esbuild bench/overhead.ts --bundle --platform=node
 *       --format=esm --packages=external --outfile=build/bench/overhead.mjs &&
 *       node build/bench/overhead.mjs [--rounds 10] [--round-s 2] [--batches 1,32]
 *       [--threads 1] [--model examples/models/classifier.onnx])
 *
 * The model must have one float32 input shaped [N, features] (the example classifier is
 * x[N, 784]); N is the batch size.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { parseArgs } from 'node:util';
import * as ort from 'onnxruntime-node';
import { synthesizeInputs } from '../src/bench/inputs.js';
import { mean, percentile, stdev, tQuantile } from '../src/bench/latency.js';
import { ortVersion, sessionOptions, wrapSession, type Feeds } from '../src/bench/ort.js';
import { runInferenceBenchmark } from '../src/bench/runner.js';

const here = path.dirname(fileURLToPath(import.meta.url));

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '10' },
    'round-s': { type: 'string', default: '2' },
    batches: { type: 'string', default: '1,32' },
    threads: { type: 'string', default: '1' },
    model: { type: 'string' },
  },
});
const rounds = Number(values.rounds);
const roundS = Number(values['round-s']);
const batches = values.batches!.split(',').map(Number);
const threads = Number(values.threads);

async function findModel(): Promise<string> {
  if (values.model) return path.resolve(values.model);
  const { access } = await import('node:fs/promises');
  // From the repository root, from bench/ (source) or from build/bench/ (bundled).
  for (const root of [process.cwd(), path.resolve(here, '..'), path.resolve(here, '../..')]) {
    const p = path.join(root, 'examples/models/classifier.onnx');
    try {
      await access(p);
      return p;
    } catch {
      // try the next place
    }
  }
  throw new Error('examples/models/classifier.onnx not found; run from the repository root or pass --model');
}

const now = (): bigint => process.hrtime.bigint();
const seconds = (ns: bigint): number => Number(ns) / 1e9;

/** Process CPU time (user + system), seconds. */
function cpuS(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** Wall and CPU seconds of one loop. */
interface Spent {
  wallS: number;
  cpuS: number;
}

async function measure(loop: () => Promise<void>): Promise<Spent> {
  const c0 = cpuS();
  const t0 = now();
  await loop();
  const wallS = seconds(now() - t0);
  return { wallS, cpuS: cpuS() - c0 };
}

/** The bare loop: nothing but session.run, N times. */
async function bareLoop(session: ort.InferenceSession, feeds: Feeds, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await session.run(feeds);
}

function summary(xs: number[]): string {
  const sorted = [...xs].sort((a, b) => a - b);
  const m = mean(xs);
  const half = xs.length > 1 ? (tQuantile(0.975, xs.length - 1) * stdev(xs)) / Math.sqrt(xs.length) : NaN;
  return (
    `median ${percentile(sorted, 0.5).toFixed(4)}  mean ${m.toFixed(4)} ± ${half.toFixed(4)} (95% CI)  ` +
    `range ${sorted[0].toFixed(4)}..${sorted[sorted.length - 1].toFixed(4)}`
  );
}

async function main(): Promise<void> {
  const modelPath = await findModel();
  const cpus = os.cpus();
  console.log(`harness overhead: ${path.relative(process.cwd(), modelPath) || modelPath}`);
  console.log(
    `node ${process.version}, onnxruntime ${ortVersion()}, ${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, ` +
      `load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`,
  );
  console.log(`threads ${threads}, ${rounds} rounds per batch size, ~${roundS} s per loop per round, order alternating\n`);

  for (const batch of batches) {
    const session = await ort.InferenceSession.create(modelPath, sessionOptions({ threads }));
    const bench = wrapSession(session);
    const inputName = session.inputNames[0];
    const { feeds } = await synthesizeInputs([{ name: inputName, dtype: 'float32', shape: ['N', await featureCount(session, inputName)] }], {
      modelName: 'overhead',
      dims: { N: batch },
      specs: {},
      seed: 1,
      readFile: async () => new Uint8Array(),
    });
    for (let i = 0; i < 200; i++) await session.run(feeds);
    // Calibrate N to about roundS seconds.
    let probe = 50;
    let probeS = (await measure(() => bareLoop(session, feeds, probe))).wallS;
    while (probeS < 0.2) {
      probe *= 4;
      probeS = (await measure(() => bareLoop(session, feeds, probe))).wallS;
    }
    const n = Math.max(10, Math.round((probe * roundS) / probeS));

    const ratios: number[] = [];
    const cpuRatios: number[] = [];
    const reported: number[] = [];
    const bareTp: number[] = [];
    const harnessTp: number[] = [];
    for (let r = 0; r < rounds; r++) {
      let selfTp = 0;
      const harnessLoop = async (): Promise<void> => {
        const res = await runInferenceBenchmark(
          bench,
          feeds,
          { iterations: n, warmup: 0, maxTimeS: Infinity, targetRelativeCi: 0.02, batchSize: batch },
          { clockNs: now },
        );
        selfTp = res.throughput;
      };
      let b: Spent;
      let h: Spent;
      if (r % 2 === 0) {
        b = await measure(() => bareLoop(session, feeds, n));
        h = await measure(harnessLoop);
      } else {
        h = await measure(harnessLoop);
        b = await measure(() => bareLoop(session, feeds, n));
      }
      const bTp = (batch * n) / b.wallS;
      const hTp = (batch * n) / h.wallS;
      bareTp.push(bTp);
      harnessTp.push(hTp);
      ratios.push(hTp / bTp);
      cpuRatios.push(b.cpuS / h.cpuS);
      reported.push(selfTp / bTp);
      console.log(
        `  batch ${batch} round ${String(r + 1).padStart(2)}: bare ${bTp.toFixed(0).padStart(8)} samples/s, harness ${hTp.toFixed(0).padStart(8)} samples/s, ` +
          `ratio ${(hTp / bTp).toFixed(4)}, per CPU second ${(b.cpuS / h.cpuS).toFixed(4)}, reported/bare ${(selfTp / bTp).toFixed(4)}`,
      );
    }
    await session.release();
    console.log(`batch ${batch}: ${n} runs per loop, ${((1000 * batch) / mean(bareTp)).toFixed(4)} ms per run (bare)`);
    console.log(`  bare     ${mean(bareTp).toFixed(0)} samples/s (mean of rounds)`);
    console.log(`  harness  ${mean(harnessTp).toFixed(0)} samples/s (mean of rounds)`);
    console.log(`  throughput ratio harness/bare (wall):   ${summary(ratios)}`);
    console.log(`  throughput ratio per CPU second:        ${summary(cpuRatios)}`);
    console.log(`  reported/bare (wall):                   ${summary(reported)}\n`);
  }
}

/** The input's second dim from the session's metadata, else 784 (the example classifier). */
async function featureCount(session: ort.InferenceSession, name: string): Promise<number> {
  const meta = (session as unknown as { inputMetadata?: Array<{ name: string; shape?: Array<number | string> }> }).inputMetadata;
  const dim = meta?.find((m) => m.name === name)?.shape?.[1];
  return typeof dim === 'number' ? dim : 784;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
