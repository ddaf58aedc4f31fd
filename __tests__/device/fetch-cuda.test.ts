import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { ArchiveError, extractTgz, extractZip } from '../../src/device/archive.js';
import {
  cacheRoot,
  cudaProviderSource,
  ensureCudaProvider,
  sourceFromEnv,
  type CudaProviderSource,
} from '../../src/device/fetch-cuda.js';
import { EnvironmentError } from '../../src/errors.js';

// ---- archive writers for the fixtures (ZIP: APPNOTE.TXT local/central/EOCD records; TAR: ustar) ----

interface Entry {
  name: string;
  data: Buffer;
  deflate?: boolean;
  symlink?: boolean;
}

function makeZip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = e.deflate ? deflateRawSync(e.data) : e.data;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.deflate ? 8 : 0, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.deflate ? 8 : 0, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((e.symlink ? 0o120777 : 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

function tarHeader(name: string, size: number, type: string, prefix = ''): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100, 'utf8');
  h.write('0000644\0', 100);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write(type, 156);
  h.write('ustar\0', 257);
  h.write('00', 263);
  if (prefix) h.write(prefix, 345, 155, 'utf8');
  return h;
}

function tarRecord(name: string, data: Buffer, type = '0', prefix = ''): Buffer {
  const pad = Buffer.alloc((512 - (data.length % 512)) % 512);
  return Buffer.concat([tarHeader(name, data.length, type, prefix), data, pad]);
}

function makeTgz(records: Buffer[]): Buffer {
  return gzipSync(Buffer.concat([...records, Buffer.alloc(1024)]));
}

const CUDA = Buffer.from('\x7fELF fake CUDA provider '.repeat(5000));
const SHARED = Buffer.from('\x7fELF fake shared provider '.repeat(300));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const NUPKG = makeZip([
  { name: '[Content_Types].xml', data: Buffer.from('<Types/>'), deflate: true },
  { name: 'runtimes/linux-x64/native/libonnxruntime_providers_cuda.so', data: CUDA, deflate: true },
  { name: 'runtimes/linux-x64/native/libonnxruntime_providers_shared.so', data: SHARED },
  { name: 'runtimes/linux-x64/native/libonnxruntime_providers_tensorrt.so', data: Buffer.from('trt'), deflate: true },
]);
const TGZ = makeTgz([
  tarRecord('onnxruntime-linux-x64-gpu-1.30.0/', Buffer.alloc(0), '5'),
  tarRecord('onnxruntime-linux-x64-gpu-1.30.0/lib/libonnxruntime_providers_cuda.so', CUDA),
  tarRecord('onnxruntime-linux-x64-gpu-1.30.0/lib/libonnxruntime.so', Buffer.alloc(0), '2'),
  tarRecord('libonnxruntime_providers_shared.so', SHARED, '0', 'onnxruntime-linux-x64-gpu-1.30.0/lib'),
]);

// ---- a loopback server with per-path behaviour ----

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let server: Server;
let base = '';
const routes = new Map<string, Handler[]>();
const hits = new Map<string, number>();
const hanging: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    const n = hits.get(path) ?? 0;
    hits.set(path, n + 1);
    const list = routes.get(path);
    if (!list) {
      res.writeHead(404).end('not found');
      return;
    }
    list[Math.min(n, list.length - 1)](req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of hanging) res.destroy();
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

beforeEach(() => {
  routes.clear();
  hits.clear();
});

const send =
  (body: Buffer): Handler =>
  (_req, res) =>
    res.writeHead(200, { 'content-length': body.length }).end(body);
const status =
  (code: number): Handler =>
  (_req, res) =>
    res.writeHead(code).end(`status ${code}`);
const hang: Handler = (_req, res) => {
  hanging.push(res);
};

function nugetLike(path: string): CudaProviderSource {
  return { ...cudaProviderSource('1.30.0', 'nuget'), kind: 'url', url: `${base}${path}` };
}

function dirs(): { cacheDir: string; bindingDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'eb-cuda-'));
  return { cacheDir: join(root, 'cache'), bindingDir: join(root, 'ort-bin') };
}

const immediate = async (): Promise<void> => undefined;

async function failure(p: Promise<unknown>): Promise<EnvironmentError> {
  const e = await p.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(EnvironmentError);
  expect((e as EnvironmentError).exitCode).toBe(3);
  expect((e as Error).message).not.toMatch(/\n/);
  return e as EnvironmentError;
}

describe('ensureCudaProvider against a loopback server', () => {
  it('a good .nupkg: verified, extracted, cached and installed next to the binding', async () => {
    routes.set('/gpu.nupkg', [send(NUPKG)]);
    const d = dirs();
    const lines: string[] = [];
    const r = await ensureCudaProvider({
      env: {},
      version: '1.30.0',
      source: nugetLike('/gpu.nupkg'),
      ...d,
      checksums: { [`${base}/gpu.nupkg`]: { sha256: sha(NUPKG), checkedAgainst: 'test' } },
      log: (l) => lines.push(l),
    });
    expect(r.downloaded).toBe(true);
    expect(r.sha256).toBe(sha(NUPKG));
    expect(readFileSync(join(d.bindingDir, 'libonnxruntime_providers_cuda.so')).equals(CUDA)).toBe(true);
    expect(readFileSync(join(d.bindingDir, 'libonnxruntime_providers_shared.so')).equals(SHARED)).toBe(true);
    expect(r.files['libonnxruntime_providers_cuda.so']).toEqual({ bytes: CUDA.length, sha256: sha(CUDA) });
    expect(r.cacheDir).toBe(join(d.cacheDir, 'onnxruntime-cuda', `1.30.0-${sha(NUPKG).slice(0, 12)}`));
    expect(existsSync(join(r.cacheDir, 'manifest.json'))).toBe(true);
    // Only the wanted files; no leftover archive.
    expect(existsSync(join(d.bindingDir, 'libonnxruntime_providers_tensorrt.so'))).toBe(false);
    expect(existsSync(join(r.cacheDir, `download-${process.pid}.zip`))).toBe(false);
    expect(lines.join('\n')).toMatch(/Downloading .*\nVerified SHA-256/);
    expect(hits.get('/gpu.nupkg')).toBe(1);
  });

  it('a cache hit skips the download; a deleted install is restored from the cache; a tampered cache is fetched again', async () => {
    routes.set('/gpu.nupkg', [send(NUPKG)]);
    const d = dirs();
    const opts = {
      env: {},
      version: '1.30.0',
      source: nugetLike('/gpu.nupkg'),
      ...d,
      checksums: { [`${base}/gpu.nupkg`]: { sha256: sha(NUPKG), checkedAgainst: 'test' } },
    };
    await ensureCudaProvider(opts);
    const second = await ensureCudaProvider(opts);
    expect(second.downloaded).toBe(false);
    expect(hits.get('/gpu.nupkg')).toBe(1);
    rmSync(join(d.bindingDir, 'libonnxruntime_providers_cuda.so'));
    const third = await ensureCudaProvider(opts);
    expect(third.downloaded).toBe(false);
    expect(readFileSync(join(d.bindingDir, 'libonnxruntime_providers_cuda.so')).equals(CUDA)).toBe(true);
    writeFileSync(join(second.cacheDir, 'libonnxruntime_providers_cuda.so'), Buffer.from('tampered'));
    const fourth = await ensureCudaProvider(opts);
    expect(fourth.downloaded).toBe(true);
    expect(hits.get('/gpu.nupkg')).toBe(2);
  });

  it('a .tgz release asset (GitHub layout, ustar prefix, a symlink beside) works the same', async () => {
    routes.set('/gpu.tgz', [send(TGZ)]);
    const d = dirs();
    const source = { ...cudaProviderSource('1.30.0', 'github'), url: `${base}/gpu.tgz` };
    const r = await ensureCudaProvider({
      env: { ENERGY_BUDGET_CUDA_PROVIDER_SHA256: sha(TGZ).toUpperCase() },
      version: '1.30.0',
      source,
      ...d,
    });
    expect(r.downloaded).toBe(true);
    expect(readFileSync(join(d.bindingDir, 'libonnxruntime_providers_cuda.so')).equals(CUDA)).toBe(true);
    expect(readFileSync(join(d.bindingDir, 'libonnxruntime_providers_shared.so')).equals(SHARED)).toBe(true);
  });

  it('follows a redirect (NuGet and GitHub answer with one)', async () => {
    routes.set('/redirect.nupkg', [(_q, res) => res.writeHead(302, { location: '/real.nupkg' }).end()]);
    routes.set('/real.nupkg', [send(NUPKG)]);
    const d = dirs();
    const r = await ensureCudaProvider({
      env: { ENERGY_BUDGET_CUDA_PROVIDER_SHA256: sha(NUPKG) },
      version: '1.30.0',
      source: nugetLike('/redirect.nupkg'),
      ...d,
    });
    expect(r.downloaded).toBe(true);
  });

  it('checksum mismatch: names both digests, installs nothing, caches nothing', async () => {
    routes.set('/gpu.nupkg', [send(NUPKG)]);
    const d = dirs();
    const pinned = 'ab'.repeat(32);
    const e = await failure(
      ensureCudaProvider({
        env: { ENERGY_BUDGET_CUDA_PROVIDER_SHA256: pinned },
        version: '1.30.0',
        source: nugetLike('/gpu.nupkg'),
        ...d,
      }),
    );
    expect(e.message).toContain(`the archive's SHA-256 is ${sha(NUPKG)} (${NUPKG.length} bytes), but ${pinned} is pinned`);
    expect(e.message).toMatch(/Nothing was installed/);
    expect(existsSync(join(d.bindingDir, 'libonnxruntime_providers_cuda.so'))).toBe(false);
    expect(existsSync(join(d.cacheDir, 'onnxruntime-cuda', `1.30.0-${pinned.slice(0, 12)}`, 'manifest.json'))).toBe(false);
  });

  it('404: not retried, the message names the URL and what to check', async () => {
    const d = dirs();
    const e = await failure(
      ensureCudaProvider({
        env: { ENERGY_BUDGET_CUDA_PROVIDER_SHA256: sha(NUPKG) },
        version: '1.30.0',
        source: nugetLike('/missing.nupkg'),
        ...d,
        sleep: immediate,
      }),
    );
    expect(e.message).toMatch(/HTTP 404 Not Found from http:\/\/127\.0\.0\.1:\d+\/missing\.nupkg/);
    expect(e.message).toMatch(/onnxruntime 1\.30\.0 published it.*ENERGY_BUDGET_CUDA_PROVIDER_URL/);
    expect(hits.get('/missing.nupkg')).toBe(1);
  });

  it('500 then success: retried after a back-off, then installed', async () => {
    routes.set('/flaky.nupkg', [status(500), status(503), send(NUPKG)]);
    const waits: number[] = [];
    const d = dirs();
    const r = await ensureCudaProvider({
      env: { ENERGY_BUDGET_CUDA_PROVIDER_SHA256: sha(NUPKG) },
      version: '1.30.0',
      source: nugetLike('/flaky.nupkg'),
      ...d,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(r.downloaded).toBe(true);
    expect(hits.get('/flaky.nupkg')).toBe(3);
    expect(waits).toEqual([1000, 2000]);
  });

  it('500 every time: gives up after the retries, saying how many attempts', async () => {
    routes.set('/down.nupkg', [status(500)]);
    const d = dirs();
    const e = await failure(
      ensureCudaProvider({
        env: { ENERGY_BUDGET_CUDA_PROVIDER_SHA256: sha(NUPKG) },
        version: '1.30.0',
        source: nugetLike('/down.nupkg'),
        ...d,
        retries: 2,
        sleep: immediate,
      }),
    );
    expect(e.message).toMatch(/HTTP 500 Internal Server Error .*\(after 3 attempts\)/);
    expect(hits.get('/down.nupkg')).toBe(3);
  });

  it('a server that never answers: times out (idle timeout), retried, then a clear error', async () => {
    routes.set('/hang.nupkg', [hang]);
    const d = dirs();
    const e = await failure(
      ensureCudaProvider({
        env: { ENERGY_BUDGET_CUDA_PROVIDER_SHA256: sha(NUPKG) },
        version: '1.30.0',
        source: nugetLike('/hang.nupkg'),
        ...d,
        timeoutMs: 50,
        retries: 1,
        sleep: immediate,
      }),
    );
    expect(e.message).toMatch(/no response within 0\.05 s \(after 2 attempts\)/);
  });

  it('a download that stalls halfway: times out; one cut short: "ended after"', async () => {
    routes.set('/stall.nupkg', [
      (_q, res) => {
        res.writeHead(200, { 'content-length': NUPKG.length });
        res.write(NUPKG.subarray(0, 1000));
        hanging.push(res);
      },
    ]);
    routes.set('/cut.nupkg', [
      (_q, res) => {
        res.writeHead(200, { 'content-length': NUPKG.length });
        res.end(NUPKG.subarray(0, 1000));
        res.socket?.destroy();
      },
    ]);
    const d = dirs();
    const env = { ENERGY_BUDGET_CUDA_PROVIDER_SHA256: sha(NUPKG) };
    const stalled = await failure(
      ensureCudaProvider({ env, version: '1.30.0', source: nugetLike('/stall.nupkg'), ...d, timeoutMs: 50, retries: 0 }),
    );
    expect(stalled.message).toMatch(/stalled \(no data for 0\.05 s\)/);
    const cut = await failure(ensureCudaProvider({ env, version: '1.30.0', source: nugetLike('/cut.nupkg'), ...d, retries: 0 }));
    expect(cut.message).toMatch(/dropped|ended after 1000 of \d+ bytes/);
  });

  it('no pinned checksum: nothing is requested; the message gives the sha256sum command and the variable', async () => {
    routes.set('/gpu.nupkg', [send(NUPKG)]);
    const d = dirs();
    const e = await failure(
      ensureCudaProvider({ env: {}, version: '1.30.0', source: nugetLike('/gpu.nupkg'), ...d, checksums: {} }),
    );
    expect(e.message).toMatch(
      /no SHA-256 is pinned .*curl -fsSL http:\/\/127\.0\.0\.1:\d+\/gpu\.nupkg \| sha256sum.*ENERGY_BUDGET_CUDA_PROVIDER_SHA256/,
    );
    expect(hits.get('/gpu.nupkg')).toBeUndefined();
  });

  it('a malformed ENERGY_BUDGET_CUDA_PROVIDER_SHA256', async () => {
    const e = await failure(
      ensureCudaProvider({
        env: { ENERGY_BUDGET_CUDA_PROVIDER_SHA256: 'abc' },
        version: '1.30.0',
        source: nugetLike('/x'),
        ...dirs(),
      }),
    );
    expect(e.message).toMatch(/expected 64 hexadecimal digits/);
  });

  it('an archive without the provider files: names the missing entry', async () => {
    const empty = makeZip([{ name: 'readme.txt', data: Buffer.from('hi') }]);
    routes.set('/empty.nupkg', [send(empty)]);
    const e = await failure(
      ensureCudaProvider({
        env: { ENERGY_BUDGET_CUDA_PROVIDER_SHA256: sha(empty) },
        version: '1.30.0',
        source: nugetLike('/empty.nupkg'),
        ...dirs(),
      }),
    );
    expect(e.message).toMatch(
      /cannot be extracted \(the ZIP archive has no runtimes\/linux-x64\/native\/libonnxruntime_providers_cuda\.so, runtimes\/linux-x64\/native\/libonnxruntime_providers_shared\.so\)/,
    );
  });

  it('a binding folder that cannot be written: names it and the alternative', async () => {
    routes.set('/gpu.nupkg', [send(NUPKG)]);
    const d = dirs();
    const file = join(mkdtempSync(join(tmpdir(), 'eb-cuda-')), 'a-file');
    writeFileSync(file, 'x');
    const e = await failure(
      ensureCudaProvider({
        env: { ENERGY_BUDGET_CUDA_PROVIDER_SHA256: sha(NUPKG) },
        version: '1.30.0',
        source: nugetLike('/gpu.nupkg'),
        cacheDir: d.cacheDir,
        bindingDir: join(file, 'bin'),
      }),
    );
    expect(e.message).toMatch(
      /cannot be copied into onnxruntime's folder .*a-file\/bin \((ENOTDIR|EEXIST)\).*ONNXRUNTIME_NODE_INSTALL=cuda12/,
    );
  });
});

describe('sources and cache folder', () => {
  it('NuGet (default) and GitHub URLs for the exact version, entries as onnxruntime-node install-metadata.js names them', () => {
    expect(cudaProviderSource('1.30.0')).toEqual({
      kind: 'nuget',
      url: 'https://api.nuget.org/v3-flatcontainer/microsoft.ml.onnxruntime.gpu.linux/1.30.0/microsoft.ml.onnxruntime.gpu.linux.1.30.0.nupkg',
      format: 'zip',
      files: {
        'libonnxruntime_providers_cuda.so': 'runtimes/linux-x64/native/libonnxruntime_providers_cuda.so',
        'libonnxruntime_providers_shared.so': 'runtimes/linux-x64/native/libonnxruntime_providers_shared.so',
      },
    });
    expect(cudaProviderSource('1.30.0', 'github').url).toBe(
      'https://github.com/microsoft/onnxruntime/releases/download/v1.30.0/onnxruntime-linux-x64-gpu-1.30.0.tgz',
    );
  });

  it('environment overrides: a mirror URL (format from its extension), the GitHub source, bad values', () => {
    expect(sourceFromEnv('1.30.0', { ENERGY_BUDGET_CUDA_PROVIDER_URL: 'https://mirror.example/ort-gpu.tar.gz' })).toMatchObject({
      kind: 'url',
      format: 'tgz',
      files: { 'libonnxruntime_providers_cuda.so': '*/libonnxruntime_providers_cuda.so' },
    });
    expect(sourceFromEnv('1.30.0', { ENERGY_BUDGET_CUDA_PROVIDER_URL: 'https://mirror.example/x.nupkg' }).format).toBe('zip');
    expect(sourceFromEnv('1.30.0', { ENERGY_BUDGET_CUDA_PROVIDER_SOURCE: 'github' }).kind).toBe('github');
    expect(() => sourceFromEnv('1.30.0', { ENERGY_BUDGET_CUDA_PROVIDER_SOURCE: 'pypi' })).toThrow(/expected nuget or github/);
    expect(() => sourceFromEnv('1.30.0', { ENERGY_BUDGET_CUDA_PROVIDER_URL: 'file:///etc/passwd' })).toThrow(/expected an http/);
  });

  it('cache root: RUNNER_TOOL_CACHE, else XDG_CACHE_HOME, else ~/.cache', () => {
    expect(cacheRoot({ RUNNER_TOOL_CACHE: '/opt/hostedtoolcache' }, '/home/u')).toBe('/opt/hostedtoolcache/energy-budget');
    expect(cacheRoot({ XDG_CACHE_HOME: '/xdg' }, '/home/u')).toBe('/xdg/energy-budget');
    expect(cacheRoot({}, '/home/u')).toBe('/home/u/.cache/energy-budget');
  });
});

describe('archive readers', () => {
  const out = () => mkdtempSync(join(tmpdir(), 'eb-arch-'));
  const write = (b: Buffer, ext: string) => {
    const p = join(out(), `a.${ext}`);
    writeFileSync(p, b);
    return p;
  };

  it('ZIP: stored and deflated entries, sizes and SHA-256', async () => {
    const dir = out();
    const r = await extractZip(
      write(NUPKG, 'zip'),
      { a: 'runtimes/linux-x64/native/libonnxruntime_providers_cuda.so', b: '*/libonnxruntime_providers_shared.so' },
      dir,
    );
    expect(r.a).toEqual({ path: join(dir, 'a'), bytes: CUDA.length, sha256: sha(CUDA) });
    expect(r.b.sha256).toBe(sha(SHARED));
  });

  it('ZIP: a symlink entry, an unknown method, a truncated file', async () => {
    const link = makeZip([{ name: 'lib/x.so', data: Buffer.from('target.so'), symlink: true }]);
    await expect(extractZip(write(link, 'zip'), { x: 'lib/x.so' }, out())).rejects.toThrow(/is a symbolic link/);
    const bzip = makeZip([{ name: 'x', data: Buffer.from('abc') }]);
    bzip.writeUInt16LE(12, bzip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10);
    await expect(extractZip(write(bzip, 'zip'), { x: 'x' }, out())).rejects.toThrow(/compression method 12/);
    await expect(extractZip(write(NUPKG.subarray(0, 500), 'zip'), { x: 'x' }, out())).rejects.toBeInstanceOf(ArchiveError);
  });

  it('TAR: GNU long names and pax paths; links refused; truncated gzip fails', async () => {
    const long = `${'d'.repeat(120)}/libonnxruntime_providers_cuda.so`;
    const tgz = makeTgz([
      tarRecord('././@LongLink', Buffer.from(`${long}\0`), 'L'),
      tarRecord('ignored-short-name', CUDA),
      tarRecord('PaxHeader', Buffer.from('40 path=pax/libonnxruntime_providers_shared.so\n'), 'x'),
      tarRecord('short', SHARED),
    ]);
    const r = await extractTgz(
      write(tgz, 'tgz'),
      { c: `*/libonnxruntime_providers_cuda.so`, s: 'pax/libonnxruntime_providers_shared.so' },
      out(),
    );
    expect(r.c.sha256).toBe(sha(CUDA));
    expect(r.s.sha256).toBe(sha(SHARED));
    await expect(extractTgz(write(TGZ, 'tgz'), { l: '*/lib/libonnxruntime.so' }, out())).rejects.toThrow(/is a symbolic link/);
    await expect(
      extractTgz(
        write(TGZ.subarray(0, TGZ.length - 40), 'tgz'),
        { c: '*/libonnxruntime_providers_cuda.so', s: '*/libonnxruntime_providers_shared.so' },
        out(),
      ),
    ).rejects.toThrow();
  });
});
