import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  InferenceSession,
  Tensor,
  env
} from "./chunk-EVL6C2ML.js";
import {
  AttributeType,
  DataType,
  decodeModel,
  encodeModel,
  onnxMessageType
} from "./chunk-R3OHUB5T.js";
import {
  EnergyBudgetError,
  InputError,
  errnoCode,
  messageOf
} from "./chunk-F6FI7J2S.js";

// src/model/load.ts
import { closeSync as closeSync2, openSync as openSync2, readFileSync, readSync as readSync2 } from "node:fs";
import { readFile, realpath, stat } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve as resolve2, sep } from "node:path";

// src/model/stream.ts
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { basename, resolve } from "node:path";
var ScanError = class extends Error {
  constructor(message, offset) {
    super(`${message} at byte ${offset}`);
    this.offset = offset;
    this.name = "ScanError";
  }
  offset;
};
var MIB = 1 << 20;
var CONTAINERS = /* @__PURE__ */ new Set([
  "ModelProto",
  "GraphProto",
  "NodeProto",
  "AttributeProto",
  "FunctionProto",
  "SparseTensorProto",
  "TensorProto"
]);
var PAYLOAD_FIELDS = /* @__PURE__ */ new Map([
  [9, { field: "raw_data", dtypes: null }],
  [4, { field: "float_data", dtypes: /* @__PURE__ */ new Set([DataType.FLOAT, DataType.COMPLEX64]) }],
  [10, { field: "double_data", dtypes: /* @__PURE__ */ new Set([DataType.DOUBLE, DataType.COMPLEX128]) }]
]);
var FileWindow = class {
  constructor(fd, size, windowBytes) {
    this.fd = fd;
    this.size = size;
    this.buf = new Uint8Array(Math.max(64, windowBytes));
  }
  fd;
  size;
  buf;
  start = 0;
  end = 0;
  /** Makes [offset, offset + n) available; n may exceed the window only via copy(). */
  ensure(offset, n) {
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
  varint(offset, limit) {
    this.ensure(offset, Math.min(10, limit - offset));
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const at = offset + i;
      if (at >= limit || at >= this.end) throw new ScanError("truncated varint", offset);
      const b = this.buf[at - this.start];
      value += (b & 127) * scale;
      if ((b & 128) === 0) return { value, next: at + 1 };
      scale *= 128;
    }
    throw new ScanError("varint longer than 10 bytes", offset);
  }
  /** A fresh copy of [offset, offset + length) (protobufjs keeps views into what it decodes). */
  copy(offset, length) {
    const out3 = new Uint8Array(length);
    if (length <= this.buf.length) {
      this.ensure(offset, length);
      if (offset + length > this.end) throw new ScanError(`message runs past the end of the file (${this.size} bytes)`, offset);
      out3.set(this.buf.subarray(offset - this.start, offset - this.start + length));
      return out3;
    }
    let got = 0;
    while (got < length) {
      const r = readSync(this.fd, out3, got, length - got, offset + got);
      if (r <= 0) throw new ScanError(`message runs past the end of the file (${this.size} bytes)`, offset);
      got += r;
    }
    return out3;
  }
};
function concat(win, parts) {
  let n = 0;
  for (const [s, e] of parts) n += e - s;
  const out3 = new Uint8Array(n);
  let at = 0;
  for (const [s, e] of parts) {
    out3.set(win.copy(s, e - s), at);
    at += e - s;
  }
  return out3;
}
function decode(type, bytes, offset) {
  try {
    return type.decode(bytes);
  } catch (error) {
    throw new ScanError(`${type.name} cannot be decoded (${messageOf(error)})`, offset);
  }
}
function scanMessage(st, typeName, start, end) {
  const type = onnxMessageType(typeName);
  if (end - start <= st.inlineBytes || !CONTAINERS.has(typeName)) return decode(type, st.win.copy(start, end - start), start);
  const small = [];
  const order = /* @__PURE__ */ new Map();
  const large = [];
  const payloads = [];
  let pos = start;
  while (pos < end) {
    const tagStart = pos;
    const tag = st.win.varint(pos, end);
    pos = tag.next;
    const id = Math.floor(tag.value / 8);
    const wire = tag.value % 8;
    let kind = "S";
    if (wire === 0) pos = st.win.varint(pos, end).next;
    else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else if (wire === 2) {
      const len = st.win.varint(pos, end);
      const dataStart = len.next;
      pos = dataStart + len.value;
      if (pos > end) throw new ScanError(`field ${id} of ${typeName} runs past the end of its message`, tagStart);
      const field = type.fieldsById[id];
      const sub2 = field?.resolvedType;
      if (typeName === "TensorProto" && PAYLOAD_FIELDS.has(id)) {
        payloads.push({ id, tag: tagStart, start: dataStart, end: pos });
        continue;
      }
      if (sub2 && "fieldsById" in sub2 && CONTAINERS.has(sub2.name) && len.value > st.inlineBytes) {
        kind = large.length;
        large.push(scanMessage(st, sub2.name, dataStart, pos));
      }
    } else {
      throw new ScanError(`unsupported protobuf wire type ${wire} (field ${id} of ${typeName})`, tagStart);
    }
    if (pos > end) throw new ScanError(`field ${id} of ${typeName} runs past the end of its message`, tagStart);
    if (kind === "S") small.push([tagStart, pos]);
    let list = order.get(id);
    if (!list) order.set(id, list = []);
    list.push(kind);
  }
  let obj = decode(type, concat(st.win, small), start);
  if (typeName === "TensorProto" && payloads.length > 0) {
    const p = payloads[0];
    const info = PAYLOAD_FIELDS.get(p.id);
    const dataType = Number(obj.dataType ?? 0);
    const lazy = payloads.length === 1 && p.end - p.start > st.inlineBytes && p.end > p.start && (info.dtypes === null || info.dtypes.has(dataType)) && Number(obj.dataLocation ?? 0) !== 1;
    if (!lazy) {
      obj = decode(
        type,
        concat(
          st.win,
          [...small, ...payloads.map((q) => [q.tag, q.end])].sort((a, b) => a[0] - b[0])
        ),
        start
      );
    } else {
      const length = p.end - p.start;
      obj.dataLocation = 1;
      obj.externalData = [
        ...obj.externalData ?? [],
        { key: "location", value: st.location },
        { key: "offset", value: String(p.start) },
        { key: "length", value: String(length) }
      ];
      st.payloads.set(obj, { file: st.file, offset: p.start, length, field: info.field });
      st.count++;
      st.total += length;
      st.largest = Math.max(st.largest, length);
    }
  }
  if (large.length === 0) return obj;
  for (const [id, list] of order) {
    if (!list.some((k) => k !== "S")) continue;
    const field = type.fieldsById[id];
    if (field.repeated) {
      const decoded = obj[field.name] ?? [];
      let si = 0;
      obj[field.name] = list.map((k) => k === "S" ? decoded[si++] : large[k]);
    } else {
      const last = [...list].reverse().find((k) => k !== "S");
      obj[field.name] = large[last];
    }
  }
  return obj;
}
function scanModelFile(path2, opts = {}) {
  const file = resolve(path2);
  const fd = openSync(file, "r");
  try {
    const size = fstatSync(fd).size;
    const st = {
      win: new FileWindow(fd, size, opts.windowBytes ?? 4 * MIB),
      inlineBytes: Math.max(0, opts.inlineBytes ?? MIB),
      file,
      location: basename(file),
      payloads: /* @__PURE__ */ new WeakMap(),
      count: 0,
      total: 0,
      largest: 0
    };
    const proto = scanMessage(st, "ModelProto", 0, size);
    return {
      proto,
      payloads: st.payloads,
      payloadCount: st.count,
      payloadBytes: st.total,
      largestPayloadBytes: st.largest,
      fileBytes: size
    };
  } finally {
    closeSync(fd);
  }
}

// src/model/load.ts
var STREAM_THRESHOLD_BYTES = 1024 * 1024 * 1024;
function own(obj, key) {
  return Object.prototype.hasOwnProperty.call(obj, key);
}
function isExternal(t) {
  return own(t, "dataLocation") && t.dataLocation === 1;
}
function externalEntries(t) {
  const out3 = {};
  for (const e of t.externalData ?? []) if (e.key) out3[e.key] = e.value ?? "";
  return out3;
}
function resolveExternalRef(t, modelPath, root, label2) {
  const e = externalEntries(t);
  const name = t.name || "(unnamed)";
  const location = e.location;
  if (!location) {
    throw new InputError(
      "MODEL_INVALID",
      `Model ${label2}: tensor "${name}" is marked as external data but has no "location" entry, so its weights cannot be found. Expected external_data to contain location (a file name relative to the model's folder), optionally offset and length. Re-save the model with onnx.save_model(model, path, save_as_external_data=True).`
    );
  }
  const file = resolve2(dirname(modelPath), location);
  const rel = relative(root, file);
  if (isAbsolute(location) || rel === "" || rel.startsWith("..") || isAbsolute(rel)) {
    throw new InputError(
      "MODEL_INVALID",
      `Model ${label2}: tensor "${name}" points to external data at "${location}", which is outside the allowed folder ${root}. Expected a location relative to the model's folder that does not leave it (no absolute paths, no "../"): ONNX requires this and it keeps a model from reading arbitrary files. Move the data file next to the model and re-save it with a relative location.`
    );
  }
  const num = (key) => {
    const v = e[key];
    if (v === void 0 || v === "") return void 0;
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new InputError(
        "MODEL_INVALID",
        `Model ${label2}: tensor "${name}" has external_data ${key} = "${v}", expected a non-negative integer number of bytes. Re-save the model with the onnx Python package to rewrite its external-data entries.`
      );
    }
    return n;
  };
  const offset = num("offset") ?? 0;
  const length = num("length");
  return { file, offset, ...length !== void 0 ? { length } : {} };
}
function forEachTensor(graph, visit) {
  if (!graph) return;
  for (const t of graph.initializer ?? []) visit(t);
  for (const s of graph.sparseInitializer ?? []) {
    if (s.values) visit(s.values);
    if (s.indices) visit(s.indices);
  }
  for (const n of graph.node ?? []) {
    for (const a of n.attribute ?? []) {
      if (a.t) visit(a.t);
      for (const t of a.tensors ?? []) visit(t);
      if (a.sparseTensor?.values) visit(a.sparseTensor.values);
      if (a.sparseTensor?.indices) visit(a.sparseTensor.indices);
      if (a.g) forEachTensor(a.g, visit);
      for (const g of a.graphs ?? []) forEachTensor(g, visit);
    }
  }
}
function looksLikeText(bytes) {
  const head = bytes.subarray(0, 256);
  let printable = 0;
  for (const b of head) if (b === 9 || b === 10 || b === 13 || b >= 32 && b < 127) printable++;
  return printable / head.length > 0.95;
}
function notOnnx(label2, detail, bytes, cause) {
  const text = new TextDecoder().decode(bytes.subarray(0, 200));
  let hint = "Check that the path points to the exported .onnx file (not a PyTorch .pt/.pth, TensorFlow or ZIP file) and that the file was copied completely.";
  if (text.startsWith("version https://git-lfs")) {
    hint = "The file is a Git LFS pointer, not the model: run `git lfs pull` (or enable `lfs: true` on actions/checkout).";
  } else if (looksLikeText(bytes)) {
    hint = `The file is text (it starts with "${text.slice(0, 40).replace(/\s+/g, " ")}"), not a binary ONNX protobuf; point the path at the .onnx file itself.`;
  }
  return new InputError(
    "MODEL_INVALID",
    `Model ${label2} is not a valid ONNX file: ${detail}. Expected a binary onnx.ModelProto with a graph and an opset_import. ${hint}`,
    cause === void 0 ? void 0 : { cause }
  );
}
async function loadModel(path2, opts = {}) {
  const abs2 = resolve2(path2);
  const label2 = opts.label ? `"${opts.label}" (${path2})` : path2;
  let info;
  try {
    info = await stat(abs2);
  } catch (error) {
    const code = errnoCode(error);
    throw new InputError(
      "MODEL_INVALID",
      code === "ENOENT" ? `Model ${label2} does not exist (looked for ${abs2}). Expected an .onnx file; check the model's path (relative to the budget file's folder) and that the file is committed or generated before the run.` : `Model ${label2} cannot be read (${code ?? String(error)}, at ${abs2}). Expected a readable .onnx file; check its permissions.`,
      { cause: error }
    );
  }
  if (info.isDirectory()) {
    throw new InputError(
      "MODEL_INVALID",
      `Model ${label2} is a directory (${abs2}), expected an .onnx file. Point the path at the model file inside it, e.g. ${path2.replace(/\/$/, "")}/model.onnx.`
    );
  }
  if (info.size === 0) {
    throw new InputError(
      "MODEL_INVALID",
      `Model ${label2} is an empty file (0 bytes at ${abs2}), expected an ONNX model. Re-export or re-download it; an interrupted export or an unfetched Git LFS object often leaves an empty file.`
    );
  }
  const streamed = opts.stream === true || (opts.stream ?? "auto") === "auto" && info.size > (opts.streamThresholdBytes ?? STREAM_THRESHOLD_BYTES);
  const bytes = streamed ? readHead(abs2, 256) : new Uint8Array(await readFile(abs2));
  let proto;
  let payloads;
  try {
    if (streamed) {
      const scanned = scanModelFile(abs2, opts.scan);
      proto = scanned.proto;
      payloads = scanned.payloads;
    } else {
      proto = decodeModel(bytes);
    }
  } catch (error) {
    throw notOnnx(
      label2,
      `the protobuf cannot be decoded (${messageOf(error)}; the file may be truncated or another format)`,
      bytes,
      error
    );
  }
  const hasGraph = own(proto, "graph") && proto.graph !== void 0;
  const opsets = proto.opsetImport ?? [];
  if (!hasGraph && opsets.length === 0 && !proto.irVersion) {
    throw notOnnx(label2, "it decodes to a protobuf message with no ONNX fields (no ir_version, graph or opset_import)", bytes);
  }
  if (!hasGraph) {
    throw new InputError(
      "MODEL_INVALID",
      `Model ${label2} has no graph (ModelProto.graph is missing), so there is nothing to run or measure. Expected an ONNX model with a graph; the file may be truncated or only a fragment (e.g. a TensorProto or a training-info message). Re-export the model.`
    );
  }
  const defaultOpset2 = opsets.find((o) => !o.domain || o.domain === "ai.onnx");
  if (!defaultOpset2) {
    throw new InputError(
      "MODEL_INVALID",
      `Model ${label2} declares no opset for the default ONNX domain (opset_import is ${opsets.length === 0 ? "empty" : `only ${opsets.map((o) => o.domain).join(", ")}`}), so its operators cannot be interpreted. Expected opset_import to contain { domain: "", version: N }; re-export with an explicit opset (torch.onnx.export(..., opset_version=17)).`
    );
  }
  const root = resolve2(opts.allowedRoot ?? dirname(abs2));
  const refs = [];
  forEachTensor(proto.graph, (t) => {
    if (isExternal(t) && !payloads?.has(t))
      refs.push({ ref: resolveExternalRef(t, abs2, root, label2), tensor: t.name || "(unnamed)" });
  });
  const sizes = /* @__PURE__ */ new Map();
  for (const { ref, tensor } of refs) {
    let size = sizes.get(ref.file);
    if (size === void 0) {
      try {
        const s = await stat(ref.file);
        if (!s.isFile()) throw Object.assign(new Error("not a file"), { code: "EISDIR" });
        size = s.size;
      } catch (error) {
        throw new InputError(
          "MODEL_INVALID",
          `Model ${label2}: the external-data file for tensor "${tensor}" is missing: expected ${ref.file.split(sep).join("/")} next to the model (location "${relative(dirname(abs2), ref.file)}"). Copy the data file together with the .onnx file (they must stay in the same folder), or re-save the model with the weights inside it.`,
          { cause: error }
        );
      }
      const realFile = await realpath(ref.file);
      const realRoot = await realpath(root).catch(() => root);
      const rel = relative(realRoot, realFile);
      if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) {
        throw new InputError(
          "MODEL_INVALID",
          `Model ${label2}: the external-data file for tensor "${tensor}" (${relative(dirname(abs2), ref.file)}) is a symbolic link that resolves to ${realFile}, outside the allowed folder ${realRoot}. External data must be a real file next to the model, so that a model cannot make the job read other files on the runner. Replace the link with the data file itself.`
        );
      }
      sizes.set(ref.file, size);
    }
    const end = ref.offset + (ref.length ?? 0);
    if (end > size || ref.offset > size) {
      throw new InputError(
        "MODEL_INVALID",
        `Model ${label2}: tensor "${tensor}" expects bytes ${ref.offset}..${end} of external-data file ${ref.file}, but the file has only ${size} bytes. The data file is truncated or belongs to another version of the model; re-save the model and its data together.`
      );
    }
  }
  const loaded = {
    path: abs2,
    bytes,
    proto,
    fileBytes: info.size,
    externalFiles: [...sizes].map(([file, b]) => ({ path: file, bytes: b }))
  };
  if (!payloads) return loaded;
  loaded.payloads = payloads;
  let whole;
  Object.defineProperty(loaded, "bytes", {
    enumerable: false,
    configurable: true,
    get: () => whole ??= new Uint8Array(readFileSync(abs2)),
    set: (value) => {
      whole = value;
    }
  });
  return loaded;
}
function readHead(path2, n) {
  const fd = openSync2(path2, "r");
  try {
    const buf = new Uint8Array(n);
    const got = readSync2(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } finally {
    closeSync2(fd);
  }
}

// src/model/dtypes.ts
var ROWS = [
  { code: 1, name: "float32", bytes: 4, zero: "float" },
  { code: 2, name: "uint8", bytes: 1, zero: "int" },
  { code: 3, name: "int8", bytes: 1, zero: "int" },
  { code: 4, name: "uint16", bytes: 2, zero: "int" },
  { code: 5, name: "int16", bytes: 2, zero: "int" },
  { code: 6, name: "int32", bytes: 4, zero: "int" },
  { code: 7, name: "int64", bytes: 8, zero: "int" },
  { code: 8, name: "string", bytes: 0, zero: "int" },
  { code: 9, name: "bool", bytes: 1, zero: "int" },
  { code: 10, name: "float16", bytes: 2, zero: "float" },
  { code: 11, name: "float64", bytes: 8, zero: "float" },
  { code: 12, name: "uint32", bytes: 4, zero: "int" },
  { code: 13, name: "uint64", bytes: 8, zero: "int" },
  // complex64 is two float32s (real, imaginary), complex128 two float64s.
  { code: 14, name: "complex64", bytes: 8, zero: "float" },
  { code: 15, name: "complex128", bytes: 16, zero: "float" },
  { code: 16, name: "bfloat16", bytes: 2, zero: "float" },
  { code: 17, name: "float8e4m3fn", bytes: 1, zero: "float" },
  // The FNUZ float8 variants have no negative zero: 0x80 encodes NaN (onnx/docs/Float8.md).
  { code: 18, name: "float8e4m3fnuz", bytes: 1, zero: "fnuz" },
  { code: 19, name: "float8e5m2", bytes: 1, zero: "float" },
  { code: 20, name: "float8e5m2fnuz", bytes: 1, zero: "fnuz" },
  { code: 21, name: "uint4", bytes: 0.5, zero: "int" },
  { code: 22, name: "int4", bytes: 0.5, zero: "int" },
  { code: 23, name: "float4e2m1", bytes: 0.5, zero: "float" }
];
var BY_CODE = new Map(ROWS.map((r) => [r.code, r]));
var BY_NAME = new Map(ROWS.map((r) => [r.name, r]));
var DTYPE_NAMES = ROWS.map((r) => r.name);
function dtypeNameOrUndefined(code) {
  return BY_CODE.get(code)?.name;
}
function dtypeName(code) {
  const row = BY_CODE.get(code);
  if (!row) throw new Error(`Unknown ONNX element type code ${code} (onnx.proto defines 1..23).`);
  return row.name;
}
function dtypeBytes(name) {
  const row = BY_NAME.get(name);
  if (!row) throw new Error(`Unknown tensor dtype "${name}" (expected one of ${DTYPE_NAMES.join(", ")}).`);
  return row.bytes;
}
function zeroKind(code) {
  return BY_CODE.get(code)?.zero;
}

// src/model/weight-stats.ts
import { closeSync as closeSync3, openSync as openSync3, readSync as readSync3 } from "node:fs";
var CHUNK_BYTES = 1 << 20;
var fsExternalReader = (file, offset, length, onChunk) => {
  const fd = openSync3(file, "r");
  try {
    const buf = new Uint8Array(Math.min(CHUNK_BYTES, Math.max(length, 1)));
    let done = 0;
    while (done < length) {
      const n = readSync3(fd, buf, 0, Math.min(buf.length, length - done), offset + done);
      if (n <= 0) break;
      onChunk(buf.subarray(0, n));
      done += n;
    }
  } finally {
    closeSync3(fd);
  }
};
function own2(obj, key) {
  return Object.prototype.hasOwnProperty.call(obj, key);
}
function product(dims) {
  let p = 1;
  for (const d of dims) p *= d;
  return p;
}
var ZeroCounter = class {
  constructor(code, elements) {
    this.code = code;
    this.elements = elements;
  }
  code;
  elements;
  zeros = 0;
  seen = 0;
  carry = new Uint8Array(0);
  push(chunk) {
    const kind = zeroKind(this.code);
    const size = dtypeBytes(dtypeNameOrUndefined(this.code) ?? "string");
    if (!kind || size === 0 || this.seen >= this.elements) return;
    let data = chunk;
    if (this.carry.length > 0) {
      data = new Uint8Array(this.carry.length + chunk.length);
      data.set(this.carry);
      data.set(chunk, this.carry.length);
    }
    if (size === 0.5) {
      const mask = kind === "float" ? 7 : 15;
      for (let i = 0; i < data.length && this.seen < this.elements; i++) {
        if ((data[i] & mask) === 0) this.zeros++;
        this.seen++;
        if (this.seen < this.elements) {
          if ((data[i] >> 4 & mask) === 0) this.zeros++;
          this.seen++;
        }
      }
      this.carry = new Uint8Array(0);
      return;
    }
    const complex = this.code === DataType.COMPLEX64 || this.code === DataType.COMPLEX128;
    const part = complex ? size / 2 : size;
    const whole = Math.min(Math.floor(data.length / size), this.elements - this.seen) * size;
    let body = data.subarray(0, whole);
    if (body.byteOffset % 8 !== 0) body = new Uint8Array(body);
    const signMask = kind === "float" ? 127 : 255;
    const words = part === 8 ? new Uint32Array(body.buffer, body.byteOffset, body.length / 4) : part === 4 ? new Uint32Array(body.buffer, body.byteOffset, body.length / 4) : part === 2 ? new Uint16Array(body.buffer, body.byteOffset, body.length / 2) : body;
    const topMask = part === 4 ? signMask << 24 | 16777215 : part === 2 ? signMask << 8 | 255 : signMask;
    const perElement = size / (part === 8 ? 4 : part);
    let zeros2 = 0;
    if (perElement === 1 && part !== 8) {
      for (let w = 0; w < words.length; w++) if ((words[w] & topMask) === 0) zeros2++;
      this.zeros += zeros2;
      this.seen += whole / size;
      this.carry = data.slice(whole);
      return;
    }
    for (let e = 0; e < words.length; e += perElement) {
      let zero = true;
      if (part === 8) {
        for (let w = e; w < e + perElement; w += 2) {
          if (words[w] !== 0 || (words[w + 1] & (signMask << 24 | 16777215)) !== 0) zero = false;
        }
      } else {
        for (let w = e; w < e + perElement; w++) if ((words[w] & topMask) !== 0) zero = false;
      }
      if (zero) zeros2++;
    }
    this.zeros += zeros2;
    this.seen += whole / size;
    this.carry = data.slice(whole);
  }
};
function zerosInNumbers(values, code, elements) {
  let zeros2 = 0;
  const n = Math.min(values.length, elements);
  const bits16 = code === DataType.FLOAT16 || code === DataType.BFLOAT16;
  const float8 = code === DataType.FLOAT8E4M3FN || code === DataType.FLOAT8E5M2;
  const nibbles = code === DataType.INT4 || code === DataType.UINT4 || code === DataType.FLOAT4E2M1;
  if (nibbles) {
    const mask = code === DataType.FLOAT4E2M1 ? 7 : 15;
    let seen = 0;
    for (const v of values) {
      for (const nib of [v & 15, v >> 4 & 15]) {
        if (seen >= elements) break;
        if ((nib & mask) === 0) zeros2++;
        seen++;
      }
    }
    return zeros2;
  }
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (bits16 ? (v & 32767) === 0 : float8 ? (v & 127) === 0 : v === 0) zeros2++;
  }
  return zeros2;
}
function tensorStats(t, ctx) {
  const code = t.dataType ?? 0;
  const dtype = dtypeNameOrUndefined(code);
  if (!dtype) {
    throw new InputError(
      "MODEL_INVALID",
      `Model ${ctx.label}: weight tensor "${t.name || "(unnamed)"}" has element type code ${code}, which onnx.proto does not define (expected 1..23). The file may be corrupt or written by a newer ONNX version; re-export it with a released exporter.`
    );
  }
  const elements = product(t.dims ?? []);
  const size = dtypeBytes(dtype);
  const name = t.name || "(unnamed)";
  const dimsText = `[${(t.dims ?? []).join(", ")}]`;
  if (!(t.dims ?? []).every((d) => Number.isSafeInteger(d) && d >= 0) || !Number.isSafeInteger(elements)) {
    throw new InputError(
      "MODEL_INVALID",
      `Model ${ctx.label}: weight tensor "${name}" has dims ${dimsText}, expected non-negative integers whose product (the element count) is below 2^53. The file is corrupt or was crafted; re-export the model.`
    );
  }
  const mismatch = (stored, expected, unit) => new InputError(
    "MODEL_INVALID",
    `Model ${ctx.label}: weight tensor "${name}" declares dims ${dimsText} (${elements} ${dtype} elements, ${expected} ${unit}) but stores ${stored} ${unit}. Expected the stored data to match the dims; the file is truncated, corrupt or crafted. Re-export the model.`
  );
  if (isExternal(t)) {
    const ref = resolveExternalRef(t, ctx.modelPath, ctx.root, ctx.label);
    const fileSize = ctx.fileSizes.get(ref.file) ?? 0;
    const length = ref.length ?? Math.max(0, fileSize - ref.offset);
    const counter = new ZeroCounter(code, elements);
    if (dtype !== "string") ctx.read(ref.file, ref.offset, length, (c) => counter.push(c));
    return { dtype, elements, bytes: length, zeros: counter.zeros };
  }
  if (dtype === "string") {
    const bytes = (t.stringData ?? []).reduce((s, b) => s + b.length, 0);
    return { dtype, elements, bytes, zeros: 0 };
  }
  if (t.rawData && t.rawData.length > 0) {
    const expected = Math.ceil(elements * size);
    if (t.rawData.length !== expected) throw mismatch(t.rawData.length, expected, "bytes");
    const counter = new ZeroCounter(code, elements);
    counter.push(t.rawData);
    return { dtype, elements, bytes: t.rawData.length, zeros: counter.zeros };
  }
  const field = t.floatData?.length ? t.floatData : t.int32Data?.length ? t.int32Data : t.int64Data?.length ? t.int64Data : t.doubleData?.length ? t.doubleData : t.uint64Data?.length ? t.uint64Data : [];
  const perElement = code === DataType.COMPLEX64 || code === DataType.COMPLEX128 ? 2 : 1;
  if (field.length > 0 && size >= 1 && field.length !== elements * perElement)
    throw mismatch(field.length, elements * perElement, "values");
  let zeros2;
  if (code === DataType.COMPLEX64 || code === DataType.COMPLEX128) {
    zeros2 = 0;
    for (let i = 0; i + 1 < field.length && i / 2 < elements; i += 2) if (field[i] === 0 && field[i + 1] === 0) zeros2++;
  } else {
    zeros2 = zerosInNumbers(field, code, elements);
  }
  return { dtype, elements, bytes: Math.ceil(elements * size), zeros: zeros2 };
}
function constantStats(a, tensor, sparse) {
  switch (a.name) {
    case "value":
      return a.t ? [tensor(a.t)] : [];
    case "sparse_value":
      return a.sparseTensor ? sparse(a.sparseTensor) : [];
    case "value_float":
      return [{ dtype: "float32", elements: 1, bytes: 4, zeros: a.f === 0 ? 1 : 0 }];
    case "value_floats": {
      const v = a.floats ?? [];
      return [{ dtype: "float32", elements: v.length, bytes: 4 * v.length, zeros: v.filter((x) => x === 0).length }];
    }
    case "value_int":
      return [{ dtype: "int64", elements: 1, bytes: 8, zeros: a.i === 0 ? 1 : 0 }];
    case "value_ints": {
      const v = a.ints ?? [];
      return [{ dtype: "int64", elements: v.length, bytes: 8 * v.length, zeros: v.filter((x) => x === 0).length }];
    }
    case "value_string":
      return [{ dtype: "string", elements: 1, bytes: a.s?.length ?? 0, zeros: 0 }];
    case "value_strings": {
      const v = a.strings ?? [];
      return [{ dtype: "string", elements: v.length, bytes: v.reduce((s, b) => s + b.length, 0), zeros: 0 }];
    }
    default:
      return [];
  }
}

// src/model/analyze.ts
function subgraphsOf(n) {
  const out3 = [];
  for (const a of n.attribute ?? []) {
    if (a.g && own2(a, "g")) out3.push(a.g);
    for (const g of a.graphs ?? []) out3.push(g);
  }
  return out3;
}
function opKey(n) {
  const domain = n.domain ?? "";
  const op = n.opType || "(no op_type)";
  return domain === "" || domain === "ai.onnx" ? op : `${domain}.${op}`;
}
function dimOf(d) {
  if (own2(d, "dimValue")) return d.dimValue ?? null;
  if (own2(d, "dimParam") && d.dimParam) return d.dimParam;
  return null;
}
function tensorInfoOf(v, label2, role) {
  const name = v.name ?? "";
  let type = v.type;
  let kind = "tensor";
  for (let depth = 0; type && depth < 8; depth++) {
    if (own2(type, "sequenceType") && type.sequenceType) {
      kind = "sequence";
      type = type.sequenceType.elemType;
    } else if (own2(type, "optionalType") && type.optionalType) {
      if (kind === "tensor") kind = "optional";
      type = type.optionalType.elemType;
    } else if (own2(type, "mapType") && type.mapType) {
      kind = "map";
      type = type.mapType.valueType;
    } else break;
  }
  const tensorType = type && own2(type, "sparseTensorType") ? type.sparseTensorType : type?.tensorType;
  if (type && own2(type, "sparseTensorType") && kind === "tensor") kind = "sparse";
  const dtype = dtypeNameOrUndefined(tensorType?.elemType ?? 0);
  if (!tensorType || !dtype) {
    throw new InputError(
      "MODEL_INVALID",
      `Model ${label2}: graph ${role} "${name}" declares no ${tensorType ? "known " : ""}tensor element type${tensorType?.elemType ? ` (code ${tensorType.elemType})` : ""}, so data for it cannot be made or checked. Expected type.tensor_type.elem_type to be an ONNX element type (e.g. 1 = float32); re-export the model with typed ${role}s.`
    );
  }
  const shape = tensorType.shape && own2(tensorType, "shape") ? (tensorType.shape.dim ?? []).map(dimOf) : null;
  return { name, dtype, shape, ...kind !== "tensor" ? { kind } : {} };
}
function analyzeModel(loaded, opts = {}) {
  const proto = loaded.proto;
  const graph = proto.graph ?? {};
  const label2 = opts.label ?? loaded.path;
  const fileSizes = new Map(loaded.externalFiles.map((f) => [f.path, f.bytes]));
  const ctx = {
    modelPath: loaded.path,
    // loadModel already checked the locations against its allowed root; any folder works here.
    root: "/",
    label: label2,
    read: opts.readExternal ?? fsExternalReader,
    fileSizes
  };
  const tensor = (t) => tensorStats(t, ctx);
  const sparse = (s) => {
    const values = s.values ? tensor(s.values) : { dtype: "float32", elements: 0, bytes: 0, zeros: 0 };
    const dense = product(s.dims ?? []);
    const out3 = [
      { dtype: values.dtype, elements: dense, bytes: values.bytes, zeros: values.zeros + Math.max(0, dense - values.elements) }
    ];
    if (s.indices) out3.push({ ...tensor(s.indices), elements: 0, zeros: 0 });
    return out3;
  };
  const weights = [];
  const ops = {};
  const visitNodes = (nodes, countOps) => {
    for (const n of nodes) {
      if (countOps) ops[opKey(n)] = (ops[opKey(n)] ?? 0) + 1;
      if (n.opType === "Constant" && !n.domain) {
        for (const a of n.attribute ?? []) weights.push(...constantStats(a, tensor, sparse));
      }
      for (const g of subgraphsOf(n)) visitGraph(g, countOps);
    }
  };
  const visitGraph = (g, countOps) => {
    for (const t of g.initializer ?? []) weights.push(tensor(t));
    for (const s of g.sparseInitializer ?? []) weights.push(...sparse(s));
    visitNodes(g.node ?? [], countOps);
  };
  visitGraph(graph, true);
  for (const f of proto.functions ?? []) visitNodes(f.node ?? [], false);
  const bytesByDtype = {};
  let parameters = 0;
  let zeros2 = 0;
  for (const w of weights) {
    parameters += w.elements;
    zeros2 += w.zeros;
    if (w.bytes > 0) bytesByDtype[w.dtype] = (bytesByDtype[w.dtype] ?? 0) + w.bytes;
  }
  const weightNames = /* @__PURE__ */ new Set([
    ...(graph.initializer ?? []).map((t) => t.name ?? ""),
    ...(graph.sparseInitializer ?? []).map((s) => s.values?.name ?? "")
  ]);
  const inputs = [];
  const weightInputs = [];
  for (const v of graph.input ?? []) {
    if (weightNames.has(v.name ?? "")) weightInputs.push(v.name ?? "");
    else inputs.push(tensorInfoOf(v, label2, "input"));
  }
  const outputs = (graph.output ?? []).map((v) => tensorInfoOf(v, label2, "output"));
  if (outputs.length === 0) {
    throw new InputError(
      "MODEL_INVALID",
      `Model ${label2} declares no graph outputs, so running it computes nothing and there is nothing to measure. Expected graph.output to list at least one tensor; the file may be truncated or the export incomplete. Re-export the model.`
    );
  }
  const opset = (proto.opsetImport ?? []).find((o) => !o.domain || o.domain === "ai.onnx")?.version ?? 0;
  const producer = [proto.producerName, proto.producerVersion].filter((s) => s).join(" ");
  return {
    path: loaded.path,
    size: {
      bytes: loaded.fileBytes + loaded.externalFiles.reduce((s, f) => s + f.bytes, 0),
      parameters,
      bytesByDtype,
      sparsity: parameters > 0 ? zeros2 / parameters : 0
    },
    opset,
    irVersion: proto.irVersion ?? 0,
    producer,
    ops,
    inputs,
    outputs,
    weightInputs
  };
}

// src/bench/inputs.ts
import path from "node:path";

// src/util/random.ts
var { imul, sqrt, log, sin, cos, floor, PI } = Math;
function createRng(seed) {
  let a = seed >>> 0;
  let spare;
  const next = () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = imul(t ^ t >>> 15, t | 1);
    t ^= t + imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
  return {
    next,
    normal() {
      if (spare !== void 0) {
        const s = spare;
        spare = void 0;
        return s;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const r = sqrt(-2 * log(u));
      spare = r * sin(2 * PI * v);
      return r * cos(2 * PI * v);
    },
    int(lo, hi) {
      return lo + floor(next() * (hi - lo + 1));
    }
  };
}
function seedFrom(text, base = 0) {
  let h = (2166136261 ^ base) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = imul(h, 16777619) >>> 0;
  }
  return h;
}

// src/bench/npy.ts
var MAGIC = [147, 78, 85, 77, 80, 89];
var NUMERIC = {
  f4: { dtype: "float32", itemBytes: 4, make: (b) => new Float32Array(b) },
  f8: { dtype: "float64", itemBytes: 8, make: (b) => new Float64Array(b) },
  f2: { dtype: "float16", itemBytes: 2, make: (b) => new Uint16Array(b) },
  i1: { dtype: "int8", itemBytes: 1, make: (b) => new Int8Array(b) },
  u1: { dtype: "uint8", itemBytes: 1, make: (b) => new Uint8Array(b) },
  i2: { dtype: "int16", itemBytes: 2, make: (b) => new Int16Array(b) },
  u2: { dtype: "uint16", itemBytes: 2, make: (b) => new Uint16Array(b) },
  i4: { dtype: "int32", itemBytes: 4, make: (b) => new Int32Array(b) },
  u4: { dtype: "uint32", itemBytes: 4, make: (b) => new Uint32Array(b) },
  i8: { dtype: "int64", itemBytes: 8, make: (b) => new BigInt64Array(b) },
  u8: { dtype: "uint64", itemBytes: 8, make: (b) => new BigUint64Array(b) },
  b1: { dtype: "bool", itemBytes: 1, make: (b) => new Uint8Array(b) }
};
var DESCR_OF = {
  float32: "<f4",
  float64: "<f8",
  float16: "<f2",
  int8: "|i1",
  uint8: "|u1",
  int16: "<i2",
  uint16: "<u2",
  int32: "<i4",
  uint32: "<u4",
  int64: "<i8",
  uint64: "<u8",
  bool: "|b1"
};
function fail(file, what) {
  throw new InputError("INPUT_INVALID", `${file}: ${what}`);
}
function headerField(header, key, valuePattern) {
  const m = new RegExp(`['"]${key}['"]\\s*:\\s*(${valuePattern})`).exec(header);
  return m ? m[1] : null;
}
function parseNpy(bytes, file) {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) {
    fail(file, 'is not a NumPy .npy file (it does not start with the magic "\\x93NUMPY"); write it with numpy.save().');
  }
  const major = bytes[6];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let headerLen;
  let headerStart;
  if (major === 1) {
    headerLen = view.getUint16(8, true);
    headerStart = 10;
  } else if (major === 2 || major === 3) {
    if (bytes.length < 12) fail(file, "is truncated inside the .npy preamble.");
    headerLen = view.getUint32(8, true);
    headerStart = 12;
  } else {
    fail(file, `uses .npy format version ${major}.${bytes[7]}; versions 1.0, 2.0 and 3.0 are supported.`);
  }
  const dataStart = headerStart + headerLen;
  if (dataStart > bytes.length) fail(file, "is truncated inside the .npy header.");
  const header = new TextDecoder(major === 3 ? "utf-8" : "latin1").decode(bytes.subarray(headerStart, dataStart));
  const descr = headerField(header, "descr", `'[^']*'|"[^"]*"|\\[`);
  if (descr === null) fail(file, `has no 'descr' in its .npy header (${header.trim()}).`);
  if (descr === "[") fail(file, "holds a structured (record) array; save a plain numeric array instead.");
  const code = descr.slice(1, -1);
  const fortran = headerField(header, "fortran_order", "True|False");
  if (fortran === null) fail(file, `has no 'fortran_order' in its .npy header (${header.trim()}).`);
  if (fortran === "True") {
    fail(file, "is stored in Fortran (column-major) order; save it in C order, e.g. numpy.save(f, numpy.ascontiguousarray(a)).");
  }
  const shapeText = headerField(header, "shape", "\\([^)]*\\)");
  if (shapeText === null) fail(file, `has no 'shape' in its .npy header (${header.trim()}).`);
  const shape = shapeText.slice(1, -1).split(",").map((s) => s.trim()).filter((s) => s.length > 0).map((s) => {
    const n = Number(s.replace(/L$/, ""));
    if (!Number.isSafeInteger(n) || n < 0) fail(file, `has an invalid shape ${shapeText} in its .npy header.`);
    return n;
  });
  let count2 = 1;
  for (const d of shape) count2 *= d;
  const order = code[0];
  const kind = code.slice(1);
  if (order === ">") {
    fail(file, `holds big-endian data ('${code}'); convert it with a.astype(a.dtype.newbyteorder('<')) before numpy.save().`);
  }
  if (kind === "O" || code === "O") {
    fail(file, "holds Python objects (dtype object), which cannot be read without Python; save a numeric or string array.");
  }
  if (order !== "<" && order !== "|" && order !== "=") fail(file, `has an unsupported dtype '${code}'.`);
  const body = bytes.subarray(dataStart);
  const str = /^([US])(\d+)$/.exec(kind);
  if (str) {
    const width = Number(str[2]);
    const itemBytes = str[1] === "U" ? 4 * width : width;
    checkLength(file, body.length, count2, itemBytes);
    const out3 = new Array(count2);
    const dv = new DataView(body.buffer, body.byteOffset, body.byteLength);
    for (let i = 0; i < count2; i++) {
      let s = "";
      for (let j = 0; j < width; j++) {
        const c = str[1] === "U" ? dv.getUint32(i * itemBytes + 4 * j, true) : body[i * itemBytes + j];
        if (c === 0) break;
        s += String.fromCodePoint(c);
      }
      out3[i] = s;
    }
    return { dtype: "string", shape, data: out3 };
  }
  const numeric = NUMERIC[kind];
  if (!numeric) {
    fail(
      file,
      `has dtype '${code}', which is not supported; use one of ${Object.values(DESCR_OF).join(" ")} (or <U/|S strings).`
    );
  }
  if (numeric.itemBytes > 1 && order === "|") fail(file, `has dtype '${code}' without a byte order.`);
  checkLength(file, body.length, count2, numeric.itemBytes);
  const copy = new Uint8Array(count2 * numeric.itemBytes);
  copy.set(body);
  return { dtype: numeric.dtype, shape, data: numeric.make(copy.buffer) };
}
function checkLength(file, have, count2, itemBytes) {
  const want = count2 * itemBytes;
  if (have < want)
    fail(file, `is truncated: its header promises ${count2} elements (${want} bytes) but only ${have} bytes follow.`);
  if (have > want) fail(file, `has ${have - want} bytes after the ${count2} elements its header promises; the file is corrupt.`);
}

// src/util/float16.ts
var f32Scratch = new Float32Array(1);
var u32Scratch = new Uint32Array(f32Scratch.buffer);
function float16Bits(value) {
  f32Scratch[0] = value;
  const x = u32Scratch[0];
  const sign = x >>> 16 & 32768;
  const exp2 = x >>> 23 & 255;
  let mant = x & 8388607;
  if (exp2 === 255) return sign | 31744 | (mant ? 512 : 0);
  const e = exp2 - 127 + 15;
  if (e >= 31) return sign | 31744;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 8388608;
    const shift = 14 - e;
    let half2 = mant >>> shift;
    const rest2 = mant & (1 << shift) - 1;
    const halfway = 1 << shift - 1;
    if (rest2 > halfway || rest2 === halfway && (half2 & 1) === 1) half2++;
    return sign | half2;
  }
  let half = e << 10 | mant >>> 13;
  const rest = mant & 8191;
  if (rest > 4096 || rest === 4096 && (half & 1) === 1) half++;
  return sign | half;
}
function float16Value(bits) {
  const sign = bits & 32768 ? -1 : 1;
  const e = bits >>> 10 & 31;
  const m = bits & 1023;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 31) return m ? Number.NaN : sign * Infinity;
  return sign * (1 + m / 1024) * 2 ** (e - 15);
}
function float16BitsOf(data) {
  if (data instanceof Uint16Array) return data;
  return new Uint16Array(data.buffer, data.byteOffset, data.byteLength >>> 1);
}
function float16ValuesOf(data) {
  const bits = float16BitsOf(data);
  const out3 = new Float32Array(bits.length);
  for (let i = 0; i < bits.length; i++) out3[i] = float16Value(bits[i]);
  return out3;
}

// src/util/ort-tensor.ts
function makeTensor(type, data, dims) {
  const t = new Tensor(type, data, dims);
  return type === "float16" ? nativeFloat16(t) : t;
}
function nativeFloat16(t) {
  if (t.type !== "float16" || t.location !== "cpu") return t;
  const data = t.data;
  if (data instanceof Uint16Array) return t;
  const bits = float16BitsOf(data);
  t.cpuData = bits;
  if (t.data !== bits) {
    throw new Error(
      `onnxruntime-common ${env.versions.common} keeps float16 tensor data where energy-budget cannot store it as a Uint16Array, which onnxruntime-node's native binding needs; run on Node 22 or report this at the energy-budget repository.`
    );
  }
  return t;
}

// src/bench/inputs.ts
var DEFAULT_MAX_INPUT_BYTES = 1024 ** 3;
function isFeedable(dtype) {
  return FEEDABLE[dtype] !== void 0;
}
var FEEDABLE = {
  float32: 4,
  float64: 8,
  float16: 2,
  int8: 1,
  uint8: 1,
  int16: 2,
  uint16: 2,
  int32: 4,
  uint32: 4,
  int64: 8,
  uint64: 8,
  bool: 1,
  // A string element is a JS string; 16 bytes is a floor (pointer plus a short string) for the cap.
  string: 16
};
var INT_RANGE = {
  int8: [-128, 127],
  uint8: [0, 255],
  int16: [-32768, 32767],
  uint16: [0, 65535],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  uint64: [0, Number.MAX_SAFE_INTEGER]
};
async function synthesizeInputs(inputs, opts) {
  const ctx = new Context(opts);
  const known = new Set(inputs.map((i) => i.name));
  for (const name of Object.keys(opts.specs)) {
    if (!known.has(name)) {
      const list = inputs.length ? inputs.map((i) => `"${i.name}"`).join(", ") : "none";
      const guess = closest(name, [...known]);
      ctx.fail(
        name,
        `model "${opts.modelName}" has no input "${name}"; its inputs are ${list}.` + (guess ? ` Did you mean "${guess}"?` : "") + " Rename or remove the entry."
      );
    }
  }
  for (const [dim, size] of Object.entries(opts.dims)) {
    if (!Number.isSafeInteger(size) || size < 0) {
      ctx.failField(`dims.${dim}`, `dims: ${dim} is ${size}; a dim size must be a non-negative integer.`);
    }
  }
  for (const info of inputs) {
    if (info.kind !== void 0 && info.kind !== "optional") {
      ctx.fail(
        info.name,
        `model "${opts.modelName}" input "${info.name}" is a ${info.kind} of ${info.dtype}, and onnxruntime-node can only feed tensors. Wrap the model so that this input is a tensor.`
      );
    }
  }
  const explicit = /* @__PURE__ */ new Map();
  for (const info of inputs) {
    const spec = opts.specs[info.name];
    if (!spec) continue;
    explicit.set(info.name, await ctx.explicitInput(info, spec));
  }
  const feeds = {};
  const shapes = {};
  for (const info of inputs) {
    const ex = explicit.get(info.name);
    if (ex) {
      feeds[info.name] = ex.make();
      shapes[info.name] = ex.shape;
      continue;
    }
    const shape = ctx.resolveDeclared(info);
    const ortType = ctx.feedable(info.name, info.dtype);
    ctx.checkCap(info.name, info.dtype, shape);
    feeds[info.name] = makeTensor(ortType, randomData(info.dtype, count(shape), ctx.rngFor(info.name)), shape);
    shapes[info.name] = shape;
  }
  const used = new Set(inputs.flatMap((i) => (i.shape ?? []).filter((d) => typeof d === "string")));
  for (const dim of Object.keys(opts.dims)) {
    if (!used.has(dim)) {
      const guess = closest(dim, [...used]);
      ctx.notices.push(
        `model "${opts.modelName}": dims: ${dim} is not a dim of any input` + (used.size ? ` (the inputs use ${[...used].join(", ")})` : " (the inputs have no symbolic dims)") + (guess ? `; did you mean ${guess}?` : "")
      );
    }
  }
  return { feeds, shapes, batchSize: batchSizeOf(inputs, shapes, opts.notBatch), notices: ctx.notices };
}
var Context = class {
  constructor(opts) {
    this.opts = opts;
  }
  opts;
  notices = [];
  /** Symbolic dim sizes taken from explicit inputs. */
  bound = /* @__PURE__ */ new Map();
  field(rest) {
    return this.opts.modelIndex === void 0 ? rest : `models[${this.opts.modelIndex}].${rest}`;
  }
  failField(rest, message) {
    throw new InputError("INPUT_INVALID", `${this.opts.configFile ?? "budget file"}: ${this.field(rest)}: ${message}`);
  }
  fail(input, message) {
    return this.failField(`inputs.${input}`, message);
  }
  rngFor(input) {
    return createRng(seedFrom(`${this.opts.modelName}/${input}`, this.opts.seed));
  }
  /** The dtype as onnxruntime-node's tensor type. @throws InputError when it cannot be built from JavaScript. */
  feedable(input, dtype) {
    if (isFeedable(dtype)) return dtype;
    return this.fail(
      input,
      `model "${this.opts.modelName}" input "${input}" has dtype ${dtype}, which onnxruntime-node cannot build from JavaScript (it feeds ${Object.keys(FEEDABLE).join(", ")}). Wrap the model so that this input is one of those and Cast inside it.`
    );
  }
  /** Fails unless the tensor fits under the cap; computed in floating point so it cannot wrap. */
  checkCap(input, dtype, shape) {
    const cap = this.opts.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
    const bad = shape.find((d) => !Number.isSafeInteger(d) || d < 0);
    if (bad !== void 0) {
      this.fail(
        input,
        `model "${this.opts.modelName}" input "${input}" has shape [${shape.join(", ")}], and ${bad} is not a valid size (expected non-negative integers below 2^53; onnx.proto requires dim_value >= 0). Give the shape explicitly with inputs.${input}.shape, or fix the model's input declaration.`
      );
    }
    const bytes = shape.reduce((acc, d) => acc * d, FEEDABLE[dtype] ?? 8);
    if (!(bytes <= cap)) {
      this.fail(
        input,
        `model "${this.opts.modelName}" input "${input}" would take ${formatBytes(bytes)} at shape [${shape.join(", ")}] (${dtype}), over the ${formatBytes(cap)} limit for a synthesised input. Use smaller sizes in dims: or inputs.${input}.shape.`
      );
    }
  }
  /** The declared shape with symbolic and unknown dims made concrete (notices for defaults). */
  resolveDeclared(info) {
    if (info.shape === null) {
      this.fail(
        info.name,
        `model "${this.opts.modelName}" declares no shape for input "${info.name}", so its rank is unknown. Give one, e.g. inputs: { ${info.name}: { shape: [1, 3] } }.`
      );
    }
    return info.shape.map((d, axis) => {
      if (typeof d === "number") return d;
      if (d === null) {
        this.notices.push(
          `model "${this.opts.modelName}": input "${info.name}" dim ${axis} has no size or name in the model, using 1 (set ${this.field(`inputs.${info.name}.shape`)} to choose)`
        );
        return 1;
      }
      const size = this.opts.dims[d] ?? this.bound.get(d);
      if (size !== void 0) return size;
      this.notices.push(`model "${this.opts.modelName}": input "${info.name}" dim "${d}" not set in dims:, using 1`);
      return 1;
    });
  }
  /** Checks a concrete shape against the declared one and binds symbolic dims. */
  checkShape(info, shape, source) {
    for (const d of shape) {
      if (!Number.isSafeInteger(d) || d < 0) {
        this.fail(info.name, `${source} has shape [${shape.join(", ")}]; every dim must be a non-negative integer.`);
      }
    }
    const declared = info.shape;
    if (declared === null) return;
    const want = `[${declared.map(showDim).join(", ")}]`;
    if (declared.length !== shape.length) {
      this.fail(
        info.name,
        `${source} has rank ${shape.length} (shape [${shape.join(", ")}]) but model "${this.opts.modelName}" declares input "${info.name}" with rank ${declared.length}, shape ${want}. Give a shape with ${declared.length} dims.`
      );
    }
    declared.forEach((d, axis) => {
      if (typeof d === "number" && d !== shape[axis]) {
        this.fail(
          info.name,
          `${source} has ${shape[axis]} in dim ${axis} (shape [${shape.join(", ")}]) but model "${this.opts.modelName}" fixes that dim of input "${info.name}" at ${d} (shape ${want}).`
        );
      }
      if (typeof d === "string") {
        const set = this.opts.dims[d];
        if (set !== void 0 && set !== shape[axis]) {
          this.fail(
            info.name,
            `${source} has ${shape[axis]} in dim ${axis}, the model's dim "${d}", but dims: sets ${d} to ${set}. Make them agree or drop ${d} from dims:.`
          );
        }
        if (!this.bound.has(d)) this.bound.set(d, shape[axis]);
      }
    });
  }
  checkDtype(info, dtype, source) {
    if (dtype !== void 0 && dtype !== info.dtype) {
      this.fail(
        info.name,
        `${source} is ${dtype} but model "${this.opts.modelName}" takes ${info.dtype} for input "${info.name}". Use ${info.dtype} (onnxruntime does not convert input types).`
      );
    }
  }
  async explicitInput(info, spec) {
    const dtype = info.dtype;
    if (spec.kind === "npy") {
      const file = path.resolve(this.opts.configFile ? path.dirname(this.opts.configFile) : "", spec.file);
      let bytes;
      try {
        bytes = await this.opts.readFile(file);
      } catch (error) {
        const why = errnoCode(error) === "ENOENT" ? "does not exist" : `cannot be read (${messageOf(error)})`;
        return this.fail(info.name, `the data file ${file} ${why}. Paths are relative to the budget file's folder.`);
      }
      let arr;
      try {
        arr = parseNpy(bytes, file);
      } catch (error) {
        return this.fail(info.name, messageOf(error));
      }
      this.checkDtype(info, spec.dtype, "the dtype given");
      this.checkDtype(info, arr.dtype, `the data in ${file}`);
      const ortType2 = this.feedable(info.name, dtype);
      this.checkShape(info, arr.shape, `the data in ${file}`);
      return { shape: arr.shape, make: () => makeTensor(ortType2, arr.data, arr.shape) };
    }
    this.checkDtype(info, spec.dtype, "the dtype given");
    const ortType = this.feedable(info.name, dtype);
    if (spec.kind === "random") {
      const shape2 = spec.shape ? [...spec.shape] : this.resolveDeclared(info);
      if (spec.shape) this.checkShape(info, shape2, `the shape given`);
      this.checkCap(info.name, dtype, shape2);
      return {
        shape: shape2,
        make: () => makeTensor(ortType, randomData(dtype, count(shape2), this.rngFor(info.name)), shape2)
      };
    }
    const nested = flatten(spec.value, (msg) => this.fail(info.name, msg));
    let shape = nested.shape;
    let flat = nested.flat;
    if (shape.length === 0 && (spec.shape || info.shape !== null && info.shape.length > 0)) {
      shape = spec.shape ? [...spec.shape] : this.resolveDeclared(info);
      this.checkShape(info, shape, spec.shape ? "the shape given" : "the value");
      this.checkCap(info.name, dtype, shape);
      const n = count(shape);
      const one = toData(dtype, flat, (msg) => this.fail(info.name, msg));
      return { shape, make: () => makeTensor(ortType, fill(dtype, one, n), shape) };
    }
    if (spec.shape) {
      if (count(spec.shape) !== flat.length) {
        this.fail(
          info.name,
          `the value has ${flat.length} elements but the shape given, [${spec.shape.join(", ")}], holds ${count(spec.shape)}.`
        );
      }
      shape = [...spec.shape];
    }
    this.checkShape(info, shape, spec.shape ? "the shape given" : "the value");
    flat = flat.slice();
    const data = toData(dtype, flat, (msg) => this.fail(info.name, msg));
    return { shape, make: () => makeTensor(ortType, data, shape) };
  }
};
function showDim(d) {
  return d === null ? "?" : String(d);
}
function count(shape) {
  return shape.reduce((a, b) => a * b, 1);
}
function formatBytes(bytes) {
  if (!Number.isFinite(bytes) || bytes >= 1024 ** 5) return `more than 1 PiB`;
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
  let i = 0;
  let v = bytes;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${v} bytes` : `${v.toFixed(1)} ${units[i]}`;
}
function flatten(value, fail2) {
  if (!Array.isArray(value)) return { shape: [], flat: [value] };
  const shape = [];
  let probe = value;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    probe = probe[0];
  }
  const flat = [];
  const walk = (v, depth, where2) => {
    if (depth === shape.length) {
      if (Array.isArray(v))
        fail2(
          `the value is ragged: ${where2} is a list where a number was expected (shape [${shape.join(", ")}] from the first elements).`
        );
      flat.push(v);
      return;
    }
    if (!Array.isArray(v))
      fail2(`the value is ragged: ${where2} is ${JSON.stringify(v)} where a list of ${shape[depth]} was expected.`);
    if (v.length !== shape[depth]) {
      fail2(
        `the value is ragged: ${where2} has ${v.length} elements where ${shape[depth]} were expected (shape [${shape.join(", ")}] from the first elements).`
      );
    }
    v.forEach((x, i) => walk(x, depth + 1, `${where2}[${i}]`));
  };
  walk(value, 0, "value");
  return { shape, flat };
}
function toData(dtype, flat, fail2) {
  const bad = (i, want) => fail2(`element ${i} of the value, ${JSON.stringify(flat[i]) ?? String(flat[i])}, is not ${want} (the input is ${dtype}).`);
  const n = flat.length;
  switch (dtype) {
    case "float32":
    case "float64":
    case "float16": {
      const out3 = dtype === "float32" ? new Float32Array(n) : dtype === "float64" ? new Float64Array(n) : new Uint16Array(n);
      flat.forEach((x, i) => {
        if (typeof x !== "number") bad(i, "a number");
        out3[i] = dtype === "float16" ? float32ToHalfBits(x) : x;
      });
      return out3;
    }
    case "bool": {
      const out3 = new Uint8Array(n);
      flat.forEach((x, i) => {
        if (x === true || x === 1) out3[i] = 1;
        else if (x === false || x === 0) out3[i] = 0;
        else bad(i, "true, false, 1 or 0");
      });
      return out3;
    }
    case "string":
      return flat.map((x, i) => typeof x === "string" ? x : bad(i, "a string"));
    default: {
      const range = INT_RANGE[dtype];
      if (!range) return fail2(`inputs of dtype ${dtype} cannot be given as a value.`);
      const out3 = makeIntArray(dtype, n);
      flat.forEach((x, i) => {
        const v = x;
        if (typeof v === "bigint") {
          if (!(out3 instanceof BigInt64Array || out3 instanceof BigUint64Array)) bad(i, `an integer in ${range[0]}..${range[1]}`);
          out3[i] = v;
          return;
        }
        if (typeof v !== "number" || !Number.isInteger(v) || v < range[0] || v > range[1])
          bad(i, `an integer in ${range[0]}..${range[1]}`);
        if (out3 instanceof BigInt64Array || out3 instanceof BigUint64Array) out3[i] = BigInt(v);
        else out3[i] = v;
      });
      return out3;
    }
  }
}
function makeIntArray(dtype, n) {
  switch (dtype) {
    case "int8":
      return new Int8Array(n);
    case "uint8":
      return new Uint8Array(n);
    case "int16":
      return new Int16Array(n);
    case "uint16":
      return new Uint16Array(n);
    case "int32":
      return new Int32Array(n);
    case "uint32":
      return new Uint32Array(n);
    case "int64":
      return new BigInt64Array(n);
    case "uint64":
      return new BigUint64Array(n);
    default:
      throw new Error(`not an integer dtype: ${dtype}`);
  }
}
function fill(dtype, one, n) {
  if (dtype === "string") return new Array(n).fill(one[0]);
  const ctor = one.constructor;
  const out3 = new ctor(n);
  out3.fill(one[0]);
  return out3;
}
var WORD_CHARS = "abcdefghijklmnopqrstuvwxyz";
function randomData(dtype, n, rng) {
  switch (dtype) {
    case "float32": {
      const out3 = new Float32Array(n);
      for (let i = 0; i < n; i++) out3[i] = rng.normal();
      return out3;
    }
    case "float64": {
      const out3 = new Float64Array(n);
      for (let i = 0; i < n; i++) out3[i] = rng.normal();
      return out3;
    }
    case "float16": {
      const out3 = new Uint16Array(n);
      for (let i = 0; i < n; i++) out3[i] = float32ToHalfBits(rng.normal());
      return out3;
    }
    case "bool": {
      const out3 = new Uint8Array(n);
      for (let i = 0; i < n; i++) out3[i] = rng.next() < 0.5 ? 1 : 0;
      return out3;
    }
    case "string": {
      const out3 = new Array(n);
      for (let i = 0; i < n; i++) {
        let s = "";
        const len = rng.int(1, 8);
        for (let j = 0; j < len; j++) s += WORD_CHARS[rng.int(0, 25)];
        out3[i] = s;
      }
      return out3;
    }
    case "int64":
    case "uint64": {
      const out3 = dtype === "int64" ? new BigInt64Array(n) : new BigUint64Array(n);
      for (let i = 0; i < n; i++) out3[i] = BigInt(rng.int(0, 9));
      return out3;
    }
    default: {
      const out3 = makeIntArray(dtype, n);
      for (let i = 0; i < n; i++) out3[i] = rng.int(0, 9);
      return out3;
    }
  }
}
var float32ToHalfBits = float16Bits;
function distance(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
function closest(name, candidates) {
  let best;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = c.toLowerCase() === name.toLowerCase() ? 0 : distance(name, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== void 0 && bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : void 0;
}
function batchSizeOf(inputs, shapes, notBatch = []) {
  const candidates = inputs.filter((i) => !notBatch.includes(i.name));
  const first = candidates[0];
  if (first?.shape && first.shape.length > 0 && typeof first.shape[0] !== "number") return shapes[first.name]?.[0] ?? 1;
  return 1;
}

// src/optimize/fidelity.ts
var RELATIVE_ERROR_FLOOR = 1e-3;
function toNumbers(data) {
  const out3 = new Float64Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (typeof v === "number") out3[i] = v;
    else if (typeof v === "bigint") out3[i] = Number(v);
    else if (typeof v === "boolean") out3[i] = v ? 1 : 0;
    else return null;
  }
  return out3;
}
function argmax(v, start, width) {
  let best = start;
  for (let i = start + 1; i < start + width; i++) if (v[i] > v[best]) best = i;
  return best - start;
}
function accumulate(acc, reference, variant) {
  const a = toNumbers(reference.data);
  const b = toNumbers(variant.data);
  if (!a || !b || a.length !== b.length) {
    acc.comparable = false;
    return;
  }
  let maxRef = 0;
  for (const v of a) if (Number.isFinite(v) && Math.abs(v) > maxRef) maxRef = Math.abs(v);
  const floor2 = Math.max(RELATIVE_ERROR_FLOOR * maxRef, Number.MIN_VALUE);
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i])) continue;
    if (!Number.isFinite(b[i])) {
      acc.newNonFinite++;
      acc.maxAbsError = Infinity;
      acc.maxRelError = Infinity;
      continue;
    }
    const err = Math.abs(a[i] - b[i]);
    if (err > acc.maxAbsError) acc.maxAbsError = err;
    const rel = err / Math.max(Math.abs(a[i]), floor2);
    if (rel > acc.maxRelError) acc.maxRelError = rel;
  }
  const isFloat = reference.type.startsWith("float") || reference.type === "bfloat16";
  if (!isFloat || reference.dims.length !== 2 || a.length === 0) {
    acc.classifier = false;
    return;
  }
  const width = reference.dims[reference.dims.length - 1];
  const rows = a.length / width;
  if (width > 1) {
    if (acc.kind === "threshold-0.5") acc.classifier = false;
    acc.kind = "argmax";
    for (let r = 0; r < rows; r++) if (argmax(a, r * width, width) === argmax(b, r * width, width)) acc.agree++;
    acc.rows += rows;
  } else {
    let probability = true;
    for (const v of a) if (!(v >= 0 && v <= 1)) probability = false;
    if (!probability || acc.kind === "argmax") {
      acc.classifier = false;
      return;
    }
    acc.kind = "threshold-0.5";
    for (let r = 0; r < rows; r++) if (a[r] >= 0.5 === b[r] >= 0.5) acc.agree++;
    acc.rows += rows;
  }
}
function compareOutputs(reference, variant) {
  if (reference.length !== variant.length)
    throw new Error(`compared ${reference.length} reference batches with ${variant.length} variant batches`);
  const accs = /* @__PURE__ */ new Map();
  reference.forEach((refBatch, k) => {
    for (const [name, ref] of Object.entries(refBatch)) {
      const v = variant[k][name];
      if (!v) throw new Error(`the variant has no output named ${name}`);
      let acc = accs.get(name);
      if (!acc) {
        acc = {
          name,
          maxAbsError: 0,
          maxRelError: 0,
          agree: 0,
          rows: 0,
          kind: null,
          classifier: true,
          newNonFinite: 0,
          comparable: true
        };
        accs.set(name, acc);
      }
      accumulate(acc, ref, v);
    }
  });
  const outputs = [...accs.values()].map((acc) => {
    const classifier = acc.comparable && acc.classifier && acc.kind !== null && acc.rows > 0;
    return {
      name: acc.name,
      maxAbsError: acc.comparable ? acc.maxAbsError : Number.NaN,
      maxRelError: acc.comparable ? acc.maxRelError : Number.NaN,
      top1Agreement: classifier ? acc.agree / acc.rows : null,
      agreementKind: classifier ? acc.kind : null,
      rows: classifier ? acc.rows : 0,
      newNonFinite: acc.newNonFinite
    };
  });
  const agreements = outputs.map((o) => o.top1Agreement).filter((x) => x !== null);
  return {
    batches: reference.length,
    maxAbsError: Math.max(0, ...outputs.map((o) => o.maxAbsError)),
    maxRelError: Math.max(0, ...outputs.map((o) => o.maxRelError)),
    top1Agreement: agreements.length > 0 ? Math.min(...agreements) : null,
    outputs
  };
}
async function runAll(bytes, batches, createSession) {
  const session = await createSession(bytes);
  try {
    const out3 = [];
    for (const feeds of batches) out3.push(await session.run(feeds));
    return out3;
  } finally {
    await session.release();
  }
}
async function measureFidelity(originalBytes, variantBytes, batches, createSession) {
  const reference = await runAll(originalBytes, batches, createSession);
  const variant = await runAll(variantBytes, batches, createSession);
  return compareOutputs(reference, variant);
}

// src/model/shapes.ts
import { dirname as dirname2 } from "node:path";
async function createOrtShapeSession(bytes, opts = {}) {
  const ort = await import("./ort-bundle-OVRU3ARN.js");
  return ort.InferenceSession.create(bytes, {
    ...externalDataOptions(opts.externalDataFolder),
    graphOptimizationLevel: "disabled",
    intraOpNumThreads: 1,
    executionProviders: ["cpu"]
  });
}
var NON_TENSOR_OPS = /* @__PURE__ */ new Set([
  "SequenceConstruct",
  "SequenceEmpty",
  "SequenceInsert",
  "SequenceErase",
  "SplitToSequence",
  "SequenceMap",
  "Optional"
]);
var PASS_THROUGH_OPS = /* @__PURE__ */ new Set(["Identity", "OptionalGetElement", "If", "Loop", "Scan"]);
function own3(obj, key) {
  return Object.prototype.hasOwnProperty.call(obj, key);
}
function isTensorType(t) {
  return !t || own3(t, "tensorType") || !own3(t, "sequenceType") && !own3(t, "optionalType") && !own3(t, "mapType") && !own3(t, "sparseTensorType");
}
function nonTensorValues(graph) {
  const out3 = /* @__PURE__ */ new Set();
  for (const v of [...graph.input ?? [], ...graph.valueInfo ?? [], ...graph.output ?? []]) {
    if (v.name && !isTensorType(v.type)) out3.add(v.name);
  }
  for (const n of graph.node ?? []) {
    const subOutputs = (n.attribute ?? []).flatMap((a) => [a.g, ...a.graphs ?? []]).filter((g) => !!g).flatMap((g) => g.output ?? []);
    const nonTensorSub = subOutputs.some((v) => !isTensorType(v.type));
    const fromNonTensor = (n.input ?? []).some((i) => out3.has(i));
    if (NON_TENSOR_OPS.has(n.opType ?? "") || PASS_THROUGH_OPS.has(n.opType ?? "") && (fromNonTensor || nonTensorSub)) {
      for (const o of n.output ?? []) if (o) out3.add(o);
    }
  }
  return out3;
}
function withExtraOutputs(loaded, names) {
  const proto = loaded.proto;
  const graph = proto.graph ?? {};
  const extra = names.map((name) => ({ name }));
  return { ...proto, graph: { ...graph, output: [...graph.output ?? [], ...extra] } };
}
function externalDataFolder(loaded) {
  let any = false;
  forEachTensor(loaded.proto.graph, (t) => {
    if (isExternal(t)) any = true;
  });
  return any ? dirname2(loaded.path) : void 0;
}
function externalDataOptions(folder) {
  return folder ? { extra: { session: { model_external_initializers_file_folder_path: folder } } } : {};
}
function initializerDims(graph) {
  const out3 = /* @__PURE__ */ new Map();
  for (const t of graph.initializer ?? []) if (t.name) out3.set(t.name, [...t.dims ?? []]);
  for (const s of graph.sparseInitializer ?? []) if (s.values?.name) out3.set(s.values.name, [...s.dims ?? []]);
  for (const n of graph.node ?? []) {
    if (n.opType !== "Constant" || n.domain) continue;
    const a = (n.attribute ?? [])[0];
    const name = n.output?.[0];
    if (!a || !name) continue;
    if (a.name === "value" && a.t) out3.set(name, [...a.t.dims ?? []]);
    else if (a.name === "sparse_value" && a.sparseTensor) out3.set(name, [...a.sparseTensor.dims ?? []]);
    else if (a.name === "value_floats") out3.set(name, [a.floats?.length ?? 0]);
    else if (a.name === "value_ints") out3.set(name, [a.ints?.length ?? 0]);
    else if (a.name === "value_strings") out3.set(name, [a.strings?.length ?? 0]);
    else if (a.name === "value_float" || a.name === "value_int" || a.name === "value_string") out3.set(name, []);
  }
  return out3;
}
function dimsOf(v) {
  if (!v || typeof v !== "object" || !("dims" in v)) return void 0;
  const dims = v.dims;
  return Array.isArray(dims) && dims.every((d) => typeof d === "number") ? [...dims] : void 0;
}
function staticShapes(proto, inputShapes) {
  const graph = proto.graph ?? {};
  const out3 = initializerDims(graph);
  const symbols = /* @__PURE__ */ new Map();
  for (const v of graph.input ?? []) {
    const given = v.name ? inputShapes[v.name] : void 0;
    const dims = v.type?.tensorType?.shape?.dim ?? [];
    if (!given || given.length !== dims.length) continue;
    dims.forEach((d, i) => {
      if (own3(d, "dimParam") && d.dimParam && !symbols.has(d.dimParam)) symbols.set(d.dimParam, given[i]);
    });
  }
  for (const v of [...graph.input ?? [], ...graph.valueInfo ?? [], ...graph.output ?? []]) {
    if (!v.name || out3.has(v.name)) continue;
    const tt = v.type?.tensorType;
    if (!tt || !own3(tt, "shape")) continue;
    const dims = (tt.shape?.dim ?? []).map(
      (d) => own3(d, "dimValue") ? d.dimValue : own3(d, "dimParam") && d.dimParam ? symbols.get(d.dimParam) : void 0
    );
    if (dims.every((d) => typeof d === "number")) out3.set(v.name, dims);
  }
  for (const [name, shape] of Object.entries(inputShapes)) out3.set(name, [...shape]);
  return out3;
}
async function resolveShapes(loaded, feeds, createSession = createOrtShapeSession) {
  return (await resolveShapesAndValues(loaded, feeds, createSession)).shapes;
}
function smallValues(v) {
  if (!v || typeof v !== "object" || !("data" in v)) return void 0;
  const data = v.data;
  if (!data || typeof data !== "object" || !("length" in data)) return void 0;
  const arr = data;
  if (arr.length > 64) return void 0;
  const out3 = [];
  for (let i = 0; i < arr.length; i++) {
    const x = arr[i];
    if (typeof x === "number") out3.push(x);
    else if (typeof x === "bigint") out3.push(Number(x));
    else if (typeof x === "boolean") out3.push(x ? 1 : 0);
    else return void 0;
  }
  return out3;
}
function staticValue(graph, name) {
  const fromTensor = (t) => {
    if (!t) return void 0;
    if (t.int64Data?.length) return t.int64Data.map((x) => Number(x));
    if (t.int32Data?.length) return [...t.int32Data];
    const raw = t.rawData;
    if (!raw || raw.length > 512) return void 0;
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    if (t.dataType === 7) return Array.from({ length: raw.length / 8 }, (_, i) => Number(view.getBigInt64(i * 8, true)));
    if (t.dataType === 6) return Array.from({ length: raw.length / 4 }, (_, i) => view.getInt32(i * 4, true));
    if (t.dataType === 9) return Array.from(raw, (b) => b ? 1 : 0);
    return void 0;
  };
  const init = (graph.initializer ?? []).find((t) => t.name === name);
  if (init) return fromTensor(init);
  for (const n of graph.node ?? []) {
    if (n.opType !== "Constant" || n.domain || n.output?.[0] !== name) continue;
    const a = (n.attribute ?? [])[0];
    if (a?.name === "value") return fromTensor(a.t ?? void 0);
    if (a?.name === "value_int") return [Number(a.i ?? 0)];
    if (a?.name === "value_ints") return (a.ints ?? []).map((x) => Number(x));
  }
  return void 0;
}
async function resolveShapesAndValues(loaded, feeds, createSession = createOrtShapeSession, valueNames = []) {
  const graph = loaded.proto.graph ?? {};
  const inputShapes = Object.fromEntries(Object.entries(feeds).map(([k, t]) => [k, [...t.dims]]));
  const shapes = staticShapes(loaded.proto, inputShapes);
  const skip = nonTensorValues(graph);
  const existing = /* @__PURE__ */ new Set([
    ...(graph.output ?? []).map((v) => v.name ?? ""),
    ...(graph.input ?? []).map((v) => v.name ?? ""),
    ...initializerDims(graph).keys()
  ]);
  const wanted = [];
  const seen = /* @__PURE__ */ new Set();
  const consider = (n, list) => {
    for (const o of n.output ?? []) {
      if (o && !existing.has(o) && !skip.has(o) && !seen.has(o)) {
        seen.add(o);
        list.push(o);
      }
    }
  };
  for (const n of graph.node ?? []) consider(n, wanted);
  const folder = externalDataFolder(loaded);
  const attempt = async (names) => {
    const session = await createSession(encodeModel(withExtraOutputs(loaded, names)), { externalDataFolder: folder });
    try {
      return await session.run(feeds);
    } finally {
      await session.release();
    }
  };
  let results;
  try {
    results = await attempt(wanted);
  } catch (first) {
    if (wanted.length === 0) throw first;
    results = await attempt([]);
  }
  for (const [name, value] of Object.entries(results)) {
    const dims = dimsOf(value);
    if (dims) shapes.set(name, dims);
  }
  const values = /* @__PURE__ */ new Map();
  for (const name of valueNames) {
    const v = name in feeds ? smallValues(feeds[name]) : staticValue(graph, name) ?? smallValues(results[name]);
    if (v) values.set(name, v);
  }
  return { shapes, values };
}

// src/optimize/session.ts
var ortSessionFactory = (modelBytes) => ortSessionIn(modelBytes);
function ortSessionFactoryIn(externalDataFolder2) {
  return (modelBytes) => ortSessionIn(modelBytes, externalDataFolder2);
}
async function ortSessionIn(modelBytes, externalDataFolder2) {
  const session = await InferenceSession.create(modelBytes, {
    executionProviders: ["cpu"],
    intraOpNumThreads: 1,
    graphOptimizationLevel: "all",
    ...externalDataOptions(externalDataFolder2)
  });
  return {
    async run(feeds) {
      const out3 = await session.run(feeds);
      return Object.fromEntries(
        Object.entries(out3).map(([k, t]) => [
          k,
          {
            type: t.type,
            dims: t.dims,
            // float16 as numbers, not bit patterns: the comparison subtracts them.
            data: t.type === "float16" ? float16ValuesOf(t.data) : t.data
          }
        ])
      );
    },
    release: () => session.release()
  };
}

// src/model/builder.ts
function attr(name, value) {
  if (typeof value === "number") {
    return Number.isInteger(value) ? { name, type: AttributeType.INT, i: value } : { name, type: AttributeType.FLOAT, f: value };
  }
  if (typeof value === "string") return { name, type: AttributeType.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) return { name, type: AttributeType.INTS, ints: value };
  if ("f" in value) return { name, type: AttributeType.FLOAT, f: value.f };
  if ("i" in value) return { name, type: AttributeType.INT, i: value.i };
  if ("s" in value) return { name, type: AttributeType.STRING, s: new TextEncoder().encode(value.s) };
  if ("floats" in value) return { name, type: AttributeType.FLOATS, floats: value.floats };
  if ("ints" in value) return { name, type: AttributeType.INTS, ints: value.ints };
  if ("t" in value) return { name, type: AttributeType.TENSOR, t: value.t };
  return { name, type: AttributeType.GRAPH, g: value.g };
}
function node(opType, inputs, outputs, attrs = {}, name, domain) {
  return {
    opType,
    input: inputs,
    output: outputs,
    name: name ?? outputs[0],
    ...domain ? { domain } : {},
    attribute: Object.entries(attrs).map(([k, v]) => attr(k, v))
  };
}
function bytesOf(view) {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}
function int64Tensor(name, dims, data) {
  const arr = data instanceof BigInt64Array ? data : BigInt64Array.from(data.map((x) => BigInt(x)));
  return { name, dims, dataType: DataType.INT64, rawData: bytesOf(arr) };
}
function rawTensor(name, dims, dataType, data) {
  return { name, dims, dataType, rawData: bytesOf(data) };
}
function valueInfo(name, elemType, dims) {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        ...dims ? { shape: { dim: dims.map((d) => typeof d === "number" ? { dimValue: d } : { dimParam: d }) } } : {}
      }
    }
  };
}

// src/optimize/opset.ts
var BREAKING_CHANGES = {
  // Attributes moved to inputs.
  Slice: [10],
  // starts/ends/axes attributes → inputs
  TopK: [10],
  // k attribute → input
  Clip: [11],
  // min/max attributes → inputs
  Pad: [11],
  // pads/value attributes → inputs
  Resize: [11],
  // roi input added before scales
  Split: [13, 18],
  // split attribute → input; num_outputs added
  Squeeze: [13],
  // axes attribute → input
  Unsqueeze: [13],
  // axes attribute → input
  ReduceSum: [13],
  // axes attribute → input
  ReduceMean: [18],
  ReduceMax: [18],
  ReduceMin: [18],
  ReduceProd: [18],
  ReduceL1: [18],
  ReduceL2: [18],
  ReduceLogSum: [18],
  ReduceLogSumExp: [18],
  ReduceSumSquare: [18],
  // Meaning changed: before 13 these coerced the input to 2-D at `axis` (default 1); from 13
  // they work along one axis (default −1).
  Softmax: [13],
  LogSoftmax: [13],
  Hardmax: [13],
  // Removed or deprecated.
  Upsample: [10],
  // deprecated in favour of Resize
  Scatter: [11],
  // deprecated in favour of ScatterElements
  // Attributes removed.
  BatchNormalization: [9],
  // `spatial` removed
  Dropout: [12],
  // `ratio` attribute → input (handled below: it does nothing at inference)
  Scan: [9]
  // batch dimension removed
};
function defaultOpset(model) {
  const entry = (model.opsetImport ?? []).find((o) => !o.domain || o.domain === "ai.onnx");
  return entry?.version ?? 1;
}
function allNodes(nodes, out3 = []) {
  for (const n of nodes ?? []) {
    out3.push(n);
    for (const a of n.attribute ?? []) {
      if (a.g) allNodes(a.g.node, out3);
      for (const g of a.graphs ?? []) allNodes(g.node, out3);
    }
  }
  return out3;
}
function irVersionFor(opset) {
  if (opset >= 21) return 10;
  if (opset >= 19) return 9;
  if (opset >= 12) return 7;
  if (opset >= 11) return 6;
  if (opset >= 10) return 5;
  return 3;
}
function raiseOpset(model, minimum, why) {
  const current = defaultOpset(model);
  if (current >= minimum) return model;
  if (current < 7) {
    throw new InputError(
      "UNSUPPORTED_OP",
      `The model uses opset ${current}; ${why} needs opset ${minimum}, and energy-budget only raises opsets from 7 up. Re-export the model at opset 13 or later (torch.onnx.export(..., opset_version=13)) and try again.`
    );
  }
  const nodes = allNodes(model.graph?.node);
  const blocked = [];
  for (const n of nodes) {
    if (n.domain && n.domain !== "ai.onnx") continue;
    const op = n.opType ?? "";
    const changes = (BREAKING_CHANGES[op] ?? []).filter((v) => v > current && v <= minimum);
    if (changes.length === 0) continue;
    if (op === "Dropout") continue;
    blocked.push(`${n.name || "(unnamed)"} (${op}, changed at opset ${changes.join(", ")})`);
  }
  if (blocked.length > 0) {
    const shown = blocked.slice(0, 5).join("; ") + (blocked.length > 5 ? `; and ${blocked.length - 5} more` : "");
    throw new InputError(
      "UNSUPPORTED_OP",
      `${why} needs opset ${minimum}, but the model uses opset ${current} and these nodes changed meaning in between: ${shown}. Re-export the model at opset ${minimum} or later (torch.onnx.export(..., opset_version=${minimum})) and try again.`
    );
  }
  const stripDropout = (list) => list?.map(
    (n) => n.opType === "Dropout" && (!n.domain || n.domain === "ai.onnx") ? { ...n, attribute: (n.attribute ?? []).filter((a) => a.name !== "ratio" && a.name !== "is_test") } : n
  );
  const opsetImport = (model.opsetImport ?? []).filter((o) => o.domain && o.domain !== "ai.onnx");
  return {
    ...model,
    irVersion: Math.max(model.irVersion ?? 3, irVersionFor(minimum)),
    opsetImport: [{ domain: "", version: minimum }, ...opsetImport],
    graph: model.graph ? { ...model.graph, node: stripDropout(model.graph.node) } : model.graph
  };
}

// src/optimize/tensors.ts
function elementCount(dims) {
  return dims.reduce((a, b) => a * b, 1);
}
function isExternal2(t) {
  return t.dataLocation === 1 || (t.externalData?.length ?? 0) > 0;
}
function readFloat32(t) {
  if ((t.dataType ?? 0) !== DataType.FLOAT) throw new Error(`tensor ${t.name ?? "?"} is not float32`);
  if (isExternal2(t)) throw new Error(`tensor ${t.name ?? "?"} stores its data in an external file`);
  const n = elementCount(t.dims ?? []);
  let out3;
  if (t.rawData && t.rawData.byteLength > 0) {
    const copy = new Uint8Array(t.rawData.byteLength);
    copy.set(t.rawData);
    out3 = new Float32Array(copy.buffer);
  } else {
    out3 = Float32Array.from(t.floatData ?? []);
  }
  if (out3.length !== n) {
    throw new Error(`tensor ${t.name ?? "?"} has ${out3.length} values but its dims [${(t.dims ?? []).join(", ")}] need ${n}`);
  }
  return out3;
}
function bytesOf2(view) {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}
function tensorFrom(name, dims, dataType, data) {
  return { name, dims, dataType, rawData: bytesOf2(data) };
}
function toFloat16(values) {
  const out3 = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out3[i] = float16Bits(values[i]);
  return out3;
}
var FLOAT16_MAX = 65504;
function quantizePerChannel(values, dims, axis, qmax = 127) {
  const channels = dims[axis];
  const inner = elementCount(dims.slice(axis + 1));
  const maxAbs = new Float64Array(channels);
  for (let i = 0; i < values.length; i++) {
    const c = Math.floor(i / inner) % channels;
    const a = Math.abs(values[i]);
    if (a > maxAbs[c]) maxAbs[c] = a;
  }
  const scales = new Float32Array(channels);
  for (let c = 0; c < channels; c++) scales[c] = maxAbs[c] > 0 ? Math.fround(maxAbs[c] / qmax) : 1;
  const q = new Int8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const c = Math.floor(i / inner) % channels;
    const v = Math.round(values[i] / scales[c]);
    q[i] = v > qmax ? qmax : v < -qmax ? -qmax : v;
  }
  return { values: q, scales, axis };
}
var REDUCED_INT8_MAX = 63;
function transpose2d(values, rows, cols) {
  const out3 = new Float32Array(values.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out3[c * rows + r] = values[r * cols + c];
  return out3;
}
function smallestMagnitudes(arrays, count2) {
  const masks = arrays.map((a) => new Uint8Array(a.length));
  if (count2 <= 0) return masks;
  const total2 = arrays.reduce((s, a) => s + a.length, 0);
  const mags = new Float32Array(total2);
  let o = 0;
  for (const a of arrays) for (let i = 0; i < a.length; i++) mags[o++] = Math.abs(a[i]);
  mags.sort();
  const threshold = mags[Math.min(count2, total2) - 1];
  let below = 0;
  for (const a of arrays) for (let i = 0; i < a.length; i++) if (Math.abs(a[i]) < threshold) below++;
  let tiesLeft = Math.min(count2, total2) - below;
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

// src/optimize/variants.ts
var DEFAULT_SPARSITY = 0.5;
var FP16_MIN_ELEMENTS = 16;
function attrInt(n, name, fallback) {
  const a = (n.attribute ?? []).find((x) => x.name === name);
  return a?.i ?? fallback;
}
function attrFloat(n, name, fallback) {
  const a = (n.attribute ?? []).find((x) => x.name === name);
  return a?.f ?? fallback;
}
function isDefaultDomain(n) {
  return !n.domain || n.domain === "ai.onnx";
}
function weightSlot(use, rank) {
  const { node: n, input } = use;
  if (!isDefaultDomain(n) || input !== 1) return null;
  switch (n.opType) {
    case "Conv":
      return rank >= 3 ? { op: "Conv", axis: 0 } : null;
    case "Gemm":
      return rank === 2 ? { op: "Gemm", axis: attrInt(n, "transB", 0) ? 0 : 1 } : null;
    case "MatMul":
      return rank >= 2 ? { op: "MatMul", axis: rank - 1 } : null;
    default:
      return null;
  }
}
function indexGraph(model) {
  const graph = model.graph;
  if (!graph)
    throw new InputError("MODEL_INVALID", "The model has no graph (ModelProto.graph is empty); it is not a usable ONNX model.");
  const initializers = new Map((graph.initializer ?? []).map((t) => [t.name ?? "", t]));
  const uses = /* @__PURE__ */ new Map();
  const names = /* @__PURE__ */ new Set();
  for (const n of graph.node ?? []) {
    (n.input ?? []).forEach((name, input) => {
      if (!name) return;
      names.add(name);
      const list = uses.get(name) ?? [];
      list.push({ node: n, input });
      uses.set(name, list);
    });
    for (const o of n.output ?? []) names.add(o);
    if (n.name) names.add(n.name);
  }
  const bodyUse = (n, sub2) => {
    for (const inner of sub2.node ?? []) {
      for (const name of inner.input ?? []) {
        if (!name) continue;
        const list = uses.get(name) ?? [];
        list.push({ node: { opType: `${n.opType ?? "?"} body` }, input: -1 });
        uses.set(name, list);
      }
      for (const a of inner.attribute ?? []) for (const g of [...a.g ? [a.g] : [], ...a.graphs ?? []]) bodyUse(n, g);
    }
  };
  for (const n of graph.node ?? [])
    for (const a of n.attribute ?? []) for (const g of [...a.g ? [a.g] : [], ...a.graphs ?? []]) bodyUse(n, g);
  for (const o of graph.output ?? []) {
    const name = o.name ?? "";
    names.add(name);
    const list = uses.get(name) ?? [];
    list.push({ node: { opType: "(graph output)" }, input: -1 });
    uses.set(name, list);
  }
  for (const t of graph.initializer ?? []) names.add(t.name ?? "");
  for (const i of graph.input ?? []) names.add(i.name ?? "");
  return { graph, initializers, uses, graphInputs: new Set((graph.input ?? []).map((i) => i.name ?? "")), names };
}
function nameMaker(used) {
  return (base) => {
    let name = base;
    for (let k = 1; used.has(name); k++) name = `${base}_${k}`;
    used.add(name);
    return name;
  };
}
function weightCandidates(ix, notes) {
  const out3 = [];
  for (const [name, tensor] of ix.initializers) {
    const uses = ix.uses.get(name) ?? [];
    const dims = (tensor.dims ?? []).map(Number);
    const slots = uses.map((u) => weightSlot(u, dims.length));
    if (!slots.some((s) => s)) continue;
    if ((tensor.dataType ?? 0) !== DataType.FLOAT) {
      notes.push(`${name}: left as is, stored as data type ${tensor.dataType}, not float32.`);
      continue;
    }
    if (isExternal2(tensor)) {
      notes.push(`${name}: left as is, its data is in an external file.`);
      continue;
    }
    if (slots.some((s) => !s)) {
      const other = uses.filter((_, k) => !slots[k]).map((u) => u.node.opType).join(", ");
      notes.push(`${name}: left as is, it also feeds ${other}.`);
      continue;
    }
    out3.push({ tensor, name, dims, slots, uses });
  }
  return out3;
}
function withGraph(model, ix, change) {
  const g = ix.graph;
  const graph = {
    ...g,
    node: change.nodes,
    initializer: [...(g.initializer ?? []).filter((t) => !change.removed.has(t.name ?? "")), ...change.initializers],
    input: (g.input ?? []).filter((i) => !change.removed.has(i.name ?? "")),
    valueInfo: (g.valueInfo ?? []).filter((v) => !change.removed.has(v.name ?? ""))
  };
  return { ...model, graph };
}
var pct = (x) => `${(x * 100).toFixed(1).replace(/\.0$/, "")}%`;
function int8WeightsVariant(model) {
  const notes = [];
  const ix = indexGraph(model);
  const fresh = nameMaker(ix.names);
  const dq = [];
  const added = [];
  const removed = /* @__PURE__ */ new Set();
  const weights = [];
  for (const c of weightCandidates(ix, notes)) {
    const axes = new Set(c.slots.map((s) => s.axis));
    if (axes.size > 1) {
      notes.push(`${c.name}: left as is, its consumers need different channel axes.`);
      continue;
    }
    const axis = c.slots[0].axis;
    const q = quantizePerChannel(readFloat32(c.tensor), c.dims, axis);
    const qName = fresh(`${c.name}_quantized`);
    const sName = fresh(`${c.name}_scale`);
    const zName = fresh(`${c.name}_zero_point`);
    added.push(
      tensorFrom(qName, c.dims, DataType.INT8, q.values),
      tensorFrom(sName, [q.scales.length], DataType.FLOAT, q.scales),
      tensorFrom(zName, [q.scales.length], DataType.INT8, new Int8Array(q.scales.length))
    );
    dq.push(node("DequantizeLinear", [qName, sName, zName], [c.name], { axis }, fresh(`${c.name}_DequantizeLinear`)));
    removed.add(c.name);
    weights.push({
      name: c.name,
      ops: [...new Set(c.slots.map((s) => s.op))],
      elements: elementCount(c.dims),
      storage: `int8 per-channel (axis ${axis})`
    });
  }
  if (weights.length === 0) {
    return {
      variant: "int8-weights",
      label: "int8 weights",
      model,
      weights,
      notes: ["No Conv, Gemm or MatMul weight is a float32 initializer; nothing to quantise.", ...notes],
      opset: defaultOpset(model)
    };
  }
  const rewritten = withGraph(model, ix, { nodes: [...dq, ...ix.graph.node ?? []], initializers: added, removed });
  const before = defaultOpset(model);
  const out3 = raiseOpset(rewritten, 13, "Per-channel DequantizeLinear (the axis attribute)");
  if (defaultOpset(out3) !== before)
    notes.push(`Opset raised from ${before} to ${defaultOpset(out3)} for per-channel DequantizeLinear.`);
  notes.push(
    "The arithmetic stays float32: onnxruntime does not constant-fold DequantizeLinear, so every run dequantises the weights first; the file shrinks about 4\xD7, latency can rise slightly."
  );
  return { variant: "int8-weights", label: "int8 weights", model: out3, weights, notes, opset: defaultOpset(out3) };
}
function int8DynamicVariant(model) {
  const notes = [];
  const ix = indexGraph(model);
  const fresh = nameMaker(ix.names);
  const candidates = new Map(weightCandidates(ix, notes).map((c) => [c.name, c]));
  const added = [];
  const removed = /* @__PURE__ */ new Set();
  const weights = [];
  const nodes = [];
  const quantized = /* @__PURE__ */ new Map();
  const quantizeActivation = (x) => {
    let hit = quantized.get(x);
    if (!hit) {
      hit = { q: fresh(`${x}_quantized`), scale: fresh(`${x}_scale`), zero: fresh(`${x}_zero_point`) };
      nodes.push(node("DynamicQuantizeLinear", [x], [hit.q, hit.scale, hit.zero], {}, fresh(`${x}_DynamicQuantizeLinear`)));
      quantized.set(x, hit);
    }
    return hit;
  };
  for (const n of ix.graph.node ?? []) {
    const op = n.opType ?? "";
    const x = n.input?.[0] ?? "";
    const w = n.input?.[1] ?? "";
    const c = candidates.get(w);
    const y = n.output?.[0] ?? "";
    const eligible = isDefaultDomain(n) && c !== void 0 && x !== "" && !ix.initializers.has(x) && c.uses.length === 1 && (op === "MatMul" && c.dims.length === 2 || op === "Gemm" && attrInt(n, "transA", 0) === 0 || op === "Conv" && (n.input?.[2] === void 0 || n.input[2] === "" || ix.initializers.has(n.input[2])));
    if (!eligible) {
      if (c && c.uses.length > 1 && ["MatMul", "Gemm", "Conv"].includes(op))
        notes.push(`${w}: left float32, it is shared by ${c.uses.length} nodes.`);
      else if (c && op === "Gemm") notes.push(`${n.name || y}: Gemm with transA = 1 left float32.`);
      else if (c && op === "MatMul") notes.push(`${n.name || y}: MatMul with a ${c.dims.length}-D weight left float32.`);
      else if (c && op === "Conv") notes.push(`${n.name || y}: Conv whose bias is computed at run time left float32.`);
      nodes.push(n);
      continue;
    }
    const values = readFloat32(c.tensor);
    let matrix = values;
    let wDims = c.dims;
    if (op === "Gemm" && attrInt(n, "transB", 0)) {
      matrix = transpose2d(values, c.dims[0], c.dims[1]);
      wDims = [c.dims[1], c.dims[0]];
    }
    const axis = op === "Conv" ? 0 : 1;
    const qw = quantizePerChannel(matrix, wDims, axis, REDUCED_INT8_MAX);
    const alpha = op === "Gemm" ? attrFloat(n, "alpha", 1) : 1;
    const scales = alpha === 1 ? qw.scales : qw.scales.map((s) => s * alpha);
    const scaleDims = op === "Conv" ? [wDims[0], ...wDims.slice(2).map(() => 1)] : [wDims[1]];
    const qName = fresh(`${w}_quantized`);
    const sName = fresh(`${w}_scale`);
    const zName = fresh(`${w}_zero_point`);
    added.push(
      tensorFrom(qName, wDims, DataType.INT8, qw.values),
      tensorFrom(sName, scaleDims, DataType.FLOAT, scales),
      // A scalar zero point: onnxruntime's ConvInteger accepts only per-tensor zero points,
      // and symmetric quantisation makes it 0 for every channel anyway.
      tensorFrom(zName, [], DataType.INT8, new Int8Array(1))
    );
    removed.add(w);
    weights.push({
      name: w,
      ops: [op],
      elements: elementCount(c.dims),
      storage: `int8 per-channel (axis ${axis}), activations uint8 at run time`
    });
    const a = quantizeActivation(x);
    const base = n.name || y;
    const yInt = fresh(`${y}_int32`);
    const yFloat = fresh(`${y}_int32_float`);
    const scale = fresh(`${y}_rescale`);
    if (op === "Conv") {
      const attrs = (n.attribute ?? []).filter(
        (at) => ["auto_pad", "dilations", "group", "kernel_shape", "pads", "strides"].includes(at.name ?? "")
      );
      nodes.push({
        opType: "ConvInteger",
        input: [a.q, qName, a.zero, zName],
        output: [yInt],
        name: fresh(`${base}_ConvInteger`),
        attribute: attrs
      });
    } else {
      nodes.push(node("MatMulInteger", [a.q, qName, a.zero, zName], [yInt], {}, fresh(`${base}_MatMulInteger`)));
    }
    nodes.push(node("Cast", [yInt], [yFloat], { to: DataType.FLOAT }, fresh(`${base}_Cast`)));
    nodes.push(node("Mul", [a.scale, sName], [scale], {}, fresh(`${base}_scale_Mul`)));
    let bias;
    if (op === "Conv" && n.input?.[2]) {
      const b = ix.initializers.get(n.input[2]);
      if (b) {
        const bName = fresh(`${n.input[2]}_channels`);
        added.push({ ...b, name: bName, dims: scaleDims });
        bias = bName;
      }
    } else if (op === "Gemm" && n.input?.[2]) {
      const beta = attrFloat(n, "beta", 1);
      const cName = n.input[2];
      const cInit = ix.initializers.get(cName);
      if (beta === 1) bias = cName;
      else if (cInit && (cInit.dataType ?? 0) === DataType.FLOAT && !isExternal2(cInit)) {
        bias = fresh(`${cName}_beta`);
        added.push(
          tensorFrom(
            bias,
            (cInit.dims ?? []).map(Number),
            DataType.FLOAT,
            readFloat32(cInit).map((v) => v * beta)
          )
        );
      } else {
        const betaName = fresh(`${base}_beta`);
        added.push(tensorFrom(betaName, [], DataType.FLOAT, Float32Array.of(beta)));
        bias = fresh(`${cName}_times_beta`);
        nodes.push(node("Mul", [cName, betaName], [bias], {}, fresh(`${base}_beta_Mul`)));
      }
    }
    if (bias) {
      const scaled = fresh(`${y}_scaled`);
      nodes.push(node("Mul", [yFloat, scale], [scaled], {}, fresh(`${base}_Mul`)));
      nodes.push(node("Add", [scaled, bias], [y], {}, fresh(`${base}_bias_Add`)));
    } else {
      nodes.push(node("Mul", [yFloat, scale], [y], {}, fresh(`${base}_Mul`)));
    }
  }
  const stillUsed = new Set(nodes.flatMap((n) => n.input ?? []));
  for (const o of ix.graph.output ?? []) stillUsed.add(o.name ?? "");
  for (const t of ix.graph.initializer ?? []) {
    const name = t.name ?? "";
    if ((ix.uses.get(name)?.length ?? 0) > 0 && !stillUsed.has(name)) removed.add(name);
  }
  if (weights.length === 0) {
    return {
      variant: "int8-dynamic",
      label: "dynamic int8",
      model,
      weights,
      notes: ["No MatMul, Gemm or Conv with a float32 initializer weight to quantise.", ...notes],
      opset: defaultOpset(model)
    };
  }
  const before = defaultOpset(model);
  const out3 = raiseOpset(withGraph(model, ix, { nodes, initializers: added, removed }), 11, "DynamicQuantizeLinear");
  if (defaultOpset(out3) !== before) notes.push(`Opset raised from ${before} to ${defaultOpset(out3)} for DynamicQuantizeLinear.`);
  notes.push(
    "uint8 activations \xD7 int8 weights: on x86 CPUs without VNNI, onnxruntime multiplies these with VPMADDUBSW, whose 16-bit sums can saturate (onnxruntime quantization docs); the fidelity figures show whether it matters for this model."
  );
  return { variant: "int8-dynamic", label: "dynamic int8", model: out3, weights, notes, opset: defaultOpset(out3) };
}
function fp16Variant(model) {
  const notes = [];
  const ix = indexGraph(model);
  const fresh = nameMaker(ix.names);
  const casts = [];
  const added = [];
  const removed = /* @__PURE__ */ new Set();
  const weights = [];
  let small = 0;
  for (const [name, t] of ix.initializers) {
    if ((t.dataType ?? 0) !== DataType.FLOAT || isExternal2(t)) continue;
    const dims = (t.dims ?? []).map(Number);
    const n = elementCount(dims);
    if (n < FP16_MIN_ELEMENTS) {
      small++;
      continue;
    }
    if ((ix.uses.get(name) ?? []).some((u) => u.input < 0)) {
      notes.push(`${name}: left float32, it is also a graph output.`);
      continue;
    }
    const values = readFloat32(t);
    let maxAbs = 0;
    for (const v of values) if (Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
    if (maxAbs > FLOAT16_MAX) {
      notes.push(`${name}: left float32, it holds ${maxAbs.toExponential(2)}, beyond float16's \xB165504.`);
      continue;
    }
    const hName = fresh(`${name}_fp16`);
    added.push(tensorFrom(hName, dims, DataType.FLOAT16, toFloat16(values)));
    casts.push(node("Cast", [hName], [name], { to: DataType.FLOAT }, fresh(`${name}_Cast`)));
    removed.add(name);
    const ops = [...new Set((ix.uses.get(name) ?? []).map((u) => u.node.opType ?? ""))];
    weights.push({ name, ops, elements: n, storage: "float16" });
  }
  if (small > 0)
    notes.push(
      `${small} float32 initializer(s) under ${FP16_MIN_ELEMENTS} elements left float32 (scalars, epsilons, shape-like constants).`
    );
  if (weights.length === 0) {
    return {
      variant: "fp16",
      label: "fp16 weights",
      model,
      weights,
      notes: ["No float32 initializer to convert.", ...notes],
      opset: defaultOpset(model)
    };
  }
  const out3 = raiseOpset(
    withGraph(model, ix, { nodes: [...casts, ...ix.graph.node ?? []], initializers: added, removed }),
    6,
    "Cast"
  );
  notes.push(
    "Weights are stored as float16 and cast back to float32, so every op still computes in float32; the file halves, the arithmetic does not change."
  );
  return { variant: "fp16", label: "fp16 weights", model: out3, weights, notes, opset: defaultOpset(out3) };
}
function pruneVariant(model, sparsity = DEFAULT_SPARSITY, scope = "per-tensor") {
  if (!(sparsity >= 0 && sparsity < 1)) {
    throw new InputError(
      "ARGUMENT_INVALID",
      `The pruning sparsity must be a fraction from 0 up to (not including) 1, such as 0.5; got ${sparsity}.`
    );
  }
  const notes = [];
  const ix = indexGraph(model);
  const label2 = `pruned ${pct(sparsity)}`;
  const candidates = weightCandidates(ix, notes);
  if (candidates.length === 0) {
    return {
      variant: "prune",
      label: label2,
      model,
      weights: [],
      notes: ["No Conv, Gemm or MatMul weight is a float32 initializer; nothing to prune.", ...notes],
      opset: defaultOpset(model),
      sparsity: 0
    };
  }
  const values = candidates.map((c) => readFloat32(c.tensor));
  const masks = scope === "global" ? smallestMagnitudes(values, Math.round(sparsity * values.reduce((s, v) => s + v.length, 0))) : values.map((v) => smallestMagnitudes([v], Math.round(sparsity * v.length))[0]);
  const replaced = /* @__PURE__ */ new Map();
  const weights = [];
  let zeros2 = 0;
  let total2 = 0;
  candidates.forEach((c, k) => {
    const v = values[k];
    const m = masks[k];
    let z = 0;
    for (let i = 0; i < v.length; i++) {
      if (m[i]) v[i] = 0;
      if (v[i] === 0) z++;
    }
    zeros2 += z;
    total2 += v.length;
    replaced.set(c.name, tensorFrom(c.name, c.dims, DataType.FLOAT, v));
    weights.push({
      name: c.name,
      ops: [...new Set(c.slots.map((s) => s.op))],
      elements: v.length,
      storage: `pruned ${pct(z / v.length)}`
    });
  });
  notes.push(
    "Pruned weights are still stored and multiplied densely: onnxruntime's CPU kernels do the same work on zeros, so latency and energy do not drop, and the file keeps its size; the saving shows only once the file is compressed (gzip size)."
  );
  const graph = {
    ...ix.graph,
    initializer: (ix.graph.initializer ?? []).map((t) => replaced.get(t.name ?? "") ?? t)
  };
  return {
    variant: "prune",
    label: label2,
    model: { ...model, graph },
    weights,
    notes,
    opset: defaultOpset(model),
    sparsity: total2 ? zeros2 / total2 : 0
  };
}
function buildVariant(model, variant, options = {}) {
  switch (variant) {
    case "int8-weights":
      return int8WeightsVariant(model);
    case "int8-dynamic":
      return int8DynamicVariant(model);
    case "fp16":
      return fp16Variant(model);
    case "prune":
      return pruneVariant(model, options.sparsity ?? DEFAULT_SPARSITY, options.pruneScope ?? "per-tensor");
  }
}

// src/optimize/advisor.ts
import { gzipSync } from "node:zlib";

// src/config/did-you-mean.ts
function editDistance(a, b) {
  const m = a.length;
  const n = b.length;
  const d = Array.from(
    { length: m + 1 },
    (_, i) => Array.from({ length: n + 1 }, (_2, j) => i === 0 ? j : j === 0 ? i : 0)
  );
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i];
      const prev = d[i - 1];
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[m][n];
}
function normalise(s) {
  return s.toLowerCase().replace(/[_\s]+/g, "-");
}
function suggest(input, candidates) {
  const norm = normalise(input);
  const exact = candidates.find((c) => normalise(c) === norm);
  if (exact !== void 0) return exact;
  const limit = Math.min(3, Math.max(1, Math.floor(norm.length / 3)));
  let best;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const dist = editDistance(norm, normalise(c));
    if (dist < bestDistance) {
      best = c;
      bestDistance = dist;
    }
  }
  return bestDistance <= limit ? best : void 0;
}

// src/train/attrs.ts
function findAttr(node2, name) {
  return (node2.attribute ?? []).find((a) => a.name === name);
}
function attrInt2(node2, name, fallback) {
  const a = findAttr(node2, name);
  return a?.i !== void 0 && a.i !== null ? Number(a.i) : fallback;
}
function attrFloat2(node2, name, fallback) {
  const a = findAttr(node2, name);
  return a?.f !== void 0 && a.f !== null ? a.f : fallback;
}
function attrInts(node2, name, fallback) {
  const a = findAttr(node2, name);
  return a?.ints && a.ints.length > 0 ? a.ints.map(Number) : fallback;
}
function attrString(node2, name, fallback) {
  const a = findAttr(node2, name);
  return a?.s && a.s.length > 0 ? new TextDecoder().decode(a.s) : fallback;
}
function withoutAttrs(node2, names) {
  return { ...node2, attribute: (node2.attribute ?? []).filter((a) => !names.includes(a.name ?? "")) };
}

// src/train/shapes.ts
var unknownCounter = 0;
function unknownDim() {
  unknownCounter += 1;
  return `?${unknownCounter}`;
}
function isStatic(shape) {
  return shape !== void 0 && shape.every((d) => typeof d === "number");
}
function staticSize(shape) {
  return isStatic(shape) ? shape.reduce((a, b) => a * b, 1) : void 0;
}
function broadcastShapes(a, b) {
  if (!a || !b) return void 0;
  const r = Math.max(a.length, b.length);
  const out3 = [];
  for (let i = 0; i < r; i++) {
    const da = a[a.length - r + i] ?? 1;
    const db = b[b.length - r + i] ?? 1;
    if (da === 1) out3.push(db);
    else if (db === 1) out3.push(da);
    else if (da === db) out3.push(da);
    else if (typeof da === "number") out3.push(da);
    else if (typeof db === "number") out3.push(db);
    else out3.push(unknownDim());
  }
  return out3;
}
function mulDims(ds) {
  return ds.every((d) => typeof d === "number") ? ds.reduce((a, b) => a * b, 1) : unknownDim();
}
function normAxis(axis, rank) {
  return axis < 0 ? axis + rank : axis;
}
function resolvePads(node2, spatialIn, kernel, strides, dilations) {
  const k = spatialIn.length;
  const autoPad = attrString(node2, "auto_pad", "NOTSET");
  if (autoPad === "NOTSET") {
    const pads = attrInts(node2, "pads", new Array(2 * k).fill(0));
    return pads;
  }
  if (autoPad === "VALID") return new Array(2 * k).fill(0);
  if (!spatialIn.every((d) => typeof d === "number")) return void 0;
  const begin = [];
  const end = [];
  for (let i = 0; i < k; i++) {
    const inDim = spatialIn[i];
    const out3 = Math.ceil(inDim / strides[i]);
    const total2 = Math.max(0, (out3 - 1) * strides[i] + (kernel[i] - 1) * dilations[i] + 1 - inDim);
    const small = Math.floor(total2 / 2);
    const large = total2 - small;
    begin.push(autoPad === "SAME_UPPER" ? small : large);
    end.push(autoPad === "SAME_UPPER" ? large : small);
  }
  return [...begin, ...end];
}
function windowGeometry(node2, spatialIn, kernelFromWeight) {
  const k = spatialIn.length;
  let kernel = attrInts(node2, "kernel_shape", []);
  if (kernel.length === 0) {
    if (!kernelFromWeight || !kernelFromWeight.every((d) => typeof d === "number")) return void 0;
    kernel = kernelFromWeight;
  }
  const strides = attrInts(node2, "strides", new Array(k).fill(1));
  const dilations = attrInts(node2, "dilations", new Array(k).fill(1));
  const pads = resolvePads(node2, spatialIn, kernel, strides, dilations);
  return { kernel, strides, dilations, pads, ceilMode: attrInt2(node2, "ceil_mode", 0) === 1 };
}
function windowOutput(spatialIn, g) {
  return spatialIn.map((d, i) => {
    if (typeof d !== "number" || !g.pads) return unknownDim();
    const span = (g.kernel[i] - 1) * g.dilations[i] + 1;
    const num = d + g.pads[i] + g.pads[i + spatialIn.length] - span;
    const out3 = (g.ceilMode ? Math.ceil(num / g.strides[i]) : Math.floor(num / g.strides[i])) + 1;
    if (g.ceilMode && (out3 - 1) * g.strides[i] >= d + g.pads[i]) return out3 - 1;
    return out3;
  });
}
function inferNode(node2, shapeOf, intsOf) {
  const ins = (node2.input ?? []).map((n) => n ? shapeOf(n) : void 0);
  const x = ins[0];
  const nOut = (node2.output ?? []).length;
  const same = () => new Array(nOut).fill(x);
  switch (node2.opType) {
    case "Add":
    case "Sub":
    case "Mul":
    case "Div":
    case "Pow":
    case "Equal":
    case "Greater":
    case "Less":
    case "GreaterOrEqual":
    case "LessOrEqual":
    case "And":
    case "Or":
    case "PRelu":
      return [broadcastShapes(ins[0], ins[1])];
    case "Sum":
    case "Max":
    case "Min":
    case "Mean":
    case "Where":
      return [ins.slice(1).reduce((a, b) => broadcastShapes(a, b), ins[0])];
    case "Relu":
    case "LeakyRelu":
    case "Sigmoid":
    case "Tanh":
    case "Softmax":
    case "LogSoftmax":
    case "Identity":
    case "Neg":
    case "Exp":
    case "Log":
    case "Sqrt":
    case "Abs":
    case "Cast":
    case "Erf":
    case "Clip":
    case "Elu":
    case "Selu":
    case "HardSigmoid":
    case "Softplus":
    case "Gelu":
    case "Reciprocal":
    case "Sign":
    case "Floor":
    case "Ceil":
    case "Not":
    case "HardSwish":
    case "CastLike":
      return same();
    case "Dropout":
      return [x, x];
    case "BatchNormalization": {
      const c = x && x.length > 1 ? [x[1]] : void 0;
      return [x, c, c, c, c].slice(0, nOut);
    }
    case "Gemm": {
      const a = ins[0];
      const b = ins[1];
      const m = a && a.length === 2 ? a[attrInt2(node2, "transA", 0) ? 1 : 0] : unknownDim();
      const n = b && b.length === 2 ? b[attrInt2(node2, "transB", 0) ? 0 : 1] : unknownDim();
      return [[m, n]];
    }
    case "MatMul": {
      const a = ins[0];
      const b = ins[1];
      if (!a || !b) return [void 0];
      const a2 = a.length === 1 ? [1, a[0]] : a;
      const b2 = b.length === 1 ? [b[0], 1] : b;
      const batch = broadcastShapes(a2.slice(0, -2), b2.slice(0, -2)) ?? [];
      const out3 = [...batch, a2[a2.length - 2], b2[b2.length - 1]];
      if (a.length === 1) out3.splice(out3.length - 2, 1);
      if (b.length === 1) out3.splice(out3.length - 1, 1);
      return [out3];
    }
    case "Reshape": {
      const target = intsOf(node2.input?.[1] ?? "");
      if (!target) {
        const s = ins[1];
        return [s && s.length === 1 && typeof s[0] === "number" ? Array.from({ length: s[0] }, () => unknownDim()) : void 0];
      }
      const allowZero = attrInt2(node2, "allowzero", 0) === 1;
      const out3 = target.map((v, i) => v === 0 && !allowZero ? x?.[i] ?? unknownDim() : v);
      const minus = out3.indexOf(-1);
      if (minus >= 0) {
        const total2 = staticSize(x);
        const rest = out3.filter((_, i) => i !== minus);
        out3[minus] = total2 !== void 0 && rest.every((d) => typeof d === "number") ? total2 / rest.reduce((a, b) => a * b, 1) : unknownDim();
      }
      return [out3];
    }
    case "Flatten": {
      if (!x) return [void 0];
      const axis = normAxis(attrInt2(node2, "axis", 1), x.length);
      return [[mulDims(x.slice(0, axis)), mulDims(x.slice(axis))]];
    }
    case "Transpose": {
      if (!x) return [void 0];
      const perm = attrInts(
        node2,
        "perm",
        x.map((_, i) => x.length - 1 - i)
      );
      return [perm.map((p) => x[p])];
    }
    case "Concat": {
      if (ins.some((s) => !s)) return [void 0];
      const r = ins[0].length;
      const axis = normAxis(attrInt2(node2, "axis", 0), r);
      const out3 = [...ins[0]];
      out3[axis] = mulDimsSum(ins.map((s) => s[axis]));
      return [out3];
    }
    case "Conv":
    case "MaxPool":
    case "AveragePool":
    case "LpPool": {
      if (!x || x.length < 3) return new Array(nOut).fill(void 0);
      const w = node2.opType === "Conv" ? ins[1] : void 0;
      const g = windowGeometry(node2, x.slice(2), w ? w.slice(2) : void 0);
      if (!g) return new Array(nOut).fill(void 0);
      const channels = node2.opType === "Conv" ? w ? w[0] : unknownDim() : x[1];
      const out3 = [x[0], channels, ...windowOutput(x.slice(2), g)];
      return new Array(nOut).fill(out3);
    }
    case "GlobalAveragePool":
    case "GlobalMaxPool":
      return [x ? [x[0], x[1], ...x.slice(2).map(() => 1)] : void 0];
    case "ReduceSum":
    case "ReduceMean":
    case "ReduceMax":
    case "ReduceMin":
    case "ReduceProd":
    case "ReduceL2":
    case "ReduceL1":
    case "ReduceLogSumExp":
    case "ReduceSumSquare": {
      if (!x) return [void 0];
      const fromInput = node2.input && node2.input.length > 1 && node2.input[1] ? intsOf(node2.input[1]) : void 0;
      if (node2.input && node2.input.length > 1 && node2.input[1] && !fromInput) return [void 0];
      const listed = fromInput ?? attrInts(node2, "axes", []);
      const noop = attrInt2(node2, "noop_with_empty_axes", 0) === 1;
      const axes = (listed.length ? listed : noop ? [] : x.map((_, i) => i)).map((a) => normAxis(a, x.length));
      const keep = attrInt2(node2, "keepdims", 1) === 1;
      return [keep ? x.map((d, i) => axes.includes(i) ? 1 : d) : x.filter((_, i) => !axes.includes(i))];
    }
    case "Shape":
      return [x ? [x.length] : void 0];
    case "Tile": {
      const reps = intsOf(node2.input?.[1] ?? "");
      if (!x || !reps || reps.length !== x.length) return [x ? x.map(() => unknownDim()) : void 0];
      return [x.map((d, i) => typeof d === "number" ? d * reps[i] : reps[i] === 1 ? d : unknownDim())];
    }
    case "Einsum": {
      const eq = (node2.attribute ?? []).find((a) => a.name === "equation")?.s;
      const text = eq ? new TextDecoder().decode(eq).replace(/\s+/g, "") : "";
      const arrow = text.indexOf("->");
      if (arrow < 0 || text.includes("...")) return [void 0];
      const specs = text.slice(0, arrow).split(",");
      const dimOf2 = /* @__PURE__ */ new Map();
      specs.forEach(
        (spec, k) => [...spec].forEach((c, j) => {
          const d = ins[k]?.[j];
          if (d !== void 0 && (!dimOf2.has(c) || typeof dimOf2.get(c) !== "number" || d !== 1)) dimOf2.set(c, d);
        })
      );
      return [[...text.slice(arrow + 2)].map((c) => dimOf2.get(c) ?? unknownDim())];
    }
    case "ConstantOfShape": {
      const dims = intsOf(node2.input?.[0] ?? "");
      if (dims) return [dims];
      return [x && x.length === 1 && typeof x[0] === "number" ? Array.from({ length: x[0] }, () => unknownDim()) : void 0];
    }
    case "Size":
      return [[]];
    case "Constant":
      return [void 0];
    case "Unsqueeze":
    case "Squeeze": {
      const axes = node2.input && node2.input.length > 1 ? intsOf(node2.input[1]) : attrInts(node2, "axes", []);
      if (!x || !axes) return [void 0];
      if (node2.opType === "Unsqueeze") {
        const r = x.length + axes.length;
        const norm2 = axes.map((a) => normAxis(a, r));
        const out3 = [];
        let j = 0;
        for (let i = 0; i < r; i++) out3.push(norm2.includes(i) ? 1 : x[j++]);
        return [out3];
      }
      const norm = axes.length ? axes.map((a) => normAxis(a, x.length)) : x.map((d, i) => d === 1 ? i : -1).filter((i) => i >= 0);
      return [x.filter((_, i) => !norm.includes(i))];
    }
    case "Expand": {
      const target = intsOf(node2.input?.[1] ?? "");
      if (target) return [broadcastShapes(x, target)];
      const s = ins[1];
      if (!x || !s || s.length !== 1 || typeof s[0] !== "number") return [void 0];
      return [Array.from({ length: Math.max(x.length, s[0]) }, () => unknownDim())];
    }
    case "Slice": {
      if (!x) return [void 0];
      const get = (i) => node2.input?.[i] ? intsOf(node2.input[i]) : void 0;
      const starts = get(1);
      const ends = get(2);
      const axes = (node2.input?.[3] ? get(3) : starts?.map((_, i) => i))?.map((a) => normAxis(a, x.length));
      const steps = node2.input?.[4] ? get(4) : starts?.map(() => 1);
      if (!axes) return [x.map(() => unknownDim())];
      const res = [...x];
      axes.forEach((a, i) => {
        const dim = x[a];
        const st = starts?.[i];
        const en = ends?.[i];
        const sp = steps?.[i];
        if (typeof dim !== "number" || st === void 0 || en === void 0 || sp === void 0 || sp === 0) {
          res[a] = unknownDim();
          return;
        }
        const norm = (v) => v < 0 ? v + dim : v;
        const lo = sp > 0 ? 0 : -1;
        const hi = sp > 0 ? dim : dim - 1;
        const b = Math.min(Math.max(norm(st), lo), hi);
        const e = Math.min(Math.max(norm(en), lo), hi);
        res[a] = Math.max(0, Math.ceil((e - b) / sp));
      });
      return [res];
    }
    case "Split": {
      if (!x) return new Array(nOut).fill(void 0);
      const axis = normAxis(attrInt2(node2, "axis", 0), x.length);
      const sizes = node2.input?.[1] ? intsOf(node2.input[1]) : void 0;
      const dim = x[axis];
      return Array.from({ length: nOut }, (_, i) => {
        const o = [...x];
        o[axis] = sizes?.[i] ?? (typeof dim === "number" && !node2.input?.[1] && dim % nOut === 0 ? dim / nOut : unknownDim());
        return o;
      });
    }
    case "Pad": {
      const pads = node2.input?.[1] ? intsOf(node2.input[1]) : void 0;
      if (!x) return [void 0];
      if (!pads || pads.length !== 2 * x.length || node2.input?.[3]) return [x.map(() => unknownDim())];
      return [x.map((d, i) => typeof d === "number" ? d + pads[i] + pads[i + x.length] : unknownDim())];
    }
    case "Gather": {
      const idx = ins[1];
      if (!x || !idx) return [void 0];
      const axis = normAxis(attrInt2(node2, "axis", 0), x.length);
      return [[...x.slice(0, axis), ...idx, ...x.slice(axis + 1)]];
    }
    case "LayerNormalization": {
      if (!x) return new Array(nOut).fill(void 0);
      const axis = normAxis(attrInt2(node2, "axis", -1), x.length);
      const stat2 = x.map((d, i) => i < axis ? d : 1);
      return [x, stat2, stat2].slice(0, nOut);
    }
    default:
      return new Array(nOut).fill(void 0);
  }
}
function mulDimsSum(ds) {
  return ds.every((d) => typeof d === "number") ? ds.reduce((a, b) => a + b, 0) : unknownDim();
}

// src/train/graph.ts
var GraphEmitter = class {
  /**
   * @param floatType element type of every float the graph computes (float32 or float64)
   * @param opset default-domain opset of the graph written
   * @param taken names already used by the source graph (tensors and nodes)
   */
  constructor(floatType, opset, taken) {
    this.floatType = floatType;
    this.opset = opset;
    this.taken = taken;
  }
  floatType;
  opset;
  taken;
  nodes = [];
  initializers = [];
  shapes = /* @__PURE__ */ new Map();
  constInts = /* @__PURE__ */ new Map();
  constFloats = /* @__PURE__ */ new Map();
  cache = /* @__PURE__ */ new Map();
  counter = 0;
  /** A fresh tensor/node name `train/<hint>_<n>`. */
  fresh(hint) {
    for (; ; ) {
      this.counter += 1;
      const name = `train/${hint}_${this.counter}`;
      if (!this.taken.has(name)) {
        this.taken.add(name);
        return name;
      }
    }
  }
  /** Reserves an exact name (e.g. a graph output) and returns it, or a variant if taken. */
  reserve(name) {
    if (!this.taken.has(name)) {
      this.taken.add(name);
      return name;
    }
    return this.fresh(name.replace(/^train\//, ""));
  }
  /** Appends a node as is (forward nodes of the source graph). */
  push(node2) {
    this.nodes.push(node2);
  }
  /** Appends an op with fresh output names; returns the outputs. */
  op(opType, inputs, attrs = {}, outputs = 1, hint) {
    const base = hint ?? opType.toLowerCase();
    const outs = Array.from({ length: outputs }, () => this.fresh(base));
    this.nodes.push({
      opType,
      input: inputs,
      output: outs,
      name: outs[0],
      attribute: Object.entries(attrs).map(([k, v]) => attr(k, v))
    });
    return outs;
  }
  /** Appends a single-output op; returns its output. */
  one(opType, inputs, attrs = {}, hint) {
    return this.op(opType, inputs, attrs, 1, hint)[0];
  }
  /** Appends an op writing to a given output name. */
  to(output, opType, inputs, attrs = {}) {
    this.nodes.push({
      opType,
      input: inputs,
      output: [output],
      name: this.fresh(`${opType.toLowerCase()}_node`),
      attribute: Object.entries(attrs).map(([k, v]) => attr(k, v))
    });
    return output;
  }
  /** A float tensor filled with `value`, shaped like `like` (static constant shape when known). */
  filled(value, like) {
    const s = this.shapeOf(like);
    const shape = isStatic(s) ? this.ints(s) : this.shapeTensor(like);
    const data = this.floatType === DataType.DOUBLE ? Float64Array.from([value]) : Float32Array.from([value]);
    return this.one("ConstantOfShape", [shape], { value: { t: rawTensor("value", [1], this.floatType, data) } }, "filled");
  }
  /** A scalar constant of the graph's float type (cached by value). */
  scalar(value) {
    return this.floatConst([], [value]);
  }
  /** A float constant of the graph's float type with the given dims (cached by value). */
  floatConst(dims, values) {
    const key = `f:${dims.join(",")}:${values.join(",")}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const name = this.fresh("const");
    const data = this.floatType === DataType.DOUBLE ? Float64Array.from(values) : Float32Array.from(values);
    this.initializers.push(rawTensor(name, dims, this.floatType, data));
    this.shapes.set(name, dims);
    this.cache.set(key, name);
    return name;
  }
  /** A 1-D int64 constant (cached by value), e.g. axes or a Reshape target. */
  ints(values, dims = [values.length]) {
    const key = `i:${dims.join(",")}:${values.join(",")}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const name = this.fresh("ints");
    this.initializers.push(rawTensor(name, dims, DataType.INT64, BigInt64Array.from(values.map((v) => BigInt(v)))));
    this.shapes.set(name, dims);
    this.constInts.set(name, values);
    this.cache.set(key, name);
    return name;
  }
  /** Records the build-time shape of a tensor. */
  setShape(name, shape) {
    this.shapes.set(name, shape);
  }
  /** Build-time shape of a tensor, if known. */
  shapeOf(name) {
    return this.shapes.get(name);
  }
  /** Records known integer values of a tensor (shape constants). */
  setInts(name, values) {
    this.constInts.set(name, values);
  }
  /** Records known float values of a small tensor (e.g. Dropout's ratio). */
  setFloats(name, values) {
    this.constFloats.set(name, values);
  }
  /** Known float values of a small tensor, if any. */
  floatsOf(name) {
    return this.constFloats.get(name);
  }
  /** A boolean scalar constant. */
  bool(value) {
    const key = `b:${value}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const name = this.fresh("bool");
    this.initializers.push(rawTensor(name, [], DataType.BOOL, Uint8Array.from([value ? 1 : 0])));
    this.shapes.set(name, []);
    this.cache.set(key, name);
    return name;
  }
  /** Creates (without appending) a node writing fresh outputs; returns the node. */
  detached(opType, inputs, outputs, attrs = {}) {
    return {
      opType,
      input: inputs,
      output: outputs,
      name: this.fresh(`${opType.toLowerCase()}_node`),
      attribute: Object.entries(attrs).map(([k, v]) => attr(k, v))
    };
  }
  /** Known integer values of a tensor, if any. */
  intsOf(name) {
    return this.constInts.get(name);
  }
  /** Run-time shape of a tensor (one Shape op per tensor, cached). */
  shapeTensor(x) {
    const key = `shape:${x}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const s = this.one("Shape", [x], {}, "shape");
    this.cache.set(key, s);
    return s;
  }
  /** ReduceSum over `axes` (all axes when undefined). */
  reduceSum(x, axes, keepdims) {
    if (this.opset >= 13) {
      return this.one("ReduceSum", axes ? [x, this.ints(axes)] : [x], { keepdims: keepdims ? 1 : 0 }, "sum");
    }
    return this.one("ReduceSum", [x], { keepdims: keepdims ? 1 : 0, ...axes ? { axes } : {} }, "sum");
  }
  /** ReduceMean over `axes` (all axes when undefined). */
  reduceMean(x, axes, keepdims) {
    if (this.opset >= 18) {
      return this.one("ReduceMean", axes ? [x, this.ints(axes)] : [x], { keepdims: keepdims ? 1 : 0 }, "mean");
    }
    return this.one("ReduceMean", [x], { keepdims: keepdims ? 1 : 0, ...axes ? { axes } : {} }, "mean");
  }
  /** Reshape to a static shape (a constant) or to another tensor's run-time shape. */
  reshapeTo(x, target) {
    const shape = typeof target === "string" ? this.shapeTensor(target) : this.ints(target);
    return this.one("Reshape", [x, shape], {}, "reshape");
  }
  /** Reshape `x` to the shape of `like`: static when known, else at run time. */
  reshapeLike(x, like) {
    const s = this.shapeOf(like);
    return isStatic(s) ? this.reshapeTo(x, s) : this.reshapeTo(x, like);
  }
  /** Number of elements of `x` as a float scalar: a constant when known, else Size + Cast. */
  floatSize(x, shape) {
    if (isStatic(shape)) return this.scalar(shape.reduce((a, b) => a * b, 1));
    return this.one("Cast", [this.one("Size", [x])], { to: this.floatType }, "count");
  }
  /**
   * Sums `dy` (shaped like `dyShape`, the broadcast result) down to the shape of `target`:
   * the gradient of multidirectional broadcasting. Axes are chosen at build time when the
   * shapes decide them, else at run time from Shape ops.
   */
  sumTo(dy, dyShape, target) {
    const tShape = this.shapeOf(target);
    if (dyShape && tShape) {
      const axes = staticReduceAxes(dyShape, tShape);
      if (axes) {
        if (axes.length === 0) return dyShape.length === tShape.length ? dy : this.reshapeLike(dy, target);
        const lead = dyShape.length - tShape.length;
        const onlyLeading = axes.every((a) => a < lead);
        const reduced = this.reduceSum(dy, axes, !onlyLeading);
        return onlyLeading || lead === 0 ? reduced : this.reshapeLike(reduced, target);
      }
    }
    return this.sumToRuntime(dy, dyShape, target, tShape);
  }
  sumToRuntime(dy, dyShape, target, tShape) {
    const sx = this.shapeTensor(target);
    let padded = sx;
    if (dyShape && tShape) {
      const lead = dyShape.length - tShape.length;
      if (lead > 0) padded = this.one("Concat", [this.ints(new Array(lead).fill(1)), sx], { axis: 0 }, "padded_shape");
    } else {
      const lead = this.one("Sub", [this.one("Size", [this.shapeTensor(dy)]), this.one("Size", [sx])], {}, "lead");
      const ones = this.one(
        "ConstantOfShape",
        [this.one("Reshape", [lead, this.ints([1])])],
        { value: { t: rawTensor("one", [1], DataType.INT64, BigInt64Array.from([1n])) } },
        "ones"
      );
      padded = this.one("Concat", [ones, sx], { axis: 0 }, "padded_shape");
    }
    const mask = this.one("Equal", [padded, this.ints([1], [])], {}, "bcast_mask");
    const axes = this.one("Reshape", [this.one("NonZero", [mask]), this.ints([-1])], {}, "bcast_axes");
    const reduced = this.opset >= 13 ? this.one("ReduceSum", [dy, axes], { keepdims: 1, noop_with_empty_axes: 1 }, "sum") : dy;
    return this.one("Reshape", [reduced, sx], {}, "sum_to");
  }
};
function staticReduceAxes(dy, t) {
  const lead = dy.length - t.length;
  if (lead < 0) return void 0;
  const axes = [];
  for (let i = 0; i < dy.length; i++) {
    if (i < lead) {
      axes.push(i);
      continue;
    }
    const dt = t[i - lead];
    const dd = dy[i];
    if (dt === dd) continue;
    if (dt === 1) {
      axes.push(i);
      continue;
    }
    return void 0;
  }
  return axes;
}
function pruneGraph(nodes, initializers, keep) {
  const needed = new Set(keep);
  const kept = [];
  for (let k = nodes.length - 1; k >= 0; k--) {
    const n = nodes[k];
    if (!(n.output ?? []).some((o) => o && needed.has(o))) continue;
    kept.push(n);
    for (const x of n.input ?? []) if (x) needed.add(x);
  }
  kept.reverse();
  return { nodes: kept, initializers: initializers.filter((t) => needed.has(t.name ?? "")) };
}

// src/train/grad-rule.ts
function established(value, what) {
  if (value === void 0) throw new Error(`internal: ${what} is unknown although the rule's check passed`);
  return value;
}
function knownRank(em, name) {
  return established(em.shapeOf(name)?.length, `the rank of ${name}`);
}
function knownShape(em, name) {
  return established(em.shapeOf(name), `the shape of ${name}`);
}
function staticDims(dims, what) {
  return dims.map((d) => typeof d === "number" ? d : established(void 0, `${what} (dim ${String(d)})`));
}
function savedName(saved, key) {
  const v = saved[key];
  return typeof v === "string" ? v : established(void 0, `the saved tensor ${key}`);
}
var inp = (node2, i) => node2.input?.[i] ?? "";
var out = (node2, i) => node2.output?.[i] ?? "";
var hasInput = (node2, i) => !!node2.input?.[i];
function bcast(em, node2, g, i) {
  return em.sumTo(g, em.shapeOf(out(node2, 0)), inp(node2, i));
}
function rankOf(em, name) {
  return em.shapeOf(name)?.length;
}
function swapLastTwo(rank) {
  const perm = Array.from({ length: rank }, (_, i) => i);
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  return perm;
}
function unsqueeze(em, x, axes) {
  return em.one("Unsqueeze", [x, em.ints(axes)], {}, "unsqueeze");
}
function squeeze(em, x, axes) {
  return em.one("Squeeze", [x, em.ints(axes)], {}, "squeeze");
}

// src/train/grad-ops-more.ts
var inp2 = (node2, i) => node2.input?.[i] ?? "";
var out2 = (node2, i) => node2.output?.[i] ?? "";
var hasInput2 = (node2, i) => !!node2.input?.[i];
function rankOf2(em, name) {
  return em.shapeOf(name)?.length;
}
function unaryRule(grad) {
  return {
    differentiable: () => [0],
    backward(em, node2, [dY]) {
      return dY ? [grad(em, node2, dY)] : [];
    }
  };
}
var sqrt2 = unaryRule(
  (em, node2, dY) => (
    // Y = √X: dX = dY / (2Y).
    em.one("Div", [em.one("Mul", [dY, em.scalar(0.5)]), out2(node2, 0)])
  )
);
var reciprocal = unaryRule((em, node2, dY) => {
  const y = out2(node2, 0);
  return em.one("Neg", [em.one("Mul", [dY, em.one("Mul", [y, y])])]);
});
var exp = unaryRule((em, node2, dY) => em.one("Mul", [dY, out2(node2, 0)]));
var log2 = unaryRule((em, node2, dY) => em.one("Div", [dY, inp2(node2, 0)]));
var abs = unaryRule(
  (em, node2, dY) => (
    // d|x|/dx = sign(x) (0 at 0, as PyTorch).
    em.one("Mul", [dY, em.one("Sign", [inp2(node2, 0)])])
  )
);
var erf = unaryRule((em, node2, dY) => {
  const x = inp2(node2, 0);
  const e = em.one("Exp", [em.one("Neg", [em.one("Mul", [x, x])])]);
  return em.one("Mul", [dY, em.one("Mul", [e, em.scalar(2 / Math.sqrt(Math.PI))])]);
});
var hardSigmoid = unaryRule((em, node2, dY) => {
  const alpha = attrFloat2(node2, "alpha", 0.2);
  const y = out2(node2, 0);
  const inside = em.one("And", [em.one("Greater", [y, em.scalar(0)]), em.one("Less", [y, em.scalar(1)])]);
  return em.one("Where", [inside, em.one("Mul", [dY, em.scalar(alpha)]), em.scalar(0)]);
});
var hardSwish = unaryRule((em, node2, dY) => {
  const x = inp2(node2, 0);
  const mid = em.one("Mul", [dY, em.one("Add", [em.one("Mul", [x, em.scalar(1 / 3)]), em.scalar(0.5)])]);
  const upper = em.one("Where", [em.one("Greater", [x, em.scalar(3)]), dY, mid]);
  return em.one("Where", [em.one("Less", [x, em.scalar(-3)]), em.scalar(0), upper]);
});
var clip = {
  differentiable: () => [0],
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const x = inp2(node2, 0);
    const conds = [];
    if (hasInput2(node2, 1)) conds.push(em.one("GreaterOrEqual", [x, inp2(node2, 1)]));
    if (hasInput2(node2, 2)) conds.push(em.one("LessOrEqual", [x, inp2(node2, 2)]));
    if (conds.length === 0) return [dY];
    const mask = conds.length === 2 ? em.one("And", conds) : conds[0];
    return [em.one("Where", [mask, dY, em.scalar(0)], {}, "grad_clip")];
  }
};
var pow = {
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    const a = inp2(node2, 0);
    const b = inp2(node2, 1);
    const y = out2(node2, 0);
    const yShape = em.shapeOf(y);
    let dA;
    let dB;
    if (need[0]) {
      const known = em.floatsOf(b);
      let local;
      if (known && known.length === 1) {
        const p = known[0];
        local = p === 2 ? em.one("Mul", [a, em.scalar(2)]) : p === 1 ? em.filled(1, a) : em.one("Mul", [em.one("Pow", [a, em.scalar(p - 1)]), em.scalar(p)]);
      } else {
        const bf = em.one("Cast", [b], { to: em.floatType });
        local = em.one("Mul", [bf, em.one("Pow", [a, em.one("Sub", [bf, em.scalar(1)])])]);
      }
      dA = em.sumTo(em.one("Mul", [dY, local]), yShape, a);
    }
    if (need[1]) {
      dB = em.sumTo(em.one("Mul", [dY, em.one("Mul", [y, em.one("Log", [a])])]), yShape, b);
    }
    return [dA, dB];
  }
};
var where = {
  differentiable: () => [1, 2],
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    const c = inp2(node2, 0);
    const yShape = em.shapeOf(out2(node2, 0));
    const zero = em.scalar(0);
    return [
      void 0,
      need[1] ? em.sumTo(em.one("Where", [c, dY, zero]), yShape, inp2(node2, 1)) : void 0,
      need[2] ? em.sumTo(em.one("Where", [c, zero, dY]), yShape, inp2(node2, 2)) : void 0
    ];
  }
};
var expand = {
  differentiable: () => [0],
  backward(em, node2, [dY]) {
    if (!dY) return [];
    return [em.sumTo(dY, em.shapeOf(out2(node2, 0)), inp2(node2, 0))];
  }
};
function slicePads(em, node2) {
  const s = em.shapeOf(inp2(node2, 0));
  if (!isStatic(s)) return void 0;
  const starts = em.intsOf(inp2(node2, 1));
  const ends = em.intsOf(inp2(node2, 2));
  const axes = hasInput2(node2, 3) ? em.intsOf(inp2(node2, 3)) : starts?.map((_, i) => i);
  const steps = hasInput2(node2, 4) ? em.intsOf(inp2(node2, 4)) : starts?.map(() => 1);
  if (!starts || !ends || !axes || !steps || steps.some((v) => v !== 1)) return void 0;
  const r = s.length;
  const pads = new Array(2 * r).fill(0);
  for (let i = 0; i < axes.length; i++) {
    const a = normAxis(axes[i], r);
    const dim = s[a];
    const clamp = (v) => Math.min(Math.max(v < 0 ? v + dim : v, 0), dim);
    const st = clamp(starts[i]);
    const en = Math.max(clamp(ends[i]), st);
    pads[a] = st;
    pads[a + r] = dim - en;
  }
  return pads;
}
var slice = {
  differentiable: () => [0],
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const x = inp2(node2, 0);
    const pads = slicePads(em, node2);
    if (pads) {
      return [em.one("Pad", [dY, em.ints(pads), em.scalar(0)], {}, "grad_slice")];
    }
    const size = em.one("Size", [x]);
    const positions = em.one("Reshape", [em.one("Range", [em.ints([0], []), size, em.ints([1], [])]), em.shapeTensor(x)]);
    const picked = em.one("Slice", [positions, ...(node2.input ?? []).slice(1)]);
    const data = em.floatType === DataType.DOUBLE ? Float64Array.from([0]) : Float32Array.from([0]);
    const zeros2 = em.one("ConstantOfShape", [em.one("Reshape", [size, em.ints([1])])], {
      value: { t: rawTensor("value", [1], em.floatType, data) }
    });
    const flat = em.one(
      "ScatterElements",
      [zeros2, em.one("Reshape", [picked, em.ints([-1])]), em.one("Reshape", [dY, em.ints([-1])])],
      { axis: 0 },
      "grad_slice_flat"
    );
    return [em.one("Reshape", [flat, em.shapeTensor(x)], {}, "grad_slice")];
  }
};
var split = {
  differentiable: () => [0],
  multiOutput: true,
  backward(em, node2, dOut) {
    const parts = (node2.output ?? []).map((o, i) => dOut[i] ?? em.filled(0, o));
    return [em.one("Concat", parts, { axis: attrInt2(node2, "axis", 0) }, "grad_split")];
  }
};
var gather = {
  differentiable: () => [0],
  check(node2, em) {
    if (rankOf2(em, inp2(node2, 0)) === void 0) return "the rank of its data input is not known";
    if (attrInt2(node2, "axis", 0) !== 0 && rankOf2(em, inp2(node2, 1)) === void 0)
      return "it gathers along an axis other than 0 and the rank of its indices is not known";
    return void 0;
  },
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const data = inp2(node2, 0);
    const r = knownRank(em, data);
    const axis = normAxis(attrInt2(node2, "axis", 0), r);
    const q = rankOf2(em, inp2(node2, 1));
    let idx = em.one("Cast", [inp2(node2, 1)], { to: DataType.INT64 });
    const dim = em.one("Shape", [data], { start: axis, end: axis + 1 });
    idx = em.one("Where", [em.one("Less", [idx, em.ints([0], [])]), em.one("Add", [idx, dim]), idx]);
    const zeros2 = em.filled(0, data);
    const unsq = em.one("Unsqueeze", [idx, em.ints([-1])]);
    if (axis === 0) {
      return [em.one("ScatterND", [zeros2, unsq, dY], { reduction: "add" }, "grad_gather")];
    }
    const qr = q;
    const perm = [axis, ...Array.from({ length: r }, (_, i) => i).filter((i) => i !== axis)];
    const inverse = perm.map((_, i) => perm.indexOf(i));
    const dyPerm = [
      ...Array.from({ length: qr }, (_, i) => axis + i),
      ...Array.from({ length: axis }, (_, i) => i),
      ...Array.from({ length: r - axis - 1 }, (_, i) => axis + qr + i)
    ];
    const scattered = em.one(
      "ScatterND",
      [em.one("Transpose", [zeros2], { perm }), unsq, em.one("Transpose", [dY], { perm: dyPerm })],
      { reduction: "add" }
    );
    return [em.one("Transpose", [scattered], { perm: inverse }, "grad_gather")];
  }
};
var layerNorm = {
  differentiable: () => [0, 1, 2],
  check(node2, em) {
    if (rankOf2(em, inp2(node2, 0)) === void 0) return "the rank of its input is not known";
    return void 0;
  },
  forward(em, node2) {
    const mean = node2.output?.[1] || em.fresh("ln_mean");
    const invStd = node2.output?.[2] || em.fresh("ln_inv_std");
    em.push({ ...node2, output: [out2(node2, 0), mean, invStd] });
    if (em.floatType === DataType.DOUBLE) {
      return {
        saved: { mean: em.one("Cast", [mean], { to: em.floatType }), invStd: em.one("Cast", [invStd], { to: em.floatType }) }
      };
    }
    return { saved: { mean, invStd } };
  },
  backward(em, node2, [dY], need, saved) {
    if (!dY) return [];
    const x = inp2(node2, 0);
    const r = knownRank(em, x);
    const axis = normAxis(attrInt2(node2, "axis", -1), r);
    const norm = Array.from({ length: r - axis }, (_, i) => axis + i);
    const lead = Array.from({ length: axis }, (_, i) => i);
    const xhat = em.one("Mul", [em.one("Sub", [x, savedName(saved, "mean")]), savedName(saved, "invStd")], {}, "ln_xhat");
    const xShape = em.shapeOf(x);
    em.setShape(xhat, xShape);
    const sumLead = (t) => lead.length ? em.reduceSum(t, lead, false) : t;
    let dX;
    if (need[0]) {
      const dxhat = em.one("Mul", [dY, inp2(node2, 1)]);
      const m1 = em.reduceMean(dxhat, norm, true);
      const m2 = em.reduceMean(em.one("Mul", [dxhat, xhat]), norm, true);
      const centered = em.one("Sub", [em.one("Sub", [dxhat, m1]), em.one("Mul", [xhat, m2])]);
      dX = em.one("Mul", [centered, savedName(saved, "invStd")], {}, "grad_ln_x");
    }
    const dScale = need[1] ? em.sumTo(sumLead(em.one("Mul", [dY, xhat])), xShape?.slice(axis), inp2(node2, 1)) : void 0;
    const dBias = need[2] && hasInput2(node2, 2) ? em.sumTo(sumLead(dY), xShape?.slice(axis), inp2(node2, 2)) : void 0;
    return [dX, dScale, dBias];
  }
};
var pad = {
  differentiable: () => [0],
  check(node2, em) {
    const mode = attrString(node2, "mode", "constant");
    if (mode !== "constant") return `mode = ${mode} (only constant padding has a gradient here)`;
    if (hasInput2(node2, 3)) return "it pads selected axes only (the axes input of opset 18)";
    const pads = em.intsOf(inp2(node2, 1));
    if (!pads) return "its pads are computed at run time (the gradient needs them when the graph is built)";
    if (pads.some((v) => v < 0)) return "it crops (negative pads)";
    return void 0;
  },
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const pads = established(em.intsOf(inp2(node2, 1)), "the pads");
    const r = pads.length / 2;
    const axes = Array.from({ length: r }, (_, i) => i).filter((i) => pads[i] !== 0 || pads[i + r] !== 0);
    if (axes.length === 0) return [dY];
    return [
      em.one(
        "Slice",
        [
          dY,
          em.ints(axes.map((a) => pads[a])),
          em.ints(axes.map((a) => pads[a + r] > 0 ? -pads[a + r] : Number.MAX_SAFE_INTEGER)),
          em.ints(axes)
        ],
        {},
        "grad_pad"
      )
    ];
  }
};
function parseEinsum(node2) {
  const eq = attrString(node2, "equation", "").replace(/\s+/g, "");
  const arrow = eq.indexOf("->");
  if (arrow < 0) return `equation "${eq}" has no explicit output ("->")`;
  if (eq.includes("...")) return `equation "${eq}" uses an ellipsis`;
  const inputs = eq.slice(0, arrow).split(",");
  const output = eq.slice(arrow + 2);
  const letters = /^[A-Za-z]*$/;
  if (![...inputs, output].every((t) => letters.test(t))) return `equation "${eq}" is not understood`;
  if ([...inputs, output].some((t) => new Set(t).size !== t.length))
    return `equation "${eq}" repeats a subscript within one operand (a diagonal)`;
  return { inputs, output };
}
var einsum = {
  check(node2, em) {
    const p = parseEinsum(node2);
    if (typeof p === "string") return p;
    if (p.inputs.length > 2) return `${p.inputs.length} operands (one or two have gradients here)`;
    if (p.inputs.length !== (node2.input ?? []).length)
      return `the equation names ${p.inputs.length} operands for ${(node2.input ?? []).length} inputs`;
    for (const [k, spec] of p.inputs.entries()) {
      const r = rankOf2(em, inp2(node2, k));
      if (r !== void 0 && r !== spec.length) return `operand ${k} has rank ${r} but subscripts "${spec}"`;
    }
    for (const [k, spec] of p.inputs.entries()) {
      const others = /* @__PURE__ */ new Set([...p.output, ...p.inputs[1 - k] ?? ""]);
      const alone = [...spec].filter((c) => !others.has(c));
      if (alone.length) return `subscript ${alone.join(", ")} of operand ${k} is summed away in that operand alone`;
    }
    return void 0;
  },
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    const { inputs, output } = parseEinsum(node2);
    if (inputs.length === 1) return [em.one("Einsum", [dY], { equation: `${output}->${inputs[0]}` }, "grad_einsum")];
    const [a, b] = inputs;
    return [
      need[0] ? em.one("Einsum", [dY, inp2(node2, 1)], { equation: `${output},${b}->${a}` }, "grad_einsum") : void 0,
      need[1] ? em.one("Einsum", [inp2(node2, 0), dY], { equation: `${a},${output}->${b}` }, "grad_einsum") : void 0
    ];
  }
};
function extremeAxes(node2, em) {
  if (hasInput2(node2, 1)) return em.intsOf(inp2(node2, 1)) ?? "dynamic";
  const a = node2.attribute?.find((x) => x.name === "axes")?.ints?.map(Number) ?? [];
  if (a.length) return a;
  return attrInt2(node2, "noop_with_empty_axes", 0) ? [] : void 0;
}
var reduceExtreme = {
  differentiable: () => [0],
  check(node2, em) {
    const axes = extremeAxes(node2, em);
    if (axes === "dynamic") return "its axes are computed at run time (the gradient needs them when the graph is built)";
    const rank = rankOf2(em, inp2(node2, 0));
    if (rank === void 0) return "the rank of its input is not known when the graph is built";
    if (axes?.some((a) => !Number.isInteger(a) || a < -rank || a >= rank))
      return `axes [${axes.join(", ")}] do not fit an input of rank ${rank}`;
    return void 0;
  },
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const x = inp2(node2, 0);
    const rank = rankOf2(em, x);
    const given = extremeAxes(node2, em);
    const axes = (given ?? Array.from({ length: rank }, (_, i) => i)).map((a) => normAxis(a, rank)).sort((p, q) => p - q);
    const keep = attrInt2(node2, "keepdims", 1) !== 0 || axes.length === 0;
    const y = keep ? out2(node2, 0) : em.one("Unsqueeze", [out2(node2, 0), em.ints(axes)]);
    const g = keep ? dY : em.one("Unsqueeze", [dY, em.ints(axes)]);
    const mask = em.one("Cast", [em.one("Equal", [x, y])], { to: em.floatType });
    const count2 = axes.length ? em.one("ReduceSum", [mask, em.ints(axes)], { keepdims: 1 }) : em.scalar(1);
    return [em.one("Mul", [mask, em.one("Div", [g, count2])], {}, "grad_reduce_extreme")];
  }
};
var tile = {
  differentiable: () => [0],
  check(node2, em) {
    const reps = em.intsOf(inp2(node2, 1));
    if (!reps) return "its repeats are computed at run time (the gradient needs them when the graph is built)";
    const dims = em.shapeOf(inp2(node2, 0));
    if (!isStatic(dims)) return "its input's shape is not known when the graph is built";
    if (reps.length !== dims.length || reps.some((r) => !Number.isInteger(r) || r < 1))
      return `repeats [${reps.join(", ")}] do not fit an input of rank ${dims.length}`;
    return void 0;
  },
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const reps = em.intsOf(inp2(node2, 1));
    const dims = em.shapeOf(inp2(node2, 0));
    if (reps.every((r) => r === 1)) return [dY];
    const view = em.one("Reshape", [dY, em.ints(dims.flatMap((d, i) => [reps[i], d]))]);
    return [em.one("ReduceSum", [view, em.ints(dims.map((_, i) => 2 * i))], { keepdims: 0 }, "grad_tile")];
  }
};
var gelu = unaryRule((em, node2, dY) => {
  const x = inp2(node2, 0);
  if (attrString(node2, "approximate", "none") === "tanh") {
    const k = Math.sqrt(2 / Math.PI);
    const x2 = em.one("Mul", [x, x]);
    const u = em.one("Mul", [
      em.one("Mul", [x, em.one("Add", [em.one("Mul", [x2, em.scalar(0.044715)]), em.scalar(1)])]),
      em.scalar(k)
    ]);
    const t = em.one("Tanh", [u]);
    const du = em.one("Mul", [em.one("Add", [em.one("Mul", [x2, em.scalar(3 * 0.044715)]), em.scalar(1)]), em.scalar(k)]);
    const left = em.one("Mul", [em.one("Add", [t, em.scalar(1)]), em.scalar(0.5)]);
    const right = em.one("Mul", [
      em.one("Mul", [em.one("Mul", [x, em.scalar(0.5)]), em.one("Sub", [em.scalar(1), em.one("Mul", [t, t])])]),
      du
    ]);
    return em.one("Mul", [dY, em.one("Add", [left, right])]);
  }
  const cdf = em.one("Mul", [
    em.one("Add", [em.one("Erf", [em.one("Mul", [x, em.scalar(Math.SQRT1_2)])]), em.scalar(1)]),
    em.scalar(0.5)
  ]);
  const pdf = em.one("Mul", [
    em.one("Exp", [em.one("Mul", [em.one("Mul", [x, x]), em.scalar(-0.5)])]),
    em.scalar(1 / Math.sqrt(2 * Math.PI))
  ]);
  return em.one("Mul", [dY, em.one("Add", [cdf, em.one("Mul", [x, pdf])])]);
});
var MORE_GRAD_RULES = {
  Sqrt: sqrt2,
  Reciprocal: reciprocal,
  Exp: exp,
  Log: log2,
  Abs: abs,
  Erf: erf,
  HardSigmoid: hardSigmoid,
  HardSwish: hardSwish,
  Clip: clip,
  Pow: pow,
  Where: where,
  Expand: expand,
  Slice: slice,
  Split: split,
  Gather: gather,
  LayerNormalization: layerNorm,
  Pad: pad,
  Einsum: einsum,
  ReduceMax: reduceExtreme,
  ReduceMin: reduceExtreme,
  Tile: tile,
  Gelu: gelu
};

// src/train/grad-ops-conv.ts
function transposeGeometry(g, inSpatial, outSpatial) {
  const k = inSpatial.length;
  const pads = established(g.pads, "the pads");
  const begin = pads.slice(0, k);
  const end = [];
  const outputPadding = [];
  for (let i = 0; i < k; i++) {
    const full = g.strides[i] * (outSpatial[i] - 1) + (g.kernel[i] - 1) * g.dilations[i] + 1;
    const diff = inSpatial[i] + begin[i] - full;
    if (diff >= 0) {
      outputPadding.push(diff);
      end.push(0);
    } else {
      outputPadding.push(0);
      end.push(-diff);
    }
  }
  return { pads: [...begin, ...end], outputPadding };
}
function staticSpatial(em, x) {
  const s = em.shapeOf(x);
  if (!s || s.length < 3) return void 0;
  const spatial = s.slice(2);
  return spatial.every((d) => typeof d === "number") ? { shape: s, spatial } : void 0;
}
var conv = {
  check(node2, em) {
    const x = staticSpatial(em, inp(node2, 0));
    if (!x)
      return "the spatial dims of its input are not known when the graph is built (give the model inputs' shapes in the budget file: `inputs: { x: { shape: [...] } }` or `dims:`)";
    const w = em.shapeOf(inp(node2, 1));
    if (!isStatic(w)) return "the shape of its weight is not known when the graph is built";
    return void 0;
  },
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    const x = inp(node2, 0);
    const w = inp(node2, 1);
    const { spatial } = established(staticSpatial(em, x), `the spatial shape of ${x}`);
    const wShape = staticDims(knownShape(em, w), `the shape of ${w}`);
    const g = established(windowGeometry(node2, spatial, wShape.slice(2)), "the window geometry");
    const ySpatial = staticDims(windowOutput(spatial, g), "the output size");
    const k = spatial.length;
    const group = attrInt2(node2, "group", 1);
    let dX;
    let dW;
    let dB;
    const K = g.kernel.reduce((a, b) => a * b, 1);
    const perm = [1, 0, ...Array.from({ length: k }, (_, i) => i + 2)];
    let dYm;
    const dYMatrix = () => dYm ??= em.reshapeTo(em.one("Transpose", [dY], { perm }, "dyT"), [wShape[0], -1]);
    if (need[0] && group === 1) {
      const pads = established(g.pads, "the pads");
      const paddedSpatial = spatial.map((h, a) => h + pads[a] + pads[a + k]);
      const dcols = em.one("Gemm", [em.reshapeTo(w, [wShape[0], -1]), dYMatrix()], { transA: 1 }, "grad_conv_cols");
      const offsets = [[]];
      for (const size of g.kernel) {
        const next = [];
        for (const o of offsets) for (let j = 0; j < size; j++) next.push([...o, j]);
        offsets.splice(0, offsets.length, ...next);
      }
      let byOffset = em.reshapeTo(dcols, [wShape[1], K, -1, ...ySpatial]);
      let span = ySpatial;
      if (g.strides.some((v) => v !== 1)) {
        const inter = em.reshapeTo(byOffset, [wShape[1], K, -1, ...ySpatial.flatMap((y) => [y, 1])]);
        const endPads = [0, 0, 0, ...g.strides.flatMap((st) => [0, st - 1])];
        const spread = em.one(
          "Pad",
          [inter, em.ints([...new Array(3 + 2 * k).fill(0), ...endPads]), em.scalar(0)],
          {},
          "col2im_stride"
        );
        span = ySpatial.map((y, a) => (y - 1) * g.strides[a] + 1);
        byOffset = em.one(
          "Slice",
          [
            em.reshapeTo(spread, [wShape[1], K, -1, ...ySpatial.map((y, a) => y * g.strides[a])]),
            em.ints(new Array(k).fill(0)),
            em.ints(span),
            em.ints(Array.from({ length: k }, (_, i) => i + 3))
          ],
          {},
          "col2im_stride"
        );
      }
      const parts = K === 1 ? [byOffset] : em.op("Split", [byOffset], { axis: 1, ...em.opset >= 18 ? { num_outputs: K } : {} }, K, "col2im");
      const placed = parts.map((part, i) => {
        const begin = offsets[i].map((j, a) => j * g.dilations[a]);
        const end = begin.map((b, a) => paddedSpatial[a] - b - span[a]);
        if (begin.every((v) => v === 0) && end.every((v) => v === 0)) return part;
        return em.one("Pad", [part, em.ints([0, 0, 0, ...begin, 0, 0, 0, ...end]), em.scalar(0)], {}, "col2im");
      });
      const summed = placed.length === 1 ? placed[0] : em.one("Sum", placed, {}, "col2im_sum");
      const image = em.one("Transpose", [em.reshapeTo(summed, [wShape[1], -1, ...paddedSpatial])], { perm }, "dx_padded");
      dX = pads.some((v) => v !== 0) ? em.one(
        "Slice",
        [
          image,
          em.ints(pads.slice(0, k)),
          em.ints(spatial.map((h, a) => h + pads[a])),
          em.ints(Array.from({ length: k }, (_, i) => i + 2))
        ],
        {},
        "grad_conv_x"
      ) : image;
    } else if (need[0]) {
      const t = transposeGeometry(g, spatial, ySpatial);
      dX = em.one(
        "ConvTranspose",
        [dY, w],
        {
          ...group !== 1 ? { group } : {},
          kernel_shape: g.kernel,
          strides: g.strides,
          dilations: g.dilations,
          pads: t.pads,
          output_padding: t.outputPadding
        },
        "grad_conv_x"
      );
    }
    if (need[1] && group === 1) {
      const pads = established(g.pads, "the pads");
      const padded = pads.some((v) => v !== 0) ? em.one("Pad", [x, em.ints([0, 0, ...pads.slice(0, k), 0, 0, ...pads.slice(k)]), em.scalar(0)], {}, "x_padded") : x;
      const xT = em.one("Transpose", [padded], { perm }, "xT");
      const axes = em.ints(Array.from({ length: k }, (_, i) => i + 2));
      const steps = em.ints(g.strides);
      const offsets = [[]];
      for (const size of g.kernel) {
        const next = [];
        for (const o of offsets) for (let j = 0; j < size; j++) next.push([...o, j]);
        offsets.splice(0, offsets.length, ...next);
      }
      const cols = offsets.map((o) => {
        const starts = o.map((j, a) => j * g.dilations[a]);
        const ends = starts.map((st, a) => st + (ySpatial[a] - 1) * g.strides[a] + 1);
        const sl = g.kernel.every((v) => v === 1) && g.strides.every((v) => v === 1) ? xT : em.one("Slice", [xT, em.ints(starts), em.ints(ends), axes, steps], {}, "im2col");
        return offsets.length === 1 ? sl : unsqueeze(em, sl, [1]);
      });
      const stacked = cols.length === 1 ? cols[0] : em.one("Concat", cols, { axis: 1 }, "im2col");
      const colMat = em.reshapeTo(stacked, [wShape[1] * offsets.length, -1]);
      dW = em.reshapeTo(em.one("Gemm", [dYMatrix(), colMat], { transB: 1 }, "grad_conv_w_gemm"), wShape);
    } else if (need[1]) {
      const perm2 = [1, 0, ...Array.from({ length: k }, (_, i) => i + 2)];
      let xT;
      if (group === 1) xT = em.one("Transpose", [x], { perm: perm2 }, "xT");
      else {
        const cPer = wShape[1];
        const split2 = em.one("Reshape", [x, em.ints([0, group, cPer, ...spatial])], {}, "x_groups");
        const moved = em.one("Transpose", [split2], { perm: [2, 1, 0, ...Array.from({ length: k }, (_, i) => i + 3)] });
        xT = em.one("Reshape", [moved, em.ints([cPer, -1, ...spatial])], {}, "xT");
      }
      const dYT = em.one("Transpose", [dY], { perm: perm2 }, "dyT");
      const pads = established(g.pads, "the pads");
      let c = em.one(
        "Conv",
        [xT, dYT],
        { strides: g.dilations, dilations: g.strides, pads, kernel_shape: ySpatial, ...group !== 1 ? { group } : {} },
        "grad_conv_w"
      );
      const got = spatial.map(
        (h, i) => Math.floor((h + pads[i] + pads[i + k] - (ySpatial[i] - 1) * g.strides[i] - 1) / g.dilations[i]) + 1
      );
      if (got.some((v, i) => v !== g.kernel[i])) {
        const axes = Array.from({ length: k }, (_, i) => i + 2);
        c = em.one("Slice", [c, em.ints(new Array(k).fill(0)), em.ints(g.kernel), em.ints(axes)], {}, "slice_kernel");
      }
      dW = em.one("Transpose", [c], { perm: perm2 }, "grad_conv_w");
    }
    if (need[2] && hasInput(node2, 2)) {
      dB = em.reduceSum(dY, [0, ...Array.from({ length: k }, (_, i) => i + 2)], false);
    }
    return [dX, dW, dB];
  }
};
var maxPool = {
  check(node2, em) {
    if (attrInt2(node2, "storage_order", 0) !== 0) return "storage_order = 1 (column-major indices)";
    if (rankOf(em, inp(node2, 0)) === void 0) return "the rank of its input is not known when the graph is built";
    return void 0;
  },
  forward(em, node2) {
    const indices = node2.output?.[1] || em.fresh("maxpool_indices");
    em.push({ ...node2, output: [out(node2, 0), indices] });
    return { saved: { indices } };
  },
  backward(em, node2, [dY], _need, saved) {
    if (!dY) return [];
    const x = inp(node2, 0);
    const xShape = em.shapeOf(x);
    const total2 = isStatic(xShape) ? em.ints([xShape.reduce((a, b) => a * b, 1)]) : em.one("Reshape", [em.one("Size", [x]), em.ints([1])]);
    const data = em.floatType === DataType.DOUBLE ? Float64Array.from([0]) : Float32Array.from([0]);
    const zeros2 = em.one("ConstantOfShape", [total2], { value: { t: rawTensor("value", [1], em.floatType, data) } }, "zeros");
    const flat = em.one(
      "ScatterElements",
      [zeros2, em.one("Reshape", [savedName(saved, "indices"), em.ints([-1])]), em.one("Reshape", [dY, em.ints([-1])])],
      { axis: 0, reduction: "add" },
      "grad_maxpool_flat"
    );
    return [em.reshapeLike(flat, x)];
  }
};
function poolDivisors1d(h, outLen, k, s, d, pb, pe, includePad) {
  const res = [];
  for (let o = 0; o < outLen; o++) {
    const start = o * s - pb;
    if (includePad) {
      const end = Math.min(start + (k - 1) * d + 1, h + pe);
      res.push(d === 1 ? end - start : Math.floor((end - start - 1) / d) + 1);
    } else {
      let c = 0;
      for (let j = 0; j < k; j++) {
        const p = start + j * d;
        if (p >= 0 && p < h) c++;
      }
      res.push(c);
    }
  }
  return res;
}
var averagePool = {
  check(node2, em) {
    const x = staticSpatial(em, inp(node2, 0));
    if (!x)
      return "the spatial dims of its input are not known when the graph is built (give the model inputs' shapes in the budget file: `inputs: { x: { shape: [...] } }` or `dims:`)";
    if (typeof x.shape[1] !== "number") return "its channel count is not known when the graph is built";
    return void 0;
  },
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const x = inp(node2, 0);
    const { shape, spatial } = established(staticSpatial(em, x), `the spatial shape of ${x}`);
    const channels = shape[1];
    const g = established(windowGeometry(node2, spatial), "the window geometry");
    const ySpatial = staticDims(windowOutput(spatial, g), "the output size");
    const k = spatial.length;
    const includePad = attrInt2(node2, "count_include_pad", 0) === 1;
    const pads = established(g.pads, "the pads");
    const per = spatial.map(
      (h, i) => poolDivisors1d(h, ySpatial[i], g.kernel[i], g.strides[i], g.dilations[i], pads[i], pads[i + k], includePad)
    );
    let divisors = [1];
    for (const axis of per) divisors = divisors.flatMap((a) => axis.map((b) => a * b));
    const uniform = divisors.every((v) => v === divisors[0]);
    const kernelSize = g.kernel.reduce((a, b) => a * b, 1);
    const weight = em.floatConst(
      [channels, 1, ...g.kernel],
      new Array(channels * kernelSize).fill(uniform ? 1 / divisors[0] : 1)
    );
    const scaled = uniform ? dY : em.one("Mul", [
      dY,
      em.floatConst(
        ySpatial,
        divisors.map((v) => 1 / v)
      )
    ]);
    const t = transposeGeometry(g, spatial, ySpatial);
    return [
      em.one(
        "ConvTranspose",
        [scaled, weight],
        {
          group: channels,
          kernel_shape: g.kernel,
          strides: g.strides,
          dilations: g.dilations,
          pads: t.pads,
          output_padding: t.outputPadding
        },
        "grad_avgpool"
      )
    ];
  }
};
var globalAveragePool = {
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const x = inp(node2, 0);
    const s = em.shapeOf(x);
    const spatial = s?.slice(2);
    const count2 = spatial && spatial.every((d) => typeof d === "number") ? em.scalar(spatial.reduce((a, b) => a * b, 1)) : em.one("Div", [em.floatSize(x, s), em.floatSize(out(node2, 0), em.shapeOf(out(node2, 0)))], {}, "pool_count");
    const shape = isStatic(s) ? em.ints(s) : em.shapeTensor(x);
    return [em.one("Expand", [em.one("Div", [dY, count2]), shape], {}, "grad_global_avgpool")];
  }
};
var batchNorm = {
  differentiable: () => [0, 1, 2],
  check(node2, em) {
    if (rankOf(em, inp(node2, 0)) === void 0) return "the rank of its input is not known when the graph is built";
    if ((node2.output ?? []).slice(1).some(Boolean))
      return "it has outputs besides Y (running or saved statistics); export the model in inference mode";
    if (attrInt2(node2, "spatial", 1) !== 1) return "spatial = 0 (per-activation statistics, opset < 9)";
    return void 0;
  },
  forward(em, node2) {
    const x = inp(node2, 0);
    const rank = knownRank(em, x);
    const xShape = knownShape(em, x);
    const axes = [0, ...Array.from({ length: rank - 2 }, (_, i) => i + 2)];
    const eps = attrFloat2(node2, "epsilon", 1e-5);
    const momentum = attrFloat2(node2, "momentum", 0.9);
    const paramShape = [-1, ...new Array(rank - 2).fill(1)];
    const asParam = (p) => rank > 2 ? em.one("Reshape", [p, em.ints(paramShape)], {}, "bn_param") : p;
    const mu = em.reduceMean(x, axes, true);
    const xc = em.one("Sub", [x, mu], {}, "bn_centered");
    const variance = em.reduceMean(em.one("Mul", [xc, xc]), axes, true);
    const invStd = em.one("Reciprocal", [em.one("Sqrt", [em.one("Add", [variance, em.scalar(eps)])])], {}, "bn_inv_std");
    const xhat = em.one("Mul", [xc, invStd], {}, "bn_xhat");
    const gamma = asParam(inp(node2, 1));
    em.to(out(node2, 0), "Add", [em.one("Mul", [xhat, gamma]), asParam(inp(node2, 2))]);
    for (const t of [xc, xhat]) em.setShape(t, xShape);
    const statShape = xShape.map((d, i) => axes.includes(i) ? 1 : d);
    for (const t of [mu, variance, invStd]) em.setShape(t, statShape);
    const updates = {};
    const flat = (t) => em.one("Reshape", [t, em.ints([-1])]);
    for (const [slot, stat2] of [
      [3, mu],
      [4, variance]
    ]) {
      const running = inp(node2, slot);
      if (!running) continue;
      updates[running] = em.one(
        "Add",
        [em.one("Mul", [running, em.scalar(momentum)]), em.one("Mul", [flat(stat2), em.scalar(1 - momentum)])],
        {},
        "bn_running"
      );
    }
    return { saved: { xhat, invStd, gamma }, stateUpdates: updates };
  },
  backward(em, node2, [dY], need, saved) {
    if (!dY) return [];
    const x = inp(node2, 0);
    const rank = knownRank(em, x);
    const axes = [0, ...Array.from({ length: rank - 2 }, (_, i) => i + 2)];
    const xhat = savedName(saved, "xhat");
    const sumDy = em.reduceSum(dY, axes, true);
    const dyXhat = em.one("Mul", [dY, xhat]);
    const sumDyXhat = em.reduceSum(dyXhat, axes, true);
    const flat = (t) => em.one("Reshape", [t, em.ints([-1])]);
    let dX;
    if (need[0]) {
      const xShape = em.shapeOf(x);
      const statShape = xShape?.map((d, i) => axes.includes(i) ? 1 : d);
      const invCount = em.one("Div", [em.floatSize(sumDy, statShape), em.floatSize(x, xShape)], {}, "bn_inv_count");
      const centered = em.one("Sub", [
        em.one("Sub", [dY, em.one("Mul", [sumDy, invCount])]),
        em.one("Mul", [xhat, em.one("Mul", [sumDyXhat, invCount])])
      ]);
      dX = em.one("Mul", [centered, em.one("Mul", [savedName(saved, "gamma"), savedName(saved, "invStd")])], {}, "grad_bn_x");
    }
    return [dX, need[1] ? flat(sumDyXhat) : void 0, need[2] ? flat(sumDy) : void 0];
  }
};

// src/train/grad-ops.ts
var gemm = {
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    const alpha = attrFloat2(node2, "alpha", 1);
    const beta = attrFloat2(node2, "beta", 1);
    const tA = attrInt2(node2, "transA", 0);
    const tB = attrInt2(node2, "transB", 0);
    const a = inp(node2, 0);
    const b = inp(node2, 1);
    const scale = alpha !== 1 ? { alpha: { f: alpha } } : {};
    const dA = need[0] ? tA ? em.one("Gemm", [b, dY], { ...scale, transA: tB, transB: 1 }, "grad_gemm_a") : em.one("Gemm", [dY, b], { ...scale, transA: 0, transB: tB ? 0 : 1 }, "grad_gemm_a") : void 0;
    const dB = need[1] ? tB ? em.one("Gemm", [dY, a], { ...scale, transA: 1, transB: tA }, "grad_gemm_b") : em.one("Gemm", [a, dY], { ...scale, transA: tA ? 0 : 1, transB: 0 }, "grad_gemm_b") : void 0;
    let dC;
    if (need[2] && hasInput(node2, 2)) {
      dC = bcast(em, node2, dY, 2);
      if (beta !== 1) dC = em.one("Mul", [dC, em.scalar(beta)]);
    }
    return [dA, dB, dC];
  }
};
var matmul = {
  check(node2, em) {
    if (rankOf(em, inp(node2, 0)) === void 0 || rankOf(em, inp(node2, 1)) === void 0) {
      return "the ranks of its inputs are not known when the graph is built (give the model inputs' shapes in the budget file: `inputs: { x: { shape: [...] } }` or `dims:`)";
    }
    return void 0;
  },
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    const a = inp(node2, 0);
    const b = inp(node2, 1);
    const ra = knownRank(em, a);
    const rb = knownRank(em, b);
    const yAxes = [...ra === 1 ? [-2] : [], ...rb === 1 ? [-1] : []];
    const dY2 = yAxes.length ? unsqueeze(em, dY, yAxes) : dY;
    const a2 = ra === 1 ? unsqueeze(em, a, [0]) : a;
    const b2 = rb === 1 ? unsqueeze(em, b, [-1]) : b;
    const ra2 = Math.max(ra, 2);
    const rb2 = Math.max(rb, 2);
    const sa = knownShape(em, a);
    const sb = knownShape(em, b);
    const sa2 = ra === 1 ? [1, ...sa] : sa;
    const sb2 = rb === 1 ? [...sb, 1] : sb;
    const batch = broadcastShapes(sa2.slice(0, -2), sb2.slice(0, -2)) ?? [];
    let dA;
    let dB;
    const kDim = sa[ra - 1];
    const nDim = rb === 2 ? sb[1] : void 0;
    if (ra >= 2 && rb === 2 && typeof kDim === "number" && typeof nDim === "number") {
      const rows = (t, width) => ra === 2 ? t : em.reshapeTo(t, [-1, width]);
      if (need[0]) {
        const g = em.one("Gemm", [rows(dY, nDim), b], { transB: 1 }, "grad_matmul_a");
        dA = ra === 2 ? g : em.reshapeLike(g, a);
      }
      if (need[1]) dB = em.one("Gemm", [rows(a, kDim), rows(dY, nDim)], { transA: 1 }, "grad_matmul_b");
      return [dA, dB];
    }
    if (need[0]) {
      let g = em.one("MatMul", [dY2, em.one("Transpose", [b2], { perm: swapLastTwo(rb2) }, "bT")], {}, "grad_matmul_a");
      let gShape = [...batch, sa2[sa2.length - 2], sa2[sa2.length - 1]];
      if (ra === 1) {
        g = squeeze(em, g, [-2]);
        gShape = [...batch, sa2[sa2.length - 1]];
      }
      dA = em.sumTo(g, gShape, a);
    }
    if (need[1]) {
      let g = em.one("MatMul", [em.one("Transpose", [a2], { perm: swapLastTwo(ra2) }, "aT"), dY2], {}, "grad_matmul_b");
      let gShape = [...batch, sb2[sb2.length - 2], sb2[sb2.length - 1]];
      if (rb === 1) {
        g = squeeze(em, g, [-1]);
        gShape = [...batch, sb2[sb2.length - 2]];
      }
      dB = em.sumTo(g, gShape, b);
    }
    return [dA, dB];
  }
};
var add = {
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    return [need[0] ? bcast(em, node2, dY, 0) : void 0, need[1] ? bcast(em, node2, dY, 1) : void 0];
  }
};
var sub = {
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    return [need[0] ? bcast(em, node2, dY, 0) : void 0, need[1] ? em.one("Neg", [bcast(em, node2, dY, 1)]) : void 0];
  }
};
var mul = {
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    const yShape = em.shapeOf(out(node2, 0));
    return [
      need[0] ? em.sumTo(em.one("Mul", [dY, inp(node2, 1)]), yShape, inp(node2, 0)) : void 0,
      need[1] ? em.sumTo(em.one("Mul", [dY, inp(node2, 0)]), yShape, inp(node2, 1)) : void 0
    ];
  }
};
var div = {
  backward(em, node2, [dY], need) {
    if (!dY) return [];
    const yShape = em.shapeOf(out(node2, 0));
    const t = em.one("Div", [dY, inp(node2, 1)]);
    return [
      need[0] ? em.sumTo(t, yShape, inp(node2, 0)) : void 0,
      need[1] ? em.one("Neg", [em.sumTo(em.one("Mul", [t, out(node2, 0)]), yShape, inp(node2, 1))]) : void 0
    ];
  }
};
var relu = {
  backward(em, node2, [dY]) {
    if (!dY) return [];
    return [em.one("Where", [em.one("Greater", [out(node2, 0), em.scalar(0)]), dY, em.scalar(0)], {}, "grad_relu")];
  }
};
var leakyRelu = {
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const alpha = attrFloat2(node2, "alpha", 0.01);
    const slope = em.one("Where", [em.one("Greater", [inp(node2, 0), em.scalar(0)]), em.scalar(1), em.scalar(alpha)]);
    return [em.one("Mul", [dY, slope], {}, "grad_leaky_relu")];
  }
};
var sigmoid = {
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const y = out(node2, 0);
    return [em.one("Mul", [dY, em.one("Mul", [y, em.one("Sub", [em.scalar(1), y])])], {}, "grad_sigmoid")];
  }
};
var tanh = {
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const y = out(node2, 0);
    return [em.one("Mul", [dY, em.one("Sub", [em.scalar(1), em.one("Mul", [y, y])])], {}, "grad_tanh")];
  }
};
var softmax = {
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const y = out(node2, 0);
    const axis = attrInt2(node2, "axis", -1);
    const p = em.one("Mul", [dY, y]);
    const s = em.reduceSum(p, [axis], true);
    return [em.one("Sub", [p, em.one("Mul", [y, s])], {}, "grad_softmax")];
  }
};
var logSoftmax = {
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const axis = attrInt2(node2, "axis", -1);
    const s = em.reduceSum(dY, [axis], true);
    return [em.one("Sub", [dY, em.one("Mul", [em.one("Exp", [out(node2, 0)]), s])], {}, "grad_log_softmax")];
  }
};
var reshapeLike = {
  differentiable: () => [0],
  backward(em, node2, [dY]) {
    if (!dY) return [];
    return [em.reshapeLike(dY, inp(node2, 0))];
  }
};
var identity = {
  backward(_em, _node, [dY]) {
    return [dY];
  }
};
var cast = {
  backward(em, _node, [dY]) {
    return dY ? [em.one("Cast", [dY], { to: em.floatType })] : [];
  }
};
var neg = {
  backward(em, _node, [dY]) {
    return dY ? [em.one("Neg", [dY])] : [];
  }
};
var transpose = {
  check(node2, em) {
    return attrInts(node2, "perm", []).length === 0 && rankOf(em, inp(node2, 0)) === void 0 ? "it has no perm attribute and the rank of its input is not known when the graph is built" : void 0;
  },
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const rank = rankOf(em, inp(node2, 0)) ?? attrInts(node2, "perm", []).length;
    const perm = attrInts(
      node2,
      "perm",
      Array.from({ length: rank }, (_, i) => rank - 1 - i)
    );
    const inverse = new Array(perm.length);
    perm.forEach((p, i) => {
      inverse[p] = i;
    });
    return [em.one("Transpose", [dY], { perm: inverse }, "grad_transpose")];
  }
};
var dropout = {
  differentiable: () => [0],
  forward(em, node2) {
    const ratio = hasInput(node2, 1) ? inp(node2, 1) : em.scalar(0.5);
    const mask = node2.output?.[1] || em.fresh("dropout_mask");
    em.push({ ...withoutAttrs(node2, []), input: [inp(node2, 0), ratio, em.bool(true)], output: [out(node2, 0), mask] });
    return { saved: { mask, ratio } };
  },
  backward(em, _node, [dY], _need, saved) {
    if (!dY) return [];
    const ratioName = savedName(saved, "ratio");
    const known = em.floatsOf(ratioName);
    const scale = known && known.length === 1 ? em.scalar(1 / (1 - known[0])) : em.one("Div", [em.scalar(1), em.one("Sub", [em.scalar(1), em.one("Cast", [ratioName], { to: em.floatType })])]);
    const m = em.one("Cast", [savedName(saved, "mask")], { to: em.floatType }, "mask_float");
    return [em.one("Mul", [em.one("Mul", [dY, m]), scale], {}, "grad_dropout")];
  }
};
var concat2 = {
  check(node2, em) {
    const axis = attrInt2(node2, "axis", 0);
    return axis < 0 && rankOf(em, out(node2, 0)) === void 0 ? "its axis is negative and the rank of its output is not known" : void 0;
  },
  backward(em, node2, [dY]) {
    if (!dY) return [];
    const rank = rankOf(em, out(node2, 0));
    const axis = rank !== void 0 ? normAxis(attrInt2(node2, "axis", 0), rank) : attrInt2(node2, "axis", 0);
    const inputs = node2.input ?? [];
    const sizes = inputs.map((x) => em.shapeOf(x)?.[axis]);
    const split2 = sizes.every((d) => typeof d === "number") ? em.ints(sizes) : em.one(
      "Concat",
      inputs.map((x) => em.one("Shape", [x], { start: axis, end: axis + 1 })),
      { axis: 0 },
      "split_sizes"
    );
    if (inputs.length === 1) return [dY];
    return em.op("Split", [dY, split2], { axis }, inputs.length, "grad_concat");
  }
};
function reduceAxes(node2, em) {
  if (hasInput(node2, 1)) return em.intsOf(inp(node2, 1)) ?? "dynamic";
  const a = attrInts(node2, "axes", []);
  if (a.length) return a;
  return attrInt2(node2, "noop_with_empty_axes", 0) ? [] : void 0;
}
function reduceRule(mean) {
  return {
    differentiable: () => [0],
    check(node2, em) {
      const axes = reduceAxes(node2, em);
      if (axes === "dynamic") return "its axes are computed at run time (the gradient needs them when the graph is built)";
      if (rankOf(em, inp(node2, 0)) === void 0) return "the rank of its input is not known when the graph is built";
      return void 0;
    },
    backward(em, node2, [dY]) {
      if (!dY) return [];
      const x = inp(node2, 0);
      const rank = knownRank(em, x);
      const given = reduceAxes(node2, em);
      const axes = (given ?? Array.from({ length: rank }, (_, i) => i)).map((a) => normAxis(a, rank));
      let g = attrInt2(node2, "keepdims", 1) || axes.length === 0 ? dY : unsqueeze(
        em,
        dY,
        [...axes].sort((a, b) => a - b)
      );
      if (mean) {
        const xs2 = knownShape(em, x);
        const reduced = axes.map((a) => xs2[a]);
        const count2 = reduced.every((d) => typeof d === "number") ? em.scalar(reduced.reduce((a, b) => a * b, 1)) : em.one("Div", [em.floatSize(x, xs2), em.floatSize(out(node2, 0), em.shapeOf(out(node2, 0)))], {}, "reduce_count");
        g = em.one("Div", [g, count2]);
      }
      const xs = em.shapeOf(x);
      return [
        em.one("Expand", [g, isStatic(xs) ? em.ints(xs) : em.shapeTensor(x)], {}, mean ? "grad_reduce_mean" : "grad_reduce_sum")
      ];
    }
  };
}
var NO_GRADIENT_OPS = /* @__PURE__ */ new Set([
  "Shape",
  "Size",
  "NonZero",
  "ArgMax",
  "ArgMin",
  "Equal",
  "Greater",
  "Less",
  "GreaterOrEqual",
  "LessOrEqual",
  "Not",
  "And",
  "Or",
  "Xor",
  "IsNaN",
  "IsInf",
  "Sign",
  "Floor",
  "Ceil",
  "Round",
  "Range",
  "ConstantOfShape",
  "EyeLike",
  "RandomNormal",
  "RandomUniform",
  "RandomNormalLike",
  "RandomUniformLike",
  "Bernoulli",
  "Multinomial",
  "Constant"
]);
var GRAD_RULES = {
  Gemm: gemm,
  MatMul: matmul,
  Add: add,
  Sub: sub,
  Mul: mul,
  Div: div,
  Relu: relu,
  LeakyRelu: leakyRelu,
  Sigmoid: sigmoid,
  Tanh: tanh,
  Softmax: softmax,
  LogSoftmax: logSoftmax,
  Reshape: reshapeLike,
  Flatten: reshapeLike,
  Squeeze: reshapeLike,
  Unsqueeze: reshapeLike,
  Transpose: transpose,
  Identity: identity,
  Cast: cast,
  Neg: neg,
  Dropout: dropout,
  Concat: concat2,
  Conv: conv,
  MaxPool: maxPool,
  AveragePool: averagePool,
  GlobalAveragePool: globalAveragePool,
  BatchNormalization: batchNorm,
  ReduceSum: reduceRule(false),
  ReduceMean: reduceRule(true),
  ...MORE_GRAD_RULES
};
function supportedOps() {
  return Object.keys(GRAD_RULES).sort();
}
function describeNode(node2) {
  return node2.name ? `"${node2.name}"` : `(unnamed, output "${out(node2, 0)}")`;
}

// src/train/opset.ts
var MIN_SOURCE_OPSET = 7;
function upgradeNode(em, node2, from, rankOf3) {
  if (node2.domain && node2.domain !== "ai.onnx") return [node2];
  const op = node2.opType ?? "";
  const x = node2.input?.[0] ?? "";
  const y = node2.output?.[0] ?? "";
  if ((op === "Softmax" || op === "LogSoftmax" || op === "Hardmax") && from < 13) {
    const axis = attrInt2(node2, "axis", 1);
    const rank = rankOf3(x);
    if (axis === -1 || rank !== void 0 && normAxis(axis, rank) === rank - 1) {
      return [
        {
          ...withoutAttrs(node2, ["axis"]),
          attribute: [...withoutAttrs(node2, ["axis"]).attribute ?? [], { name: "axis", type: 2, i: -1 }]
        }
      ];
    }
    if (rank === void 0) return `${op} (opset ${from}) with axis ${axis} on an input of unknown rank`;
    const flat = em.fresh("flat");
    const normed = em.fresh("normed");
    const shape = em.fresh("shape");
    return [
      em.detached("Shape", [x], [shape]),
      em.detached("Flatten", [x], [flat], { axis: normAxis(axis, rank) }),
      em.detached(op, [flat], [normed], { axis: 1 }),
      em.detached("Reshape", [normed, shape], [y])
    ];
  }
  if (op === "Dropout" && from < 12) {
    const ratio = em.scalar(attrFloat2(node2, "ratio", 0.5));
    em.setFloats(ratio, [attrFloat2(node2, "ratio", 0.5)]);
    return [{ ...withoutAttrs(node2, ["ratio", "is_test"]), input: [x, ratio] }];
  }
  if ((op === "Squeeze" || op === "Unsqueeze" || op === "ReduceSum") && from < 13) {
    const axes = findAttr(node2, "axes") ? attrInts(node2, "axes", []) : void 0;
    const stripped = withoutAttrs(node2, ["axes"]);
    return [{ ...stripped, input: axes ? [x, em.ints(axes)] : [x] }];
  }
  if (op === "Split" && from < 13) {
    const split2 = findAttr(node2, "split") ? attrInts(node2, "split", []) : void 0;
    return [{ ...withoutAttrs(node2, ["split"]), input: split2 ? [x, em.ints(split2)] : [x] }];
  }
  if (op === "Clip" && from < 11) {
    const min = findAttr(node2, "min") ? em.scalar(attrFloat2(node2, "min", 0)) : "";
    const max = findAttr(node2, "max") ? em.scalar(attrFloat2(node2, "max", 0)) : "";
    return [{ ...withoutAttrs(node2, ["min", "max"]), input: [x, min, max] }];
  }
  if (op === "Pad" && from < 11) {
    const pads = attrInts(node2, "pads", []);
    const value = attrFloat2(node2, "value", 0);
    return [{ ...withoutAttrs(node2, ["pads", "value"]), input: [x, em.ints(pads), em.scalar(value)] }];
  }
  if (op === "Slice" && from < 10) {
    const starts = attrInts(node2, "starts", []);
    const ends = attrInts(node2, "ends", []);
    const axes = findAttr(node2, "axes") ? attrInts(node2, "axes", []) : void 0;
    return [
      {
        ...withoutAttrs(node2, ["starts", "ends", "axes"]),
        input: [x, em.ints(starts), em.ints(ends), ...axes ? [em.ints(axes)] : []]
      }
    ];
  }
  return [node2];
}

// src/train/recurrent.ts
var RECURRENT_OPS = /* @__PURE__ */ new Set(["LSTM", "GRU", "RNN"]);
var GATES = { LSTM: 4, GRU: 3, RNN: 1 };
var DEFAULT_ACTIVATIONS = {
  LSTM: ["Sigmoid", "Tanh", "Tanh"],
  GRU: ["Sigmoid", "Tanh"],
  RNN: ["Tanh"]
};
var ACTIVATIONS = { sigmoid: "Sigmoid", tanh: "Tanh", relu: "Relu" };
function expandRecurrent(em, node2) {
  const kind = node2.opType ?? "";
  const gates = GATES[kind];
  if (!gates) return `${kind} is not a recurrent op`;
  const input = (i) => node2.input?.[i] ?? "";
  const layout = attrInt2(node2, "layout", 0);
  const direction = attrString(node2, "direction", "forward");
  if (!["forward", "reverse", "bidirectional"].includes(direction)) return `direction "${direction}" is not an ONNX direction`;
  const dirs = direction === "bidirectional" ? 2 : 1;
  if (findAttr(node2, "clip")) return `clip ${attrFloat2(node2, "clip", 0)} is not supported (export without clipping)`;
  if (attrInt2(node2, "input_forget", 0) !== 0) return "input_forget = 1 is not supported";
  if (input(4))
    return "a sequence_lens input is not supported (per-example lengths are run-time values); export with equal lengths";
  const actAttr = findAttr(node2, "activations");
  const actNames = actAttr?.strings?.length ? actAttr.strings.map((s) => typeof s === "string" ? s : new TextDecoder().decode(s)) : [];
  const perDir = DEFAULT_ACTIVATIONS[kind].length;
  const acts = [];
  for (let d = 0; d < dirs; d++) {
    const names = actNames.length ? actNames.slice(d * perDir, (d + 1) * perDir) : DEFAULT_ACTIVATIONS[kind];
    const mapped = names.map((n) => ACTIVATIONS[n.toLowerCase()]);
    if (names.length !== perDir || mapped.some((m) => !m))
      return `activations ${names.join(", ")} are not supported (Sigmoid, Tanh and Relu are)`;
    acts.push(mapped);
  }
  if (findAttr(node2, "activation_alpha") || findAttr(node2, "activation_beta"))
    return "activation_alpha / activation_beta are not supported";
  const x = input(0);
  const xShape = em.shapeOf(x);
  const seq = xShape?.[layout ? 1 : 0];
  if (typeof seq !== "number") return "the sequence length is not known when the graph is built";
  const rShape = em.shapeOf(input(2));
  const hidden = attrInt2(node2, "hidden_size", typeof rShape?.[2] === "number" ? rShape[2] : 0);
  if (!hidden) return "hidden_size is not known";
  const linearBeforeReset = attrInt2(node2, "linear_before_reset", 0) !== 0;
  const nodes = [];
  const op = (type, inputs, attrs = {}) => {
    const o = em.fresh(`${kind.toLowerCase()}_${type.toLowerCase()}`);
    nodes.push(em.detached(type, inputs, [o], attrs));
    return o;
  };
  const opN = (type, inputs, n, attrs = {}) => {
    const outs = Array.from({ length: n }, () => em.fresh(`${kind.toLowerCase()}_${type.toLowerCase()}`));
    nodes.push(em.detached(type, inputs, outs, attrs));
    return outs;
  };
  const slice2 = (t, start, end, axis) => op("Slice", [t, em.ints([start]), em.ints([end]), em.ints([axis])]);
  const split2 = (t, sizes, axis) => sizes.length === 1 ? [t] : opN("Split", [t, em.ints(sizes)], sizes.length, { axis });
  const pick = (t, d) => op("Squeeze", [dirs === 1 ? t : slice2(t, d, d + 1, 0), em.ints([0])]);
  const act = (name, t) => op(name, [t]);
  const xs = layout ? op("Transpose", [x], { perm: [1, 0, 2] }) : x;
  let zeros2;
  const zeroState = () => {
    if (zeros2) return zeros2;
    const batch = xShape?.[layout ? 0 : 1];
    const shape = typeof batch === "number" ? em.ints([batch, hidden]) : op("Concat", [slice2(op("Shape", [x]), layout ? 0 : 1, layout ? 1 : 2, 0), em.ints([hidden])], { axis: 0 });
    const data = em.floatType === DataType.DOUBLE ? Float64Array.from([0]) : Float32Array.from([0]);
    const o = em.fresh(`${kind.toLowerCase()}_zeros`);
    nodes.push({
      ...em.detached("ConstantOfShape", [shape], [o]),
      attribute: [{ name: "value", type: 4, t: rawTensor("value", [1], em.floatType, data) }]
    });
    zeros2 = o;
    return o;
  };
  const ys = [];
  const lastH = [];
  const lastC = [];
  const gh = gates * hidden;
  const h4 = (n) => Array.from({ length: n }, () => hidden);
  for (let d = 0; d < dirs; d++) {
    const [f, g, hAct] = acts[d];
    let xw = op("MatMul", [xs, op("Transpose", [pick(input(1), d)], { perm: [1, 0] })]);
    const rT = op("Transpose", [pick(input(2), d)], { perm: [1, 0] });
    let rb;
    if (input(3)) {
      const b = pick(input(3), d);
      const wb = slice2(b, 0, gh, 0);
      rb = slice2(b, gh, 2 * gh, 0);
      xw = op("Add", [xw, kind === "GRU" && linearBeforeReset ? wb : op("Add", [wb, rb])]);
    }
    const steps = seq === 1 ? [xw] : split2(
      xw,
      Array.from({ length: seq }, () => 1),
      0
    );
    const xt = steps.map((s) => op("Squeeze", [s, em.ints([0])]));
    let h = input(5) ? pick(input(5), d) : zeroState();
    let c = kind === "LSTM" ? input(6) ? pick(input(6), d) : zeroState() : "";
    let peep;
    if (kind === "LSTM" && input(7)) peep = split2(pick(input(7), d), h4(3), 0);
    let rzrT = "";
    let rhT = "";
    if (kind === "GRU" && !linearBeforeReset) {
      rzrT = slice2(rT, 0, 2 * hidden, 1);
      rhT = slice2(rT, 2 * hidden, 3 * hidden, 1);
    }
    const reverse = direction === "reverse" || d === 1;
    const hs = new Array(seq);
    for (let k = 0; k < seq; k++) {
      const t = reverse ? seq - 1 - k : k;
      if (kind === "LSTM") {
        const [gi0, go0, gf0, gc] = split2(op("Add", [xt[t], op("MatMul", [h, rT])]), h4(4), 1);
        let gi = gi0;
        let gf = gf0;
        let go = go0;
        if (peep) {
          gi = op("Add", [gi, op("Mul", [peep[0], c])]);
          gf = op("Add", [gf, op("Mul", [peep[2], c])]);
        }
        const ig = act(f, gi);
        const fg = act(f, gf);
        const cc = act(g, gc);
        c = op("Add", [op("Mul", [fg, c]), op("Mul", [ig, cc])]);
        if (peep) go = op("Add", [go, op("Mul", [peep[1], c])]);
        h = op("Mul", [act(f, go), act(hAct, c)]);
      } else if (kind === "GRU") {
        const [xz, xr, xh] = split2(xt[t], h4(3), 1);
        let z;
        let candidate;
        if (linearBeforeReset) {
          let hr = op("MatMul", [h, rT]);
          if (rb) hr = op("Add", [hr, rb]);
          const [rz, rr, rh] = split2(hr, h4(3), 1);
          z = act(f, op("Add", [xz, rz]));
          const r = act(f, op("Add", [xr, rr]));
          candidate = act(g, op("Add", [xh, op("Mul", [r, rh])]));
        } else {
          const [rz, rr] = split2(op("MatMul", [h, rzrT]), h4(2), 1);
          z = act(f, op("Add", [xz, rz]));
          const r = act(f, op("Add", [xr, rr]));
          candidate = act(g, op("Add", [xh, op("MatMul", [op("Mul", [r, h]), rhT])]));
        }
        h = op("Add", [candidate, op("Mul", [z, op("Sub", [h, candidate])])]);
      } else {
        h = act(f, op("Add", [xt[t], op("MatMul", [h, rT])]));
      }
      hs[t] = h;
    }
    const framed = hs.map((ht) => op("Unsqueeze", [ht, em.ints([0, 1])]));
    ys.push(seq === 1 ? framed[0] : op("Concat", framed, { axis: 0 }));
    lastH.push(op("Unsqueeze", [h, em.ints([0])]));
    if (kind === "LSTM") lastC.push(op("Unsqueeze", [c, em.ints([0])]));
  }
  const join = (parts, axis) => parts.length === 1 ? parts[0] : op("Concat", parts, { axis });
  const results = [join(ys, 1), join(lastH, 0), kind === "LSTM" ? join(lastC, 0) : ""];
  const perms = [
    [2, 0, 1, 3],
    [1, 0, 2],
    [1, 0, 2]
  ];
  (node2.output ?? []).forEach((name, i) => {
    if (!name || !results[i]) return;
    nodes.push(
      layout ? em.detached("Transpose", [results[i]], [name], { perm: perms[i] }) : em.detached("Identity", [results[i]], [name])
    );
  });
  return nodes;
}

// src/train/tensor-data.ts
function sizeOf(dims) {
  return dims.reduce((a, b) => a * b, 1);
}
function copyBytes(raw) {
  const out3 = new ArrayBuffer(raw.byteLength);
  new Uint8Array(out3).set(raw);
  return out3;
}
function readTensor(t) {
  const dims = (t.dims ?? []).map(Number);
  const n = sizeOf(dims);
  const raw = t.rawData && t.rawData.byteLength > 0 ? copyBytes(t.rawData) : void 0;
  if (t.dataLocation === 1 && !raw) {
    throw new InputError(
      "MODEL_INVALID",
      `Initializer "${t.name}" keeps its values in an external data file that was not loaded; load the model with its external data (the .onnx file's folder must contain the data file) before building a training step.`
    );
  }
  switch (t.dataType) {
    case DataType.FLOAT:
      return {
        dtype: "float32",
        dims,
        data: raw ? new Float32Array(raw) : Float32Array.from(t.floatData ?? new Array(n).fill(0))
      };
    case DataType.DOUBLE:
      return {
        dtype: "float64",
        dims,
        data: raw ? new Float64Array(raw) : Float64Array.from(t.doubleData ?? new Array(n).fill(0))
      };
    case DataType.INT64:
      return {
        dtype: "int64",
        dims,
        data: raw ? new BigInt64Array(raw) : BigInt64Array.from((t.int64Data ?? []).map((v) => BigInt(v)))
      };
    case DataType.INT32:
      return { dtype: "int32", dims, data: raw ? new Int32Array(raw) : Int32Array.from(t.int32Data ?? []) };
    case DataType.BOOL:
      return { dtype: "bool", dims, data: raw ? new Uint8Array(raw) : Uint8Array.from(t.int32Data ?? []) };
    default:
      throw new InputError(
        "MODEL_INVALID",
        `Initializer "${t.name}" has ONNX element type ${t.dataType}; the training step reads float32, float64, int64, int32 and bool initializers. Convert the model's weights to float32 (e.g. onnxconverter-common's float16 \u2192 float32 conversion) before training.`
      );
  }
}
function readInts(t) {
  const d = readTensor(t);
  if (d.dtype !== "int64" && d.dtype !== "int32") return [];
  return Array.from(d.data, (v) => Number(v));
}
function zeros(dtype, dims) {
  const n = sizeOf(dims);
  return { dtype, dims, data: dtype === "float32" ? new Float32Array(n) : new Float64Array(n) };
}

// src/train/autodiff.ts
var TRAINING_OPSET = 17;
var MAX_SOURCE_OPSET = 23;
var WEIGHT_SLOTS = {
  Conv: [1, 2],
  ConvTranspose: [1, 2],
  Gemm: [0, 1, 2],
  MatMul: [0, 1],
  BatchNormalization: [1, 2, 3, 4],
  LayerNormalization: [1, 2],
  InstanceNormalization: [1, 2],
  PRelu: [1]
};
var LINEAR_OPS = /* @__PURE__ */ new Set(["Conv", "ConvTranspose", "Gemm", "MatMul"]);
function constantWeights(nodes) {
  const producer = /* @__PURE__ */ new Map();
  for (const n of nodes) for (const o of n.output ?? []) if (o) producer.set(o, n);
  const weightLike = /* @__PURE__ */ new Set();
  for (const n of nodes) {
    if (!isDefaultDomain2(n)) continue;
    const op = n.opType ?? "";
    const ins = n.input ?? [];
    for (const i of WEIGHT_SLOTS[op] ?? []) if (ins[i]) weightLike.add(ins[i]);
    if ((op === "Add" || op === "Mul") && ins.length === 2) {
      ins.forEach((x, i) => {
        const other = producer.get(ins[1 - i]);
        if (other && LINEAR_OPS.has(other.opType ?? "")) weightLike.add(x);
      });
    }
  }
  const out3 = /* @__PURE__ */ new Map();
  for (const n of nodes) {
    const name = n.output?.[0];
    if (n.opType !== "Constant" || !isDefaultDomain2(n) || !name || !weightLike.has(name)) continue;
    const value = (n.attribute ?? []).find((a) => a.name === "value")?.t;
    if (value && (value.dataType === DataType.FLOAT || value.dataType === DataType.DOUBLE)) out3.set(name, value);
  }
  return out3;
}
function modelLabel(proto) {
  return proto.graph?.name ? `model graph "${proto.graph.name}"` : "the model";
}
function sortNodes(nodes, available) {
  const produced = new Set(available);
  const pending = [...nodes];
  const sorted = [];
  while (pending.length) {
    const i = pending.findIndex((n2) => (n2.input ?? []).every((x) => !x || produced.has(x)));
    if (i < 0) {
      sorted.push(...pending);
      break;
    }
    const [n] = pending.splice(i, 1);
    sorted.push(n);
    for (const o of n.output ?? []) if (o) produced.add(o);
  }
  return sorted;
}
function prepareGraph(proto, opts = {}) {
  const graph = proto.graph;
  if (!graph)
    throw new InputError(
      "MODEL_INVALID",
      "The model has no graph; a training step needs an inference model with a graph. Re-export the model."
    );
  const defaultOpset2 = (proto.opsetImport ?? []).find((o) => !o.domain || o.domain === "ai.onnx");
  const sourceOpset = Number(defaultOpset2?.version ?? 0);
  if (sourceOpset < MIN_SOURCE_OPSET || sourceOpset > MAX_SOURCE_OPSET) {
    throw new InputError(
      "MODEL_INVALID",
      `${modelLabel(proto)} imports default-domain opset ${sourceOpset || "(none)"}; the training step handles opsets ${MIN_SOURCE_OPSET}\u2013${MAX_SOURCE_OPSET}. Re-export the model with opset 13 or newer, e.g. torch.onnx.export(..., opset_version=17).`
    );
  }
  const opset = Math.max(TRAINING_OPSET, sourceOpset);
  const initializers = /* @__PURE__ */ new Map();
  for (const t of graph.initializer ?? []) if (t.name) initializers.set(t.name, t);
  const weightConstants = constantWeights(graph.node ?? []);
  for (const [name, t] of weightConstants) initializers.set(name, { ...t, name });
  const graphNodes = (graph.node ?? []).filter((n) => !(n.opType === "Constant" && weightConstants.has(n.output?.[0] ?? "")));
  const inputs = (graph.input ?? []).filter((v) => v.name && !initializers.has(v.name));
  const outputs = graph.output ?? [];
  const declared = outputs[0]?.type?.tensorType?.elemType || void 0;
  const firstOut = declared ?? [...initializers.values()].find((t) => t.dataType === DataType.FLOAT || t.dataType === DataType.DOUBLE)?.dataType;
  const floatType = firstOut === DataType.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
  if (firstOut !== void 0 && firstOut !== DataType.FLOAT && firstOut !== DataType.DOUBLE) {
    throw new InputError(
      "MODEL_INVALID",
      `${modelLabel(proto)}: output "${outputs[0]?.name}" has ONNX element type ${firstOut}; the training step computes in float32 or float64. Convert the model to float32 before training.`
    );
  }
  const taken = /* @__PURE__ */ new Set();
  for (const n of graphNodes) {
    for (const x of [...n.input ?? [], ...n.output ?? []]) if (x) taken.add(x);
    if (n.name) taken.add(n.name);
  }
  for (const name of initializers.keys()) taken.add(name);
  for (const v of [...inputs, ...outputs]) if (v.name) taken.add(v.name);
  const em = new GraphEmitter(floatType, opset, taken);
  for (const [name, t] of initializers) {
    em.setShape(name, (t.dims ?? []).map(Number));
    if (t.dataType === DataType.INT64 || t.dataType === DataType.INT32) em.setInts(name, readInts(t));
    else if ((t.dataType === DataType.FLOAT || t.dataType === DataType.DOUBLE) && (t.dims ?? []).reduce((a, b) => a * Number(b), 1) <= 4) {
      em.setFloats(name, Array.from(readTensor(t).data, Number));
    }
  }
  for (const v of inputs) {
    const name = v.name;
    const given = opts.batchShapes?.[name];
    const dims = v.type?.tensorType?.shape?.dim;
    const shape = given ? [...given] : dims ? dims.map(
      (d) => d.dimValue !== void 0 && d.dimValue !== null && Number(d.dimValue) > 0 ? Number(d.dimValue) : d.dimParam ? opts.dims?.[d.dimParam] ?? d.dimParam : unknownDim()
    ) : void 0;
    em.setShape(name, shape);
  }
  const sorted = sortNodes(graphNodes, /* @__PURE__ */ new Set([...initializers.keys(), ...inputs.map((v) => v.name)]));
  const nodes = [];
  const problems = [];
  const recurrentReasons = /* @__PURE__ */ new Map();
  for (const original of sorted) {
    const upgraded = sourceOpset < 13 ? upgradeNode(em, original, sourceOpset, (n) => em.shapeOf(n)?.length) : [original];
    if (typeof upgraded === "string") {
      problems.push(`${describeNode(original)}: ${upgraded}`);
      continue;
    }
    const expanded = [];
    for (const n of upgraded) {
      const unrolled = RECURRENT_OPS.has(n.opType ?? "") && isDefaultDomain2(n) ? expandRecurrent(em, n) : [n];
      if (typeof unrolled === "string") {
        recurrentReasons.set(n, unrolled);
        expanded.push(n);
      } else expanded.push(...unrolled);
    }
    for (const n of expanded) {
      nodes.push(n);
      if (n.opType === "Constant" && (!n.domain || n.domain === "ai.onnx")) {
        const value = (n.attribute ?? []).find((a) => a.name === "value")?.t;
        if (value) {
          em.setShape(n.output?.[0] ?? "", (value.dims ?? []).map(Number));
          if (value.dataType === DataType.INT64 || value.dataType === DataType.INT32)
            em.setInts(n.output?.[0] ?? "", readInts(value));
          else if (value.dataType === DataType.FLOAT || value.dataType === DataType.DOUBLE)
            em.setFloats(n.output?.[0] ?? "", Array.from(readTensor(value).data, Number));
        }
        continue;
      }
      const shapes = inferNode(
        n,
        (x) => em.shapeOf(x),
        (x) => em.intsOf(x)
      );
      (n.output ?? []).forEach((o, i) => {
        if (!o) return;
        const known = opts.knownShapes?.get(o);
        const inferred = shapes[i];
        em.setShape(o, known && !isStatic(inferred) && (!inferred || inferred.length === known.length) ? [...known] : inferred);
      });
    }
  }
  if (problems.length) {
    throw new InputError(
      "MODEL_INVALID",
      `${modelLabel(proto)} (opset ${sourceOpset}) has nodes that cannot be brought to opset ${opset} for training:
  ${problems.join("\n  ")}
Re-export the model with opset 13 or newer.`
    );
  }
  return {
    weightConstants: [...weightConstants.keys()],
    sourceOpset,
    opset,
    floatType,
    em,
    nodes,
    initializers,
    inputs,
    outputs,
    otherOpsets: (proto.opsetImport ?? []).filter((o) => o.domain && o.domain !== "ai.onnx"),
    irVersion: Math.max(Number(proto.irVersion ?? 8), 8),
    graphName: graph.name ?? "model",
    recurrentReasons
  };
}
function differentiableSlots(node2) {
  const rule = GRAD_RULES[node2.opType ?? ""];
  const all = (node2.input ?? []).map((_, i) => i);
  return rule?.differentiable ? rule.differentiable(node2) : all;
}
function isDefaultDomain2(node2) {
  return !node2.domain || node2.domain === "ai.onnx";
}
var RECURRENT_HINT = "LSTM/GRU/RNN train unrolled over a sequence length known when the step is built, with Sigmoid/Tanh/Relu activations, no clip and no sequence_lens; otherwise export the recurrence unrolled into standard ops, e.g. trace a Python loop over nn.LSTMCell/nn.GRUCell steps for a fixed sequence length";
var OP_HINTS = {
  Loop: "control flow is not differentiated; unroll the loop when exporting",
  Scan: "control flow is not differentiated; unroll the scan when exporting",
  If: "control flow is not differentiated; export one branch (trace with fixed conditions)"
};
var TRAINING_MODE_OPS = /* @__PURE__ */ new Set(["Dropout", "BatchNormalization"]);
var Differentiator = class {
  /**
   * @param prep the prepared graph
   * @param wrt tensors to differentiate with respect to (initializers or inputs)
   * @param targets tensors whose gradients will be seeded (the loss's inputs)
   */
  constructor(prep, wrt, targets) {
    this.prep = prep;
    const nodes = prep.nodes;
    for (const w of wrt) this.requires.add(w);
    for (const n of nodes) {
      if (!isDefaultDomain2(n) || !NO_GRADIENT_OPS.has(n.opType ?? "")) {
        const slots = differentiableSlots(n);
        if (slots.some((i) => this.requires.has(n.input?.[i] ?? ""))) {
          const rule = isDefaultDomain2(n) ? GRAD_RULES[n.opType ?? ""] : void 0;
          const outs = rule && !rule.multiOutput ? [n.output?.[0] ?? ""] : n.output ?? [];
          for (const o of outs) if (o) this.requires.add(o);
        }
      }
    }
    for (const t of targets) this.useful.add(t);
    this.onPath = new Array(nodes.length).fill(false);
    for (let k = nodes.length - 1; k >= 0; k--) {
      const n = nodes[k];
      if (!(n.output ?? []).some((o) => o && this.useful.has(o) && this.requires.has(o))) continue;
      const slots = differentiableSlots(n).filter((i) => this.requires.has(n.input?.[i] ?? ""));
      if (!slots.length) continue;
      this.onPath[k] = true;
      for (const i of slots) this.useful.add(n.input?.[i] ?? "");
    }
    this.trainable = wrt.filter((w) => this.useful.has(w));
    const unsupported = [];
    nodes.forEach((n, k) => {
      if (!this.onPath[k]) return;
      const rule = isDefaultDomain2(n) ? GRAD_RULES[n.opType ?? ""] : void 0;
      const op = `${n.domain && n.domain !== "ai.onnx" ? `${n.domain}.` : ""}${n.opType}`;
      const notUnrolled = prep.recurrentReasons.get(n);
      if (notUnrolled)
        unsupported.push(`${op} node ${describeNode(n)}: cannot be unrolled for training: ${notUnrolled} (${RECURRENT_HINT})`);
      else if (!rule)
        unsupported.push(
          `${op} node ${describeNode(n)}: no gradient for this op type${OP_HINTS[op] ? ` (${OP_HINTS[op]})` : ""}`
        );
      else {
        const why = rule.check?.(n, prep.em);
        if (why) unsupported.push(`${op} node ${describeNode(n)}: ${why}`);
      }
    });
    if (unsupported.length) {
      throw new InputError(
        "UNSUPPORTED_OP",
        `Cannot build a training step for ${prep.graphName}: ${unsupported.length === 1 ? "one node" : `${unsupported.length} nodes`} between the trainable parameters and the loss cannot be differentiated:
  ${unsupported.join("\n  ")}
What you can do: freeze the parameters before these nodes (training.freeze: list their initializer names, so no gradient has to pass through them); replace the op with supported ones when exporting; or bring your own training-step model (training.step-model with its feedback mapping). Ops with gradients: ${supportedOps().join(", ")}.`
      );
    }
  }
  prep;
  /** The `wrt` tensors the targets depend on, in the order given. */
  trainable;
  requires = /* @__PURE__ */ new Set();
  useful = /* @__PURE__ */ new Set();
  onPath;
  saved = /* @__PURE__ */ new Map();
  /** Whether node k of the prepared graph lies between the parameters and the targets. */
  isOnPath(k) {
    return this.onPath[k];
  }
  /**
   * Emits the forward pass (training mode for Dropout and BatchNormalization).
   * Returns state updates: state tensor name → tensor holding its new value.
   */
  emitForward() {
    const em = this.prep.em;
    const updates = {};
    this.prep.nodes.forEach((n, k) => {
      const rule = isDefaultDomain2(n) ? GRAD_RULES[n.opType ?? ""] : void 0;
      if (rule?.forward && (this.onPath[k] || TRAINING_MODE_OPS.has(n.opType ?? ""))) {
        const res = rule.forward(em, n) ?? {};
        this.saved.set(k, res);
        for (const [state, value] of Object.entries(res.stateUpdates ?? {})) if (!(state in updates)) updates[state] = value;
      } else {
        em.push(n);
      }
    });
    return updates;
  }
  /**
   * Emits the backward pass from the given seeds (tensor → name of its gradient) and returns
   * the gradient of every trainable tensor.
   */
  emitBackward(seeds) {
    const em = this.prep.em;
    const contributions = /* @__PURE__ */ new Map();
    const addGrad = (t, g) => {
      const list = contributions.get(t);
      if (list) list.push(g);
      else contributions.set(t, [g]);
    };
    const materialise = (t) => {
      const list = contributions.get(t);
      if (!list || list.length === 0) return void 0;
      if (list.length === 1) return list[0];
      const sum = em.one("Sum", list, {}, "grad_sum");
      em.setShape(sum, em.shapeOf(t));
      contributions.set(t, [sum]);
      return sum;
    };
    for (const [t, g] of Object.entries(seeds)) addGrad(t, g);
    const nodes = this.prep.nodes;
    for (let k = nodes.length - 1; k >= 0; k--) {
      if (!this.onPath[k]) continue;
      const n = nodes[k];
      const dOut = (n.output ?? []).map((o) => o ? materialise(o) : void 0);
      if (dOut.every((g) => g === void 0)) continue;
      const slots = new Set(differentiableSlots(n));
      const need = (n.input ?? []).map((x, i) => !!x && slots.has(i) && this.requires.has(x) && this.useful.has(x));
      const rule = GRAD_RULES[n.opType ?? ""];
      const grads = rule.backward(em, n, dOut, need, this.saved.get(k)?.saved ?? {});
      grads.forEach((g, i) => {
        const x = n.input?.[i];
        if (g && x && need[i]) {
          if (em.shapeOf(g) === void 0) em.setShape(g, em.shapeOf(x));
          addGrad(x, g);
        }
      });
    }
    const result = /* @__PURE__ */ new Map();
    for (const w of this.trainable) {
      const g = materialise(w);
      if (g) result.set(w, g);
    }
    return result;
  }
};
function outputInfo(em, name, elemType, shapeOf = name) {
  const s = em.shapeOf(shapeOf);
  return valueInfo(
    name,
    elemType,
    s ? s.map((d) => typeof d === "number" ? d : d.startsWith("?") ? `unk_${d.slice(1)}` : d) : void 0
  );
}

// src/train/losses.ts
var BCE_EPSILON = 1e-7;
function labelSpec(loss, floatDType, predShape) {
  if (loss === "cross-entropy") {
    return { dtype: "int64", shape: predShape ? predShape.filter((_, i) => i !== 1) : void 0 };
  }
  return { dtype: floatDType, shape: predShape };
}
function emitLoss(em, kind, pred, labels) {
  const predShape = em.shapeOf(pred);
  const floatDType = em.floatType === 11 ? "float64" : "float32";
  const spec = labelSpec(kind, floatDType, predShape);
  em.setShape(labels, spec.shape);
  const n = em.floatSize(pred, predShape);
  switch (kind) {
    case "mse": {
      const diff = em.one("Sub", [pred, labels], {}, "mse_diff");
      const loss = em.reduceMean(em.one("Mul", [diff, diff]), void 0, false);
      const dPrediction = em.one("Mul", [diff, em.one("Div", [em.scalar(2), n])], {}, "grad_mse");
      return { loss, dPrediction, labelDType: spec.dtype, labelShape: spec.shape };
    }
    case "bce": {
      const p = em.one("Clip", [pred, em.scalar(BCE_EPSILON), em.scalar(1 - BCE_EPSILON)], {}, "bce_p");
      const oneMinusP = em.one("Sub", [em.scalar(1), p]);
      const oneMinusT = em.one("Sub", [em.scalar(1), labels]);
      const ll = em.one("Add", [
        em.one("Mul", [labels, em.one("Log", [p])]),
        em.one("Mul", [oneMinusT, em.one("Log", [oneMinusP])])
      ]);
      const loss = em.one("Neg", [em.reduceMean(ll, void 0, false)], {}, "bce_loss");
      const dPrediction = em.one(
        "Div",
        [em.one("Sub", [p, labels]), em.one("Mul", [em.one("Mul", [p, oneMinusP]), n])],
        {},
        "grad_bce"
      );
      return { loss, dPrediction, labelDType: spec.dtype, labelShape: spec.shape };
    }
    case "bce-logits": {
      const softplus = em.one("Log", [em.one("Add", [em.scalar(1), em.one("Exp", [em.one("Neg", [em.one("Abs", [pred])])])])]);
      const per = em.one("Add", [em.one("Sub", [em.one("Relu", [pred]), em.one("Mul", [pred, labels])]), softplus]);
      const loss = em.reduceMean(per, void 0, false);
      const dPrediction = em.one("Div", [em.one("Sub", [em.one("Sigmoid", [pred]), labels]), n], {}, "grad_bce_logits");
      return { loss, dPrediction, labelDType: spec.dtype, labelShape: spec.shape };
    }
    case "cross-entropy": {
      const classes = predShape?.[1];
      if (!predShape || predShape.length < 2 || typeof classes !== "number") {
        throw new InputError(
          "INPUT_INVALID",
          `cross-entropy needs logits shaped [N, C, ...] with a known class count C; the model output "${pred}" has shape ${predShape ? `[${predShape.join(", ")}]` : "unknown"}. Use loss mse or bce for other outputs, or declare the output's shape.`
        );
      }
      const [loss, logProb] = em.op("SoftmaxCrossEntropyLoss", [pred, labels], { reduction: "mean" }, 2, "ce");
      const rank = predShape.length;
      const classIds = em.ints(
        Array.from({ length: classes }, (_, i) => i),
        [1, classes, ...new Array(rank - 2).fill(1)]
      );
      const onehot = em.one(
        "Cast",
        [em.one("Equal", [em.one("Unsqueeze", [labels, em.ints([1])]), classIds])],
        { to: em.floatType },
        "onehot"
      );
      const count2 = em.floatSize(labels, spec.shape);
      const dPrediction = em.one("Div", [em.one("Sub", [em.one("Exp", [logProb]), onehot]), count2], {}, "grad_cross_entropy");
      return { loss, dPrediction, labelDType: spec.dtype, labelShape: spec.shape };
    }
    case "soft-cross-entropy": {
      const classCount = predShape?.[1];
      if (!predShape || predShape.length < 2 || typeof classCount !== "number") {
        throw new InputError(
          "INPUT_INVALID",
          `soft-cross-entropy needs logits shaped [N, C, ...] with a known class count C; the output "${pred}" has shape ${predShape ? `[${predShape.join(", ")}]` : "unknown"}.`
        );
      }
      const logProb = em.one("LogSoftmax", [pred], { axis: 1 }, "soft_ce_logp");
      const rows = em.one("Div", [n, em.scalar(classCount)], {}, "soft_ce_rows");
      const sum = em.reduceSum(em.one("Mul", [labels, logProb]), void 0, false);
      const loss = em.one("Neg", [em.one("Div", [sum, rows])], {}, "soft_ce_loss");
      const dPrediction = em.one("Div", [em.one("Sub", [em.one("Exp", [logProb]), labels]), rows], {}, "grad_soft_ce");
      return { loss, dPrediction, labelDType: spec.dtype, labelShape: spec.shape };
    }
    default:
      throw new InputError("INPUT_INVALID", `Unknown loss "${String(kind)}"; expected mse, bce, bce-logits or cross-entropy.`);
  }
}
function synthesizeLabels(loss, dtype, shape, seed, classes) {
  if (!isStatic(shape)) {
    throw new InputError(
      "INPUT_INVALID",
      `Cannot synthesise labels for an output of shape ${shape ? `[${shape.join(", ")}]` : "unknown"}; give the batch size (dims: { N: 32 }) or explicit input shapes.`
    );
  }
  const rng = createRng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  if (loss === "cross-entropy") {
    const c = classes ?? 2;
    return { dtype: "int64", dims: shape, data: BigInt64Array.from({ length: n }, () => BigInt(rng.int(0, c - 1))) };
  }
  const values = Array.from({ length: n }, () => loss === "mse" ? rng.normal() : rng.next() < 0.5 ? 0 : 1);
  return dtype === "float64" ? { dtype, dims: shape, data: Float64Array.from(values) } : { dtype: "float32", dims: shape, data: Float32Array.from(values) };
}

// src/train/optimizers.ts
var FLAT_MAX_ELEMENTS = 65536;
var OPTIMIZER_DEFAULTS = { momentum: 0.9, rho: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
function gradientGemm(em, p) {
  const producer = (t) => em.nodes.find((n) => (n.output ?? []).includes(t));
  const uses = (t) => em.nodes.reduce((k, n) => k + (n.input ?? []).filter((x) => x === t).length, 0);
  let node2 = producer(p.grad);
  let viaReshape = false;
  if (node2?.opType === "Reshape") {
    const inner = producer(node2.input?.[0] ?? "");
    if (!inner?.name?.startsWith("train/grad_conv_w_gemm") || uses(node2.input?.[0] ?? "") !== 1) return void 0;
    node2 = inner;
    viaReshape = true;
  }
  if (node2?.opType !== "Gemm" || node2.input?.[2] || uses(p.grad) !== 0) return void 0;
  if (!viaReshape && p.dims.length !== 2) return void 0;
  return { gemm: node2, viaReshape };
}
function fusableSgd(em, p) {
  return gradientGemm(em, p) !== void 0;
}
function fuseSgdIntoGemm(em, p, lr, output) {
  const { gemm: gemm2, viaReshape } = gradientGemm(em, p);
  const alpha = attrFloat2(gemm2, "alpha", 1);
  const attrs = {
    alpha: { f: -lr * alpha },
    beta: { f: 1 },
    transA: attrInt2(gemm2, "transA", 0),
    transB: attrInt2(gemm2, "transB", 0)
  };
  const [a, b] = [gemm2.input?.[0] ?? "", gemm2.input?.[1] ?? ""];
  if (!viaReshape) return em.to(output, "Gemm", [a, b, p.name], attrs);
  const updated = em.one("Gemm", [a, b, em.reshapeTo(p.name, [p.dims[0], -1])], attrs, "sgd_gemm");
  return em.to(output, "Reshape", [updated, em.ints(p.dims)]);
}
function checkCoefficient(name, value, lo, hi, loOpen, hiOpen) {
  const ok = Number.isFinite(value) && (loOpen ? value > lo : value >= lo) && (hiOpen ? value < hi : value <= hi);
  if (!ok) {
    throw new InputError(
      "INPUT_INVALID",
      `training.${name} is ${value}; expected a number in ${loOpen ? "(" : "["}${lo}, ${hi}${hiOpen ? ")" : "]"}.`
    );
  }
}
function emitOptimizer(em, kind, params, opts, names) {
  const lr = opts.learningRate;
  checkCoefficient("learning-rate", lr, 0, Infinity, true, true);
  const newParameters = {};
  const state = [];
  const stateFor = (p, slot) => {
    const input = names.state(p.name, slot);
    em.setShape(input, p.dims);
    const output = names.newValue(input);
    state.push({ input, output, dims: p.dims });
    return { input, write: (op, inputs) => em.to(output, op, inputs) };
  };
  const writeParam = (p, op, inputs) => {
    newParameters[p.name] = em.to(names.newValue(p.name), op, inputs);
  };
  let delta;
  switch (kind) {
    case "sgd":
      delta = (p) => em.one("Mul", [p.grad, em.scalar(lr)]);
      break;
    case "momentum": {
      const mu = opts.momentum ?? OPTIMIZER_DEFAULTS.momentum;
      checkCoefficient("momentum", mu, 0, 1, false, true);
      delta = (p) => {
        const v = stateFor(p, "velocity");
        const vNew = v.write("Add", [em.one("Mul", [v.input, em.scalar(mu)]), p.grad]);
        return em.one("Mul", [vNew, em.scalar(lr)]);
      };
      break;
    }
    case "rmsprop": {
      const rho = opts.rho ?? OPTIMIZER_DEFAULTS.rho;
      const eps = opts.epsilon ?? OPTIMIZER_DEFAULTS.epsilon;
      checkCoefficient("rho", rho, 0, 1, false, true);
      checkCoefficient("epsilon", eps, 0, Infinity, true, true);
      delta = (p) => {
        const s = stateFor(p, "square_avg");
        const sNew = s.write("Add", [
          em.one("Mul", [s.input, em.scalar(rho)]),
          em.one("Mul", [em.one("Mul", [p.grad, p.grad]), em.scalar(1 - rho)])
        ]);
        return em.one("Div", [em.one("Mul", [p.grad, em.scalar(lr)]), em.one("Add", [em.one("Sqrt", [sNew]), em.scalar(eps)])]);
      };
      break;
    }
    case "adam": {
      const b1 = opts.beta1 ?? OPTIMIZER_DEFAULTS.beta1;
      const b2 = opts.beta2 ?? OPTIMIZER_DEFAULTS.beta2;
      const eps = opts.epsilon ?? OPTIMIZER_DEFAULTS.epsilon;
      checkCoefficient("beta1", b1, 0, 1, false, true);
      checkCoefficient("beta2", b2, 0, 1, false, true);
      checkCoefficient("epsilon", eps, 0, Infinity, true, true);
      const stepIn = names.state("", "step");
      em.setShape(stepIn, []);
      const stepOut = names.newValue(stepIn);
      state.push({ input: stepIn, output: stepOut, dims: [] });
      const t = em.to(stepOut, "Add", [stepIn, em.scalar(1)]);
      const sqrtC2 = em.one(
        "Sqrt",
        [em.one("Div", [em.scalar(1 - b2), em.one("Sub", [em.scalar(1), em.one("Pow", [em.scalar(b2), t])])])],
        {},
        "adam_sqrt_c2"
      );
      const a = em.one(
        "Div",
        [em.scalar(lr * (1 - b1)), em.one("Mul", [em.one("Sub", [em.scalar(1), em.one("Pow", [em.scalar(b1), t])]), sqrtC2])],
        {},
        "adam_step_size"
      );
      const e = em.one("Div", [em.scalar(eps), sqrtC2], {}, "adam_eps");
      delta = (p) => {
        const m = stateFor(p, "m");
        const v = stateFor(p, "v");
        const mNew = m.write("Add", [em.one("Mul", [m.input, em.scalar(b1)]), p.grad]);
        const vNew = v.write("Add", [em.one("Mul", [v.input, em.scalar(b2)]), em.one("Mul", [p.grad, p.grad])]);
        const ratio = em.one("Div", [mNew, em.one("Add", [em.one("Sqrt", [vNew]), e])]);
        return em.one("Mul", [ratio, a]);
      };
      break;
    }
    default:
      throw new InputError("INPUT_INVALID", `Unknown optimizer "${String(kind)}"; expected sgd, momentum, rmsprop or adam.`);
  }
  const size = (p) => p.dims.reduce((x, y) => x * y, 1);
  const small = kind === "sgd" ? [] : params.filter((p) => size(p) < FLAT_MAX_ELEMENTS);
  const flat = small.length > 1 ? small : [];
  for (const p of params) {
    if (flat.includes(p)) continue;
    if (kind === "sgd" && fusableSgd(em, p)) {
      newParameters[p.name] = fuseSgdIntoGemm(em, p, lr, names.newValue(p.name));
      continue;
    }
    writeParam(p, "Sub", [p.name, delta(p)]);
  }
  if (flat.length) {
    const sizes = flat.map(size);
    const total2 = sizes.reduce((x, y) => x + y, 0);
    const flatGrad = em.one(
      "Concat",
      flat.map((p) => em.reshapeTo(p.grad, [-1])),
      { axis: 0 },
      "flat_grad"
    );
    const flatDelta = delta({ name: "", grad: flatGrad, dims: [total2] });
    const pieces = em.op("Split", [flatDelta, em.ints(sizes)], { axis: 0 }, flat.length, "delta");
    flat.forEach((p, i) => writeParam(p, "Sub", [p.name, em.reshapeTo(pieces[i], p.dims)]));
  }
  return { newParameters, state };
}

// src/util/map-value.ts
function mapValue(map, key, what) {
  const value = map.get(key);
  if (value === void 0) throw new Error(`internal: ${what} ${String(key)} is missing`);
  return value;
}

// src/train/loop.ts
function rename(nodes, map) {
  const r = (x) => map.get(x) ?? x;
  return nodes.map((n) => ({ ...n, input: (n.input ?? []).map(r), output: (n.output ?? []).map(r) }));
}
function loopTrainingStep(step, steps) {
  if (!(Number.isInteger(steps) && steps >= 1)) {
    throw new InputError("INPUT_INVALID", `steps per call must be an integer >= 1 (got ${steps}).`);
  }
  const graph = step.model.graph;
  const outputs = graph.output ?? [];
  const carried = Object.entries(step.feedback);
  const infoOf = (name, list) => list.find((v) => v.name === name);
  const bodyIn = new Map(carried.map(([, input]) => [input, `loop/in/${input}`]));
  const bodyNodes = rename(graph.node ?? [], bodyIn);
  const body = {
    name: "training_step_body",
    node: [...bodyNodes, { opType: "Identity", input: ["loop/cond_in"], output: ["loop/cond_out"], name: "loop/cond" }],
    input: [
      valueInfo("loop/iteration", DataType.INT64, []),
      valueInfo("loop/cond_in", DataType.BOOL, []),
      ...carried.map(([, input]) => ({ ...infoOf(input, graph.input ?? []), name: bodyIn.get(input) }))
    ],
    output: [
      valueInfo("loop/cond_out", DataType.BOOL, []),
      ...carried.map(([out3]) => infoOf(out3, outputs)),
      infoOf(step.lossOutput, outputs)
    ]
  };
  const finalName = (out3) => `loop/final/${out3}`;
  const lossOutput = "losses";
  const lossType = infoOf(step.lossOutput, outputs)?.type?.tensorType?.elemType ?? DataType.FLOAT;
  const loopNode = {
    opType: "Loop",
    name: "training_steps",
    input: ["loop/trip_count", "loop/cond", ...carried.map(([, input]) => input)],
    output: [...carried.map(([out3]) => finalName(out3)), lossOutput],
    attribute: [{ name: "body", type: 5, g: body }]
  };
  const model = {
    ...step.model,
    docString: `${step.model.docString ?? ""} ${steps} steps per call (ONNX Loop).`.trim(),
    graph: {
      name: `${graph.name ?? "model"}_loop`,
      node: [loopNode],
      initializer: [
        ...graph.initializer ?? [],
        int64Tensor("loop/trip_count", [], [steps]),
        rawTensor("loop/cond", [], DataType.BOOL, Uint8Array.from([1]))
      ],
      input: graph.input,
      output: [
        ...carried.map(([out3]) => ({ ...infoOf(out3, outputs), name: finalName(out3) })),
        valueInfo(lossOutput, lossType, [steps])
      ]
    }
  };
  const feedback = {};
  for (const [out3, input] of carried) feedback[finalName(out3)] = input;
  return { model, feedback, lossOutput, stepsPerCall: steps };
}

// src/train/index.ts
function isFrozen(name, patterns) {
  return patterns.some((p) => p.endsWith("*") ? name.startsWith(p.slice(0, -1)) : name === p);
}
function unmatchedFreeze(patterns, names) {
  const problems = [];
  for (const p of patterns) {
    if (names.some((n) => isFrozen(n, [p]))) continue;
    const asPrefix = !p.endsWith("*") && names.some((n) => n.startsWith(p));
    const close = asPrefix ? `${p}*` : suggest(p.endsWith("*") ? p.slice(0, -1) : p, names);
    problems.push(
      `"${p}" matches no initializer${close !== void 0 ? `; did you mean "${close}"${asPrefix ? " (a prefix needs its *)" : ""}?` : ""}`
    );
  }
  if (problems.length === 0) return;
  const shown = names.slice(0, 12).join(", ");
  throw new InputError(
    "INPUT_INVALID",
    `training.freeze: ${problems.join("; ")}. Entries are initializer names, or prefixes ending in * (the model's initializers: ${shown}${names.length > 12 ? `, \u2026 ${names.length - 12} more` : ""}).`
  );
}
function buildTrainingStep(proto, opts) {
  const prep = prepareGraph(proto, opts);
  const em = prep.em;
  const notes = [];
  const floatDType = prep.floatType === DataType.DOUBLE ? "float64" : "float32";
  const outputName = opts.output ?? prep.outputs[0]?.name;
  if (!outputName || !prep.outputs.some((o) => o.name === outputName)) {
    throw new InputError(
      "INPUT_INVALID",
      `The model has no output named "${outputName ?? ""}" to compute the loss on; its outputs are ${prep.outputs.map((o) => `"${o.name}"`).join(", ") || "(none)"}.`
    );
  }
  let pred = outputName;
  if (opts.loss === "cross-entropy") {
    const producer = prep.nodes.find((n) => n.output?.[0] === outputName);
    const rank = em.shapeOf(outputName)?.length;
    if (producer?.opType === "Softmax" && rank !== void 0 && normAxis(attrInt2(producer, "axis", -1), rank) === 1) {
      pred = producer.input?.[0] ?? pred;
      notes.push(
        `cross-entropy is computed on the input of the final Softmax node "${producer.name ?? ""}" (the logits), not on its probabilities.`
      );
    }
  }
  const candidates = [];
  const frozen = [];
  for (const [name, t] of prep.initializers) {
    if (t.dataType !== DataType.FLOAT && t.dataType !== DataType.DOUBLE) continue;
    if (t.dataType !== prep.floatType || isFrozen(name, opts.freeze ?? [])) frozen.push(name);
    else candidates.push(name);
  }
  unmatchedFreeze(opts.freeze ?? [], [...prep.initializers.keys()]);
  const diff = new Differentiator(prep, candidates, [pred]);
  const parameterNames = diff.trainable;
  const fromConstants = prep.weightConstants.filter((n) => parameterNames.includes(n));
  if (fromConstants.length) {
    notes.push(
      `${fromConstants.length} weight tensor${fromConstants.length === 1 ? "" : "s"} stored in Constant nodes (an old exporter's layout) ${fromConstants.length === 1 ? "is" : "are"} trained as parameters, named by the Constant's output (${fromConstants.slice(0, 3).join(", ")}${fromConstants.length > 3 ? ", \u2026" : ""}); list them under training.freeze to keep them fixed.`
    );
  }
  for (const c of candidates) if (!parameterNames.includes(c)) frozen.push(c);
  if (parameterNames.length === 0) {
    throw new InputError(
      "INPUT_INVALID",
      `The model has no trainable parameters on the way to output "${outputName}": no float initializer reaches it${opts.freeze?.length ? ` (frozen: ${opts.freeze.join(", ")})` : ""}. Unfreeze some parameters, or check that the weights are initializers (or float Constant nodes feeding Conv/Gemm/MatMul/normalisation inputs).`
    );
  }
  const stateUpdates = diff.emitForward();
  const labelInput = em.reserve("labels");
  const loss = emitLoss(em, opts.loss, pred, labelInput);
  const lossOutput = em.reserve("loss");
  em.to(lossOutput, "Identity", [loss.loss]);
  em.setShape(lossOutput, []);
  const grads = diff.emitBackward({ [pred]: loss.dPrediction });
  const paramDims = (name) => (mapValue(prep.initializers, name, "the initializer").dims ?? []).map(Number);
  const opt = emitOptimizer(
    em,
    opts.optimizer,
    parameterNames.map((name) => ({ name, grad: mapValue(grads, name, "the gradient of"), dims: paramDims(name) })),
    opts,
    {
      state: (param, slot) => em.reserve(param ? `train/state/${param}/${slot}` : `train/state/${slot}`),
      newValue: (name) => em.reserve(`train/new/${name.replace(/^train\/state\//, "state/")}`)
    }
  );
  const feedback = {};
  const initialState = {};
  const outputs = [valueInfo(lossOutput, prep.floatType, [])];
  const stepInputs = [];
  for (const p of parameterNames) {
    const out3 = opt.newParameters[p];
    feedback[out3] = p;
    initialState[p] = readTensor(mapValue(prep.initializers, p, "the initializer"));
    stepInputs.push(valueInfo(p, prep.floatType, paramDims(p)));
    outputs.push(valueInfo(out3, prep.floatType, paramDims(p)));
  }
  const stateInputs = [];
  for (const s of opt.state) {
    feedback[s.output] = s.input;
    initialState[s.input] = zeros(floatDType, s.dims);
    stateInputs.push(s.input);
    stepInputs.push(valueInfo(s.input, prep.floatType, s.dims));
    outputs.push(valueInfo(s.output, prep.floatType, s.dims));
  }
  const runningStats = Object.keys(stateUpdates).filter((n) => prep.initializers.has(n));
  for (const name of runningStats) {
    const out3 = em.reserve(`train/new/${name}`);
    em.to(out3, "Identity", [stateUpdates[name]]);
    feedback[out3] = name;
    initialState[name] = readTensor(mapValue(prep.initializers, name, "the initializer"));
    stateInputs.push(name);
    stepInputs.push(valueInfo(name, prep.floatType, paramDims(name)));
    outputs.push(valueInfo(out3, prep.floatType, paramDims(name)));
  }
  const asInputs = /* @__PURE__ */ new Set([...parameterNames, ...runningStats]);
  const batchInputs = prep.inputs.map((v) => ({
    name: v.name,
    elemType: v.type?.tensorType?.elemType ?? prep.floatType,
    shape: em.shapeOf(v.name)
  }));
  const labelInfo = outputInfo(em, labelInput, loss.labelDType === "int64" ? DataType.INT64 : prep.floatType);
  const classes = opts.loss === "cross-entropy" ? em.shapeOf(pred)?.[1] : void 0;
  const pruned = pruneGraph(
    em.nodes,
    [...[...prep.initializers.values()].filter((t) => !asInputs.has(t.name ?? "")), ...em.initializers],
    outputs.map((o) => o.name)
  );
  const model = {
    irVersion: prep.irVersion,
    producerName: "energy-budget",
    docString: `Training step (${opts.loss} loss, ${opts.optimizer}) built by energy-budget from ${prep.graphName}.`,
    opsetImport: [{ domain: "", version: prep.opset }, ...prep.otherOpsets],
    graph: {
      name: `${prep.graphName}_training_step`,
      node: pruned.nodes,
      initializer: pruned.initializers,
      input: [...batchInputs.map((b) => outputInfo(em, b.name, b.elemType)), labelInfo, ...stepInputs],
      output: outputs
    }
  };
  return {
    model,
    feedback,
    parameterNames,
    stateInputs,
    initialState,
    batchInputs,
    labelInput,
    label: { dtype: loss.labelDType, shape: loss.labelShape, ...typeof classes === "number" ? { classes } : {} },
    lossOutput,
    // Running statistics are updated every step (state), so they are not "kept fixed".
    frozen: frozen.filter((n) => !runningStats.includes(n)),
    notes
  };
}
var JOULES_PER_KWH = 36e5;
function projectTraining(p) {
  const bad = [
    ["batchSize", p.batchSize],
    ["datasetSize", p.datasetSize],
    ["epochs", p.epochs]
  ].filter(([, v]) => !(Number.isFinite(v) && v > 0));
  if (bad.length || !(p.joulesPerStep >= 0) || !(p.carbonIntensityGPerKWh >= 0)) {
    throw new InputError(
      "INPUT_INVALID",
      `Cannot project the training run: ${[...bad.map(([k, v]) => `${k} = ${v}`), ...!(p.joulesPerStep >= 0) ? [`joulesPerStep = ${p.joulesPerStep}`] : [], ...!(p.carbonIntensityGPerKWh >= 0) ? [`carbon intensity = ${p.carbonIntensityGPerKWh}`] : []].join(", ")}; expected positive sizes and non-negative energy and intensity (e.g. dataset-size: 60000, epochs: 10).`
    );
  }
  const steps = Math.ceil(p.datasetSize / p.batchSize) * p.epochs;
  const joules = steps * p.joulesPerStep;
  const kWh = joules / JOULES_PER_KWH;
  return { datasetSize: p.datasetSize, epochs: p.epochs, steps, joules, kWh, gCO2e: kWh * p.carbonIntensityGPerKWh };
}

// src/train/runner.ts
function describe(t) {
  return `${t.type}[${t.dims.join(", ")}]`;
}
function allocLike(t) {
  const n = t.size;
  switch (t.type) {
    case "float32":
      return new Tensor("float32", new Float32Array(n), t.dims);
    case "float64":
      return new Tensor("float64", new Float64Array(n), t.dims);
    case "int64":
      return new Tensor("int64", new BigInt64Array(n), t.dims);
    case "int32":
      return new Tensor("int32", new Int32Array(n), t.dims);
    case "bool":
      return new Tensor("bool", new Uint8Array(n), t.dims);
    case "float16":
      return makeTensor("float16", new Uint16Array(n), t.dims);
    default:
      throw new InputError(
        "INPUT_INVALID",
        `A training-step output of type ${t.type} cannot be fed back; expected numeric tensors.`
      );
  }
}
function lossesOf(v, name, count2) {
  const t = v;
  if (!t || t.size !== count2) {
    throw new InputError(
      "INPUT_INVALID",
      `The training step's loss output "${name}" has ${t?.size ?? 0} elements; expected ${count2 === 1 ? "a scalar loss" : `${count2} (one loss per step of a call)`}.`
    );
  }
  return Array.from(t.data, Number);
}
function validateFeedback(session, initialFeeds, feedback, lossOutput) {
  const problems = [];
  for (const [o, i] of Object.entries(feedback)) {
    if (!session.outputNames.includes(o))
      problems.push(`feedback output "${o}" is not an output of the step model (outputs: ${session.outputNames.join(", ")})`);
    if (!session.inputNames.includes(i))
      problems.push(
        `feedback input "${i}" (for output "${o}") is not an input of the step model (inputs: ${session.inputNames.join(", ")})`
      );
  }
  const targets = Object.values(feedback);
  const dup = targets.filter((t, k) => targets.indexOf(t) !== k);
  if (dup.length) problems.push(`inputs fed by more than one output: ${[...new Set(dup)].join(", ")}`);
  const missing = session.inputNames.filter((n) => !(n in initialFeeds));
  if (missing.length) problems.push(`no initial value for inputs ${missing.join(", ")}`);
  let loss = lossOutput;
  if (!loss) {
    const free = session.outputNames.filter((o) => !(o in feedback));
    loss = session.outputNames.includes("loss") ? "loss" : free.length === 1 ? free[0] : void 0;
    if (!loss)
      problems.push(
        `cannot tell which output is the loss (outputs not fed back: ${free.join(", ") || "none"}); name it (training.loss-output)`
      );
  } else if (!session.outputNames.includes(loss)) {
    problems.push(`loss output "${loss}" is not an output of the step model`);
  }
  if (problems.length) {
    throw new InputError(
      "INPUT_INVALID",
      `The training step's output \u2192 input mapping does not fit the model:
  ${problems.join("\n  ")}
The mapping names, for each output that is next step's input (new weights, optimizer state), the input it replaces, e.g. feedback: { "fc1.weight.new": "fc1.weight" }.`
    );
  }
  return loss;
}
async function runTrainingBenchmark(session, initialFeeds, feedback, cfg, deps) {
  const perCall = cfg.stepsPerCall ?? 1;
  if (!(Number.isInteger(cfg.steps) && cfg.steps >= 1) || !(Number.isInteger(cfg.warmup) && cfg.warmup >= 0) || !(Number.isInteger(perCall) && perCall >= 1)) {
    throw new InputError(
      "INPUT_INVALID",
      `training steps must be an integer >= 1, warmup >= 0 and steps per call >= 1 (got steps ${cfg.steps}, warmup ${cfg.warmup}, steps per call ${perCall}).`
    );
  }
  const lossName = validateFeedback(session, initialFeeds, feedback, cfg.lossOutput);
  const fedOutputs = Object.keys(feedback);
  const feeds = { ...initialFeeds };
  const losses = [];
  const notes = [];
  const first = await session.run(feeds);
  losses.push(...lossesOf(first[lossName], lossName, perCall));
  for (const o of fedOutputs) {
    const produced = first[o];
    const target = initialFeeds[feedback[o]];
    if (produced.type !== target.type || produced.dims.join(",") !== target.dims.join(",")) {
      throw new InputError(
        "INPUT_INVALID",
        `Output "${o}" is ${describe(produced)} but feeds input "${feedback[o]}", which is ${describe(target)}; an output fed back must match its input's type and shape.`
      );
    }
  }
  let current = {};
  for (const o of fedOutputs) current[feedback[o]] = nativeFloat16(first[o]);
  let preallocated = cfg.preallocate ?? true;
  let spare = {};
  const lossTensor = first[lossName];
  let lossBuffer;
  if (preallocated && (lossTensor.type === "float32" || lossTensor.type === "float64")) {
    for (const o of fedOutputs) spare[feedback[o]] = allocLike(first[o]);
    lossBuffer = allocLike(lossTensor);
  } else {
    preallocated = false;
  }
  const step = async () => {
    const stepFeeds = { ...feeds, ...current };
    if (preallocated && lossBuffer) {
      const fetches = {};
      for (const o of fedOutputs) fetches[o] = spare[feedback[o]];
      fetches[lossName] = lossBuffer;
      lossBuffer.data.fill(Number.NaN);
      let res2;
      try {
        res2 = await session.run(stepFeeds, fetches);
      } catch (e) {
        preallocated = false;
        notes.push(
          `outputs could not be written into preallocated tensors (${e instanceof Error ? e.message.split("\n")[0] : String(e)}); each step's outputs were taken as returned instead`
        );
        return step();
      }
      const written = lossesOf(lossBuffer, lossName, perCall);
      if (!Number.isNaN(written[0])) {
        const next3 = spare;
        spare = current;
        current = next3;
        return written;
      }
      const returned = lossesOf(res2[lossName], lossName, perCall);
      if (!Number.isNaN(returned[0])) {
        preallocated = false;
        notes.push(
          "the session did not write into preallocated output tensors; each step's outputs were taken as returned instead"
        );
      }
      const next2 = {};
      for (const o of fedOutputs) next2[feedback[o]] = nativeFloat16(res2[o]);
      current = next2;
      return returned;
    }
    const res = await session.run(stepFeeds);
    const next = {};
    for (const o of fedOutputs) next[feedback[o]] = nativeFloat16(res[o]);
    current = next;
    return lossesOf(res[lossName], lossName, perCall);
  };
  for (let done = perCall; done < cfg.warmup; done += perCall) losses.push(...await step());
  const stepMs = [];
  const calls = Math.ceil(cfg.steps / perCall);
  const token = deps.meter ? await deps.meter.begin() : void 0;
  const start = deps.clockNs();
  for (let i = 0; i < calls; i++) {
    const t0 = deps.clockNs();
    losses.push(...await step());
    const perStep = Number(deps.clockNs() - t0) / 1e6 / perCall;
    for (let k = 0; k < perCall; k++) stepMs.push(perStep);
  }
  const totalMs = Number(deps.clockNs() - start) / 1e6;
  const energy = deps.meter && token ? await deps.meter.end(token) : void 0;
  return {
    steps: calls * perCall,
    warmup: cfg.warmup,
    stepMs,
    lossFirst: losses[0],
    lossLast: losses[losses.length - 1],
    losses,
    totalMs,
    ...energy ? { energy } : {},
    preallocated,
    notes
  };
}
function toOrtTensor(d) {
  return makeTensor(d.dtype, d.data, d.dims);
}

// src/optimize/distill.ts
var SQUASH = /* @__PURE__ */ new Set(["Sigmoid", "Softmax"]);
function distillTarget(model) {
  const graph = model.graph ?? {};
  const output = graph.output?.[0]?.name ?? "";
  const producer = (graph.node ?? []).find((n) => n.output?.[0] === output);
  if (producer && SQUASH.has(producer.opType ?? "") && !producer.domain && producer.input?.[0]) {
    return { target: producer.input[0], output, squash: producer.opType };
  }
  return { target: output, output };
}
function withOutputs(model, names, dims) {
  const g = model.graph ?? {};
  const outputs = names.map((n) => dims ? valueInfo(n, DataType.FLOAT, dims) : { name: n });
  return { ...model, graph: { ...g, output: outputs } };
}
async function runTeacher(teacher, target, batches) {
  const session = await InferenceSession.create(encodeModel(withOutputs(teacher, [target])), {
    executionProviders: ["cpu"],
    intraOpNumThreads: 1
  });
  try {
    const out3 = [];
    for (const feeds of batches) out3.push((await session.run(feeds))[target]);
    return out3;
  } finally {
    await session.release();
  }
}
function soften(t, temperature, classes) {
  const v = t.data;
  const out3 = new Float32Array(v.length);
  if (classes === 1) {
    for (let i = 0; i < v.length; i++) out3[i] = 1 / (1 + Math.exp(-v[i] / temperature));
  } else {
    const rows = v.length / classes;
    for (let r = 0; r < rows; r++) {
      let max = -Infinity;
      for (let c = 0; c < classes; c++) max = Math.max(max, v[r * classes + c] / temperature);
      let sum = 0;
      for (let c = 0; c < classes; c++) sum += out3[r * classes + c] = Math.exp(v[r * classes + c] / temperature - max);
      for (let c = 0; c < classes; c++) out3[r * classes + c] /= sum;
    }
  }
  return new Tensor("float32", out3, t.dims);
}
async function distill(teacher, student, options) {
  const clock = options.clockNs ?? (() => process.hrtime.bigint());
  const start = clock();
  const loss = options.loss ?? "mse";
  const temperature = options.temperature ?? 2;
  const { target, squash } = distillTarget(student);
  const teacherTarget = distillTarget(teacher).target;
  const targets = await runTeacher(teacher, teacherTarget, options.batches);
  const dims = [...targets[0].dims];
  const classes = dims.length >= 2 ? dims[1] : 1;
  const notes = [];
  let trainable = withOutputs(student, [target], dims);
  let pred = target;
  let stepLoss = "mse";
  let lossDescription = `MSE on ${squash ? `the logits "${target}" before the final ${squash}` : `the output "${target}"`}`;
  if (loss === "kl") {
    if (dims.length !== 2) {
      notes.push(`KL needs [rows, classes] logits; "${target}" has shape [${dims.join(", ")}], so MSE was used instead.`);
    } else {
      pred = `${target}_over_temperature`;
      const g2 = trainable.graph ?? {};
      const tName = `${target}_temperature`;
      trainable = {
        ...trainable,
        graph: {
          ...g2,
          node: [...g2.node ?? [], { opType: "Div", input: [target, tName], output: [pred], name: pred }],
          initializer: [...g2.initializer ?? [], tensorFrom(tName, [], DataType.FLOAT, Float32Array.of(temperature))],
          output: [valueInfo(pred, DataType.FLOAT, dims)]
        }
      };
      stepLoss = classes === 1 ? "bce-logits" : "soft-cross-entropy";
      lossDescription = `KL divergence at temperature ${temperature} on ${classes === 1 ? "the sigmoid of" : "the softmax of"} "${target}"`;
    }
  }
  const labels = stepLoss === "mse" ? targets : targets.map((t) => soften(t, temperature, classes));
  const batchShapes = Object.fromEntries(Object.entries(options.batches[0]).map(([k, t]) => [k, [...t.dims]]));
  const step = buildTrainingStep(trainable, {
    loss: stepLoss,
    optimizer: "adam",
    learningRate: options.learningRate ?? 1e-3,
    batchShapes,
    output: pred,
    ...options.freeze?.length ? { freeze: options.freeze } : {}
  });
  const session = await InferenceSession.create(encodeModel(step.model), {
    executionProviders: ["cpu"],
    intraOpNumThreads: 1
  });
  const state = {};
  for (const [name, d] of Object.entries(step.initialState)) state[name] = toOrtTensor(d);
  let lossFirst = NaN;
  let lossLast = NaN;
  const stepsStart = clock();
  try {
    for (let s = 0; s < options.steps; s++) {
      const k = s % options.batches.length;
      const out3 = await session.run({ ...options.batches[k], [step.labelInput]: labels[k], ...state });
      for (const [o, i] of Object.entries(step.feedback)) state[i] = out3[o];
      const l = Number(out3[step.lossOutput].data[0]);
      if (s === 0) lossFirst = l;
      lossLast = l;
    }
  } finally {
    await session.release();
  }
  const stepsS = Number(clock() - stepsStart) / 1e9;
  const trained = /* @__PURE__ */ new Map();
  for (const name of [...step.parameterNames, ...step.stateInputs]) {
    const t = state[name];
    if (!t || t.type !== "float32") continue;
    trained.set(name, tensorFrom(name, [...t.dims], DataType.FLOAT, Float32Array.from(t.data)));
  }
  const g = student.graph ?? {};
  const model = {
    ...student,
    graph: { ...g, initializer: (g.initializer ?? []).map((t) => trained.get(t.name ?? "") ?? t) }
  };
  notes.push(...step.notes);
  return {
    model,
    steps: options.steps,
    target,
    lossDescription,
    lossFirst,
    lossLast,
    durationS: Number(clock() - start) / 1e9,
    stepsS,
    notes
  };
}

// src/optimize/structured.ts
var UNARY = /* @__PURE__ */ new Set([
  "Relu",
  "LeakyRelu",
  "Sigmoid",
  "Tanh",
  "HardSigmoid",
  "HardSwish",
  "Elu",
  "Selu",
  "Celu",
  "Softplus",
  "Softsign",
  "Gelu",
  "Erf",
  "Exp",
  "Log",
  "Abs",
  "Neg",
  "Sqrt",
  "Reciprocal",
  "Identity",
  "Dropout",
  "Clip",
  "Mish",
  "Floor",
  "Ceil",
  "Round",
  "Sin",
  "Cos",
  "ThresholdedRelu",
  "Shrink"
]);
var POOLS = /* @__PURE__ */ new Set(["MaxPool", "AveragePool", "LpPool", "GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool"]);
var ELEMENTWISE = /* @__PURE__ */ new Set(["Add", "Sub", "Mul", "Div", "Max", "Min", "Sum", "Mean", "PRelu", "Pow"]);
function attrInt3(n, name, fallback) {
  return (n.attribute ?? []).find((a) => a.name === name)?.i ?? fallback;
}
function isDefaultDomain3(n) {
  return !n.domain || n.domain === "ai.onnx";
}
function label(n) {
  return `${n.name || n.output?.[0] || "?"} (${n.opType ?? "?"})`;
}
function total(segs) {
  return segs.reduce((s, x) => s + x.n * x.inner, 0);
}
var Groups = class {
  parent = [];
  size = [];
  producers = [];
  lock = [];
  add(n, producer) {
    const id = this.parent.length;
    this.parent.push(id);
    this.size.push(n);
    this.producers.push(producer ? [producer] : []);
    this.lock.push(void 0);
    return id;
  }
  find(g) {
    while (this.parent[g] !== g) {
      this.parent[g] = this.parent[this.parent[g]];
      g = this.parent[g];
    }
    return g;
  }
  union(a, b) {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    this.parent[rb] = ra;
    this.producers[ra].push(...this.producers[rb]);
    this.lock[ra] ??= this.lock[rb];
  }
  /** Locks the groups of the segments (first reason wins; applied to roots at the end too). */
  lockSegs(segs, reason) {
    for (const s of segs) this.lock[s.group] ??= reason;
  }
};
function dimsOf2(t) {
  return (t.dims ?? []).map(Number);
}
function gather2(values, dims, dim, keep) {
  const outer = dims.slice(0, dim).reduce((a, b) => a * b, 1);
  const inner = dims.slice(dim + 1).reduce((a, b) => a * b, 1);
  const n = dims[dim];
  const out3 = new Float32Array(outer * keep.length * inner);
  let o = 0;
  for (let a = 0; a < outer; a++) {
    for (const k of keep) {
      const src = (a * n + k) * inner;
      out3.set(values.subarray(src, src + inner), o);
      o += inner;
    }
  }
  return out3;
}
function pruneStructured(model, options) {
  const graph = model.graph;
  if (!graph) throw new Error("the model has no graph");
  const ratio = options.ratio;
  if (!(ratio >= 0 && ratio < 1)) throw new Error(`structured pruning ratio ${ratio} is not in [0, 1)`);
  const inits = new Map((graph.initializer ?? []).map((t) => [t.name ?? "", t]));
  const uses = /* @__PURE__ */ new Map();
  for (const n of graph.node ?? []) for (const i of n.input ?? []) if (i) uses.set(i, (uses.get(i) ?? 0) + 1);
  const shapes = options.shapes;
  const declaredRank = /* @__PURE__ */ new Map();
  for (const v of [...graph.input ?? [], ...graph.valueInfo ?? [], ...graph.output ?? []]) {
    const dims = v.type?.tensorType?.shape?.dim;
    if (v.name && dims) declaredRank.set(v.name, dims.length);
  }
  const rankOf3 = (name, desc) => desc?.rank ?? shapes?.get(name)?.length ?? declaredRank.get(name) ?? (inits.has(name) ? dimsOf2(mapValue(inits, name, "the initializer")).length : void 0);
  const groups = new Groups();
  const descs = /* @__PURE__ */ new Map();
  const edits = /* @__PURE__ */ new Map();
  const conflicts = [];
  const edit = (tensor, dim, segs, why) => {
    const t = inits.get(tensor);
    if (!t || (t.dataType ?? 0) !== DataType.FLOAT || isExternal2(t)) {
      groups.lockSegs(segs, `${why}: ${tensor} is not a float32 initializer stored in the file`);
      return false;
    }
    if ((uses.get(tensor) ?? 0) > 1) {
      groups.lockSegs(segs, `${why}: ${tensor} is shared by several nodes`);
      return false;
    }
    if (dimsOf2(t)[dim] !== total(segs)) {
      groups.lockSegs(segs, `${why}: ${tensor} has ${dimsOf2(t)[dim]} entries on axis ${dim}, not ${total(segs)}`);
      return false;
    }
    const m = edits.get(tensor) ?? /* @__PURE__ */ new Map();
    if (m.has(dim)) conflicts.push(tensor);
    m.set(dim, segs);
    edits.set(tensor, m);
    return true;
  };
  const lockInputs = (n, why) => {
    for (const i of n.input ?? []) {
      const d = descs.get(i);
      if (d) groups.lockSegs(d.segs, why);
    }
  };
  const produce = (n, weight, dim, axis, rank) => {
    const out3 = n.output?.[0] ?? "";
    const t = mapValue(inits, weight, "the initializer");
    const channels = dimsOf2(t)[dim];
    const g = groups.add(channels, { op: n.opType ?? "", node: n.name || out3, output: out3, weight, dim });
    const segs = [{ group: g, n: channels, inner: 1 }];
    edit(weight, dim, segs, `${label(n)}'s weight`);
    descs.set(out3, { axis, rank, segs });
  };
  for (const n of graph.node ?? []) {
    const op = isDefaultDomain3(n) ? n.opType ?? "" : `${n.domain}.${n.opType ?? ""}`;
    const ins = n.input ?? [];
    const out3 = n.output?.[0] ?? "";
    const x = descs.get(ins[0] ?? "");
    const hasSubgraph = (n.attribute ?? []).some((a) => a.g || (a.graphs?.length ?? 0) > 0);
    if (hasSubgraph) {
      lockInputs(n, `${label(n)} reads them`);
      continue;
    }
    switch (op) {
      case "Conv": {
        const w = inits.get(ins[1] ?? "");
        const group = attrInt3(n, "group", 1);
        if (x && (x.axis !== 1 || group !== 1 || x.segs.some((s) => s.inner !== 1))) {
          groups.lockSegs(x.segs, `${label(n)} reads them${group !== 1 ? ` (grouped convolution, group = ${group})` : ""}`);
        } else if (x && w) edit(ins[1], 1, x.segs, `${label(n)} reads them`);
        else if (x) groups.lockSegs(x.segs, `${label(n)} reads them with a weight computed at run time`);
        if (!w || (w.dataType ?? 0) !== DataType.FLOAT || dimsOf2(w).length < 3) break;
        produce(n, ins[1], 0, 1, dimsOf2(w).length);
        if (ins[2]) edit(ins[2], 0, mapValue(descs, out3, "the channel descriptor of").segs, `${label(n)}'s bias`);
        break;
      }
      case "Gemm": {
        const w = inits.get(ins[1] ?? "");
        const transB = attrInt3(n, "transB", 0) === 1;
        const fine = w && (w.dataType ?? 0) === DataType.FLOAT && dimsOf2(w).length === 2;
        if (x) {
          if (attrInt3(n, "transA", 0) !== 0 || x.axis !== 1) groups.lockSegs(x.segs, `${label(n)} reads them transposed`);
          else if (!fine) groups.lockSegs(x.segs, `${label(n)} reads them with a weight computed at run time`);
          else edit(ins[1], transB ? 1 : 0, x.segs, `${label(n)} reads them`);
        }
        if (!fine) break;
        produce(n, ins[1], transB ? 0 : 1, 1, 2);
        const c = ins[2] ? inits.get(ins[2]) : void 0;
        const segs = mapValue(descs, out3, "the channel descriptor of").segs;
        if (ins[2] && c) {
          const cd = dimsOf2(c);
          if (cd.length > 0 && cd[cd.length - 1] === total(segs)) edit(ins[2], cd.length - 1, segs, `${label(n)}'s bias`);
          else if (cd.length > 0 && cd[cd.length - 1] !== 1)
            groups.lockSegs(segs, `${label(n)}'s bias has shape [${cd.join(", ")}]`);
        } else if (ins[2]) groups.lockSegs(segs, `${label(n)}'s bias is computed at run time`);
        break;
      }
      case "MatMul": {
        const w = inits.get(ins[1] ?? "");
        const fine = w && (w.dataType ?? 0) === DataType.FLOAT && dimsOf2(w).length === 2;
        const rank = rankOf3(ins[0], x);
        if (x) {
          if (!fine) groups.lockSegs(x.segs, `${label(n)} reads them with a weight computed at run time`);
          else if (x.axis !== x.rank - 1) groups.lockSegs(x.segs, `${label(n)} reads them on another axis`);
          else edit(ins[1], 0, x.segs, `${label(n)} reads them`);
        }
        if (!fine || rank === void 0 || rank < 2) break;
        produce(n, ins[1], 1, rank - 1, rank);
        break;
      }
      case "BatchNormalization": {
        if (!x) break;
        if (x.axis !== 1 || (n.output?.length ?? 1) > 1) {
          groups.lockSegs(x.segs, `${label(n)} reads them in training mode or on another axis`);
          break;
        }
        let ok = true;
        for (let i = 1; i <= 4; i++) ok = edit(ins[i] ?? "", 0, x.segs, `${label(n)}'s parameters`) && ok;
        if (ok) descs.set(out3, x);
        break;
      }
      case "Flatten": {
        if (!x) break;
        const shape = shapes?.get(ins[0]);
        const axis = attrInt3(n, "axis", 1);
        if (axis !== 1 || x.axis !== 1 || !shape) {
          groups.lockSegs(x.segs, `${label(n)} reads them${shape ? "" : " (its input shape is not known)"}`);
          break;
        }
        const spatial = shape.slice(2).reduce((a, b) => a * b, 1);
        descs.set(out3, { axis: 1, rank: 2, segs: x.segs.map((s) => ({ ...s, inner: s.inner * spatial })) });
        break;
      }
      case "Concat": {
        const present = ins.map((i) => descs.get(i));
        if (!present.some(Boolean)) break;
        const first = present.find(Boolean);
        const axis = attrInt3(n, "axis", 0);
        const normAxis2 = axis < 0 ? axis + first.rank : axis;
        if (normAxis2 === first.axis) {
          const segs = [];
          let ok = true;
          ins.forEach((i, k) => {
            const d = present[k];
            if (d) {
              if (d.axis !== first.axis) ok = false;
              segs.push(...d.segs);
              return;
            }
            const c = shapes?.get(i)?.[normAxis2] ?? (inits.has(i) ? dimsOf2(mapValue(inits, i, "the initializer"))[normAxis2] : void 0);
            if (c === void 0) {
              ok = false;
              return;
            }
            const g = groups.add(c);
            groups.lock[g] = `${i} is not made by a prunable layer`;
            segs.push({ group: g, n: c, inner: 1 });
          });
          if (!ok) {
            lockInputs(n, `${label(n)} joins them with inputs of unknown width`);
            break;
          }
          descs.set(out3, { ...first, segs });
        } else {
          lockInputs(n, `${label(n)} concatenates them on another axis`);
        }
        break;
      }
      default: {
        if (UNARY.has(op) || POOLS.has(op)) {
          if (!x) break;
          if (POOLS.has(op) && x.axis !== 1) {
            groups.lockSegs(x.segs, `${label(n)} pools them on another axis`);
            break;
          }
          if ((n.output?.length ?? 1) > 1 && n.output?.slice(1).some((o) => o && uses.has(o))) {
            groups.lockSegs(x.segs, `${label(n)}'s second output reads them`);
            break;
          }
          const extra = ins.slice(1).filter((i) => i && descs.has(i));
          for (const e of extra)
            groups.lockSegs(mapValue(descs, e, "the channel descriptor of").segs, `${label(n)} reads them as a parameter`);
          descs.set(out3, x);
          break;
        }
        if (ELEMENTWISE.has(op)) {
          elementwise(n);
          break;
        }
        lockInputs(n, `${label(n)} reads them`);
      }
    }
  }
  function elementwise(n) {
    const ins = n.input ?? [];
    const out3 = n.output?.[0] ?? "";
    const withDesc = ins.map((i) => descs.get(i));
    const first = withDesc.find(Boolean);
    if (!first) return;
    const outRank = Math.max(...ins.map((i, k) => rankOf3(i, withDesc[k]) ?? 0), first.rank);
    const fromEnd = first.rank - first.axis;
    const outAxis = outRank - fromEnd;
    let ok = true;
    ins.forEach((i, k) => {
      const d = withDesc[k];
      if (d) {
        const same = d.rank - d.axis === fromEnd && d.segs.length === first.segs.length && d.segs.every((s, j) => s.n === first.segs[j].n && s.inner === first.segs[j].inner);
        if (!same) ok = false;
        return;
      }
      const dims = inits.has(i) ? dimsOf2(mapValue(inits, i, "the initializer")) : shapes?.get(i);
      if (!dims) {
        ok = false;
        return;
      }
      const at = dims.length - fromEnd;
      if (at < 0 || dims[at] === 1) return;
      if (inits.has(i) && dims[at] === total(first.segs)) {
        if (!edit(i, at, first.segs, `${label(n)}'s per-channel ${i}`)) ok = false;
        return;
      }
      ok = false;
    });
    if (!ok) {
      lockInputs(n, `${label(n)} combines them with values that cannot be sliced`);
      return;
    }
    for (const d of withDesc) if (d && d !== first) d.segs.forEach((s, j) => groups.union(first.segs[j].group, s.group));
    descs.set(out3, { axis: outAxis, rank: outRank, segs: first.segs });
  }
  for (const o of graph.output ?? []) {
    const d = descs.get(o.name ?? "");
    if (d) groups.lockSegs(d.segs, `they reach the graph output ${o.name ?? ""}`);
  }
  for (const t of conflicts) {
    for (const segs of edits.get(t).values()) groups.lockSegs(segs, `${t} would be sliced twice`);
  }
  for (let g = 0; g < groups.parent.length; g++) {
    const r = groups.find(g);
    if (groups.lock[g] && !groups.lock[r]) groups.lock[r] = groups.lock[g];
  }
  const order = /* @__PURE__ */ new Map();
  (graph.node ?? []).forEach((n, i) => order.set(n.output?.[0] ?? "", i));
  const kept = /* @__PURE__ */ new Map();
  const report = [];
  for (let g = 0; g < groups.parent.length; g++) {
    if (groups.find(g) !== g) continue;
    const n = groups.size[g];
    const all = Array.from({ length: n }, (_, i) => i);
    const producers = groups.producers[g];
    if (producers.length === 0) {
      kept.set(g, all);
      continue;
    }
    producers.sort((a, b) => (order.get(a.output) ?? 0) - (order.get(b.output) ?? 0));
    const layers = producers.map((p) => p.node);
    const reason = groups.lock[g];
    const conv2 = producers.every((p) => p.op === "Conv");
    const multiple = conv2 ? Math.max(1, Math.floor(options.convChannelMultiple ?? 1)) : 1;
    const wanted = Math.max(1, n - Math.round(ratio * n));
    const keepCount = multiple > 1 && n >= multiple ? Math.min(n, Math.max(multiple, Math.round(wanted / multiple) * multiple)) : multiple > 1 ? n : wanted;
    if (reason || keepCount === n) {
      kept.set(g, all);
      report.push({ layers, channels: n, kept: n, ...reason ? { lockedBecause: reason } : {} });
      continue;
    }
    const score = new Float64Array(n);
    for (const p of producers) {
      const measured = options.activationImportance?.get(p.output);
      let s;
      if (measured && measured.length === n) s = measured;
      else {
        const t = mapValue(inits, p.weight, "the initializer");
        const dims = dimsOf2(t);
        const values = readFloat32(t);
        const inner = dims.slice(p.dim + 1).reduce((a, b) => a * b, 1);
        s = new Float64Array(n);
        for (let i = 0; i < values.length; i++) s[Math.floor(i / inner) % n] += values[i] * values[i];
        for (let c = 0; c < n; c++) s[c] = Math.sqrt(s[c]);
      }
      const mean = s.reduce((a, b) => a + b, 0) / n || 1;
      for (let c = 0; c < n; c++) score[c] += s[c] / mean;
    }
    if (options.outgoingWeights) {
      const out3 = outgoingNorms(g, n);
      if (out3) for (let c = 0; c < n; c++) score[c] *= out3[c];
    }
    const ranked = all.slice().sort((a, b) => score[b] - score[a] || a - b);
    kept.set(
      g,
      ranked.slice(0, keepCount).sort((a, b) => a - b)
    );
    report.push({ layers, channels: n, kept: keepCount });
  }
  function outgoingNorms(g, n) {
    const own4 = new Set(groups.producers[g].map((p) => `${p.weight}#${p.dim}`));
    let found = false;
    const total2 = new Float64Array(n);
    for (const [name, byDim] of edits) {
      const t = mapValue(inits, name, "the initializer");
      const dims = dimsOf2(t);
      if (dims.length < 2) continue;
      for (const [dim, segs] of byDim) {
        if (own4.has(`${name}#${dim}`)) continue;
        const inner = dims.slice(dim + 1).reduce((a, b) => a * b, 1);
        const values = readFloat32(t);
        const perIndex = new Float64Array(dims[dim]);
        for (let i = 0; i < values.length; i++) perIndex[Math.floor(i / inner) % dims[dim]] += values[i] * values[i];
        const s = new Float64Array(n);
        let offset = 0;
        let hit = false;
        for (const seg of segs) {
          if (groups.find(seg.group) === g) {
            hit = true;
            for (let c = 0; c < seg.n; c++) for (let j = 0; j < seg.inner; j++) s[c] += perIndex[offset + c * seg.inner + j];
          }
          offset += seg.n * seg.inner;
        }
        if (!hit) continue;
        found = true;
        for (let c = 0; c < n; c++) s[c] = Math.sqrt(s[c]);
        const mean = s.reduce((a, b) => a + b, 0) / n || 1;
        for (let c = 0; c < n; c++) total2[c] += s[c] / mean;
      }
    }
    return found ? total2 : void 0;
  }
  const indices = (segs) => {
    const out3 = [];
    let offset = 0;
    for (const s of segs) {
      for (const c of kept.get(groups.find(s.group)) ?? []) for (let j = 0; j < s.inner; j++) out3.push(offset + c * s.inner + j);
      offset += s.n * s.inner;
    }
    return out3;
  };
  const replaced = /* @__PURE__ */ new Map();
  const tensors = [];
  for (const [name, byDim] of edits) {
    if (conflicts.includes(name)) continue;
    const t = mapValue(inits, name, "the initializer");
    let dims = dimsOf2(t);
    const before = dims.slice();
    let values = readFloat32(t);
    for (const [dim, segs] of byDim) {
      const keep = indices(segs);
      if (keep.length === dims[dim]) continue;
      values = gather2(values, dims, dim, keep);
      dims = dims.map((d, i) => i === dim ? keep.length : d);
    }
    if (dims.every((d, i) => d === before[i])) continue;
    replaced.set(name, tensorFrom(name, dims, DataType.FLOAT, values));
    tensors.push({ name, before, after: dims });
  }
  const count2 = (list) => list.filter((t) => (t.dataType ?? 0) === DataType.FLOAT).reduce((s, t) => s + dimsOf2(t).reduce((a, b) => a * b, 1), 0);
  const initializer = (graph.initializer ?? []).map((t) => replaced.get(t.name ?? "") ?? t);
  const outputs = new Set((graph.output ?? []).map((o) => o.name ?? ""));
  const newGraph = {
    ...graph,
    initializer,
    // Shapes of intermediate values changed: value_info is optional, so it is dropped rather than kept stale.
    valueInfo: (graph.valueInfo ?? []).filter((v) => outputs.has(v.name ?? "")),
    // Old exporters list initializers among the inputs too: their dims follow.
    input: (graph.input ?? []).map((v) => {
      const r = replaced.get(v.name ?? "");
      if (!r || !v.type?.tensorType) return v;
      const dim = (r.dims ?? []).map((d) => ({ dimValue: Number(d) }));
      return { ...v, type: { ...v.type, tensorType: { ...v.type.tensorType, shape: { dim } } } };
    })
  };
  const notes = [];
  const locked = report.filter((g) => g.lockedBecause);
  for (const g of locked) notes.push(`${g.layers.join(", ")}: kept all ${g.channels} channels, ${g.lockedBecause}.`);
  return {
    model: { ...model, graph: newGraph },
    groups: report,
    tensors,
    parametersBefore: count2(graph.initializer ?? []),
    parametersAfter: count2(initializer),
    notes
  };
}

// src/optimize/reduce.ts
var DEFAULT_CONV_CHANNEL_MULTIPLE = 8;
var TRAIN_INPUT_BYTES = 256 * 1024 * 1024;
function trainBatchCount(steps, batchBytes) {
  return Math.max(1, Math.min(Math.max(steps, 1), Math.floor(TRAIN_INPUT_BYTES / Math.max(1, batchBytes))));
}
function feedsBytes(feeds) {
  return Object.values(feeds).reduce((s, t) => s + (t.data.byteLength ?? 0), 0);
}
async function activationImportance(model, batches) {
  const graph = model.graph ?? {};
  const layers = (graph.node ?? []).filter((n) => ["Conv", "Gemm", "MatMul"].includes(n.opType ?? "") && !n.domain);
  const names = [...new Set(layers.map((n) => n.output?.[0] ?? "").filter(Boolean))];
  const outputs = new Set((graph.output ?? []).map((o) => o.name ?? ""));
  const extra = {
    ...model,
    graph: { ...graph, output: [...graph.output ?? [], ...names.filter((n) => !outputs.has(n)).map((name) => ({ name }))] }
  };
  const session = await InferenceSession.create(encodeModel(extra), { executionProviders: ["cpu"], intraOpNumThreads: 1 });
  const sums = /* @__PURE__ */ new Map();
  try {
    for (const feeds of batches) {
      const out3 = await session.run(feeds);
      for (const n of layers) {
        const name = n.output?.[0] ?? "";
        const t = out3[name];
        if (!t || t.type !== "float32" || t.dims.length < 2) continue;
        const axis = n.opType === "MatMul" ? t.dims.length - 1 : 1;
        const channels = t.dims[axis];
        const inner = t.dims.slice(axis + 1).reduce((a, b) => a * b, 1);
        const s = sums.get(name) ?? new Float64Array(channels);
        const v = t.data;
        for (let i = 0; i < v.length; i++) s[Math.floor(i / inner) % channels] += Math.abs(v[i]);
        sums.set(name, s);
      }
    }
  } finally {
    await session.release();
  }
  return sums;
}
async function buildReduced(model, options) {
  const bytes = encodeModel(model);
  const loaded = { path: "model.onnx", bytes, proto: decodeModel(bytes), fileBytes: bytes.length, externalFiles: [] };
  const shapes = await resolveShapes(loaded, options.train[0]);
  const importance = options.importance ?? "activation";
  const prune = pruneStructured(model, {
    ratio: options.ratio,
    shapes,
    convChannelMultiple: options.convChannelMultiple ?? DEFAULT_CONV_CHANNEL_MULTIPLE,
    outgoingWeights: options.outgoingWeights ?? true,
    ...importance === "activation" ? { activationImportance: await activationImportance(model, options.train) } : {}
  });
  const pruned = prune.groups.filter((g) => g.kept < g.channels);
  if (pruned.length === 0) {
    const why = prune.groups.length ? prune.groups.map((g) => `${g.layers.join(", ")}: ${g.lockedBecause ?? `${g.channels} channel(s), none to remove at this ratio`}`).join("; ") : "it has no Conv, Gemm or MatMul layer with a float32 weight initializer";
    throw new InputError("UNSUPPORTED_OP", `Structured pruning cannot remove any channel: ${why}.`);
  }
  const notes = [...prune.notes];
  if (options.steps <= 0) return { model: prune.model, prune, importance, notes };
  const fineTune = await distill(model, prune.model, {
    steps: options.steps,
    batches: options.train,
    ...options.loss ? { loss: options.loss } : {},
    ...options.temperature !== void 0 ? { temperature: options.temperature } : {},
    ...options.learningRate !== void 0 ? { learningRate: options.learningRate } : {},
    ...options.clockNs ? { clockNs: options.clockNs } : {},
    ...options.freeze ? { freeze: options.freeze } : {}
  });
  notes.push(...fineTune.notes);
  return { model: fineTune.model, prune, fineTune, importance, notes };
}
function npyBatches(array, input, batchSize, file, heldOutShare = 0.25) {
  const sample = array.shape.slice(1);
  if (array.dtype !== "float32") {
    throw new InputError(
      "INPUT_INVALID",
      `${file}: expected float32 samples for input "${input.name}", got ${array.dtype}. Save it with np.save(path, x.astype(np.float32)).`
    );
  }
  if (sample.length !== input.sampleDims.length || sample.some((d, i) => d !== input.sampleDims[i])) {
    throw new InputError(
      "INPUT_INVALID",
      `${file}: each sample of input "${input.name}" must be [${input.sampleDims.join(", ")}] (the array [rows, ${input.sampleDims.join(", ")}]); got [${array.shape.join(", ")}].`
    );
  }
  const rows = array.shape[0] ?? 0;
  const batches = Math.floor(rows / batchSize);
  if (batches < 2) {
    throw new InputError(
      "INPUT_INVALID",
      `${file}: ${rows} rows make fewer than two batches of ${batchSize}; give at least ${2 * batchSize} rows (some train, some are held out).`
    );
  }
  const per = sample.reduce((a, b) => a * b, 1) * batchSize;
  const data = array.data;
  const all = [];
  for (let b = 0; b < batches; b++) {
    all.push({ [input.name]: new Tensor("float32", data.slice(b * per, (b + 1) * per), [batchSize, ...sample]) });
  }
  const held = Math.max(1, Math.round(batches * heldOutShare));
  return { train: all.slice(0, batches - held), heldOut: all.slice(batches - held) };
}

// src/optimize/types.ts
var VARIANT_IDS = ["int8-weights", "int8-dynamic", "fp16", "prune"];
var REDUCE_VARIANT_IDS = ["prune-structured", "distill"];
var ADVICE_VARIANT_IDS = [...VARIANT_IDS, ...REDUCE_VARIANT_IDS];

// src/optimize/advisor.ts
var GZIP_LEVEL = 9;
function gzipSize(bytes) {
  return gzipSync(bytes, { level: GZIP_LEVEL }).length;
}
function figures(m, gzipBytes) {
  const out3 = {
    sizeBytes: m.sizeBytes,
    gzipBytes,
    flops: m.flops,
    latencyMs: { p50: m.latencyMs.p50, mean: m.latencyMs.mean }
  };
  if (m.energyJPerInference !== void 0) {
    const method = m.energyMethod ?? "unknown";
    out3.energy = { joulesPerInference: m.energyJPerInference, method, estimated: m.energyEstimated ?? /estimat/i.test(method) };
  }
  return out3;
}
function percentChange(before, after) {
  if (before === 0) return after === 0 ? 0 : Infinity;
  return (after - before) / before * 100;
}
function deltas(o, v) {
  const d = {
    sizePct: percentChange(o.sizeBytes, v.sizeBytes),
    gzipPct: percentChange(o.gzipBytes, v.gzipBytes),
    flopsPct: percentChange(o.flops, v.flops),
    latencyP50Pct: percentChange(o.latencyMs.p50, v.latencyMs.p50),
    latencyMeanPct: percentChange(o.latencyMs.mean, v.latencyMs.mean)
  };
  if (o.energy && v.energy) d.energyPct = percentChange(o.energy.joulesPerInference, v.energy.joulesPerInference);
  return d;
}
function measuredChange(ci) {
  if (ci[0] > 0) return "cost";
  if (ci[1] < 0) return "saving";
  return "no measurable change";
}
function withComparison(d, c) {
  const pct2 = (ci) => [ci[0] * 100, ci[1] * 100];
  const out3 = { ...d };
  if (c.latencyP50) {
    out3.latencyP50Pct = c.latencyP50.estimate * 100;
    out3.latencyP50PctCi95 = pct2(c.latencyP50.changeCi95);
    out3.latencyP50Change = measuredChange(c.latencyP50.changeCi95);
  }
  if (c.latencyMean) {
    out3.latencyMeanPct = c.latencyMean.estimate * 100;
    out3.latencyMeanPctCi95 = pct2(c.latencyMean.changeCi95);
    out3.latencyMeanChange = measuredChange(c.latencyMean.changeCi95);
  }
  if (c.energy && out3.energyPct !== void 0) {
    out3.energyPct = c.energy.estimate * 100;
    out3.energyPctCi95 = pct2(c.energy.changeCi95);
    out3.energyChange = measuredChange(c.energy.changeCi95);
  } else if (c.latencyP50 || c.latencyMean) {
    delete out3.energyPct;
  }
  const method = c.latencyMean?.method ?? c.latencyP50?.method ?? c.energy?.method;
  if (method) out3.comparison = method;
  return out3;
}
function formatMeasuredChange(pct2, ci, change, extra) {
  const tail = extra ? `; ${extra}` : "";
  if (!ci) return `${formatPercent(pct2)} (single runs, no interval${tail})`;
  const interval = `95% CI ${formatPercent(ci[0])} \u2026 ${formatPercent(ci[1])}`;
  const verdict = change ?? measuredChange([ci[0] / 100, ci[1] / 100]);
  if (verdict === "no measurable change") return `no measurable change (${interval}${tail})`;
  return `${formatPercent(pct2)} (${verdict}, ${interval}${tail})`;
}
function formatPercent(pct2) {
  if (!Number.isFinite(pct2)) return pct2 > 0 ? "+\u221E%" : "n/a";
  const digits = Math.abs(pct2) < 10 ? 1 : 0;
  const text = Math.abs(pct2).toFixed(digits).replace(/\.0$/, "");
  if (text === "0") return "\xB10%";
  return `${pct2 < 0 ? "\u2212" : "+"}${text}%`;
}
function formatShare(x) {
  const p = x * 100;
  return p === 100 ? "100%" : `${p.toFixed(1)}%`;
}
function summarizeAdvice(a) {
  if (a.status !== "ok" || !a.deltas || !a.figures) {
    return `${a.label}: ${a.status === "failed" ? "failed" : "not applicable"}${a.reason ? ` (${a.reason})` : ""}`;
  }
  const d = a.deltas;
  const parts = [`${formatPercent(d.sizePct)} size`];
  if (a.variant === "prune") parts[0] += ` (${formatPercent(d.gzipPct)} gzipped)`;
  if (a.structure)
    parts.push(`${formatPercent(percentChange(a.structure.parametersBefore, a.structure.parametersAfter))} parameters`);
  if (d.flopsPct !== 0 && a.structure) parts.push(`${formatPercent(d.flopsPct)} FLOPs`);
  if (d.energyPct !== void 0 && a.figures.energy) {
    const e = a.figures.energy;
    parts.push(
      `energy per inference ${formatMeasuredChange(
        d.energyPct,
        d.energyPctCi95,
        d.energyChange,
        e.estimated ? `estimated with a power model (${e.method}), not measured` : `measured, ${e.method}`
      )}`
    );
  }
  parts.push(`latency p50 ${formatMeasuredChange(d.latencyP50Pct, d.latencyP50PctCi95, d.latencyP50Change)}`);
  const f = a.fidelity;
  if (f) {
    if (f.top1Agreement !== null) parts.push(`top-1 agreement ${formatShare(f.top1Agreement)}`);
    parts.push(`max abs error ${Number.isFinite(f.maxAbsError) ? f.maxAbsError.toPrecision(2) : "non-finite"}`);
    if (a.fineTune) parts[parts.length - 1] += ` (held out: ${a.fineTune.heldOut})`;
  }
  const t = a.fineTune;
  if (t) {
    const e = t.energy ? `, ${formatJoules(t.energy.joules)} ${t.energy.estimated ? `estimated with a power model (${t.energy.method}), not measured` : `measured, ${t.energy.method}`}` : "";
    parts.push(`fine-tuning cost ${t.steps} steps, ${t.durationS.toPrecision(2)} s${e}, on ${t.inputs}`);
  }
  return `${a.label}: ${parts.join(", ")}`;
}
function formatJoules(j) {
  return j >= 1 ? `${j.toPrecision(3)} J` : `${(j * 1e3).toPrecision(3)} mJ`;
}
function withSummary(a) {
  return { ...a, summary: summarizeAdvice(a) };
}
function describe2(error) {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0].slice(0, 400);
}
async function adviseModel(loaded, options) {
  const batches = Array.isArray(options.feeds) ? options.feeds : [options.feeds];
  const createSession = options.createSession ?? ortSessionFactory;
  const originalMeasurement = options.originalMeasurement ?? await options.measure(loaded.bytes, { variant: "original" });
  const original = figures(originalMeasurement, loaded.gzipBytes ?? gzipSize(loaded.bytes));
  const advice = [];
  for (const variant of options.variants ?? (options.trainFeeds?.length ? ADVICE_VARIANT_IDS : VARIANT_IDS)) {
    if (variant === "prune-structured" || variant === "distill") {
      advice.push(await adviseReduced(loaded, variant, original, options.heldOutFeeds ?? batches, createSession, options));
      continue;
    }
    let label2 = variant;
    let notes = [];
    try {
      const built = buildVariant(loaded.proto, variant, options.variantOptions);
      label2 = built.label;
      notes = built.notes;
      if (built.weights.length === 0) {
        advice.push(withSummary({ variant, label: label2, status: "not-applicable", reason: notes[0], notes, weights: [] }));
        continue;
      }
      const encoded = options.encode ? await options.encode(built.model) : { bytes: encodeModel(built.model) };
      const bytes = encoded.bytes;
      if (encoded.note) notes = [...notes, encoded.note];
      const fidelity = await measureFidelity(loaded.bytes, bytes, batches, createSession);
      const measured = figures(await options.measure(bytes, { variant }), encoded.gzipBytes ?? gzipSize(bytes));
      const pointDeltas = deltas(original, measured);
      advice.push(
        withSummary({
          variant,
          label: label2,
          status: "ok",
          figures: measured,
          original,
          deltas: options.compare ? withComparison(pointDeltas, await options.compare(bytes, { variant })) : pointDeltas,
          fidelity,
          weights: built.weights,
          notes
        })
      );
    } catch (error) {
      const notApplicable = error instanceof EnergyBudgetError && error.code === "UNSUPPORTED_OP";
      advice.push(
        withSummary({ variant, label: label2, status: notApplicable ? "not-applicable" : "failed", reason: describe2(error), notes })
      );
    }
  }
  return advice;
}
var DEFAULT_FINE_TUNE_STEPS = 300;
var DEFAULT_PRUNE_RATIO = 0.3;
var DEFAULT_DISTILL_WIDTH = 0.5;
function reduceLabel(variant, o = {}) {
  const steps = o.steps ?? DEFAULT_FINE_TUNE_STEPS;
  const tuned = steps > 0 ? ` + ${steps} fine-tuning steps` : "";
  if (variant === "distill") return `distilled student, width \xD7${o.distillWidth ?? DEFAULT_DISTILL_WIDTH}${tuned}`;
  return `structured pruning ${Math.round((o.pruneRatio ?? DEFAULT_PRUNE_RATIO) * 100)}%${tuned}`;
}
async function adviseReduced(loaded, variant, original, heldOut, createSession, options) {
  const o = options.reduceOptions ?? {};
  const label2 = reduceLabel(variant, o);
  if (!options.trainFeeds?.length) {
    return withSummary({ variant, label: label2, status: "not-applicable", reason: "no training inputs were given", notes: [] });
  }
  const steps = o.steps ?? DEFAULT_FINE_TUNE_STEPS;
  const ratio = variant === "distill" ? 1 - (o.distillWidth ?? DEFAULT_DISTILL_WIDTH) : o.pruneRatio ?? DEFAULT_PRUNE_RATIO;
  const loss = o.loss ?? (variant === "distill" ? "kl" : "mse");
  try {
    const work = () => buildReduced(loaded.proto, {
      ratio,
      steps,
      loss,
      ...o.temperature !== void 0 ? { temperature: o.temperature } : {},
      train: options.trainFeeds
    });
    const windowed = options.meterWindow ? await options.meterWindow(work) : { result: await work() };
    const reduced = windowed.result;
    const bytes = encodeModel(reduced.model);
    const fidelity = await measureFidelity(loaded.bytes, bytes, heldOut, createSession);
    const measured = figures(await options.measure(bytes, { variant }), gzipSize(bytes));
    const pointDeltas = deltas(original, measured);
    const ft = reduced.fineTune;
    const notes = [...reduced.notes];
    notes.push(
      "Channels and neurons are removed, so every runtime does less work; outputs change, so check the fidelity on your own data before adopting it."
    );
    return withSummary({
      variant,
      label: label2,
      status: "ok",
      figures: measured,
      original,
      deltas: options.compare ? withComparison(pointDeltas, await options.compare(bytes, { variant })) : pointDeltas,
      fidelity,
      structure: {
        ratio,
        importance: reduced.importance,
        parametersBefore: reduced.prune.parametersBefore,
        parametersAfter: reduced.prune.parametersAfter,
        groups: reduced.prune.groups
      },
      ...ft ? {
        fineTune: {
          steps: ft.steps,
          durationS: ft.durationS,
          loss: ft.lossDescription,
          lossFirst: ft.lossFirst,
          lossLast: ft.lossLast,
          inputs: options.trainSource ?? `${options.trainFeeds.length} input batch(es)`,
          heldOut: (options.heldOutFeeds ? options.heldOutSource : options.feedsSource) ?? "the benchmark inputs",
          ...windowed.energy ? { energy: windowed.energy } : {}
        }
      } : {},
      notes
    });
  } catch (error) {
    const notApplicable = error instanceof EnergyBudgetError && (error.code === "UNSUPPORTED_OP" || error.code === "INPUT_INVALID");
    return withSummary({
      variant,
      label: label2,
      status: notApplicable ? "not-applicable" : "failed",
      reason: describe2(error),
      notes: []
    });
  }
}

export {
  suggest,
  isExternal,
  externalEntries,
  resolveExternalRef,
  forEachTensor,
  loadModel,
  externalDataFolder,
  externalDataOptions,
  staticShapes,
  resolveShapesAndValues,
  dtypeName,
  dtypeBytes,
  fsExternalReader,
  opKey,
  analyzeModel,
  node,
  int64Tensor,
  rawTensor,
  seedFrom,
  parseNpy,
  float16BitsOf,
  synthesizeInputs,
  synthesizeLabels,
  loopTrainingStep,
  buildTrainingStep,
  projectTraining,
  runTrainingBenchmark,
  toOrtTensor,
  measureFidelity,
  ortSessionFactory,
  ortSessionFactoryIn,
  buildVariant,
  DEFAULT_CONV_CHANNEL_MULTIPLE,
  trainBatchCount,
  feedsBytes,
  buildReduced,
  npyBatches,
  VARIANT_IDS,
  ADVICE_VARIANT_IDS,
  GZIP_LEVEL,
  gzipSize,
  percentChange,
  formatPercent,
  adviseModel,
  DEFAULT_FINE_TUNE_STEPS,
  reduceLabel
};
