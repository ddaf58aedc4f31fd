/**
 * Each optimizer's steps against its closed-form update, on a tiny float64 model:
 * prediction = x ⊙ w (w: 3 parameters), mse loss, so g = 2(x⊙w − t)⊙x / 3 can be computed
 * here. Three steps run through the real training loop (outputs fed back as inputs).
 * Tolerance: 1e-12 absolute on w (float64 rounding only).
 */
import { describe, expect, it } from '@jest/globals';
import * as ort from 'onnxruntime-node';
import { DataType, encodeModel } from '../../src/model/onnx.js';
import { model, node, rawTensor, valueInfo } from '../../src/model/builder.js';
import { buildTrainingStep } from '../../src/train/index.js';
import { buildClassifier, buildCnn } from '../../src/model/examples.js';
import { loopTrainingStep } from '../../src/train/loop.js';
import { runTrainingBenchmark, toOrtTensor } from '../../src/train/runner.js';
import type { OptimizerName } from '../../src/config/types.js';
import { InputError } from '../../src/errors.js';

const x = [0.5, -1.5, 2.0];
const t = [1.0, 0.25, -0.5];
const w0 = [0.3, -0.2, 0.1];

/** One parameter w, or (split) the same w as two parameters joined by Concat: the flat,
 *  multi-tensor update must give the same values. */
function tinyModel(split = false) {
  if (split) {
    return model({
      name: 'tiny_split',
      node: [node('Concat', ['w_a', 'w_b'], ['w'], { axis: 0 }), node('Mul', ['x', 'w'], ['y'])],
      initializer: [
        rawTensor('w_a', [2], DataType.DOUBLE, Float64Array.from(w0.slice(0, 2))),
        rawTensor('w_b', [1], DataType.DOUBLE, Float64Array.from(w0.slice(2))),
      ],
      input: [valueInfo('x', DataType.DOUBLE, [3])],
      output: [valueInfo('y', DataType.DOUBLE, [3])],
    });
  }
  return model({
    name: 'tiny',
    node: [node('Mul', ['x', 'w'], ['y'])],
    initializer: [rawTensor('w', [3], DataType.DOUBLE, Float64Array.from(w0))],
    input: [valueInfo('x', DataType.DOUBLE, [3])],
    output: [valueInfo('y', DataType.DOUBLE, [3])],
  });
}

function grad(w: number[]): number[] {
  return w.map((wi, i) => (2 * (x[i] * wi - t[i]) * x[i]) / 3);
}

type Update = (w: number[], g: number[], k: number) => number[];

function closedForm(
  kind: OptimizerName,
  lr: number,
  c: { mu: number; rho: number; b1: number; b2: number; eps: number },
): Update {
  const v = [0, 0, 0];
  const m = [0, 0, 0];
  return (w, g, k) => {
    switch (kind) {
      case 'sgd':
        return w.map((wi, i) => wi - lr * g[i]);
      case 'momentum':
        return w.map((wi, i) => {
          v[i] = c.mu * v[i] + g[i];
          return wi - lr * v[i];
        });
      case 'rmsprop':
        return w.map((wi, i) => {
          v[i] = c.rho * v[i] + (1 - c.rho) * g[i] * g[i];
          return wi - (lr * g[i]) / (Math.sqrt(v[i]) + c.eps);
        });
      case 'adam':
        return w.map((wi, i) => {
          m[i] = c.b1 * m[i] + (1 - c.b1) * g[i];
          v[i] = c.b2 * v[i] + (1 - c.b2) * g[i] * g[i];
          const mh = m[i] / (1 - c.b1 ** k);
          const vh = v[i] / (1 - c.b2 ** k);
          return wi - (lr * mh) / (Math.sqrt(vh) + c.eps);
        });
    }
  };
}

async function runSteps(
  kind: OptimizerName,
  lr: number,
  coeffs: Record<string, number>,
  steps: number,
  split = false,
): Promise<number[][]> {
  const step = buildTrainingStep(tinyModel(split), { loss: 'mse', optimizer: kind, learningRate: lr, ...coeffs });
  const session = await ort.InferenceSession.create(encodeModel(step.model));
  const feeds: Record<string, ort.Tensor> = {
    x: new ort.Tensor('float64', Float64Array.from(x), [3]),
    [step.labelInput]: new ort.Tensor('float64', Float64Array.from(t), [3]),
  };
  for (const [name, d] of Object.entries(step.initialState)) feeds[name] = toOrtTensor(d);
  // Run one step at a time through the loop so each intermediate w can be read.
  const ws: number[][] = [];
  let current = feeds;
  for (let k = 0; k < steps; k++) {
    const out = await session.run(current);
    const next: Record<string, ort.Tensor> = { ...current };
    for (const [o, i] of Object.entries(step.feedback)) next[i] = out[o] as ort.Tensor;
    ws.push(
      split
        ? [...Array.from(next.w_a.data as Float64Array), ...Array.from(next.w_b.data as Float64Array)]
        : Array.from(next.w.data as Float64Array),
    );
    current = next;
  }
  await session.release();
  return ws;
}

const cases: Array<[OptimizerName, number, Record<string, number>]> = [
  ['sgd', 0.1, {}],
  ['momentum', 0.1, {}],
  ['momentum', 0.05, { momentum: 0.5 }],
  ['rmsprop', 0.01, {}],
  ['rmsprop', 0.01, { rho: 0.99, epsilon: 1e-6 }],
  ['adam', 0.01, {}],
  ['adam', 0.1, { beta1: 0.8, beta2: 0.99, epsilon: 1e-4 }],
];

describe('optimizers match their closed-form updates', () => {
  for (const [kind, lr, coeffs, split] of [
    ...cases.map((c) => [...c, false] as const),
    ...cases.filter((c) => c[0] !== 'sgd').map((c) => [...c, true] as const),
  ]) {
    it(`${kind} lr=${lr} ${JSON.stringify(coeffs)}${split ? ', two parameters (flat multi-tensor state)' : ''}`, async () => {
      const ws = await runSteps(kind, lr, coeffs, 4, split);
      const update = closedForm(kind, lr, {
        mu: coeffs.momentum ?? 0.9,
        rho: coeffs.rho ?? 0.9,
        b1: coeffs.beta1 ?? 0.9,
        b2: coeffs.beta2 ?? 0.999,
        eps: coeffs.epsilon ?? 1e-8,
      });
      let w = [...w0];
      for (let k = 1; k <= ws.length; k++) {
        w = update(w, grad(w), k);
        ws[k - 1].forEach((got, i) => expect(Math.abs(got - w[i])).toBeLessThan(1e-12));
      }
    });
  }

  it('feeds outputs back through the benchmark loop with the same result', async () => {
    const step = buildTrainingStep(tinyModel(), { loss: 'mse', optimizer: 'adam', learningRate: 0.01 });
    const session = await ort.InferenceSession.create(encodeModel(step.model));
    const feeds: Record<string, ort.Tensor> = {
      x: new ort.Tensor('float64', Float64Array.from(x), [3]),
      [step.labelInput]: new ort.Tensor('float64', Float64Array.from(t), [3]),
    };
    for (const [name, d] of Object.entries(step.initialState)) feeds[name] = toOrtTensor(d);
    let now = 0n;
    const res = await runTrainingBenchmark(
      session,
      feeds,
      step.feedback,
      { steps: 3, warmup: 1 },
      { clockNs: () => (now += 1000n) },
    );
    const expected = await runSteps('adam', 0.01, {}, 4);
    expect(res.preallocated).toBe(true);
    expect(res.losses).toHaveLength(4);
    expect(res.stepMs).toEqual([0.001, 0.001, 0.001]);
    // The loss of step k is computed with the parameters after k − 1 updates.
    const lossAt = (w: number[]): number => w.reduce((s, wi, i) => s + (x[i] * wi - t[i]) ** 2, 0) / 3;
    expect(res.lossFirst).toBeCloseTo(lossAt(w0), 12);
    expect(res.lossLast).toBeCloseTo(lossAt(expected[2]), 12);
    await session.release();
  });

  it('sgd fused into the weight-gradient Gemms (Conv and Gemm layers) equals the unfused update', async () => {
    // momentum 0 is the same update, p − lr·g, written as a separate Mul and Sub.
    const proto = buildCnn();
    const opts = { loss: 'cross-entropy' as const, learningRate: 0.05, dims: { N: 2 } };
    const fused = buildTrainingStep(proto, { ...opts, optimizer: 'sgd' });
    const plain = buildTrainingStep(proto, { ...opts, optimizer: 'momentum', momentum: 0 });
    // The fusion happened: Gemms that take a parameter as C with beta 1.
    const withC = (fused.model.graph?.node ?? []).filter(
      (n) =>
        n.opType === 'Gemm' && (n.input?.length ?? 0) === 3 && (n.attribute ?? []).some((a) => a.name === 'beta' && a.f === 1),
    );
    expect(withC.length).toBeGreaterThanOrEqual(2);
    const rng = Array.from({ length: 2 * 1 * 28 * 28 }, (_, i) => Math.sin(i * 12.9898) * 0.5);
    const x = new ort.Tensor('float32', Float32Array.from(rng), [2, 1, 28, 28]);
    const run = async (step: typeof fused): Promise<Record<string, Float32Array>> => {
      const feeds: Record<string, ort.Tensor> = {
        [step.batchInputs[0].name]: x,
        [step.labelInput]: new ort.Tensor('int64', BigInt64Array.from([3n, 7n]), [2]),
      };
      for (const [n, d] of Object.entries(step.initialState)) feeds[n] = toOrtTensor(d);
      const s = await ort.InferenceSession.create(encodeModel(step.model));
      const out = await s.run(feeds);
      await s.release();
      const res: Record<string, Float32Array> = {};
      for (const [o, i] of Object.entries(step.feedback))
        if (step.parameterNames.includes(i)) res[i] = (out[o] as ort.Tensor).data as Float32Array;
      return res;
    };
    const [a, b] = [await run(fused), await run(plain)];
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    for (const k of Object.keys(a))
      a[k].forEach((v, i) => expect(Math.abs(v - b[k][i])).toBeLessThan(1e-6 + 1e-5 * Math.abs(b[k][i])));
  });

  // Multi-tensor apply (flat state, one update over the concatenated gradients) against one
  // update per tensor, and everything flat, on the example classifier (float32): 3 steps in one
  // Loop call. Same arithmetic per element, so the tolerance is float32 rounding:
  // |Δw| < 1e-6 + 1e-5·|w|.
  for (const kind of ['adam', 'momentum', 'rmsprop'] as const) {
    it(`${kind}: flat multi-tensor update equals the per-tensor update (classifier, 3 looped steps)`, async () => {
      const rows = Array.from({ length: 8 * 784 }, (_, i) => Math.sin(i * 0.731) * 0.8);
      const run = async (flatMaxElements: number): Promise<Record<string, Float32Array>> => {
        const step = buildTrainingStep(buildClassifier(), {
          loss: 'bce',
          optimizer: kind,
          learningRate: 0.01,
          dims: { N: 8 },
          flatMaxElements,
        });
        const looped = loopTrainingStep(step, 3);
        const feeds: Record<string, ort.Tensor> = {
          x: new ort.Tensor('float32', Float32Array.from(rows), [8, 784]),
          [step.labelInput]: new ort.Tensor('float32', Float32Array.from([1, 0, 0, 1, 1, 0, 1, 0]), [8, 1]),
        };
        for (const [n, d] of Object.entries(step.initialState)) feeds[n] = toOrtTensor(d);
        const s = await ort.InferenceSession.create(encodeModel(looped.model));
        const out = await s.run(feeds);
        await s.release();
        const res: Record<string, Float32Array> = {};
        for (const [o, i] of Object.entries(looped.feedback)) {
          const t = out[o];
          if (step.parameterNames.includes(i) && t.data instanceof Float32Array) res[i] = t.data;
        }
        return res;
      };
      const perTensor = await run(0);
      expect(Object.keys(perTensor)).toHaveLength(6);
      // The steps moved the weights (a no-op update would match trivially).
      const w0 = buildTrainingStep(buildClassifier(), { loss: 'bce', optimizer: kind, learningRate: 0.01, dims: { N: 8 } })
        .initialState['fc1.weight'].data;
      const moved = perTensor['fc1.weight'].reduce((m, v, i) => Math.max(m, Math.abs(v - Number(w0[i]))), 0);
      expect(moved).toBeGreaterThan(1e-4);
      for (const flatMax of [65536, Infinity]) {
        const flat = await run(flatMax);
        expect(Object.keys(flat).sort()).toEqual(Object.keys(perTensor).sort());
        for (const [k, w] of Object.entries(perTensor)) {
          const worst = w.reduce((m, v, i) => Math.max(m, Math.abs(flat[k][i] - v) - 1e-5 * Math.abs(v)), 0);
          expect(worst).toBeLessThan(1e-6);
        }
      }
    });
  }

  it('rejects coefficients out of range with the key and the range', () => {
    expect(() => buildTrainingStep(tinyModel(), { loss: 'mse', optimizer: 'adam', learningRate: 0.01, beta1: 1 })).toThrow(
      /training\.beta1 is 1; expected a number in \[0, 1\)/,
    );
    expect(() => buildTrainingStep(tinyModel(), { loss: 'mse', optimizer: 'sgd', learningRate: -1 })).toThrow(InputError);
  });
});
