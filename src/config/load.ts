/**
 * Reads and validates the budget file (`energy-budget.yml`). The whole file is checked in one
 * pass and every problem is reported at once, each with file:line:column, its path
 * (`models[1].budget.latency-p95`), what was expected and a correct example. The key table and
 * examples come from schema.ts, which also generates the shipped JSON Schema.
 */
import { dirname, resolve } from 'node:path';
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { ConfigError, type ConfigIssue } from '../errors.js';
import { suggest } from './did-you-mean.js';
import { isInstructionMetric, isMetricKey, METRIC_KEYS, metricKind } from './metrics.js';
import { isKnownRegion, KNOWN_REGIONS } from './regions.js';
import { whyUnmeasurable } from './measurable.js';
import { DEFAULTS, ENUMS, SECTIONS, sectionKeys, type KeyDoc, type Section } from './schema.js';
import type {
  TensorDType,
  BudgetConfig,
  BudgetLimit,
  CompareChoice,
  DeviceChoice,
  InferenceConfig,
  InputSpec,
  LossName,
  MeterChoice,
  MeasureChoice,
  MetricKey,
  ModelConfig,
  OptimizerName,
  PowerSettings,
  TrainingConfig,
} from './types.js';
import { describeKind, tryParseQuantity, type QuantityKind } from './units.js';
import { minSamplesForPercentile } from '../util/tail.js';
import { readTextFile, type ReadTextFile } from '../util/read-text.js';

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
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    const why =
      code === 'ENOENT'
        ? 'the budget file does not exist'
        : code === 'EISDIR'
          ? 'the budget file is a folder'
          : `the budget file cannot be read (${error instanceof Error ? error.message : String(error)})`;
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
  const config = v.root(doc.contents as YamlNode | null, text);
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

/** A key and its value in a mapping. */
interface Entry {
  key: string;
  keyNode: YamlNode;
  /** The value, aliases resolved; null when written as nothing (`key:`). */
  value: YamlNode | null;
  /** Where problems with the value are reported: the value, or the key when it is empty. */
  at: YamlNode;
  path: string;
}

const SECTION_LABEL: Record<Section, string> = {
  root: 'the top level',
  model: 'a model',
  input: 'an input spec',
  inference: '`inference`',
  training: '`training`',
  power: '`power`',
  carbon: '`carbon`',
  budget: '`budget` (a metric or `regression`)',
  regression: '`regression` (a metric)',
  limit: 'a limit',
};

/** Sections whose keys, written one level too high, get a "belongs under" hint. */
const NESTED_HINTS: Partial<Record<Section, Array<[Section, string]>>> = {
  root: [
    ['model', 'inside an entry of `models:`'],
    ['budget', "under a model's `budget:`"],
  ],
  model: [
    ['budget', 'under `budget:`'],
    ['inference', 'under `inference:`'],
    ['training', 'under `training:`'],
    ['input', 'under `inputs: { <input name>: … }`'],
  ],
};

/** Formats a child path: `models[1].budget.latency-p95`, quoting odd keys (`inputs["input.1"]`). */
function childPath(parent: string, key: string): string {
  const part = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
  if (part.startsWith('"')) return `${parent}[${part}]`;
  return parent ? `${parent}.${part}` : part;
}

function quote(text: string): string {
  return JSON.stringify(text);
}

/**
 * Short forms people write for keys, too far from the key by edit distance for "did you mean"
 * to find (`lr` is 11 edits from `learning-rate`). Offered only where the key exists.
 */
const KEY_ABBREVIATIONS: Readonly<Record<string, string>> = {
  lr: 'learning-rate',
  memory: 'peak-memory',
  mem: 'peak-memory',
  'gpu-memory': 'peak-gpu-memory',
  energy: 'energy-per-inference',
  latency: 'latency-p95',
  p95: 'latency-p95',
  p99: 'latency-p99',
  size: 'model-size',
  params: 'parameters',
  carbon: 'carbon-per-inference',
  'step-time': 'training-step-time',
  iters: 'iterations',
};

class Validator {
  readonly issues: ConfigIssue[] = [];

  constructor(
    private readonly file: string,
    private readonly dir: string,
    private readonly lineCounter: LineCounter,
    private readonly doc: Document,
  ) {}

  /** 1-based line and column of a node. */
  private pos(node: YamlNode | null | undefined): { line?: number; column?: number } {
    const range = node?.range;
    if (!range) return {};
    const p = this.lineCounter.linePos(range[0]);
    return { line: p.line, column: p.col };
  }

  private add(path: string, node: YamlNode | null | undefined, message: string, expected?: string, example?: string): void {
    this.issues.push({
      file: this.file,
      path,
      ...this.pos(node),
      message,
      ...(expected ? { expected } : {}),
      ...(example ? { example } : {}),
    });
  }

  private addFor(entry: Entry, doc: KeyDoc, message: string): void {
    this.add(entry.path, entry.at, message, doc.expected, doc.example);
  }

  yamlError(code: string, message: string, pos: [number, number], text: string): void {
    const { line, col } = this.lineCounter.linePos(pos[0]);
    let msg = `invalid YAML: ${message.replace(/\s+/g, ' ').trim()}`;
    let expected = 'valid YAML: `key: value` pairs, nested keys indented with spaces';
    let example = 'budget: { latency-p95: 5 ms }';
    if (code === 'DUPLICATE_KEY') {
      const key = text.slice(pos[0]).split(/[:\n]/)[0]?.trim() ?? '';
      msg = `duplicate key \`${key}\`; a key may appear once in each mapping`;
      expected = 'each key once; merge the two entries';
      example = `${key}: …`;
    } else if (code === 'TAB_AS_INDENT') {
      expected = 'indentation with spaces (YAML does not allow tabs)';
      example = '  path: models/classifier.onnx';
    }
    this.issues.push({ file: this.file, path: '', line, column: col, message: msg, expected, example });
  }

  private resolveNode(node: unknown): YamlNode | null {
    let n = node as YamlNode | null | undefined;
    // An alias stands for the node it names; a cycle cannot occur in a parsed document.
    for (let i = 0; i < 100 && n && isAlias(n); i++) n = n.resolve(this.doc) as YamlNode | undefined;
    if (!n) return null;
    if (isScalar(n) && n.value === null) return null;
    return n;
  }

  /** Words for what a node is: `the text "abc"`, `the number 5`, `a list`. */
  private describe(node: YamlNode | null): string {
    if (node === null) return 'nothing';
    if (isMap(node)) return 'a mapping';
    if (isSeq(node)) return 'a list';
    if (isScalar(node)) {
      const v = node.value;
      if (typeof v === 'string') return `the text ${quote(v)}`;
      if (typeof v === 'number') return `the number ${node.source ?? String(v)}`;
      if (typeof v === 'boolean') return `\`${v}\``;
    }
    return 'an unsupported value';
  }

  /** The entries of a mapping; reports a non-mapping and (for a section) unknown keys. */
  private mapping(
    node: YamlNode | null,
    path: string,
    at: YamlNode | null,
    section: Section | null,
    doc: KeyDoc | undefined,
  ): Entry[] | undefined {
    if (node === null || !isMap(node)) {
      this.add(path, node ?? at, `expected a mapping, got ${this.describe(node)}`, doc?.expected, doc?.example);
      return undefined;
    }
    const entries: Entry[] = [];
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      const resolvedKey = this.resolveNode(keyNode);
      if (!resolvedKey || !isScalar(resolvedKey) || typeof resolvedKey.value === 'object') {
        this.add(
          path,
          keyNode ?? node,
          `a key must be plain text, got ${this.describe(resolvedKey)}`,
          'keys like `name` or `latency-p95`',
          doc?.example,
        );
        continue;
      }
      const key = String(resolvedKey.value);
      const value = this.resolveNode(pair.value);
      const rawValue = pair.value as YamlNode | null;
      const hasPos = rawValue && rawValue.range && rawValue.range[1] > rawValue.range[0];
      const entry: Entry = {
        key,
        keyNode: keyNode as YamlNode,
        value,
        at: hasPos ? (rawValue as YamlNode) : (keyNode as YamlNode),
        path: childPath(path, key),
      };
      if (section && !(key in SECTIONS[section])) {
        this.unknownKey(entry, section);
        continue;
      }
      entries.push(entry);
    }
    return entries;
  }

  private unknownKey(entry: Entry, section: Section): void {
    const allowed = sectionKeys(section);
    const metricSection = section === 'budget' || section === 'regression';
    const expected = `a key of ${SECTION_LABEL[section]}: ${allowed.join(', ')}`;
    if (entry.key === '<<') {
      this.add(
        entry.path,
        entry.keyNode,
        'YAML merge keys (`<<`) are not supported; write the keys out',
        expected,
        SECTIONS[section][allowed[0] as string]?.example,
      );
      return;
    }
    const abbreviation = KEY_ABBREVIATIONS[entry.key.toLowerCase()];
    const guess = abbreviation !== undefined && allowed.includes(abbreviation) ? abbreviation : suggest(entry.key, allowed);
    if (guess) {
      this.add(
        entry.path,
        entry.keyNode,
        `${metricSection ? `\`${entry.key}\` is not a metric` : `unknown key \`${entry.key}\``}; did you mean \`${guess}\`?`,
        expected,
        SECTIONS[section][guess]?.example,
      );
      return;
    }
    for (const [other, where] of NESTED_HINTS[section] ?? []) {
      const doc = SECTIONS[other][entry.key];
      if (doc) {
        this.add(
          entry.path,
          entry.keyNode,
          `\`${entry.key}\` does not belong at ${SECTION_LABEL[section]}; put it ${where}`,
          expected,
          doc.example,
        );
        return;
      }
    }
    if (section === 'regression' && entry.key === 'regression') {
      this.add(entry.path, entry.keyNode, '`regression` cannot be nested', expected, SECTIONS.budget.regression?.example);
      return;
    }
    const first = allowed[0] as string;
    this.add(
      entry.path,
      entry.keyNode,
      metricSection ? `\`${entry.key}\` is not a metric` : `unknown key \`${entry.key}\``,
      expected,
      SECTIONS[section][first]?.example,
    );
  }

  private required(entries: Entry[], keys: string[], section: Section, path: string, node: YamlNode | null): boolean {
    let ok = true;
    for (const k of keys) {
      if (!entries.some((e) => e.key === k)) {
        const doc = SECTIONS[section][k] as KeyDoc;
        this.add(path, node, `missing required key \`${k}\``, doc.expected, doc.example);
        ok = false;
      }
    }
    return ok;
  }

  // ---- scalars --------------------------------------------------------------------------

  private scalarValue(entry: Entry): unknown {
    return entry.value && isScalar(entry.value) ? entry.value.value : undefined;
  }

  private text(entry: Entry, doc: KeyDoc): string | undefined {
    const v = this.scalarValue(entry);
    if (typeof v !== 'string') {
      this.addFor(entry, doc, `expected text, got ${this.describe(entry.value)}`);
      return undefined;
    }
    if (v.trim() === '') {
      this.addFor(entry, doc, 'must not be empty');
      return undefined;
    }
    return v;
  }

  private integer(entry: Entry, doc: KeyDoc, min: number): number | undefined {
    const v = this.scalarValue(entry);
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      this.addFor(entry, doc, `expected a whole number, got ${this.describe(entry.value)}`);
      return undefined;
    }
    if (v < min) {
      this.addFor(entry, doc, `must be at least ${min}, got ${v}`);
      return undefined;
    }
    return v;
  }

  private number(entry: Entry, doc: KeyDoc, range: 'positive' | 'unit'): number | undefined {
    const v = this.scalarValue(entry);
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.addFor(entry, doc, `expected a number, got ${this.describe(entry.value)}`);
      return undefined;
    }
    if (range === 'positive' && !(v > 0)) {
      this.addFor(entry, doc, `must be greater than 0, got ${v}`);
      return undefined;
    }
    if (range === 'unit' && !(v >= 0 && v < 1)) {
      this.addFor(entry, doc, `must be from 0 up to (not including) 1, got ${v}`);
      return undefined;
    }
    return v;
  }

  private boolean(entry: Entry, doc: KeyDoc): boolean | undefined {
    const v = this.scalarValue(entry);
    if (typeof v !== 'boolean') {
      this.addFor(entry, doc, `expected \`true\` or \`false\`, got ${this.describe(entry.value)}`);
      return undefined;
    }
    return v;
  }

  private enumeration<T extends string>(
    entry: Entry,
    doc: KeyDoc,
    values: readonly T[],
    what: string,
    aliases: Record<string, T> = {},
  ): T | undefined {
    const v = this.scalarValue(entry);
    if (typeof v !== 'string') {
      this.addFor(entry, doc, `expected ${what}, got ${this.describe(entry.value)}`);
      return undefined;
    }
    if ((values as readonly string[]).includes(v)) return v as T;
    const guess = Object.prototype.hasOwnProperty.call(aliases, v.toLowerCase()) ? aliases[v.toLowerCase()] : suggest(v, values);
    this.addFor(entry, doc, `\`${v}\` is not a valid ${what}${guess ? `; did you mean \`${guess}\`?` : ''}`);
    return undefined;
  }

  /** A quantity in base units; `example` is the `key: value` line to show. */
  private quantity(entry: Entry, kind: QuantityKind, doc: KeyDoc, positive = false): number | undefined {
    const v = this.scalarValue(entry);
    if (typeof v !== 'string' && typeof v !== 'number') {
      this.addFor(entry, doc, `expected ${describeKind(kind)}, got ${this.describe(entry.value)}`);
      return undefined;
    }
    const r = tryParseQuantity(v, kind);
    if (!r.ok) {
      this.add(entry.path, entry.at, r.problem.message, doc.expected, `${entry.key}: ${r.problem.example}`);
      return undefined;
    }
    if (positive && !(r.value > 0)) {
      this.addFor(entry, doc, `must be greater than 0, got ${typeof v === 'string' ? `\`${v}\`` : v}`);
      return undefined;
    }
    return r.value;
  }

  // ---- sections -------------------------------------------------------------------------

  root(node: YamlNode | null, source: string): BudgetConfig {
    const config: BudgetConfig = {
      version: 1,
      file: this.file,
      dir: this.dir,
      models: [],
      power: {},
      inconclusive: DEFAULTS.inconclusive,
      measure: DEFAULTS.measure,
      source,
    };
    const resolved = this.resolveNode(node);
    if (resolved === null) {
      this.add('', null, 'the budget file is empty', 'a mapping with `version: 1` and a `models:` list', MINIMAL_EXAMPLE);
      return config;
    }
    if (!isMap(resolved)) {
      this.add(
        '',
        resolved,
        `the budget file must be a mapping, got ${this.describe(resolved)}`,
        'a mapping with `version: 1` and a `models:` list',
        MINIMAL_EXAMPLE,
      );
      return config;
    }
    const entries = this.mapping(resolved, '', null, 'root', undefined) ?? [];
    this.required(entries, ['version', 'models'], 'root', '', resolved);
    for (const e of entries) {
      const doc = SECTIONS.root[e.key] as KeyDoc;
      switch (e.key) {
        case 'version': {
          const v = this.scalarValue(e);
          if (v !== 1) this.addFor(e, doc, `unsupported version: got ${this.describe(e.value)}; this release reads version 1`);
          break;
        }
        case 'models':
          config.models = this.models(e, doc);
          break;
        case 'power':
          Object.assign(config.power, this.power(e, doc));
          break;
        case 'carbon':
          Object.assign(config.power, this.carbon(e, doc));
          break;
        case 'inconclusive':
          config.inconclusive =
            this.enumeration(e, doc, ENUMS.inconclusive, 'inconclusive outcome', {
              error: 'fail',
              warning: 'warn',
              ignore: 'pass',
            }) ?? DEFAULTS.inconclusive;
          break;
        case 'measure':
          config.measure = this.enumeration<MeasureChoice>(e, doc, ENUMS.measure, 'measurement') ?? DEFAULTS.measure;
          break;
      }
    }
    // The file-wide `measure:` applies to models without their own.
    for (const m of config.models) if (!this.measureSet.has(m)) m.measure = config.measure;
    for (const m of config.models) this.checkInstructionLimits(m);
    return config;
  }

  /** Models whose own `measure:` was given (the file-wide one does not override them). */
  private readonly measureSet = new Set<ModelConfig>();

  /** An instruction-count limit is only measurable with `measure: instructions`. */
  private checkInstructionLimits(model: ModelConfig): void {
    if (model.measure === 'instructions') return;
    for (const limit of model.budget) {
      if (!isInstructionMetric(limit.metric)) continue;
      this.issues.push({
        file: this.file,
        path: limit.path,
        ...(limit.line !== undefined ? { line: limit.line, column: limit.column ?? 1 } : {}),
        message: `${limit.metric} is a simulated instruction count, which model \`${model.name}\` does not measure (its measure is \`time\`)`,
        expected: '`measure: instructions` on the model, or at the top of the budget file',
        example: 'measure: instructions',
      });
    }
  }

  private models(entry: Entry, doc: KeyDoc): ModelConfig[] {
    const node = entry.value;
    if (node === null || !isSeq(node)) {
      this.addFor(entry, doc, `expected a list of models, got ${this.describe(node)}`);
      return [];
    }
    if (node.items.length === 0) {
      this.addFor(entry, doc, 'the list of models is empty; add at least one');
      return [];
    }
    const models: ModelConfig[] = [];
    const seen = new Map<string, { path: string; line?: number }>();
    node.items.forEach((item, i) => {
      const path = `models[${i}]`;
      const model = this.model(this.resolveNode(item), path, (item as YamlNode | null) ?? node);
      if (!model) return;
      const prior = model.name ? seen.get(model.name) : undefined;
      if (prior) {
        const nameNode = isMap(item) ? (item.get('name', true) as YamlNode | undefined) : undefined;
        this.add(
          `${path}.name`,
          nameNode ?? (item as YamlNode),
          `duplicate model name \`${model.name}\`; ${prior.path}${prior.line ? ` (line ${prior.line})` : ''} has it too`,
          'a name unique in the file; reports and baselines match models by name',
          `name: ${model.name}-2`,
        );
      } else if (model.name) {
        seen.set(model.name, { path, line: model.line });
      }
      models.push(model);
    });
    return models;
  }

  private model(node: YamlNode | null, path: string, at: YamlNode): ModelConfig | undefined {
    const entries = this.mapping(node, path, at, 'model', {
      description: '',
      expected: 'a model: a mapping with at least `name` and `path`',
      example: '- { name: classifier, path: models/classifier.onnx }',
    });
    if (!entries) return undefined;
    this.required(entries, ['name', 'path'], 'model', path, node);
    const model: ModelConfig = {
      name: '',
      pathInConfig: '',
      path: '',
      dims: {},
      inputs: {},
      threads: DEFAULTS.threads,
      device: DEFAULTS.device,
      inference: defaultInference(),
      energy: DEFAULTS.energy,
      measure: DEFAULTS.measure,
      training: null,
      advise: DEFAULTS.advise,
      compare: DEFAULTS.compare,
      adviseMaxTimeS: DEFAULTS.adviseMaxTimeS,
      budget: [],
    };
    const line = this.pos(node).line;
    if (line !== undefined) model.line = line;
    for (const e of entries) {
      const doc = SECTIONS.model[e.key] as KeyDoc;
      switch (e.key) {
        case 'name':
          model.name = this.text(e, doc) ?? '';
          break;
        case 'path': {
          const p = this.text(e, doc);
          if (p !== undefined) {
            model.pathInConfig = p;
            model.path = resolve(this.dir, p);
          }
          break;
        }
        case 'dims':
          model.dims = this.dims(e, doc);
          break;
        case 'inputs':
          model.inputs = this.inputs(e, doc);
          break;
        case 'threads':
          model.threads = this.integer(e, doc, 1) ?? DEFAULTS.threads;
          break;
        case 'device':
          model.device =
            this.enumeration<DeviceChoice>(e, doc, ENUMS.device, 'device', { gpu: 'cuda', nvidia: 'cuda' }) ?? DEFAULTS.device;
          break;
        case 'energy':
          model.energy = this.enumeration<MeterChoice>(e, doc, ENUMS.energy, 'energy meter') ?? DEFAULTS.energy;
          break;
        case 'measure': {
          const m = this.enumeration<MeasureChoice>(e, doc, ENUMS.measure, 'measurement');
          if (m) {
            model.measure = m;
            this.measureSet.add(model);
          }
          break;
        }
        case 'inference':
          model.inference = this.inference(e, doc);
          break;
        case 'training':
          model.training = this.training(e, doc);
          break;
        case 'advise':
          model.advise = this.boolean(e, doc) ?? DEFAULTS.advise;
          break;
        case 'compare':
          model.compare = this.enumeration<CompareChoice>(e, doc, ENUMS.compare, 'comparison mode') ?? DEFAULTS.compare;
          break;
        case 'advise-max-time':
          model.adviseMaxTimeS = this.quantity(e, 'time', doc, true) ?? DEFAULTS.adviseMaxTimeS;
          break;
        case 'budget':
          model.budget = this.budget(e, doc);
          break;
      }
    }
    this.tailStatistics(model);
    for (const limit of model.budget) {
      const why = whyUnmeasurable(limit.metric, model);
      if (why === undefined) continue;
      this.issues.push({
        file: this.file,
        path: limit.path,
        ...(limit.line !== undefined ? { line: limit.line } : {}),
        ...(limit.column !== undefined ? { column: limit.column } : {}),
        message: `${limit.kind === 'regression' ? 'this regression limit ' : ''}${why.message}`,
        expected: why.expected,
        example: why.example,
      });
    }
    return model;
  }

  /**
   * A tail-latency regression budget is decided by that same percentile, which needs enough calls to be
   * estimated (two beyond it: src/compare/sequential.ts minSamplesPerRound). A fixed
   * `iterations` below that would check the p99 against the maximum of a few calls: refused.
   */
  private tailStatistics(model: ModelConfig): void {
    const iterations = model.inference?.iterations;
    if (typeof iterations !== 'number') return;
    for (const b of model.budget) {
      if (b.kind !== 'regression' || (b.metric !== 'latency-p99' && b.metric !== 'latency-p95')) continue;
      const q = b.metric === 'latency-p99' ? 99 : 95;
      const needed = minSamplesForPercentile(q);
      if (iterations >= needed) continue;
      const key = `regression.${b.metric}`;
      this.issues.push({
        file: this.file,
        path: b.path,
        ...(b.line !== undefined ? { line: b.line, column: b.column } : {}),
        message:
          `\`${key}\` is decided by the ${q}th percentile of the latency, which needs at least ${needed} timed calls to estimate ` +
          `(two calls beyond it); \`inference.iterations\` is ${iterations}, so the figure would be the slowest of a few calls, not a p${q}`,
        expected: `\`iterations: auto\` or at least ${needed}, or a budget on a statistic ${iterations} calls estimate (\`latency-p50\` or \`latency-mean\`${q === 99 && iterations >= 40 ? ', or `latency-p95`' : ''})`,
        example: `inference: { iterations: ${needed} }`,
      });
    }
  }

  private dims(entry: Entry, doc: KeyDoc): Record<string, number> {
    const out: Record<string, number> = {};
    for (const e of this.mapping(entry.value, entry.path, entry.at, null, doc) ?? []) {
      const n = this.integer(e, { ...doc, example: `dims: { ${e.key}: 32 }` }, 1);
      if (n !== undefined) out[e.key] = n;
    }
    return out;
  }

  private inputs(entry: Entry, doc: KeyDoc): Record<string, InputSpec> {
    const out: Record<string, InputSpec> = {};
    for (const e of this.mapping(entry.value, entry.path, entry.at, null, doc) ?? []) {
      const spec = this.inputSpec(e);
      if (spec) out[e.key] = spec;
    }
    return out;
  }

  private inputSpec(entry: Entry): InputSpec | undefined {
    const entries = this.mapping(entry.value, entry.path, entry.at, 'input', {
      description: '',
      expected: 'an input spec: `{ shape, dtype }`, `{ value }` or `{ data }`',
      example: `${entry.key}: { shape: [1, 784], dtype: float32 }`,
    });
    if (!entries) return undefined;
    const before = this.issues.length;
    let shape: number[] | undefined;
    let dtype: TensorDType | undefined;
    let value: unknown;
    let hasValue = false;
    let data: string | undefined;
    let valueCount: number | undefined;
    let valueEntry: Entry | undefined;
    for (const e of entries) {
      const doc = SECTIONS.input[e.key] as KeyDoc;
      switch (e.key) {
        case 'shape':
          shape = this.shape(e, doc);
          break;
        case 'dtype':
          dtype = this.enumeration<TensorDType>(e, doc, ENUMS.dtype, 'dtype', DTYPE_ALIASES);
          break;
        case 'value': {
          const r = this.fixedValue(e, doc);
          if (r) {
            value = r.value;
            valueCount = r.count;
            hasValue = true;
            valueEntry = e;
          }
          break;
        }
        case 'data': {
          const p = this.text(e, doc);
          if (p !== undefined && !p.toLowerCase().endsWith('.npy')) this.addFor(e, doc, `\`${p}\` is not a .npy file`);
          else if (p !== undefined) data = p;
          break;
        }
      }
    }
    const has = (k: string): Entry | undefined => entries.find((e) => e.key === k);
    const dataEntry = has('data');
    if (dataEntry && has('value')) {
      this.add(
        entry.path,
        dataEntry.keyNode,
        'give either `value` or `data`, not both',
        'one source per input: a fixed `value` or a `.npy` file in `data`',
        SECTIONS.input.data?.example,
      );
    }
    if (dataEntry && has('shape')) {
      this.add(
        entry.path,
        has('shape')?.keyNode,
        'a `.npy` file carries its own shape; remove `shape` or `data`',
        '`data` alone, or `shape` (and `dtype`) to synthesise random data',
        SECTIONS.input.data?.example,
      );
    }
    if (shape && valueEntry && valueCount !== undefined && valueCount > 1) {
      const want = shape.reduce((a, b) => a * b, 1);
      if (want !== valueCount) {
        this.add(
          valueEntry.path,
          valueEntry.at,
          `has ${valueCount} elements but shape [${shape.join(', ')}] holds ${want}`,
          'a single value (repeated to fill the shape) or exactly as many elements as the shape holds',
          `value: 0`,
        );
      }
    }
    if (this.issues.length > before) return undefined;
    if (data !== undefined) return { kind: 'npy', file: resolve(this.dir, data), ...(dtype ? { dtype } : {}) };
    if (hasValue) return { kind: 'value', value, ...(shape ? { shape } : {}), ...(dtype ? { dtype } : {}) };
    return { kind: 'random', ...(shape ? { shape } : {}), ...(dtype ? { dtype } : {}) };
  }

  private shape(entry: Entry, doc: KeyDoc): number[] | undefined {
    const node = entry.value;
    if (node === null || !isSeq(node)) {
      this.addFor(entry, doc, `expected a list of positive whole numbers, got ${this.describe(node)}`);
      return undefined;
    }
    const dims: number[] = [];
    let ok = true;
    node.items.forEach((item, i) => {
      const n = this.resolveNode(item);
      const v = n && isScalar(n) ? n.value : undefined;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
        this.add(
          `${entry.path}[${i}]`,
          (item as YamlNode | null) ?? node,
          `expected a positive whole number, got ${this.describe(n)}`,
          doc.expected,
          doc.example,
        );
        ok = false;
      } else {
        dims.push(v);
      }
    });
    return ok ? dims : undefined;
  }

  /** A scalar or a rectangular nested list of scalars of one type. */
  private fixedValue(entry: Entry, doc: KeyDoc): { value: unknown; count: number } | undefined {
    const types = new Set<string>();
    let ok = true;
    const walk = (node: YamlNode | null, path: string, at: YamlNode): { value: unknown; dims: number[] } | undefined => {
      if (node !== null && isScalar(node) && ['number', 'boolean', 'string'].includes(typeof node.value)) {
        types.add(typeof node.value);
        return { value: node.value, dims: [] };
      }
      if (node !== null && isSeq(node)) {
        const parts = node.items.map((item, i) =>
          walk(this.resolveNode(item), `${path}[${i}]`, (item as YamlNode | null) ?? node),
        );
        if (parts.some((p) => p === undefined)) return undefined;
        const first = parts[0]?.dims ?? [];
        for (let i = 1; i < parts.length; i++) {
          if ((parts[i]?.dims ?? []).join(',') !== first.join(',')) {
            this.add(
              `${path}[${i}]`,
              node.items[i] as YamlNode,
              `the nested list is ragged: this item has shape [${parts[i]?.dims.join(', ')}], the first has [${first.join(', ')}]`,
              doc.expected,
              'value: [[1, 2], [3, 4]]',
            );
            ok = false;
            return undefined;
          }
        }
        return { value: parts.map((p) => p?.value), dims: [parts.length, ...first] };
      }
      this.add(path, node ?? at, `expected a number, boolean or text, got ${this.describe(node)}`, doc.expected, doc.example);
      ok = false;
      return undefined;
    };
    const r = walk(entry.value, entry.path, entry.at);
    if (!r || !ok) return undefined;
    if (types.size > 1) {
      this.addFor(entry, doc, `mixes ${[...types].sort().join(' and ')} values; use one type`);
      return undefined;
    }
    return { value: r.value, count: r.dims.reduce((a, b) => a * b, 1) };
  }

  private inference(entry: Entry, doc: KeyDoc): InferenceConfig | null {
    const inference = defaultInference();
    const v = this.scalarValue(entry);
    if (typeof v === 'boolean') return v ? inference : null;
    for (const e of this.mapping(entry.value, entry.path, entry.at, 'inference', doc) ?? []) {
      const d = SECTIONS.inference[e.key] as KeyDoc;
      switch (e.key) {
        case 'iterations': {
          const it = this.scalarValue(e);
          if (it === 'auto') inference.iterations = 'auto';
          else if (typeof it === 'number') inference.iterations = this.integer(e, d, 1) ?? 'auto';
          else this.addFor(e, d, `expected \`auto\` or a positive whole number, got ${this.describe(e.value)}`);
          break;
        }
        case 'warmup':
          inference.warmup = this.integer(e, d, 0) ?? DEFAULTS.inferenceWarmup;
          break;
        case 'max-time':
          inference.maxTimeS = this.quantity(e, 'time', d, true) ?? DEFAULTS.maxTimeS;
          break;
        case 'target-ci': {
          const q = this.quantity(e, 'percent', d, true);
          if (q !== undefined && q >= 1) this.addFor(e, d, `must be under 100%, got ${String(this.scalarValue(e))}`);
          else if (q !== undefined) inference.targetRelativeCi = q;
          break;
        }
      }
    }
    return inference;
  }

  private training(entry: Entry, doc: KeyDoc): TrainingConfig | null {
    const entries = this.mapping(entry.value, entry.path, entry.at, 'training', doc);
    if (!entries) return null;
    const t: TrainingConfig = {
      loss: 'mse',
      optimizer: DEFAULTS.optimizer,
      learningRate: DEFAULTS.learningRate,
      steps: DEFAULTS.steps,
      warmup: DEFAULTS.trainingWarmup,
    };
    const has = (k: string): Entry | undefined => entries.find((e) => e.key === k);
    if (!has('step-model') && !has('loss')) {
      const d = SECTIONS.training.loss as KeyDoc;
      this.add(
        entry.path,
        entry.value,
        'missing required key `loss` (needed unless `step-model` is given)',
        d.expected,
        d.example,
      );
    }
    const setOptional = <K extends keyof TrainingConfig>(key: K, value: TrainingConfig[K] | undefined): void => {
      if (value !== undefined) t[key] = value;
    };
    for (const e of entries) {
      const d = SECTIONS.training[e.key] as KeyDoc;
      switch (e.key) {
        case 'loss':
          t.loss = this.enumeration<LossName>(e, d, ENUMS.loss, 'loss') ?? t.loss;
          break;
        case 'optimizer':
          t.optimizer = this.enumeration<OptimizerName>(e, d, ENUMS.optimizer, 'optimizer') ?? t.optimizer;
          break;
        case 'learning-rate':
          t.learningRate = this.number(e, d, 'positive') ?? t.learningRate;
          break;
        case 'steps':
          t.steps = this.integer(e, d, 1) ?? t.steps;
          break;
        case 'warmup':
          t.warmup = this.integer(e, d, 0) ?? t.warmup;
          break;
        case 'momentum':
        case 'beta1':
        case 'beta2':
        case 'rho':
          setOptional(e.key, this.number(e, d, 'unit'));
          break;
        case 'epsilon':
          setOptional('epsilon', this.number(e, d, 'positive'));
          break;
        case 'epochs':
          setOptional('epochs', this.number(e, d, 'positive'));
          break;
        case 'dataset-size': {
          const n = this.quantity(e, 'count', d, true);
          if (n !== undefined && !Number.isInteger(n)) this.addFor(e, d, `must be a whole number of samples, got ${n}`);
          else setOptional('datasetSize', n);
          break;
        }
        case 'freeze': {
          const list = e.value && isSeq(e.value) ? e.value.items : null;
          if (!list) {
            this.addFor(e, d, 'must be a list');
            break;
          }
          const names: string[] = [];
          list.forEach((item, i) => {
            const v = isScalar(item) ? item.value : undefined;
            if (typeof v === 'string' && v.length > 0) names.push(v);
            else
              this.add(
                `${e.path}[${i}]`,
                item as YamlNode,
                'must be an initializer name or a prefix ending in `*`',
                d.expected,
                d.example,
              );
          });
          t.freeze = names;
          break;
        }
        case 'steps-per-call':
          setOptional('stepsPerCall', this.integer(e, d, 1));
          break;
        case 'step-model': {
          const p = this.text(e, d);
          if (p !== undefined) t.stepModel = resolve(this.dir, p);
          break;
        }
        case 'feedback': {
          const map: Record<string, string> = {};
          for (const f of this.mapping(e.value, e.path, e.at, null, d) ?? []) {
            const target = this.text(f, { ...d, example: `feedback: { ${f.key}: <input name> }` });
            if (target !== undefined) map[f.key] = target;
          }
          t.feedback = map;
          if (!has('step-model')) {
            this.add(
              e.path,
              e.keyNode,
              '`feedback` only applies with `step-model`',
              '`feedback` together with `step-model` (a bring-your-own training step)',
              SECTIONS.training['step-model']?.example,
            );
          }
          break;
        }
      }
    }
    if (t.datasetSize !== undefined && t.epochs === undefined) t.epochs = 1;
    const k = t.stepsPerCall;
    if (k !== undefined && t.steps % k !== 0) {
      const e = has('steps-per-call') as Entry;
      this.addFor(
        e,
        SECTIONS.training['steps-per-call'] as KeyDoc,
        `must divide steps (${t.steps}), so that every timed call runs whole steps`,
      );
    }
    return t;
  }

  private power(entry: Entry, doc: KeyDoc): PowerSettings {
    const out: PowerSettings = {};
    const entries = this.mapping(entry.value, entry.path, entry.at, 'power', doc) ?? [];
    for (const e of entries) {
      const d = SECTIONS.power[e.key] as KeyDoc;
      const w = this.quantity(e, 'power', d, true);
      if (w === undefined) continue;
      if (e.key === 'cpu-tdp') out.cpuTdpW = w;
      else if (e.key === 'idle-watts') out.idleW = w;
      else out.maxW = w;
    }
    if ((out.idleW === undefined) !== (out.maxW === undefined)) {
      const given = entries.find((x) => x.key === (out.idleW === undefined ? 'max-watts' : 'idle-watts')) as Entry;
      const missing = out.idleW === undefined ? 'idle-watts' : 'max-watts';
      this.addFor(
        given,
        SECTIONS.power[given.key] as KeyDoc,
        `needs \`${missing}\` as well: the power model is a line from the whole machine's idle watts to its full-load watts, ` +
          `so give both (e.g. power: { idle-watts: 20 W, max-watts: 90 W }) or neither`,
      );
    }
    if (out.idleW !== undefined && out.maxW !== undefined && out.maxW <= out.idleW) {
      const e = entries.find((x) => x.key === 'max-watts') as Entry;
      this.addFor(
        e,
        SECTIONS.power['max-watts'] as KeyDoc,
        `must be greater than idle-watts (${out.idleW} W), got ${out.maxW} W`,
      );
    }
    return out;
  }

  private carbon(entry: Entry, doc: KeyDoc): PowerSettings {
    const out: PowerSettings = {};
    const entries = this.mapping(entry.value, entry.path, entry.at, 'carbon', doc) ?? [];
    for (const e of entries) {
      const d = SECTIONS.carbon[e.key] as KeyDoc;
      if (e.key === 'intensity') {
        const g = this.quantity(e, 'carbon-intensity', d);
        if (g !== undefined) out.carbonIntensityGPerKWh = g;
      } else {
        const r = this.text(e, d);
        if (r !== undefined && !isKnownRegion(r)) {
          const close = suggest(r, KNOWN_REGIONS);
          this.addFor(
            e,
            d,
            `\`${r}\` is not a region with a grid intensity in data/carbon-intensity.json` +
              `${close !== undefined ? `; did you mean \`${close}\`?` : ''} ` +
              `(known: ${KNOWN_REGIONS.join(', ')}; for any other grid give \`intensity\` in gCO2e/kWh instead)`,
          );
        } else if (r !== undefined) {
          out.region = r;
        }
      }
    }
    const intensity = entries.find((e) => e.key === 'intensity');
    if (intensity && entries.some((e) => e.key === 'region')) {
      this.add(
        entry.path,
        intensity.keyNode,
        'give either `intensity` or `region`, not both',
        doc.expected,
        SECTIONS.carbon.intensity?.example,
      );
    }
    return out;
  }

  private budget(entry: Entry, doc: KeyDoc): BudgetLimit[] {
    const limits: BudgetLimit[] = [];
    for (const e of this.mapping(entry.value, entry.path, entry.at, 'budget', doc) ?? []) {
      if (e.key === 'regression') {
        const rdoc = SECTIONS.budget.regression as KeyDoc;
        for (const r of this.mapping(e.value, e.path, e.at, 'regression', rdoc) ?? []) {
          const limit = this.limit(r, r.key as MetricKey, true);
          if (limit) limits.push(limit);
        }
      } else if (isMetricKey(e.key)) {
        const limit = this.limit(e, e.key, false);
        if (limit) limits.push(limit);
      }
    }
    return limits;
  }

  /** One limit: `5 ms`, or `{ limit: 5 ms, level: warn }`; regression limits may be percentages. */
  private limit(entry: Entry, metric: MetricKey, regression: boolean): BudgetLimit | undefined {
    const doc = SECTIONS[regression ? 'regression' : 'budget'][metric] as KeyDoc;
    let level: 'error' | 'warn' = DEFAULTS.level;
    let valueEntry = entry;
    if (entry.value !== null && isMap(entry.value)) {
      const entries = this.mapping(entry.value, entry.path, entry.at, 'limit', doc) ?? [];
      const before = this.issues.length;
      this.required(entries, ['limit'], 'limit', entry.path, entry.value);
      const levelEntry = entries.find((e) => e.key === 'level');
      if (levelEntry)
        level =
          this.enumeration(levelEntry, SECTIONS.limit.level as KeyDoc, ENUMS.level, 'level', {
            warning: 'warn',
            fail: 'error',
          }) ?? level;
      const limitEntry = entries.find((e) => e.key === 'limit');
      if (!limitEntry || this.issues.length > before) return undefined;
      valueEntry = limitEntry;
    }
    const raw = this.scalarValue(valueEntry);
    const kind = metricKind(metric);
    const relative = regression && typeof raw === 'string' && raw.trim().endsWith('%');
    const valueDoc: KeyDoc = { ...doc, example: valueEntry === entry ? doc.example : `limit: ${doc.example.split(': ')[1]}` };
    const value = this.quantity(valueEntry, relative ? 'percent' : kind, valueDoc);
    if (value === undefined) return undefined;
    return {
      metric,
      kind: regression ? 'regression' : 'absolute',
      limit: value,
      relative,
      level,
      ...this.pos(entry.keyNode),
      path: entry.path,
    };
  }
}

/** Common spellings from numpy, PyTorch and C, mapped to onnxruntime's dtype names. */
const DTYPE_ALIASES: Record<string, TensorDType> = {
  float: 'float32',
  double: 'float64',
  half: 'float16',
  long: 'int64',
  int: 'int32',
  boolean: 'bool',
  f32: 'float32',
  f16: 'float16',
  i64: 'int64',
  i32: 'int32',
};

function defaultInference(): InferenceConfig {
  return {
    iterations: DEFAULTS.iterations,
    warmup: DEFAULTS.inferenceWarmup,
    maxTimeS: DEFAULTS.maxTimeS,
    targetRelativeCi: DEFAULTS.targetRelativeCi,
  };
}

/** The metric names, for callers that list them (the CLI's help). */
export const BUDGET_METRICS: readonly MetricKey[] = METRIC_KEYS;
