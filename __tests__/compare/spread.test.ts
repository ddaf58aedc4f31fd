/**
 * Energy regression limits tighter than the spread of their method (issue 26): which spread is
 * used (this run's rounds, the history's runs, or the documented figure) and which rows are
 * marked. Plain data in and out.
 */
import { describe, expect, it } from '@jest/globals';
import { documentedSpread, flagTightEnergyLimits, measuredSpread, DOCUMENTED_SPREAD } from '../../src/compare/spread.js';
import { tightEnergyLimits } from '../../src/engine/model-run.js';
import { historyComparison } from '../../src/history/series.js';
import type { BudgetResult, ModelReport } from '../../src/report/types.js';
import type { ComparisonResult } from '../../src/compare/types.js';

const row = (metric: string, limit: number, extra: Partial<BudgetResult> = {}): BudgetResult => ({
  metric,
  kind: 'regression',
  limit,
  relative: true,
  value: 1e-3,
  baseline: 1e-3,
  status: 'pass',
  ...extra,
});

const rounds: ComparisonResult = {
  verdict: 'pass',
  estimate: 0.001,
  changeCi95: [-0.01, 0.012],
  method: 'per-round energy per call, 24 rounds',
  rounds: 24,
  roundSpread95: 0.08,
};

describe('energy limits tighter than the spread of their method', () => {
  it('marks the tight energy rows only, and says the spread and where it came from', () => {
    const budgets = [
      row('energy-per-inference', 0.02),
      row('energy-per-sample', 0.1),
      row('latency-p50', 0.01),
      row('energy-per-1000-inferences', 0.02, { unchanged: true }),
      row('energy-per-training-step', 0.001, { relative: false, kind: 'regression' }),
      row('energy-per-inference', 0.02, { kind: 'absolute' }),
    ];
    const notices = flagTightEnergyLimits(budgets, () => measuredSpread(rounds, 'estimate', 'git'));
    expect(notices).toEqual([
      'the regression limit energy-per-inference +2% is tighter than the spread of its energy method (estimate): two measurements of the same model differ by up to ±8% (95%; measured in this run: base against head over 24 paired comparison rounds). ' +
        'The comparison averages its rounds, so it can still decide, but it needs more rounds and ends inconclusive more often; see docs/statistics.md, "Energy limits tighter than the spread"',
    ]);
    expect(budgets[0].tighterThanSpread).toEqual({
      spread: 0.08,
      method: 'estimate',
      source: 'measured in this run: base against head over 24 paired comparison rounds',
    });
    expect(budgets.slice(1).every((b) => b.tighterThanSpread === undefined)).toBe(true);
  });

  it('prefers the spread this run measured; otherwise the documented one; none for counters without a figure', () => {
    const head = (method: string): ModelReport => ({
      name: 'm',
      path: 'm.onnx',
      size: { bytes: 1, parameters: 1, bytesByDtype: {}, sparsity: 0 },
      flops: 1,
      budgets: [row('energy-per-inference', 0.05)],
      inference: {
        batchSize: 1,
        runs: 10,
        warmup: 1,
        threads: 1,
        latencyMs: { p50: 1, p95: 1, p99: 1, mean: 1, min: 1, max: 1 },
        throughput: 1000,
        energy: {
          joulesPerInference: 1e-3,
          joulesPerSample: 1e-3,
          joulesPer1000Inferences: 1,
          method,
          estimated: method === 'estimate',
          description: '',
        },
      },
    });
    // Rounds of this run: ±8% > 5%.
    let h = head('rapl');
    expect(tightEnergyLimits(h, { 'energy-per-inference': rounds }, 'git')).toHaveLength(1);
    expect(h.budgets[0].tighterThanSpread?.method).toBe('rapl');
    // RAPL without a spread measured in the run: nothing documented, nothing said.
    h = head('rapl');
    expect(tightEnergyLimits(h, {}, undefined)).toEqual([]);
    // The estimate against a report: the documented ±31%.
    h = head('estimate');
    expect(tightEnergyLimits(h, {}, undefined)[0]).toMatch(/±31% \(95%; documented in docs\/statistics\.md/);
    expect(documentedSpread('estimate')).toMatchObject({ relative95: DOCUMENTED_SPREAD.estimate.relative95, kind: 'documented' });
    // A measured spread narrower than the limit wins over the documented one: nothing said.
    h = head('estimate');
    expect(tightEnergyLimits(h, { 'energy-per-inference': { ...rounds, roundSpread95: 0.03 } }, 'git')).toEqual([]);
  });

  it('the history gives the spread of two of its runs', () => {
    // Log-values with sd 0.05: two runs differ by up to exp(1.96 × √2 × 0.05) − 1 ≈ 14.9%.
    const runs = [-0.05, 0, 0.05, -0.05, 0, 0.05].map((x) => Math.exp(x));
    const sd = Math.sqrt((4 * 0.0025) / 5);
    const c = historyComparison(runs, 1)!;
    expect(c.roundSpread95).toBeCloseTo(Math.expm1(1.96 * Math.SQRT2 * sd), 12);
    expect(measuredSpread(c, 'estimate', 'history')?.source).toBe('measured over the 6 runs of the history it was compared with');
  });
});

describe('JUnit', () => {
  it('a passing row whose limit is tighter than the spread gets a system-out line saying so', async () => {
    const { renderJunit } = await import('../../src/report/junit.js');
    const b = row('energy-per-inference', 0.02, {
      tighterThanSpread: {
        spread: 0.08,
        method: 'estimate',
        source: 'measured in this run: base against head over 24 paired comparison rounds',
      },
    });
    const xml = renderJunit({
      schemaVersion: 1,
      verdict: 'pass',
      models: [{ name: 'm', path: 'm.onnx', budgets: [b, row('energy-per-sample', 0.2)] }],
    } as never);
    expect(xml).toMatch(
      /<system-out>pass: [^<]*warning: the limit is tighter than the spread of its energy method \(estimate, ±8% at 95%, measured in this run: base against head over 24 paired comparison rounds\)<\/system-out>/,
    );
    expect(xml.match(/<system-out>/g)).toHaveLength(1);
  });
});
