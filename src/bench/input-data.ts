/**
 * The typed storage of input tensors (inputs.ts): a budget file's `value:` checked element by
 * element and converted to the input's dtype, a scalar repeated over a shape, and seeded random
 * elements (ranges in inputs.ts's module comment).
 */
import type { TensorDType } from '../model/types.js';
import type { Rng } from '../util/random.js';
import type { TypedArray } from './npy.js';
import { float16Bits } from '../util/float16.js';

/** Inclusive integer ranges, for checking `value:` elements. */
const INT_RANGE: Partial<Record<TensorDType, [number, number]>> = {
  int8: [-128, 127],
  uint8: [0, 255],
  int16: [-32768, 32767],
  uint16: [0, 65535],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  uint64: [0, Number.MAX_SAFE_INTEGER],
};

/** A nested list (or a scalar) as a shape and its elements in C order. */
export function flatten(value: unknown, fail: (msg: string) => never): { shape: number[]; flat: unknown[] } {
  if (!Array.isArray(value)) return { shape: [], flat: [value] };
  const shape: number[] = [];
  // The shape is read down the first elements; every other branch must match it.
  let probe: unknown = value;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    probe = probe[0];
  }
  const flat: unknown[] = [];
  const walk = (v: unknown, depth: number, where: string): void => {
    if (depth === shape.length) {
      if (Array.isArray(v))
        fail(
          `the value is ragged: ${where} is a list where a number was expected (shape [${shape.join(', ')}] from the first elements).`,
        );
      flat.push(v);
      return;
    }
    if (!Array.isArray(v))
      fail(`the value is ragged: ${where} is ${JSON.stringify(v)} where a list of ${shape[depth]} was expected.`);
    if (v.length !== shape[depth]) {
      fail(
        `the value is ragged: ${where} has ${v.length} elements where ${shape[depth]} were expected (shape [${shape.join(', ')}] from the first elements).`,
      );
    }
    v.forEach((x, i) => walk(x, depth + 1, `${where}[${i}]`));
  };
  walk(value, 0, 'value');
  return { shape, flat };
}

/** Converts `value:` elements to the typed storage of `dtype`, checking each element. */
export function toData(dtype: TensorDType, flat: unknown[], fail: (msg: string) => never): TypedArray {
  const bad = (i: number, want: string): never =>
    fail(`element ${i} of the value, ${JSON.stringify(flat[i]) ?? String(flat[i])}, is not ${want} (the input is ${dtype}).`);
  const n = flat.length;
  switch (dtype) {
    case 'float32':
    case 'float64':
    case 'float16': {
      const out = dtype === 'float32' ? new Float32Array(n) : dtype === 'float64' ? new Float64Array(n) : new Uint16Array(n);
      flat.forEach((x, i) => {
        const v = typeof x === 'number' ? x : bad(i, 'a number');
        out[i] = dtype === 'float16' ? float32ToHalfBits(v) : v;
      });
      return out;
    }
    case 'bool': {
      const out = new Uint8Array(n);
      flat.forEach((x, i) => {
        if (x === true || x === 1) out[i] = 1;
        else if (x === false || x === 0) out[i] = 0;
        else bad(i, 'true, false, 1 or 0');
      });
      return out;
    }
    case 'string':
      return flat.map((x, i) => (typeof x === 'string' ? x : bad(i, 'a string')));
    default: {
      const range = INT_RANGE[dtype];
      if (!range) return fail(`inputs of dtype ${dtype} cannot be given as a value.`);
      const out = dtype === 'int64' ? new BigInt64Array(n) : dtype === 'uint64' ? new BigUint64Array(n) : makeIntArray(dtype, n);
      const want = `an integer in ${range[0]}..${range[1]}`;
      flat.forEach((x, i) => {
        if (typeof x === 'bigint') {
          if (out instanceof BigInt64Array || out instanceof BigUint64Array) out[i] = x;
          else bad(i, want);
          return;
        }
        const v = typeof x === 'number' && Number.isInteger(x) && x >= range[0] && x <= range[1] ? x : bad(i, want);
        if (out instanceof BigInt64Array || out instanceof BigUint64Array) out[i] = BigInt(v);
        else out[i] = v;
      });
      return out;
    }
  }
}

/** A zeroed array of an integer dtype stored as numbers (int8 to uint32). @throws Error for any other dtype. */
function makeIntArray(
  dtype: TensorDType,
  n: number,
): Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array {
  switch (dtype) {
    case 'int8':
      return new Int8Array(n);
    case 'uint8':
      return new Uint8Array(n);
    case 'int16':
      return new Int16Array(n);
    case 'uint16':
      return new Uint16Array(n);
    case 'int32':
      return new Int32Array(n);
    case 'uint32':
      return new Uint32Array(n);
    default:
      throw new Error(`not an integer dtype stored as numbers: ${dtype}`);
  }
}

/** Repeats a one-element array n times, in an array of the same type. */
export function fill(one: TypedArray, n: number): TypedArray {
  if (Array.isArray(one)) return new Array<string>(n).fill(one[0]);
  if (one instanceof Float32Array) return new Float32Array(n).fill(one[0]);
  if (one instanceof Float64Array) return new Float64Array(n).fill(one[0]);
  if (one instanceof Int8Array) return new Int8Array(n).fill(one[0]);
  if (one instanceof Uint8Array) return new Uint8Array(n).fill(one[0]);
  if (one instanceof Int16Array) return new Int16Array(n).fill(one[0]);
  if (one instanceof Uint16Array) return new Uint16Array(n).fill(one[0]);
  if (one instanceof Int32Array) return new Int32Array(n).fill(one[0]);
  if (one instanceof Uint32Array) return new Uint32Array(n).fill(one[0]);
  if (one instanceof BigInt64Array) return new BigInt64Array(n).fill(one[0]);
  return new BigUint64Array(n).fill(one[0]);
}

const WORD_CHARS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Seeded random elements of `dtype` (see the module comment for the ranges).
 * @throws Error for a dtype without a JavaScript representation (callers check first).
 */
export function randomData(dtype: TensorDType, n: number, rng: Rng): TypedArray {
  switch (dtype) {
    case 'float32': {
      const out = new Float32Array(n);
      for (let i = 0; i < n; i++) out[i] = rng.normal();
      return out;
    }
    case 'float64': {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = rng.normal();
      return out;
    }
    case 'float16': {
      const out = new Uint16Array(n);
      for (let i = 0; i < n; i++) out[i] = float32ToHalfBits(rng.normal());
      return out;
    }
    case 'bool': {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = rng.next() < 0.5 ? 1 : 0;
      return out;
    }
    case 'string': {
      const out = new Array<string>(n);
      for (let i = 0; i < n; i++) {
        let s = '';
        const len = rng.int(1, 8);
        for (let j = 0; j < len; j++) s += WORD_CHARS[rng.int(0, 25)];
        out[i] = s;
      }
      return out;
    }
    case 'int64':
    case 'uint64': {
      const out = dtype === 'int64' ? new BigInt64Array(n) : new BigUint64Array(n);
      for (let i = 0; i < n; i++) out[i] = BigInt(rng.int(0, 9));
      return out;
    }
    default: {
      const out = makeIntArray(dtype, n);
      for (let i = 0; i < n; i++) out[i] = rng.int(0, 9);
      return out;
    }
  }
}

/** Float16 bits of a number (round to nearest even); see src/util/float16.ts. */
export const float32ToHalfBits = float16Bits;
