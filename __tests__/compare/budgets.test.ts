import { describe, expect, it } from '@jest/globals';
import type { BudgetLimit, MetricKey } from '../../src/config/types.js';
import { evaluateBudgets, overallVerdict, type MetricValues } from '../../src/compare/budgets.js';
import type { ComparisonResult } from '../../src/compare/types.js';
import type { BudgetStatus } from '../../src/report/types.js';

function limit(metric: MetricKey, kind: 'absolute' | 'regression', value: number, extra: Partial<BudgetLimit> = {}): BudgetLimit {
  return {
    metric,
    kind,
    limit: value,
    relative: kind === 'regression',
    level: 'error',
    path: `models[0].budget.${metric}`,
    ...extra,
  };
}

function cmp(lo: number, hi: number, estimate = (lo + hi) / 2): ComparisonResult {
  return { verdict: 'inconclusive', estimate, changeCi95: [lo, hi], method: 'test' };
}

interface Case {
  name: string;
  limit: BudgetLimit;
  value?: number;
  baseline?: number | null;
  comparison?: ComparisonResult;
  inconclusive?: 'warn' | 'fail' | 'pass';
  status: BudgetStatus;
  message?: RegExp;
}

const cases: Case[] = [
  // Absolute limits: a ceiling, except throughput (a floor).
  {
    name: 'size under its limit',
    limit: limit('model-size', 'absolute', 5e6),
    value: 4e6,
    status: 'pass',
    message: /4 MB ≤ 5 MB/,
  },
  {
    name: 'size over its limit',
    limit: limit('model-size', 'absolute', 5e6),
    value: 6e6,
    status: 'fail',
    message: /6 MB exceeds the limit 5 MB/,
  },
  { name: 'size exactly at its limit', limit: limit('model-size', 'absolute', 5e6), value: 5e6, status: 'pass' },
  {
    name: 'a warn-level limit only warns',
    limit: limit('latency-p95', 'absolute', 0.005, { level: 'warn' }),
    value: 0.006,
    status: 'warn',
    message: /6 ms exceeds the limit 5 ms/,
  },
  {
    name: 'throughput above its minimum',
    limit: limit('throughput', 'absolute', 1000),
    value: 1500,
    status: 'pass',
    message: /≥/,
  },
  {
    name: 'throughput below its minimum',
    limit: limit('throughput', 'absolute', 1000),
    value: 900,
    status: 'fail',
    message: /below the minimum/,
  },
  {
    name: 'a metric that was not measured warns',
    limit: limit('energy-per-training-step', 'absolute', 0.02),
    value: undefined,
    status: 'warn',
    message: /not measured/,
  },
  // No baseline: regression limits are never failed.
  {
    name: 'no baseline: regression not checked',
    limit: limit('model-size', 'regression', 0),
    value: 9e9,
    baseline: null,
    status: 'pass',
    message: /no baseline/,
  },
  // Deterministic metrics: exact.
  { name: 'size grew 0% allowed 0%', limit: limit('model-size', 'regression', 0), value: 1000, baseline: 1000, status: 'pass' },
  {
    name: 'size grew 1 byte, allowed 0%',
    limit: limit('model-size', 'regression', 0),
    value: 1001,
    baseline: 1000,
    status: 'fail',
    message: /\+0\.10%.*regression/,
  },
  {
    name: 'parameters +5% allowed 5% (float rounding)',
    limit: limit('parameters', 'regression', 0.05),
    value: 105,
    baseline: 100,
    status: 'pass',
  },
  {
    name: 'flops over a limit in units',
    limit: limit('flops', 'regression', 1e6, { relative: false }),
    value: 2.5e6,
    baseline: 1e6,
    status: 'fail',
    message: /allowed growth 1 MFLOP/,
  },
  {
    name: 'flops within a limit in units',
    limit: limit('flops', 'regression', 1e6, { relative: false }),
    value: 2e6,
    baseline: 1e6,
    status: 'pass',
  },
  {
    name: 'size shrank',
    limit: limit('model-size', 'regression', 0),
    value: 500,
    baseline: 1000,
    status: 'pass',
    message: /-50\.0%/,
  },
  // Noisy metrics with an interval.
  {
    name: 'latency interval above the limit',
    limit: limit('latency-p50', 'regression', 0.02),
    value: 0.0011,
    baseline: 0.001,
    comparison: cmp(0.05, 0.15),
    status: 'fail',
    message: /95% CI \+5\.00% … \+15\.0%.*regression \[test\]/,
  },
  {
    name: 'latency interval below the limit',
    limit: limit('latency-p50', 'regression', 0.02),
    value: 0.001,
    baseline: 0.001,
    comparison: cmp(-0.01, 0.01),
    status: 'pass',
    message: /: pass/,
  },
  {
    name: 'latency interval straddling → inconclusive (warn)',
    limit: limit('latency-p50', 'regression', 0.02),
    value: 0.00102,
    baseline: 0.001,
    comparison: cmp(0.0, 0.04),
    status: 'inconclusive',
    message: /straddles/,
  },
  {
    name: 'straddling with inconclusive: fail',
    limit: limit('latency-p50', 'regression', 0.02),
    value: 0.00102,
    baseline: 0.001,
    comparison: cmp(0.0, 0.04),
    inconclusive: 'fail',
    status: 'fail',
  },
  {
    name: 'straddling with inconclusive: pass',
    limit: limit('latency-p50', 'regression', 0.02),
    value: 0.00102,
    baseline: 0.001,
    comparison: cmp(0.0, 0.04),
    inconclusive: 'pass',
    status: 'pass',
  },
  {
    name: 'interval judged against the limit, not the stop threshold',
    limit: limit('energy-per-inference', 'regression', 0.1),
    value: 1.05,
    baseline: 1,
    comparison: cmp(0.03, 0.07),
    status: 'pass',
  },
  {
    name: 'a regression limit in units becomes a fraction of the baseline',
    limit: limit('latency-p95', 'regression', 0.0001, { relative: false }),
    value: 0.0012,
    baseline: 0.001,
    comparison: cmp(0.15, 0.25),
    status: 'fail',
    message: /allowed growth 100 µs/,
  },
  {
    name: 'throughput drop beyond its limit',
    limit: limit('throughput', 'regression', 0.05),
    value: 900,
    baseline: 1000,
    comparison: cmp(-0.12, -0.08),
    status: 'fail',
    message: /allowed drop 5%/,
  },
  {
    name: 'throughput rise is fine',
    limit: limit('throughput', 'regression', 0.05),
    value: 1100,
    baseline: 1000,
    comparison: cmp(0.08, 0.12),
    status: 'pass',
  },
  {
    name: 'warn-level regression only warns',
    limit: limit('latency-p50', 'regression', 0.02, { level: 'warn' }),
    value: 0.0011,
    baseline: 0.001,
    comparison: cmp(0.05, 0.15),
    status: 'warn',
  },
  // Noisy metrics without an interval: point values, with a note.
  {
    name: 'latency point values over the limit',
    limit: limit('latency-mean', 'regression', 0.05),
    value: 0.0011,
    baseline: 0.001,
    status: 'fail',
    message: /point values only/,
  },
  {
    name: 'latency point values within the limit',
    limit: limit('latency-mean', 'regression', 0.05),
    value: 0.00104,
    baseline: 0.001,
    status: 'pass',
    message: /point values only/,
  },
];

describe('evaluateBudgets', () => {
  it.each(cases)('$name → $status', (c) => {
    const metrics: MetricValues = c.value === undefined ? {} : { [c.limit.metric]: c.value };
    const baseline: MetricValues | null =
      c.baseline === undefined || c.baseline === null ? (c.baseline === null ? null : {}) : { [c.limit.metric]: c.baseline };
    const comparisons = c.comparison ? { [c.limit.metric]: c.comparison } : {};
    const [r] = evaluateBudgets([c.limit], metrics, baseline, comparisons, { inconclusive: c.inconclusive ?? 'warn' });
    expect(r.status).toBe(c.status);
    expect(r.metric).toBe(c.limit.metric);
    expect(r.kind).toBe(c.limit.kind);
    expect(r.level).toBe(c.limit.level);
    if (c.message) expect(r.message).toMatch(c.message);
    if (c.comparison && c.baseline) expect(r.changeCi95).toEqual(c.comparison.changeCi95);
  });

  it('keeps the limit order and the source line', () => {
    const limits = [limit('flops', 'absolute', 10, { line: 7 }), limit('model-size', 'absolute', 10)];
    const r = evaluateBudgets(limits, { flops: 1, 'model-size': 1 }, null, {});
    expect(r.map((b) => [b.metric, b.line])).toEqual([
      ['flops', 7],
      ['model-size', undefined],
    ]);
  });
});

describe('overallVerdict', () => {
  const b = (status: BudgetStatus, kind: 'absolute' | 'regression' = 'absolute') => ({
    metric: 'flops',
    kind,
    limit: 1,
    value: 1,
    baseline: null,
    status,
  });
  it.each([
    [[], 'pass'],
    [[{ budgets: [b('pass')] }], 'pass'],
    [[{ budgets: [b('pass'), b('inconclusive')] }], 'warn'],
    [[{ budgets: [b('warn')] }, { budgets: [b('pass')] }], 'warn'],
    [[{ budgets: [b('warn')] }, { budgets: [b('fail')] }], 'fail'],
    [[{ budgets: [], error: { code: 'MODEL_INVALID', message: 'x' } }], 'fail'],
  ] as const)('%j → %s', (models, verdict) => {
    expect(overallVerdict(models as never)).toBe(verdict);
  });
});

describe('a fixed limit the base already broke (#26 item 1)', () => {
  const limit: BudgetLimit = {
    metric: 'model-size',
    kind: 'absolute',
    limit: 100e3,
    relative: false,
    level: 'error',
    path: 'models[0].budget.model-size',
  };
  const report = (baseBytes: number | null) => {
    const budgets = evaluateBudgets(
      [limit],
      { 'model-size': 490e3 },
      baseBytes === null ? null : { 'model-size': baseBytes },
      {},
    );
    return {
      schemaVersion: 1 as const,
      verdict: overallVerdict([{ budgets }]),
      environment: {} as never,
      models: [{ name: 'm', path: 'm.onnx', size: {} as never, flops: 0, budgets }],
    };
  };

  it('keeps the base figure on the row, so the Base column shows it', () => {
    const b = report(435e3).models[0].budgets[0];
    expect(b.baseline).toBe(435e3);
    expect(b.status).toBe('fail');
    expect(b.message).toMatch(/the base, 435 kB, was already past it/);
  });

  it('fail-on: regression excuses it as existing debt; fail-on: budget does not; without a base it fails', async () => {
    const { failingProblems } = await import('../../src/github/verdict.js');
    expect(failingProblems(report(435e3), 'regression')).toEqual([]);
    expect(failingProblems(report(435e3), 'budget')).toHaveLength(1);
    expect(failingProblems(report(null), 'regression')).toHaveLength(1);
    // A base that met the limit: the PR broke it, so it fails under both policies.
    expect(failingProblems(report(90e3), 'regression')).toHaveLength(1);
  });
});
