/**
 * Reads an ONNX model file and checks that it is one: decodes the protobuf, requires a graph
 * and an opset, and resolves every external-data file it references (which must exist and stay
 * inside the allowed folder). Every failure is an InputError('MODEL_INVALID') (exit code 2)
 * whose one-paragraph message names the model, what is wrong and how to fix it.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { InputError, messageOf, errnoCode } from '../errors.js';
import { decodeModel, type GraphProto, type ModelProto, type TensorProto } from './onnx.js';
import { scanModelFile, type PayloadTable, type ScanOptions } from './stream.js';

/** A model file read from disk and decoded. */
export interface LoadedModel {
  /** Absolute path of the .onnx file. */
  path: string;
  /**
   * The file's bytes. For a streamed model (`payloads` present) this is a lazy getter that
   * reads the whole file on first use, which defeats the streaming: pass `path` to onnxruntime
   * instead.
   */
  bytes: Uint8Array;
  proto: ModelProto;
  /** Size of the .onnx file alone, in bytes. */
  fileBytes: number;
  /** Every external-data file the model references (absolute paths, each listed once). */
  externalFiles: Array<{ path: string; bytes: number }>;
  /**
   * Present when the file was scanned rather than read whole (src/model/stream.ts): the tensors
   * whose payload stayed in the model file. They are marked as external data whose location is
   * the model file itself, so the analysis streams them like any external data.
   */
  payloads?: PayloadTable;
}

/** Files above this size are scanned rather than read whole (see {@link LoadOptions.stream}). */
export const STREAM_THRESHOLD_BYTES = 1024 * 1024 * 1024;

/** Options of {@link loadModel}. */
export interface LoadOptions {
  /** How messages name the model (e.g. the budget file's model name). @default the path */
  label?: string;
  /** External-data files must resolve inside this folder. @default the model's folder */
  allowedRoot?: string;
  /**
   * Scan the file in bounded memory instead of reading it whole: `true`, `false`, or `'auto'`
   * (when it is larger than `streamThresholdBytes`). @default 'auto'
   */
  stream?: boolean | 'auto';
  /** @default STREAM_THRESHOLD_BYTES (1 GiB) */
  streamThresholdBytes?: number;
  /** Scanner settings for a streamed load. */
  scan?: ScanOptions;
}

/** An external-data reference of one tensor, resolved against the model's folder. */
export interface ExternalRef {
  /** Absolute path of the data file. */
  file: string;
  /** Byte offset of the tensor's data in the file. */
  offset: number;
  /** Byte length, when the model states it. */
  length?: number;
}

function own(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** True when the tensor's data lives in an external file (data_location = EXTERNAL). */
export function isExternal(t: TensorProto): boolean {
  return own(t, 'dataLocation') && t.dataLocation === 1;
}

/** The external-data entries of a tensor as a record (`location`, `offset`, `length`, `checksum`). */
export function externalEntries(t: TensorProto): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of t.externalData ?? []) if (e.key) out[e.key] = e.value ?? '';
  return out;
}

/**
 * Resolves an external tensor's `location` against the model's folder (pure: no file access).
 * @throws InputError MODEL_INVALID when the location is missing, absolute or leaves `root`.
 */
export function resolveExternalRef(t: TensorProto, modelPath: string, root: string, label: string): ExternalRef {
  const e = externalEntries(t);
  const name = t.name || '(unnamed)';
  const location = e.location;
  if (!location) {
    throw new InputError(
      'MODEL_INVALID',
      `Model ${label}: tensor "${name}" is marked as external data but has no "location" entry, so its weights cannot be found. ` +
        `Expected external_data to contain location (a file name relative to the model's folder), optionally offset and length. ` +
        `Re-save the model with onnx.save_model(model, path, save_as_external_data=True).`,
    );
  }
  const file = resolve(dirname(modelPath), location);
  const rel = relative(root, file);
  if (isAbsolute(location) || rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    throw new InputError(
      'MODEL_INVALID',
      `Model ${label}: tensor "${name}" points to external data at "${location}", which is outside the allowed folder ${root}. ` +
        `Expected a location relative to the model's folder that does not leave it (no absolute paths, no "../"): ONNX requires this and it keeps a model from reading arbitrary files. ` +
        `Move the data file next to the model and re-save it with a relative location.`,
    );
  }
  const num = (key: string): number | undefined => {
    const v = e[key];
    if (v === undefined || v === '') return undefined;
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new InputError(
        'MODEL_INVALID',
        `Model ${label}: tensor "${name}" has external_data ${key} = "${v}", expected a non-negative integer number of bytes. ` +
          `Re-save the model with the onnx Python package to rewrite its external-data entries.`,
      );
    }
    return n;
  };
  const offset = num('offset') ?? 0;
  const length = num('length');
  return { file, offset, ...(length !== undefined ? { length } : {}) };
}

/** Calls `visit` on every tensor of a graph and its subgraphs that may hold external data. */
export function forEachTensor(graph: GraphProto | undefined, visit: (t: TensorProto) => void): void {
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

function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 256);
  let printable = 0;
  for (const b of head) if (b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127)) printable++;
  return printable / head.length > 0.95;
}

function notOnnx(label: string, detail: string, bytes: Uint8Array, cause?: unknown): InputError {
  const text = new TextDecoder().decode(bytes.subarray(0, 200));
  let hint =
    'Check that the path points to the exported .onnx file (not a PyTorch .pt/.pth, TensorFlow or ZIP file) and that the file was copied completely.';
  if (text.startsWith('version https://git-lfs')) {
    hint = 'The file is a Git LFS pointer, not the model: run `git lfs pull` (or enable `lfs: true` on actions/checkout).';
  } else if (looksLikeText(bytes)) {
    hint = `The file is text (it starts with "${text.slice(0, 40).replace(/\s+/g, ' ')}"), not a binary ONNX protobuf; point the path at the .onnx file itself.`;
  }
  return new InputError(
    'MODEL_INVALID',
    `Model ${label} is not a valid ONNX file: ${detail}. Expected a binary onnx.ModelProto with a graph and an opset_import. ${hint}`,
    cause === undefined ? undefined : { cause },
  );
}

/**
 * Reads, decodes and validates an ONNX model file, and sizes its external-data files.
 * @throws InputError MODEL_INVALID (exit 2) for a missing, empty, non-ONNX or truncated file, a
 *   model without graph or opset, or external data that is missing, too short or outside the
 *   allowed folder.
 */
export async function loadModel(path: string, opts: LoadOptions = {}): Promise<LoadedModel> {
  const abs = resolve(path);
  const label = opts.label ? `"${opts.label}" (${path})` : path;
  let info;
  try {
    info = await stat(abs);
  } catch (error) {
    const code = errnoCode(error);
    throw new InputError(
      'MODEL_INVALID',
      code === 'ENOENT'
        ? `Model ${label} does not exist (looked for ${abs}). Expected an .onnx file; check the model's path (relative to the budget file's folder) and that the file is committed or generated before the run.`
        : `Model ${label} cannot be read (${code ?? String(error)}, at ${abs}). Expected a readable .onnx file; check its permissions.`,
      { cause: error },
    );
  }
  if (info.isDirectory()) {
    throw new InputError(
      'MODEL_INVALID',
      `Model ${label} is a directory (${abs}), expected an .onnx file. Point the path at the model file inside it, e.g. ${path.replace(/\/$/, '')}/model.onnx.`,
    );
  }
  if (info.size === 0) {
    throw new InputError(
      'MODEL_INVALID',
      `Model ${label} is an empty file (0 bytes at ${abs}), expected an ONNX model. Re-export or re-download it; an interrupted export or an unfetched Git LFS object often leaves an empty file.`,
    );
  }
  const streamed =
    opts.stream === true ||
    ((opts.stream ?? 'auto') === 'auto' && info.size > (opts.streamThresholdBytes ?? STREAM_THRESHOLD_BYTES));
  const bytes: Uint8Array = streamed ? readHead(abs, 256) : new Uint8Array(await readFile(abs));
  let proto: ModelProto;
  let payloads: PayloadTable | undefined;
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
      `the protobuf cannot be decoded (${messageOf(error)}; the file may be truncated or another format)`,
      bytes,
      error,
    );
  }
  const hasGraph = own(proto, 'graph') && proto.graph !== undefined;
  const opsets = proto.opsetImport ?? [];
  if (!hasGraph && opsets.length === 0 && !proto.irVersion) {
    throw notOnnx(label, 'it decodes to a protobuf message with no ONNX fields (no ir_version, graph or opset_import)', bytes);
  }
  if (!hasGraph) {
    throw new InputError(
      'MODEL_INVALID',
      `Model ${label} has no graph (ModelProto.graph is missing), so there is nothing to run or measure. ` +
        `Expected an ONNX model with a graph; the file may be truncated or only a fragment (e.g. a TensorProto or a training-info message). Re-export the model.`,
    );
  }
  const defaultOpset = opsets.find((o) => !o.domain || o.domain === 'ai.onnx');
  if (!defaultOpset) {
    throw new InputError(
      'MODEL_INVALID',
      `Model ${label} declares no opset for the default ONNX domain (opset_import is ${opsets.length === 0 ? 'empty' : `only ${opsets.map((o) => o.domain).join(', ')}`}), so its operators cannot be interpreted. ` +
        `Expected opset_import to contain { domain: "", version: N }; re-export with an explicit opset (torch.onnx.export(..., opset_version=17)).`,
    );
  }

  const root = resolve(opts.allowedRoot ?? dirname(abs));
  const refs: Array<{ ref: ExternalRef; tensor: string }> = [];
  forEachTensor(proto.graph, (t) => {
    // A streamed payload points into the model file itself: nothing more to find or size.
    if (isExternal(t) && !payloads?.has(t))
      refs.push({ ref: resolveExternalRef(t, abs, root, label), tensor: t.name || '(unnamed)' });
  });
  const sizes = new Map<string, number>();
  for (const { ref, tensor } of refs) {
    let size = sizes.get(ref.file);
    if (size === undefined) {
      try {
        const s = await stat(ref.file);
        if (!s.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
        size = s.size;
      } catch (error) {
        throw new InputError(
          'MODEL_INVALID',
          `Model ${label}: the external-data file for tensor "${tensor}" is missing: expected ${ref.file.split(sep).join('/')} next to the model ` +
            `(location "${relative(dirname(abs), ref.file)}"). Copy the data file together with the .onnx file (they must stay in the same folder), or re-save the model with the weights inside it.`,
          { cause: error },
        );
      }
      // The location is checked lexically above; a symbolic link inside the folder can still
      // point anywhere (`weights.bin -> /etc/shadow`), so the real path must stay inside too.
      const realFile = await realpath(ref.file);
      const realRoot = await realpath(root).catch(() => root);
      const rel = relative(realRoot, realFile);
      if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
        throw new InputError(
          'MODEL_INVALID',
          `Model ${label}: the external-data file for tensor "${tensor}" (${relative(dirname(abs), ref.file)}) is a symbolic link that resolves to ${realFile}, outside the allowed folder ${realRoot}. ` +
            `External data must be a real file next to the model, so that a model cannot make the job read other files on the runner. Replace the link with the data file itself.`,
        );
      }
      sizes.set(ref.file, size);
    }
    const end = ref.offset + (ref.length ?? 0);
    if (end > size || ref.offset > size) {
      throw new InputError(
        'MODEL_INVALID',
        `Model ${label}: tensor "${tensor}" expects bytes ${ref.offset}..${end} of external-data file ${ref.file}, but the file has only ${size} bytes. ` +
          `The data file is truncated or belongs to another version of the model; re-save the model and its data together.`,
      );
    }
  }
  const loaded: LoadedModel = {
    path: abs,
    bytes,
    proto,
    fileBytes: info.size,
    externalFiles: [...sizes].map(([file, b]) => ({ path: file, bytes: b })),
  };
  if (!payloads) return loaded;
  loaded.payloads = payloads;
  // Not enumerable, so spreading a LoadedModel does not read a multi-gigabyte file by accident.
  let whole: Uint8Array | undefined;
  Object.defineProperty(loaded, 'bytes', {
    enumerable: false,
    configurable: true,
    get: () => (whole ??= new Uint8Array(readFileSync(abs))),
    set: (value: Uint8Array) => {
      whole = value;
    },
  });
  return loaded;
}

/** The first `n` bytes of a file (for the "not an ONNX file" hints). */
function readHead(path: string, n: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buf = new Uint8Array(n);
    const got = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}
