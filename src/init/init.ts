/**
 * `energy-budget init`: finds the ONNX models of a repository, measures each once with the
 * same engine as `run`, and writes a commented `energy-budget.yml` whose budgets are the
 * measured values plus a stated headroom, and a GitHub workflow when there is none.
 *
 *   energy-budget init [--config FILE] [--workflow FILE] [--iterations N] [--force] [--dry-run]
 *
 * Never overwrites a file unless --force; --dry-run prints what it would write.
 * The pure parts (renderBudgetFile, renderWorkflow, budgetsFor) take plain data; the edges
 * (file system walk, the engine) are passed in so tests run them on temporary folders.
 */
import { mkdtemp, open, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { EnergyBudgetError, ExitCode, InputError, messageOf, errnoCode } from '../errors.js';
import { formatQuantity, parseQuantity, type QuantityKind } from '../config/units.js';
import type { ModelReport, Report } from '../report/types.js';
import { textOption } from '../util/options.js';
import os from 'node:os';
import path from 'node:path';
import { REGRESSION_GATE, renderWorkflow } from './workflow.js';
export { REGRESSION_GATE, renderWorkflow } from './workflow.js';

/** Growth allowed over the measured value, per budget, as a factor (stated in the file). */
export const HEADROOM = {
  /** Deterministic figures: room for small edits before the budget needs a conscious raise. */
  'model-size': 1.1,
  parameters: 1.1,
  flops: 1.1,
  /** Timing-based figures vary between runs and runners: twice the measured value. */
  'energy-per-inference': 2,
  'latency-p95': 2,
} as const;

/** Folders never searched for models. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

const LFS_POINTER = 'version https://git-lfs.github.com/spec/';

export interface FoundModel {
  /** Path relative to the search root, with forward slashes. */
  rel: string;
  abs: string;
}

export interface SkippedModel {
  rel: string;
  why: string;
}

/**
 * Every `*.onnx` file under `root`, sorted, skipping node_modules and .git, symbolic links,
 * Git LFS pointers (the model is not fetched) and empty files.
 */
export async function findModels(root: string): Promise<{ models: FoundModel[]; skipped: SkippedModel[] }> {
  const models: FoundModel[] = [];
  const skipped: SkippedModel[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folder: nothing to find there
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name)) await walk(abs);
        continue;
      }
      if (!e.isFile() || !e.name.toLowerCase().endsWith('.onnx')) continue;
      const rel = path.relative(root, abs).split(path.sep).join('/');
      const head = await readHead(abs, LFS_POINTER.length);
      if (head === null) skipped.push({ rel, why: 'cannot be read' });
      else if (head.length === 0) skipped.push({ rel, why: 'is empty' });
      else if (head.toString('latin1') === LFS_POINTER)
        skipped.push({ rel, why: 'is a Git LFS pointer, not the model (run `git lfs pull` and init again)' });
      else models.push({ rel, abs });
    }
  };
  await walk(root);
  return { models, skipped };
}

async function readHead(file: string, n: number): Promise<Buffer | null> {
  try {
    const fh = await open(file, 'r');
    try {
      const buf = Buffer.alloc(n);
      const { bytesRead } = await fh.read(buf, 0, n, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch {
    return null;
  }
}

/** Unique model names from file names (`models/a.onnx` → `a`), the path where two clash. */
export function modelNames(rels: string[]): string[] {
  const base = rels.map((r) => path.posix.basename(r).replace(/\.onnx$/i, ''));
  return rels.map((r, i) =>
    base.filter((b) => b === base[i]).length > 1 ? r.replace(/\.onnx$/i, '').replace(/\//g, '-') : base[i],
  );
}

/** One budget line: the limit written, the measured value, the headroom factor. */
export interface BudgetLine {
  key: keyof typeof HEADROOM;
  /** `warn` for the timing-based limits (machine-dependent), `error` for the rest. */
  level: 'error' | 'warn';
  limit: string;
  measured: string;
  factor: number;
}

const KIND: Record<keyof typeof HEADROOM, QuantityKind> = {
  'model-size': 'bytes',
  parameters: 'count',
  flops: 'flops',
  'energy-per-inference': 'energy',
  'latency-p95': 'time',
};

/**
 * `value × factor` rounded up to three significant digits and written with a unit the budget
 * file accepts; never below the measured value once parsed back.
 */
export function limitText(value: number, factor: number, kind: QuantityKind): string {
  const target = value * factor;
  if (!(target > 0)) return formatQuantity(0, kind);
  const step = 10 ** (Math.floor(Math.log10(target)) - 2);
  const up = Math.ceil(target / step - 1e-9) * step;
  for (let digits = 3; digits <= 6; digits++) {
    const text = formatQuantity(up, kind, { digits });
    if (parseQuantity(text, kind) >= target * (1 - 1e-9)) return text;
  }
  return String(up);
}

/** The budgets of a measured model (only the figures the report has). */
export function budgetsFor(m: ModelReport): BudgetLine[] {
  const measured: Partial<Record<keyof typeof HEADROOM, number>> = {
    'model-size': m.size.bytes,
    parameters: m.size.parameters,
    flops: m.flops,
    'energy-per-inference': m.inference?.energy?.joulesPerInference,
    // Latency is in milliseconds in the report; budgets take seconds or a unit.
    'latency-p95': m.inference ? m.inference.latencyMs.p95 / 1000 : undefined,
  };
  const lines: BudgetLine[] = [];
  for (const key of Object.keys(HEADROOM).filter((k): k is keyof typeof HEADROOM => Object.hasOwn(HEADROOM, k))) {
    const v = measured[key];
    if (v === undefined || !Number.isFinite(v) || v <= 0) continue;
    const kind = KIND[key];
    lines.push({
      key,
      level: key === 'energy-per-inference' || key === 'latency-p95' ? 'warn' : 'error',
      limit: limitText(v, HEADROOM[key], kind),
      measured: formatQuantity(v, kind),
      factor: HEADROOM[key],
    });
  }
  return lines;
}

/** Symbolic dimensions of a model's inputs, each set to 1 (what `run` uses when dims: lacks one). */
export function symbolicDims(m: ModelReport): Record<string, number> {
  const dims: Record<string, number> = {};
  for (const input of m.inputs ?? []) for (const d of input.shape ?? []) if (typeof d === 'string' && d !== '') dims[d] = 1;
  return dims;
}

export interface InitMeta {
  /** energy-budget's version. */
  version: string;
  /** `$schema` path for the YAML language server, relative to the budget file. */
  schemaPath: string;
  report: Report;
  /** Model path (as written in the file) by report name. */
  paths: Map<string, string>;
  skipped: SkippedModel[];
  failed: Array<{ rel: string; why: string }>;
  /** `--iterations`: a fixed count instead of `auto`, written into each model. */
  iterations?: number;
}

const pct = (factor: number): string => `+${Math.round((factor - 1) * 100)}%`;

/** `{ N: 1, T: 1 }`: a flow mapping of plain names (quoted by JSON rules when not plain). */
function flowMap(dims: Record<string, number>): string {
  const key = (k: string): string => (/^[A-Za-z_][\w.-]*$/.test(k) ? k : JSON.stringify(k));
  return `{ ${Object.entries(dims)
    .map(([k, v]) => `${key(k)}: ${v}`)
    .join(', ')} }`;
}

/** The commented budget file. Pure. */
export function renderBudgetFile(meta: InitMeta): string {
  const env = meta.report.environment;
  const measured = meta.report.models.filter((m) => !m.error);
  const methods = [...new Set(measured.map((m) => m.inference?.energy?.method).filter(Boolean))];
  const estimated = measured.some((m) => m.inference?.energy?.estimated);
  const out: string[] = [
    `# yaml-language-server: $schema=${meta.schemaPath}`,
    `# Written by \`energy-budget init\` (energy-budget ${meta.version}) from one measurement of each model`,
    `# on ${env.cpu} (${env.logicalCpus} logical CPUs), ${env.os}, node ${env.node}, onnxruntime ${env.onnxruntime}.`,
    `# Budgets are the measured values plus headroom: ${pct(HEADROOM['model-size'])} for model size, parameters and FLOPs`,
    `# (they change only when the model does), ${pct(HEADROOM['latency-p95'])} for energy per inference and latency p95`,
    `# (timings vary between runs and machines). Those two only warn (\`level: warn\`) because they`,
    `# depend on the machine: once your CI runner's figures are known, write them as plain values to`,
    `# fail the check. The regression gate does fail it: energy per inference may grow at most`,
    `# ${REGRESSION_GATE * 100}% against the pull request's base, both measured in the same job, interleaved`,
    `# (\`energy-budget run --base-ref origin/main\`, or the GitHub Action).`,
  ];
  if (methods.length)
    out.push(
      `# Energy was ${estimated ? 'ESTIMATED from a power model (this machine has no energy counter), not measured' : 'measured'} (method: ${methods.join(', ')}).`,
    );
  out.push('# Reference of every key: docs/budget-file.md of the energy-budget package.');
  for (const s of meta.skipped) out.push(`# Skipped ${s.rel}: it ${s.why}.`);
  for (const f of meta.failed) out.push(`# Left out ${f.rel}: it could not be measured: ${f.why.replace(/\s+/g, ' ')}`);
  out.push('version: 1', 'models:');
  measured.forEach((m, i) => {
    if (i > 0) out.push('');
    const item: Record<string, unknown> = { name: m.name, path: meta.paths.get(m.name) ?? m.path };
    const dims = symbolicDims(m);
    const entry = stringify([item], { lineWidth: 0 }).trimEnd().split('\n');
    out.push(...entry.map((l) => `  ${l}`));
    if (Object.keys(dims).length) {
      out.push(`    dims: ${flowMap(dims)}   # symbolic dimensions; FLOPs, energy and latency are for these`);
    }
    if (meta.iterations !== undefined)
      out.push(`    inference: { iterations: ${meta.iterations} }   # measured so by init; remove for auto`);
    const lines = budgetsFor(m);
    out.push('    budget:');
    const text = (l: BudgetLine): string =>
      l.level === 'warn' ? `${l.key}: { limit: ${l.limit}, level: warn }` : `${l.key}: ${l.limit}`;
    const width = Math.max(...lines.map((l) => text(l).length));
    for (const l of lines) out.push(`      ${text(l).padEnd(width)}   # measured ${l.measured}, ${pct(l.factor)}`);
    if (m.inference?.energy) {
      out.push('      regression:');
      out.push(`        energy-per-inference: ${REGRESSION_GATE * 100}%`);
    }
  });
  return `${out.join('\n')}\n`;
}

/** What init needs from the outside world. */
export interface InitDeps {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  version: string;
  /** The package's schema/energy-budget.schema.json. */
  schemaFile: string;
  /** Runs the engine on a budget file (`runEnergyBudget`). */
  measure(configFile: string, workspace: string): Promise<Report>;
}

export const INIT_USAGE = `Usage: energy-budget init [--config FILE] [--workflow FILE] [--iterations N] [--force] [--dry-run]
  Finds the .onnx models under the current folder (not node_modules, .git or Git LFS pointers),
  measures each once and writes a commented budget file with the measured values plus headroom,
  and a GitHub workflow when there is none.
  --config FILE     the budget file to write (default: energy-budget.yml)
  --workflow FILE   the workflow to write (default: .github/workflows/energy-budget.yml)
  --iterations N    time N runs of each model instead of sampling until stable (auto), and
                    write that count into the budget file
  --force           overwrite those files when they exist
  --dry-run         print what would be written instead of writing`;

/** `energy-budget init`. @returns the exit code. @throws EnergyBudgetError (exit 2 or 3). */
export async function runInit(args: string[], deps: InitDeps): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        config: { type: 'string' },
        workflow: { type: 'string' },
        iterations: { type: 'string' },
        force: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new InputError(
      'INPUT_INVALID',
      `energy-budget init: ${messageOf(error).replace(/\. To specify.*$/s, '.')}\n${INIT_USAGE}`,
    );
  }
  if (values.help) {
    deps.stdout.write(`${INIT_USAGE}\n`);
    return ExitCode.OK;
  }
  let iterations: number | undefined;
  if (values.iterations !== undefined) {
    iterations = Number(values.iterations);
    if (!Number.isInteger(iterations) || iterations < 1)
      throw new InputError(
        'INPUT_INVALID',
        `energy-budget init: --iterations expects a whole number of timed runs ≥ 1, e.g. --iterations 200; got '${String(values.iterations)}'.`,
      );
  }
  const force = values.force === true;
  const dryRun = values['dry-run'] === true;
  const configFile = path.resolve(deps.cwd, textOption(values.config) || 'energy-budget.yml');
  const workflowFile = path.resolve(deps.cwd, textOption(values.workflow) || '.github/workflows/energy-budget.yml');
  const show = (f: string): string => path.relative(deps.cwd, f) || f;

  if (!dryRun && !force && (await exists(configFile))) {
    throw new InputError(
      'INPUT_INVALID',
      `energy-budget init: ${show(configFile)} already exists and is left as it is. Pass --force to overwrite it, --dry-run to print the new one, or --config FILE to write another file.`,
    );
  }

  const { models, skipped } = await findModels(deps.cwd);
  for (const s of skipped) deps.stderr.write(`note: skipped ${s.rel}: it ${s.why}.\n`);
  if (!models.length) {
    throw new InputError(
      'INPUT_INVALID',
      `energy-budget init: found no .onnx model under ${deps.cwd} (node_modules and .git are not searched${skipped.length ? `; ${skipped.length} skipped, see the notes above` : ''}). Run it from the repository that holds your models.`,
    );
  }

  // The models are measured through a budget file without budgets in a temporary folder of
  // our own (the only thing removed afterwards); the workspace is the current folder.
  const configDir = path.dirname(configFile);
  const names = modelNames(models.map((m) => m.rel));
  const paths = new Map<string, string>();
  models.forEach((m, i) => paths.set(names[i], path.relative(configDir, m.abs).split(path.sep).join('/')));
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'eb-init-'));
  let report: Report;
  try {
    const probe = path.join(tmp, 'energy-budget.yml');
    const yamlModels = models.map((m, i) => ({
      name: names[i],
      path: m.abs,
      ...(iterations !== undefined ? { inference: { iterations } } : {}),
    }));
    await writeFile(probe, stringify({ version: 1, models: yamlModels }));
    deps.stderr.write(`energy-budget init: measuring ${models.length} model${models.length === 1 ? '' : 's'} once\n`);
    report = await deps.measure(probe, deps.cwd);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }

  const failed = report.models
    .filter((m) => m.error)
    .map((m) => ({ rel: models[names.indexOf(m.name)]?.rel ?? m.path, why: m.error!.message }));
  for (const f of failed) deps.stderr.write(`note: left out ${f.rel}: it could not be measured: ${f.why}\n`);
  if (failed.length === report.models.length) {
    throw new InputError(
      'MODEL_INVALID',
      `energy-budget init: none of the ${models.length} models could be measured (see the notes above); fix them or write the budget file by hand (docs/budget-file.md).`,
    );
  }
  const schemaRel = path.relative(configDir, deps.schemaFile).split(path.sep).join('/');
  const text = renderBudgetFile({
    version: deps.version,
    schemaPath: schemaRel.startsWith('.') ? schemaRel : `./${schemaRel}`,
    report,
    paths,
    skipped,
    failed,
    iterations,
  });
  const configRel = path.relative(deps.cwd, configFile).split(path.sep).join('/');
  const workflowExists = await exists(workflowFile);
  const writeWorkflow = !workflowExists || force;

  if (dryRun) {
    deps.stdout.write(`# --- ${show(configFile)} (dry run: not written)\n${text}`);
    if (writeWorkflow) deps.stdout.write(`# --- ${show(workflowFile)} (dry run: not written)\n${renderWorkflow(configRel)}`);
    else deps.stdout.write(`# ${show(workflowFile)} exists and would be left as it is.\n`);
    return ExitCode.OK;
  }
  await writeNew(configFile, text, force);
  deps.stdout.write(`wrote ${show(configFile)} (${report.models.length - failed.length} models)\n`);
  if (writeWorkflow) {
    await mkdir(path.dirname(workflowFile), { recursive: true });
    await writeNew(workflowFile, renderWorkflow(configRel), force);
    deps.stdout.write(`wrote ${show(workflowFile)}\n`);
  } else {
    deps.stdout.write(`left ${show(workflowFile)} as it is (it exists; --force overwrites it)\n`);
  }
  deps.stdout.write(`next: npx energy-budget run${configRel === 'energy-budget.yml' ? '' : ` --config ${configRel}`}\n`);
  return ExitCode.OK;
}

async function exists(file: string): Promise<boolean> {
  try {
    const fh = await open(file, 'r');
    await fh.close();
    return true;
  } catch (error) {
    return errnoCode(error) !== 'ENOENT';
  }
}

/** Writes a file that must not exist yet (`wx`), unless `force`. */
async function writeNew(file: string, text: string, force: boolean): Promise<void> {
  try {
    await writeFile(file, text, { flag: force ? 'w' : 'wx' });
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'EEXIST')
      throw new InputError(
        'INPUT_INVALID',
        `energy-budget init: ${file} appeared while measuring; left as it is (--force overwrites it).`,
      );
    throw new EnergyBudgetError('ENVIRONMENT', `energy-budget init: cannot write ${file}: ${messageOf(error)}`, 3);
  }
}
