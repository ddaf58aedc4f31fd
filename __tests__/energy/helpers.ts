/** Shared fakes for the energy tests: temp folders, fake sysfs trees, a fake clock and timer. */
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Ticker } from '../../src/energy/adapters.js';

/** A fresh temp folder; `cleanup()` removes it. */
export function tempDir(prefix = 'energy-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** One powercap zone to create: `zone` like 'intel-rapl:0:1'. */
export interface FakeZone {
  zone: string;
  name: string;
  energyUj?: number;
  maxRangeUj?: number;
}

/** Writes `<root>/class/powercap/<zone>/{name,energy_uj,max_energy_range_uj}` (flat, as sysfs symlinks appear). */
export function fakePowercap(root: string, zones: FakeZone[]): void {
  const base = join(root, 'class', 'powercap');
  mkdirSync(base, { recursive: true });
  mkdirSync(join(base, 'intel-rapl'), { recursive: true }); // the control-type folder, not a zone
  for (const z of zones) {
    const dir = join(base, z.zone);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'name'), `${z.name}\n`);
    writeFileSync(join(dir, 'energy_uj'), `${z.energyUj ?? 0}\n`);
    writeFileSync(join(dir, 'max_energy_range_uj'), `${z.maxRangeUj ?? 262143328850}\n`);
  }
}

/** Sets a zone's counter. */
export function setEnergy(root: string, zone: string, uj: number): void {
  writeFileSync(join(root, 'class', 'powercap', zone, 'energy_uj'), `${uj}\n`);
}

/** A clock the test moves by hand. */
export function fakeClock(): { clockNs: () => bigint; set: (seconds: number) => void } {
  let now = 0n;
  return { clockNs: () => now, set: (s) => (now = BigInt(Math.round(s * 1e9))) };
}

/** A timer the test fires by hand. */
export function fakeTicker(): Ticker & { intervals: number[]; running: number; tick: () => void } {
  const callbacks = new Set<() => void>();
  const t = {
    intervals: [] as number[],
    get running() {
      return callbacks.size;
    },
    every(intervalMs: number, fn: () => void) {
      t.intervals.push(intervalMs);
      callbacks.add(fn);
      return { stop: () => callbacks.delete(fn) };
    },
    tick() {
      for (const fn of callbacks) fn();
    },
  };
  return t;
}

/** A procfs folder with cpuinfo and stat. */
export function fakeProc(dir: string, cpuinfo: string, stat: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'cpuinfo'), cpuinfo);
  writeFileSync(join(dir, 'stat'), stat);
}

/** /proc/cpuinfo text for `n` identical processors. */
export function cpuinfoText(n: number, fields: Record<string, string | number>): string {
  let out = '';
  for (let i = 0; i < n; i++) {
    out += `processor\t: ${i}\n`;
    for (const [k, v] of Object.entries(fields)) out += `${k}\t: ${v}\n`;
    out += '\n';
  }
  return out;
}

/** /proc/stat text: aggregate user/system/idle ticks and `cpus` per-CPU lines. */
export function statText(user: number, system: number, idle: number, cpus: number, steal = 0): string {
  let out = `cpu  ${user} 0 ${system} ${idle} 0 0 0 ${steal} 0 0\n`;
  for (let i = 0; i < cpus; i++) out += `cpu${i} 0 0 0 0 0 0 0 0 0 0\n`;
  return out + 'intr 0\nctxt 0\nbtime 0\n';
}
