/**
 * Uploads a workflow artifact with GitHub's artifact service (the v4 protocol that
 * actions/upload-artifact@v4 and @actions/artifact 2+ use), without their dependencies:
 *
 * 1. `CreateArtifact` (Twirp, JSON over HTTP POST to
 *    `$ACTIONS_RESULTS_URL/twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact`,
 *    `Authorization: Bearer $ACTIONS_RUNTIME_TOKEN`) with the run's and job's backend IDs, the
 *    name and `version: 4`; the answer holds a signed upload URL.
 * 2. The zip is PUT to that URL as one Azure block blob (`x-ms-blob-type: BlockBlob`; a single
 *    Put Blob takes up to 5,000 MiB from service version 2019-12-12 on).
 * 3. `FinalizeArtifact` with the zip's size (an int64, a string in proto3 JSON) and
 *    `sha256:<hex>` of the zip; the answer holds the artifact's ID.
 *
 * The backend IDs come from the runtime token, a JWT whose `scp` claim has a part
 * `Actions.Results:<run backend id>:<job backend id>`. Field names are proto3 JSON
 * (lower_snake_case, as the service's own client sends them); answers are read in either the
 * snake or the lowerCamel spelling. Learned from the public protocol description in
 * actions/toolkit (packages/artifact: generated/results/api/v1/artifact.proto and
 * internal/upload); no code is taken from it.
 */
import { createHash } from 'node:crypto';
import { messageOf } from '../errors.js';
import { isJsonObject } from '../util/json-object.js';

/** Where and as what the artifact service is reached, from the runner's environment. */
export interface ArtifactRuntime {
  resultsUrl: string;
  token: string;
  runBackendId: string;
  jobBackendId: string;
}

/** The artifact service failed or answered something unexpected. */
export class ArtifactUploadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArtifactUploadError';
  }
}

/** Characters the artifact service rejects in names (as actions/upload-artifact documents them). */
const BAD_NAME = /["':<>|*?\\/\r\n]/;

/** Why `name` cannot be an artifact name, or undefined when it can. */
export function artifactNameProblem(name: string): string | undefined {
  if (!name.trim()) return 'it is empty';
  if (BAD_NAME.test(name)) return 'it contains one of " \' : < > | * ? \\ / or a line break';
  if (name.length > 256) return 'it is longer than 256 characters';
  return undefined;
}

/**
 * The runtime from `env`, or why there is none (not on GitHub Actions, or an old runner): the
 * caller skips the upload with that reason.
 */
export function artifactRuntime(env: Record<string, string | undefined>): ArtifactRuntime | { missing: string } {
  const resultsUrl = env.ACTIONS_RESULTS_URL;
  const token = env.ACTIONS_RUNTIME_TOKEN;
  if (!resultsUrl || !token)
    return { missing: 'ACTIONS_RESULTS_URL and ACTIONS_RUNTIME_TOKEN are not set (not running on GitHub Actions)' };
  let claims: unknown;
  try {
    const payload = token.split('.')[1] ?? '';
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { missing: 'ACTIONS_RUNTIME_TOKEN is not a JWT' };
  }
  if (claims === null) return { missing: 'ACTIONS_RUNTIME_TOKEN is not a JWT' };
  const scp = isJsonObject(claims) ? claims.scp : undefined;
  for (const part of typeof scp === 'string' ? scp.split(' ') : []) {
    const [scope, run, job] = part.split(':');
    if (scope === 'Actions.Results' && run && job) {
      return { resultsUrl: resultsUrl.replace(/\/+$/, ''), token, runBackendId: run, jobBackendId: job };
    }
  }
  return { missing: 'the runtime token has no Actions.Results scope (a runner too old for artifacts v4)' };
}

export interface UploadOptions {
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Waits between attempts (tests never sleep). @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
  /** Attempts per request on network errors, 429 and 5xx. @default 3 */
  attempts?: number;
}

/** What was uploaded. */
export interface UploadedArtifact {
  /** The artifact's ID (the REST API's artifact_id). */
  id: string;
  /** Bytes of the zip. */
  size: number;
  /** SHA-256 of the zip, hex. */
  sha256: string;
}

const SERVICE = 'github.actions.results.api.v1.ArtifactService';

/** A URL for messages: a signed URL's query is a credential, so only the origin and path are shown. */
function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(an invalid URL)';
  }
}

async function withRetries(what: string, opts: Required<UploadOptions>, attempt: () => Promise<Response>): Promise<Response> {
  let last = '';
  for (let i = 1; i <= opts.attempts; i++) {
    try {
      const res = await attempt();
      if (res.status !== 429 && res.status < 500) return res;
      last = `HTTP ${res.status}`;
      await res.body?.cancel();
    } catch (error) {
      last = messageOf(error);
    }
    if (i < opts.attempts) await opts.sleep(1000 * 2 ** (i - 1));
  }
  throw new ArtifactUploadError(`${what} failed after ${opts.attempts} attempts (${last})`);
}

async function twirp(
  rt: ArtifactRuntime,
  method: 'CreateArtifact' | 'FinalizeArtifact',
  body: Record<string, unknown>,
  opts: Required<UploadOptions>,
): Promise<Record<string, unknown>> {
  const url = `${rt.resultsUrl}/twirp/${SERVICE}/${method}`;
  const res = await withRetries(method, opts, () =>
    opts.fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: `Bearer ${rt.token}`,
        'user-agent': 'energy-budget',
      },
      body: JSON.stringify(body),
    }),
  );
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    // A Twirp error is {"code": "...", "msg": "..."}.
    const e = isJsonObject(json) ? json : undefined;
    const detail = e && typeof e.msg === 'string' ? `${String(e.code ?? '')}: ${e.msg}`.slice(0, 300) : text.slice(0, 200);
    throw new ArtifactUploadError(`${method}: HTTP ${res.status} from ${shownUrl(url)} (${detail})`);
  }
  if (!isJsonObject(json) || json.ok !== true) throw new ArtifactUploadError(`${method}: the artifact service did not answer ok`);
  return json;
}

/** A field of an answer in proto3 JSON: its lowerCamel name or its original snake name. */
function field(json: Record<string, unknown>, camel: string, snake: string): unknown {
  return json[camel] ?? json[snake];
}

/**
 * Uploads `zip` (the artifact's content, a zip archive) as the artifact `name` of this job.
 * @throws ArtifactUploadError when the service or the blob store fails (after retries) or
 *   answers something unexpected; the caller turns it into a warning.
 */
export async function uploadArtifact(
  rt: ArtifactRuntime,
  name: string,
  zip: Buffer,
  options: UploadOptions = {},
): Promise<UploadedArtifact> {
  const problem = artifactNameProblem(name);
  if (problem) throw new ArtifactUploadError(`"${name}" cannot be an artifact name: ${problem}`);
  const opts: Required<UploadOptions> = {
    fetch: options.fetch ?? globalThis.fetch,
    sleep: options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
    attempts: options.attempts ?? 3,
  };
  const ids = { workflow_run_backend_id: rt.runBackendId, workflow_job_run_backend_id: rt.jobBackendId };
  const created = await twirp(rt, 'CreateArtifact', { ...ids, name, version: 4 }, opts);
  const uploadUrl = field(created, 'signedUploadUrl', 'signed_upload_url');
  if (typeof uploadUrl !== 'string' || !/^https?:\/\//.test(uploadUrl))
    throw new ArtifactUploadError('CreateArtifact: the answer has no signed upload URL');
  const put = await withRetries('the upload to blob storage', opts, () =>
    opts.fetch(uploadUrl, {
      method: 'PUT',
      headers: {
        'x-ms-blob-type': 'BlockBlob',
        'x-ms-version': '2020-10-02',
        'content-type': 'application/zip',
        'content-length': String(zip.length),
      },
      body: zip,
    }),
  );
  if (put.status !== 201 && put.status !== 200) {
    const text = (await put.text()).slice(0, 200);
    throw new ArtifactUploadError(`the upload to ${shownUrl(uploadUrl)} answered HTTP ${put.status} (${text})`);
  }
  await put.body?.cancel();
  const sha256 = createHash('sha256').update(zip).digest('hex');
  const finalized = await twirp(
    rt,
    'FinalizeArtifact',
    { ...ids, name, size: String(zip.length), hash: `sha256:${sha256}` },
    opts,
  );
  const id = field(finalized, 'artifactId', 'artifact_id');
  if ((typeof id !== 'string' && typeof id !== 'number') || !/^\d+$/.test(String(id)))
    throw new ArtifactUploadError('FinalizeArtifact: the answer has no artifact ID');
  return { id: String(id), size: zip.length, sha256 };
}
