/**
 * Input tensors for the benchmark, made once per model and reused by every run: synthesised
 * from the model's declared inputs (seeded), or taken from the budget file's `inputs:`
 * (`shape`/`dtype` for random data, `value:` for a fixed value, `data:` for a .npy file).
 *
 * Rules (documented for users in the README's budget-file section):
 * - A symbolic dim takes its size from `dims:`, else from an explicit input that uses the
 *   same name, else 1 with a notice. A dim the model leaves unnamed and unsized also
 *   becomes 1 with a notice.
 * - A scalar `value:` fills the input's whole shape (e.g. `{ value: 0 }` for a zero state).
 * - Random values: floats ~ N(0, 1); integers uniform in 0..9, small and non-negative so they
 *   work as indices (Gather, embeddings) and as counts; bools uniform; strings short
 *   lowercase words. Each input has its own stream seeded from the model and input names,
 *   so adding an input does not change the others.
 * - batchSize: the size of dim 0 of the model's first input when the model declares that dim
 *   symbolic or unknown (so it was set by `dims:`, `inputs:` or defaulted); otherwise 1,
 *   because a fixed leading dim need not be a batch.
 */
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { InputError, messageOf, errnoCode } from '../errors.js';
import type { InputSpec } from '../config/types.js';
import type { Dim, TensorDType, TensorInfo } from '../model/types.js';
import { createRng, seedFrom, type Rng } from '../util/random.js';
import { parseNpy } from './npy.js';
import { makeTensor } from '../util/ort-tensor.js';
import { fill, flatten, float32ToHalfBits, randomData, toData } from './input-data.js';
import { suggest } from '../config/did-you-mean.js';

export { float32ToHalfBits, randomData };

/** Largest input tensor we synthesise, bytes: 1 GiB. Checked before allocating. */
export const DEFAULT_MAX_INPUT_BYTES = 1024 ** 3;

/** Options for {@link synthesizeInputs}. */
export interface SynthesizeOptions {
  /** The model's name in the budget file, for messages and seeds. */
  modelName: string;
  /** Index of the model in `models:`, for field paths like `models[0].inputs.x`. */
  modelIndex?: number;
  /** The budget file; relative `.npy` paths resolve against its folder. */
  configFile?: string;
  /** Sizes of symbolic dims (`dims:`). */
  dims: Record<string, number>;
  /** Explicit input specs (`inputs:`), by input name. */
  specs: Record<string, InputSpec>;
  seed: number;
  readFile: (p: string) => Promise<Uint8Array>;
  /** Cap on one synthesised input, bytes. @default DEFAULT_MAX_INPUT_BYTES (1 GiB) */
  maxInputBytes?: number;
  /** Inputs that are not data (a step-model's fed-back weights): the batch size is not read from them. */
  notBatch?: readonly string[];
}

/** The tensors to feed and what was decided on the way. */
export interface SynthesizedInputs {
  feeds: Record<string, ort.Tensor>;
  shapes: Record<string, number[]>;
  /** Samples per inference call (see the module comment for the rule). */
  batchSize: number;
  /** Defaulted dims and the like, one line each, for the report. */
  notices: string[];
}

/** dtypes onnxruntime-node can build a tensor of from JavaScript, with bytes per element. */
/** Whether onnxruntime-node builds tensors of this dtype from JavaScript (a key of FEEDABLE). */
function isFeedable(dtype: TensorDType): dtype is TensorDType & ort.Tensor.Type {
  return FEEDABLE[dtype] !== undefined;
}

const FEEDABLE: Partial<Record<TensorDType, number>> = {
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
  string: 16,
};

/**
 * Builds the feeds for one model.
 * @throws InputError INPUT_INVALID naming the model and `models[i].inputs.<name>`: unknown
 *   input name, wrong rank, fixed-dim mismatch, dtype mismatch, ragged or ill-typed `value:`,
 *   unreadable or invalid .npy, an input over the memory cap, a dtype onnxruntime-node cannot feed.
 */
export async function synthesizeInputs(inputs: TensorInfo[], opts: SynthesizeOptions): Promise<SynthesizedInputs> {
  const ctx = new Context(opts);
  const known = new Set(inputs.map((i) => i.name));
  for (const name of Object.keys(opts.specs)) {
    if (!known.has(name)) {
      const list = inputs.length ? inputs.map((i) => `"${i.name}"`).join(', ') : 'none';
      const guess = suggest(name, [...known]);
      ctx.fail(
        name,
        `model "${opts.modelName}" has no input "${name}"; its inputs are ${list}.` +
          (guess ? ` Did you mean "${guess}"?` : '') +
          ' Rename or remove the entry.',
      );
    }
  }
  for (const [dim, size] of Object.entries(opts.dims)) {
    if (!Number.isSafeInteger(size) || size < 0) {
      ctx.failField(`dims.${dim}`, `dims: ${dim} is ${size}; a dim size must be a non-negative integer.`);
    }
  }

  for (const info of inputs) {
    // An optional(tensor) input takes a plain tensor; onnxruntime-node has no way to build
    // the other wrappers from JavaScript.
    if (info.kind !== undefined && info.kind !== 'optional') {
      ctx.fail(
        info.name,
        `model "${opts.modelName}" input "${info.name}" is a ${info.kind} of ${info.dtype}, and onnxruntime-node can only feed tensors. ` +
          'Wrap the model so that this input is a tensor.',
      );
    }
  }

  // Explicit shapes first, so that their symbolic dims size the other inputs' dims.
  const explicit = new Map<string, { shape: number[]; make: () => ort.Tensor }>();
  for (const info of inputs) {
    const spec = opts.specs[info.name];
    if (!spec) continue;
    explicit.set(info.name, await ctx.explicitInput(info, spec));
  }
  const feeds: Record<string, ort.Tensor> = {};
  const shapes: Record<string, number[]> = {};
  for (const info of inputs) {
    const ex = explicit.get(info.name);
    if (ex) {
      feeds[info.name] = ex.make();
      shapes[info.name] = ex.shape;
      continue;
    }
    const shape = ctx.resolveDeclared(info);
    const ortType = ctx.feedable(info.name, info.dtype);
    ctx.checkCap(info.name, info.dtype, shape);
    feeds[info.name] = makeTensor(ortType, randomData(info.dtype, count(shape), ctx.rngFor(info.name)), shape);
    shapes[info.name] = shape;
  }

  // A dims: entry that no input uses is most likely a typo; say so rather than ignore it.
  const used = new Set(inputs.flatMap((i) => (i.shape ?? []).filter((d): d is string => typeof d === 'string')));
  for (const dim of Object.keys(opts.dims)) {
    if (!used.has(dim)) {
      const guess = suggest(dim, [...used]);
      ctx.notices.push(
        `model "${opts.modelName}": dims: ${dim} is not a dim of any input` +
          (used.size ? ` (the inputs use ${[...used].join(', ')})` : ' (the inputs have no symbolic dims)') +
          (guess ? `; did you mean ${guess}?` : ''),
      );
    }
  }

  return { feeds, shapes, batchSize: batchSizeOf(inputs, shapes, opts.notBatch), notices: ctx.notices };
}

class Context {
  readonly notices: string[] = [];
  /** Symbolic dim sizes taken from explicit inputs. */
  private readonly bound = new Map<string, number>();
  constructor(private readonly opts: SynthesizeOptions) {}

  private field(rest: string): string {
    return this.opts.modelIndex === undefined ? rest : `models[${this.opts.modelIndex}].${rest}`;
  }

  failField(rest: string, message: string): never {
    throw new InputError('INPUT_INVALID', `${this.opts.configFile ?? 'budget file'}: ${this.field(rest)}: ${message}`);
  }

  fail(input: string, message: string): never {
    return this.failField(`inputs.${input}`, message);
  }

  rngFor(input: string): Rng {
    return createRng(seedFrom(`${this.opts.modelName}/${input}`, this.opts.seed));
  }

  /** The dtype as onnxruntime-node's tensor type. @throws InputError when it cannot be built from JavaScript. */
  feedable(input: string, dtype: TensorDType): ort.Tensor.Type {
    if (isFeedable(dtype)) return dtype;
    return this.fail(
      input,
      `model "${this.opts.modelName}" input "${input}" has dtype ${dtype}, which onnxruntime-node cannot build from JavaScript ` +
        `(it feeds ${Object.keys(FEEDABLE).join(', ')}). Wrap the model so that this input is one of those and Cast inside it.`,
    );
  }

  /** Fails unless the tensor fits under the cap; computed in floating point so it cannot wrap. */
  checkCap(input: string, dtype: TensorDType, shape: number[]): void {
    const cap = this.opts.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
    // A crafted model can declare dim_value -1 or 2^63 (onnx.proto requires >= 0); a negative
    // product would slip under the cap and reach the typed-array constructor.
    const bad = shape.find((d) => !Number.isSafeInteger(d) || d < 0);
    if (bad !== undefined) {
      this.fail(
        input,
        `model "${this.opts.modelName}" input "${input}" has shape [${shape.join(', ')}], and ${bad} is not a valid size (expected non-negative integers below 2^53; onnx.proto requires dim_value >= 0). ` +
          `Give the shape explicitly with inputs.${input}.shape, or fix the model's input declaration.`,
      );
    }
    const bytes = shape.reduce((acc, d) => acc * d, FEEDABLE[dtype] ?? 8);
    if (!(bytes <= cap)) {
      this.fail(
        input,
        `model "${this.opts.modelName}" input "${input}" would take ${formatBytes(bytes)} at shape [${shape.join(', ')}] (${dtype}), ` +
          `over the ${formatBytes(cap)} limit for a synthesised input. Use smaller sizes in dims: or inputs.${input}.shape.`,
      );
    }
  }

  /** The declared shape with symbolic and unknown dims made concrete (notices for defaults). */
  resolveDeclared(info: TensorInfo): number[] {
    if (info.shape === null) {
      this.fail(
        info.name,
        `model "${this.opts.modelName}" declares no shape for input "${info.name}", so its rank is unknown. ` +
          `Give one, e.g. inputs: { ${info.name}: { shape: [1, 3] } }.`,
      );
    }
    return info.shape.map((d, axis) => {
      if (typeof d === 'number') return d;
      if (d === null) {
        this.notices.push(
          `model "${this.opts.modelName}": input "${info.name}" dim ${axis} has no size or name in the model, using 1 ` +
            `(set ${this.field(`inputs.${info.name}.shape`)} to choose)`,
        );
        return 1;
      }
      const size = this.opts.dims[d] ?? this.bound.get(d);
      if (size !== undefined) return size;
      this.notices.push(`model "${this.opts.modelName}": input "${info.name}" dim "${d}" not set in dims:, using 1`);
      return 1;
    });
  }

  /** Checks a concrete shape against the declared one and binds symbolic dims. */
  private checkShape(info: TensorInfo, shape: number[], source: string): void {
    for (const d of shape) {
      if (!Number.isSafeInteger(d) || d < 0) {
        this.fail(info.name, `${source} has shape [${shape.join(', ')}]; every dim must be a non-negative integer.`);
      }
    }
    const declared = info.shape;
    if (declared === null) return;
    const want = `[${declared.map(showDim).join(', ')}]`;
    if (declared.length !== shape.length) {
      this.fail(
        info.name,
        `${source} has rank ${shape.length} (shape [${shape.join(', ')}]) but model "${this.opts.modelName}" declares ` +
          `input "${info.name}" with rank ${declared.length}, shape ${want}. Give a shape with ${declared.length} dims.`,
      );
    }
    declared.forEach((d, axis) => {
      if (typeof d === 'number' && d !== shape[axis]) {
        this.fail(
          info.name,
          `${source} has ${shape[axis]} in dim ${axis} (shape [${shape.join(', ')}]) but model "${this.opts.modelName}" fixes ` +
            `that dim of input "${info.name}" at ${d} (shape ${want}).`,
        );
      }
      if (typeof d === 'string') {
        const set = this.opts.dims[d];
        if (set !== undefined && set !== shape[axis]) {
          this.fail(
            info.name,
            `${source} has ${shape[axis]} in dim ${axis}, the model's dim "${d}", but dims: sets ${d} to ${set}. ` +
              `Make them agree or drop ${d} from dims:.`,
          );
        }
        if (!this.bound.has(d)) this.bound.set(d, shape[axis]);
      }
    });
  }

  private checkDtype(info: TensorInfo, dtype: TensorDType | undefined, source: string): void {
    if (dtype !== undefined && dtype !== info.dtype) {
      this.fail(
        info.name,
        `${source} is ${dtype} but model "${this.opts.modelName}" takes ${info.dtype} for input "${info.name}". ` +
          `Use ${info.dtype} (onnxruntime does not convert input types).`,
      );
    }
  }

  async explicitInput(info: TensorInfo, spec: InputSpec): Promise<{ shape: number[]; make: () => ort.Tensor }> {
    const dtype = info.dtype;
    if (spec.kind === 'npy') {
      const file = path.resolve(this.opts.configFile ? path.dirname(this.opts.configFile) : '', spec.file);
      let bytes: Uint8Array;
      try {
        bytes = await this.opts.readFile(file);
      } catch (error) {
        const why = errnoCode(error) === 'ENOENT' ? 'does not exist' : `cannot be read (${messageOf(error)})`;
        return this.fail(info.name, `the data file ${file} ${why}. Paths are relative to the budget file's folder.`);
      }
      let arr;
      try {
        arr = parseNpy(bytes, file);
      } catch (error) {
        return this.fail(info.name, messageOf(error));
      }
      this.checkDtype(info, spec.dtype, 'the dtype given');
      this.checkDtype(info, arr.dtype, `the data in ${file}`);
      const ortType = this.feedable(info.name, dtype);
      this.checkShape(info, arr.shape, `the data in ${file}`);
      return { shape: arr.shape, make: () => makeTensor(ortType, arr.data, arr.shape) };
    }
    this.checkDtype(info, spec.dtype, 'the dtype given');
    const ortType = this.feedable(info.name, dtype);
    if (spec.kind === 'random') {
      const shape = spec.shape ? [...spec.shape] : this.resolveDeclared(info);
      if (spec.shape) this.checkShape(info, shape, `the shape given`);
      this.checkCap(info.name, dtype, shape);
      return {
        shape,
        make: () => makeTensor(ortType, randomData(dtype, count(shape), this.rngFor(info.name)), shape),
      };
    }
    // value: a scalar or a nested list.
    const nested = flatten(spec.value, (msg) => this.fail(info.name, msg));
    let shape = nested.shape;
    let flat = nested.flat;
    if (shape.length === 0 && (spec.shape || (info.shape !== null && info.shape.length > 0))) {
      // A scalar fills the whole input.
      shape = spec.shape ? [...spec.shape] : this.resolveDeclared(info);
      this.checkShape(info, shape, spec.shape ? 'the shape given' : 'the value');
      this.checkCap(info.name, dtype, shape);
      const n = count(shape);
      const one = toData(dtype, flat, (msg) => this.fail(info.name, msg));
      return { shape, make: () => makeTensor(ortType, fill(one, n), shape) };
    }
    if (spec.shape) {
      if (count(spec.shape) !== flat.length) {
        this.fail(
          info.name,
          `the value has ${flat.length} elements but the shape given, [${spec.shape.join(', ')}], holds ${count(spec.shape)}.`,
        );
      }
      shape = [...spec.shape];
    }
    this.checkShape(info, shape, spec.shape ? 'the shape given' : 'the value');
    flat = flat.slice();
    const data = toData(dtype, flat, (msg) => this.fail(info.name, msg));
    return { shape, make: () => makeTensor(ortType, data, shape) };
  }
}

function showDim(d: Dim): string {
  return d === null ? '?' : String(d);
}

function count(shape: number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes >= 1024 ** 5) return `more than 1 PiB`;
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let v = bytes;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${v} bytes` : `${v.toFixed(1)} ${units[i]}`;
}

/**
 * The batch size: dim 0 of the first input (not named in `notBatch`) whose leading dim the model
 * leaves symbolic or unknown, as set by `dims:`, `inputs:` or the default; 1 when there is none.
 * A training step-model's first inputs are often its weights (fed back each step), so those are
 * passed in `notBatch`.
 */
export function batchSizeOf(
  inputs: readonly TensorInfo[],
  shapes: Record<string, number[]>,
  notBatch: readonly string[] = [],
): number {
  const candidates = inputs.filter((i) => !notBatch.includes(i.name));
  const first = candidates[0];
  if (first?.shape && first.shape.length > 0 && typeof first.shape[0] !== 'number') return shapes[first.name]?.[0] ?? 1;
  return 1;
}
