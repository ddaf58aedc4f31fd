import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../src/errors.js';
import { mergeReports } from '../../src/report/merge.js';
import type { Report } from '../../src/report/types.js';
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

describe('mergeReports: shards, commits and budget files (issue 21)', () => {
  const shard = (index: number, names: string[], extra: Partial<Report> = {}): Report => {
    const r = passReport();
    r.models = names.map((name) => ({ ...r.models[0], name }));
    return {
      ...r,
      shard: { index, count: 2 },
      commit: 'a'.repeat(40),
      modelsDigest: 'sha256:1',
      configModels: ['x', 'y', 'z'],
      ...extra,
    };
  };

  it('a missing shard is incomplete, never pass, and names what is missing', () => {
    const merged = mergeReports([{ report: shard(1, ['x', 'z']), file: 's1.json' }]);
    expect(merged.verdict).toBe('incomplete');
    expect(merged.incomplete).toEqual({ missingShards: ['2/2'], missingModels: ['y'] });
  });

  it('a failing shard stays fail when another is missing, and both shards merge in budget-file order', () => {
    const failing = shard(1, ['x', 'z'], { verdict: 'fail' });
    expect(mergeReports([{ report: failing, file: 's1.json' }]).verdict).toBe('fail');
    const merged = mergeReports([
      { report: shard(2, ['y']), file: 's2.json' },
      { report: shard(1, ['x', 'z']), file: 's1.json' },
    ]);
    expect(merged.verdict).toBe('pass');
    expect(merged.incomplete).toBeUndefined();
    expect(merged.models.map((m) => m.name)).toEqual(['x', 'y', 'z']);
  });

  it('refuses two commits, two budget files, two shard counts and one shard twice', () => {
    const s1 = { report: shard(1, ['x', 'z']), file: 's1.json' };
    expect(() => mergeReports([s1, { report: shard(2, ['y'], { commit: 'b'.repeat(40) }), file: 's2.json' }])).toThrow(
      /s1\.json and s2\.json measured different commits/,
    );
    expect(() => mergeReports([s1, { report: shard(2, ['y'], { modelsDigest: 'sha256:2' }), file: 's2.json' }])).toThrow(
      /different budget files/,
    );
    expect(() => mergeReports([s1, { report: { ...shard(2, ['y']), shard: { index: 2, count: 3 } }, file: 's2.json' }])).toThrow(
      /shard of 2/,
    );
    expect(() => mergeReports([s1, { report: shard(1, ['y']), file: 'again.json' }])).toThrow(/both shard 1\/2/);
  });
});
