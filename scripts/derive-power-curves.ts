/**
 * Derives data/power-curves.json from the SPECpower extracts in data/specpower/ (see its
 * README). Run after dropping in a newer extract: `npm run derive:power-curves`; the drift test
 * (__tests__/energy/power-curves.test.ts) fails while the committed JSON differs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseElevenLevel, parseFullAndIdle } from '../src/energy/specpower/csv.js';
import { derivePowerCurves } from '../src/energy/specpower/derive.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const read = (name: string) => readFileSync(path.join(root, 'data', 'specpower', name), 'utf8');
const curves = derivePowerCurves(
  parseElevenLevel(read('specpower-ssj2008.csv'), 'data/specpower/specpower-ssj2008.csv'),
  parseFullAndIdle(read('specpower-full-and-idle.csv'), 'data/specpower/specpower-full-and-idle.csv'),
);
writeFileSync(path.join(root, 'data', 'power-curves.json'), `${JSON.stringify(curves, null, 2)}\n`);
const c = curves.cases;
process.stdout.write(
  `data/power-curves.json: ${Object.keys(curves.models).length} CPU models, ${Object.keys(curves.tiers).length} tiers; ` +
    `median error cpu-model ${(c['cpu-model'].medianAbsError * 100).toFixed(1)}%, tier ${(c.tier.medianAbsError * 100).toFixed(1)}%, unknown ${(c.unknown.medianAbsError * 100).toFixed(1)}%\n`,
);
