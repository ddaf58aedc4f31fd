import { describe, expect, it } from '@jest/globals';
import * as ort from 'onnxruntime-node';
import { decodeModel, encodeModel, DataType } from '../src/model/onnx.js';
import { floatTensor, model, node, valueInfo } from '../src/model/builder.js';

describe('onnx protobuf schema', () => {
  const graph = {
    name: 'g',
    node: [node('Gemm', ['x', 'w', 'b'], ['y'], { transB: 1 })],
    initializer: [floatTensor('w', [2, 3], [1, 2, 3, 4, 5, 6]), floatTensor('b', [2], [0.5, -0.5])],
    input: [valueInfo('x', DataType.FLOAT, ['N', 3])],
    output: [valueInfo('y', DataType.FLOAT, ['N', 2])],
  };

  it('round-trips a model through encode and decode', () => {
    const decoded = decodeModel(encodeModel(model(graph)));
    expect(decoded.graph?.node?.[0]?.opType).toBe('Gemm');
    expect(decoded.graph?.initializer?.[0]?.dims).toEqual([2, 3]);
    expect(decoded.graph?.input?.[0]?.type?.tensorType?.shape?.dim?.[0]?.dimParam).toBe('N');
    expect(decoded.opsetImport?.[0]?.version).toBe(17);
    expect(decoded.graph?.node?.[0]?.attribute?.[0]?.i).toBe(1);
  });

  it('writes models that onnxruntime runs', async () => {
    const session = await ort.InferenceSession.create(encodeModel(model(graph)));
    const out = await session.run({ x: new ort.Tensor('float32', Float32Array.from([1, 1, 1]), [1, 3]) });
    // y = x·Wᵀ + b = [1+2+3+0.5, 4+5+6-0.5]
    expect(Array.from(out.y!.data as Float32Array)).toEqual([6.5, 14.5]);
    await session.release();
  });
});
