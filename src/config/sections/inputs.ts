/** A model's `dims:` and `inputs:`: synthesised, fixed and .npy inputs, their shapes and dtypes. */
import { resolve } from 'node:path';
import { isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { ENUMS, SECTIONS, type KeyDoc } from '../keys.js';
import type { TensorDType, InputSpec } from '../types.js';
import { yamlNode, type Entry, type Validator } from '../validator.js';

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

/** A model's `dims:`: symbolic dimension name → size. */
export function readDims(vd: Validator, entry: Entry, doc: KeyDoc): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of vd.mapping(entry.value, entry.path, entry.at, null, doc) ?? []) {
    const n = vd.integer(e, { ...doc, example: `dims: { ${e.key}: 32 }` }, 1);
    if (n !== undefined) out[e.key] = n;
  }
  return out;
}

/** A model's `inputs:`: input name → how to make its values. */
export function readInputs(vd: Validator, entry: Entry, doc: KeyDoc): Record<string, InputSpec> {
  const out: Record<string, InputSpec> = {};
  for (const e of vd.mapping(entry.value, entry.path, entry.at, null, doc) ?? []) {
    const spec = readInputSpec(vd, e);
    if (spec) out[e.key] = spec;
  }
  return out;
}

function readInputSpec(vd: Validator, entry: Entry): InputSpec | undefined {
  const entries = vd.mapping(entry.value, entry.path, entry.at, 'input', {
    description: '',
    expected: 'an input spec: `{ shape, dtype }`, `{ value }` or `{ data }`',
    example: `${entry.key}: { shape: [1, 784], dtype: float32 }`,
  });
  if (!entries) return undefined;
  const before = vd.issues.length;
  let shape: number[] | undefined;
  let dtype: TensorDType | undefined;
  let value: unknown;
  let hasValue = false;
  let data: string | undefined;
  let valueCount: number | undefined;
  let valueEntry: Entry | undefined;
  for (const e of entries) {
    const doc = SECTIONS.input[e.key];
    switch (e.key) {
      case 'shape':
        shape = readShape(vd, e, doc);
        break;
      case 'dtype':
        dtype = vd.enumeration<TensorDType>(e, doc, ENUMS.dtype, 'dtype', DTYPE_ALIASES);
        break;
      case 'value': {
        const r = readFixedValue(vd, e, doc);
        if (r) {
          value = r.value;
          valueCount = r.count;
          hasValue = true;
          valueEntry = e;
        }
        break;
      }
      case 'data': {
        const p = vd.text(e, doc);
        if (p !== undefined && !p.toLowerCase().endsWith('.npy')) vd.addFor(e, doc, `\`${p}\` is not a .npy file`);
        else if (p !== undefined) data = p;
        break;
      }
    }
  }
  const has = (k: string): Entry | undefined => entries.find((e) => e.key === k);
  const dataEntry = has('data');
  if (dataEntry && has('value')) {
    vd.add(
      entry.path,
      dataEntry.keyNode,
      'give either `value` or `data`, not both',
      'one source per input: a fixed `value` or a `.npy` file in `data`',
      SECTIONS.input.data?.example,
    );
  }
  if (dataEntry && has('shape')) {
    vd.add(
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
      vd.add(
        valueEntry.path,
        valueEntry.at,
        `has ${valueCount} elements but shape [${shape.join(', ')}] holds ${want}`,
        'a single value (repeated to fill the shape) or exactly as many elements as the shape holds',
        `value: 0`,
      );
    }
  }
  if (vd.issues.length > before) return undefined;
  if (data !== undefined) return { kind: 'npy', file: resolve(vd.dir, data), ...(dtype ? { dtype } : {}) };
  if (hasValue) return { kind: 'value', value, ...(shape ? { shape } : {}), ...(dtype ? { dtype } : {}) };
  return { kind: 'random', ...(shape ? { shape } : {}), ...(dtype ? { dtype } : {}) };
}

function readShape(vd: Validator, entry: Entry, doc: KeyDoc): number[] | undefined {
  const node = entry.value;
  if (node === null || !isSeq(node)) {
    vd.addFor(entry, doc, `expected a list of positive whole numbers, got ${vd.describe(node)}`);
    return undefined;
  }
  const dims: number[] = [];
  let ok = true;
  node.items.forEach((item, i) => {
    const n = vd.resolveNode(item);
    const v = n && isScalar(n) ? n.value : undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
      vd.add(
        `${entry.path}[${i}]`,
        yamlNode(item) ?? node,
        `expected a positive whole number, got ${vd.describe(n)}`,
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
function readFixedValue(vd: Validator, entry: Entry, doc: KeyDoc): { value: unknown; count: number } | undefined {
  const types = new Set<string>();
  let ok = true;
  const walk = (node: YamlNode | null, path: string, at: YamlNode): { value: unknown; dims: number[] } | undefined => {
    if (node !== null && isScalar(node) && ['number', 'boolean', 'string'].includes(typeof node.value)) {
      types.add(typeof node.value);
      return { value: node.value, dims: [] };
    }
    if (node !== null && isSeq(node)) {
      const parts = node.items.map((item, i) => walk(vd.resolveNode(item), `${path}[${i}]`, yamlNode(item) ?? node));
      if (parts.some((p) => p === undefined)) return undefined;
      const first = parts[0]?.dims ?? [];
      for (let i = 1; i < parts.length; i++) {
        if ((parts[i]?.dims ?? []).join(',') !== first.join(',')) {
          vd.add(
            `${path}[${i}]`,
            yamlNode(node.items[i]),
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
    vd.add(path, node ?? at, `expected a number, boolean or text, got ${vd.describe(node)}`, doc.expected, doc.example);
    ok = false;
    return undefined;
  };
  const r = walk(entry.value, entry.path, entry.at);
  if (!r || !ok) return undefined;
  if (types.size > 1) {
    vd.addFor(entry, doc, `mixes ${[...types].sort().join(' and ')} values; use one type`);
    return undefined;
  }
  return { value: r.value, count: r.dims.reduce((a, b) => a * b, 1) };
}
