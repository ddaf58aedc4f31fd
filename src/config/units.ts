/**
 * Quantities with units, as written in the budget file (`5 MB`, `1.5M`, `200 MFLOP`, `2 mJ`,
 * `5 ms`, `5%`), turned into SI base units once, at the boundary, and back into text for
 * reports. Pure functions on plain data.
 */
import { ownKeys } from './own-keys.js';

/** What a quantity measures; decides which units are accepted and what the base unit is. */
export type QuantityKind =
  'bytes' | 'count' | 'flops' | 'energy' | 'time' | 'percent' | 'throughput' | 'carbon' | 'power' | 'carbon-intensity';

/** One accepted unit: its spelling and how many base units it is worth. */
interface Unit {
  symbol: string;
  factor: number;
  /** Used by formatQuantity; units without it are accepted on input only. */
  display?: boolean;
  /** Written without a space before it (`1.5M`, `5%`). */
  tight?: boolean;
}

interface KindInfo {
  /** Base unit, in words, for messages and docs. */
  base: string;
  /** A noun for messages: "expected a size like `5 MB`". */
  noun: string;
  example: string;
  /** Whether a plain number (no unit) is accepted, in base units. */
  plain: boolean;
  units: Unit[];
}

const MICRO = ['u', 'µ', 'μ']; // ASCII u, MICRO SIGN U+00B5, GREEK SMALL LETTER MU U+03BC

function micro(suffix: string, factor: number): Unit[] {
  return MICRO.map((p, i) => ({ symbol: p + suffix, factor, display: i === 1 }));
}

/** Carbon mass units with the usual CO2-equivalent spellings (`g`, `gCO2e`, `g CO2e`, `gCO2eq`). */
function carbonUnits(prefix: string, factor: number, display: boolean): Unit[] {
  return ['', 'CO2e', ' CO2e', 'CO2eq', ' CO2eq', 'CO2', ' CO2'].map((s, i) => ({
    symbol: prefix + s,
    factor,
    display: display && i === 1,
  }));
}

/**
 * Every kind's units. Decimal prefixes are SI (k = 1000); binary ones are IEC (Ki = 1024).
 * 1 Wh = 3600 J (1 W for 3600 s).
 */
const KINDS: Record<QuantityKind, KindInfo> = {
  bytes: {
    base: 'bytes',
    noun: 'a size',
    example: '5 MB',
    plain: true,
    units: [
      { symbol: 'B', factor: 1, display: true },
      { symbol: 'kB', factor: 1e3, display: true },
      { symbol: 'MB', factor: 1e6, display: true },
      { symbol: 'GB', factor: 1e9, display: true },
      { symbol: 'TB', factor: 1e12, display: true },
      { symbol: 'KiB', factor: 1024 },
      { symbol: 'MiB', factor: 1024 ** 2 },
      { symbol: 'GiB', factor: 1024 ** 3 },
      { symbol: 'TiB', factor: 1024 ** 4 },
    ],
  },
  count: {
    base: 'a plain count',
    noun: 'a count',
    example: '1.5M',
    plain: true,
    units: [
      { symbol: 'k', factor: 1e3, display: true, tight: true },
      { symbol: 'K', factor: 1e3, tight: true },
      { symbol: 'M', factor: 1e6, display: true, tight: true },
      { symbol: 'G', factor: 1e9, display: true, tight: true },
      { symbol: 'T', factor: 1e12, display: true, tight: true },
    ],
  },
  flops: {
    base: 'FLOP',
    noun: 'a FLOP count',
    example: '200 MFLOP',
    plain: true,
    units: [
      ...['', 'k', 'M', 'G', 'T', 'P'].flatMap((p, i) => [
        { symbol: `${p}FLOP`, factor: 1000 ** i, display: true },
        { symbol: `${p}FLOPs`, factor: 1000 ** i },
      ]),
      // A bare count suffix is also a FLOP count (`200M`).
      { symbol: 'k', factor: 1e3 },
      { symbol: 'M', factor: 1e6 },
      { symbol: 'G', factor: 1e9 },
      { symbol: 'T', factor: 1e12 },
    ],
  },
  energy: {
    base: 'joules',
    noun: 'an energy',
    example: '2 mJ',
    plain: true,
    units: [
      { symbol: 'nJ', factor: 1e-9, display: true },
      ...micro('J', 1e-6),
      { symbol: 'mJ', factor: 1e-3, display: true },
      { symbol: 'J', factor: 1, display: true },
      { symbol: 'kJ', factor: 1e3, display: true },
      // Past 1 kWh energies are shown in kWh, the unit budgets for training runs are written in
      // (`1 kWh` showed as "3.6 MJ").
      { symbol: 'MJ', factor: 1e6 },
      { symbol: 'mWh', factor: 3.6 },
      { symbol: 'Wh', factor: 3600 },
      { symbol: 'kWh', factor: 3.6e6, display: true },
      { symbol: 'MWh', factor: 3.6e9, display: true },
    ],
  },
  time: {
    base: 'seconds',
    noun: 'a duration',
    example: '5 ms',
    plain: true,
    units: [
      { symbol: 'ns', factor: 1e-9, display: true },
      ...micro('s', 1e-6),
      { symbol: 'ms', factor: 1e-3, display: true },
      { symbol: 's', factor: 1, display: true },
      { symbol: 'min', factor: 60 },
      { symbol: 'h', factor: 3600 },
    ],
  },
  percent: {
    base: 'a fraction (0.05 = 5%)',
    noun: 'a percentage',
    example: '5%',
    plain: true,
    units: [{ symbol: '%', factor: 0.01, display: true, tight: true }],
  },
  throughput: {
    base: 'samples per second',
    noun: 'a throughput',
    example: '1000 samples/s',
    plain: true,
    units: [
      { symbol: 'samples/s', factor: 1, display: true },
      { symbol: 'sample/s', factor: 1 },
      { symbol: '/s', factor: 1 },
      { symbol: 'k samples/s', factor: 1e3 },
      { symbol: 'ksamples/s', factor: 1e3 },
    ],
  },
  carbon: {
    base: 'grams CO2e',
    noun: 'a carbon mass',
    example: '2 gCO2e',
    plain: true,
    units: [
      ...carbonUnits('µg', 1e-6, true),
      ...carbonUnits('ug', 1e-6, false),
      ...carbonUnits('mg', 1e-3, true),
      ...carbonUnits('g', 1, true),
      ...carbonUnits('kg', 1e3, true),
      ...carbonUnits('t', 1e6, true),
    ],
  },
  power: {
    base: 'watts',
    noun: 'a power',
    example: '65 W',
    plain: true,
    units: [
      { symbol: 'mW', factor: 1e-3, display: true },
      { symbol: 'W', factor: 1, display: true },
      { symbol: 'kW', factor: 1e3, display: true },
    ],
  },
  'carbon-intensity': {
    base: 'gCO2e per kWh',
    noun: 'a carbon intensity',
    example: '400 gCO2e/kWh',
    plain: true,
    units: [
      { symbol: 'gCO2e/kWh', factor: 1, display: true },
      { symbol: 'g/kWh', factor: 1 },
      { symbol: 'gCO2/kWh', factor: 1 },
      { symbol: 'gCO2eq/kWh', factor: 1 },
      { symbol: 'kg/kWh', factor: 1e3 },
      { symbol: 'kgCO2e/kWh', factor: 1e3 },
    ],
  },
};

/** Every quantity kind, in a stable order. */
export const QUANTITY_KINDS = ownKeys(KINDS);

/** Why a text is not a quantity of the wanted kind, in the words of a budget-file issue. */
export interface QuantityProblem {
  message: string;
  expected: string;
  example: string;
}

/** The outcome of {@link tryParseQuantity}: a value in base units, or the problem. */
export type QuantityResult = { ok: true; value: number } | { ok: false; problem: QuantityProblem };

/** A text that is not a valid quantity of the wanted kind. */
export class QuantityError extends Error {
  readonly problem: QuantityProblem;
  constructor(problem: QuantityProblem) {
    super(`${problem.message}; expected ${problem.expected}, e.g. \`${problem.example}\``);
    this.name = 'QuantityError';
    this.problem = problem;
  }
}

// A decimal number: 5, 5.0, .5, 1e3, 1.5e-3. No sign: every budget quantity is non-negative.
const NUMBER = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const QUANTITY_RE = new RegExp(String.raw`^\s*(-?)(${NUMBER})\s*(.*?)\s*$`);

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * A regular expression (ECMAScript source, as used by JSON Schema `pattern`) matching the text
 * forms of a quantity of `kind` that {@link parseQuantity} accepts.
 */
export function quantityPattern(kind: QuantityKind): string {
  const info = KINDS[kind];
  const units = [...info.units]
    .sort((a, b) => b.symbol.length - a.symbol.length)
    .map((u) => escapeRe(u.symbol).replace(/ /g, ' ?'));
  const unit = `(?:${units.join('|')})`;
  return `^\\s*${NUMBER}\\s*${info.plain ? `${unit}?` : unit}\\s*$`;
}

/** A description of a kind for messages and docs: "a size like `5 MB`". */
export function describeKind(kind: QuantityKind): string {
  const info = KINDS[kind];
  return `${info.noun} like \`${info.example}\``;
}

/** An example of a quantity of this kind (`5 MB`). */
export function kindExample(kind: QuantityKind): string {
  return KINDS[kind].example;
}

/** The base unit of a kind in words (`bytes`, `joules`…). */
export function kindBaseUnit(kind: QuantityKind): string {
  return KINDS[kind].base;
}

/** The unit symbols a kind accepts, for docs. */
export function kindUnits(kind: QuantityKind): string[] {
  return KINDS[kind].units.map((u) => u.symbol);
}

/**
 * n × factor, dividing by the inverse for sub-unit prefixes so that decimal inputs land on the
 * nearest double (`7 mJ` gives 0.007, not 0.007000000000000001).
 */
function scale(n: number, factor: number): number {
  if (factor >= 1) return n * factor;
  return n / Math.round(1 / factor);
}

function findUnit(kind: QuantityKind, symbol: string): Unit | undefined {
  const squashed = symbol.replace(/\s+/g, ' ');
  return KINDS[kind].units.find((u) => u.symbol === squashed || u.symbol.replace(/ /g, '') === squashed.replace(/ /g, ''));
}

function kindsWithUnit(symbol: string): QuantityKind[] {
  return QUANTITY_KINDS.filter((k) => findUnit(k, symbol) !== undefined);
}

function show(text: string | number): string {
  return typeof text === 'number' ? String(text) : JSON.stringify(text).slice(1, -1);
}

/**
 * Parses a quantity into base units without throwing: bytes, counts, FLOP, joules, seconds,
 * fractions (for percent), samples/s, grams CO2e, watts, gCO2e/kWh.
 */
export function tryParseQuantity(text: string | number, kind: QuantityKind): QuantityResult {
  const info = KINDS[kind];
  const expected = describeKind(kind);
  const fail = (message: string, example = info.example): QuantityResult => ({
    ok: false,
    problem: { message, expected, example },
  });

  if (typeof text === 'number') {
    if (!Number.isFinite(text)) return fail(`\`${text}\` is not a finite number`);
    if (text < 0) return fail(`\`${text}\` is negative; a budget quantity cannot be`);
    if (!info.plain) return fail(`\`${text}\` has no unit`);
    return { ok: true, value: text };
  }
  if (typeof text !== 'string') return fail(`expected ${expected}`);
  const m = QUANTITY_RE.exec(text);
  if (!m) {
    if (text.trim() === '') return fail('the quantity is empty');
    return fail(`\`${show(text)}\` is not a number with a unit`);
  }
  const [, minus, num, unitText] = m;
  if (minus) return fail(`\`${show(text)}\` is negative; a budget quantity cannot be`);
  const n = Number(num);
  if (!Number.isFinite(n)) return fail(`\`${show(text)}\` is too large`);
  if (unitText === '') {
    if (!info.plain) return fail(`\`${show(text)}\` has no unit`);
    return { ok: true, value: n };
  }
  const unit = findUnit(kind, unitText);
  if (unit) return { ok: true, value: scale(n, unit.factor) };

  // Wrong kind: a unit that another kind accepts.
  const others = kindsWithUnit(unitText).filter((k) => k !== kind);
  if (others.length > 0) {
    const other = KINDS[others[0]];
    return fail(`\`${show(text)}\` is ${other.noun}, not ${info.noun}`, exampleWithNumber(num, kind));
  }
  // Right kind, wrong case or a common misspelling.
  const hint = unitHint(kind, unitText);
  if (hint)
    return fail(
      `unknown unit \`${show(unitText)}\` in \`${show(text)}\`; ${hint}`,
      `${num} ${hint.match(/`([^`]+)`/)?.[1] ?? ''}`.trim(),
    );
  return fail(
    `unknown unit \`${show(unitText)}\` in \`${show(text)}\`; ${info.noun.replace(/^an? /, '')} takes ${displayUnits(kind)}`,
  );
}

function displayUnits(kind: QuantityKind): string {
  return KINDS[kind].units
    .filter((u) => u.display)
    .map((u) => `\`${u.symbol}\``)
    .join(', ');
}

function exampleWithNumber(num: string, kind: QuantityKind): string {
  const ex = KINDS[kind].example;
  return ex.replace(/^[\d.]+/, num);
}

/** A hint for a unit that is close to an accepted one: `KB`, `mb`, `Mflop`, `joules`. */
function unitHint(kind: QuantityKind, unitText: string): string | undefined {
  if (kind === 'bytes' && unitText === 'KB') return 'write `kB` (1000 bytes) or `KiB` (1024 bytes)';
  const lower = unitText.toLowerCase();
  const sameCase = KINDS[kind].units.filter((u) => u.symbol.toLowerCase() === lower);
  if (sameCase.length === 1) return `did you mean \`${sameCase[0]?.symbol}\`?`;
  const words: Partial<Record<QuantityKind, Record<string, string>>> = {
    bytes: { byte: 'B', bytes: 'B', kb: 'kB', kilobytes: 'kB', megabytes: 'MB', gigabytes: 'GB' },
    energy: { joule: 'J', joules: 'J', millijoules: 'mJ', microjoules: 'µJ' },
    time: { sec: 's', secs: 's', second: 's', seconds: 's', msec: 'ms', milliseconds: 'ms', microseconds: 'µs' },
    power: { watt: 'W', watts: 'W' },
    throughput: { 'samples/sec': 'samples/s', 'inferences/s': 'samples/s', qps: 'samples/s' },
  };
  const w = words[kind]?.[lower];
  return w ? `did you mean \`${w}\`?` : undefined;
}

/**
 * Parses a quantity of `kind` into base units (bytes, counts, FLOP, joules, seconds, fractions
 * for percent, samples/s, grams CO2e, watts, gCO2e/kWh). Plain numbers are already base units.
 * @throws QuantityError when the text is not a quantity of this kind (for example `5 ms` for a size).
 */
export function parseQuantity(text: string | number, kind: QuantityKind): number {
  const r = tryParseQuantity(text, kind);
  if (!r.ok) throw new QuantityError(r.problem);
  return r.value;
}

/** Options for {@link formatQuantity}. */
export interface FormatOptions {
  /** Significant digits. @default 3 */
  digits?: number;
}

function trimNumber(n: number, digits: number): string {
  if (n === 0) return '0';
  // Integers of the top unit keep all their digits (1234 samples/s, not 1230).
  if (Math.abs(n) >= 10 ** digits) return String(Math.round(n));
  const s = n.toPrecision(digits);
  const plain = s.includes('e') ? String(Number(s)) : s;
  return plain.includes('.') ? plain.replace(/0+$/, '').replace(/\.$/, '') : plain;
}

/**
 * Formats a value in base units with the largest display unit that keeps the number at or
 * above 1: `formatQuantity(5e6, 'bytes')` is `5 MB`, `formatQuantity(0.05, 'percent')` is `5%`.
 */
export function formatQuantity(value: number, kind: QuantityKind, options: FormatOptions = {}): string {
  const digits = options.digits ?? 3;
  const units = KINDS[kind].units.filter((u) => u.display).sort((a, b) => a.factor - b.factor);
  if (!Number.isFinite(value)) return `${value}`;
  const abs = Math.abs(value);
  let unit = units[0];
  // Counts under 1000 have no prefix (`999`).
  if (kind === 'count' && abs < units[0].factor) return trimNumber(value, digits);
  if (abs > 0) {
    for (const u of units) if (abs >= u.factor * (1 - 1e-12)) unit = u;
  } else {
    unit = units.find((u) => u.factor === 1) ?? unit;
  }
  let n = value / unit.factor;
  // Rounding can carry into the next unit (999.95 kB → 1000 kB → 1 MB).
  const rounded = Number(trimNumber(n, digits));
  const next = units[units.indexOf(unit) + 1];
  if (next && Math.abs(rounded) * unit.factor >= next.factor) {
    unit = next;
    n = value / unit.factor;
  }
  return `${trimNumber(n, digits)}${unit.tight ? '' : ' '}${unit.symbol}`;
}
