/**
 * The one reader of report JSON files written by `energy-budget run --json` (or the action's
 * `report-json`): `merge`, `--baseline`, `history` and the action's comment mode all read
 * reports here, so they accept and refuse the same files with the same messages. In order:
 * the size is checked before a byte is read (50 MB at most), the text is parsed, then checked:
 * that it is a report at all (an object, `schemaVersion` 1, a `models` list), the fields the
 * budget checks read, unique model names, then the whole document against
 * schema/report.schema.json (report/validate.ts).
 */
import { open } from 'node:fs/promises';
import { InputError, messageOf, errnoCode } from '../errors.js';
import { isJsonObject } from '../util/json-object.js';
import type { ReadTextFile } from '../util/read-text.js';
import type { Report } from './types.js';
import { checkReportSchema } from './validate.js';

/** The report schema version this build reads. */
export const SUPPORTED_SCHEMA_VERSION = 1;
/** The biggest report JSON any path reads, bytes. */
export const MAX_REPORT_BYTES = 50 * 1024 * 1024;

/**
 * Why a file was refused: it could not be read, is over 50 MB, is not JSON, is not a report
 * at all (not an object with `schemaVersion` 1 and a `models` list), or is a report whose
 * fields do not match what this version writes (`invalid`).
 */
export type ReportFault = 'unreadable' | 'too-large' | 'not-json' | 'not-a-report' | 'invalid';

/** What the reader made of a file: the checked report, or why it refused it. */
export type ReportReading =
  | { ok: true; report: Report }
  | {
      ok: false;
      fault: ReportFault;
      /** Each problem as `field: what was expected` (or what is wrong with the file). */
      problems: string[];
      /** The one-line message: `<given as> <file>: <problem>. <how to fix>`. */
      message: string;
    };

/** How the file was given (for messages) and, for tests, how it is read. */
export interface ReportSource {
  /** `--baseline`, `merge`, `history --head`, `` `report-json` ``: starts every message. */
  givenAs?: string;
  /** Reads the file's text; the default reads at most MAX_REPORT_BYTES, checking the size first. */
  readFile?: ReadTextFile;
}

/** The fix named in every message. */
export const REPORT_HOW =
  "Expected a report written by `energy-budget run --json FILE` (for example an artifact of the base branch's run).";

/** A refusal before it is worded: the fault and the problem. */
interface Refusal {
  fault: ReportFault;
  problem: string;
}

const tooLarge = (size: number): Refusal => ({
  fault: 'too-large',
  problem: `the file is ${size} bytes, larger than 50 MB; refusing to read it`,
});

/** Reads at most MAX_REPORT_BYTES + 1 bytes; the size is checked before reading, and again after. */
async function readBounded(file: string): Promise<string | Refusal> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_REPORT_BYTES) return tooLarge(size);
    const buffer = Buffer.alloc(Math.min(size, MAX_REPORT_BYTES) + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > MAX_REPORT_BYTES)
      return { fault: 'too-large', problem: 'the file grew past 50 MB while it was read; refusing to read it' };
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** A value as a message shows it: JSON, cut at 80 characters (a hostile file's value may be huge). */
function shown(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

/** Checks the fields the budget checks read; returns the first problem as `path: what`. */
function checkModel(m: unknown, at: string): string | null {
  if (!isJsonObject(m)) return `${at}: expected an object`;
  if (typeof m.name !== 'string' || m.name === '') return `${at}.name: expected the model's name (a string)`;
  // Models the earlier run could not measure, or listed as removed, carry no figures.
  if (m.error !== undefined || m.change === 'removed') return null;
  const num = (v: unknown, path: string): string | null =>
    typeof v === 'number' && Number.isFinite(v)
      ? null
      : `${path}: expected a number, got ${v === undefined ? 'nothing' : shown(v)}`;
  const problems: Array<string | null> = [];
  if (!isJsonObject(m.size)) problems.push(`${at}.size: expected { bytes, parameters }`);
  else problems.push(num(m.size.bytes, `${at}.size.bytes`), num(m.size.parameters, `${at}.size.parameters`));
  problems.push(num(m.flops, `${at}.flops`));
  if (m.inference !== undefined) {
    const inf = m.inference;
    if (!isJsonObject(inf) || !isJsonObject(inf.latencyMs))
      problems.push(`${at}.inference.latencyMs: expected { p50, p95, p99, mean }`);
    else {
      for (const k of ['p50', 'p95', 'p99', 'mean']) problems.push(num(inf.latencyMs[k], `${at}.inference.latencyMs.${k}`));
      problems.push(num(inf.throughput, `${at}.inference.throughput`));
      if (inf.energy !== undefined) {
        if (!isJsonObject(inf.energy)) problems.push(`${at}.inference.energy: expected an object`);
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
    if (!isJsonObject(t) || !isJsonObject(t.stepMs)) problems.push(`${at}.training.stepMs: expected { p50, mean }`);
    else problems.push(num(t.stepMs.mean, `${at}.training.stepMs.mean`));
  }
  return problems.find((p) => p !== null) ?? null;
}

/** The checks after parsing: the report, or the first problem. */
function checkReport(doc: unknown): Report | Refusal {
  const notReport = (problem: string): Refusal => ({ fault: 'not-a-report', problem });
  const invalid = (problem: string): Refusal => ({ fault: 'invalid', problem });
  if (!isJsonObject(doc)) return notReport('expected a JSON object at the top level');
  if (doc.schemaVersion !== SUPPORTED_SCHEMA_VERSION) {
    return notReport(
      doc.schemaVersion === undefined
        ? 'schemaVersion is missing, so this is not an energy-budget report'
        : `schemaVersion ${JSON.stringify(doc.schemaVersion)} is not supported by this version (it reads ${SUPPORTED_SCHEMA_VERSION}); re-create the report with the same energy-budget version`,
    );
  }
  if (!Array.isArray(doc.models)) return notReport('models: expected a list of models');
  if (!isJsonObject(doc.environment))
    return invalid('environment: expected an object with cpu, logicalCpus, os, node, onnxruntime');
  const models: unknown[] = doc.models;
  const names = new Set<string>();
  for (const [i, m] of models.entries()) {
    const problem = checkModel(m, `models[${i}]`);
    if (problem) return invalid(problem);
    const name = isJsonObject(m) && typeof m.name === 'string' ? m.name : '';
    if (names.has(name)) return invalid(`models[${i}].name: "${name}" appears twice`);
    names.add(name);
  }
  // Everything else the report carries, against the schema generated from the report types.
  const schema = checkReportSchema(doc);
  return 'report' in schema ? schema.report : invalid(schema.problem);
}

/**
 * Reads and checks a report file; never throws for a bad file (the reading says why).
 * Unreadable, oversized, non-JSON files and files that are not reports at all come back with
 * their fault, like reports whose fields do not match the schema (`invalid`).
 */
export async function readReportFile(file: string, source: ReportSource = {}): Promise<ReportReading> {
  const givenAs = source.givenAs ?? '--baseline';
  const refuse = (fault: ReportFault, problem: string): ReportReading => ({
    ok: false,
    fault,
    problems: [problem],
    message: `${givenAs} ${file}: ${problem}. ${REPORT_HOW}`,
  });
  let text: string | Refusal;
  try {
    text = source.readFile ? await source.readFile(file) : await readBounded(file);
  } catch (error) {
    const code = errnoCode(error);
    const what =
      code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder' : `cannot be read (${messageOf(error)})`;
    return refuse('unreadable', `the file ${what}`);
  }
  // An injected reader (tests, stored runs) has read the text already: its size is checked after.
  if (typeof text === 'string' && Buffer.byteLength(text, 'utf8') > MAX_REPORT_BYTES)
    text = tooLarge(Buffer.byteLength(text, 'utf8'));
  if (typeof text !== 'string') return refuse(text.fault, text.problem);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return refuse('not-json', `not valid JSON (${messageOf(error)})`);
  }
  const checked = checkReport(doc);
  return 'fault' in checked ? refuse(checked.fault, checked.problem) : { ok: true, report: checked };
}

/**
 * Reads and checks a report, for `merge`, `--baseline` and `history`.
 * @throws InputError INPUT_INVALID (exit 2) naming the file and the field when it is missing,
 * over 50 MB, not JSON, of another schema version, or does not match the report schema.
 */
export async function readReport(
  file: string,
  readFile?: ReadTextFile,
  /** How the file was given, for messages: `--baseline` for run, `merge` for the merge command. */
  givenAs = '--baseline',
): Promise<Report> {
  const reading = await readReportFile(file, { readFile, givenAs });
  if (reading.ok) return reading.report;
  throw new InputError('INPUT_INVALID', reading.message);
}
