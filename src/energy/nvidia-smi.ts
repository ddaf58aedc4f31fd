/**
 * NVIDIA GPU power through `nvidia-smi --query-gpu=index,power.draw --loop-ms=N`, for machines
 * where libnvidia-ml cannot be loaded through FFI but the tool exists. The child process streams
 * one line per GPU per loop; samples are timestamped on arrival and integrated. Every wait has a
 * hard timeout, so a missing, hung or babbling nvidia-smi never hangs the run.
 */
import { spawn as nodeSpawn, type ChildProcess } from 'node:child_process';
import { EnvironmentError, messageOf } from '../errors.js';
import { realClockNs, secondsBetween, type ClockNs } from './adapters.js';
import { PowerTrace } from './integrate.js';
import { parseCudaVisibleDevices, type GpuMeterResult } from './nvml.js';
import type { EnergyMeter, EnergyWindow, WindowToken } from './types.js';

/** Starts a process; node:child_process.spawn by default. */
export type SpawnFn = (
  command: string,
  args: string[],
  options: { env: Record<string, string | undefined>; stdio: ['ignore', 'pipe', 'pipe'] },
) => ChildProcess;

/** Options of the nvidia-smi meter. */
export interface NvidiaSmiOptions {
  env: Record<string, string | undefined>;
  spawn?: SpawnFn;
  clockNs?: ClockNs;
  /** How long to wait for the first reading before giving up, ms. @default 5000 */
  startTimeoutMs?: number;
  /** nvidia-smi's --loop-ms. @default 100 */
  loopMs?: number;
  /** A window ends with an error when the newest sample is older than this, ms. @default 3000 */
  staleAfterMs?: number;
  /** Called after each parsed sample (tests wait on it instead of sleeping). */
  onSample?: (gpuIndex: number, watts: number) => void;
}

/** One parsed line: a sample, a field nvidia-smi cannot report, or garbage. */
export type SmiLine =
  | { kind: 'sample'; index: number; watts: number }
  | { kind: 'unsupported'; index: number; value: string }
  | { kind: 'garbage'; text: string };

/** Parses one line of `--query-gpu=index,power.draw --format=csv,noheader,nounits` output. */
export function parseSmiLine(line: string): SmiLine | null {
  const text = line.trim();
  if (text === '') return null;
  const m = /^(\d+)\s*,\s*(.+)$/.exec(text);
  if (!m) return { kind: 'garbage', text };
  const value = m[2].trim();
  if (/^\d+(\.\d+)?$/.test(value)) return { kind: 'sample', index: Number(m[1]), watts: Number(value) };
  if (/^\[.*\]$/.test(value) || /^N\/A$/i.test(value)) return { kind: 'unsupported', index: Number(m[1]), value };
  return { kind: 'garbage', text };
}

/** Energy of the visible NVIDIA GPUs from nvidia-smi power samples (method `nvidia-smi`). */
export class NvidiaSmiMeter implements EnergyMeter {
  readonly method = 'nvidia-smi' as const;
  readonly description: string;
  private readonly traces = new Map<number, PowerTrace>();
  /** Open windows' start times, by the token `begin` handed out. */
  private readonly open = new Map<WindowToken, bigint>();
  private broken: string | null = null;
  private exited = false;
  private samples = 0;
  private waiters: Array<{ n: number; resolve: () => void }> = [];

  constructor(
    private readonly child: ChildProcess,
    private readonly clockNs: ClockNs,
    private readonly loopMs: number,
    private readonly staleAfterMs: number,
  ) {
    this.description = `nvidia-smi power.draw sampled every ${loopMs} ms and integrated`;
  }

  /** Records a sample (called by the line reader). */
  addSample(index: number, watts: number, tNs: bigint): void {
    let trace = this.traces.get(index);
    if (!trace) {
      trace = new PowerTrace();
      this.traces.set(index, trace);
    }
    trace.add(tNs, watts);
    this.samples++;
    this.waiters = this.waiters.filter((w) => {
      if (this.samples >= w.n) w.resolve();
      return this.samples < w.n;
    });
  }

  /** Marks the stream unusable: later windows fail with this reason. */
  markBroken(reason: string): void {
    this.broken ??= reason;
  }

  /** Marks the child as gone. */
  markExited(): void {
    this.exited = true;
  }

  /** Resolves once `n` samples have arrived in total (for tests and warm-up). */
  waitForSamples(n: number): Promise<void> {
    if (this.samples >= n) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ n, resolve }));
  }

  private checkAlive(nowNs: bigint): void {
    if (this.broken)
      throw new EnvironmentError(`nvidia-smi stopped giving usable readings: ${this.broken}`, { code: 'METER_UNAVAILABLE' });
    let newest: bigint | null = null;
    for (const t of this.traces.values()) if (t.lastNs !== null && (newest === null || t.lastNs > newest)) newest = t.lastNs;
    if (this.exited || newest === null || secondsBetween(newest, nowNs) * 1000 > this.staleAfterMs) {
      throw new EnvironmentError(
        `nvidia-smi ${this.exited ? 'exited' : 'stopped reporting'} during the measurement (last reading ${newest === null ? 'never' : `${secondsBetween(newest, nowNs).toFixed(1)} s ago`}); the GPU energy of this window is unknown.`,
        { code: 'METER_UNAVAILABLE' },
      );
    }
  }

  /** Starts a window. @throws EnvironmentError when nvidia-smi is gone. */
  async begin(): Promise<WindowToken> {
    const now = this.clockNs();
    this.checkAlive(now);
    const token: WindowToken = { startedAt: Date.now() };
    this.open.set(token, now);
    return token;
  }

  /** Ends a window: joules per GPU. @throws EnvironmentError when readings stopped. */
  async end(token: WindowToken): Promise<EnergyWindow> {
    const startNs = this.open.get(token);
    if (startNs === undefined) throw new EnvironmentError('nvidia-smi window ended twice or never begun (internal error).');
    this.open.delete(token);
    const endNs = this.clockNs();
    this.checkAlive(endNs);
    const domainsJ: Record<string, number> = {};
    let energyJ = 0;
    for (const [index, trace] of [...this.traces.entries()].sort((a, b) => a[0] - b[0])) {
      const j = trace.integrate(startNs, endNs);
      domainsJ[`gpu-${index}`] = j;
      energyJ += j;
      if (this.open.size === 0) trace.prune(endNs);
    }
    return {
      energyJ,
      domainsJ,
      durationS: secondsBetween(startNs, endNs),
      method: 'nvidia-smi',
      estimated: false,
      // nvidia-smi reads the same NVML power sensor (±5% documented accuracy).
      uncertaintyJ: energyJ * 0.05,
      notes: [`GPU power sampled by nvidia-smi every ${this.loopMs} ms, timestamped on arrival and integrated (trapezoid rule).`],
    };
  }

  /** Stops nvidia-smi: SIGTERM, then SIGKILL after 500 ms; never waits more than 1 s. */
  async close(): Promise<void> {
    this.open.clear();
    await stopChild(this.child);
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(hard);
      clearTimeout(giveUp);
      resolve();
    };
    child.once('exit', done);
    child.kill('SIGTERM');
    const hard = setTimeout(() => child.kill('SIGKILL'), 500);
    const giveUp = setTimeout(done, 1000);
    hard.unref?.();
    giveUp.unref?.();
  });
}

/**
 * Starts `nvidia-smi` and waits (at most `startTimeoutMs`) for its first power reading.
 * Never throws: a missing tool, a timeout, an exit, unsupported power readings or garbage
 * output come back as `{ ok: false }` with a message, and the child is stopped.
 */
export function openNvidiaSmiMeter(options: NvidiaSmiOptions): Promise<GpuMeterResult> {
  const spawn = options.spawn ?? nodeSpawn;
  const clockNs = options.clockNs ?? realClockNs;
  const loopMs = options.loopMs ?? 100;
  const startTimeoutMs = options.startTimeoutMs ?? 5000;
  const notes: string[] = [];
  const visible = parseCudaVisibleDevices(options.env.CUDA_VISIBLE_DEVICES);
  notes.push(...visible.notes);
  if (visible.devices && visible.devices.length === 0) {
    return Promise.resolve({
      ok: false,
      message: `No NVIDIA GPU is visible (CUDA_VISIBLE_DEVICES="${options.env.CUDA_VISIBLE_DEVICES}").`,
      notes,
    });
  }
  const args = ['--query-gpu=index,power.draw', '--format=csv,noheader,nounits', `--loop-ms=${loopMs}`];
  if (visible.devices) args.push(`--id=${visible.devices.map((d) => ('index' in d ? String(d.index) : d.uuid)).join(',')}`);

  return new Promise<GpuMeterResult>((resolve) => {
    let settled = false;
    let child: ChildProcess;
    try {
      child = spawn('nvidia-smi', args, { env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      resolve({ ok: false, message: `nvidia-smi could not be started: ${messageOf(error)}.`, notes });
      return;
    }
    const meter = new NvidiaSmiMeter(child, clockNs, loopMs, options.staleAfterMs ?? 3000);
    let stderr = '';
    const settle = (result: GpuMeterResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!result.ok) void stopChild(child);
      resolve(result);
    };
    const timer = setTimeout(() => {
      settle({
        ok: false,
        message: `nvidia-smi gave no power reading within ${(startTimeoutMs / 1000).toFixed(1)} s; stopped it.`,
        notes,
      });
    }, startTimeoutMs);
    timer.unref?.();

    child.on('error', (error: NodeJS.ErrnoException) => {
      meter.markExited();
      settle({
        ok: false,
        message:
          error.code === 'ENOENT'
            ? 'nvidia-smi not found on PATH (no NVIDIA driver tools on this machine).'
            : `nvidia-smi could not be started: ${error.message}.`,
        notes,
      });
    });
    child.on('exit', () => meter.markExited());
    // 'close' comes after the exit and after stdout/stderr are drained, so stderr is complete.
    child.on('close', (code, signal) => {
      meter.markExited();
      const tail = stderr.trim().split('\n').slice(-2).join(' ').slice(0, 300);
      settle({
        ok: false,
        message: `nvidia-smi exited (${signal ?? `code ${code}`}) before giving a power reading${tail ? `: ${tail}` : ''}.`,
        notes,
      });
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    let pending = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        const parsed = parseSmiLine(line);
        if (!parsed) continue;
        if (parsed.kind === 'sample') {
          meter.addSample(parsed.index, parsed.watts, clockNs());
          options.onSample?.(parsed.index, parsed.watts);
          settle({ ok: true, meter, notes });
        } else {
          const reason =
            parsed.kind === 'unsupported'
              ? `GPU ${parsed.index} reports power.draw as "${parsed.value}" (not supported on this GPU or driver)`
              : `unexpected output "${parsed.text.slice(0, 80)}"`;
          meter.markBroken(reason);
          settle({ ok: false, message: `nvidia-smi is unusable: ${reason}.`, notes });
        }
      }
      if (pending.length > 10_000) {
        meter.markBroken('an overlong line without a newline');
        settle({ ok: false, message: 'nvidia-smi is unusable: it printed an overlong line without a newline.', notes });
        pending = '';
      }
    });
  });
}
