import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { InputError } from '../../src/errors.js';
import { analyzeModel } from '../../src/model/analyze.js';
import { floatTensor, model, node, rawTensor, valueInfo } from '../../src/model/builder.js';
import { loadModel } from '../../src/model/load.js';
import { DataType, decodeModel, encodeModel, type ModelProto, type TensorProto } from '../../src/model/onnx.js';
import { scanModelFile } from '../../src/model/stream.js';
import { createRng } from '../../src/util/random.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'eb-stream-'));
}

function fixtures(): string[] {
  const dirs = ['examples/models', '__tests__/fixtures/models', '__tests__/fixtures/models/torch'];
  return dirs.flatMap((d) =>
    readdirSync(join(ROOT, d))
      .filter((f) => f.endsWith('.onnx'))
      .map((f) => join(ROOT, d, f)),
  );
}

/** Random float32 data with every third value exactly zero (seeded). */
function weights(seed: number, n: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 0 : rng.normal()));
}

/**
 * A model with every place a weight can hide: raw_data, float_data and double_data tensors, a
 * float16 tensor in int32_data, a Constant node, a sparse initializer, an If with an
 * initializer in its branch, and a function body with a Constant.
 */
function kitchenSink(): ModelProto {
  const branch = (name: string, seed: number) => ({
    name,
    node: [node('MatMul', ['x', `${name}.w`], [`${name}.y`])],
    initializer: [floatTensor(`${name}.w`, [8, 8], weights(seed, 64))],
    output: [valueInfo(`${name}.y`, DataType.FLOAT, [1, 8])],
  });
  const typedFloat: TensorProto = {
    name: 'typed',
    dims: [4, 8],
    dataType: DataType.FLOAT,
    floatData: Array.from(weights(3, 32)),
  };
  const typedDouble: TensorProto = { name: 'dbl', dims: [16], dataType: DataType.DOUBLE, doubleData: Array.from(weights(4, 16)) };
  const half: TensorProto = {
    name: 'half',
    dims: [6],
    dataType: DataType.FLOAT16,
    int32Data: [0, 0x3c00, 0x8000, 0x4000, 0, 0x3c00],
  };
  const m = model({
    name: 'sink',
    node: [
      node('If', ['flag'], ['h'], { then_branch: { g: branch('then', 1) }, else_branch: { g: branch('else', 2) } }, 'if'),
      node('Constant', [], ['c'], { value: { t: floatTensor('c', [8], weights(5, 8)) } }, 'const'),
      node('Add', ['h', 'c'], ['y'], {}, 'add'),
    ],
    initializer: [
      floatTensor('big', [32, 32], weights(6, 1024)),
      typedFloat,
      typedDouble,
      half,
      rawTensor(
        'i8',
        [40],
        DataType.INT8,
        Int8Array.from({ length: 40 }, (_, i) => (i % 4) - 1),
      ),
    ],
    sparseInitializer: [
      {
        dims: [4, 4],
        values: floatTensor('sp', [3], [1, 0, 2]),
        indices: {
          name: 'sp.idx',
          dims: [3],
          dataType: DataType.INT64,
          rawData: new Uint8Array(new BigInt64Array([0n, 5n, 10n]).buffer),
        },
      },
    ],
    input: [valueInfo('x', DataType.FLOAT, [1, 8]), valueInfo('flag', DataType.BOOL, [])],
    output: [valueInfo('y', DataType.FLOAT, [1, 8])],
  });
  return {
    ...m,
    functions: [
      {
        name: 'F',
        domain: 'local',
        input: ['a'],
        output: ['b'],
        node: [
          node('Constant', [], ['k'], { value: { t: floatTensor('k', [10], weights(7, 10)) } }),
          node('Mul', ['a', 'k'], ['b']),
        ],
        opsetImport: [{ domain: '', version: 17 }],
      },
    ],
  };
}

describe('streamed analysis equals in-memory analysis', () => {
  const cases = fixtures();

  it('finds the fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  for (const path of cases) {
    const name = path.slice(ROOT.length);
    it(`${name}: every payload left on disk (inlineBytes 0, 64-byte window) gives the same analysis`, async () => {
      const memory = analyzeModel(await loadModel(path, { stream: false }));
      const streamed = await loadModel(path, { stream: true, scan: { inlineBytes: 0, windowBytes: 64 } });
      expect(streamed.payloads).toBeDefined();
      expect(scanModelFile(path, { inlineBytes: 0 }).payloadCount).toBeGreaterThan(0);
      expect(analyzeModel(streamed)).toEqual(memory);
    });
    it(`${name}: mixed (payloads over 256 bytes on disk) gives the same analysis`, async () => {
      const memory = analyzeModel(await loadModel(path, { stream: false }));
      const streamed = await loadModel(path, { stream: true, scan: { inlineBytes: 256 } });
      expect(analyzeModel(streamed)).toEqual(memory);
    });
  }

  it('every kind of weight (raw, float_data, double_data, int32_data, Constant, sparse, subgraph, function)', async () => {
    const dir = tempDir();
    const path = join(dir, 'sink.onnx');
    writeFileSync(path, encodeModel(kitchenSink()));
    const memory = analyzeModel(await loadModel(path, { stream: false }));
    expect(memory.size.sparsity).toBeGreaterThan(0.2);
    const streamed = await loadModel(path, { stream: true, scan: { inlineBytes: 0 } });
    expect(analyzeModel(streamed)).toEqual(memory);
    const scanned = scanModelFile(path, { inlineBytes: 0 });
    const fields = new Set<string>();
    const visit = (t: TensorProto | undefined) => {
      const ref = t && scanned.payloads.get(t);
      if (ref) fields.add(ref.field);
    };
    for (const t of scanned.proto.graph?.initializer ?? []) visit(t);
    expect([...fields].sort()).toEqual(['double_data', 'float_data', 'raw_data']);
    // int32_data is varint-encoded, so it is decoded in place rather than referenced.
    const half = scanned.proto.graph?.initializer?.find((t) => t.name === 'half');
    expect(half?.int32Data).toEqual([0, 0x3c00, 0x8000, 0x4000, 0, 0x3c00]);
    expect(scanned.payloads.has(half!)).toBe(false);
  });

  it('a model with external data: the same analysis and the same external files', async () => {
    const dir = tempDir();
    const w1 = weights(11, 256);
    const w2 = weights(12, 64);
    const data = new Uint8Array(w1.byteLength + w2.byteLength);
    data.set(new Uint8Array(w1.buffer), 0);
    data.set(new Uint8Array(w2.buffer), w1.byteLength);
    writeFileSync(join(dir, 'm.onnx.data'), data);
    const ext = (name: string, dims: number[], offset: number, length: number): TensorProto => ({
      name,
      dims,
      dataType: DataType.FLOAT,
      dataLocation: 1,
      externalData: [
        { key: 'location', value: 'm.onnx.data' },
        { key: 'offset', value: String(offset) },
        { key: 'length', value: String(length) },
      ],
    });
    const proto = model({
      name: 'ext',
      node: [node('MatMul', ['x', 'w1'], ['h']), node('MatMul', ['h', 'w2'], ['y'])],
      initializer: [
        ext('w1', [16, 16], 0, w1.byteLength),
        ext('w2', [16, 4], w1.byteLength, w2.byteLength),
        floatTensor('inline', [300], weights(13, 300)),
      ],
      input: [valueInfo('x', DataType.FLOAT, [1, 16])],
      output: [valueInfo('y', DataType.FLOAT, [1, 4])],
    });
    const path = join(dir, 'm.onnx');
    writeFileSync(path, encodeModel(proto));
    const memoryLoaded = await loadModel(path, { stream: false });
    const streamed = await loadModel(path, { stream: true, scan: { inlineBytes: 0 } });
    expect(streamed.externalFiles).toEqual(memoryLoaded.externalFiles);
    expect(analyzeModel(streamed)).toEqual(analyzeModel(memoryLoaded));
  });
});

describe('scanModelFile', () => {
  it('records where each payload lies, and those bytes are the weights', () => {
    const path = join(ROOT, 'examples/models/classifier.onnx');
    const scanned = scanModelFile(path, { inlineBytes: 0 });
    const original = decodeModel(readFileSync(path));
    const file = readFileSync(path);
    const inits = scanned.proto.graph?.initializer ?? [];
    expect(inits.length).toBe(original.graph?.initializer?.length);
    inits.forEach((t, i) => {
      const ref = scanned.payloads.get(t)!;
      expect(ref.field).toBe('raw_data');
      expect(t.rawData === undefined || t.rawData.length === 0).toBe(true);
      expect(
        Buffer.compare(file.subarray(ref.offset, ref.offset + ref.length), Buffer.from(original.graph!.initializer![i].rawData!)),
      ).toBe(0);
    });
    expect(scanned.payloadCount).toBe(inits.length);
    expect(scanned.largestPayloadBytes).toBe(784 * 128 * 4);
    expect(scanned.fileBytes).toBe(file.length);
  });

  it('the streamed proto is valid ONNX next to the original: onnxruntime gives the same outputs', async () => {
    const dir = tempDir();
    const original = join(dir, 'classifier.onnx');
    writeFileSync(original, readFileSync(join(ROOT, 'examples/models/classifier.onnx')));
    const scanned = scanModelFile(original, { inlineBytes: 0 });
    const rewritten = join(dir, 'structure-only.onnx');
    writeFileSync(rewritten, encodeModel(scanned.proto));
    expect(readFileSync(rewritten).length).toBeLessThan(10_000);
    const x = new ort.Tensor(
      'float32',
      Float32Array.from({ length: 2 * 784 }, (_, i) => Math.sin(i)),
      [2, 784],
    );
    const run = async (p: string) => {
      const s = await ort.InferenceSession.create(p, { executionProviders: ['cpu'] });
      try {
        return Array.from((await s.run({ x })).y.data as Float32Array);
      } finally {
        await s.release();
      }
    };
    expect(await run(rewritten)).toEqual(await run(original));
  });

  it('small messages are decoded whole: nothing referenced under the default 1 MiB', () => {
    const scanned = scanModelFile(join(ROOT, 'examples/models/classifier.onnx'));
    expect(scanned.payloadCount).toBe(0);
    expect(scanned.proto.graph?.initializer?.[0].rawData?.length).toBe(784 * 128 * 4);
  });

  it('the default loadModel streams only above the 1 GiB threshold, or when asked', async () => {
    const path = join(ROOT, 'examples/models/classifier.onnx');
    expect((await loadModel(path)).payloads).toBeUndefined();
    const low = await loadModel(path, { streamThresholdBytes: 1000, scan: { inlineBytes: 1000 } });
    expect(low.payloads).toBeDefined();
    // The bytes are still there on request (read lazily), but not copied by a spread.
    expect(Object.keys({ ...low })).not.toContain('bytes');
    expect(low.bytes.length).toBe(low.fileBytes);
  });
});

describe('streamed loading of broken files', () => {
  it('a truncated model: MODEL_INVALID naming the decode failure', async () => {
    const dir = tempDir();
    const path = join(dir, 'cut.onnx');
    const bytes = readFileSync(join(ROOT, 'examples/models/classifier.onnx'));
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const error = await loadModel(path, { stream: true, scan: { inlineBytes: 0 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('MODEL_INVALID');
    expect((error as Error).message).toMatch(/cannot be decoded .*runs past the end/);
    expect((error as Error).message).not.toMatch(/\n/);
  });

  it('a Git LFS pointer: the same hint as the in-memory path', async () => {
    const dir = tempDir();
    const path = join(dir, 'lfs.onnx');
    writeFileSync(path, 'version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 123\n');
    const error = await loadModel(path, { stream: true }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/git lfs pull/);
  });
});
