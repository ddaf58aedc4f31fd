/** The `power:` and `carbon:` sections: meters, devices, power models and the carbon intensity. */
import { suggest } from '../did-you-mean.js';
import { isKnownRegion, KNOWN_REGIONS } from '../regions.js';
import { SECTIONS, type KeyDoc } from '../keys.js';
import type { PowerSettings } from '../types.js';
import type { Entry, Validator } from '../validator.js';

/** The `power:` section: meter, device, power model and idle settings. */
export function readPower(vd: Validator, entry: Entry, doc: KeyDoc): PowerSettings {
  const out: PowerSettings = {};
  const entries = vd.mapping(entry.value, entry.path, entry.at, 'power', doc) ?? [];
  for (const e of entries) {
    const d = SECTIONS.power[e.key];
    const w = vd.quantity(e, 'power', d, true);
    if (w === undefined) continue;
    if (e.key === 'cpu-tdp') out.cpuTdpW = w;
    else if (e.key === 'idle-watts') out.idleW = w;
    else out.maxW = w;
  }
  if ((out.idleW === undefined) !== (out.maxW === undefined)) {
    // The one of the two that is set came from its entry, so `given` is found.
    const given = entries.find((x) => x.key === (out.idleW === undefined ? 'max-watts' : 'idle-watts'));
    const missing = out.idleW === undefined ? 'idle-watts' : 'max-watts';
    if (given)
      vd.addFor(
        given,
        SECTIONS.power[given.key],
        `needs \`${missing}\` as well: the power model is a line from the whole machine's idle watts to its full-load watts, ` +
          `so give both (e.g. power: { idle-watts: 20 W, max-watts: 90 W }) or neither`,
      );
  }
  if (out.idleW !== undefined && out.maxW !== undefined && out.maxW <= out.idleW) {
    const e = entries.find((x) => x.key === 'max-watts');
    if (e) vd.addFor(e, SECTIONS.power['max-watts'], `must be greater than idle-watts (${out.idleW} W), got ${out.maxW} W`);
  }
  return out;
}

/** The `carbon:` section: region or intensity, embodied carbon. */
export function readCarbon(vd: Validator, entry: Entry, doc: KeyDoc): PowerSettings {
  const out: PowerSettings = {};
  const entries = vd.mapping(entry.value, entry.path, entry.at, 'carbon', doc) ?? [];
  for (const e of entries) {
    const d = SECTIONS.carbon[e.key];
    if (e.key === 'intensity') {
      const g = vd.quantity(e, 'carbon-intensity', d);
      if (g !== undefined) out.carbonIntensityGPerKWh = g;
    } else {
      const r = vd.text(e, d);
      if (r !== undefined && !isKnownRegion(r)) {
        const close = suggest(r, KNOWN_REGIONS);
        vd.addFor(
          e,
          d,
          `\`${r}\` is not a region with a grid intensity in data/carbon-intensity.json` +
            `${close !== undefined ? `; did you mean \`${close}\`?` : ''} ` +
            `(known: ${KNOWN_REGIONS.join(', ')}; for any other grid give \`intensity\` in gCO2e/kWh instead)`,
        );
      } else if (r !== undefined) {
        out.region = r;
      }
    }
  }
  const intensity = entries.find((e) => e.key === 'intensity');
  if (intensity && entries.some((e) => e.key === 'region')) {
    vd.add(
      entry.path,
      intensity.keyNode,
      'give either `intensity` or `region`, not both',
      doc.expected,
      SECTIONS.carbon.intensity?.example,
    );
  }
  return out;
}
