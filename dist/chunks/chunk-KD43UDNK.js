import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);
import {
  readReport
} from "./chunk-GOOTJIT7.js";

// src/baseline/report.ts
var loadBaselineReport = readReport;
function describeThreads(m) {
  return m?.inference?.threads;
}
function environmentDifferences(base, head, config) {
  const out = [];
  const a = base.environment ?? {};
  const b = head.environment;
  const differ = (label, x, y, consequence) => {
    if (x !== void 0 && y !== void 0 && x !== y)
      out.push(`the baseline was measured ${label} ${JSON.stringify(x)}, this run ${label} ${JSON.stringify(y)}: ${consequence}`);
  };
  const perf = "latency and energy are not comparable across them, so regression checks compare machines as much as models";
  differ("on CPU", a.cpu, b.cpu, perf);
  differ("with logical CPUs", a.logicalCpus, b.logicalCpus, perf);
  differ("on device", a.device, b.device, perf);
  differ("with onnxruntime", a.onnxruntime, b.onnxruntime, "kernels and threading differ between versions");
  differ("on OS", a.os, b.os, "scheduling and timers differ");
  const headByName = new Map((head.models ?? []).map((m) => [m.name, m]));
  const cfgByName = new Map((config?.models ?? []).map((m) => [m.name, m]));
  for (const bm of base.models ?? []) {
    const hm = headByName.get(bm.name);
    const cfg = cfgByName.get(bm.name);
    const bt = describeThreads(bm);
    const ht = describeThreads(hm) ?? cfg?.threads;
    if (bt !== void 0 && ht !== void 0 && bt !== ht) {
      out.push(
        `${bm.name}: the baseline ran with ${bt} thread${bt === 1 ? "" : "s"}, this run with ${ht}: latency and energy are not comparable`
      );
    }
    const bMethod = bm.inference?.energy?.method;
    const hMethod = hm?.inference?.energy?.method ?? (cfg && cfg.energy !== "auto" ? cfg.energy : void 0);
    if (bMethod !== void 0 && hMethod !== void 0 && bMethod !== hMethod) {
      out.push(
        `${bm.name}: the baseline's energy came from ${bMethod}, this run's from ${hMethod}: energy figures from different meters are not comparable`
      );
    }
  }
  return out;
}

export {
  loadBaselineReport,
  environmentDifferences
};
