/**
 * The history end to end, through the action's `run()` and the real Octokit client against the
 * loopback GitHub server: 30 pushes to main create and append the data branch through the Git
 * database API (the last two racing for the same ref), then a pull-request run posts a comment
 * whose Mermaid chart holds the 30 runs and the head. The engine is a stand-in that returns
 * seeded reports (measuring is tested elsewhere); everything after it is the real code.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run, type ActionIO, type RunEnergyBudget } from '../../src/main.js';
import type { Report } from '../../src/report/types.js';
import type { RunOptions } from '../../src/engine/types.js';
import { createRng } from '../../src/util/random.js';
import { parseHistory } from '../../src/history/store.js';
import { FakeGitHub } from '../github/fake-github.js';
import { passReport } from '../github/fixtures/reports.js';

const TOKEN = 'ghs_historySECRET_0123456789';
const FILE = 'history/energy-budget.yml.jsonl';

class FakeIO implements ActionIO {
  inputs: Record<string, string> = {};
  outputs: Record<string, string> = {};
  summaries: string[] = [];
  log: string[] = [];
  failed?: string;
  getInput(name: string) {
    return (this.inputs[name] ?? '').trim();
  }
  setOutput(name: string, value: string) {
    this.outputs[name] = value;
  }
  async writeSummary(markdown: string) {
    this.summaries.push(markdown);
  }
  annotate() {}
  info(m: string) {
    this.log.push(`info: ${m}`);
  }
  warning(m: string) {
    this.log.push(`warning: ${m}`);
  }
  setFailed(m: string) {
    this.failed = m;
  }
}

/** A report whose energy per inference is `joules`. */
function reportWith(joules: number): Report {
  const r = passReport();
  r.models[0].inference!.energy!.joulesPerInference = joules;
  // A limit near the figures, so that the chart draws it.
  r.models[0].budgets.find((b) => b.metric === 'energy-per-inference' && b.kind === 'absolute')!.limit = 0.015;
  r.createdAt = new Date(Date.UTC(2026, 0, 1) + joules * 1e9).toISOString();
  return r;
}

describe('history through the action and the loopback GitHub API', () => {
  let gh: FakeGitHub;
  let dir: string;
  const rng = createRng(17);
  const pushed: Array<{ sha: string; joules: number }> = [];
  const engineCalls: RunOptions[] = [];

  beforeAll(async () => {
    gh = new FakeGitHub();
    await gh.start();
    dir = mkdtempSync(path.join(os.tmpdir(), 'eb-history-'));
  });
  afterAll(async () => {
    await gh.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function engine(report: Report): RunEnergyBudget {
    return async (options) => {
      engineCalls.push(options);
      writeFileSync(options.jsonPath!, JSON.stringify(report));
      return { report, exitCode: 0, files: { json: options.jsonPath } };
    };
  }

  async function push(i: number, joules: number, inputs: Record<string, string> = {}): Promise<FakeIO> {
    const sha = i.toString(16).padStart(40, '0');
    const event = path.join(dir, `push-${i}.json`);
    writeFileSync(
      event,
      JSON.stringify({ ref: 'refs/heads/main', repository: { full_name: 'octo/models', default_branch: 'main' } }),
    );
    const io = new FakeIO();
    io.inputs = { 'github-token': TOKEN, 'report-json': `report-${i}.json`, 'history-html': `history-${i}.html`, ...inputs };
    const env = {
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: event,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: sha,
      GITHUB_REPOSITORY: 'octo/models',
      GITHUB_API_URL: gh.url,
      GITHUB_WORKSPACE: dir,
      GITHUB_RUN_ID: String(1000 + i),
    };
    const code = await run({
      env,
      io,
      runEnergyBudget: engine(reportWith(joules)),
      client: { sleep: async () => {} },
      historySleep: async () => {},
    });
    expect({ code, failed: io.failed }).toEqual({ code: 0, failed: undefined });
    pushed.push({ sha, joules });
    return io;
  }

  async function pullRequest(report: Report, inputs: Record<string, string> = {}, fork = false): Promise<FakeIO> {
    const event = path.join(dir, 'pr.json');
    writeFileSync(
      event,
      JSON.stringify({
        pull_request: {
          number: 7,
          base: { sha: 'b'.repeat(40), ref: 'main', repo: { full_name: 'octo/models' } },
          head: { sha: 'a'.repeat(40), ref: 'feature', repo: { full_name: fork ? 'mallory/models' : 'octo/models' } },
        },
        repository: { full_name: 'octo/models', default_branch: 'main' },
      }),
    );
    const io = new FakeIO();
    io.inputs = { 'github-token': TOKEN, 'history-html': 'pr-history.html', ...inputs };
    const env = {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_REF: 'refs/pull/7/merge',
      GITHUB_SHA: 'c'.repeat(40),
      GITHUB_REPOSITORY: 'octo/models',
      GITHUB_API_URL: gh.url,
      GITHUB_WORKSPACE: dir,
      GITHUB_RUN_ID: '5000',
    };
    const code = await run({ env, io, runEnergyBudget: engine(report), client: { sleep: async () => {} } });
    expect({ code, failed: io.failed }).toEqual({ code: 0, failed: undefined });
    return io;
  }

  it('30 pushes to main create and append the data branch, two of them racing, without losing a run', async () => {
    const first = await push(1, 0.0123 * Math.exp(0.03 * rng.normal()));
    expect(first.log.join('\n')).toMatch(
      /Appended this run to the history \(energy-budget-data, 1 run\(s\) kept, branch created\)/,
    );
    for (let i = 2; i <= 28; i++) await push(i, 0.0123 * Math.exp(0.03 * rng.normal()));
    // Runs 29 and 30 both read the head of run 28; the server holds their ref updates until both
    // arrive, so one of them loses (422, not a fast-forward) and must redo its append.
    gh.refBarrier = 2;
    const [a, b] = await Promise.all([
      push(29, 0.0123 * Math.exp(0.03 * rng.normal())),
      push(30, 0.0123 * Math.exp(0.03 * rng.normal())),
    ]);
    const raceLog = [...a.log, ...b.log].join('\n');
    expect(raceLog).toMatch(/moved while this run was appended \(attempt 1\)/);
    expect(raceLog).toMatch(/after 1 lost race/);
    const updates = gh.requests.filter(
      (q) => q.method === 'PATCH' && decodeURIComponent(q.url).includes('/git/refs/heads/energy-budget-data'),
    );
    expect(updates).toHaveLength(29 + 1); // 29 appends after the first, plus the lost one

    const { records, skipped } = parseHistory(gh.fileAt('energy-budget-data', FILE)!);
    expect(skipped).toEqual([]);
    expect(records).toHaveLength(30);
    expect(new Set(records.map((r) => r.sha))).toEqual(new Set(pushed.map((p) => p.sha)));
    expect(records[0]).toMatchObject({ v: 1, ref: 'main', runId: '1001', environment: { onnxruntime: '1.30.0' } });
    expect(records[0].models[0]).toMatchObject({
      name: 'classifier',
      energyMethod: 'estimate',
      limits: { 'energy-per-inference': 0.015 },
    });
    // The branch is a chain of 30 commits, each with one parent: nothing was forced.
    let sha = gh.refs.get('heads/energy-budget-data');
    let depth = 0;
    while (sha) {
      depth++;
      const parents = gh.commits.get(sha)!.parents;
      expect(parents.length).toBeLessThanOrEqual(1);
      sha = parents[0];
    }
    expect(depth).toBe(30);
    // A push run charts the history in its job summary too.
    expect(b.summaries[0]).toContain('### Trend on main');
    expect(b.summaries[0]).toContain('```mermaid');
  });

  it('a pull-request run posts a comment whose Mermaid chart holds the 30 runs and the head, and never writes', async () => {
    const before = gh.requests.length;
    const headJoules = 0.0123 * 1.04;
    const io = await pullRequest(reportWith(headJoules));
    const comment = gh.comments.get(7)!.at(-1)!.body;
    expect(comment).toBe(io.outputs.markdown);
    const block = /```mermaid\n%%{init: [^\n]*}%%\nxychart-beta\n[^`]*?Energy per inference[^`]*?```/.exec(comment)?.[0];
    expect(block).toBeDefined();
    const arrays = (name: string) =>
      [...block!.matchAll(new RegExp(`^  ${name} \\[(.*)\\]$`, 'gm'))].map((m) => m[1].split(', ').map(Number));
    const [historyLine, limitLine] = arrays('line');
    expect(historyLine).toHaveLength(30);
    // mJ, 4 significant digits, in the order of the pushes as stored.
    const stored = parseHistory(gh.fileAt('energy-budget-data', FILE)!).records;
    expect(historyLine).toEqual(stored.map((r) => Number((r.models[0].metrics['energy-per-inference']! * 1000).toPrecision(4))));
    expect(limitLine).toEqual(new Array(31).fill(15));
    const [bar] = arrays('bar');
    expect(bar).toHaveLength(31);
    expect(bar.slice(0, 30).every((v) => v === 0)).toBe(true);
    expect(bar[30]).toBe(Number((headJoules * 1000).toPrecision(4)));
    expect(block).toMatch(/x-axis \["1", "2", .*"30", "PR"\]/);
    // History blue, limit red, head amber: Mermaid's default palette draws the first line near white.
    expect(block).toContain('"plotColorPalette": "#0969da, #d1242f, #bf8700"');
    // The head in context, next to the same-job comparison (which stays the verdict).
    expect(comment).toContain('Compared with base 1a2b3c4d.');
    expect(comment).toMatch(
      /\| classifier \| Energy per inference \*\(estimated\)\* \| 12\.8 mJ \| [\d.]+ mJ \| [+−]\d[\d.]*% against the median of the last 30 runs on main \|/,
    );
    expect(comment.length).toBeLessThanOrEqual(65536);
    // The HTML report was written and named in the outputs.
    expect(io.outputs['history-html']).toBe(path.join(dir, 'pr-history.html'));
    expect(readFileSync(io.outputs['history-html'], 'utf8')).toContain('data-points="30"');
    const writes = gh.requests.slice(before).filter((q) => q.method !== 'GET');
    expect(writes.map((q) => `${q.method} ${q.url}`)).toEqual(['POST /repos/octo/models/issues/7/comments']);
    expect(io.log.join('\n')).toContain('pull-request runs read the history and never write it');
  });

  it('the comment mode (a fork’s report posted by workflow_run) charts the report against the history, read only', async () => {
    const headSha = 'f'.repeat(40);
    gh.pulls.push({
      number: 8,
      state: 'open',
      head: { sha: headSha, ref: 'fix', repo: { full_name: 'mallory/models' } },
      base: { repo: { full_name: 'octo/models' } },
    });
    gh.commitPulls.set(headSha, [8]);
    writeFileSync(path.join(dir, 'fork-report.json'), JSON.stringify(reportWith(0.0119)));
    const event = path.join(dir, 'workflow-run.json');
    writeFileSync(
      event,
      JSON.stringify({
        workflow_run: {
          id: 1,
          head_sha: headSha,
          head_branch: 'fix',
          head_repository: { full_name: 'mallory/models' },
          event: 'pull_request',
        },
        repository: { full_name: 'octo/models', default_branch: 'main' },
      }),
    );
    const io = new FakeIO();
    io.inputs = { 'github-token': TOKEN, mode: 'comment', 'report-json': 'fork-report.json', 'history-html': 'fork.html' };
    const before = gh.requests.length;
    const code = await run({
      env: {
        GITHUB_EVENT_NAME: 'workflow_run',
        GITHUB_EVENT_PATH: event,
        GITHUB_REF: 'refs/heads/main',
        GITHUB_REPOSITORY: 'octo/models',
        GITHUB_API_URL: gh.url,
        GITHUB_WORKSPACE: dir,
        GITHUB_RUN_ID: '6000',
      },
      io,
      client: { sleep: async () => {} },
    });
    expect({ code, failed: io.failed }).toEqual({ code: 0, failed: undefined });
    const comment = gh.comments.get(8)!.at(-1)!.body;
    expect(comment).toMatch(/against the median of the last 30 runs on main/);
    expect(comment).toMatch(/ {2}bar \[(0, ){30}11\.9\]/);
    expect(
      gh.requests
        .slice(before)
        .filter((q) => q.method !== 'GET')
        .map((q) => q.url),
    ).toEqual(['/repos/octo/models/issues/8/comments']);
  });

  it('baseline: history hands the stored runs to the engine instead of a base ref', async () => {
    engineCalls.length = 0;
    await pullRequest(reportWith(0.0123), { baseline: 'history', 'history-window': '20' });
    expect(engineCalls[0].baseRef).toBeUndefined();
    expect(engineCalls[0].baselinePath).toBeUndefined();
    expect(engineCalls[0].historyBaseline).toMatchObject({ window: 20, branch: 'main' });
    expect(engineCalls[0].historyBaseline!.records).toHaveLength(30);
  });

  it('a read-only token on a push says the run is not appended, and the report still stands', async () => {
    gh.readOnly = true;
    try {
      const io = await push(31, 0.0125);
      expect(io.log.join('\n')).toMatch(
        /warning: The token is read-only, so this run is not appended to the history branch energy-budget-data \(HTTP 403/,
      );
      expect(io.outputs.verdict).toBe('pass');
      expect(existsSync(path.join(dir, 'report-31.json'))).toBe(true);
    } finally {
      gh.readOnly = false;
    }
    expect(parseHistory(gh.fileAt('energy-budget-data', FILE)!).records).toHaveLength(30);
  });

  it('history-limit keeps the newest runs', async () => {
    await push(32, 0.0124, { 'history-limit': '10' });
    const { records } = parseHistory(gh.fileAt('energy-budget-data', FILE)!);
    expect(records).toHaveLength(10);
    expect(records.at(-1)!.sha).toBe((32).toString(16).padStart(40, '0'));
  });

  it('history: off neither reads nor writes', async () => {
    const before = gh.requests.length;
    const io = await push(33, 0.0124, { history: 'off' });
    expect(gh.requests.length).toBe(before);
    expect(io.summaries[0]).not.toContain('Trend on');
  });
});
