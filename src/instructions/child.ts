/**
 * The program Valgrind runs: a few lines of plain JavaScript given to `node -e`, so that it
 * needs no file of its own beside the bundle. It reads a job file (the model, the session
 * options and the input tensors the parent synthesised), creates one session, prints `ready`
 * and waits for the parent's go file; then it calls run `warmup + calls` times, one call after
 * another. The parent switches callgrind's instrumentation on (vgdb) between the two, so Node's
 * start-up, module loading and session creation run uninstrumented, at a fraction of the cost.
 * Callgrind then collects only inside onnxruntime-node's native `InferenceSessionWrap::Run` and
 * dumps its counters before every call, so each call's count lands in a file of its own
 * (src/instructions/valgrind.ts reads them); all JavaScript stays outside the count.
 */
import type { InferenceSession } from 'onnxruntime-node';

/** The job file the child reads (JSON). Paths absolute. */
export interface ChildJob {
  /** onnxruntime-node's entry file, resolved by the parent (the child has no node_modules of its own). */
  ort: string;
  model: string;
  /** Sent as JSON: plain values only (threads, graph optimisation level, …). */
  sessionOptions: InferenceSession.SessionOptions;
  warmup: number;
  calls: number;
  feeds: Array<{ name: string; type: string; dims: number[]; file?: string; strings?: string[] }>;
  /**
   * The file the parent writes once the child may run its calls: `go`, or `stop` (the child
   * then exits without running them). The child polls for it rather than blocking in a read,
   * so that Valgrind keeps polling for vgdb's command meanwhile.
   */
  goFile: string;
}

/** The line the child prints when its session is ready and it waits for the go file. */
export const READY_LINE = 'eb-ready';

/** Typed-array constructor per tensor type, by name (the child rebuilds the tensors from raw bytes). */
const ARRAYS = `{
  float32: Float32Array, float64: Float64Array, float16: Uint16Array, int8: Int8Array, uint8: Uint8Array,
  int16: Int16Array, uint16: Uint16Array, int32: Int32Array, uint32: Uint32Array, int64: BigInt64Array,
  uint64: BigUint64Array, bool: Uint8Array
}`;

/** The child's source (an ES module for `node --input-type=module -e`); argv[1] is the job file. */
export const CHILD_SOURCE = `
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const job = JSON.parse(readFileSync(process.argv[1], 'utf8'));
const mod = await import(pathToFileURL(job.ort).href);
const ort = mod.default ?? mod;
const ARRAYS = ${ARRAYS};
const feeds = {};
for (const f of job.feeds) {
  if (f.strings) { feeds[f.name] = new ort.Tensor('string', f.strings, f.dims); continue; }
  const bytes = readFileSync(f.file);
  const Ctor = ARRAYS[f.type];
  if (!Ctor) throw new Error('unsupported input type ' + f.type + ' for input ' + f.name);
  const copy = new Uint8Array(bytes.length); copy.set(bytes);
  feeds[f.name] = new ort.Tensor(f.type, new Ctor(copy.buffer, 0, bytes.length / Ctor.BYTES_PER_ELEMENT), f.dims);
}
const session = await ort.InferenceSession.create(job.model, job.sessionOptions);
process.stdout.write('${READY_LINE}\\n');
while (!existsSync(job.goFile));
if (readFileSync(job.goFile, 'utf8').trim() !== 'go') process.exit(0);
for (let i = 0; i < job.warmup + job.calls; i++) await session.run(feeds);
await session.release();
process.stdout.write(JSON.stringify({ ok: true, calls: job.warmup + job.calls }) + '\\n');
`;
