/**
 * A loopback server (127.0.0.1:0) that speaks the GitHub REST endpoints the action uses:
 * issue comments (list with `Link` pagination, create, update, delete), the PRs of a commit
 * and the PR list, and the Git database (refs, commits, trees, blobs) that the history store
 * writes through. Faults are queued per route: a 5xx, a rate limit, or a 403 for every write
 * (a fork's read-only token).
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
  html_url: string;
}

export interface FakePull {
  number: number;
  state: 'open' | 'closed';
  head: { sha: string; ref: string; repo: { full_name: string } };
  base: { repo: { full_name: string } };
}

export interface Fault {
  method: string;
  /** Matches the request path (no query). */
  path: RegExp;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** How many requests it answers before it is used up. @default 1 */
  times?: number;
}

export interface RecordedRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string;
}

/** A commit of the fake Git database; trees are stored flat (full path → blob SHA). */
export interface FakeCommit {
  tree: string;
  parents: string[];
  message: string;
}

export class FakeGitHub {
  /** Git database: blobs (SHA → bytes), trees (SHA → path → blob SHA), commits, refs (`heads/x` → SHA). */
  readonly blobs = new Map<string, Buffer>();
  readonly trees = new Map<string, Map<string, string>>();
  readonly commits = new Map<string, FakeCommit>();
  readonly refs = new Map<string, string>();
  /**
   * Hold ref updates and creations until this many are waiting, then answer them in arrival
   * order: every writer has read the same head, so all but one lose the race (422).
   */
  refBarrier = 0;
  private heldRefWrites: Array<() => void> = [];
  private objectCount = 0;
  readonly comments = new Map<number, FakeComment[]>();
  readonly pulls: FakePull[] = [];
  /** Pull requests listed by `commits/{sha}/pulls`, by SHA (forks' commits are absent). */
  readonly commitPulls = new Map<string, number[]>();
  readonly requests: RecordedRequest[] = [];
  readonly faults: Fault[] = [];
  /** Every write answers 403 "Resource not accessible by integration". */
  readOnly = false;
  /**
   * Forces overlap: the first `listBarrier` requests that list comments are held until that
   * many have arrived, then answered together (two runs finishing at the same moment).
   */
  listBarrier = 0;
  private held: Array<() => void> = [];
  /** Who the token posts as. */
  actor: FakeComment['user'] = { login: 'github-actions[bot]', type: 'Bot' };
  private nextId = 1000;
  private server?: http.Server;
  url = '';

  /** Adds `count` comments by other people to issue `n`. */
  seedComments(n: number, count: number, make?: (i: number) => Partial<FakeComment>): void {
    const list = this.comments.get(n) ?? [];
    for (let i = 0; i < count; i++) {
      const id = this.nextId++;
      list.push({
        id,
        body: `comment ${i}`,
        user: { login: `user${i % 7}`, type: 'User' },
        html_url: `https://github.example/c/${id}`,
        ...make?.(i),
      });
    }
    this.comments.set(n, list);
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => this.handle(req, res, body));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections?.();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private send(res: http.ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(status === 204 ? undefined : JSON.stringify(data));
  }

  private sha(kind: string, content: string): string {
    return createHash('sha1').update(`${kind} ${++this.objectCount} ${content}`).digest('hex');
  }

  /** The text of `file` at branch `branch`, or undefined. */
  fileAt(branch: string, file: string): string | undefined {
    const head = this.refs.get(`heads/${branch}`);
    const blob = head ? this.trees.get(this.commits.get(head)!.tree)?.get(file) : undefined;
    return blob ? this.blobs.get(blob)!.toString('utf8') : undefined;
  }

  private isAncestor(ancestor: string, sha: string): boolean {
    const seen = new Set<string>();
    const todo = [sha];
    while (todo.length) {
      const s = todo.pop()!;
      if (s === ancestor) return true;
      if (seen.has(s)) continue;
      seen.add(s);
      todo.push(...(this.commits.get(s)?.parents ?? []));
    }
    return false;
  }

  private writeRef(res: http.ServerResponse, name: string, sha: string, create: boolean, force: boolean): void {
    if (!this.commits.has(sha)) return this.send(res, 422, { message: 'Object does not exist' });
    const current = this.refs.get(name);
    if (create && current) return this.send(res, 422, { message: 'Reference already exists' });
    if (!create && !current) return this.send(res, 422, { message: 'Reference does not exist' });
    if (!create && !force && !this.isAncestor(current!, sha))
      return this.send(res, 422, { message: 'Update is not a fast forward' });
    this.refs.set(name, sha);
    return this.send(res, create ? 201 : 200, { ref: `refs/${name}`, object: { sha, type: 'commit' } });
  }

  private holdRefWrite(write: () => void): void {
    if (this.refBarrier <= 0) return write();
    this.heldRefWrites.push(write);
    if (this.heldRefWrites.length < this.refBarrier) return;
    this.refBarrier = 0;
    const held = this.heldRefWrites;
    this.heldRefWrites = [];
    for (const w of held) w();
  }

  /** The Git database endpoints; false when the path is not one of them. */
  private handleGit(method: string, pathname: string, res: http.ServerResponse, json: () => Record<string, unknown>): boolean {
    const m = /^\/repos\/[^/]+\/[^/]+\/git\/(.+)$/.exec(pathname);
    if (!m) return false;
    const rest = m[1];
    let x: RegExpExecArray | null;
    if ((x = /^ref\/(.+)$/.exec(rest)) && method === 'GET') {
      const sha = this.refs.get(decodeURIComponent(x[1]));
      if (!sha) this.send(res, 404, { message: 'Not Found' });
      else this.send(res, 200, { ref: `refs/${decodeURIComponent(x[1])}`, object: { sha, type: 'commit' } });
      return true;
    }
    if ((x = /^refs\/(.+)$/.exec(rest)) && method === 'PATCH') {
      const name = decodeURIComponent(x[1]);
      const b = json();
      this.holdRefWrite(() => this.writeRef(res, name, String(b.sha), false, b.force === true));
      return true;
    }
    if (rest === 'refs' && method === 'POST') {
      const b = json();
      const name = String(b.ref).replace(/^refs\//, '');
      this.holdRefWrite(() => this.writeRef(res, name, String(b.sha), true, false));
      return true;
    }
    if (rest === 'blobs' && method === 'POST') {
      const b = json();
      const data = Buffer.from(String(b.content), b.encoding === 'base64' ? 'base64' : 'utf8');
      const sha = this.sha('blob', data.toString('base64'));
      this.blobs.set(sha, data);
      this.send(res, 201, { sha, url: '' });
      return true;
    }
    if ((x = /^blobs\/([0-9a-f]+)$/.exec(rest)) && method === 'GET') {
      const data = this.blobs.get(x[1]);
      if (!data) this.send(res, 404, { message: 'Not Found' });
      else this.send(res, 200, { sha: x[1], size: data.length, encoding: 'base64', content: data.toString('base64') });
      return true;
    }
    if (rest === 'trees' && method === 'POST') {
      const b = json();
      const base = b.base_tree ? this.trees.get(String(b.base_tree)) : new Map<string, string>();
      if (!base) {
        this.send(res, 422, { message: 'Invalid tree info' });
        return true;
      }
      const tree = new Map(base);
      for (const e of b.tree as Array<{ path: string; sha: string }>) tree.set(e.path, e.sha);
      const sha = this.sha('tree', JSON.stringify([...tree]));
      this.trees.set(sha, tree);
      this.send(res, 201, { sha, tree: [...tree].map(([path, s]) => ({ path, sha: s, type: 'blob', mode: '100644' })) });
      return true;
    }
    if ((x = /^trees\/([0-9a-f]+)$/.exec(rest)) && method === 'GET') {
      const tree = this.trees.get(x[1]);
      if (!tree) this.send(res, 404, { message: 'Not Found' });
      else
        this.send(res, 200, {
          sha: x[1],
          truncated: false,
          tree: [...tree].map(([path, s]) => ({ path, sha: s, type: 'blob', mode: '100644' })),
        });
      return true;
    }
    if (rest === 'commits' && method === 'POST') {
      const b = json();
      const commit: FakeCommit = { tree: String(b.tree), parents: (b.parents as string[]) ?? [], message: String(b.message) };
      if (!this.trees.has(commit.tree) || commit.parents.some((p) => !this.commits.has(p))) {
        this.send(res, 422, { message: 'Tree or parent SHA does not exist' });
        return true;
      }
      const sha = this.sha('commit', JSON.stringify(commit));
      this.commits.set(sha, commit);
      this.send(res, 201, {
        sha,
        tree: { sha: commit.tree },
        parents: commit.parents.map((p) => ({ sha: p })),
        message: commit.message,
      });
      return true;
    }
    if ((x = /^commits\/([0-9a-f]+)$/.exec(rest)) && method === 'GET') {
      const c = this.commits.get(x[1]);
      if (!c) this.send(res, 404, { message: 'Not Found' });
      else
        this.send(res, 200, {
          sha: x[1],
          tree: { sha: c.tree },
          parents: c.parents.map((p) => ({ sha: p })),
          message: c.message,
        });
      return true;
    }
    return false;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', this.url);
    if (this.listBarrier > 0 && method === 'GET' && /\/issues\/\d+\/comments$/.test(url.pathname)) {
      this.held.push(() => this.answer(req, res, body, method, url));
      if (this.held.length >= this.listBarrier) {
        this.listBarrier = 0;
        for (const go of this.held.splice(0)) go();
      }
      return;
    }
    this.answer(req, res, body, method, url);
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse, body: string, method: string, url: URL): void {
    this.requests.push({ method, url: url.pathname + url.search, authorization: req.headers.authorization, body });
    const fault = this.faults.find((f) => f.method === method && f.path.test(url.pathname) && (f.times ?? 1) > 0);
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      return this.send(res, fault.status, fault.body ?? { message: `fault ${fault.status}` }, fault.headers);
    }
    if (this.readOnly && method !== 'GET') {
      return this.send(res, 403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
        status: '403',
      });
    }
    const json = () => (body ? (JSON.parse(body) as Record<string, unknown>) : {});
    if (this.handleGit(method, url.pathname, res, json)) return;
    let m: RegExpExecArray | null;
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(url.pathname))) {
      const n = Number(m[1]);
      const list = this.comments.get(n) ?? [];
      if (method === 'GET') {
        const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
        const page = Number(url.searchParams.get('page') ?? 1);
        const last = Math.max(1, Math.ceil(list.length / perPage));
        const links: string[] = [];
        const link = (p: number) => {
          const u = new URL(url.toString());
          u.searchParams.set('page', String(p));
          return u.toString();
        };
        if (page < last) links.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`);
        if (page > 1) links.push(`<${link(1)}>; rel="first"`, `<${link(page - 1)}>; rel="prev"`);
        return this.send(
          res,
          200,
          list.slice((page - 1) * perPage, page * perPage),
          links.length ? { link: links.join(', ') } : {},
        );
      }
      if (method === 'POST') {
        const id = this.nextId++;
        const comment: FakeComment = {
          id,
          body: String(json().body),
          user: this.actor,
          html_url: `https://github.example/o/r/pull/${n}#issuecomment-${id}`,
        };
        list.push(comment);
        this.comments.set(n, list);
        return this.send(res, 201, comment);
      }
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(url.pathname))) {
      const id = Number(m[1]);
      for (const list of this.comments.values()) {
        const i = list.findIndex((c) => c.id === id);
        if (i < 0) continue;
        if (method === 'PATCH') {
          list[i] = { ...list[i], body: String(json().body) };
          return this.send(res, 200, list[i]);
        }
        if (method === 'DELETE') {
          list.splice(i, 1);
          return this.send(res, 204, null);
        }
      }
      return this.send(res, 404, { message: 'Not Found' });
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/commits\/([0-9a-f]+)\/pulls$/.exec(url.pathname)) && method === 'GET') {
      const numbers = this.commitPulls.get(m[1]);
      if (!numbers) return this.send(res, 422, { message: `No commit found for SHA: ${m[1]}` });
      return this.send(
        res,
        200,
        this.pulls.filter((p) => numbers.includes(p.number)),
      );
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)$/.exec(url.pathname)) && method === 'GET') {
      const pr = this.pulls.find((p) => p.number === Number(m![1]));
      return pr ? this.send(res, 200, pr) : this.send(res, 404, { message: 'Not Found' });
    }
    if (/^\/repos\/[^/]+\/[^/]+\/pulls$/.test(url.pathname) && method === 'GET') {
      const head = url.searchParams.get('head');
      const state = url.searchParams.get('state') ?? 'open';
      const list = this.pulls.filter(
        (p) =>
          (state === 'all' || p.state === state) && (!head || `${p.head.repo.full_name.split('/')[0]}:${p.head.ref}` === head),
      );
      return this.send(res, 200, list);
    }
    return this.send(res, 404, { message: 'Not Found', path: url.pathname });
  }
}
