/**
 * Names a CPU the same way whether it comes from a SPECpower result ("Intel Xeon Platinum 8280
 * 2.70 GHz") or from /proc/cpuinfo ("Intel(R) Xeon(R) Platinum 8280 CPU @ 2.70GHz"): a model key
 * for matching results of the same CPU, and a family/generation tier for CPUs without results.
 * Pure functions.
 */
import type { CpuInfo } from '../cpu.js';

/**
 * The CPU model as a matching key: lower case, without trademarks, brand tiers (Platinum, Gold…),
 * frequencies, core counts, "Processor"/"CPU", parentheses and SKU suffixes after a comma.
 * "AMD EPYC 7763 64-Core Processor" and "AMD EPYC 7763 2.45GHz" both give "amd epyc 7763".
 */
export function cpuModelKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/\(r\)|\(tm\)|®|™/g, ' ')
    .replace(/\(.*?\)/g, ' ')
    .replace(/\[.*?\]/g, ' ')
    .replace(/@.*$/, ' ')
    .replace(/,.*$/, ' ')
    .replace(/\b\d+(\.\d+)?\s*ghz\b/g, ' ')
    .replace(/\b(quad|six|eight|dual)-core\b/g, ' ')
    .replace(/\b\d+-core\b/g, ' ')
    .replace(/\b(platinum|gold|silver|bronze|processor|cpu|dell sku)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A family/generation tier, e.g. `amd-epyc-zen3`, `intel-xeon-sp-gen2`, or null when not recognised. */
export function tierFromName(name: string): string | null {
  const k = cpuModelKey(name);
  let m: RegExpMatchArray | null;
  if ((m = k.match(/\bepyc \d[0-9a-z]{2}([1-5])/))) return `amd-epyc-zen${m[1]}`;
  if (/\bopteron\b/.test(k)) return 'amd-opteron';
  if (/\bxeon 6\d{3}[pe]\b/.test(k)) return 'intel-xeon-6';
  if ((m = k.match(/\bxeon [3-9]([1-5])\d\d[a-z+]*\b/))) return `intel-xeon-sp-gen${m[1]}`;
  if ((m = k.match(/\b(?:xeon )?e[357]-\d{4}[a-z]*\s?v([2-6])\b/))) {
    return {
      '2': 'intel-ivybridge',
      '3': 'intel-haswell',
      '4': 'intel-broadwell',
      '5': 'intel-skylake-e3',
      '6': 'intel-skylake-e3',
    }[m[1]]!;
  }
  if (/\bxeon e[35]-\d{4}[a-z]*$/.test(k) || /\bxeon e[35]-\d{4}[a-z]* /.test(k)) return 'intel-sandybridge';
  if ((m = k.match(/\bxeon (?:e )?e-2(\d)\d\d/))) return Number(m[1]) <= 2 ? 'intel-coffeelake-e' : 'intel-rocketlake-e';
  if (/\bxeon[- ]d[- ]?\d{4}/.test(k)) return 'intel-xeon-d';
  if (/\bxeon (e7-\d{4}|[xle]?[57][56]\d\d|x34\d\d)\b/.test(k)) return 'intel-nehalem';
  if (
    /\bxeon ([xle]?5[1-4]\d\d|[xle]?3[0-3]\d\d|e7\d{3}|[xle]?73\d\d|7[01]\d\d[a-z]?)\b/.test(k) ||
    /^intel x3350$|^xeon l5420$/.test(k)
  )
    return 'intel-core2';
  if (/\baltra\b/.test(k)) return 'arm-neoverse-n1';
  if (/\bgrace\b/.test(k)) return 'arm-neoverse-v2';
  return null;
}

/** Human names of the tiers, for notes and docs. */
export const TIER_NAMES: Record<string, string> = {
  'amd-epyc-zen1': 'AMD EPYC 1st gen (Naples, Zen)',
  'amd-epyc-zen2': 'AMD EPYC 2nd gen (Rome, Zen 2)',
  'amd-epyc-zen3': 'AMD EPYC 3rd gen (Milan, Zen 3)',
  'amd-epyc-zen4': 'AMD EPYC 4th gen (Genoa/Bergamo/Siena, Zen 4)',
  'amd-epyc-zen5': 'AMD EPYC 5th gen (Turin, Zen 5)',
  'amd-opteron': 'AMD Opteron',
  'intel-xeon-sp-gen1': 'Intel Xeon Scalable 1st gen (Skylake-SP)',
  'intel-xeon-sp-gen2': 'Intel Xeon Scalable 2nd gen (Cascade Lake)',
  'intel-xeon-sp-gen3': 'Intel Xeon Scalable 3rd gen (Ice Lake, Cooper Lake)',
  'intel-xeon-sp-gen4': 'Intel Xeon Scalable 4th gen (Sapphire Rapids)',
  'intel-xeon-sp-gen5': 'Intel Xeon Scalable 5th gen (Emerald Rapids)',
  'intel-xeon-6': 'Intel Xeon 6 (Granite Rapids, Sierra Forest)',
  'intel-sandybridge': 'Intel Xeon E3/E5 (Sandy Bridge)',
  'intel-ivybridge': 'Intel Xeon E3/E5 v2 (Ivy Bridge)',
  'intel-haswell': 'Intel Xeon E3/E5 v3 (Haswell)',
  'intel-broadwell': 'Intel Xeon E5 v4 (Broadwell)',
  'intel-skylake-e3': 'Intel Xeon E3 v5/v6 (Skylake, Kaby Lake)',
  'intel-coffeelake-e': 'Intel Xeon E-21xx/22xx (Coffee Lake)',
  'intel-rocketlake-e': 'Intel Xeon E-23xx/24xx (Rocket Lake, Raptor Lake)',
  'intel-xeon-d': 'Intel Xeon D',
  'intel-nehalem': 'Intel Xeon 55xx/56xx/75xx (Nehalem, Westmere)',
  'intel-core2': 'Intel Xeon before Nehalem (Core 2)',
  'arm-neoverse-n1': 'Arm Neoverse N1 (Ampere Altra, AWS Graviton2)',
  'arm-neoverse-v2': 'Arm Neoverse V2 (NVIDIA Grace, AWS Graviton4)',
};

/**
 * The tier from the CPUID signature in /proc/cpuinfo, for VMs that hide the model name ("AMD
 * EPYC", "Intel(R) Xeon(R) Processor"). Family/model numbers from the vendors' programming
 * references as listed by the Linux kernel (arch/x86/include/asm/intel-family.h) and AMD's
 * processor programming reference per family (17h, 19h, 1Ah).
 */
export function tierFromCpuid(cpu: CpuInfo): string | null {
  const { vendor, family, model, stepping } = cpu;
  if (vendor === 'AuthenticAMD' && family !== undefined && model !== undefined) {
    if (family === 23 && model === 1) return 'amd-epyc-zen1';
    if (family === 23 && model === 49) return 'amd-epyc-zen2';
    if (family === 25 && model === 1) return 'amd-epyc-zen3';
    if (family === 25 && (model === 17 || model === 160)) return 'amd-epyc-zen4';
    if (family === 26 && (model === 2 || model === 17)) return 'amd-epyc-zen5';
    return null;
  }
  if (vendor === 'GenuineIntel' && family === 6 && model !== undefined) {
    if (model === 45 || model === 42) return 'intel-sandybridge';
    if (model === 62 || model === 58) return 'intel-ivybridge';
    if (model === 63 || model === 60) return 'intel-haswell';
    if (model === 79 || model === 86) return 'intel-broadwell';
    if (model === 85) {
      if (stepping === undefined) return null;
      return stepping <= 4 ? 'intel-xeon-sp-gen1' : stepping <= 7 ? 'intel-xeon-sp-gen2' : 'intel-xeon-sp-gen3';
    }
    if (model === 106 || model === 108) return 'intel-xeon-sp-gen3';
    if (model === 143) return 'intel-xeon-sp-gen4';
    if (model === 207) return 'intel-xeon-sp-gen5';
    if (model === 173 || model === 174 || model === 175) return 'intel-xeon-6';
    return null;
  }
  const part = cpu.armPart?.toLowerCase();
  if (cpu.armImplementer?.toLowerCase() === '0x41') {
    if (part === '0xd0c') return 'arm-neoverse-n1';
    if (part === '0xd4f') return 'arm-neoverse-v2';
  }
  return null;
}
