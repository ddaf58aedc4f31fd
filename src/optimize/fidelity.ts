/**
 * Output fidelity of a variant: both models run on the same seeded inputs and their outputs
 * are compared element by element. Every figure is computed from real outputs.
 */
import type { Fidelity, OutputFidelity } from './types.js';
import type { Feeds, OutputValues, SessionFactory } from './session.js';

/** Share of the reference's largest magnitude under which relative errors are taken against that floor instead. */
export const RELATIVE_ERROR_FLOOR = 1e-3;

function toNumbers(data: OutputValues['data']): Float64Array | null {
  const out = new Float64Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (typeof v === 'number') out[i] = v;
    else if (typeof v === 'bigint') out[i] = Number(v);
    else if (typeof v === 'boolean') out[i] = v ? 1 : 0;
    else return null;
  }
  return out;
}

/** Running totals for one output across batches. */
interface Accumulator {
  name: string;
  maxAbsError: number;
  maxRelError: number;
  agree: number;
  rows: number;
  kind: 'argmax' | 'threshold-0.5' | null;
  classifier: boolean;
  newNonFinite: number;
  comparable: boolean;
}

function argmax(v: Float64Array, start: number, width: number): number {
  let best = start;
  for (let i = start + 1; i < start + width; i++) if (v[i] > v[best]) best = i;
  return best - start;
}

/**
 * Adds one batch of one output to its accumulator.
 * Rows are the first axis, classes the second.
 */
function accumulate(acc: Accumulator, reference: OutputValues, variant: OutputValues): void {
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
  const isFloat = reference.type.startsWith('float') || reference.type === 'bfloat16';
  // A classifier's output is [rows, classes]: higher ranks are feature maps or hidden states,
  // where an argmax over the last axis means nothing; a 1-D output could be either.
  if (!isFloat || reference.dims.length !== 2 || a.length === 0) {
    acc.classifier = false;
    return;
  }
  const width = reference.dims[reference.dims.length - 1];
  const rows = a.length / width;
  if (width > 1) {
    if (acc.kind === 'threshold-0.5') acc.classifier = false;
    acc.kind = 'argmax';
    for (let r = 0; r < rows; r++) if (argmax(a, r * width, width) === argmax(b, r * width, width)) acc.agree++;
    acc.rows += rows;
  } else {
    // A single output per row is a class decision only when it is a probability (a sigmoid).
    let probability = true;
    for (const v of a) if (!(v >= 0 && v <= 1)) probability = false;
    if (!probability || acc.kind === 'argmax') {
      acc.classifier = false;
      return;
    }
    acc.kind = 'threshold-0.5';
    for (let r = 0; r < rows; r++) if (a[r] >= 0.5 === b[r] >= 0.5) acc.agree++;
    acc.rows += rows;
  }
}

/**
 * Compares the outputs of the original and a variant, batch by batch (same feeds, same order).
 * Pure: works on output values, not sessions.
 * @throws Error when the two runs produced different output names or batch counts.
 */
export function compareOutputs(
  reference: ReadonlyArray<Record<string, OutputValues>>,
  variant: ReadonlyArray<Record<string, OutputValues>>,
): Fidelity {
  if (reference.length !== variant.length)
    throw new Error(`compared ${reference.length} reference batches with ${variant.length} variant batches`);
  const accs = new Map<string, Accumulator>();
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
          comparable: true,
        };
        accs.set(name, acc);
      }
      accumulate(acc, ref, v);
    }
  });
  const outputs: OutputFidelity[] = [...accs.values()].map((acc) => {
    const classifier = acc.comparable && acc.classifier && acc.kind !== null && acc.rows > 0;
    return {
      name: acc.name,
      maxAbsError: acc.comparable ? acc.maxAbsError : Number.NaN,
      maxRelError: acc.comparable ? acc.maxRelError : Number.NaN,
      top1Agreement: classifier ? acc.agree / acc.rows : null,
      agreementKind: classifier ? acc.kind : null,
      rows: classifier ? acc.rows : 0,
      newNonFinite: acc.newNonFinite,
    };
  });
  const agreements = outputs.map((o) => o.top1Agreement).filter((x): x is number => x !== null);
  return {
    batches: reference.length,
    maxAbsError: Math.max(0, ...outputs.map((o) => o.maxAbsError)),
    maxRelError: Math.max(0, ...outputs.map((o) => o.maxRelError)),
    top1Agreement: agreements.length > 0 ? Math.min(...agreements) : null,
    outputs,
  };
}

async function runAll(
  bytes: Uint8Array,
  batches: readonly Feeds[],
  createSession: SessionFactory,
): Promise<Array<Record<string, OutputValues>>> {
  const session = await createSession(bytes);
  try {
    const out: Array<Record<string, OutputValues>> = [];
    for (const feeds of batches) out.push(await session.run(feeds));
    return out;
  } finally {
    await session.release();
  }
}

/**
 * Runs the original and the variant on the same input batches and compares their outputs.
 * @throws Error (from onnxruntime) when either model fails to load or run.
 */
export async function measureFidelity(
  originalBytes: Uint8Array,
  variantBytes: Uint8Array,
  batches: readonly Feeds[],
  createSession: SessionFactory,
): Promise<Fidelity> {
  const reference = await runAll(originalBytes, batches, createSession);
  const variant = await runAll(variantBytes, batches, createSession);
  return compareOutputs(reference, variant);
}
