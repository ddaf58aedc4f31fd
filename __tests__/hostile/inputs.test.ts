/**
 * Hostile and broken input through the real CLI entry (`runCli`): each gets a clear message
 * naming the file, field or node, and exit code 2 (3 only for environment faults), never a
 * stack trace. Models are built in the test; the budget files are written per case.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli.js';
import { DataType, encodeModel } from '../../src/model/onnx.js';
import { floatTensor, model, node, valueInfo } from '../../src/model/builder.js';
import type { Report } from '../../src/report/types.js';
import type { RunDeps } from '../../src/engine/types.js';
import { createRng } from '../../src/util/random.js';
import { root } from './support.js';

let base: string;
let n = 0;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'eb-hostile-'));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

/** A fresh workspace (a folder with `.git`, so it is the repository root) with the given files. */
async function workspace(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = path.join(base, `ws-${++n}`);
  await mkdir(path.join(dir, '.git'), { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  report?: Report;
}

async function cli(dir: string, deps: RunDeps = {}, args: string[] = []): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    {
      argv: ['run', '--json', 'out/report.json', ...args],
      cwd: dir,
      env: { PATH: process.env.PATH },
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
    },
    deps,
  );
  let report: Report | undefined;
  try {
    report = JSON.parse(await readFile(path.join(dir, 'out/report.json'), 'utf8')) as Report;
  } catch {
    report = undefined;
  }
  return { code, stdout, stderr, report };
}

const ONE_MODEL = (p: string, extra = '') => `version: 1
models:
  - name: m
    path: ${p}
    inference: { iterations: 5, warmup: 1 }
    energy: estimate
${extra}    budget: { model-size: 10 MB }
`;

/** y = x·W for x: [1, 4]; small and valid. */
function tinyModel(
  opts: { op?: string; weights?: ReturnType<typeof floatTensor>; xDims?: Array<number | string> } = {},
): Uint8Array {
  const w = opts.weights ?? floatTensor('W', [4, 2], [1, 2, 3, 4, 5, 6, 7, 8]);
  return encodeModel(
    model({
      name: 'tiny',
      node: [node(opts.op ?? 'MatMul', ['x', 'W'], ['y'])],
      initializer: [w],
      input: [valueInfo('x', DataType.FLOAT, opts.xDims ?? [1, 4])],
      output: [valueInfo('y', DataType.FLOAT, undefined)],
    }),
  );
}

/** The model error of the only model, asserting exit code 2 and no stack trace. */
function modelError(r: CliRun): { code: string; message: string } {
  expect(r.code).toBe(2);
  expect(r.stderr + r.stdout).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  const error = r.report?.models[0]?.error;
  expect(error).toBeDefined();
  expect(r.stdout).toContain(`ERROR ${error!.code}`);
  return error!;
}

describe('budget file', () => {
  it('malformed YAML: file, line and column, exit 2, no report', async () => {
    const dir = await workspace({ 'energy-budget.yml': 'version: 1\nmodels:\n  - name: [a\n    path: x.onnx\n' });
    const r = await cli(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/energy-budget\.yml:\d+:\d+/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.report).toBeUndefined();
  });

  it('schema violations: every problem at once, with the field path', async () => {
    const dir = await workspace({
      'energy-budget.yml':
        'version: 1\nmodles: []\nmodels:\n  - name: a\n    path: a.onnx\n    threads: -3\n    budget: { latency-p95: fast }\n',
    });
    const r = await cli(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/modles/);
    expect(r.stderr).toMatch(/models\[0\]\.threads/);
    expect(r.stderr).toMatch(/latency-p95/);
  });

  it('a budget file that is binary garbage', async () => {
    const rng = createRng(7);
    const dir = await workspace({ 'energy-budget.yml': Uint8Array.from({ length: 300 }, () => rng.int(0, 255)) });
    const r = await cli(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^energy-budget: /);
  });

  it('iterations: 0 (a zero-length measurement) is refused by the schema', async () => {
    const dir = await workspace({
      'energy-budget.yml': ONE_MODEL('m.onnx').replace('iterations: 5', 'iterations: 0'),
      'm.onnx': tinyModel(),
    });
    const r = await cli(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/iterations/);
  });
});

describe('model files', () => {
  const cases: Array<[string, () => Promise<Uint8Array | null>, RegExp]> = [
    ['missing', async () => null, /does not exist/],
    ['empty', async () => new Uint8Array(), /empty file/],
    [
      'truncated',
      async () => (await readFile(path.join(root, 'examples/models/classifier.onnx'))).subarray(0, 5000),
      /not a valid ONNX file|truncated|external-data|cannot be decoded/,
    ],
    [
      'a PNG',
      async () => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
      /not a valid ONNX file/,
    ],
    ['text', async () => new TextEncoder().encode('import torch\nmodel = torch.load("x.pt")\n'), /The file is text/],
    [
      'random bytes',
      async () => {
        const rng = createRng(1234);
        return Uint8Array.from({ length: 4096 }, () => rng.int(0, 255));
      },
      /not a valid ONNX file|no graph|opset/,
    ],
  ];
  it.each(cases)('%s: MODEL_INVALID with what was expected', async (_name, bytes, message) => {
    const b = await bytes();
    const dir = await workspace({ 'energy-budget.yml': ONE_MODEL('m.onnx'), ...(b ? { 'm.onnx': b } : {}) });
    const e = modelError(await cli(dir));
    expect(e.code).toBe('MODEL_INVALID');
    expect(e.message).toMatch(message);
    expect(e.message).toContain('"m"');
  });

  it('an op onnxruntime cannot run names the node and exits 2', async () => {
    const dir = await workspace({ 'energy-budget.yml': ONE_MODEL('m.onnx'), 'm.onnx': tinyModel({ op: 'NoSuchOp' }) });
    const e = modelError(await cli(dir));
    expect(e.message).toMatch(/NoSuchOp/);
  });

  it('an input whose dims overflow is refused before allocating', async () => {
    const dir = await workspace({
      'energy-budget.yml': ONE_MODEL('m.onnx'),
      'm.onnx': tinyModel({ xDims: [2 ** 53, 2 ** 53, 4] }),
    });
    const e = modelError(await cli(dir));
    expect(e.message).toMatch(/limit for a synthesised input|dims|shape/);
  });

  it('dims: values that ask for terabytes are refused before allocating', async () => {
    const dir = await workspace({
      'energy-budget.yml': ONE_MODEL('m.onnx', '    dims: { N: 1000000000000 }\n'),
      'm.onnx': tinyModel({ xDims: ['N', 4] }),
    });
    const r = await cli(dir);
    expect(r.code).toBe(2);
    expect(r.stderr + (r.report?.models[0]?.error?.message ?? '')).toMatch(/limit|at most|too large|N/);
  });

  it('an initializer that claims 10^12 elements with 32 bytes of data', async () => {
    const w = { ...floatTensor('W', [4, 2], [1, 2, 3, 4, 5, 6, 7, 8]), dims: [1_000_000, 1_000_000] };
    const dir = await workspace({ 'energy-budget.yml': ONE_MODEL('m.onnx'), 'm.onnx': tinyModel({ weights: w }) });
    const e = modelError(await cli(dir));
    expect(e.message).toMatch(
      /weight tensor "W" declares dims \[1000000, 1000000\] \(1000000000000 float32 elements, 4000000000000 bytes\) but stores 32 bytes/,
    );
  });

  it('NaN and Inf outputs are counted, reported and shown, not averaged away', async () => {
    // y = log(x) on N(0,1) inputs: about half the values are NaN; x/0 gives Inf.
    const m = encodeModel(
      model({
        name: 'nan',
        node: [node('Log', ['x'], ['y']), node('Div', ['x', 'zero'], ['z'])],
        initializer: [floatTensor('zero', [1], [0])],
        input: [valueInfo('x', DataType.FLOAT, [1, 64])],
        output: [valueInfo('y', DataType.FLOAT, [1, 64]), valueInfo('z', DataType.FLOAT, [1, 64])],
      }),
    );
    const dir = await workspace({ 'energy-budget.yml': ONE_MODEL('m.onnx'), 'm.onnx': m });
    const r = await cli(dir);
    expect(r.code).toBe(0);
    const inf = r.report!.models[0].inference!;
    expect(inf.nonFinite!.y).toBeGreaterThan(0);
    expect(inf.nonFinite!.z).toBe(64);
    expect(r.report!.models[0].notices).toContainEqual(expect.stringMatching(/NaN or Inf values \(y: \d+, z: 64\)/));
    expect(r.stdout).toMatch(/note: outputs contain NaN or Inf values/);
  });
});

describe('paths that leave the workspace', () => {
  it('a model path with ../ is refused (PATH_OUTSIDE_WORKSPACE)', async () => {
    const dir = await workspace({ 'energy-budget.yml': ONE_MODEL('../outside.onnx') });
    await writeFile(path.join(base, 'outside.onnx'), tinyModel());
    const e = modelError(await cli(dir));
    expect(e.code).toBe('PATH_OUTSIDE_WORKSPACE');
    expect(e.message).toMatch(/outside the workspace/);
  });

  it('an absolute model path outside is refused', async () => {
    const dir = await workspace({ 'energy-budget.yml': ONE_MODEL('/etc/hostname') });
    expect(modelError(await cli(dir)).code).toBe('PATH_OUTSIDE_WORKSPACE');
  });

  it('a model that is a symlink to a file outside is refused', async () => {
    await writeFile(path.join(base, 'secret.onnx'), tinyModel());
    const dir = await workspace({ 'energy-budget.yml': ONE_MODEL('m.onnx') });
    await symlink(path.join(base, 'secret.onnx'), path.join(dir, 'm.onnx'));
    const e = modelError(await cli(dir));
    expect(e.code).toBe('PATH_OUTSIDE_WORKSPACE');
    expect(e.message).toMatch(/symbolic link/);
  });

  it('a symlink inside the workspace is fine', async () => {
    const dir = await workspace({ 'energy-budget.yml': ONE_MODEL('link.onnx'), 'models/m.onnx': tinyModel() });
    await symlink(path.join(dir, 'models/m.onnx'), path.join(dir, 'link.onnx'));
    expect((await cli(dir)).code).toBe(0);
  });

  const external = (location: string) => {
    const w = {
      name: 'W',
      dims: [4, 2],
      dataType: DataType.FLOAT,
      dataLocation: 1,
      externalData: [
        { key: 'location', value: location },
        { key: 'offset', value: '0' },
        { key: 'length', value: '32' },
      ],
    };
    return tinyModel({ weights: w as unknown as ReturnType<typeof floatTensor> });
  };

  it.each([['../../weights.bin'], ['/etc/passwd']])('external data at %s is refused', async (location) => {
    const dir = await workspace({ 'energy-budget.yml': ONE_MODEL('m.onnx'), 'm.onnx': external(location) });
    const e = modelError(await cli(dir));
    expect(e.code).toBe('MODEL_INVALID');
    expect(e.message).toMatch(/outside the allowed folder/);
  });

  it('external data that is a symlink to a file outside is refused', async () => {
    await writeFile(path.join(base, 'weights.bin'), new Uint8Array(64));
    const dir = await workspace({ 'energy-budget.yml': ONE_MODEL('m.onnx'), 'm.onnx': external('weights.bin') });
    await symlink(path.join(base, 'weights.bin'), path.join(dir, 'weights.bin'));
    const e = modelError(await cli(dir));
    expect(e.message).toMatch(/symbolic link that resolves to .*outside the allowed folder/);
  });

  it('an .npy input outside the workspace is refused', async () => {
    await writeFile(path.join(base, 'x.npy'), new Uint8Array(10));
    const dir = await workspace({
      'energy-budget.yml': ONE_MODEL('m.onnx', '    inputs: { x: { data: ../x.npy } }\n'),
      'm.onnx': tinyModel(),
    });
    const e = modelError(await cli(dir));
    expect(e.message).toMatch(/outside the workspace/);
  });
});

describe('faults during the run', () => {
  it('a clock that does not advance (a zero-length window) is an environment failure with a message (exit 3)', async () => {
    const dir = await workspace({ 'energy-budget.yml': ONE_MODEL('m.onnx'), 'm.onnx': tinyModel() });
    const r = await cli(dir, { clockNs: () => 5n });
    expect(r.code).toBe(3);
    expect(r.report!.models[0].error!.message).toMatch(/clock did not advance/);
  });

  it('a RAPL counter that disappears mid-run: the timings survive, energy is unavailable with the reason', async () => {
    const sysfs = path.join(base, `sysfs-${++n}`);
    const zone = path.join(sysfs, 'class/powercap/intel-rapl:0');
    await mkdir(zone, { recursive: true });
    await mkdir(path.join(sysfs, 'class/powercap/intel-rapl'), { recursive: true });
    await writeFile(path.join(zone, 'name'), 'package-0\n');
    await writeFile(path.join(zone, 'energy_uj'), '1000000\n');
    await writeFile(path.join(zone, 'max_energy_range_uj'), '262143328850\n');
    const dir = await workspace({
      'energy-budget.yml': ONE_MODEL('m.onnx')
        .replace('energy: estimate', 'energy: rapl')
        .replace('model-size: 10 MB', 'model-size: 10 MB, energy-per-inference: 1 J'),
      'm.onnx': tinyModel(),
    });
    // The counter vanishes after a few timed runs (the runner reads the clock once per run).
    let calls = 0;
    const clockNs = () => {
      if (++calls === 3) rmSync(path.join(zone, 'energy_uj'));
      return process.hrtime.bigint();
    };
    const r = await cli(dir, { clockNs, sysfsRoot: sysfs, sleep: async () => {} });
    const m = r.report!.models[0];
    expect(m.error).toBeUndefined();
    expect(m.inference!.runs).toBe(5);
    expect(m.inference!.latencyMs.p50).toBeGreaterThan(0);
    expect(m.inference!.energy).toBeUndefined();
    expect(m.inference!.energyUnavailable).toMatch(/RAPL/);
    expect(m.notices).toContainEqual(expect.stringMatching(/energy per inference is unavailable: .*RAPL/));
    expect(m.budgets.find((b) => b.metric === 'energy-per-inference')).toMatchObject({ status: 'warn' });
    expect(r.stdout).toMatch(/energy per inference is unavailable/);
    expect(r.code).toBe(0);
  });
});

describe('one bad model among good ones', () => {
  it('the others are measured and the report is written; exit 2', async () => {
    const classifier = await readFile(path.join(root, 'examples/models/classifier.onnx'));
    const dir = await workspace({
      'energy-budget.yml': `version: 1
models:
  - name: good
    path: good.onnx
    dims: { N: 1 }
    inference: { iterations: 5, warmup: 1 }
    energy: estimate
    budget: { model-size: 10 MB }
  - name: bad
    path: bad.onnx
    inference: { iterations: 5, warmup: 1 }
    energy: estimate
    budget: { model-size: 10 MB }
`,
      'good.onnx': classifier,
      'bad.onnx': classifier.subarray(0, 1000),
    });
    const r = await cli(dir, {}, ['--markdown', 'out/report.md', '--junit', 'out/junit.xml']);
    expect(r.code).toBe(2);
    expect(r.report!.models[0].inference!.runs).toBe(5);
    expect(r.report!.models[1].error!.code).toBe('MODEL_INVALID');
    expect(await readFile(path.join(dir, 'out/report.md'), 'utf8')).toMatch(/Could not be measured/);
    expect(await readFile(path.join(dir, 'out/junit.xml'), 'utf8')).toMatch(/<error type="MODEL_INVALID"/);
  });
});
