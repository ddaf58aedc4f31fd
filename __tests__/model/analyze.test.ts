import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { analyzeModel, fsExternalReader, tensorInfoOf, tensorStats } from '../../src/model/analyze.js';
import { floatTensor, model, node, valueInfo } from '../../src/model/builder.js';
import {
  buildBatchedMatMul,
  buildClassifier,
  buildCnn,
  buildControlFlow,
  buildDynamicConv,
  buildMixedDtypes,
  buildMultiInput,
  buildRecurrent,
  buildSparse,
} from '../../src/model/examples.js';
import { loadModel, type LoadedModel } from '../../src/model/load.js';
import { DataType, encodeModel, type ModelProto, type TensorProto } from '../../src/model/onnx.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A LoadedModel for an in-memory proto (no file; external data not involved). */
function inMemory(proto: ModelProto, path = '/virtual/model.onnx'): LoadedModel {
  const bytes = encodeModel(proto);
  return { path, bytes, proto, fileBytes: bytes.length, externalFiles: [] };
}

describe('analyzeModel on the generated models (figures by hand)', () => {
  it('classifier: 784·128+128 + 128·64+64 + 64·1+1 = 108,801 parameters, all float32', async () => {
    const loaded = await loadModel(join(ROOT, 'examples/models/classifier.onnx'));
    const a = analyzeModel(loaded);
    expect(a.size.parameters).toBe(784 * 128 + 128 + 128 * 64 + 64 + 64 * 1 + 1);
    expect(a.size.parameters).toBe(108_801);
    expect(a.size.bytesByDtype).toEqual({ float32: 108_801 * 4 });
    expect(a.size.bytes).toBe(statSync(join(ROOT, 'examples/models/classifier.onnx')).size);
    expect(a.size.sparsity).toBe(0);
    expect(a.ops).toEqual({ Gemm: 3, Relu: 2, Sigmoid: 1 });
    expect(a.opset).toBe(17);
    expect(a.irVersion).toBe(8);
    expect(a.producer).toBe('energy-budget');
    expect(a.inputs).toEqual([{ name: 'x', dtype: 'float32', shape: ['N', 784] }]);
    expect(a.outputs).toEqual([{ name: 'y', dtype: 'float32', shape: ['N', 1] }]);
    expect(a.weightInputs).toEqual([]);
  });

  it('classifier with a wider first layer: 784·136+136 + 136·64+64 + 65', () => {
    expect(analyzeModel(inMemory(buildClassifier({ hidden1: 136 }))).size.parameters).toBe(784 * 136 + 136 + 136 * 64 + 64 + 65);
  });

  it('CNN: (8·1·9+8) + (16·8·9+16) + (784·10+10) = 9,098 parameters', () => {
    const a = analyzeModel(inMemory(buildCnn()));
    expect(a.size.parameters).toBe(8 * 9 + 8 + 16 * 8 * 9 + 16 + 784 * 10 + 10);
    expect(a.size.parameters).toBe(9_098);
    expect(a.ops).toEqual({ Conv: 2, Relu: 2, MaxPool: 2, Flatten: 1, Gemm: 1 });
    expect(a.inputs[0]).toEqual({ name: 'x', dtype: 'float32', shape: ['N', 1, 28, 28] });
  });

  it('several inputs, one int64 (token ids)', () => {
    const a = analyzeModel(inMemory(buildMultiInput()));
    expect(a.size.parameters).toBe(50 * 16 + 24 * 4 + 4);
    expect(a.inputs).toEqual([
      { name: 'tokens', dtype: 'int64', shape: ['N', 'T'] },
      { name: 'features', dtype: 'float32', shape: ['N', 8] },
    ]);
  });

  it('dynamic spatial dims and ConvTranspose: 4·3·9+4 + 4·2·4+2 = 146 parameters', () => {
    const a = analyzeModel(inMemory(buildDynamicConv()));
    expect(a.size.parameters).toBe(146);
    expect(a.inputs[0]!.shape).toEqual(['N', 3, 'H', 'W']);
    expect(a.ops.ConvTranspose).toBe(1);
  });

  it('counts weights in Constant nodes and inside If and Loop bodies', () => {
    const a = analyzeModel(inMemory(buildControlFlow()));
    // then-initializer 16 + else-Constant 16 + Constant value 4 + Constant value_floats 4
    // + loop-body initializer 16 + the int64 trip count 1.
    expect(a.size.parameters).toBe(16 + 16 + 4 + 4 + 16 + 1);
    expect(a.size.bytesByDtype).toEqual({ float32: (16 + 16 + 4 + 4 + 16) * 4, int64: 8 });
    expect(a.ops).toEqual({ If: 1, MatMul: 3, Constant: 3, Add: 1, Mul: 1, Loop: 1, Tanh: 1, Identity: 1 });
    expect(a.inputs.map((i) => [i.name, i.dtype, i.shape])).toEqual([
      ['x', 'float32', ['N', 4]],
      ['flag', 'bool', []],
    ]);
  });

  it('batched MatMul and recurrent state inputs', () => {
    expect(analyzeModel(inMemory(buildBatchedMatMul())).size.parameters).toBe(10);
    const r = analyzeModel(inMemory(buildRecurrent()));
    expect(r.size.parameters).toBe(3 * 5 * 3 + 3 * 5 * 5 + 6 * 5);
    expect(r.inputs.map((i) => i.name)).toEqual(['x', 'h0']);
    expect(r.outputs.map((o) => o.shape)).toEqual([
      ['T', 1, 'N', 5],
      [1, 'N', 5],
    ]);
  });

  it('sparsity counts exactly-zero weights, and a sparse initializer by its dense shape', () => {
    const a = analyzeModel(inMemory(buildSparse()));
    // W[8,4] with 12 zeros, b[4] with 1 zero, sparse S[4,4] with 3 non-zeros (13 zeros).
    expect(a.size.parameters).toBe(32 + 4 + 16);
    expect(a.size.sparsity).toBe((12 + 1 + 13) / 52);
    // Stored: dense float32 (32+4)·4, sparse values 3·4; the sparse indices 3 int64.
    expect(a.size.bytesByDtype).toEqual({ float32: 36 * 4 + 3 * 4, int64: 3 * 8 });
  });

  it('bytes by dtype across float16, int8 and a float64 stored in double_data', () => {
    const a = analyzeModel(inMemory(buildMixedDtypes()));
    expect(a.size.parameters).toBe(16 + 8 + 1);
    expect(a.size.bytesByDtype).toEqual({ float16: 32, int8: 8, float64: 8 });
    expect(a.size.sparsity).toBe(0);
  });

  it('finds zeros in every storage form: ±0 floats, float16 bit patterns, typed fields, value_ints', () => {
    const negZero = floatTensor('a', [4], [0, -0, 1, 2]);
    const half: TensorProto = { name: 'h', dims: [4], dataType: DataType.FLOAT16, int32Data: [0, 0x8000, 0x3c00, 1] };
    const ints: TensorProto = { name: 'i', dims: [3], dataType: DataType.INT64, int64Data: [0, 5, 0] };
    const proto = model({
      name: 'zeros',
      node: [node('Constant', [], ['k'], { value_ints: { ints: [0, 0, 3] } }), node('Identity', ['a'], ['y'])],
      initializer: [negZero, half, ints],
      input: [],
      output: [valueInfo('y', DataType.FLOAT, [4])],
    });
    const a = analyzeModel(inMemory(proto));
    expect(a.size.parameters).toBe(4 + 4 + 3 + 3);
    // a: 0 and -0; h: 0x0000 and 0x8000 (negative zero) but not 1 (a subnormal); i: two; k: two.
    expect(a.size.sparsity).toBe((2 + 2 + 2 + 2) / 14);
    expect(a.size.bytesByDtype).toEqual({ float32: 16, float16: 8, int64: 24 + 24 });
  });

  it.each([
    ['float64 ±0', DataType.DOUBLE, [3], new Float64Array([0, -0, 1]), 2, 24],
    ['int64 raw', DataType.INT64, [2], new BigInt64Array([0n, 5n]), 1, 16],
    ['bfloat16 -0 and 1.0', DataType.BFLOAT16, [2], new Uint16Array([0x8000, 0x3f80]), 1, 4],
    ['int4 packed, odd count', DataType.INT4, [3], new Uint8Array([0x10, 0x02]), 1, 2],
    ['float4e2m1 negative zero', DataType.FLOAT4E2M1, [2], new Uint8Array([0x98]), 1, 1],
    ['float8e4m3fn 0x80 is -0', DataType.FLOAT8E4M3FN, [2], new Uint8Array([0x80, 0x01]), 1, 2],
    ['float8e4m3fnuz 0x80 is NaN', DataType.FLOAT8E4M3FNUZ, [2], new Uint8Array([0x80, 0x00]), 1, 2],
    ['complex64 zero only when both parts are', DataType.COMPLEX64, [2], new Float32Array([0, -0, 0, 1]), 1, 16],
    ['bool', DataType.BOOL, [3], new Uint8Array([0, 1, 0]), 2, 3],
  ])('tensorStats: %s', (_name, code, dims, data, zeros, bytes) => {
    const view = data as ArrayBufferView;
    const t: TensorProto = {
      name: 't',
      dims,
      dataType: code,
      rawData: new Uint8Array(view.buffer, view.byteOffset, view.byteLength),
    };
    const ctx = { modelPath: '/m.onnx', root: '/', label: 'm', read: fsExternalReader, fileSizes: new Map<string, number>() };
    expect(tensorStats(t, ctx)).toMatchObject({ elements: dims.reduce((a, b) => a * b, 1), zeros, bytes });
  });

  it('lists graph inputs that are initializers as weightInputs, not as inputs', () => {
    const proto = model(
      {
        name: 'g',
        node: [node('Add', ['x', 'w'], ['y'])],
        initializer: [floatTensor('w', [2], [1, 2])],
        input: [valueInfo('x', DataType.FLOAT, [2]), valueInfo('w', DataType.FLOAT, [2])],
        output: [valueInfo('y', DataType.FLOAT, [2])],
      },
      { opset: 9 },
    );
    const a = analyzeModel(inMemory(proto));
    expect(a.inputs.map((i) => i.name)).toEqual(['x']);
    expect(a.weightInputs).toEqual(['w']);
    expect(a.opset).toBe(9);
  });

  it('prefixes ops of other domains and describes unknown dims as null', () => {
    const proto = model(
      {
        name: 'g',
        node: [node('FusedGemm', ['x'], ['y'], {}, 'f', 'com.microsoft')],
        input: [{ name: 'x', type: { tensorType: { elemType: DataType.FLOAT, shape: { dim: [{ dimParam: 'N' }, {}] } } } }],
        output: [valueInfo('y', DataType.FLOAT, undefined)],
      },
      { extraOpsets: [{ domain: 'com.microsoft', version: 1 }] },
    );
    const a = analyzeModel(inMemory(proto));
    expect(a.ops).toEqual({ 'com.microsoft.FusedGemm': 1 });
    expect(a.inputs[0]!.shape).toEqual(['N', null]);
    expect(a.outputs[0]!.shape).toBeNull();
  });

  it('describes sequence inputs by their element type and says so', () => {
    const info = tensorInfoOf(
      {
        name: 's',
        type: { sequenceType: { elemType: { tensorType: { elemType: DataType.INT32, shape: { dim: [{ dimValue: 3 }] } } } } },
      },
      'm',
      'input',
    );
    expect(info).toEqual({ name: 's', dtype: 'int32', shape: [3], kind: 'sequence' });
  });

  it('rejects an untyped graph input with a message naming the model and the input', () => {
    expect(() => tensorInfoOf({ name: 'x' }, 'models/m.onnx', 'input')).toThrow(/models\/m\.onnx.*graph input "x".*element type/);
  });
});

describe('external data', () => {
  /** x[N,4] → MatMul W[4,3] (external, offset 8, length 48) → Add b[3] (external, no length) → y. */
  function writeExternalModel(): { dir: string; path: string; zeros: number } {
    const dir = mkdtempSync(join(tmpdir(), 'eb-ext-'));
    const w = Float32Array.from([0, 1, 2, 0, 3, 4, 0, 5, -0, 6, 7, 0]); // 5 zeros
    const b = Float32Array.from([0.5, 0, -1]); // 1 zero
    const data = new Uint8Array(8 + 48 + 12);
    data.set(new Uint8Array(w.buffer), 8);
    data.set(new Uint8Array(b.buffer), 56);
    writeFileSync(join(dir, 'weights.bin'), data);
    const ext = (name: string, dims: number[], offset: number, length?: number): TensorProto => ({
      name,
      dims,
      dataType: DataType.FLOAT,
      dataLocation: 1,
      externalData: [
        { key: 'location', value: 'weights.bin' },
        { key: 'offset', value: String(offset) },
        ...(length !== undefined ? [{ key: 'length', value: String(length) }] : []),
      ],
    });
    const proto = model({
      name: 'ext',
      node: [node('MatMul', ['x', 'W'], ['h']), node('Add', ['h', 'b'], ['y'])],
      initializer: [ext('W', [4, 3], 8, 48), ext('b', [3], 56)],
      input: [valueInfo('x', DataType.FLOAT, ['N', 4])],
      output: [valueInfo('y', DataType.FLOAT, ['N', 3])],
    });
    const path = join(dir, 'model.onnx');
    writeFileSync(path, encodeModel(proto));
    return { dir, path, zeros: 6 };
  }

  it('sizes the model with its data file and reads the weights from it for sparsity', async () => {
    const { dir, path, zeros } = writeExternalModel();
    const loaded = await loadModel(path);
    expect(loaded.externalFiles).toEqual([{ path: join(dir, 'weights.bin'), bytes: 68 }]);
    const a = analyzeModel(loaded);
    expect(a.size.bytes).toBe(statSync(path).size + 68);
    expect(a.size.parameters).toBe(15);
    expect(a.size.bytesByDtype).toEqual({ float32: 48 + 12 });
    expect(a.size.sparsity).toBe(zeros / 15);
  });

  it('reads external data in chunks through an injectable reader', async () => {
    const { path, zeros } = writeExternalModel();
    const loaded = await loadModel(path);
    const file = readFileSync(join(loaded.path, '..', 'weights.bin'));
    const calls: string[] = [];
    const a = analyzeModel(loaded, {
      // Hand the bytes over 5 at a time, so elements straddle chunk boundaries.
      readExternal: (f, offset, length, onChunk) => {
        calls.push(`${offset}+${length}`);
        for (let at = offset; at < offset + length; at += 5)
          onChunk(new Uint8Array(file.subarray(at, Math.min(at + 5, offset + length))));
      },
    });
    expect(calls).toEqual(['8+48', '56+12']);
    expect(a.size.sparsity).toBe(zeros / 15);
  });

  it('is a model onnxruntime itself accepts (the fixture is well-formed)', async () => {
    const { path } = writeExternalModel();
    const session = await ort.InferenceSession.create(path);
    const out = await session.run({ x: new ort.Tensor('float32', Float32Array.from([1, 0, 0, 0]), [1, 4]) });
    expect(Array.from(out.y!.data as Float32Array)).toEqual([0.5, 1, 1]);
    await session.release();
  });
});
