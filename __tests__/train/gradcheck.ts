/**
 * Gradient checking against central finite differences, in real onnxruntime.
 *
 * For an op (or a small graph) with output Y, the checked loss is L = Σ Y ⊙ R for a fixed
 * random R, so every element of dY is a distinct non-zero value. The built gradients of L
 * (differentiateModel) are compared element by element with (L(x + h) − L(x − h)) / 2h.
 */
import { expect } from '@jest/globals';
import * as ort from 'onnxruntime-node';
import { DataType, encodeModel, type NodeProto, type TensorProto } from '../../src/model/onnx.js';
import { model, node, rawTensor, valueInfo } from '../../src/model/builder.js';
import { differentiateModel } from '../../src/train/autodiff.js';
import type { GradFormulations } from '../../src/train/formulations.js';
import { createRng } from '../../src/util/random.js';

export type FloatName = 'float32' | 'float64';

export interface GradCase {
  nodes: NodeProto[];
  /** Graph inputs: dims, and values (random normal when absent). */
  inputs: Record<string, { dims: number[]; data?: number[]; dtype?: 'int64' }>;
  initializers?: TensorProto[];
  /** The tensor whose projection is the loss. */
  output: string;
  /** Inputs (or initializers) to check gradients of. */
  wrt: string[];
  dtype: FloatName;
  seed: number;
  /** Maps each generated value (e.g. away from a kink); applied to random data only. */
  shape?: (v: number) => number;
  /** Finite-difference step. @default 1e-5 for float64, 1e-2 for float32 */
  h?: number;
  atol?: number;
  rtol?: number;
  /** At most this many elements checked per tensor (chosen with the seed). @default 40 */
  maxChecks?: number;
  opset?: number;
  /** Dims of graph inputs as declared in the model (e.g. symbolic); default: concrete dims. */
  declared?: Record<string, Array<number | string>>;
  batchShapes?: Record<string, number[]>;
  /** The training forward pass differs from inference (BatchNormalization's batch statistics). */
  trainingForward?: boolean;
  /** Older gradient formulations to check instead of the defaults. */
  formulations?: GradFormulations;
}

type Arr = Float32Array | Float64Array;

function makeArray(dtype: FloatName, values: number[]): Arr {
  return dtype === 'float64' ? Float64Array.from(values) : Float32Array.from(values);
}

function size(dims: number[]): number {
  return dims.reduce((a, b) => a * b, 1);
}

/** Runs the gradient check; fails the surrounding test on any mismatch. Returns the worst error. */
export async function gradCheck(c: GradCase): Promise<{ worst: number; checked: number }> {
  const rng = createRng(c.seed);
  const elem = c.dtype === 'float64' ? DataType.DOUBLE : DataType.FLOAT;
  const feeds: Record<string, ort.Tensor> = {};
  const values: Record<string, Arr> = {};
  for (const [name, spec] of Object.entries(c.inputs)) {
    if (spec.dtype === 'int64') {
      feeds[name] = new ort.Tensor('int64', BigInt64Array.from((spec.data ?? []).map((v) => BigInt(v))), spec.dims);
      continue;
    }
    const data = spec.data ?? Array.from({ length: size(spec.dims) }, () => (c.shape ? c.shape(rng.normal()) : rng.normal()));
    values[name] = makeArray(c.dtype, data);
    feeds[name] = new ort.Tensor(c.dtype, values[name], spec.dims);
  }
  const inputInfos = Object.entries(c.inputs).map(([name, spec]) =>
    valueInfo(name, spec.dtype === 'int64' ? DataType.INT64 : elem, c.declared?.[name] ?? spec.dims),
  );
  const opset = c.opset ?? 17;

  // 1. The op's output shape, from a plain run.
  const probe = await ort.InferenceSession.create(
    encodeModel(
      model(
        {
          name: 'probe',
          node: c.nodes,
          initializer: c.initializers ?? [],
          input: inputInfos,
          output: [{ name: c.output }],
        },
        { opset },
      ),
    ),
  );
  const y = (await probe.run(feeds))[c.output];
  await probe.release();
  const r = makeArray(
    c.dtype,
    Array.from({ length: size(y.dims as number[]) }, () => rng.normal()),
  );

  // 2. The projected loss.
  const lossNodes = [
    ...c.nodes,
    node('Mul', [c.output, 'proj_r'], ['proj_y']),
    node('ReduceSum', ['proj_y'], ['proj_loss'], { keepdims: 0 }),
  ];
  const inits = [...(c.initializers ?? []), rawTensor('proj_r', y.dims as number[], elem, r)];
  const forward = model(
    { name: 'fwd', node: lossNodes, initializer: inits, input: inputInfos, output: [valueInfo('proj_loss', elem, [])] },
    { opset },
  );
  // 3. The built gradients. The loss for the differences comes from the same graph, so ops that
  // behave differently in training (BatchNormalization's batch statistics) are differenced in
  // their training form.
  const { model: gradModel, gradients } = differentiateModel(forward, {
    loss: 'proj_loss',
    wrt: c.wrt,
    batchShapes: c.batchShapes,
    formulations: c.formulations,
  });
  const gradSession = await ort.InferenceSession.create(encodeModel(gradModel));
  const outs = await gradSession.run(feeds);
  if (c.trainingForward !== true) {
    // The training graph computes the same forward pass as the source model (opset upgrades
    // included), unless an op is meant to differ in training.
    const plain = await ort.InferenceSession.create(encodeModel(forward));
    const expected = Number(((await plain.run(feeds)).proj_loss.data as Arr)[0]);
    const got = Number((outs.proj_loss.data as Arr)[0]);
    expect(Math.abs(got - expected)).toBeLessThanOrEqual((c.dtype === 'float64' ? 1e-9 : 1e-4) * (1 + Math.abs(expected)));
    await plain.release();
  }
  const lossAt = async (name: string, index: number, delta: number): Promise<number> => {
    const copy = makeArray(c.dtype, Array.from(values[name]));
    copy[index] += delta;
    const t = new ort.Tensor(c.dtype, copy, feeds[name].dims as number[]);
    const out = await gradSession.run({ ...feeds, [name]: t });
    return Number((out.proj_loss.data as Arr)[0]);
  };

  // 4. Central differences.
  const h = c.h ?? (c.dtype === 'float64' ? 1e-5 : 1e-2);
  const atol = c.atol ?? (c.dtype === 'float64' ? 1e-6 : 2e-3);
  const rtol = c.rtol ?? (c.dtype === 'float64' ? 1e-5 : 1e-2);
  let worst = 0;
  let checked = 0;
  for (const name of c.wrt) {
    expect(gradients[name]).toBeDefined();
    const g = outs[gradients[name]];
    expect(Array.from(g.dims)).toEqual(Array.from(feeds[name].dims));
    const n = values[name].length;
    const picks =
      n <= (c.maxChecks ?? 40)
        ? Array.from({ length: n }, (_, i) => i)
        : Array.from({ length: c.maxChecks ?? 40 }, () => rng.int(0, n - 1));
    for (const i of picks) {
      const fd = ((await lossAt(name, i, h)) - (await lossAt(name, i, -h))) / (2 * h);
      const got = Number((g.data as Arr)[i]);
      const err = Math.abs(got - fd);
      worst = Math.max(worst, err / (atol + rtol * Math.abs(fd)));
      if (err > atol + rtol * Math.abs(fd)) {
        throw new Error(
          `gradient of ${name}[${i}]: built ${got}, finite difference ${fd} (|Δ| ${err.toExponential(2)} > ${atol} + ${rtol}·|fd|)`,
        );
      }
      checked++;
    }
  }
  await gradSession.release();
  return { worst, checked };
}

/** A float initializer of the test's dtype. */
export function floatInit(name: string, dims: number[], values: number[], dtype: FloatName): TensorProto {
  return rawTensor(name, dims, dtype === 'float64' ? DataType.DOUBLE : DataType.FLOAT, makeArray(dtype, values));
}
