/**
 * The one adapter to onnxruntime's session API: create a CPU session with the benchmark's
 * settings, run it, release it, and turn onnxruntime's load errors into messages that name
 * the model and the op or node.
 */
import * as ort from 'onnxruntime-node';
import { InputError, limitErrorOf, messageOf } from '../errors.js';
import type { DeviceChoice } from '../config/types.js';
import { describeDeviceLoadError, deviceSessionOptions } from '../device/providers.js';
import { externalDataOptions } from '../model/shapes.js';

/** Input or output tensors by name. */
export type Feeds = Record<string, ort.Tensor>;

/** A loaded model, ready to run. */
export interface BenchSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  /**
   * One inference call; the promise's tensors belong to the caller. `fetches` (optional) are
   * preallocated output tensors onnxruntime writes into (the training loop reuses them).
   */
  run(feeds: Feeds, fetches?: Record<string, ort.Tensor | null>): Promise<Feeds>;
  release(): Promise<void>;
}

/** Options for {@link createSession}. */
export interface SessionOptions {
  /** Intra-op threads (onnxruntime's `intraOpNumThreads`). */
  threads: number;
  /** Execution provider (src/device/providers.ts). @default 'cpu' */
  device?: DeviceChoice;
  /** GPU index for cuda. @default 0 */
  deviceId?: number;
  /** Let onnxruntime run ops the GPU provider lacks on the CPU. @default true */
  cpuFallback?: boolean;
  /** The model's name for messages, bare (`clf`) or already quoted (`"clf" (models/clf.onnx)`). @default the path, or "the model" */
  name?: string;
  /**
   * For a model given as bytes whose weights stay in external-data files: the folder their
   * locations are relative to (the original model's). Unused for a path. @default none
   */
  externalDataFolder?: string;
}

/**
 * The benchmark's session options: the given intra-op threads, one inter-op thread,
 * sequential execution, every graph optimisation on (onnxruntime's 'all' = basic + extended
 * + layout), warnings kept out of the terminal (log level 3 = errors only).
 */
export function sessionOptions(opts: SessionOptions): ort.InferenceSession.SessionOptions {
  return {
    // Never set preferredOutputLocation or disable_synchronize_execution_providers: with the
    // defaults, run() returns after the device work and the copy back (docs/gpu.md).
    ...deviceSessionOptions(opts.device ?? 'cpu', { deviceId: opts.deviceId, cpuFallback: opts.cpuFallback }),
    intraOpNumThreads: opts.threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    logSeverityLevel: 3,
    ...externalDataOptions(opts.externalDataFolder),
  };
}

/**
 * Creates a session with {@link sessionOptions}.
 * @throws InputError MODEL_INVALID when onnxruntime cannot load the model (missing file,
 *   not ONNX, unknown op, invalid graph, op without a CPU kernel), naming the model and the
 *   op/node when onnxruntime's message does.
 */
export async function createSession(model: string | Uint8Array, opts: SessionOptions): Promise<BenchSession> {
  const options = sessionOptions(opts);
  let session: ort.InferenceSession;
  try {
    session =
      typeof model === 'string'
        ? await ort.InferenceSession.create(model, options)
        : await ort.InferenceSession.create(model, options);
  } catch (error) {
    const name = opts.name ?? (typeof model === 'string' ? model : 'the model');
    const limit = limitErrorOf(name.startsWith('"') ? name : `"${name}"`, 'loading it into onnxruntime', error);
    if (limit) throw limit;
    throw (
      describeDeviceLoadError(error, opts.device ?? 'cpu', name.startsWith('"') ? name : `"${name}"`) ??
      describeLoadError(error, name)
    );
  }
  return wrapSession(session);
}

/** Wraps an onnxruntime session as a BenchSession (exported for the overhead benchmark). */
export function wrapSession(session: ort.InferenceSession): BenchSession {
  return {
    inputNames: session.inputNames,
    outputNames: session.outputNames,
    // Passed straight through: the timed loop should measure onnxruntime, not a wrapper.
    run: (feeds, fetches) => (fetches ? session.run(feeds, fetches) : session.run(feeds)),
    release: () => session.release(),
  };
}

/** The onnxruntime version this process runs (the native binding's). */
export function ortVersion(): string {
  return ort.env.versions.node ?? ort.env.versions.common;
}

/**
 * Turns an onnxruntime load failure into an InputError naming the model and, where
 * onnxruntime's message says, the op and node. Exported for tests.
 */
export function describeLoadError(error: unknown, name: string): InputError {
  const raw = messageOf(error);
  const msg = raw.replace(/^\[ONNXRuntimeError\] : \d+ : [A-Z_]+ : /, '').trim();
  // A caller may pass a ready-made label such as `"clf" (models/clf.onnx)`; quote a bare name.
  const model = name.startsWith('"') ? `model ${name}` : `model "${name}"`;
  let text: string;
  let m: RegExpExecArray | null;
  if (/File doesn't exist|No such file/i.test(msg)) {
    text = `${model}: the file does not exist. Check the path (relative to the budget file's folder).`;
  } else if (/protobuf parsing failed/i.test(msg)) {
    text =
      `${model}: onnxruntime cannot parse the file as an ONNX model (protobuf parsing failed). ` +
      'Check that it is an .onnx file and not, for example, a PyTorch checkpoint or a Git LFS pointer (run git lfs pull).';
  } else if ((m = /No Op registered for (\S+) with domain_version of (\d+)/.exec(msg))) {
    const node = /In Node, \("([^"]*)", ([^,]+), "([^"]*)"/.exec(msg);
    const domain = node?.[3] ? ` in domain "${node[3]}"` : '';
    text =
      `${model}: op ${m[1]}${domain} (opset ${m[2]})${node ? ` at node "${node[1]}"` : ''} is not an op onnxruntime ${ortVersion()} knows. ` +
      `Re-export the model with standard ONNX ops or a supported opset. (onnxruntime: ${msg})`;
  } else if ((m = /([\w.]*):(\w+)\((-?\d+)\) is not a registered function\/op/.exec(msg))) {
    text =
      `${model}: op ${m[2]}${m[1] ? ` in domain "${m[1]}"` : ''} is not an op onnxruntime ${ortVersion()} knows ` +
      `(no kernel or function is registered for it). Re-export the model with standard ONNX ops, or use a build of onnxruntime that has this custom op. (onnxruntime: ${msg})`;
  } else if ((m = /Could not find an implementation for (\S+?)\((\d+)\) node with name '([^']*)'/.exec(msg))) {
    text =
      `${model}: onnxruntime's CPU execution provider has no kernel for op ${m[1]} (opset ${m[2]}) at node "${m[3]}" ` +
      'with these input types. Re-export the model with other types or ops for that node.';
  } else if ((m = /of operator \(([^)]*)\) in node \(([^)]*)\)/.exec(msg))) {
    const detail = msg.replace(/^This is an invalid model\.\s*/, '');
    text = `${model}: onnxruntime rejects node "${m[2]}" (op ${m[1]}) as invalid: ${detail}`;
  } else if ((m = /In Node, \("([^"]*)", ([^,]+),/.exec(msg))) {
    const detail = msg.replace(/^This is an invalid model\.\s*/, '');
    text = `${model}: onnxruntime rejects node "${m[1]}" (op ${m[2].trim()}) as invalid: ${detail}`;
  } else {
    text = `${model}: onnxruntime cannot load it: ${msg}`;
  }
  return new InputError('MODEL_INVALID', text.replace(/\s*\n\s*/g, ' '), { cause: error });
}
