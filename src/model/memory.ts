/**
 * The memory pre-flight: before a pass starts (the shape-finding run, the inference benchmark,
 * the training step), estimate the memory it needs from the model's weights and the tensor
 * shapes at the configured dims, and compare it with what the machine has available, so that a
 * model too large for the runner is refused with the figures and a way out (exit 3), never
 * killed by the kernel's out-of-memory killer halfway through. Pure: the available memory comes
 * in as a number (src/util/available-memory.ts reads it).
 *
 * The estimate is deliberately simple and stated in every message, so a user can check it:
 * - weights: the bytes of every initializer as stored (the analysis' `bytesByDtype`);
 * - onnxruntime's pre-packing: while a MatMul/Gemm/Conv weight is re-laid out for the kernel,
 *   the original and the packed copy coexist, so the largest weight counts twice;
 * - activations: inference needs the two largest intermediate tensors at once (an op's input
 *   and output; onnxruntime's memory planner reuses the rest); training keeps every forward
 *   activation for the backward pass and a gradient of each, so all of them count twice;
 * - training: one gradient per trainable weight plus the optimizer's state per weight (sgd 0,
 *   momentum 1, rmsprop 1, adam 2: PyTorch's torch.optim keeps the same buffers), and the step
 *   feeds weights and state in from JavaScript and gets them back, so those count twice;
 * - the advisor (`--advise`) holds the weights in JavaScript (read by range) and one variant of
 *   up to the same size besides the variant's session: twice the weights on top of inference;
 * - a fixed runtime overhead for Node.js and onnxruntime themselves.
 */
import type { OptimizerName } from '../config/types.js';
import { dtypeBytes, dtypeName } from './dtypes.js';
import { forEachTensor } from './load.js';
import type { ModelProto } from './onnx.js';

/**
 * Node.js and onnxruntime-node themselves, bytes: a process that creates a session on
 * examples/models/classifier.onnx and runs it peaks at about 83 MiB (VmHWM, Linux x64, Node 20,
 * onnxruntime 1.30); the run's parent process comes on top of the measurement worker. Rounded up.
 */
export const RUNTIME_OVERHEAD_BYTES = 160 * 1024 * 1024;

/** Bytes per element assumed for intermediate tensors (their element type is not recorded with the shapes). */
const ACTIVATION_ELEMENT_BYTES = 4;

/** Optimizer state tensors per weight (see the module comment). */
export const OPTIMIZER_SLOTS: Readonly<Record<OptimizerName, number>> = { sgd: 0, momentum: 1, rmsprop: 1, adam: 2 };

/** The passes of a run that load the model into onnxruntime. */
export type MemoryPass = 'shapes' | 'inference' | 'training' | 'advice';

/** What a pass is estimated to need, by part, bytes. */
export interface MemoryEstimate {
  pass: MemoryPass;
  totalBytes: number;
  parts: Array<{ what: string; bytes: number }>;
}

/** The model's weights as the estimate needs them. */
export interface WeightFigures {
  /** All initializer bytes. */
  bytes: number;
  /** The largest single initializer, bytes. */
  largestBytes: number;
  /** Bytes of each initializer by name (for freezing). */
  byName: Map<string, number>;
}

/** Weight bytes from the model's tensors (external ones by their dims: no data is read). */
export function weightFigures(proto: ModelProto): WeightFigures {
  const byName = new Map<string, number>();
  let bytes = 0;
  let largestBytes = 0;
  forEachTensor(proto.graph, (t) => {
    let per = 0;
    try {
      per = dtypeBytes(dtypeName(t.dataType ?? 0));
    } catch {
      return; // an element type the analysis reports as invalid elsewhere
    }
    const n = (t.dims ?? []).reduce((p, d) => p * Number(d), 1);
    const b = Math.ceil(n * per);
    bytes += b;
    largestBytes = Math.max(largestBytes, b);
    if (t.name) byName.set(t.name, (byName.get(t.name) ?? 0) + b);
  });
  return { bytes, largestBytes, byName };
}

/** Activation bytes at the resolved shapes: the sum, and the two largest (inference's need). */
export function activationFigures(
  shapes: ReadonlyMap<string, readonly number[]>,
  exclude: ReadonlySet<string>,
): { totalBytes: number; twoLargestBytes: number } {
  let total = 0;
  let first = 0;
  let second = 0;
  for (const [name, dims] of shapes) {
    if (exclude.has(name)) continue;
    const b = dims.reduce((p, d) => p * d, 1) * ACTIVATION_ELEMENT_BYTES;
    total += b;
    if (b > first) [first, second] = [b, first];
    else if (b > second) second = b;
  }
  return { totalBytes: total, twoLargestBytes: first + second };
}

/** Inputs of {@link estimatePass}. */
export interface EstimateInput {
  weights: WeightFigures;
  /** Bytes of the synthesised inputs. */
  inputBytes: number;
  activations: { totalBytes: number; twoLargestBytes: number };
  training?: { optimizer: OptimizerName; freeze?: readonly string[] };
}

/** Whether `name` is frozen by `training.freeze` (names, or prefixes ending in `*`: src/train/index.ts's rule). */
function frozen(name: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : name === p));
}

/** The memory one pass needs (module comment), by part. */
export function estimatePass(pass: MemoryPass, x: EstimateInput): MemoryEstimate {
  const parts: MemoryEstimate['parts'] = [
    { what: 'weights', bytes: x.weights.bytes },
    { what: 'the largest weight again while onnxruntime pre-packs it', bytes: x.weights.largestBytes },
    { what: 'inputs', bytes: x.inputBytes },
  ];
  if (pass === 'shapes') {
    // Every intermediate tensor is a graph output of the shape-finding run: all alive at the end.
    parts.push({ what: 'intermediate tensors (all returned by the shape-finding run)', bytes: x.activations.totalBytes });
  } else if (pass === 'inference' || pass === 'advice') {
    parts.push({ what: 'activations (the two largest intermediate tensors)', bytes: x.activations.twoLargestBytes });
    if (pass === 'advice')
      parts.push({ what: 'the weights read into JavaScript and a variant of up to the same size', bytes: 2 * x.weights.bytes });
  } else {
    const t = x.training ?? { optimizer: 'sgd' };
    let trainable = 0;
    for (const [name, b] of x.weights.byName) if (!frozen(name, t.freeze ?? [])) trainable += b;
    const slots = OPTIMIZER_SLOTS[t.optimizer];
    parts.push(
      { what: 'activations kept for the backward pass and their gradients', bytes: 2 * x.activations.totalBytes },
      { what: 'gradients of the trainable weights', bytes: trainable },
      { what: `${t.optimizer} state (${slots} per trainable weight)`, bytes: slots * trainable },
      { what: 'trainable weights and state fed in from JavaScript and returned', bytes: (1 + slots) * trainable },
    );
  }
  parts.push({ what: 'Node.js and onnxruntime', bytes: RUNTIME_OVERHEAD_BYTES });
  return { pass, totalBytes: parts.reduce((s, p) => s + p.bytes, 0), parts };
}

/** Bytes as `1.23 GB` (decimal units, as the budget file writes them). */
export function formatBytes(b: number): string {
  if (b >= 1e9) return `${(b / 1e9).toFixed(2)} GB`;
  if (b >= 1e6) return `${(b / 1e6).toFixed(1)} MB`;
  return `${(b / 1e3).toFixed(0)} kB`;
}

const PASS_NAME: Record<MemoryPass, string> = {
  shapes: 'the run that finds the shapes of intermediate tensors',
  inference: 'the inference benchmark',
  training: 'the training step',
  advice: 'the optimisation advisor (--advise)',
};

/**
 * The refusal message when `estimate` exceeds `availableBytes`, or undefined when it fits.
 * `source` says where the available figure comes from (`MemAvailable in /proc/meminfo`).
 */
export function memoryRefusal(
  model: string,
  estimate: MemoryEstimate,
  availableBytes: number,
  source: string,
  hints: { dims?: Record<string, number>; training?: { optimizer: OptimizerName; freeze?: readonly string[] } },
): string | undefined {
  if (!(estimate.totalBytes > availableBytes)) return undefined;
  const parts = estimate.parts
    .filter((p) => p.bytes > 0)
    .map((p) => `${p.what} ${formatBytes(p.bytes)}`)
    .join(', ');
  const fixes: string[] = [];
  const dims = Object.entries(hints.dims ?? {});
  if (dims.length) fixes.push(`smaller dims (now ${dims.map(([k, v]) => `${k}: ${v}`).join(', ')})`);
  else fixes.push('smaller input shapes (dims: or inputs:)');
  if (estimate.pass === 'advice') fixes.unshift('the run without --advise for this model');
  if (estimate.pass === 'training') {
    fixes.push('training.freeze for the layers you do not fine-tune');
    if (hints.training && hints.training.optimizer !== 'sgd') fixes.push(`optimizer: sgd instead of ${hints.training.optimizer}`);
  }
  fixes.push('a runner with more memory');
  return (
    `Model ${model}: ${PASS_NAME[estimate.pass]} needs about ${formatBytes(estimate.totalBytes)} of memory, ` +
    `but only ${formatBytes(availableBytes)} is available (${source}), so it was not started (it would be killed for lack of memory). ` +
    `Estimate: ${parts} (docs/large-models.md#memory-pre-flight). To fit, use ${fixes.join(', or ')}.`
  );
}
