/** Plain data describing a model, produced by the analysis in this folder. */

/** Tensor element types by onnxruntime-node's names (defined with the budget file's `dtype:`). */
import type { TensorDType } from '../config/types.js';
export type { TensorDType };

/** A dimension: a number, or a symbolic name (`N`, `batch`), or null when unknown. */
export type Dim = number | string | null;

export interface TensorInfo {
  name: string;
  dtype: TensorDType;
  /** null when the model declares no shape at all. */
  shape: Dim[] | null;
  /**
   * Absent for a plain tensor; otherwise what wraps the element type described by dtype/shape
   * (a sequence of tensors, an optional, a map's values, a sparse tensor).
   */
  kind?: 'sequence' | 'optional' | 'map' | 'sparse';
}

export interface SizeInfo {
  /** The .onnx file plus every external-data file it references. */
  bytes: number;
  /** Elements in all weights: initializers, Constant nodes, and subgraphs of If/Loop/Scan. */
  parameters: number;
  /** Weight bytes by dtype (as stored: raw or typed fields). */
  bytesByDtype: Record<string, number>;
  /** Share of weight elements that are exactly zero, 0..1. */
  sparsity: number;
}

export interface ModelAnalysis {
  path: string;
  size: SizeInfo;
  opset: number;
  irVersion: number;
  producer: string;
  /** Op type (with domain prefix when not the default domain) → count, subgraphs included. */
  ops: Record<string, number>;
  inputs: TensorInfo[];
  outputs: TensorInfo[];
  /** Names of graph inputs that are also initializers (overridable weights), excluded from `inputs`. */
  weightInputs: string[];
}

/** FLOPs per inference call at concrete shapes (2 per multiply-add). */
export interface FlopsInfo {
  total: number;
  byOp: Record<string, number>;
  /** Op types whose cost is not counted (see docs/flops.md); listed so the figure is honest. */
  uncounted: string[];
  /** Nodes of the (expanded) main graph, and how many of them are not counted. */
  nodes?: number;
  uncountedNodes?: number;
  /** What was counted for each If/Loop/Scan (src/model/control-flow.ts). */
  controlFlow?: ControlFlowCount[];
}

/** What the FLOP count counted for one control-flow node. */
export interface ControlFlowCount {
  /** The node's name (or its first output's). */
  node: string;
  op: 'If' | 'Loop' | 'Scan';
  /** 'then_branch (condition true)', 'body × 3 iterations', 'body × 12 steps'. */
  counted: string;
  /** How often the node itself runs per call (inside an enclosing Loop/Scan, > 1). */
  times: number;
}
