/**
 * Typed access to ONNX protobuf messages: decode a model from bytes, encode one back.
 *
 * Field names are the camelCase forms protobufjs gives to onnx.proto's snake_case names.
 * int64 fields decode to JavaScript numbers (exact up to 2^53, far beyond any real dim).
 */
import protobuf from 'protobufjs';
import { ONNX_PROTO_SCHEMA } from './onnx-schema.js';

/** onnx.TensorProto.DataType values. */
export const DataType = {
  UNDEFINED: 0,
  FLOAT: 1,
  UINT8: 2,
  INT8: 3,
  UINT16: 4,
  INT16: 5,
  INT32: 6,
  INT64: 7,
  STRING: 8,
  BOOL: 9,
  FLOAT16: 10,
  DOUBLE: 11,
  UINT32: 12,
  UINT64: 13,
  COMPLEX64: 14,
  COMPLEX128: 15,
  BFLOAT16: 16,
  FLOAT8E4M3FN: 17,
  FLOAT8E4M3FNUZ: 18,
  FLOAT8E5M2: 19,
  FLOAT8E5M2FNUZ: 20,
  UINT4: 21,
  INT4: 22,
  FLOAT4E2M1: 23,
} as const;
export type DataTypeCode = (typeof DataType)[keyof typeof DataType];

/** onnx.AttributeProto.AttributeType values. */
export const AttributeType = {
  UNDEFINED: 0,
  FLOAT: 1,
  INT: 2,
  STRING: 3,
  TENSOR: 4,
  GRAPH: 5,
  FLOATS: 6,
  INTS: 7,
  STRINGS: 8,
  TENSORS: 9,
  GRAPHS: 10,
  SPARSE_TENSOR: 11,
  SPARSE_TENSORS: 12,
  TYPE_PROTO: 13,
  TYPE_PROTOS: 14,
} as const;

export interface StringStringEntry {
  key?: string;
  value?: string;
}
export interface OperatorSetId {
  domain?: string;
  version?: number;
}
export interface TensorProto {
  dims?: number[];
  dataType?: number;
  floatData?: number[];
  int32Data?: number[];
  stringData?: Uint8Array[];
  int64Data?: number[];
  name?: string;
  docString?: string;
  rawData?: Uint8Array;
  externalData?: StringStringEntry[];
  /** 0 = DEFAULT (inside the file), 1 = EXTERNAL. */
  dataLocation?: number;
  doubleData?: number[];
  uint64Data?: number[];
}
export interface SparseTensorProto {
  values?: TensorProto;
  indices?: TensorProto;
  dims?: number[];
}
export interface Dimension {
  dimValue?: number;
  dimParam?: string;
  denotation?: string;
}
export interface TensorShapeProto {
  dim?: Dimension[];
}
export interface TypeProto {
  tensorType?: { elemType?: number; shape?: TensorShapeProto };
  sequenceType?: { elemType?: TypeProto };
  mapType?: { keyType?: number; valueType?: TypeProto };
  optionalType?: { elemType?: TypeProto };
  sparseTensorType?: { elemType?: number; shape?: TensorShapeProto };
  denotation?: string;
}
export interface ValueInfoProto {
  name?: string;
  type?: TypeProto;
  docString?: string;
}
export interface AttributeProto {
  name?: string;
  type?: number;
  f?: number;
  i?: number;
  s?: Uint8Array;
  t?: TensorProto;
  g?: GraphProto;
  sparseTensor?: SparseTensorProto;
  tp?: TypeProto;
  floats?: number[];
  ints?: number[];
  strings?: Uint8Array[];
  tensors?: TensorProto[];
  graphs?: GraphProto[];
  refAttrName?: string;
  docString?: string;
}
export interface NodeProto {
  input?: string[];
  output?: string[];
  name?: string;
  opType?: string;
  domain?: string;
  attribute?: AttributeProto[];
  docString?: string;
}
export interface GraphProto {
  node?: NodeProto[];
  name?: string;
  initializer?: TensorProto[];
  sparseInitializer?: SparseTensorProto[];
  docString?: string;
  input?: ValueInfoProto[];
  output?: ValueInfoProto[];
  valueInfo?: ValueInfoProto[];
}
export interface FunctionProto {
  name?: string;
  input?: string[];
  output?: string[];
  attribute?: string[];
  node?: NodeProto[];
  opsetImport?: OperatorSetId[];
  domain?: string;
}
export interface ModelProto {
  irVersion?: number;
  opsetImport?: OperatorSetId[];
  producerName?: string;
  producerVersion?: string;
  domain?: string;
  modelVersion?: number;
  docString?: string;
  graph?: GraphProto;
  metadataProps?: StringStringEntry[];
  functions?: FunctionProto[];
}

let cached: { model: protobuf.Type; tensor: protobuf.Type; root: protobuf.Root } | undefined;

function types(): { model: protobuf.Type; tensor: protobuf.Type; root: protobuf.Root } {
  if (!cached) {
    // Decode int64 as plain numbers rather than Long objects: every int64 in a model (dims,
    // attribute ints, versions) is far below 2^53.
    Object.assign(protobuf.util, { Long: undefined });
    protobuf.configure();
    const root = protobuf.parse(ONNX_PROTO_SCHEMA, { keepCase: false }).root;
    // Resolve every field's message type now: protobufjs otherwise resolves a type only when it
    // first decodes, and the streaming scanner reads `field.resolvedType` before that.
    root.resolveAll();
    cached = { model: root.lookupType('onnx.ModelProto'), tensor: root.lookupType('onnx.TensorProto'), root };
  }
  return cached;
}

/**
 * Whether a value is a message protobufjs decoded as the ONNX message `name`: the check behind
 * reading it through the interfaces above, which mirror onnx.proto field for field.
 */
function isOnnxMessage(value: unknown, name: string): boolean {
  return value instanceof protobuf.Message && value.$type.fullName === `.onnx.${name}`;
}

/** Whether a value is a decoded onnx.ModelProto. */
export function isModelProto(value: unknown): value is ModelProto {
  return isOnnxMessage(value, 'ModelProto');
}

/** Whether a value is a decoded onnx.TensorProto. */
export function isTensorProto(value: unknown): value is TensorProto {
  return isOnnxMessage(value, 'TensorProto');
}

/**
 * Decodes an ONNX model from its protobuf bytes.
 * @throws Error (from protobufjs) when the bytes are not a valid protobuf message.
 */
export function decodeModel(bytes: Uint8Array): ModelProto {
  const message = types().model.decode(bytes);
  if (!isModelProto(message)) throw new Error('protobufjs did not decode an onnx.ModelProto (internal error).');
  return message;
}

/** Encodes an ONNX model to protobuf bytes. */
export function encodeModel(model: ModelProto): Uint8Array {
  const t = types().model;
  return t.encode(t.fromObject(model)).finish();
}

/** Decodes a single TensorProto (as stored in .pb test data files). */
export function decodeTensor(bytes: Uint8Array): TensorProto {
  const message = types().tensor.decode(bytes);
  if (!isTensorProto(message)) throw new Error('protobufjs did not decode an onnx.TensorProto (internal error).');
  return message;
}

/** Encodes a single TensorProto. */
export function encodeTensor(tensor: TensorProto): Uint8Array {
  const t = types().tensor;
  return t.encode(t.fromObject(tensor)).finish();
}

/**
 * The protobufjs type of one onnx message by its name (`GraphProto`, `NodeProto`, …), decoded
 * with the same settings as {@link decodeModel}; src/model/stream.ts decodes a model in parts.
 * @throws Error when onnx-schema.ts declares no message of that name.
 */
export function onnxMessageType(name: string): protobuf.Type {
  return types().root.lookupType(`onnx.${name}`);
}
