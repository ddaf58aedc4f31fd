/**
 * A CPU meter and a GPU meter read as one: windows begin and end together, joules add up,
 * domains are merged, and the method names both parts (`rapl+nvml`, `estimate+nvml`).
 */
import type { BaseEnergyMethod, EnergyMeter, EnergyMethod, EnergyWindow, WindowToken } from './types.js';

const BASE_METHODS: readonly BaseEnergyMethod[] = ['rapl', 'nvml', 'nvidia-smi', 'estimate'];

function isBaseMethod(text: string): text is BaseEnergyMethod {
  return BASE_METHODS.some((m) => m === text);
}

/** The method of parts measured together (`rapl+nvml`): one or two base methods in all. */
function joinMethods(methods: readonly EnergyMethod[]): EnergyMethod {
  const [a, b, ...rest] = methods.flatMap((m) => m.split('+')).filter(isBaseMethod);
  if (a !== undefined && b === undefined) return a;
  if (a !== undefined && b !== undefined && rest.length === 0) return `${a}+${b}`;
  throw new Error(`Cannot name the method of ${methods.join(', ')}: one or two meters expected (internal error).`);
}

/** Several meters as one (at least one). */
export class CombinedMeter implements EnergyMeter {
  readonly method: EnergyMethod;
  readonly description: string;
  readonly modelledIdleW?: number;
  /** The parts' tokens of each open window, by the token `begin` handed out. */
  private readonly open = new Map<WindowToken, WindowToken[]>();

  constructor(readonly parts: EnergyMeter[]) {
    if (parts.length === 0) throw new Error('CombinedMeter needs at least one meter.');
    this.method = joinMethods(parts.map((p) => p.method));
    this.description = parts.map((p) => p.description).join('; ');
  }

  /** Begins every part. */
  async begin(): Promise<WindowToken> {
    const tokens: WindowToken[] = [];
    for (const p of this.parts) tokens.push(await p.begin());
    const token: WindowToken = { startedAt: tokens[0].startedAt };
    this.open.set(token, tokens);
    return token;
  }

  /** Ends every part (in reverse order, so the window of the first part encloses the others). */
  async end(token: WindowToken): Promise<EnergyWindow> {
    const tokens = this.open.get(token);
    if (!tokens) throw new Error('Combined window ended twice or never begun (internal error).');
    this.open.delete(token);
    const windows: EnergyWindow[] = new Array(this.parts.length);
    for (let i = this.parts.length - 1; i >= 0; i--) windows[i] = await this.parts[i].end(tokens[i]);
    return combineWindows(windows);
  }

  /** Closes every part, even when one fails. */
  async close(): Promise<void> {
    this.open.clear();
    const results = await Promise.allSettled(this.parts.map((p) => p.close()));
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  }
}

/** Merges windows of different domains measured over the same interval. */
export function combineWindows(windows: EnergyWindow[]): EnergyWindow {
  if (windows.length === 1) return windows[0];
  const domainsJ: Record<string, number> = {};
  for (const w of windows) {
    for (const [k, v] of Object.entries(w.domainsJ)) {
      let key = k;
      for (let n = 2; key in domainsJ; n++) key = `${k}#${n}`;
      domainsJ[key] = v;
    }
  }
  const allIdle = windows.every((w) => w.idleW !== undefined);
  const allUnc = windows.every((w) => w.uncertaintyJ !== undefined);
  const energyJ = windows.reduce((a, w) => a + w.energyJ, 0);
  const idleW = allIdle ? windows.reduce((a, w) => a + (w.idleW ?? 0), 0) : undefined;
  const durationS = Math.max(...windows.map((w) => w.durationS));
  return {
    energyJ,
    domainsJ,
    durationS,
    method: joinMethods(windows.map((w) => w.method)),
    estimated: windows.some((w) => w.estimated === true || w.method.includes('estimate')),
    idleW,
    idleMeasured: allIdle ? windows.every((w) => w.idleMeasured === true) : undefined,
    attributableJ: allIdle ? windows.reduce((a, w) => a + (w.attributableJ ?? 0), 0) : undefined,
    // Independent parts: one-sigma errors add in quadrature.
    uncertaintyJ: allUnc ? Math.sqrt(windows.reduce((a, w) => a + (w.uncertaintyJ ?? 0) ** 2, 0)) : undefined,
    notes: windows.flatMap((w) => w.notes),
    estimate: windows.find((w) => w.estimate)?.estimate,
    parts: windows,
  };
}
