/**
 * End to end: training steps built from the example models learn synthetic tasks in real
 * onnxruntime; the step model's interface (inputs, outputs, feedback, initial state).
 */
import { describe, expect, it } from '@jest/globals';
import * as ort from 'onnxruntime-node';
import { DataType, encodeModel, type ModelProto } from '../../src/model/onnx.js';
import { floatTensor, model, node, valueInfo } from '../../src/model/builder.js';
import { buildClassifier, buildCnn } from '../../src/model/examples.js';
import { buildTrainingStep, type TrainingStep, type TrainingStepOptions } from '../../src/train/index.js';
import { toOrtTensor } from '../../src/train/runner.js';
import { createRng, type Rng } from '../../src/util/random.js';

function normals(rng: Rng, n: number, scale = 1): Float32Array {
  return Float32Array.from({ length: n }, () => rng.normal() * scale);
}

/** Trains with a different batch each step (cycling through `batches`); returns the losses. */
async function train(
  step: TrainingStep,
  batches: Array<Record<string, ort.Tensor>>,
  steps: number,
): Promise<{ losses: number[]; params: Record<string, ort.Tensor> }> {
  const session = await ort.InferenceSession.create(encodeModel(step.model), { intraOpNumThreads: 1 });
  let state: Record<string, ort.Tensor> = {};
  for (const [name, d] of Object.entries(step.initialState)) state[name] = toOrtTensor(d);
  const losses: number[] = [];
  for (let k = 0; k < steps; k++) {
    const out = await session.run({ ...batches[k % batches.length], ...state });
    losses.push(Number((out[step.lossOutput].data as Float32Array)[0]));
    const next: Record<string, ort.Tensor> = {};
    for (const [o, i] of Object.entries(step.feedback)) next[i] = out[o] as ort.Tensor;
    state = next;
  }
  await session.release();
  return { losses, params: state };
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The inference model with its initializers replaced by trained values. */
function withParams(proto: ModelProto, params: Record<string, ort.Tensor>): ModelProto {
  const graph = proto.graph ?? {};
  return {
    ...proto,
    graph: {
      ...graph,
      initializer: (graph.initializer ?? []).map((t) => {
        const p = params[t.name ?? ''];
        return p ? floatTensor(t.name ?? '', t.dims ?? [], p.data as Float32Array) : t;
      }),
    },
  };
}

describe('training the example classifier (784→128→64→1)', () => {
  it('halves the bce loss within 200 Adam steps on a learnable task, and generalises', async () => {
    // Task: label = [σ(w·x) > 0.5] = [w·x > 0] for a fixed random w; a fresh batch of 32 every
    // step (so the loss falls by learning the rule, not by memorising a batch); a held-out set
    // of 256 scores the trained weights. Seeded: loss ≈ 0.96 → 0.33, held-out accuracy ≈ 0.85.
    const rng = createRng(4242);
    const w = normals(rng, 784);
    const sample = (n: number): { x: Float32Array; y: Float32Array } => {
      const x = normals(rng, n * 784);
      const y = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        let dot = 0;
        for (let j = 0; j < 784; j++) dot += w[j] * x[i * 784 + j];
        y[i] = dot > 0 ? 1 : 0;
      }
      return { x, y };
    };
    const proto = buildClassifier();
    const step = buildTrainingStep(proto, { loss: 'bce', optimizer: 'adam', learningRate: 1e-3, dims: { N: 32 } });
    expect(step.parameterNames).toEqual(['fc1.weight', 'fc1.bias', 'fc2.weight', 'fc2.bias', 'fc3.weight', 'fc3.bias']);
    const batches = Array.from({ length: 200 }, () => {
      const { x, y } = sample(32);
      return { x: new ort.Tensor('float32', x, [32, 784]), [step.labelInput]: new ort.Tensor('float32', y, [32, 1]) };
    });
    const { losses, params } = await train(step, batches, 200);
    const first = mean(losses.slice(0, 5));
    const last = mean(losses.slice(-10));
    expect(last).toBeLessThan(first / 2);

    // Held out: the trained weights in the original inference model classify unseen samples.
    const test = sample(256);
    const session = await ort.InferenceSession.create(encodeModel(withParams(proto, params)));
    const out = await session.run({ x: new ort.Tensor('float32', test.x, [256, 784]) });
    const p = out.y.data as Float32Array;
    const accuracy = mean(Array.from(p, (v, i) => ((v > 0.5 ? 1 : 0) === test.y[i] ? 1 : 0)));
    expect(accuracy).toBeGreaterThan(0.75);
    await session.release();
  });
});

describe('training the example CNN (Conv/ReLU/MaxPool ×2, Gemm → 10 logits)', () => {
  it('lowers the cross-entropy loss with Adam', async () => {
    // Task: class = argmax of 10 fixed random projections of the image.
    const rng = createRng(99);
    const proj = normals(rng, 10 * 784);
    const batches = Array.from({ length: 4 }, () => {
      const x = normals(rng, 16 * 784);
      const labels = new BigInt64Array(16);
      for (let i = 0; i < 16; i++) {
        let best = 0;
        let bestV = -Infinity;
        for (let c = 0; c < 10; c++) {
          let v = 0;
          for (let j = 0; j < 784; j++) v += proj[c * 784 + j] * x[i * 784 + j];
          if (v > bestV) {
            bestV = v;
            best = c;
          }
        }
        labels[i] = BigInt(best);
      }
      return { x: new ort.Tensor('float32', x, [16, 1, 28, 28]), labels: new ort.Tensor('int64', labels, [16]) };
    });
    const step = buildTrainingStep(buildCnn(), {
      loss: 'cross-entropy',
      optimizer: 'adam',
      learningRate: 2e-3,
      batchShapes: { x: [16, 1, 28, 28] },
    });
    expect(step.labelInput).toBe('labels');
    expect(step.label).toEqual({ dtype: 'int64', shape: [16], classes: 10 });
    const { losses } = await train(step, batches, 40);
    expect(mean(losses.slice(-5))).toBeLessThan(mean(losses.slice(0, 4)) * 0.7);
  });
});

describe('a CNN with BatchNormalization, Dropout, AveragePool, GlobalAveragePool and LeakyRelu', () => {
  function smallNet(): ModelProto {
    const rng = createRng(7);
    return model({
      name: 'bn_net',
      node: [
        node('Conv', ['x', 'c1.w', 'c1.b'], ['c1'], { pads: [1, 1, 1, 1] }),
        node('BatchNormalization', ['c1', 'bn.scale', 'bn.bias', 'bn.mean', 'bn.var'], ['b1'], { momentum: 0.8 }),
        node('LeakyRelu', ['b1'], ['r1'], { alpha: 0.1 }),
        node('AveragePool', ['r1'], ['p1'], { kernel_shape: [2, 2], strides: [2, 2] }),
        node('Dropout', ['p1', 'ratio'], ['d1']),
        node('Conv', ['d1', 'c2.w'], ['c2']),
        node('GlobalAveragePool', ['c2'], ['g']),
        node('Flatten', ['g'], ['f']),
        node('Softmax', ['f'], ['probs'], { axis: 1 }),
      ],
      initializer: [
        floatTensor('c1.w', [6, 3, 3, 3], normals(rng, 162, 0.3)),
        floatTensor('c1.b', [6], normals(rng, 6, 0.1)),
        floatTensor('bn.scale', [6], new Array<number>(6).fill(1)),
        floatTensor('bn.bias', [6], new Array<number>(6).fill(0)),
        floatTensor('bn.mean', [6], new Array<number>(6).fill(0)),
        floatTensor('bn.var', [6], new Array<number>(6).fill(1)),
        floatTensor('ratio', [], [0.1]),
        floatTensor('c2.w', [4, 6, 3, 3], normals(rng, 216, 0.3)),
      ],
      input: [valueInfo('x', DataType.FLOAT, ['N', 3, 8, 8])],
      output: [valueInfo('probs', DataType.FLOAT, ['N', 4])],
    });
  }

  it('trains, feeds the running statistics back, and takes the logits under the final Softmax', async () => {
    const step = buildTrainingStep(smallNet(), {
      loss: 'cross-entropy',
      optimizer: 'momentum',
      learningRate: 0.05,
      dims: { N: 8 },
    });
    expect(step.notes.join(' ')).toMatch(/input of the final Softmax/);
    expect(step.stateInputs).toEqual(expect.arrayContaining(['bn.mean', 'bn.var']));
    expect(Object.values(step.feedback)).toEqual(expect.arrayContaining(['bn.mean', 'bn.var', 'c1.w', 'c2.w']));
    expect(step.parameterNames).not.toContain('ratio');
    expect(step.model.graph?.node?.some((n) => n.opType === 'Softmax')).toBe(false);
    const rng = createRng(3);
    const batches = Array.from({ length: 2 }, (_, b) => ({
      x: new ort.Tensor('float32', normals(rng, 8 * 3 * 64), [8, 3, 8, 8]),
      labels: new ort.Tensor(
        'int64',
        BigInt64Array.from({ length: 8 }, (_, i) => BigInt((i + b) % 4)),
        [8],
      ),
    }));
    const session = await ort.InferenceSession.create(encodeModel(step.model));
    let state: Record<string, ort.Tensor> = {};
    for (const [name, d] of Object.entries(step.initialState)) state[name] = toOrtTensor(d);
    const losses: number[] = [];
    let firstMean: Float32Array | undefined;
    for (let k = 0; k < 60; k++) {
      const out = await session.run({ ...batches[k % 2], ...state });
      losses.push(Number((out.loss.data as Float32Array)[0]));
      const next: Record<string, ort.Tensor> = {};
      for (const [o, i] of Object.entries(step.feedback)) next[i] = out[o] as ort.Tensor;
      if (k === 0) firstMean = Float32Array.from(next['bn.mean'].data as Float32Array);
      state = next;
    }
    // running_mean = 0.8·0 + 0.2·(batch mean) after one step: no longer zero.
    expect(Array.from(firstMean as Float32Array).some((v) => Math.abs(v) > 1e-4)).toBe(true);
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(mean(losses.slice(-6))).toBeLessThan(mean(losses.slice(0, 6)) * 0.8);
    await session.release();
  });
});

describe('the step model interface', () => {
  const opts: TrainingStepOptions = { loss: 'bce', optimizer: 'adam', learningRate: 1e-3, dims: { N: 4 } };

  it('lists parameters, state, labels and a feedback entry for every fed-back output', () => {
    const step = buildTrainingStep(buildClassifier({ hidden1: 8 }), opts);
    const g = step.model.graph ?? {};
    const inputs = (g.input ?? []).map((v) => v.name);
    const outputs = (g.output ?? []).map((v) => v.name);
    expect(inputs).toEqual(['x', 'labels', ...step.parameterNames, ...step.stateInputs]);
    expect(step.stateInputs).toContain('train/state/step');
    // Multi-tensor apply: one flat buffer per moment over all parameters (8·784 + 8 + 8·64 + 64 + 64 + 1),
    // a row [1, n] (Adam's updates are Gemms with K = 1 over rows).
    expect(step.stateInputs).toEqual(['train/state/step', 'train/state/m', 'train/state/v']);
    expect(step.initialState['train/state/m'].dims).toEqual([1, 8 * 784 + 8 + 8 * 64 + 64 + 64 + 1]);
    expect(outputs[0]).toBe('loss');
    expect(Object.keys(step.feedback).sort()).toEqual(outputs.slice(1).sort());
    expect(Object.values(step.feedback).sort()).toEqual([...step.parameterNames, ...step.stateInputs].sort());
    // Parameters are inputs now, not initializers; every default-domain op, opset 18 (Col2Im).
    expect((g.initializer ?? []).some((t) => step.parameterNames.includes(t.name ?? ''))).toBe(false);
    expect(step.model.opsetImport).toEqual([{ domain: '', version: 18 }]);
    expect((g.node ?? []).every((n) => !n.domain)).toBe(true);
    expect(step.initialState['fc1.weight'].dims).toEqual([8, 784]);
    expect(step.batchInputs).toEqual([{ name: 'x', elemType: DataType.FLOAT, shape: [4, 784] }]);
    expect(step.label).toEqual({ dtype: 'float32', shape: [4, 1] });
  });

  it('keeps frozen parameters as initializers and computes no gradient before them', () => {
    const step = buildTrainingStep(buildClassifier({ hidden1: 8 }), { ...opts, freeze: ['fc1.*'] });
    expect(step.parameterNames).toEqual(['fc2.weight', 'fc2.bias', 'fc3.weight', 'fc3.bias']);
    expect(step.frozen).toEqual(['fc1.weight', 'fc1.bias']);
    const names = (step.model.graph?.initializer ?? []).map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['fc1.weight', 'fc1.bias']));
  });

  it('refuses freeze entries that match nothing, with the close name or the missing * (#26 item 8)', () => {
    const build = (freeze: string[]) => () => buildTrainingStep(buildClassifier({ hidden1: 8 }), { ...opts, freeze });
    expect(build(['fc1.wieght'])).toThrow(/training\.freeze: "fc1\.wieght" matches no initializer; did you mean "fc1\.weight"\?/);
    expect(build(['fc1.'])).toThrow(/"fc1\." matches no initializer; did you mean "fc1\.\*" \(a prefix needs its \*\)\?/);
    expect(build(['fc1.*', 'encoder.*'])).toThrow(
      /"encoder\.\*" matches no initializer\. Entries are initializer names.*fc1\.weight/,
    );
    expect(build(['fc1.*'])).not.toThrow();
  });

  it('writes models with symbolic batch sizes that run at any batch size', async () => {
    const step = buildTrainingStep(buildClassifier({ hidden1: 8 }), { ...opts, dims: undefined });
    const session = await ort.InferenceSession.create(encodeModel(step.model));
    for (const n of [1, 5]) {
      const feeds: Record<string, ort.Tensor> = {
        x: new ort.Tensor('float32', new Float32Array(n * 784).fill(0.1), [n, 784]),
        labels: new ort.Tensor('float32', new Float32Array(n).fill(1), [n, 1]),
      };
      for (const [name, d] of Object.entries(step.initialState)) feeds[name] = toOrtTensor(d);
      const out = await session.run(feeds);
      expect(Number.isFinite((out.loss.data as Float32Array)[0])).toBe(true);
    }
    await session.release();
  });
});
