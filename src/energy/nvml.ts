/**
 * NVIDIA GPUs through NVML: the cumulative energy counter (`nvmlDeviceGetTotalEnergyConsumption`,
 * mJ, Volta and newer) or, where that is not supported, power samples
 * (`nvmlDeviceGetPowerUsage`, mW) integrated over time. NVML is reached through `NvmlLike`, a
 * small interface: the real one binds libnvidia-ml with koffi, tests pass a fake.
 * `CUDA_VISIBLE_DEVICES` selects the devices measured (indices or GPU-/MIG- UUIDs).
 */
import { EnvironmentError, InternalError, messageOf } from '../errors.js';
import { realClockNs, realTicker, secondsBetween, type ClockNs, type Ticker } from './adapters.js';
import { PowerTrace } from './integrate.js';
import type { EnergyMeter, EnergyWindow, WindowToken } from './types.js';

/** An opaque NVML device handle. */
export type NvmlHandle = unknown;

/** The few NVML calls the meter uses. Every method throws `NvmlError` on a non-zero status. */
export interface NvmlLike {
  init(): void;
  shutdown(): void;
  deviceCount(): number;
  handleByIndex(index: number): NvmlHandle;
  handleByUuid(uuid: string): NvmlHandle;
  deviceName(handle: NvmlHandle): string;
  /** Energy since the driver was loaded, millijoules. */
  totalEnergyMj(handle: NvmlHandle): number;
  /** Current power draw, milliwatts. */
  powerUsageMw(handle: NvmlHandle): number;
}

/** NVML_ERROR_NOT_SUPPORTED (nvml.h). */
export const NVML_ERROR_NOT_SUPPORTED = 3;

/** A non-zero NVML status. */
export class NvmlError extends InternalError {
  constructor(
    readonly status: number,
    readonly call: string,
    message: string,
  ) {
    super('METER_UNAVAILABLE', `${call} failed: ${message} (NVML status ${status})`);
    this.name = 'NvmlError';
  }
}

/**
 * Binds libnvidia-ml with koffi. Loaded on demand (never at import time); a missing library
 * or driver is returned as `{ error }`, never thrown.
 */
export async function loadNvml(libPath = 'libnvidia-ml.so.1'): Promise<{ nvml: NvmlLike } | { error: string }> {
  let koffi: typeof import('koffi').default;
  try {
    koffi = (await import('koffi')).default;
  } catch (error) {
    return { error: `the koffi FFI module could not be loaded (${messageOf(error)})` };
  }
  let lib: ReturnType<typeof koffi.load>;
  try {
    lib = koffi.load(libPath);
  } catch {
    return { error: `${libPath} not found (no NVIDIA driver on this machine)` };
  }
  try {
    try {
      koffi.pointer('nvmlDevice_t', koffi.opaque());
    } catch {
      // already declared by an earlier loadNvml in this process
    }
    const fns = {
      init: lib.func('int nvmlInit_v2()'),
      shutdown: lib.func('int nvmlShutdown()'),
      errorString: lib.func('const char *nvmlErrorString(int result)'),
      count: lib.func('int nvmlDeviceGetCount_v2(_Out_ unsigned int *count)'),
      byIndex: lib.func('int nvmlDeviceGetHandleByIndex_v2(unsigned int index, _Out_ nvmlDevice_t *device)'),
      byUuid: lib.func('int nvmlDeviceGetHandleByUUID(const char *uuid, _Out_ nvmlDevice_t *device)'),
      name: lib.func('int nvmlDeviceGetName(nvmlDevice_t device, _Out_ uint8_t *name, unsigned int length)'),
      energy: lib.func('int nvmlDeviceGetTotalEnergyConsumption(nvmlDevice_t device, _Out_ unsigned long long *energy)'),
      power: lib.func('int nvmlDeviceGetPowerUsage(nvmlDevice_t device, _Out_ unsigned int *power)'),
    };
    const check = (status: number, call: string): void => {
      if (status !== 0) throw new NvmlError(status, call, String(fns.errorString(status)));
    };
    const nvml: NvmlLike = {
      init: () => check(fns.init(), 'nvmlInit_v2'),
      shutdown: () => check(fns.shutdown(), 'nvmlShutdown'),
      deviceCount: () => {
        const out = [0];
        check(fns.count(out), 'nvmlDeviceGetCount_v2');
        return Number(out[0]);
      },
      handleByIndex: (index) => {
        const out: unknown[] = [null];
        check(fns.byIndex(index, out), 'nvmlDeviceGetHandleByIndex_v2');
        return out[0];
      },
      handleByUuid: (uuid) => {
        const out: unknown[] = [null];
        check(fns.byUuid(uuid, out), 'nvmlDeviceGetHandleByUUID');
        return out[0];
      },
      deviceName: (handle) => {
        const buf = Buffer.alloc(96);
        check(fns.name(handle, buf, buf.length), 'nvmlDeviceGetName');
        const end = buf.indexOf(0);
        return buf.subarray(0, end < 0 ? buf.length : end).toString('utf8');
      },
      totalEnergyMj: (handle) => {
        const out: Array<number | bigint> = [0];
        check(fns.energy(handle, out), 'nvmlDeviceGetTotalEnergyConsumption');
        return Number(out[0]);
      },
      powerUsageMw: (handle) => {
        const out = [0];
        check(fns.power(handle, out), 'nvmlDeviceGetPowerUsage');
        return Number(out[0]);
      },
    };
    return { nvml };
  } catch (error) {
    return { error: `${libPath} lacks an expected NVML function (${messageOf(error)}); the driver may be too old` };
  }
}

/** A device CUDA would use: by NVML index or by UUID. */
export type VisibleDevice = { index: number } | { uuid: string };

/**
 * Parses CUDA_VISIBLE_DEVICES: unset → all devices (null); empty → none; otherwise indices and
 * GPU-/MIG- UUIDs up to the first invalid entry, which CUDA ignores together with the rest.
 */
export function parseCudaVisibleDevices(value: string | undefined): { devices: VisibleDevice[] | null; notes: string[] } {
  if (value === undefined) return { devices: null, notes: [] };
  const notes: string[] = [];
  const devices: VisibleDevice[] = [];
  const tokens = value
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  for (const token of tokens) {
    if (/^\d+$/.test(token)) devices.push({ index: Number(token) });
    else if (/^(GPU|MIG)-[0-9A-Za-z/-]+$/.test(token)) devices.push({ uuid: token });
    else {
      notes.push(`CUDA_VISIBLE_DEVICES entry "${token}" is not an index or UUID; CUDA ignores it and the entries after it.`);
      break;
    }
  }
  return { devices, notes };
}

interface Gpu {
  key: string;
  label: string;
  handle: NvmlHandle;
}

/** Options of the NVML meter. */
export interface NvmlMeterOptions {
  nvml: NvmlLike;
  env: Record<string, string | undefined>;
  ticker?: Ticker;
  clockNs?: ClockNs;
  /** Power sampling interval when the energy counter is unsupported, ms. @default 100 */
  sampleIntervalMs?: number;
}

/** Result of opening a GPU meter: a meter, or why there is none. */
export type GpuMeterResult = { ok: true; meter: EnergyMeter; notes: string[] } | { ok: false; message: string; notes: string[] };

/**
 * NVML documents its power readings as accurate to ±5% of the current draw (NVML API
 * reference, nvmlDeviceGetPowerUsage: stated for Fermi and Kepler, no newer figure published);
 * taken as one sigma for the energy counter too.
 */
const NVML_RELATIVE_UNCERTAINTY = 0.05;

/**
 * Opens an NVML meter on the visible GPUs: energy-counter mode when every device supports it,
 * else power-sampling mode. Never throws: unavailability comes back as `{ ok: false }`.
 */
export function openNvmlMeter(options: NvmlMeterOptions): GpuMeterResult {
  const { nvml } = options;
  const notes: string[] = [];
  try {
    nvml.init();
  } catch (error) {
    return { ok: false, message: `NVML could not start: ${messageOf(error)}.`, notes };
  }
  const fail = (message: string): GpuMeterResult => {
    try {
      nvml.shutdown();
    } catch {
      // already failing; the first message is the useful one
    }
    return { ok: false, message, notes };
  };
  const visible = parseCudaVisibleDevices(options.env.CUDA_VISIBLE_DEVICES);
  notes.push(...visible.notes);
  const gpus: Gpu[] = [];
  try {
    const count = nvml.deviceCount();
    const wanted: VisibleDevice[] = visible.devices ?? Array.from({ length: count }, (_, index) => ({ index }));
    if (visible.devices && options.env.CUDA_DEVICE_ORDER !== 'PCI_BUS_ID' && visible.devices.some((d) => 'index' in d)) {
      notes.push(
        'CUDA_VISIBLE_DEVICES indices are read as NVML (PCI bus) indices; set CUDA_DEVICE_ORDER=PCI_BUS_ID so CUDA numbers devices the same way.',
      );
    }
    wanted.forEach((d, ordinal) => {
      if ('index' in d && d.index >= count) {
        notes.push(`CUDA_VISIBLE_DEVICES names GPU ${d.index} but NVML sees ${count}; skipped.`);
        return;
      }
      const handle = 'index' in d ? nvml.handleByIndex(d.index) : nvml.handleByUuid(d.uuid);
      let name = 'NVIDIA GPU';
      try {
        name = nvml.deviceName(handle);
      } catch {
        // the name is cosmetic
      }
      gpus.push({ key: `gpu-${ordinal}`, label: `${name} (${'index' in d ? `NVML index ${d.index}` : d.uuid})`, handle });
    });
  } catch (error) {
    return fail(`NVML could not list the GPUs: ${messageOf(error)}.`);
  }
  if (gpus.length === 0) {
    return fail(
      options.env.CUDA_VISIBLE_DEVICES !== undefined
        ? `No NVIDIA GPU is visible (CUDA_VISIBLE_DEVICES="${options.env.CUDA_VISIBLE_DEVICES}").`
        : 'NVML reports no NVIDIA GPU on this machine.',
    );
  }
  let counter = true;
  for (const g of gpus) {
    try {
      nvml.totalEnergyMj(g.handle);
    } catch (error) {
      counter = false;
      notes.push(`${g.label}: no energy counter (${messageOf(error)}; it needs a Volta or newer GPU); power is sampled instead.`);
      break;
    }
  }
  if (!counter) {
    for (const g of gpus) {
      try {
        nvml.powerUsageMw(g.handle);
      } catch (error) {
        return fail(`${g.label}: NVML reports neither energy nor power (${messageOf(error)}).`);
      }
    }
  }
  return { ok: true, meter: new NvmlMeter(options, gpus, counter ? 'counter' : 'power'), notes };
}

interface NvmlOpen {
  startNs: bigint;
  startMj: number[];
}

/** Energy of the visible NVIDIA GPUs (method `nvml`). */
export class NvmlMeter implements EnergyMeter {
  readonly method = 'nvml' as const;
  readonly description: string;
  private readonly nvml: NvmlLike;
  private readonly ticker: Ticker;
  private readonly clockNs: ClockNs;
  private readonly traces: PowerTrace[];
  /** Open windows, by the token `begin` handed out. */
  private readonly open = new Map<WindowToken, NvmlOpen>();
  private timer: { stop(): void } | null = null;
  private sampleError: unknown = null;
  private readonly intervalMs: number;

  constructor(
    options: NvmlMeterOptions,
    private readonly gpus: Gpu[],
    readonly mode: 'counter' | 'power',
  ) {
    this.nvml = options.nvml;
    this.ticker = options.ticker ?? realTicker;
    this.clockNs = options.clockNs ?? realClockNs;
    this.intervalMs = options.sampleIntervalMs ?? 100;
    this.traces = gpus.map(() => new PowerTrace());
    this.description =
      `NVML ${mode === 'counter' ? 'energy counter' : `power sampled every ${this.intervalMs} ms`}: ` +
      gpus.map((g) => `${g.key} ${g.label}`).join(', ');
  }

  /** Takes one power sample of every GPU (power mode); tests call it to drive samples. */
  sample(): void {
    const t = this.clockNs();
    this.gpus.forEach((g, i) => {
      try {
        this.traces[i].add(t, this.nvml.powerUsageMw(g.handle) / 1000);
      } catch (error) {
        this.sampleError ??= error;
      }
    });
  }

  private readCounters(): number[] {
    return this.gpus.map((g) => this.nvml.totalEnergyMj(g.handle));
  }

  private wrap(error: unknown): EnvironmentError {
    return new EnvironmentError(`Reading NVIDIA GPU energy failed during the measurement: ${messageOf(error)}.`, {
      cause: error,
      code: 'METER_UNAVAILABLE',
    });
  }

  /** Starts a window. @throws EnvironmentError when NVML fails. */
  async begin(): Promise<WindowToken> {
    const token: WindowToken = { startedAt: Date.now() };
    try {
      if (this.mode === 'counter') {
        const startMj = this.readCounters();
        this.open.set(token, { startNs: this.clockNs(), startMj });
      } else {
        this.sample();
        const startNs = this.clockNs();
        this.open.set(token, { startNs, startMj: [] });
        this.timer ??= this.ticker.every(this.intervalMs, () => this.sample());
      }
    } catch (error) {
      throw this.wrap(error);
    }
    return token;
  }

  /** Ends a window: joules per GPU. @throws EnvironmentError when NVML failed. */
  async end(token: WindowToken): Promise<EnergyWindow> {
    const w = this.open.get(token);
    if (!w) throw new EnvironmentError('NVML window ended twice or never begun (internal error).');
    this.open.delete(token);
    const domainsJ: Record<string, number> = {};
    const notes: string[] = [];
    let endNs: bigint;
    try {
      if (this.mode === 'counter') {
        const endMj = this.readCounters();
        endNs = this.clockNs();
        this.gpus.forEach((g, i) => {
          domainsJ[g.key] = Math.max(0, endMj[i] - w.startMj[i]) / 1000;
        });
      } else {
        this.sample();
        endNs = this.clockNs();
        if (this.open.size === 0) {
          this.timer?.stop();
          this.timer = null;
        }
        if (this.sampleError !== null) {
          const error = this.sampleError;
          this.sampleError = null;
          throw error;
        }
        this.gpus.forEach((g, i) => {
          domainsJ[g.key] = this.traces[i].integrate(w.startNs, endNs);
          if (this.open.size === 0) this.traces[i].prune(endNs);
        });
        notes.push(
          `GPU power sampled every ${this.intervalMs} ms and integrated (trapezoid rule); NVML power readings are averaged by the driver, so short windows are smoothed.`,
        );
      }
    } catch (error) {
      throw this.wrap(error);
    }
    const energyJ = Object.values(domainsJ).reduce((a, b) => a + b, 0);
    return {
      energyJ,
      domainsJ,
      durationS: secondsBetween(w.startNs, endNs),
      method: 'nvml',
      estimated: false,
      uncertaintyJ: energyJ * NVML_RELATIVE_UNCERTAINTY,
      notes,
    };
  }

  /** Stops sampling and shuts NVML down. */
  async close(): Promise<void> {
    this.timer?.stop();
    this.timer = null;
    this.open.clear();
    try {
      this.nvml.shutdown();
    } catch {
      // nothing useful to do when shutdown fails at exit
    }
  }
}
