/**
 * `measure: instructions` for one model, both sides at once: the head's inference calls and,
 * when a base version was compared, the base's, each counted in a process of its own under
 * callgrind (src/instructions/measure.ts). Run after the timed benchmarks of both sides, never
 * beside them (a simulator on a core would disturb the timing and the energy window), and the
 * two counts side by side when the machine has a core for each: a comparison then costs about
 * one count of wall time instead of two.
 */
import os from 'node:os';
import type { ModelConfig } from '../config/types.js';
import type { InstructionsReport } from '../report/types.js';
import { prepareModel } from './prepare.js';
import type { MeasureContext, PreparedModel } from './context.js';
import { countInstructions } from '../instructions/measure.js';
import { findValgrind } from '../instructions/valgrind.js';

/** The counts of one model's sides, and how they were taken. */
export interface CountedSides {
  head: InstructionsReport;
  /** Present when a base path was given. */
  base?: InstructionsReport;
  /** True when the two sides ran at the same time (two processes, a core each). */
  parallel: boolean;
  /** Wall time of the whole step (inputs, both counts), seconds. */
  wallS: number;
  /** For the model's notices. */
  notices: string[];
}

/**
 * Whether two counts may run at the same time: each Valgrind process runs the program on one
 * core (it serialises the program's threads), so two need two cores.
 */
export function countsInParallel(sides: number, cores: number = os.availableParallelism()): boolean {
  return sides > 1 && cores >= 2;
}

/**
 * Counts the inference instructions of the head (`headPath`) and, when given, the base
 * (`basePath`) of `cfg`, on the inputs the timed benchmark used (synthesised again from the
 * same seed).
 * @throws InputError for a bad model; EnvironmentError (exit 3) when Valgrind or a count fails.
 */
export async function countSides(
  cfg: ModelConfig,
  headPath: string,
  basePath: string | undefined,
  ctx: MeasureContext,
  opts: { cores?: number } = {},
): Promise<CountedSides> {
  const t0 = ctx.clockNs();
  const tool = await findValgrind(ctx.env);
  const paths = basePath === undefined ? [headPath] : [headPath, basePath];
  const prepared: PreparedModel[] = [];
  for (const p of paths) prepared.push(await prepareModel(cfg, p, ctx));
  const parallel = countsInParallel(paths.length, opts.cores);
  const what = paths.length > 1 ? `head and base${parallel ? ' at the same time' : ', one after the other'}` : 'the model';
  ctx.logger.progress(`  ${cfg.name}: counting the instructions of ${what} under Valgrind (callgrind, one process each)`);
  const count = (i: number) => countInstructions(prepared[i].loaded.path, prepared[i].inputs.feeds, { env: ctx.env, tool });
  const counts: InstructionsReport[] = [];
  if (parallel) counts.push(...(await Promise.all(paths.map((_, i) => count(i)))));
  else for (let i = 0; i < paths.length; i++) counts.push(await count(i));
  const wallS = Number(ctx.clockNs() - t0) / 1e9;
  const fmt = (r: InstructionsReport) => Math.round(r.perCall).toLocaleString('en-US');
  ctx.logger.progress(
    `  ${cfg.name}: ${fmt(counts[0])} instructions per call${counts[1] ? ` (base ${fmt(counts[1])})` : ''}, SIMULATED; ` +
      `counted in ${wallS.toFixed(1)} s${parallel ? ' (both sides in parallel)' : ''}`,
  );
  const notices =
    cfg.threads !== 1
      ? [
          `instructions are counted with 1 intra-op thread (the model is timed with ${cfg.threads}): a thread pool's spinning is not deterministic`,
        ]
      : [];
  return { head: counts[0], ...(counts[1] ? { base: counts[1] } : {}), parallel, wallS, notices };
}
