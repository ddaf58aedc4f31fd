/**
 * The edge to Valgrind: find it, and run the child program (src/instructions/child.ts) under
 * Callgrind with collection switched on only inside onnxruntime-node's native run, one
 * dump per call. Everything outside (spawning, the clock) is passed in so the reading of the
 * output stays testable without Valgrind.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type * as ort from 'onnxruntime-node';
import { EnvironmentError, messageOf } from '../errors.js';
import { onnxRuntimeFor } from '../runtime/onnxruntime.js';
import { CHILD_SOURCE, READY_LINE, type ChildJob } from './child.js';
import { objectCost, parseCallgrind, type CallgrindPart } from './callgrind.js';

/**
 * The library whose own instructions are counted. Inside the run, onnxruntime-node's binding
 * also calls into V8 to build the output tensors, and V8 may collect garbage right there; that
 * work varies from call to call (measured: 302k–555k instructions per call of the same
 * classifier call), so only onnxruntime's own code is counted.
 */
export const COUNTED_OBJECT = /libonnxruntime\.so/;

/**
 * The native function whose calls are counted: onnxruntime-node's binding method behind
 * `InferenceSession.run` (`nm -C onnxruntime_binding.node`: `InferenceSessionWrap::Run(Napi::CallbackInfo const&)`).
 * Callgrind 3.19 applies one option per pattern text, so the toggle and the dump are given as
 * two different patterns that match the same function (found by trying: with the same text
 * for both, only the toggle took effect).
 */
export const RUN_SYMBOL = 'InferenceSessionWrap::Run*';
const RUN_SYMBOL_DUMP = '*InferenceSessionWrap::Run*';

/** Valgrind found and usable. */
export interface ValgrindTool {
  /** The command run (a path, or `valgrind` found on PATH). */
  command: string;
  /** e.g. `valgrind-3.19.0`. */
  version: string;
}

/** The install hint shown when Valgrind is missing. */
export const INSTALL_HINT =
  'Install it with `sudo apt-get install -y valgrind` (Ubuntu and Debian, including GitHub-hosted ubuntu runners), ' +
  'or point ENERGY_BUDGET_VALGRIND at the valgrind binary';

/**
 * Why `measure: instructions` cannot run on this platform, or null when it can. Valgrind runs
 * on Linux (x64, arm64); it has no Windows port and does not support current macOS releases.
 */
export function unsupportedPlatform(platform: string = process.platform, arch: string = process.arch): string | null {
  if (platform !== 'linux')
    return `measure: instructions needs Valgrind, which runs on Linux only (this is ${platform}); run this model with measure: time here, or on a Linux runner`;
  if (arch !== 'x64' && arch !== 'arm64')
    return `measure: instructions is supported on Linux x64 and arm64 (this is ${arch}); run this model with measure: time here`;
  return null;
}

/**
 * Finds Valgrind: `ENERGY_BUDGET_VALGRIND`, else `valgrind` on PATH, checked by running
 * `--version`.
 * @throws EnvironmentError (exit 3) naming what was tried and how to install it.
 */
export async function findValgrind(env: Record<string, string | undefined>): Promise<ValgrindTool> {
  const platform = unsupportedPlatform();
  if (platform) throw new EnvironmentError(platform);
  const command = env.ENERGY_BUDGET_VALGRIND || 'valgrind';
  const where = env.ENERGY_BUDGET_VALGRIND ? `ENERGY_BUDGET_VALGRIND=${command}` : '`valgrind` on PATH';
  const version = await new Promise<string>((done, fail) => {
    execFile(command, ['--version'], { env: env, timeout: 30_000 }, (error, stdout) => {
      if (error) fail(error);
      else done(stdout.trim());
    });
  }).catch((error: NodeJS.ErrnoException) => {
    const why = error.code === 'ENOENT' ? 'was not found' : `could not be run (${error.message.split('\n')[0]})`;
    throw new EnvironmentError(
      `measure: instructions needs Valgrind (its callgrind tool), and ${where} ${why}. ${INSTALL_HINT}.`,
      { cause: error },
    );
  });
  if (!/^valgrind-\d/.test(version))
    throw new EnvironmentError(
      `${where} does not look like Valgrind: \`--version\` printed \`${version.slice(0, 80)}\`. ${INSTALL_HINT}.`,
    );
  return { command, version };
}

/** Runs a command to the end; rejects on a non-zero exit. */
export type RunCommand = (command: string, args: string[], env: Record<string, string | undefined>) => Promise<void>;

const runCommand: RunCommand = (command, args, env) =>
  new Promise((done, fail) => {
    execFile(command, args, { env: env, timeout: 600_000 }, (error, _out, stderr) =>
      error
        ? fail(
            new Error(
              `${command} ${args.join(' ')}: ${String(stderr).trim().split('\n').slice(-3).join(' | ') || error.message}`,
            ),
          )
        : done(),
    );
  });

/**
 * Installs Valgrind from the distribution's packages on a GitHub-hosted Linux runner (Ubuntu;
 * passwordless sudo): `sudo -n apt-get update` then `sudo -n apt-get install -y
 * --no-install-recommends valgrind`. Returns the seconds it took.
 * @throws EnvironmentError (exit 3) when apt-get fails, with the fix to do by hand.
 */
export async function installValgrind(
  env: Record<string, string | undefined>,
  deps: { run?: RunCommand; clockNs?: () => bigint } = {},
): Promise<number> {
  const run = deps.run ?? runCommand;
  const clockNs = deps.clockNs ?? (() => process.hrtime.bigint());
  const t0 = clockNs();
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    await run('sudo', ['-n', 'apt-get', 'update', '-qq'], aptEnv);
    await run('sudo', ['-n', 'apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'valgrind'], aptEnv);
  } catch (error) {
    throw new EnvironmentError(
      `measure: instructions needs Valgrind, and installing it with apt-get failed (${messageOf(error)}). ` +
        'Add a step `sudo apt-get install -y valgrind` before this action, or use measure: time.',
      { cause: error },
    );
  }
  return Number(clockNs() - t0) / 1e9;
}

/** What to run under Callgrind. */
export interface CallgrindJob {
  model: string;
  sessionOptions: ort.InferenceSession.SessionOptions;
  feeds: Record<string, ort.Tensor>;
  warmup: number;
  calls: number;
  /** Simulate the caches (`--cache-sim=yes`): cache misses and estimated cycles, at extra cost. */
  cacheSim: boolean;
}

/** Counts per measured call (warm-up calls dropped), and how long the process took. */
export interface CallgrindResult {
  events: string[];
  /** One entry per measured call, in call order. */
  perCall: Array<Record<string, number>>;
  /** Wall time of the count, seconds: the process under Valgrind (twice when the fallback ran). */
  wallS: number;
  valgrind: string;
  /**
   * How the child's start-up ran: `uninstrumented` (instrumentation switched on with vgdb just
   * before the first call, the fast path), or `instrumented` with the reason vgdb failed.
   */
  startup: { instrumented: false } | { instrumented: true; reason: string };
}

/** Hooks the runner of the child process calls. */
export interface ExecHooks {
  /** Called once with the child's pid when it prints READY_LINE; the child waits until this returns. */
  onReady: (pid: number) => Promise<void>;
}

/** The edges of {@link runCallgrind}. */
export interface CallgrindDeps {
  /** Runs a command to the end, calling `hooks.onReady` when it prints READY_LINE. @default child_process.spawn */
  exec?: (
    command: string,
    args: string[],
    env: Record<string, string | undefined>,
    hooks: ExecHooks,
  ) => Promise<{ code: number | null; signal: string | null; stderr: string }>;
  /** Runs vgdb with these arguments to the end; rejects when it fails. @default child_process.execFile */
  vgdb?: (command: string, args: string[], env: Record<string, string | undefined>) => Promise<void>;
  clockNs?: () => bigint;
  env?: Record<string, string | undefined>;
}

function defaultExec(command: string, args: string[], env: Record<string, string | undefined>, hooks: ExecHooks) {
  return new Promise<{ code: number | null; signal: string | null; stderr: string }>((done, fail) => {
    const child = spawn(command, args, { env: env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    let ready: Promise<void> | undefined;
    child.stdout.on('data', (d: Buffer) => {
      if (ready) return;
      stdout = (stdout + d.toString()).slice(-1000);
      if (stdout.split('\n').some((l) => l.trim() === READY_LINE))
        // The child waits for the hook: if the hook fails, end the child rather than leave it polling.
        ready = hooks.onReady(child.pid!).catch((error: unknown) => {
          child.kill('SIGKILL');
          throw error;
        });
    });
    child.stderr.on('data', (d: Buffer) => {
      // Keep the tail only: a failing model can print a lot.
      stderr = (stderr + d.toString()).slice(-20_000);
    });
    child.on('error', fail);
    child.on('close', (code, signal) => void (ready ?? Promise.resolve()).then(() => done({ code, signal, stderr }), fail));
  });
}

const defaultVgdb = (command: string, args: string[], env: Record<string, string | undefined>) =>
  new Promise<void>((done, fail) => {
    execFile(command, args, { env: env, timeout: 60_000 }, (error, stdout, stderr) =>
      error
        ? fail(
            new Error(
              `${
                String(stderr || stdout)
                  .trim()
                  .split('\n')
                  .slice(-2)
                  .join(' | ') || error.message
              }`,
            ),
          )
        : done(),
    );
  });

/** vgdb beside the valgrind found (`/usr/bin/valgrind` → `/usr/bin/vgdb`), else `vgdb` on PATH. */
export function vgdbFor(valgrind: string): string {
  if (!valgrind.includes('/')) return 'vgdb';
  const beside = path.join(path.dirname(valgrind), 'vgdb');
  return existsSync(beside) ? beside : 'vgdb';
}

/** The entry file of the onnxruntime-node this process loads (src/runtime/onnxruntime.ts). */
function ortEntry(): string {
  return onnxRuntimeFor().entryFile;
}

/** Callgrind's per-dump files in call order: `out.1`, `out.2`, …, then `out` (written at exit). */
export function orderDumpFiles(names: readonly string[], base: string): string[] {
  const numbered = names
    .map((n) => ({ n, m: new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)$`).exec(n) }))
    .filter((x) => x.m)
    .sort((a, b) => Number(a.m![1]) - Number(b.m![1]))
    .map((x) => x.n);
  return names.includes(base) ? [...numbered, base] : numbered;
}

/**
 * Splits the dumps into calls: with `--dump-before` on the run function the first dump holds
 * what came before the first call (nothing, collection being off), and each later one holds
 * one call; the last call is in the dump written at exit.
 * @throws EnvironmentError when the number of dumps does not match the calls made.
 */
export function callsFromDumps(
  parts: readonly CallgrindPart[],
  warmup: number,
  calls: number,
  events: readonly string[] = ['Ir'],
): Array<Record<string, number>> {
  const expected = 1 + warmup + calls;
  if (parts.length !== expected) {
    throw new EnvironmentError(
      `Callgrind wrote ${parts.length} dumps where ${expected} were expected (one before each of ${warmup + calls} calls, and one at exit): ` +
        `the run function ${RUN_SYMBOL} was not matched as expected; this onnxruntime-node build may name it differently`,
    );
  }
  return parts.slice(1 + warmup).map((p) => objectCost(p, events, COUNTED_OBJECT));
}

/** The callgrind options of one count: instrumentation off at start unless `instrumented`. */
export function callgrindArgs(opts: { out: string; dir: string; cacheSim: boolean; instrumented: boolean }): string[] {
  return [
    '--tool=callgrind',
    // Start-up (Node, module loading, session creation) runs without instrumentation: about
    // 5× cheaper on the simulator than instrumented with collection off. vgdb switches it on
    // (`instrumentation on`) before the first call.
    ...(opts.instrumented ? [] : ['--instr-atstart=no']),
    '--collect-atstart=no',
    `--toggle-collect=${RUN_SYMBOL}`,
    `--dump-before=${RUN_SYMBOL_DUMP}`,
    '--dump-instr=no',
    `--cache-sim=${opts.cacheSim ? 'yes' : 'no'}`,
    '--vgdb=yes',
    // Its own FIFOs in the count's own folder, so that parallel counts never meet.
    `--vgdb-prefix=${path.join(opts.dir, 'vgdb')}`,
    `--callgrind-out-file=${opts.out}`,
    `--log-file=${path.join(opts.dir, 'valgrind.log')}`,
  ];
}

/**
 * Runs the calls under Callgrind in a child process and returns the counts per measured call.
 * The child's start-up runs uninstrumented; once its session is ready, `vgdb` switches
 * callgrind's instrumentation on and the child makes its calls. Where vgdb cannot reach the
 * process (no vgdb, ptrace or FIFOs refused), the count is taken again with instrumentation on
 * from the start — the same figures, slower — and the result says so.
 * Only the temporary folder it creates is removed.
 * @throws EnvironmentError (exit 3) when Valgrind or the child fails; the message carries the child's last lines.
 */
export async function runCallgrind(tool: ValgrindTool, job: CallgrindJob, deps: CallgrindDeps = {}): Promise<CallgrindResult> {
  const clockNs = deps.clockNs ?? (() => process.hrtime.bigint());
  const env = { ...(deps.env ?? process.env), NODE_OPTIONS: '' };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'eb-instr-'));
  try {
    const feeds: ChildJob['feeds'] = [];
    for (const [i, [name, t]] of Object.entries(job.feeds).entries()) {
      const data = t.data;
      // A string tensor holds a string array; every other type a typed array.
      if (Array.isArray(data)) {
        feeds.push({ name, type: t.type, dims: [...t.dims], strings: [...data] });
        continue;
      }
      const file = path.join(dir, `input-${i}.bin`);
      await writeFile(file, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      feeds.push({ name, type: t.type, dims: [...t.dims], file });
    }
    const t0 = clockNs();
    let fallback: string | undefined;
    for (let attempt = 0; ; attempt++) {
      const instrumented = fallback !== undefined;
      const sub = path.join(dir, `run-${attempt}`);
      await mkdir(sub);
      const goFile = path.join(sub, 'go');
      const childJob: ChildJob = {
        ort: ortEntry(),
        model: job.model,
        sessionOptions: job.sessionOptions,
        warmup: job.warmup,
        calls: job.calls,
        feeds,
        goFile,
      };
      const jobFile = path.join(sub, 'job.json');
      await writeFile(jobFile, JSON.stringify(childJob));
      const out = path.join(sub, 'callgrind.out');
      const args = [
        ...callgrindArgs({ out, dir: sub, cacheSim: job.cacheSim, instrumented }),
        process.execPath,
        '--input-type=module',
        '-e',
        CHILD_SOURCE,
        jobFile,
      ];
      let stopped: string | undefined;
      const onReady = async (pid: number) => {
        let word = 'go';
        if (!instrumented) {
          const vgdb = deps.vgdb ?? defaultVgdb;
          const command = vgdbFor(tool.command);
          try {
            await vgdb(command, [`--vgdb-prefix=${path.join(sub, 'vgdb')}`, `--pid=${pid}`, 'instrumentation', 'on'], env);
          } catch (error) {
            stopped = `${command} could not switch callgrind's instrumentation on (${messageOf(error)})`;
            word = 'stop';
          }
        }
        // Written whole, then renamed: the child polls for the name and reads it at once.
        await writeFile(`${goFile}.tmp`, word);
        await rename(`${goFile}.tmp`, goFile);
      };
      const runTool = deps.exec ?? defaultExec; // spawn with an argument array, no shell
      const r = await runTool(tool.command, args, env, { onReady });
      if (r.code !== 0) {
        const log = await readFile(path.join(sub, 'valgrind.log'), 'utf8').catch(() => '');
        const tail = `${r.stderr}\n${log}`.trim().split('\n').slice(-8).join(' | ');
        throw new EnvironmentError(
          `the instruction count failed: ${tool.command} (callgrind) running the model ${r.signal ? `was killed by ${r.signal}` : `exited with code ${r.code}`}: ${tail}`,
        );
      }
      if (stopped !== undefined && !instrumented) {
        fallback = stopped;
        continue;
      }
      const wallS = Number(clockNs() - t0) / 1e9;
      const names = orderDumpFiles(await readdir(sub), 'callgrind.out');
      const parts: CallgrindPart[] = [];
      let events: string[] = [];
      for (const n of names) {
        const profile = parseCallgrind(await readFile(path.join(sub, n), 'utf8'));
        events = profile.events;
        parts.push(...profile.parts);
      }
      const perCall = callsFromDumps(parts, job.warmup, job.calls, events);
      if (perCall.every((c) => !c.Ir))
        throw new EnvironmentError(
          'Callgrind counted no instructions inside onnxruntime (libonnxruntime.so) during the run: this onnxruntime-node build may load its library under another name',
        );
      return {
        events,
        perCall,
        wallS,
        valgrind: tool.version,
        startup: fallback === undefined ? { instrumented: false } : { instrumented: true, reason: fallback },
      };
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
