/**
 * Concrete tensor shapes at the configured input shapes.
 *
 * Real exported models rarely store the shapes of intermediate tensors (value_info), so the
 * FLOP count cannot rely on the file. `resolveShapes` learns them from onnxruntime itself: it
 * adds every node output of the main graph as an extra graph output (ONNX allows outputs
 * without type information; onnxruntime infers it) and runs the model once on the given
 * feeds. `staticShapes` is the file-only fallback: what graph inputs, outputs and value_info
 * already say once symbolic dims are bound.
 *
 * The onnxruntime session is reached through a factory passed in, so the core stays testable.
 */
import type { Tensor } from 'onnxruntime-node';
import { dirname } from 'node:path';
import { isTypedArray } from 'node:util/types';
import { forEachTensor, isExternal, type LoadedModel } from './load.js';
import {
  encodeModel,
  type GraphProto,
  type ModelProto,
  type NodeProto,
  type TensorProto,
  type TypeProto,
  type ValueInfoProto,
} from './onnx.js';

/** The part of an onnxruntime InferenceSession that shape resolution needs. */
export interface ShapeSession {
  run(feeds: Record<string, Tensor>): Promise<Readonly<Record<string, unknown>>>;
  release(): Promise<void>;
}

/** Where a model given as bytes finds its external data. */
export interface ShapeSessionOptions {
  /** The folder external-data locations are relative to (see {@link externalDataOptions}); absent when none. */
  externalDataFolder?: string;
}

/**
 * Creates a session from model bytes, e.g.
 * `(b, o) => ort.InferenceSession.create(b, externalDataOptions(o.externalDataFolder))`.
 */
export type ShapeSessionFactory = (bytes: Uint8Array, opts: ShapeSessionOptions) => Promise<ShapeSession>;

/**
 * The default factory: onnxruntime-node on CPU, graph optimisations off (shapes are the same
 * either way and an unoptimised session starts faster), one thread.
 * @throws Error from onnxruntime when the model cannot be loaded.
 */
export async function createOrtShapeSession(bytes: Uint8Array, opts: ShapeSessionOptions = {}): Promise<ShapeSession> {
  // Imported here rather than at the top so that importing this module loads no native code.
  const ort = await import('onnxruntime-node');
  return ort.InferenceSession.create(bytes, {
    ...externalDataOptions(opts.externalDataFolder),
    graphOptimizationLevel: 'disabled',
    intraOpNumThreads: 1,
    executionProviders: ['cpu'],
  });
}

/**
 * Ops whose outputs are sequences or optionals, which onnxruntime-node cannot return
 * ("Non tensor type is temporarily not supported"): their outputs are not requested.
 */
const NON_TENSOR_OPS = new Set([
  'SequenceConstruct',
  'SequenceEmpty',
  'SequenceInsert',
  'SequenceErase',
  'SplitToSequence',
  'SequenceMap',
  'Optional',
]);
/** Ops that pass a sequence/optional through when their input is one. */
const PASS_THROUGH_OPS = new Set(['Identity', 'OptionalGetElement', 'If', 'Loop', 'Scan']);

function own(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

function isTensorType(t: TypeProto | undefined): boolean {
  return (
    !t ||
    own(t, 'tensorType') ||
    (!own(t, 'sequenceType') && !own(t, 'optionalType') && !own(t, 'mapType') && !own(t, 'sparseTensorType'))
  );
}

/** Names of main-graph values that are (or may be) sequences/optionals, so not fetchable. */
function nonTensorValues(graph: GraphProto): Set<string> {
  const out = new Set<string>();
  for (const v of [...(graph.input ?? []), ...(graph.valueInfo ?? []), ...(graph.output ?? [])]) {
    if (v.name && !isTensorType(v.type)) out.add(v.name);
  }
  for (const n of graph.node ?? []) {
    const subOutputs = (n.attribute ?? [])
      .flatMap((a) => [a.g, ...(a.graphs ?? [])])
      .filter((g): g is GraphProto => !!g)
      .flatMap((g) => g.output ?? []);
    const nonTensorSub = subOutputs.some((v) => !isTensorType(v.type));
    const fromNonTensor = (n.input ?? []).some((i) => out.has(i));
    if (NON_TENSOR_OPS.has(n.opType ?? '') || (PASS_THROUGH_OPS.has(n.opType ?? '') && (fromNonTensor || nonTensorSub))) {
      for (const o of n.output ?? []) if (o) out.add(o);
    }
  }
  return out;
}

/**
 * The model with extra graph outputs for the given value names (typeless value infos). External
 * data stays external: the copy is only the graph (kilobytes for a multi-gigabyte model), and
 * onnxruntime reads the weights itself from the original files, by the offsets and lengths the
 * model states, once told their folder ({@link externalDataFolder}).
 */
export function withExtraOutputs(loaded: LoadedModel, names: readonly string[]): ModelProto {
  const proto = loaded.proto;
  const graph: GraphProto = proto.graph ?? {};
  const extra: ValueInfoProto[] = names.map((name) => ({ name }));
  return { ...proto, graph: { ...graph, output: [...(graph.output ?? []), ...extra] } };
}

/**
 * The folder onnxruntime must resolve external-data locations against when the model is given
 * as bytes (it has no path then): the model's own folder, or undefined when no tensor is external.
 * A streamed model's payloads count: they are marked external with the model file as location.
 */
export function externalDataFolder(loaded: LoadedModel): string | undefined {
  let any = false;
  forEachTensor(loaded.proto.graph, (t) => {
    if (isExternal(t)) any = true;
  });
  return any ? dirname(loaded.path) : undefined;
}

/**
 * onnxruntime session options that make a model given as bytes find its external data in
 * `folder`: the session config entry `session.model_external_initializers_file_folder_path`
 * (onnxruntime_session_options_config_keys.h, "used when the model is loaded from memory
 * and has external initializers"). onnxruntime-node passes `extra` through as config entries.
 */
export function externalDataOptions(folder: string | undefined): { extra?: { session: Record<string, string> } } {
  return folder ? { extra: { session: { model_external_initializers_file_folder_path: folder } } } : {};
}

function initializerDims(graph: GraphProto): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const t of graph.initializer ?? []) if (t.name) out.set(t.name, [...(t.dims ?? [])]);
  for (const s of graph.sparseInitializer ?? []) if (s.values?.name) out.set(s.values.name, [...(s.dims ?? [])]);
  for (const n of graph.node ?? []) {
    if (n.opType !== 'Constant' || n.domain) continue;
    const a = (n.attribute ?? [])[0];
    const name = n.output?.[0];
    if (!a || !name) continue;
    if (a.name === 'value' && a.t) out.set(name, [...(a.t.dims ?? [])]);
    else if (a.name === 'sparse_value' && a.sparseTensor) out.set(name, [...(a.sparseTensor.dims ?? [])]);
    else if (a.name === 'value_floats') out.set(name, [a.floats?.length ?? 0]);
    else if (a.name === 'value_ints') out.set(name, [a.ints?.length ?? 0]);
    else if (a.name === 'value_strings') out.set(name, [a.strings?.length ?? 0]);
    else if (a.name === 'value_float' || a.name === 'value_int' || a.name === 'value_string') out.set(name, []);
  }
  return out;
}

function dimsOf(v: unknown): number[] | undefined {
  if (!v || typeof v !== 'object' || !('dims' in v)) return undefined;
  const dims = v.dims;
  return Array.isArray(dims) && dims.every((d) => typeof d === 'number') ? [...dims] : undefined;
}

/**
 * Shapes the file itself states: initializers, Constant nodes, and graph inputs, outputs and
 * value_info whose dims are all known once the symbolic dims are bound from `inputShapes`
 * (a symbol takes the value it has in the first input that uses it).
 */
export function staticShapes(proto: ModelProto, inputShapes: Record<string, readonly number[]>): Map<string, number[]> {
  const graph = proto.graph ?? {};
  const out = initializerDims(graph);
  const symbols = new Map<string, number>();
  for (const v of graph.input ?? []) {
    const given = v.name ? inputShapes[v.name] : undefined;
    const dims = v.type?.tensorType?.shape?.dim ?? [];
    if (!given || given.length !== dims.length) continue;
    dims.forEach((d, i) => {
      if (own(d, 'dimParam') && d.dimParam && !symbols.has(d.dimParam)) symbols.set(d.dimParam, given[i]);
    });
  }
  for (const v of [...(graph.input ?? []), ...(graph.valueInfo ?? []), ...(graph.output ?? [])]) {
    if (!v.name || out.has(v.name)) continue;
    const tt = v.type?.tensorType;
    if (!tt || !own(tt, 'shape')) continue;
    const dims = (tt.shape?.dim ?? []).map((d) =>
      own(d, 'dimValue') ? d.dimValue : own(d, 'dimParam') && d.dimParam ? symbols.get(d.dimParam) : undefined,
    );
    if (dims.every((d): d is number => typeof d === 'number')) out.set(v.name, dims);
  }
  for (const [name, shape] of Object.entries(inputShapes)) out.set(name, [...shape]);
  return out;
}

/**
 * Learns every tensor's concrete shape by running the model once on `feeds` with each main-graph
 * node output added as a graph output. Sequence/optional values are skipped; if onnxruntime
 * still refuses the extra outputs, falls back to the plain graph outputs plus {@link staticShapes}.
 * Tensors inside If/Loop/Scan bodies are not resolved (they are not main-graph values).
 * @throws Error from onnxruntime when the model cannot be loaded or run on these feeds at all.
 */
export async function resolveShapes(
  loaded: LoadedModel,
  feeds: Record<string, Tensor>,
  createSession: ShapeSessionFactory = createOrtShapeSession,
): Promise<Map<string, number[]>> {
  return (await resolveShapesAndValues(loaded, feeds, createSession)).shapes;
}

/** What one shape-resolving run learnt: every tensor's dims, and the values asked for. */
export interface ResolvedRun {
  shapes: Map<string, number[]>;
  /** Values of the requested tensors (at most 64 elements, numeric or bool), as numbers. */
  values: Map<string, number[]>;
}

/** The elements of a small numeric/bool tensor as numbers, or undefined. */
function smallValues(v: unknown): number[] | undefined {
  if (!v || typeof v !== 'object' || !('data' in v)) return undefined;
  const data = v.data;
  const arr: ArrayLike<unknown> | undefined = Array.isArray(data) || isTypedArray(data) ? data : undefined;
  if (!arr) return undefined;
  if (arr.length > 64) return undefined;
  const out: number[] = [];
  for (let i = 0; i < arr.length; i++) {
    const x = arr[i];
    if (typeof x === 'number') out.push(x);
    else if (typeof x === 'bigint') out.push(Number(x));
    else if (typeof x === 'boolean') out.push(x ? 1 : 0);
    else return undefined;
  }
  return out;
}

/** The value of a small int/bool initializer or Constant node of the main graph, when static. */
function staticValue(graph: GraphProto, name: string): number[] | undefined {
  const fromTensor = (t: TensorProto | undefined): number[] | undefined => {
    if (!t) return undefined;
    if (t.int64Data?.length) return t.int64Data.map((x) => Number(x));
    if (t.int32Data?.length) return [...t.int32Data];
    const raw = t.rawData;
    if (!raw || raw.length > 512) return undefined;
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    // ONNX DataType: 7 int64, 6 int32, 9 bool (tensors are little-endian).
    if (t.dataType === 7) return Array.from({ length: raw.length / 8 }, (_, i) => Number(view.getBigInt64(i * 8, true)));
    if (t.dataType === 6) return Array.from({ length: raw.length / 4 }, (_, i) => view.getInt32(i * 4, true));
    if (t.dataType === 9) return Array.from(raw, (b) => (b ? 1 : 0));
    return undefined;
  };
  const init = (graph.initializer ?? []).find((t) => t.name === name);
  if (init) return fromTensor(init);
  for (const n of graph.node ?? []) {
    if (n.opType !== 'Constant' || n.domain || n.output?.[0] !== name) continue;
    const a = (n.attribute ?? [])[0];
    if (a?.name === 'value') return fromTensor(a.t ?? undefined);
    if (a?.name === 'value_int') return [Number(a.i ?? 0)];
    if (a?.name === 'value_ints') return (a.ints ?? []).map((x) => Number(x));
  }
  return undefined;
}

/**
 * {@link resolveShapes}, also returning the values of `valueNames` (small int/bool tensors:
 * If conditions, Loop trip counts), from the feeds, the model's constants or the run.
 * @throws Error from onnxruntime when the model cannot be loaded or run on these feeds at all.
 */
export async function resolveShapesAndValues(
  loaded: LoadedModel,
  feeds: Record<string, Tensor>,
  createSession: ShapeSessionFactory = createOrtShapeSession,
  valueNames: readonly string[] = [],
): Promise<ResolvedRun> {
  const graph = loaded.proto.graph ?? {};
  const inputShapes = Object.fromEntries(Object.entries(feeds).map(([k, t]) => [k, [...t.dims]]));
  const shapes = staticShapes(loaded.proto, inputShapes);
  const skip = nonTensorValues(graph);
  // Values the run returns anyway or that are weights; value_info shapes are re-learnt, since
  // the run is the ground truth where a stale value_info could disagree.
  const existing = new Set([
    ...(graph.output ?? []).map((v) => v.name ?? ''),
    ...(graph.input ?? []).map((v) => v.name ?? ''),
    ...initializerDims(graph).keys(),
  ]);
  const wanted: string[] = [];
  const seen = new Set<string>();
  const consider = (n: NodeProto, list: string[]): void => {
    for (const o of n.output ?? []) {
      if (o && !existing.has(o) && !skip.has(o) && !seen.has(o)) {
        seen.add(o);
        list.push(o);
      }
    }
  };
  for (const n of graph.node ?? []) consider(n, wanted);

  const folder = externalDataFolder(loaded);
  const attempt = async (names: readonly string[]): Promise<Readonly<Record<string, unknown>>> => {
    // Only the graph is encoded: external weights stay in their files (withExtraOutputs).
    const session = await createSession(encodeModel(withExtraOutputs(loaded, names)), { externalDataFolder: folder });
    try {
      return await session.run(feeds);
    } finally {
      await session.release();
    }
  };
  let results: Readonly<Record<string, unknown>>;
  try {
    results = await attempt(wanted);
  } catch (first) {
    // Some value onnxruntime cannot return as a graph output (an untyped sequence from a
    // custom op, say). The plain model tells us whether the feeds themselves are at fault.
    if (wanted.length === 0) throw first;
    results = await attempt([]);
  }
  for (const [name, value] of Object.entries(results)) {
    const dims = dimsOf(value);
    if (dims) shapes.set(name, dims);
  }
  const values = new Map<string, number[]>();
  for (const name of valueNames) {
    const v = name in feeds ? smallValues(feeds[name]) : (staticValue(graph, name) ?? smallValues(results[name]));
    if (v) values.set(name, v);
  }
  return { shapes, values };
}
