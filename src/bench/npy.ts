/**
 * NumPy `.npy` files (format versions 1.0, 2.0 and 3.0), read for `inputs: { x: { data: f.npy } }`
 * and written by tests.
 *
 * The format (numpy/lib/format.py, "NEP 1"): the magic `\x93NUMPY`, a major and a minor
 * version byte, the header length (uint16 little-endian in v1, uint32 in v2 and v3), then a
 * Python dict literal `{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }` padded
 * with spaces and a newline so that the data starts at a multiple of 64 bytes (16 in old
 * files). v3 differs from v2 only in that the header is UTF-8 rather than latin-1. The data
 * follows in C (row-major) order unless `fortran_order` is True.
 */
import { InputError } from '../errors.js';
import type { TensorDType } from '../model/types.js';

/** The element storage of a tensor: typed arrays for numbers, an array for strings. */
export type TypedArray =
  | Float32Array
  | Float64Array
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array
  | string[];

/** An array read from or written to a `.npy` file. float16 is kept as raw IEEE 754 half bits. */
export interface NpyArray {
  dtype: TensorDType;
  shape: number[];
  data: TypedArray;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93 N U M P Y

/** Fixed-width numeric descrs without their byte-order character → dtype and item size. */
const NUMERIC: Record<string, { dtype: TensorDType; itemBytes: number; make: (b: ArrayBuffer) => TypedArray }> = {
  f4: { dtype: 'float32', itemBytes: 4, make: (b) => new Float32Array(b) },
  f8: { dtype: 'float64', itemBytes: 8, make: (b) => new Float64Array(b) },
  f2: { dtype: 'float16', itemBytes: 2, make: (b) => new Uint16Array(b) },
  i1: { dtype: 'int8', itemBytes: 1, make: (b) => new Int8Array(b) },
  u1: { dtype: 'uint8', itemBytes: 1, make: (b) => new Uint8Array(b) },
  i2: { dtype: 'int16', itemBytes: 2, make: (b) => new Int16Array(b) },
  u2: { dtype: 'uint16', itemBytes: 2, make: (b) => new Uint16Array(b) },
  i4: { dtype: 'int32', itemBytes: 4, make: (b) => new Int32Array(b) },
  u4: { dtype: 'uint32', itemBytes: 4, make: (b) => new Uint32Array(b) },
  i8: { dtype: 'int64', itemBytes: 8, make: (b) => new BigInt64Array(b) },
  u8: { dtype: 'uint64', itemBytes: 8, make: (b) => new BigUint64Array(b) },
  b1: { dtype: 'bool', itemBytes: 1, make: (b) => new Uint8Array(b) },
};

/** dtype → the descr numpy writes for it (little-endian, `|` where byte order is moot). */
const DESCR_OF: Partial<Record<TensorDType, string>> = {
  float32: '<f4',
  float64: '<f8',
  float16: '<f2',
  int8: '|i1',
  uint8: '|u1',
  int16: '<i2',
  uint16: '<u2',
  int32: '<i4',
  uint32: '<u4',
  int64: '<i8',
  uint64: '<u8',
  bool: '|b1',
};

function fail(file: string, what: string): never {
  throw new InputError('INPUT_INVALID', `${file}: ${what}`);
}

/** Reads a Python literal field out of the header dict; null when absent. */
function headerField(header: string, key: string, valuePattern: string): string | null {
  const m = new RegExp(`['"]${key}['"]\\s*:\\s*(${valuePattern})`).exec(header);
  return m ? m[1] : null;
}

/**
 * Parses a `.npy` file (v1/v2/v3, little-endian, C order).
 * Strings (`<U` n, `|S` n) become a string array; float16 stays as raw half bits (Uint16Array).
 * @throws InputError INPUT_INVALID naming `file` for a bad magic, truncated data, Fortran
 *   order, big-endian or object/structured dtypes.
 */
export function parseNpy(bytes: Uint8Array, file: string): NpyArray {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) {
    fail(file, 'is not a NumPy .npy file (it does not start with the magic "\\x93NUMPY"); write it with numpy.save().');
  }
  const major = bytes[6];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let headerLen: number;
  let headerStart: number;
  if (major === 1) {
    headerLen = view.getUint16(8, true);
    headerStart = 10;
  } else if (major === 2 || major === 3) {
    if (bytes.length < 12) fail(file, 'is truncated inside the .npy preamble.');
    headerLen = view.getUint32(8, true);
    headerStart = 12;
  } else {
    fail(file, `uses .npy format version ${major}.${bytes[7]}; versions 1.0, 2.0 and 3.0 are supported.`);
  }
  const dataStart = headerStart + headerLen;
  if (dataStart > bytes.length) fail(file, 'is truncated inside the .npy header.');
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(headerStart, dataStart));

  const descr = headerField(header, 'descr', `'[^']*'|"[^"]*"|\\[`);
  if (descr === null) fail(file, `has no 'descr' in its .npy header (${header.trim()}).`);
  if (descr === '[') fail(file, 'holds a structured (record) array; save a plain numeric array instead.');
  const code = descr.slice(1, -1);
  const fortran = headerField(header, 'fortran_order', 'True|False');
  if (fortran === null) fail(file, `has no 'fortran_order' in its .npy header (${header.trim()}).`);
  if (fortran === 'True') {
    fail(file, 'is stored in Fortran (column-major) order; save it in C order, e.g. numpy.save(f, numpy.ascontiguousarray(a)).');
  }
  const shapeText = headerField(header, 'shape', '\\([^)]*\\)');
  if (shapeText === null) fail(file, `has no 'shape' in its .npy header (${header.trim()}).`);
  const shape = shapeText
    .slice(1, -1)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => {
      // Python 2 era numpy wrote longs as `3L`.
      const n = Number(s.replace(/L$/, ''));
      if (!Number.isSafeInteger(n) || n < 0) fail(file, `has an invalid shape ${shapeText} in its .npy header.`);
      return n;
    });
  let count = 1;
  for (const d of shape) count *= d;

  const order = code[0];
  const kind = code.slice(1);
  if (order === '>') {
    fail(file, `holds big-endian data ('${code}'); convert it with a.astype(a.dtype.newbyteorder('<')) before numpy.save().`);
  }
  if (kind === 'O' || code === 'O') {
    fail(file, 'holds Python objects (dtype object), which cannot be read without Python; save a numeric or string array.');
  }
  if (order !== '<' && order !== '|' && order !== '=') fail(file, `has an unsupported dtype '${code}'.`);

  const body = bytes.subarray(dataStart);
  const str = /^([US])(\d+)$/.exec(kind);
  if (str) {
    // Fixed-width strings: U = UTF-32 code points, S = bytes; both NUL-padded.
    const width = Number(str[2]);
    const itemBytes = str[1] === 'U' ? 4 * width : width;
    checkLength(file, body.length, count, itemBytes);
    const out: string[] = new Array<string>(count);
    const dv = new DataView(body.buffer, body.byteOffset, body.byteLength);
    for (let i = 0; i < count; i++) {
      let s = '';
      for (let j = 0; j < width; j++) {
        const c = str[1] === 'U' ? dv.getUint32(i * itemBytes + 4 * j, true) : body[i * itemBytes + j];
        if (c === 0) break;
        s += String.fromCodePoint(c);
      }
      out[i] = s;
    }
    return { dtype: 'string', shape, data: out };
  }
  const numeric = NUMERIC[kind];
  if (!numeric) {
    fail(
      file,
      `has dtype '${code}', which is not supported; use one of ${Object.values(DESCR_OF).join(' ')} (or <U/|S strings).`,
    );
  }
  if (numeric.itemBytes > 1 && order === '|') fail(file, `has dtype '${code}' without a byte order.`);
  checkLength(file, body.length, count, numeric.itemBytes);
  // Copy into a fresh buffer: the data offset inside the file need not be aligned for the
  // typed array. (Not `body.slice()`: on a Node Buffer that is a view of a shared pool.)
  const copy = new Uint8Array(count * numeric.itemBytes);
  copy.set(body);
  return { dtype: numeric.dtype, shape, data: numeric.make(copy.buffer) };
}

function checkLength(file: string, have: number, count: number, itemBytes: number): void {
  const want = count * itemBytes;
  if (have < want)
    fail(file, `is truncated: its header promises ${count} elements (${want} bytes) but only ${have} bytes follow.`);
  if (have > want) fail(file, `has ${have - want} bytes after the ${count} elements its header promises; the file is corrupt.`);
}

/** Options for {@link writeNpy}; the overrides exist so tests can write the files we reject. */
export interface WriteNpyOptions {
  /** Format major version. @default 1 */
  version?: 1 | 2 | 3;
  /** Override the descr written in the header (e.g. '>f4'). */
  descr?: string;
  /** @default false */
  fortranOrder?: boolean;
}

/**
 * Writes an array as `.npy` bytes, as numpy.save would (header padded to 64 bytes).
 * Strings are written as `<U` n (UTF-32).
 * @throws Error for dtypes that .npy cannot hold here (bfloat16, float8, int4...).
 */
export function writeNpy(array: NpyArray, options: WriteNpyOptions = {}): Uint8Array {
  const version = options.version ?? 1;
  let payload: Uint8Array;
  let descr: string;
  const data = array.data;
  if (array.dtype === 'string') {
    if (!Array.isArray(data)) throw new Error('writeNpy: a string array needs its data as an array of strings');
    const strings = data;
    const width = Math.max(1, ...strings.map((s) => [...s].length));
    descr = `<U${width}`;
    const dv = new DataView(new ArrayBuffer(strings.length * width * 4));
    strings.forEach((s, i) => [...s].forEach((ch, j) => dv.setUint32((i * width + j) * 4, ch.codePointAt(0) ?? 0, true)));
    payload = new Uint8Array(dv.buffer);
  } else {
    const d = DESCR_OF[array.dtype];
    if (!d) throw new Error(`writeNpy: dtype ${array.dtype} has no .npy equivalent`);
    descr = d;
    if (Array.isArray(data)) throw new Error(`writeNpy: a ${array.dtype} array needs its data as a typed array, not strings`);
    payload = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }
  descr = options.descr ?? descr;
  const shape = array.shape.length === 1 ? `(${array.shape[0]},)` : `(${array.shape.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': ${options.fortranOrder ? 'True' : 'False'}, 'shape': ${shape}, }`;
  const preamble = version === 1 ? 10 : 12;
  const padded = Math.ceil((preamble + header.length + 1) / 64) * 64;
  header = header + ' '.repeat(padded - preamble - header.length - 1) + '\n';
  const headerBytes = new TextEncoder().encode(header);
  const out = new Uint8Array(preamble + headerBytes.length + payload.length);
  out.set(MAGIC, 0);
  out[6] = version;
  out[7] = 0;
  const dv = new DataView(out.buffer);
  if (version === 1) dv.setUint16(8, headerBytes.length, true);
  else dv.setUint32(8, headerBytes.length, true);
  out.set(headerBytes, preamble);
  out.set(payload, preamble + headerBytes.length);
  return out;
}
