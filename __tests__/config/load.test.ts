import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, parseConfig } from '../../src/config/load.js';
import { ConfigError, exitCodeOf } from '../../src/errors.js';
import { INVALID, VALID } from './cases.js';

const FILE = '/project/energy-budget.yml';
const CONTRACT = readFileSync(new URL('./fixtures/contract.yml', import.meta.url), 'utf8');

/** The ConfigError that parsing `yaml` throws. */
function errorOf(yaml: string): ConfigError {
  try {
    parseConfig(yaml, FILE);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError, but the file was accepted');
}

describe('parseConfig on the contract example', () => {
  it('gives the values written, in base units, with defaults filled in', () => {
    const config = parseConfig(CONTRACT, FILE);
    expect(config.version).toBe(1);
    expect(config.file).toBe(FILE);
    expect(config.dir).toBe('/project');
    expect(config.inconclusive).toBe('warn');
    expect(config.power).toEqual({});
    expect(config.source).toBe(CONTRACT);
    expect(config.models).toHaveLength(1);
    const m = config.models[0]!;
    expect({ ...m, budget: undefined }).toEqual({
      name: 'classifier',
      pathInConfig: 'models/classifier.onnx',
      path: '/project/models/classifier.onnx',
      dims: { N: 32 },
      inputs: {
        x: { kind: 'random', shape: [32, 784], dtype: 'float32' },
        sr: { kind: 'value', value: 16000 },
        tokens: { kind: 'npy', file: '/project/inputs/tokens.npy' },
      },
      threads: 1,
      device: 'cpu',
      inference: { iterations: 'auto', warmup: 10, maxTimeS: 10, targetRelativeCi: 0.02 },
      energy: 'auto',
      measure: 'time',
      training: { loss: 'bce', optimizer: 'adam', learningRate: 0.001, steps: 50, warmup: 5 },
      advise: false,
      compare: 'auto',
      adviseMaxTimeS: 15,
      budget: undefined,
      line: 3,
    });
    const base = { relative: false, level: 'error', kind: 'absolute' };
    expect(m.budget).toEqual([
      { ...base, metric: 'model-size', limit: 5_000_000, line: 21, column: 7, path: 'models[0].budget.model-size' },
      { ...base, metric: 'parameters', limit: 1_500_000, line: 22, column: 7, path: 'models[0].budget.parameters' },
      { ...base, metric: 'flops', limit: 200_000_000, line: 23, column: 7, path: 'models[0].budget.flops' },
      {
        ...base,
        metric: 'energy-per-inference',
        limit: 0.002,
        line: 24,
        column: 7,
        path: 'models[0].budget.energy-per-inference',
      },
      {
        ...base,
        metric: 'energy-per-training-step',
        limit: 0.02,
        line: 25,
        column: 7,
        path: 'models[0].budget.energy-per-training-step',
      },
      { ...base, metric: 'latency-p95', limit: 0.005, line: 26, column: 7, path: 'models[0].budget.latency-p95' },
      {
        metric: 'energy-per-inference',
        kind: 'regression',
        limit: 0.05,
        relative: true,
        level: 'error',
        line: 28,
        column: 9,
        path: 'models[0].budget.regression.energy-per-inference',
      },
      {
        metric: 'model-size',
        kind: 'regression',
        limit: 0,
        relative: true,
        level: 'error',
        line: 29,
        column: 9,
        path: 'models[0].budget.regression.model-size',
      },
    ]);
  });
});

describe('parseConfig on valid files', () => {
  it.each(VALID)('accepts $name', ({ yaml }) => {
    expect(() => parseConfig(yaml, FILE)).not.toThrow();
  });

  it('reads limit objects, warn levels and regressions in units', () => {
    const yaml = VALID.find((c) => c.name === 'every budget metric')!.yaml;
    const budget = parseConfig(yaml, FILE).models[0]!.budget;
    expect(budget).toHaveLength(22);
    expect(
      budget
        .filter((b) => b.kind === 'regression')
        .map(({ metric, limit, relative, level }) => ({ metric, limit, relative, level })),
    ).toEqual([
      { metric: 'latency-p95', limit: 0.03, relative: true, level: 'warn' },
      { metric: 'model-size', limit: 10_000, relative: false, level: 'error' },
      { metric: 'throughput', limit: 0.02, relative: true, level: 'error' },
    ]);
    expect(budget.find((b) => b.metric === 'training-energy-total')?.limit).toBe(3.6e6);
    expect(budget.find((b) => b.metric === 'carbon-per-inference')?.limit).toBe(0.001);
  });

  it('reads inference, training, inputs and top-level settings', () => {
    const get = (name: string) => parseConfig(VALID.find((c) => c.name === name)!.yaml, FILE);
    expect(get('inference off').models[0]!.inference).toBeNull();
    expect(get('inference settings').models[0]!.inference).toEqual({
      iterations: 200,
      warmup: 0,
      maxTimeS: 30,
      targetRelativeCi: 0.01,
    });
    expect(get('training').models[0]!.training).toEqual({
      loss: 'cross-entropy',
      optimizer: 'momentum',
      momentum: 0.9,
      learningRate: 0.01,
      steps: 20,
      warmup: 0,
      datasetSize: 60_000,
      epochs: 3,
    });
    expect(get('bring-your-own step').models[0]!.training).toMatchObject({
      stepModel: '/project/step.onnx',
      feedback: { w_new: 'w' },
    });
    expect(get('inputs').models[0]!.inputs).toEqual({
      x: { kind: 'random', shape: [4, 784], dtype: 'float32' },
      sr: { kind: 'value', value: 16000, dtype: 'int64' },
      m: {
        kind: 'value',
        value: [
          [1, 0],
          [0, 1],
        ],
        shape: [2, 2],
      },
      t: { kind: 'npy', file: '/project/t.npy' },
      'input.1': { kind: 'random' },
    });
    const top = get('top-level settings');
    expect(top.power).toEqual({ cpuTdpW: 65, idleW: 20, maxW: 120, carbonIntensityGPerKWh: 350 });
    expect(top.inconclusive).toBe('fail');
    expect(top.models[0]).toMatchObject({ threads: 2, device: 'cuda', energy: 'estimate', advise: true });
    expect(get('region').power).toEqual({ region: 'DE' });
  });

  it('resolves model paths against the budget file folder, not the working directory', () => {
    const config = parseConfig('version: 1\nmodels: [{ name: m, path: ../shared/m.onnx }]\n', '/repo/ci/energy-budget.yml');
    expect(config.models[0]!.path).toBe('/repo/shared/m.onnx');
    expect(config.models[0]!.pathInConfig).toBe('../shared/m.onnx');
  });

  it('follows YAML anchors and aliases', () => {
    const yaml =
      'version: 1\nmodels:\n  - name: a\n    path: a.onnx\n    budget: &b { latency-p95: 5 ms }\n  - name: b\n    path: b.onnx\n    budget: *b\n';
    expect(parseConfig(yaml, FILE).models[1]!.budget[0]).toMatchObject({ metric: 'latency-p95', limit: 0.005 });
  });
});

describe('parseConfig error classes (exact messages)', () => {
  it.each(INVALID)('$name', ({ yaml }) => {
    const error = errorOf(yaml);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(exitCodeOf(error)).toBe(2);
    expect(error.message).toMatchSnapshot();
    for (const issue of error.issues) {
      expect(issue.file).toBe(FILE);
      expect(issue.expected).toBeTruthy();
      expect(issue.example).toBeTruthy();
    }
  });

  it('gives every issue a line and column unless the problem is the whole file', () => {
    for (const c of INVALID) {
      for (const issue of errorOf(c.yaml).issues) {
        if (c.name === 'empty file') continue;
        expect({ case: c.name, line: typeof issue.line, column: typeof issue.column }).toEqual({
          case: c.name,
          line: 'number',
          column: 'number',
        });
      }
    }
  });
});

describe('parseConfig reports every problem at once', () => {
  const yaml = [
    'version: 1', //                                     1
    'models:', //                                        2
    '  - name: classifier', //                           3
    '    path: models/classifier.onnx', //               4
    '    treads: 2', //                                  5
    '    budget:', //                                    6
    '      latency-p95: 5 MB', //                        7
    '      energy-per-inference: { limit: 2 mJ, level: wran }', // 8
    '  - name: classifier', //                           9
    '    device: gpu', //                                10
    'inconclusive: maybe', //                            11
    '',
  ].join('\n');

  it('with file, line, column and path for each, in file order', () => {
    const { issues } = errorOf(yaml);
    expect(issues.map(({ path, line, column }) => ({ path, line, column }))).toEqual([
      { path: 'models[0].treads', line: 5, column: 5 },
      { path: 'models[0].budget.latency-p95', line: 7, column: 20 },
      { path: 'models[0].budget.energy-per-inference.level', line: 8, column: 51 },
      { path: 'models[1]', line: 9, column: 5 },
      { path: 'models[1].name', line: 9, column: 11 },
      { path: 'models[1].device', line: 10, column: 13 },
      { path: 'inconclusive', line: 11, column: 15 },
    ]);
    expect(issues.map((i) => i.message)).toEqual([
      'unknown key `treads`; did you mean `threads`?',
      '`5 MB` is a size, not a duration',
      '`wran` is not a valid level; did you mean `warn`?',
      'missing required key `path`',
      'duplicate model name `classifier`; models[0] (line 3) has it too',
      '`gpu` is not a valid device; did you mean `cuda`?',
      '`maybe` is not a valid inconclusive outcome',
    ]);
  });

  it('in one message, one paragraph per issue', () => {
    expect(errorOf(yaml).message).toMatchSnapshot();
  });

  it('lists every YAML syntax error with the YAML library position', () => {
    const { issues } = errorOf(
      'version: 1\nmodels:\n  - name: m\n    path: m.onnx\n    threads: 1\n    threads: 2\n  - { name: n, path: n.onnx\n',
    );
    expect(issues.map(({ line, column, message }) => ({ line, column, message }))).toEqual([
      { line: 6, column: 5, message: 'duplicate key `threads`; a key may appear once in each mapping' },
      expect.objectContaining({ line: 8, message: expect.stringMatching(/^invalid YAML: /) }),
    ]);
  });
});

describe('loadConfig', () => {
  it('reads the file from disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eb-config-'));
    mkdirSync(join(dir, 'models'));
    writeFileSync(join(dir, 'energy-budget.yml'), CONTRACT);
    const config = await loadConfig(join(dir, 'energy-budget.yml'));
    expect(config.dir).toBe(dir);
    expect(config.models[0]!.path).toBe(join(dir, 'models/classifier.onnx'));
  });

  it('uses an injected reader', async () => {
    const read: string[] = [];
    const config = await loadConfig('/virtual/energy-budget.yml', async (p) => {
      read.push(p);
      return 'version: 1\nmodels: [{ name: m, path: m.onnx }]\n';
    });
    expect(read).toEqual(['/virtual/energy-budget.yml']);
    expect(config.models[0]!.path).toBe('/virtual/m.onnx');
  });

  it('explains a missing file (exit code 2)', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'eb-config-')), 'energy-budget.yml');
    const error = await loadConfig(missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(exitCodeOf(error)).toBe(2);
    expect((error as ConfigError).message.replace(missing, '<file>')).toBe(
      'The budget file has a problem:\n' +
        '  <file>: the budget file does not exist\n' +
        '      expected: a YAML budget file: create `energy-budget.yml` next to your models, or pass `--config FILE`\n' +
        '      example:  `version: 1` then `models: [{ name: classifier, path: models/classifier.onnx }]`',
    );
  });
});

describe('one statistic per regression budget', () => {
  const yaml = (iterations: string, regression: string) =>
    `version: 1\nmodels:\n  - name: m\n    path: m.onnx\n    inference: { iterations: ${iterations} }\n    budget:\n      regression:\n        ${regression}\n`;

  it('refuses a p99 regression budget that too few calls would decide, saying why and what to use', () => {
    const err = errorOf(yaml('50', 'latency-p99: 5%'));
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0]).toMatchObject({ path: 'models[0].budget.regression.latency-p99', line: 8 });
    expect(err.issues[0].message).toBe(
      '`regression.latency-p99` is decided by the 99th percentile of the latency, which needs at least 200 timed calls to estimate (two calls beyond it); `inference.iterations` is 50, so the figure would be the slowest of a few calls, not a p99',
    );
    expect(err.issues[0].expected).toBe(
      '`iterations: auto` or at least 200, or a budget on a statistic 50 calls estimate (`latency-p50` or `latency-mean`, or `latency-p95`)',
    );
    expect(errorOf(yaml('20', 'latency-p95: 5%')).issues[0].message).toMatch(/needs at least 40 timed calls/);
  });

  it('accepts them with enough calls, with auto, and a mean or median budget with few calls', () => {
    expect(() => parseConfig(yaml('200', 'latency-p99: 5%'), FILE)).not.toThrow();
    expect(() => parseConfig(yaml('auto', 'latency-p99: 5%'), FILE)).not.toThrow();
    expect(() => parseConfig(yaml('40', 'latency-p95: 5%'), FILE)).not.toThrow();
    expect(() => parseConfig(yaml('10', 'latency-mean: 5%'), FILE)).not.toThrow();
    // Absolute limits are checked against the run's own figure, not a comparison.
    expect(() => parseConfig(yaml('10', 'latency-p99: 5 ms').replace('regression:\n        ', ''), FILE)).not.toThrow();
  });
});
