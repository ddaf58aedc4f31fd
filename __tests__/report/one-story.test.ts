/**
 * Base → Head and Change tell one story (#19): when base and head were compared in
 * interleaved rounds, the comment's Base and Head columns are the rounds' central values, so
 * the sign of (Head − Base) is the sign of Change for every compared metric, even when the
 * separate benchmarks of the two versions say the opposite. Seeded rounds go through the same
 * decision core, unit conversion, budget evaluator and renderer the engine uses.
 */
import { describe, expect, it } from '@jest/globals';
import { evaluateBudgets } from '../../src/compare/budgets.js';
import { createRoundDecider, type ComparedMetric } from '../../src/compare/interleaved.js';
import type { ComparisonResult } from '../../src/compare/types.js';
import type { BudgetLimit, MetricKey } from '../../src/config/types.js';
import { inMetricUnits } from '../../src/engine/base-comparison.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { ModelReport, Report } from '../../src/report/types.js';
import { showBase } from '../../src/engine/model-run.js';
import { createRng } from '../../src/util/random.js';
import { failReport, inconclusiveReport, passReport } from '../github/fixtures/reports.js';

const BATCH = 4;
const COMPARED: ComparedMetric[] = ['latency-p50', 'latency-p95', 'latency-mean', 'throughput', 'energy'];
const GATED: MetricKey[] = [
  'latency-p50',
  'latency-p95',
  'latency-mean',
  'throughput',
  'energy-per-inference',
  'energy-per-sample',
];

const PREFIX: Record<string, number> = { n: 1e-9, µ: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9 };

/** "930 µs" → 9.3e-4, "38000 samples/s" → 38000, "12.2 mJ" → 0.0122. */
function parseFigure(cell: string): number {
  const m = /^([\d.]+)\s*([nµmkMG]?)(s|J|samples\/s|B|FLOP)$/.exec(cell.trim());
  if (!m) throw new Error(`not a figure: ${cell}`);
  return Number(m[1]) * PREFIX[m[2]];
}

/** "+4.17%" → 1, "−2.5%" → −1, "±0%" → 0. */
function changeSign(cell: string): number {
  const t = cell.trim();
  return t.startsWith('+') ? 1 : t.startsWith('−') ? -1 : 0;
}

/** Rows of the first main table: metric → {base, head, change} cells. */
function tableRows(md: string): Map<string, { base: string; head: string; change: string }> {
  const out = new Map<string, { base: string; head: string; change: string }>();
  for (const line of md.split('\n')) {
    const c = line.split('|').slice(1, -1);
    if (c.length !== 6 || c[1].trim() === 'Metric' || c[1].includes('---')) continue;
    out.set(c[1].replace('*(estimated)*', '').trim(), { base: c[2], head: c[3], change: c[4] });
  }
  return out;
}

/**
 * A model compared in `rounds` seeded rounds with a true change `trueChange` in latency and
 * energy; the separate benchmarks are drawn on their own and may disagree with the rounds.
 */
function comparedModel(seed: number, trueChange: number): ModelReport {
  const rng = createRng(seed);
  const decider = createRoundDecider(COMPARED, { threshold: 0.02, roundsPerLook: 4, maxLooks: 3 });
  for (let r = 0; r < 12; r++) {
    const machine = 1 + 0.05 * rng.normal();
    const calls = (factor: number) =>
      Array.from({ length: decider.samplesPerArm }, () => machine * factor * Math.exp(0.05 * rng.normal()));
    const baseMs = calls(1);
    const headMs = calls(1 + trueChange);
    decider.addRound({
      baseMs,
      headMs,
      baseJPerCall: 0.004 * machine * Math.exp(0.03 * rng.normal()),
      headJPerCall: 0.004 * machine * (1 + trueChange) * Math.exp(0.03 * rng.normal()),
    });
  }
  const results = decider.finish('seeded rounds');
  const comparisons: Partial<Record<MetricKey, ComparisonResult>> = {};
  for (const m of COMPARED) {
    const r = results[m];
    if (!r) continue;
    if (m === 'energy')
      for (const e of ['energy-per-inference', 'energy-per-sample'] as MetricKey[]) comparisons[e] = inMetricUnits(r, e, BATCH);
    else comparisons[m] = inMetricUnits(r, m, BATCH);
  }
  // Separate benchmarks, each with its own machine state: up to ±20% apart, whatever the change.
  const own = (x: number) => x * (1 + 0.2 * (rng.next() * 2 - 1));
  const figures = (latMs: number, jPerCall: number) => ({
    'latency-p50': latMs / 1000,
    'latency-p95': (1.1 * latMs) / 1000,
    'latency-mean': latMs / 1000,
    throughput: (BATCH * 1000) / latMs,
    'energy-per-inference': jPerCall,
    'energy-per-sample': jPerCall / BATCH,
  });
  const headFig = figures(own(1 + trueChange), own(0.004 * (1 + trueChange)));
  const baseFig = figures(own(1), own(0.004));
  const limits: BudgetLimit[] = GATED.map((metric) => ({
    metric,
    kind: 'regression',
    limit: 0.02,
    relative: true,
    level: 'error',
    path: `models[0].budget.regression.${metric}`,
  }));
  // An absolute limit too: its row shows the comparison's figures as well (showBase).
  limits.push({ metric: 'latency-p95', kind: 'absolute', limit: 1, relative: false, level: 'error', path: 'x' });
  const head: ModelReport = {
    name: `m${seed}`,
    path: `models/m${seed}.onnx`,
    size: { bytes: 1000, parameters: 10, bytesByDtype: {}, sparsity: 0 },
    flops: 100,
    budgets: evaluateBudgets(limits, headFig, baseFig, comparisons, { inconclusive: 'warn' }),
    baseline: { name: `m${seed}`, path: '', size: { bytes: 1000, parameters: 10, bytesByDtype: {}, sparsity: 0 }, flops: 100 },
  };
  showBase(head, baseFig, comparisons);
  return head;
}

describe('Base → Head and Change tell one story', () => {
  it('sign(Head − Base) = sign(Change) for every compared metric, though the separate benchmarks disagree', () => {
    let disagreements = 0;
    let checked = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const trueChange = ((seed % 9) - 4) * 0.015; // −6% … +6%, and 0
      const model = comparedModel(seed, trueChange);
      const report: Report = {
        schemaVersion: 1,
        verdict: 'pass',
        environment: { cpu: 'cpu', logicalCpus: 2, os: 'linux', node: 'v24', onnxruntime: '1.30.0' },
        baseline: { kind: 'git', ref: 'main' },
        models: [model],
      };
      const rows = tableRows(renderMarkdown(report));
      for (const b of model.budgets) {
        expect(b.compared).toBeDefined();
        const c = b.compared!;
        // In the report: the centres imply the comparison's estimate.
        expect(c.head / c.base - 1).toBeCloseTo(b.change!, 10);
        if (Math.sign(b.value - b.baseline!) !== Math.sign(b.change!)) disagreements++;
      }
      for (const [metric, row] of rows) {
        if (metric === 'Model size' || metric === 'Parameters' || metric === 'FLOPs per call') continue;
        const base = parseFigure(row.base);
        const head = parseFigure(row.head);
        // Three significant digits can round a tiny change away; otherwise the signs agree.
        if (head !== base) expect(Math.sign(head - base)).toBe(changeSign(row.change));
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(40 * GATED.length);
    // The case the issue describes happens in these data: the separate runs point the other way.
    expect(disagreements).toBeGreaterThan(10);
  });

  it('the fixture where the separate benchmarks say "cheaper" and the rounds say +9.17% shows the rounds', () => {
    const md = renderMarkdown(failReport());
    expect(md).toContain('| ⚠️ | Energy per inference *(estimated)* | 12 mJ | 13.1 mJ | +9.17% |');
    // The separate figures go to the details, said to be unpaired.
    expect(md).toContain('| Energy per inference | 12.5 mJ | 12.3 mJ |');
    expect(md).toContain('Not paired, so their difference is not the change above');
  });
});

describe('the headline', () => {
  it('lists what did not pass, most severe first, and collapses the passing models into one line', () => {
    const md = renderMarkdown(failReport());
    const lines = md.split('\n');
    const start = lines.findIndex((l) => l.startsWith('## '));
    const headline = lines.slice(start + 2, lines.indexOf('', start + 2));
    expect(headline).toEqual([
      '- ❌ cnn: could not be measured (MODEL_INVALID)',
      '- ❌ classifier: model size +48.5% (412 kB → 612 kB) — budgets ≤ +0% vs base, ≤ 500 kB',
      '- ⚠️ classifier: energy per inference (estimated) +9.17% [+6%, +12%] — budget ≤ +5% vs base (warning only)',
      '- ✅ 1 model within budget: tiny (new)',
    ]);
  });

  it('says an inconclusive change is one, with its interval', () => {
    const md = renderMarkdown(inconclusiveReport());
    expect(md).toMatch(/\n- ❔ evil .*: energy per inference \+4\.13% \[−2%, \+11%\] — budget ≤ \+5% vs base \(inconclusive/);
  });

  it('is one line when everything passes', () => {
    const md = renderMarkdown(passReport());
    expect(md).toContain('## Energy budget: ✅ within budget\n\n- ✅ 1 model within budget: classifier\n\n');
  });

  it('orders by how far past the limit, and stops at ten lines', () => {
    const r = failReport();
    const one = r.models[0];
    r.models = Array.from({ length: 14 }, (_, i) => ({
      ...one,
      name: `model-${i}`,
      budgets: [
        { metric: 'model-size', kind: 'absolute', limit: 500_000, value: 500_000 + 1000 * i, baseline: null, status: 'fail' },
      ],
    }));
    const md = renderMarkdown(r);
    expect(md).toContain('## Energy budget: ❌ over budget\n\n- ❌ model-13: model size 513 kB — budget ≤ 500 kB\n- ❌ model-12');
    expect(md).toContain('- … and 4 more below');
  });
});

describe('say it once', () => {
  it('explains the power model once per comment, however many models use it', () => {
    const r = failReport();
    const extra = structuredClone(r.models[0]);
    extra.name = 'second';
    r.models.push(extra);
    const md = renderMarkdown(r);
    const count = (needle: string) => md.split(needle).length - 1;
    expect(count('estimated with a power model')).toBe(1);
    expect(count('TDP power model')).toBe(1);
    // One sentence, with the interval; each figure keeps its short mark.
    expect(md).toContain(
      'Inference energy: estimated with a power model (estimate), not measured — TDP power model: 4 of 64 cores at 280 W TDP; 95% interval −4.07%/+4.88%.',
    );
    expect(count('*(estimated)*')).toBe(2);
  });

  it('drops the engine’s own "ESTIMATE: Estimate (not measured):" prefixes, and explains per model where methods differ', () => {
    const r = passReport();
    r.models[0].inference!.energy!.description = 'ESTIMATE: Estimate (not measured): this process’s share of a 4-vCPU machine';
    r.models[0].inference!.energy!.ci95Basis =
      '−41%/+198%, power model: leave-one-server-out validation, combined with the run’s own spread (mean latency ±1.0% at 95%)';
    const rapl = structuredClone(inconclusiveReport().models[0]);
    rapl.name = 'on-rapl';
    r.models.push(rapl);
    const md = renderMarkdown(r);
    expect(md).not.toMatch(/ESTIMATE|Estimate \(not measured\)/);
    expect(md.split('estimated with a power model').length - 1).toBe(1);
    expect(md.split('measured with rapl').length - 1).toBe(1);
    // Per model: each sentence follows its model's heading.
    expect(md.indexOf('estimated with a power model')).toBeGreaterThan(md.indexOf('### ✅ classifier'));
    expect(md.indexOf('measured with rapl')).toBeGreaterThan(md.indexOf('### ❔ on-rapl'));
  });
});

describe('the headline of limits that could not be checked', () => {
  it('says "not checked" and why, not a figure, and keeps acronyms', () => {
    const r = passReport();
    r.models[0].budgets[1] = {
      ...r.models[0].budgets[1],
      status: 'warn',
      message: 'not checked: the count leaves out Loop (1 node)',
    };
    const md = renderMarkdown(r);
    expect(md).toContain('\n- ⚠️ classifier: FLOPs per call not checked: the count leaves out Loop (1 node)\n');
  });
});
