/**
 * The builder's edges: unsupported ops (exit code 2, every node listed, what to do), older
 * opsets brought forward, training-mode semantics (BatchNormalization statistics, Dropout
 * masks), the projection of a full training run.
 */
import { describe, expect, it } from '@jest/globals';
import * as ort from 'onnxruntime-node';
import { DataType, encodeModel } from '../../src/model/onnx.js';
import { floatTensor, model, node, valueInfo } from '../../src/model/builder.js';
import { buildTrainingStep, projectTraining, type TrainingStepOptions } from '../../src/train/index.js';
import { differentiateModel } from '../../src/train/autodiff.js';
import { EnergyBudgetError, InputError, exitCodeOf } from '../../src/errors.js';
import { createRng } from '../../src/util/random.js';
import { loadModel } from '../../src/model/load.js';
import { fileURLToPath } from 'node:url';
import { gradCheck } from './gradcheck.js';

function mlpWith(ops: Array<{ op: string; domain?: string; name: string }>) {
  const rng = createRng(1);
  const nodes = [node('Gemm', ['x', 'w1', 'b1'], ['h0'], { transB: 1 }, 'fc1')];
  let last = 'h0';
  ops.forEach((o, i) => {
    nodes.push(node(o.op, [last], [`h${i + 1}`], {}, o.name, o.domain));
    last = `h${i + 1}`;
  });
  nodes.push(node('Gemm', [last, 'w2', 'b2'], ['y'], { transB: 1 }, 'fc2'));
  return model(
    {
      name: 'mlp',
      node: nodes,
      initializer: [
        floatTensor(
          'w1',
          [4, 3],
          Array.from({ length: 12 }, () => rng.normal()),
        ),
        floatTensor('b1', [4], [0, 0, 0, 0]),
        floatTensor(
          'w2',
          [2, 4],
          Array.from({ length: 8 }, () => rng.normal()),
        ),
        floatTensor('b2', [2], [0, 0]),
      ],
      input: [valueInfo('x', DataType.FLOAT, ['N', 3])],
      output: [valueInfo('y', DataType.FLOAT, ['N', 2])],
    },
    { opset: 17, extraOpsets: [{ domain: 'com.microsoft', version: 1 }] },
  );
}

describe('unsupported ops', () => {
  const proto = mlpWith([
    { op: 'Softsign', name: 'softsign' },
    { op: 'Relu', name: 'relu' },
    { op: 'FastGelu', domain: 'com.microsoft', name: 'fast_gelu' },
  ]);

  it('lists every node without a gradient by type and name, with what to do instead (exit code 2)', () => {
    let error: unknown;
    try {
      buildTrainingStep(proto, { loss: 'mse', optimizer: 'sgd', learningRate: 0.1 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as EnergyBudgetError).code).toBe('UNSUPPORTED_OP');
    expect(exitCodeOf(error)).toBe(2);
    const message = (error as Error).message;
    expect(message).toMatch(/2 nodes between the trainable parameters and the loss/);
    expect(message).toMatch(/Softsign node "softsign": no gradient for this op type/);
    expect(message).toMatch(/com\.microsoft\.FastGelu node "fast_gelu"/);
    expect(message).not.toMatch(/Relu node "relu"/);
    expect(message).toMatch(/freeze the parameters before these nodes/);
    expect(message).toMatch(/bring your own training-step model/);
    expect(message).toMatch(/Ops with gradients: .*Gemm.*MatMul/);
  });

  it('trains a real nn.LSTM export once its sequence length is known (the LSTM nodes unrolled)', async () => {
    const loaded = await loadModel(fileURLToPath(new URL('../fixtures/models/torch/lstm-state.onnx', import.meta.url)));
    const step = buildTrainingStep(loaded.proto, { loss: 'mse', optimizer: 'sgd', learningRate: 0.1, dims: { T: 3, N: 2 } });
    const ops = new Set((step.model.graph?.node ?? []).map((n) => n.opType));
    expect(ops.has('LSTM')).toBe(false);
    expect(ops.has('Sigmoid') && ops.has('Tanh') && ops.has('MatMul')).toBe(true);
    expect(step.parameterNames.length).toBeGreaterThan(0);
  });

  it('unrolls a batch-first LSTM (layout 1) to the same values and gradients as the time-major one', async () => {
    // onnxruntime has no layout-1 kernel, so the reference is layout 0 on the transposed batch.
    const rng = createRng(41);
    const vals = (n: number): number[] => Array.from({ length: n }, () => rng.normal() * 0.5);
    const weights = [
      floatTensor('w', [1, 12, 2], vals(24)),
      floatTensor('r', [1, 12, 3], vals(36)),
      floatTensor('b', [1, 24], vals(24)),
    ];
    const proj = floatTensor('proj', [2, 4, 1, 3], vals(24));
    const tail = [node('Mul', ['yb', 'proj'], ['py']), node('ReduceSum', ['py'], ['loss'], { keepdims: 0 })];
    const io = { input: [valueInfo('x', DataType.FLOAT, [2, 4, 2])], output: [valueInfo('loss', DataType.FLOAT, [])] };
    const batchFirst = model({
      name: 'bf',
      node: [node('LSTM', ['x', 'w', 'r', 'b'], ['yb', 'hb'], { hidden_size: 3, layout: 1 }), ...tail],
      initializer: [...weights, proj],
      ...io,
    });
    const timeMajor = model({
      name: 'tm',
      node: [
        node('Transpose', ['x'], ['xt'], { perm: [1, 0, 2] }),
        node('LSTM', ['xt', 'w', 'r', 'b'], ['yt'], { hidden_size: 3 }),
        node('Transpose', ['yt'], ['yb'], { perm: [2, 0, 1, 3] }),
        ...tail,
      ],
      initializer: [...weights, proj],
      ...io,
    });
    const x = new ort.Tensor('float32', Float32Array.from(vals(16)), [2, 4, 2]);
    const native = await ort.InferenceSession.create(encodeModel(timeMajor));
    const expected = ((await native.run({ x })).loss.data as Float32Array)[0];
    await native.release();
    const run = async (m: typeof timeMajor): Promise<Record<string, ort.OnnxValue>> => {
      const d = differentiateModel(m, { loss: 'loss', wrt: ['w', 'r', 'b'] });
      const s = await ort.InferenceSession.create(encodeModel(d.model));
      const out = await s.run({ x });
      await s.release();
      return Object.fromEntries(['loss', 'w', 'r', 'b'].map((k) => [k, out[k === 'loss' ? 'loss' : d.gradients[k]]]));
    };
    const [bf, tm] = [await run(batchFirst), await run(timeMajor)];
    expect(Math.abs(((bf.loss as ort.Tensor).data as Float32Array)[0] - expected)).toBeLessThan(1e-5 * (1 + Math.abs(expected)));
    for (const k of ['w', 'r', 'b']) {
      const a = (bf[k] as ort.Tensor).data as Float32Array;
      const b = (tm[k] as ort.Tensor).data as Float32Array;
      a.forEach((v, i) => expect(Math.abs(v - b[i])).toBeLessThan(1e-5 * (1 + Math.abs(b[i]))));
    }
  });

  it('refuses an LSTM it cannot unroll (exit code 2), saying why and how to export it instead', async () => {
    const loaded = await loadModel(fileURLToPath(new URL('../fixtures/models/torch/lstm-state.onnx', import.meta.url)));
    let error: unknown;
    try {
      // No dims: the sequence length T is unknown when the step is built.
      buildTrainingStep(loaded.proto, { loss: 'mse', optimizer: 'sgd', learningRate: 0.1 });
    } catch (e) {
      error = e;
    }
    expect(exitCodeOf(error)).toBe(2);
    expect((error as EnergyBudgetError).code).toBe('UNSUPPORTED_OP');
    expect((error as Error).message).toMatch(
      /LSTM node "[^"]*": cannot be unrolled for training: the sequence length is not known .*nn\.LSTMCell/,
    );
    const clipped = model({
      name: 'clipped',
      node: [node('LSTM', ['x', 'w', 'r'], ['y'], { hidden_size: 2, clip: 3.5 })],
      initializer: [
        floatTensor(
          'w',
          [1, 8, 3],
          Array.from({ length: 24 }, (_, i) => i / 24),
        ),
        floatTensor(
          'r',
          [1, 8, 2],
          Array.from({ length: 16 }, (_, i) => i / 16),
        ),
      ],
      input: [valueInfo('x', DataType.FLOAT, [4, 1, 3])],
      output: [valueInfo('y', DataType.FLOAT, [4, 1, 1, 2])],
    });
    expect(() => buildTrainingStep(clipped, { loss: 'mse', optimizer: 'sgd', learningRate: 0.1 })).toThrow(
      /LSTM node "y": cannot be unrolled for training: clip 3\.5 is not supported/,
    );
  });

  it('trains weights held in Constant nodes (opset-9 export) and freezes them by the Constant output name', async () => {
    const loaded = await loadModel(fileURLToPath(new URL('../fixtures/train-torch/opset9-constants.onnx', import.meta.url)));
    const opts: TrainingStepOptions = { loss: 'cross-entropy', optimizer: 'sgd', learningRate: 0.1, batchShapes: { x: [4, 6] } };
    const all = buildTrainingStep(loaded.proto, opts);
    expect(all.parameterNames.sort()).toEqual(['fc1.bias', 'fc1.weight', 'fc2.bias', 'fc2.weight']);
    expect(all.notes.join('\n')).toMatch(/4 weight tensors stored in Constant nodes .*training\.freeze/);
    const frozen = buildTrainingStep(loaded.proto, { ...opts, freeze: ['fc1.*'] });
    expect(frozen.parameterNames.sort()).toEqual(['fc2.bias', 'fc2.weight']);
    expect(frozen.frozen.sort()).toEqual(['fc1.bias', 'fc1.weight']);
  });

  it('builds once the parameters before the unsupported nodes are frozen', () => {
    const step = buildTrainingStep(proto, { loss: 'mse', optimizer: 'sgd', learningRate: 0.1, freeze: ['w1', 'b1'] });
    expect(step.parameterNames).toEqual(['w2', 'b2']);
    expect(step.model.opsetImport).toContainEqual({ domain: 'com.microsoft', version: 1 });
  });

  it('explains an unsupported attribute (MaxPool with column-major indices)', () => {
    const pool = model({
      name: 'pooled',
      node: [
        node('Conv', ['x', 'w'], ['c'], { group: 2 }, 'depthwise'),
        node('MaxPool', ['c'], ['y'], { kernel_shape: [2, 2], storage_order: 1 }, 'pool'),
      ],
      initializer: [floatTensor('w', [2, 1, 3, 3], new Array<number>(18).fill(0.1))],
      input: [valueInfo('x', DataType.FLOAT, [1, 2, 5, 5])],
      output: [valueInfo('y', DataType.FLOAT, [1, 2, 2, 2])],
    });
    expect(() => buildTrainingStep(pool, { loss: 'mse', optimizer: 'sgd', learningRate: 0.1 })).toThrow(
      /one node .*\n {2}MaxPool node "pool": storage_order = 1 \(column-major indices\)\n/,
    );
  });

  it('rejects an unknown output and a model without trainable parameters', () => {
    const p = mlpWith([{ op: 'Relu', name: 'r' }]);
    expect(() => buildTrainingStep(p, { loss: 'mse', optimizer: 'sgd', learningRate: 0.1, output: 'nope' })).toThrow(
      /no output named "nope".*"y"/,
    );
    expect(() => buildTrainingStep(p, { loss: 'mse', optimizer: 'sgd', learningRate: 0.1, freeze: ['*'] })).toThrow(
      /no trainable parameters/,
    );
  });

  it('rejects opsets it cannot read', () => {
    const p = { ...mlpWith([]), opsetImport: [{ domain: '', version: 6 }] };
    expect(() => buildTrainingStep(p, { loss: 'mse', optimizer: 'sgd', learningRate: 0.1 })).toThrow(/opset 6.*opset_version=17/);
  });
});

describe('older opsets', () => {
  it('opset 11: Softmax on axis 1 of a 3-D tensor keeps its flatten semantics; Dropout ratio attribute, Squeeze axes attribute', async () => {
    await gradCheck({
      nodes: [
        node('Softmax', ['x'], ['s'], { axis: 1 }),
        node('Dropout', ['s'], ['d'], { ratio: { f: 0 } }),
        node('Unsqueeze', ['d'], ['u'], { axes: [0] }),
        node('Squeeze', ['u'], ['y'], { axes: [0] }),
      ],
      inputs: { x: { dims: [2, 3, 4] } },
      output: 'y',
      wrt: ['x'],
      dtype: 'float64',
      seed: 11,
      opset: 11,
    });
  });

  it('writes the step at opset 18 for an opset-11 model', () => {
    const p = { ...mlpWith([{ op: 'Relu', name: 'r' }]), opsetImport: [{ domain: '', version: 11 }] };
    const step = buildTrainingStep(p, { loss: 'mse', optimizer: 'sgd', learningRate: 0.1 });
    expect(step.model.opsetImport?.[0]).toEqual({ domain: '', version: 18 });
  });

  it('opset 13: ReduceMean/ReduceMax axes attributes and an equal Split without sizes, brought to opset 18', async () => {
    await gradCheck({
      nodes: [
        node('Split', ['x'], ['a', 'b'], { axis: 2 }),
        node('Mul', ['a', 'b'], ['m']),
        node('ReduceMean', ['m'], ['r'], { axes: [1], keepdims: 1 }),
        node('ReduceMax', ['m'], ['q'], { axes: [-1], keepdims: 1 }),
        node('Add', ['r', 'q'], ['y']),
      ],
      inputs: { x: { dims: [2, 3, 4] } },
      output: 'y',
      wrt: ['x'],
      dtype: 'float64',
      seed: 13,
      opset: 13,
    });
  });
});

describe('training-mode semantics', () => {
  it('does not list BatchNormalization running statistics as kept fixed: they are updated (#26 item 10)', () => {
    const proto = model({
      name: 'bn',
      node: [node('BatchNormalization', ['x', 's', 'b', 'm', 'v'], ['y'], { epsilon: 1e-5, momentum: 0.9 })],
      initializer: [
        floatTensor('s', [2], [2, 1]),
        floatTensor('b', [2], [0.5, 0]),
        floatTensor('m', [2], [1, -1]),
        floatTensor('v', [2], [4, 9]),
      ],
      input: [valueInfo('x', DataType.FLOAT, [4, 2])],
      output: [valueInfo('y', DataType.FLOAT, [4, 2])],
    });
    const step = buildTrainingStep(proto, { loss: 'mse', optimizer: 'sgd', learningRate: 0.1 });
    expect(step.parameterNames.sort()).toEqual(['b', 's']);
    expect(step.stateInputs).toEqual(expect.arrayContaining(['m', 'v']));
    expect(step.frozen).toEqual([]);
  });

  it('BatchNormalization normalises with the batch statistics and updates running ones (ONNX formulas)', async () => {
    const x = [1, 2, 3, 4, 10, 20, 30, 40]; // [N=4, C=2]: channel 0 = 1,3,10,30; channel 1 = 2,4,20,40
    const proto = model({
      name: 'bn',
      node: [node('BatchNormalization', ['x', 's', 'b', 'm', 'v'], ['y'], { epsilon: 1e-5, momentum: 0.9 })],
      initializer: [
        floatTensor('s', [2], [2, 1]),
        floatTensor('b', [2], [0.5, 0]),
        floatTensor('m', [2], [1, -1]),
        floatTensor('v', [2], [4, 9]),
      ],
      input: [valueInfo('x', DataType.FLOAT, [4, 2])],
      output: [valueInfo('y', DataType.FLOAT, [4, 2])],
    });
    const { model: m } = differentiateModel(proto, { loss: 'y', wrt: ['s'] });
    const session = await ort.InferenceSession.create(encodeModel(m));
    const out = await session.run({ x: new ort.Tensor('float32', Float32Array.from(x), [4, 2]) });
    const y = out.y.data as Float32Array;
    for (const c of [0, 1]) {
      const col = [0, 1, 2, 3].map((i) => x[i * 2 + c]);
      const mu = col.reduce((a, b) => a + b, 0) / 4;
      const variance = col.reduce((a, b) => a + (b - mu) ** 2, 0) / 4;
      const [scale, bias] = c === 0 ? [2, 0.5] : [1, 0];
      col.forEach((v, i) => expect(y[i * 2 + c]).toBeCloseTo((scale * (v - mu)) / Math.sqrt(variance + 1e-5) + bias, 4));
      const newMean = (out.m_new.data as Float32Array)[c];
      const newVar = (out.v_new.data as Float32Array)[c];
      expect(newMean).toBeCloseTo(0.9 * (c === 0 ? 1 : -1) + 0.1 * mu, 4);
      expect(newVar).toBeCloseTo(0.9 * (c === 0 ? 4 : 9) + 0.1 * variance, 3);
    }
    await session.release();
  });

  it('Dropout drops with its mask in training and scales the kept values and their gradient by 1/(1 − ratio)', async () => {
    const proto = model({
      name: 'dropout',
      node: [node('Dropout', ['x', 'ratio'], ['y', 'mask'])],
      initializer: [floatTensor('ratio', [], [0.5])],
      input: [valueInfo('x', DataType.FLOAT, [200])],
      output: [valueInfo('y', DataType.FLOAT, [200]), valueInfo('mask', DataType.BOOL, [200])],
    });
    const { model: m, gradients } = differentiateModel(proto, { loss: 'y', wrt: ['x'] });
    m.graph!.output!.push(valueInfo('mask', DataType.BOOL, [200]));
    const session = await ort.InferenceSession.create(encodeModel(m));
    const x = Float32Array.from({ length: 200 }, (_, i) => 1 + i / 100);
    const out = await session.run({ x: new ort.Tensor('float32', x, [200]) });
    const mask = out.mask.data as Uint8Array;
    const y = out.y.data as Float32Array;
    const g = out[gradients.x].data as Float32Array;
    const kept = Array.from(mask).filter(Boolean).length;
    expect(kept).toBeGreaterThan(60); // ~100 of 200 kept with ratio 0.5
    expect(kept).toBeLessThan(140);
    for (let i = 0; i < 200; i++) {
      expect(y[i]).toBeCloseTo(mask[i] ? x[i] * 2 : 0, 5);
      expect(g[i]).toBeCloseTo(mask[i] ? 2 : 0, 6);
    }
    await session.release();
  });
});

describe('projection of a full training run', () => {
  it('scales the energy of one step to dataset size × epochs, in J, kWh and gCO2e', () => {
    // 60,000 samples / 32 per batch = 1,875 steps per epoch; ×10 epochs = 18,750 steps.
    const p = projectTraining({
      joulesPerStep: 0.02,
      batchSize: 32,
      datasetSize: 60000,
      epochs: 10,
      carbonIntensityGPerKWh: 400,
    });
    expect(p.steps).toBe(18750);
    expect(p.joules).toBeCloseTo(375, 9);
    expect(p.kWh).toBeCloseTo(375 / 3.6e6, 15);
    expect(p.gCO2e).toBeCloseTo((375 / 3.6e6) * 400, 12);
  });

  it('counts a last partial batch as a full step', () => {
    expect(
      projectTraining({ joulesPerStep: 1, batchSize: 32, datasetSize: 33, epochs: 1, carbonIntensityGPerKWh: 0 }).steps,
    ).toBe(2);
  });

  it('rejects impossible sizes with the field names', () => {
    expect(() =>
      projectTraining({ joulesPerStep: 1, batchSize: 0, datasetSize: 10, epochs: -1, carbonIntensityGPerKWh: 1 }),
    ).toThrow(/batchSize = 0, epochs = -1/);
  });
});
