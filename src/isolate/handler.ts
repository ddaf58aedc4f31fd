/**
 * The job handler of the measurement worker: loads the budget file, picks the model and runs
 * the engine's own measurement functions (src/measure.ts) exactly as the in-process path does.
 */
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../config/load.js';
import { EnvironmentError } from '../errors.js';
import { adviseForModel, compareWithBase, measureModel, type MeasureContext } from '../measure.js';
import type { RunLogger } from '../run-types.js';
import { countSides } from '../instructions/sides.js';
import type { WorkerJob } from './protocol.js';
import { confinedReadFile } from './workspace.js';

/**
 * Runs one job in this process.
 * @throws whatever the measurement throws (InputError, EnvironmentError…); EnvironmentError
 *   when the budget file no longer lists the model at that index.
 */
export async function handleJob(job: WorkerJob, logger: RunLogger): Promise<{ value: unknown; shown: string[] }> {
  const config = await loadConfig(job.configFile, (p) => readFile(p, 'utf8'));
  const cfg = config.models[job.modelIndex];
  if (!cfg || cfg.name !== job.modelName) {
    throw new EnvironmentError(
      `The measurement worker found a different model at models[${job.modelIndex}] of ${job.configFile} than the engine (expected "${job.modelName}"): the budget file changed during the run. Run again.`,
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
      throw new EnvironmentError(`The measurement worker got an unknown job kind "${String((job as { kind: unknown }).kind)}".`);
  }
  return { value, shown: [...shown] };
}
