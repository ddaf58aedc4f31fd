import { describe, expect, it } from '@jest/globals';
import { diffBudgetFiles } from '../../src/compare/budget-changes.js';
import { hasLoosening } from './budget-changes-helpers.js';

/** A budget file with one model whose `budget:` block is `budget` (YAML flow or block text). */
function file(budget: string, extra = '', name = 'classifier'): string {
  return `version: 1\n${extra}models:\n  - name: ${name}\n    path: m.onnx\n    budget:\n${budget
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n')}\n`;
}

describe('diffBudgetFiles', () => {
  it.each([
    ['no change', 'latency-p95: 5 ms', 'latency-p95: 5 ms', []],
    ['same limit, other spelling', 'model-size: 5 MB', 'model-size: 5000 kB', []],
    [
      'ceiling raised → loosened',
      'latency-p95: 5 ms',
      'latency-p95: 6 ms',
      [{ metric: 'latency-p95', change: 'loosened', before: 0.005, after: 0.006 }],
    ],
    [
      'ceiling lowered → tightened',
      'energy-per-inference: 2 mJ',
      'energy-per-inference: 1 mJ',
      [{ metric: 'energy-per-inference', change: 'tightened', before: 0.002, after: 0.001 }],
    ],
    [
      'throughput minimum lowered → loosened',
      'throughput: 1000',
      'throughput: 900',
      [{ metric: 'throughput', change: 'loosened', before: 1000, after: 900 }],
    ],
    ['same minimum, other spelling', 'throughput: 1000', 'throughput: 1 k samples/s', []],
    [
      'throughput minimum raised → tightened',
      'throughput: 1000',
      'throughput: 1200',
      [{ metric: 'throughput', change: 'tightened', before: 1000, after: 1200 }],
    ],
    [
      'limit removed',
      'flops: 200 MFLOP\nparameters: 1.5M',
      'parameters: 1.5M',
      [{ metric: 'flops', change: 'removed', before: 2e8 }],
    ],
    ['limit added', 'parameters: 1.5M', 'parameters: 1.5M\nflops: 200 MFLOP', [{ metric: 'flops', change: 'added', after: 2e8 }]],
    [
      'regression percent raised → loosened',
      'regression:\n  energy-per-inference: 5%',
      'regression:\n  energy-per-inference: 10%',
      [{ metric: 'regression.energy-per-inference', change: 'loosened', before: 0.05, after: 0.1, relative: true }],
    ],
    [
      'regression percent lowered → tightened',
      'regression:\n  model-size: 5%',
      'regression:\n  model-size: 0%',
      [{ metric: 'regression.model-size', change: 'tightened', before: 0.05, after: 0, relative: true }],
    ],
    [
      'regression removed',
      'regression:\n  model-size: 0%',
      'model-size: 5 MB',
      [
        { metric: 'model-size', change: 'added' },
        { metric: 'regression.model-size', change: 'removed', before: 0 },
      ],
    ],
    [
      'level error → warn → loosened',
      'latency-p95: 5 ms',
      'latency-p95: { limit: 5 ms, level: warn }',
      [{ metric: 'latency-p95', change: 'loosened', note: 'level error → warn' }],
    ],
    [
      'level warn → error and value up',
      'latency-p95: { limit: 5 ms, level: warning }',
      'latency-p95: 6 ms',
      [
        { metric: 'latency-p95', change: 'loosened', before: 0.005, after: 0.006 },
        { metric: 'latency-p95', change: 'tightened', note: 'level warn → error' },
      ],
    ],
    [
      'percent → units: removed + added',
      'regression:\n  latency-p95: 5%',
      'regression:\n  latency-p95: 1 ms',
      [
        { metric: 'regression.latency-p95', change: 'removed', before: 0.05, relative: true },
        { metric: 'regression.latency-p95', change: 'added', after: 0.001, relative: false },
      ],
    ],
  ])('%s', (_name, before, after, expected) => {
    const changes = diffBudgetFiles(file(before), file(after));
    expect(changes).toEqual(expected.map((e) => expect.objectContaining({ model: 'classifier', ...e })));
  });

  it('a removed model lists its limits as removed; a new model its limits as added', () => {
    const changes = diffBudgetFiles(file('flops: 1M', '', 'old'), file('flops: 1M', '', 'new'));
    expect(changes).toEqual([
      { model: 'new', metric: 'flops', change: 'added', after: 1e6, note: 'new model' },
      { model: 'old', metric: 'flops', change: 'removed', before: 1e6, note: 'model removed from the budget file' },
    ]);
    expect(hasLoosening(changes)).toBe(true);
  });

  it('reports a looser inconclusive policy', () => {
    expect(diffBudgetFiles(file('flops: 1M', 'inconclusive: fail\n'), file('flops: 1M'))).toEqual([
      {
        model: '*',
        metric: 'inconclusive',
        change: 'loosened',
        note: 'an inconclusive comparison now counts as warn (was fail)',
      },
    ]);
    expect(diffBudgetFiles(file('flops: 1M'), file('flops: 1M', 'inconclusive: fail\n'))[0]?.change).toBe('tightened');
  });

  it('is lenient: broken YAML gives no changes, unreadable quantities are skipped', () => {
    expect(diffBudgetFiles('models: [', file('flops: 1M'))).toEqual([]);
    expect(diffBudgetFiles(file('flops: lots'), file('flops: 1M'))).toEqual([expect.objectContaining({ change: 'added' })]);
    expect(diffBudgetFiles('', file('flops: 1M'))).toEqual([expect.objectContaining({ change: 'added', note: 'new model' })]);
  });

  it('tightening only is not a loosening', () => {
    expect(hasLoosening(diffBudgetFiles(file('flops: 2M'), file('flops: 1M')))).toBe(false);
  });
});
