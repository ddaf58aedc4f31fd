/**
 * A loopback server (127.0.0.1:0) that speaks the GitHub REST endpoints the action uses:
 * issue comments (list with `Link` pagination, create, update, delete), the PRs of a commit
 * and the PR list. Faults are queued per route: a 5xx, a rate limit, or a 403 for every write
 * (a fork's read-only token).
 */
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

export class FakeGitHub {
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
