/**
 * Reads and validates the budget file (`energy-budget.yml`). The whole file is checked in one
 * pass and every problem is reported at once, each with file:line:column, its path
 * (`models[1].budget.latency-p95`), what was expected and a correct example. The key table and
 * examples come from schema.ts, which also generates the shipped JSON Schema.
 */
import { dirname, resolve } from 'node:path';
import { LineCounter, isMap, parseDocument, type Node as YamlNode } from 'yaml';
import { ConfigError, type ConfigIssue, errnoCode, messageOf } from '../errors.js';
import { isInstructionMetric, METRIC_KEYS } from './metrics.js';
import { DEFAULTS, ENUMS, SECTIONS } from './keys.js';
import type { BudgetConfig, MeasureChoice, MetricKey, ModelConfig } from './types.js';
import { readTextFile, type ReadTextFile } from '../util/read-text.js';
import { Validator } from './validator.js';
import { readModels } from './sections/models.js';
import { readCarbon, readPower } from './sections/power.js';

const MINIMAL_EXAMPLE = '`version: 1` then `models: [{ name: classifier, path: models/classifier.onnx }]`';

/**
 * Reads and validates a budget file. Model paths are resolved against the file's folder.
 * @throws ConfigError (exit code 2) listing every problem, or when the file cannot be read.
 */
export async function loadConfig(file: string, readFile: ReadTextFile = readTextFile): Promise<BudgetConfig> {
  const abs = resolve(file);
  let text: string;
  try {
    text = await readFile(abs);
  } catch (error) {
    const code = errnoCode(error);
    const why =
      code === 'ENOENT'
        ? 'the budget file does not exist'
        : code === 'EISDIR'
          ? 'the budget file is a folder'
          : `the budget file cannot be read (${messageOf(error)})`;
    throw new ConfigError([
      {
        file: abs,
        path: '',
        message: why,
        expected: 'a YAML budget file: create `energy-budget.yml` next to your models, or pass `--config FILE`',
        example: MINIMAL_EXAMPLE,
      },
    ]);
  }
  return parseConfig(text, abs);
}

/**
 * Validates budget-file text. `file` names the file in messages; its folder is the base of
 * relative model paths.
 * @throws ConfigError (exit code 2) listing every problem found.
 */
export function parseConfig(text: string, file: string): BudgetConfig {
  const abs = resolve(file);
  const dir = dirname(abs);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const v = new Validator(abs, dir, lineCounter, doc);
  if (doc.errors.length > 0) {
    for (const e of doc.errors) v.yamlError(e.code, e.message, e.pos, text);
    throw new ConfigError(v.issues);
  }
  const config = validateRoot(v, doc.contents, text);
  if (v.issues.length > 0) throw new ConfigError(sortIssues(v.issues));
  return config;
}

/** Issues in file order (those without a position first), stable for equal positions. */
function sortIssues(issues: ConfigIssue[]): ConfigIssue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => (a.issue.line ?? 0) - (b.issue.line ?? 0) || (a.issue.column ?? 0) - (b.issue.column ?? 0) || a.i - b.i)
    .map((x) => x.issue);
}

function validateRoot(vd: Validator, node: YamlNode | null, source: string): BudgetConfig {
  const config: BudgetConfig = {
    version: 1,
    file: vd.file,
    dir: vd.dir,
    models: [],
    power: {},
    inconclusive: DEFAULTS.inconclusive,
    measure: DEFAULTS.measure,
    source,
  };
  const resolved = vd.resolveNode(node);
  if (resolved === null) {
    vd.add('', null, 'the budget file is empty', 'a mapping with `version: 1` and a `models:` list', MINIMAL_EXAMPLE);
    return config;
  }
  if (!isMap(resolved)) {
    vd.add(
      '',
      resolved,
      `the budget file must be a mapping, got ${vd.describe(resolved)}`,
      'a mapping with `version: 1` and a `models:` list',
      MINIMAL_EXAMPLE,
    );
    return config;
  }
  const entries = vd.mapping(resolved, '', null, 'root', undefined) ?? [];
  vd.required(entries, ['version', 'models'], 'root', '', resolved);
  for (const e of entries) {
    const doc = SECTIONS.root[e.key];
    switch (e.key) {
      case 'version': {
        const v = vd.scalarValue(e);
        if (v !== 1) vd.addFor(e, doc, `unsupported version: got ${vd.describe(e.value)}; this release reads version 1`);
        break;
      }
      case 'models':
        config.models = readModels(vd, e, doc);
        break;
      case 'power':
        Object.assign(config.power, readPower(vd, e, doc));
        break;
      case 'carbon':
        Object.assign(config.power, readCarbon(vd, e, doc));
        break;
      case 'inconclusive':
        config.inconclusive =
          vd.enumeration(e, doc, ENUMS.inconclusive, 'inconclusive outcome', {
            error: 'fail',
            warning: 'warn',
            ignore: 'pass',
          }) ?? DEFAULTS.inconclusive;
        break;
      case 'measure':
        config.measure = vd.enumeration<MeasureChoice>(e, doc, ENUMS.measure, 'measurement') ?? DEFAULTS.measure;
        break;
    }
  }
  // The file-wide `measure:` applies to models without their own.
  for (const m of config.models) if (!vd.measureSet.has(m)) m.measure = config.measure;
  for (const m of config.models) checkInstructionLimits(vd, m);
  return config;
}

/** An instruction-count limit is only measurable with `measure: instructions`. */
function checkInstructionLimits(vd: Validator, model: ModelConfig): void {
  if (model.measure === 'instructions') return;
  for (const limit of model.budget) {
    if (!isInstructionMetric(limit.metric)) continue;
    vd.issues.push({
      file: vd.file,
      path: limit.path,
      ...(limit.line !== undefined ? { line: limit.line, column: limit.column ?? 1 } : {}),
      message: `${limit.metric} is a simulated instruction count, which model \`${model.name}\` does not measure (its measure is \`time\`)`,
      expected: '`measure: instructions` on the model, or at the top of the budget file',
      example: 'measure: instructions',
    });
  }
}

/** The metric names, for callers that list them (the CLI's help). */
export const BUDGET_METRICS: readonly MetricKey[] = METRIC_KEYS;
