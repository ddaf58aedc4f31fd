/**
 * Crash containment: runs one model's measurement in a child process with a wall-clock limit,
 * so that a native crash (SIGSEGV, abort), an out-of-memory kill or a hang inside onnxruntime
 * on a hostile model becomes an error for that model (MODEL_CRASHED / MODEL_TIMEOUT, exit code
 * 2) while the parent keeps the other models' results and writes the report.
 *
 * The child is `fork`ed from the worker script (dist/worker.js next to the bundled engine) with
 * `execArgv` replaced (no inherited --inspect or loaders, a `--max-old-space-size` cap), an
 * environment without tokens or secrets (the model's code paths never need them), stdout and
 * stderr piped (the tail of stderr goes into a crash message), and `advanced` serialisation.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EnergyBudgetError, EnvironmentError, messageOf } from '../errors.js';
import type { RunLogger } from '../util/logger.js';
import { deserializeError, type WorkerJob, type WorkerMessage } from './protocol.js';

/** How (and whether) models are measured in a separate process. All optional. */
export interface IsolationOptions {
  /**
   * `process`: each model in a forked worker; `off`: in this process (a crash takes the run
   * down). @default 'process' when the worker script exists, else 'off' with a notice
   */
  mode?: 'process' | 'off';
  /** The worker script (JavaScript). @default dist/worker.js beside the bundled engine */
  workerPath?: string;
  /** Wall-clock limit per job, seconds. @default see {@link defaultTimeoutS} (ENERGY_BUDGET_MODEL_TIMEOUT_S overrides) */
  timeoutS?: number;
  /** V8 heap cap of the worker, MiB (native onnxruntime memory is not counted by V8). @default 4096 */
  maxOldSpaceMb?: number;
  /**
   * Starts the wall-clock timer; returns a cancel function. Tests pass one they fire by hand.
   * @default setTimeout
   */
  startTimer?: (ms: number, onExpire: () => void) => () => void;
}

/** Worker heap cap, MiB: large enough for big synthesised inputs' JS side, small enough to fail before the runner does. */
export const DEFAULT_MAX_OLD_SPACE_MB = 4096;

/**
 * Default wall-clock limit for one job, seconds: 10 minutes, or 30× the inference time cap
 * when that is larger (the cap bounds only the timed loop; warm-up, sessions, the training
 * step, the base comparison and the advisor's variants come on top). Generous on purpose: it
 * exists to stop hangs, not slow models.
 */
export function defaultTimeoutS(inferenceMaxTimeS: number | undefined, env: Record<string, string | undefined> = {}): number {
  const fromEnv = Number(env.ENERGY_BUDGET_MODEL_TIMEOUT_S);
  if (env.ENERGY_BUDGET_MODEL_TIMEOUT_S && Number.isFinite(fromEnv) && fromEnv > 0) return fromEnv;
  const cap = inferenceMaxTimeS !== undefined && Number.isFinite(inferenceMaxTimeS) ? inferenceMaxTimeS : 10;
  return Math.max(600, 30 * cap);
}

/** The bundled worker beside this module (dist/worker.js, or one folder up from a chunk); null when absent (running from TS sources). */
export function locateWorker(moduleUrl: string = import.meta.url): string | null {
  for (const rel of ['./worker.js', '../worker.js']) {
    try {
      const file = fileURLToPath(new URL(rel, moduleUrl));
      if (existsSync(file)) return file;
    } catch {
      // not a file: URL (e.g. a data: URL in a test); no worker.
    }
  }
  return null;
}

/** Variables never handed to the worker: it runs untrusted models and needs no credentials. */
const SECRET_NAME = /token|secret|password|passwd|credential|private[_-]?key|api[_-]?key/i;

/** The environment without anything that looks like a credential. */
export function scrubEnv(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && !SECRET_NAME.test(k)) out[k] = v;
  return out;
}

const SIGNAL_MEANING: Record<string, string> = {
  SIGSEGV: 'a segmentation fault',
  SIGBUS: 'a bus error',
  SIGABRT: 'an abort',
  SIGILL: 'an illegal instruction',
  SIGFPE: 'an arithmetic fault',
  SIGKILL: 'SIGKILL (usually the kernel out-of-memory killer)',
};

const STDERR_TAIL_BYTES = 4000;

function tailText(chunks: Buffer[]): string {
  const all = Buffer.concat(chunks).toString('utf8');
  // Node's own crash dump (native frames, the JavaScript stack) says nothing about the model;
  // keep the lines around it, e.g. onnxruntime's assertion or "heap out of memory".
  const lines = all
    .split(/\r?\n/)
    .filter(
      (l) =>
        !/^\s*\d+: (0x[0-9a-f]+|file:|node:|\S+ \()/i.test(l) &&
        !/^\s*-{3,}.*-{3,}\s*$/.test(l) &&
        !/^\s*(#|Native stack|JavaScript stack)/.test(l),
    )
    .map((l) => l.trim())
    .filter(Boolean);
  // Printable text only: the tail ends up in the report (escaped again there).
  return (
    lines
      .join(' | ')
      .slice(-600)
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .trim()
  );
}

/**
 * Runs one job in a forked worker and resolves with its result.
 * @throws EnergyBudgetError MODEL_CRASHED (exit 2) when the worker dies without answering,
 *   MODEL_TIMEOUT (exit 2) when it runs past `timeoutS`; the worker's own errors rethrown with
 *   their code and exit code; EnvironmentError (exit 3) when the worker cannot be started.
 */
export function runIsolated<T>(
  job: WorkerJob,
  opts: {
    workerPath: string;
    timeoutS: number;
    maxOldSpaceMb?: number;
    logger: RunLogger;
    label: string;
    startTimer?: IsolationOptions['startTimer'];
  },
): Promise<{ value: T; shown: string[] }> {
  return new Promise((resolvePromise, rejectPromise) => {
    let child: ChildProcess;
    try {
      child = fork(opts.workerPath, [], {
        execArgv: [`--max-old-space-size=${opts.maxOldSpaceMb ?? DEFAULT_MAX_OLD_SPACE_MB}`],
        env: scrubEnv(job.env),
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        serialization: 'advanced',
      });
    } catch (error) {
      rejectPromise(
        new EnvironmentError(`Could not start the measurement worker ${opts.workerPath}: ${messageOf(error)}`, {
          cause: error,
        }),
      );
      return;
    }
    const stderr: Buffer[] = [];
    let stderrBytes = 0;
    const keep = (chunk: Buffer) => {
      stderr.push(chunk);
      stderrBytes += chunk.length;
      while (stderrBytes > STDERR_TAIL_BYTES && stderr.length > 1) stderrBytes -= stderr.shift()!.length;
    };
    child.stderr?.on('data', keep);
    child.stdout?.on('data', keep);

    let settled = false;
    let timedOut = false;
    let answer: { ok: true; value: T; shown: string[] } | { ok: false; error: Error } | undefined;
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    const start =
      opts.startTimer ??
      ((ms, fire) => {
        const t = setTimeout(fire, ms);
        return () => clearTimeout(t);
      });
    const cancelTimer = start(Math.round(opts.timeoutS * 1000), () => {
      if (settled || answer) return;
      timedOut = true;
      child.kill('SIGKILL');
    });
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      cancelTimer();
      process.removeListener('exit', killOnExit);
      fn();
    };

    child.on('message', (raw: WorkerMessage) => {
      if (!raw || typeof raw !== 'object') return;
      if (raw.type === 'log') {
        const message = String(raw.message);
        if (raw.level === 'warn') opts.logger.warn(message);
        else if (raw.level === 'progress') opts.logger.progress(message);
        else opts.logger.info(message);
      } else if (raw.type === 'result') {
        // Trust boundary: the worker's answer to this job, structured-cloned over IPC; its type
        // is the one the job kind returns (isolate/handler.ts), and `type: 'result'` was checked above.
        answer = { ok: true, value: raw.value as T, shown: Array.isArray(raw.shown) ? raw.shown : [] };
      } else if (raw.type === 'error') {
        answer = { ok: false, error: deserializeError(raw.error) };
      }
    });
    child.on('error', (error) => {
      finish(() =>
        rejectPromise(
          new EnvironmentError(`The measurement worker for ${opts.label} failed to run: ${error.message}`, { cause: error }),
        ),
      );
    });
    // 'close' (not 'exit'): stdio is drained, so the stderr tail is complete.
    child.on('close', (code, signal) => {
      finish(() => {
        if (answer?.ok) return resolvePromise({ value: answer.value, shown: answer.shown });
        if (answer && !answer.ok) return rejectPromise(answer.error);
        const tail = tailText(stderr);
        const printed = tail ? ` Its last output was: "${tail}".` : '';
        if (timedOut) {
          return rejectPromise(
            new EnergyBudgetError(
              'MODEL_TIMEOUT',
              `Model ${opts.label}: the measurement did not finish within ${opts.timeoutS} s and was stopped (the ${job.kind} step was running in an isolated worker). ` +
                `A model that makes onnxruntime hang is treated as invalid input; the other models were measured. ` +
                `If the model is fine but slow, lower inference.max-time or iterations, or raise the limit with ENERGY_BUDGET_MODEL_TIMEOUT_S (seconds).${printed}`,
              2,
            ),
          );
        }
        const heap = /heap out of memory|Reached heap limit/i.test(tail);
        const how = heap
          ? `ran out of JavaScript heap memory (the worker is capped at ${opts.maxOldSpaceMb ?? DEFAULT_MAX_OLD_SPACE_MB} MiB)`
          : signal
            ? `was killed by ${SIGNAL_MEANING[signal] ?? signal}`
            : `exited with code ${code} without a result`;
        rejectPromise(
          new EnergyBudgetError(
            'MODEL_CRASHED',
            `Model ${opts.label}: the measurement process ${how} during the ${job.kind} step, so this model has no figures; the other models were measured. ` +
              `onnxruntime crashing on a model means the model is malformed or uses an operator configuration the runtime cannot handle: check it with onnx.checker.check_model and run it once in onnxruntime by hand. ` +
              `If it is valid and still crashes, please report it with the model.${printed}`,
            2,
          ),
        );
      });
    });
    child.send(job, (error) => {
      if (!error) return;
      child.kill('SIGKILL');
      finish(() =>
        rejectPromise(
          new EnvironmentError(`Could not send the job to the measurement worker: ${error.message}`, { cause: error }),
        ),
      );
    });
  });
}
