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
 * and report that process's peak memory).
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
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';
import { analyzeModel } from '../src/model/analyze.js';
import { node, valueInfo } from '../src/model/builder.js';
import { computeFlops } from '../src/model/flops.js';
import { loadModel } from '../src/model/load.js';
import { DataType, encodeModel, onnxMessageType, type GraphProto, type TensorProto } from '../src/model/onnx.js';
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

const mb = (b: number) => `${(b / MIB).toFixed(0)} MiB`;

async function main(): Promise<void> {
  const childMode = arg('--child');
  if (childMode) return child(childMode, process.argv[process.argv.indexOf('--child') + 2]);

  const dim = Number(arg('--dim') ?? 8192);
  const given = arg('--dir');
  const dir = given ?? mkdtempSync(join(tmpdir(), 'eb-large-'));
  mkdirSync(dir, { recursive: true });
  const largest = dim * dim * 4;
  const data = block();
  try {
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
