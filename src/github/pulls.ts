/**
 * Finding the pull request of a commit, for the `workflow_run` (comment) mode. The report
 * artifact comes from a fork's code and is untrusted, so the PR number is never taken from
 * it: it is looked up from the head SHA that GitHub puts in the `workflow_run` event.
 */
import { apiStatus, type GitHubClient } from './client.js';
import type { RepoRef } from './context.js';

interface ApiPull {
  number: number;
  state?: string;
  head?: { sha?: string; ref?: string; repo?: { full_name?: string } | null };
  base?: { repo?: { full_name?: string } | null };
}

/**
 * The number of the open pull request into `repo` whose head is `headSha`, or null.
 * First `GET /repos/{owner}/{repo}/commits/{sha}/pulls`; because that endpoint does not list
 * PRs whose head commit lives only in a fork, then the open PRs filtered by the head
 * `owner:branch` when the event names them. Every candidate must have exactly `headSha` as
 * its head, so a stale or spoofed branch never matches.
 */
export async function findPullRequestForSha(
  client: GitHubClient,
  repo: RepoRef,
  headSha: string,
  head?: { repo?: string; branch?: string },
): Promise<number | null> {
  if (!/^[0-9a-f]{40}$/i.test(headSha)) return null;
  const target = `${repo.owner}/${repo.repo}`.toLowerCase();
  const matches = (p: ApiPull) =>
    p.head?.sha?.toLowerCase() === headSha.toLowerCase() &&
    (p.state === undefined || p.state === 'open') &&
    (p.base?.repo?.full_name === undefined || p.base.repo.full_name.toLowerCase() === target);
  try {
    const res = await client.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', {
      ...repo,
      commit_sha: headSha,
      per_page: 100,
    });
    const listed: readonly ApiPull[] = res.data;
    const found = listed.find(matches);
    if (found) return found.number;
  } catch (error) {
    // 422 "No commit found for SHA" when the commit only exists in the fork: try the list below.
    const status = apiStatus(error);
    if (status !== 422 && status !== 404) throw error;
  }
  if (head?.repo && head.branch) {
    const owner = head.repo.split('/')[0];
    const pulls = await client.paginate(client.rest.pulls.list, {
      ...repo,
      state: 'open',
      head: `${owner}:${head.branch}`,
      per_page: 100,
    });
    const open: readonly ApiPull[] = pulls;
    const found = open.find(matches);
    if (found) return found.number;
  }
  return null;
}

/**
 * The current head SHA of pull request `number` (`GET /repos/{owner}/{repo}/pulls/{n}`),
 * lower case; '' when the answer has none. API errors propagate.
 */
export async function currentPullHead(client: GitHubClient, repo: RepoRef, number: number): Promise<string> {
  const res = await client.rest.pulls.get({ ...repo, pull_number: number });
  const pull: ApiPull = res.data;
  return (pull.head?.sha ?? '').toLowerCase();
}
