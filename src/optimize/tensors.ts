/**
 * Numeric helpers for the optimisation variants: reading float32 weights out of a
 * TensorProto, float16 conversion, per-channel symmetric int8 quantisation and magnitude
 * pruning. Pure functions on typed arrays.
 *
 * Raw tensor bytes are little-endian (onnx/docs/IR.md); reading them through a typed array
 * assumes a little-endian host, which every platform onnxruntime-node ships for is.
 */
import { DataType, type TensorProto } from '../model/onnx.js';
import { float16Bits } from '../util/float16.js';

/** Elements in a tensor of these dims (1 for a scalar). */
export function elementCount(dims: readonly number[]): number {
  return dims.reduce((a, b) => a * b, 1);
}

/** True when the tensor's data lives in a separate file (TensorProto.data_location = EXTERNAL). */
export function isExternal(t: TensorProto): boolean {
  return t.dataLocation === 1 || (t.externalData?.length ?? 0) > 0;
}

/**
 * The float32 values of a FLOAT initializer, copied into a fresh array.
 * @throws Error when the tensor is not FLOAT, is external, or its data does not match its dims.
 */
export function readFloat32(t: TensorProto): Float32Array {
  if ((t.dataType ?? 0) !== DataType.FLOAT) throw new Error(`tensor ${t.name ?? '?'} is not float32`);
  if (isExternal(t)) throw new Error(`tensor ${t.name ?? '?'} stores its data in an external file`);
  const n = elementCount(t.dims ?? []);
  let out: Float32Array;
  if (t.rawData && t.rawData.byteLength > 0) {
    // Copy first: raw_data inside a decoded buffer is rarely 4-byte aligned.
    const copy = new Uint8Array(t.rawData.byteLength);
    copy.set(t.rawData);
    out = new Float32Array(copy.buffer);
  } else {
    out = Float32Array.from(t.floatData ?? []);
  }
  if (out.length !== n) {
    throw new Error(`tensor ${t.name ?? '?'} has ${out.length} values but its dims [${(t.dims ?? []).join(', ')}] need ${n}`);
  }
  return out;
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/** A tensor of the given type whose data is the typed array's bytes. */
export function tensorFrom(name: string, dims: number[], dataType: number, data: ArrayBufferView): TensorProto {
  return { name, dims, dataType, rawData: bytesOf(data) };
}

export { float16Bits, float16Value } from '../util/float16.js';

/** float32 values as binary16 bit patterns. */
export function toFloat16(values: Float32Array): Uint16Array {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = float16Bits(values[i]);
  return out;
}

/** Largest finite binary16 value (IEEE 754-2008, binary16: (2 − 2^-10) · 2^15). */
export const FLOAT16_MAX = 65504;

/** Per-channel symmetric int8 weights: q = round(w / scale[c]), scale[c] = max|w[c]| / qmax. */
export interface QuantizedWeights {
  values: Int8Array;
  /** One float32 scale per channel along `axis`. */
  scales: Float32Array;
  axis: number;
}

/**
 * Quantises float32 weights per channel along `axis`, symmetric (zero point 0), to
 * [−127, 127]: the scheme of onnxruntime's quantiser for per-channel int8 weights
 * (onnxruntime/python/tools/quantization, `quantize_data` with symmetric=True), which keeps
 * −128 unused so the range is symmetric.
 *
 * The scale is rounded to float32 before dividing, so dequantising with the stored scale is
 * within half a step of the original: |w − q·scale| ≤ scale / 2.
 *
 * `qmax` narrows the range: weights multiplied by integer kernels use {@link REDUCED_INT8_MAX}.
 */
export function quantizePerChannel(values: Float32Array, dims: readonly number[], axis: number, qmax = 127): QuantizedWeights {
  const channels = dims[axis];
  const inner = elementCount(dims.slice(axis + 1));
  const maxAbs = new Float64Array(channels);
  for (let i = 0; i < values.length; i++) {
    const c = Math.floor(i / inner) % channels;
    const a = Math.abs(values[i]);
    if (a > maxAbs[c]) maxAbs[c] = a;
  }
  const scales = new Float32Array(channels);
  // An all-zero channel gets scale 1 so dequantisation never divides by or multiplies with 0/0.
  for (let c = 0; c < channels; c++) scales[c] = maxAbs[c] > 0 ? Math.fround(maxAbs[c] / qmax) : 1;
  const q = new Int8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const c = Math.floor(i / inner) % channels;
    const v = Math.round(values[i] / scales[c]);
    q[i] = v > qmax ? qmax : v < -qmax ? -qmax : v;
  }
  return { values: q, scales, axis };
}

/**
 * Largest int8 weight for MatMulInteger / ConvInteger: 7 bits, onnxruntime's `reduce_range`.
 * On x86 CPUs without VNNI (AVX2 only, e.g. AMD EPYC before Zen 4) onnxruntime multiplies
 * uint8 activations by int8 weights with VPMADDUBSW, which adds two products into a saturating
 * int16: 255·127·2 = 64,770 overflows 32,767 and the result is silently wrong (errors of ~3 on
 * unit-scale outputs were seen here). With |q| ≤ 63, 255·63·2 = 32,130 cannot saturate.
 * Source: onnxruntime's quantize_dynamic documentation ("reduce_range: quantize weights with
 * 7-bits. It may improve the accuracy for some models running on non-VNNI machine") and Intel's
 * instruction reference for PMADDUBSW (saturating signed-word results).
 */
export const REDUCED_INT8_MAX = 63;

/** Transposes a 2-D row-major matrix [rows, cols] → [cols, rows]. */
export function transpose2d(values: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = values[r * cols + c];
  return out;
}

/**
 * The indices of the `count` smallest-magnitude elements across the given arrays, as
 * [arrayIndex, elementIndex] masks; ties at the threshold are broken by position, so exactly
 * `count` elements are selected.
 */
export function smallestMagnitudes(arrays: readonly Float32Array[], count: number): Uint8Array[] {
  const masks = arrays.map((a) => new Uint8Array(a.length));
  if (count <= 0) return masks;
  const total = arrays.reduce((s, a) => s + a.length, 0);
  const mags = new Float32Array(total);
  let o = 0;
  for (const a of arrays) for (let i = 0; i < a.length; i++) mags[o++] = Math.abs(a[i]);
  // Typed-array sort is numeric and much faster than sorting an index array with a comparator.
  mags.sort();
  const threshold = mags[Math.min(count, total) - 1];
  let below = 0;
  for (const a of arrays) for (let i = 0; i < a.length; i++) if (Math.abs(a[i]) < threshold) below++;
  let tiesLeft = Math.min(count, total) - below;
  arrays.forEach((a, k) => {
    const m = masks[k];
    for (let i = 0; i < a.length; i++) {
      const v = Math.abs(a[i]);
      if (v < threshold) m[i] = 1;
      else if (v === threshold && tiesLeft > 0) {
        m[i] = 1;
        tiesLeft--;
      }
    }
  });
  return masks;
}
