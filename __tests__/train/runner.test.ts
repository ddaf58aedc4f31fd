/**
 * The training loop: bring-your-own step models, the output → input mapping checks, the
 * energy window around the timed steps, ping-pong buffers (no per-step allocation).
 */
import { describe, expect, it } from '@jest/globals';
import * as ort from 'onnxruntime-node';
import { DataType, encodeModel } from '../../src/model/onnx.js';
import { floatTensor, model, node, valueInfo } from '../../src/model/builder.js';
import { runTrainingBenchmark, type StepSession } from '../../src/train/runner.js';
import type { EnergyMeter, EnergyWindow, WindowToken } from '../../src/energy/types.js';
import { InputError } from '../../src/errors.js';

/**
 * A hand-written step model, as a user would bring: w ← w − lr·2(w − target), loss = (w − target)²
 * summed; a counter ← counter + 1 as extra state.
 */
function ownStep() {
  return model({
    name: 'own_step',
    node: [
      node('Sub', ['w', 'target'], ['diff']),
      node('Mul', ['diff', 'diff'], ['sq']),
      node('ReduceSum', ['sq'], ['loss_value'], { keepdims: 0 }),
      node('Mul', ['diff', 'two_lr'], ['step']),
      node('Sub', ['w', 'step'], ['w_next']),
      node('Add', ['count', 'one'], ['count_next']),
    ],
    initializer: [floatTensor('two_lr', [], [0.2]), floatTensor('one', [], [1])],
    input: [
      valueInfo('w', DataType.FLOAT, [3]),
      valueInfo('target', DataType.FLOAT, [3]),
      valueInfo('count', DataType.FLOAT, []),
    ],
    output: [
      valueInfo('loss_value', DataType.FLOAT, []),
      valueInfo('w_next', DataType.FLOAT, [3]),
      valueInfo('count_next', DataType.FLOAT, []),
    ],
  });
}

function feeds(): Record<string, ort.Tensor> {
  return {
    w: new ort.Tensor('float32', Float32Array.from([1, 2, 3]), [3]),
    target: new ort.Tensor('float32', Float32Array.from([0, 0, 0]), [3]),
    count: new ort.Tensor('float32', Float32Array.from([0]), []),
  };
}

class FakeMeter implements EnergyMeter {
  readonly method = 'estimate' as const;
  readonly description = 'fake meter: 1 J per window';
  windows = 0;
  async begin(): Promise<WindowToken> {
    return { startedAt: 0 };
  }
  async end(): Promise<EnergyWindow> {
    this.windows++;
    return { energyJ: 1, domainsJ: { fake: 1 }, durationS: 0.001, method: 'estimate', notes: [] };
  }
  async close(): Promise<void> {}
}

function clock(): () => bigint {
  let t = 0n;
  return () => (t += 2_000_000n); // 2 ms per reading
}

describe('bring your own training step', () => {
  it('runs a user step model with its mapping; losses follow the closed form; one energy window', async () => {
    const session = await ort.InferenceSession.create(encodeModel(ownStep()));
    const initial = feeds();
    const meter = new FakeMeter();
    const res = await runTrainingBenchmark(
      session,
      initial,
      { w_next: 'w', count_next: 'count' },
      { steps: 5, warmup: 2 },
      { clockNs: clock(), meter },
    );
    // w_k = 0.8^k · w_0, loss_k = 0.64^k · 14.
    res.losses.forEach((l, k) => expect(l).toBeCloseTo(14 * 0.64 ** k, 4));
    expect(res.losses).toHaveLength(7);
    expect(res.lossFirst).toBeCloseTo(14, 5);
    expect(res.stepMs).toEqual([2, 2, 2, 2, 2]);
    expect(res.energy?.energyJ).toBe(1);
    expect(meter.windows).toBe(1);
    expect(res.preallocated).toBe(true);
    // The caller's tensors are never written.
    expect(Array.from(initial.w.data as Float32Array)).toEqual([1, 2, 3]);
    await session.release();
  });

  it('picks the only output that is not fed back as the loss', async () => {
    const session = await ort.InferenceSession.create(encodeModel(ownStep()));
    const res = await runTrainingBenchmark(
      session,
      feeds(),
      { w_next: 'w', count_next: 'count' },
      { steps: 1, warmup: 0 },
      { clockNs: clock() },
    );
    expect(res.losses).toHaveLength(2);
    await session.release();
  });

  it('runs without preallocation too, with identical losses', async () => {
    const session = await ort.InferenceSession.create(encodeModel(ownStep()));
    const a = await runTrainingBenchmark(
      session,
      feeds(),
      { w_next: 'w', count_next: 'count' },
      { steps: 4, warmup: 1 },
      { clockNs: clock() },
    );
    const b = await runTrainingBenchmark(
      session,
      feeds(),
      { w_next: 'w', count_next: 'count' },
      { steps: 4, warmup: 1, preallocate: false },
      { clockNs: clock() },
    );
    expect(b.preallocated).toBe(false);
    expect(b.losses).toEqual(a.losses);
    await session.release();
  });

  it('notices a session wrapper that drops the preallocated outputs and uses what it returns', async () => {
    const inner = await ort.InferenceSession.create(encodeModel(ownStep()));
    const wrapper: StepSession = { inputNames: inner.inputNames, outputNames: inner.outputNames, run: (f) => inner.run(f) };
    const a = await runTrainingBenchmark(
      inner,
      feeds(),
      { w_next: 'w', count_next: 'count' },
      { steps: 4, warmup: 1 },
      { clockNs: clock() },
    );
    const b = await runTrainingBenchmark(
      wrapper,
      feeds(),
      { w_next: 'w', count_next: 'count' },
      { steps: 4, warmup: 1 },
      { clockNs: clock() },
    );
    expect(b.losses).toEqual(a.losses);
    expect(b.preallocated).toBe(false);
    expect(b.notes.join(' ')).toMatch(/did not write into preallocated output tensors/);
    await inner.release();
  });
});

describe('mapping checks', () => {
  const session = (): Promise<StepSession> => ort.InferenceSession.create(encodeModel(ownStep()));

  it('names unknown outputs and inputs, with what exists', async () => {
    const s = await session();
    await expect(
      runTrainingBenchmark(s, feeds(), { w_new: 'w', count_next: 'counter' }, { steps: 1, warmup: 0 }, { clockNs: clock() }),
    ).rejects.toThrow(
      /feedback output "w_new" is not an output of the step model \(outputs: loss_value, w_next, count_next\)[\s\S]*feedback input "counter"/,
    );
  });

  it('asks which output is the loss when it cannot tell', async () => {
    const s = await session();
    await expect(
      runTrainingBenchmark(s, feeds(), { w_next: 'w' }, { steps: 1, warmup: 0 }, { clockNs: clock() }),
    ).rejects.toThrow(/cannot tell which output is the loss \(outputs not fed back: loss_value, count_next\)/);
  });

  it('reports inputs without an initial value', async () => {
    const s = await session();
    const f = feeds();
    delete (f as Record<string, ort.Tensor | undefined>).count;
    await expect(
      runTrainingBenchmark(s, f, { w_next: 'w', count_next: 'count' }, { steps: 1, warmup: 0 }, { clockNs: clock() }),
    ).rejects.toThrow(/no initial value for inputs count/);
  });

  it('rejects an output fed into an input of another shape', async () => {
    const s = await session();
    await expect(
      runTrainingBenchmark(
        s,
        feeds(),
        { w_next: 'count', loss_value: 'w' },
        { steps: 1, warmup: 0, lossOutput: 'count_next' },
        { clockNs: clock() },
      ),
    ).rejects.toThrow(/Output "w_next" is float32\[3\] but feeds input "count", which is float32\[\]/);
  });

  it('rejects a non-positive step count', async () => {
    const s = await session();
    await expect(
      runTrainingBenchmark(s, feeds(), { w_next: 'w', count_next: 'count' }, { steps: 0, warmup: 0 }, { clockNs: clock() }),
    ).rejects.toBeInstanceOf(InputError);
  });
});
