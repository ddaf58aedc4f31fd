/**
 * Budget files shared by the validator tests and the schema-agreement test: each invalid one
 * shows one class of problem. `validatorOnly` marks rules a JSON Schema cannot express (they
 * need the whole file or arithmetic), so the shipped schema accepts those files.
 */
export interface InvalidCase {
  name: string;
  yaml: string;
  /** The schema cannot see this problem; only the validator reports it. */
  validatorOnly?: boolean;
  /** Malformed YAML: nothing to hand to the schema. */
  syntax?: boolean;
}

const head = 'version: 1\nmodels:\n';
/** A file with one model whose extra lines (indented 4) are `body`. */
const model = (body: string): string => `${head}  - name: m\n    path: m.onnx\n${body}`;

export const VALID: Array<{ name: string; yaml: string }> = [
  { name: 'minimal', yaml: `${head}  - name: m\n    path: m.onnx\n` },
  { name: 'flow style', yaml: 'version: 1\nmodels: [{ name: m, path: m.onnx, budget: { latency-p95: 5 ms } }]\n' },
  {
    name: 'every budget metric',
    yaml: model(
      // Training with a dataset size, so every training metric can be checked (see measurable.ts).
      '    training: { loss: mse, optimizer: sgd, learning-rate: 0.1, steps: 2, dataset-size: 1000 }\n' +
        '    budget:\n' +
        [
          'model-size: 5 MB',
          'parameters: 1.5M',
          'flops: 200 MFLOP',
          'latency-p50: 1 ms',
          'latency-p95: 5 ms',
          'latency-p99: 8 ms',
          'latency-mean: 2 ms',
          'throughput: 1000 samples/s',
          'peak-memory: 200 MiB',
          'energy-per-inference: 2 mJ',
          'energy-per-sample: 100 uJ',
          'energy-per-1000-inferences: 2 J',
          'energy-per-training-step: 20 mJ',
          'energy-per-training-sample: 1 mJ',
          'training-step-time: 10 ms',
          'training-energy-total: 1 kWh',
          'carbon-per-inference: 1 mg',
          'carbon-per-1000-inferences: 1 gCO2e',
          'training-carbon-total: 2 kg',
        ]
          .map((l) => `      ${l}\n`)
          .join('') +
        '      regression:\n        latency-p95: { limit: 3%, level: warn }\n        model-size: 10 kB\n        throughput: 2%\n',
    ),
  },
  {
    name: 'limit objects',
    yaml: model('    budget:\n      latency-p95: { limit: 5 ms, level: warn }\n      flops: { limit: 1e9 }\n'),
  },
  { name: 'inference off', yaml: model('    inference: false\n') },
  { name: 'inference settings', yaml: model('    inference: { iterations: 200, warmup: 0, max-time: 30 s, target-ci: 1% }\n') },
  {
    name: 'training',
    yaml: model(
      '    training:\n      loss: cross-entropy\n      optimizer: momentum\n      momentum: 0.9\n      learning-rate: 0.01\n      steps: 20\n      warmup: 0\n      dataset-size: 60k\n      epochs: 3\n',
    ),
  },
  { name: 'bring-your-own step', yaml: model('    training: { step-model: step.onnx, feedback: { w_new: w } }\n') },
  {
    name: 'inputs',
    yaml: model(
      '    dims: { N: 4, seq: 128 }\n    inputs:\n      x: { shape: [4, 784], dtype: float32 }\n      sr: { value: 16000, dtype: int64 }\n      m: { value: [[1, 0], [0, 1]], shape: [2, 2] }\n      t: { data: t.npy }\n      "input.1": {}\n',
    ),
  },
  {
    name: 'top-level settings',
    yaml: `${head}  - { name: m, path: m.onnx, threads: 2, device: cuda, energy: estimate, advise: true }\npower: { cpu-tdp: 65 W, idle-watts: 20, max-watts: 120 W }\ncarbon: { intensity: 350 gCO2e/kWh }\ninconclusive: fail\n`,
  },
  { name: 'region', yaml: `${head}  - { name: m, path: m.onnx }\ncarbon: { region: DE }\n` },
];

export const INVALID: InvalidCase[] = [
  { name: 'YAML syntax: unclosed flow list', yaml: model('    threads: [1\n'), syntax: true },
  { name: 'YAML syntax: tab indentation', yaml: `${head}  - name: m\n\tpath: m.onnx\n`, syntax: true },
  { name: 'YAML syntax: duplicate key', yaml: model('    threads: 1\n    threads: 2\n'), syntax: true },
  { name: 'empty file', yaml: '# nothing yet\n' },
  { name: 'root is a list', yaml: '- name: m\n  path: m.onnx\n' },
  { name: 'missing version and models', yaml: 'inconclusive: warn\n' },
  { name: 'unsupported version', yaml: 'version: 2\nmodels: [{ name: m, path: m.onnx }]\n' },
  { name: 'version as text', yaml: 'version: "1"\nmodels: [{ name: m, path: m.onnx }]\n' },
  { name: 'models not a list', yaml: 'version: 1\nmodels: { name: m, path: m.onnx }\n' },
  { name: 'models empty', yaml: 'version: 1\nmodels: []\n' },
  { name: 'model not a mapping', yaml: `${head}  - m.onnx\n` },
  { name: 'model missing name and path', yaml: `${head}  - threads: 1\n` },
  { name: 'model name empty', yaml: `${head}  - name: ""\n    path: m.onnx\n` },
  { name: 'model path not text', yaml: `${head}  - name: m\n    path: [m.onnx]\n` },
  {
    name: 'duplicate model names',
    yaml: `${head}  - { name: m, path: a.onnx }\n  - { name: m, path: b.onnx }\n`,
    validatorOnly: true,
  },
  { name: 'unknown top-level key with suggestion', yaml: `${head}  - { name: m, path: m.onnx }\ninconclusiv: warn\n` },
  { name: 'unknown model key with suggestion', yaml: model('    treads: 2\n') },
  { name: 'unknown key without suggestion', yaml: model('    colour: blue\n') },
  { name: 'metric at model level', yaml: model('    latency-p95: 5 ms\n') },
  { name: 'training key at model level', yaml: model('    optimizer: adam\n') },
  { name: 'model key at top level', yaml: `${head}  - { name: m, path: m.onnx }\nthreads: 2\n` },
  { name: 'merge key', yaml: `${head}  - &base { name: m, path: m.onnx }\n  - { <<: *base, name: n }\n` },
  { name: 'threads zero', yaml: model('    threads: 0\n') },
  { name: 'threads fractional', yaml: model('    threads: 1.5\n') },
  { name: 'threads as text', yaml: model('    threads: two\n') },
  { name: 'device gpu', yaml: model('    device: gpu\n') },
  { name: 'energy misspelt', yaml: model('    energy: rap1\n') },
  { name: 'advise yes', yaml: model('    advise: yes\n') },
  { name: 'inference as text', yaml: model('    inference: off\n') },
  { name: 'iterations not auto', yaml: model('    inference: { iterations: many }\n') },
  { name: 'iterations zero', yaml: model('    inference: { iterations: 0 }\n') },
  { name: 'warmup negative', yaml: model('    inference: { warmup: -1 }\n') },
  { name: 'max-time in bytes', yaml: model('    inference: { max-time: 5 MB }\n') },
  { name: 'target-ci over 100%', yaml: model('    inference: { target-ci: 150% }\n'), validatorOnly: true },
  {
    name: 'instruction limit without measure: instructions',
    yaml: model('    budget: { regression: { instructions-per-inference: 1% } }\n'),
    validatorOnly: true,
  },
  { name: 'unknown inference key', yaml: model('    inference: { iteration: 100 }\n') },
  { name: 'training without loss', yaml: model('    training: { optimizer: adam }\n') },
  { name: 'training loss misspelt', yaml: model('    training: { loss: mae }\n') },
  { name: 'training optimizer unknown', yaml: model('    training: { loss: mse, optimizer: adamw }\n') },
  { name: 'learning rate zero', yaml: model('    training: { loss: mse, learning-rate: 0 }\n') },
  { name: 'beta1 of 1', yaml: model('    training: { loss: mse, beta1: 1 }\n') },
  { name: 'dataset-size fractional', yaml: model('    training: { loss: mse, dataset-size: 1.2345k }\n'), validatorOnly: true },
  { name: 'feedback without step-model', yaml: model('    training: { loss: mse, feedback: { a: b } }\n') },
  { name: 'training key unknown', yaml: model('    training: { loss: mse, lr: 0.1 }\n') },
  { name: 'dims zero', yaml: model('    dims: { N: 0 }\n') },
  { name: 'inputs not a mapping', yaml: model('    inputs: [x]\n') },
  { name: 'input shape negative', yaml: model('    inputs: { x: { shape: [1, -1] } }\n') },
  { name: 'input dtype alias', yaml: model('    inputs: { x: { dtype: float } }\n') },
  { name: 'input value and data', yaml: model('    inputs: { x: { value: 1, data: x.npy } }\n') },
  { name: 'input data and shape', yaml: model('    inputs: { x: { data: x.npy, shape: [1] } }\n') },
  { name: 'input data not npy', yaml: model('    inputs: { x: { data: x.csv } }\n') },
  { name: 'input value ragged', yaml: model('    inputs: { x: { value: [[1, 2], [3]] } }\n'), validatorOnly: true },
  { name: 'input value mixed types', yaml: model('    inputs: { x: { value: [1, "a"] } }\n'), validatorOnly: true },
  {
    name: 'input value does not fill shape',
    yaml: model('    inputs: { x: { value: [1, 2, 3], shape: [2, 2] } }\n'),
    validatorOnly: true,
  },
  { name: 'input value null', yaml: model('    inputs: { x: { value: [1, null] } }\n') },
  { name: 'budget not a mapping', yaml: model('    budget: 5 MB\n') },
  { name: 'budget unknown metric', yaml: model('    budget: { latency-95: 5 ms }\n') },
  { name: 'budget metric wrong kind', yaml: model('    budget: { model-size: 5 ms }\n') },
  { name: 'budget unknown unit', yaml: model('    budget: { model-size: 5 KB }\n') },
  { name: 'budget negative', yaml: model('    budget: { latency-p95: -5 ms }\n') },
  { name: 'budget as boolean', yaml: model('    budget: { flops: true }\n') },
  { name: 'throughput as a time', yaml: model('    budget: { throughput: 100 ms }\n') },
  { name: 'limit object without limit', yaml: model('    budget: { latency-p95: { level: warn } }\n') },
  { name: 'limit object bad level', yaml: model('    budget: { latency-p95: { limit: 5 ms, level: warning } }\n') },
  { name: 'limit object unknown key', yaml: model('    budget: { latency-p95: { limit: 5 ms, severity: warn } }\n') },
  { name: 'regression unknown metric', yaml: model('    budget: { regression: { energy: 5% } }\n') },
  { name: 'regression wrong unit', yaml: model('    budget: { regression: { model-size: 5 ms } }\n') },
  { name: 'regression bad percent', yaml: model('    budget: { regression: { model-size: five% } }\n') },
  { name: 'power wrong unit', yaml: `${head}  - { name: m, path: m.onnx }\npower: { cpu-tdp: 65 J }\n` },
  {
    name: 'power max under idle',
    yaml: `${head}  - { name: m, path: m.onnx }\npower: { idle-watts: 50 W, max-watts: 40 W }\n`,
    validatorOnly: true,
  },
  { name: 'carbon region lowercase', yaml: `${head}  - { name: m, path: m.onnx }\ncarbon: { region: de }\n` },
  {
    name: 'latency limit with inference false',
    validatorOnly: true,
    yaml: `${head}  - name: m\n    path: m.onnx\n    inference: false\n    training: { loss: mse, optimizer: sgd, learning-rate: 0.1, steps: 2 }\n    budget: { latency-p95: 5 ms, regression: { throughput: 5% } }\n`,
  },
  {
    name: 'training total without dataset-size',
    validatorOnly: true,
    yaml: `${head}  - name: m\n    path: m.onnx\n    training: { loss: mse, optimizer: sgd, learning-rate: 0.1, steps: 2 }\n    budget: { training-energy-total: 1 kWh }\n`,
  },
  {
    name: 'training limit without training',
    validatorOnly: true,
    yaml: `${head}  - name: m\n    path: m.onnx\n    budget: { training-step-time: 1 s }\n`,
  },
  {
    name: 'gpu memory on cpu',
    validatorOnly: true,
    yaml: `${head}  - name: m\n    path: m.onnx\n    budget: { peak-gpu-memory: 1 GB }\n`,
  },
  {
    name: 'abbreviated keys',
    yaml: `${head}  - name: m\n    path: m.onnx\n    training: { loss: mse, optimizer: sgd, lr: 0.1, steps: 2 }\n    budget: { memory: 1 GB, regression: { energy: 5% } }\n`,
  },
  { name: 'power idle-watts alone', yaml: `${head}  - { name: m, path: m.onnx }\npower: { idle-watts: 10 W }\n` },
  { name: 'carbon region unknown', yaml: `${head}  - { name: m, path: m.onnx }\ncarbon: { region: US-SERK }\n` },
  { name: 'carbon intensity and region', yaml: `${head}  - { name: m, path: m.onnx }\ncarbon: { intensity: 400, region: DE }\n` },
  { name: 'carbon intensity wrong unit', yaml: `${head}  - { name: m, path: m.onnx }\ncarbon: { intensity: 400 kWh }\n` },
  { name: 'inconclusive bad', yaml: `${head}  - { name: m, path: m.onnx }\ninconclusive: error\n` },
];
