/**
 * The memory pre-flight: the estimate per pass on plain data, the available-memory adapter on
 * fake /proc and cgroup trees, and the refusal on a real model with an injected "available
 * memory" (exit 3, the estimate, what is available and what to change), before any session.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config/load.js';
import { EnvironmentError } from '../../src/errors.js';
import { prepareModel } from '../../src/engine/prepare.js';
import { type MeasureContext } from '../../src/engine/context.js';
import { loadModel } from '../../src/model/load.js';
import {
  estimatePass,
  memoryRefusal,
  RUNTIME_OVERHEAD_BYTES,
  weightFigures,
  type EstimateInput,
} from '../../src/model/memory.js';
import { silentLogger } from '../../src/report/terminal.js';
import { availableMemoryReader, parseMemAvailable } from '../../src/util/available-memory.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'eb-memory-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MB = 1e6;
const base: EstimateInput = {
  weights: {
    bytes: 100 * MB,
    largestBytes: 40 * MB,
    byName: new Map([
      ['enc.w', 60 * MB],
      ['head.w', 40 * MB],
    ]),
  },
  inputBytes: 1 * MB,
  activations: { totalBytes: 30 * MB, twoLargestBytes: 12 * MB },
};

describe('estimatePass', () => {
  it.each([
    ['shapes', undefined, 100 + 40 + 1 + 30],
    ['inference', undefined, 100 + 40 + 1 + 12],
    // the advisor on a large model: inference plus the weights in JavaScript and a variant as large
    ['advice', undefined, 100 + 40 + 1 + 12 + 200],
    // weights, pre-pack, inputs, 2 × activations, gradients 100, adam state 2 × 100, fed in and out 3 × 100
    ['training', { optimizer: 'adam' as const }, 100 + 40 + 1 + 60 + 100 + 200 + 300],
    ['training', { optimizer: 'sgd' as const }, 100 + 40 + 1 + 60 + 100 + 0 + 100],
    // freezing enc.* leaves 40 MB trainable
    ['training', { optimizer: 'adam' as const, freeze: ['enc.*'] }, 100 + 40 + 1 + 60 + 40 + 80 + 120],
  ] as const)('%s %j → %d MB + the runtime', (pass, training, mb) => {
    const e = estimatePass(pass, { ...base, ...(training ? { training } : {}) });
    expect(e.totalBytes).toBe(mb * MB + RUNTIME_OVERHEAD_BYTES);
    expect(e.parts.reduce((s, p) => s + p.bytes, 0)).toBe(e.totalBytes);
  });

  it('weightFigures sizes tensors from their dims (external ones included, nothing read)', async () => {
    const loaded = await loadModel(join(ROOT, 'examples/models/classifier.onnx'));
    const w = weightFigures(loaded.proto);
    expect(w.bytes).toBeGreaterThan(0);
    expect(w.largestBytes).toBeLessThanOrEqual(w.bytes);
    expect([...w.byName.values()].reduce((a, b) => a + b, 0)).toBe(w.bytes);
  });
});

describe('memoryRefusal', () => {
  it('tells the advisor it can run without --advise', () => {
    expect(memoryRefusal('m', estimatePass('advice', base), 1, 'x', {})).toContain(
      'the optimisation advisor (--advise) needs about',
    );
    expect(memoryRefusal('m', estimatePass('advice', base), 1, 'x', {})).toContain('the run without --advise for this model');
  });

  it('is undefined when the estimate fits', () => {
    expect(memoryRefusal('m', estimatePass('inference', base), 10e9, 'x', {})).toBeUndefined();
  });

  it('names the pass, the estimate by part, what is available and what to change', () => {
    const training = { optimizer: 'adam' as const };
    const text = memoryRefusal(
      '"big" (big.onnx)',
      estimatePass('training', { ...base, training }),
      500 * MB,
      'MemAvailable in /proc/meminfo',
      {
        dims: { N: 64 },
        training,
      },
    )!;
    expect(text).toContain('the training step needs about 968.8 MB');
    expect(text).toContain('only 500.0 MB is available (MemAvailable in /proc/meminfo)');
    expect(text).toContain('adam state (2 per trainable weight) 200.0 MB');
    expect(text).toContain('smaller dims (now N: 64)');
    expect(text).toContain('training.freeze');
    expect(text).toContain('optimizer: sgd instead of adam');
  });
});

describe('availableMemoryReader (the adapter)', () => {
  it('parses MemAvailable in kB', () => {
    expect(parseMemAvailable('MemTotal:       16000000 kB\nMemAvailable:    8000000 kB\n')).toBe(8000000 * 1024);
    expect(parseMemAvailable('MemTotal: 1 kB\n')).toBeUndefined();
  });

  it('reads a fake /proc, and a cgroup limit below it wins (reclaimable page cache not counted as used)', async () => {
    const proc = join(dir, 'proc');
    const sys = join(dir, 'sys');
    mkdirSync(proc, { recursive: true });
    mkdirSync(join(sys, 'fs/cgroup'), { recursive: true });
    writeFileSync(join(proc, 'meminfo'), 'MemTotal: 32000000 kB\nMemAvailable: 20000000 kB\n');
    expect(await availableMemoryReader(proc, join(dir, 'no-sys'))()).toEqual({
      bytes: 20000000 * 1024,
      source: `MemAvailable in ${join(proc, 'meminfo')}`,
    });
    writeFileSync(join(sys, 'fs/cgroup/memory.max'), '4000000000\n');
    writeFileSync(join(sys, 'fs/cgroup/memory.current'), '3000000000\n');
    writeFileSync(join(sys, 'fs/cgroup/memory.stat'), 'anon 1000000000\ninactive_file 1500000000\n');
    const r = await availableMemoryReader(proc, sys)();
    expect(r.bytes).toBe(4e9 - (3e9 - 1.5e9));
    expect(r.source).toContain('cgroup');
  });

  it('falls back to the OS figure without /proc', async () => {
    const r = await availableMemoryReader(join(dir, 'no-proc'), join(dir, 'no-sys'))();
    expect(r.bytes).toBeGreaterThan(0);
    expect(r.source).toBe('free memory reported by the OS');
  });
});

describe('the pre-flight on a real model', () => {
  async function setup(): Promise<{ ctx: (bytes: number) => MeasureContext; cfgFile: string }> {
    const d = mkdtempSync(join(dir, 'run-'));
    copyFileSync(join(ROOT, 'examples/models/classifier.onnx'), join(d, 'classifier.onnx'));
    const cfgFile = join(d, 'energy-budget.yml');
    writeFileSync(
      cfgFile,
      `version: 1
models:
  - name: clf
    path: classifier.onnx
    dims: { N: 4096 }
    inference: { iterations: 5, warmup: 1 }
    energy: estimate
    training: { loss: bce, optimizer: adam, learning-rate: 0.01, steps: 2 }
`,
    );
    const config = await loadConfig(cfgFile);
    const ctx = (bytes: number): MeasureContext => ({
      config,
      logger: silentLogger,
      env: {},
      clockNs: () => process.hrtime.bigint(),
      sysfsRoot: join(d, 'no-sysfs'),
      advise: false,
      readFile: async () => new Uint8Array(),
      availableMemory: async () => ({ bytes, source: 'a fake figure' }),
    });
    return { ctx, cfgFile };
  }

  it('refuses with exit 3 before any session when even the shape-finding run does not fit', async () => {
    const { ctx } = await setup();
    const c = ctx(10 * MB);
    const error = await prepareModel(c.config.models[0], c.config.models[0].path, c).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EnvironmentError);
    expect(error).toMatchObject({ code: 'MEMORY_INSUFFICIENT', exitCode: 3 });
    expect((error as Error).message).toMatch(
      /the run that finds the shapes of intermediate tensors needs about .* but only 10\.0 MB is available \(a fake figure\)/,
    );
    expect((error as Error).message).toContain('smaller dims (now N: 4096)');
  });

  it('refuses the training pass it cannot fit, after the shapes are known, with the optimizer to change', async () => {
    const { ctx } = await setup();
    const c = ctx(0);
    // One answer per pass (shapes, inference, training): plenty until the training step.
    const answers = [1e12, 1e12, 50 * MB];
    const passes: number[] = [];
    c.availableMemory = async () => {
      passes.push(passes.length);
      return { bytes: answers[passes.length - 1], source: 'a fake figure' };
    };
    const model = c.config.models[0];
    const e = (await prepareModel(model, model.path, c).catch((x: unknown) => x)) as Error;
    expect(passes).toHaveLength(3);
    expect(e).toBeInstanceOf(EnvironmentError);
    expect(e.message).toMatch(/the training step needs about [\d.]+ MB of memory, but only 50\.0 MB is available/);
    expect(e.message).toContain('adam state (2 per trainable weight)');
    expect(e.message).toContain('optimizer: sgd instead of adam');
    expect(e.message).toContain('training.freeze');
  });

  it('ENERGY_BUDGET_MEMORY_CHECK=off skips the check', async () => {
    const { ctx } = await setup();
    const c = { ...ctx(1), env: { ENERGY_BUDGET_MEMORY_CHECK: 'off' } };
    await expect(prepareModel(c.config.models[0], c.config.models[0].path, c)).resolves.toMatchObject({
      report: { name: 'clf' },
    });
  });
});
