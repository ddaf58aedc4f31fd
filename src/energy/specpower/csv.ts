/**
 * Reads the SPECpower extracts (data/specpower/*.csv) into typed rows. Pure: text in, rows out;
 * every problem names the file, line and column and what was expected.
 */
import { InputError } from '../../errors.js';

/** Splits CSV text (RFC 4180: quoted fields, doubled quotes, CRLF) into rows of fields with their line numbers. */
export function parseCsv(text: string, file: string): Array<{ line: number; fields: string[] }> {
  const rows: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.length > 1 || fields[0] !== '') rows.push({ line: rowLine, fields });
      fields = [];
      field = '';
      line++;
      rowLine = line;
    } else {
      field += c;
    }
  }
  if (quoted) throw new InputError('INPUT_INVALID', `${file}:${rowLine}: a quoted field is never closed; close it with '"'.`);
  if (field !== '' || fields.length) {
    fields.push(field);
    rows.push({ line: rowLine, fields });
  }
  return rows;
}

/** Load levels of the eleven-level table, percent, ascending (0 = active idle). */
export const LOAD_LEVELS = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100] as const;

/** One SPECpower result. `wattsByLevel` follows LOAD_LEVELS; the full-and-idle table has only idle and 100%. */
export interface SpecpowerResult {
  table: 'eleven-level' | 'full-and-idle';
  /** File and line it came from, for messages. */
  where: string;
  hwVendor: string;
  system: string;
  cpuName: string;
  chips: number;
  cores: number;
  threads: number;
  /** Publication date as written ("Mar 15, 2021" or "Mar-2021"). */
  published: string;
  /** Whole-server wall watts at LOAD_LEVELS (eleven-level table). */
  wattsByLevel?: number[];
  idleW: number;
  fullW: number;
}

function table(text: string, file: string, required: string[]) {
  const rows = parseCsv(text, file);
  if (rows.length === 0)
    throw new InputError('INPUT_INVALID', `${file} is empty; expected a header line with ${required.join(', ')}.`);
  const header = rows[0].fields.map((h) => h.trim());
  const missing = required.filter((r) => !header.includes(r));
  if (missing.length) {
    throw new InputError(
      'INPUT_INVALID',
      `${file}:1: the header lacks ${missing.join(', ')}; expected the columns of the SPECpower extract (see data/specpower/README.md).`,
    );
  }
  return rows.slice(1).map(({ line, fields }) => {
    const get = (name: string): string => fields[header.indexOf(name)]?.trim() ?? '';
    const num = (name: string): number => {
      const v = get(name);
      const n = Number(v);
      if (v === '' || !Number.isFinite(n) || n <= 0) {
        throw new InputError(
          'INPUT_INVALID',
          `${file}:${line}: column ${name} is "${v}"; expected a positive number (watts, or a count).`,
        );
      }
      return n;
    };
    return { line, get, num };
  });
}

const ELEVEN = ['w_idle', 'w_10', 'w_20', 'w_30', 'w_40', 'w_50', 'w_60', 'w_70', 'w_80', 'w_90', 'w_100'];

/**
 * Parses the eleven-level extract (specpower-ssj2008.csv).
 * @throws InputError naming file, line and column for a missing column or a non-positive number.
 */
export function parseElevenLevel(text: string, file: string): SpecpowerResult[] {
  return table(text, file, ['hw_vendor', 'hw_model', 'cpu_name', 'chips', 'cores', 'threads', 'published', ...ELEVEN]).map(
    ({ line, get, num }) => {
      const watts = ELEVEN.map(num);
      return {
        table: 'eleven-level' as const,
        where: `${file}:${line}`,
        hwVendor: get('hw_vendor'),
        system: get('hw_model'),
        cpuName: get('cpu_name'),
        chips: num('chips'),
        cores: num('cores'),
        threads: num('threads'),
        published: get('published'),
        wattsByLevel: watts,
        idleW: watts[0],
        fullW: watts[10],
      };
    },
  );
}

/**
 * Parses the full-and-idle extract (specpower-full-and-idle.csv).
 * @throws InputError naming file, line and column for a missing column or a non-positive number.
 */
export function parseFullAndIdle(text: string, file: string): SpecpowerResult[] {
  return table(text, file, ['hw_vendor', 'system', 'cpu_name', 'chips', 'cores', 'threads', 'published', 'w_100', 'w_idle']).map(
    ({ line, get, num }) => ({
      table: 'full-and-idle' as const,
      where: `${file}:${line}`,
      hwVendor: get('hw_vendor'),
      system: get('system'),
      cpuName: get('cpu_name'),
      chips: num('chips'),
      cores: num('cores'),
      threads: num('threads'),
      published: get('published'),
      idleW: num('w_idle'),
      fullW: num('w_100'),
    }),
  );
}
