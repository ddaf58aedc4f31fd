/**
 * The runtime check the action makes before onnxruntime is loaded (src/runtime/onnxruntime.ts
 * is the rule): the copy shipped in dist/ on Linux x64; on Linux arm64 the copy fetched into the
 * runner's tool cache, fetched here on first use (src/runtime/fetch.ts); anywhere else one clear
 * message and exit code 3 instead of a native load failure.
 */
import { EnvironmentError } from '../errors.js';
import { fetchOnnxRuntime, type FetchDeps } from '../runtime/fetch.js';
import {
  describeFailure,
  realRuntimeProbe,
  resolveOnnxRuntime,
  type RuntimeProbe,
  type RuntimeResolution,
} from '../runtime/onnxruntime.js';

export interface EnsureRuntimeOptions {
  /** The rule's probe; called again after a fetch. @default realRuntimeProbe('action') */
  probe?: () => RuntimeProbe;
  /** The fetch's edges. @default @actions/tool-cache (toolCacheDeps) */
  fetchDeps?: () => Promise<FetchDeps>;
  log?: (message: string) => void;
}

/**
 * Makes sure the action can load onnxruntime here, fetching the Linux arm64 runtime when needed.
 * @returns the resolution used (source, folder, version).
 * @throws EnvironmentError (exit 3) naming the platform, what was looked at and where the action runs.
 */
export async function ensureOnnxRuntime(options: EnsureRuntimeOptions = {}): Promise<Extract<RuntimeResolution, { ok: true }>> {
  const probe = options.probe ?? (() => realRuntimeProbe('action'));
  const first = probe();
  let r = resolveOnnxRuntime(first);
  if (!r.ok && r.fetchable) {
    const deps = options.fetchDeps
      ? await options.fetchDeps()
      : await (await import('../runtime/fetch.js')).toolCacheDeps(process.env, options.log ?? (() => {}));
    await fetchOnnxRuntime(first.arch, deps);
    r = resolveOnnxRuntime(probe());
  }
  if (!r.ok) throw new EnvironmentError(describeFailure(first, r.tried));
  options.log?.(
    `onnxruntime-node ${r.version ?? '(version unknown)'} for ${first.platform}/${first.arch}: ${r.source} copy, ${r.dir}`,
  );
  return r;
}
