import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { synthesizeInputs } from '../../src/bench/inputs.js';
import { analyzeModel } from '../../src/model/analyze.js';
import { loadModel } from '../../src/model/load.js';
import { DataType, encodeModel } from '../../src/model/onnx.js';
import { model, node, valueInfo } from '../../src/model/builder.js';
import { adviseModel, formatPercent, gzipSize, type MeasureModel } from '../../src/optimize/advisor.js';
import { formatAdvice } from './helpers.js';
import type { Measurement } from '../../src/optimize/types.js';
import { examples, seededBatches } from './helpers.js';

/**
 * A stand-in for the benchmark: figures that follow from the bytes, so the test knows them.
 * Latency and energy proportional to size make the deltas checkable; the real measure runs
 * the benchmark and a meter.
 */
const fakeMeasure =
  (method = 'rapl'): MeasureModel =>
  async (bytes) => ({
    sizeBytes: bytes.length,
    flops: 1000,
    latencyMs: { p50: bytes.length / 1000, mean: bytes.length / 1000 },
    energyJPerInference: bytes.length * 1e-6,
    energyMethod: method,
  });

describe('adviseModel', () => {
  it('measures every variant of the classifier and states its savings against the original', async () => {
    const [ex] = examples();
    const seen: string[] = [];
    const measure: MeasureModel = async (bytes, ctx) => {
      seen.push(ctx.variant);
      return fakeMeasure()(bytes, ctx);
    };
    const advice = await adviseModel(ex, { feeds: seededBatches('x', [8, 784], 2), measure });
    expect(seen).toEqual(['original', 'int8-weights', 'int8-dynamic', 'fp16', 'prune']);
    expect(advice.map((a) => a.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    const int8 = advice[0];
    expect(int8.original!.sizeBytes).toBe(ex.bytes.length);
    expect(int8.original!.gzipBytes).toBe(gzipSize(ex.bytes));
    const expectedPct = ((int8.figures!.sizeBytes - ex.bytes.length) / ex.bytes.length) * 100;
    expect(int8.deltas!.sizePct).toBeCloseTo(expectedPct, 10);
    expect(int8.deltas!.sizePct).toBeLessThan(-70);
    expect(int8.deltas!.energyPct).toBeCloseTo(expectedPct, 10);
    expect(int8.figures!.energy).toEqual({
      joulesPerInference: int8.figures!.sizeBytes * 1e-6,
      method: 'rapl',
      estimated: false,
    });
    expect(int8.fidelity!.batches).toBe(2);
    expect(int8.fidelity!.top1Agreement).not.toBeNull();
    expect(int8.summary).toBe(
      `int8 weights: ${formatPercent(expectedPct)} size, energy per inference ${formatPercent(expectedPct)} (single runs, no interval; measured, rapl), ` +
        `latency p50 ${formatPercent(expectedPct)} (single runs, no interval), top-1 agreement ${(int8.fidelity!.top1Agreement! * 100).toFixed(1).replace('100.0', '100')}%, ` +
        `max abs error ${int8.fidelity!.maxAbsError.toPrecision(2)}`,
    );
    const prune = advice[3];
    expect(prune.label).toBe('pruned 50%');
    expect(prune.deltas!.sizePct).toBe(0);
    expect(prune.deltas!.gzipPct).toBeLessThan(-20);
    expect(prune.summary).toMatch(/^pruned 50%: ±0% size \(−\d+% gzipped\)/);
    expect(prune.notes.join(' ')).toMatch(/do not drop/);
    expect(formatAdvice(advice).split('\n')).toEqual(advice.map((a) => a.summary));
  });

  it('labels an estimated energy figure as an estimate', async () => {
    const [, cnn] = examples();
    const advice = await adviseModel(cnn, {
      feeds: seededBatches('x', [2, 1, 28, 28], 1),
      measure: async (bytes, ctx) => ({ ...(await fakeMeasure('tdp-model')(bytes, ctx)), energyEstimated: true }),
      variants: ['fp16'],
    });
    expect(advice[0].figures!.energy!.estimated).toBe(true);
    expect(advice[0].summary).toMatch(
      /energy per inference −\d+% \(single runs, no interval; estimated with a power model \(tdp-model\), not measured\)/,
    );
  });

  it('reuses a measurement of the original and skips energy when there is none', async () => {
    const [ex] = examples();
    const original: Measurement = { sizeBytes: ex.bytes.length, flops: 1, latencyMs: { p50: 2, mean: 2 } };
    const calls: string[] = [];
    const advice = await adviseModel(ex, {
      feeds: seededBatches('x', [4, 784], 1),
      originalMeasurement: original,
      measure: async (bytes, ctx) => {
        calls.push(ctx.variant);
        return { sizeBytes: bytes.length, flops: 1, latencyMs: { p50: 1, mean: 1 } };
      },
      variants: ['int8-weights'],
    });
    expect(calls).toEqual(['int8-weights']);
    expect(advice[0].deltas!.energyPct).toBeUndefined();
    expect(advice[0].deltas!.latencyP50Pct).toBe(-50);
    expect(advice[0].summary).not.toMatch(/energy/);
  });

  it('reports a model with nothing to change as not applicable', async () => {
    const bytes = encodeModel(
      model({
        name: 'g',
        node: [node('Relu', ['x'], ['y'])],
        input: [valueInfo('x', DataType.FLOAT, [2])],
        output: [valueInfo('y', DataType.FLOAT, [2])],
      }),
    );
    const { decodeModel } = await import('../../src/model/onnx.js');
    const advice = await adviseModel({ bytes, proto: decodeModel(bytes) }, { feeds: [], measure: fakeMeasure() });
    expect(advice.every((a) => a.status === 'not-applicable')).toBe(true);
    expect(advice[0].summary).toMatch(/^int8 weights: not applicable \(No Conv, Gemm or MatMul weight/);
  });

  it('reports an opset it cannot raise as not applicable, with the reason', async () => {
    const g = {
      name: 'g',
      node: [node('Squeeze', ['x'], ['s'], { axes: [0] }, 'squeeze'), node('MatMul', ['s', 'w'], ['y'])],
      initializer: [
        { name: 'w', dims: [2, 2], dataType: DataType.FLOAT, rawData: new Uint8Array(Float32Array.from([1, 2, 3, 4]).buffer) },
      ],
      input: [valueInfo('x', DataType.FLOAT, [1, 3, 2])],
      output: [valueInfo('y', DataType.FLOAT, [3, 2])],
    };
    const bytes = encodeModel(model(g, { opset: 11 }));
    const { decodeModel } = await import('../../src/model/onnx.js');
    const advice = await adviseModel(
      { bytes, proto: decodeModel(bytes) },
      { feeds: [], measure: fakeMeasure(), variants: ['int8-weights'] },
    );
    expect(advice[0].status).toBe('not-applicable');
    expect(advice[0].reason).toMatch(/squeeze \(Squeeze, changed at opset 13\)/);
  });

  describe('on the analysis fixtures', () => {
    const dir = fileURLToPath(new URL('../fixtures/models/', import.meta.url));
    it.each(['multi-input', 'dynamic-conv', 'control-flow', 'batched-matmul', 'recurrent', 'sparse', 'mixed-dtypes'])(
      '%s: every variant is measured or said not to apply, none fails',
      async (name) => {
        const loaded = await loadModel(`${dir}${name}.onnx`);
        const analysis = analyzeModel(loaded);
        const made = await synthesizeInputs(analysis.inputs, {
          modelName: name,
          dims: {},
          specs: {},
          seed: 5,
          readFile: (p) => readFile(p),
        });
        const advice = await adviseModel(loaded, { feeds: [made.feeds], measure: fakeMeasure() });
        for (const a of advice) {
          expect([a.variant, a.status, a.reason]).toEqual([a.variant, expect.stringMatching(/^(ok|not-applicable)$/), a.reason]);
          if (a.status === 'ok') expect(Number.isFinite(a.fidelity!.maxAbsError)).toBe(true);
        }
      },
    );
  });
});
