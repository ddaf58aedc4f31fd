/**
 * Deterministic example and test models, built in code with seeded weights.
 *
 * `scripts/generate-models.ts` writes them to `examples/models/` (the two the README's example
 * uses) and `__tests__/fixtures/models/` (small graphs that exercise the analysis: several and
 * int64 inputs, dynamic spatial dims, If/Loop with weights inside, Constant-node weights,
 * batched MatMul, ConvTranspose, recurrent state, sparse weights). A test checks that the
 * committed files are byte-identical to what these builders produce, so they cannot drift.
 *
 * Closed-form parameter counts and FLOPs for each model are in __tests__/model/ and docs/flops.md.
 */
import { floatTensor, int64Tensor, model, node, rawTensor, valueInfo } from './builder.js';
import { DataType, type GraphProto, type ModelProto, type SparseTensorProto } from './onnx.js';
import { createRng, seedFrom, type Rng } from '../util/random.js';

/** Default seed of every builder; a different seed gives different weights, same structure. */
export const DEFAULT_SEED = 20240601;

/**
 * Normal weights with standard deviation sqrt(2 / fanIn): He initialisation for layers followed
 * by ReLU (He et al. 2015, "Delving Deep into Rectifiers", eq. 10).
 */
function heNormal(rng: Rng, count: number, fanIn: number): Float32Array {
  const std = Math.sqrt(2 / fanIn);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = rng.normal() * std;
  return out;
}

/**
 * Normal weights with standard deviation sqrt(2 / (fanIn + fanOut)): Glorot/Xavier
 * initialisation for layers followed by sigmoid, tanh or nothing (Glorot & Bengio 2010, eq. 16).
 */
function xavierNormal(rng: Rng, count: number, fanIn: number, fanOut: number): Float32Array {
  const std = Math.sqrt(2 / (fanIn + fanOut));
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = rng.normal() * std;
  return out;
}

/**
 * Biases uniform in [-1/sqrt(fanIn), 1/sqrt(fanIn)), PyTorch's default for nn.Linear and
 * nn.Conv2d; never exactly zero in practice, so the example models have sparsity 0.
 */
function uniformBias(rng: Rng, count: number, fanIn: number): Float32Array {
  const bound = 1 / Math.sqrt(fanIn);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = (rng.next() * 2 - 1) * bound;
  return out;
}

function rngFor(name: string, seed: number): Rng {
  return createRng(seedFrom(name, seed));
}

/** Options of {@link buildClassifier}. */
export interface ClassifierOptions {
  /** Weight seed. @default DEFAULT_SEED */
  seed?: number;
  /** Width of the first hidden layer. @default 128 */
  hidden1?: number;
}

/**
 * The classic three-layer classifier: x[N,784] → Gemm 128 → ReLU → Gemm 64 → ReLU → Gemm 1 →
 * Sigmoid → y[N,1]. Weights are stored PyTorch-style as [out, in] with transB=1.
 * Parameters: 784·h1 + h1 + h1·64 + 64 + 64 + 1 (108,801 for h1 = 128).
 */
export function buildClassifier(opts: ClassifierOptions = {}): ModelProto {
  const seed = opts.seed ?? DEFAULT_SEED;
  const h1 = opts.hidden1 ?? 128;
  const rng = rngFor('classifier', seed);
  const layers: Array<[number, number]> = [
    [784, h1],
    [h1, 64],
    [64, 1],
  ];
  const initializer = layers.flatMap(([fanIn, fanOut], i) => [
    floatTensor(
      `fc${i + 1}.weight`,
      [fanOut, fanIn],
      i < 2 ? heNormal(rng, fanIn * fanOut, fanIn) : xavierNormal(rng, fanIn * fanOut, fanIn, fanOut),
    ),
    floatTensor(`fc${i + 1}.bias`, [fanOut], uniformBias(rng, fanOut, fanIn)),
  ]);
  const graph: GraphProto = {
    name: 'classifier',
    node: [
      node('Gemm', ['x', 'fc1.weight', 'fc1.bias'], ['h1'], { transB: 1 }, 'fc1'),
      node('Relu', ['h1'], ['a1'], {}, 'relu1'),
      node('Gemm', ['a1', 'fc2.weight', 'fc2.bias'], ['h2'], { transB: 1 }, 'fc2'),
      node('Relu', ['h2'], ['a2'], {}, 'relu2'),
      node('Gemm', ['a2', 'fc3.weight', 'fc3.bias'], ['logit'], { transB: 1 }, 'fc3'),
      node('Sigmoid', ['logit'], ['y'], {}, 'sigmoid'),
    ],
    initializer,
    input: [valueInfo('x', DataType.FLOAT, ['N', 784])],
    output: [valueInfo('y', DataType.FLOAT, ['N', 1])],
  };
  return model(graph, { opset: 17 });
}

/** Options of {@link buildCnn}. */
export interface CnnOptions {
  /** Weight seed. @default DEFAULT_SEED */
  seed?: number;
}

/**
 * A small CNN for 28×28 grey images: x[N,1,28,28] → Conv 8@3×3 pad 1 → ReLU → MaxPool 2 →
 * Conv 16@3×3 pad 1 → ReLU → MaxPool 2 → Flatten → Gemm 784→10 → logits[N,10].
 * Parameters: (8·1·9 + 8) + (16·8·9 + 16) + (784·10 + 10) = 9,098.
 */
export function buildCnn(opts: CnnOptions = {}): ModelProto {
  const rng = rngFor('cnn', opts.seed ?? DEFAULT_SEED);
  const conv1Fan = 1 * 3 * 3;
  const conv2Fan = 8 * 3 * 3;
  const graph: GraphProto = {
    name: 'cnn',
    node: [
      node('Conv', ['x', 'conv1.weight', 'conv1.bias'], ['c1'], { kernel_shape: [3, 3], pads: [1, 1, 1, 1] }, 'conv1'),
      node('Relu', ['c1'], ['r1'], {}, 'relu1'),
      node('MaxPool', ['r1'], ['p1'], { kernel_shape: [2, 2], strides: [2, 2] }, 'pool1'),
      node('Conv', ['p1', 'conv2.weight', 'conv2.bias'], ['c2'], { kernel_shape: [3, 3], pads: [1, 1, 1, 1] }, 'conv2'),
      node('Relu', ['c2'], ['r2'], {}, 'relu2'),
      node('MaxPool', ['r2'], ['p2'], { kernel_shape: [2, 2], strides: [2, 2] }, 'pool2'),
      node('Flatten', ['p2'], ['flat'], { axis: 1 }, 'flatten'),
      node('Gemm', ['flat', 'fc.weight', 'fc.bias'], ['logits'], { transB: 1 }, 'fc'),
    ],
    initializer: [
      floatTensor('conv1.weight', [8, 1, 3, 3], heNormal(rng, 8 * conv1Fan, conv1Fan)),
      floatTensor('conv1.bias', [8], uniformBias(rng, 8, conv1Fan)),
      floatTensor('conv2.weight', [16, 8, 3, 3], heNormal(rng, 16 * conv2Fan, conv2Fan)),
      floatTensor('conv2.bias', [16], uniformBias(rng, 16, conv2Fan)),
      floatTensor('fc.weight', [10, 784], xavierNormal(rng, 10 * 784, 784, 10)),
      floatTensor('fc.bias', [10], uniformBias(rng, 10, 784)),
    ],
    input: [valueInfo('x', DataType.FLOAT, ['N', 1, 28, 28])],
    output: [valueInfo('logits', DataType.FLOAT, ['N', 10])],
  };
  return model(graph, { opset: 17 });
}

/**
 * Two inputs, one int64: tokens[N,T] → Gather from an embedding [50,16] → ReduceMean over T →
 * Concat with features[N,8] → MatMul [24,4] → Add [4] → logits[N,4]. Parameters: 800 + 96 + 4 = 900.
 */
export function buildMultiInput(seed = DEFAULT_SEED): ModelProto {
  const rng = rngFor('multi-input', seed);
  const graph: GraphProto = {
    name: 'multi_input',
    node: [
      node('Gather', ['embedding', 'tokens'], ['emb'], { axis: 0 }, 'embed'),
      node('ReduceMean', ['emb'], ['pooled'], { axes: [1], keepdims: 0 }, 'pool'),
      node('Concat', ['pooled', 'features'], ['joined'], { axis: 1 }, 'concat'),
      node('MatMul', ['joined', 'head.weight'], ['proj'], {}, 'head'),
      node('Add', ['proj', 'head.bias'], ['logits'], {}, 'head_bias'),
    ],
    initializer: [
      floatTensor('embedding', [50, 16], xavierNormal(rng, 50 * 16, 50, 16)),
      floatTensor('head.weight', [24, 4], xavierNormal(rng, 24 * 4, 24, 4)),
      floatTensor('head.bias', [4], uniformBias(rng, 4, 24)),
    ],
    input: [valueInfo('tokens', DataType.INT64, ['N', 'T']), valueInfo('features', DataType.FLOAT, ['N', 8])],
    output: [valueInfo('logits', DataType.FLOAT, ['N', 4])],
  };
  return model(graph, { opset: 17 });
}

/**
 * Dynamic spatial dims and a transposed convolution: x[N,3,H,W] → Conv 4@3×3 pad 1 → ReLU →
 * ConvTranspose 2@2×2 stride 2 → GlobalAveragePool → y[N,2,1,1]. Parameters: 108+4+32+2 = 146.
 */
export function buildDynamicConv(seed = DEFAULT_SEED): ModelProto {
  const rng = rngFor('dynamic-conv', seed);
  const graph: GraphProto = {
    name: 'dynamic_conv',
    node: [
      node('Conv', ['x', 'conv.weight', 'conv.bias'], ['c'], { kernel_shape: [3, 3], pads: [1, 1, 1, 1] }, 'conv'),
      node('Relu', ['c'], ['r'], {}, 'relu'),
      node('ConvTranspose', ['r', 'up.weight', 'up.bias'], ['u'], { kernel_shape: [2, 2], strides: [2, 2] }, 'up'),
      node('GlobalAveragePool', ['u'], ['y'], {}, 'gap'),
    ],
    initializer: [
      floatTensor('conv.weight', [4, 3, 3, 3], heNormal(rng, 108, 27)),
      floatTensor('conv.bias', [4], uniformBias(rng, 4, 27)),
      // ConvTranspose weights are [C_in, C_out / group, kH, kW] (ONNX operator spec).
      floatTensor('up.weight', [4, 2, 2, 2], xavierNormal(rng, 32, 16, 8)),
      floatTensor('up.bias', [2], uniformBias(rng, 2, 16)),
    ],
    input: [valueInfo('x', DataType.FLOAT, ['N', 3, 'H', 'W'])],
    output: [valueInfo('y', DataType.FLOAT, ['N', 2, 1, 1])],
  };
  return model(graph, { opset: 17 });
}

/**
 * Control flow with weights in every place exporters put them: x[N,4], flag (bool scalar) →
 * If(flag: MatMul with an initializer of the then-branch | MatMul with a Constant node of the
 * else-branch) → Add a Constant-node bias (`value`) → Mul a Constant-node scale (`value_floats`)
 * → Loop 3 times { h = Tanh(h · W_loop), W_loop an initializer of the body } → y[N,4].
 * Parameters: then 16 + else 16 + bias 4 + scale 4 + loop body 16 + trip count 1 = 57.
 */
export function buildControlFlow(seed = DEFAULT_SEED): ModelProto {
  const rng = rngFor('control-flow', seed);
  const w = (): Float32Array => xavierNormal(rng, 16, 4, 4);
  const thenBranch: GraphProto = {
    name: 'then_branch',
    node: [node('MatMul', ['x', 'then.weight'], ['then_out'], {}, 'then_matmul')],
    initializer: [floatTensor('then.weight', [4, 4], w())],
    output: [valueInfo('then_out', DataType.FLOAT, undefined)],
  };
  const elseBranch: GraphProto = {
    name: 'else_branch',
    node: [
      node('Constant', [], ['else.weight'], { value: { t: floatTensor('else.weight', [4, 4], w()) } }, 'else_const'),
      node('MatMul', ['x', 'else.weight'], ['else_out'], {}, 'else_matmul'),
    ],
    output: [valueInfo('else_out', DataType.FLOAT, undefined)],
  };
  const body: GraphProto = {
    name: 'loop_body',
    node: [
      node('MatMul', ['h_in', 'loop.weight'], ['m'], {}, 'loop_matmul'),
      node('Tanh', ['m'], ['h_out'], {}, 'loop_tanh'),
      node('Identity', ['cond_in'], ['cond_out'], {}, 'loop_cond'),
    ],
    initializer: [floatTensor('loop.weight', [4, 4], w())],
    input: [
      valueInfo('iter', DataType.INT64, []),
      valueInfo('cond_in', DataType.BOOL, []),
      valueInfo('h_in', DataType.FLOAT, undefined),
    ],
    output: [valueInfo('cond_out', DataType.BOOL, []), valueInfo('h_out', DataType.FLOAT, undefined)],
  };
  const bias = floatTensor('bias', [4], uniformBias(rng, 4, 4));
  const scale = Array.from(uniformBias(rng, 4, 4), (v) => 1 + Math.fround(v));
  const graph: GraphProto = {
    name: 'control_flow',
    node: [
      node('If', ['flag'], ['branch'], { then_branch: { g: thenBranch }, else_branch: { g: elseBranch } }, 'if'),
      node('Constant', [], ['bias'], { value: { t: bias } }, 'bias_const'),
      node('Add', ['branch', 'bias'], ['shifted'], {}, 'add_bias'),
      node('Constant', [], ['scale'], { value_floats: { floats: scale } }, 'scale_const'),
      node('Mul', ['shifted', 'scale'], ['h0'], {}, 'mul_scale'),
      node('Loop', ['trip_count', '', 'h0'], ['y'], { body: { g: body } }, 'loop'),
    ],
    initializer: [int64Tensor('trip_count', [], [3])],
    input: [valueInfo('x', DataType.FLOAT, ['N', 4]), valueInfo('flag', DataType.BOOL, [])],
    output: [valueInfo('y', DataType.FLOAT, ['N', 4])],
  };
  return model(graph, { opset: 17 });
}

/** One branch of {@link buildVoiceActivity}: Gemm → Conv1d → LSTM over the conv's time axis. */
function vadBranch(rng: Rng, tag: string, hidden1: number, channels: number): GraphProto {
  const lstmHidden = 16;
  const c = (name: string, dims: number[], data: Float32Array) =>
    node('Constant', [], [name], { value: { t: floatTensor(name, dims, data) } }, `${name}_const`);
  const i64 = (name: string, data: number[]) =>
    node('Constant', [], [name], { value: { t: int64Tensor(name, [data.length], data) } }, `${name}_const`);
  return {
    name: `${tag}_branch`,
    node: [
      c(`${tag}.fc.weight`, [hidden1, 64], heNormal(rng, hidden1 * 64, 64)),
      c(`${tag}.fc.bias`, [hidden1], uniformBias(rng, hidden1, 64)),
      node('Gemm', ['x', `${tag}.fc.weight`, `${tag}.fc.bias`], [`${tag}.h`], { transB: 1 }, `${tag}_gemm`),
      i64(`${tag}.axes1`, [1]),
      node('Unsqueeze', [`${tag}.h`, `${tag}.axes1`], [`${tag}.h3`], {}, `${tag}_unsqueeze`),
      c(`${tag}.conv.weight`, [channels, 1, 3], heNormal(rng, channels * 3, 3)),
      node('Conv', [`${tag}.h3`, `${tag}.conv.weight`], [`${tag}.feat`], { pads: [1, 1] }, `${tag}_conv`),
      node('Transpose', [`${tag}.feat`], [`${tag}.seq`], { perm: [2, 0, 1] }, `${tag}_transpose`),
      c(`${tag}.lstm.W`, [1, 4 * lstmHidden, channels], xavierNormal(rng, 4 * lstmHidden * channels, channels, lstmHidden)),
      c(`${tag}.lstm.R`, [1, 4 * lstmHidden, lstmHidden], xavierNormal(rng, 4 * lstmHidden * lstmHidden, lstmHidden, lstmHidden)),
      c(`${tag}.lstm.B`, [1, 8 * lstmHidden], uniformBias(rng, 8 * lstmHidden, lstmHidden)),
      node(
        'LSTM',
        [`${tag}.seq`, `${tag}.lstm.W`, `${tag}.lstm.R`, `${tag}.lstm.B`],
        [`${tag}.y`, `${tag}.y_h`],
        { hidden_size: lstmHidden },
        `${tag}_lstm`,
      ),
      i64(`${tag}.axes0`, [0]),
      node('Squeeze', [`${tag}.y_h`, `${tag}.axes0`], [`${tag}.out`], {}, `${tag}_squeeze`),
    ],
    output: [valueInfo(`${tag}.out`, DataType.FLOAT, undefined)],
  };
}

/**
 * Shaped like the public voice-activity models whose work sits inside `If`: x[N,64] and an
 * int64 sample rate sr → If(sr == 16000: Gemm 32 → Conv1d 8 ch → LSTM 16 over 32 steps |
 * else: Gemm 16 → Conv1d 4 ch → LSTM 16 over 16 steps), every weight in a Constant node of its
 * branch → MatMul W[16,1] → Sigmoid → y[N,1]. FLOPs by hand in __tests__/model/control-flow.test.ts.
 */
export function buildVoiceActivity(seed = DEFAULT_SEED): ModelProto {
  const rng = rngFor('voice-activity', seed);
  const graph: GraphProto = {
    name: 'voice_activity',
    node: [
      node('Constant', [], ['sr16k'], { value: { t: int64Tensor('sr16k', [], [16000]) } }, 'sr16k_const'),
      node('Equal', ['sr', 'sr16k'], ['is16k'], {}, 'is16k'),
      node(
        'If',
        ['is16k'],
        ['features'],
        { then_branch: { g: vadBranch(rng, 'hi', 32, 8) }, else_branch: { g: vadBranch(rng, 'lo', 16, 4) } },
        'rate_switch',
      ),
      node('MatMul', ['features', 'out.weight'], ['logit'], {}, 'out_matmul'),
      node('Sigmoid', ['logit'], ['y'], {}, 'out_sigmoid'),
    ],
    initializer: [floatTensor('out.weight', [16, 1], xavierNormal(rng, 16, 16, 1))],
    input: [valueInfo('x', DataType.FLOAT, ['N', 64]), valueInfo('sr', DataType.INT64, [])],
    output: [valueInfo('y', DataType.FLOAT, ['N', 1])],
  };
  return model(graph, { opset: 17 });
}

/**
 * Batched MatMul: a[B,3,4] × b[B,4,5] → c[B,3,5]; c × W[5,2] (broadcast over B) → y[B,3,2].
 * Parameters: 10. FLOPs: 2·B·3·5·4 + 2·B·3·2·5.
 */
export function buildBatchedMatMul(seed = DEFAULT_SEED): ModelProto {
  const rng = rngFor('batched-matmul', seed);
  const graph: GraphProto = {
    name: 'batched_matmul',
    node: [node('MatMul', ['a', 'b'], ['c'], {}, 'bmm'), node('MatMul', ['c', 'proj.weight'], ['y'], {}, 'proj')],
    initializer: [floatTensor('proj.weight', [5, 2], xavierNormal(rng, 10, 5, 2))],
    input: [valueInfo('a', DataType.FLOAT, ['B', 3, 4]), valueInfo('b', DataType.FLOAT, ['B', 4, 5])],
    output: [valueInfo('y', DataType.FLOAT, ['B', 3, 2])],
  };
  return model(graph, { opset: 17 });
}

/**
 * A GRU with a recurrent state input: x[T,N,3], h0[1,N,5] → GRU(hidden 5) → y[T,1,N,5],
 * h_n[1,N,5]. Parameters: W 3·5·3 + R 3·5·5 + B 6·5 = 150.
 */
export function buildRecurrent(seed = DEFAULT_SEED): ModelProto {
  const rng = rngFor('recurrent', seed);
  const hidden = 5;
  const inputSize = 3;
  const graph: GraphProto = {
    name: 'recurrent',
    node: [node('GRU', ['x', 'gru.W', 'gru.R', 'gru.B', '', 'h0'], ['y', 'h_n'], { hidden_size: hidden }, 'gru')],
    initializer: [
      floatTensor('gru.W', [1, 3 * hidden, inputSize], xavierNormal(rng, 3 * hidden * inputSize, inputSize, hidden)),
      floatTensor('gru.R', [1, 3 * hidden, hidden], xavierNormal(rng, 3 * hidden * hidden, hidden, hidden)),
      floatTensor('gru.B', [1, 6 * hidden], uniformBias(rng, 6 * hidden, hidden)),
    ],
    input: [valueInfo('x', DataType.FLOAT, ['T', 'N', inputSize]), valueInfo('h0', DataType.FLOAT, [1, 'N', hidden])],
    output: [valueInfo('y', DataType.FLOAT, ['T', 1, 'N', hidden]), valueInfo('h_n', DataType.FLOAT, [1, 'N', hidden])],
  };
  return model(graph, { opset: 17 });
}

/**
 * Known zeros for the sparsity figure: x[N,8] → MatMul W[8,4] (12 of 32 exactly zero) → Add
 * b[4] (1 zero) → MatMul S[4,4] (a sparse initializer with 3 non-zeros, so 13 zeros) → y[N,4].
 * Parameters 52, zeros 26, sparsity 0.5.
 */
export function buildSparse(seed = DEFAULT_SEED): ModelProto {
  const rng = rngFor('sparse', seed);
  const w = xavierNormal(rng, 32, 8, 4);
  // Exactly 12 zeros: the even indices 0, 2, …, 22.
  for (let i = 0; i < 24; i += 2) w[i] = 0;
  const b = uniformBias(rng, 4, 8);
  b[2] = 0;
  const sparse: SparseTensorProto = {
    dims: [4, 4],
    values: floatTensor('mix', [3], [0.5, -1.25, 2]),
    // Linearised (row-major) positions of the three non-zeros: (0,1), (2,2), (3,0).
    indices: int64Tensor('mix_indices', [3], [1, 10, 12]),
  };
  const graph: GraphProto = {
    name: 'sparse',
    node: [
      node('MatMul', ['x', 'w'], ['h'], {}, 'matmul'),
      node('Add', ['h', 'b'], ['hb'], {}, 'add'),
      node('MatMul', ['hb', 'mix'], ['y'], {}, 'mix'),
    ],
    initializer: [floatTensor('w', [8, 4], w), floatTensor('b', [4], b)],
    sparseInitializer: [sparse],
    input: [valueInfo('x', DataType.FLOAT, ['N', 8])],
    output: [valueInfo('y', DataType.FLOAT, ['N', 4])],
  };
  return model(graph, { opset: 17 });
}

/**
 * Several weight dtypes for bytesByDtype: x[N,4] float → MatMul W (float16, cast to float) and
 * an int8 lookup table and a float64 scale, each cast to float. Parameters: 16 + 8 + 1 = 25;
 * bytes: float16 32, int8 8, float64 8.
 */
export function buildMixedDtypes(seed = DEFAULT_SEED): ModelProto {
  const rng = rngFor('mixed-dtypes', seed);
  const half = new Uint16Array(16);
  // float16 bit patterns of small values: sign(1) exponent(5) mantissa(10); 0x3c00 = 1.0.
  for (let i = 0; i < 16; i++) half[i] = 0x3000 + rng.int(0, 0x3ff);
  const table = Int8Array.from([1, -2, 3, -4, 5, -6, 7, -8]);
  const graph: GraphProto = {
    name: 'mixed_dtypes',
    node: [
      node('Cast', ['w16'], ['w32'], { to: DataType.FLOAT }, 'cast_w'),
      node('MatMul', ['x', 'w32'], ['h'], {}, 'matmul'),
      node('Cast', ['table'], ['table32'], { to: DataType.FLOAT }, 'cast_table'),
      node('ReduceSum', ['table32'], ['table_sum'], { keepdims: 0 }, 'sum_table'),
      node('Cast', ['scale64'], ['scale32'], { to: DataType.FLOAT }, 'cast_scale'),
      node('Mul', ['table_sum', 'scale32'], ['k'], {}, 'mul_k'),
      node('Mul', ['h', 'k'], ['y'], {}, 'mul_y'),
    ],
    initializer: [
      rawTensor('w16', [4, 4], DataType.FLOAT16, half),
      rawTensor('table', [8], DataType.INT8, table),
      { name: 'scale64', dims: [], dataType: DataType.DOUBLE, doubleData: [0.125] },
    ],
    input: [valueInfo('x', DataType.FLOAT, ['N', 4])],
    output: [valueInfo('y', DataType.FLOAT, ['N', 4])],
  };
  return model(graph, { opset: 17 });
}

/** A model the generator writes: where, and how it is built. */
export interface ExampleModel {
  /** Path relative to the repository root. */
  file: string;
  build: () => ModelProto;
}

/** Every model `scripts/generate-models.ts` writes, relative to the repository root. */
export const EXAMPLE_MODELS: readonly ExampleModel[] = [
  { file: 'examples/models/classifier.onnx', build: () => buildClassifier() },
  { file: 'examples/models/cnn.onnx', build: () => buildCnn() },
  { file: '__tests__/fixtures/models/multi-input.onnx', build: () => buildMultiInput() },
  { file: '__tests__/fixtures/models/dynamic-conv.onnx', build: () => buildDynamicConv() },
  { file: '__tests__/fixtures/models/control-flow.onnx', build: () => buildControlFlow() },
  { file: '__tests__/fixtures/models/voice-activity.onnx', build: () => buildVoiceActivity() },
  { file: '__tests__/fixtures/models/batched-matmul.onnx', build: () => buildBatchedMatMul() },
  { file: '__tests__/fixtures/models/recurrent.onnx', build: () => buildRecurrent() },
  { file: '__tests__/fixtures/models/sparse.onnx', build: () => buildSparse() },
  { file: '__tests__/fixtures/models/mixed-dtypes.onnx', build: () => buildMixedDtypes() },
];
