/** `energy-budget history` through runCli, offline: a folder of reports, and a local clone's data branch. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli.js';
import { toRecord } from '../../src/history/record.js';
import { serializeHistory } from '../../src/history/store.js';
import type { Report } from '../../src/report/types.js';
import { passReport } from '../github/fixtures/reports.js';

function report(i: number, joules: number): Report {
  const r = passReport();
  r.models[0].inference!.energy!.joulesPerInference = joules;
  r.createdAt = new Date(Date.UTC(2026, 0, 1 + i)).toISOString();
  return r;
}

function cli(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const run = runCli({
    argv,
    cwd,
    env: {},
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return run.then((code) => ({ code, stdout, stderr }));
}

function git(cwd: string, ...args: string[]) {
  const r = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: cwd,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@e',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@e',
    },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

describe('energy-budget history', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'eb-history-cli-'));
    mkdirSync(path.join(dir, 'reports'));
    // Written out of order: the command orders them by createdAt.
    for (const i of [3, 1, 2, 5, 4])
      writeFileSync(path.join(dir, 'reports', `run-${i}.json`), JSON.stringify(report(i, 0.01 + i * 0.001)));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('works offline on a folder of report JSONs, writing HTML and Markdown', async () => {
    const r = await cli(
      ['history', 'reports', '--html', 'out/h.html', '--markdown', 'out/h.md', '--head', 'reports/run-5.json'],
      dir,
    );
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('5 runs in the history.');
    expect(r.stdout).toMatch(/classifier\s+Energy per inference \(estimated\)\s+5\s+11 mJ\s+15 mJ\s+13 mJ\s+\+15\.4%/);
    const html = readFileSync(path.join(dir, 'out/h.html'), 'utf8');
    expect(html.match(/<svg class="chart"/g)).toHaveLength(3);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    const md = readFileSync(path.join(dir, 'out/h.md'), 'utf8');
    expect(md).toContain('  line [11, 12, 13, 14, 15]');
  });

  it('reads the data branch of a local clone with --history-ref', async () => {
    const repo = path.join(dir, 'repo');
    mkdirSync(path.join(repo, 'history'), { recursive: true });
    git(repo, 'init', '-q', '-b', 'energy-budget-data');
    const records = [1, 2, 3].map((i) => toRecord(report(i, 0.02), { sha: `c${i}`, ref: 'main' }));
    writeFileSync(path.join(repo, 'history/energy-budget.yml.jsonl'), `${serializeHistory(records)}garbage\n`);
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'history');
    const r = await cli(['history', '--history-ref', 'energy-budget-data'], repo);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('warning: history/energy-budget.yml.jsonl at energy-budget-data: line 4: not JSON');
    expect(r.stdout).toContain('3 runs in the history.');
    const missing = await cli(['history', '--history-ref', 'energy-budget-data', '--config', 'other.yml'], repo);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--history-ref energy-budget-data: cannot read history\/other\.yml\.jsonl there/);
  });

  it('reads a data branch a plain clone has only as origin/<name> when given the branch name', async () => {
    const origin = path.join(dir, 'origin');
    mkdirSync(path.join(origin, 'history'), { recursive: true });
    git(origin, 'init', '-q', '-b', 'main');
    writeFileSync(path.join(origin, 'README.md'), 'main\n');
    git(origin, 'add', '.');
    git(origin, 'commit', '-q', '-m', 'main');
    git(origin, 'checkout', '-q', '-b', 'energy-budget-data');
    const records = [1, 2].map((i) => toRecord(report(i, 0.02), { sha: `c${i}`, ref: 'main' }));
    writeFileSync(path.join(origin, 'history/energy-budget.yml.jsonl'), serializeHistory(records));
    git(origin, 'add', '.');
    git(origin, 'commit', '-q', '-m', 'history');
    git(origin, 'checkout', '-q', 'main');
    git(dir, 'clone', '-q', origin, 'clone');
    const clone = path.join(dir, 'clone');
    const r = await cli(['history', '--history-ref', 'energy-budget-data'], clone);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 runs in the history.');
    const absent = await cli(['history', '--history-ref', 'no-such-branch'], clone);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toMatch(/--history-ref no-such-branch: cannot read .*git fetch origin energy-budget-data/);
  });

  it('rejects bad arguments and input with exit 2 and a message', async () => {
    expect(await cli(['history'], dir)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('give a folder of report JSONs'),
    });
    expect(await cli(['history', 'reports', '--window', 'x'], dir)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("--window expects a whole number ≥ 1; got 'x'"),
    });
    expect(await cli(['history', 'nope'], dir)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('nope does not exist'),
    });
    writeFileSync(path.join(dir, 'bad.json'), '{"schemaVersion": 9}');
    const bad = await cli(['history', 'bad.json'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
