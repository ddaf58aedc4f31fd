/**
 * Many runs, one comment (issue 21): two runs racing for the sticky comment, and a stale run
 * for an older head, against the loopback GitHub. The overlap is forced (`listBarrier` holds
 * the first list call of each run until both have asked), not left to timing.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGitHubClient } from '../../src/github/client.js';
import { readCommentMeta, upsertStickyComment, withCommentMeta, type CommentMeta } from '../../src/github/comment.js';
import { run, type ActionIO, type RunEnergyBudget } from '../../src/main.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { Report } from '../../src/report/types.js';
import { FakeGitHub } from './fake-github.js';
import { failReport, passReport } from './fixtures/reports.js';

const repo = { owner: 'octo', repo: 'models' };
const OLD = '1'.repeat(40);
const NEW = '2'.repeat(40);
const BASE = 'b'.repeat(40);
const MARKER = '<!-- energy-budget: energy-budget.yml -->';

function ours(gh: FakeGitHub, n = 7) {
  return (gh.comments.get(n) ?? []).filter((c) => c.body.startsWith(MARKER));
}

function setHead(gh: FakeGitHub, sha: string) {
  gh.pulls.splice(0, gh.pulls.length, {
    number: 7,
    state: 'open',
    head: { sha, ref: 'feature', repo: { full_name: 'octo/models' } },
    base: { repo: { full_name: 'octo/models' } },
  });
}

describe('racing runs against the sticky comment (library)', () => {
  let gh: FakeGitHub;
  beforeEach(async () => {
    gh = new FakeGitHub();
    await gh.start();
  });
  afterEach(() => gh.stop());

  const client = () => createGitHubClient({ token: 't', apiUrl: gh.url, sleep: async () => {} });
  const upsert = (report: Report, meta: CommentMeta, headCheck?: () => Promise<string>) =>
    upsertStickyComment(client(), {
      repo,
      issueNumber: 7,
      configPath: 'energy-budget.yml',
      body: withCommentMeta(renderMarkdown(report, { marker: 'energy-budget.yml' }), meta),
      policy: 'always',
      report,
      headSha: meta.head,
      headCheck,
    });

  it.each([
    ['the later run starts first', true],
    ['the earlier run starts first', false],
  ])('two runs whose look-ups overlap end with one comment, the later run’s (%s)', async (_, laterFirst) => {
    gh.listBarrier = 2;
    const early = { head: OLD, base: BASE, runId: 100, runAttempt: 1 };
    const late = { head: NEW, base: BASE, runId: 101, runAttempt: 1 };
    const jobs = laterFirst
      ? [upsert(passReport(), late), upsert(failReport(), early)]
      : [upsert(failReport(), early), upsert(passReport(), late)];
    const results = await Promise.all(jobs);
    // Both created (the overlap happened), then converged on one.
    expect(results.map((r) => r.action).filter((a) => a === 'create').length).toBeGreaterThanOrEqual(1);
    expect(gh.requests.filter((r) => r.method === 'POST').length).toBe(2);
    const left = ours(gh);
    expect(left).toHaveLength(1);
    expect(readCommentMeta(left[0].body)).toMatchObject({ head: NEW, runId: 101 });
    expect(left[0].body).toContain('within budget');
    // The survivor is the oldest comment (the lower id) whichever run created it.
    const created = gh.requests.filter((r) => r.method === 'POST').length;
    expect(created).toBe(2);
  });

  it('a stale run (older head) leaves the newer head’s comment untouched', async () => {
    setHead(gh, NEW);
    const fresh = await upsert(passReport(), { head: NEW, base: BASE, runId: 201, runAttempt: 1 }, async () => NEW);
    expect(fresh.action).toBe('create');
    const before = ours(gh)[0].body;
    const stale = await upsert(failReport(), { head: OLD, base: BASE, runId: 200, runAttempt: 1 }, async () => NEW);
    expect(stale).toMatchObject({ action: 'superseded', supersededBy: NEW });
    expect(stale.reason).toContain(`superseded by ${NEW}`);
    expect(ours(gh)).toHaveLength(1);
    expect(ours(gh)[0].body).toBe(before);
    expect(gh.requests.filter((r) => r.method === 'PATCH' || r.method === 'DELETE')).toHaveLength(0);
  });

  it('for the same head, an earlier run never overwrites a later run’s comment; a re-run attempt does', async () => {
    await upsert(passReport(), { head: NEW, base: BASE, runId: 301, runAttempt: 1 });
    const older = await upsert(failReport(), { head: NEW, base: BASE, runId: 300, runAttempt: 3 });
    expect(older.action).toBe('skip');
    expect(older.reason).toContain('later run (301, attempt 1)');
    expect(ours(gh)[0].body).toContain('within budget');
    const rerun = await upsert(failReport(), { head: NEW, base: BASE, runId: 301, runAttempt: 2 });
    expect(rerun.action).toBe('update');
    expect(ours(gh)[0].body).toContain('over budget');
  });

  it('a duplicate already deleted by the other run (404) is fine', async () => {
    gh.listBarrier = 2;
    gh.faults.push({ method: 'DELETE', path: /\/issues\/comments\/\d+$/, status: 404, times: 5 });
    const results = await Promise.all([
      upsert(passReport(), { head: NEW, base: BASE, runId: 5, runAttempt: 1 }),
      upsert(passReport(), { head: NEW, base: BASE, runId: 6, runAttempt: 1 }),
    ]);
    expect(results.every((r) => r.action !== 'superseded')).toBe(true);
  });
});

class FakeIO implements ActionIO {
  inputs: Record<string, string> = { 'github-token': 'ghs_token' };
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
    this.log.push(m);
  }
  warning(m: string) {
    this.log.push(`warning: ${m}`);
  }
  setFailed(m: string) {
    this.failed = m;
  }
}

describe('racing runs of the action', () => {
  let gh: FakeGitHub;
  let dirs: string[];
  beforeEach(async () => {
    gh = new FakeGitHub();
    await gh.start();
    dirs = [];
  });
  afterEach(async () => {
    await gh.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  const engine =
    (report: Report): RunEnergyBudget =>
    async (options) => {
      writeFileSync(options.jsonPath!, JSON.stringify(report));
      return { report, exitCode: report.verdict === 'fail' ? 1 : 0, files: { json: options.jsonPath } };
    };

  /** One run of the action for head `sha` in run `runId`, in its own workspace. */
  function action(sha: string, runId: number, report: Report, setup?: (dir: string, io: FakeIO) => void) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'eb-race-'));
    dirs.push(dir);
    writeFileSync(
      path.join(dir, 'event.json'),
      JSON.stringify({
        pull_request: {
          number: 7,
          base: { sha: BASE, ref: 'main', repo: { full_name: 'octo/models' } },
          head: { sha, ref: 'feature', repo: { full_name: 'octo/models' } },
        },
      }),
    );
    const io = new FakeIO();
    const env = {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: path.join(dir, 'event.json'),
      GITHUB_REPOSITORY: 'octo/models',
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_WORKSPACE: dir,
      GITHUB_RUN_ID: String(runId),
      GITHUB_RUN_ATTEMPT: '1',
    };
    setup?.(dir, io);
    return { io, done: run({ env, io, runEnergyBudget: engine(report), client: { sleep: async () => {} } }) };
  }

  it('two runs for the same head with overlapping look-ups: one comment, both exit 0', async () => {
    setHead(gh, NEW);
    gh.listBarrier = 2;
    const a = action(NEW, 400, passReport());
    const b = action(NEW, 401, passReport());
    expect(await Promise.all([a.done, b.done])).toEqual([0, 0]);
    expect(ours(gh)).toHaveLength(1);
    const body = ours(gh)[0].body;
    expect(readCommentMeta(body)).toEqual({ head: NEW, base: BASE, runId: 401, runAttempt: 1 });
    // One line under the headline names head, base and run, linked.
    expect(body).toContain(
      `Measured [\`2222222\`](https://github.com/octo/models/commit/${NEW}) against base [\`bbbbbbb\`](https://github.com/octo/models/commit/${BASE}) · [run 401](https://github.com/octo/models/actions/runs/401)`,
    );
  });

  it('a stale run finishing last leaves the newer head’s comment, says so, and still exits with its own verdict', async () => {
    setHead(gh, NEW);
    const fresh = action(NEW, 501, passReport());
    expect(await fresh.done).toBe(0);
    const before = ours(gh)[0].body;
    const stale = action(OLD, 500, passReport());
    expect(await stale.done).toBe(0);
    expect(ours(gh)).toHaveLength(1);
    expect(ours(gh)[0].body).toBe(before);
    expect(stale.io.log.join('\n')).toContain(`Superseded by ${NEW}`);
    expect(stale.io.summaries.join('\n')).toContain(`Superseded by ${NEW}`);
    expect(stale.io.outputs.verdict).toBe('pass');
    // A stale run that fails its budget still fails its own check.
    const staleFail = action(OLD, 499, failReport());
    expect(await staleFail.done).toBe(1);
    expect(ours(gh)[0].body).toBe(before);
  });

  it('comment mode with one shard of two: the comment says incomplete and names the missing shard and model', async () => {
    setHead(gh, NEW);
    const r = passReport();
    const s1: Report = {
      ...r,
      models: [r.models[0]],
      shard: { index: 1, count: 2 },
      commit: NEW,
      modelsDigest: 'sha256:1',
      configModels: [r.models[0].name, 'gamma'],
    };
    const a = action(NEW, 600, passReport(), (dir, io) => {
      writeFileSync(path.join(dir, 's1.json'), JSON.stringify(s1));
      io.inputs.mode = 'comment';
      io.inputs['report-json'] = 's1.json';
    });
    expect(await a.done).toBe(0);
    expect(a.io.outputs.verdict).toBe('incomplete');
    const body = ours(gh)[0].body;
    expect(body).toContain('incomplete');
    expect(body).toContain('no report from shard `2/2`');
    expect(body).toContain('gamma');
    expect(a.io.log.join('\n')).toContain('The merged report is incomplete');
  });
});
