/**
 * Parameters stored in the layout their update writes (src/train/storage.ts): SGD fused into a
 * Conv's weight-gradient Gemm keeps the kernel as [M, C·kh·kw], Adam keeps a per-tensor
 * parameter as a row [1, n]. The step's inputs, outputs and initial state have those dims,
 * `parameterDims` has the model's, no Reshape copies an update into a graph output, and
 * training gives the same losses and parameter values (same order of elements) as the model
 * layout, steps fed back one call at a time and in a Loop. Both layouts run the same
 * arithmetic on the same values, so the tolerance is float32 rounding: |Δ| < 1e-6 + 1e-5·|v|.
 */
import { describe, expect, it } from '@jest/globals';
import * as ort from 'onnxruntime-node';
import { encodeModel, type ModelProto } from '../../src/model/onnx.js';
import { buildClassifier, buildCnn } from '../../src/model/examples.js';
import { buildTrainingStep, type TrainingStepOptions } from '../../src/train/index.js';
import { loopTrainingStep } from '../../src/train/loop.js';
import { toOrtTensor } from '../../src/train/runner.js';

interface Run {
  losses: number[];
  params: Record<string, { dims: readonly number[]; data: Float32Array }>;
}

/** Three steps, fed back one call at a time (`looped` false) or in one Loop call. */
async function train(
  proto: ModelProto,
  opts: TrainingStepOptions,
  batch: Record<string, ort.Tensor>,
  labels: ort.Tensor,
  looped: boolean,
): Promise<Run> {
  const step = buildTrainingStep(proto, opts);
  const loop = looped ? loopTrainingStep(step, 3) : undefined;
  const session = await ort.InferenceSession.create(encodeModel(loop?.model ?? step.model), { intraOpNumThreads: 1 });
  let state: Record<string, ort.Tensor> = {};
  for (const [name, d] of Object.entries(step.initialState)) state[name] = toOrtTensor(d);
  const losses: number[] = [];
  const feedback = loop?.feedback ?? step.feedback;
  for (let k = 0; k < (loop ? 1 : 3); k++) {
    const out = await session.run({ ...batch, [step.labelInput]: labels, ...state });
    const loss = out[loop?.lossOutput ?? step.lossOutput].data;
    if (loss instanceof Float32Array) losses.push(...loss);
    const next: Record<string, ort.Tensor> = {};
    for (const [o, i] of Object.entries(feedback)) next[i] = out[o];
    state = next;
  }
  await session.release();
  const params: Run['params'] = {};
  for (const p of step.parameterNames) {
    const d = state[p].data;
    if (d instanceof Float32Array) params[p] = { dims: state[p].dims, data: d };
  }
  return { losses, params };
}

function expectSame(a: Run, b: Run): void {
  expect(a.losses).toHaveLength(3);
  a.losses.forEach((l, i) => expect(Math.abs(l - b.losses[i])).toBeLessThan(1e-6 + 1e-5 * Math.abs(l)));
  expect(Object.keys(a.params).sort()).toEqual(Object.keys(b.params).sort());
  for (const [name, p] of Object.entries(a.params)) {
    const q = b.params[name].data;
    expect(q).toHaveLength(p.data.length);
    const worst = p.data.reduce((m, v, i) => Math.max(m, Math.abs(q[i] - v) - 1e-5 * Math.abs(v)), 0);
    expect(worst).toBeLessThan(1e-6);
  }
}

/** Names of graph outputs written by a Reshape (a copy in onnxruntime). */
function reshapedOutputs(m: ModelProto): string[] {
  const outs = new Set((m.graph?.output ?? []).map((o) => o.name ?? ''));
  return (m.graph?.node ?? [])
    .filter((n) => n.opType === 'Reshape' && outs.has(n.output?.[0] ?? ''))
    .map((n) => n.output?.[0] ?? '');
}

const dimsOf = (m: ModelProto, name: string): number[] =>
  (m.graph?.input?.find((v) => v.name === name)?.type?.tensorType?.shape?.dim ?? []).map((d) => Number(d.dimValue));

describe('parameters stored in the layout their update writes', () => {
  it('no optimizer writes a parameter or state output through a Reshape (a copy per step)', () => {
    for (const optimizer of ['sgd', 'momentum', 'rmsprop', 'adam'] as const) {
      for (const [proto, loss] of [
        [buildCnn(), 'cross-entropy'],
        [buildClassifier(), 'bce'],
      ] as const) {
        const step = buildTrainingStep(proto, { loss, optimizer, learningRate: 0.01, dims: { N: 2 } });
        expect({ optimizer, model: proto.graph?.name, copies: reshapedOutputs(step.model) }).toEqual({
          optimizer,
          model: proto.graph?.name,
          copies: [],
        });
      }
    }
  });

  it('sgd on a CNN: Conv kernels are stored as [M, C·kh·kw] and train exactly as in the model layout', async () => {
    const proto = buildCnn();
    const opts: TrainingStepOptions = { loss: 'cross-entropy', optimizer: 'sgd', learningRate: 0.05, dims: { N: 2 } };
    const step = buildTrainingStep(proto, opts);
    const old = buildTrainingStep(proto, { ...opts, formulations: { modelLayout: true } });
    const kernels = (proto.graph?.initializer ?? []).filter((t) => (t.dims ?? []).length === 4);
    expect(kernels.length).toBeGreaterThan(0);
    for (const k of kernels) {
      const name = k.name ?? '';
      const [m, ...rest] = (k.dims ?? []).map(Number);
      const stored = [m, rest.reduce((a, b) => a * b, 1)];
      expect(dimsOf(step.model, name)).toEqual(stored);
      expect(step.initialState[name].dims).toEqual(stored);
      expect(step.parameterDims[name]).toEqual([m, ...rest]);
      expect(dimsOf(old.model, name)).toEqual([m, ...rest]);
      expect(old.initialState[name].dims).toEqual([m, ...rest]);
    }
    expect(reshapedOutputs(step.model)).toEqual([]);
    expect(reshapedOutputs(old.model).length).toBe(kernels.length);

    const x = Float32Array.from({ length: 2 * 28 * 28 }, (_, i) => Math.sin(i * 12.9898) * 0.5);
    const batch = { [step.batchInputs[0].name]: new ort.Tensor('float32', x, [2, 1, 28, 28]) };
    const labels = new ort.Tensor('int64', BigInt64Array.from([3n, 7n]), [2]);
    for (const looped of [false, true]) {
      const a = await train(proto, opts, batch, labels, looped);
      const b = await train(proto, { ...opts, formulations: { modelLayout: true } }, batch, labels, looped);
      expectSame(a, b);
      // The steps moved the kernels (a no-op update would match trivially).
      const k0 = step.initialState[kernels[0].name ?? ''].data;
      const moved = a.params[kernels[0].name ?? ''].data.reduce((m, v, i) => Math.max(m, Math.abs(v - Number(k0[i]))), 0);
      expect(moved).toBeGreaterThan(1e-5);
    }
  });

  it('adam on the classifier: the large weight is stored as a row [1, n] and trains exactly as in the model layout', async () => {
    const proto = buildClassifier();
    const opts: TrainingStepOptions = { loss: 'bce', optimizer: 'adam', learningRate: 0.01, dims: { N: 8 } };
    const step = buildTrainingStep(proto, opts);
    // fc1.weight (128 × 784) is over the flat-state threshold: its own row update.
    expect(dimsOf(step.model, 'fc1.weight')).toEqual([1, 128 * 784]);
    expect(step.initialState['fc1.weight'].dims).toEqual([1, 128 * 784]);
    expect(step.parameterDims['fc1.weight']).toEqual([128, 784]);
    // The small tensors share the flat update and keep their dims.
    expect(dimsOf(step.model, 'fc2.weight')).toEqual([64, 128]);
    expect(reshapedOutputs(step.model)).toEqual([]);

    const x = Float32Array.from({ length: 8 * 784 }, (_, i) => Math.sin(i * 0.731) * 0.8);
    const batch = { x: new ort.Tensor('float32', x, [8, 784]) };
    const labels = new ort.Tensor('float32', Float32Array.from([1, 0, 0, 1, 1, 0, 1, 0]), [8, 1]);
    for (const looped of [false, true]) {
      const a = await train(proto, opts, batch, labels, looped);
      expect(a.params['fc1.weight'].dims).toEqual([1, 128 * 784]);
      const b = await train(proto, { ...opts, formulations: { modelLayout: true } }, batch, labels, looped);
      expect(b.params['fc1.weight'].dims).toEqual([128, 784]);
      expectSame(a, b);
    }
  });
});
