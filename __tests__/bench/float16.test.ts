/**
 * float16 inputs and outputs on every Node line: onnxruntime-common holds float16 data in a
 * Float16Array where Node has one (≥ 24) and as Uint16Array bit patterns elsewhere, while
 * onnxruntime-node's native binding reads only Uint16Array. These run real sessions, so on
 * Node 24 they fail without src/util/ort-tensor.ts (run the suite there: see README).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { synthesizeInputs, type SynthesizeOptions } from '../../src/bench/inputs.js';
import { countNonFinite } from '../../src/bench/runner.js';
import { writeNpy } from '../../src/bench/npy.js';
import { DataType, encodeModel } from '../../src/model/onnx.js';
import { model, node, valueInfo } from '../../src/model/builder.js';
import { runEnergyBudget } from '../../src/engine/run.js';
import { float16Bits, float16BitsOf, float16Value, float16ValuesOf } from '../../src/util/float16.js';
import { makeTensor, nativeFloat16 } from '../../src/util/ort-tensor.js';
import { identityModel } from './helpers.js';

const opts = (over: Partial<SynthesizeOptions> = {}): SynthesizeOptions => ({
  modelName: 'm',
  modelIndex: 0,
  configFile: '/cfg/energy-budget.yml',
  dims: {},
  specs: {},
  seed: 1,
  readFile: async (p) => {
    throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
  },
  ...over,
});

/** y = Relu(Cast<float>(x)) with a float16 input x[N, 4]: a GPU-style export's input. */
function halfInputModel(): Uint8Array {
  return encodeModel(
    model(
      {
        name: 'half-in',
        node: [node('Cast', ['x'], ['xf'], { to: DataType.FLOAT }), node('Relu', ['xf'], ['y'])],
        input: [valueInfo('x', DataType.FLOAT16, ['N', 4])],
        output: [valueInfo('y', DataType.FLOAT, ['N', 4])],
      },
      { opset: 17 },
    ),
  );
}

let session: ort.InferenceSession;
beforeAll(async () => {
  session = await ort.InferenceSession.create(identityModel('float16', ['N', 2]));
});
afterAll(async () => {
  await session.release();
});

describe('float16 tensors', () => {
  it(`reach the native binding as bit patterns and come back unchanged (Node ${process.version}, Float16Array ${typeof (globalThis as { Float16Array?: unknown }).Float16Array})`, async () => {
    const bits = new Uint16Array([0x3c00, 0xc000, 0x7c00, 0x0001]); // 1, -2, +Inf, smallest subnormal
    const t = makeTensor('float16', bits, [2, 2]);
    expect(t.data).toBeInstanceOf(Uint16Array);
    const out = await session.run({ x: t });
    expect(out.y.type).toBe('float16');
    expect(Array.from(float16BitsOf(out.y.data as ArrayBufferView))).toEqual([0x3c00, 0xc000, 0x7c00, 0x0001]);
    expect(Array.from(float16ValuesOf(out.y.data as ArrayBufferView))).toEqual([1, -2, Infinity, 2 ** -24]);
    expect(countNonFinite(out)).toEqual({ y: 1 });
    // An output fed back in (training feedback) is readable by the native binding too.
    const again = await session.run({ x: nativeFloat16(out.y) });
    expect(Array.from(float16BitsOf(again.y.data as ArrayBufferView))).toEqual(Array.from(bits));
  });

  it('random, value: and .npy inputs all feed a float16 model', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'eb-f16-'));
    try {
      await writeFile(
        path.join(dir, 'h.npy'),
        writeNpy({ dtype: 'float16', shape: [1, 2], data: new Uint16Array([0x3c00, 0x4000]) }),
      );
      const info = [{ name: 'x', dtype: 'float16' as const, shape: ['N', 2] as Array<number | string> }];
      const cases: Array<[SynthesizeOptions['specs'], number[] | null]> = [
        [{}, null],
        [{ x: { kind: 'value', value: [[0.5, -3]] } }, [0.5, -3]],
        [{ x: { kind: 'npy', file: 'h.npy' } }, [1, 2]],
      ];
      for (const [specs, want] of cases) {
        const { feeds } = await synthesizeInputs(
          info,
          opts({
            dims: { N: 1 },
            specs,
            configFile: path.join(dir, 'energy-budget.yml'),
            readFile: (p) => import('node:fs/promises').then((f) => f.readFile(p)),
          }),
        );
        const out = await session.run(feeds);
        const values = Array.from(float16ValuesOf(out.y.data as ArrayBufferView));
        expect(values).toHaveLength(2);
        if (want) expect(values).toEqual(want);
        else expect(values.every(Number.isFinite)).toBe(true);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('float16BitsOf and float16ValuesOf agree with the scalar conversions', () => {
    const values = [0, -0, 1, -2, 0.1, 65504, 6e-8];
    const bits = new Uint16Array(values.map(float16Bits));
    expect(float16BitsOf(bits)).toBe(bits);
    expect(Array.from(float16ValuesOf(bits))).toEqual(values.map((v) => float16Value(float16Bits(v))));
    // A view over part of a buffer keeps its offset.
    const bytes = new Uint8Array(8);
    const view = new Uint16Array(bytes.buffer, 2, 2);
    view.set([0x3c00, 0xc000]);
    expect(Array.from(float16BitsOf(new Uint8Array(bytes.buffer, 2, 4)))).toEqual([0x3c00, 0xc000]);
  });
});

describe('a model with a float16 input under `run`', () => {
  it('is measured and passes its budget (no MODEL_INVALID)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'eb-f16run-'));
    try {
      await writeFile(path.join(dir, 'half.onnx'), halfInputModel());
      await writeFile(
        path.join(dir, 'energy-budget.yml'),
        'version: 1\nmodels:\n  - name: half\n    path: half.onnx\n    dims: { N: 2 }\n    inference: { iterations: 5, warmup: 1 }\n    energy: estimate\n    budget:\n      parameters: 10\n',
      );
      const out = await runEnergyBudget({ cwd: dir, configPath: 'energy-budget.yml' });
      expect(out.report.models[0].inference?.runs).toBeGreaterThan(0);
      expect(out.report.verdict).toBe('pass');
      expect(out.exitCode).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
