import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../src/errors.js';
import { mergeReports } from '../../src/report/merge.js';
import { failReport, passReport } from './fixtures/reports.js';

describe('mergeReports', () => {
  it('concatenates shards and keeps the worst verdict', () => {
    const a = passReport();
    const b = failReport();
    b.models = b.models.filter((m) => m.name !== 'classifier');
    const merged = mergeReports([
      { report: a, file: 'a.json' },
      { report: b, file: 'b.json' },
    ]);
    expect(merged.verdict).toBe('fail');
    expect(merged.models.map((m) => m.name)).toEqual(['classifier', 'cnn', 'tiny']);
    expect(merged.budgetChanges).toHaveLength(1);
    expect(merged.environment).toBe(a.environment);
  });

  it('deduplicates budget changes and refuses a model in two shards', () => {
    const b = failReport();
    const c = failReport();
    c.models = [];
    expect(
      mergeReports([
        { report: b, file: 'b' },
        { report: c, file: 'c' },
      ]).budgetChanges,
    ).toHaveLength(1);
    expect(() =>
      mergeReports([
        { report: passReport(), file: 'r1.json' },
        { report: passReport(), file: 'r2.json' },
      ]),
    ).toThrow(/"classifier" is in two reports \(r1\.json and r2\.json\)/);
    expect(() => mergeReports([])).toThrow(InputError);
  });
});
