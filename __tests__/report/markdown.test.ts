import { describe, expect, it } from '@jest/globals';
import { commentMarker, escapeMarkdown, markerKey } from '../../src/report/escape.js';
import { GITHUB_COMMENT_MAX_CHARS, renderMarkdown } from '../../src/report/markdown.js';
import type { Report } from '../../src/report/types.js';
import { failReport, inconclusiveReport, passReport } from '../github/fixtures/reports.js';

/** Cells of a Markdown table row: split on the pipes the renderer wrote (escaped ones are `&#124;`). */
function cells(line: string): string[] {
  return line.split('|').slice(1, -1);
}

describe('renderMarkdown snapshots', () => {
  it('pins a passing report', () => {
    expect(renderMarkdown(passReport(), { marker: 'energy-budget.yml' })).toMatchSnapshot();
  });
  it('pins a failing report (budget exceeded, regression, loosened budget, model error, new model)', () => {
    expect(renderMarkdown(failReport(), { marker: 'energy-budget.yml' })).toMatchSnapshot();
  });
  it('pins an inconclusive report with a hostile model name', () => {
    expect(renderMarkdown(inconclusiveReport(), { marker: 'energy-budget.yml' })).toMatchSnapshot();
  });
  it('pins a report whose only model is new (nothing to compare against)', () => {
    const r = failReport();
    r.models = r.models.filter((m) => m.change === 'new');
    r.verdict = 'pass';
    r.budgetChanges = [];
    expect(renderMarkdown(r, { marker: 'energy-budget.yml' })).toMatchSnapshot();
  });
  it('pins a report whose model could not be measured (its error, no figures it never got)', () => {
    const r = failReport();
    r.models = r.models.filter((m) => m.error);
    r.budgetChanges = [];
    const md = renderMarkdown(r, { marker: 'energy-budget.yml' });
    expect(md).not.toMatch(/0 FLOP|0 B\b/);
    expect(md).toMatchSnapshot();
  });
});

describe('renderMarkdown content', () => {
  it('shows the verdict, base/head/change/budget per metric and how energy was obtained', () => {
    const md = renderMarkdown(failReport());
    expect(md).toContain('## Energy budget: ❌ over budget');
    expect(md).toContain('| ❌ | Model size | 412 kB | 612 kB | +48.5% | ≤ 500 kB ❌<br>≤ +0% vs base ❌ |');
    expect(md).toContain('Inference energy: estimated with a power model (estimate), not measured');
    expect(md).toContain('### Budget changes in this pull request');
    expect(md).toContain('⚠️ loosened');
    expect(md).toContain('**Could not be measured** (MODEL_INVALID)');
    expect(md).toContain('New models: tiny.');
    expect(md).toMatch(/<details><summary>Details: classifier<\/summary>/);
  });

  it('never calls an estimate a measurement, and names a real counter', () => {
    expect(renderMarkdown(passReport())).toContain('Energy per inference *(estimated)*');
    const measured = renderMarkdown(inconclusiveReport());
    expect(measured).toContain('measured with rapl');
    expect(measured).not.toContain('*(estimated)*');
    // An energy block without `estimated: false` is treated as an estimate.
    const r = passReport();
    delete (r.models[0].inference!.energy as { estimated?: boolean }).estimated;
    r.models[0].inference!.energy!.method = 'rapl';
    expect(renderMarkdown(r)).toContain('estimated with a power model (rapl), not measured');
  });

  it('shows a regression limit without a base as not checked, with the engine’s note', () => {
    const md = renderMarkdown(failReport());
    expect(md).toContain('≤ +0% vs base ➖ not checked');
    expect(md).toContain('- Model size: not checked: no baseline');
    const r = passReport();
    delete r.models[0].inference!.energy;
    r.models[0].inference!.energyUnavailable = 'the RAPL counter vanished mid-run';
    expect(renderMarkdown(r)).toContain('Inference energy: not available — the RAPL counter vanished mid-run.');
  });

  it('marks inconclusive comparisons', () => {
    const md = renderMarkdown(inconclusiveReport());
    expect(md).toContain('❔');
    expect(md).toContain('❔ inconclusive');
    expect(md).toContain('≥ 10000 samples/s');
  });

  it('escapes a hostile model name, path, notice and environment so nothing is injected', () => {
    const md = renderMarkdown(inconclusiveReport(), { marker: 'energy-budget.yml' });
    // Only the marker we wrote is an HTML comment.
    expect(md.match(/<!--/g)).toHaveLength(1);
    expect(md.match(/-->/g)).toHaveLength(1);
    expect(md.startsWith('<!-- energy-budget: energy-budget.yml -->\n')).toBe(true);
    for (const bad of ['<img', '<script', '<b>', '**bold**', '](', '![', '`code`', '\n# heading', '@octocat']) {
      expect(md).not.toContain(bad);
    }
    expect(md).toContain('@&#8203;octocat');
    // Table rows keep their column count: the pipe in the name cannot split a cell.
    for (const line of md.split('\n').filter((l) => l.startsWith('|'))) {
      const n = cells(line).length;
      expect([2, 3, 4, 5, 6]).toContain(n);
    }
    // The heading stays one line.
    const heading = md.split('\n').find((l) => l.startsWith('### '))!;
    expect(heading).toContain('evil &#124; name &#60;img');
  });

  it('does not trust field types in a report from an artifact', () => {
    const r = passReport() as unknown as Record<string, unknown>;
    const models = r.models as Array<Record<string, unknown>>;
    models[0].flops = '<img src=x>';
    (models[0].budgets as Array<Record<string, unknown>>)[0].value = '<img src=x>';
    (models[0].budgets as Array<Record<string, unknown>>)[0].status = '<img src=x>';
    r.verdict = '<img src=x>';
    const md = renderMarkdown(r as unknown as Report);
    expect(md).not.toContain('<img');
  });

  it('reads verdicts, statuses and budget changes from its own tables only, never from Object.prototype', () => {
    const r = failReport();
    const md = renderMarkdown({
      ...r,
      verdict: 'constructor' as Report['verdict'],
      models: r.models.map((m) => ({
        ...m,
        budgets: m.budgets.map((b) => ({ ...b, status: 'toString' as typeof b.status })),
      })),
      budgetChanges: [{ model: 'm', metric: 'model-size', change: 'hasOwnProperty' as 'added', after: 1, relative: false }],
    });
    expect(md).not.toContain('[native code]');
    expect(md.split('\n')[0]).toBe('## Energy budget: ❔ constructor');
    expect(md).toContain('| hasOwnProperty |');
  });

  it('compact leaves out the details', () => {
    expect(renderMarkdown(failReport(), { compact: true })).not.toContain('<details>');
  });
});

describe('renderMarkdown size limit', () => {
  function bigReport(models: number): Report {
    const one = failReport().models[0];
    return {
      ...failReport(),
      models: Array.from({ length: models }, (_, i) => ({
        ...one,
        name: `model-${i}`,
        notices: Array.from({ length: 5 }, (_, k) => `notice ${k} ${'x'.repeat(200)}`),
        budgets: i === 1234 ? one.budgets : one.budgets.map((b) => ({ ...b, status: 'pass' as const })),
      })),
    };
  }

  it('stays under GitHub’s limit, drops details first, then models, keeping failures', () => {
    const md = renderMarkdown(bigReport(3000));
    expect(md.length).toBeLessThanOrEqual(GITHUB_COMMENT_MAX_CHARS);
    expect(md).not.toContain('<details>');
    expect(md).toMatch(/Only \d+ of 3000 models are shown/);
    expect(md).toContain('### ❌ model-1234');
    expect(md).toContain('more models not shown here');
  });

  it('drops only the details when that is enough', () => {
    const full = renderMarkdown(bigReport(20));
    const limit = renderMarkdown(bigReport(20), { compact: true }).length + 200;
    expect(full.length).toBeGreaterThan(limit);
    const md = renderMarkdown(bigReport(20), { maxChars: limit });
    expect(md).toContain('Details are left out');
    expect(md).toContain('model-19');
  });

  it('cuts at a line boundary as the last resort', () => {
    const md = renderMarkdown(failReport(), { maxChars: 300, marker: 'x.yml' });
    expect(md.length).toBeLessThanOrEqual(300);
    expect(md).toContain('cut to fit');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['plain', 'plain'],
    ['a|b', 'a&#124;b'],
    ['<b>&', '&#60;b&#62;&#38;'],
    ['*x* _y_ [z](u) !#~`', '&#42;x&#42; &#95;y&#95; &#91;z&#93;(u) !#&#126;&#96;'],
    ['@team', '@&#8203;team'],
    ['a\nb', 'a b'],
    ['<!-- x -->', '&#60;!-- x --&#62;'],
    ['http://x.y www.x.y', 'http&#58;//x.y www&#46;x.y'],
    ['a\u202eb', 'ab'],
    ['$x$', '&#36;x&#36;'],
    // Prose stays prose: only what starts markup is escaped (#19).
    ['change +6.24% (95% CI +3.8% … +7.0%): regression', 'change +6.24% (95% CI +3.8% … +7.0%): regression'],
    ['MODEL_INVALID: model.onnx, line 3', 'MODEL_INVALID: model.onnx, line 3'],
    ['a\\|b', 'a&#92;&#124;b'],
    // What would start a block when the text starts a line.
    ['# h', '&#35; h'],
    ['- item', '&#45; item'],
    ['> quote', '&#62; quote'],
    ['1. first', '1&#46; first'],
    ['1.30.0', '1.30.0'],
    ['#1 is an issue', '#1 is an issue'],
  ])('%j → %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it('turns newlines into <br> on request and caps the length', () => {
    expect(escapeMarkdown('a\r\nb', { newlines: 'br' })).toBe('a<br>b');
    expect(escapeMarkdown('x'.repeat(50), { maxLength: 10 })).toBe(`${'x'.repeat(10)}…`);
  });
});

describe('comment marker', () => {
  it.each([
    ['energy-budget.yml', 'energy-budget.yml'],
    ['./ci/budget.yml', 'ci/budget.yml'],
    ['ci\\budget.yml', 'ci/budget.yml'],
    ['a -- > b.yml', 'a%20%2D-%20%3E%20b.yml'],
    ['x-->.yml', 'x%2D-%3E.yml'],
    ['ü.yml', '%C3%BC.yml'],
  ])('%j → %j', (input, expected) => {
    expect(markerKey(input)).toBe(expected);
    expect(commentMarker(input).slice(4, -3)).not.toMatch(/--|>/);
  });
});
