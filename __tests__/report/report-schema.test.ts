/**
 * schema/report.schema.json is generated from the report types (scripts/generate-report-schema.ts)
 * and cannot drift from them; `merge` and `--baseline` validate against it.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { buildReportSchema, reportSchemaJson, reportSchemaModule } from '../../scripts/generate-report-schema.js';
import { readReport as loadBaselineReport } from '../../src/report/read.js';
import { checkReportSchema } from '../../src/report/validate.js';
import { failReport, passReport } from '../github/fixtures/reports.js';

/** The schema check's first problem, or null when the document matches. */
function reportSchemaProblem(doc: unknown): string | null {
  const checked = checkReportSchema(doc);
  return 'problem' in checked ? checked.problem : null;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const SCHEMA_FILE = `${root}schema/report.schema.json`;
const MODULE_FILE = `${root}src/report/schema.generated.ts`;

describe('the report schema', () => {
  const schema = buildReportSchema(`${root}src/report/types.ts`);

  it('the shipped files are the ones generated from the types (UPDATE_SCHEMA=1 rewrites them)', () => {
    if (process.env.UPDATE_SCHEMA === '1') {
      writeFileSync(SCHEMA_FILE, reportSchemaJson(schema));
      writeFileSync(MODULE_FILE, reportSchemaModule(schema));
    }
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(reportSchemaJson(schema));
    expect(readFileSync(MODULE_FILE, 'utf8')).toBe(reportSchemaModule(schema));
  });

  it('compiles strictly (draft-07) and describes the contract fields and the new ones', () => {
    const validate = new Ajv({ allErrors: true, strictTypes: true, strictTuples: true }).compile(
      JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object,
    );
    for (const r of [passReport(), failReport()]) expect(validate(JSON.parse(JSON.stringify(r)))).toBe(true);
    const defs = (schema as { definitions: Record<string, { properties: Record<string, unknown>; required?: string[] }> })
      .definitions;
    expect(defs.ModelReport.required).toEqual(expect.arrayContaining(['name', 'path', 'size', 'flops', 'budgets']));
    expect(Object.keys(defs.ModelReport.properties)).toEqual(
      expect.arrayContaining(['flopsByOp', 'flopsUncounted', 'flopsControlFlow', 'advice']),
    );
    expect(Object.keys(defs.AdviceDeltas.properties)).toEqual(
      expect.arrayContaining(['latencyP50PctCi95', 'energyPctCi95', 'latencyP50Change']),
    );
    expect(defs.BudgetResult.properties.status).toEqual({ enum: ['pass', 'warn', 'fail', 'inconclusive'] });
  });

  it('accepts real reports (NaN written as null) and names the first field that is wrong', () => {
    const r = JSON.parse(JSON.stringify(failReport())) as Record<string, unknown> & { models: Array<Record<string, unknown>> };
    expect(reportSchemaProblem(r)).toBeNull();
    r.models[0].budgets = [{ metric: 'x', kind: 'absolute', limit: 1, value: Number.NaN, baseline: null, status: 'pass' }];
    expect(reportSchemaProblem(JSON.parse(JSON.stringify(r)))).toBeNull();
    r.models[0].budgets = [{ metric: 'x', kind: 'absolute', limit: 1, value: 1, baseline: null, status: 'great' }];
    expect(reportSchemaProblem(r)).toBe(
      'models[0].budgets[0].status must be one of "pass", "warn", "fail", "inconclusive" (schema/report.schema.json)',
    );
    r.models[0].budgets = [];
    r.models[0].flopsByOp = { Gemm: 'many' };
    expect(reportSchemaProblem(r)).toMatch(/^models\[0\]\.flopsByOp\.Gemm must be number,null/);
  });

  it('--baseline (and merge, which reads reports the same way) refuses a report that does not match, naming the field', async () => {
    const r = JSON.parse(JSON.stringify(passReport())) as { models: Array<{ inference: { runs: unknown } }> };
    r.models[0].inference.runs = 'lots';
    await expect(loadBaselineReport('base.json', async () => JSON.stringify(r))).rejects.toThrow(
      /^--baseline base\.json: models\[0\]\.inference\.runs must be number,null \(schema\/report\.schema\.json\)/,
    );
  });
});
