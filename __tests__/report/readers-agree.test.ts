/**
 * The three ways a report JSON is read back (issue #16): `merge` and `--baseline` with
 * baseline/report.ts, the action's comment mode with report/untrusted.ts; both read through
 * the one reader, report/read.ts. What they make of the same files is checked here, down to
 * the comment mode refusing (not rendering) a report merge refuses, with the same problem.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readReport as loadBaselineReport } from '../../src/report/read.js';
import { EnergyBudgetError } from '../../src/errors.js';
import { run, type ActionIO } from '../../src/main.js';
import { escapeMarkdown } from '../../src/report/escape.js';
import { readUntrustedReportFile } from '../../src/report/untrusted.js';
import { InputError } from '../../src/errors.js';
import type { Report } from '../../src/report/types.js';
import { FakeGitHub } from '../github/fake-github.js';
import { failReport, inconclusiveReport, passReport } from '../github/fixtures/reports.js';

const dir = mkdtempSync(path.join(tmpdir(), 'eb-readers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function file(text: string): string {
  const f = path.join(dir, `report-${n++}.json`);
  writeFileSync(f, text);
  return f;
}

/** Comment mode's reading as a throwing call, like the other two paths (exit 2 with the reader's message). */
async function readUntrustedReport(f: string): Promise<Report> {
  const reading = await readUntrustedReportFile(f);
  if (reading.ok) return reading.report;
  throw new InputError('INPUT_INVALID', reading.message);
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

  it('reject a file over 50 MB before reading it (exit 2)', async () => {
    const big = file('');
    // Sparse: nothing is written, so the test is quick; a read of it would be slow.
    truncateSync(big, 50 * 1024 * 1024 + 1);
    expect(await outcomes(big)).toEqual(same({ exit: 2 }));
    await expect(loadBaselineReport(big, undefined, 'merge')).rejects.toThrow(/larger than 50 MB; refusing to read it/);
  });
});

/** Reports that parse and look like reports but do not match the schema or the budget checks' fields. */
const base = failReport();
const INVALID: Array<[string, unknown]> = [
  ['a null budget row', { ...base, models: [{ ...base.models[0], budgets: [null, ...base.models[0].budgets] }] }],
  ['an object-valued environment.cpu', { ...base, environment: { ...base.environment, cpu: { a: 1 } } }],
  [
    'a status named like an Object method',
    { ...base, models: [{ ...base.models[0], budgets: [{ ...base.models[0].budgets[0], status: 'constructor' }] }] },
  ],
  ['FLOPs as a string', { ...base, models: [{ ...base.models[0], flops: '12' }] }],
  ['a model named twice', { ...base, models: [base.models[0], base.models[0]] }],
];

/** merge's problem with a file: its message between `merge FILE: ` and the fix. */
async function mergeProblem(f: string): Promise<string> {
  const error = await loadBaselineReport(f, undefined, 'merge').then(
    () => new Error('merge accepted it'),
    (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
  );
  const prefix = `merge ${f}: `;
  expect(error.message.startsWith(prefix)).toBe(true);
  return error.message.slice(prefix.length, error.message.indexOf('. Expected a report'));
}

class QuietIO implements ActionIO {
  inputs: Record<string, string> = {};
  outputs: Record<string, string> = {};
  log: string[] = [];
  failed?: string;
  getInput(name: string) {
    return this.inputs[name] ?? '';
  }
  setOutput(name: string, value: string) {
    this.outputs[name] = value;
  }
  async writeSummary() {}
  annotate() {}
  info(m: string) {
    this.log.push(m);
  }
  warning(m: string) {
    this.log.push(m);
  }
  setFailed(m: string) {
    this.failed = m;
  }
}

describe('the comment mode refuses what merge refuses, with the same problem', () => {
  let gh: FakeGitHub;
  let ws: string;
  beforeEach(async () => {
    gh = new FakeGitHub();
    await gh.start();
    ws = mkdtempSync(path.join(tmpdir(), 'eb-readers-action-'));
  });
  afterEach(async () => {
    await gh.stop();
    rmSync(ws, { recursive: true, force: true });
  });

  it.each(INVALID)('%s: merge exits 2; comment mode posts the problem instead of the rows (exit 0)', async (_name, report) => {
    const f = path.join(ws, 'report.json');
    writeFileSync(f, JSON.stringify(report));
    const problem = await mergeProblem(f);
    expect(problem.length).toBeGreaterThan(5);
    expect(await readUntrustedReportFile(f)).toMatchObject({ ok: false, fault: 'invalid', problems: [problem] });

    writeFileSync(
      path.join(ws, 'event.json'),
      JSON.stringify({
        pull_request: {
          number: 7,
          base: { sha: 'b'.repeat(40), ref: 'main', repo: { full_name: 'octo/models' } },
          head: { sha: 'a'.repeat(40), ref: 'feature', repo: { full_name: 'octo/models' } },
        },
      }),
    );
    const io = new QuietIO();
    Object.assign(io.inputs, { mode: 'comment', 'report-json': 'report.json', 'github-token': 'ghs_test' });
    const env = {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: path.join(ws, 'event.json'),
      GITHUB_REPOSITORY: 'octo/models',
      GITHUB_API_URL: gh.url,
      GITHUB_WORKSPACE: ws,
      GITHUB_RUN_ID: '99',
    };
    expect(await run({ env, io, client: { sleep: async () => {} } })).toBe(0);
    expect(io.failed).toBeUndefined();
    expect(io.outputs.verdict).toBe('incomplete');
    const body = gh.comments.get(7)?.at(-1)?.body ?? '';
    expect(body).toContain('not a valid energy-budget report');
    expect(body).toContain(escapeMarkdown(problem, { maxLength: 300 }));
    // No row of the refused report is rendered.
    expect(body).not.toContain('over budget');
    expect(body).not.toMatch(/^### /m);
  });
});
