/**
 * Which onnxruntime-node this process loads: one rule for the CLI, the action and the
 * measurement worker, decided before anything native is loaded.
 *
 * A copy is usable when it holds the native binding onnxruntime-node itself loads,
 * `bin/napi-v6/<platform>/<arch>/onnxruntime_binding.node`. The candidates, in order:
 *
 * - CLI (`npx energy-budget`, `bin/energy-budget.js`):
 *   1. `installed`: the onnxruntime-node npm installed next to energy-budget, as Node resolves it
 *      from energy-budget's package folder (its own node_modules, then the project's or the
 *      global prefix's). npm fetches it for the platform: the package carries bindings for
 *      darwin arm64, linux arm64/x64 and win32 arm64/x64. It is an optional peer dependency, so
 *      a Linux x64 install never runs its postinstall (which downloads the CUDA provider from
 *      NuGet); on macOS, Windows and Linux arm64 that script downloads nothing.
 *      Only a version in `PEER_RANGE` counts. From the repository this is the dev dependency.
 *   2. `shipped`: dist/node_modules/onnxruntime-node, the Linux x64 copy the bundle carries.
 * - Action (`dist/index.js`):
 *   1. `shipped`, as above.
 *   2. `tool-cache`: the Linux arm64 runtime fetched from the npm registry with a pinned
 *      integrity hash into the runner's tool cache (src/runtime/fetch.ts); the action fetches it
 *      on first use, so the check after the fetch finds it.
 *
 * From source (tests, `scripts/run-ts.mjs`), `installed` and `shipped` are both the repository's
 * node_modules copy. The bundle replaces `import 'onnxruntime-node'` with src/runtime/ort-bundle.ts,
 * which loads the copy this rule picks (scripts/bundle.mjs).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvironmentError } from '../errors.js';
import { PINNED_ONNXRUNTIME, TOOL_CACHE_NAME } from './pinned.js';

/**
 * The onnxruntime-node versions the CLI accepts from npm: package.json's peerDependencies range
 * (a caret range; __tests__/runtime/pinned.test.ts keeps the two equal).
 */
export const PEER_RANGE = { text: '^1.30.0' } as const;

/** A version's first three numbers, or undefined when it does not start with them. */
function versionNumbers(version: string): [number, number, number] | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

export type RuntimeSource = 'installed' | 'shipped' | 'tool-cache';
export type RuntimeEntry = 'cli' | 'action';

/** Everything the rule reads from the machine; tests pass each platform/arch pair. */
export interface RuntimeProbe {
  platform: string;
  arch: string;
  /** Which program is running: the CLI or the action. */
  entry: RuntimeEntry;
  /** energy-budget's package folder (the one holding package.json, bin/ and dist/). */
  packageRoot: string;
  /** The folder of the running code (dist/ or dist/chunks in the bundle). */
  codeDir: string;
  /** The onnxruntime-node folder Node resolves from `fromDir`, or null when none. */
  resolvePackage(fromDir: string): string | null;
  /** The version in a package folder's package.json, or null when unreadable. */
  versionOf(packageDir: string): string | null;
  exists(file: string): boolean;
  /** The tool-cache folder of a fetched runtime for `arch`, or null (not fetched, not on a runner). */
  toolCacheDir(arch: string): string | null;
}

export interface RuntimeCandidate {
  source: RuntimeSource;
  /** The onnxruntime-node package folder looked at, or null when there was none. */
  dir: string | null;
  /** Why it was not used; absent for the chosen one. */
  rejected?: string;
}

export type RuntimeResolution =
  | { ok: true; source: RuntimeSource; dir: string; entryFile: string; version: string | null; tried: RuntimeCandidate[] }
  | { ok: false; tried: RuntimeCandidate[]; fetchable: boolean };

/** The binding onnxruntime-node's dist/binding.js requires for a platform/arch pair. */
export function bindingFile(dir: string, platform: string, arch: string): string {
  return path.join(dir, 'bin', 'napi-v6', platform, arch, 'onnxruntime_binding.node');
}

/** Whether a version string is inside the caret range PEER_RANGE (^1.30.0: >= 1.30.0, < 2). */
export function inPeerRange(version: string): boolean {
  const v = versionNumbers(version);
  const min = versionNumbers(PEER_RANGE.text.slice(1))!;
  if (!v || v[0] !== min[0]) return false;
  for (let i = 1; i < 3; i++) {
    if (v[i] !== min[i]) return v[i]! > min[i]!;
  }
  return true;
}

/** Whether the action can fetch a runtime for this pair into the tool cache (Linux arm64). */
export function fetchablePlatform(platform: string, arch: string): boolean {
  return platform === 'linux' && arch === 'arm64';
}

/** Applies the rule (see the module comment) to the probe's answers; pure apart from the probe. */
export function resolveOnnxRuntime(probe: RuntimeProbe): RuntimeResolution {
  const { platform, arch } = probe;
  const order: RuntimeSource[] = probe.entry === 'cli' ? ['installed', 'shipped'] : ['shipped', 'tool-cache'];
  const tried: RuntimeCandidate[] = [];
  const seen = new Set<string>();
  for (const source of order) {
    let dir: string | null;
    if (source === 'installed') dir = probe.resolvePackage(probe.packageRoot);
    else if (source === 'shipped') dir = probe.resolvePackage(probe.codeDir);
    else {
      const cache = probe.toolCacheDir(arch);
      dir = cache === null ? null : path.join(cache, 'node_modules', 'onnxruntime-node');
    }
    if (dir === null) {
      tried.push({ source, dir, rejected: source === 'tool-cache' ? 'not fetched yet' : 'not installed' });
      continue;
    }
    if (seen.has(dir)) continue; // from the repository, installed and shipped are one folder
    seen.add(dir);
    const version = probe.versionOf(dir);
    if (source === 'installed' && (version === null || !inPeerRange(version))) {
      tried.push({ source, dir, rejected: `version ${version ?? 'unknown'} is outside ${PEER_RANGE.text}` });
      continue;
    }
    if (!probe.exists(bindingFile(dir, platform, arch))) {
      tried.push({ source, dir, rejected: `no binding for ${platform}/${arch}` });
      continue;
    }
    tried.push({ source, dir });
    return { ok: true, source, dir, entryFile: path.join(dir, 'dist', 'index.js'), version, tried };
  }
  return { ok: false, tried, fetchable: probe.entry === 'action' && fetchablePlatform(platform, arch) };
}

/** The sentence of an EnvironmentError for a failed resolution: what was tried and how to fix it. */
export function describeFailure(probe: Pick<RuntimeProbe, 'platform' | 'arch' | 'entry'>, tried: RuntimeCandidate[]): string {
  const pair = `${probe.platform}/${probe.arch}`;
  const looked = tried.map((c) => `${c.source} (${c.dir ?? 'none'}): ${c.rejected ?? 'used'}`).join('; ');
  if (probe.entry === 'action') {
    return (
      `energy-budget has no onnxruntime build for ${pair} here (looked at ${looked}). The action runs on Linux x64 ` +
      '(`runs-on: ubuntu-latest`) and Linux arm64 runners (`runs-on: ubuntu-24.04-arm`); on macOS or Windows, run the CLI ' +
      `instead: \`npm install energy-budget onnxruntime-node@${PEER_RANGE.text}\` then \`npx energy-budget run\`.`
    );
  }
  return (
    `No onnxruntime for ${pair} here (looked at ${looked}). Install onnxruntime-node next to energy-budget, ` +
    `which brings the ${pair} binding: \`npm install onnxruntime-node@${PEER_RANGE.text}\` in the same project ` +
    `(or \`npm install -g onnxruntime-node@${PEER_RANGE.text}\` for a global energy-budget). onnxruntime-node ships ` +
    'bindings for darwin/arm64, linux/arm64, linux/x64, win32/arm64 and win32/x64.'
  );
}

/** energy-budget's package folder: the nearest folder above `fromDir` whose package.json names it. */
export function findPackageRoot(fromDir: string, read: (file: string) => string | null = readText): string {
  let dir = fromDir;
  for (;;) {
    const text = read(path.join(dir, 'package.json'));
    if (text !== null) {
      try {
        if ((JSON.parse(text) as { name?: unknown }).name === 'energy-budget') return dir;
      } catch {
        // not JSON: keep looking
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return fromDir;
    dir = parent;
  }
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Where a fetched runtime lives in the tool cache: `$RUNNER_TOOL_CACHE/<name>/<version>/<arch>`, if complete. */
export function toolCacheDirFrom(
  env: Record<string, string | undefined>,
  arch: string,
  exists: (file: string) => boolean = existsSync,
): string | null {
  const root = env.RUNNER_TOOL_CACHE;
  if (!root) return null;
  // @actions/tool-cache's layout: cacheDir() writes the folder and then `<folder>.complete`.
  const dir = path.join(root, TOOL_CACHE_NAME, PINNED_ONNXRUNTIME.version, arch);
  return exists(`${dir}.complete`) ? dir : null;
}

/** The probe for this process, reading the real file system. */
export function realRuntimeProbe(
  entry: RuntimeEntry,
  options: { platform?: string; arch?: string; env?: Record<string, string | undefined>; codeDir?: string } = {},
): RuntimeProbe {
  const codeDir = options.codeDir ?? path.dirname(fileURLToPath(import.meta.url));
  const env = options.env ?? process.env;
  return {
    platform: options.platform ?? process.platform,
    arch: options.arch ?? process.arch,
    entry,
    packageRoot: findPackageRoot(codeDir),
    codeDir,
    resolvePackage(fromDir) {
      try {
        return path.dirname(createRequire(path.join(fromDir, 'noop.js')).resolve('onnxruntime-node/package.json'));
      } catch {
        return null;
      }
    },
    versionOf(dir) {
      const text = readText(path.join(dir, 'package.json'));
      if (text === null) return null;
      try {
        const v = (JSON.parse(text) as { version?: unknown }).version;
        return typeof v === 'string' ? v : null;
      } catch {
        return null;
      }
    },
    exists: existsSync,
    toolCacheDir: (arch) => toolCacheDirFrom(env, arch),
  };
}

/**
 * Which program this process serves, for the rule's order: the action sets
 * ENERGY_BUDGET_RUNTIME_ENTRY=action for its workers (src/action/run-mode.ts), so the worker
 * it forks resolves like the action; everything else is the CLI.
 */
export function runtimeEntryFrom(env: Record<string, string | undefined>): RuntimeEntry {
  return env.ENERGY_BUDGET_RUNTIME_ENTRY === 'action' ? 'action' : 'cli';
}

/**
 * The onnxruntime-node this process loads (the rule above, real probes).
 * @throws EnvironmentError (exit 3) naming what was looked at and how to install a runtime.
 */
export function onnxRuntimeFor(probe: RuntimeProbe = realRuntimeProbe(runtimeEntryFrom(process.env))) {
  const r = resolveOnnxRuntime(probe);
  if (!r.ok) throw new EnvironmentError(describeFailure(probe, r.tried));
  return r;
}
