/**
 * Harness overhead: throughput through energy-budget's benchmark loop
 * (`runInferenceBenchmark`) against a bare `session.run` loop, on the same session, inputs
 * and threads, in the same process. Goal: the harness within 3% of the bare loop.
 *
 * Method. For each batch size: one session (threads 1 unless --threads), inputs synthesised
 * once, 200 untimed warm-up runs, then a calibration that sizes the loops. Then --rounds
 * rounds; in each, both loops run about --round-s seconds, cut into --blocks blocks of the
 * same N runs that alternate between the loops (ABBA across blocks and rounds), so that the
 * load of a busy machine, which changes over seconds, falls on both loops alike. The harness
 * block is one whole `runInferenceBenchmark` call (its statistics included), timed from the
 * outside like the bare block. Per round: throughput ratio harness / bare by wall time, and
 * by process CPU time (user + system): with threads 1 onnxruntime computes on the main
 * thread, so CPU time counts the work each loop did and not the time it waited for a core,
 * the steadier figure on a shared machine. "reported" is the throughput the harness itself
 * reports (from its timed windows) over the bare loop's. Each is summarised over rounds as
 * median, mean with a 95% t interval, and range. First, the harness's own CPU cost per run is
 * measured against a no-op session (steady even on a busy machine), with the ratio it
 * predicts for each batch size.
 *
 * Run:  npm run bench:overhead   (or: npx esbuild bench/overhead.ts --bundle --platform=node
 *       --format=esm --packages=external --outfile=build/bench/overhead.mjs &&
 *       node build/bench/overhead.mjs [--rounds 10] [--round-s 2] [--blocks 20] [--batches 1,32]
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
import { mean, quantileSorted, stdev, tQuantile } from '../src/util/stats.js';
import { ortVersion, sessionOptions, wrapSession, type Feeds } from '../src/bench/ort.js';
import { runInferenceBenchmark } from '../src/bench/runner.js';

const here = path.dirname(fileURLToPath(import.meta.url));

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '10' },
    'round-s': { type: 'string', default: '2' },
    batches: { type: 'string', default: '1,32' },
    threads: { type: 'string', default: '1' },
    blocks: { type: 'string', default: '20' },
    model: { type: 'string' },
  },
});
const rounds = Number(values.rounds);
const roundS = Number(values['round-s']);
const batches = values.batches!.split(',').map(Number);
const threads = Number(values.threads);
const blocks = Number(values.blocks);

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
    `median ${quantileSorted(sorted, 0.5).toFixed(4)}  mean ${m.toFixed(4)} ± ${half.toFixed(4)} (95% CI)  ` +
    `range ${sorted[0].toFixed(4)}..${sorted[sorted.length - 1].toFixed(4)}`
  );
}

/**
 * The harness's own cost per run, ns of CPU: the same two loops around a session whose run
 * does nothing, so that only the loop machinery differs. Median of 7 rounds of 100k runs.
 */
async function noopCostNs(): Promise<number> {
  const out: Feeds = {};
  const noop = { run: (): Promise<Feeds> => Promise.resolve(out) };
  const runs = 100_000;
  const diffs: number[] = [];
  for (let r = 0; r < 7; r++) {
    const b = await measure(async () => {
      for (let i = 0; i < runs; i++) await noop.run();
    });
    const h = await measure(async () => {
      await runInferenceBenchmark(
        noop,
        out,
        { iterations: runs, warmup: 0, maxTimeS: Infinity, targetRelativeCi: 0.02, batchSize: 1 },
        { clockNs: now },
      );
    });
    diffs.push(((h.cpuS - b.cpuS) / runs) * 1e9);
  }
  return quantileSorted(
    [...diffs].sort((x, y) => x - y),
    0.5,
  );
}

async function main(): Promise<void> {
  const modelPath = await findModel();
  const cpus = os.cpus();
  console.log(`harness overhead: ${path.relative(process.cwd(), modelPath) || modelPath}`);
  console.log(
    `node ${process.version}, onnxruntime ${ortVersion()}, ${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, ` +
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  console.log(
    `threads ${threads}, ${rounds} rounds per batch size, ~${roundS} s per loop per round in ${blocks} alternating blocks\n`,
  );

  const costNs = await noopCostNs();
  console.log(`harness cost with a no-op session: ${costNs.toFixed(0)} ns of CPU per run (median of 7 × 100k runs)\n`);

  for (const batch of batches) {
    const session = await ort.InferenceSession.create(modelPath, sessionOptions({ threads }));
    const bench = wrapSession(session);
    const inputName = session.inputNames[0];
    const { feeds } = await synthesizeInputs(
      [{ name: inputName, dtype: 'float32', shape: ['N', await featureCount(session, inputName)] }],
      {
        modelName: 'overhead',
        dims: { N: batch },
        specs: {},
        seed: 1,
        readFile: async () => new Uint8Array(),
      },
    );
    for (let i = 0; i < 200; i++) await session.run(feeds);
    // Calibrate N to about roundS seconds.
    let probe = 50;
    let probeS = (await measure(() => bareLoop(session, feeds, probe))).wallS;
    while (probeS < 0.2) {
      probe *= 4;
      probeS = (await measure(() => bareLoop(session, feeds, probe))).wallS;
    }
    // Runs per block: a round is `blocks` blocks per loop, about roundS seconds per loop in all.
    const perBlock = Math.max(10, Math.round((probe * roundS) / probeS / blocks));

    const ratios: number[] = [];
    const cpuRatios: number[] = [];
    const reported: number[] = [];
    const bareTp: number[] = [];
    const harnessTp: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const bare: Spent = { wallS: 0, cpuS: 0 };
      const harness: Spent = { wallS: 0, cpuS: 0 };
      let selfRuns = 0;
      let selfWindowS = 0;
      const harnessLoop = async (): Promise<void> => {
        const res = await runInferenceBenchmark(
          bench,
          feeds,
          { iterations: perBlock, warmup: 0, maxTimeS: Infinity, targetRelativeCi: 0.02, batchSize: batch },
          { clockNs: now },
        );
        selfRuns += res.runs;
        selfWindowS += res.timedWindowS;
      };
      for (let k = 0; k < blocks; k++) {
        // ABBA order across blocks and rounds, so neither loop always goes first.
        const bareFirst = (k + r) % 2 === 0;
        for (const which of bareFirst ? ['bare', 'harness'] : ['harness', 'bare']) {
          const spent = which === 'bare' ? await measure(() => bareLoop(session, feeds, perBlock)) : await measure(harnessLoop);
          const into = which === 'bare' ? bare : harness;
          into.wallS += spent.wallS;
          into.cpuS += spent.cpuS;
        }
      }
      const runs = perBlock * blocks;
      const bTp = (batch * runs) / bare.wallS;
      const hTp = (batch * runs) / harness.wallS;
      const selfTp = (batch * selfRuns) / selfWindowS;
      bareTp.push(bTp);
      harnessTp.push(hTp);
      ratios.push(hTp / bTp);
      cpuRatios.push(bare.cpuS / harness.cpuS);
      reported.push(selfTp / bTp);
      console.log(
        `  batch ${batch} round ${String(r + 1).padStart(2)}: bare ${bTp.toFixed(0).padStart(8)} samples/s, harness ${hTp.toFixed(0).padStart(8)} samples/s, ` +
          `ratio ${(hTp / bTp).toFixed(4)}, per CPU second ${(bare.cpuS / harness.cpuS).toFixed(4)}, reported/bare ${(selfTp / bTp).toFixed(4)}`,
      );
    }
    await session.release();
    console.log(
      `batch ${batch}: ${perBlock * blocks} runs per loop per round, ${((1000 * batch) / mean(bareTp)).toFixed(4)} ms per run (bare)`,
    );
    console.log(`  bare     ${mean(bareTp).toFixed(0)} samples/s (mean of rounds)`);
    console.log(`  harness  ${mean(harnessTp).toFixed(0)} samples/s (mean of rounds)`);
    const runNs = (1e9 * batch) / mean(bareTp);
    console.log(
      `  expected from the no-op cost: ${(runNs / (runNs + costNs)).toFixed(4)} (run ${(runNs / 1000).toFixed(1)} µs + ${costNs.toFixed(0)} ns)`,
    );
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
