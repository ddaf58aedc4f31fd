/**
 * Reports from untrusted code: the comment mode reads a report JSON that a fork's workflow
 * produced (an artifact), so every field may be hostile. This module bounds what is read
 * (the size is checked before reading) and turns the parsed JSON into a report the renderers
 * can take without crashing or misleading: entries that are not objects are dropped, long
 * lists and strings are cut with a note, statuses that are not one of the four are shown as
 * inconclusive, and the verdict is derived from the rows (a forged `verdict: pass` cannot
 * head a table of failures).
 */
import { open } from 'node:fs/promises';
import { overallVerdict } from '../compare/budgets.js';
import { InputError, messageOf, errnoCode } from '../errors.js';
import type { BudgetStatus, Report, Verdict } from './types.js';
import { isOneOf } from '../util/one-of.js';

/** The biggest report JSON the comment mode reads, bytes. */
export const MAX_REPORT_BYTES = 50 * 1024 * 1024;
/** Most entries kept from any one list of a report (models, budgets, notices, advice, …). */
export const MAX_LIST = 500;
/** Longest string kept from a report, characters. */
export const MAX_STRING = 4000;

const STATUSES: readonly BudgetStatus[] = ['pass', 'warn', 'fail', 'inconclusive'];
const VERDICTS: readonly Verdict[] = ['pass', 'warn', 'fail', 'incomplete'];

type Json = Record<string, unknown>;

function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Own-key membership: `constructor` and `toString` are not statuses. */
function oneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return isOneOf(allowed, value);
}

function cutString(s: string): string {
  return s.length > MAX_STRING ? `${s.slice(0, MAX_STRING)}… (cut)` : s;
}

/** Objects only, at most MAX_LIST; `dropped` counts what was left out. */
function objects(list: unknown, what: string, notes: string[]): Json[] {
  if (!Array.isArray(list)) return [];
  const kept: Json[] = [];
  let skipped = 0;
  for (let i = 0; i < list.length; i++) {
    const x: unknown = list[i];
    if (!isObject(x)) skipped++;
    else if (kept.length < MAX_LIST) kept.push(x);
    else skipped++;
  }
  if (skipped) notes.push(`${skipped} ${what} of the report were not shown (not objects, or past the first ${MAX_LIST}).`);
  return kept;
}

/** Strings only, at most MAX_LIST, each cut at MAX_STRING; a last line says how many were left out. */
function strings(list: unknown): string[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const out: string[] = [];
  let skipped = 0;
  for (let i = 0; i < list.length; i++) {
    const x: unknown = list[i];
    if (typeof x === 'string' && out.length < MAX_LIST) out.push(cutString(x));
    else skipped++;
  }
  if (skipped) out.push(`… ${skipped} more entries not shown`);
  return out;
}

/** A flat record of strings and finite numbers (the environment), anything else dropped. */
function flat(value: unknown): Json {
  const out: Json = {};
  if (!isObject(value)) return out;
  for (const [k, v] of Object.entries(value).slice(0, 100)) {
    if (typeof v === 'string') out[k] = cutString(v);
    else if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
    else if (typeof v === 'boolean') out[k] = v;
  }
  return out;
}

function cleanBudget(b: Json): Json {
  return {
    ...b,
    metric: typeof b.metric === 'string' ? b.metric.slice(0, 200) : '',
    status: oneOf(b.status, STATUSES) ? b.status : 'inconclusive',
  };
}

function cleanModel(m: Json, notes: string[]): Json {
  const out: Json = { ...m, name: typeof m.name === 'string' ? m.name.slice(0, 500) : '' };
  out.budgets = objects(m.budgets, `budget rows of "${String(out.name).slice(0, 80)}"`, notes).map(cleanBudget);
  if ('notices' in m) out.notices = strings(m.notices) ?? [];
  if ('advice' in m) out.advice = objects(m.advice, 'advice entries', notes);
  if ('error' in m)
    out.error = isObject(m.error)
      ? {
          code: typeof m.error.code === 'string' ? m.error.code.slice(0, 80) : 'UNKNOWN',
          message: typeof m.error.message === 'string' ? cutString(m.error.message) : '',
        }
      : undefined;
  return out;
}

const SEVERITY: Record<Verdict, number> = { pass: 0, warn: 1, incomplete: 2, fail: 3 };

/**
 * A report the renderers can take from parsed, untrusted JSON (already known to be an object
 * with `schemaVersion: 1`, a `verdict` and a `models` array). Fields this module does not know
 * are kept as they are; the renderers read them defensively.
 */
export function sanitizeReport(data: Json): Report {
  const notes: string[] = [];
  const models = objects(data.models, 'model entries', notes).map((m) => cleanModel(m, notes));
  const claimed: Verdict = oneOf(data.verdict, VERDICTS) ? data.verdict : 'fail';
  // The run's own rule (statuses already carry the budget file's `inconclusive:` policy).
  const derived = overallVerdict(models);
  // The stricter of the two: a claimed pass never hides a failed row.
  const verdict = SEVERITY[derived] > SEVERITY[claimed] ? derived : claimed;
  const out: Json = {
    ...data,
    verdict,
    environment: flat(data.environment),
    models,
  };
  if ('budgetChanges' in data) out.budgetChanges = objects(data.budgetChanges, 'budget changes', notes);
  // The fields merge checks shards with (issue 21): kept only in their documented shapes.
  const shard = data.shard;
  const posInt = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 1;
  if (isObject(shard) && posInt(shard.index) && posInt(shard.count) && shard.index <= shard.count)
    out.shard = { index: shard.index, count: shard.count };
  else delete out.shard;
  if (typeof data.commit !== 'string' || !/^[0-9a-f]{7,64}$/i.test(data.commit)) delete out.commit;
  if (typeof data.modelsDigest !== 'string' || !/^sha256:[0-9a-f]{1,64}$/.test(data.modelsDigest)) delete out.modelsDigest;
  const configModels = strings(data.configModels);
  if (configModels) out.configModels = configModels;
  else delete out.configModels;
  const inc = data.incomplete;
  const missingShards = isObject(inc) ? strings(inc.missingShards) : undefined;
  const missingModels = isObject(inc) ? strings(inc.missingModels) : undefined;
  if (missingShards && missingModels) out.incomplete = { missingShards, missingModels };
  else delete out.incomplete;
  if (isObject(data.baseline)) {
    const warnings = strings(data.baseline.warnings);
    out.baseline = { ...data.baseline, ...(warnings ? { warnings } : {}) };
  }
  if (notes.length && models[0]) {
    const first = models[0];
    // cleanModel left `notices` absent or a list of strings.
    first.notices = [...(Array.isArray(first.notices) ? first.notices : []), ...notes];
  }
  // Trust boundary: untrusted JSON given the Report type after the checks of readUntrustedReport
  // (schemaVersion 1, a verdict, models with a name and budgets) and the cleaning above; fields
  // not cleaned here are read defensively by the renderers.
  return out as unknown as Report;
}

/**
 * Reads an untrusted report file: its size is checked before a byte is read (and the read
 * stops at the cap even if the file grows meanwhile), then parsed and sanitised.
 * @throws InputError INPUT_INVALID for an unreadable, oversized, non-JSON or non-report file.
 */
export async function readUntrustedReport(file: string, what = 'given as `report-json`'): Promise<Report> {
  let text: string;
  try {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      if (size > MAX_REPORT_BYTES)
        throw new InputError('INPUT_INVALID', `The report ${file} is ${size} bytes, larger than 50 MB; refusing to read it.`);
      const buffer = Buffer.alloc(Math.min(size, MAX_REPORT_BYTES) + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      if (bytesRead > MAX_REPORT_BYTES)
        throw new InputError('INPUT_INVALID', `The report ${file} grew past 50 MB while it was read; refusing to read it.`);
      text = buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(
      'INPUT_INVALID',
      `The report ${file} ${what} could not be read (${errnoCode(error) ?? String(error)}). ` +
        "In the comment mode, download the first workflow's report artifact first (actions/download-artifact) and pass its path.",
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError('INPUT_INVALID', `The report ${file} is not valid JSON: ${messageOf(error)}.`);
  }
  if (!isObject(data) || data.schemaVersion !== 1 || !Array.isArray(data.models) || !oneOf(data.verdict, VERDICTS)) {
    throw new InputError(
      'INPUT_INVALID',
      `The report ${file} is not an energy-budget report: expected an object with "schemaVersion": 1, a "verdict" and a "models" array (written by \`report-json\` or \`energy-budget run --json\`).`,
    );
  }
  for (const m of data.models) {
    if (!isObject(m) || typeof m.name !== 'string' || !Array.isArray(m.budgets)) {
      throw new InputError(
        'INPUT_INVALID',
        `The report ${file} has a model entry without a "name" string and a "budgets" array.`,
      );
    }
  }
  return sanitizeReport(data);
}
