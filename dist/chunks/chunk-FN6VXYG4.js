import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  InternalError
} from "./chunk-TKWDDEDX.js";

// src/config/own-keys.ts
function ownKeys(record) {
  return Object.keys(record).filter((key) => Object.hasOwn(record, key));
}

// src/config/units.ts
var MICRO = ["u", "\xB5", "\u03BC"];
function micro(suffix, factor) {
  return MICRO.map((p, i) => ({ symbol: p + suffix, factor, display: i === 1 }));
}
function carbonUnits(prefix, factor, display) {
  return ["", "CO2e", " CO2e", "CO2eq", " CO2eq", "CO2", " CO2"].map((s, i) => ({
    symbol: prefix + s,
    factor,
    display: display && i === 1
  }));
}
var KINDS = {
  bytes: {
    base: "bytes",
    noun: "a size",
    example: "5 MB",
    plain: true,
    units: [
      { symbol: "B", factor: 1, display: true },
      { symbol: "kB", factor: 1e3, display: true },
      { symbol: "MB", factor: 1e6, display: true },
      { symbol: "GB", factor: 1e9, display: true },
      { symbol: "TB", factor: 1e12, display: true },
      { symbol: "KiB", factor: 1024 },
      { symbol: "MiB", factor: 1024 ** 2 },
      { symbol: "GiB", factor: 1024 ** 3 },
      { symbol: "TiB", factor: 1024 ** 4 }
    ]
  },
  count: {
    base: "a plain count",
    noun: "a count",
    example: "1.5M",
    plain: true,
    units: [
      { symbol: "k", factor: 1e3, display: true, tight: true },
      { symbol: "K", factor: 1e3, tight: true },
      { symbol: "M", factor: 1e6, display: true, tight: true },
      { symbol: "G", factor: 1e9, display: true, tight: true },
      { symbol: "T", factor: 1e12, display: true, tight: true }
    ]
  },
  flops: {
    base: "FLOP",
    noun: "a FLOP count",
    example: "200 MFLOP",
    plain: true,
    units: [
      ...["", "k", "M", "G", "T", "P"].flatMap((p, i) => [
        { symbol: `${p}FLOP`, factor: 1e3 ** i, display: true },
        { symbol: `${p}FLOPs`, factor: 1e3 ** i }
      ]),
      // A bare count suffix is also a FLOP count (`200M`).
      { symbol: "k", factor: 1e3 },
      { symbol: "M", factor: 1e6 },
      { symbol: "G", factor: 1e9 },
      { symbol: "T", factor: 1e12 }
    ]
  },
  energy: {
    base: "joules",
    noun: "an energy",
    example: "2 mJ",
    plain: true,
    units: [
      { symbol: "nJ", factor: 1e-9, display: true },
      ...micro("J", 1e-6),
      { symbol: "mJ", factor: 1e-3, display: true },
      { symbol: "J", factor: 1, display: true },
      { symbol: "kJ", factor: 1e3, display: true },
      // Past 1 kWh energies are shown in kWh, the unit budgets for training runs are written in
      // (`1 kWh` showed as "3.6 MJ").
      { symbol: "MJ", factor: 1e6 },
      { symbol: "mWh", factor: 3.6 },
      { symbol: "Wh", factor: 3600 },
      { symbol: "kWh", factor: 36e5, display: true },
      { symbol: "MWh", factor: 36e8, display: true }
    ]
  },
  time: {
    base: "seconds",
    noun: "a duration",
    example: "5 ms",
    plain: true,
    units: [
      { symbol: "ns", factor: 1e-9, display: true },
      ...micro("s", 1e-6),
      { symbol: "ms", factor: 1e-3, display: true },
      { symbol: "s", factor: 1, display: true },
      { symbol: "min", factor: 60 },
      { symbol: "h", factor: 3600 }
    ]
  },
  percent: {
    base: "a fraction (0.05 = 5%)",
    noun: "a percentage",
    example: "5%",
    plain: true,
    units: [{ symbol: "%", factor: 0.01, display: true, tight: true }]
  },
  throughput: {
    base: "samples per second",
    noun: "a throughput",
    example: "1000 samples/s",
    plain: true,
    units: [
      { symbol: "samples/s", factor: 1, display: true },
      { symbol: "sample/s", factor: 1 },
      { symbol: "/s", factor: 1 },
      { symbol: "k samples/s", factor: 1e3 },
      { symbol: "ksamples/s", factor: 1e3 }
    ]
  },
  carbon: {
    base: "grams CO2e",
    noun: "a carbon mass",
    example: "2 gCO2e",
    plain: true,
    units: [
      ...carbonUnits("\xB5g", 1e-6, true),
      ...carbonUnits("ug", 1e-6, false),
      ...carbonUnits("mg", 1e-3, true),
      ...carbonUnits("g", 1, true),
      ...carbonUnits("kg", 1e3, true),
      ...carbonUnits("t", 1e6, true)
    ]
  },
  power: {
    base: "watts",
    noun: "a power",
    example: "65 W",
    plain: true,
    units: [
      { symbol: "mW", factor: 1e-3, display: true },
      { symbol: "W", factor: 1, display: true },
      { symbol: "kW", factor: 1e3, display: true }
    ]
  },
  "carbon-intensity": {
    base: "gCO2e per kWh",
    noun: "a carbon intensity",
    example: "400 gCO2e/kWh",
    plain: true,
    units: [
      { symbol: "gCO2e/kWh", factor: 1, display: true },
      { symbol: "g/kWh", factor: 1 },
      { symbol: "gCO2/kWh", factor: 1 },
      { symbol: "gCO2eq/kWh", factor: 1 },
      { symbol: "kg/kWh", factor: 1e3 },
      { symbol: "kgCO2e/kWh", factor: 1e3 }
    ]
  }
};
var QUANTITY_KINDS = ownKeys(KINDS);
var QuantityError = class extends InternalError {
  problem;
  constructor(problem) {
    super("CONFIG_INVALID", `${problem.message}; expected ${problem.expected}, e.g. \`${problem.example}\``);
    this.name = "QuantityError";
    this.problem = problem;
  }
};
var NUMBER = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
var QUANTITY_RE = new RegExp(String.raw`^\s*(-?)(${NUMBER})\s*(.*?)\s*$`);
function describeKind(kind) {
  const info = KINDS[kind];
  return `${info.noun} like \`${info.example}\``;
}
function scale(n, factor) {
  if (factor >= 1) return n * factor;
  return n / Math.round(1 / factor);
}
function findUnit(kind, symbol) {
  const squashed = symbol.replace(/\s+/g, " ");
  return KINDS[kind].units.find((u) => u.symbol === squashed || u.symbol.replace(/ /g, "") === squashed.replace(/ /g, ""));
}
function kindsWithUnit(symbol) {
  return QUANTITY_KINDS.filter((k) => findUnit(k, symbol) !== void 0);
}
function show(text) {
  return typeof text === "number" ? String(text) : JSON.stringify(text).slice(1, -1);
}
function tryParseQuantity(text, kind) {
  const info = KINDS[kind];
  const expected = describeKind(kind);
  const fail = (message, example = info.example) => ({
    ok: false,
    problem: { message, expected, example }
  });
  if (typeof text === "number") {
    if (!Number.isFinite(text)) return fail(`\`${text}\` is not a finite number`);
    if (text < 0) return fail(`\`${text}\` is negative; a budget quantity cannot be`);
    if (!info.plain) return fail(`\`${text}\` has no unit`);
    return { ok: true, value: text };
  }
  if (typeof text !== "string") return fail(`expected ${expected}`);
  const m = QUANTITY_RE.exec(text);
  if (!m) {
    if (text.trim() === "") return fail("the quantity is empty");
    return fail(`\`${show(text)}\` is not a number with a unit`);
  }
  const [, minus, num, unitText] = m;
  if (minus) return fail(`\`${show(text)}\` is negative; a budget quantity cannot be`);
  const n = Number(num);
  if (!Number.isFinite(n)) return fail(`\`${show(text)}\` is too large`);
  if (unitText === "") {
    if (!info.plain) return fail(`\`${show(text)}\` has no unit`);
    return { ok: true, value: n };
  }
  const unit = findUnit(kind, unitText);
  if (unit) return { ok: true, value: scale(n, unit.factor) };
  const others = kindsWithUnit(unitText).filter((k) => k !== kind);
  if (others.length > 0) {
    const other = KINDS[others[0]];
    return fail(`\`${show(text)}\` is ${other.noun}, not ${info.noun}`, exampleWithNumber(num, kind));
  }
  const hint = unitHint(kind, unitText);
  if (hint)
    return fail(
      `unknown unit \`${show(unitText)}\` in \`${show(text)}\`; ${hint}`,
      `${num} ${hint.match(/`([^`]+)`/)?.[1] ?? ""}`.trim()
    );
  return fail(
    `unknown unit \`${show(unitText)}\` in \`${show(text)}\`; ${info.noun.replace(/^an? /, "")} takes ${displayUnits(kind)}`
  );
}
function displayUnits(kind) {
  return KINDS[kind].units.filter((u) => u.display).map((u) => `\`${u.symbol}\``).join(", ");
}
function exampleWithNumber(num, kind) {
  const ex = KINDS[kind].example;
  return ex.replace(/^[\d.]+/, num);
}
function unitHint(kind, unitText) {
  if (kind === "bytes" && unitText === "KB") return "write `kB` (1000 bytes) or `KiB` (1024 bytes)";
  const lower = unitText.toLowerCase();
  const sameCase = KINDS[kind].units.filter((u) => u.symbol.toLowerCase() === lower);
  if (sameCase.length === 1) return `did you mean \`${sameCase[0]?.symbol}\`?`;
  const words = {
    bytes: { byte: "B", bytes: "B", kb: "kB", kilobytes: "kB", megabytes: "MB", gigabytes: "GB" },
    energy: { joule: "J", joules: "J", millijoules: "mJ", microjoules: "\xB5J" },
    time: { sec: "s", secs: "s", second: "s", seconds: "s", msec: "ms", milliseconds: "ms", microseconds: "\xB5s" },
    power: { watt: "W", watts: "W" },
    throughput: { "samples/sec": "samples/s", "inferences/s": "samples/s", qps: "samples/s" }
  };
  const w = words[kind]?.[lower];
  return w ? `did you mean \`${w}\`?` : void 0;
}
function parseQuantity(text, kind) {
  const r = tryParseQuantity(text, kind);
  if (!r.ok) throw new QuantityError(r.problem);
  return r.value;
}
function trimNumber(n, digits) {
  if (n === 0) return "0";
  if (Math.abs(n) >= 10 ** digits) return String(Math.round(n));
  const s = n.toPrecision(digits);
  const plain = s.includes("e") ? String(Number(s)) : s;
  return plain.includes(".") ? plain.replace(/0+$/, "").replace(/\.$/, "") : plain;
}
function formatQuantity(value, kind, options = {}) {
  const digits = options.digits ?? 3;
  const units = KINDS[kind].units.filter((u) => u.display).sort((a, b) => a.factor - b.factor);
  if (!Number.isFinite(value)) return `${value}`;
  const abs = Math.abs(value);
  let unit = units[0];
  if (kind === "count" && abs < units[0].factor) return trimNumber(value, digits);
  if (abs > 0) {
    for (const u of units) if (abs >= u.factor * (1 - 1e-12)) unit = u;
  } else {
    unit = units.find((u) => u.factor === 1) ?? unit;
  }
  let n = value / unit.factor;
  const rounded = Number(trimNumber(n, digits));
  const next = units[units.indexOf(unit) + 1];
  if (next && Math.abs(rounded) * unit.factor >= next.factor) {
    unit = next;
    n = value / unit.factor;
  }
  return `${trimNumber(n, digits)}${unit.tight ? "" : " "}${unit.symbol}`;
}

export {
  ownKeys,
  describeKind,
  tryParseQuantity,
  parseQuantity,
  formatQuantity
};
