/**
 * RAPL through Linux powercap (`<sysfs>/class/powercap`): Intel `intel-rapl:*` zones, the MMIO
 * interface `intel-rapl-mmio:*`, and AMD Zen, which the kernel exposes through the same
 * `intel-rapl` zones (package and core domains). Counters are read in µJ and converted to joules
 * here; wrap-around is corrected with `max_energy_range_uj`, and a timer samples the counters
 * while a window is open so that a window may wrap any number of times.
 */
import { join } from 'node:path';
import { EnvironmentError, errnoCode } from '../errors.js';
import { nodeFs, realClockNs, realTicker, secondsBetween, type ClockNs, type EnergyFs, type Ticker } from './adapters.js';
import type { EnergyMeter, EnergyWindow, WindowToken } from './types.js';

/** One counted RAPL domain. */
export interface RaplDomain {
  /** Report key: `package-0`, `dram-0`, `psys`. */
  key: string;
  kind: 'package' | 'dram' | 'psys';
  /** Zone folder name, e.g. `intel-rapl:0:2`. */
  zone: string;
  /** Absolute folder of the zone. */
  dir: string;
  /** Counter range, µJ: the counter wraps to 0 after this value. */
  maxRangeUj: number;
}

/** What probing powercap found. */
export type RaplProbe =
  | { ok: true; domains: RaplDomain[]; notes: string[] }
  | { ok: false; reason: 'absent' | 'permission'; message: string; notes: string[] };

/**
 * Generous upper bounds on power per domain kind, watts, used only to choose how often to
 * sample so that no counter can wrap twice between samples. 500 W is above the TDP of any
 * current server CPU package (the largest Xeon 6 / EPYC 9005 parts are rated 500 W) and
 * leaves headroom for short excursions; DRAM rarely exceeds a few tens of watts per socket.
 */
export const RAPL_MAX_POWER_W: Record<RaplDomain['kind'], number> = { package: 500, dram: 200, psys: 1000 };

/**
 * Resolution of a RAPL counter: the energy status unit is 2^-14 J (61 µJ) on most Intel server
 * parts (Intel SDM vol. 3B, MSR_RAPL_POWER_UNIT, default ESU), so each reading is ±1 unit.
 */
const RAPL_QUANTUM_J = 2 ** -14;

const ZONE_RE = /^([a-z][a-z-]*rapl[a-z-]*):(\d+)(?::(\d+))?$/;

interface ZoneEntry {
  zone: string;
  type: string;
  index: number;
  sub: number | null;
  name: string;
  dir: string;
}

async function readTrim(fs: EnergyFs, path: string): Promise<string> {
  return (await fs.readFile(path)).trim();
}

async function readUj(fs: EnergyFs, path: string): Promise<number> {
  const text = await readTrim(fs, path);
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) {
    throw new EnvironmentError(`${path} does not hold a counter in µJ (read "${text.slice(0, 40)}").`, {
      code: 'METER_UNAVAILABLE',
    });
  }
  return value;
}

/**
 * How to grant read access to the energy counters on a self-hosted runner, naming the files.
 * Since CVE-2020-8694 (Platypus, 2020) the kernel makes `energy_uj` readable by root only.
 */
export function raplPermissionHelp(files: string[]): string {
  const shown = files.slice(0, 4).join(' ') + (files.length > 4 ? ' …' : '');
  return (
    `RAPL energy counters exist but are readable only by root (${shown}); Linux restricted ` +
    `energy_uj to root after CVE-2020-8694. To measure on a self-hosted runner, grant read access ` +
    `once per boot with \`sudo chmod o+r /sys/class/powercap/intel-rapl:*/energy_uj ` +
    `/sys/class/powercap/intel-rapl:*/intel-rapl:*/energy_uj\`, or for one user with ` +
    `\`sudo setfacl -m u:RUNNER_USER:r <file>\`, or persistently with a udev rule in ` +
    `/etc/udev/rules.d/99-powercap.rules: ` +
    `\`SUBSYSTEM=="powercap", ACTION=="add", RUN+="/bin/chmod o+r /sys%p/energy_uj"\`. ` +
    `Only do this on machines you trust: fine-grained energy readings can leak secrets through ` +
    `a power side channel.`
  );
}

/**
 * Finds the RAPL domains to count under `<sysfsRoot>/class/powercap`: every package, DRAM when
 * present, never the core/uncore subzones (they are inside the package), `psys` only when it is
 * the only domain (it covers the whole SoC and would double-count packages), and MMIO zones only
 * when no MSR zone reports the same package.
 * @throws nothing: unavailability is returned as `{ ok: false }` with a reason.
 */
export async function probeRapl(sysfsRoot: string, fs: EnergyFs = nodeFs): Promise<RaplProbe> {
  const base = join(sysfsRoot, 'class', 'powercap');
  const notes: string[] = [];
  let names: string[];
  try {
    names = await fs.readdir(base);
  } catch (error) {
    if (errnoCode(error) === 'EACCES') {
      return { ok: false, reason: 'permission', message: raplPermissionHelp([base]), notes };
    }
    return {
      ok: false,
      reason: 'absent',
      message: `No RAPL counters: ${base} does not exist (virtual machines such as GitHub-hosted runners do not expose them).`,
      notes,
    };
  }

  const zones: ZoneEntry[] = [];
  for (const zone of names.sort()) {
    const m = ZONE_RE.exec(zone);
    if (!m) continue;
    const dir = join(base, zone);
    let name: string;
    try {
      name = await readTrim(fs, join(dir, 'name'));
    } catch {
      continue; // a zone without a name file is not a counter we can label
    }
    zones.push({ zone, type: m[1], index: Number(m[2]), sub: m[3] === undefined ? null : Number(m[3]), name, dir });
  }

  const picked: Array<{ entry: ZoneEntry; key: string; kind: RaplDomain['kind'] }> = [];
  const psys: ZoneEntry[] = [];
  for (const entry of zones) {
    const pkgMatch = /^package-(\d+)$/.exec(entry.name);
    if (entry.sub === null) {
      if (pkgMatch) picked.push({ entry, key: entry.name, kind: 'package' });
      else if (entry.name === 'psys') psys.push(entry);
      else if (entry.name === 'dram') picked.push({ entry, key: `dram-${entry.index}`, kind: 'dram' });
      else notes.push(`RAPL zone ${entry.zone} (${entry.name}) is not counted.`);
    } else if (entry.name === 'dram') {
      const parent = zones.find((z) => z.type === entry.type && z.index === entry.index && z.sub === null);
      const parentPkg = parent ? /^package-(\d+)$/.exec(parent.name) : null;
      picked.push({ entry, key: `dram-${parentPkg ? parentPkg[1] : entry.index}`, kind: 'dram' });
    } else {
      // core (PP0), uncore (PP1, e.g. the integrated GPU): already inside the package figure.
      notes.push(`RAPL subzone ${entry.zone} (${entry.name}) is inside its package and not counted again.`);
    }
  }

  // MMIO zones report the same package as the MSR zones on CPUs that have both; keep one.
  const deduped: typeof picked = [];
  for (const p of picked) {
    const isMmio = p.entry.type.endsWith('-mmio');
    const twin = picked.find((q) => q !== p && q.key === p.key && !q.entry.type.endsWith('-mmio'));
    if (isMmio && twin) {
      notes.push(`RAPL zone ${p.entry.zone} duplicates ${twin.entry.zone} (${p.key}); counted once.`);
      continue;
    }
    if (deduped.some((q) => q.key === p.key)) continue;
    deduped.push(p);
  }

  if (deduped.length === 0 && psys.length > 0) {
    const z = psys[0];
    deduped.push({ entry: z, key: 'psys', kind: 'psys' });
    notes.push(`RAPL reports only the platform domain psys (${z.zone}); it covers the whole SoC, not just the CPU.`);
  } else if (psys.length > 0) {
    notes.push('RAPL psys (whole platform) is not counted: it includes the packages already counted.');
  }

  if (deduped.length === 0) {
    return { ok: false, reason: 'absent', message: `No RAPL package or DRAM domains under ${base}.`, notes };
  }

  const domains: RaplDomain[] = [];
  const denied: string[] = [];
  for (const { entry, key, kind } of deduped) {
    const energyFile = join(entry.dir, 'energy_uj');
    try {
      await readUj(fs, energyFile);
    } catch (error) {
      if (errnoCode(error) === 'EACCES' || errnoCode(error) === 'EPERM') {
        denied.push(energyFile);
        continue;
      }
      notes.push(`RAPL ${key}: ${energyFile} is unreadable (${errnoCode(error) ?? String(error)}); not counted.`);
      continue;
    }
    let maxRangeUj: number;
    try {
      maxRangeUj = await readUj(fs, join(entry.dir, 'max_energy_range_uj'));
    } catch {
      // Without the range a wrap cannot be corrected; 2^32 µJ is the smallest range in use.
      maxRangeUj = 2 ** 32;
      notes.push(`RAPL ${key}: max_energy_range_uj is unreadable; assuming 2^32 µJ for wrap-around.`);
    }
    domains.push({ key, kind, zone: entry.zone, dir: entry.dir, maxRangeUj });
  }
  if (denied.length > 0) {
    return { ok: false, reason: 'permission', message: raplPermissionHelp(denied), notes };
  }
  if (domains.length === 0) {
    return { ok: false, reason: 'absent', message: `No readable RAPL counters under ${base}.`, notes };
  }
  return { ok: true, domains, notes };
}

/**
 * Sampling interval, ms, that keeps any counter from wrapping more than once between samples:
 * a quarter of the shortest time a counter takes to wrap at the generous power bound, clamped
 * to [10 ms, 60 s]. E.g. a 262,143 J package range at 500 W wraps after 524 s → 60 s.
 */
export function raplSampleIntervalMs(domains: RaplDomain[], maxPowerW = RAPL_MAX_POWER_W): number {
  let minWrapS = Infinity;
  for (const d of domains) minWrapS = Math.min(minWrapS, d.maxRangeUj / 1e6 / maxPowerW[d.kind]);
  if (!Number.isFinite(minWrapS)) return 60_000;
  return Math.max(10, Math.min(60_000, Math.floor((minWrapS * 1000) / 4)));
}

/** Options of the RAPL meter; all edges injectable. */
export interface RaplMeterOptions {
  fs?: EnergyFs;
  ticker?: Ticker;
  clockNs?: ClockNs;
  /** Override the sampling interval, ms (default from `raplSampleIntervalMs`). */
  sampleIntervalMs?: number;
}

interface OpenWindow {
  startNs: bigint;
  accumAtStartUj: number[];
  wrapsAtStart: number[];
}

/** A meter over the given RAPL domains (see `probeRapl`). */
export class RaplMeter implements EnergyMeter {
  readonly method = 'rapl' as const;
  readonly description: string;
  /** How often counters are read while a window is open, ms. */
  readonly sampleIntervalMs: number;
  private readonly fs: EnergyFs;
  private readonly ticker: Ticker;
  private readonly clockNs: ClockNs;
  private readonly lastUj: Array<number | null>;
  private readonly accumUj: number[];
  private readonly wraps: number[];
  /** Open windows, by the token `begin` handed out. */
  private readonly open = new Map<WindowToken, OpenWindow>();
  private timer: { stop(): void } | null = null;
  private queue: Promise<void> = Promise.resolve();
  private sampleError: unknown = null;

  constructor(
    readonly domains: RaplDomain[],
    options: RaplMeterOptions = {},
  ) {
    this.fs = options.fs ?? nodeFs;
    this.ticker = options.ticker ?? realTicker;
    this.clockNs = options.clockNs ?? realClockNs;
    this.sampleIntervalMs = options.sampleIntervalMs ?? raplSampleIntervalMs(domains);
    this.lastUj = domains.map(() => null);
    this.accumUj = domains.map(() => 0);
    this.wraps = domains.map(() => 0);
    this.description = `RAPL ${domains.map((d) => d.key).join(' + ')} (powercap)`;
  }

  /**
   * Reads every counter once and adds the increase since the last reading, correcting a wrap.
   * Readings are serialised so that an overlapping timer tick cannot apply an older value after
   * a newer one (which would look like a wrap). Tests call this to drive samples.
   */
  sample(): Promise<void> {
    // readAll records read errors instead of throwing; the catch keeps one unexpected failure
    // from rejecting every later sample.
    this.queue = this.queue.catch(() => undefined).then(() => this.readAll());
    return this.queue;
  }

  private async readAll(): Promise<void> {
    for (let i = 0; i < this.domains.length; i++) {
      const d = this.domains[i];
      let value: number;
      try {
        value = await readUj(this.fs, join(d.dir, 'energy_uj'));
      } catch (error) {
        this.sampleError ??= error;
        continue;
      }
      const prev = this.lastUj[i];
      if (prev !== null) {
        if (value >= prev) {
          this.accumUj[i] += value - prev;
        } else {
          this.accumUj[i] += d.maxRangeUj - prev + value;
          this.wraps[i] += 1;
        }
      }
      this.lastUj[i] = value;
    }
  }

  private failIfSampleError(): void {
    if (this.sampleError === null) return;
    const error = this.sampleError;
    this.sampleError = null;
    throw new EnvironmentError(
      `Reading a RAPL counter failed during the measurement (${errnoCode(error) ?? String(error)}); the energy of this window is unknown.`,
      { cause: error, code: 'METER_UNAVAILABLE' },
    );
  }

  /** Starts a window and, if it is the first open one, the wrap-guard timer. */
  async begin(): Promise<WindowToken> {
    await this.sample();
    this.failIfSampleError();
    const token: WindowToken = { startedAt: Date.now() };
    this.open.set(token, { startNs: this.clockNs(), accumAtStartUj: [...this.accumUj], wrapsAtStart: [...this.wraps] });
    if (this.timer === null) {
      this.timer = this.ticker.every(this.sampleIntervalMs, () => {
        void this.sample();
      });
    }
    return token;
  }

  /** Ends a window: joules per domain since `begin`. @throws EnvironmentError on a failed read. */
  async end(token: WindowToken): Promise<EnergyWindow> {
    const w = this.open.get(token);
    if (!w) throw new EnvironmentError('RAPL window ended twice or never begun (internal error).');
    await this.sample();
    const endNs = this.clockNs();
    this.open.delete(token);
    if (this.open.size === 0 && this.timer) {
      this.timer.stop();
      this.timer = null;
    }
    this.failIfSampleError();
    const domainsJ: Record<string, number> = {};
    const notes: string[] = [];
    let energyJ = 0;
    this.domains.forEach((d, i) => {
      const j = (this.accumUj[i] - w.accumAtStartUj[i]) / 1e6;
      domainsJ[d.key] = j;
      energyJ += j;
      const wraps = this.wraps[i] - w.wrapsAtStart[i];
      if (wraps > 0) notes.push(`RAPL ${d.key} counter wrapped ${wraps}× in this window; corrected with max_energy_range_uj.`);
    });
    return {
      energyJ,
      domainsJ,
      durationS: secondsBetween(w.startNs, endNs),
      method: 'rapl',
      estimated: false,
      uncertaintyJ: 2 * RAPL_QUANTUM_J * this.domains.length,
      notes,
    };
  }

  /** Stops the timer. */
  async close(): Promise<void> {
    this.timer?.stop();
    this.timer = null;
    this.open.clear();
    await this.queue;
  }
}
