/**
 * How much memory the machine can still give this run: a thin adapter over the kernel's own
 * figure (`MemAvailable` in /proc/meminfo: "an estimate of how much memory is available for
 * starting new applications, without swapping", Documentation/filesystems/proc.rst), capped by
 * the cgroup v2 limit of a container (`memory.max` − `memory.current` under /sys/fs/cgroup),
 * and `os.freemem()` where there is no /proc (macOS, Windows). Read once per pre-flight.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';

/** Memory available to the run, bytes, and where the figure comes from (for messages). */
export interface AvailableMemory {
  bytes: number;
  source: string;
}

/** Reads the available memory (injected into the measurement so tests can fake it). */
export type AvailableMemoryReader = () => Promise<AvailableMemory>;

/** `MemAvailable` of a /proc/meminfo text, bytes (the file says kB, meaning KiB). */
export function parseMemAvailable(text: string): number | undefined {
  const m = /^MemAvailable:\s+(\d+)\s*kB/m.exec(text);
  return m ? Number(m[1]) * 1024 : undefined;
}

/**
 * The real reader over `procRoot` and `sysfsRoot` (fakes in tests).
 * @default procRoot '/proc', sysfsRoot '/sys'
 */
export function availableMemoryReader(procRoot = '/proc', sysfsRoot = '/sys'): AvailableMemoryReader {
  return async () => {
    const text = await readFile(join(procRoot, 'meminfo'), 'utf8').catch(() => undefined);
    const fromProc = text === undefined ? undefined : parseMemAvailable(text);
    let out: AvailableMemory =
      fromProc !== undefined
        ? { bytes: fromProc, source: `MemAvailable in ${join(procRoot, 'meminfo')}` }
        : { bytes: os.freemem(), source: 'free memory reported by the OS' };
    const cg = join(sysfsRoot, 'fs/cgroup');
    const max = (await readFile(join(cg, 'memory.max'), 'utf8').catch(() => 'max')).trim();
    const current = Number((await readFile(join(cg, 'memory.current'), 'utf8').catch(() => '')).trim());
    // Page cache the kernel can drop counts in memory.current; take the inactive part back out
    // (what `docker stats` calls usage), or a container that just read the model looks full.
    const stat = await readFile(join(cg, 'memory.stat'), 'utf8').catch(() => '');
    const inactiveFile = Number(/^inactive_file\s+(\d+)/m.exec(stat)?.[1] ?? 0);
    if (/^\d+$/.test(max) && Number.isFinite(current)) {
      const left = Math.max(0, Number(max) - (current - inactiveFile));
      if (left < out.bytes)
        out = { bytes: left, source: `the container's cgroup limit ${join(cg, 'memory.max')} less its memory in use` };
    }
    return out;
  };
}
