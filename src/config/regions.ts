/**
 * The grid regions a budget file may name in `carbon.region`: exactly the rows of
 * data/carbon-intensity.json (ISO 3166-1 alpha-2 countries, `US` for the US average, and the
 * US eGRID NERC regions such as `US-SERC`), so a region that validates always has a figure.
 */
import carbonIntensityJson from '../../data/carbon-intensity.json' with { type: 'json' };

/** Region codes with a grid intensity in data/carbon-intensity.json, sorted. */
export const KNOWN_REGIONS: readonly string[] = Object.keys(carbonIntensityJson.regions).sort();

/** Whether `code` names a row of the intensity table. */
export function isKnownRegion(code: string): boolean {
  return KNOWN_REGIONS.includes(code);
}
