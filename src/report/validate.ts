/**
 * Validates a parsed report against schema/report.schema.json (generated from the report types:
 * scripts/generate-report-schema.ts), for the one report reader (report/read.ts) that `merge`,
 * `--baseline`, `history` and the action's comment mode use.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { REPORT_SCHEMA } from './schema.generated.js';
import type { Report } from './types.js';

let compiled: ValidateFunction<Report> | undefined;

/**
 * The schema check as a type guard: the schema is generated from the report types
 * (scripts/generate-report-schema.ts; a test keeps schema and types equal), so a document it
 * accepts is a Report.
 */
function reportValidator(): ValidateFunction<Report> {
  compiled ??= new Ajv({ allErrors: false, strict: false }).compile<Report>(REPORT_SCHEMA);
  return compiled;
}

/**
 * Checks `doc` against the report schema once: the document as a Report when it matches, else
 * the first way it differs, as `models[0].size.bytes must be number (schema/report.schema.json)`.
 */
export function checkReportSchema(doc: unknown): { report: Report } | { problem: string } {
  const validate = reportValidator();
  if (validate(doc)) return { report: doc };
  const e = validate.errors?.[0];
  if (!e) return { problem: 'does not match the report schema' };
  // instancePath is a JSON pointer (/models/0/size/bytes): shown as models[0].size.bytes.
  const where = e.instancePath
    .split('/')
    .slice(1)
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p.replace(/~1/g, '/').replace(/~0/g, '~')}`))
    .join('')
    .replace(/^\./, '');
  // Ajv's params for `required` and `enum` (https://ajv.js.org/api.html#error-parameters).
  const params: Record<string, unknown> = e.params;
  const allowed = params.allowedValues;
  const detail =
    e.keyword === 'required'
      ? `is missing \`${String(params.missingProperty)}\``
      : e.keyword === 'enum' && Array.isArray(allowed)
        ? `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`
        : (e.message ?? 'is invalid');
  return { problem: `${where || 'the report'} ${detail} (schema/report.schema.json)` };
}
