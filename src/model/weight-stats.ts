/** Weight statistics of a model: element counts, bytes by dtype and zero counts (sparsity), read from initializers, Constant nodes and external data. */
import { closeSync, openSync, readSync } from 'node:fs';
import { InputError } from '../errors.js';
import { dtypeBytes, dtypeNameOrUndefined, zeroKind } from './dtypes.js';
import { isExternal, resolveExternalRef } from './load.js';
import { DataType, type AttributeProto, type SparseTensorProto, type TensorProto } from './onnx.js';

/** Reads `length` bytes at `offset` of a file, in chunks handed to `onChunk` (sync). */
export type ExternalReader = (file: string, offset: number, length: number, onChunk: (chunk: Uint8Array) => void) => void;

/** Chunk size for external data: whole elements of every dtype (16 divides it), bounded memory. */
const CHUNK_BYTES = 1 << 20;

/** The default {@link ExternalReader}: node:fs, 1 MiB at a time. */
export const fsExternalReader: ExternalReader = (file, offset, length, onChunk) => {
  const fd = openSync(file, 'r');
  try {
    const buf = new Uint8Array(Math.min(CHUNK_BYTES, Math.max(length, 1)));
    let done = 0;
    while (done < length) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, length - done), offset + done);
      if (n <= 0) break;
      onChunk(buf.subarray(0, n));
      done += n;
    }
  } finally {
    closeSync(fd);
  }
};

/** Element count, stored bytes and exactly-zero count of one weight tensor. */
export interface WeightStats {
  dtype: string;
  elements: number;
  bytes: number;
  zeros: number;
}

export function own(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

export function product(dims: readonly number[]): number {
  let p = 1;
  for (const d of dims) p *= d;
  return p;
}

/**
 * Counts exactly-zero elements in little-endian raw bytes, chunk by chunk. Floats count ±0
 * as zero (sign bit masked) except the FNUZ float8 types, where 0x80 is NaN.
 */
class ZeroCounter {
  zeros = 0;
  private seen = 0;
  private carry = new Uint8Array(0);
  constructor(
    private readonly code: number,
    private readonly elements: number,
  ) {}

  push(chunk: Uint8Array): void {
    const kind = zeroKind(this.code);
    const size = dtypeBytes(dtypeNameOrUndefined(this.code) ?? 'string');
    if (!kind || size === 0 || this.seen >= this.elements) return;
    let data = chunk;
    if (this.carry.length > 0) {
      data = new Uint8Array(this.carry.length + chunk.length);
      data.set(this.carry);
      data.set(chunk, this.carry.length);
    }
    if (size === 0.5) {
      // Two 4-bit elements per byte, low nibble first (onnx/docs/IR.md, "4 bit integer types").
      const mask = kind === 'float' ? 0x7 : 0xf;
      for (let i = 0; i < data.length && this.seen < this.elements; i++) {
        if ((data[i] & mask) === 0) this.zeros++;
        this.seen++;
        if (this.seen < this.elements) {
          if (((data[i] >> 4) & mask) === 0) this.zeros++;
          this.seen++;
        }
      }
      this.carry = new Uint8Array(0);
      return;
    }
    // complex types: each half is a float and the element is zero when both halves are.
    const complex = this.code === DataType.COMPLEX64 || this.code === DataType.COMPLEX128;
    const part = complex ? size / 2 : size;
    const whole = Math.min(Math.floor(data.length / size), this.elements - this.seen) * size;
    let body = data.subarray(0, whole);
    // Typed views need aligned offsets; copying a misaligned chunk is cheaper than byte loops.
    // (A copy by construction: `slice` on a Node Buffer, which external-data reads may give, is a view.)
    if (body.byteOffset % 8 !== 0) body = new Uint8Array(body);
    const signMask = kind === 'float' ? 0x7f : 0xff;
    const words =
      part === 8
        ? new Uint32Array(body.buffer, body.byteOffset, body.length / 4)
        : part === 4
          ? new Uint32Array(body.buffer, body.byteOffset, body.length / 4)
          : part === 2
            ? new Uint16Array(body.buffer, body.byteOffset, body.length / 2)
            : body;
    // Little-endian: the sign bit is the top bit of the last byte of each part.
    const topMask = part === 4 ? (signMask << 24) | 0xffffff : part === 2 ? (signMask << 8) | 0xff : signMask;
    const perElement = size / (part === 8 ? 4 : part);
    let zeros = 0;
    if (perElement === 1 && part !== 8) {
      // The common case (float32, float16, int8, …): one word per element.
      for (let w = 0; w < words.length; w++) if ((words[w] & topMask) === 0) zeros++;
      this.zeros += zeros;
      this.seen += whole / size;
      this.carry = data.slice(whole);
      return;
    }
    for (let e = 0; e < words.length; e += perElement) {
      let zero = true;
      if (part === 8) {
        for (let w = e; w < e + perElement; w += 2) {
          if (words[w] !== 0 || (words[w + 1] & ((signMask << 24) | 0xffffff)) !== 0) zero = false;
        }
      } else {
        for (let w = e; w < e + perElement; w++) if ((words[w] & topMask) !== 0) zero = false;
      }
      if (zero) zeros++;
    }
    this.zeros += zeros;
    this.seen += whole / size;
    this.carry = data.slice(whole);
  }
}

function zerosInNumbers(values: readonly number[], code: number, elements: number): number {
  let zeros = 0;
  const n = Math.min(values.length, elements);
  const bits16 = code === DataType.FLOAT16 || code === DataType.BFLOAT16;
  const float8 = code === DataType.FLOAT8E4M3FN || code === DataType.FLOAT8E5M2;
  const nibbles = code === DataType.INT4 || code === DataType.UINT4 || code === DataType.FLOAT4E2M1;
  if (nibbles) {
    // int32_data holds one packed byte (two elements) per entry.
    const mask = code === DataType.FLOAT4E2M1 ? 0x7 : 0xf;
    let seen = 0;
    for (const v of values) {
      for (const nib of [v & 0xf, (v >> 4) & 0xf]) {
        if (seen >= elements) break;
        if ((nib & mask) === 0) zeros++;
        seen++;
      }
    }
    return zeros;
  }
  for (let i = 0; i < n; i++) {
    const v = values[i];
    // 16-bit and 8-bit floats are stored as their bit patterns in int32_data (onnx.proto).
    if (bits16 ? (v & 0x7fff) === 0 : float8 ? (v & 0x7f) === 0 : v === 0) zeros++;
  }
  return zeros;
}

/**
 * Elements, stored bytes and zeros of one tensor; external data is read through `read`.
 * @throws InputError MODEL_INVALID for an unknown element type.
 */
export function tensorStats(
  t: TensorProto,
  ctx: { modelPath: string; root: string; label: string; read: ExternalReader; fileSizes: Map<string, number> },
): WeightStats {
  const code = t.dataType ?? 0;
  const dtype = dtypeNameOrUndefined(code);
  if (!dtype) {
    throw new InputError(
      'MODEL_INVALID',
      `Model ${ctx.label}: weight tensor "${t.name || '(unnamed)'}" has element type code ${code}, which onnx.proto does not define (expected 1..23). ` +
        `The file may be corrupt or written by a newer ONNX version; re-export it with a released exporter.`,
    );
  }
  const elements = product(t.dims ?? []);
  const size = dtypeBytes(dtype);
  const name = t.name || '(unnamed)';
  const dimsText = `[${(t.dims ?? []).join(', ')}]`;
  if (!(t.dims ?? []).every((d) => Number.isSafeInteger(d) && d >= 0) || !Number.isSafeInteger(elements)) {
    throw new InputError(
      'MODEL_INVALID',
      `Model ${ctx.label}: weight tensor "${name}" has dims ${dimsText}, expected non-negative integers whose product (the element count) is below 2^53. ` +
        `The file is corrupt or was crafted; re-export the model.`,
    );
  }
  // Declared size against stored size: a crafted tensor can claim 10^12 elements over 32 bytes,
  // which would inflate the parameter count and make onnxruntime fail later with a vaguer error.
  const mismatch = (stored: number, expected: number, unit: string): InputError =>
    new InputError(
      'MODEL_INVALID',
      `Model ${ctx.label}: weight tensor "${name}" declares dims ${dimsText} (${elements} ${dtype} elements, ${expected} ${unit}) but stores ${stored} ${unit}. ` +
        `Expected the stored data to match the dims; the file is truncated, corrupt or crafted. Re-export the model.`,
    );
  if (isExternal(t)) {
    const ref = resolveExternalRef(t, ctx.modelPath, ctx.root, ctx.label);
    const fileSize = ctx.fileSizes.get(ref.file) ?? 0;
    const length = ref.length ?? Math.max(0, fileSize - ref.offset);
    const counter = new ZeroCounter(code, elements);
    if (dtype !== 'string') ctx.read(ref.file, ref.offset, length, (c) => counter.push(c));
    return { dtype, elements, bytes: length, zeros: counter.zeros };
  }
  if (dtype === 'string') {
    const bytes = (t.stringData ?? []).reduce((s, b) => s + b.length, 0);
    return { dtype, elements, bytes, zeros: 0 };
  }
  if (t.rawData && t.rawData.length > 0) {
    const expected = Math.ceil(elements * size);
    if (t.rawData.length !== expected) throw mismatch(t.rawData.length, expected, 'bytes');
    const counter = new ZeroCounter(code, elements);
    counter.push(t.rawData);
    return { dtype, elements, bytes: t.rawData.length, zeros: counter.zeros };
  }
  const field = t.floatData?.length
    ? t.floatData
    : t.int32Data?.length
      ? t.int32Data
      : t.int64Data?.length
        ? t.int64Data
        : t.doubleData?.length
          ? t.doubleData
          : t.uint64Data?.length
            ? t.uint64Data
            : [];
  const perElement = code === DataType.COMPLEX64 || code === DataType.COMPLEX128 ? 2 : 1;
  if (field.length > 0 && size >= 1 && field.length !== elements * perElement)
    throw mismatch(field.length, elements * perElement, 'values');
  let zeros: number;
  if (code === DataType.COMPLEX64 || code === DataType.COMPLEX128) {
    zeros = 0;
    for (let i = 0; i + 1 < field.length && i / 2 < elements; i += 2) if (field[i] === 0 && field[i + 1] === 0) zeros++;
  } else {
    zeros = zerosInNumbers(field, code, elements);
  }
  return { dtype, elements, bytes: Math.ceil(elements * size), zeros };
}

/** A Constant node's value as weight statistics (value, sparse_value, value_float(s), value_int(s), value_string(s)). */
export function constantStats(
  a: AttributeProto,
  tensor: (t: TensorProto) => WeightStats,
  sparse: (s: SparseTensorProto) => WeightStats[],
): WeightStats[] {
  switch (a.name) {
    case 'value':
      return a.t ? [tensor(a.t)] : [];
    case 'sparse_value':
      return a.sparseTensor ? sparse(a.sparseTensor) : [];
    case 'value_float':
      return [{ dtype: 'float32', elements: 1, bytes: 4, zeros: a.f === 0 ? 1 : 0 }];
    case 'value_floats': {
      const v = a.floats ?? [];
      return [{ dtype: 'float32', elements: v.length, bytes: 4 * v.length, zeros: v.filter((x) => x === 0).length }];
    }
    case 'value_int':
      return [{ dtype: 'int64', elements: 1, bytes: 8, zeros: a.i === 0 ? 1 : 0 }];
    case 'value_ints': {
      const v = a.ints ?? [];
      return [{ dtype: 'int64', elements: v.length, bytes: 8 * v.length, zeros: v.filter((x) => x === 0).length }];
    }
    case 'value_string':
      return [{ dtype: 'string', elements: 1, bytes: a.s?.length ?? 0, zeros: 0 }];
    case 'value_strings': {
      const v = a.strings ?? [];
      return [{ dtype: 'string', elements: v.length, bytes: v.reduce((s, b) => s + b.length, 0), zeros: 0 }];
    }
    default:
      return [];
  }
}
