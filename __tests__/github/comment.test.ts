import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { classifyApiError, createGitHubClient, retryDelayMs } from '../../src/github/client.js';
import { decideComment, reportShowsChange, upsertStickyComment } from '../../src/github/comment.js';
import { findPullRequestForSha } from '../../src/github/pulls.js';
import { commentMarker } from '../../src/report/escape.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { failReport, passReport } from './fixtures/reports.js';
import { FakeGitHub } from './fake-github.js';

const repo = { owner: 'octo', repo: 'models' };
const TOKEN = 'ghs_testtoken0123456789';

describe('sticky comment against a loopback GitHub', () => {
  let gh: FakeGitHub;
  let sleeps: number[];
  let retries: string[];
  const client = () =>
    createGitHubClient({
      token: TOKEN,
      apiUrl: gh.url,
      sleep: async (ms) => void sleeps.push(ms),
      now: () => 1_700_000_000_000,
      onRetry: (m) => retries.push(m),
    });

  beforeEach(async () => {
    gh = new FakeGitHub();
    sleeps = [];
    retries = [];
    await gh.start();
  });
  afterEach(() => gh.stop());

  function upsert(
    body: string,
    policy: 'always' | 'on-change' | 'on-regression' | 'never' = 'always',
    report = failReport(),
    configPath = 'energy-budget.yml',
  ) {
    return upsertStickyComment(client(), { repo, issueNumber: 7, configPath, body, policy, report });
  }

  it('creates once, then updates the same comment found behind 250 others', async () => {
    gh.seedComments(7, 250);
    const body1 = renderMarkdown(failReport(), { marker: 'energy-budget.yml' });
    const first = await upsert(body1);
    expect(first.action).toBe('create');
    gh.seedComments(7, 30);
    const body2 = renderMarkdown(passReport(), { marker: 'energy-budget.yml' });
    const second = await upsert(body2);
    expect(second).toMatchObject({ action: 'update', id: first.id, url: expect.stringContaining(`issuecomment-${first.id}`) });
    const ours = gh.comments.get(7)!.filter((c) => c.body.startsWith('<!-- energy-budget:'));
    expect(ours).toHaveLength(1);
    expect(ours[0].body).toBe(body2);
    // Three pages of 100 were read: to find, after creating (to converge), and the second time.
    const lists = gh.requests.filter((r) => r.method === 'GET' && r.url.includes('/issues/7/comments'));
    expect(lists.map((r) => new URL(r.url, gh.url).searchParams.get('page') ?? '1')).toEqual([
      '1',
      '2',
      '3',
      '1',
      '2',
      '3',
      '1',
      '2',
      '3',
    ]);
    expect(lists.every((r) => r.url.includes('per_page=100'))).toBe(true);
    expect(gh.requests.every((r) => r.authorization === `token ${TOKEN}`)).toBe(true);
  });

  it('keeps one comment per budget file', async () => {
    await upsert(renderMarkdown(failReport(), { marker: 'a.yml' }), 'always', failReport(), 'a.yml');
    await upsert(renderMarkdown(failReport(), { marker: 'b.yml' }), 'always', failReport(), 'b.yml');
    await upsert(renderMarkdown(passReport(), { marker: 'a.yml' }), 'always', passReport(), 'a.yml');
    const list = gh.comments.get(7)!;
    expect(list).toHaveLength(2);
    expect(list[0].body.startsWith(commentMarker('a.yml'))).toBe(true);
    expect(list[0].body).toContain('within budget');
  });

  it('ignores a marker planted by a person, and deletes duplicates of ours', async () => {
    const body = renderMarkdown(failReport(), { marker: 'energy-budget.yml' });
    gh.seedComments(7, 1, () => ({
      body: `${commentMarker('energy-budget.yml')}\nplanted`,
      user: { login: 'mallory', type: 'User' },
    }));
    gh.seedComments(7, 2, () => ({
      body: `${commentMarker('energy-budget.yml')}\nold`,
      user: { login: 'github-actions[bot]', type: 'Bot' },
    }));
    const result = await upsert(body);
    expect(result).toMatchObject({ action: 'update', deleted: 1 });
    const list = gh.comments.get(7)!;
    expect(list.map((c) => c.user.login)).toEqual(['mallory', 'github-actions[bot]']);
    expect(list[0].body).toContain('planted');
    expect(list[1].body).toBe(body);
  });

  it("leaves another app's marker comment alone: only github-actions[bot] counts by default (#26 item 12)", async () => {
    const body = renderMarkdown(failReport(), { marker: 'energy-budget.yml' });
    gh.seedComments(7, 1, () => ({
      body: `${commentMarker('energy-budget.yml')}\nanother app`,
      user: { login: 'other-app[bot]', type: 'Bot' },
    }));
    gh.seedComments(7, 1, () => ({
      body: `${commentMarker('energy-budget.yml')}\nold`,
      user: { login: 'github-actions[bot]', type: 'Bot' },
    }));
    const result = await upsert(body);
    expect(result).toMatchObject({ action: 'update', deleted: 0 });
    const list = gh.comments.get(7)!;
    expect(list.map((c) => [c.user.login, c.body.split('\n')[1]])).toEqual([
      ['other-app[bot]', 'another app'],
      ['github-actions[bot]', body.split('\n')[1]],
    ]);
  });

  it('skips an identical update and follows the policies', async () => {
    const body = renderMarkdown(passReport(), { marker: 'energy-budget.yml' });
    expect((await upsert(body, 'on-regression', passReport())).action).toBe('skip');
    expect((await upsert(body, 'on-change', passReport())).action).toBe('skip');
    expect((await upsert(body, 'never', failReport())).action).toBe('skip');
    expect(gh.requests).toHaveLength(2);
    expect((await upsert(body, 'always', passReport())).action).toBe('create');
    expect((await upsert(body, 'always', passReport())).action).toBe('skip');
  });

  it('retries a 5xx and a rate limit, waiting as the headers say', async () => {
    gh.faults.push({ method: 'GET', path: /comments$/, status: 502 });
    gh.faults.push({
      method: 'POST',
      path: /comments$/,
      status: 403,
      headers: { 'retry-after': '3' },
      body: { message: 'You have exceeded a secondary rate limit' },
    });
    gh.faults.push({
      method: 'POST',
      path: /comments$/,
      status: 429,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(1_700_000_000 + 20) },
    });
    const result = await upsert(renderMarkdown(failReport(), { marker: 'energy-budget.yml' }));
    expect(result.action).toBe('create');
    expect(sleeps).toEqual([1000, 3000, 21000]);
    expect(retries).toHaveLength(3);
    expect(retries.join('\n')).not.toContain(TOKEN);
  });

  it('gives up after the retries and on a rate limit that resets too late', async () => {
    gh.faults.push({ method: 'GET', path: /comments$/, status: 500, times: 10 });
    await expect(upsert(renderMarkdown(failReport(), { marker: 'energy-budget.yml' }))).rejects.toMatchObject({ status: 500 });
    expect(sleeps).toEqual([1000, 2000, 4000, 8000]);
    sleeps = [];
    gh.faults.length = 0;
    gh.faults.push({
      method: 'GET',
      path: /comments$/,
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(1_700_000_000 + 3600) },
    });
    await expect(upsert(renderMarkdown(failReport(), { marker: 'energy-budget.yml' }))).rejects.toMatchObject({ status: 403 });
    expect(sleeps).toEqual([]);
  });

  it('reports a read-only token (fork) as read-only, without retrying', async () => {
    gh.readOnly = true;
    const error = await upsert(renderMarkdown(failReport(), { marker: 'energy-budget.yml' })).catch((e: unknown) => e);
    expect(classifyApiError(error)).toBe('read-only');
    expect(sleeps).toEqual([]);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
    expect(String((error as Error).stack)).not.toContain(TOKEN);
  });

  it('finds the PR of a head SHA, also when the commit lives only in a fork', async () => {
    const sha = 'a'.repeat(40);
    const forkSha = 'b'.repeat(40);
    gh.pulls.push(
      {
        number: 5,
        state: 'open',
        head: { sha, ref: 'feature', repo: { full_name: 'octo/models' } },
        base: { repo: { full_name: 'octo/models' } },
      },
      {
        number: 9,
        state: 'open',
        head: { sha: forkSha, ref: 'main', repo: { full_name: 'mallory/models' } },
        base: { repo: { full_name: 'octo/models' } },
      },
      {
        number: 10,
        state: 'open',
        head: { sha: 'c'.repeat(40), ref: 'main', repo: { full_name: 'eve/models' } },
        base: { repo: { full_name: 'octo/models' } },
      },
    );
    gh.commitPulls.set(sha, [5]);
    expect(await findPullRequestForSha(client(), repo, sha)).toBe(5);
    expect(await findPullRequestForSha(client(), repo, forkSha, { repo: 'mallory/models', branch: 'main' })).toBe(9);
    // The branch exists but its head moved on: no match rather than the wrong PR.
    expect(await findPullRequestForSha(client(), repo, 'd'.repeat(40), { repo: 'eve/models', branch: 'main' })).toBeNull();
    expect(await findPullRequestForSha(client(), repo, 'not-a-sha')).toBeNull();
  });
});

describe('comment policy', () => {
  const body = 'x';
  it.each([
    ['always', 'pass', false, 'create'],
    ['on-change', 'pass', false, 'skip'],
    ['on-change', 'fail', false, 'create'],
    ['on-regression', 'pass', false, 'skip'],
    ['on-regression', 'fail', false, 'create'],
    ['never', 'fail', false, 'skip'],
    ['on-regression', 'pass', true, 'update'],
    ['on-change', 'pass', true, 'update'],
    ['never', 'fail', true, 'skip'],
  ] as const)('%s, verdict %s, existing %s → %s', (policy, verdict, existing, action) => {
    const report = verdict === 'pass' ? passReport() : failReport();
    expect(decideComment(policy, report, existing ? { id: 1, body: 'old', url: 'u' } : undefined, body).action).toBe(action);
  });

  it('counts a size change or a significant measured change as a change', () => {
    const r = passReport();
    expect(reportShowsChange(r)).toBe(false);
    r.models[0].budgets[0].value += 1;
    expect(reportShowsChange(r)).toBe(true);
    const s = passReport();
    s.models[0].budgets[4].changeCi95 = [0.01, 0.04];
    expect(reportShowsChange(s)).toBe(true);
  });
});

describe('retry delays', () => {
  const opts = { now: 1_000_000, initialBackoffMs: 1000, maxWaitMs: 60_000 };
  it.each([
    [{ status: 500 }, 0, 1000],
    [{ status: 503 }, 2, 4000],
    [{ status: 0 }, 0, 1000],
    [{ status: 503, response: { headers: { 'retry-after': '2' } } }, 0, 2000],
    [{ status: 404 }, 0, undefined],
    [{ status: 422 }, 0, undefined],
    [{ status: 403, message: 'Resource not accessible by integration' }, 0, undefined],
    [{ status: 429, response: { headers: { 'retry-after': '7' } } }, 0, 7000],
    [{ status: 403, response: { headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1030' } } }, 0, 31000],
    [{ status: 403, message: 'You have exceeded a secondary rate limit' }, 0, 60000],
    [{ status: 429, response: { headers: { 'retry-after': '600' } } }, 0, undefined],
  ])('%j attempt %d → %s ms', (error, attempt, expected) => {
    expect(retryDelayMs(error, attempt, opts)).toBe(expected);
  });
});
