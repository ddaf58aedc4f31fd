import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openNvidiaSmiMeter, parseSmiLine } from '../../src/energy/nvidia-smi.js';
import {
  loadNvml,
  NVML_ERROR_NOT_SUPPORTED,
  NvmlError,
  openNvmlMeter,
  parseCudaVisibleDevices,
  type NvmlLike,
} from '../../src/energy/nvml.js';
import { openMeter } from '../../src/energy/open.js';
import { POWER_CURVES } from '../../src/energy/power-model.js';
import { EnvironmentError } from '../../src/errors.js';
import { cpuinfoText, fakeClock, fakeProc, fakeTicker, statText, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

/** A fake NVML: GPUs with settable energy counters (mJ) and power (mW). */
class FakeNvml implements NvmlLike {
  calls: string[] = [];
  constructor(
    readonly gpus: Array<{ name: string; uuid: string; energyMj?: number; powerMw?: number }>,
    private readonly failInit = false,
  ) {}
  init(): void {
    this.calls.push('init');
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
    this.calls.push(`uuid:${uuid}`);
    return i;
  }
  deviceName(handle: unknown): string {
    return this.gpus[handle as number].name;
  }
  totalEnergyMj(handle: unknown): number {
    const v = this.gpus[handle as number].energyMj;
    if (v === undefined) throw new NvmlError(NVML_ERROR_NOT_SUPPORTED, 'nvmlDeviceGetTotalEnergyConsumption', 'Not Supported');
    return v;
  }
  powerUsageMw(handle: unknown): number {
    const v = this.gpus[handle as number].powerMw;
    if (v === undefined) throw new NvmlError(NVML_ERROR_NOT_SUPPORTED, 'nvmlDeviceGetPowerUsage', 'Not Supported');
    return v;
  }
}

describe('NVML through a fake NvmlLike', () => {
  it('reads the energy counters of all GPUs (mJ → J)', async () => {
    const nvml = new FakeNvml([
      { name: 'NVIDIA A100', uuid: 'GPU-a', energyMj: 1_000_000 },
      { name: 'NVIDIA A100', uuid: 'GPU-b', energyMj: 5_000 },
    ]);
    const clock = fakeClock();
    const r = openNvmlMeter({ nvml, env: {}, clockNs: clock.clockNs });
    if (!r.ok) throw new Error(r.message);
    const token = await r.meter.begin();
    nvml.gpus[0].energyMj = 1_250_000;
    nvml.gpus[1].energyMj = 105_000;
    clock.set(3);
    const w = await r.meter.end(token);
    expect(w.method).toBe('nvml');
    expect(w.domainsJ).toEqual({ 'gpu-0': 250, 'gpu-1': 100 });
    expect(w.energyJ).toBe(350);
    expect(w.durationS).toBe(3);
    expect(w.uncertaintyJ).toBeCloseTo(17.5, 10);
    await r.meter.close();
    expect(nvml.calls).toContain('shutdown');
  });

  it('integrates sampled power (trapezoid) when the GPU has no energy counter', async () => {
    const nvml = new FakeNvml([{ name: 'Tesla P100', uuid: 'GPU-p', powerMw: 100_000 }]);
    const clock = fakeClock();
    const ticker = fakeTicker();
    const r = openNvmlMeter({ nvml, env: {}, clockNs: clock.clockNs, ticker });
    if (!r.ok) throw new Error(r.message);
    expect(r.notes.join(' ')).toMatch(/no energy counter .* power is sampled instead/);
    const token = await r.meter.begin(); // 100 W at t = 0
    clock.set(1);
    nvml.gpus[0].powerMw = 200_000;
    ticker.tick(); // 200 W at t = 1
    clock.set(2);
    nvml.gpus[0].powerMw = 100_000;
    const w = await r.meter.end(token); // 100 W at t = 2
    // (100 + 200) / 2 × 1 + (200 + 100) / 2 × 1 = 300 J
    expect(w.energyJ).toBeCloseTo(300, 10);
    expect(ticker.running).toBe(0);
    expect(w.notes.join(' ')).toMatch(/sampled every 100 ms/);
  });

  it('respects CUDA_VISIBLE_DEVICES indices and UUIDs', async () => {
    const gpus = [
      { name: 'G0', uuid: 'GPU-0000', energyMj: 0 },
      { name: 'G1', uuid: 'GPU-1111', energyMj: 0 },
      { name: 'G2', uuid: 'GPU-2222', energyMj: 0 },
    ];
    const byIndex = openNvmlMeter({ nvml: new FakeNvml(gpus), env: { CUDA_VISIBLE_DEVICES: '2' } });
    expect(byIndex.ok && byIndex.meter.description).toMatch(/gpu-0 G2 \(NVML index 2\)$/);
    const nvml = new FakeNvml(gpus);
    const byUuid = openNvmlMeter({ nvml, env: { CUDA_VISIBLE_DEVICES: 'GPU-1111,GPU-0000' } });
    expect(byUuid.ok && byUuid.meter.description).toMatch(/gpu-0 G1 \(GPU-1111\), gpu-1 G0 \(GPU-0000\)/);
    expect(nvml.calls).toEqual(['init', 'uuid:GPU-1111', 'uuid:GPU-0000']);
    const none = openNvmlMeter({ nvml: new FakeNvml(gpus), env: { CUDA_VISIBLE_DEVICES: '' } });
    expect(!none.ok && none.message).toMatch(/No NVIDIA GPU is visible \(CUDA_VISIBLE_DEVICES=""\)/);
  });

  it('parses CUDA_VISIBLE_DEVICES like CUDA: stops at the first invalid entry', () => {
    expect(parseCudaVisibleDevices(undefined).devices).toBeNull();
    expect(parseCudaVisibleDevices('0, 1').devices).toEqual([{ index: 0 }, { index: 1 }]);
    const bad = parseCudaVisibleDevices('1,foo,0');
    expect(bad.devices).toEqual([{ index: 1 }]);
    expect(bad.notes.join(' ')).toMatch(/"foo" is not an index or UUID/);
  });

  it('reports a missing driver and unsupported readings as unavailable, with the reason', () => {
    const noDriver = openNvmlMeter({ nvml: new FakeNvml([], true), env: {} });
    expect(!noDriver.ok && noDriver.message).toMatch(/NVML could not start: nvmlInit_v2 failed: Driver Not Loaded/);
    const nothing = openNvmlMeter({ nvml: new FakeNvml([{ name: 'old', uuid: 'GPU-x' }]), env: {} });
    expect(!nothing.ok && nothing.message).toMatch(/neither energy nor power/);
  });

  it('openMeter: nvml named explicitly, and auto on a GPU adds the GPU to the CPU estimate', async () => {
    const nvml = new FakeNvml([{ name: 'NVIDIA H100', uuid: 'GPU-h', energyMj: 0 }]);
    const explicit = await openMeter('nvml', { sysfsRoot: dir, env: {}, power: {}, nvml });
    expect(explicit.meter.method).toBe('nvml');

    const proc = join(dir, 'proc');
    fakeProc(proc, cpuinfoText(2, { 'model name': 'Some CPU' }), statText(0, 0, 100, 2));
    const clock = fakeClock();
    const auto = await openMeter('auto', {
      sysfsRoot: dir,
      procRoot: proc,
      env: {},
      power: {},
      device: 'cuda',
      nvml,
      clockNs: clock.clockNs,
      cpuTimeUs: () => 0,
    });
    expect(auto.meter.method).toBe('estimate+nvml');
    expect(auto.meters.map((m) => m.method)).toEqual(['estimate', 'nvml']);
    const token = await auto.meter.begin();
    nvml.gpus[0].energyMj = 5000;
    writeFileSync(join(proc, 'stat'), statText(0, 0, 300, 2));
    clock.set(2);
    const w = await auto.meter.end(token);
    // CPU: idle only (the curve for unrecognised CPUs, 2 threads × idle watts × 2 s); GPU: 5 J measured.
    const cpuJ = 2 * POWER_CURVES.fallback.wattsPerThread[0] * 2;
    expect(w.domainsJ).toEqual({ 'cpu-vm-share': expect.closeTo(cpuJ, 10), 'gpu-0': 5 });
    expect(w.energyJ).toBeCloseTo(cpuJ + 5, 10);
    expect(w.estimated).toBe(true);
    expect(w.parts?.map((p) => p.method)).toEqual(['estimate', 'nvml']);
    await auto.meter.close();
  });

  it('openMeter: nvml named explicitly with neither NVML nor nvidia-smi fails with exit code 3', async () => {
    const error = await openMeter('nvml', { sysfsRoot: dir, env: { PATH: dir }, power: {}, nvml: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as EnvironmentError).exitCode).toBe(3);
    expect((error as Error).message).toMatch(
      /energy: nvml.*libnvidia-ml\.so\.1 not found.*nvidia-smi not found on PATH.*energy: auto/s,
    );
  });
});

// The real FFI path needs an NVIDIA driver; it is absent on this machine.
const realNvml = await loadNvml();
const nvmlReason = 'error' in realNvml ? realNvml.error : '';
(nvmlReason ? describe.skip : describe)(`NVML through koffi${nvmlReason ? ` (skipped: ${nvmlReason})` : ''}`, () => {
  it('reads energy or power of the real GPUs', async () => {
    if (!('nvml' in realNvml)) throw new Error('unreachable');
    const r = openNvmlMeter({ nvml: realNvml.nvml, env: process.env });
    if (!r.ok) throw new Error(r.message);
    const token = await r.meter.begin();
    const w = await r.meter.end(token);
    expect(w.energyJ).toBeGreaterThanOrEqual(0);
    await r.meter.close();
  });
});

describe('nvidia-smi with fake scripts on PATH', () => {
  function script(name: string, body: string): { env: Record<string, string> } {
    const bin = join(dir, name);
    mkdirSync(bin, { recursive: true });
    const file = join(bin, 'nvidia-smi');
    writeFileSync(file, `#!/bin/sh\n${body}\n`);
    chmodSync(file, 0o755);
    return { env: { PATH: `${bin}:/usr/bin:/bin`, FAKE_GO: join(dir, 'go'), FAKE_ARGS: join(dir, 'args') } };
  }

  it('parses lines: samples, unsupported fields, garbage', () => {
    expect(parseSmiLine('0, 45.20')).toEqual({ kind: 'sample', index: 0, watts: 45.2 });
    expect(parseSmiLine('1, [N/A]')).toEqual({ kind: 'unsupported', index: 1, value: '[N/A]' });
    expect(parseSmiLine('Failed to initialize NVML')).toEqual({ kind: 'garbage', text: 'Failed to initialize NVML' });
    expect(parseSmiLine('   ')).toBeNull();
  });

  it('normal: integrates the streamed power samples over the window', async () => {
    const { env } = script(
      'normal',
      'echo "$@" > "$FAKE_ARGS"\necho "0, 10.00"\nwhile [ ! -f "$FAKE_GO" ]; do sleep 0.02; done\necho "0, 30.00"\necho "0, 50.00"\nexec sleep 30',
    );
    // Every clock reading advances one second: first sample t=1, begin t=2, samples t=3 and 4, end t=5.
    let t = 0n;
    const clockNs = (): bigint => (t += 1_000_000_000n);
    const r = await openNvidiaSmiMeter({ env: { ...env, CUDA_VISIBLE_DEVICES: '0' }, clockNs, staleAfterMs: 10_000 });
    if (!r.ok) throw new Error(r.message);
    const meter = r.meter as import('../../src/energy/nvidia-smi.js').NvidiaSmiMeter;
    try {
      const token = await meter.begin();
      writeFileSync(env.FAKE_GO, '');
      await meter.waitForSamples(3);
      const w = await meter.end(token);
      // Power at t=2 interpolates (1,10 W)–(3,30 W) to 20 W; trapezoids 2→3: 25 J, 3→4: 40 J,
      // then held at 50 W for 4→5: 50 J.
      expect(w.method).toBe('nvidia-smi');
      expect(w.domainsJ).toEqual({ 'gpu-0': 115 });
      expect(w.durationS).toBe(3);
      expect(readFileSync(env.FAKE_ARGS, 'utf8').trim()).toBe(
        '--query-gpu=index,power.draw --format=csv,noheader,nounits --loop-ms=100 --id=0',
      );
    } finally {
      await meter.close();
    }
  });

  it('missing: unavailable with a clear reason', async () => {
    const r = await openNvidiaSmiMeter({ env: { PATH: join(dir, 'empty') } });
    expect(!r.ok && r.message).toBe('nvidia-smi not found on PATH (no NVIDIA driver tools on this machine).');
  });

  it('hangs: given up after the injected start timeout and stopped', async () => {
    const { env } = script('hang', 'exec sleep 30');
    const r = await openNvidiaSmiMeter({ env, startTimeoutMs: 200 });
    expect(!r.ok && r.message).toBe('nvidia-smi gave no power reading within 0.2 s; stopped it.');
  });

  it('garbage output: unavailable, quoting the output', async () => {
    const { env } = script(
      'garbage',
      'echo "NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver."\nexec sleep 30',
    );
    const r = await openNvidiaSmiMeter({ env, startTimeoutMs: 5000 });
    expect(!r.ok && r.message).toMatch(/^nvidia-smi is unusable: unexpected output "NVIDIA-SMI has failed/);
  });

  it('exits with an error: unavailable with its stderr', async () => {
    const { env } = script('exits', 'echo "Failed to initialize NVML: Driver/library version mismatch" >&2\nexit 9');
    const r = await openNvidiaSmiMeter({ env, startTimeoutMs: 5000 });
    expect(!r.ok && r.message).toMatch(/nvidia-smi exited \(code 9\) before giving a power reading: Failed to initialize NVML/);
  });

  it('power.draw not supported: unavailable', async () => {
    const { env } = script('na', 'echo "0, [N/A]"\nexec sleep 30');
    const r = await openNvidiaSmiMeter({ env, startTimeoutMs: 5000 });
    expect(!r.ok && r.message).toMatch(/GPU 0 reports power.draw as "\[N\/A\]"/);
  });

  it('stops reporting mid-run: the window fails instead of inventing energy', async () => {
    const { env } = script('stall', 'echo "0, 10.00"\nexec sleep 30');
    const clock = fakeClock();
    const r = await openNvidiaSmiMeter({ env, clockNs: clock.clockNs });
    if (!r.ok) throw new Error(r.message);
    try {
      const token = await r.meter.begin();
      clock.set(60);
      await expect(r.meter.end(token)).rejects.toThrow(/nvidia-smi stopped reporting during the measurement/);
    } finally {
      await r.meter.close();
    }
  });
});
