/**
 * The CPU the power model needs, read the platform's way: `/proc/cpuinfo` on Linux, `sysctl` on
 * macOS, the registry (`reg query`, falling back to PowerShell's CIM `Win32_Processor`) on
 * Windows. Commands run through execFile with an argument array and a timeout, never a shell;
 * a command that fails or times out leaves the CPU unknown (the estimate says so), never the run.
 * Machine-wide CPU time comes from /proc/stat on Linux and from Node's `os.cpus()` counters
 * elsewhere, in the same unit (10 ms ticks), so the estimate's formula is the same everywhere.
 */
import { execFile as nodeExecFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { errnoCode, messageOf } from '../errors.js';
import { isJsonObject } from '../util/json-object.js';
import { nodeFs, type EnergyFs } from './adapters.js';
import { readCpuInfo, readCpuTimes, USER_HZ, type CpuInfo, type CpuTimes } from './cpu.js';

/** Runs a program with arguments (no shell) and returns its standard output. */
export type ExecFileFn = (file: string, args: readonly string[], options: { timeoutMs: number }) => Promise<string>;

/** How long one CPU query may take, ms: sysctl and reg answer in milliseconds; PowerShell's start is the slow one. */
export const CPU_QUERY_TIMEOUT_MS = 10_000;

/** The real execFile: no shell, a timeout, no console window on Windows. */
export const realExecFile: ExecFileFn = (file, args, { timeoutMs }) =>
  new Promise((resolve, reject) => {
    nodeExecFile(
      file,
      [...args],
      { timeout: timeoutMs, windowsHide: true, encoding: 'utf8', maxBuffer: 1 << 20 },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
  });

/** What the reader needs from the machine; tests pass recorded outputs. */
export interface PlatformCpuProbe {
  platform: string;
  arch: string;
  execFile?: ExecFileFn;
  /** Linux: the procfs root. @default '/proc' */
  procRoot?: string;
  fs?: EnergyFs;
  env?: Record<string, string | undefined>;
  /** Windows: logical CPUs (the registry key describes one). @default os.availableParallelism */
  logicalCpus?: () => number;
}

/** The CPU and where it was read from; `notes` says what failed, if anything. */
export interface PlatformCpu {
  cpu: CpuInfo | null;
  /** `/proc/cpuinfo`, `sysctl`, `Windows registry` or `PowerShell CIM`. */
  source: string;
  notes: string[];
}

/** Splits `key: value` lines (sysctl's format) into a map. */
function colonLines(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) out.set(line.slice(0, i).trim(), line.slice(i + 1).trim());
  }
  return out;
}

/** Family/model/stepping from an x86 identifier such as `Intel64 Family 6 Model 85 Stepping 7`. */
function x86Signature(text: string | undefined): Pick<CpuInfo, 'family' | 'model' | 'stepping'> {
  const m = /Family (\d+) Model (\d+) Stepping (\d+)/.exec(text ?? '');
  return m ? { family: Number(m[1]), model: Number(m[2]), stepping: Number(m[3]) } : {};
}

const int = (v: string | undefined): number | undefined => (v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined);

/** The sysctl names asked on macOS; the x86 ones exist on Intel Macs only. */
export function sysctlNames(arch: string): string[] {
  const names = ['machdep.cpu.brand_string', 'hw.logicalcpu'];
  if (arch === 'x64') names.push('machdep.cpu.vendor', 'machdep.cpu.family', 'machdep.cpu.model', 'machdep.cpu.stepping');
  return names;
}

/** Parses `sysctl NAME…` output (`name: value` lines). */
export function parseSysctl(text: string): CpuInfo | null {
  const v = colonLines(text);
  const name = v.get('machdep.cpu.brand_string');
  if (!name) return null;
  return {
    modelName: name,
    vendor: v.get('machdep.cpu.vendor'),
    family: int(v.get('machdep.cpu.family')),
    model: int(v.get('machdep.cpu.model')),
    stepping: int(v.get('machdep.cpu.stepping')),
    logicalCpus: int(v.get('hw.logicalcpu')) ?? 0,
  };
}

/** The registry key `reg query` reads on Windows: the first processor's description. */
export const WINDOWS_CPU_KEY = 'HKLM\\HARDWARE\\DESCRIPTION\\System\\CentralProcessor\\0';

/** Parses `reg query <WINDOWS_CPU_KEY>` output (`    Name    REG_SZ    value` lines). */
export function parseRegQuery(text: string, logicalCpus: number): CpuInfo | null {
  const v = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s+(\S+)\s+REG_\w+\s+(.*?)\s*$/.exec(line);
    if (m) v.set(m[1], m[2]);
  }
  const name = v.get('ProcessorNameString');
  if (!name) return null;
  return { modelName: name, vendor: v.get('VendorIdentifier'), ...x86Signature(v.get('Identifier')), logicalCpus };
}

/** The PowerShell command line that lists the processors as JSON. */
export const CIM_ARGS = [
  '-NoProfile',
  '-NonInteractive',
  '-Command',
  'Get-CimInstance -ClassName Win32_Processor | Select-Object Name,Manufacturer,Caption,NumberOfLogicalProcessors | ConvertTo-Json -Compress',
];

/** Parses the CIM JSON: one object, or an array with one per socket (logical CPUs summed). */
export function parseCim(text: string): CpuInfo | null {
  let data: unknown;
  try {
    data = JSON.parse(text.trim());
  } catch {
    return null;
  }
  // A row that is not an object has none of the fields read below.
  const rows = (Array.isArray(data) ? data : [data]).map((r: unknown) => (isJsonObject(r) ? r : {}));
  const first = rows[0];
  if (!first || typeof first.Name !== 'string') return null;
  const logicalCpus = rows.reduce(
    (n, r) => n + (typeof r.NumberOfLogicalProcessors === 'number' ? r.NumberOfLogicalProcessors : 0),
    0,
  );
  return {
    modelName: first.Name.trim(),
    vendor: typeof first.Manufacturer === 'string' ? first.Manufacturer : undefined,
    ...x86Signature(typeof first.Caption === 'string' ? first.Caption : undefined),
    logicalCpus,
  };
}

function why(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'killed' in error && error.killed)
    return `timed out after ${CPU_QUERY_TIMEOUT_MS / 1000} s`;
  return errnoCode(error) ?? messageOf(error).split('\n')[0];
}

/**
 * Reads the CPU model (and x86 signature, logical CPUs) the platform's way.
 * Never throws: a failed query is a note and a null CPU.
 */
export async function readPlatformCpu(probe: PlatformCpuProbe): Promise<PlatformCpu> {
  const run = probe.execFile ?? realExecFile;
  const notes: string[] = [];
  if (probe.platform === 'darwin') {
    try {
      const cpu = parseSysctl(await run('/usr/sbin/sysctl', sysctlNames(probe.arch), { timeoutMs: CPU_QUERY_TIMEOUT_MS }));
      if (!cpu) notes.push('sysctl printed no machdep.cpu.brand_string; the CPU model is unknown.');
      return { cpu, source: 'sysctl', notes };
    } catch (error) {
      notes.push(`sysctl failed (${why(error)}); the CPU model is unknown.`);
      return { cpu: null, source: 'sysctl', notes };
    }
  }
  if (probe.platform === 'win32') {
    const env = probe.env ?? process.env;
    const system32 = path.win32.join(env.SystemRoot ?? env.windir ?? 'C:\\Windows', 'System32');
    const logical = (probe.logicalCpus ?? os.availableParallelism)();
    try {
      const cpu = parseRegQuery(
        await run(path.win32.join(system32, 'reg.exe'), ['query', WINDOWS_CPU_KEY], { timeoutMs: CPU_QUERY_TIMEOUT_MS }),
        logical,
      );
      if (cpu) return { cpu, source: 'Windows registry', notes };
      notes.push(`${WINDOWS_CPU_KEY} has no ProcessorNameString; asking CIM.`);
    } catch (error) {
      notes.push(`reg query ${WINDOWS_CPU_KEY} failed (${why(error)}); asking CIM.`);
    }
    try {
      const cpu = parseCim(
        await run(path.win32.join(system32, 'WindowsPowerShell', 'v1.0', 'powershell.exe'), CIM_ARGS, {
          timeoutMs: CPU_QUERY_TIMEOUT_MS,
        }),
      );
      if (!cpu) notes.push('PowerShell CIM printed no Win32_Processor Name; the CPU model is unknown.');
      return { cpu, source: 'PowerShell CIM', notes };
    } catch (error) {
      notes.push(`PowerShell CIM failed (${why(error)}); the CPU model is unknown.`);
      return { cpu: null, source: 'PowerShell CIM', notes };
    }
  }
  const cpu = await readCpuInfo(probe.procRoot ?? '/proc', probe.fs ?? nodeFs);
  return { cpu, source: '/proc/cpuinfo', notes };
}

/**
 * Machine-wide CPU time from Node's per-CPU counters (ms), in /proc/stat's 10 ms ticks:
 * busy = user + nice + sys + irq, total = busy + idle. Used where there is no /proc/stat.
 */
export function cpuTimesFromOs(cpus: ReadonlyArray<Pick<os.CpuInfo, 'times'>>): CpuTimes | null {
  if (cpus.length === 0) return null;
  let busyMs = 0;
  let idleMs = 0;
  for (const c of cpus) {
    busyMs += c.times.user + c.times.nice + c.times.sys + c.times.irq;
    idleMs += c.times.idle;
  }
  const perTick = 1000 / USER_HZ;
  return { busyTicks: busyMs / perTick, totalTicks: (busyMs + idleMs) / perTick, cpus: cpus.length };
}

/** The machine-wide CPU time reader for a platform: /proc/stat on Linux, os.cpus() elsewhere. */
export function cpuTimesReader(
  platform: string,
  procRoot: string,
  fs: EnergyFs = nodeFs,
  cpus: () => ReadonlyArray<Pick<os.CpuInfo, 'times'>> = os.cpus,
): () => Promise<CpuTimes | null> {
  if (platform === 'linux') return () => readCpuTimes(procRoot, fs);
  return async () => cpuTimesFromOs(cpus());
}
