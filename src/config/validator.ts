/**
 * The generic part of budget-file validation: YAML nodes to checked values, with every problem
 * recorded (file:line:column, path, what was expected, an example) rather than thrown. The
 * sections (sections/*.ts) use it; load.ts runs it.
 */
import { LineCounter, isAlias, isMap, isNode, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import { type ConfigIssue } from '../errors.js';
import { suggest } from './did-you-mean.js';
import { SECTIONS, sectionKeys, type KeyDoc, type Section } from './keys.js';
import type { ModelConfig } from './types.js';
import { describeKind, tryParseQuantity, type QuantityKind } from './units.js';
import { isOneOf } from '../util/one-of.js';

/** A parsed document's item (`unknown` in the yaml types) as a node, or null when it is none. */
export function yamlNode(x: unknown): YamlNode | null {
  return isNode(x) ? x : null;
}

/** A key and its value in a mapping. */
export interface Entry {
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

export class Validator {
  readonly issues: ConfigIssue[] = [];

  constructor(
    readonly file: string,
    readonly dir: string,
    readonly lineCounter: LineCounter,
    readonly doc: Document,
  ) {}

  /** 1-based line and column of a node. */
  pos(node: YamlNode | null | undefined): { line?: number; column?: number } {
    const range = node?.range;
    if (!range) return {};
    const p = this.lineCounter.linePos(range[0]);
    return { line: p.line, column: p.col };
  }

  add(path: string, node: YamlNode | null | undefined, message: string, expected?: string, example?: string): void {
    this.issues.push({
      file: this.file,
      path,
      ...this.pos(node),
      message,
      ...(expected ? { expected } : {}),
      ...(example ? { example } : {}),
    });
  }

  addFor(entry: Entry, doc: KeyDoc, message: string): void {
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

  resolveNode(node: unknown): YamlNode | null {
    let n: YamlNode | undefined = isNode(node) ? node : undefined;
    // An alias stands for the node it names; a cycle cannot occur in a parsed document.
    for (let i = 0; i < 100 && n && isAlias(n); i++) n = n.resolve(this.doc);
    if (!n) return null;
    if (isScalar(n) && n.value === null) return null;
    return n;
  }

  /** Words for what a node is: `the text "abc"`, `the number 5`, `a list`. */
  describe(node: YamlNode | null): string {
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
  mapping(
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
      const keyNode = isNode(pair.key) ? pair.key : null;
      const resolvedKey = this.resolveNode(keyNode);
      if (!keyNode || !resolvedKey || !isScalar(resolvedKey) || typeof resolvedKey.value === 'object') {
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
      const rawValue = isNode(pair.value) ? pair.value : null;
      const hasPos = rawValue && rawValue.range && rawValue.range[1] > rawValue.range[0];
      const entry: Entry = {
        key,
        keyNode,
        value,
        at: hasPos ? rawValue : keyNode,
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

  unknownKey(entry: Entry, section: Section): void {
    const allowed = sectionKeys(section);
    const metricSection = section === 'budget' || section === 'regression';
    const expected = `a key of ${SECTION_LABEL[section]}: ${allowed.join(', ')}`;
    if (entry.key === '<<') {
      this.add(
        entry.path,
        entry.keyNode,
        'YAML merge keys (`<<`) are not supported; write the keys out',
        expected,
        SECTIONS[section][allowed[0]]?.example,
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
    const first = allowed[0];
    this.add(
      entry.path,
      entry.keyNode,
      metricSection ? `\`${entry.key}\` is not a metric` : `unknown key \`${entry.key}\``,
      expected,
      SECTIONS[section][first]?.example,
    );
  }

  required(entries: Entry[], keys: string[], section: Section, path: string, node: YamlNode | null): boolean {
    let ok = true;
    for (const k of keys) {
      if (!entries.some((e) => e.key === k)) {
        const doc = SECTIONS[section][k];
        this.add(path, node, `missing required key \`${k}\``, doc.expected, doc.example);
        ok = false;
      }
    }
    return ok;
  }

  // ---- scalars --------------------------------------------------------------------------

  scalarValue(entry: Entry): unknown {
    return entry.value && isScalar(entry.value) ? entry.value.value : undefined;
  }

  text(entry: Entry, doc: KeyDoc): string | undefined {
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

  integer(entry: Entry, doc: KeyDoc, min: number): number | undefined {
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

  number(entry: Entry, doc: KeyDoc, range: 'positive' | 'unit'): number | undefined {
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

  boolean(entry: Entry, doc: KeyDoc): boolean | undefined {
    const v = this.scalarValue(entry);
    if (typeof v !== 'boolean') {
      this.addFor(entry, doc, `expected \`true\` or \`false\`, got ${this.describe(entry.value)}`);
      return undefined;
    }
    return v;
  }

  enumeration<T extends string>(
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
    if (isOneOf(values, v)) return v;
    const guess = Object.prototype.hasOwnProperty.call(aliases, v.toLowerCase()) ? aliases[v.toLowerCase()] : suggest(v, values);
    this.addFor(entry, doc, `\`${v}\` is not a valid ${what}${guess ? `; did you mean \`${guess}\`?` : ''}`);
    return undefined;
  }

  /** A quantity in base units; `example` is the `key: value` line to show. */
  quantity(entry: Entry, kind: QuantityKind, doc: KeyDoc, positive = false): number | undefined {
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

  /** Models whose own `measure:` was given (the file-wide one does not override them). */
  readonly measureSet = new Set<ModelConfig>();
}
