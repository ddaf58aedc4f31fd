/**
 * Meter selection. `auto`: RAPL when its counters are readable, else the labelled estimate;
 * plus NVIDIA GPU energy (NVML, else nvidia-smi) when the model runs on a GPU. A meter named
 * explicitly (`rapl`, `nvml`, `estimate`) is used or the run fails with a message that says how
 * to fix it — never a silent fallback.
 *
 * An explicitly named meter that this machine lacks is an EnvironmentError (exit 3, code
 * METER_UNAVAILABLE): the budget file is valid, the machine is not what it asks for. An unknown
 * meter name is an InputError (exit 2).
 */
import { availableParallelism, type CpuInfo as CpuInfoOs } from 'node:os';
import type { DeviceChoice, MeterChoice, PowerSettings } from '../config/types.js';
import { EnvironmentError, InputError } from '../errors.js';
import { nodeFs, type ClockNs, type EnergyFs, type Ticker } from './adapters.js';
import { CombinedMeter } from './combined.js';
import { cpuTimesReader, readPlatformCpu, type ExecFileFn } from './cpu-platform.js';
import { EstimateMeter } from './estimate.js';
import { openNvidiaSmiMeter, type SpawnFn } from './nvidia-smi.js';
import { loadNvml, openNvmlMeter, type GpuMeterResult, type NvmlLike } from './nvml.js';
import { resolvePowerModel } from './power-model.js';
import { probeRapl, RaplMeter } from './rapl.js';
import type { EnergyMeter } from './types.js';

/** Edges and settings for `openMeter`. Everything but `env` and `power` has a real default. */
export interface OpenMeterOptions {
  /** Folder used in place of /sys. @default env.ENERGY_BUDGET_SYSFS ?? '/sys' */
  sysfsRoot?: string;
  /** Folder used in place of /proc. @default env.ENERGY_BUDGET_PROC ?? '/proc' */
  procRoot?: string;
  env: Record<string, string | undefined>;
  /** The budget file's power settings (TDP or watts override the power model). */
  power: PowerSettings;
  /** Where the model runs; a GPU adds GPU energy in `auto`. @default 'cpu' */
  device?: DeviceChoice;
  clockNs?: ClockNs;
  /** Process CPU time, µs. @default process.cpuUsage() user + system */
  cpuTimeUs?: () => number;
  fs?: EnergyFs;
  ticker?: Ticker;
  spawn?: SpawnFn;
  /** NVML binding; undefined loads libnvidia-ml with koffi; null means "no NVML here". */
  nvml?: NvmlLike | null;
  /** How long nvidia-smi may take to give its first reading, ms. @default 5000 */
  smiStartTimeoutMs?: number;
  /** Logical CPUs of the machine. @default from /proc/stat, else os.availableParallelism() */
  vcpus?: number;
  /** The platform and architecture whose CPU readers run (src/energy/cpu-platform.ts). @default process.platform, process.arch */
  platform?: string;
  arch?: string;
  /** Runs sysctl / reg / PowerShell on macOS and Windows. @default execFile with a timeout */
  execFile?: ExecFileFn;
  /** Machine-wide CPU counters off Linux. @default os.cpus */
  osCpus?: () => ReadonlyArray<Pick<CpuInfoOs, 'times'>>;
}

/** What macOS and Windows users are told: no counter is read there, the figures are modelled. */
export function platformEstimateNote(platform: string): string | null {
  const name = platform === 'darwin' ? 'macOS' : platform === 'win32' ? 'Windows' : null;
  if (!name) return null;
  return (
    `No CPU energy counter is read on ${name} (RAPL is read on Linux only): the energy figures are modelled ` +
    "from this process's CPU time and the machine's CPU load, not measured."
  );
}

/** An opened meter and what the user should be told about the choice. */
export interface OpenedMeter {
  /** The meter to bracket windows with (parts combined when there are several). */
  meter: EnergyMeter;
  /** The individual meters (CPU first, then GPU). */
  meters: EnergyMeter[];
  /** One line each: fallbacks, permission help, what the estimate assumed. */
  notices: string[];
}

const CHOICES: MeterChoice[] = ['auto', 'rapl', 'nvml', 'estimate'];

/** The sysfs root: ENERGY_BUDGET_SYSFS when set, else /sys. */
export function sysfsRootFrom(env: Record<string, string | undefined>): string {
  const v = env.ENERGY_BUDGET_SYSFS;
  return v !== undefined && v.trim() !== '' ? v : '/sys';
}

/** The procfs root for the estimate: ENERGY_BUDGET_PROC when set, else /proc. */
export function procRootFrom(env: Record<string, string | undefined>): string {
  const v = env.ENERGY_BUDGET_PROC;
  return v !== undefined && v.trim() !== '' ? v : '/proc';
}

async function openEstimate(options: OpenMeterOptions, notices: string[]): Promise<EstimateMeter> {
  const procRoot = options.procRoot ?? procRootFrom(options.env);
  const fs = options.fs ?? nodeFs;
  const platform = options.platform ?? process.platform;
  const read = await readPlatformCpu({
    platform,
    arch: options.arch ?? process.arch,
    execFile: options.execFile,
    procRoot,
    fs,
    env: options.env,
  });
  const cpu = read.cpu;
  const readStat = cpuTimesReader(platform, procRoot, fs, options.osCpus);
  const stat = await readStat();
  const vcpus = options.vcpus ?? (stat?.cpus || cpu?.logicalCpus || availableParallelism());
  const model = resolvePowerModel(cpu, options.power);
  notices.push(...read.notes);
  if (read.source !== '/proc/cpuinfo') {
    notices.push(cpu ? `CPU read with ${read.source}: ${cpu.modelName}.` : `CPU model unknown (${read.source} gave none).`);
  }
  notices.push(
    ...model.notes.filter((n) => read.source === '/proc/cpuinfo' || !n.startsWith('CPU model unknown (/proc/cpuinfo')),
  );
  return new EstimateMeter({
    model,
    vcpus,
    procRoot,
    fs,
    clockNs: options.clockNs,
    cpuTimeUs: options.cpuTimeUs,
    readStat,
  });
}

async function openGpu(options: OpenMeterOptions): Promise<GpuMeterResult> {
  const notes: string[] = [];
  let nvmlReason: string;
  let nvml = options.nvml;
  if (nvml === undefined) {
    const loaded = await loadNvml();
    if ('nvml' in loaded) nvml = loaded.nvml;
    else nvmlReason = `NVML unavailable: ${loaded.error}`;
  }
  if (nvml) {
    const r = openNvmlMeter({ nvml, env: options.env, ticker: options.ticker, clockNs: options.clockNs });
    if (r.ok) return r;
    notes.push(...r.notes);
    nvmlReason = r.message;
  } else {
    nvmlReason ??= 'NVML unavailable: libnvidia-ml.so.1 not found';
  }
  const smi = await openNvidiaSmiMeter({
    env: options.env,
    spawn: options.spawn,
    clockNs: options.clockNs,
    startTimeoutMs: options.smiStartTimeoutMs,
  });
  if (smi.ok) return { ok: true, meter: smi.meter, notes: [...notes, nvmlReason + '; using nvidia-smi instead.', ...smi.notes] };
  return { ok: false, message: `${nvmlReason}; ${smi.message}`, notes: [...notes, ...smi.notes] };
}

/**
 * Opens the meter(s) for `choice` (see the module comment).
 * @throws InputError for an unknown choice or invalid power settings (exit 2);
 *   EnvironmentError (code METER_UNAVAILABLE, exit 3) when an explicitly named meter is absent.
 */
export async function openMeter(choice: MeterChoice, options: OpenMeterOptions): Promise<OpenedMeter> {
  if (!CHOICES.includes(choice)) {
    throw new InputError(
      'CONFIG_INVALID',
      `Unknown energy meter "${String(choice)}"; expected one of ${CHOICES.join(', ')} (e.g. energy: auto).`,
    );
  }
  const notices: string[] = [];
  const sysfsRoot = options.sysfsRoot ?? sysfsRootFrom(options.env);
  const fs = options.fs ?? nodeFs;
  const device = options.device ?? 'cpu';

  if (choice === 'estimate') {
    const meter = await openEstimate(options, notices);
    return { meter, meters: [meter], notices };
  }

  if (choice === 'nvml') {
    const gpu = await openGpu(options);
    if (!gpu.ok) {
      throw new EnvironmentError(
        `The budget file asks for energy: nvml, but no NVIDIA GPU energy reading is available here: ${gpu.message} ` +
          'Run on a machine with an NVIDIA driver (libnvidia-ml.so.1 or nvidia-smi), or set energy: auto (CPU counters or a labelled estimate) for this model.',
        { code: 'METER_UNAVAILABLE' },
      );
    }
    notices.push(...gpu.notes);
    return { meter: gpu.meter, meters: [gpu.meter], notices };
  }

  const platform = options.platform ?? process.platform;
  const offLinux = platformEstimateNote(platform);
  if (offLinux && choice === 'rapl') {
    throw new EnvironmentError(
      `The budget file asks for energy: rapl, but RAPL is read on Linux only and this is ${platform}. ` +
        'Set energy: auto or energy: estimate (a labelled power-model estimate) for this model, or run it on Linux.',
      { code: 'METER_UNAVAILABLE' },
    );
  }
  const probe = offLinux
    ? ({ ok: false, reason: 'absent', message: offLinux, notes: [] } as const)
    : await probeRapl(sysfsRoot, fs);
  let cpuMeter: EnergyMeter;
  if (probe.ok) {
    cpuMeter = new RaplMeter(probe.domains, { fs, ticker: options.ticker, clockNs: options.clockNs });
    notices.push(...probe.notes);
  } else if (choice === 'rapl') {
    throw new EnvironmentError(
      `The budget file asks for energy: rapl, but ${probe.message} ` +
        (probe.reason === 'permission'
          ? ''
          : 'RAPL needs bare-metal Linux on an Intel or AMD CPU (or ENERGY_BUDGET_SYSFS pointing at the host sysfs). ') +
        'Alternatively set energy: auto, which uses a labelled estimate where no counter is readable.',
      { code: 'METER_UNAVAILABLE' },
    );
  } else {
    notices.push(...probe.notes);
    notices.push(
      probe.reason === 'permission'
        ? `${probe.message} Using a power-model estimate meanwhile.`
        : `${probe.message} Using a power-model estimate (labelled "estimate").`,
    );
    cpuMeter = await openEstimate({ ...options, fs }, notices);
  }

  if (choice === 'rapl' || device === 'cpu') {
    return { meter: cpuMeter, meters: [cpuMeter], notices };
  }

  const gpu = await openGpu(options);
  if (!gpu.ok) {
    notices.push(...gpu.notes);
    notices.push(`GPU energy is not measured (${device}): ${gpu.message}`);
    return { meter: cpuMeter, meters: [cpuMeter], notices };
  }
  notices.push(...gpu.notes);
  const meters = [cpuMeter, gpu.meter];
  return { meter: new CombinedMeter(meters), meters, notices };
}
