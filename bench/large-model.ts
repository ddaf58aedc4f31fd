/**
 * Bounded-memory analysis of multi-gigabyte models. Generates two models in a temp folder,
 * analyses each in a fresh child process (size, parameters, dtypes, sparsity, FLOPs from the
 * file's shapes) and prints the child's peak resident memory (`process.resourceUsage().maxRSS`)
 * against the largest single tensor. Prints figures; asserts nothing.
 *
 *   npx esbuild bench/large-model.ts --bundle --platform=node --format=esm \
 *     --packages=external --outfile=build-tmp/large-model.mjs && node build-tmp/large-model.mjs
 *
 * Options: --dir DIR (where to write; default a new folder in the OS temp dir, removed at the
 * end), --keep (leave the files), --dim K (matrix side, default 8192 → 256 MiB per float32
 * weight), --ort (also create an onnxruntime CPU session from the external-data model's path
 * and report that process's peak memory), --only analysis|run (one of the two parts below).
 *
 * Part two, `energy-budget run` on models past 2 GB, end to end (#23): two MLP chains, float32,
 * weights in one external-data file (what `onnx.save_model(..., save_as_external_data=True)`
 * writes), input `x: [N, 10000]` with `dims: { N: 1 }`:
 * - mlp-1.6GB: 4 weights of 10000×10000 (400,000,000 parameters, 1.6 GB of data);
 * - mlp-2.4GB: 3 weights of 10000×20000 / 20000×10000 / 10000×20000 (600,000,000, 2.4 GB).
 * Each is measured by the real command (`runCli(['run', ...])` with the measurement worker
 * bundled beside this script, as in dist/, so the models run in a forked worker process as in
 * production; 20 timed runs after 2 warm-up runs) and by a bare onnxruntime-node session that
 * loads the same model from its path and runs it 22 times, interleaved bare, run, bare. Peak
 * memory is summed over the process tree: each process's VmHWM from /proc/<pid>/status, polled
 * every 50 ms, summed over the processes (an upper bound of the tree's simultaneous peak). The
 * goals: run peak ≤ 1.3 × bare peak, run wall time ≤ 4 × bare wall time + 10 s.
 *
 * The two variants:
 * - external: 9 weights of K×K float32 in `big-ext.onnx.data` (9 × 256 MiB = 2.25 GiB) and a
 *   small `big-ext.onnx` that points into it — the only way to store a model over 2 GB, because
 *   a protobuf message cannot exceed 2 GiB (protobuf's encoding limit, which onnx's own
 *   `onnx.save_model` enforces by asking for `save_as_external_data=True`).
 * - single: 7 weights inside one `big-single.onnx` (1.75 GiB), the largest single-file model a
 *   round number of weights allows under that 2 GiB limit. It is written field by field (a tag
 *   and a length in front of each streamed payload) so the generator never holds it either.
 *
 * Each weight repeats one seeded 1 MiB block in which every fourth value is 0, so the expected
 * sparsity is exactly 0.25; the graph is x[1,K] → (MatMul → Relu) × n → y with value_info on
 * every intermediate, so FLOPs come from the file alone: n × (2·K·K + K).
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';
import { analyzeModel } from '../src/model/analyze.js';
import { node, valueInfo } from '../src/model/builder.js';
import { computeFlops } from '../src/model/flops.js';
import { loadModel } from '../src/model/load.js';
import { DataType, encodeModel, onnxMessageType, type GraphProto, type NodeProto, type TensorProto } from '../src/model/onnx.js';
import { staticShapes } from '../src/model/shapes.js';
import { createRng } from '../src/util/random.js';

const MIB = 1 << 20;

interface ChildResult {
  maxRssBytes: number;
  seconds: number;
  parameters?: number;
  bytes?: number;
  bytesByDtype?: Record<string, number>;
  sparsity?: number;
  flops?: number;
  streamed?: boolean;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** One 1 MiB block of float32 weights, every fourth value exactly 0 (seeded). */
function block(): Uint8Array {
  const rng = createRng(20240901);
  const f = Float32Array.from({ length: MIB / 4 }, (_, i) => (i % 4 === 0 ? 0 : rng.normal() * 0.02));
  return new Uint8Array(f.buffer);
}

function graphFor(layers: number, dim: number, initializer: TensorProto[]): GraphProto {
  const nodes = [];
  const info = [];
  let prev = 'x';
  for (let i = 0; i < layers; i++) {
    const mm = `mm${i}`;
    const out = i === layers - 1 ? 'y' : `h${i}`;
    nodes.push(node('MatMul', [prev, `w${i}`], [mm], {}, `matmul${i}`), node('Relu', [mm], [out], {}, `relu${i}`));
    info.push(valueInfo(mm, DataType.FLOAT, [1, dim]));
    if (out !== 'y') info.push(valueInfo(out, DataType.FLOAT, [1, dim]));
    prev = out;
  }
  return {
    name: 'large',
    node: nodes,
    initializer,
    input: [valueInfo('x', DataType.FLOAT, [1, dim])],
    output: [valueInfo('y', DataType.FLOAT, [1, dim])],
    valueInfo: info,
  };
}

const header = { irVersion: 8, producerName: 'energy-budget bench', opsetImport: [{ domain: '', version: 17 }] };

function varint(n: number): Uint8Array {
  return protobuf.Writer.create().uint32(n).finish();
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
}

function writeRepeated(fd: number, data: Uint8Array, total: number): void {
  for (let done = 0; done < total; done += data.length) writeAll(fd, data.subarray(0, Math.min(data.length, total - done)));
}

/** big-ext.onnx + big-ext.onnx.data: `layers` weights in one external-data file. */
function writeExternal(dir: string, layers: number, dim: number, data: Uint8Array): string {
  const perTensor = dim * dim * 4;
  const fd = openSync(join(dir, 'big-ext.onnx.data'), 'w');
  try {
    for (let i = 0; i < layers; i++) writeRepeated(fd, data, perTensor);
  } finally {
    closeSync(fd);
  }
  const inits: TensorProto[] = Array.from({ length: layers }, (_, i) => ({
    name: `w${i}`,
    dims: [dim, dim],
    dataType: DataType.FLOAT,
    dataLocation: 1,
    externalData: [
      { key: 'location', value: 'big-ext.onnx.data' },
      { key: 'offset', value: String(i * perTensor) },
      { key: 'length', value: String(perTensor) },
    ],
  }));
  const path = join(dir, 'big-ext.onnx');
  const out = openSync(path, 'w');
  try {
    writeAll(out, encodeModel({ ...header, graph: graphFor(layers, dim, inits) }));
  } finally {
    closeSync(out);
  }
  return path;
}

/**
 * big-single.onnx: the ModelProto written field by field. Protobuf allows a message's fields in
 * any order and concatenated messages merge, so: header fields, then field 7 (graph) whose
 * bytes are the graph without initializers followed by one field 5 (initializer) per weight,
 * each a TensorProto without data followed by its field 9 (raw_data) streamed from the block.
 */
function writeSingle(dir: string, layers: number, dim: number, data: Uint8Array): string {
  const perTensor = dim * dim * 4;
  const graphType = onnxMessageType('GraphProto');
  const tensorType = onnxMessageType('TensorProto');
  const skeleton = graphType.encode(graphType.fromObject(graphFor(layers, dim, []))).finish();
  const tensors = Array.from({ length: layers }, (_, i) => {
    const head = tensorType.encode(tensorType.fromObject({ name: `w${i}`, dims: [dim, dim], dataType: DataType.FLOAT })).finish();
    const rawHead = new Uint8Array([(9 << 3) | 2, ...varint(perTensor)]);
    const length = head.length + rawHead.length + perTensor;
    return { prefix: new Uint8Array([(5 << 3) | 2, ...varint(length), ...head, ...rawHead]) };
  });
  const exact = skeleton.length + tensors.reduce((s, t) => s + t.prefix.length + perTensor, 0);
  if (exact >= 2 ** 31) throw new Error(`a single-file model of ${exact} bytes exceeds protobuf's 2 GiB limit; use fewer layers`);
  const path = join(dir, 'big-single.onnx');
  const fd = openSync(path, 'w');
  try {
    writeAll(fd, encodeModel(header));
    writeAll(fd, new Uint8Array([(7 << 3) | 2, ...varint(exact)]));
    writeAll(fd, skeleton);
    for (const t of tensors) {
      writeAll(fd, t.prefix);
      writeRepeated(fd, data, perTensor);
    }
  } finally {
    closeSync(fd);
  }
  return path;
}

/** Child process: analyse one model and report this process's peak memory. */
async function child(mode: string, path: string): Promise<void> {
  const t0 = process.hrtime.bigint();
  const out: ChildResult = { maxRssBytes: 0, seconds: 0 };
  if (mode === 'ort') {
    const ort = await import('onnxruntime-node');
    const s = await ort.InferenceSession.create(path, { executionProviders: ['cpu'], graphOptimizationLevel: 'disabled' });
    await s.release();
  } else if (mode !== 'baseline') {
    const loaded = await loadModel(path, { stream: mode === 'stream' });
    const a = analyzeModel(loaded);
    const dim = a.inputs[0].shape?.[1] as number;
    const flops = computeFlops(loaded.proto, staticShapes(loaded.proto, { x: [1, dim] }));
    Object.assign(out, {
      parameters: a.size.parameters,
      bytes: a.size.bytes,
      bytesByDtype: a.size.bytesByDtype,
      sparsity: a.size.sparsity,
      flops: flops.total,
      streamed: loaded.payloads !== undefined,
    });
  }
  out.seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  // maxRSS is in kilobytes (Node.js docs, process.resourceUsage()).
  out.maxRssBytes = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify(out));
}

function runChild(mode: string, path: string): ChildResult {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, [self, '--child', mode, path], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`child ${mode} ${path} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as ChildResult;
}

// ---------------------------------------------------------------------------------------------
// Part two: `energy-budget run` end to end on models past 2 GB, against a bare session.

interface MlpSpec {
  name: string;
  /** [rows, cols] of each weight; consecutive weights chain. */
  layers: Array<[number, number]>;
}

const MLPS: MlpSpec[] = [
  { name: 'mlp-1.6GB', layers: Array.from({ length: 4 }, () => [10000, 10000] as [number, number]) },
  {
    name: 'mlp-2.4GB',
    layers: [
      [10000, 20000],
      [20000, 10000],
      [10000, 20000],
    ],
  },
];

/** An MLP chain x[N, rows0] → (MatMul → Relu)* → y with every weight in one external-data file. */
function writeMlp(dir: string, spec: MlpSpec, data: Uint8Array): string {
  const file = `${spec.name}.onnx.data`;
  const fd = openSync(join(dir, file), 'w');
  let offset = 0;
  const inits: TensorProto[] = [];
  try {
    spec.layers.forEach(([r, c], i) => {
      const length = r * c * 4;
      writeRepeated(fd, data, length);
      inits.push({
        name: `w${i}`,
        dims: [r, c],
        dataType: DataType.FLOAT,
        dataLocation: 1,
        externalData: [
          { key: 'location', value: file },
          { key: 'offset', value: String(offset) },
          { key: 'length', value: String(length) },
        ],
      });
      offset += length;
    });
  } finally {
    closeSync(fd);
  }
  const nodes: NodeProto[] = [];
  let prev = 'x';
  spec.layers.forEach((_, i) => {
    const out = i === spec.layers.length - 1 ? 'y' : `h${i}`;
    nodes.push(node('MatMul', [prev, `w${i}`], [`mm${i}`], {}, `matmul${i}`), node('Relu', [`mm${i}`], [out], {}, `relu${i}`));
    prev = out;
  });
  const last = spec.layers[spec.layers.length - 1][1];
  const graph: GraphProto = {
    name: spec.name,
    node: nodes,
    initializer: inits,
    input: [valueInfo('x', DataType.FLOAT, ['N', spec.layers[0][0]])],
    output: [valueInfo('y', DataType.FLOAT, ['N', last])],
  };
  const path = join(dir, `${spec.name}.onnx`);
  writeFileSync(path, encodeModel({ ...header, graph }));
  return path;
}

/** Every process in the tree of `pid` (itself included), from /proc/<pid>/task/<tid>/children. */
function processTree(pid: number): number[] {
  const out: number[] = [];
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    out.push(p);
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${p}/task`);
    } catch {
      continue;
    }
    for (const t of tasks) {
      try {
        for (const c of readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').trim().split(/\s+/)) if (c) stack.push(Number(c));
      } catch {
        // the task ended meanwhile
      }
    }
  }
  return out;
}

/** VmHWM and VmRSS of a process, bytes (kB in the file). */
function memoryOf(pid: number): { hwm: number; rss: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0) * 1024;
    return { hwm: kb('VmHWM'), rss: kb('VmRSS') };
  } catch {
    return undefined;
  }
}

interface TreeRun {
  code: number | null;
  wallS: number;
  /** Sum over the tree's processes of each one's peak (VmHWM). */
  sumPeakBytes: number;
  /** The largest simultaneous sum of VmRSS seen. */
  peakSumRssBytes: number;
  processes: number;
  stdout: string;
}

/** Spawns `node self --child ...args`, polling its process tree's memory until it exits. */
function runTree(args: string[], cwd: string): Promise<TreeRun> {
  const self = fileURLToPath(import.meta.url);
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, [self, '--child', ...args], { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  const peaks = new Map<number, number>();
  let peakSumRss = 0;
  const poll = () => {
    let sum = 0;
    for (const p of processTree(child.pid!)) {
      const m = memoryOf(p);
      if (!m) continue;
      peaks.set(p, Math.max(peaks.get(p) ?? 0, m.hwm));
      sum += m.rss;
    }
    peakSumRss = Math.max(peakSumRss, sum);
  };
  const timer = setInterval(poll, 50);
  return new Promise((done) => {
    child.on('exit', (code) => {
      clearInterval(timer);
      const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
      done({
        code,
        wallS,
        sumPeakBytes: [...peaks.values()].reduce((a, b) => a + b, 0),
        peakSumRssBytes: peakSumRss,
        processes: peaks.size,
        stdout,
      });
    });
  });
}

/** Child: a bare onnxruntime-node session from the model's path, run `calls` times. */
async function bareChild(path: string, width: number, calls: number): Promise<void> {
  const ort = await import('onnxruntime-node');
  const s = await ort.InferenceSession.create(path, { intraOpNumThreads: 1 });
  const x = new ort.Tensor(
    'float32',
    Float32Array.from({ length: width }, (_, i) => Math.sin(i)),
    [1, width],
  );
  for (let i = 0; i < calls; i++) await s.run({ x });
  await s.release();
}

/** Child: `energy-budget run` itself (the same entry as the binary). */
async function cliChild(config: string, json: string): Promise<void> {
  const { runCli } = await import('../src/cli.js');
  const log = openSync(`${json}.log`, 'w');
  const sink = { write: (s: string) => (writeSync(log, s), true) };
  process.exitCode = await runCli({
    argv: ['run', '--config', config, '--json', json],
    cwd: dirname(config),
    env: process.env,
    stdout: sink as unknown as NodeJS.WriteStream,
    stderr: sink as unknown as NodeJS.WriteStream,
  });
  closeSync(log);
}

/** Bundles src/worker.ts beside this script (as dist/worker.js is beside dist/cli.js), so `run` forks it. */
async function bundleWorker(): Promise<string> {
  const { build } = await import('esbuild');
  const here = dirname(fileURLToPath(import.meta.url));
  const outfile = join(here, 'worker.js');
  await build({
    entryPoints: [join(here, '..', 'src', 'worker.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

/** The report fields printed (the contract's names). */
interface ReportedModel {
  size?: { bytes?: number; parameters?: number };
  flops?: number;
  inference?: { runs?: number; latencyMs?: { p50?: number } };
  error?: unknown;
}

const gb = (b: number) => `${(b / 1e9).toFixed(2)} GB`;

async function runPart(dir: string, data: Uint8Array): Promise<void> {
  const worker = await bundleWorker();
  try {
    for (const spec of MLPS) {
      console.log(`\n${spec.name}: generating…`);
      const path = writeMlp(dir, spec, data);
      const expectBytes = statSync(path).size + statSync(`${path}.data`).size;
      const expectParams = spec.layers.reduce((s, [r, c]) => s + r * c, 0);
      const config = join(dir, `${spec.name}.yml`);
      writeFileSync(
        config,
        `version: 1
models:
  - name: ${spec.name}
    path: ${spec.name}.onnx
    dims: { N: 1 }
    inference: { iterations: 20, warmup: 2 }
    energy: estimate
    budget:
      parameters: ${expectParams}
      model-size: ${expectBytes}
`,
      );
      const json = join(dir, `${spec.name}.report.json`);
      const width = spec.layers[0][0];
      const bare1 = await runTree(['bare', path, String(width), '22'], dir);
      const run = await runTree(['run', config, json], dir);
      const bare2 = await runTree(['bare', path, String(width), '22'], dir);
      if (bare1.code !== 0 || bare2.code !== 0) throw new Error(`the bare session failed on ${spec.name}`);
      const report = existsSync(json) ? (JSON.parse(readFileSync(json, 'utf8')) as { models: ReportedModel[] }) : undefined;
      const m = report?.models[0];
      const bareMem = Math.max(bare1.sumPeakBytes, bare2.sumPeakBytes);
      const bareWall = (bare1.wallS + bare2.wallS) / 2;
      const memRatio = run.sumPeakBytes / bareMem;
      const timeGoal = 4 * bareWall + 10;
      console.log(
        `${spec.name}: energy-budget run exit ${run.code}; report size ${m?.size?.bytes} bytes (expected ${expectBytes}: ${m?.size?.bytes === expectBytes ? 'exact' : 'DIFFERS'}), ` +
          `parameters ${m?.size?.parameters} (expected ${expectParams}: ${m?.size?.parameters === expectParams ? 'exact' : 'DIFFERS'}), ` +
          `FLOPs ${m?.flops}, ${m?.inference?.runs} timed runs, p50 ${m?.inference?.latencyMs?.p50?.toFixed(1)} ms` +
          (m?.error ? `, error: ${JSON.stringify(m.error)}` : ''),
      );
      console.log(
        `${''.padEnd(spec.name.length)}  peak memory (sum of VmHWM over ${run.processes} processes) ${gb(run.sumPeakBytes)} vs bare ${gb(bareMem)} ` +
          `(${gb(bare1.sumPeakBytes)}, ${gb(bare2.sumPeakBytes)}): ${memRatio.toFixed(2)}× (goal ≤ 1.3×: ${memRatio <= 1.3 ? 'met' : 'NOT met'}); ` +
          `largest simultaneous RSS sum ${gb(run.peakSumRssBytes)}`,
      );
      console.log(
        `${''.padEnd(spec.name.length)}  wall time ${run.wallS.toFixed(1)} s vs bare ${bareWall.toFixed(1)} s (${bare1.wallS.toFixed(1)}, ${bare2.wallS.toFixed(1)}): ` +
          `${(run.wallS / bareWall).toFixed(2)}× (goal ≤ 4 × bare + 10 s = ${timeGoal.toFixed(1)} s: ${run.wallS <= timeGoal ? 'met' : 'NOT met'})`,
      );
      if (run.code !== 0) console.log(readFileSync(`${json}.log`, 'utf8'));
      for (const f of [path, `${path}.data`]) rmSync(f, { force: true });
    }
  } finally {
    rmSync(worker, { force: true });
  }
}

const mb = (b: number) => `${(b / MIB).toFixed(0)} MiB`;

async function main(): Promise<void> {
  const childMode = arg('--child');
  const at = process.argv.indexOf('--child');
  const rest = process.argv.slice(at + 2);
  if (childMode === 'bare') return bareChild(rest[0], Number(rest[1]), Number(rest[2]));
  if (childMode === 'run') return cliChild(rest[0], rest[1]);
  if (childMode) return child(childMode, rest[0]);
  const only = arg('--only');

  const dim = Number(arg('--dim') ?? 8192);
  const given = arg('--dir');
  const dir = given ?? mkdtempSync(join(tmpdir(), 'eb-large-'));
  mkdirSync(dir, { recursive: true });
  const largest = dim * dim * 4;
  const data = block();
  try {
    if (only !== 'analysis') await runPart(dir, data);
    if (only === 'run') return;
    console.log(`Generating in ${dir} (weights of ${dim}×${dim} float32 = ${mb(largest)} each)…`);
    const ext = writeExternal(dir, 9, dim, data);
    const single = writeSingle(dir, 7, dim, data);
    const baseline = runChild('baseline', ext);
    console.log(`Baseline (node + the analysis modules loaded, nothing analysed): peak RSS ${mb(baseline.maxRssBytes)}`);
    const rows: Array<[string, string, number, ChildResult]> = [
      ['external (2.25 GiB data)', ext, 9, runChild('stream', ext)],
      ['external, default loadModel', ext, 9, runChild('auto', ext)],
      ['single file (1.75 GiB)', single, 7, runChild('stream', single)],
      ['single file, stream: false', single, 7, runChild('memory', single)],
    ];
    for (const [name, path, layers, r] of rows) {
      const size = statSync(path).size + (path === ext ? statSync(`${ext}.data`).size : 0);
      const goal = 1.2 * largest + baseline.maxRssBytes;
      console.log(
        `${name.padEnd(30)} model ${(size / 1e9).toFixed(2)} GB, largest tensor ${mb(largest)}: peak RSS ${mb(r.maxRssBytes)} ` +
          `(${(r.maxRssBytes / largest).toFixed(2)} × largest tensor; goal ≤ 1.2 × largest + baseline = ${mb(goal)}: ${r.maxRssBytes <= goal ? 'met' : 'NOT met'}) in ${r.seconds.toFixed(1)} s`,
      );
      const expectParams = layers * dim * dim;
      const expectFlops = layers * (2 * dim * dim + dim);
      console.log(
        `${''.padEnd(30)} parameters ${r.parameters} (expected ${expectParams}), float32 bytes ${r.bytesByDtype?.float32}, ` +
          `sparsity ${r.sparsity} (expected 0.25), FLOPs ${r.flops} (expected ${expectFlops}), streamed ${r.streamed}`,
      );
    }
    if (process.argv.includes('--ort')) {
      const r = runChild('ort', ext);
      console.log(
        `onnxruntime CPU session created from the path of the external-data model: peak RSS ${mb(r.maxRssBytes)} in ${r.seconds.toFixed(1)} s`,
      );
    }
  } finally {
    if (!process.argv.includes('--keep') && !given) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
