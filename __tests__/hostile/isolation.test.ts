/**
 * Crash containment: each model's measurement runs in a forked worker with a time limit. A
 * worker variant built from the real handler crashes, hangs or misbehaves on purpose for some
 * model names; the engine must turn each into an error for that model (exit code 2) and keep
 * going. The real worker measures the example classifier.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import type { BudgetConfig } from '../../src/config/types.js';
import { EnergyBudgetError } from '../../src/errors.js';
import { createModelRunner } from '../../src/isolate/engine.js';
import { defaultTimeoutS, locateWorker, scrubEnv } from '../../src/isolate/parent.js';
import type { MeasureContext } from '../../src/engine/context.js';
import type { RunLogger } from '../../src/util/logger.js';
import { buildEngine, root } from './support.js';

const NAMES = ['classifier', 'crash-abort', 'crash-segv', 'crash-exit', 'hang', 'throw-type', 'print-env'];
const BUDGET = `version: 1
models:
${NAMES.map(
  (n) => `  - name: ${n}
    path: classifier.onnx
    dims: { N: 2 }
    inference: { iterations: 10, warmup: 2 }
    energy: estimate
    budget: { model-size: 1 MB }
`,
).join('')}`;

let engine: string;
let dir: string;
let config: BudgetConfig;

beforeAll(async () => {
  engine = await buildEngine(['worker', 'faulty-worker']);
  dir = await mkdtemp(path.join(tmpdir(), 'eb-isolate-'));
  await copyFile(path.join(root, 'examples/models/classifier.onnx'), path.join(dir, 'classifier.onnx'));
  await writeFile(path.join(dir, 'energy-budget.yml'), BUDGET);
  config = await loadConfig(path.join(dir, 'energy-budget.yml'));
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(engine, { recursive: true, force: true });
});

function recorder() {
  const lines: Array<[string, string]> = [];
  const logger: RunLogger = {
    info: (m) => void lines.push(['info', m]),
    warn: (m) => void lines.push(['warn', m]),
    progress: (m) => void lines.push(['progress', m]),
  };
  return { lines, logger };
}

function context(logger: RunLogger, env: Record<string, string> = {}): MeasureContext {
  return {
    config,
    logger,
    env: { PATH: process.env.PATH ?? '', ...env },
    clockNs: () => process.hrtime.bigint(),
    sysfsRoot: path.join(dir, 'no-sysfs'),
    advise: false,
    readFile: async () => new Uint8Array(),
  };
}

const model = (name: string) => {
  const i = config.models.findIndex((m) => m.name === name);
  return [config.models[i], i] as const;
};

async function failure(p: Promise<unknown>): Promise<EnergyBudgetError> {
  try {
    await p;
  } catch (error) {
    return error as EnergyBudgetError;
  }
  throw new Error('expected the job to fail');
}

describe('the real worker', () => {
  it('measures a model in a child process and forwards its progress lines', async () => {
    const { lines, logger } = recorder();
    const runner = createModelRunner(context(logger), { workerPath: path.join(engine, 'worker.js'), workspaceRoot: dir });
    expect(runner.mode).toBe('process');
    const [cfg, i] = model('classifier');
    const report = await runner.measure(cfg, i, cfg.path);
    expect(report.name).toBe('classifier');
    expect(report.size.parameters).toBe(108801);
    expect(report.inference).toEqual(expect.objectContaining({ runs: 10, batchSize: 2 }));
    expect(report.inference!.energy).toEqual(expect.objectContaining({ method: 'estimate', estimated: true }));
    expect(lines).toContainEqual(['progress', expect.stringContaining('classifier: inference benchmark')]);
  });

  it('is found beside the bundled engine, also from a chunk one folder down', () => {
    expect(locateWorker(new URL(`file://${engine}/cli.js`).href)).toBe(path.join(engine, 'worker.js'));
    expect(locateWorker(new URL(`file://${engine}/chunks/run-abc.js`).href)).toBe(path.join(engine, 'worker.js'));
    expect(locateWorker(new URL(`file://${dir}/x/y.js`).href)).toBeNull();
  });
});

describe('a worker that crashes or hangs', () => {
  const faulty = () => path.join(engine, 'faulty-worker.js');

  it.each([
    ['crash-abort', /killed by an abort/, /Assertion failed: shape_size/],
    ['crash-segv', /killed by a segmentation fault/, /./],
    ['crash-exit', /exited with code 7 without a result/, /./],
  ])('%s becomes MODEL_CRASHED (exit 2) for that model', async (name, how, printed) => {
    const { logger } = recorder();
    const runner = createModelRunner(context(logger), { workerPath: faulty(), workspaceRoot: dir });
    const [cfg, i] = model(name);
    const error = await failure(runner.measure(cfg, i, cfg.path));
    expect(error).toBeInstanceOf(EnergyBudgetError);
    expect(error.code).toBe('MODEL_CRASHED');
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(how);
    expect(error.message).toMatch(printed);
    expect(error.message).toContain(`"${name}" (classifier.onnx)`);
    // The parent is alive and the next model still measures.
    const [good, gi] = model('classifier');
    await expect(runner.measure(good, gi, good.path)).resolves.toEqual(expect.objectContaining({ name: 'classifier' }));
  });

  it('a hang is stopped at the time limit and becomes MODEL_TIMEOUT (exit 2)', async () => {
    // The timer is fired by hand when the worker says it hangs: no real waiting in the test.
    let fire: (() => void) | undefined;
    let limitMs = 0;
    const { lines, logger } = recorder();
    const hooked: RunLogger = {
      ...logger,
      progress: (m) => {
        logger.progress(m);
        if (m.includes('hanging')) fire?.();
      },
    };
    const runner = createModelRunner(context(hooked), {
      workerPath: faulty(),
      workspaceRoot: dir,
      timeoutS: 42,
      startTimer: (ms, onExpire) => {
        limitMs = ms;
        fire = onExpire;
        return () => {
          fire = undefined;
        };
      },
    });
    const [cfg, i] = model('hang');
    const error = await failure(runner.measure(cfg, i, cfg.path));
    expect(limitMs).toBe(42_000);
    expect(error.code).toBe('MODEL_TIMEOUT');
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/did not finish within 42 s and was stopped/);
    expect(error.message).toMatch(/ENERGY_BUDGET_MODEL_TIMEOUT_S/);
    expect(lines).toContainEqual(['progress', 'worker is hanging']);
  });

  it('a real timer stops a real hang', async () => {
    const runner = createModelRunner(context(recorder().logger), { workerPath: faulty(), workspaceRoot: dir, timeoutS: 1.5 });
    const [cfg, i] = model('hang');
    expect((await failure(runner.measure(cfg, i, cfg.path))).code).toBe('MODEL_TIMEOUT');
  });

  it('a plain TypeError in the worker stays an internal error (not disguised as bad input)', async () => {
    const runner = createModelRunner(context(recorder().logger), { workerPath: faulty(), workspaceRoot: dir });
    const [cfg, i] = model('throw-type');
    const error = await failure(runner.measure(cfg, i, cfg.path));
    expect(error).not.toBeInstanceOf(EnergyBudgetError);
    expect(error.name).toBe('TypeError');
    expect(error.message).toContain("reading 'dims'");
  });

  it('the worker gets no tokens or secrets, and a capped heap with no inherited flags', async () => {
    const env = {
      GITHUB_TOKEN: 'ghs_x',
      'INPUT_GITHUB-TOKEN': 'ghs_y',
      ACTIONS_RUNTIME_TOKEN: 'z',
      MY_SECRET: 's',
      AWS_SECRET_ACCESS_KEY: 'k',
      ENERGY_BUDGET_REGION: 'DE',
    };
    const runner = createModelRunner(context(recorder().logger, env), {
      workerPath: faulty(),
      workspaceRoot: dir,
      maxOldSpaceMb: 1234,
    });
    const [cfg, i] = model('print-env');
    const seen = (await runner.measure(cfg, i, cfg.path)) as unknown as { names: string[]; jobEnv: string[]; execArgv: string[] };
    for (const names of [seen.names, seen.jobEnv]) {
      expect(names).toContain('ENERGY_BUDGET_REGION');
      for (const secret of ['GITHUB_TOKEN', 'INPUT_GITHUB-TOKEN', 'ACTIONS_RUNTIME_TOKEN', 'MY_SECRET', 'AWS_SECRET_ACCESS_KEY'])
        expect(names).not.toContain(secret);
    }
    expect(seen.execArgv).toEqual(['--max-old-space-size=1234']);
  });
});

describe('choosing the mode', () => {
  it('falls back to this process with one warning when no worker script exists', () => {
    const { lines, logger } = recorder();
    const runner = createModelRunner(context(logger), { workerPath: undefined, workspaceRoot: dir });
    // Under jest the engine is TypeScript: there is no worker.js beside src/isolate/.
    expect(runner.mode).toBe('in-process');
    expect(lines.filter(([l]) => l === 'warn')).toEqual([
      ['warn', expect.stringMatching(/measured in this process because no bundled worker/)],
    ]);
  });

  it('defaults the limit to 10 minutes or 30x the inference cap, and reads the override', () => {
    expect(defaultTimeoutS(10)).toBe(600);
    expect(defaultTimeoutS(60)).toBe(1800);
    expect(defaultTimeoutS(undefined)).toBe(600);
    expect(defaultTimeoutS(Infinity)).toBe(600);
    expect(defaultTimeoutS(10, { ENERGY_BUDGET_MODEL_TIMEOUT_S: '90' })).toBe(90);
    expect(defaultTimeoutS(10, { ENERGY_BUDGET_MODEL_TIMEOUT_S: 'soon' })).toBe(600);
  });

  it('scrubs credential-like variables', () => {
    expect(
      scrubEnv({ GH_TOKEN: 'a', NPM_TOKEN: 'b', DB_PASSWORD: 'c', SSH_PRIVATE_KEY: 'd', HOME: '/h', PATH: '/bin', X: undefined }),
    ).toEqual({ HOME: '/h', PATH: '/bin' });
  });
});
