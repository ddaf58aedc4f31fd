/**
 * The one place tensors are handed to onnxruntime-node, so float16 data reaches the native
 * binding in the only form it reads on every Node line.
 *
 * onnxruntime-common (1.30) turns float16 data into a `Float16Array` wherever
 * `globalThis.Float16Array` exists (Node ≥ 24), but onnxruntime-node's native binding reads
 * float16 only from a `Uint16Array`: given a `Float16Array` it sees no bytes and fails with
 * "not enough space: expected 30, got 0". Outputs come back the same way (a `Float16Array` of
 * values on Node 24, a `Uint16Array` of bit patterns on Node 22); read them with
 * `float16BitsOf` / `float16ValuesOf` from util/float16.ts.
 */
import * as ort from 'onnxruntime-node';
import { float16BitsOf } from './float16.js';

/**
 * A CPU tensor onnxruntime-node can read; float16 data is given as bit patterns (Uint16Array).
 * @throws Error (from onnxruntime-common) for data that does not fit the type.
 */
export function makeTensor(type: ort.Tensor.Type, data: unknown, dims: readonly number[]): ort.Tensor {
  if (!isTensorData(data)) throw new Error(`tensor data of type ${type} must be a typed array or an array of strings`);
  const t = new ort.Tensor(type, data, dims);
  return type === 'float16' ? nativeFloat16(t) : t;
}

/** Whether `data` is element storage onnxruntime-common builds a tensor from (a typed array of its kinds, or strings). */
export function isTensorData(data: unknown): data is ort.Tensor.DataType {
  if (Array.isArray(data)) return data.every((x) => typeof x === 'string');
  return (
    data instanceof Float32Array ||
    data instanceof Float64Array ||
    data instanceof Int8Array ||
    data instanceof Uint8Array ||
    data instanceof Int16Array ||
    data instanceof Uint16Array ||
    data instanceof Int32Array ||
    data instanceof Uint32Array ||
    data instanceof BigInt64Array ||
    data instanceof BigUint64Array
  );
}

/** Bytes of a tensor's data; 0 for a string tensor, whose size is not fixed. */
export function dataBytes(data: unknown): number {
  return ArrayBuffer.isView(data) ? data.byteLength : 0;
}

/**
 * The values of a float32 tensor.
 * @throws Error naming `what` and the tensor's type when it is not float32.
 */
export function float32Data(t: { type: string; data: unknown }, what: string): Float32Array {
  if (t.data instanceof Float32Array) return t.data;
  throw new Error(`${what} holds ${t.type}, not float32`);
}

/**
 * Stores a float16 CPU tensor's bytes back as a `Uint16Array` (same memory, no copy) when
 * onnxruntime-common made a `Float16Array` of them; any other tensor is returned as it is.
 * Needed for tensors onnxruntime returns and that are fed back (training feedback).
 * @throws Error when onnxruntime-common no longer keeps the data where this expects it (an
 *   upgrade changed its internals): the message says so instead of a confusing native error.
 */
export function nativeFloat16<T extends ort.Tensor>(t: T): T {
  if (t.type !== 'float16' || t.location !== 'cpu') return t;
  const data = t.data;
  if (data instanceof Uint16Array || !ArrayBuffer.isView(data)) return t;
  const bits = float16BitsOf(data);
  // `cpuData` is the field behind the public `data` getter (tensor-impl.js); the native binding
  // reads `data`.
  Reflect.set(t, 'cpuData', bits);
  if (t.data !== bits) {
    throw new Error(
      `onnxruntime-common ${ort.env.versions.common} keeps float16 tensor data where energy-budget cannot store it as a Uint16Array, which onnxruntime-node's native binding needs; run on Node 22 or report this at the energy-budget repository.`,
    );
  }
  return t;
}
