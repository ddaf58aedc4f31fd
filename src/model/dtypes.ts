/**
 * ONNX tensor element types: the numeric code in the file (onnx.TensorProto.DataType), the
 * name onnxruntime-node uses for it, and its storage size.
 *
 * Codes from onnx/onnx.proto (TensorProto.DataType); names from onnxruntime-common's
 * `Tensor.Type`. Sizes are the bytes one element takes in `raw_data` (onnx/docs/IR.md):
 * 4-bit types pack two elements per byte, hence 0.5.
 */
import type { TensorDType } from './types.js';

interface DTypeRow {
  code: number;
  name: TensorDType;
  /** Bytes per element in raw_data; 0 for strings, whose size varies per element. */
  bytes: number;
  /** How to recognise an exactly-zero element from its little-endian bytes. */
  zero: 'int' | 'float' | 'fnuz';
}

const ROWS: readonly DTypeRow[] = [
  { code: 1, name: 'float32', bytes: 4, zero: 'float' },
  { code: 2, name: 'uint8', bytes: 1, zero: 'int' },
  { code: 3, name: 'int8', bytes: 1, zero: 'int' },
  { code: 4, name: 'uint16', bytes: 2, zero: 'int' },
  { code: 5, name: 'int16', bytes: 2, zero: 'int' },
  { code: 6, name: 'int32', bytes: 4, zero: 'int' },
  { code: 7, name: 'int64', bytes: 8, zero: 'int' },
  { code: 8, name: 'string', bytes: 0, zero: 'int' },
  { code: 9, name: 'bool', bytes: 1, zero: 'int' },
  { code: 10, name: 'float16', bytes: 2, zero: 'float' },
  { code: 11, name: 'float64', bytes: 8, zero: 'float' },
  { code: 12, name: 'uint32', bytes: 4, zero: 'int' },
  { code: 13, name: 'uint64', bytes: 8, zero: 'int' },
  // complex64 is two float32s (real, imaginary), complex128 two float64s.
  { code: 14, name: 'complex64', bytes: 8, zero: 'float' },
  { code: 15, name: 'complex128', bytes: 16, zero: 'float' },
  { code: 16, name: 'bfloat16', bytes: 2, zero: 'float' },
  { code: 17, name: 'float8e4m3fn', bytes: 1, zero: 'float' },
  // The FNUZ float8 variants have no negative zero: 0x80 encodes NaN (onnx/docs/Float8.md).
  { code: 18, name: 'float8e4m3fnuz', bytes: 1, zero: 'fnuz' },
  { code: 19, name: 'float8e5m2', bytes: 1, zero: 'float' },
  { code: 20, name: 'float8e5m2fnuz', bytes: 1, zero: 'fnuz' },
  { code: 21, name: 'uint4', bytes: 0.5, zero: 'int' },
  { code: 22, name: 'int4', bytes: 0.5, zero: 'int' },
  { code: 23, name: 'float4e2m1', bytes: 0.5, zero: 'float' },
];

const BY_CODE = new Map(ROWS.map((r) => [r.code, r]));
const BY_NAME: ReadonlyMap<string, (typeof ROWS)[number]> = new Map(ROWS.map((r) => [r.name, r]));

/** Every element type name onnxruntime-node knows, in ONNX code order. */
export const DTYPE_NAMES: readonly TensorDType[] = ROWS.map((r) => r.name);

/** The onnxruntime name of an ONNX element type code, or undefined for an unknown code. */
export function dtypeNameOrUndefined(code: number): TensorDType | undefined {
  return BY_CODE.get(code)?.name;
}

/**
 * The onnxruntime name of an ONNX element type code (1 → `float32`).
 * @throws Error for a code onnx.proto does not define (0 = UNDEFINED included).
 */
export function dtypeName(code: number): TensorDType {
  const row = BY_CODE.get(code);
  if (!row) throw new Error(`Unknown ONNX element type code ${code} (onnx.proto defines 1..23).`);
  return row.name;
}

/**
 * The ONNX element type code of an onnxruntime dtype name (`float32` → 1).
 * @throws Error for a name that is not a TensorDType.
 */
export function dtypeCode(name: TensorDType | string): number {
  const row = BY_NAME.get(name);
  if (!row) throw new Error(`Unknown tensor dtype "${name}" (expected one of ${DTYPE_NAMES.join(', ')}).`);
  return row.code;
}

/**
 * Bytes per element as stored in raw_data: 0.5 for 4-bit types, 0 for `string` (variable length).
 * @throws Error for a name that is not a TensorDType.
 */
export function dtypeBytes(name: TensorDType | string): number {
  const row = BY_NAME.get(name);
  if (!row) throw new Error(`Unknown tensor dtype "${name}" (expected one of ${DTYPE_NAMES.join(', ')}).`);
  return row.bytes;
}

/** True when a name is one of the TensorDType names. */
export function isTensorDType(name: string): name is TensorDType {
  return BY_NAME.has(name);
}

/** How an element of this ONNX code is recognised as exactly zero (internal to the analysis). */
export function zeroKind(code: number): 'int' | 'float' | 'fnuz' | undefined {
  return BY_CODE.get(code)?.zero;
}
