/**
 * Several steps per call (an ONNX Loop around the step): the same losses and final
 * parameters as one step per call, and the loop counts, times and reports per step.
 */
import { describe, expect, it } from '@jest/globals';
import * as ort from 'onnxruntime-node';
import { encodeModel } from '../../src/model/onnx.js';
import { buildClassifier } from '../../src/model/examples.js';
import { buildTrainingStep, synthesizeLabels } from '../../src/train/index.js';
import { loopTrainingStep } from '../../src/train/loop.js';
import { runTrainingBenchmark, toOrtTensor } from '../../src/train/runner.js';
import { createRng } from '../../src/util/random.js';

describe('steps per call (Loop)', () => {
  const step = buildTrainingStep(buildClassifier({ hidden1: 16 }), {
    loss: 'bce',
    optimizer: 'adam',
    learningRate: 1e-2,
    dims: { N: 8 },
  });
  const rng = createRng(5);
  const feeds = (): Record<string, ort.Tensor> => {
    const f: Record<string, ort.Tensor> = {
      x: new ort.Tensor(
        'float32',
        Float32Array.from({ length: 8 * 784 }, () => rng.normal()),
        [8, 784],
      ),
      labels: toOrtTensor(synthesizeLabels('bce', 'float32', [8, 1], 3)),
    };
    for (const [name, d] of Object.entries(step.initialState)) f[name] = toOrtTensor(d);
    return f;
  };

  it('gives the losses of one step per call, and per-step figures', async () => {
    const f = feeds();
    const looped = loopTrainingStep(step, 5);
    expect(looped.model.graph?.node?.map((n) => n.opType)).toEqual(['Loop']);
    const one = await ort.InferenceSession.create(encodeModel(step.model));
    const many = await ort.InferenceSession.create(encodeModel(looped.model));
    let now = 0n;
    const clockNs = (): bigint => (now += 10_000_000n); // 10 ms per reading
    const a = await runTrainingBenchmark(one, f, step.feedback, { steps: 10, warmup: 5 }, { clockNs });
    const b = await runTrainingBenchmark(
      many,
      f,
      looped.feedback,
      { steps: 10, warmup: 5, lossOutput: looped.lossOutput, stepsPerCall: 5 },
      { clockNs },
    );
    expect(b.losses).toHaveLength(15);
    b.losses.forEach((l, k) => expect(l).toBeCloseTo(a.losses[k], 5));
    expect(b.steps).toBe(10);
    expect(b.stepMs).toEqual(new Array(10).fill(2)); // one 10 ms call per 5 steps
    expect(b.preallocated).toBe(true);
    await one.release();
    await many.release();
  });

  it('rounds the timed steps up to whole calls and rejects a bad count', async () => {
    const looped = loopTrainingStep(step, 4);
    const s = await ort.InferenceSession.create(encodeModel(looped.model));
    const res = await runTrainingBenchmark(
      s,
      feeds(),
      looped.feedback,
      { steps: 6, warmup: 0, stepsPerCall: 4 },
      { clockNs: process.hrtime.bigint },
    );
    expect(res.steps).toBe(8);
    expect(res.losses).toHaveLength(12);
    expect(() => loopTrainingStep(step, 0)).toThrow(/steps per call must be an integer >= 1/);
    await s.release();
  });
});
