/**
 * Validates a parsed report against schema/report.schema.json (generated from the report types:
 * scripts/generate-report-schema.ts), for `merge` and `--baseline`, which read reports other
 * runs wrote.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { REPORT_SCHEMA } from './schema.generated.js';

let compiled: ValidateFunction | undefined;

/**
 * The first way `doc` differs from the report schema, as `models[0].size.bytes: must be number`,
 * or null when it matches.
 */
export function reportSchemaProblem(doc: unknown): string | null {
  compiled ??= new Ajv({ allErrors: false, strict: false }).compile(REPORT_SCHEMA);
  if (compiled(doc)) return null;
  const e = compiled.errors?.[0];
  if (!e) return 'does not match the report schema';
  // instancePath is a JSON pointer (/models/0/size/bytes): shown as models[0].size.bytes.
  const where = e.instancePath
    .split('/')
    .slice(1)
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p.replace(/~1/g, '/').replace(/~0/g, '~')}`))
    .join('')
    .replace(/^\./, '');
  const detail =
    e.keyword === 'required'
      ? `is missing \`${(e.params as { missingProperty: string }).missingProperty}\``
      : e.keyword === 'enum'
        ? `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`
        : (e.message ?? 'is invalid');
  return `${where || 'the report'} ${detail} (schema/report.schema.json)`;
}
