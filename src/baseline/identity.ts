/**
 * "Identical means identical": whether a model at the base commit is the same model as at the
 * head, so that measuring the base again can be skipped (`compare: auto`, the default).
 *
 * Three things must match:
 * - the model: its bytes and every external-data file it names (a byte digest), or, when only
 *   metadata differs (doc strings, producer, model version, node and graph names, shape
 *   annotations in `value_info`), a canonical digest of the graph and the weights, so a model
 *   that was only re-saved is recognised too;
 * - its budget-file entry, apart from the limits (`budget:`), `advise` and `compare`, which do
 *   not change what is measured; files the entry names (`.npy` inputs, a training `step-model`)
 *   are compared by bytes;
 * - the runtime: in a `--base-ref` run both versions would be measured by this process, with
 *   the same onnxruntime and execution provider, so it matches by construction; it is recorded
 *   in the report so that the claim can be checked.
 *
 * Pure apart from reading files through the functions passed in.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { decodeModel, type ModelProto } from '../model/onnx.js';
import { externalEntries, forEachTensor, isExternal } from '../model/load.js';
import { isJsonObject } from '../util/json-object.js';

/** Digests of one model version. */
export interface ModelDigest {
  /** SHA-256 over the model file's bytes and each external-data file (by location, sorted). */
  bytesSha256: string;
  /** SHA-256 of the canonical graph and weights; null when the file could not be decoded or is too large to decode here. */
  canonicalSha256: string | null;
  /** Bytes of the model file plus its external-data files. */
  sizeBytes: number;
}

/** Models above this size are compared by bytes only (decoding them whole would cost memory). */
export const CANONICAL_MAX_BYTES = 512 * 1024 * 1024;

async function hashFile(hash: Hash, file: string): Promise<number> {
  let n = 0;
  // A stream opened without an encoding yields Buffers; the check narrows the stream's `any`.
  for await (const chunk of createReadStream(file)) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    hash.update(bytes);
    n += bytes.length;
  }
  return n;
}

/** The external-data locations a model names, sorted, each once. */
function externalLocations(proto: ModelProto): string[] {
  const out = new Set<string>();
  forEachTensor(proto.graph, (t) => {
    if (isExternal(t)) {
      const loc = externalEntries(t).location;
      if (loc) out.add(loc);
    }
  });
  return [...out].sort();
}

// Metadata that does not change what onnxruntime computes, dropped from the canonical form.
// Node and graph names are labels; value_info holds shape annotations onnxruntime infers again.
const DROP_MODEL = new Set(['producerName', 'producerVersion', 'docString', 'modelVersion', 'domain', 'metadataProps']);
const DROP_ANYWHERE = new Set(['docString']);
const DROP_GRAPH = new Set(['name', 'valueInfo']);
const DROP_NODE = new Set(['name']);

/**
 * Feeds a canonical serialisation of `value` into `hash`: object keys sorted, each value tagged
 * by type, byte arrays as raw bytes, so that two decoded models hash alike exactly when they are
 * equal apart from the dropped keys.
 */
function feed(hash: Hash, value: unknown, kind: 'model' | 'graph' | 'node' | 'other'): void {
  if (value instanceof Uint8Array) {
    hash.update(`b${value.length}:`);
    hash.update(value);
    return;
  }
  if (Array.isArray(value)) {
    hash.update(`a${value.length}[`);
    for (const v of value) feed(hash, v, kind);
    hash.update(']');
    return;
  }
  if (isJsonObject(value)) {
    const dropped = (k: string) =>
      DROP_ANYWHERE.has(k) ||
      (kind === 'model' && DROP_MODEL.has(k)) ||
      (kind === 'graph' && DROP_GRAPH.has(k)) ||
      (kind === 'node' && DROP_NODE.has(k));
    hash.update('{');
    for (const k of Object.keys(value).sort()) {
      const v = value[k];
      if (dropped(k) || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
      hash.update(`${JSON.stringify(k)}=`);
      // Graphs: the main one, and subgraphs in attributes (g, graphs); their nodes.
      feed(hash, v, k === 'graph' || k === 'g' || k === 'graphs' ? 'graph' : k === 'node' ? 'node' : 'other');
      hash.update(';');
    }
    hash.update('}');
    return;
  }
  hash.update(`${typeof value}:${JSON.stringify(value)};`);
}

/** The canonical digest of decoded model bytes plus the digests of its external-data files. */
export function canonicalDigest(proto: ModelProto, externalDigests: ReadonlyArray<[string, string]>): string {
  const hash = createHash('sha256');
  hash.update('energy-budget canonical model v1\n');
  feed(hash, proto, 'model');
  for (const [loc, digest] of externalDigests) hash.update(`\nexternal ${JSON.stringify(loc)} ${digest}`);
  return hash.digest('hex');
}

/**
 * Digests a model file and its external data (read next to it).
 * @throws Error from the file system when the model file cannot be read.
 */
export async function digestModel(path: string, opts: { canonicalMaxBytes?: number } = {}): Promise<ModelDigest> {
  const size = (await stat(path)).size;
  const bytesHash = createHash('sha256');
  bytesHash.update('model\n');
  let proto: ModelProto | null = null;
  if (size <= (opts.canonicalMaxBytes ?? CANONICAL_MAX_BYTES)) {
    const bytes = await readFile(path);
    bytesHash.update(bytes);
    try {
      proto = decodeModel(bytes);
    } catch {
      proto = null; // not a decodable model: bytes only (the measurement reports the problem)
    }
  } else {
    await hashFile(bytesHash, path);
  }
  let total = size;
  const externals: Array<[string, string]> = [];
  for (const loc of proto ? externalLocations(proto) : []) {
    const file = resolve(dirname(path), loc);
    const h = createHash('sha256');
    try {
      total += await hashFile(h, file);
    } catch {
      h.update('(missing)');
    }
    const d = h.digest('hex');
    externals.push([loc, d]);
    bytesHash.update(`\nexternal ${JSON.stringify(loc)} ${d}`);
  }
  return {
    bytesSha256: bytesHash.digest('hex'),
    canonicalSha256: proto ? canonicalDigest(proto, externals) : null,
    sizeBytes: total,
  };
}

/** Keys of a model entry that do not change what is measured. */
const ENTRY_KEYS_IGNORED = new Set(['budget', 'advise', 'compare']);

/** A model's entry in a budget-file text, without the keys that do not change the measurement; undefined when absent or unparsable. */
export function measurementEntry(budgetText: string, modelName: string): string | undefined {
  let doc: unknown;
  try {
    doc = parse(budgetText);
  } catch {
    return undefined;
  }
  if (!isJsonObject(doc) || !Array.isArray(doc.models)) return undefined;
  const entry: unknown = doc.models.find((m) => isJsonObject(m) && m.name === modelName);
  if (!isJsonObject(entry)) return undefined;
  const kept = Object.fromEntries(Object.entries(entry).filter(([k]) => !ENTRY_KEYS_IGNORED.has(k)));
  // Top-level settings that change figures (the power model, carbon) belong to every entry.
  return stableJson({ entry: kept, power: doc.power ?? null, carbon: doc.carbon ?? null });
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (isJsonObject(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(v[k])}`)
      .join(',')}}`;
  return JSON.stringify(v ?? null);
}

/** How a head model was found identical to its base. */
export interface IdenticalToBase {
  /** `bytes`: the files are byte-identical; `graph-and-weights`: only metadata differs. */
  match: 'bytes' | 'graph-and-weights';
  /** The digest that matched (SHA-256, hex). */
  sha256: string;
  /** The runtime both would have been measured with. */
  runtime: string;
  /** Bytes of the base model (file plus external data). */
  baseSizeBytes: number;
}

/** What {@link compareIdentity} needs to know about one side. */
export interface IdentitySide {
  digest: ModelDigest;
  /** {@link measurementEntry} of the model in that side's budget file. */
  entry: string | undefined;
  /** Digests of the other files the entry names (inputs data, step-model), by path; null = absent. */
  files: Record<string, string | null>;
}

/**
 * Whether head and base are the same model, and how; or why not (for the progress log). Pure.
 */
export function compareIdentity(
  base: IdentitySide,
  head: IdentitySide,
  runtime: string,
): { identical: IdenticalToBase } | { identical: null; reason: string } {
  if (base.entry === undefined || head.entry === undefined || base.entry !== head.entry)
    return { identical: null, reason: 'its budget-file entry changed' };
  const names = new Set([...Object.keys(base.files), ...Object.keys(head.files)]);
  for (const n of names) {
    if ((base.files[n] ?? null) !== (head.files[n] ?? null)) return { identical: null, reason: `${n} changed` };
  }
  if (base.digest.bytesSha256 === head.digest.bytesSha256)
    return { identical: { match: 'bytes', sha256: head.digest.bytesSha256, runtime, baseSizeBytes: base.digest.sizeBytes } };
  if (base.digest.canonicalSha256 !== null && base.digest.canonicalSha256 === head.digest.canonicalSha256)
    return {
      identical: {
        match: 'graph-and-weights',
        sha256: head.digest.canonicalSha256,
        runtime,
        baseSizeBytes: base.digest.sizeBytes,
      },
    };
  return { identical: null, reason: 'the model changed' };
}

/** SHA-256 of a byte array, hex; null for null. */
export function sha256OrNull(bytes: Uint8Array | null): string | null {
  return bytes === null ? null : createHash('sha256').update(bytes).digest('hex');
}
