/** Small models built in code for the bench tests (not a test file itself). */
import { DataType, encodeModel } from '../../src/model/onnx.js';
import { floatTensor, model, node, valueInfo } from '../../src/model/builder.js';
import type { TensorDType } from '../../src/model/types.js';
import { createRng } from '../../src/util/random.js';

/** ONNX element type codes of the dtypes onnxruntime-node can feed. */
export const CODE: Partial<Record<TensorDType, number>> = {
  float32: DataType.FLOAT,
  float64: DataType.DOUBLE,
  float16: DataType.FLOAT16,
  int8: DataType.INT8,
  uint8: DataType.UINT8,
  int16: DataType.INT16,
  uint16: DataType.UINT16,
  int32: DataType.INT32,
  uint32: DataType.UINT32,
  int64: DataType.INT64,
  uint64: DataType.UINT64,
  bool: DataType.BOOL,
  string: DataType.STRING,
  bfloat16: DataType.BFLOAT16,
};

/** y = Identity(x) for one dtype and declared shape. */
export function identityModel(dtype: TensorDType, dims: Array<number | string>): Uint8Array {
  const code = CODE[dtype]!;
  return encodeModel(
    model(
      {
        name: 'identity',
        node: [node('Identity', ['x'], ['y'])],
        input: [valueInfo('x', code, dims)],
        output: [valueInfo('y', code, dims)],
      },
      { opset: 21 },
    ),
  );
}

/** y = Cast<float>(x): proves that onnxruntime reads the values, not only passes the buffer along. */
export function castToFloatModel(dtype: TensorDType, dims: Array<number | string>): Uint8Array {
  return encodeModel(
    model(
      {
        name: 'cast',
        node: [node('Cast', ['x'], ['y'], { to: DataType.FLOAT })],
        input: [valueInfo('x', CODE[dtype]!, dims)],
        output: [valueInfo('y', DataType.FLOAT, dims)],
      },
      { opset: 21 },
    ),
  );
}

/** A small MLP in → hidden ReLU → 1 sigmoid with seeded weights and a symbolic batch dim `N`. */
export function mlpModel(inputs = 16, hidden = 8): Uint8Array {
  const rng = createRng(7);
  const w = (n: number): number[] => Array.from({ length: n }, () => rng.normal() * 0.1);
  return encodeModel(
    model({
      name: 'mlp',
      node: [
        node('Gemm', ['x', 'w1', 'b1'], ['h1']),
        node('Relu', ['h1'], ['r1']),
        node('Gemm', ['r1', 'w2', 'b2'], ['h2']),
        node('Sigmoid', ['h2'], ['y']),
      ],
      initializer: [
        floatTensor('w1', [inputs, hidden], w(inputs * hidden)),
        floatTensor('b1', [hidden], w(hidden)),
        floatTensor('w2', [hidden, 1], w(hidden)),
        floatTensor('b2', [1], w(1)),
      ],
      input: [valueInfo('x', DataType.FLOAT, ['N', inputs])],
      output: [valueInfo('y', DataType.FLOAT, ['N', 1])],
    }),
  );
}

/** y = x / x: NaN wherever x is 0, ±Inf nowhere; z = 1 / x: Inf wherever x is 0. */
export function nanModel(): Uint8Array {
  return encodeModel(
    model({
      name: 'nan',
      node: [
        node('Div', ['x', 'x'], ['y']),
        node('Reciprocal', ['x'], ['z']),
        node('Cast', ['x'], ['i'], { to: DataType.INT32 }),
      ],
      input: [valueInfo('x', DataType.FLOAT, [4])],
      output: [valueInfo('y', DataType.FLOAT, [4]), valueInfo('z', DataType.FLOAT, [4]), valueInfo('i', DataType.INT32, [4])],
    }),
  );
}
