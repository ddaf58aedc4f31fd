import { describe, expect, it } from '@jest/globals';
import { parseConfig } from '../../src/config/load.js';
import { evaluateBudgets, INSTRUCTION_TOLERANCE } from '../../src/compare/budgets.js';
import type { BudgetLimit } from '../../src/config/types.js';
import { ConfigError } from '../../src/errors.js';

const FILE = '/project/energy-budget.yml';

function issuesOf(yaml: string): string[] {
  try {
    parseConfig(yaml, FILE);
  } catch (e) {
    if (e instanceof ConfigError) return e.issues.map((i) => `${i.line ?? '-'}: ${i.path}: ${i.message} | ${i.expected ?? ''}`);
    throw e;
  }
  return [];
}

describe('measure: in the budget file', () => {
  it('defaults to time; the file-wide value applies to models without their own', () => {
    const c = parseConfig(
      [
        'version: 1',
        'models:',
        '  - { name: a, path: a.onnx }',
        '  - { name: b, path: b.onnx, measure: time }',
        'measure: instructions',
      ].join('\n'),
      FILE,
    );
    expect(c.measure).toBe('instructions');
    expect(c.models.map((m) => m.measure)).toEqual(['instructions', 'time']);
    expect(parseConfig('version: 1\nmodels: [{ name: a, path: a.onnx }]\n', FILE).models[0]!.measure).toBe('time');
  });

  it('reads instruction limits as counts', () => {
    const c = parseConfig(
      [
        'version: 1',
        'models:',
        '  - name: a',
        '    path: a.onnx',
        '    measure: instructions',
        '    training: { loss: mse }',
        '    budget:',
        '      instructions-per-inference: 12M',
        '      regression: { instructions-per-inference: 1%, instructions-per-step: 2% }',
      ].join('\n'),
      FILE,
    );
    const b = c.models[0]!.budget.map((l) => [l.metric, l.kind, l.limit]);
    expect(b).toEqual([
      ['instructions-per-inference', 'absolute', 12e6],
      ['instructions-per-inference', 'regression', 0.01],
      ['instructions-per-step', 'regression', 0.02],
    ]);
  });

  it('an instruction limit without measure: instructions is an error at the limit, with the fix', () => {
    const issues = issuesOf(
      [
        'version: 1',
        'models:',
        '  - name: a',
        '    path: a.onnx',
        '    budget:',
        '      regression:',
        '        instructions-per-inference: 1%',
      ].join('\n'),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^7: models\[0\]\.budget\.regression\.instructions-per-inference: .*model `a` does not measure/);
    expect(issues[0]).toMatch(/`measure: instructions` on the model, or at the top/);
  });

  it('an unknown measure is named with the allowed values', () => {
    const issues = issuesOf('version: 1\nmeasure: cycles\nmodels: [{ name: a, path: a.onnx }]\n');
    expect(issues.join('\n')).toMatch(/measure.*`time`, `instructions`/);
  });
});

describe('instruction-count regressions', () => {
  const limit: BudgetLimit = {
    metric: 'instructions-per-inference',
    kind: 'regression',
    limit: 0.01,
    relative: true,
    level: 'error',
    path: 'models[0].budget.regression.instructions-per-inference',
  };
  const check = (base: number, head: number) =>
    evaluateBudgets([limit], { 'instructions-per-inference': head }, { 'instructions-per-inference': base }, {})[0]!;

  it('one count per side decides, with the ±0.3% residual-spread band around the limit', () => {
    expect(INSTRUCTION_TOLERANCE).toBe(0.003);
    // The issue's figures: base 6,515,790 for 20 calls; +1 Mul 6,662,118 (+2.2%); a no-op within 0.15%.
    expect(check(6_515_790, 6_662_118).status).toBe('fail');
    expect(check(6_515_790, 6_506_101).status).toBe('pass');
    expect(check(1_000_000, 1_006_900).status).toBe('pass'); // +0.69%: below limit − band
    expect(check(1_000_000, 1_010_000).status).toBe('inconclusive'); // exactly at the limit
    expect(check(1_000_000, 1_013_100).status).toBe('fail'); // +1.31%: above limit + band
  });

  it('says SIMULATED, the band and how it was counted', () => {
    const r = check(6_515_790, 6_662_118);
    expect(r.message).toMatch(/SIMULATED \(\+2\.25%, ±0\.30% residual spread; allowed growth 1%\): regression/);
    expect(r.message).toMatch(/callgrind instruction counts, one process per side/);
    expect(r.change).toBeCloseTo(6_662_118 / 6_515_790 - 1, 12);
    expect(r.changeCi95).toBeUndefined();
  });
});
