import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import {
  formatQuantity,
  parseQuantity,
  quantityPattern,
  QUANTITY_KINDS,
  QuantityError,
  tryParseQuantity,
  type QuantityKind,
} from '../../src/config/units.js';
import { isMinimumMetric, METRIC_KEYS, metricKind } from '../../src/config/metrics.js';
import { editDistance, suggest } from '../../src/config/did-you-mean.js';

// [text, kind, value in base units]
const PARSE: Array<[string | number, QuantityKind, number]> = [
  ['0', 'bytes', 0],
  [1234, 'bytes', 1234],
  ['5 B', 'bytes', 5],
  ['10 kB', 'bytes', 10_000],
  ['5 MB', 'bytes', 5_000_000],
  ['5MB', 'bytes', 5_000_000],
  ['1.5 GB', 'bytes', 1.5e9],
  ['1 KiB', 'bytes', 1024],
  ['2 MiB', 'bytes', 2 * 1024 * 1024],
  ['1 GiB', 'bytes', 1024 ** 3],
  ['1.5M', 'count', 1_500_000],
  ['1.5 M', 'count', 1_500_000],
  ['60k', 'count', 60_000],
  ['60K', 'count', 60_000],
  ['2G', 'count', 2e9],
  ['1e6', 'count', 1e6],
  [42, 'count', 42],
  ['200 MFLOP', 'flops', 2e8],
  ['1 kFLOP', 'flops', 1e3],
  ['3 GFLOP', 'flops', 3e9],
  ['1.2 TFLOP', 'flops', 1.2e12],
  ['5 FLOP', 'flops', 5],
  ['200 MFLOPs', 'flops', 2e8],
  ['200M', 'flops', 2e8],
  ['2 mJ', 'energy', 0.002],
  ['7 mJ', 'energy', 0.007],
  ['500 uJ', 'energy', 0.0005],
  ['500 µJ', 'energy', 0.0005],
  ['500 μJ', 'energy', 0.0005],
  ['1.5 J', 'energy', 1.5],
  ['2 kJ', 'energy', 2000],
  ['1 Wh', 'energy', 3600],
  ['2 kWh', 'energy', 7.2e6],
  [0.25, 'energy', 0.25],
  ['5 ms', 'time', 0.005],
  ['250 us', 'time', 0.00025],
  ['250 µs', 'time', 0.00025],
  ['1.5 s', 'time', 1.5],
  ['2 min', 'time', 120],
  [3, 'time', 3],
  ['5%', 'percent', 0.05],
  ['0%', 'percent', 0],
  ['2.5 %', 'percent', 0.025],
  [0.05, 'percent', 0.05],
  ['1000 samples/s', 'throughput', 1000],
  ['1000/s', 'throughput', 1000],
  [250, 'throughput', 250],
  ['2 g', 'carbon', 2],
  ['2 gCO2e', 'carbon', 2],
  ['2 g CO2e', 'carbon', 2],
  ['3 kgCO2eq', 'carbon', 3000],
  ['500 mg', 'carbon', 0.5],
  ['65 W', 'power', 65],
  ['500 mW', 'power', 0.5],
  [20, 'power', 20],
  ['400 gCO2e/kWh', 'carbon-intensity', 400],
  ['400 g/kWh', 'carbon-intensity', 400],
  ['  5 ms  ', 'time', 0.005],
];

// [value in base units, kind, text]
const FORMAT: Array<[number, QuantityKind, string]> = [
  [0, 'bytes', '0 B'],
  [512, 'bytes', '512 B'],
  [5_000_000, 'bytes', '5 MB'],
  [1_234_567, 'bytes', '1.23 MB'],
  [999_999, 'bytes', '1 MB'],
  [1.5e9, 'bytes', '1.5 GB'],
  [3.6e6, 'energy', '1 kWh'],
  [1.8e9, 'energy', '500 kWh'],
  [7.2e9, 'energy', '2 MWh'],
  [250_000, 'energy', '250 kJ'],
  [999, 'count', '999'],
  [1_500_000, 'count', '1.5M'],
  [101_770, 'count', '102k'],
  [2e8, 'flops', '200 MFLOP'],
  [3.2e9, 'flops', '3.2 GFLOP'],
  [0.002, 'energy', '2 mJ'],
  [0.0005, 'energy', '500 µJ'],
  [1.5, 'energy', '1.5 J'],
  [7200, 'energy', '7.2 kJ'],
  [0.005, 'time', '5 ms'],
  [0.00025, 'time', '250 µs'],
  [12.5, 'time', '12.5 s'],
  [0.05, 'percent', '5%'],
  [0.025, 'percent', '2.5%'],
  [0, 'percent', '0%'],
  [1234.5, 'throughput', '1235 samples/s'],
  [12.25, 'throughput', '12.3 samples/s'],
  [2, 'carbon', '2 gCO2e'],
  [0.5, 'carbon', '500 mgCO2e'],
  [65, 'power', '65 W'],
  [0.5, 'power', '500 mW'],
  [400, 'carbon-intensity', '400 gCO2e/kWh'],
];

// [text, kind, exact message]
const REJECT: Array<[string | number, QuantityKind, string]> = [
  ['5 ms', 'bytes', '`5 ms` is a duration, not a size; expected a size like `5 MB`, e.g. `5 MB`'],
  ['5 MB', 'time', '`5 MB` is a size, not a duration; expected a duration like `5 ms`, e.g. `5 ms`'],
  ['2 mJ', 'flops', '`2 mJ` is an energy, not a FLOP count; expected a FLOP count like `200 MFLOP`, e.g. `2 MFLOP`'],
  [
    '5 KB',
    'bytes',
    'unknown unit `KB` in `5 KB`; write `kB` (1000 bytes) or `KiB` (1024 bytes); expected a size like `5 MB`, e.g. `5 kB`',
  ],
  ['5 mb', 'bytes', 'unknown unit `mb` in `5 mb`; did you mean `MB`?; expected a size like `5 MB`, e.g. `5 MB`'],
  ['5 joules', 'energy', 'unknown unit `joules` in `5 joules`; did you mean `J`?; expected an energy like `2 mJ`, e.g. `5 J`'],
  [
    '5 parsecs',
    'time',
    'unknown unit `parsecs` in `5 parsecs`; duration takes `ns`, `µs`, `ms`, `s`; expected a duration like `5 ms`, e.g. `5 ms`',
  ],
  ['-5 ms', 'time', '`-5 ms` is negative; a budget quantity cannot be; expected a duration like `5 ms`, e.g. `5 ms`'],
  [-1, 'bytes', '`-1` is negative; a budget quantity cannot be; expected a size like `5 MB`, e.g. `5 MB`'],
  ['fast', 'time', '`fast` is not a number with a unit; expected a duration like `5 ms`, e.g. `5 ms`'],
  ['', 'time', 'the quantity is empty; expected a duration like `5 ms`, e.g. `5 ms`'],
  [Infinity, 'energy', '`Infinity` is not a finite number; expected an energy like `2 mJ`, e.g. `2 mJ`'],
];

describe('parseQuantity', () => {
  it.each(PARSE)('%p as %s is %p base units', (text, kind, value) => {
    expect(parseQuantity(text, kind)).toBeCloseTo(value, 12);
  });

  it('parses decimal sub-units to the nearest double', () => {
    expect(parseQuantity('7 mJ', 'energy')).toBe(0.007);
    expect(parseQuantity('3%', 'percent')).toBe(0.03);
  });

  it.each(REJECT)('rejects %p as %s', (text, kind, message) => {
    expect(() => parseQuantity(text, kind)).toThrow(QuantityError);
    expect(() => parseQuantity(text, kind)).toThrow(message);
    const r = tryParseQuantity(text, kind);
    expect(r.ok).toBe(false);
  });

  it.each(PARSE.filter(([t]) => typeof t === 'string'))('the schema pattern of %s accepts %p too', (text, kind) => {
    expect(new RegExp(quantityPattern(kind)).test(text as string)).toBe(true);
  });

  it.each(REJECT.filter(([t]) => typeof t === 'string'))('the schema pattern rejects %p as %s too', (text, kind) => {
    expect(new RegExp(quantityPattern(kind)).test(text as string)).toBe(false);
  });

  it('every pattern is a valid JSON Schema pattern', () => {
    const ajv = new Ajv();
    for (const kind of QUANTITY_KINDS)
      expect(() => ajv.compile({ type: 'string', pattern: quantityPattern(kind) })).not.toThrow();
  });
});

describe('formatQuantity', () => {
  it.each(FORMAT)('%p %s is %p', (value, kind, text) => {
    expect(formatQuantity(value, kind)).toBe(text);
  });

  it.each(FORMAT)('%p %s survives format then parse within the shown precision', (value, kind) => {
    const back = parseQuantity(formatQuantity(value, kind), kind);
    expect(Math.abs(back - value)).toBeLessThanOrEqual(Math.abs(value) * 0.005 + 1e-15);
  });

  it('round-trips exactly with enough digits', () => {
    for (const [value, kind] of FORMAT) {
      expect(parseQuantity(formatQuantity(value, kind, { digits: 15 }), kind)).toBeCloseTo(value, 9);
    }
  });
});

describe('metrics', () => {
  it('gives every metric a kind, and only throughput is a minimum', () => {
    expect(Object.fromEntries(METRIC_KEYS.map((m) => [m, metricKind(m)]))).toEqual({
      'model-size': 'bytes',
      parameters: 'count',
      flops: 'flops',
      'latency-p50': 'time',
      'latency-p95': 'time',
      'latency-p99': 'time',
      'latency-mean': 'time',
      throughput: 'throughput',
      'peak-memory': 'bytes',
      'peak-gpu-memory': 'bytes',
      'energy-per-inference': 'energy',
      'energy-per-sample': 'energy',
      'energy-per-1000-inferences': 'energy',
      'energy-per-training-step': 'energy',
      'energy-per-training-sample': 'energy',
      'training-step-time': 'time',
      'training-energy-total': 'energy',
      'carbon-per-inference': 'carbon',
      'carbon-per-1000-inferences': 'carbon',
      'training-carbon-total': 'carbon',
      'instructions-per-inference': 'count',
      'instructions-per-step': 'count',
    });
    expect(METRIC_KEYS.filter(isMinimumMetric)).toEqual(['throughput']);
  });
});

describe('did you mean', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['treads', 'threads', 1],
    ['ab', 'ba', 1],
    ['', 'abc', 3],
    ['same', 'same', 0],
  ])('edit distance %p → %p is %p', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it.each([
    ['treads', ['name', 'threads', 'path'], 'threads'],
    ['latency-95', ['latency-p50', 'latency-p95'], 'latency-p95'],
    ['energy_per_inference', ['energy-per-inference'], 'energy-per-inference'],
    ['Threads', ['threads'], 'threads'],
    ['lr', ['learning-rate'], undefined],
    ['zzz', ['name', 'path'], undefined],
  ])('%p suggests %p', (input, candidates, expected) => {
    expect(suggest(input, candidates)).toBe(expected);
  });
});
