/**
 * The Linux arm64 fetch against a loopback HTTP server standing in for the npm registry: the
 * real @actions/tool-cache downloads and caches, the real tar reader unpacks, the real rule then
 * finds the copy. No test touches the network.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import * as tc from '@actions/tool-cache';
import { EnvironmentError } from '../../src/errors.js';
import { ensureOnnxRuntime } from '../../src/github/platform.js';
import { fetchOnnxRuntime, fileIntegrity, keepEntry, type FetchDeps } from '../../src/runtime/fetch.js';
import { realRuntimeProbe } from '../../src/runtime/onnxruntime.js';
import type { PinnedPackage } from '../../src/runtime/pinned.js';
import { extractTarGz } from '../../src/runtime/tar.js';
import { makeTarGz } from './make-tar.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'eb-fetch-'));
const LONG = `package/dist/${'deeply/'.repeat(16)}nested.js`;

const ortNode = makeTarGz([
  { name: 'package/package.json', data: JSON.stringify({ name: 'onnxruntime-node', version: '1.30.0', main: 'dist/index.js' }) },
  {
    name: 'package/dist/index.js',
    data: "const common = require('onnxruntime-common'); module.exports = { binding: require('fs').readFileSync(require('path').join(__dirname, '../bin/napi-v6/linux/arm64/onnxruntime_binding.node'), 'utf8'), common: common.name };",
  },
  { name: LONG, data: 'module.exports = 1;' },
  { name: 'package/bin/napi-v6/linux/arm64/onnxruntime_binding.node', data: 'arm64 binding' },
  { name: 'package/bin/napi-v6/linux/arm64/libonnxruntime.so.1', data: 'arm64 library' },
  { name: 'package/bin/napi-v6/linux/x64/onnxruntime_binding.node', data: 'x64 binding' },
  { name: 'package/bin/napi-v6/darwin/arm64/onnxruntime_binding.node', data: 'darwin binding' },
  { name: 'package/script/install.js', data: 'throw new Error("never run")' },
]);
const ortCommon = makeTarGz([
  { name: 'package/package.json', data: JSON.stringify({ name: 'onnxruntime-common', version: '1.30.0', main: 'index.js' }) },
  { name: 'package/index.js', data: "module.exports = { name: 'common' };" },
]);
// The action's dist/ as the bundle lays it out: a shipped copy with the Linux x64 binding only.
const actionDist = path.join(tmp, 'action', 'dist');
const shipped = path.join(actionDist, 'node_modules', 'onnxruntime-node');
mkdirSync(path.join(shipped, 'bin', 'napi-v6', 'linux', 'x64'), { recursive: true });
writeFileSync(path.join(shipped, 'package.json'), JSON.stringify({ name: 'onnxruntime-node', version: '1.30.0' }));
writeFileSync(path.join(shipped, 'bin', 'napi-v6', 'linux', 'x64', 'onnxruntime_binding.node'), 'x64');
const actionProbe = (platform: string, arch: string, toolCache?: string) => () =>
  realRuntimeProbe('action', { platform, arch, codeDir: actionDist, env: toolCache ? { RUNNER_TOOL_CACHE: toolCache } : {} });

const sri = (b: Buffer) => `sha512-${createHash('sha512').update(b).digest('base64')}`;
const PACKAGES: PinnedPackage[] = [
  { name: 'onnxruntime-node', version: '1.30.0', integrity: sri(ortNode) },
  { name: 'onnxruntime-common', version: '1.30.0', integrity: sri(ortCommon) },
];

let server: Server;
let registry = '';
const requests: string[] = [];
const saved = { cache: process.env.RUNNER_TOOL_CACHE, temp: process.env.RUNNER_TEMP };

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const body =
      req.url === '/onnxruntime-node/-/onnxruntime-node-1.30.0.tgz'
        ? ortNode
        : req.url === '/onnxruntime-common/-/onnxruntime-common-1.30.0.tgz'
          ? ortCommon
          : req.url === '/tampered/onnxruntime-node/-/onnxruntime-node-1.30.0.tgz'
            ? ortCommon
            : null;
    if (!body) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  process.env.RUNNER_TOOL_CACHE = saved.cache;
  process.env.RUNNER_TEMP = saved.temp;
  if (saved.cache === undefined) delete process.env.RUNNER_TOOL_CACHE;
  if (saved.temp === undefined) delete process.env.RUNNER_TEMP;
  rmSync(tmp, { recursive: true, force: true });
});

/** A fresh runner: its own tool cache and temp folder, @actions/tool-cache reading them from the environment. */
function runner(name: string): { toolCache: string; deps: FetchDeps } {
  const toolCache = path.join(tmp, name, 'toolcache');
  const temp = path.join(tmp, name, 'temp');
  process.env.RUNNER_TOOL_CACHE = toolCache;
  process.env.RUNNER_TEMP = temp;
  return {
    toolCache,
    deps: {
      registry,
      download: (url) => tc.downloadTool(url),
      cacheDir: (dir, tool, version, arch) => tc.cacheDir(dir, tool, version, arch),
      tempDir: tmp,
      packages: PACKAGES,
    },
  };
}

describe('fetchOnnxRuntime', () => {
  it('fetches, verifies and caches the arm64 runtime, which the rule then loads', async () => {
    const { toolCache, deps } = runner('ok');
    const lines: string[] = [];
    const dir = await fetchOnnxRuntime('arm64', { ...deps, log: (m) => lines.push(m) });
    expect(dir).toBe(path.join(toolCache, 'energy-budget-onnxruntime', '1.30.0', 'arm64'));
    const ort = path.join(dir, 'node_modules', 'onnxruntime-node');
    // Only the arm64 binaries, and never the install script.
    expect(readdirSync(path.join(ort, 'bin', 'napi-v6'))).toEqual(['linux']);
    expect(readdirSync(path.join(ort, 'bin', 'napi-v6', 'linux'))).toEqual(['arm64']);
    expect(existsSync(path.join(ort, 'script'))).toBe(false);
    expect(existsSync(path.join(dir, 'node_modules', LONG.replace('package/', 'onnxruntime-node/')))).toBe(true);
    expect(lines.join('\n')).toContain('verified');

    const r = ensureOnnxRuntime({
      probe: actionProbe('linux', 'arm64', toolCache),
      fetchDeps: () => Promise.reject(new Error('already cached: no second fetch')),
    });
    const found = await r;
    expect(found).toMatchObject({ source: 'tool-cache', dir: ort, version: '1.30.0' });
    // The fetched copy is a loadable package: it finds its onnxruntime-common beside it.
    expect(createRequire(import.meta.url)(found.entryFile)).toEqual({ binding: 'arm64 binding', common: 'common' });
  });

  it('ensureOnnxRuntime fetches on first use on Linux arm64 only', async () => {
    const { toolCache, deps } = runner('ensure');
    const before = requests.length;
    const probe = actionProbe('linux', 'arm64', toolCache);
    const r = await ensureOnnxRuntime({ probe, fetchDeps: async () => deps });
    expect(r.source).toBe('tool-cache');
    expect(requests.length - before).toBe(2);
    await expect(
      ensureOnnxRuntime({
        probe: actionProbe('darwin', 'arm64'),
        fetchDeps: async () => deps,
      }),
    ).rejects.toThrow(/darwin\/arm64.*ubuntu-24\.04-arm/s);
    expect(requests.length - before).toBe(2);
    // Linux x64 runs the shipped copy without asking the registry.
    expect((await ensureOnnxRuntime({ probe: actionProbe('linux', 'x64'), fetchDeps: async () => deps })).dir).toBe(shipped);
    expect(requests.length - before).toBe(2);
  });

  it('refuses a tarball whose hash differs from the pin and caches nothing', async () => {
    const { toolCache, deps } = runner('tampered');
    const error = await fetchOnnxRuntime('arm64', { ...deps, registry: `${registry}/tampered` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as Error).message).toMatch(/does not match its pinned integrity: expected sha512-.*, got sha512-/);
    expect(existsSync(path.join(toolCache, 'energy-budget-onnxruntime'))).toBe(false);
  });

  it('explains a download the registry refuses', async () => {
    const { deps } = runner('missing');
    const error = await fetchOnnxRuntime('arm64', { ...deps, registry: `${registry}/nowhere` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as Error).message).toContain('registry.npmjs.org');
    expect((error as Error).message).toContain('404');
  });
});

describe('extractTarGz and keepEntry', () => {
  it('refuses an entry that would land outside the destination', async () => {
    const file = path.join(tmp, 'evil.tgz');
    writeFileSync(file, makeTarGz([{ name: 'package/../../evil.txt', data: 'x' }]));
    await expect(extractTarGz(file, path.join(tmp, 'evil-out'), (n) => n)).rejects.toThrow(/outside/);
    expect(existsSync(path.join(tmp, 'evil.txt'))).toBe(false);
  });

  it('reports a truncated archive', async () => {
    const whole = makeTarGz([{ name: 'package/a.js', data: 'x'.repeat(5000) }]);
    const { gunzipSync, gzipSync } = await import('node:zlib');
    const file = path.join(tmp, 'short.tgz');
    writeFileSync(file, gzipSync(gunzipSync(whole).subarray(0, 1024)));
    await expect(extractTarGz(file, path.join(tmp, 'short-out'), (n) => n)).rejects.toThrow(/truncated/);
  });

  it('keeps the JavaScript and this architecture’s binding', () => {
    expect(keepEntry('onnxruntime-node', 'package/dist/index.js', 'arm64')).toBe('node_modules/onnxruntime-node/dist/index.js');
    expect(keepEntry('onnxruntime-node', 'package/bin/napi-v6/linux/x64/x.node', 'arm64')).toBeNull();
    expect(keepEntry('onnxruntime-node', 'package/script/install.js', 'arm64')).toBeNull();
    expect(keepEntry('onnxruntime-common', 'package/dist/cjs/index.js', 'arm64')).toBe(
      'node_modules/onnxruntime-common/dist/cjs/index.js',
    );
    expect(keepEntry('onnxruntime-node', 'other/file', 'arm64')).toBeNull();
  });

  it('computes the same integrity as npm for the lockfile’s onnxruntime-node tarball format', async () => {
    const file = path.join(tmp, 'common.tgz');
    writeFileSync(file, ortCommon);
    expect(await fileIntegrity(file)).toBe(PACKAGES[1].integrity);
  });
});
