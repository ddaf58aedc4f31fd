import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  InferenceSession,
  Tensor,
  env
} from "./chunk-VJGMPWIK.js";
import {
  AttributeType,
  DataType,
  decodeModel,
  encodeModel,
  onnxMessageType
} from "./chunk-R3OHUB5T.js";
import {
  createRng,
  seedFrom
} from "./chunk-4K6K6CUH.js";
import {
  EnergyBudgetError,
  InputError
} from "./chunk-2JFKSI3H.js";

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
};
function concat(win, parts) {
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
function decode(type, bytes, offset) {
  try {
    return type.decode(bytes);
  } catch (error) {
    throw new ScanError(`${type.name} cannot be decoded (${error.message})`, offset);
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
      const sub = field?.resolvedType;
      if (typeName === "TensorProto" && PAYLOAD_FIELDS.has(id)) {
        payloads.push({ id, tag: tagStart, start: dataStart, end: pos });
        continue;
      }
      if (sub && "fieldsById" in sub && CONTAINERS.has(sub.name) && len.value > st.inlineBytes) {
        kind = large.length;
        large.push(scanMessage(st, sub.name, dataStart, pos));
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
  const out = {};
  for (const e of t.externalData ?? []) if (e.key) out[e.key] = e.value ?? "";
  return out;
}
function resolveExternalRef(t, modelPath, root, label) {
  const e = externalEntries(t);
  const name = t.name || "(unnamed)";
  const location = e.location;
  if (!location) {
    throw new InputError(
      "MODEL_INVALID",
      `Model ${label}: tensor "${name}" is marked as external data but has no "location" entry, so its weights cannot be found. Expected external_data to contain location (a file name relative to the model's folder), optionally offset and length. Re-save the model with onnx.save_model(model, path, save_as_external_data=True).`
    );
  }
  const file = resolve2(dirname(modelPath), location);
  const rel = relative(root, file);
  if (isAbsolute(location) || rel === "" || rel.startsWith("..") || isAbsolute(rel)) {
    throw new InputError(
      "MODEL_INVALID",
      `Model ${label}: tensor "${name}" points to external data at "${location}", which is outside the allowed folder ${root}. Expected a location relative to the model's folder that does not leave it (no absolute paths, no "../"): ONNX requires this and it keeps a model from reading arbitrary files. Move the data file next to the model and re-save it with a relative location.`
    );
  }
  const num = (key) => {
    const v = e[key];
    if (v === void 0 || v === "") return void 0;
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new InputError(
        "MODEL_INVALID",
        `Model ${label}: tensor "${name}" has external_data ${key} = "${v}", expected a non-negative integer number of bytes. Re-save the model with the onnx Python package to rewrite its external-data entries.`
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
function notOnnx(label, detail, bytes, cause) {
  const text = new TextDecoder().decode(bytes.subarray(0, 200));
  let hint = "Check that the path points to the exported .onnx file (not a PyTorch .pt/.pth, TensorFlow or ZIP file) and that the file was copied completely.";
  if (text.startsWith("version https://git-lfs")) {
    hint = "The file is a Git LFS pointer, not the model: run `git lfs pull` (or enable `lfs: true` on actions/checkout).";
  } else if (looksLikeText(bytes)) {
    hint = `The file is text (it starts with "${text.slice(0, 40).replace(/\s+/g, " ")}"), not a binary ONNX protobuf; point the path at the .onnx file itself.`;
  }
  return new InputError(
    "MODEL_INVALID",
    `Model ${label} is not a valid ONNX file: ${detail}. Expected a binary onnx.ModelProto with a graph and an opset_import. ${hint}`,
    cause === void 0 ? void 0 : { cause }
  );
}
async function loadModel(path2, opts = {}) {
  const abs = resolve2(path2);
  const label = opts.label ? `"${opts.label}" (${path2})` : path2;
  let info;
  try {
    info = await stat(abs);
  } catch (error) {
    const code = error.code;
    throw new InputError(
      "MODEL_INVALID",
      code === "ENOENT" ? `Model ${label} does not exist (looked for ${abs}). Expected an .onnx file; check the model's path (relative to the budget file's folder) and that the file is committed or generated before the run.` : `Model ${label} cannot be read (${code ?? String(error)}, at ${abs}). Expected a readable .onnx file; check its permissions.`,
      { cause: error }
    );
  }
  if (info.isDirectory()) {
    throw new InputError(
      "MODEL_INVALID",
      `Model ${label} is a directory (${abs}), expected an .onnx file. Point the path at the model file inside it, e.g. ${path2.replace(/\/$/, "")}/model.onnx.`
    );
  }
  if (info.size === 0) {
    throw new InputError(
      "MODEL_INVALID",
      `Model ${label} is an empty file (0 bytes at ${abs}), expected an ONNX model. Re-export or re-download it; an interrupted export or an unfetched Git LFS object often leaves an empty file.`
    );
  }
  const streamed = opts.stream === true || (opts.stream ?? "auto") === "auto" && info.size > (opts.streamThresholdBytes ?? STREAM_THRESHOLD_BYTES);
  const bytes = streamed ? readHead(abs, 256) : new Uint8Array(await readFile(abs));
  let proto;
  let payloads;
  try {
    if (streamed) {
      const scanned = scanModelFile(abs, opts.scan);
      proto = scanned.proto;
      payloads = scanned.payloads;
    } else {
      proto = decodeModel(bytes);
    }
  } catch (error) {
    throw notOnnx(
      label,
      `the protobuf cannot be decoded (${error.message}; the file may be truncated or another format)`,
      bytes,
      error
    );
  }
  const hasGraph = own(proto, "graph") && proto.graph !== void 0;
  const opsets = proto.opsetImport ?? [];
  if (!hasGraph && opsets.length === 0 && !proto.irVersion) {
    throw notOnnx(label, "it decodes to a protobuf message with no ONNX fields (no ir_version, graph or opset_import)", bytes);
  }
  if (!hasGraph) {
    throw new InputError(
      "MODEL_INVALID",
      `Model ${label} has no graph (ModelProto.graph is missing), so there is nothing to run or measure. Expected an ONNX model with a graph; the file may be truncated or only a fragment (e.g. a TensorProto or a training-info message). Re-export the model.`
    );
  }
  const defaultOpset2 = opsets.find((o) => !o.domain || o.domain === "ai.onnx");
  if (!defaultOpset2) {
    throw new InputError(
      "MODEL_INVALID",
      `Model ${label} declares no opset for the default ONNX domain (opset_import is ${opsets.length === 0 ? "empty" : `only ${opsets.map((o) => o.domain).join(", ")}`}), so its operators cannot be interpreted. Expected opset_import to contain { domain: "", version: N }; re-export with an explicit opset (torch.onnx.export(..., opset_version=17)).`
    );
  }
  const root = resolve2(opts.allowedRoot ?? dirname(abs));
  const refs = [];
  forEachTensor(proto.graph, (t) => {
    if (isExternal(t) && !payloads?.has(t))
      refs.push({ ref: resolveExternalRef(t, abs, root, label), tensor: t.name || "(unnamed)" });
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
          `Model ${label}: the external-data file for tensor "${tensor}" is missing: expected ${ref.file.split(sep).join("/")} next to the model (location "${relative(dirname(abs), ref.file)}"). Copy the data file together with the .onnx file (they must stay in the same folder), or re-save the model with the weights inside it.`,
          { cause: error }
        );
      }
      const realFile = await realpath(ref.file);
      const realRoot = await realpath(root).catch(() => root);
      const rel = relative(realRoot, realFile);
      if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) {
        throw new InputError(
          "MODEL_INVALID",
          `Model ${label}: the external-data file for tensor "${tensor}" (${relative(dirname(abs), ref.file)}) is a symbolic link that resolves to ${realFile}, outside the allowed folder ${realRoot}. External data must be a real file next to the model, so that a model cannot make the job read other files on the runner. Replace the link with the data file itself.`
        );
      }
      sizes.set(ref.file, size);
    }
    const end = ref.offset + (ref.length ?? 0);
    if (end > size || ref.offset > size) {
      throw new InputError(
        "MODEL_INVALID",
        `Model ${label}: tensor "${tensor}" expects bytes ${ref.offset}..${end} of external-data file ${ref.file}, but the file has only ${size} bytes. The data file is truncated or belongs to another version of the model; re-save the model and its data together.`
      );
    }
  }
  const loaded = {
    path: abs,
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
    get: () => whole ??= new Uint8Array(readFileSync(abs)),
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

// src/model/analyze.ts
import { closeSync as closeSync3, openSync as openSync3, readSync as readSync3 } from "node:fs";

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

// src/model/analyze.ts
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
    let zeros = 0;
    if (perElement === 1 && part !== 8) {
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
          if (words[w] !== 0 || (words[w + 1] & (signMask << 24 | 16777215)) !== 0) zero = false;
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
};
function zerosInNumbers(values, code, elements) {
  let zeros = 0;
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
        if ((nib & mask) === 0) zeros++;
        seen++;
      }
    }
    return zeros;
  }
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (bits16 ? (v & 32767) === 0 : float8 ? (v & 127) === 0 : v === 0) zeros++;
  }
  return zeros;
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
  let zeros;
  if (code === DataType.COMPLEX64 || code === DataType.COMPLEX128) {
    zeros = 0;
    for (let i = 0; i + 1 < field.length && i / 2 < elements; i += 2) if (field[i] === 0 && field[i + 1] === 0) zeros++;
  } else {
    zeros = zerosInNumbers(field, code, elements);
  }
  return { dtype, elements, bytes: Math.ceil(elements * size), zeros };
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
function subgraphsOf(n) {
  const out = [];
  for (const a of n.attribute ?? []) {
    if (a.g && own2(a, "g")) out.push(a.g);
    for (const g of a.graphs ?? []) out.push(g);
  }
  return out;
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
function tensorInfoOf(v, label, role) {
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
      `Model ${label}: graph ${role} "${name}" declares no ${tensorType ? "known " : ""}tensor element type${tensorType?.elemType ? ` (code ${tensorType.elemType})` : ""}, so data for it cannot be made or checked. Expected type.tensor_type.elem_type to be an ONNX element type (e.g. 1 = float32); re-export the model with typed ${role}s.`
    );
  }
  const shape = tensorType.shape && own2(tensorType, "shape") ? (tensorType.shape.dim ?? []).map(dimOf) : null;
  return { name, dtype, shape, ...kind !== "tensor" ? { kind } : {} };
}
function analyzeModel(loaded, opts = {}) {
  const proto = loaded.proto;
  const graph = proto.graph ?? {};
  const label = opts.label ?? loaded.path;
  const fileSizes = new Map(loaded.externalFiles.map((f) => [f.path, f.bytes]));
  const ctx = {
    modelPath: loaded.path,
    // loadModel already checked the locations against its allowed root; any folder works here.
    root: "/",
    label,
    read: opts.readExternal ?? fsExternalReader,
    fileSizes
  };
  const tensor = (t) => tensorStats(t, ctx);
  const sparse = (s) => {
    const values = s.values ? tensor(s.values) : { dtype: "float32", elements: 0, bytes: 0, zeros: 0 };
    const dense = product(s.dims ?? []);
    const out = [
      { dtype: values.dtype, elements: dense, bytes: values.bytes, zeros: values.zeros + Math.max(0, dense - values.elements) }
    ];
    if (s.indices) out.push({ ...tensor(s.indices), elements: 0, zeros: 0 });
    return out;
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
  let zeros = 0;
  for (const w of weights) {
    parameters += w.elements;
    zeros += w.zeros;
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
    else inputs.push(tensorInfoOf(v, label, "input"));
  }
  const outputs = (graph.output ?? []).map((v) => tensorInfoOf(v, label, "output"));
  if (outputs.length === 0) {
    throw new InputError(
      "MODEL_INVALID",
      `Model ${label} declares no graph outputs, so running it computes nothing and there is nothing to measure. Expected graph.output to list at least one tensor; the file may be truncated or the export incomplete. Re-export the model.`
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
      sparsity: parameters > 0 ? zeros / parameters : 0
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
    const out = new Array(count2);
    const dv = new DataView(body.buffer, body.byteOffset, body.byteLength);
    for (let i = 0; i < count2; i++) {
      let s = "";
      for (let j = 0; j < width; j++) {
        const c = str[1] === "U" ? dv.getUint32(i * itemBytes + 4 * j, true) : body[i * itemBytes + j];
        if (c === 0) break;
        s += String.fromCodePoint(c);
      }
      out[i] = s;
    }
    return { dtype: "string", shape, data: out };
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
  const exp = x >>> 23 & 255;
  let mant = x & 8388607;
  if (exp === 255) return sign | 31744 | (mant ? 512 : 0);
  const e = exp - 127 + 15;
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
  const out = new Float32Array(bits.length);
  for (let i = 0; i < bits.length; i++) out[i] = float16Value(bits[i]);
  return out;
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
    ctx.checkFeedable(info.name, info.dtype);
    ctx.checkCap(info.name, info.dtype, shape);
    feeds[info.name] = makeTensor(
      info.dtype,
      randomData(info.dtype, count(shape), ctx.rngFor(info.name)),
      shape
    );
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
  checkFeedable(input, dtype) {
    if (FEEDABLE[dtype] === void 0) {
      this.fail(
        input,
        `model "${this.opts.modelName}" input "${input}" has dtype ${dtype}, which onnxruntime-node cannot build from JavaScript (it feeds ${Object.keys(FEEDABLE).join(", ")}). Wrap the model so that this input is one of those and Cast inside it.`
      );
    }
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
        const why = error.code === "ENOENT" ? "does not exist" : `cannot be read (${error.message})`;
        return this.fail(info.name, `the data file ${file} ${why}. Paths are relative to the budget file's folder.`);
      }
      let arr;
      try {
        arr = parseNpy(bytes, file);
      } catch (error) {
        return this.fail(info.name, error.message);
      }
      this.checkDtype(info, spec.dtype, "the dtype given");
      this.checkDtype(info, arr.dtype, `the data in ${file}`);
      this.checkFeedable(info.name, dtype);
      this.checkShape(info, arr.shape, `the data in ${file}`);
      return { shape: arr.shape, make: () => makeTensor(dtype, arr.data, arr.shape) };
    }
    this.checkDtype(info, spec.dtype, "the dtype given");
    this.checkFeedable(info.name, dtype);
    if (spec.kind === "random") {
      const shape2 = spec.shape ? [...spec.shape] : this.resolveDeclared(info);
      if (spec.shape) this.checkShape(info, shape2, `the shape given`);
      this.checkCap(info.name, dtype, shape2);
      return {
        shape: shape2,
        make: () => makeTensor(dtype, randomData(dtype, count(shape2), this.rngFor(info.name)), shape2)
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
      return { shape, make: () => makeTensor(dtype, fill(dtype, one, n), shape) };
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
    return { shape, make: () => makeTensor(dtype, data, shape) };
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
  const walk = (v, depth, where) => {
    if (depth === shape.length) {
      if (Array.isArray(v))
        fail2(
          `the value is ragged: ${where} is a list where a number was expected (shape [${shape.join(", ")}] from the first elements).`
        );
      flat.push(v);
      return;
    }
    if (!Array.isArray(v))
      fail2(`the value is ragged: ${where} is ${JSON.stringify(v)} where a list of ${shape[depth]} was expected.`);
    if (v.length !== shape[depth]) {
      fail2(
        `the value is ragged: ${where} has ${v.length} elements where ${shape[depth]} were expected (shape [${shape.join(", ")}] from the first elements).`
      );
    }
    v.forEach((x, i) => walk(x, depth + 1, `${where}[${i}]`));
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
      const out = dtype === "float32" ? new Float32Array(n) : dtype === "float64" ? new Float64Array(n) : new Uint16Array(n);
      flat.forEach((x, i) => {
        if (typeof x !== "number") bad(i, "a number");
        out[i] = dtype === "float16" ? float32ToHalfBits(x) : x;
      });
      return out;
    }
    case "bool": {
      const out = new Uint8Array(n);
      flat.forEach((x, i) => {
        if (x === true || x === 1) out[i] = 1;
        else if (x === false || x === 0) out[i] = 0;
        else bad(i, "true, false, 1 or 0");
      });
      return out;
    }
    case "string":
      return flat.map((x, i) => typeof x === "string" ? x : bad(i, "a string"));
    default: {
      const range = INT_RANGE[dtype];
      if (!range) return fail2(`inputs of dtype ${dtype} cannot be given as a value.`);
      const out = makeIntArray(dtype, n);
      flat.forEach((x, i) => {
        const v = x;
        if (typeof v === "bigint") {
          if (!(out instanceof BigInt64Array || out instanceof BigUint64Array)) bad(i, `an integer in ${range[0]}..${range[1]}`);
          out[i] = v;
          return;
        }
        if (typeof v !== "number" || !Number.isInteger(v) || v < range[0] || v > range[1])
          bad(i, `an integer in ${range[0]}..${range[1]}`);
        if (out instanceof BigInt64Array || out instanceof BigUint64Array) out[i] = BigInt(v);
        else out[i] = v;
      });
      return out;
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
  const out = new ctor(n);
  out.fill(one[0]);
  return out;
}
var WORD_CHARS = "abcdefghijklmnopqrstuvwxyz";
function randomData(dtype, n, rng) {
  switch (dtype) {
    case "float32": {
      const out = new Float32Array(n);
      for (let i = 0; i < n; i++) out[i] = rng.normal();
      return out;
    }
    case "float64": {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = rng.normal();
      return out;
    }
    case "float16": {
      const out = new Uint16Array(n);
      for (let i = 0; i < n; i++) out[i] = float32ToHalfBits(rng.normal());
      return out;
    }
    case "bool": {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = rng.next() < 0.5 ? 1 : 0;
      return out;
    }
    case "string": {
      const out = new Array(n);
      for (let i = 0; i < n; i++) {
        let s = "";
        const len = rng.int(1, 8);
        for (let j = 0; j < len; j++) s += WORD_CHARS[rng.int(0, 25)];
        out[i] = s;
      }
      return out;
    }
    case "int64":
    case "uint64": {
      const out = dtype === "int64" ? new BigInt64Array(n) : new BigUint64Array(n);
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
  const out = new Float64Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (typeof v === "number") out[i] = v;
    else if (typeof v === "bigint") out[i] = Number(v);
    else if (typeof v === "boolean") out[i] = v ? 1 : 0;
    else return null;
  }
  return out;
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
  const floor = Math.max(RELATIVE_ERROR_FLOOR * maxRef, Number.MIN_VALUE);
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
    const rel = err / Math.max(Math.abs(a[i]), floor);
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
    const out = [];
    for (const feeds of batches) out.push(await session.run(feeds));
    return out;
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
  const ort = await import("./ort-bundle-SC3JAMZD.js");
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
  const out = /* @__PURE__ */ new Set();
  for (const v of [...graph.input ?? [], ...graph.valueInfo ?? [], ...graph.output ?? []]) {
    if (v.name && !isTensorType(v.type)) out.add(v.name);
  }
  for (const n of graph.node ?? []) {
    const subOutputs = (n.attribute ?? []).flatMap((a) => [a.g, ...a.graphs ?? []]).filter((g) => !!g).flatMap((g) => g.output ?? []);
    const nonTensorSub = subOutputs.some((v) => !isTensorType(v.type));
    const fromNonTensor = (n.input ?? []).some((i) => out.has(i));
    if (NON_TENSOR_OPS.has(n.opType ?? "") || PASS_THROUGH_OPS.has(n.opType ?? "") && (fromNonTensor || nonTensorSub)) {
      for (const o of n.output ?? []) if (o) out.add(o);
    }
  }
  return out;
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
  const out = /* @__PURE__ */ new Map();
  for (const t of graph.initializer ?? []) if (t.name) out.set(t.name, [...t.dims ?? []]);
  for (const s of graph.sparseInitializer ?? []) if (s.values?.name) out.set(s.values.name, [...s.dims ?? []]);
  for (const n of graph.node ?? []) {
    if (n.opType !== "Constant" || n.domain) continue;
    const a = (n.attribute ?? [])[0];
    const name = n.output?.[0];
    if (!a || !name) continue;
    if (a.name === "value" && a.t) out.set(name, [...a.t.dims ?? []]);
    else if (a.name === "sparse_value" && a.sparseTensor) out.set(name, [...a.sparseTensor.dims ?? []]);
    else if (a.name === "value_floats") out.set(name, [a.floats?.length ?? 0]);
    else if (a.name === "value_ints") out.set(name, [a.ints?.length ?? 0]);
    else if (a.name === "value_strings") out.set(name, [a.strings?.length ?? 0]);
    else if (a.name === "value_float" || a.name === "value_int" || a.name === "value_string") out.set(name, []);
  }
  return out;
}
function dimsOf(v) {
  if (!v || typeof v !== "object" || !("dims" in v)) return void 0;
  const dims = v.dims;
  return Array.isArray(dims) && dims.every((d) => typeof d === "number") ? [...dims] : void 0;
}
function staticShapes(proto, inputShapes) {
  const graph = proto.graph ?? {};
  const out = initializerDims(graph);
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
    if (!v.name || out.has(v.name)) continue;
    const tt = v.type?.tensorType;
    if (!tt || !own3(tt, "shape")) continue;
    const dims = (tt.shape?.dim ?? []).map(
      (d) => own3(d, "dimValue") ? d.dimValue : own3(d, "dimParam") && d.dimParam ? symbols.get(d.dimParam) : void 0
    );
    if (dims.every((d) => typeof d === "number")) out.set(v.name, dims);
  }
  for (const [name, shape] of Object.entries(inputShapes)) out.set(name, [...shape]);
  return out;
}
function smallValues(v) {
  if (!v || typeof v !== "object" || !("data" in v)) return void 0;
  const data = v.data;
  if (!data || typeof data !== "object" || !("length" in data)) return void 0;
  const arr = data;
  if (arr.length > 64) return void 0;
  const out = [];
  for (let i = 0; i < arr.length; i++) {
    const x = arr[i];
    if (typeof x === "number") out.push(x);
    else if (typeof x === "bigint") out.push(Number(x));
    else if (typeof x === "boolean") out.push(x ? 1 : 0);
    else return void 0;
  }
  return out;
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
      const out = await session.run(feeds);
      return Object.fromEntries(
        Object.entries(out).map(([k, t]) => [
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
function allNodes(nodes, out = []) {
  for (const n of nodes ?? []) {
    out.push(n);
    for (const a of n.attribute ?? []) {
      if (a.g) allNodes(a.g.node, out);
      for (const g of a.graphs ?? []) allNodes(g.node, out);
    }
  }
  return out;
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
  let out;
  if (t.rawData && t.rawData.byteLength > 0) {
    const copy = new Uint8Array(t.rawData.byteLength);
    copy.set(t.rawData);
    out = new Float32Array(copy.buffer);
  } else {
    out = Float32Array.from(t.floatData ?? []);
  }
  if (out.length !== n) {
    throw new Error(`tensor ${t.name ?? "?"} has ${out.length} values but its dims [${(t.dims ?? []).join(", ")}] need ${n}`);
  }
  return out;
}
function bytesOf2(view) {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}
function tensorFrom(name, dims, dataType, data) {
  return { name, dims, dataType, rawData: bytesOf2(data) };
}
function toFloat16(values) {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = float16Bits(values[i]);
  return out;
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
  const out = new Float32Array(values.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = values[r * cols + c];
  return out;
}
function smallestMagnitudes(arrays, count2) {
  const masks = arrays.map((a) => new Uint8Array(a.length));
  if (count2 <= 0) return masks;
  const total = arrays.reduce((s, a) => s + a.length, 0);
  const mags = new Float32Array(total);
  let o = 0;
  for (const a of arrays) for (let i = 0; i < a.length; i++) mags[o++] = Math.abs(a[i]);
  mags.sort();
  const threshold = mags[Math.min(count2, total) - 1];
  let below = 0;
  for (const a of arrays) for (let i = 0; i < a.length; i++) if (Math.abs(a[i]) < threshold) below++;
  let tiesLeft = Math.min(count2, total) - below;
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
  const bodyUse = (n, sub) => {
    for (const inner of sub.node ?? []) {
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
  const out = [];
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
    out.push({ tensor, name, dims, slots, uses });
  }
  return out;
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
  const out = raiseOpset(rewritten, 13, "Per-channel DequantizeLinear (the axis attribute)");
  if (defaultOpset(out) !== before)
    notes.push(`Opset raised from ${before} to ${defaultOpset(out)} for per-channel DequantizeLinear.`);
  notes.push(
    "The arithmetic stays float32: onnxruntime does not constant-fold DequantizeLinear, so every run dequantises the weights first; the file shrinks about 4\xD7, latency can rise slightly."
  );
  return { variant: "int8-weights", label: "int8 weights", model: out, weights, notes, opset: defaultOpset(out) };
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
  const out = raiseOpset(withGraph(model, ix, { nodes, initializers: added, removed }), 11, "DynamicQuantizeLinear");
  if (defaultOpset(out) !== before) notes.push(`Opset raised from ${before} to ${defaultOpset(out)} for DynamicQuantizeLinear.`);
  notes.push(
    "uint8 activations \xD7 int8 weights: on x86 CPUs without VNNI, onnxruntime multiplies these with VPMADDUBSW, whose 16-bit sums can saturate (onnxruntime quantization docs); the fidelity figures show whether it matters for this model."
  );
  return { variant: "int8-dynamic", label: "dynamic int8", model: out, weights, notes, opset: defaultOpset(out) };
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
  const out = raiseOpset(
    withGraph(model, ix, { nodes: [...casts, ...ix.graph.node ?? []], initializers: added, removed }),
    6,
    "Cast"
  );
  notes.push(
    "Weights are stored as float16 and cast back to float32, so every op still computes in float32; the file halves, the arithmetic does not change."
  );
  return { variant: "fp16", label: "fp16 weights", model: out, weights, notes, opset: defaultOpset(out) };
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
  const label = `pruned ${pct(sparsity)}`;
  const candidates = weightCandidates(ix, notes);
  if (candidates.length === 0) {
    return {
      variant: "prune",
      label,
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
  let zeros = 0;
  let total = 0;
  candidates.forEach((c, k) => {
    const v = values[k];
    const m = masks[k];
    let z = 0;
    for (let i = 0; i < v.length; i++) {
      if (m[i]) v[i] = 0;
      if (v[i] === 0) z++;
    }
    zeros += z;
    total += v.length;
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
    label,
    model: { ...model, graph },
    weights,
    notes,
    opset: defaultOpset(model),
    sparsity: total ? zeros / total : 0
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

// src/optimize/types.ts
var VARIANT_IDS = ["int8-weights", "int8-dynamic", "fp16", "prune"];

// src/optimize/advisor.ts
var GZIP_LEVEL = 9;
function gzipSize(bytes) {
  return gzipSync(bytes, { level: GZIP_LEVEL }).length;
}
function figures(m, gzipBytes) {
  const out = {
    sizeBytes: m.sizeBytes,
    gzipBytes,
    flops: m.flops,
    latencyMs: { p50: m.latencyMs.p50, mean: m.latencyMs.mean }
  };
  if (m.energyJPerInference !== void 0) {
    const method = m.energyMethod ?? "unknown";
    out.energy = { joulesPerInference: m.energyJPerInference, method, estimated: m.energyEstimated ?? /estimat/i.test(method) };
  }
  return out;
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
  const out = { ...d };
  if (c.latencyP50) {
    out.latencyP50Pct = c.latencyP50.estimate * 100;
    out.latencyP50PctCi95 = pct2(c.latencyP50.changeCi95);
    out.latencyP50Change = measuredChange(c.latencyP50.changeCi95);
  }
  if (c.latencyMean) {
    out.latencyMeanPct = c.latencyMean.estimate * 100;
    out.latencyMeanPctCi95 = pct2(c.latencyMean.changeCi95);
    out.latencyMeanChange = measuredChange(c.latencyMean.changeCi95);
  }
  if (c.energy && out.energyPct !== void 0) {
    out.energyPct = c.energy.estimate * 100;
    out.energyPctCi95 = pct2(c.energy.changeCi95);
    out.energyChange = measuredChange(c.energy.changeCi95);
  }
  const method = c.latencyMean?.method ?? c.latencyP50?.method ?? c.energy?.method;
  if (method) out.comparison = method;
  return out;
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
  }
  return `${a.label}: ${parts.join(", ")}`;
}
function withSummary(a) {
  return { ...a, summary: summarizeAdvice(a) };
}
function describe(error) {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0].slice(0, 400);
}
async function adviseModel(loaded, options) {
  const batches = Array.isArray(options.feeds) ? options.feeds : [options.feeds];
  const createSession = options.createSession ?? ortSessionFactory;
  const originalMeasurement = options.originalMeasurement ?? await options.measure(loaded.bytes, { variant: "original" });
  const original = figures(originalMeasurement, loaded.gzipBytes ?? gzipSize(loaded.bytes));
  const advice = [];
  for (const variant of options.variants ?? VARIANT_IDS) {
    let label = variant;
    let notes = [];
    try {
      const built = buildVariant(loaded.proto, variant, options.variantOptions);
      label = built.label;
      notes = built.notes;
      if (built.weights.length === 0) {
        advice.push(withSummary({ variant, label, status: "not-applicable", reason: notes[0], notes, weights: [] }));
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
          label,
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
        withSummary({ variant, label, status: notApplicable ? "not-applicable" : "failed", reason: describe(error), notes })
      );
    }
  }
  return advice;
}

export {
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
  attr,
  node,
  int64Tensor,
  rawTensor,
  valueInfo,
  float16BitsOf,
  makeTensor,
  nativeFloat16,
  synthesizeInputs,
  measureFidelity,
  ortSessionFactory,
  ortSessionFactoryIn,
  buildVariant,
  VARIANT_IDS,
  GZIP_LEVEL,
  gzipSize,
  percentChange,
  formatPercent,
  adviseModel
};
