/**
 * `--baseline report.json`: a report written by an earlier `energy-budget run --json` (read and
 * checked by the one report reader, report/read.ts `readReport`), and the list of the ways its
 * environment differs from this run's, since a baseline from another machine, thread count,
 * onnxruntime version or energy meter compares more than the model.
 */
import type { BudgetConfig } from '../config/types.js';
import type { EnvironmentInfo, ModelReport, Report } from '../report/types.js';

function describeThreads(m: ModelReport | undefined): number | undefined {
  return m?.inference?.threads;
}

/**
 * The ways the baseline's environment differs from this run's (CPU, logical CPUs, OS,
 * onnxruntime version, device, and per model the thread count and energy method), as warnings.
 * `config` supplies this run's threads and meter choice before anything is measured.
 */
export function environmentDifferences(
  base: Pick<Report, 'environment' | 'models'>,
  head: { environment: EnvironmentInfo; models?: readonly ModelReport[] },
  config?: Pick<BudgetConfig, 'models'>,
): string[] {
  const out: string[] = [];
  const a: Partial<EnvironmentInfo> = base.environment ?? {};
  const b = head.environment;
  const differ = (label: string, x: unknown, y: unknown, consequence: string) => {
    if (x !== undefined && y !== undefined && x !== y)
      out.push(`the baseline was measured ${label} ${JSON.stringify(x)}, this run ${label} ${JSON.stringify(y)}: ${consequence}`);
  };
  const perf = 'latency and energy are not comparable across them, so regression checks compare machines as much as models';
  differ('on CPU', a.cpu, b.cpu, perf);
  differ('with logical CPUs', a.logicalCpus, b.logicalCpus, perf);
  differ('on device', a.device, b.device, perf);
  differ('with onnxruntime', a.onnxruntime, b.onnxruntime, 'kernels and threading differ between versions');
  differ('on OS', a.os, b.os, 'scheduling and timers differ');

  const headByName = new Map((head.models ?? []).map((m) => [m.name, m]));
  const cfgByName = new Map((config?.models ?? []).map((m) => [m.name, m]));
  for (const bm of base.models ?? []) {
    const hm = headByName.get(bm.name);
    const cfg = cfgByName.get(bm.name);
    const bt = describeThreads(bm);
    const ht = describeThreads(hm) ?? cfg?.threads;
    if (bt !== undefined && ht !== undefined && bt !== ht) {
      out.push(
        `${bm.name}: the baseline ran with ${bt} thread${bt === 1 ? '' : 's'}, this run with ${ht}: latency and energy are not comparable`,
      );
    }
    const bMethod = bm.inference?.energy?.method;
    const hMethod = hm?.inference?.energy?.method ?? (cfg && cfg.energy !== 'auto' ? cfg.energy : undefined);
    if (bMethod !== undefined && hMethod !== undefined && bMethod !== hMethod) {
      out.push(
        `${bm.name}: the baseline's energy came from ${bMethod}, this run's from ${hMethod}: energy figures from different meters are not comparable`,
      );
    }
  }
  return out;
}
