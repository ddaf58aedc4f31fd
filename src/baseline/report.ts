/**
 * `--baseline report.json`: a report written by an earlier `energy-budget run --json`, read
 * and checked (schema version, the fields the budget checks read, then the whole report
 * against schema/report.schema.json), and a list of the ways its
 * environment differs from this run's, since a baseline from another machine, thread count,
 * onnxruntime version or energy meter compares more than the model.
 */
import type { BudgetConfig } from '../config/types.js';
import { InputError, messageOf, errnoCode } from '../errors.js';
import type { EnvironmentInfo, ModelReport, Report } from '../report/types.js';
import { matchesReportSchema, reportSchemaProblem } from '../report/validate.js';
import { readTextFile, type ReadTextFile } from '../util/read-text.js';

/** The report schema version this build reads. */
export const SUPPORTED_SCHEMA_VERSION = 1;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Checks the fields the budget checks read; returns the first problem as `path: what`. */
function checkModel(m: unknown, at: string): string | null {
  if (!isRecord(m)) return `${at}: expected an object`;
  if (typeof m.name !== 'string' || m.name === '') return `${at}.name: expected the model's name (a string)`;
  // Models the earlier run could not measure, or listed as removed, carry no figures.
  if (m.error !== undefined || m.change === 'removed') return null;
  const num = (v: unknown, path: string, optional = false): string | null =>
    v === undefined && optional
      ? null
      : typeof v === 'number' && Number.isFinite(v)
        ? null
        : `${path}: expected a number, got ${v === undefined ? 'nothing' : JSON.stringify(v)}`;
  const problems: Array<string | null> = [];
  if (!isRecord(m.size)) problems.push(`${at}.size: expected { bytes, parameters }`);
  else problems.push(num(m.size.bytes, `${at}.size.bytes`), num(m.size.parameters, `${at}.size.parameters`));
  problems.push(num(m.flops, `${at}.flops`));
  if (m.inference !== undefined) {
    const inf = m.inference;
    if (!isRecord(inf) || !isRecord(inf.latencyMs)) problems.push(`${at}.inference.latencyMs: expected { p50, p95, p99, mean }`);
    else {
      for (const k of ['p50', 'p95', 'p99', 'mean']) problems.push(num(inf.latencyMs[k], `${at}.inference.latencyMs.${k}`));
      problems.push(num(inf.throughput, `${at}.inference.throughput`));
      if (inf.energy !== undefined) {
        if (!isRecord(inf.energy)) problems.push(`${at}.inference.energy: expected an object`);
        else
          problems.push(
            num(inf.energy.joulesPerInference, `${at}.inference.energy.joulesPerInference`),
            num(inf.energy.joulesPerSample, `${at}.inference.energy.joulesPerSample`),
          );
      }
    }
  }
  if (m.training !== undefined) {
    const t = m.training;
    if (!isRecord(t) || !isRecord(t.stepMs)) problems.push(`${at}.training.stepMs: expected { p50, mean }`);
    else problems.push(num(t.stepMs.mean, `${at}.training.stepMs.mean`));
  }
  return problems.find((p) => p !== null) ?? null;
}

/**
 * Reads and checks a baseline report.
 * @throws InputError INPUT_INVALID (exit 2) naming the file and the field when it is missing,
 * not JSON, of another schema version, or lacks the figures the budget checks read.
 */
export async function loadBaselineReport(
  path: string,
  readFile: ReadTextFile = readTextFile,
  /** How the file was given, for messages: `--baseline` for run, `merge` for the merge command. */
  givenAs = '--baseline',
): Promise<Report> {
  const how = "Expected a report written by `energy-budget run --json FILE` (for example an artifact of the base branch's run).";
  let text: string;
  try {
    text = await readFile(path);
  } catch (error) {
    const code = errnoCode(error);
    const what =
      code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder' : `cannot be read (${messageOf(error)})`;
    throw new InputError('INPUT_INVALID', `${givenAs} ${path}: the file ${what}. ${how}`, { cause: error });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new InputError('INPUT_INVALID', `${givenAs} ${path}: not valid JSON (${messageOf(error)}). ${how}`, {
      cause: error,
    });
  }
  const fail = (problem: string): never => {
    throw new InputError('INPUT_INVALID', `${givenAs} ${path}: ${problem}. ${how}`);
  };
  if (!isRecord(doc)) return fail('expected a JSON object at the top level');
  if (doc.schemaVersion !== SUPPORTED_SCHEMA_VERSION) {
    fail(
      doc.schemaVersion === undefined
        ? 'schemaVersion is missing, so this is not an energy-budget report'
        : `schemaVersion ${JSON.stringify(doc.schemaVersion)} is not supported by this version (it reads ${SUPPORTED_SCHEMA_VERSION}); re-create the baseline with the same energy-budget version`,
    );
  }
  if (!isRecord(doc.environment)) fail('environment: expected an object with cpu, logicalCpus, os, node, onnxruntime');
  if (!Array.isArray(doc.models)) return fail('models: expected a list of models');
  const models: unknown[] = doc.models;
  const names = new Set<string>();
  models.forEach((m, i) => {
    const problem = checkModel(m, `models[${i}]`);
    if (problem) fail(problem);
    // checkModel has found an object with a `name` string.
    const name = isRecord(m) ? String(m.name) : '';
    if (names.has(name)) fail(`models[${i}].name: "${name}" appears twice`);
    names.add(name);
  });
  // Everything else the report carries, against the schema generated from the report types.
  if (!matchesReportSchema(doc)) return fail(reportSchemaProblem(doc) ?? 'does not match the report schema');
  return doc;
}

function describeThreads(m: ModelReport | undefined): number | undefined {
  return m?.inference?.threads;
}

/**
 * The ways the baseline's environment differs from this run's (CPU, logical CPUs, OS,
 * onnxruntime version, device, and per model the thread count and energy method), as warnings.
 * `config` supplies this run's threads and meter choice before anything is measured.
 */
export function environmentDifferences(
  base: Pick<Report, 'environment' | 'models'>,
  head: { environment: EnvironmentInfo; models?: readonly ModelReport[] },
  config?: Pick<BudgetConfig, 'models'>,
): string[] {
  const out: string[] = [];
  const a: Partial<EnvironmentInfo> = base.environment ?? {};
  const b = head.environment;
  const differ = (label: string, x: unknown, y: unknown, consequence: string) => {
    if (x !== undefined && y !== undefined && x !== y)
      out.push(`the baseline was measured ${label} ${JSON.stringify(x)}, this run ${label} ${JSON.stringify(y)}: ${consequence}`);
  };
  const perf = 'latency and energy are not comparable across them, so regression checks compare machines as much as models';
  differ('on CPU', a.cpu, b.cpu, perf);
  differ('with logical CPUs', a.logicalCpus, b.logicalCpus, perf);
  differ('on device', a.device, b.device, perf);
  differ('with onnxruntime', a.onnxruntime, b.onnxruntime, 'kernels and threading differ between versions');
  differ('on OS', a.os, b.os, 'scheduling and timers differ');

  const headByName = new Map((head.models ?? []).map((m) => [m.name, m]));
  const cfgByName = new Map((config?.models ?? []).map((m) => [m.name, m]));
  for (const bm of base.models ?? []) {
    const hm = headByName.get(bm.name);
    const cfg = cfgByName.get(bm.name);
    const bt = describeThreads(bm);
    const ht = describeThreads(hm) ?? cfg?.threads;
    if (bt !== undefined && ht !== undefined && bt !== ht) {
      out.push(
        `${bm.name}: the baseline ran with ${bt} thread${bt === 1 ? '' : 's'}, this run with ${ht}: latency and energy are not comparable`,
      );
    }
    const bMethod = bm.inference?.energy?.method;
    const hMethod = hm?.inference?.energy?.method ?? (cfg && cfg.energy !== 'auto' ? cfg.energy : undefined);
    if (bMethod !== undefined && hMethod !== undefined && bMethod !== hMethod) {
      out.push(
        `${bm.name}: the baseline's energy came from ${bMethod}, this run's from ${hMethod}: energy figures from different meters are not comparable`,
      );
    }
  }
  return out;
}
