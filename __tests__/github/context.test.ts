import { describe, expect, it } from '@jest/globals';
import { readGitHubContext } from '../../src/github/context.js';

function payloadReader(payload: unknown) {
  return () => JSON.stringify(payload);
}

const prPayload = (headRepo: string | null) => ({
  action: 'synchronize',
  pull_request: {
    number: 42,
    base: { sha: 'b'.repeat(40), ref: 'main', repo: { full_name: 'octo/models' } },
    head: { sha: 'h'.repeat(40), ref: 'feature', repo: headRepo ? { full_name: headRepo } : null },
  },
  repository: { full_name: 'octo/models', name: 'models', owner: { login: 'octo' } },
});

describe('readGitHubContext', () => {
  it('reads a pull_request event', () => {
    const ctx = readGitHubContext(
      {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: '/e.json',
        GITHUB_REPOSITORY: 'octo/models',
        GITHUB_API_URL: 'http://127.0.0.1:1/',
        GITHUB_SHA: 'm'.repeat(40),
        GITHUB_WORKSPACE: '/ws',
      },
      { readFile: payloadReader(prPayload('octo/models')) },
    );
    expect(ctx).toMatchObject({
      eventName: 'pull_request',
      repo: { owner: 'octo', repo: 'models' },
      apiUrl: 'http://127.0.0.1:1',
      workspace: '/ws',
      pullRequest: { number: 42, baseSha: 'b'.repeat(40), headSha: 'h'.repeat(40), isFork: false, baseRef: 'main' },
      workflowRun: null,
      warnings: [],
    });
  });

  it('detects a fork, and a deleted fork', () => {
    expect(
      readGitHubContext({ GITHUB_EVENT_PATH: 'x' }, { readFile: payloadReader(prPayload('mallory/models')) }).pullRequest?.isFork,
    ).toBe(true);
    expect(readGitHubContext({ GITHUB_EVENT_PATH: 'x' }, { readFile: payloadReader(prPayload(null)) }).pullRequest?.isFork).toBe(
      true,
    );
  });

  it('reads a workflow_run event', () => {
    const ctx = readGitHubContext(
      { GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: 'x' },
      {
        readFile: payloadReader({
          workflow_run: {
            id: 9,
            head_sha: 'a'.repeat(40),
            head_branch: 'main',
            event: 'pull_request',
            conclusion: 'failure',
            head_repository: { full_name: 'mallory/models' },
          },
          repository: { full_name: 'octo/models' },
        }),
      },
    );
    expect(ctx.repo).toEqual({ owner: 'octo', repo: 'models' });
    expect(ctx.workflowRun).toEqual({
      id: 9,
      headSha: 'a'.repeat(40),
      headBranch: 'main',
      headRepo: 'mallory/models',
      event: 'pull_request',
      conclusion: 'failure',
      runAttempt: 1,
    });
  });

  it('defaults outside Actions and warns on an unreadable payload', () => {
    const ctx = readGitHubContext(
      { GITHUB_EVENT_PATH: '/nope.json' },
      {
        readFile: () => {
          throw new Error('ENOENT');
        },
        cwd: '/here',
      },
    );
    expect(ctx).toMatchObject({ repo: null, apiUrl: 'https://api.github.com', workspace: '/here', pullRequest: null });
    expect(ctx.warnings[0]).toContain('ENOENT');
  });
});
