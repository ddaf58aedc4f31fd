/**
 * Validates a parsed report against schema/report.schema.json (generated from the report types:
 * scripts/generate-report-schema.ts), for `merge` and `--baseline`, which read reports other
 * runs wrote.
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

/** Whether `doc` matches the report schema; narrows it to a Report. */
export function matchesReportSchema(doc: unknown): doc is Report {
  return reportValidator()(doc);
}

/**
 * The first way `doc` differs from the report schema, as `models[0].size.bytes: must be number`,
 * or null when it matches.
 */
export function reportSchemaProblem(doc: unknown): string | null {
  const validate = reportValidator();
  if (validate(doc)) return null;
  const e = validate.errors?.[0];
  if (!e) return 'does not match the report schema';
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
  return `${where || 'the report'} ${detail} (schema/report.schema.json)`;
}
