/**
 * Reads an ONNX model file in bounded memory: a streaming protobuf scanner that decodes the
 * graph structure (nodes, value infos, dims, attributes) and leaves large weight payloads on
 * disk.
 *
 * How: the file is read through a fixed-size window with `fs.readSync`. A message up to
 * `inlineBytes` long is copied out and decoded whole by protobufjs. A longer message of a type
 * that can hold weights (ModelProto, GraphProto, NodeProto, AttributeProto, FunctionProto,
 * SparseTensorProto, TensorProto) is walked field by field instead: its small fields are
 * decoded together by protobufjs, its long sub-messages are scanned the same way, and a
 * TensorProto's payload field (`raw_data`, or packed `float_data` / `double_data`, whose bytes
 * are laid out exactly like raw_data for FLOAT/COMPLEX64 and DOUBLE/COMPLEX128) is not read at
 * all: only its file offset and length are recorded.
 *
 * Such a tensor comes back marked the way ONNX marks any weight kept outside the message:
 * `data_location = EXTERNAL` with `external_data` = { location: the model file's own name,
 * offset, length } (onnx/onnx.proto, TensorProto.external_data). Everything that already reads
 * external data in 1 MiB chunks (the analysis' sizes, dtypes and sparsity) therefore streams
 * these payloads too, and the model stays valid ONNX if re-encoded next to the original file.
 * `payloads` lists the tensors treated this way, so callers can tell them from real
 * external-data tensors (e.g. not count the model file twice in its size).
 *
 * Memory: the window (4 MiB by default), the decoded structure, and at most one inline message
 * (≤ inlineBytes) at a time; weight payloads above inlineBytes are never held.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type protobuf from 'protobufjs';
import { DataType, isModelProto, onnxMessageType, type ModelProto, type TensorProto } from './onnx.js';
import { InternalError, messageOf } from '../errors.js';

/** Where a tensor's payload lies in the model file. */
export interface PayloadRef {
  /** Absolute path of the model file. */
  file: string;
  /** Byte offset of the payload (the field's value, after its tag and length). */
  offset: number;
  length: number;
  /** The TensorProto field the bytes belong to. */
  field: 'raw_data' | 'float_data' | 'double_data';
}

/** Tensors whose payload was left in the model file, with where it is. */
export type PayloadTable = WeakMap<TensorProto, PayloadRef>;

/** Options of {@link scanModelFile}. */
export interface ScanOptions {
  /**
   * Messages up to this many bytes are decoded whole; payloads longer than this stay on disk.
   * 0 scans every message field by field and leaves every non-empty payload on disk.
   * @default 1 MiB
   */
  inlineBytes?: number;
  /** Size of the read window, bytes. @default 4 MiB */
  windowBytes?: number;
}

/** A model decoded without its large weight payloads. */
export interface ScannedModel {
  /** The decoded model; payload tensors are marked as external data in the model file itself. */
  proto: ModelProto;
  payloads: PayloadTable;
  /** How many payloads were left on disk, and their total and largest size in bytes. */
  payloadCount: number;
  payloadBytes: number;
  largestPayloadBytes: number;
  /** Size of the model file, bytes. */
  fileBytes: number;
}

/** A scan failure: the bytes are not a well-formed protobuf message (the caller names the file). */
export class ScanError extends InternalError {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super('MODEL_INVALID', `${message} at byte ${offset}`);
    this.name = 'ScanError';
  }
}

const MIB = 1 << 20;

/** Message types that may contain weights, so are worth scanning field by field. */
const CONTAINERS = new Set([
  'ModelProto',
  'GraphProto',
  'NodeProto',
  'AttributeProto',
  'FunctionProto',
  'SparseTensorProto',
  'TensorProto',
]);

/** TensorProto payload fields (onnx.proto field numbers) and the dtypes whose raw layout they share. */
const PAYLOAD_FIELDS: ReadonlyMap<number, { field: PayloadRef['field']; dtypes: ReadonlySet<number> | null }> = new Map([
  [9, { field: 'raw_data' as const, dtypes: null }],
  [4, { field: 'float_data' as const, dtypes: new Set<number>([DataType.FLOAT, DataType.COMPLEX64]) }],
  [10, { field: 'double_data' as const, dtypes: new Set<number>([DataType.DOUBLE, DataType.COMPLEX128]) }],
]);

/** A read window over a file descriptor. */
class FileWindow {
  private buf: Uint8Array;
  private start = 0;
  private end = 0;
  constructor(
    private readonly fd: number,
    readonly size: number,
    windowBytes: number,
  ) {
    this.buf = new Uint8Array(Math.max(64, windowBytes));
  }

  /** Makes [offset, offset + n) available; n may exceed the window only via copy(). */
  private ensure(offset: number, n: number): void {
    if (offset >= this.start && offset + n <= this.end) return;
    const want = Math.min(this.buf.length, this.size - offset);
    let got = 0;
    while (got < want) {
      const r = readSync(this.fd, this.buf, got, want - got, offset + got);
      if (r <= 0) break;
      got += r;
    }
    this.start = offset;
    this.end = offset + got;
  }

  /** Reads a varint at `offset` (up to 2^53: enough for lengths and tags). */
  varint(offset: number, limit: number): { value: number; next: number } {
    this.ensure(offset, Math.min(10, limit - offset));
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const at = offset + i;
      if (at >= limit || at >= this.end) throw new ScanError('truncated varint', offset);
      const b = this.buf[at - this.start];
      value += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return { value, next: at + 1 };
      scale *= 128;
    }
    throw new ScanError('varint longer than 10 bytes', offset);
  }

  /** A fresh copy of [offset, offset + length) (protobufjs keeps views into what it decodes). */
  copy(offset: number, length: number): Uint8Array {
    const out = new Uint8Array(length);
    if (length <= this.buf.length) {
      this.ensure(offset, length);
      if (offset + length > this.end) throw new ScanError(`message runs past the end of the file (${this.size} bytes)`, offset);
      out.set(this.buf.subarray(offset - this.start, offset - this.start + length));
      return out;
    }
    let got = 0;
    while (got < length) {
      const r = readSync(this.fd, out, got, length - got, offset + got);
      if (r <= 0) throw new ScanError(`message runs past the end of the file (${this.size} bytes)`, offset);
      got += r;
    }
    return out;
  }
}

type Obj = Record<string, unknown>;

interface ScanState {
  win: FileWindow;
  inlineBytes: number;
  file: string;
  location: string;
  payloads: PayloadTable;
  count: number;
  total: number;
  largest: number;
}

function concat(win: FileWindow, parts: ReadonlyArray<readonly [number, number]>): Uint8Array {
  let n = 0;
  for (const [s, e] of parts) n += e - s;
  const out = new Uint8Array(n);
  let at = 0;
  for (const [s, e] of parts) {
    out.set(win.copy(s, e - s), at);
    at += e - s;
  }
  return out;
}

function decode(type: protobuf.Type, bytes: Uint8Array, offset: number): Obj {
  try {
    return type.decode(bytes);
  } catch (error) {
    throw new ScanError(`${type.name} cannot be decoded (${messageOf(error)})`, offset);
  }
}

/** Decodes the message of `typeName` in [start, end), scanning it field by field when long. */
function scanMessage(st: ScanState, typeName: string, start: number, end: number): Obj {
  const type = onnxMessageType(typeName);
  if (end - start <= st.inlineBytes || !CONTAINERS.has(typeName)) return decode(type, st.win.copy(start, end - start), start);

  const small: Array<[number, number]> = [];
  // Per field number, the order of its occurrences: 'S' decoded with the small fields, or the
  // index of a separately scanned sub-message. Needed to keep repeated fields in file order.
  const order = new Map<number, Array<'S' | number>>();
  const large: Obj[] = [];
  const payloads: Array<{ id: number; tag: number; start: number; end: number }> = [];
  let pos = start;
  while (pos < end) {
    const tagStart = pos;
    const tag = st.win.varint(pos, end);
    pos = tag.next;
    const id = Math.floor(tag.value / 8);
    const wire = tag.value % 8;
    let kind: 'S' | number = 'S';
    if (wire === 0) pos = st.win.varint(pos, end).next;
    else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else if (wire === 2) {
      const len = st.win.varint(pos, end);
      const dataStart = len.next;
      pos = dataStart + len.value;
      if (pos > end) throw new ScanError(`field ${id} of ${typeName} runs past the end of its message`, tagStart);
      const field = type.fieldsById[id];
      const sub = field?.resolvedType;
      if (typeName === 'TensorProto' && PAYLOAD_FIELDS.has(id)) {
        payloads.push({ id, tag: tagStart, start: dataStart, end: pos });
        continue;
      }
      if (sub && 'fieldsById' in sub && CONTAINERS.has(sub.name) && len.value > st.inlineBytes) {
        kind = large.length;
        large.push(scanMessage(st, sub.name, dataStart, pos));
      }
    } else {
      throw new ScanError(`unsupported protobuf wire type ${wire} (field ${id} of ${typeName})`, tagStart);
    }
    if (pos > end) throw new ScanError(`field ${id} of ${typeName} runs past the end of its message`, tagStart);
    if (kind === 'S') small.push([tagStart, pos]);
    let list = order.get(id);
    if (!list) order.set(id, (list = []));
    list.push(kind);
  }

  let obj = decode(type, concat(st.win, small), start);
  if (typeName === 'TensorProto' && payloads.length > 0) {
    const p = payloads[0];
    const info = PAYLOAD_FIELDS.get(p.id)!;
    const dataType = Number(obj.dataType ?? 0);
    const lazy =
      payloads.length === 1 &&
      p.end - p.start > st.inlineBytes &&
      p.end > p.start &&
      (info.dtypes === null || info.dtypes.has(dataType)) &&
      Number(obj.dataLocation ?? 0) !== 1;
    if (!lazy) {
      // Several payload fields, an unusual layout or a small payload: decode it in place.
      obj = decode(
        type,
        concat(
          st.win,
          [...small, ...payloads.map((q): [number, number] => [q.tag, q.end])].sort((a, b) => a[0] - b[0]),
        ),
        start,
      );
    } else {
      const length = p.end - p.start;
      obj.dataLocation = 1;
      obj.externalData = [
        ...(Array.isArray(obj.externalData) ? obj.externalData : []),
        { key: 'location', value: st.location },
        { key: 'offset', value: String(p.start) },
        { key: 'length', value: String(length) },
      ];
      st.payloads.set(obj, { file: st.file, offset: p.start, length, field: info.field });
      st.count++;
      st.total += length;
      st.largest = Math.max(st.largest, length);
    }
  }
  if (large.length === 0) return obj;
  for (const [id, list] of order) {
    if (!list.some((k) => k !== 'S')) continue;
    const field = type.fieldsById[id];
    if (field.repeated) {
      const value = obj[field.name];
      const decoded: unknown[] = Array.isArray(value) ? value : [];
      let si = 0;
      obj[field.name] = list.map((k) => (k === 'S' ? decoded[si++] : large[k]));
    } else {
      // A singular message field given more than once: protobuf merges; the last large one wins here.
      const last = [...list].reverse().find((k): k is number => k !== 'S');
      if (last !== undefined) obj[field.name] = large[last];
    }
  }
  return obj;
}

/**
 * Decodes an ONNX model file without reading weight payloads longer than `inlineBytes` (see
 * the module comment); synchronous, like the analysis' external-data reader.
 * @throws ScanError when the bytes are not a well-formed protobuf message; Error from node:fs
 *   when the file cannot be read.
 */
export function scanModelFile(path: string, opts: ScanOptions = {}): ScannedModel {
  const file = resolve(path);
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const st: ScanState = {
      win: new FileWindow(fd, size, opts.windowBytes ?? 4 * MIB),
      inlineBytes: Math.max(0, opts.inlineBytes ?? MIB),
      file,
      location: basename(file),
      payloads: new WeakMap(),
      count: 0,
      total: 0,
      largest: 0,
    };
    const proto = scanMessage(st, 'ModelProto', 0, size);
    if (!isModelProto(proto)) throw new ScanError('the file does not decode as an onnx.ModelProto', 0);
    return {
      proto,
      payloads: st.payloads,
      payloadCount: st.count,
      payloadBytes: st.total,
      largestPayloadBytes: st.largest,
      fileBytes: size,
    };
  } finally {
    closeSync(fd);
  }
}
