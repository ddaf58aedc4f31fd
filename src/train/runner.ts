/**
 * The training-step loop: runs a step model N times, each step's outputs (new parameters and
 * optimizer state) becoming the next step's inputs as onnxruntime tensors, never copied
 * through JavaScript arrays. Works the same for a built step (index.ts) and a user's own
 * step model with its output → input mapping ("bring your own step").
 *
 * After the first step, outputs are written into two preallocated sets of tensors used in
 * turn (ping-pong): step k reads set A and writes set B, step k + 1 reads B and writes A, so
 * a step allocates nothing and copies nothing.
 */
import * as ort from 'onnxruntime-node';
import { InputError, messageOf } from '../errors.js';
import { makeTensor, nativeFloat16 } from '../util/ort-tensor.js';
import type { EnergyMeter, EnergyWindow } from '../energy/types.js';

/** The part of an onnxruntime session the loop uses. */
export interface StepSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, ort.Tensor>, fetches?: Record<string, ort.Tensor | null>): Promise<Record<string, ort.OnnxValue>>;
}

/** Loop settings. */
export interface TrainingRunConfig {
  /** Timed steps (rounded up to whole calls when a call runs several steps). */
  steps: number;
  /** Untimed steps first (they still update the parameters). The first step always runs
   *  untimed, as it learns the outputs' shapes, so max(warmup, 1) untimed steps run. */
  warmup: number;
  /** The scalar loss output. @default "loss", else the only output not in the feedback map */
  lossOutput?: string;
  /** Write outputs into preallocated tensors (ping-pong). @default true */
  preallocate?: boolean;
  /**
   * Training steps each call of the session runs (a looped step model, loop.ts); its loss
   * output then holds one loss per step. Steps are counted, timed (call time / stepsPerCall)
   * and reported per step. @default 1
   */
  stepsPerCall?: number;
}

/** Edges the loop needs. */
export interface TrainingRunDeps {
  /** Monotonic clock, nanoseconds (e.g. process.hrtime.bigint). */
  clockNs: () => bigint;
  /** Measures the timed steps as one window when given. */
  meter?: EnergyMeter;
}

/** What the loop measured. */
export interface TrainingRunResult {
  steps: number;
  warmup: number;
  /** Wall time of each timed step, milliseconds. */
  stepMs: number[];
  /** Loss of the very first step (warm-up included), before any update. */
  lossFirst: number;
  /** Loss of the last step. */
  lossLast: number;
  /** Loss of every step, warm-up included. */
  losses: number[];
  /** Wall time of all timed steps, milliseconds. */
  totalMs: number;
  /** Energy of the timed steps, when a meter was given. */
  energy?: EnergyWindow;
  /** Whether outputs were written into preallocated tensors. */
  preallocated: boolean;
  /** Fallbacks taken. */
  notes: string[];
}

function describe(t: ort.Tensor): string {
  return `${t.type}[${t.dims.join(', ')}]`;
}

function allocLike(t: ort.Tensor): ort.Tensor {
  const n = t.size;
  switch (t.type) {
    case 'float32':
      return new ort.Tensor('float32', new Float32Array(n), t.dims);
    case 'float64':
      return new ort.Tensor('float64', new Float64Array(n), t.dims);
    case 'int64':
      return new ort.Tensor('int64', new BigInt64Array(n), t.dims);
    case 'int32':
      return new ort.Tensor('int32', new Int32Array(n), t.dims);
    case 'bool':
      return new ort.Tensor('bool', new Uint8Array(n), t.dims);
    case 'float16':
      return makeTensor('float16', new Uint16Array(n), t.dims);
    default:
      throw new InputError(
        'INPUT_INVALID',
        `A training-step output of type ${t.type} cannot be fed back; expected numeric tensors.`,
      );
  }
}

function lossesOf(t: ort.OnnxValue | undefined, name: string, count: number): number[] {
  if (!t || t.size !== count) {
    throw new InputError(
      'INPUT_INVALID',
      `The training step's loss output "${name}" has ${t?.size ?? 0} elements; expected ${count === 1 ? 'a scalar loss' : `${count} (one loss per step of a call)`}.`,
    );
  }
  const data: ArrayLike<unknown> = t.data;
  return Array.from(data, Number);
}

/**
 * Checks a feedback map against a session and picks the loss output.
 * @throws InputError INPUT_INVALID naming each unknown output or input and what exists.
 */
export function validateFeedback(
  session: StepSession,
  initialFeeds: Record<string, ort.Tensor>,
  feedback: Record<string, string>,
  lossOutput?: string,
): string {
  const problems: string[] = [];
  for (const [o, i] of Object.entries(feedback)) {
    if (!session.outputNames.includes(o))
      problems.push(`feedback output "${o}" is not an output of the step model (outputs: ${session.outputNames.join(', ')})`);
    if (!session.inputNames.includes(i))
      problems.push(
        `feedback input "${i}" (for output "${o}") is not an input of the step model (inputs: ${session.inputNames.join(', ')})`,
      );
  }
  const targets = Object.values(feedback);
  const dup = targets.filter((t, k) => targets.indexOf(t) !== k);
  if (dup.length) problems.push(`inputs fed by more than one output: ${[...new Set(dup)].join(', ')}`);
  const missing = session.inputNames.filter((n) => !(n in initialFeeds));
  if (missing.length) problems.push(`no initial value for inputs ${missing.join(', ')}`);
  let loss = lossOutput;
  if (!loss) {
    const free = session.outputNames.filter((o) => !(o in feedback));
    loss = session.outputNames.includes('loss') ? 'loss' : free.length === 1 ? free[0] : undefined;
    if (!loss)
      problems.push(
        `cannot tell which output is the loss (outputs not fed back: ${free.join(', ') || 'none'}); name it (training.loss-output)`,
      );
  } else if (!session.outputNames.includes(loss)) {
    problems.push(`loss output "${loss}" is not an output of the step model`);
  }
  // (no loss name always comes with a problem above)
  if (problems.length || loss === undefined) {
    throw new InputError(
      'INPUT_INVALID',
      `The training step's output → input mapping does not fit the model:\n  ${problems.join('\n  ')}\nThe mapping names, for each output that is next step's input (new weights, optimizer state), the input it replaces, e.g. feedback: { "fc1.weight.new": "fc1.weight" }.`,
    );
  }
  return loss;
}

/**
 * Runs warm-up and timed training steps, feeding outputs back as inputs.
 * @throws InputError INPUT_INVALID for a mapping that does not fit the model or an output
 *   whose type or shape differs from the input it feeds.
 */
export async function runTrainingBenchmark(
  session: StepSession,
  initialFeeds: Record<string, ort.Tensor>,
  feedback: Record<string, string>,
  cfg: TrainingRunConfig,
  deps: TrainingRunDeps,
): Promise<TrainingRunResult> {
  const perCall = cfg.stepsPerCall ?? 1;
  if (
    !(Number.isInteger(cfg.steps) && cfg.steps >= 1) ||
    !(Number.isInteger(cfg.warmup) && cfg.warmup >= 0) ||
    !(Number.isInteger(perCall) && perCall >= 1)
  ) {
    throw new InputError(
      'INPUT_INVALID',
      `training steps must be an integer >= 1, warmup >= 0 and steps per call >= 1 (got steps ${cfg.steps}, warmup ${cfg.warmup}, steps per call ${perCall}).`,
    );
  }
  const lossName = validateFeedback(session, initialFeeds, feedback, cfg.lossOutput);
  const fedOutputs = Object.keys(feedback);
  const feeds: Record<string, ort.Tensor> = { ...initialFeeds };
  const losses: number[] = [];
  const notes: string[] = [];

  // Step 1 (unpreallocated): learns every output's type and shape and checks it against the
  // input it feeds.
  const first = await session.run(feeds);
  losses.push(...lossesOf(first[lossName], lossName, perCall));
  for (const o of fedOutputs) {
    const produced = first[o];
    const target = initialFeeds[feedback[o]];
    if (produced.type !== target.type || produced.dims.join(',') !== target.dims.join(',')) {
      throw new InputError(
        'INPUT_INVALID',
        `Output "${o}" is ${describe(produced)} but feeds input "${feedback[o]}", which is ${describe(target)}; an output fed back must match its input's type and shape.`,
      );
    }
  }
  let current: Record<string, ort.Tensor> = {};
  for (const o of fedOutputs) current[feedback[o]] = nativeFloat16(first[o]);

  let preallocated = cfg.preallocate ?? true;
  let spare: Record<string, ort.Tensor> = {};
  const lossTensor = first[lossName];
  let lossBuffer: ort.Tensor | undefined;
  if (preallocated && (lossTensor.type === 'float32' || lossTensor.type === 'float64')) {
    for (const o of fedOutputs) spare[feedback[o]] = allocLike(first[o]);
    lossBuffer = allocLike(lossTensor);
  } else {
    preallocated = false;
  }
  const step = async (): Promise<number[]> => {
    const stepFeeds = { ...feeds, ...current };
    if (preallocated && lossBuffer) {
      const fetches: Record<string, ort.Tensor | null> = {};
      for (const o of fedOutputs) fetches[o] = spare[feedback[o]];
      fetches[lossName] = lossBuffer;
      // A NaN sentinel in the loss buffer tells whether the session honoured the fetches (a
      // wrapper may drop the second argument); if not, the returned tensors are used.
      const sentinel = lossBuffer.data;
      if (sentinel instanceof Float32Array || sentinel instanceof Float64Array) sentinel.fill(Number.NaN);
      let res: Record<string, ort.OnnxValue>;
      try {
        res = await session.run(stepFeeds, fetches);
      } catch (e) {
        // A provider that cannot write into caller memory: fall back to returned tensors
        // (a real failure fails again there and propagates).
        preallocated = false;
        notes.push(
          `outputs could not be written into preallocated tensors (${messageOf(e).split('\n')[0]}); each step's outputs were taken as returned instead`,
        );
        return step();
      }
      const written = lossesOf(lossBuffer, lossName, perCall);
      if (!Number.isNaN(written[0])) {
        const next = spare;
        spare = current;
        current = next;
        return written;
      }
      const returned = lossesOf(res[lossName], lossName, perCall);
      if (!Number.isNaN(returned[0])) {
        preallocated = false;
        notes.push(
          "the session did not write into preallocated output tensors; each step's outputs were taken as returned instead",
        );
      }
      const next: Record<string, ort.Tensor> = {};
      for (const o of fedOutputs) next[feedback[o]] = nativeFloat16(res[o]);
      current = next;
      return returned;
    }
    const res = await session.run(stepFeeds);
    const next: Record<string, ort.Tensor> = {};
    for (const o of fedOutputs) next[feedback[o]] = nativeFloat16(res[o]);
    current = next;
    return lossesOf(res[lossName], lossName, perCall);
  };

  // Warm-up: the first call above counts.
  for (let done = perCall; done < cfg.warmup; done += perCall) losses.push(...(await step()));
  const stepMs: number[] = [];
  const calls = Math.ceil(cfg.steps / perCall);
  const token = deps.meter ? await deps.meter.begin() : undefined;
  const start = deps.clockNs();
  for (let i = 0; i < calls; i++) {
    const t0 = deps.clockNs();
    losses.push(...(await step()));
    const perStep = Number(deps.clockNs() - t0) / 1e6 / perCall;
    for (let k = 0; k < perCall; k++) stepMs.push(perStep);
  }
  const totalMs = Number(deps.clockNs() - start) / 1e6;
  const energy = deps.meter && token ? await deps.meter.end(token) : undefined;
  return {
    steps: calls * perCall,
    warmup: cfg.warmup,
    stepMs,
    lossFirst: losses[0],
    lossLast: losses[losses.length - 1],
    losses,
    totalMs,
    ...(energy ? { energy } : {}),
    preallocated,
    notes,
  };
}

/** Turns plain tensor data (TrainingStep.initialState, labels) into onnxruntime tensors, once. */
export function toOrtTensor(d: { dtype: ort.Tensor.Type; dims: number[]; data: ArrayBufferView }): ort.Tensor {
  return makeTensor(d.dtype, d.data, d.dims);
}
