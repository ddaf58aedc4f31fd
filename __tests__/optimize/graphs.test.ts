import { describe, expect, it } from '@jest/globals';
import * as ort from 'onnxruntime-node';
import { DataType, decodeModel, encodeModel, type GraphProto, type ModelProto } from '../../src/model/onnx.js';
import { floatTensor, model, node, valueInfo } from '../../src/model/builder.js';
import { raiseOpset, defaultOpset } from '../../src/optimize/opset.js';
import { buildVariant } from '../../src/optimize/variants.js';
import { measureFidelity } from '../../src/optimize/fidelity.js';
import { ortSessionFactory } from '../../src/optimize/session.js';
import { VARIANT_IDS } from '../../src/optimize/types.js';
import { createRng } from '../../src/util/random.js';
import { InputError } from '../../src/errors.js';

const rng = createRng(11);
const randn = (n: number): Float32Array => Float32Array.from({ length: n }, () => rng.normal());
const feed = (shape: number[]): Record<string, ort.Tensor> => ({
  x: new ort.Tensor('float32', randn(shape.reduce((a, b) => a * b, 1)), shape),
});

/** Round-trips through bytes, as a model read from a file would be. */
const decoded = (m: ModelProto): ModelProto => decodeModel(encodeModel(m));

async function expectClose(original: ModelProto, variant: ModelProto, shape: number[], tolerance: number): Promise<void> {
  const f = await measureFidelity(encodeModel(original), encodeModel(variant), [feed(shape), feed(shape)], ortSessionFactory);
  expect(f.maxAbsError).toBeLessThan(tolerance);
}

describe('graph shapes the variants handle', () => {
  it('Gemm with transB = 0, alpha, beta and a shared weight, MatMul, weights listed as graph inputs', async () => {
    // y = 0.5·(x·W) + 2·b; z = x·W (MatMul sharing W); weights also graph inputs (IR < 4 style).
    const g: GraphProto = {
      name: 'g',
      node: [
        node('Gemm', ['x', 'W', 'b'], ['y'], { alpha: 0.5, beta: { f: 2 } }, 'gemm'),
        node('MatMul', ['x', 'W'], ['z'], {}, 'matmul'),
        node('MatMul', ['z', 'V'], ['v'], {}, 'matmul2'),
      ],
      initializer: [floatTensor('W', [6, 4], randn(24)), floatTensor('b', [4], randn(4)), floatTensor('V', [4, 3], randn(12))],
      input: [
        valueInfo('x', DataType.FLOAT, ['N', 6]),
        valueInfo('W', DataType.FLOAT, [6, 4]),
        valueInfo('V', DataType.FLOAT, [4, 3]),
      ],
      output: [
        valueInfo('y', DataType.FLOAT, ['N', 4]),
        valueInfo('z', DataType.FLOAT, ['N', 4]),
        valueInfo('v', DataType.FLOAT, ['N', 3]),
      ],
    };
    const original = decoded(model(g, { opset: 17 }));
    for (const id of VARIANT_IDS) {
      const built = buildVariant(original, id);
      expect(built.model.graph!.input!.map((i) => i.name)).toEqual(
        { prune: ['x', 'W', 'V'], 'int8-dynamic': ['x', 'W'], 'int8-weights': ['x'], fp16: ['x', 'V'] }[id],
      ); // V has under 16 elements: fp16 leaves it
      await expectClose(original, built.model, [5, 6], id === 'prune' ? 10 : 0.1);
    }
    // Dynamic int8 rewrites only weights with one consumer: V, not the shared W.
    expect(buildVariant(original, 'int8-dynamic').weights.map((w) => w.name)).toEqual(['V']);
    // Both consumers of W read it along axis 1 (Gemm without transB, MatMul), so QDQ takes it.
    expect(
      buildVariant(original, 'int8-weights')
        .weights.map((w) => w.name)
        .sort(),
    ).toEqual(['V', 'W']);
  });

  it('Gemm rewritten to MatMulInteger keeps alpha and beta and a run-time bias', async () => {
    const g: GraphProto = {
      name: 'g',
      node: [node('Relu', ['x'], ['c']), node('Gemm', ['x', 'W', 'c'], ['y'], { alpha: 1.5, beta: 0.25, transB: 1 }, 'gemm')],
      initializer: [floatTensor('W', [5, 5], randn(25))],
      input: [valueInfo('x', DataType.FLOAT, [3, 5])],
      output: [valueInfo('y', DataType.FLOAT, [3, 5])],
    };
    const original = decoded(model(g, { opset: 13 }));
    const built = buildVariant(original, 'int8-dynamic');
    expect(built.weights.map((w) => w.name)).toEqual(['W']);
    await expectClose(original, built.model, [3, 5], 0.2);
  });

  it('a grouped Conv and a Conv without bias run as ConvInteger', async () => {
    const g: GraphProto = {
      name: 'g',
      node: [
        node('Conv', ['x', 'dw', 'dwb'], ['a'], { kernel_shape: [3, 3], pads: [1, 1, 1, 1], group: 4 }, 'depthwise'),
        node('Conv', ['a', 'pw'], ['y'], { kernel_shape: [1, 1] }, 'pointwise'),
      ],
      initializer: [
        floatTensor('dw', [4, 1, 3, 3], randn(36)),
        floatTensor('dwb', [4], randn(4)),
        floatTensor('pw', [6, 4, 1, 1], randn(24)),
      ],
      input: [valueInfo('x', DataType.FLOAT, [1, 4, 6, 6])],
      output: [valueInfo('y', DataType.FLOAT, [1, 6, 6, 6])],
    };
    const original = decoded(model(g, { opset: 17 }));
    const built = buildVariant(original, 'int8-dynamic');
    expect(built.model.graph!.node!.filter((n) => n.opType === 'ConvInteger').length).toBe(2);
    await expectClose(original, built.model, [1, 4, 6, 6], 0.5);
  });
});

describe('raising the opset', () => {
  const mm = (extra: GraphProto['node'] = []): GraphProto => ({
    name: 'g',
    node: [...extra, node('MatMul', ['x', 'W'], ['y'], {}, 'mm')],
    initializer: [floatTensor('W', [4, 2], randn(8))],
    input: [valueInfo('x', DataType.FLOAT, [3, 4])],
    output: [valueInfo('y', DataType.FLOAT, [3, 2])],
  });

  it('raises opset 11 to 13 for per-channel DequantizeLinear, with the IR version it needs', async () => {
    const original = decoded({ ...model(mm(), { opset: 11 }), irVersion: 6 });
    const built = buildVariant(original, 'int8-weights');
    expect(defaultOpset(built.model)).toBe(13);
    expect(built.model.irVersion).toBe(7);
    expect(built.notes.join(' ')).toMatch(/Opset raised from 11 to 13/);
    await expectClose(original, built.model, [3, 4], 0.1);
  });

  it("drops Dropout's removed ratio attribute when crossing opset 12", async () => {
    const g = mm([node('Dropout', ['x0'], ['x'], { ratio: 0.5 }, 'drop')]);
    g.input = [valueInfo('x0', DataType.FLOAT, [3, 4])];
    const original = decoded(model(g, { opset: 10 }));
    const built = buildVariant(original, 'int8-weights');
    expect(built.model.graph!.node!.find((n) => n.opType === 'Dropout')!.attribute).toEqual([]);
    const s = await ortSessionFactory(encodeModel(built.model));
    await s.run({ x0: feed([3, 4]).x });
    await s.release();
  });

  it('refuses ops that changed meaning, naming each node', () => {
    const g = mm([node('Softmax', ['x0'], ['x'], {}, 'probs')]);
    const m = decoded(model(g, { opset: 12 }));
    expect(() => raiseOpset(m, 13, 'Per-channel DequantizeLinear')).toThrow(InputError);
    expect(() => raiseOpset(m, 13, 'Per-channel DequantizeLinear')).toThrow(
      /probs \(Softmax, changed at opset 13\).*opset_version=13/,
    );
  });

  it('refuses opsets below 7 and leaves models already there untouched', () => {
    expect(() => raiseOpset(decoded(model(mm(), { opset: 6 })), 13, 'x')).toThrow(/only raises opsets from 7 up/);
    const m = decoded(model(mm(), { opset: 17 }));
    expect(raiseOpset(m, 13, 'x')).toBe(m);
  });
});

describe('weights read inside control flow', () => {
  it('leaves a weight that an If branch also reads from the outer scope', async () => {
    const branch = (name: string, op: string): GraphProto => ({
      name,
      node: [node(op, ['y', 'W'], [`${name}_out`], {}, `${name}_node`)],
      output: [valueInfo(`${name}_out`, DataType.FLOAT, undefined)],
    });
    const g: GraphProto = {
      name: 'g',
      node: [
        node('MatMul', ['x', 'W'], ['y'], {}, 'mm'),
        node(
          'If',
          ['flag'],
          ['z'],
          { then_branch: { g: branch('then', 'MatMul') }, else_branch: { g: branch('else', 'MatMul') } },
          'if',
        ),
      ],
      initializer: [floatTensor('W', [4, 4], randn(16))],
      input: [valueInfo('x', DataType.FLOAT, [2, 4]), valueInfo('flag', DataType.BOOL, [])],
      output: [valueInfo('z', DataType.FLOAT, [2, 4])],
    };
    const original = decoded(model(g, { opset: 17 }));
    for (const id of VARIANT_IDS) {
      const built = buildVariant(original, id);
      if (id === 'fp16') continue; // 16 elements: stored float16 behind a Cast that keeps the name
      expect([id, built.weights]).toEqual([id, []]);
      expect(built.notes.join(' ')).toMatch(/W: left as is, it also feeds If body/);
    }
    const fp16 = buildVariant(original, 'fp16');
    const s = await ortSessionFactory(encodeModel(fp16.model));
    const out = await s.run({ x: feed([2, 4]).x, flag: new ort.Tensor('bool', [true], []) });
    expect(out.z.dims).toEqual([2, 4]);
    await s.release();
  });
});
