/**
 * Plain tensor values (dtype, dims, typed array) for the training step: initial parameters
 * read out of initializers, optimizer state, labels. No onnxruntime here; the runner turns
 * these into ort.Tensor objects once, before the first step.
 */
import { DataType, type TensorProto } from '../model/onnx.js';
import { InputError } from '../errors.js';

/** Element types the training step reads and writes. */
export type TrainDType = 'float32' | 'float64' | 'int64' | 'int32' | 'bool';

/** A tensor as plain data. `bool` is stored one byte per element (0 or 1), as onnxruntime does. */
export interface TensorData {
  dtype: TrainDType;
  dims: number[];
  data: Float32Array | Float64Array | BigInt64Array | Int32Array | Uint8Array;
}

/** ONNX element type code of a dtype. */
export function dataTypeOf(dtype: TrainDType): number {
  switch (dtype) {
    case 'float32':
      return DataType.FLOAT;
    case 'float64':
      return DataType.DOUBLE;
    case 'int64':
      return DataType.INT64;
    case 'int32':
      return DataType.INT32;
    case 'bool':
      return DataType.BOOL;
  }
}

/** Number of elements of a shape (1 for a scalar). */
export function sizeOf(dims: readonly number[]): number {
  return dims.reduce((a, b) => a * b, 1);
}

function copyBytes(raw: Uint8Array): ArrayBuffer {
  // rawData may sit at an unaligned offset inside the protobuf buffer: copy before viewing.
  const out = new ArrayBuffer(raw.byteLength);
  new Uint8Array(out).set(raw);
  return out;
}

/**
 * Reads an initializer's values.
 * @throws InputError MODEL_INVALID for external data that was not loaded, or an element type
 *   the training step does not handle.
 */
export function readTensor(t: TensorProto): TensorData {
  const dims = (t.dims ?? []).map(Number);
  const n = sizeOf(dims);
  const raw = t.rawData && t.rawData.byteLength > 0 ? copyBytes(t.rawData) : undefined;
  if (t.dataLocation === 1 && !raw) {
    throw new InputError(
      'MODEL_INVALID',
      `Initializer "${t.name}" keeps its values in an external data file that was not loaded; load the model with its external data (the .onnx file's folder must contain the data file) before building a training step.`,
    );
  }
  switch (t.dataType) {
    case DataType.FLOAT:
      return {
        dtype: 'float32',
        dims,
        data: raw ? new Float32Array(raw) : Float32Array.from(t.floatData ?? new Array<number>(n).fill(0)),
      };
    case DataType.DOUBLE:
      return {
        dtype: 'float64',
        dims,
        data: raw ? new Float64Array(raw) : Float64Array.from(t.doubleData ?? new Array<number>(n).fill(0)),
      };
    case DataType.INT64:
      return {
        dtype: 'int64',
        dims,
        data: raw ? new BigInt64Array(raw) : BigInt64Array.from((t.int64Data ?? []).map((v) => BigInt(v))),
      };
    case DataType.INT32:
      return { dtype: 'int32', dims, data: raw ? new Int32Array(raw) : Int32Array.from(t.int32Data ?? []) };
    case DataType.BOOL:
      return { dtype: 'bool', dims, data: raw ? new Uint8Array(raw) : Uint8Array.from(t.int32Data ?? []) };
    default:
      throw new InputError(
        'MODEL_INVALID',
        `Initializer "${t.name}" has ONNX element type ${t.dataType}; the training step reads float32, float64, int64, int32 and bool initializers. Convert the model's weights to float32 (e.g. onnxconverter-common's float16 → float32 conversion) before training.`,
      );
  }
}

/** Integer values of an int64/int32 tensor as plain numbers (shape constants, axes). */
export function readInts(t: TensorProto): number[] {
  const { data } = readTensor(t);
  if (data instanceof BigInt64Array) return Array.from(data, (v) => Number(v));
  return data instanceof Int32Array ? Array.from(data) : [];
}

/** Values of a float32/float64 tensor as plain numbers (small constants: scales, exponents). */
export function readFloats(t: TensorProto): number[] {
  const { data } = readTensor(t);
  return data instanceof Float32Array || data instanceof Float64Array ? Array.from(data) : [];
}

/** A zero-filled tensor of the given dtype and dims. */
export function zeros(dtype: 'float32' | 'float64', dims: number[]): TensorData {
  const n = sizeOf(dims);
  return { dtype, dims, data: dtype === 'float32' ? new Float32Array(n) : new Float64Array(n) };
}
