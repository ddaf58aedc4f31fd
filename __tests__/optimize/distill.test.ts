import { describe, expect, it } from '@jest/globals';
import * as ort from 'onnxruntime-node';
import { floatTensor, model, node, valueInfo } from '../../src/model/builder.js';
import { DataType, encodeModel, type ModelProto } from '../../src/model/onnx.js';
import { distill, distillTarget } from '../../src/optimize/distill.js';
import type { Feeds } from '../../src/optimize/session.js';
import { readFloat32 } from '../../src/optimize/tensors.js';
import { createRng } from '../../src/util/random.js';

/** x[N,4] → Gemm 3 → Softmax: a 3-class classifier with the given weights. */
function softmaxModel(w: Float32Array, b: Float32Array): ModelProto {
  return model({
    name: 'softmax',
    node: [node('Gemm', ['x', 'w', 'b'], ['z'], { transB: 1 }, 'fc'), node('Softmax', ['z'], ['p'], { axis: 1 }, 'softmax')],
    initializer: [floatTensor('w', [3, 4], w), floatTensor('b', [3], b)],
    input: [valueInfo('x', DataType.FLOAT, ['N', 4])],
    output: [valueInfo('p', DataType.FLOAT, ['N', 3])],
  });
}

const rng = createRng(21);
const normal = (n: number) => Float32Array.from({ length: n }, () => rng.normal());
const batches: Feeds[] = Array.from({ length: 4 }, () => ({ x: new ort.Tensor('float32', normal(8 * 4), [8, 4]) }));

function logits(m: ModelProto, x: Float32Array): number[][] {
  const init = new Map((m.graph?.initializer ?? []).map((t) => [t.name, readFloat32(t)]));
  const w = init.get('w') as Float32Array;
  const b = init.get('b') as Float32Array;
  const rows: number[][] = [];
  for (let r = 0; r < x.length / 4; r++) {
    rows.push([0, 1, 2].map((c) => b[c] + [0, 1, 2, 3].reduce((s, k) => s + x[r * 4 + k] * w[c * 4 + k], 0)));
  }
  return rows;
}
const softmax = (z: number[], t: number) => {
  const e = z.map((v) => Math.exp(v / t));
  const s = e.reduce((a, c) => a + c, 0);
  return e.map((v) => v / s);
};

describe('distill', () => {
  it('distils the logits before a final Softmax', () => {
    expect(distillTarget(softmaxModel(normal(12), normal(3)))).toEqual({ target: 'z', output: 'p', squash: 'Softmax' });
  });

  it('KL at a temperature: the first loss is the soft cross-entropy of the softened distributions, and training moves the student to the teacher', async () => {
    const teacher = softmaxModel(normal(12), normal(3));
    const student = softmaxModel(normal(12), normal(3));
    const T = 2;
    const x0 = batches[0].x.data as Float32Array;
    const tz = logits(teacher, x0);
    const sz = logits(student, x0);
    // −mean over rows of Σ_c softmax(t/T)_c · log softmax(z/T)_c
    const expected =
      -tz.reduce((s, t, r) => s + softmax(t, T).reduce((a, p, c) => a + p * Math.log(softmax(sz[r], T)[c]), 0), 0) / tz.length;
    const r = await distill(teacher, student, { steps: 200, loss: 'kl', temperature: T, learningRate: 0.05, batches });
    expect(r.lossDescription).toBe('KL divergence at temperature 2 on the softmax of "z"');
    expect(r.lossFirst).toBeCloseTo(expected, 4);
    const gap = (m: ModelProto) => {
      const a = logits(teacher, x0).flat();
      const b = logits(m, x0).flat();
      return Math.max(...a.map((v, i) => Math.abs(v - b[i])));
    };
    expect(gap(r.model)).toBeLessThan(gap(student) / 2);
    // Same graph, only the trained weights changed.
    expect(r.model.graph?.node).toEqual(student.graph?.node);
  });

  it('MSE on the logits learns a perturbed copy back', async () => {
    const w = normal(12);
    const b = normal(3);
    const teacher = softmaxModel(w, b);
    const student = softmaxModel(
      w.map((v) => v + 0.3 * rng.normal()),
      b,
    );
    const r = await distill(teacher, student, { steps: 150, learningRate: 0.05, batches });
    expect(r.lossDescription).toBe('MSE on the logits "z" before the final Softmax');
    expect(r.lossLast).toBeLessThan(r.lossFirst / 10);
  });

  it('writes trained weights with the dims of the student initializers (the step stores some as rows)', async () => {
    // One parameter only: Adam updates it as its own row [1, 12], the layout the training step
    // keeps it in (src/train/storage.ts); the distilled model must still hold w as [3, 4].
    const noBias = (w: Float32Array): ModelProto =>
      model({
        name: 'softmax_no_bias',
        node: [node('Gemm', ['x', 'w'], ['z'], { transB: 1 }, 'fc'), node('Softmax', ['z'], ['p'], { axis: 1 }, 'softmax')],
        initializer: [floatTensor('w', [3, 4], w)],
        input: [valueInfo('x', DataType.FLOAT, ['N', 4])],
        output: [valueInfo('p', DataType.FLOAT, ['N', 3])],
      });
    const w0 = normal(12);
    const r = await distill(noBias(normal(12)), noBias(w0), { steps: 20, learningRate: 0.05, batches });
    const w = r.model.graph?.initializer?.find((t) => t.name === 'w');
    expect(w?.dims?.map(Number)).toEqual([3, 4]);
    const trained = w ? readFloat32(w) : new Float32Array();
    expect(trained.some((v, i) => Math.abs(v - w0[i]) > 1e-3)).toBe(true);
    // The distilled model runs.
    const session = await ort.InferenceSession.create(encodeModel(r.model));
    const out = await session.run({ x: batches[0].x });
    expect(out.p.dims).toEqual([8, 3]);
    await session.release();
  });
});
