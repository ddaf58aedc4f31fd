/**
 * Reading Callgrind's output file (format: valgrind.org/docs/manual/cl-format.html). Only the
 * header and the totals matter here: the `events:` line names the counters, and `summary:` or
 * `totals:` gives the whole run's count of each. A file can hold several parts (one per dump);
 * every part is returned. Pure.
 */

/** One part (dump) of a Callgrind file: event totals by event name (`Ir`, `Dr`, `D1mr`, …). */
export interface CallgrindPart {
  /** Counts by event name; every event of the `events:` line is present. */
  totals: Record<string, number>;
  /** What ended the part, e.g. `Program termination` (the `desc: Trigger:` line). */
  trigger?: string;
}

/** A parsed Callgrind file. */
export interface CallgrindProfile {
  /** Event names in file order (`Ir`, or `Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw` with the cache simulator). */
  events: string[];
  parts: CallgrindPart[];
  /** The profiled command line (`cmd:`), when given. */
  command?: string;
}

/** A Callgrind file that cannot be read; the message says what was missing where. */
export class CallgrindFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CallgrindFormatError';
  }
}

function parseCounts(line: string, events: string[], lineNo: number): Record<string, number> {
  const fields = line.trim().split(/\s+/);
  if (fields.length > events.length || fields.some((f) => !/^\d+$/.test(f))) {
    throw new CallgrindFormatError(
      `line ${lineNo}: expected up to ${events.length} whole numbers (${events.join(' ')}), got \`${line.trim()}\``,
    );
  }
  // Trailing counts may be left out; they are zero (the format's rule for cost lines).
  const out: Record<string, number> = {};
  events.forEach((e, i) => (out[e] = fields[i] === undefined ? 0 : Number(fields[i])));
  return out;
}

/**
 * Parses a Callgrind output file's header lines and totals.
 * @throws CallgrindFormatError when there is no `events:` line or a part has no totals.
 */
export function parseCallgrind(text: string): CallgrindProfile {
  const profile: CallgrindProfile = { events: [], parts: [] };
  let current: { summary?: Record<string, number>; totals?: Record<string, number>; trigger?: string } | null = null;
  const close = (): void => {
    if (!current) return;
    const totals = current.totals ?? current.summary;
    if (!totals)
      throw new CallgrindFormatError(`part ${profile.parts.length + 1} has neither a \`summary:\` nor a \`totals:\` line`);
    profile.parts.push({ totals, ...(current.trigger ? { trigger: current.trigger } : {}) });
    current = null;
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    // Header and summary lines start with a lower-case key and a colon; cost lines with digits or '+'.
    const m = /^([a-z]+):\s?(.*)$/.exec(line);
    if (!m) continue;
    const [, key, value] = m as unknown as [string, string, string];
    switch (key) {
      case 'cmd':
        profile.command ??= value.trim();
        break;
      case 'part':
        close();
        current = {};
        break;
      case 'events':
        profile.events = value.trim().split(/\s+/);
        current ??= {};
        break;
      case 'desc': {
        const t = /^Trigger:\s*(.*)$/.exec(value.trim());
        if (t) (current ??= {}).trigger = t[1];
        break;
      }
      case 'summary':
      case 'totals': {
        if (!profile.events.length) throw new CallgrindFormatError(`line ${i + 1}: \`${key}:\` before any \`events:\` line`);
        current ??= {};
        current[key === 'summary' ? 'summary' : 'totals'] = parseCounts(value, profile.events, i + 1);
        break;
      }
    }
  }
  close();
  if (!profile.events.length) throw new CallgrindFormatError('no `events:` line: this is not a Callgrind output file');
  return profile;
}

/** The sum of every part's totals, by event. */
export function sumParts(parts: readonly CallgrindPart[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of parts) for (const [k, v] of Object.entries(p.totals)) out[k] = (out[k] ?? 0) + v;
  return out;
}
