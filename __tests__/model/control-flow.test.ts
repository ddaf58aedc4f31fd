/**
 * FLOPs inside control flow, on real onnxruntime: the taken If branch (condition from the
 * shape-resolving run), Loop bodies × their trip count, Scan bodies × the sequence length.
 * Figures by hand from docs/flops.md's conventions.
 */
import { describe, expect, it } from '@jest/globals';
import * as ort from 'onnxruntime-node';
import { readFileSync } from 'node:fs';
import { floatTensor, model, node, valueInfo } from '../../src/model/builder.js';
import { flopsWithControlFlow } from '../../src/model/control-flow.js';
import { buildControlFlow, buildVoiceActivity } from '../../src/model/examples.js';
import type { LoadedModel } from '../../src/model/load.js';
import { DataType, decodeModel, encodeModel, type GraphProto, type ModelProto } from '../../src/model/onnx.js';
import { externalDataOptions, type ShapeSessionFactory } from '../../src/model/shapes.js';

const ortFactory: ShapeSessionFactory = (b, o) => ort.InferenceSession.create(b, externalDataOptions(o.externalDataFolder));

function inMemory(proto: ModelProto): LoadedModel {
  const bytes = encodeModel(proto);
  return { path: '/virtual/model.onnx', bytes, proto, fileBytes: bytes.length, externalFiles: [] };
}

const f32 = (dims: number[]): ort.Tensor =>
  new ort.Tensor('float32', new Float32Array(dims.reduce((a, b) => a * b, 1)).fill(0.25), dims);
const i64 = (v: number): ort.Tensor => new ort.Tensor('int64', BigInt64Array.of(BigInt(v)), []);

/** LSTM (docs/flops.md): steps · batch · (2·4·H·(I + H) + 2·4·H bias + 13·H gate arithmetic). */
const lstm = (steps: number, batch: number, input: number, hidden: number) =>
  steps * batch * (2 * 4 * hidden * (input + hidden) + 2 * 4 * hidden + 13 * hidden);

/** One branch of the voice-activity fixture at batch N: Gemm (with bias), Conv1d (k = 3, no bias), LSTM. */
function branch(n: number, hidden1: number, channels: number) {
  return {
    Gemm: 2 * n * hidden1 * 64 + n * hidden1,
    Conv: 2 * n * channels * hidden1 * 3,
    LSTM: lstm(hidden1, n, channels, 16),
  };
}

describe('FLOPs of the branch that runs (If on an int64 sample rate, weights in Constant nodes)', () => {
  const fixture = decodeModel(readFileSync(new URL('../fixtures/models/voice-activity.onnx', import.meta.url)));

  it('the committed fixture is what the builder makes', () => {
    expect(encodeModel(fixture)).toEqual(encodeModel(buildVoiceActivity()));
  });

  it.each([
    [16000, 'then_branch (condition true)', branch(2, 32, 8)],
    [8000, 'else_branch (condition false)', branch(2, 16, 4)],
  ])('sr = %i counts %s', async (sr, counted, b) => {
    const { flops, notices } = await flopsWithControlFlow(inMemory(fixture), { x: f32([2, 64]), sr: i64(sr) }, ortFactory);
    const tail = { Equal: 1, MatMul: 2 * 2 * 16, Sigmoid: 2 };
    expect(flops.byOp).toEqual({ ...b, ...tail });
    expect(flops.total).toBe(b.Gemm + b.Conv + b.LSTM + tail.Equal + tail.MatMul + tail.Sigmoid);
    expect(flops.controlFlow).toEqual([{ node: 'rate_switch', op: 'If', counted, times: 1 }]);
    expect(flops.uncounted).toEqual([]);
    expect(flops.uncountedNodes).toBe(0);
    expect(notices).toEqual([]);
  });

  it('switching the input value switches the count', async () => {
    const at = async (sr: number) =>
      (await flopsWithControlFlow(inMemory(fixture), { x: f32([1, 64]), sr: i64(sr) }, ortFactory)).flops.total;
    const hi = await at(16000);
    const lo = await at(8000);
    expect(hi).not.toBe(lo);
    expect(hi).toBeGreaterThan(2 * lo);
  });
});

describe('Loop and Scan bodies × their counts', () => {
  it('Loop with a known trip count (3) and the If before it', async () => {
    const flag = new ort.Tensor('bool', Uint8Array.of(1), []);
    const { flops } = await flopsWithControlFlow(inMemory(buildControlFlow()), { x: f32([2, 4]), flag }, ortFactory);
    // If then: MatMul 2·2·4·4; Add, Mul 8 each; Loop: 3 × (MatMul 2·2·4·4 + Tanh 8).
    expect(flops.byOp).toEqual({ MatMul: 64 + 3 * 64, Add: 8, Mul: 8, Tanh: 3 * 8 });
    expect(flops.controlFlow).toEqual([
      { node: 'if', op: 'If', counted: 'then_branch (condition true)', times: 1 },
      { node: 'loop', op: 'Loop', counted: 'body × 3 iterations', times: 1 },
    ]);
    expect(flops.uncounted).toEqual([]);
  });

  it('Scan: body × the sequence length', async () => {
    // s_t = Tanh(s_{t−1} + x_t · W) over x[T=5, 3] → W[3, 3].
    const body: GraphProto = {
      name: 'scan_body',
      node: [
        node('MatMul', ['x_t', 'W'], ['xw'], {}, 'scan_matmul'),
        node('Add', ['s_in', 'xw'], ['pre'], {}, 'scan_add'),
        node('Tanh', ['pre'], ['s_out'], {}, 'scan_tanh'),
        node('Identity', ['s_out'], ['y_t'], {}, 'scan_copy'),
      ],
      input: [valueInfo('s_in', DataType.FLOAT, [1, 3]), valueInfo('x_t', DataType.FLOAT, [1, 3])],
      output: [valueInfo('s_out', DataType.FLOAT, [1, 3]), valueInfo('y_t', DataType.FLOAT, [1, 3])],
    };
    const proto = model({
      name: 'scan',
      node: [node('Scan', ['s0', 'x'], ['s_n', 'ys'], { body: { g: body }, num_scan_inputs: 1 }, 'scan')],
      initializer: [floatTensor('W', [3, 3], [1, 0, 0, 0, 1, 0, 0, 0, 1])],
      input: [valueInfo('s0', DataType.FLOAT, [1, 3]), valueInfo('x', DataType.FLOAT, ['T', 1, 3])],
      output: [valueInfo('s_n', DataType.FLOAT, [1, 3]), valueInfo('ys', DataType.FLOAT, ['T', 1, 3])],
    });
    const { flops } = await flopsWithControlFlow(inMemory(proto), { s0: f32([1, 3]), x: f32([5, 1, 3]) }, ortFactory);
    expect(flops.byOp).toEqual({ MatMul: 5 * 2 * 3 * 3, Add: 5 * 3, Tanh: 5 * 3 });
    expect(flops.controlFlow).toEqual([{ node: 'scan', op: 'Scan', counted: 'body × 5 steps', times: 1 }]);
  });

  it('a Loop that may stop early, with no scan output, stays uncounted and says so', async () => {
    const body: GraphProto = {
      name: 'body',
      node: [
        node('Tanh', ['h_in'], ['h_out'], {}, 'b_tanh'),
        node('ReduceSum', ['h_out'], ['s'], { keepdims: 0 }, 'b_sum'),
        node('Constant', [], ['zero'], { value: { t: floatTensor('zero', [], [0]) } }, 'b_zero'),
        node('Greater', ['s', 'zero'], ['cond_out'], {}, 'b_cond'),
      ],
      input: [
        valueInfo('i', DataType.INT64, []),
        valueInfo('cond_in', DataType.BOOL, []),
        valueInfo('h_in', DataType.FLOAT, [2]),
      ],
      output: [valueInfo('cond_out', DataType.BOOL, []), valueInfo('h_out', DataType.FLOAT, [2])],
    };
    const proto = model({
      name: 'early',
      node: [node('Loop', ['M', '', 'h0'], ['h'], { body: { g: body } }, 'early_loop')],
      initializer: [floatTensor('h0', [2], [1, 1])],
      input: [valueInfo('M', DataType.INT64, [])],
      output: [valueInfo('h', DataType.FLOAT, [2])],
    });
    const { flops, notices } = await flopsWithControlFlow(inMemory(proto), { M: i64(4) }, ortFactory);
    expect(flops.uncounted).toEqual(['Loop']);
    expect(flops.uncountedNodes).toBe(1);
    expect(flops.nodes).toBe(1);
    expect(notices.join('\n')).toMatch(/FLOPs inside Loop 'early_loop' are not counted/);
  });

  it('a FLOPs budget on a model whose count is incomplete is not checked, never passed (#26 item 3)', async () => {
    const { mkdtemp, rm, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { runEnergyBudget } = await import('../../src/engine/run.js');
    const body: GraphProto = {
      name: 'body',
      node: [
        node('Tanh', ['h_in'], ['h_out'], {}, 'b_tanh'),
        node('ReduceSum', ['h_out'], ['s'], { keepdims: 0 }, 'b_sum'),
        node('Constant', [], ['zero'], { value: { t: floatTensor('zero', [], [0]) } }, 'b_zero'),
        node('Greater', ['s', 'zero'], ['cond_out'], {}, 'b_cond'),
      ],
      input: [
        valueInfo('i', DataType.INT64, []),
        valueInfo('cond_in', DataType.BOOL, []),
        valueInfo('h_in', DataType.FLOAT, [2]),
      ],
      output: [valueInfo('cond_out', DataType.BOOL, []), valueInfo('h_out', DataType.FLOAT, [2])],
    };
    const proto = model({
      name: 'early',
      node: [node('Loop', ['M', '', 'h0'], ['h'], { body: { g: body } }, 'early_loop')],
      initializer: [floatTensor('h0', [2], [1, 1])],
      input: [valueInfo('M', DataType.INT64, [])],
      output: [valueInfo('h', DataType.FLOAT, [2])],
    });
    const dir = await mkdtemp(path.join(tmpdir(), 'eb-uncounted-'));
    try {
      await writeFile(path.join(dir, 'early.onnx'), encodeModel(proto));
      await writeFile(
        path.join(dir, 'energy-budget.yml'),
        'version: 1\nmodels:\n  - name: early\n    path: early.onnx\n    inputs: { M: { value: 4 } }\n    inference: { iterations: 3, warmup: 1 }\n    energy: estimate\n    budget: { flops: 10 MFLOP }\n',
      );
      const out = await runEnergyBudget({ cwd: dir, configPath: 'energy-budget.yml' });
      const row = out.report.models[0].budgets.find((b) => b.metric === 'flops');
      expect(row?.status).toBe('warn');
      expect(row?.message).toMatch(/^not checked: the FLOPs count leaves out Loop/);
      expect(out.report.verdict).toBe('warn');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
