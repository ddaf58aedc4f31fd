/**
 * The GitHub REST client: `@actions/github`'s Octokit pointed at GITHUB_API_URL (GitHub
 * Enterprise Server, or a loopback server in tests), with retries for server errors and rate
 * limits, and error classification for the fork (read-only token) case.
 *
 * Retry rules follow GitHub's REST guidance
 * (https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#handle-rate-limit-errors-appropriately):
 * a `retry-after` header gives the seconds to wait; otherwise with `x-ratelimit-remaining: 0`
 * wait until `x-ratelimit-reset` (epoch seconds); otherwise back off exponentially.
 */
import { getOctokit } from '@actions/github';

/** The Octokit type `@actions/github` returns. */
export type GitHubClient = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  token: string;
  /** GITHUB_API_URL. @default 'https://api.github.com' */
  apiUrl?: string;
  /** Waits (injected so tests never sleep). @default real setTimeout */
  sleep?: (ms: number) => Promise<void>;
  /** Wall clock, milliseconds since the epoch (for `x-ratelimit-reset`). @default Date.now */
  now?: () => number;
  /** Retries after the first attempt. @default 4 */
  maxRetries?: number;
  /** First backoff, doubled each retry, milliseconds. @default 1000 */
  initialBackoffMs?: number;
  /** Longest single wait; a rate limit that resets later than this is not waited for. @default 60000 */
  maxWaitMs?: number;
  /** Told about each retry (never given the token). */
  onRetry?: (message: string) => void;
}

/** What went wrong with an API call, in terms the action can act on. */
export type ApiErrorKind = 'read-only' | 'not-found' | 'rate-limited' | 'server' | 'unauthorized' | 'other';

interface HttpErrorLike {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

function asHttpError(error: unknown): HttpErrorLike {
  return error !== null && typeof error === 'object' ? error : {};
}

/** The HTTP status of an error the client threw, when it has one. */
export function apiStatus(error: unknown): number | undefined {
  return asHttpError(error).status;
}

function header(error: HttpErrorLike, name: string): string | undefined {
  const value = error.response?.headers?.[name];
  return value === undefined ? undefined : String(value);
}

/** Whether a 403/429 is a rate limit (primary or secondary) rather than a permission problem. */
function isRateLimit(error: HttpErrorLike): boolean {
  if (error.status === 429) return true;
  if (error.status !== 403) return false;
  return (
    header(error, 'retry-after') !== undefined ||
    header(error, 'x-ratelimit-remaining') === '0' ||
    /rate limit/i.test(error.message ?? '')
  );
}

/** Classifies an error thrown by the client. */
export function classifyApiError(error: unknown): ApiErrorKind {
  const e = asHttpError(error);
  if (isRateLimit(e)) return 'rate-limited';
  if (e.status === 401) return 'unauthorized';
  if (e.status === 403) return 'read-only';
  if (e.status === 404) return 'not-found';
  if (typeof e.status === 'number' && (e.status >= 500 || e.status === 0)) return 'server';
  return 'other';
}

/** One line describing an API error: status and GitHub's message, never headers or the token. */
export function describeApiError(error: unknown): string {
  const e = asHttpError(error);
  const message = (e.message ?? String(error)).split('\n')[0].slice(0, 300);
  return e.status ? `HTTP ${e.status}: ${message}` : message;
}

/** Milliseconds to wait before retrying `error`, or undefined when it should not be retried. */
export function retryDelayMs(
  error: unknown,
  attempt: number,
  opts: { now: number; initialBackoffMs: number; maxWaitMs: number },
): number | undefined {
  const e = asHttpError(error);
  const kind = classifyApiError(e);
  if (kind !== 'server' && kind !== 'rate-limited') return undefined;
  const backoff = opts.initialBackoffMs * 2 ** attempt;
  let wait = backoff;
  const retryAfter = Number(header(e, 'retry-after'));
  const reset = Number(header(e, 'x-ratelimit-reset'));
  // `retry-after` is honoured on any retryable answer (GitHub also sends it with some 503s).
  if (header(e, 'retry-after') !== undefined && Number.isFinite(retryAfter)) wait = retryAfter * 1000;
  else if (kind === 'rate-limited') {
    if (header(e, 'x-ratelimit-remaining') === '0' && Number.isFinite(reset)) wait = reset * 1000 - opts.now + 1000;
    // GitHub asks for at least a minute before retrying a secondary rate limit without headers.
    else wait = Math.max(backoff, 60_000);
  }
  wait = Math.max(0, wait);
  return wait > opts.maxWaitMs ? undefined : wait;
}

/**
 * Creates the REST client with retries. The token is only handed to Octokit, which redacts
 * it from its errors; nothing here logs it.
 */
export function createGitHubClient(options: ClientOptions): GitHubClient {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const maxRetries = options.maxRetries ?? 4;
  const initialBackoffMs = options.initialBackoffMs ?? 1000;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const octokit = getOctokit(options.token, {
    baseUrl: options.apiUrl ?? 'https://api.github.com',
    // Octokit's own logger would print deprecation notices with request URLs; keep the log quiet.
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  octokit.hook.wrap('request', async (request, requestOptions) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(requestOptions);
      } catch (error) {
        const wait = attempt < maxRetries ? retryDelayMs(error, attempt, { now: now(), initialBackoffMs, maxWaitMs }) : undefined;
        if (wait === undefined) throw error;
        options.onRetry?.(
          `GitHub API ${String(requestOptions.method)} ${String(requestOptions.url)} failed (${describeApiError(error)}); ` +
            `retry ${attempt + 1} of ${maxRetries} in ${Math.round(wait / 1000)} s.`,
        );
        await sleep(wait);
      }
    }
  });
  return octokit;
}
