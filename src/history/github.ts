/**
 * The history store on a data branch of the user's repository, read and written through
 * GitHub's Git database REST API (refs, commits, trees, blobs): no checkout, no `git push`.
 *
 * Writing is optimistic: read the branch head, append the record to the file, make a blob, a
 * tree on the head's tree and a commit whose parent is the head, then move the ref without
 * force. When another run moved the ref first, GitHub answers 422 (not a fast-forward, or the
 * ref already exists for a new branch); the whole read-append-commit is then redone on the new
 * head, so racing runs all land. https://docs.github.com/en/rest/git/refs#update-a-reference
 */
import { apiStatus, type GitHubClient } from '../github/client.js';
import type { RepoRef } from '../github/context.js';
import { parseHistory, serializeHistory, appendRecord, type ParsedHistory } from './store.js';
import type { HistoryRecord } from './record.js';

interface BranchFile {
  /** The branch head commit, or null when the branch does not exist yet. */
  head: string | null;
  /** The head commit's tree. */
  tree: string | null;
  /** The file's text, '' when absent. */
  text: string;
}

async function readBranchFile(client: GitHubClient, repo: RepoRef, branch: string, file: string): Promise<BranchFile> {
  let head: string;
  try {
    const ref = await client.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
    head = ref.data.object.sha;
  } catch (error) {
    if (apiStatus(error) === 404) return { head: null, tree: null, text: '' };
    throw error;
  }
  const commit = await client.rest.git.getCommit({ ...repo, commit_sha: head });
  const tree = commit.data.tree.sha;
  const listing = await client.rest.git.getTree({ ...repo, tree_sha: tree, recursive: 'true' });
  const entry = listing.data.tree.find((e) => e.path === file && e.type === 'blob');
  if (!entry?.sha) return { head, tree, text: '' };
  const blob = await client.rest.git.getBlob({ ...repo, file_sha: entry.sha });
  const text =
    blob.data.encoding === 'base64' ? Buffer.from(blob.data.content, 'base64').toString('utf8') : String(blob.data.content);
  return { head, tree, text };
}

/** Reads the history file from the data branch; an absent branch or file is an empty history. */
export async function readGitHubHistory(
  client: GitHubClient,
  repo: RepoRef,
  branch: string,
  file: string,
): Promise<ParsedHistory> {
  const { text } = await readBranchFile(client, repo, branch, file);
  return parseHistory(text);
}

export interface WriteOptions {
  /** Runs kept in the file. */
  limit: number;
  /** Attempts before giving up when other runs keep moving the ref. @default 8 */
  maxAttempts?: number;
  /** Waits between attempts (injected so tests never sleep). @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1). @default Math.random */
  random?: () => number;
  /** Told about each retry. */
  onRetry?: (message: string) => void;
}

export interface WriteResult {
  /** The new branch head. */
  commit: string;
  /** Records in the file after the write. */
  records: number;
  /** Attempts it took (1 when nobody raced). */
  attempts: number;
  /** Whether this write created the branch. */
  created: boolean;
}

/**
 * Appends `record` to `file` on `branch`, creating the branch when it does not exist.
 * @throws the API error for anything but a lost race (403 read-only tokens included), or an
 *   Error after `maxAttempts` lost races.
 */
export async function appendGitHubHistory(
  client: GitHubClient,
  repo: RepoRef,
  branch: string,
  file: string,
  record: HistoryRecord,
  options: WriteOptions,
): Promise<WriteResult> {
  const maxAttempts = options.maxAttempts ?? 8;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    const current = await readBranchFile(client, repo, branch, file);
    const records = appendRecord(parseHistory(current.text).records, record, options.limit);
    const blob = await client.rest.git.createBlob({ ...repo, content: serializeHistory(records), encoding: 'utf-8' });
    const tree = await client.rest.git.createTree({
      ...repo,
      ...(current.tree ? { base_tree: current.tree } : {}),
      tree: [{ path: file, mode: '100644', type: 'blob', sha: blob.data.sha }],
    });
    const commit = await client.rest.git.createCommit({
      ...repo,
      message: `energy-budget: ${record.ref}@${record.sha.slice(0, 12)}${record.runId ? ` (run ${record.runId})` : ''}`,
      tree: tree.data.sha,
      parents: current.head ? [current.head] : [],
    });
    try {
      if (current.head) {
        await client.rest.git.updateRef({ ...repo, ref: `heads/${branch}`, sha: commit.data.sha, force: false });
      } else {
        await client.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: commit.data.sha });
      }
      return { commit: commit.data.sha, records: records.length, attempts: attempt, created: !current.head };
    } catch (error) {
      // 422: another run moved the ref (or created the branch) since we read it.
      if (apiStatus(error) !== 422) throw error;
      if (attempt >= maxAttempts)
        throw new Error(`the branch ${branch} kept moving: ${maxAttempts} attempts to append the run lost the race`, {
          cause: error,
        });
      const wait = Math.round((100 + 400 * random()) * attempt);
      options.onRetry?.(`The branch ${branch} moved while this run was appended (attempt ${attempt}); retrying on the new head.`);
      await sleep(wait);
    }
  }
}
