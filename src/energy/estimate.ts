/**
 * The estimate meter, for machines without energy counters (GitHub-hosted runners are VMs
 * without RAPL). It never measures: it turns the process's CPU time and the machine's
 * utilisation into joules with a published power model, and labels the figure `estimate`.
 *
 * What is counted (docs/energy.md): the VM's modelled idle power for the whole window (the VM
 * is reserved for the job, so its idle draw is part of the job's cost), plus the VM's modelled
 * dynamic power above idle, attributed to this process in proportion to its share of all CPU
 * time used on the machine during the window:
 *
 *   u       = busy ticks / all ticks in /proc/stat over the window
 *   P(u)    = power model of the whole VM at u (vCPUs × per-vCPU watts, or a VM curve)
 *   share   = process CPU s / busy CPU s (≤ 1)
 *   energyJ = P(0) × t + (P(u) − P(0)) × t × share
 *
 * For a linear model the dynamic term reduces to (max − min per vCPU) × process CPU seconds,
 * so other processes on the machine do not change this process's figure.
 */
import { nodeFs, realClockNs, secondsBetween, type ClockNs, type EnergyFs } from './adapters.js';
import { readCpuTimes, USER_HZ, type CpuTimes } from './cpu.js';
import { vmPowerW, type ResolvedPowerModel } from './power-model.js';
import type { EnergyMeter, EnergyWindow, WindowToken } from './types.js';

/** Options of the estimate meter; all edges injectable. */
export interface EstimateMeterOptions {
  model: ResolvedPowerModel;
  /** Logical CPUs (vCPUs) of the machine/VM. */
  vcpus: number;
  /** Folder used in place of /proc. @default '/proc' */
  procRoot?: string;
  fs?: EnergyFs;
  clockNs?: ClockNs;
  /** CPU time used by this process so far, µs (user + system). @default process.cpuUsage() */
  cpuTimeUs?: () => number;
  /** Machine-wide CPU time. @default /proc/stat under procRoot (cpuTimesReader gives os.cpus() off Linux) */
  readStat?: () => Promise<CpuTimes | null>;
}

interface Mark {
  ns: bigint;
  cpuUs: number;
  stat: CpuTimes | null;
}

/** The process's CPU time, µs, from Node. */
export function processCpuTimeUs(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

/** A meter that estimates with a power model (method `estimate`). */
export class EstimateMeter implements EnergyMeter {
  readonly method = 'estimate' as const;
  readonly description: string;
  readonly modelledIdleW: number;
  private readonly procRoot: string;
  private readonly fs: EnergyFs;
  private readonly clockNs: ClockNs;
  private readonly cpuTimeUs: () => number;
  private readonly readStat: () => Promise<CpuTimes | null>;
  /** Open windows' start marks, by the token `begin` handed out. */
  private readonly open = new Map<WindowToken, Mark>();

  constructor(private readonly options: EstimateMeterOptions) {
    this.procRoot = options.procRoot ?? '/proc';
    this.fs = options.fs ?? nodeFs;
    this.clockNs = options.clockNs ?? realClockNs;
    this.cpuTimeUs = options.cpuTimeUs ?? processCpuTimeUs;
    this.readStat = options.readStat ?? (() => readCpuTimes(this.procRoot, this.fs));
    this.modelledIdleW = vmPowerW(options.model.model, 0, options.vcpus);
    this.description =
      `Estimate (not measured): this process's share of a ${options.vcpus}-vCPU machine, ` +
      `CPU ${options.model.cpuModel}, power model ${options.model.label}`;
  }

  /** Marks the start: clock, process CPU time, /proc/stat. */
  async begin(): Promise<WindowToken> {
    const stat = await this.readStat();
    const token: WindowToken = { startedAt: Date.now() };
    this.open.set(token, { ns: this.clockNs(), cpuUs: this.cpuTimeUs(), stat });
    return token;
  }

  /** Computes the estimate for the window (see the module comment for the formula). */
  async end(token: WindowToken): Promise<EnergyWindow> {
    const start = this.open.get(token);
    if (!start) throw new Error('Estimate window ended twice or never begun (internal error).');
    this.open.delete(token);
    const endNs = this.clockNs();
    const endCpuUs = this.cpuTimeUs();
    const endStat = await this.readStat();
    return estimateWindow({
      model: this.options.model,
      vcpus: this.options.vcpus,
      durationS: secondsBetween(start.ns, endNs),
      processCpuS: Math.max(0, endCpuUs - start.cpuUs) / 1e6,
      statStart: start.stat,
      statEnd: endStat,
    });
  }

  /** Nothing to release. */
  async close(): Promise<void> {
    this.open.clear();
  }
}

/** Inputs of `estimateWindow`: everything the formula needs, as plain data. */
export interface EstimateInputs {
  model: ResolvedPowerModel;
  vcpus: number;
  durationS: number;
  processCpuS: number;
  statStart: CpuTimes | null;
  statEnd: CpuTimes | null;
}

/** The estimate for one window, from plain inputs (pure; see the module comment). */
export function estimateWindow(input: EstimateInputs): EnergyWindow {
  const { model, vcpus, durationS, processCpuS } = input;
  const notes = [...model.notes];
  let utilisation: number;
  let busyCpuS: number;
  if (input.statStart && input.statEnd && input.statEnd.totalTicks > input.statStart.totalTicks) {
    const busyTicks = Math.max(0, input.statEnd.busyTicks - input.statStart.busyTicks);
    const totalTicks = input.statEnd.totalTicks - input.statStart.totalTicks;
    // /proc/stat counts in 10 ms ticks; process.cpuUsage in µs. In a short window the ticks can
    // show less busy time than the process alone used, so the process's time is a floor.
    busyCpuS = Math.max(busyTicks / USER_HZ, processCpuS);
    utilisation = Math.min(1, Math.max(busyTicks / totalTicks, durationS > 0 ? processCpuS / (vcpus * durationS) : 0));
  } else {
    busyCpuS = processCpuS;
    utilisation = durationS > 0 ? Math.min(1, processCpuS / (vcpus * durationS)) : 0;
    notes.push(
      'Machine utilisation unavailable (no machine-wide CPU time, or window too short); assumed this process was the only load.',
    );
  }
  const share = busyCpuS > 0 ? Math.min(1, processCpuS / busyCpuS) : 0;
  const idleW = vmPowerW(model.model, 0, vcpus);
  const powerW = vmPowerW(model.model, utilisation, vcpus);
  const dynamicJ = (powerW - idleW) * durationS * share;
  const energyJ = idleW * durationS + dynamicJ;
  notes.push(
    `Estimate: ${vcpus} vCPUs at ${(utilisation * 100).toFixed(1)}% utilisation → ${powerW.toFixed(3)} W modelled for the machine ` +
      `(idle ${idleW.toFixed(3)} W); this process used ${processCpuS.toFixed(3)} CPU-s of ${busyCpuS.toFixed(3)} busy CPU-s ` +
      `(share ${(share * 100).toFixed(1)}%); counted: idle power for the window plus the process's share of the dynamic power.`,
  );
  return {
    energyJ,
    domainsJ: { 'cpu-vm-share': energyJ },
    durationS,
    method: 'estimate',
    estimated: true,
    idleW,
    idleMeasured: false,
    attributableJ: Math.max(0, dynamicJ),
    uncertaintyJ: energyJ * model.relativeUncertainty,
    notes,
    estimate: {
      cpuModel: model.cpuModel,
      microarchitecture: model.microarchitecture,
      powerModelRow: model.rowId,
      powerModelLabel: model.label,
      vcpus,
      utilisation,
      processCpuS,
      busyCpuS,
      vmPowerW: powerW,
      vmIdleW: idleW,
      vmEnergyJ: powerW * durationS,
      relativeUncertainty: model.relativeUncertainty,
      interval95: model.interval95,
    },
  };
}

/**
 * The estimate's formula reduced to two coefficients, for comparing two arms of an interleaved
 * comparison from their timings: energy = idleW × wall seconds + dynamicWPerCpu × process CPU
 * seconds. This is the formula of {@link estimateWindow} with the machine's utilisation held
 * fixed: there the dynamic term is (P(u) − P(0)) × t × share with share = process CPU ÷ busy
 * CPU, and busy CPU ≈ u × vCPUs × t, so per CPU second of the process it is (P(u) − P(0)) ÷
 * (u × vCPUs); for a linear power model that is the per-vCPU span (max − idle) whatever u is.
 */
export interface EstimateCoefficients {
  /** Modelled idle power of the machine, W. */
  idleW: number;
  /** Modelled dynamic power per busy vCPU, W (joules per CPU second of this process). */
  dynamicWPerCpu: number;
}

/**
 * The coefficients over a set of estimate windows (e.g. the blocks of a comparison's first
 * round): the idle power they share and the dynamic power per CPU second at their
 * time-weighted utilisation. Undefined unless every window is a power-model estimate with a
 * positive utilisation and duration.
 */
export function estimateCoefficients(windows: readonly EnergyWindow[]): EstimateCoefficients | undefined {
  let dynamicJ = 0;
  let busyCpuS = 0;
  let idleW: number | undefined;
  for (const w of windows) {
    const e = w.estimate;
    if (w.method !== 'estimate' || !e || !(w.durationS > 0) || !(e.utilisation > 0)) return undefined;
    idleW ??= e.vmIdleW;
    dynamicJ += (e.vmPowerW - e.vmIdleW) * w.durationS;
    busyCpuS += e.utilisation * e.vcpus * w.durationS;
  }
  if (idleW === undefined || !(busyCpuS > 0)) return undefined;
  return { idleW, dynamicWPerCpu: dynamicJ / busyCpuS };
}

/**
 * The estimated energy of one call from its timings, J: idle power for the call's wall time
 * plus the dynamic power for its CPU time ({@link EstimateCoefficients}).
 */
export function estimateFromTimings(c: EstimateCoefficients, wallS: number, cpuS: number): number {
  return c.idleW * wallS + c.dynamicWPerCpu * cpuS;
}
