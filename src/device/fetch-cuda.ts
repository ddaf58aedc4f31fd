/**
 * Fetches onnxruntime's CUDA provider binaries when a model asks for `device: cuda` (and only
 * then): download, verify against a pinned SHA-256, extract, cache, and copy next to
 * onnxruntime's native binding, where onnxruntime loads providers from.
 *
 * Source (default): the NuGet package `Microsoft.ML.OnnxRuntime.Gpu.Linux` at the exact
 * onnxruntime-node version, the same files onnxruntime-node's own script/install.js would fetch
 * with `ONNXRUNTIME_NODE_INSTALL=cuda12` (install-metadata.js: `runtimes/linux-x64/native/
 * libonnxruntime_providers_{cuda,shared}.so` from that package; install-utils.js resolves it
 * through NuGet's PackageBaseAddress, `https://api.nuget.org/v3-flatcontainer/`).
 * Alternative (`ENERGY_BUDGET_CUDA_PROVIDER_SOURCE=github`): the GitHub release asset
 * `onnxruntime-linux-x64-gpu-<version>.tgz`, whose `lib/` holds the same two files.
 * Any other mirror: `ENERGY_BUDGET_CUDA_PROVIDER_URL` (.nupkg/.zip or .tgz/.tar.gz).
 *
 * Pinning: the archive's SHA-256 must be in src/device/cuda-checksums.ts or given in
 * `ENERGY_BUDGET_CUDA_PROVIDER_SHA256`; otherwise nothing is downloaded.
 *
 * Cache: `$RUNNER_TOOL_CACHE/energy-budget` on GitHub runners (kept between jobs on
 * self-hosted runners; actions/cache can save it elsewhere), else `$XDG_CACHE_HOME/energy-budget`
 * or `~/.cache/energy-budget`; under it `onnxruntime-cuda/<version>-<digest prefix>/` with a
 * manifest of each file's SHA-256, checked on every cache hit.
 *
 * Network: node:http/https with an idle timeout (no byte for `timeoutMs` aborts), redirects
 * followed (NuGet and GitHub both redirect to a CDN), 5xx and dropped connections retried with
 * back-off, 4xx not retried. Proxies are not supported.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { EnvironmentError, InternalError, messageOf, errnoCode } from '../errors.js';
import { extractTgz, extractZip, type WantedEntries } from './archive.js';
import { CUDA_PROVIDER_CHECKSUMS, type PinnedArchive } from './cuda-checksums.js';
import { CUDA_PROVIDER_FILES, defaultBindingDir } from './providers.js';
import { onnxRuntimeFor } from '../runtime/onnxruntime.js';

/** Where the provider binaries come from. */
export interface CudaProviderSource {
  /** `nuget`, `github` or `url` (a user-given mirror). */
  kind: 'nuget' | 'github' | 'url';
  url: string;
  format: 'zip' | 'tgz';
  /** Our file name → entry in the archive (`*` + `/suffix` matches any folder). */
  files: WantedEntries;
}

/** The default source for an onnxruntime version and source kind (see the module comment). */
export function cudaProviderSource(version: string, kind: 'nuget' | 'github' = 'nuget'): CudaProviderSource {
  if (kind === 'github') {
    const base = `onnxruntime-linux-x64-gpu-${version}`;
    return {
      kind,
      url: `https://github.com/microsoft/onnxruntime/releases/download/v${version}/${base}.tgz`,
      format: 'tgz',
      files: Object.fromEntries(CUDA_PROVIDER_FILES.map((f) => [f, `${base}/lib/${f}`])),
    };
  }
  const id = 'microsoft.ml.onnxruntime.gpu.linux';
  return {
    kind,
    url: `https://api.nuget.org/v3-flatcontainer/${id}/${version.toLowerCase()}/${id}.${version.toLowerCase()}.nupkg`,
    format: 'zip',
    files: Object.fromEntries(CUDA_PROVIDER_FILES.map((f) => [f, `runtimes/linux-x64/native/${f}`])),
  };
}

/**
 * The source the environment asks for: ENERGY_BUDGET_CUDA_PROVIDER_URL, else
 * ENERGY_BUDGET_CUDA_PROVIDER_SOURCE (`nuget` | `github`), else NuGet.
 * @throws EnvironmentError for an unknown source name or a URL that is not http(s).
 */
export function sourceFromEnv(version: string, env: Record<string, string | undefined>): CudaProviderSource {
  const url = env.ENERGY_BUDGET_CUDA_PROVIDER_URL?.trim();
  if (url) {
    if (!/^https?:\/\//.test(url)) {
      throw new EnvironmentError(
        `ENERGY_BUDGET_CUDA_PROVIDER_URL is "${url}", expected an http:// or https:// URL of a .nupkg/.zip or .tgz archive holding ${CUDA_PROVIDER_FILES.join(' and ')}.`,
      );
    }
    const tgz = /\.(tgz|tar\.gz)(\?|$)/.test(url);
    return {
      kind: 'url',
      url,
      format: tgz ? 'tgz' : 'zip',
      files: Object.fromEntries(CUDA_PROVIDER_FILES.map((f) => [f, `*/${f}`])),
    };
  }
  const kind = env.ENERGY_BUDGET_CUDA_PROVIDER_SOURCE?.trim() || 'nuget';
  if (kind !== 'nuget' && kind !== 'github') {
    throw new EnvironmentError(
      `ENERGY_BUDGET_CUDA_PROVIDER_SOURCE is "${kind}", expected nuget or github (or set ENERGY_BUDGET_CUDA_PROVIDER_URL to a mirror).`,
    );
  }
  return cudaProviderSource(version, kind);
}

/** The cache root (see the module comment). */
export function cacheRoot(env: Record<string, string | undefined>, home: string = homedir()): string {
  if (env.RUNNER_TOOL_CACHE) return join(env.RUNNER_TOOL_CACHE, 'energy-budget');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'energy-budget');
}

/** The version of the onnxruntime-node this process loads (src/runtime/onnxruntime.ts), from its package.json. */
export function onnxruntimeNodeVersion(): string {
  const req = createRequire(import.meta.url);
  const file = join(onnxRuntimeFor().dir, 'package.json');
  const pkg: unknown = req(file);
  if (typeof pkg !== 'object' || pkg === null || !('version' in pkg) || typeof pkg.version !== 'string')
    throw new EnvironmentError(`${file} has no "version" string; reinstall onnxruntime-node.`);
  return pkg.version;
}

/** Options of {@link ensureCudaProvider}. */
export interface CudaFetchOptions {
  env: Record<string, string | undefined>;
  /** @default the installed onnxruntime-node's version */
  version?: string;
  /** @default from env (sourceFromEnv) */
  source?: CudaProviderSource;
  /** Where to install the files. @default onnxruntime-node's binding folder */
  bindingDir?: string;
  /** @default cacheRoot(env) */
  cacheDir?: string;
  /** Pinned digests by URL. @default CUDA_PROVIDER_CHECKSUMS */
  checksums?: Readonly<Record<string, PinnedArchive>>;
  /** Abort when no byte arrives for this long, ms. @default 30000 */
  timeoutMs?: number;
  /** Retries after a 5xx, a dropped connection or a timeout. @default 3 */
  retries?: number;
  /** Waits between retries (1 s, 2 s, 4 s …). Tests pass an immediate one. */
  sleep?: (ms: number) => Promise<void>;
  /** Progress lines. */
  log?: (line: string) => void;
}

/** What {@link ensureCudaProvider} did. */
export interface CudaFetchResult {
  /** The binding folder the files are now in. */
  installedTo: string;
  /** The cache folder holding the verified files. */
  cacheDir: string;
  /** False when the cache already had them. */
  downloaded: boolean;
  url: string;
  sha256: string;
  files: Record<string, { bytes: number; sha256: string }>;
}

interface Manifest {
  url: string;
  sha256: string;
  files: Record<string, { bytes: number; sha256: string }>;
}

class HttpFailure extends InternalError {
  constructor(
    message: string,
    readonly retry: boolean,
  ) {
    super('ENVIRONMENT', message);
    this.name = 'HttpFailure';
  }
}

async function sha256File(path: string): Promise<string> {
  // Streams through a hash; files here are hundreds of MB.
  const hash = createHash('sha256');
  // A read stream without an encoding yields Buffers.
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  return hash.digest('hex');
}

function get(url: string, timeoutMs: number): Promise<IncomingMessage> {
  return new Promise((resolveRes, reject) => {
    const req = (url.startsWith('https:') ? httpsRequest : httpRequest)(
      url,
      { method: 'GET', headers: { 'user-agent': 'energy-budget' } },
      resolveRes,
    );
    req.setTimeout(timeoutMs, () => req.destroy(new HttpFailure(`no response within ${timeoutMs / 1000} s`, true)));
    req.on('error', (e) =>
      reject(e instanceof HttpFailure ? e : new HttpFailure(`connection failed (${errnoCode(e) ?? e.message})`, true)),
    );
    req.end();
  });
}

/** Downloads to `dest` following redirects; returns the SHA-256. One attempt. */
async function downloadOnce(
  url: string,
  dest: string,
  timeoutMs: number,
): Promise<{ sha256: string; bytes: number; finalUrl: string }> {
  let current = url;
  for (let hop = 0; hop <= 5; hop++) {
    const res = await get(current, timeoutMs);
    const status = res.statusCode ?? 0;
    if (status >= 300 && status < 400 && res.headers.location) {
      res.resume();
      current = new URL(res.headers.location, current).toString();
      continue;
    }
    if (status !== 200) {
      res.resume();
      throw new HttpFailure(
        `HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''} from ${current}`,
        status >= 500 || status === 429,
      );
    }
    const expected = res.headers['content-length'] !== undefined ? Number(res.headers['content-length']) : undefined;
    const hash = createHash('sha256');
    let bytes = 0;
    const out = createWriteStream(dest);
    try {
      await new Promise<void>((done, fail) => {
        // Set before destroying, since 'aborted' may be emitted before 'error'.
        let cause: HttpFailure | undefined;
        res.setTimeout(timeoutMs, () => {
          cause = new HttpFailure(`the download stalled (no data for ${timeoutMs / 1000} s)`, true);
          res.destroy(cause);
        });
        res.on('data', (chunk: Buffer) => {
          hash.update(chunk);
          bytes += chunk.length;
          if (!out.write(chunk)) {
            res.pause();
            out.once('drain', () => res.resume());
          }
        });
        res.on('end', () => out.end(done));
        res.on('error', (e) =>
          fail(cause ?? (e instanceof HttpFailure ? e : new HttpFailure(`the connection dropped (${e.message})`, true))),
        );
        res.on('aborted', () => fail(cause ?? new HttpFailure('the connection dropped', true)));
        out.on('error', fail);
      });
    } catch (error) {
      out.destroy();
      throw error;
    }
    if (expected !== undefined && bytes !== expected)
      throw new HttpFailure(`the download ended after ${bytes} of ${expected} bytes`, true);
    return { sha256: hash.digest('hex'), bytes, finalUrl: current };
  }
  throw new HttpFailure(`more than 5 redirects from ${url}`, false);
}

/** The shape this module writes to manifest.json; anything else is treated as no cache. */
function isManifest(x: unknown): x is Manifest {
  if (typeof x !== 'object' || x === null) return false;
  if (!('url' in x) || typeof x.url !== 'string' || !('sha256' in x) || typeof x.sha256 !== 'string') return false;
  if (!('files' in x) || typeof x.files !== 'object' || x.files === null) return false;
  return Object.values(x.files).every(
    (f: unknown) =>
      typeof f === 'object' &&
      f !== null &&
      'bytes' in f &&
      typeof f.bytes === 'number' &&
      'sha256' in f &&
      typeof f.sha256 === 'string',
  );
}

async function readManifest(dir: string): Promise<Manifest | undefined> {
  try {
    const manifest: unknown = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    return isManifest(manifest) ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** True when every file of the manifest is in `dir` with its recorded size and SHA-256. */
async function cacheIntact(dir: string, m: Manifest, names: readonly string[]): Promise<boolean> {
  for (const name of names) {
    const rec = m.files[name];
    if (!rec) return false;
    try {
      if ((await stat(join(dir, name))).size !== rec.bytes) return false;
      if ((await sha256File(join(dir, name))) !== rec.sha256) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Makes onnxruntime's CUDA provider binaries available next to its binding: from the cache
 * when it holds verified copies, else downloaded, checked against the pinned SHA-256,
 * extracted and cached. Does nothing for the network when the binding folder already has
 * files identical to the cached ones.
 * @throws EnvironmentError (exit 3) naming the URL and the fix when no digest is pinned, the
 *   server answers an error, the download times out or is cut, the digest differs, the archive
 *   lacks the files, or the folders are not writable.
 */
export async function ensureCudaProvider(opts: CudaFetchOptions): Promise<CudaFetchResult> {
  const version = opts.version ?? onnxruntimeNodeVersion();
  const source = opts.source ?? sourceFromEnv(version, opts.env);
  const log = opts.log ?? (() => undefined);
  const userDigest = opts.env.ENERGY_BUDGET_CUDA_PROVIDER_SHA256?.trim().toLowerCase();
  if (userDigest !== undefined && userDigest !== '' && !/^[0-9a-f]{64}$/.test(userDigest)) {
    throw new EnvironmentError(
      `ENERGY_BUDGET_CUDA_PROVIDER_SHA256 is "${userDigest}", expected 64 hexadecimal digits (the output of \`sha256sum\` on the archive).`,
    );
  }
  const pinned = userDigest || (opts.checksums ?? CUDA_PROVIDER_CHECKSUMS)[source.url]?.sha256;
  if (!pinned) {
    throw new EnvironmentError(
      `device: cuda needs onnxruntime's CUDA provider binaries, which are downloaded from ${source.url}, but no SHA-256 is pinned for that archive, so it is not downloaded. ` +
        `Compute the digest on a trusted machine (\`curl -fsSL ${source.url} | sha256sum\`, and compare with the publisher's: GitHub shows one per release asset, NuGet's catalog gives a SHA-512), ` +
        'then set ENERGY_BUDGET_CUDA_PROVIDER_SHA256 to it (or add it to src/device/cuda-checksums.ts); or install the files yourself with `ONNXRUNTIME_NODE_INSTALL=cuda12 npm install onnxruntime-node`.',
    );
  }
  const names = Object.keys(source.files);
  const cacheDir = join(opts.cacheDir ?? cacheRoot(opts.env), 'onnxruntime-cuda', `${version}-${pinned.slice(0, 12)}`);
  const bindingDir = opts.bindingDir ?? defaultBindingDir();
  const fail = (what: string, fix: string, cause?: unknown) =>
    new EnvironmentError(
      `Fetching onnxruntime's CUDA provider (${source.url}) failed: ${what}. ${fix}`,
      cause === undefined ? undefined : { cause },
    );

  try {
    await mkdir(cacheDir, { recursive: true });
  } catch (error) {
    throw fail(
      `the cache folder ${cacheDir} cannot be created (${errnoCode(error) ?? error})`,
      'Set RUNNER_TOOL_CACHE or XDG_CACHE_HOME to a writable folder.',
      error,
    );
  }

  let manifest = await readManifest(cacheDir);
  let downloaded = false;
  if (!manifest || manifest.sha256 !== pinned || !(await cacheIntact(cacheDir, manifest, names))) {
    const archive = join(cacheDir, `download-${process.pid}.${source.format === 'zip' ? 'zip' : 'tgz'}`);
    const retries = opts.retries ?? 3;
    const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    let got: { sha256: string; bytes: number } | undefined;
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          log(`Downloading onnxruntime's CUDA provider from ${source.url}${attempt ? ` (attempt ${attempt + 1})` : ''}`);
          got = await downloadOnce(source.url, archive, opts.timeoutMs ?? 30_000);
          break;
        } catch (error) {
          const retry = error instanceof HttpFailure && error.retry && attempt < retries;
          if (!retry) {
            const msg = messageOf(error);
            throw fail(
              `${msg}${attempt ? ` (after ${attempt + 1} attempts)` : ''}`,
              /HTTP 404/.test(msg)
                ? `No such file: check that onnxruntime ${version} published it, or point ENERGY_BUDGET_CUDA_PROVIDER_URL at a mirror (with its ENERGY_BUDGET_CUDA_PROVIDER_SHA256).`
                : 'Check the network (the runner must reach the host), or point ENERGY_BUDGET_CUDA_PROVIDER_URL at a reachable mirror.',
              error,
            );
          }
          await sleep(1000 * 2 ** attempt);
        }
      }
      if (got.sha256 !== pinned) {
        throw fail(
          `the archive's SHA-256 is ${got.sha256} (${got.bytes} bytes), but ${pinned} is pinned, so the download is corrupt or not the pinned file`,
          'Nothing was installed. Retry; if it persists, the file changed upstream: verify it from the publisher before pinning a new digest.',
        );
      }
      log(`Verified SHA-256 ${pinned}; extracting ${names.join(', ')}`);
      let files;
      try {
        files =
          source.format === 'zip'
            ? await extractZip(archive, source.files, cacheDir)
            : await extractTgz(archive, source.files, cacheDir);
      } catch (error) {
        throw fail(
          `the archive cannot be extracted (${messageOf(error)})`,
          'The pinned archive is not what this version expects; check the source and its entries.',
          error,
        );
      }
      manifest = {
        url: source.url,
        sha256: pinned,
        files: Object.fromEntries(Object.entries(files).map(([n, f]) => [n, { bytes: f.bytes, sha256: f.sha256 }])),
      };
      await writeFile(join(cacheDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
      downloaded = true;
    } finally {
      await rm(archive, { force: true });
    }
  } else {
    log(`onnxruntime's CUDA provider found in the cache (${cacheDir})`);
  }

  // Install next to the binding unless identical copies are already there.
  try {
    await mkdir(bindingDir, { recursive: true });
    for (const name of names) {
      const dest = join(bindingDir, name);
      const rec = manifest.files[name];
      const same =
        (await stat(dest).then(
          (s) => s.size === rec.bytes,
          () => false,
        )) && (await sha256File(dest)) === rec.sha256;
      if (same) continue;
      const tmp = `${dest}.partial-${process.pid}`;
      await copyFile(join(cacheDir, name), tmp);
      await rename(tmp, dest);
    }
  } catch (error) {
    const code = errnoCode(error);
    throw fail(
      `the files cannot be copied into onnxruntime's folder ${bindingDir} (${code ?? messageOf(error)})`,
      `Make that folder writable for this user (onnxruntime loads providers only from the folder of its own library), or install them there yourself with \`ONNXRUNTIME_NODE_INSTALL=cuda12 npm install onnxruntime-node\`.`,
      error,
    );
  }
  return { installedTo: bindingDir, cacheDir, downloaded, url: source.url, sha256: pinned, files: manifest.files };
}
