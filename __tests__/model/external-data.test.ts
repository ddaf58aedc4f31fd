/**
 * Models whose weights live in external data, end to end without gigabytes on disk: a small MLP
 * whose two weights sit in TWO external files, each at an offset between other bytes, so that
 * only a read of the right range gives the right numbers. The shape-finding run must hand
 * onnxruntime the graph alone (weights left in their files), the benchmark loads from the path,
 * and the outputs must equal the product computed here.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { loadConfig } from '../../src/config/load.js';
import { limitErrorOf } from '../../src/errors.js';
import { adviseForModel } from '../../src/engine/advice.js';
import { measureModel } from '../../src/engine/measure.js';
import { type MeasureContext } from '../../src/engine/context.js';
import { analyzeModel } from '../../src/model/analyze.js';
import { node, valueInfo } from '../../src/model/builder.js';
import { loadModel } from '../../src/model/load.js';
import { DataType, decodeModel, encodeModel, type ModelProto, type TensorProto } from '../../src/model/onnx.js';
import { createOrtShapeSession, resolveShapes, type ShapeSessionFactory } from '../../src/model/shapes.js';
import { silentLogger } from '../../src/report/terminal.js';
import { createRng } from '../../src/util/random.js';

let dir: string;
const rng = createRng(23);
const w0 = Float32Array.from({ length: 4 * 8 }, () => rng.normal());
const w1 = Float32Array.from({ length: 8 * 2 }, () => rng.normal());

function ext(name: string, dims: number[], location: string, offset: number, length: number): TensorProto {
  return {
    name,
    dims,
    dataType: DataType.FLOAT,
    dataLocation: 1,
    externalData: [
      { key: 'location', value: location },
      { key: 'offset', value: String(offset) },
      { key: 'length', value: String(length) },
    ],
  };
}

/** `bytes` at `offset` in a file of junk (0xAB), so that reading the wrong range gives wrong weights. */
function dataFile(path: string, bytes: Uint8Array, offset: number, tail: number): void {
  const out = new Uint8Array(offset + bytes.length + tail).fill(0xab);
  out.set(bytes, offset);
  writeFileSync(path, out);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'eb-extdata-'));
  dataFile(join(dir, 'part-a.bin'), new Uint8Array(w0.buffer), 24, 40);
  dataFile(join(dir, 'part-b.bin'), new Uint8Array(w1.buffer), 8, 16);
  const proto: ModelProto = {
    irVersion: 8,
    producerName: 'energy-budget test',
    opsetImport: [{ domain: '', version: 17 }],
    graph: {
      name: 'two-files',
      node: [
        node('MatMul', ['x', 'w0'], ['h'], {}, 'mm0'),
        node('Relu', ['h'], ['r'], {}, 'relu0'),
        node('MatMul', ['r', 'w1'], ['y'], {}, 'mm1'),
      ],
      initializer: [ext('w0', [4, 8], 'part-a.bin', 24, 128), ext('w1', [8, 2], 'part-b.bin', 8, 64)],
      input: [valueInfo('x', DataType.FLOAT, ['N', 4])],
      output: [valueInfo('y', DataType.FLOAT, ['N', 2])],
    },
  };
  writeFileSync(join(dir, 'mlp.onnx'), encodeModel(proto));
  writeFileSync(
    join(dir, 'energy-budget.yml'),
    `version: 1
models:
  - name: mlp
    path: mlp.onnx
    dims: { N: 3 }
    inference: { iterations: 5, warmup: 1 }
    energy: estimate
    advise-max-time: 1 s
    # w1 frozen: it stays external in the step model; w0 is read by its range and trained.
    training: { loss: mse, optimizer: sgd, learning-rate: 0.01, steps: 2, freeze: [w1] }
    budget:
      parameters: 48
`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** x · w0 → relu → · w1, in float64 (the reference). */
function reference(x: Float32Array, n: number): number[] {
  const out: number[] = [];
  for (let b = 0; b < n; b++) {
    const h = Array.from({ length: 8 }, (_, j) =>
      Math.max(
        0,
        [0, 1, 2, 3].reduce((s, i) => s + x[b * 4 + i] * w0[i * 8 + j], 0),
      ),
    );
    for (let k = 0; k < 2; k++) out.push(h.reduce((s, v, j) => s + v * w1[j * 2 + k], 0));
  }
  return out;
}

describe('weights split across two external-data files', () => {
  it('analyses sizes and parameters from the ranges without loading the weights', async () => {
    const loaded = await loadModel(join(dir, 'mlp.onnx'));
    expect(loaded.externalFiles.map((f) => f.bytes).sort((a, b) => a - b)).toEqual([88, 192]);
    const a = analyzeModel(loaded);
    expect(a.size.parameters).toBe(48);
    expect(a.size.bytesByDtype).toEqual({ float32: 192 });
  });

  it('finds intermediate shapes with the graph alone handed to onnxruntime, weights read from their files', async () => {
    const loaded = await loadModel(join(dir, 'mlp.onnx'));
    const seen: Array<{ bytes: number; external: boolean; folder?: string }> = [];
    const spy: ShapeSessionFactory = (bytes, o) => {
      const inits = decodeModel(bytes).graph?.initializer ?? [];
      seen.push({
        bytes: bytes.length,
        external: inits.every((t) => t.dataLocation === 1 && !t.rawData?.length),
        folder: o.externalDataFolder,
      });
      return createOrtShapeSession(bytes, o);
    };
    const x = Float32Array.from({ length: 12 }, () => rng.normal());
    const shapes = await resolveShapes(loaded, { x: new ort.Tensor('float32', x, [3, 4]) }, spy);
    expect(shapes.get('h')).toEqual([3, 8]);
    expect(shapes.get('r')).toEqual([3, 8]);
    expect(seen).toEqual([{ bytes: expect.any(Number), external: true, folder: dir }]);
    // No weight bytes in the model onnxruntime got: it is the graph only.
    expect(seen[0].bytes).toBeLessThan(600);
  });

  it('onnxruntime reads the right ranges: outputs equal the reference product', async () => {
    const session = await ort.InferenceSession.create(join(dir, 'mlp.onnx'));
    const x = Float32Array.from({ length: 8 }, () => rng.normal());
    const out = await session.run({ x: new ort.Tensor('float32', x, [2, 4]) });
    await session.release();
    const y = Array.from(out.y.data as Float32Array);
    reference(x, 2).forEach((v, i) => expect(y[i]).toBeCloseTo(v, 4));
  });

  it('measures the model end to end (analysis, shapes, FLOPs, inference, training)', async () => {
    const config = await loadConfig(join(dir, 'energy-budget.yml'));
    const ctx: MeasureContext = {
      config,
      logger: silentLogger,
      env: {},
      clockNs: () => process.hrtime.bigint(),
      sysfsRoot: join(dir, 'no-sysfs'),
      advise: false,
      readFile: async () => new Uint8Array(),
      availableMemory: async () => ({ bytes: 8e9, source: 'a test figure' }),
    };
    const report = await measureModel(config.models[0], join(dir, 'mlp.onnx'), ctx);
    expect(report.size.parameters).toBe(48);
    expect(report.size.bytes).toBeGreaterThan(280);
    // N = 3: 2·3·4·8 + 3·8 (Relu) + 2·3·8·2.
    expect(report.flops).toBe(192 + 24 + 96);
    expect(report.inference?.runs).toBeGreaterThanOrEqual(5);
    expect(report.training?.steps).toBe(2);
    expect(Number.isFinite(report.training?.lossFirst)).toBe(true);
    expect(report.notices?.join(' ')).toContain('weights kept fixed: w1');
  });
});

describe('the advisor on an external-data model', () => {
  it('builds the variants from the weights read by range, writes them with external data past the limit, and checks them against the original loaded from its files', async () => {
    const config = await loadConfig(join(dir, 'energy-budget.yml'));
    const model = { ...config.models[0], training: null };
    const ctx: MeasureContext = {
      config,
      logger: silentLogger,
      env: {},
      clockNs: () => process.hrtime.bigint(),
      sysfsRoot: join(dir, 'no-sysfs'),
      advise: true,
      readFile: async () => new Uint8Array(),
      availableMemory: async () => ({ bytes: 8e9, source: 'a test figure' }),
      // Every variant past "the 2 GiB limit": written with external data, as a 2.4 GB model's would be.
      externalVariantBytes: 0,
    };
    const head = await measureModel(model, join(dir, 'mlp.onnx'), ctx);
    const advice = await adviseForModel(model, head, ctx);
    const fp16 = advice.find((a) => a.variant === 'fp16');
    expect(fp16?.status === 'ok' ? 'ok' : fp16?.reason).toBe('ok');
    // The original's figures are the whole model's: its size with the data files, gzip of them all.
    expect(fp16?.original?.sizeBytes).toBe(head.size.bytes);
    expect(fp16?.original?.gzipBytes).toBeGreaterThan(192);
    // float16 of these weights: close to the float32 outputs, computed from the right ranges.
    expect(fp16?.fidelity?.maxAbsError).toBeLessThan(0.05);
    expect(fp16?.notes?.join(' ')).toContain('written with external data (2 weights');
    // Its size counts the data file: 48 float16 weights = 96 bytes at least, beyond the graph.
    expect(fp16?.figures?.sizeBytes).toBeGreaterThan(96 + 100);
    const prune = advice.find((a) => a.variant === 'prune');
    expect(prune?.status).toBe('ok');
  });
});

describe('limitErrorOf: limits of the product or machine are exit 3, not the model', () => {
  it.each([
    ['File size (2400000000) is greater than 2 GiB', true],
    ['std::bad_alloc', true],
    ['Failed to allocate memory for requested buffer of size 4000000000', true],
    ['Non-zero status code returned while running MatMul node', false],
  ])('%s → limit: %s', (message, isLimit) => {
    const e = limitErrorOf('"m" (m.onnx)', 'running it', new Error(message));
    if (!isLimit) return expect(e).toBeUndefined();
    expect(e).toMatchObject({ code: 'LIMIT_EXCEEDED', exitCode: 3 });
    expect(e!.message).toContain('not at fault');
    expect(e!.message).toContain(message);
  });

  it('recognises Node.js refusing a file past 2 GiB by its code', () => {
    const error = Object.assign(new RangeError('File size (2400000000) is greater than 2 GiB'), {
      code: 'ERR_FS_FILE_TOO_LARGE',
    });
    expect(limitErrorOf('m', 'reading it', error)?.exitCode).toBe(3);
  });
});
