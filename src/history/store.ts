/**
 * The history store's file format: JSON Lines, one record per run, oldest first, one file per
 * budget file (`history/<budget file>.jsonl` on the data branch). Pure.
 */
import { InputError, messageOf } from '../errors.js';
import { parseRecord, type HistoryRecord } from './record.js';

/** The data branch's default name. */
export const DEFAULT_HISTORY_BRANCH = 'energy-budget-data';
/** Runs kept per budget file by default. */
export const DEFAULT_HISTORY_LIMIT = 500;

/**
 * The path of the JSONL file for a budget file (workspace-relative, forward slashes).
 * @throws InputError for a path that leaves the folder (`..`) or is empty.
 */
export function historyPath(configKey: string): string {
  const parts = configKey.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.some((p) => p === '..'))
    throw new InputError(
      'INPUT_INVALID',
      `The budget file path "${configKey}" cannot name a history file: it must stay inside the workspace.`,
    );
  return `history/${parts.join('/')}.jsonl`;
}

export interface ParsedHistory {
  records: HistoryRecord[];
  /** One line per line that was skipped: `line N: reason`. */
  skipped: string[];
}

/** Parses a JSONL file; bad lines are skipped with a reason, never fatal. */
export function parseHistory(text: string): ParsedHistory {
  const records: HistoryRecord[] = [];
  const skipped: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      skipped.push(`line ${i + 1}: not JSON (${messageOf(error)})`);
      return;
    }
    const r = parseRecord(value);
    if ('error' in r) skipped.push(`line ${i + 1}: ${r.error}`);
    else records.push(r);
  });
  return { records, skipped };
}

/** Serialises records as JSON Lines (a trailing newline). */
export function serializeHistory(records: readonly HistoryRecord[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}

/**
 * Appends a record and keeps the newest `limit` records. A record for a commit and run already
 * with the same models replaces it (a re-run of the same workflow run does not add a second point).
 */
export function appendRecord(records: readonly HistoryRecord[], record: HistoryRecord, limit: number): HistoryRecord[] {
  // Shards of one job matrix share the commit and run but not the models: all are kept.
  const models = (r: HistoryRecord) => r.models.map((m) => m.name).join('\n');
  const kept = records.filter(
    (r) => !(r.sha === record.sha && (r.runId ?? '') === (record.runId ?? '') && models(r) === models(record)),
  );
  kept.push(record);
  return kept.slice(Math.max(0, kept.length - Math.max(1, limit)));
}
