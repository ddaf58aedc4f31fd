/** The history's pure core: records, the JSONL store, series and breaks, statistics, Markdown. */
import { describe, expect, it } from '@jest/globals';
import { evaluateBudgets } from '../../src/compare/budgets.js';
import type { BudgetLimit } from '../../src/config/types.js';
import { chartsFor } from '../../src/history/chart-data.js';
import { historyBaselineFor } from '../../src/history/baseline.js';
import { mermaidChart, renderHistoryMarkdown } from '../../src/history/markdown.js';
import { parseRecord, toRecord, type HistoryRecord } from '../../src/history/record.js';
import { buildSeries, historyComparison, trendPosition } from '../../src/history/series.js';
import { appendRecord, historyPath, parseHistory, serializeHistory } from '../../src/history/store.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { Report } from '../../src/report/types.js';
import { createRng } from '../../src/util/random.js';
import { passReport } from '../github/fixtures/reports.js';

function report(joules: number, change: (r: Report) => void = () => {}): Report {
  const r = passReport();
  r.models[0].inference!.energy!.joulesPerInference = joules;
  change(r);
  return r;
}

const rec = (i: number, joules: number, change?: (r: Report) => void): HistoryRecord =>
  toRecord(report(joules, change), { sha: `sha${i}`, ref: 'main', runId: String(i) });

describe('records and the JSONL store', () => {
  it('keeps figures, limits and the meter; round-trips through JSON Lines', () => {
    const r = rec(1, 0.012);
    expect(r.models[0]).toEqual({
      name: 'classifier',
      metrics: {
        'model-size': 412_000,
        parameters: 101_770,
        flops: 6_500_000,
        'latency-p50': 0.81 / 1000,
        'latency-p95': 0.00095,
        throughput: 38_000,
        'energy-per-inference': 0.012,
      },
      limits: { 'model-size': 500_000, flops: 8_000_000, 'latency-p95': 0.05, 'energy-per-inference': 0.1 },
      energyMethod: 'estimate',
    });
    expect(parseHistory(serializeHistory([r, rec(2, 0.013)])).records).toEqual([r, rec(2, 0.013)]);
  });

  it('skips bad lines with their number and reason, drops unknown fields and non-finite numbers', () => {
    const good = JSON.stringify({ ...rec(1, 0.012), extra: '<script>' });
    const text = [
      good,
      '{not json',
      JSON.stringify({ v: 2 }),
      JSON.stringify({
        v: 1,
        sha: 'x',
        ref: 'main',
        createdAt: 't',
        models: [{ name: 'm', metrics: { 'energy-per-inference': 'NaN', flops: 5 } }],
      }),
      '',
    ].join('\n');
    const { records, skipped } = parseHistory(text);
    expect(skipped).toEqual([expect.stringMatching(/^line 2: not JSON/), 'line 3: unsupported record version 2 (expected 1)']);
    expect(records).toHaveLength(2);
    expect(records[0]).not.toHaveProperty('extra');
    expect(records[1].models[0].metrics).toEqual({ flops: 5 });
    expect(parseRecord([])).toEqual({ error: 'not a JSON object' });
  });

  it('appends within the limit, replaces a re-run, keeps the shards of one run', () => {
    let list: HistoryRecord[] = [];
    for (let i = 1; i <= 7; i++) list = appendRecord(list, rec(i, 0.01), 5);
    expect(list.map((r) => r.sha)).toEqual(['sha3', 'sha4', 'sha5', 'sha6', 'sha7']);
    list = appendRecord(list, rec(7, 0.02), 5);
    expect(list).toHaveLength(5);
    expect(list.at(-1)!.models[0].metrics['energy-per-inference']).toBe(0.02);
    const shard = rec(7, 0.02, (r) => (r.models[0].name = 'other'));
    expect(appendRecord(list, shard, 10)).toHaveLength(6);
  });

  it('names one file per budget file and refuses paths that leave the folder', () => {
    expect(historyPath('energy-budget.yml')).toBe('history/energy-budget.yml.jsonl');
    expect(historyPath('./ci/budget.yml')).toBe('history/ci/budget.yml.jsonl');
    expect(() => historyPath('../x.yml')).toThrow(/must stay inside the workspace/);
  });
});

describe('series', () => {
  const records = [
    rec(1, 0.01),
    rec(2, 0.011),
    rec(3, 0.02, (r) => (r.environment = { ...r.environment, onnxruntime: '1.31.0' })),
    rec(4, 0.021, (r) => (r.environment = { ...r.environment, onnxruntime: '1.31.0' })),
    rec(5, 0.005, (r) => {
      r.environment = { ...r.environment, onnxruntime: '1.31.0' };
      r.models[0].inference!.energy!.method = 'rapl';
    }),
  ];

  it('breaks measured metrics where onnxruntime or the meter changed, never size', () => {
    const energy = buildSeries(records, 'classifier', 'energy-per-inference', 30);
    expect(energy.breaks).toEqual([
      { index: 2, what: 'onnxruntime 1.30.0 → 1.31.0' },
      { index: 4, what: 'meter estimate → rapl' },
    ]);
    expect(energy.method).toBe('rapl');
    expect(buildSeries(records, 'classifier', 'latency-p50', 30).breaks.map((b) => b.index)).toEqual([2]);
    expect(buildSeries(records, 'classifier', 'model-size', 30).breaks).toEqual([]);
    expect(buildSeries(records, 'classifier', 'energy-per-inference', 2).points.map((p) => p.sha)).toEqual(['sha4', 'sha5']);
  });

  it('places the head against the median after the last break', () => {
    const s = buildSeries(records.slice(0, 4), 'classifier', 'energy-per-inference', 30);
    const t = trendPosition(s, 0.0208)!;
    expect(t.runs).toBe(2);
    expect(t.median).toBeCloseTo(0.0205, 12);
    expect(t.change).toBeCloseTo(0.0208 / 0.0205 - 1, 12);
  });
});

describe('baseline: history statistics', () => {
  it('the 95% prediction interval covers a run from the same distribution about 95% of the time (seeded simulation)', () => {
    const rng = createRng(1717);
    for (const [n, sigma] of [
      [5, 0.1],
      [20, 0.03],
    ] as const) {
      const trials = 4000;
      let covered = 0;
      for (let t = 0; t < trials; t++) {
        const history = Array.from({ length: n }, () => 0.01 * Math.exp(sigma * rng.normal()));
        const head = 0.01 * Math.exp(sigma * rng.normal());
        const [lo, hi] = historyComparison(history, head)!.changeCi95;
        if (lo <= 0 && 0 <= hi) covered++;
      }
      // Binomial standard error at 95%, 4000 trials: 0.34%; ±1.2% is > 3 standard errors.
      expect(Math.abs(covered / trials - 0.95)).toBeLessThan(0.012);
    }
  });

  it('needs five runs; and judges a regression budget by the interval', () => {
    expect(historyComparison([1, 1, 1, 1], 1)).toBeUndefined();
    const rng = createRng(5);
    const records = Array.from({ length: 20 }, (_, i) => rec(i, 0.01 * Math.exp(0.02 * rng.normal())));
    const limit: BudgetLimit = {
      metric: 'energy-per-inference',
      kind: 'regression',
      limit: 0.05,
      relative: true,
      level: 'error',
    } as BudgetLimit;
    const verdict = (head: number) => {
      const values = { 'energy-per-inference': head };
      const hb = historyBaselineFor(records, 'classifier', values, 30)!;
      return evaluateBudgets([limit], values, hb.metrics, hb.comparisons, { inconclusive: 'warn' })[0];
    };
    expect(verdict(0.013)).toMatchObject({ status: 'fail', message: expect.stringContaining('earlier default-branch runs') });
    expect(verdict(0.0095).status).toBe('pass');
    expect(verdict(0.0105).status).toBe('inconclusive'); // the interval straddles the allowed +5%
    expect(historyBaselineFor(records, 'absent', {}, 30)).toBeNull();
  });
});

describe('Markdown and Mermaid', () => {
  it('keeps hostile names out of the Mermaid syntax', () => {
    const hostile = 'x"]\n```\n<img src=x onerror=alert(1)>;%%{init}%%';
    const records = [rec(1, 0.01, (r) => (r.models[0].name = hostile)), rec(2, 0.011, (r) => (r.models[0].name = hostile))];
    const [chart] = chartsFor(records, undefined, 30);
    const block = mermaidChart(chart);
    const title = /title "(.*)"/.exec(block)![1];
    expect(title).not.toMatch(/["`<>;{}\n[\]]/);
    expect(block.split('```').length).toBe(3);
  });

  it('the comment carries the charts; the shortened comment only the trend table', () => {
    const records = Array.from({ length: 10 }, (_, i) => rec(i, 0.012 + i * 1e-4));
    const head = report(0.0125);
    const charts = chartsFor(records, head, 30);
    expect(charts.map((c) => c.metric)).toEqual(['energy-per-inference', 'latency-p50', 'model-size']);
    const history = {
      full: renderHistoryMarkdown(charts, { branch: 'main' }),
      compact: renderHistoryMarkdown(charts, { branch: 'main', charts: false }),
    };
    const full = renderMarkdown(head, { history });
    expect(full).toContain('### Trend on main');
    expect(full.match(/```mermaid/g)).toHaveLength(3);
    // The 100 mJ limit is over 3× the figures: named in the title, not drawn.
    expect(full).toContain('title "classifier · Energy per inference, estimated, limit 100 mJ above"');
    const compact = renderMarkdown(head, { history, compact: true });
    expect(compact).toContain('against the median of the last 10 runs on main');
    expect(compact).not.toContain('```mermaid');
    const room = mermaidChart(charts[0]).length + 10;
    expect(renderHistoryMarkdown(charts, { branch: 'main', maxChartChars: room })).toMatch(/2 more charts left out/);
  });
});
