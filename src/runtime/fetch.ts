/**
 * The action's Linux arm64 runtime: onnxruntime-node and onnxruntime-common fetched from the
 * npm registry on first use, each tarball checked against its pinned integrity hash
 * (src/runtime/pinned.ts), then the JavaScript and the linux/<arch> binding alone copied into
 * the runner's tool cache with @actions/tool-cache (`$RUNNER_TOOL_CACHE/energy-budget-onnxruntime/
 * <version>/<arch>/node_modules/…`), where src/runtime/onnxruntime.ts finds it.
 *
 * Why a fetch rather than shipping the binding in dist/: docs/action.md gives both figures (the
 * registry serves onnxruntime-node as one tarball with every platform's binaries).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EnvironmentError, messageOf } from '../errors.js';
import { PINNED_ONNXRUNTIME, TOOL_CACHE_NAME, tarballUrl, type PinnedPackage } from './pinned.js';
import { extractTarGz } from './tar.js';

/** The public npm registry, where the pinned tarballs live. */
export const NPM_REGISTRY = 'https://registry.npmjs.org';

/** The edges the fetch uses; the defaults are @actions/tool-cache's (src/runtime/fetch-deps.ts). */
export interface FetchDeps {
  /** @default NPM_REGISTRY */
  registry?: string;
  /** Downloads a URL to a new file and returns its path (tool-cache's downloadTool). */
  download(url: string): Promise<string>;
  /** Copies a folder into the tool cache and marks it complete (tool-cache's cacheDir). */
  cacheDir(sourceDir: string, tool: string, version: string, arch: string): Promise<string>;
  /** Where the staging folder is made. @default os.tmpdir() */
  tempDir?: string;
  /** Progress lines. */
  log?: (message: string) => void;
  /** The packages to fetch. @default PINNED_ONNXRUNTIME.packages */
  packages?: readonly PinnedPackage[];
}

/** The Subresource Integrity string (`sha512-<base64>`) of a file, read as a stream. */
export async function fileIntegrity(file: string, algorithm = 'sha512'): Promise<string> {
  const hash = createHash(algorithm);
  // A read stream without an encoding yields Buffers.
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return `${algorithm}-${hash.digest('base64')}`;
}

/**
 * The tarball entries kept: `package/` stripped; every file of onnxruntime-common; of
 * onnxruntime-node everything but the other platforms' binaries in bin/ and its install script.
 */
export function keepEntry(pkg: string, name: string, arch: string): string | null {
  if (!name.startsWith('package/')) return null;
  const rel = name.slice('package/'.length);
  if (pkg === 'onnxruntime-node') {
    if (rel.startsWith('bin/') && !rel.startsWith(`bin/napi-v6/linux/${arch}/`)) return null;
    if (rel.startsWith('script/')) return null;
  }
  return path.posix.join('node_modules', pkg, rel);
}

/**
 * Fetches the pinned runtime for linux/`arch` into the tool cache and returns its folder.
 * @throws EnvironmentError (exit 3) when a download fails or a tarball's hash differs from the pin.
 */
export async function fetchOnnxRuntime(arch: string, deps: FetchDeps): Promise<string> {
  const registry = deps.registry ?? NPM_REGISTRY;
  const packages = deps.packages ?? PINNED_ONNXRUNTIME.packages;
  const staging = await mkdtemp(path.join(deps.tempDir ?? os.tmpdir(), 'eb-onnxruntime-'));
  try {
    for (const pkg of packages) {
      const url = tarballUrl(registry, pkg);
      deps.log?.(`Fetching ${pkg.name}@${pkg.version} for linux/${arch} from ${url}`);
      let file: string;
      try {
        file = await deps.download(url);
      } catch (error) {
        throw new EnvironmentError(
          `Could not download ${url} (${messageOf(error)}): the action fetches onnxruntime for Linux arm64 ` +
            'from the npm registry on first use. Allow the runner to reach registry.npmjs.org, or run on Linux x64 ' +
            '(`runs-on: ubuntu-latest`), where the runtime ships with the action.',
          { cause: error },
        );
      }
      try {
        const got = await fileIntegrity(file);
        if (got !== pkg.integrity) {
          throw new EnvironmentError(
            `${url} does not match its pinned integrity: expected ${pkg.integrity}, got ${got}. The download was ` +
              'altered or truncated; nothing was installed. Retry the job; if it persists, report it at the energy-budget repository.',
          );
        }
        const files = await extractTarGz(file, staging, (name) => keepEntry(pkg.name, name, arch));
        deps.log?.(`${pkg.name}: ${files} files verified (${pkg.integrity.slice(0, 19)}…) and unpacked`);
      } finally {
        await rm(file, { force: true });
      }
    }
    const version = packages[0]?.version ?? PINNED_ONNXRUNTIME.version;
    return await deps.cacheDir(staging, TOOL_CACHE_NAME, version, arch);
  } finally {
    // Only the staging folder this call created.
    await rm(staging, { recursive: true, force: true });
  }
}

/** The real edges: @actions/tool-cache's download (retries 5xx) and cache, RUNNER_TEMP for staging. */
export async function toolCacheDeps(env: Record<string, string | undefined>, log: (message: string) => void): Promise<FetchDeps> {
  const tc = await import('@actions/tool-cache');
  return {
    download: (url) => tc.downloadTool(url),
    cacheDir: (dir, tool, version, arch) => tc.cacheDir(dir, tool, version, arch),
    tempDir: env.RUNNER_TEMP || undefined,
    log,
  };
}
