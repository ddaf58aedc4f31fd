/**
 * The worker side of the isolation protocol: receive one job, run it, send the answer, exit.
 * Kept apart from the job handler so tests can build a worker variant that crashes or hangs
 * on purpose around the real handler.
 */
import type { RunLogger } from '../util/logger.js';
import { serializeError, type WorkerJob, type WorkerMessage } from './protocol.js';

/** What a worker does with a job: the value to send back and the notices shown so far. */
export type JobHandler = (job: WorkerJob, logger: RunLogger) => Promise<{ value: unknown; shown: string[] }>;

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

/**
 * Serves one job on the IPC channel and exits (0 after an answer, 1 without a parent).
 * Does nothing when the process has no IPC channel (started by hand).
 */
export function serveWorker(handler: JobHandler): void {
  if (!process.send) {
    process.stderr.write('energy-budget worker: this script is started by the engine (child_process.fork), not by hand.\n');
    process.exitCode = 1;
    return;
  }
  // The parent went away (killed, crashed): nobody will read the answer.
  process.on('disconnect', () => process.exit(1));
  const logger: RunLogger = {
    info: (message) => void send({ type: 'log', level: 'info', message }),
    warn: (message) => void send({ type: 'log', level: 'warn', message }),
    progress: (message) => void send({ type: 'log', level: 'progress', message }),
  };
  process.once('message', (job: WorkerJob) => {
    void (async () => {
      let answer: WorkerMessage;
      try {
        const { value, shown } = await handler(job, logger);
        answer = { type: 'result', value, shown };
      } catch (error) {
        answer = { type: 'error', error: serializeError(error) };
      }
      try {
        await send(answer);
      } catch (error) {
        // A value that cannot be cloned: report that instead of dying silently.
        await send({ type: 'error', error: serializeError(error) });
      }
      // onnxruntime's thread pools can keep the event loop alive; the answer is sent.
      process.exit(0);
    })();
  });
}
