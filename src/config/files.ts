/**
 * "The whole file is checked before anything runs" includes the files it names: every model
 * path, training step-model and `.npy` input is looked up before the first model is measured,
 * so a typo in the last model's step-model fails in a second with its line, not after minutes
 * of benchmarks (that model is reported as an error; the others are still measured).
 */
import { stat } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import { InputError, errnoCode } from '../errors.js';
import type { BudgetConfig, ModelConfig } from './types.js';

/** One file a model entry names, with where the budget file names it. */
interface NamedFile {
  model: ModelConfig;
  index: number;
  path: string;
  field: string;
  what: string;
}

function namedFiles(config: BudgetConfig, models: readonly ModelConfig[]): NamedFile[] {
  const out: NamedFile[] = [];
  for (const model of models) {
    const index = config.models.indexOf(model);
    out.push({ model, index, path: model.path, field: 'path', what: 'the model file' });
    if (model.training?.stepModel)
      out.push({ model, index, path: model.training.stepModel, field: 'training.step-model', what: 'the training step-model' });
    for (const [name, spec] of Object.entries(model.inputs))
      if (spec.kind === 'npy') out.push({ model, index, path: spec.file, field: `inputs.${name}.data`, what: 'the .npy input' });
  }
  return out;
}

/** Whether `path` is a regular file; the reason when it is not. */
async function problem(path: string): Promise<string | undefined> {
  try {
    const s = await stat(path);
    return s.isFile() ? undefined : 'is not a file';
  } catch (error) {
    const code = errnoCode(error);
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'does not exist' : `cannot be read (${code ?? 'error'})`;
  }
}

/**
 * Every model of `models` that names a missing file (model, step-model or `.npy` input), with an
 * InputError (MODEL_INVALID, exit 2) naming the file, the key and the budget file's line. Run
 * before the first model is measured, so such a model fails at once and the others still run.
 * Paths outside `workspaceRoot` are left to the workspace check, which refuses them without
 * saying whether they exist.
 */
export async function missingNamedFiles(
  config: BudgetConfig,
  models: readonly ModelConfig[],
  workspaceRoot: string,
): Promise<Map<ModelConfig, InputError>> {
  const out = new Map<ModelConfig, InputError>();
  for (const f of namedFiles(config, models)) {
    if (out.has(f.model)) continue;
    const inside = relative(workspaceRoot, f.path);
    if (inside.startsWith('..') || isAbsolute(inside)) continue;
    const why = await problem(f.path);
    if (why === undefined) continue;
    const shown = relative(config.dir, f.path) || f.path;
    const at = `${config.file}${f.model.line !== undefined ? `:${f.model.line}` : ''}: models[${f.index}].${f.field}`;
    out.set(
      f.model,
      new InputError(
        'MODEL_INVALID',
        `${at}: ${f.what} of "${f.model.name}", ${shown}, ${why}; expected the path of an existing file, relative to the budget file's folder (${config.dir}).`,
      ),
    );
  }
  return out;
}
