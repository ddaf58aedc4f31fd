/**
 * The budget file's keys, in one table: each key's description, default and a correct
 * example. The validator (load.ts) reads its allowed keys and examples from here, and
 * `buildBudgetSchema` (schema.ts) turns the same table into the JSON Schema that ships as
 * `schema/energy-budget.schema.json` (a test keeps the file equal to it), so the editor's
 * autocompletion, the validator and the docs cannot drift apart.
 */
import { METRIC_KEYS, metricDescription, metricKind } from './metrics.js';
import { describeKind, type QuantityKind } from './units.js';

/** One key of the budget file. */
export interface KeyDoc {
  description: string;
  /** A correct `key: value` line, shown with every issue about this key. */
  example: string;
  /** What the value must be, in words, shown as "expected". */
  expected: string;
}

/** The mappings of the budget file, by where they appear. */
export type Section =
  'root' | 'model' | 'input' | 'inference' | 'training' | 'power' | 'carbon' | 'budget' | 'regression' | 'limit';

/** The enumerations, shared by the validator and the schema. */
export const ENUMS = {
  device: ['cpu', 'cuda', 'webgpu'],
  energy: ['auto', 'rapl', 'nvml', 'estimate'],
  measure: ['time', 'instructions'],
  loss: ['mse', 'bce', 'bce-logits', 'cross-entropy'],
  optimizer: ['sgd', 'momentum', 'rmsprop', 'adam'],
  inconclusive: ['warn', 'fail', 'pass'],
  compare: ['auto', 'always'],
  level: ['error', 'warn'],
  dtype: [
    'float32',
    'float64',
    'float16',
    'bfloat16',
    'int8',
    'uint8',
    'int16',
    'uint16',
    'int32',
    'uint32',
    'int64',
    'uint64',
    'bool',
    'string',
    'int4',
    'uint4',
    'float8e4m3fn',
    'float8e4m3fnuz',
    'float8e5m2',
    'float8e5m2fnuz',
    'float4e2m1',
    'complex64',
    'complex128',
  ],
} as const;

/** Default values of optional keys (also written into the schema's `default`). */
export const DEFAULTS = {
  threads: 1,
  device: 'cpu',
  energy: 'auto',
  measure: 'time',
  advise: false,
  compare: 'auto',
  adviseMaxTimeS: 15,
  iterations: 'auto',
  inferenceWarmup: 10,
  maxTimeS: 10,
  targetRelativeCi: 0.02,
  optimizer: 'adam',
  learningRate: 0.001,
  steps: 50,
  trainingWarmup: 5,
  inconclusive: 'warn',
  level: 'error',
} as const;

const oneOf = (values: readonly string[]): string => values.map((v) => `\`${v}\``).join(', ');

function metricDocs(regression: boolean): Record<string, KeyDoc> {
  const docs: Record<string, KeyDoc> = {};
  for (const m of METRIC_KEYS) {
    const kind = metricKind(m);
    docs[m] = regression
      ? {
          description: `Allowed ${m === 'throughput' ? 'drop' : 'growth'} of ${m} against the baseline: a percentage, or ${describeKind(kind)}.`,
          example: `${m}: 5%`,
          expected: `a percentage like \`5%\` or ${describeKind(kind)}`,
        }
      : {
          description: `${metricDescription(m)} Written as ${describeKind(kind)}, or \`{ limit: …, level: warn }\`.`,
          example: `${m}: ${exampleFor(kind)}`,
          expected: `${describeKind(kind)}, or \`{ limit: ${exampleFor(kind)}, level: warn }\``,
        };
  }
  return docs;
}

function exampleFor(kind: QuantityKind): string {
  return describeKind(kind).replace(/^.*`(.*)`$/, '$1');
}

/** Every section's keys with their docs. */
export const SECTIONS: Record<Section, Record<string, KeyDoc>> = {
  root: {
    version: { description: 'Budget-file format version; always 1.', example: 'version: 1', expected: '`1`' },
    models: {
      description: 'The ONNX models to benchmark, each with its own budget.',
      example: 'models: [{ name: classifier, path: models/classifier.onnx }]',
      expected: 'a list of models, each with a `name` and a `path`',
    },
    power: {
      description: 'Power-model overrides for the `estimate` energy method: cpu-tdp, idle-watts, max-watts.',
      example: 'power: { cpu-tdp: 65 W }',
      expected: 'a mapping with `cpu-tdp`, `idle-watts` or `max-watts`',
    },
    carbon: {
      description: 'Grid carbon intensity used to turn energy into CO2e: an `intensity` or a `region`.',
      example: 'carbon: { region: DE }',
      expected: 'a mapping with `intensity` or `region`',
    },
    measure: {
      description:
        'time (default for every model): timed benchmark only; instructions: also count SIMULATED instructions per inference call under Valgrind (docs/instructions.md).',
      example: 'measure: instructions',
      expected: `one of ${oneOf(ENUMS.measure)}`,
    },
    inconclusive: {
      description: 'What a comparison does when runner noise hides the answer: warn (default), fail or pass.',
      example: 'inconclusive: warn',
      expected: `one of ${oneOf(ENUMS.inconclusive)}`,
    },
  },
  model: {
    name: {
      description: 'A unique name, shown in reports.',
      example: 'name: classifier',
      expected: 'a non-empty text unique in the file',
    },
    path: {
      description: 'The .onnx file, relative to the budget file.',
      example: 'path: models/classifier.onnx',
      expected: 'the path of an .onnx file, relative to the budget file',
    },
    dims: {
      description: 'Values for symbolic dimensions (default 1 each, with a notice).',
      example: 'dims: { N: 32 }',
      expected: 'a mapping from dimension name to a positive whole number',
    },
    inputs: {
      description: 'Explicit input specs by input name: a shape and dtype, a fixed value, or a .npy file.',
      example: 'inputs: { x: { shape: [32, 784], dtype: float32 } }',
      expected: 'a mapping from input name to `{ shape, dtype }`, `{ value }` or `{ data }`',
    },
    threads: { description: 'Intra-op threads. Default 1.', example: 'threads: 1', expected: 'a positive whole number' },
    device: {
      description: 'Execution provider: cpu (default), cuda or webgpu.',
      example: 'device: cpu',
      expected: `one of ${oneOf(ENUMS.device)}`,
    },
    inference: {
      description: 'Inference benchmark settings; `false` skips it. Present by default.',
      example: 'inference: { iterations: auto, warmup: 10 }',
      expected: 'a mapping with `iterations`, `warmup`, `max-time`, `target-ci`, or `false`',
    },
    measure: {
      description:
        'time (default): timed benchmark only; instructions: also count SIMULATED instructions per inference call under Valgrind (docs/instructions.md).',
      example: 'measure: instructions',
      expected: `one of ${oneOf(ENUMS.measure)}`,
    },
    energy: {
      description: 'Energy meter: auto (default), rapl, nvml or estimate.',
      example: 'energy: auto',
      expected: `one of ${oneOf(ENUMS.energy)}`,
    },
    training: {
      description: 'Benchmark a training step (loss, optimizer, learning rate, steps).',
      example: 'training: { loss: bce, optimizer: adam }',
      expected: 'a mapping with at least `loss` (or `step-model`)',
    },
    advise: {
      description: 'Always show optimisation advice for this model (else only when over budget). Default false.',
      example: 'advise: true',
      expected: '`true` or `false`',
    },
    'advise-max-time': {
      description:
        'Time cap for measuring the optimisation advice of this model: every variant is compared with the original in interleaved rounds within it. Default 15 s (the advisor runs for every model over budget, so every failing pull request pays it).',
      example: 'advise-max-time: 2 min',
      expected: 'a duration like `60 s` or `2 min`',
    },
    compare: {
      description:
        'With a base: auto (default) skips measuring the base when the model, its entry and the runtime are identical to the base; always measures it anyway.',
      example: 'compare: always',
      expected: `one of ${oneOf(ENUMS.compare)}`,
    },
    budget: {
      description: 'Absolute limits by metric, and `regression:` limits against the baseline.',
      example: 'budget: { latency-p95: 5 ms }',
      expected: 'a mapping from metric name to a limit',
    },
  },
  input: {
    shape: {
      description: 'The shape to synthesise (positive whole numbers).',
      example: 'shape: [32, 784]',
      expected: 'a list of positive whole numbers',
    },
    dtype: { description: 'The element type.', example: 'dtype: float32', expected: `one of ${oneOf(ENUMS.dtype)}` },
    value: {
      description: 'A fixed value, scalar or nested list, instead of random data.',
      example: 'value: 16000',
      expected: 'a number, boolean or text, or a rectangular nested list of them',
    },
    data: {
      description: 'A .npy file with the input, relative to the budget file.',
      example: 'data: inputs/tokens.npy',
      expected: 'the path of a .npy file, relative to the budget file',
    },
  },
  inference: {
    iterations: {
      description:
        'Timed runs: a number, or auto (sample until the 95% CI half-width of the mean is under target-ci, or max-time).',
      example: 'iterations: auto',
      expected: '`auto` or a positive whole number',
    },
    warmup: {
      description: 'Untimed runs before timing. Default 10.',
      example: 'warmup: 10',
      expected: 'a whole number, 0 or more',
    },
    'max-time': {
      description: 'Time cap for `iterations: auto`. Default 10 s.',
      example: 'max-time: 10 s',
      expected: describeKind('time'),
    },
    'target-ci': {
      description: 'Relative 95% CI half-width at which `iterations: auto` stops. Default 2%.',
      example: 'target-ci: 2%',
      expected: describeKind('percent'),
    },
  },
  training: {
    loss: {
      description: 'Loss function: mse, bce, bce-logits or cross-entropy.',
      example: 'loss: bce',
      expected: `one of ${oneOf(ENUMS.loss)}`,
    },
    optimizer: {
      description: 'Optimizer: sgd, momentum, rmsprop or adam (default).',
      example: 'optimizer: adam',
      expected: `one of ${oneOf(ENUMS.optimizer)}`,
    },
    'learning-rate': {
      description: 'Learning rate. Default 0.001.',
      example: 'learning-rate: 0.001',
      expected: 'a positive number',
    },
    steps: { description: 'Timed training steps. Default 50.', example: 'steps: 50', expected: 'a positive whole number' },
    warmup: {
      description: 'Untimed training steps first. Default 5.',
      example: 'warmup: 5',
      expected: 'a whole number, 0 or more',
    },
    momentum: {
      description: 'Momentum coefficient (momentum optimizer), in [0, 1). Default 0.9.',
      example: 'momentum: 0.9',
      expected: 'a number from 0 up to (not including) 1',
    },
    beta1: {
      description: 'Adam first-moment decay, in [0, 1). Default 0.9.',
      example: 'beta1: 0.9',
      expected: 'a number from 0 up to (not including) 1',
    },
    beta2: {
      description: 'Adam second-moment decay, in [0, 1). Default 0.999.',
      example: 'beta2: 0.999',
      expected: 'a number from 0 up to (not including) 1',
    },
    rho: {
      description: 'RMSprop decay, in [0, 1). Default 0.9.',
      example: 'rho: 0.9',
      expected: 'a number from 0 up to (not including) 1',
    },
    epsilon: {
      description: 'Numerical-stability term of adam and rmsprop. Default 1e-8.',
      example: 'epsilon: 1e-8',
      expected: 'a positive number',
    },
    'dataset-size': {
      description: 'Samples in the training set, to project a full run (training-energy-total).',
      example: 'dataset-size: 60k',
      expected: 'a positive whole count like `60000` or `60k`',
    },
    epochs: { description: 'Epochs of the projected full run. Default 1.', example: 'epochs: 10', expected: 'a positive number' },
    freeze: {
      description: 'Weights kept fixed during training: initializer names, or prefixes ending in `*`.',
      example: 'freeze: [encoder.*, embedding.weight]',
      expected: 'a list of initializer names or prefixes ending in `*`',
    },
    'steps-per-call': {
      description:
        'Training steps per onnxruntime call (an ONNX Loop keeps weights and optimizer state inside onnxruntime between them). Default: the largest divisor of `steps` up to 10.',
      example: 'steps-per-call: 10',
      expected: 'a positive whole number that divides `steps`',
    },
    'step-model': {
      description: 'Bring your own training step: an .onnx model that does one step, relative to the budget file.',
      example: 'step-model: models/train-step.onnx',
      expected: 'the path of an .onnx file, relative to the budget file',
    },
    feedback: {
      description: 'For step-model: which output feeds which input on the next step (updated weights, optimizer state).',
      example: 'feedback: { w_out: w_in }',
      expected: 'a mapping from output name to input name',
    },
  },
  power: {
    'cpu-tdp': {
      description: "The CPU's thermal design power, overriding the detected one.",
      example: 'cpu-tdp: 65 W',
      expected: describeKind('power'),
    },
    'idle-watts': {
      description: 'Whole-machine power at idle, for the power model.',
      example: 'idle-watts: 20 W',
      expected: describeKind('power'),
    },
    'max-watts': {
      description: 'Whole-machine power at full load, for the power model.',
      example: 'max-watts: 120 W',
      expected: describeKind('power'),
    },
  },
  carbon: {
    intensity: {
      description: 'Grid carbon intensity in gCO2e per kWh.',
      example: 'intensity: 400 gCO2e/kWh',
      expected: describeKind('carbon-intensity'),
    },
    region: {
      description:
        'Grid region whose annual average intensity to use: an ISO 3166-1 alpha-2 country code (`US` is the US average) or a US eGRID region (`US-SERC`, `US-RFC`, `US-WECC`) from data/carbon-intensity.json.',
      example: 'region: DE',
      expected: 'a region code of data/carbon-intensity.json, in capitals (`DE`, `US`, `US-WECC`)',
    },
  },
  budget: {
    ...metricDocs(false),
    regression: {
      description: "Allowed change against the baseline by metric: a percentage (`5%`) or a quantity in the metric's unit.",
      example: 'regression: { energy-per-inference: 5% }',
      expected: 'a mapping from metric name to a percentage or a quantity',
    },
  },
  regression: metricDocs(true),
  limit: {
    limit: {
      description: "The limit, in the metric's unit.",
      example: 'limit: 5 ms',
      expected: "a quantity in the metric's unit",
    },
    level: {
      description: 'error (default) fails the check; warn only reports.',
      example: 'level: warn',
      expected: `one of ${oneOf(ENUMS.level)}`,
    },
  },
};

/** The keys allowed in a section. */
export function sectionKeys(section: Section): string[] {
  return Object.keys(SECTIONS[section]);
}
