/**
 * The check's own footprint: what a whole run of energy-budget cost (wall time, CPU time of
 * this process and of the worker processes it waited for, and energy estimated with the same
 * power model as the estimate meter, src/energy/estimate.ts). Always an estimate, and labelled
 * as one: a RAPL counter would also count whatever else ran on the machine, and the run's own
 * meters are busy measuring the models.
 */
import { nodeFs, type EnergyFs } from './adapters.js';
import { readCpuInfo, readCpuTimes, USER_HZ, type CpuTimes } from './cpu.js';
import { estimateWindow } from './estimate.js';
import { resolvePowerModel } from './power-model.js';
import type { PowerSettings } from '../config/types.js';
import { availableParallelism } from 'node:os';

/** The footprint of one run (or the sum over a matrix's shards). */
export interface Footprint {
  /** Wall time of the whole run, seconds (summed over shards for a merged report). */
  wallS: number;
  /** CPU time, seconds: this process and the worker processes it ran (user + system). */
  cpuS: number;
  /** Estimated energy of the run, joules: the power model's idle share of the machine for the wall time plus the dynamic power of the CPU time. */
  energyJ: number;
  /** Always `estimate`. */
  method: 'estimate';
  estimated: true;
  /** How the energy was estimated (power model, vCPUs, utilisation). */
  description: string;
  /** Reports summed (merge of a job matrix); absent for a single run. */
  shards?: number;
}

/** CPU seconds of this process plus its waited-for children, from /proc/self/stat (fields 14–17); null when unreadable. */
export function parseSelfStat(text: string): number | null {
  // The command name (field 2) is in parentheses and may contain spaces: split after the last ')'.
  const rest = text
    .slice(text.lastIndexOf(')') + 2)
    .trim()
    .split(/\s+/);
  // rest[0] is field 3 (state); utime is field 14 → rest[11].
  const ticks = [11, 12, 13, 14].map((i) => Number(rest[i]));
  if (ticks.some((t) => !Number.isFinite(t) || t < 0)) return null;
  return ticks.reduce((a, b) => a + b, 0) / USER_HZ;
}

/** Where a footprint starts: clock, CPU times, machine counters. */
export interface FootprintMark {
  ns: bigint;
  cpuS: number;
  stat: CpuTimes | null;
}

/** Edges of the footprint (tests pass fakes). */
export interface FootprintDeps {
  procRoot?: string;
  fs?: EnergyFs;
  clockNs?: () => bigint;
  /** Own CPU time, seconds, when /proc/self/stat is unreadable. @default process.cpuUsage() */
  ownCpuS?: () => number;
}

async function cpuNow(deps: FootprintDeps): Promise<number> {
  const fs = deps.fs ?? nodeFs;
  try {
    const s = parseSelfStat(await fs.readFile(`${deps.procRoot ?? '/proc'}/self/stat`));
    if (s !== null) return s;
  } catch {
    // not Linux, or no /proc: the process's own CPU time only
  }
  if (deps.ownCpuS) return deps.ownCpuS();
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** Starts measuring the run's footprint. */
export async function startFootprint(deps: FootprintDeps = {}): Promise<FootprintMark> {
  return {
    ns: (deps.clockNs ?? (() => process.hrtime.bigint()))(),
    cpuS: await cpuNow(deps),
    stat: await readCpuTimes(deps.procRoot ?? '/proc', deps.fs ?? nodeFs),
  };
}

/**
 * Ends the footprint: wall and CPU time since `mark` and their estimated energy.
 * @throws InputError from the power model for inconsistent budget-file watts (checked earlier by the meters).
 */
export async function endFootprint(mark: FootprintMark, power: PowerSettings, deps: FootprintDeps = {}): Promise<Footprint> {
  const procRoot = deps.procRoot ?? '/proc';
  const fs = deps.fs ?? nodeFs;
  const wallS = Number((deps.clockNs ?? (() => process.hrtime.bigint()))() - mark.ns) / 1e9;
  const cpuS = Math.max(0, (await cpuNow(deps)) - mark.cpuS);
  const statEnd = await readCpuTimes(procRoot, fs);
  const cpu = await readCpuInfo(procRoot, fs);
  const vcpus = statEnd?.cpus || cpu?.logicalCpus || availableParallelism();
  const model = resolvePowerModel(cpu, power);
  const w = estimateWindow({ model, vcpus, durationS: wallS, processCpuS: cpuS, statStart: mark.stat, statEnd });
  return {
    wallS,
    cpuS,
    energyJ: w.energyJ,
    method: 'estimate',
    estimated: true,
    description:
      `estimated with the power model ${model.label} for a ${vcpus}-vCPU machine: its idle power for the wall time ` +
      `plus this run's share of the dynamic power (the same formula as the estimate meter, docs/energy.md)`,
  };
}

/** The footprint of a job matrix: the shards' figures summed; undefined when no shard has one. */
export function sumFootprints(parts: ReadonlyArray<Footprint | undefined>): Footprint | undefined {
  const known = parts.filter((p): p is Footprint => !!p && Number.isFinite(p.wallS) && Number.isFinite(p.energyJ));
  if (!known.length) return undefined;
  const shards = known.reduce((n, p) => n + (p.shards ?? 1), 0);
  return {
    wallS: known.reduce((s, p) => s + p.wallS, 0),
    cpuS: known.reduce((s, p) => s + p.cpuS, 0),
    energyJ: known.reduce((s, p) => s + p.energyJ, 0),
    method: 'estimate',
    estimated: true,
    description: `sum over ${shards} shard${shards === 1 ? '' : 's'}; each ${known[0].description.replace(/^estimated/, 'estimated')}`,
    shards,
  };
}
