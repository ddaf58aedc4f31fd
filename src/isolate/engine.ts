/**
 * How the engine runs each model: in an isolated worker process (the default when the bundled
 * worker exists) or in this process (running from TypeScript sources, or when turned off), with
 * the fallback always said once, never silently.
 */
import type { MetricKey, ModelConfig } from '../config/types.js';
import type { ComparisonResult } from '../compare/types.js';
import { adviseForModel } from '../engine/advice.js';
import { compareWithBase } from '../engine/base-comparison.js';
import { measureModel } from '../engine/measure.js';
import { type MeasureContext } from '../engine/context.js';
import type { ModelReport } from '../report/types.js';
import { countSides, type CountedSides } from '../engine/instructions.js';
import { defaultTimeoutS, locateWorker, runIsolated, scrubEnv, type IsolationOptions } from './parent.js';
import type { JobKind, WorkerJob } from './protocol.js';

/** Measures, compares and advises one model at a time, isolated or not. */
export interface ModelRunner {
  /** `process` when each job runs in a forked worker. */
  readonly mode: 'process' | 'in-process';
  measure(cfg: ModelConfig, modelIndex: number, path: string): Promise<ModelReport>;
  compare(
    cfg: ModelConfig,
    modelIndex: number,
    basePath: string,
    head: ModelReport,
  ): Promise<{ base: ModelReport; comparisons: Partial<Record<MetricKey, ComparisonResult>> }>;
  advise(cfg: ModelConfig, modelIndex: number, head: ModelReport): Promise<NonNullable<ModelReport['advice']>>;
  /** `measure: instructions`: counts the head's and (when given) the base's inference calls, both at once where cores allow. */
  count(cfg: ModelConfig, modelIndex: number, headPath: string, basePath?: string): Promise<CountedSides>;
}

/**
 * Picks the mode and returns the runner. The in-process fallback is announced with one warning.
 * `ctx` is the parent's measurement context (used as is in process, and to build worker jobs).
 */
export function createModelRunner(ctx: MeasureContext, opts: IsolationOptions & { workspaceRoot: string }): ModelRunner {
  const workerPath = opts.mode === 'off' ? null : (opts.workerPath ?? locateWorker());
  if (!workerPath) {
    ctx.logger.warn(
      opts.mode === 'off'
        ? 'Models are measured in this process (isolation turned off): a crash or hang inside onnxruntime would end the whole run.'
        : 'Models are measured in this process because no bundled worker (worker.js) was found beside the engine (running from TypeScript sources?): a crash or hang inside onnxruntime would end the whole run. Build with `npm run bundle` to isolate each model.',
    );
    return {
      mode: 'in-process',
      measure: (cfg, _i, path) => measureModel(cfg, path, ctx),
      compare: (cfg, _i, basePath, head) => compareWithBase(cfg, basePath, head, ctx),
      advise: (cfg, _i, head) => adviseForModel(cfg, head, ctx),
      count: (cfg, _i, headPath, basePath) => countSides(cfg, headPath, basePath, ctx),
    };
  }
  const shown = (ctx.shown ??= new Set());
  const env = scrubEnv(ctx.env);
  const run = async <T>(
    kind: JobKind,
    cfg: ModelConfig,
    modelIndex: number,
    path: string,
    head?: ModelReport,
    basePath?: string,
  ): Promise<T> => {
    const job: WorkerJob = {
      kind,
      config: ctx.config,
      modelIndex,
      modelName: cfg.name,
      path,
      ...(head ? { head } : {}),
      ...(basePath !== undefined ? { basePath } : {}),
      env,
      sysfsRoot: ctx.sysfsRoot,
      ...(ctx.procRoot ? { procRoot: ctx.procRoot } : {}),
      advise: ctx.advise,
      workspaceRoot: opts.workspaceRoot,
      shown: [...shown],
    };
    const out = await runIsolated<T>(job, {
      workerPath,
      timeoutS: opts.timeoutS ?? defaultTimeoutS(cfg.inference?.maxTimeS, ctx.env),
      maxOldSpaceMb: opts.maxOldSpaceMb,
      logger: ctx.logger,
      label: `"${cfg.name}" (${cfg.pathInConfig})`,
      startTimer: opts.startTimer,
    });
    for (const n of out.shown) shown.add(n);
    return out.value;
  };
  return {
    mode: 'process',
    measure: (cfg, i, path) => run('measure', cfg, i, path),
    compare: (cfg, i, basePath, head) => run('compare', cfg, i, basePath, head),
    advise: (cfg, i, head) => run('advise', cfg, i, cfg.path, head),
    count: (cfg, i, headPath, basePath) => run('count', cfg, i, headPath, undefined, basePath),
  };
}
