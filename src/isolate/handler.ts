/**
 * The job handler of the measurement worker: takes the model's configuration from the job (the
 * parent's validated budget file) and runs the engine's own measurement functions
 * (src/engine/) exactly as the in-process path does.
 */
import { EnvironmentError } from '../errors.js';
import { adviseForModel } from '../engine/advice.js';
import { compareWithBase } from '../engine/base-comparison.js';
import { measureModel } from '../engine/measure.js';
import { type MeasureContext } from '../engine/context.js';
import type { RunLogger } from '../util/logger.js';
import { countSides } from '../engine/instructions.js';
import type { WorkerJob } from './protocol.js';
import { confinedReadFile } from './workspace.js';

/**
 * Runs one job in this process.
 * @throws whatever the measurement throws (InputError, EnvironmentError…); EnvironmentError
 *   when the job's configuration does not list its model at that index (a bug in the parent).
 */
export async function handleJob(job: WorkerJob, logger: RunLogger): Promise<{ value: unknown; shown: string[] }> {
  const config = job.config;
  const cfg = config.models[job.modelIndex];
  if (!cfg || cfg.name !== job.modelName) {
    throw new EnvironmentError(
      `The measurement worker was sent models[${job.modelIndex}] of ${config.file}, which is not "${job.modelName}": the engine and its worker disagree. Please report it.`,
    );
  }
  const shown = new Set(job.shown);
  const ctx: MeasureContext = {
    config,
    logger,
    env: job.env,
    clockNs: () => process.hrtime.bigint(),
    sysfsRoot: job.sysfsRoot,
    ...(job.procRoot ? { procRoot: job.procRoot } : {}),
    advise: job.advise,
    readFile: confinedReadFile(job.workspaceRoot),
    shown,
  };
  let value: unknown;
  // Kept as a string: the job came over IPC, so the default branch can still be reached.
  const kind: string = job.kind;
  switch (job.kind) {
    case 'measure':
      value = await measureModel(cfg, job.path, ctx);
      break;
    case 'compare':
      value = await compareWithBase(cfg, job.path, job.head!, ctx);
      break;
    case 'advise':
      value = await adviseForModel(cfg, job.head!, ctx);
      break;
    case 'count':
      value = await countSides(cfg, job.path, job.basePath, ctx);
      break;
    default:
      throw new EnvironmentError(`The measurement worker got an unknown job kind "${kind}".`);
  }
  return { value, shown: [...shown] };
}
