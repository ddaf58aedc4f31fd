import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  CIM_ARGS,
  cpuTimesFromOs,
  parseCim,
  readPlatformCpu,
  realExecFile,
  WINDOWS_CPU_KEY,
  type ExecFileFn,
} from '../../src/energy/cpu-platform.js';
import { openMeter } from '../../src/energy/open.js';
import { resolvePowerModel } from '../../src/energy/power-model.js';
import { EnvironmentError } from '../../src/errors.js';
import { fakeClock, tempDir } from './helpers.js';

const here = import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname);
const fixture = (name: string) => readFileSync(path.join(here, 'fixtures', 'cpu', name), 'utf8');

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

interface Call {
  file: string;
  args: readonly string[];
  timeoutMs: number;
}

/** An execFile that answers from recorded outputs by program name and remembers the calls. */
function recorded(outputs: Record<string, string | Error>): { run: ExecFileFn; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    run: async (file, args, { timeoutMs }) => {
      calls.push({ file, args, timeoutMs });
      const out = outputs[path.win32.basename(file)];
      if (out === undefined) throw Object.assign(new Error(`spawn ${file} ENOENT`), { code: 'ENOENT' });
      if (out instanceof Error) throw out;
      return out;
    },
  };
}

describe('readPlatformCpu with recorded outputs', () => {
  it.each([
    // platform, arch, outputs, expected CPU fields, source
    [
      'linux',
      'x64',
      {},
      { modelName: 'AMD EPYC', vendor: 'AuthenticAMD', family: 25, model: 1, logicalCpus: 2 },
      '/proc/cpuinfo',
    ],
    ['linux', 'arm64', {}, { modelName: 'unknown', armImplementer: '0x41', armPart: '0xd49', logicalCpus: 2 }, '/proc/cpuinfo'],
    [
      'darwin',
      'arm64',
      { sysctl: fixture('darwin-arm64.sysctl') },
      { modelName: 'Apple M1 (Virtual)', logicalCpus: 3 },
      'sysctl',
    ],
    [
      'darwin',
      'x64',
      { sysctl: fixture('darwin-x64.sysctl') },
      {
        modelName: 'Intel(R) Core(TM) i7-8700B CPU @ 3.20GHz',
        vendor: 'GenuineIntel',
        family: 6,
        model: 158,
        stepping: 10,
        logicalCpus: 12,
      },
      'sysctl',
    ],
    [
      'win32',
      'x64',
      { 'reg.exe': fixture('win32-x64.reg') },
      {
        modelName: 'Intel(R) Xeon(R) Platinum 8272CL CPU @ 2.60GHz',
        vendor: 'GenuineIntel',
        family: 6,
        model: 85,
        stepping: 7,
        logicalCpus: 4,
      },
      'Windows registry',
    ],
    [
      'win32',
      'arm64',
      { 'reg.exe': fixture('win32-arm64.reg') },
      {
        modelName: 'Snapdragon(R) X Elite - X1E78100 - Qualcomm(R) Oryon(TM) CPU',
        vendor: 'Qualcomm Technologies Inc',
        logicalCpus: 4,
      },
      'Windows registry',
    ],
  ] as const)('%s/%s', async (platform, arch, outputs, expected, source) => {
    const proc = path.join(dir, 'proc');
    mkdirSync(proc);
    writeFileSync(path.join(proc, 'cpuinfo'), fixture(`linux-${arch}.cpuinfo`));
    const { run, calls } = recorded(outputs);
    const r = await readPlatformCpu({
      platform,
      arch,
      execFile: run,
      procRoot: proc,
      env: { SystemRoot: 'C:\\Windows' },
      logicalCpus: () => 4,
    });
    expect(r.source).toBe(source);
    expect(r.cpu).toMatchObject(expected);
    // An Arm identifier ("ARMv8 (64-bit) Family 8 Model 1 Revision 201") is no x86 signature.
    if (platform === 'win32' && arch === 'arm64') expect(r.cpu).not.toHaveProperty('family');
    expect(r.notes).toEqual([]);
    // Programs by absolute path with an argument array and a timeout: never a shell, never PATH.
    for (const c of calls) {
      expect(path.win32.isAbsolute(c.file) || path.posix.isAbsolute(c.file)).toBe(true);
      expect(c.timeoutMs).toBeGreaterThan(0);
    }
    if (platform === 'darwin') {
      expect(calls).toEqual([
        {
          file: '/usr/sbin/sysctl',
          args:
            arch === 'x64'
              ? [
                  'machdep.cpu.brand_string',
                  'hw.logicalcpu',
                  'machdep.cpu.vendor',
                  'machdep.cpu.family',
                  'machdep.cpu.model',
                  'machdep.cpu.stepping',
                ]
              : ['machdep.cpu.brand_string', 'hw.logicalcpu'],
          timeoutMs: 10_000,
        },
      ]);
    }
    if (platform === 'win32')
      expect(calls[0]).toMatchObject({ file: 'C:\\Windows\\System32\\reg.exe', args: ['query', WINDOWS_CPU_KEY] });
    if (platform === 'linux') expect(calls).toEqual([]);
    // The power model finds the x86 CPUs by CPUID and says what it used for the others.
    const model = resolvePowerModel(r.cpu, {});
    expect(model.cpuModel).toBe(r.cpu!.modelName);
    if (expected.modelName.includes('8272CL')) expect(model.microarchitecture).toMatch(/Cascade Lake/);
  });

  it('Windows: falls back from the registry to PowerShell CIM, then gives up with a note', async () => {
    const cim = recorded({ 'powershell.exe': fixture('win32-x64.cim.json') });
    const r = await readPlatformCpu({ platform: 'win32', arch: 'x64', execFile: cim.run, env: {} });
    expect(r.source).toBe('PowerShell CIM');
    expect(r.cpu).toMatchObject({
      modelName: 'Intel(R) Xeon(R) Platinum 8272CL CPU @ 2.60GHz',
      family: 6,
      model: 85,
      logicalCpus: 4,
    });
    expect(r.notes.join(' ')).toMatch(/reg query .* failed \(ENOENT\); asking CIM/);
    expect(cim.calls[1]).toEqual({
      file: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      args: CIM_ARGS,
      timeoutMs: 10_000,
    });

    const hung = recorded({ 'powershell.exe': Object.assign(new Error('killed'), { killed: true, signal: 'SIGTERM' }) });
    const none = await readPlatformCpu({ platform: 'win32', arch: 'x64', execFile: hung.run, env: {} });
    expect(none.cpu).toBeNull();
    expect(none.notes.join(' ')).toMatch(/PowerShell CIM failed \(timed out after 10 s\); the CPU model is unknown/);
    expect(parseCim('not json')).toBeNull();
  });

  it('macOS: a failing sysctl leaves the CPU unknown, with a note', async () => {
    const r = await readPlatformCpu({ platform: 'darwin', arch: 'arm64', execFile: recorded({}).run });
    expect(r).toMatchObject({ cpu: null, source: 'sysctl' });
    expect(r.notes[0]).toContain('sysctl failed (ENOENT)');
  });

  it('the real execFile runs a program without a shell and kills it at the timeout', async () => {
    expect(
      await realExecFile(process.execPath, ['-e', 'process.stdout.write(process.argv[1])', 'a;b $(x)'], { timeoutMs: 10_000 }),
    ).toBe('a;b $(x)');
    const error = (await realExecFile(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { timeoutMs: 300 }).catch(
      (e: unknown) => e,
    )) as { killed?: boolean };
    expect(error.killed).toBe(true);
  });
});

describe('machine-wide CPU time off Linux', () => {
  it('turns os.cpus() milliseconds into /proc/stat ticks', () => {
    const t = (user: number, sys: number, idle: number) => ({ times: { user, nice: 0, sys, idle, irq: 10 } });
    expect(cpuTimesFromOs([t(1000, 490, 8500), t(2000, 0, 8000)])).toEqual({ busyTicks: 351, totalTicks: 2001, cpus: 2 });
    expect(cpuTimesFromOs([])).toBeNull();
  });

  it.each([
    ['darwin', 'arm64', 'macOS', { sysctl: fixture('darwin-arm64.sysctl') }, 'Apple M1 (Virtual)'],
    ['win32', 'x64', 'Windows', { 'reg.exe': fixture('win32-x64.reg') }, 'Intel(R) Xeon(R) Platinum 8272CL CPU @ 2.60GHz'],
  ] as const)(
    '%s: energy auto is a labelled power-model estimate from sysctl/registry and os.cpus()',
    async (platform, arch, name, outputs, cpu) => {
      const clock = fakeClock();
      let cpuUs = 1_000_000;
      let busy = 1000;
      const osCpus = () => [{ times: { user: busy, nice: 0, sys: 0, idle: 9000, irq: 0 } }];
      const opened = await openMeter('auto', {
        env: {},
        power: {},
        platform,
        arch,
        execFile: recorded(outputs).run,
        osCpus,
        clockNs: clock.clockNs,
        cpuTimeUs: () => cpuUs,
        // /sys and /proc do not exist there: nothing may read them.
        sysfsRoot: path.join(dir, 'no-sys'),
        procRoot: path.join(dir, 'no-proc'),
      });
      expect(opened.meter.method).toBe('estimate');
      const notices = opened.notices.join('\n');
      expect(notices).toContain(`No CPU energy counter is read on ${name}`);
      expect(notices).toContain('Using a power-model estimate (labelled "estimate")');
      expect(notices).toContain(`CPU read with ${platform === 'darwin' ? 'sysctl' : 'Windows registry'}: ${cpu}`);
      expect(notices).not.toContain('/proc/cpuinfo');
      const token = await opened.meter.begin();
      cpuUs += 500_000;
      busy += 500;
      clock.set(1);
      const w = await opened.meter.end(token);
      expect(w).toMatchObject({ method: 'estimate', estimated: true });
      expect(w.estimate).toMatchObject({ cpuModel: cpu, vcpus: 1, processCpuS: 0.5, busyCpuS: 0.5 });
      expect(w.notes.join(' ')).not.toMatch(/Machine utilisation unavailable/);
    },
  );

  it('refuses energy: rapl off Linux with exit code 3 and the alternative', async () => {
    const error = await openMeter('rapl', { env: {}, power: {}, platform: 'darwin' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as Error).message).toMatch(/RAPL is read on Linux only and this is darwin.*energy: auto/);
  });
});
