import { describe, expect, it } from '@jest/globals';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/terminal.js';
import type { InstructionsReport, Report } from '../../src/report/types.js';
import { metricValues } from '../../src/engine/measure.js';

const counted: InstructionsReport = {
  perCall: 325_305,
  minPerCall: 325_200,
  maxPerCall: 325_410,
  calls: 5,
  warmup: 1,
  events: { Ir: 325_305 },
  estimatedCycles: 401_000,
  cyclesFormula: 'ESTIMATE: L1 hits + 5 × LL hits + 35 × RAM accesses',
  method: 'callgrind',
  simulated: true,
  tool: 'valgrind-3.19.0',
  wallS: 31.5,
  description: 'SIMULATED: instructions per inference call executed inside onnxruntime',
};

const report: Report = {
  schemaVersion: 1,
  verdict: 'fail',
  environment: { cpu: 'Test CPU', logicalCpus: 2, os: 'Linux', node: 'v20', onnxruntime: '1.30.0' },
  models: [
    {
      name: 'classifier',
      path: 'classifier.onnx',
      size: { bytes: 435678, parameters: 108801, bytesByDtype: { float32: 435204 }, sparsity: 0 },
      flops: 1741000,
      inference: {
        batchSize: 8,
        runs: 20,
        warmup: 5,
        threads: 1,
        latencyMs: { p50: 0.05, p95: 0.06, p99: 0.07, mean: 0.05 },
        throughput: 160000,
        instructions: counted,
      },
      budgets: [
        {
          metric: 'instructions-per-inference',
          kind: 'regression',
          limit: 0.01,
          relative: true,
          value: 325_305,
          baseline: 318_000,
          status: 'fail',
          change: 0.023,
          message: '318k → 325k SIMULATED (+2.30%, ±0.30% residual spread; allowed growth 1%): regression',
        },
      ],
    },
  ],
};

describe('instruction counts in the outputs', () => {
  it('the terminal says SIMULATED and ESTIMATE, with the range and the time under Valgrind', () => {
    const text = renderText(report);
    expect(text).toMatch(
      /instructions per inference \(SIMULATED, valgrind-3\.19\.0 callgrind\): 325,305 \(5 calls, 325,200–325,410\)/,
    );
    expect(text).toMatch(/estimated cycles 401,000 \(ESTIMATE\); 31\.5 s under Valgrind/);
  });

  it('the Markdown labels the metric and the sentence as simulated', () => {
    const md = renderMarkdown(report);
    expect(md).toMatch(/Instructions per inference \*\(simulated\)\*/);
    expect(md).toMatch(/Inference: 325,305 instructions per call, SIMULATED \(valgrind-3\.19\.0 callgrind/);
    expect(md).toMatch(/an ESTIMATE from the simulated caches/);
  });

  it('feeds instructions-per-inference to the budget check', () => {
    expect(metricValues(report.models[0]!)['instructions-per-inference']).toBe(325_305);
  });
});
