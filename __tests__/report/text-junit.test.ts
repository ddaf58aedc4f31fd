import { describe, expect, it } from '@jest/globals';
import { formatChange, formatLimit, formatMetric, formatValue, sig3 } from '../../src/report/format.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/terminal.js';
import { escapeXml, renderJunit } from '../../src/report/junit.js';
import type { Report } from '../../src/report/types.js';

const report: Report = {
  schemaVersion: 1,
  verdict: 'fail',
  environment: { cpu: 'Test CPU', logicalCpus: 2, os: 'Linux', node: 'v20', onnxruntime: '1.30.0' },
  models: [
    {
      name: 'evil"</testcase><script>x</script>]]>\u0001',
      path: 'm.onnx',
      size: { bytes: 435678, parameters: 108801, bytesByDtype: { float32: 435204 }, sparsity: 0 },
      flops: 6963264,
      inference: {
        batchSize: 32,
        runs: 100,
        warmup: 5,
        threads: 1,
        latencyMs: { p50: 0.0895, p95: 0.151, p99: 0.2, mean: 0.1 },
        throughput: 320000,
        energy: { joulesPerInference: 0.00069, joulesPerSample: 0.00069 / 32, method: 'estimate', estimated: true },
      },
      budgets: [
        { metric: 'model-size', kind: 'absolute', limit: 400e3, value: 435678, baseline: null, status: 'fail' },
        {
          metric: 'latency-p95',
          kind: 'regression',
          limit: 0.05,
          relative: true,
          value: 0.000151,
          baseline: 0.00014,
          status: 'inconclusive',
          change: 0.065,
          changeCi95: [0.01, 0.12],
        },
        {
          metric: 'energy-per-inference',
          kind: 'regression',
          limit: 0.05,
          relative: true,
          value: 0.00069,
          baseline: null,
          status: 'pass',
        },
      ],
    },
  ],
  budgetChanges: [{ model: 'm', metric: 'regression.model-size', change: 'loosened', before: 0.02, after: 0.1, relative: true }],
};

describe('figures', () => {
  it.each([
    ['model-size', 435678, '436 kB'],
    ['parameters', 108801, '109k'],
    ['flops', 6963264, '6.96 MFLOP'],
    ['latency-p95', 0.000151, '151 µs'],
    ['energy-per-inference', 0.00069, '690 µJ'],
    ['throughput', 320000, '320000 samples/s'],
  ])('%s %d → %s', (metric, value, text) => {
    expect(formatMetric(metric, value)).toBe(text);
  });

  it('formats changes with a sign and three digits', () => {
    expect(formatChange(0.0423)).toBe('+4.23%');
    expect(formatChange(-0.01)).toBe('−1%');
    expect(formatChange(0)).toBe('±0%');
    expect(formatChange(NaN)).toBe('n/a');
    expect(sig3(1234.5)).toBe('1235');
    expect(formatValue(0.05, 'fraction')).toBe('5%');
  });

  it('writes limits as the budget file does', () => {
    expect(formatLimit('regression.model-size', 0.02, true)).toBe('2%');
    expect(formatLimit('regression.model-size', 2e6, false)).toBe('2 MB');
    expect(formatLimit('latency-p95', 0.005)).toBe('5 ms');
  });
});

describe('terminal table', () => {
  const text = renderText(report);
  it('shows the verdict, the environment and every budget with its status', () => {
    expect(text).toMatch(/^energy-budget: FAIL {2}\(Test CPU, 2 logical CPUs/);
    expect(text).toMatch(/model-size +436 kB +≤ 400 kB +FAIL/);
    // The change is the interleaved comparison's estimate, not the ratio of two separate runs.
    expect(text).toMatch(/latency-p95 +151 µs +140 µs +\+6\.5% \[\+1%, \+12%\] +≤ \+5% vs base +unsure/);
    expect(text).toMatch(/budget loosened: m regression\.model-size 2% → 10%/);
    const md = renderMarkdown(report);
    expect(md).toMatch(/\| Model size \(regression\) \| ⚠️ loosened \| 2% \| 10% \|/);
    expect(md).toMatch(/\| Latency p95 \| 140 µs \| 151 µs \| \+6\.5% \|/);
  });
  it('says a regression limit without a baseline was not checked', () => {
    expect(text).toMatch(/energy-per-inference \(estimated\) +690 µJ +none +≤ \+5% vs base +not checked/);
  });
  it('labels an estimate as such', () => {
    expect(text).toMatch(/energy \(ESTIMATE from a power model\): 690 µJ per inference/);
  });
  it("shows the power model's interval as percentages next to the figure, and what it comes from", () => {
    const basis = '−29%/+40%, power model: leave-one-server-out validation over SPECpower servers of the same CPU model';
    const withInterval: Report = structuredClone(report);
    Object.assign(withInterval.models[0].inference!.energy!, { ci95: [0.00069 * 0.71, 0.00069 * 1.4], ci95Basis: basis });
    const t = renderText(withInterval);
    // The interval is the per-inference figure's, so it sits next to that figure (#26 item 10).
    expect(t).toMatch(/690 µJ per inference \(95% interval 490 µJ–966 µJ, −29%\/\+40%, power model\), 21\.6 µJ per sample/);
    expect(t).toContain(`    95% interval: ${basis}`);
    // The Markdown says it once, in one sentence with the interval; the details give the figure's.
    const md = renderMarkdown(withInterval);
    expect(md).toMatch(/; 95% interval −29%\/\+40% \(power model: leave-one-server-out validation/);
    expect(md).toContain('95% interval [490 µJ, 966 µJ] (estimated)');
  });
});

describe('JUnit', () => {
  const xml = renderJunit(report);
  it('is one suite per model and one case per budget, failures counted', () => {
    expect(xml).toMatch(/<testsuites name="energy-budget" tests="3" failures="1" errors="0">/);
    expect(xml).toMatch(/<failure message="budget exceeded: model-size: value 435678, limit 400000">/);
    expect(xml).toMatch(/<system-out>inconclusive: latency-p95/);
  });
  it('escapes hostile names so the XML stays well formed', () => {
    expect(xml).not.toMatch(/<script>/);
    expect(xml.includes('\u0001')).toBe(false);
    expect(xml).toContain('evil&quot;&lt;/testcase&gt;&lt;script&gt;x&lt;/script&gt;]]&gt;');
    expect(escapeXml(`a&b<c>"d'`)).toBe('a&amp;b&lt;c&gt;&quot;d&apos;');
  });
});

describe('limits read the same in every output', () => {
  const throughputRows = (change: number, status: 'pass' | 'fail'): Report => ({
    ...report,
    verdict: status,
    models: [
      {
        ...report.models[0],
        budgets: [
          {
            metric: 'throughput',
            kind: 'regression',
            limit: 0.1,
            relative: true,
            value: 1000 * (1 + change),
            baseline: 1000,
            status,
            change,
          },
        ],
      },
    ],
  });

  it('a throughput regression gate is a floor: "≥ −10% vs base" in the terminal and the Markdown', () => {
    for (const [change, status] of [
      [-0.163, 'fail'],
      [0.127, 'pass'],
    ] as const) {
      const r = throughputRows(change, status);
      const text = renderText(r);
      const md = renderMarkdown(r);
      expect(text).toContain('≥ −10% vs base');
      expect(text).not.toContain('≤ +10% vs base');
      expect(md).toContain('≥ −10% vs base');
    }
  });
});

describe('carbon says which grid intensity was used and why', () => {
  it('in the terminal and the Markdown details', () => {
    const m = report.models[0];
    const withCarbon: Report = {
      ...report,
      models: [
        {
          ...m,
          inference: {
            ...m.inference!,
            energy: {
              ...m.inference!.energy!,
              carbon: {
                operationalG: 1e-5,
                embodiedG: 1e-6,
                totalG: 1.1e-5,
                intensityGPerKWh: 387.4,
                intensitySource: 'United States (national average) (carbon.region US): US EIA',
              },
            },
          },
        },
      ],
    };
    expect(renderText(withCarbon)).toContain('carbon at 387 gCO2e/kWh: United States (national average) (carbon.region US)');
    // The Markdown escapes report text as numeric entities, which GitHub renders as the characters.
    const rendered = renderMarkdown(withCarbon).replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
    expect(rendered).toContain('carbon at 387 gCO2e/kWh: United States (national average) (carbon.region US)');
  });
});

describe('an earlier report as the baseline', () => {
  it('says in the terminal that the comparison is of point values (#26 item 10)', () => {
    const r: Report = { ...report, baseline: { kind: 'report', file: 'base.json', warnings: [] } };
    expect(renderText(r)).toMatch(
      /compared with the earlier report base\.json: point values only, without a confidence interval/,
    );
  });
});
