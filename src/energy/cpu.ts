/**
 * What the estimate needs to know about the machine, read from procfs: the CPU model and
 * CPUID signature (`/proc/cpuinfo`) and how busy all CPUs were (`/proc/stat`). Pure parsers plus
 * thin readers that take the procfs root as a parameter.
 */
import { join } from 'node:path';
import { nodeFs, type EnergyFs } from './adapters.js';

/** The CPU as /proc/cpuinfo describes it (first processor; the VM's CPUs are identical). */
export interface CpuInfo {
  /** `model name`, or 'unknown' (e.g. on Arm, where cpuinfo has no model name). */
  modelName: string;
  /** `vendor_id`: GenuineIntel, AuthenticAMD; absent on Arm. */
  vendor?: string;
  family?: number;
  model?: number;
  stepping?: number;
  /** Arm: `CPU implementer` and `CPU part`, e.g. 0x41 / 0xd0c (Neoverse N1). */
  armImplementer?: string;
  armPart?: string;
  /** Number of `processor` entries: logical CPUs (vCPUs) visible to the OS. */
  logicalCpus: number;
}

/** Parses /proc/cpuinfo text. */
export function parseCpuInfo(text: string): CpuInfo {
  const first = new Map<string, string>();
  let logicalCpus = 0;
  for (const line of text.split('\n')) {
    const i = line.indexOf(':');
    if (i < 0) continue;
    const key = line.slice(0, i).trim();
    const value = line.slice(i + 1).trim();
    if (key === 'processor') logicalCpus++;
    if (!first.has(key)) first.set(key, value);
  }
  const int = (key: string): number | undefined => {
    const v = first.get(key);
    if (v === undefined || !/^\d+$/.test(v)) return undefined;
    return Number(v);
  };
  return {
    modelName: first.get('model name') ?? first.get('Model') ?? 'unknown',
    vendor: first.get('vendor_id'),
    family: int('cpu family'),
    model: int('model'),
    stepping: int('stepping'),
    armImplementer: first.get('CPU implementer'),
    armPart: first.get('CPU part'),
    logicalCpus,
  };
}

/** Aggregate CPU time counters from /proc/stat, in USER_HZ ticks. */
export interface CpuTimes {
  /** Ticks spent running anything: user + nice + system + irq + softirq. */
  busyTicks: number;
  /** All ticks: busy + idle + iowait + steal. */
  totalTicks: number;
  /** Number of `cpuN` lines: logical CPUs online. */
  cpus: number;
}

/**
 * USER_HZ: /proc/stat counts in 1/100 s on every mainstream Linux architecture
 * (sysconf(_SC_CLK_TCK) = 100; proc(5)).
 */
export const USER_HZ = 100;

/**
 * Parses /proc/stat. `guest`/`guest_nice` are already included in user/nice (proc(5)), so they
 * are not added again. `steal` (time the hypervisor ran other VMs while ours wanted to run) is
 * not our work: it counts in the total but not as busy.
 * @returns null when the text has no aggregate `cpu` line.
 */
export function parseProcStat(text: string): CpuTimes | null {
  let agg: number[] | null = null;
  let cpus = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('cpu ')) {
      agg = line.trim().split(/\s+/).slice(1).map(Number);
    } else if (/^cpu\d+\s/.test(line)) {
      cpus++;
    }
  }
  if (!agg || agg.length < 4 || agg.some((v) => !Number.isFinite(v))) return null;
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = agg;
  const busyTicks = user + nice + system + irq + softirq;
  return { busyTicks, totalTicks: busyTicks + idle + iowait + steal, cpus };
}

/** Reads and parses `<procRoot>/cpuinfo`; null when unreadable (not Linux, sandbox). */
export async function readCpuInfo(procRoot: string, fs: EnergyFs = nodeFs): Promise<CpuInfo | null> {
  try {
    return parseCpuInfo(await fs.readFile(join(procRoot, 'cpuinfo')));
  } catch {
    return null;
  }
}

/** Reads and parses `<procRoot>/stat`; null when unreadable. */
export async function readCpuTimes(procRoot: string, fs: EnergyFs = nodeFs): Promise<CpuTimes | null> {
  try {
    return parseProcStat(await fs.readFile(join(procRoot, 'stat')));
  } catch {
    return null;
  }
}
