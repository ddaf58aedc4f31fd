/**
 * Helpers to build ONNX graphs in code: the example-model generator, the training-step
 * builder and the optimisation variants all write models through these.
 */
import {
  AttributeType,
  DataType,
  type AttributeProto,
  type GraphProto,
  type ModelProto,
  type NodeProto,
  type TensorProto,
  type ValueInfoProto,
} from './onnx.js';

/** An attribute value as written in code: number (int if integral and `ints` not forced), etc. */
export type AttrValue =
  | { f: number }
  | { i: number }
  | { s: string }
  | { floats: number[] }
  | { ints: number[] }
  | { t: TensorProto }
  | { g: GraphProto };

/** Builds an AttributeProto from a tagged value. */
export function attr(name: string, value: AttrValue | number | number[] | string): AttributeProto {
  if (typeof value === 'number') {
    return Number.isInteger(value) ? { name, type: AttributeType.INT, i: value } : { name, type: AttributeType.FLOAT, f: value };
  }
  if (typeof value === 'string') return { name, type: AttributeType.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) return { name, type: AttributeType.INTS, ints: value };
  if ('f' in value) return { name, type: AttributeType.FLOAT, f: value.f };
  if ('i' in value) return { name, type: AttributeType.INT, i: value.i };
  if ('s' in value) return { name, type: AttributeType.STRING, s: new TextEncoder().encode(value.s) };
  if ('floats' in value) return { name, type: AttributeType.FLOATS, floats: value.floats };
  if ('ints' in value) return { name, type: AttributeType.INTS, ints: value.ints };
  if ('t' in value) return { name, type: AttributeType.TENSOR, t: value.t };
  return { name, type: AttributeType.GRAPH, g: value.g };
}

/** Builds a NodeProto. Attributes given as a record; numbers that are integers become INT. */
export function node(
  opType: string,
  inputs: string[],
  outputs: string[],
  attrs: Record<string, AttrValue | number | number[] | string> = {},
  name?: string,
  domain?: string,
): NodeProto {
  return {
    opType,
    input: inputs,
    output: outputs,
    name: name ?? outputs[0],
    ...(domain ? { domain } : {}),
    attribute: Object.entries(attrs).map(([k, v]) => attr(k, v)),
  };
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/** A float32 initializer stored as raw little-endian bytes. */
export function floatTensor(name: string, dims: number[], data: Float32Array | number[]): TensorProto {
  const arr = data instanceof Float32Array ? data : Float32Array.from(data);
  return { name, dims, dataType: DataType.FLOAT, rawData: bytesOf(arr) };
}

/** An int64 initializer stored as raw little-endian bytes. */
export function int64Tensor(name: string, dims: number[], data: number[] | BigInt64Array): TensorProto {
  const arr = data instanceof BigInt64Array ? data : BigInt64Array.from(data.map((x) => BigInt(x)));
  return { name, dims, dataType: DataType.INT64, rawData: bytesOf(arr) };
}

/** A tensor of any dtype from a typed array's raw bytes. */
export function rawTensor(name: string, dims: number[], dataType: number, data: ArrayBufferView): TensorProto {
  return { name, dims, dataType, rawData: bytesOf(data) };
}

/** A graph input/output/value_info; a dim is a number or a symbolic name. */
export function valueInfo(name: string, elemType: number, dims: Array<number | string> | undefined): ValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        ...(dims ? { shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } } : {}),
      },
    },
  };
}

/** Wraps a graph into a model with the given default-domain opset (default 17). */
export function model(
  graph: GraphProto,
  opts: { opset?: number; producer?: string; extraOpsets?: Array<{ domain: string; version: number }> } = {},
): ModelProto {
  return {
    irVersion: 8,
    producerName: opts.producer ?? 'energy-budget',
    opsetImport: [{ domain: '', version: opts.opset ?? 17 }, ...(opts.extraOpsets ?? [])],
    graph,
  };
}
