/**
 * Raising a model's default-domain opset when a variant needs newer operators (per-axis
 * DequantizeLinear needs opset 13), after checking that every op the model already uses
 * means the same at the new version.
 *
 * The table lists, for each op, the opset versions that changed its inputs or attributes in
 * a way an older node would not survive (onnx/docs/Changelog.md and Operators.md). Versions
 * that only widened the accepted types are not listed: such nodes stay valid.
 */
import { InputError } from '../errors.js';
import type { ModelProto, NodeProto } from '../model/onnx.js';

/** Op → opset versions at which an older node of that op stops being valid or changes meaning. */
const BREAKING_CHANGES: Record<string, number[]> = {
  // Attributes moved to inputs.
  Slice: [10], // starts/ends/axes attributes → inputs
  TopK: [10], // k attribute → input
  Clip: [11], // min/max attributes → inputs
  Pad: [11], // pads/value attributes → inputs
  Resize: [11], // roi input added before scales
  Split: [13, 18], // split attribute → input; num_outputs added
  Squeeze: [13], // axes attribute → input
  Unsqueeze: [13], // axes attribute → input
  ReduceSum: [13], // axes attribute → input
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
  Upsample: [10], // deprecated in favour of Resize
  Scatter: [11], // deprecated in favour of ScatterElements
  // Attributes removed.
  BatchNormalization: [9], // `spatial` removed
  Dropout: [12], // `ratio` attribute → input (handled below: it does nothing at inference)
  Scan: [9], // batch dimension removed
};

/** The model's default-domain ('' or 'ai.onnx') opset version, 1 when absent. */
export function defaultOpset(model: ModelProto): number {
  const entry = (model.opsetImport ?? []).find((o) => !o.domain || o.domain === 'ai.onnx');
  return entry?.version ?? 1;
}

function allNodes(nodes: readonly NodeProto[] | undefined, out: NodeProto[] = []): NodeProto[] {
  for (const n of nodes ?? []) {
    out.push(n);
    for (const a of n.attribute ?? []) {
      if (a.g) allNodes(a.g.node, out);
      for (const g of a.graphs ?? []) allNodes(g.node, out);
    }
  }
  return out;
}

/** The minimum IR version for an opset (onnx/docs/Versioning.md, "Released Versions"). */
function irVersionFor(opset: number): number {
  if (opset >= 21) return 10;
  if (opset >= 19) return 9;
  if (opset >= 12) return 7;
  if (opset >= 11) return 6;
  if (opset >= 10) return 5;
  return 3;
}

/**
 * The model with its default-domain opset raised to at least `minimum` (a copy; the input is
 * not changed), or the model itself when already there.
 * @throws InputError (UNSUPPORTED_OP, exit 2) when an op in the model changed meaning between
 *   its opset and `minimum`, naming the nodes and what to do.
 */
export function raiseOpset(model: ModelProto, minimum: number, why: string): ModelProto {
  const current = defaultOpset(model);
  if (current >= minimum) return model;
  if (current < 7) {
    throw new InputError(
      'UNSUPPORTED_OP',
      `The model uses opset ${current}; ${why} needs opset ${minimum}, and energy-budget only raises opsets from 7 up. ` +
        'Re-export the model at opset 13 or later (torch.onnx.export(..., opset_version=13)) and try again.',
    );
  }
  const nodes = allNodes(model.graph?.node);
  const blocked: string[] = [];
  for (const n of nodes) {
    if (n.domain && n.domain !== 'ai.onnx') continue;
    const op = n.opType ?? '';
    const changes = (BREAKING_CHANGES[op] ?? []).filter((v) => v > current && v <= minimum);
    if (changes.length === 0) continue;
    // Dropout is the identity at inference; only its removed attributes stand in the way.
    if (op === 'Dropout') continue;
    blocked.push(`${n.name || '(unnamed)'} (${op}, changed at opset ${changes.join(', ')})`);
  }
  if (blocked.length > 0) {
    const shown = blocked.slice(0, 5).join('; ') + (blocked.length > 5 ? `; and ${blocked.length - 5} more` : '');
    throw new InputError(
      'UNSUPPORTED_OP',
      `${why} needs opset ${minimum}, but the model uses opset ${current} and these nodes changed meaning in between: ${shown}. ` +
        `Re-export the model at opset ${minimum} or later (torch.onnx.export(..., opset_version=${minimum})) and try again.`,
    );
  }
  const stripDropout = (list: NodeProto[] | undefined): NodeProto[] | undefined =>
    list?.map((n) =>
      n.opType === 'Dropout' && (!n.domain || n.domain === 'ai.onnx')
        ? { ...n, attribute: (n.attribute ?? []).filter((a) => a.name !== 'ratio' && a.name !== 'is_test') }
        : n,
    );
  const opsetImport = (model.opsetImport ?? []).filter((o) => o.domain && o.domain !== 'ai.onnx');
  return {
    ...model,
    irVersion: Math.max(model.irVersion ?? 3, irVersionFor(minimum)),
    opsetImport: [{ domain: '', version: minimum }, ...opsetImport],
    graph: model.graph ? { ...model.graph, node: stripDropout(model.graph.node) } : model.graph,
  };
}
