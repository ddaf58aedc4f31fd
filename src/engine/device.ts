/**
 * What a GPU device needs before its first session: the checks (driver, provider files,
 * backend), the on-demand fetch of the CUDA provider, and the GPU-memory sampler. The CPU
 * needs none of it. See docs/gpu.md.
 */
import type { ModelConfig } from '../config/types.js';
import type { RunLogger } from '../util/logger.js';
import { checkDevice, realDeviceProbes, requireDevice } from '../device/providers.js';
import { ensureCudaProvider } from '../device/fetch-cuda.js';
import { loadNvmlWithMemory, openGpuMemorySampler, type GpuMemorySampler } from '../device/gpu-memory.js';

/**
 * Makes sure the model's device can run: fetches the CUDA provider when only it is missing.
 * @throws EnvironmentError (exit 3) naming each missing piece and its fix.
 */
export async function prepareDevice(cfg: ModelConfig, env: Record<string, string | undefined>, logger: RunLogger): Promise<void> {
  if (cfg.device === 'cpu') return;
  const probes = await realDeviceProbes();
  const check = checkDevice(cfg.device, probes);
  if (
    cfg.device === 'cuda' &&
    check.missing.some((m) => m.what === 'cuda-provider') &&
    !check.missing.some((m) => m.what === 'driver' || m.what === 'backend')
  ) {
    await ensureCudaProvider({ env, log: (line) => logger.progress(`  ${line}`) });
  }
  requireDevice(cfg.device, probes, `"${cfg.name}" (${cfg.pathInConfig})`);
}

/** A started GPU-memory sampler, or the reason there is none (a notice). */
export async function startGpuMemory(
  cfg: ModelConfig,
  env: Record<string, string | undefined>,
): Promise<{ sampler?: GpuMemorySampler; notice?: string }> {
  if (cfg.device === 'cpu') return {};
  const loaded = await loadNvmlWithMemory();
  if ('error' in loaded) return { notice: `GPU memory is not measured: ${loaded.error}` };
  const opened = openGpuMemorySampler({ nvml: loaded.nvml, env, device: cfg.device });
  if (!opened.ok) return { notice: opened.message };
  opened.sampler.start();
  return { sampler: opened.sampler };
}
