import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import {
  bindingFile,
  describeFailure,
  findPackageRoot,
  inPeerRange,
  onnxRuntimeFor,
  realRuntimeProbe,
  resolveOnnxRuntime,
  toolCacheDirFrom,
  type RuntimeEntry,
  type RuntimeProbe,
} from '../../src/runtime/onnxruntime.js';
import { EnvironmentError } from '../../src/errors.js';

// A project with energy-budget installed from npm: the bundle's Linux x64 copy in dist/, and
// (when the user installed it) the platform's onnxruntime-node hoisted into the project.
const PROJECT = path.join(path.sep, 'proj', 'node_modules');
const PKG = path.join(PROJECT, 'energy-budget');
const SHIPPED = path.join(PKG, 'dist', 'node_modules', 'onnxruntime-node');
const INSTALLED = path.join(PROJECT, 'onnxruntime-node');
const TOOL_CACHE = path.join(path.sep, 'opt', 'hostedtoolcache', 'energy-budget-onnxruntime', '1.30.0', 'arm64');
const FETCHED = path.join(TOOL_CACHE, 'node_modules', 'onnxruntime-node');
const NPM_BINDINGS = ['darwin/arm64', 'linux/arm64', 'linux/x64', 'win32/arm64', 'win32/x64'];

interface World {
  installed?: { version: string; pairs: string[] };
  fetched?: boolean;
}

function probe(platform: string, arch: string, entry: RuntimeEntry, world: World): RuntimeProbe {
  const files = new Set<string>([bindingFile(SHIPPED, 'linux', 'x64')]);
  for (const pair of world.installed?.pairs ?? []) files.add(bindingFile(INSTALLED, ...(pair.split('/') as [string, string])));
  if (world.fetched) files.add(bindingFile(FETCHED, 'linux', 'arm64'));
  return {
    platform,
    arch,
    entry,
    packageRoot: PKG,
    codeDir: path.join(PKG, 'dist', 'chunks'),
    resolvePackage: (from) => (from === PKG ? (world.installed ? INSTALLED : null) : SHIPPED),
    versionOf: (dir) => (dir === INSTALLED ? world.installed!.version : '1.30.0'),
    exists: (f) => files.has(f),
    toolCacheDir: (a) => (world.fetched && a === 'arm64' ? TOOL_CACHE : null),
  };
}

const PAIRS: Array<[string, string]> = [
  ['linux', 'x64'],
  ['linux', 'arm64'],
  ['darwin', 'arm64'],
  ['darwin', 'x64'],
  ['win32', 'x64'],
  ['win32', 'arm64'],
];

describe('resolveOnnxRuntime: the CLI', () => {
  // [platform, arch, with npm's onnxruntime-node installed?, expected source or null]
  it.each([
    ['linux', 'x64', false, 'shipped'],
    ['linux', 'x64', true, 'installed'],
    ['linux', 'arm64', false, null],
    ['linux', 'arm64', true, 'installed'],
    ['darwin', 'arm64', false, null],
    ['darwin', 'arm64', true, 'installed'],
    // onnxruntime-node 1.30 has no darwin/x64 binding: nothing loads on an Intel Mac.
    ['darwin', 'x64', true, null],
    ['win32', 'x64', false, null],
    ['win32', 'x64', true, 'installed'],
    ['win32', 'arm64', true, 'installed'],
  ] as const)('%s/%s, installed from npm: %s → %s', (platform, arch, installed, expected) => {
    const r = resolveOnnxRuntime(
      probe(platform, arch, 'cli', installed ? { installed: { version: '1.30.0', pairs: NPM_BINDINGS } } : {}),
    );
    if (expected === null) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.fetchable).toBe(false);
    } else {
      expect(r).toMatchObject({ ok: true, source: expected });
      if (r.ok) expect(r.entryFile).toBe(path.join(expected === 'installed' ? INSTALLED : SHIPPED, 'dist', 'index.js'));
    }
  });

  it('skips an installed onnxruntime-node outside the supported range and says why', () => {
    for (const version of ['1.29.9', '2.0.0', 'garbage']) {
      const r = resolveOnnxRuntime(probe('linux', 'x64', 'cli', { installed: { version, pairs: NPM_BINDINGS } }));
      expect(r).toMatchObject({ ok: true, source: 'shipped' });
      expect(r.tried[0]).toMatchObject({ source: 'installed', rejected: expect.stringContaining(version) });
    }
  });

  it('tells a Mac user the one command that fixes it', () => {
    const p = probe('darwin', 'arm64', 'cli', {});
    const r = resolveOnnxRuntime(p);
    expect(r.ok).toBe(false);
    const text = describeFailure(p, r.tried);
    expect(text).toContain('darwin/arm64');
    expect(text).toContain('npm install onnxruntime-node@^1.30.0');
    expect(text).toContain('no binding for darwin/arm64');
  });
});

describe('resolveOnnxRuntime: the action', () => {
  it.each(PAIRS)('%s/%s', (platform, arch) => {
    // An installed copy never counts for the action: it runs what it ships or fetched.
    const world: World = { installed: { version: '1.30.0', pairs: NPM_BINDINGS } };
    const before = resolveOnnxRuntime(probe(platform, arch, 'action', world));
    if (platform === 'linux' && arch === 'x64') {
      expect(before).toMatchObject({ ok: true, source: 'shipped' });
      return;
    }
    expect(before.ok).toBe(false);
    if (before.ok) return;
    expect(before.fetchable).toBe(platform === 'linux' && arch === 'arm64');
    expect(before.tried.map((c) => c.source)).toEqual(['shipped', 'tool-cache']);
    const after = resolveOnnxRuntime(probe(platform, arch, 'action', { ...world, fetched: true }));
    if (platform === 'linux' && arch === 'arm64') {
      expect(after).toMatchObject({ ok: true, source: 'tool-cache', entryFile: path.join(FETCHED, 'dist', 'index.js') });
    } else {
      expect(after.ok).toBe(false);
      expect(describeFailure({ platform, arch, entry: 'action' }, after.tried)).toContain('ubuntu-24.04-arm');
    }
  });
});

describe('the rule on this machine', () => {
  it('accepts versions in ^1.30.0 only', () => {
    expect([inPeerRange('1.30.0'), inPeerRange('1.31.2'), inPeerRange('1.29.0'), inPeerRange('2.0.0')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('finds the package root and the repository copy from source', () => {
    const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../..');
    expect(findPackageRoot(path.join(root, 'src', 'runtime'))).toBe(root);
    const r = onnxRuntimeFor();
    expect(r.dir).toBe(path.join(root, 'node_modules', 'onnxruntime-node'));
    expect(r.source).toBe('installed');
  });

  it('refuses a platform with no binding anywhere with exit code 3', () => {
    let error: unknown;
    try {
      onnxRuntimeFor(realRuntimeProbe('cli', { platform: 'aix', arch: 'ppc64' }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as EnvironmentError).exitCode).toBe(3);
    expect((error as Error).message).toContain('aix/ppc64');
  });

  it('reads the tool cache only where @actions/tool-cache marked the folder complete', () => {
    const exists = (f: string) => f === path.join('/tc', 'energy-budget-onnxruntime', '1.30.0', 'arm64') + '.complete';
    expect(toolCacheDirFrom({ RUNNER_TOOL_CACHE: '/tc' }, 'arm64', exists)).toBe(
      path.join('/tc', 'energy-budget-onnxruntime', '1.30.0', 'arm64'),
    );
    expect(toolCacheDirFrom({ RUNNER_TOOL_CACHE: '/tc' }, 'x64', exists)).toBeNull();
    expect(toolCacheDirFrom({}, 'arm64', exists)).toBeNull();
  });
});
