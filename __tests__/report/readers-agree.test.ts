/**
 * The three ways a report JSON is read back (issue #16): `merge` and `--baseline` with
 * baseline/report.ts (strict: the budget checks' fields, then the report schema), the action's
 * comment mode with report/untrusted.ts (bounded read, then sanitised). What they agree on is
 * checked here on the same files; where they still differ is the todo at the end.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadBaselineReport } from '../../src/baseline/report.js';
import { EnergyBudgetError } from '../../src/errors.js';
import { readUntrustedReport } from '../../src/report/untrusted.js';
import type { Report } from '../../src/report/types.js';
import { failReport, inconclusiveReport, passReport } from '../github/fixtures/reports.js';

const dir = mkdtempSync(path.join(tmpdir(), 'eb-readers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function file(text: string): string {
  const f = path.join(dir, `report-${n++}.json`);
  writeFileSync(f, text);
  return f;
}

const PATHS: Array<[string, (f: string) => Promise<Report>]> = [
  ['--baseline', (f) => loadBaselineReport(f)],
  ['merge', (f) => loadBaselineReport(f, undefined, 'merge')],
  ['comment mode', (f) => readUntrustedReport(f)],
];

/** What each path made of a file: the verdict and model names, or the exit code of its error. */
async function outcomes(f: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [name, read] of PATHS) {
    out[name] = await read(f).then(
      (r) => ({ verdict: r.verdict, models: r.models.map((m) => m.name) }),
      (e: unknown) => ({ exit: e instanceof EnergyBudgetError ? e.exitCode : `not an EnergyBudgetError: ${String(e)}` }),
    );
  }
  return out;
}

function same(value: unknown): Record<string, unknown> {
  return Object.fromEntries(PATHS.map(([name]) => [name, value]));
}

describe('merge, --baseline and comment mode read the same reports the same way', () => {
  it.each([
    ['a passing report', passReport()],
    ['a failing report', failReport()],
    ['an inconclusive report', inconclusiveReport()],
  ])('accept %s', async (_name, report) => {
    const text = JSON.stringify(report);
    expect(await outcomes(file(text))).toEqual(same({ verdict: report.verdict, models: report.models.map((m) => m.name) }));
  });

  const valid = JSON.parse(JSON.stringify(passReport())) as Record<string, unknown>;
  it.each([
    ['text that is not JSON', 'not json'],
    ['a list at the top level', '[]'],
    ['no schemaVersion', JSON.stringify({ ...valid, schemaVersion: undefined })],
    ['another schemaVersion', JSON.stringify({ ...valid, schemaVersion: 2 })],
    ['models that are not a list', JSON.stringify({ ...valid, models: 'nope' })],
    ['a model without a name', JSON.stringify({ ...valid, models: [{ budgets: [] }] })],
  ])('reject %s (exit 2)', async (_name, text) => {
    expect(await outcomes(file(text))).toEqual(same({ exit: 2 }));
  });

  it('reject a file that does not exist (exit 2)', async () => {
    expect(await outcomes(path.join(dir, 'missing.json'))).toEqual(same({ exit: 2 }));
  });

  // Not yet one reader: the comment mode accepts (sanitised) reports that the schema rejects
  // (null budget rows, an object-valued environment.cpu, a status outside the four), and
  // __tests__/github/main.test.ts ("renders hostile reports … #26 item 11") asserts that it
  // does (exit 0), while report-schema.test.ts asserts that --baseline and merge refuse them.
  it.todo('rejects a report that does not match the schema in the comment mode as merge does (needs a decision on #26 item 11)');
});
