/**
 * FLOPs of models whose work sits inside control flow (If, Loop, Scan).
 *
 * The main graph's shapes come from one onnxruntime run (src/model/shapes.ts); the tensors
 * inside a subgraph are not main-graph values, so their shapes (and the FLOPs of their nodes)
 * are unknown from that run alone. Here the control flow is expanded into the main graph, in
 * passes, each followed by a fresh shape-resolving run:
 *
 * - `If` whose condition is known from the run (or is a constant) is replaced by the branch
 *   that runs, its values renamed, its outputs wired to the If's outputs through Identity. The
 *   model computes the same thing at these inputs, and the branch's nodes become ordinary
 *   main-graph nodes with concrete shapes. The report says which branch was counted.
 * - `Loop` is kept, and one copy of its body is added beside it with the body's inputs bound to
 *   iteration 0 (iteration number 0, condition true, the initial loop-carried values); the
 *   copy's FLOPs count × the trip count: the run's iteration count when the Loop has scan
 *   outputs (their first dim), else the trip-count input when the loop cannot stop early.
 * - `Scan` is kept, and one copy of its body is added with the scan inputs sliced at step 0
 *   (Gather on the scan axis); its FLOPs count × the sequence length (the scan axis's size).
 *
 * Counting the first iteration × the trip count assumes the body's shapes do not change from
 * one iteration to the next (true of recurrent cells; not of a body that grows a tensor).
 * Anything that cannot be decided (a condition or trip count unknown) stays uncounted, named.
 */
import { messageOf } from '../errors.js';
import { attrInt } from './attrs.js';
import { opKey } from './analyze.js';
import { int64Tensor, node as mkNode, rawTensor } from './builder.js';
import { nodeFlops } from './flops.js';
import { DataType, type AttributeProto, type GraphProto, type ModelProto, type NodeProto } from './onnx.js';
import type { Tensor } from 'onnxruntime-node';
import type { LoadedModel } from './load.js';
import { resolveShapesAndValues, type ShapeSessionFactory } from './shapes.js';
import type { ControlFlowCount, FlopsInfo } from './types.js';

/** Most expansion passes (nesting depth of control flow counted). */
export const MAX_CONTROL_FLOW_DEPTH = 4;

/** One pass's run: shapes of main-graph values and the values asked for. */
export interface ControlFlowRun {
  shapes: ReadonlyMap<string, readonly number[]>;
  values: ReadonlyMap<string, readonly number[]>;
}

/** A model with its control flow (partly) expanded, and how to count it. */
export interface ExpandedModel {
  proto: ModelProto;
  /** How many times each node of the expanded main graph runs per call (absent: once). */
  times: Map<NodeProto, number>;
  /** Loop/Scan nodes whose bodies are counted through their copies (they cost 0 themselves). */
  countedThroughBody: Set<NodeProto>;
  /** Nodes added for the expansion (bindings, slices): not the model's, not counted or listed. */
  synthetic: Set<NodeProto>;
  /** What was counted for each control-flow node decided so far. */
  notes: ControlFlowCount[];
}

/** The control-flow op of a node of the default domain (If, Loop, Scan), or undefined for any other node. */
function controlFlowOp(n: NodeProto): ControlFlowCount['op'] | undefined {
  if (n.domain && n.domain !== 'ai.onnx') return undefined;
  return n.opType === 'If' || n.opType === 'Loop' || n.opType === 'Scan' ? n.opType : undefined;
}

function isControlFlow(n: NodeProto): boolean {
  return controlFlowOp(n) !== undefined;
}

function graphAttr(n: NodeProto, name: string): GraphProto | undefined {
  return (n.attribute ?? []).find((a) => a.name === name)?.g ?? undefined;
}

function intsAttr(n: NodeProto, name: string): number[] | undefined {
  const a = (n.attribute ?? []).find((x) => x.name === name);
  return a?.ints ? a.ints.map(Number) : undefined;
}

function nodeLabel(n: NodeProto): string {
  return n.name ? `'${n.name}'` : `producing '${n.output?.[0] ?? '?'}'`;
}

/** Names a graph defines itself: its inputs, initializers and node outputs. */
function definedIn(g: GraphProto): Set<string> {
  const out = new Set<string>();
  for (const v of g.input ?? []) if (v.name) out.add(v.name);
  for (const t of g.initializer ?? []) if (t.name) out.add(t.name);
  for (const s of g.sparseInitializer ?? []) if (s.values?.name) out.add(s.values.name);
  for (const n of g.node ?? []) for (const o of n.output ?? []) if (o) out.add(o);
  return out;
}

/** Renames references in a nested subgraph that point at renamed outer values. */
function renameNested(g: GraphProto, rename: ReadonlyMap<string, string>): GraphProto {
  const local = definedIn(g);
  const map = (x: string): string => (x && !local.has(x) ? (rename.get(x) ?? x) : x);
  return {
    ...g,
    node: (g.node ?? []).map((n) => ({
      ...n,
      input: (n.input ?? []).map(map),
      attribute: renameAttrs(n.attribute, rename, local),
    })),
    output: (g.output ?? []).map((v) => ({ ...v, name: map(v.name ?? '') })),
  };
}

function renameAttrs(
  attrs: AttributeProto[] | undefined,
  rename: ReadonlyMap<string, string>,
  shadow: Set<string>,
): AttributeProto[] {
  const outer = new Map([...rename].filter(([k]) => !shadow.has(k)));
  return (attrs ?? []).map((a) => ({
    ...a,
    ...(a.g ? { g: renameNested(a.g, outer) } : {}),
    ...(a.graphs?.length ? { graphs: a.graphs.map((g) => renameNested(g, outer)) } : {}),
  }));
}

/**
 * A subgraph's nodes and initializers as main-graph ones: every name it defines gets `prefix`,
 * its inputs are bound to `bindings` (body input name → main-graph name), outer-scope names
 * stay. Returns the nodes, the initializers, and the renamed output names.
 */
function inline(
  g: GraphProto,
  prefix: string,
  bindings: ReadonlyMap<string, string>,
): { nodes: NodeProto[]; initializers: NonNullable<GraphProto['initializer']>; outputs: string[] } {
  const rename = new Map<string, string>();
  for (const name of definedIn(g)) rename.set(name, `${prefix}${name}`);
  for (const [k, v] of bindings) rename.set(k, v);
  const map = (x: string): string => (x ? (rename.get(x) ?? x) : x);
  const nodes = (g.node ?? []).map((n): NodeProto => ({
    ...n,
    name: `${prefix}${n.name ?? n.output?.[0] ?? ''}`,
    input: (n.input ?? []).map(map),
    output: (n.output ?? []).map(map),
    attribute: renameAttrs(n.attribute, rename, new Set()),
  }));
  const initializers = (g.initializer ?? []).map((t) => ({ ...t, name: map(t.name ?? '') }));
  return { nodes, initializers, outputs: (g.output ?? []).map((v) => map(v.name ?? '')) };
}

/** The value names a pass needs to decide the control flow of the main graph. */
export function controlFlowValueNames(proto: ModelProto): string[] {
  const out: string[] = [];
  for (const n of proto.graph?.node ?? []) {
    if (!isControlFlow(n)) continue;
    if (n.opType === 'If' && n.input?.[0]) out.push(n.input[0]);
    if (n.opType === 'Loop') for (const i of (n.input ?? []).slice(0, 2)) if (i) out.push(i);
  }
  return out;
}

/** A model to start expanding from: nothing expanded yet. */
export function startExpansion(proto: ModelProto): ExpandedModel {
  return { proto, times: new Map(), countedThroughBody: new Set(), synthetic: new Set(), notes: [] };
}

/** The Loop's iteration count at this run, or a reason it is unknown. */
function loopTrips(n: NodeProto, body: GraphProto, run: ControlFlowRun): number | string {
  const inputs = n.input ?? [];
  const carried = Math.max(0, inputs.length - 2);
  // Scan outputs (beyond the loop-carried ones) stack one slice per iteration: their first dim is the count.
  for (const o of (n.output ?? []).slice(carried)) {
    const dims = o ? run.shapes.get(o) : undefined;
    if (dims && dims.length > 0) return dims[0];
  }
  const m = inputs[0] ? run.values.get(inputs[0])?.[0] : undefined;
  if (m === undefined) return 'its trip count is not known at these inputs';
  const condIn = body.input?.[1]?.name;
  const condOut = body.output?.[0]?.name;
  const condNode = (body.node ?? []).find((x) => x.output?.includes(condOut ?? ''));
  const passThrough = condOut === condIn || (condNode?.opType === 'Identity' && condNode.input?.[0] === condIn);
  const initial = inputs[1] ? run.values.get(inputs[1])?.[0] : 1;
  if (initial === 0) return 0;
  if (!passThrough)
    return 'it may stop early (its condition is computed in the body) and has no scan output to count iterations by';
  return m;
}

/**
 * One expansion pass over the main graph: every If whose condition `run` knows is replaced by
 * its branch; every Loop and Scan with a known count gets a counted copy of its body.
 * @returns the next model, or null when nothing more could be expanded.
 */
export function expandOnce(current: ExpandedModel, run: ControlFlowRun, pass: number): ExpandedModel | null {
  const graph = current.proto.graph ?? {};
  const nodes: NodeProto[] = [];
  const initializers = [...(graph.initializer ?? [])];
  const next: ExpandedModel = {
    proto: current.proto,
    times: new Map(current.times),
    countedThroughBody: new Set(current.countedThroughBody),
    synthetic: new Set(current.synthetic),
    notes: [...current.notes],
  };
  let changed = false;
  let k = 0;
  const noted = new Set(current.notes.map((x) => x.node));
  const note = (n: NodeProto, op: ControlFlowCount['op'], counted: string, times: number) => {
    next.notes.push({ node: n.name ?? n.output?.[0] ?? '', op, counted, times });
  };
  for (const n of graph.node ?? []) {
    const op = controlFlowOp(n);
    if (op === undefined || current.countedThroughBody.has(n)) {
      nodes.push(n);
      continue;
    }
    const times = current.times.get(n) ?? 1;
    const prefix = `__eb${pass}_${k++}__`;
    const add = (x: NodeProto, synthetic = false) => {
      nodes.push(x);
      if (synthetic) next.synthetic.add(x);
      else if (times !== 1) next.times.set(x, times);
    };
    if (n.opType === 'If') {
      const cond = n.input?.[0] ? run.values.get(n.input[0]) : undefined;
      if (!cond || cond.length !== 1) {
        nodes.push(n);
        continue;
      }
      const branch = cond[0] ? 'then_branch' : 'else_branch';
      const g = graphAttr(n, branch);
      if (!g) {
        nodes.push(n);
        continue;
      }
      const body = inline(g, prefix, new Map());
      for (const x of body.nodes) add(x);
      initializers.push(...body.initializers);
      (n.output ?? []).forEach((o, i) => {
        if (o && body.outputs[i]) add(mkNode('Identity', [body.outputs[i]], [o], {}, `${prefix}out${i}`), true);
      });
      if (!noted.has(n.name ?? '')) note(n, op, `${branch} (condition ${cond[0] ? 'true' : 'false'})`, times);
      changed = true;
      continue;
    }
    const body = graphAttr(n, 'body');
    nodes.push(n);
    if (!body) continue;
    const inputs = n.input ?? [];
    const bindings = new Map<string, string>();
    let count: number | string;
    if (n.opType === 'Loop') {
      count = loopTrips(n, body, run);
      if (typeof count === 'string') continue;
      const iter = `${prefix}iter0`;
      const cond = `${prefix}cond0`;
      add(mkNode('Constant', [], [iter], { value: { t: int64Tensor(iter, [], [0]) } }, iter), true);
      add(mkNode('Constant', [], [cond], { value: { t: rawTensor(cond, [], DataType.BOOL, Uint8Array.of(1)) } }, cond), true);
      const bodyInputs = body.input ?? [];
      if (bodyInputs[0]?.name) bindings.set(bodyInputs[0].name, iter);
      if (bodyInputs[1]?.name) bindings.set(bodyInputs[1].name, cond);
      bodyInputs.slice(2).forEach((v, i) => {
        if (v.name && inputs[2 + i]) bindings.set(v.name, inputs[2 + i]);
      });
    } else {
      // Scan (opset ≥ 9): inputs are N states then M scan inputs; num_scan_inputs = M.
      const m = attrInt(n, 'num_scan_inputs', 0);
      const states = inputs.length - m;
      const axes = intsAttr(n, 'scan_input_axes') ?? [];
      const first = inputs[states];
      const dims = first ? run.shapes.get(first) : undefined;
      const axis0 = axes[0] ?? 0;
      if (!dims || m < 1) {
        count = 'its sequence length is not known at these inputs';
        continue;
      }
      count = dims[axis0 < 0 ? dims.length + axis0 : axis0];
      const index = `${prefix}step0`;
      add(mkNode('Constant', [], [index], { value: { t: int64Tensor(index, [], [0]) } }, index), true);
      const bodyInputs = body.input ?? [];
      bodyInputs.forEach((v, i) => {
        if (!v.name || !inputs[i]) return;
        if (i < states) {
          bindings.set(v.name, inputs[i]);
          return;
        }
        const slice = `${prefix}slice${i}`;
        add(mkNode('Gather', [inputs[i], index], [slice], { axis: axes[i - states] ?? 0 }, slice), true);
        bindings.set(v.name, slice);
      });
    }
    const copy = inline(body, prefix, bindings);
    for (const x of copy.nodes) {
      nodes.push(x);
      next.times.set(x, times * count);
    }
    initializers.push(...copy.initializers);
    next.countedThroughBody.add(n);
    note(n, op, n.opType === 'Loop' ? `body × ${count} iterations` : `body × ${count} steps`, times);
    changed = true;
  }
  if (!changed) return null;
  next.proto = { ...current.proto, graph: { ...graph, node: nodes, initializer: initializers } };
  return next;
}

/**
 * FLOPs of an expanded model at `shapes` (of its main graph): each node × how often it runs;
 * Loop/Scan nodes counted through their bodies cost 0 themselves; control flow left
 * unexpanded is uncounted, with the node share of everything uncounted.
 */
export function countExpanded(expanded: ExpandedModel, shapes: ReadonlyMap<string, readonly number[]>): FlopsInfo {
  const graph = expanded.proto.graph ?? {};
  const all = new Map<string, readonly number[]>(shapes);
  for (const t of graph.initializer ?? []) if (t.name && !all.has(t.name)) all.set(t.name, [...(t.dims ?? [])]);
  const byOp: Record<string, number> = {};
  const uncounted = new Set<string>();
  let total = 0;
  let nodes = 0;
  let uncountedNodes = 0;
  for (const n of graph.node ?? []) {
    if (expanded.synthetic.has(n)) continue;
    nodes++;
    if (expanded.countedThroughBody.has(n)) continue;
    const f = nodeFlops(n, all);
    if (f === undefined) {
      uncounted.add(opKey(n));
      uncountedNodes++;
      continue;
    }
    const x = f * (expanded.times.get(n) ?? 1);
    if (x > 0) {
      const key = opKey(n);
      byOp[key] = (byOp[key] ?? 0) + x;
      total += x;
    }
  }
  return {
    total,
    byOp,
    uncounted: [...uncounted].sort(),
    nodes,
    uncountedNodes,
    ...(expanded.notes.length ? { controlFlow: expanded.notes } : {}),
  };
}

/** Labels of the control-flow nodes still unexpanded, for a notice. */
export function undecided(expanded: ExpandedModel): string[] {
  return (expanded.proto.graph?.node ?? [])
    .filter((n) => isControlFlow(n) && !expanded.countedThroughBody.has(n))
    .map((n) => `${n.opType} ${nodeLabel(n)}`);
}

/** FLOPs with control flow counted, and the main graph's shapes at these inputs. */
export interface ControlFlowFlops {
  /** Shapes of the original main graph's values (the first run). */
  shapes: Map<string, number[]>;
  flops: FlopsInfo;
  /** Why some control flow stayed uncounted, one line each. */
  notices: string[];
}

/**
 * Counts FLOPs at `feeds` with If branches, Loop and Scan bodies expanded (module comment):
 * one shape-resolving run, then one more per expansion pass (at most MAX_CONTROL_FLOW_DEPTH),
 * only for models that have control flow.
 * @throws Error from onnxruntime when the model cannot be run on these feeds at all.
 */
export async function flopsWithControlFlow(
  loaded: LoadedModel,
  feeds: Record<string, Tensor>,
  createSession?: ShapeSessionFactory,
): Promise<ControlFlowFlops> {
  let run = await resolveShapesAndValues(loaded, feeds, createSession, controlFlowValueNames(loaded.proto));
  const shapes = run.shapes;
  const notices: string[] = [];
  let expanded = startExpansion(loaded.proto);
  for (let pass = 1; pass <= MAX_CONTROL_FLOW_DEPTH; pass++) {
    const next = expandOnce(expanded, run, pass);
    if (!next) break;
    try {
      run = await resolveShapesAndValues(
        { ...loaded, proto: next.proto },
        feeds,
        createSession,
        controlFlowValueNames(next.proto),
      );
    } catch (error) {
      notices.push(
        `the control flow could not be expanded for counting (onnxruntime refused the expanded graph: ${messageOf(error).split('\n')[0]}); it stays uncounted`,
      );
      break;
    }
    expanded = next;
  }
  const left = undecided(expanded);
  if (left.length)
    notices.push(`FLOPs inside ${left.join(', ')} are not counted: the condition or trip count is not known at these inputs`);
  return { shapes, flops: countExpanded(expanded, run.shapes), notices };
}
