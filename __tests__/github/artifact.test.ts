/**
 * The artifact upload (#17): the action uploads the HTML history report itself, through the
 * artifact service's v4 protocol, against a loopback HTTP server that plays both the results
 * service (Twirp JSON) and the blob store. It checks every request (auth, the backend IDs from
 * the runtime token, the name, size and hash), the zip's content (read back with the
 * project's own ZIP reader), and the failure paths: no runtime outside Actions → skipped with
 * a note; a failing service → a warning, the run's verdict untouched.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { extractZip } from '../../src/device/archive.js';
import { artifactNameProblem, artifactRuntime, ArtifactUploadError, uploadArtifact } from '../../src/github/artifact.js';
import { readInputs } from '../../src/github/inputs.js';
import { run, type ActionIO, type RunEnergyBudget } from '../../src/main.js';
import type { Report } from '../../src/report/types.js';
import { zipFiles } from '../../src/util/zip.js';
import { FakeGitHub } from './fake-github.js';
import { passReport } from './fixtures/reports.js';

const RUN_ID = '9f1c2d3e-0000-4000-8000-000000000001';
const JOB_ID = '9f1c2d3e-0000-4000-8000-000000000002';
const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService';

/** A runtime token as the runner gives one: a JWT whose scp claim names the run and job. */
function runtimeToken(scp = `Actions.GenericRead:x Actions.Results:${RUN_ID}:${JOB_ID} Actions.UploadArtifacts:y`): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ scp, exp: 2_000_000_000 })}.c2lnbmF0dXJl`;
}

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** The results service and the blob store on one loopback server. */
class FakeResults {
  server?: Server;
  url = '';
  requests: Seen[] = [];
  blobs = new Map<string, Buffer>();
  /** Status to answer CreateArtifact with, for the failure paths. */
  createStatus = 200;
  /** Answers before the blob store accepts a PUT (5xx first: the retry path). */
  blobFailures = 0;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        this.requests.push({ method: req.method!, url: req.url!, headers: req.headers, body });
        const json = (status: number, o: object) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(o));
        };
        if (req.method === 'POST' && req.url === `${SERVICE}/CreateArtifact`) {
          if (this.createStatus === 409)
            return json(409, { code: 'already_exists', msg: 'an artifact with this name already exists on the workflow run' });
          if (this.createStatus !== 200) return json(this.createStatus, { code: 'internal', msg: 'unavailable' });
          const r = JSON.parse(body.toString()) as { name: string };
          return json(200, {
            ok: true,
            signed_upload_url: `${this.url}/blob/artifacts/${encodeURIComponent(r.name)}.zip?sig=SECRETSAS&se=2099`,
          });
        }
        if (req.method === 'PUT' && req.url!.startsWith('/blob/')) {
          if (this.blobFailures > 0) {
            this.blobFailures--;
            res.writeHead(503);
            return res.end('<Error><Code>ServerBusy</Code></Error>');
          }
          this.blobs.set(req.url!.split('?')[0], body);
          res.writeHead(201);
          return res.end();
        }
        if (req.method === 'POST' && req.url === `${SERVICE}/FinalizeArtifact`)
          return json(200, { ok: true, artifact_id: '4242' });
        json(404, { code: 'bad_route', msg: 'no such route' });
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server?.close(() => r()));
  }

  twirp(method: string): Seen[] {
    return this.requests.filter((q) => q.url === `${SERVICE}/${method}`);
  }
}

let dir: string;
let results: FakeResults;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'eb-artifact-'));
  results = new FakeResults();
  await results.start();
});
afterAll(async () => {
  await results.stop();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  results.requests = [];
  results.blobs.clear();
  results.createStatus = 200;
  results.blobFailures = 0;
});

/** The one file of a zip, read back with src/device/archive.ts (an independent reader). */
async function unzipOne(zip: Buffer, entry: string): Promise<Buffer> {
  const file = path.join(dir, `z-${Date.now()}-${Math.random().toString(16).slice(2)}.zip`);
  writeFileSync(file, zip);
  const out = await extractZip(file, { one: entry }, mkdtempSync(path.join(dir, 'x-')));
  return readFileSync(out.one.path);
}

describe('zipFiles', () => {
  it('writes a zip that an independent reader opens: deflated text, stored incompressible data, CRC-32 in the headers', async () => {
    const html = Buffer.from(`<!doctype html><p>${'trend '.repeat(2000)}</p>`);
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24));
    const zip = zipFiles([
      { name: 'report.html', data: html, modified: new Date(2026, 0, 2, 3, 4, 6) },
      { name: 'dir/noise.bin', data: noise },
    ]);
    expect(zip.length).toBeLessThan(html.length / 4);
    expect(await unzipOne(zip, 'report.html')).toEqual(html);
    expect(await unzipOne(zip, 'dir/noise.bin')).toEqual(noise);
    // The first local header: method 8, CRC and sizes as stored.
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    expect(zip.readUInt16LE(8)).toBe(8);
    expect(zip.readUInt32LE(14)).toBe(crc32(html));
    expect(zip.readUInt32LE(22)).toBe(html.length);
    // DOS time 03:04:06 and date 2026-01-02.
    expect(zip.readUInt16LE(10)).toBe((3 << 11) | (4 << 5) | 3);
    expect(zip.readUInt16LE(12)).toBe(((2026 - 1980) << 9) | (1 << 5) | 2);
  });

  it('refuses names that would leave the folder they are extracted to, and duplicates', () => {
    for (const name of ['../x', '/etc/x', 'a\\b', ''])
      expect(() => zipFiles([{ name, data: Buffer.from('x') }])).toThrow(/unsafe name/);
    expect(() =>
      zipFiles([
        { name: 'a', data: Buffer.from('x') },
        { name: 'a', data: Buffer.from('y') },
      ]),
    ).toThrow(/duplicate/);
  });
});

describe('artifactRuntime', () => {
  it('reads the run and job backend IDs from the runtime token', () => {
    expect(artifactRuntime({ ACTIONS_RESULTS_URL: 'https://results.example/', ACTIONS_RUNTIME_TOKEN: runtimeToken() })).toEqual({
      resultsUrl: 'https://results.example',
      token: runtimeToken(),
      runBackendId: RUN_ID,
      jobBackendId: JOB_ID,
    });
  });
  it('says why there is none', () => {
    expect(artifactRuntime({})).toEqual({ missing: expect.stringMatching(/not running on GitHub Actions/) });
    expect(artifactRuntime({ ACTIONS_RESULTS_URL: 'u', ACTIONS_RUNTIME_TOKEN: 'not-a-jwt' })).toEqual({
      missing: expect.stringMatching(/not a JWT|no Actions.Results/),
    });
    expect(artifactRuntime({ ACTIONS_RESULTS_URL: 'u', ACTIONS_RUNTIME_TOKEN: runtimeToken('Actions.GenericRead:x') })).toEqual({
      missing: expect.stringMatching(/no Actions.Results scope/),
    });
  });
  it('checks artifact names as the service does', () => {
    expect(artifactNameProblem('energy-budget-history')).toBeUndefined();
    for (const bad of ['a/b', 'a:b', 'a"b', 'a\nb', ' ']) expect(artifactNameProblem(bad)).toBeDefined();
    expect(() => readInputs((n) => (n === 'history-artifact' ? 'x/y' : ''))).toThrow(
      /history-artifact.*cannot be an artifact name/,
    );
    expect(readInputs((n) => (n === 'history-artifact' ? 'off' : '')).historyArtifact).toBe('');
    expect(readInputs(() => '').historyArtifact).toBe('energy-budget-history');
  });
});

describe('uploadArtifact against the loopback results service and blob store', () => {
  const rt = () => {
    const r = artifactRuntime({ ACTIONS_RESULTS_URL: `${results.url}/`, ACTIONS_RUNTIME_TOKEN: runtimeToken() });
    if ('missing' in r) throw new Error(r.missing);
    return r;
  };

  it('creates the artifact, puts the zip as a block blob, and finalizes it with its size and SHA-256', async () => {
    const zip = zipFiles([{ name: 'h.html', data: Buffer.from('<p>hello</p>') }]);
    const up = await uploadArtifact(rt(), 'energy-budget-history', zip);
    const sha = createHash('sha256').update(zip).digest('hex');
    expect(up).toEqual({ id: '4242', size: zip.length, sha256: sha });
    expect(results.requests.map((q) => `${q.method} ${q.url.split('?')[0]}`)).toEqual([
      `POST ${SERVICE}/CreateArtifact`,
      'PUT /blob/artifacts/energy-budget-history.zip',
      `POST ${SERVICE}/FinalizeArtifact`,
    ]);
    const [create] = results.twirp('CreateArtifact');
    expect(create.headers.authorization).toBe(`Bearer ${runtimeToken()}`);
    expect(create.headers['content-type']).toBe('application/json');
    expect(JSON.parse(create.body.toString())).toEqual({
      workflow_run_backend_id: RUN_ID,
      workflow_job_run_backend_id: JOB_ID,
      name: 'energy-budget-history',
      version: 4,
    });
    const put = results.requests[1];
    expect(put.headers['x-ms-blob-type']).toBe('BlockBlob');
    // The runtime token goes to the results service only, never to the blob store.
    expect(put.headers.authorization).toBeUndefined();
    expect(put.body).toEqual(zip);
    const [fin] = results.twirp('FinalizeArtifact');
    expect(fin.headers.authorization).toBe(`Bearer ${runtimeToken()}`);
    expect(JSON.parse(fin.body.toString())).toEqual({
      workflow_run_backend_id: RUN_ID,
      workflow_job_run_backend_id: JOB_ID,
      name: 'energy-budget-history',
      size: String(zip.length),
      hash: `sha256:${sha}`,
    });
  });

  it('retries a busy blob store, and gives up with a message that keeps the signed URL’s secret out', async () => {
    results.blobFailures = 1;
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    await uploadArtifact(rt(), 'a', zipFiles([{ name: 'x', data: Buffer.from('x') }]), { sleep });
    expect(waits).toEqual([1000]);
    results.blobFailures = 5;
    const error = await uploadArtifact(rt(), 'b', zipFiles([{ name: 'x', data: Buffer.from('x') }]), { sleep }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ArtifactUploadError);
    expect(String(error)).toMatch(/upload to blob storage failed after 3 attempts \(HTTP 503\)/);
    expect(String(error)).not.toContain('SECRETSAS');
    // Not finalized: the artifact is never claimed complete.
    expect(results.twirp('FinalizeArtifact')).toHaveLength(1);
  });

  it('names the service’s own error (a name already used in this run), without retrying a 4xx', async () => {
    results.createStatus = 409;
    await expect(uploadArtifact(rt(), 'dup', Buffer.from('z'), { sleep: async () => {} })).rejects.toThrow(
      /CreateArtifact: HTTP 409 .*already_exists: an artifact with this name already exists/,
    );
    expect(results.twirp('CreateArtifact')).toHaveLength(1);
  });
});

class FakeIO implements ActionIO {
  inputs: Record<string, string> = {};
  outputs: Record<string, string> = {};
  log: string[] = [];
  failed?: string;
  getInput(name: string) {
    return (this.inputs[name] ?? '').trim();
  }
  setOutput(name: string, value: string) {
    this.outputs[name] = value;
  }
  async writeSummary() {}
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

describe('the action uploads the HTML history report', () => {
  let gh: FakeGitHub;
  beforeAll(async () => {
    gh = new FakeGitHub();
    await gh.start();
  });
  afterAll(async () => gh.stop());

  /** A push to main (the history is appended and charted, so the HTML report is written). */
  async function push(n: number, env: Record<string, string>, inputs: Record<string, string> = {}) {
    const event = path.join(dir, `push-${n}.json`);
    writeFileSync(
      event,
      JSON.stringify({ ref: 'refs/heads/main', repository: { full_name: 'octo/models', default_branch: 'main' } }),
    );
    const io = new FakeIO();
    io.inputs = { 'github-token': 'ghs_x', 'report-json': `r-${n}.json`, 'history-html': `h-${n}.html`, ...inputs };
    const report: Report = passReport();
    const engine: RunEnergyBudget = async (options) => {
      writeFileSync(options.jsonPath!, JSON.stringify(report));
      return { report, exitCode: 0, files: { json: options.jsonPath } };
    };
    const code = await run({
      env: {
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: event,
        GITHUB_REF: 'refs/heads/main',
        GITHUB_SHA: n.toString(16).padStart(40, '0'),
        GITHUB_REPOSITORY: 'octo/models',
        GITHUB_API_URL: gh.url,
        GITHUB_SERVER_URL: 'https://github.example',
        GITHUB_WORKSPACE: dir,
        GITHUB_RUN_ID: '77',
        ...env,
      },
      io,
      runEnergyBudget: engine,
      client: { sleep: async () => {} },
      historySleep: async () => {},
    });
    return { code, io };
  }
  const actionsEnv = () => ({ ACTIONS_RESULTS_URL: results.url, ACTIONS_RUNTIME_TOKEN: runtimeToken() });

  it('as a zip holding the very file it wrote, and says where', async () => {
    const { code, io } = await push(1, actionsEnv());
    expect({ code, failed: io.failed }).toEqual({ code: 0, failed: undefined });
    const html = readFileSync(path.join(dir, 'h-1.html'));
    expect(io.outputs['history-html']).toBe(path.join(dir, 'h-1.html'));
    const blob = results.blobs.get('/blob/artifacts/energy-budget-history.zip')!;
    expect(await unzipOne(blob, 'h-1.html')).toEqual(html);
    expect(JSON.parse(results.twirp('FinalizeArtifact')[0].body.toString()).hash).toBe(
      `sha256:${createHash('sha256').update(blob).digest('hex')}`,
    );
    expect(io.log).toContain(
      `info: Uploaded the HTML history report as the artifact energy-budget-history (${blob.length} bytes zipped): https://github.example/octo/models/actions/runs/77/artifacts/4242.`,
    );
  });

  it('under its own name, with the shard in it, or not at all with history-artifact: off', async () => {
    await push(2, actionsEnv(), { 'history-artifact': 'trend', shard: '2/3' });
    expect(JSON.parse(results.twirp('CreateArtifact')[0].body.toString()).name).toBe('trend-shard-2-of-3');
    results.requests = [];
    const { io } = await push(3, actionsEnv(), { 'history-artifact': 'off' });
    expect(results.requests).toEqual([]);
    expect(io.outputs['history-html']).toBe(path.join(dir, 'h-3.html'));
  });

  it('outside GitHub Actions: skipped with a note, the file still written', async () => {
    const { code, io } = await push(4, {});
    expect(code).toBe(0);
    expect(results.requests).toEqual([]);
    expect(io.log.join('\n')).toMatch(
      /info: The HTML history report is not uploaded as an artifact: .*not running on GitHub Actions.*h-4\.html/,
    );
    expect(io.log.join('\n')).not.toMatch(/warning: .*artifact/);
  });

  it('a failing service is a warning; the verdict, outputs and exit code are the same', async () => {
    const ok = await push(5, actionsEnv());
    results.createStatus = 503;
    const bad = await push(6, actionsEnv());
    expect(bad.code).toBe(ok.code);
    expect(bad.io.failed).toBeUndefined();
    expect(bad.io.outputs.verdict).toBe(ok.io.outputs.verdict);
    expect(bad.io.outputs['history-html']).toBe(path.join(dir, 'h-6.html'));
    expect(bad.io.log.join('\n')).toMatch(
      /warning: Could not upload the HTML history report as the artifact energy-budget-history: CreateArtifact failed after 3 attempts \(HTTP 503\)\. The file is at .*h-6\.html/,
    );
  });
});
