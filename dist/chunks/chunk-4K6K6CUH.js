import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);

// src/util/random.ts
var { imul, sqrt, log, sin, cos, floor, PI } = Math;
function createRng(seed) {
  let a = seed >>> 0;
  let spare;
  const next = () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = imul(t ^ t >>> 15, t | 1);
    t ^= t + imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
  return {
    next,
    normal() {
      if (spare !== void 0) {
        const s = spare;
        spare = void 0;
        return s;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const r = sqrt(-2 * log(u));
      spare = r * sin(2 * PI * v);
      return r * cos(2 * PI * v);
    },
    int(lo, hi) {
      return lo + floor(next() * (hi - lo + 1));
    }
  };
}
function seedFrom(text, base = 0) {
  let h = (2166136261 ^ base) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = imul(h, 16777619) >>> 0;
  }
  return h;
}

export {
  createRng,
  seedFrom
};
