import { describe, expect, it } from '@jest/globals';
import { loadNvmlWithMemory, openGpuMemorySampler, type NvmlMemoryLike } from '../../src/device/gpu-memory.js';
import { NvmlError, type NvmlLike } from '../../src/energy/nvml.js';
import { EnvironmentError } from '../../src/errors.js';
import { fakeTicker } from '../energy/helpers.js';

const GIB = 1024 ** 3;

/** A fake NVML whose per-GPU used memory the test sets. */
class FakeNvml implements NvmlLike, NvmlMemoryLike {
  calls: string[] = [];
  failMemory = false;
  constructor(
    readonly gpus: Array<{ name: string; uuid: string; totalBytes: number; usedBytes: number }>,
    private readonly failInit = false,
  ) {}
  init(): void {
    if (this.failInit) throw new NvmlError(9, 'nvmlInit_v2', 'Driver Not Loaded');
  }
  shutdown(): void {
    this.calls.push('shutdown');
  }
  deviceCount(): number {
    return this.gpus.length;
  }
  handleByIndex(index: number): unknown {
    return index;
  }
  handleByUuid(uuid: string): unknown {
    const i = this.gpus.findIndex((g) => g.uuid === uuid);
    if (i < 0) throw new NvmlError(13, 'nvmlDeviceGetHandleByUUID', 'Not Found');
    return i;
  }
  deviceName(handle: unknown): string {
    return this.gpus[handle as number].name;
  }
  totalEnergyMj(): number {
    return 0;
  }
  powerUsageMw(): number {
    return 0;
  }
  memoryInfo(handle: unknown) {
    if (this.failMemory) throw new NvmlError(999, 'nvmlDeviceGetMemoryInfo', 'Unknown Error');
    const g = this.gpus[handle as number];
    this.calls.push(`mem:${handle as number}`);
    return { totalBytes: g.totalBytes, usedBytes: g.usedBytes, freeBytes: g.totalBytes - g.usedBytes };
  }
}

const twoGpus = () =>
  new FakeNvml([
    { name: 'NVIDIA H100', uuid: 'GPU-aaaa', totalBytes: 80 * GIB, usedBytes: 1 * GIB },
    { name: 'NVIDIA H100', uuid: 'GPU-bbbb', totalBytes: 80 * GIB, usedBytes: 3 * GIB },
  ]);

describe('peak GPU memory through a fake NVML', () => {
  it('cuda: peak minus the reading before the session, on the session’s GPU only', () => {
    const nvml = twoGpus();
    const ticker = fakeTicker();
    const opened = openGpuMemorySampler({ nvml, env: {}, device: 'cuda', ticker });
    if (!opened.ok) throw new Error(opened.message);
    const s = opened.sampler;
    s.start();
    expect(ticker.intervals).toEqual([20]);
    nvml.gpus[0].usedBytes = 5 * GIB; // weights uploaded at session creation
    ticker.tick();
    nvml.gpus[0].usedBytes = 7 * GIB; // activations at the peak
    nvml.gpus[1].usedBytes = 9 * GIB; // another GPU: not ours
    ticker.tick();
    nvml.gpus[0].usedBytes = 6 * GIB;
    const r = s.stop();
    expect(r.peakGpuMemoryBytes).toBe(6 * GIB);
    expect(r.devices).toEqual([
      { label: 'NVIDIA H100 (NVML index 0)', totalBytes: 80 * GIB, baselineUsedBytes: 1 * GIB, peakUsedBytes: 7 * GIB },
    ]);
    expect(r.samples).toBe(4);
    expect(r.description).toMatch(/sampled every 20 ms \(4 samples\).*device-wide/);
    expect(ticker.running).toBe(0);
    s.close();
    expect(nvml.calls).toContain('shutdown');
  });

  it('cuda with deviceId 1 under CUDA_VISIBLE_DEVICES=GPU-bbbb,0 → the second visible GPU (NVML index 0)', () => {
    const nvml = twoGpus();
    const opened = openGpuMemorySampler({
      nvml,
      env: { CUDA_VISIBLE_DEVICES: 'GPU-bbbb,0' },
      device: 'cuda',
      deviceId: 1,
      ticker: fakeTicker(),
    });
    if (!opened.ok) throw new Error(opened.message);
    opened.sampler.start();
    nvml.gpus[0].usedBytes = 2 * GIB;
    expect(opened.sampler.stop().devices.map((d) => d.label)).toEqual(['NVIDIA H100 (NVML index 0)']);
  });

  it('webgpu: every visible GPU, deltas summed; a GPU that frees memory adds nothing', () => {
    const nvml = twoGpus();
    const opened = openGpuMemorySampler({ nvml, env: {}, device: 'webgpu', ticker: fakeTicker(), intervalMs: 5 });
    if (!opened.ok) throw new Error(opened.message);
    opened.sampler.start();
    nvml.gpus[0].usedBytes = 2 * GIB;
    nvml.gpus[1].usedBytes = 2 * GIB;
    expect(opened.sampler.stop().peakGpuMemoryBytes).toBe(1 * GIB);
  });

  it('no NVML driver, no visible GPU: not measured, with the reason', () => {
    const noDriver = openGpuMemorySampler({ nvml: new FakeNvml([], true), env: {}, device: 'cuda' });
    expect(noDriver).toEqual({ ok: false, message: expect.stringMatching(/NVML could not start .*Driver Not Loaded/) });
    const hidden = openGpuMemorySampler({ nvml: twoGpus(), env: { CUDA_VISIBLE_DEVICES: '' }, device: 'cuda' });
    expect(hidden).toEqual({
      ok: false,
      message: 'GPU memory is not measured: no NVIDIA GPU with CUDA ordinal 0 is visible (CUDA_VISIBLE_DEVICES="").',
    });
  });

  it('a reading that fails during the run: stop() throws an exit-3 error naming NVML', () => {
    const nvml = twoGpus();
    const ticker = fakeTicker();
    const opened = openGpuMemorySampler({ nvml, env: {}, device: 'cuda', ticker });
    if (!opened.ok) throw new Error(opened.message);
    opened.sampler.start();
    nvml.failMemory = true;
    ticker.tick();
    let error: unknown;
    try {
      opened.sampler.stop();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as Error).message).toMatch(
      /GPU memory through NVML failed during the run: nvmlDeviceGetMemoryInfo failed: Unknown Error/,
    );
  });

  it('the real binding on this machine (no NVIDIA driver): an error, never a throw', async () => {
    const r = await loadNvmlWithMemory();
    // Where a driver exists this loads; here it reports why not.
    expect('nvml' in r || /libnvidia-ml\.so\.1/.test(r.error)).toBe(true);
  });
});
