import { describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { parseConfig } from '../../src/config/load.js';
import { METRIC_KEYS, metricKind } from '../../src/config/metrics.js';
import { buildBudgetSchema, SECTIONS, type Section } from '../../src/config/schema.js';
import { INVALID, VALID } from './cases.js';

const SCHEMA_FILE = new URL('../../schema/energy-budget.schema.json', import.meta.url);
const DOCS_FILE = new URL('../../docs/budget-file.md', import.meta.url);
const CONTRACT = readFileSync(new URL('./fixtures/contract.yml', import.meta.url), 'utf8');

function compile() {
  // strictTypes/strictTuples catch schema mistakes an editor would silently ignore.
  const ajv = new Ajv({ allErrors: true, strictTypes: true, strictTuples: true });
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
}

function validatorAccepts(yaml: string): boolean {
  try {
    parseConfig(yaml, '/project/energy-budget.yml');
    return true;
  } catch {
    return false;
  }
}

describe('JSON Schema', () => {
  it('the shipped file is the one generated from the key table (UPDATE_SCHEMA=1 rewrites it)', () => {
    const generated = `${JSON.stringify(buildBudgetSchema(), null, 2)}\n`;
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, generated);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });

  it('compiles with ajv (draft-07) and accepts the contract example', () => {
    const validate = compile();
    expect(validate(parse(CONTRACT))).toBe(true);
    expect(validate.errors).toBeNull();
  });

  it('describes every key, so editors show help on hover', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (!node || typeof node !== 'object') return;
      const props = (node as { properties?: Record<string, unknown> }).properties;
      for (const [key, child] of Object.entries(props ?? {})) {
        if (!(child as { description?: string }).description) missing.push(`${path}.${key}`);
      }
      for (const [key, child] of Object.entries(node)) walk(child, `${path}/${key}`);
    };
    walk(buildBudgetSchema(), '#');
    expect(missing).toEqual([]);
  });

  describe('agrees with the validator', () => {
    let cached: ReturnType<typeof compile> | undefined;
    const validate = (data: unknown): boolean => (cached ??= compile())(data) as boolean;
    const errorsOf = () => cached?.errors ?? null;

    it.each(VALID)('both accept $name', ({ yaml }) => {
      expect(validatorAccepts(yaml)).toBe(true);
      expect({ ok: validate(parse(yaml)), errors: errorsOf() }).toEqual({ ok: true, errors: null });
    });

    it.each(INVALID.filter((c) => !c.syntax && !c.validatorOnly))('both reject $name', ({ yaml }) => {
      expect(validatorAccepts(yaml)).toBe(false);
      expect(validate(parse(yaml) ?? null)).toBe(false);
    });

    it.each(INVALID.filter((c) => c.validatorOnly))(
      'only the validator rejects $name (needs the whole file or arithmetic)',
      ({ yaml }) => {
        expect(validatorAccepts(yaml)).toBe(false);
        expect(validate(parse(yaml))).toBe(true);
      },
    );
  });

  it('for every metric, accepts a quantity of its kind and rejects another kind, like the validator', () => {
    const validate = compile();
    // A model that measures everything, so only the quantity's kind decides (see measurable.ts);
    // instruction counts also need `measure: instructions`.
    const file = (line: string) =>
      `version: 1\nmeasure: instructions\nmodels: [{ name: m, path: m.onnx, device: cuda, training: { loss: mse, optimizer: sgd, learning-rate: 0.1, steps: 2, dataset-size: 10 }, budget: { ${line} } }]\n`;
    // [accepted, rejected] per kind
    const samples: Record<string, [string, string]> = {
      bytes: ['5 MiB', '5 ms'],
      count: ['1.5M', '5 MB'],
      flops: ['2 GFLOP', '2 mJ'],
      time: ['250 µs', '5 J'],
      throughput: ['100 samples/s', '100 ms'],
      energy: ['1 kWh', '1 W'],
      carbon: ['3 kgCO2e', '3 kJ'],
    };
    for (const m of METRIC_KEYS) {
      const [good, bad] = samples[metricKind(m)]!;
      for (const [text, ok] of [
        [good, true],
        [bad, false],
        [`{ limit: ${good}, level: warn }`, true],
        [`{ limit: ${bad} }`, false],
      ] as const) {
        const yaml = file(`${m}: ${text}`);
        expect({ m, text, validator: validatorAccepts(yaml), schema: validate(parse(yaml)) }).toEqual({
          m,
          text,
          validator: ok,
          schema: ok,
        });
      }
    }
  });
});

describe('docs/budget-file.md', () => {
  it('documents every key of every section', () => {
    const docs = readFileSync(DOCS_FILE, 'utf8');
    const missing: string[] = [];
    for (const [section, keys] of Object.entries(SECTIONS) as Array<[Section, Record<string, unknown>]>) {
      for (const key of Object.keys(keys)) if (!docs.includes(`\`${key}\``)) missing.push(`${section}.${key}`);
    }
    expect(missing).toEqual([]);
  });

  it('has a complete example that both the validator and the schema accept', () => {
    const docs = readFileSync(DOCS_FILE, 'utf8');
    const blocks = [...docs.matchAll(/```yaml\n([\s\S]*?)```/g)]
      .map((m) => m[1] as string)
      .filter((b) => b.startsWith('version: 1'));
    expect(blocks.length).toBeGreaterThan(0);
    for (const yaml of blocks) {
      expect(validatorAccepts(yaml)).toBe(true);
      expect(compile()(parse(yaml))).toBe(true);
    }
  });
});
