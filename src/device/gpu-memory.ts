/**
 * Peak GPU memory of a model's run, sampled through NVML's `nvmlDeviceGetMemoryInfo` (bytes
 * used on the device, NVML API reference, "Device Queries"), for the report's
 * `inference.peakGpuMemoryBytes` and the `peak-gpu-memory` budget.
 *
 * What the figure is: for each GPU the model may use, the highest "used" reading while the
 * sampler ran minus the reading when it started (before the session was created, so weights
 * uploaded at session creation count), summed over those GPUs. NVML reports device-wide usage,
 * so another process allocating at the same time is included; onnxruntime's CUDA memory arena
 * grows in chunks and keeps them, so the figure is what the run reserved on the device, at least
 * what its tensors needed. Sampled every `intervalMs` (default 20 ms) plus at start and stop:
 * an allocation shorter than that interval can be missed, although the arena keeps what it
 * grew, so onnxruntime's own peak stays visible until the session is released.
 *
 * Which GPUs: for `cuda`, the one the session uses (the `deviceId`-th of CUDA_VISIBLE_DEVICES,
 * or NVML index `deviceId` when that is unset); for `webgpu`, every visible NVIDIA GPU, since
 * which adapter Dawn picks is not reported back.
 */
import { EnvironmentError, messageOf } from '../errors.js';
import { realTicker, type Ticker } from '../energy/adapters.js';
import { loadNvml, NvmlError, parseCudaVisibleDevices, type NvmlHandle, type NvmlLike } from '../energy/nvml.js';

/** NVML's memory query (kept apart from NvmlLike, which the energy meter owns). */
export interface NvmlMemoryLike {
  /** nvmlDeviceGetMemoryInfo, bytes. Throws NvmlError on a non-zero status. */
  memoryInfo(handle: NvmlHandle): { totalBytes: number; freeBytes: number; usedBytes: number };
}

/**
 * Binds libnvidia-ml with koffi, with the memory query added; `{ error }` when NVML is absent.
 * Loaded on demand, never at import time.
 */
export async function loadNvmlWithMemory(
  libPath = 'libnvidia-ml.so.1',
): Promise<{ nvml: NvmlLike & NvmlMemoryLike } | { error: string }> {
  const base = await loadNvml(libPath);
  if ('error' in base) return base;
  try {
    const koffi = (await import('koffi')).default;
    const lib = koffi.load(libPath);
    try {
      koffi.struct('nvmlMemory_t', { total: 'unsigned long long', free: 'unsigned long long', used: 'unsigned long long' });
    } catch {
      // declared by an earlier call in this process
    }
    const getInfo = lib.func('int nvmlDeviceGetMemoryInfo(nvmlDevice_t device, _Out_ nvmlMemory_t *memory)');
    const errorString = lib.func('const char *nvmlErrorString(int result)');
    const memoryInfo = (handle: NvmlHandle) => {
      const out: Record<string, number | bigint> = {};
      // koffi returns the C int as a JavaScript number.
      const status = Number(getInfo(handle, out));
      if (status !== 0) throw new NvmlError(status, 'nvmlDeviceGetMemoryInfo', String(errorString(status)));
      return { totalBytes: Number(out.total), freeBytes: Number(out.free), usedBytes: Number(out.used) };
    };
    return { nvml: Object.assign(base.nvml, { memoryInfo }) };
  } catch (error) {
    return { error: `${libPath} lacks nvmlDeviceGetMemoryInfo (${messageOf(error)})` };
  }
}

/** Options of {@link openGpuMemorySampler}. */
export interface GpuMemoryOptions {
  nvml: NvmlLike & NvmlMemoryLike;
  env: Record<string, string | undefined>;
  device: 'cuda' | 'webgpu';
  /** The CUDA device ordinal the session uses. @default 0 */
  deviceId?: number;
  ticker?: Ticker;
  /** @default 20 */
  intervalMs?: number;
}

/** One GPU's readings over a sampling window. */
export interface GpuMemoryDevice {
  label: string;
  totalBytes: number;
  baselineUsedBytes: number;
  peakUsedBytes: number;
}

/** The result of a sampling window. */
export interface GpuMemoryResult {
  /** Σ over the GPUs of (peak used − used at start), bytes, ≥ 0. */
  peakGpuMemoryBytes: number;
  devices: GpuMemoryDevice[];
  samples: number;
  /** How the figure was obtained, for the report. */
  description: string;
}

interface Tracked {
  label: string;
  handle: NvmlHandle;
  totalBytes: number;
  baseline: number;
  peak: number;
}

/** Samples device memory between start() and stop(). */
export class GpuMemorySampler {
  private timer: { stop(): void } | null = null;
  private samples = 0;
  private error: unknown = null;
  constructor(
    private readonly nvml: NvmlLike & NvmlMemoryLike,
    private readonly gpus: Tracked[],
    private readonly ticker: Ticker,
    readonly intervalMs: number,
  ) {}

  /** Takes one reading of every tracked GPU (the ticker calls it; tests may too). */
  sample(): void {
    for (const g of this.gpus) {
      try {
        g.peak = Math.max(g.peak, this.nvml.memoryInfo(g.handle).usedBytes);
      } catch (error) {
        this.error ??= error;
      }
    }
    this.samples++;
  }

  /**
   * Records the baseline and starts sampling.
   * @throws EnvironmentError when the first reading fails.
   */
  start(): void {
    for (const g of this.gpus) {
      try {
        g.baseline = g.peak = this.nvml.memoryInfo(g.handle).usedBytes;
      } catch (error) {
        throw new EnvironmentError(`Reading GPU memory through NVML failed for ${g.label}: ${messageOf(error)}.`, {
          cause: error,
          code: 'METER_UNAVAILABLE',
        });
      }
    }
    this.samples = 1;
    this.timer?.stop();
    this.timer = this.ticker.every(this.intervalMs, () => this.sample());
  }

  /**
   * Stops sampling and returns the peak.
   * @throws EnvironmentError when a reading failed while sampling.
   */
  stop(): GpuMemoryResult {
    this.sample();
    this.timer?.stop();
    this.timer = null;
    if (this.error !== null) {
      const error = this.error;
      this.error = null;
      throw new EnvironmentError(`Reading GPU memory through NVML failed during the run: ${messageOf(error)}.`, {
        cause: error,
        code: 'METER_UNAVAILABLE',
      });
    }
    const devices = this.gpus.map((g) => ({
      label: g.label,
      totalBytes: g.totalBytes,
      baselineUsedBytes: g.baseline,
      peakUsedBytes: g.peak,
    }));
    return {
      peakGpuMemoryBytes: devices.reduce((s, d) => s + Math.max(0, d.peakUsedBytes - d.baselineUsedBytes), 0),
      devices,
      samples: this.samples,
      description:
        `NVML device memory in use, sampled every ${this.intervalMs} ms (${this.samples} samples), peak minus the reading before the session was created, on ` +
        `${devices.map((d) => d.label).join(', ')}; device-wide, so other processes' allocations in that time are included`,
    };
  }

  /** Stops sampling and shuts NVML down. */
  close(): void {
    this.timer?.stop();
    this.timer = null;
    try {
      this.nvml.shutdown();
    } catch {
      // nothing useful to do
    }
  }
}

/**
 * Opens a sampler on the GPUs the device uses (see the module comment). Never throws:
 * unavailability comes back as `{ ok: false, message }` for the report's notices.
 */
export function openGpuMemorySampler(
  opts: GpuMemoryOptions,
): { ok: true; sampler: GpuMemorySampler; notes: string[] } | { ok: false; message: string } {
  const { nvml } = opts;
  try {
    nvml.init();
  } catch (error) {
    return { ok: false, message: `GPU memory is not measured: NVML could not start (${messageOf(error)}).` };
  }
  const visible = parseCudaVisibleDevices(opts.env.CUDA_VISIBLE_DEVICES);
  const gpus: Tracked[] = [];
  try {
    const count = nvml.deviceCount();
    const all = visible.devices ?? Array.from({ length: count }, (_, index) => ({ index }));
    const chosen = opts.device === 'cuda' ? all.slice(opts.deviceId ?? 0, (opts.deviceId ?? 0) + 1) : all;
    for (const d of chosen) {
      if ('index' in d && d.index >= count) continue;
      const handle = 'index' in d ? nvml.handleByIndex(d.index) : nvml.handleByUuid(d.uuid);
      let name = 'NVIDIA GPU';
      try {
        name = nvml.deviceName(handle);
      } catch {
        // cosmetic
      }
      const info = nvml.memoryInfo(handle);
      gpus.push({
        label: `${name} (${'index' in d ? `NVML index ${d.index}` : d.uuid})`,
        handle,
        totalBytes: info.totalBytes,
        baseline: info.usedBytes,
        peak: info.usedBytes,
      });
    }
  } catch (error) {
    try {
      nvml.shutdown();
    } catch {
      // already failing
    }
    return { ok: false, message: `GPU memory is not measured: NVML could not read the GPUs (${messageOf(error)}).` };
  }
  if (gpus.length === 0) {
    try {
      nvml.shutdown();
    } catch {
      // nothing to add
    }
    return {
      ok: false,
      message: `GPU memory is not measured: no NVIDIA GPU ${opts.device === 'cuda' ? `with CUDA ordinal ${opts.deviceId ?? 0} ` : ''}is visible${opts.env.CUDA_VISIBLE_DEVICES !== undefined ? ` (CUDA_VISIBLE_DEVICES="${opts.env.CUDA_VISIBLE_DEVICES}")` : ''}.`,
    };
  }
  return {
    ok: true,
    sampler: new GpuMemorySampler(nvml, gpus, opts.ticker ?? realTicker, opts.intervalMs ?? 20),
    notes: visible.notes,
  };
}
