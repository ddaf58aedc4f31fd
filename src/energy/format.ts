/**
 * Energy and carbon as short text for tables: the SI prefix chosen by magnitude, three
 * significant digits ("812 µJ", "1.23 mJ", "4.5 J", "12.3 kJ").
 */

function sig3(x: number): string {
  if (x === 0) return '0';
  return Number(x.toPrecision(3)).toString();
}

function scaled(value: number, unit: string, scales: Array<[number, string]>): string {
  if (!Number.isFinite(value)) return `${value} ${unit}`;
  const abs = Math.abs(value);
  if (abs === 0) return `0 ${unit}`;
  for (const [factor, prefix] of scales) {
    if (abs >= factor * 0.9995) return `${sig3(value / factor)} ${prefix}${unit}`;
  }
  const [factor, prefix] = scales[scales.length - 1];
  return `${sig3(value / factor)} ${prefix}${unit}`;
}

const ENERGY_SCALES: Array<[number, string]> = [
  [1e3, 'k'],
  [1, ''],
  [1e-3, 'm'],
  [1e-6, 'µ'],
  [1e-9, 'n'],
];

/** Joules as text with µJ/mJ/J/kJ, e.g. formatEnergy(0.00123) → "1.23 mJ". */
export function formatEnergy(joules: number): string {
  return scaled(joules, 'J', ENERGY_SCALES);
}

/** Grams CO2e as text with µg/mg/g/kg, e.g. formatCarbon(0.0042) → "4.2 mg CO2e". */
export function formatCarbon(grams: number): string {
  return `${scaled(grams, 'g', ENERGY_SCALES)} CO2e`;
}

/** Watts as text with mW/W/kW. */
export function formatPower(watts: number): string {
  return scaled(watts, 'W', ENERGY_SCALES);
}
