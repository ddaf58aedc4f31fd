/**
 * Reading Callgrind's output file (format: valgrind.org/docs/manual/cl-format.html). Only the
 * header and the totals matter here: the `events:` line names the counters, and `summary:` or
 * `totals:` gives the whole run's count of each. A file can hold several parts (one per dump);
 * every part is returned. Pure.
 */
import { InternalError } from '../errors.js';

/** One part (dump) of a Callgrind file: event totals by event name (`Ir`, `Dr`, `D1mr`, …). */
export interface CallgrindPart {
  /** Counts by event name; every event of the `events:` line is present. */
  totals: Record<string, number>;
  /** What ended the part, e.g. `Program termination` (the `desc: Trigger:` line). */
  trigger?: string;
  /** Self cost by object file (shared library), summed over its functions: `ob=` of each `fn=`. */
  byObject: Record<string, Record<string, number>>;
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
export class CallgrindFormatError extends InternalError {
  constructor(message: string) {
    super('ENVIRONMENT', message);
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
  let current: {
    summary?: Record<string, number>;
    totals?: Record<string, number>;
    trigger?: string;
    byObject: Record<string, Record<string, number>>;
  } | null = null;
  const close = (): void => {
    if (!current) return;
    const totals = current.totals ?? current.summary;
    if (!totals)
      throw new CallgrindFormatError(`part ${profile.parts.length + 1} has neither a \`summary:\` nor a \`totals:\` line`);
    profile.parts.push({ totals, ...(current.trigger ? { trigger: current.trigger } : {}), byObject: current.byObject });
    current = null;
  };
  // Name compression (`ob=(3) /lib/x.so`, later `ob=(3)`): ids per file.
  const objects = new Map<string, string>();
  let object = '???';
  let fnObject = '???';
  let afterCalls = false;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const ob = /^(c?)ob=(?:\((\d+)\))?\s*(.*)$/.exec(line);
    if (ob) {
      // `cob=` (a callee's object) shares the id table with `ob=` but does not change the current object.
      // Groups 1 and 3 always take part in a match; group 2 (the id) is optional.
      const callee = ob[1];
      const id: string | undefined = ob[2];
      const name = ob[3];
      if (id && name) objects.set(id, name);
      if (!callee) object = id ? (objects.get(id) ?? name) : name;
      continue;
    }
    if (line.startsWith('fn=')) {
      fnObject = object;
      continue;
    }
    if (line.startsWith('calls=')) {
      // The next cost line is the call's inclusive cost, charged to the caller: not self cost.
      afterCalls = true;
      continue;
    }
    if (/^([+*-]?\d|0x)/.test(line)) {
      if (afterCalls) {
        afterCalls = false;
        continue;
      }
      if (!current || !profile.events.length) continue;
      // A cost line: one position (`positions: line`), then the events in order.
      const fields = line.trim().split(/\s+/).slice(1);
      const acc = (current.byObject[fnObject] ??= {});
      profile.events.forEach((e, k) => {
        const v = Number(fields[k] ?? 0);
        if (Number.isFinite(v)) acc[e] = (acc[e] ?? 0) + v;
      });
      continue;
    }
    // Header and summary lines start with a lower-case key and a colon; cost lines with digits or '+'.
    const m = /^([a-z]+):\s?(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1];
    const value = m[2];
    switch (key) {
      case 'cmd':
        profile.command ??= value.trim();
        break;
      case 'part':
        close();
        current = { byObject: {} };
        break;
      case 'events':
        profile.events = value.trim().split(/\s+/);
        current ??= { byObject: {} };
        break;
      case 'desc': {
        const t = /^Trigger:\s*(.*)$/.exec(value.trim());
        if (t) (current ??= { byObject: {} }).trigger = t[1];
        break;
      }
      case 'summary':
      case 'totals': {
        if (!profile.events.length) throw new CallgrindFormatError(`line ${i + 1}: \`${key}:\` before any \`events:\` line`);
        current ??= { byObject: {} };
        current[key === 'summary' ? 'summary' : 'totals'] = parseCounts(value, profile.events, i + 1);
        break;
      }
    }
  }
  close();
  if (!profile.events.length) throw new CallgrindFormatError('no `events:` line: this is not a Callgrind output file');
  return profile;
}

/**
 * The self cost of the object files whose path matches `pattern`, by event (zero for every
 * event when none matches).
 */
export function objectCost(part: CallgrindPart, events: readonly string[], pattern: RegExp): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of events) out[e] = 0;
  for (const [ob, cost] of Object.entries(part.byObject)) {
    if (!pattern.test(ob)) continue;
    for (const [e, v] of Object.entries(cost)) out[e] = (out[e] ?? 0) + v;
  }
  return out;
}
