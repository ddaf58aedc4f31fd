import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../src/errors.js';
import { environmentDifferences } from '../../src/baseline/report.js';
import { readReport as loadBaselineReport } from '../../src/report/read.js';
import type { ModelReport, Report } from '../../src/report/types.js';

const env = { cpu: 'AMD EPYC 7763', logicalCpus: 2, os: 'linux 6.5', node: 'v20.20.2', onnxruntime: '1.30.0' };

function modelReport(name: string, extra: Partial<ModelReport> = {}): ModelReport {
  return {
    name,
    path: `${name}.onnx`,
    size: { bytes: 1000, parameters: 200, bytesByDtype: { float32: 800 }, sparsity: 0 },
    flops: 4000,
    inference: {
      batchSize: 1,
      runs: 100,
      warmup: 10,
      threads: 1,
      latencyMs: { p50: 1, p95: 2, p99: 3, mean: 1.2 },
      throughput: 800,
      energy: { joulesPerInference: 0.001, joulesPerSample: 0.001, method: 'rapl', estimated: false },
    },
    budgets: [],
    ...extra,
  };
}

function report(models: unknown[] = [modelReport('a')], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ schemaVersion: 1, verdict: 'pass', environment: env, models, ...extra });
}

const files = (text: string) => async () => text;
const EMPTY = { bytes: 0, parameters: 0, bytesByDtype: {}, sparsity: 0 };

describe('loadBaselineReport', () => {
  it('reads a valid report, including errored and removed models', async () => {
    const r = await loadBaselineReport(
      'base.json',
      files(
        report([
          modelReport('a'),
          // As src/engine/run.ts writes them: no figures, zero size and FLOPs.
          { name: 'b', path: 'b.onnx', size: EMPTY, flops: 0, error: { code: 'X', message: 'y' }, budgets: [] },
          { name: 'c', path: '', change: 'removed', size: EMPTY, flops: 0, budgets: [] },
        ]),
      ),
    );
    expect(r.models.map((m) => m.name)).toEqual(['a', 'b', 'c']);
  });

  it.each([
    ['not JSON', '{', /--baseline base\.json: not valid JSON/],
    ['an array', '[]', /expected a JSON object at the top level/],
    ['no schema version', JSON.stringify({ models: [] }), /schemaVersion is missing/],
    [
      'another schema version',
      report(undefined, { schemaVersion: 2 }),
      /schemaVersion 2 is not supported by this version \(it reads 1\)/,
    ],
    ['no environment', JSON.stringify({ schemaVersion: 1, models: [] }), /environment: expected an object/],
    ['models not a list', report(undefined, { models: {} }), /models: expected a list/],
    ['a model without a name', report([{ size: {} }]), /models\[0\]\.name: expected/],
    [
      'a string where a number belongs',
      report([modelReport('a', { flops: '12' as never })]),
      /models\[0\]\.flops: expected a number, got "12"/,
    ],
    [
      'latency missing',
      report([{ ...modelReport('a'), inference: { throughput: 1 } }]),
      /models\[0\]\.inference\.latencyMs: expected/,
    ],
    ['a duplicate name', report([modelReport('a'), modelReport('a')]), /models\[1\]\.name: "a" appears twice/],
  ])('rejects %s with the field and the fix (exit 2)', async (_name, text, message) => {
    const err = await loadBaselineReport('base.json', files(text)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).exitCode).toBe(2);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).toMatch(/energy-budget run --json FILE/);
  });

  it('a missing file', async () => {
    const missing = async () => {
      throw Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
    };
    await expect(loadBaselineReport('nope.json', missing)).rejects.toThrow('--baseline nope.json: the file does not exist.');
  });
});

describe('environmentDifferences', () => {
  const base = JSON.parse(report([modelReport('a'), modelReport('b')])) as Report;

  it('no warnings for the same environment', () => {
    expect(environmentDifferences(base, { environment: env, models: [modelReport('a')] })).toEqual([]);
  });

  it('warns about CPU, onnxruntime, threads and meter differences', () => {
    const head = {
      environment: { ...env, cpu: 'Intel Xeon 8370C', onnxruntime: '1.31.0' },
      models: [
        modelReport('a', {
          inference: {
            ...modelReport('a').inference!,
            threads: 2,
            energy: { joulesPerInference: 1, joulesPerSample: 1, method: 'estimate', estimated: true },
          },
        }),
      ],
    };
    const w = environmentDifferences(base, head);
    expect(w).toEqual([
      'the baseline was measured on CPU "AMD EPYC 7763", this run on CPU "Intel Xeon 8370C": latency and energy are not comparable across them, so regression checks compare machines as much as models',
      'the baseline was measured with onnxruntime "1.30.0", this run with onnxruntime "1.31.0": kernels and threading differ between versions',
      'a: the baseline ran with 1 thread, this run with 2: latency and energy are not comparable',
      "a: the baseline's energy came from rapl, this run's from estimate: energy figures from different meters are not comparable",
    ]);
  });

  it('before measuring, threads and an explicit meter come from the budget file', () => {
    const config = { models: [{ name: 'b', threads: 4, energy: 'estimate' }] } as never;
    const w = environmentDifferences(base, { environment: env, models: [] }, config);
    expect(w).toEqual([
      'b: the baseline ran with 1 thread, this run with 4: latency and energy are not comparable',
      "b: the baseline's energy came from rapl, this run's from estimate: energy figures from different meters are not comparable",
    ]);
  });
});
