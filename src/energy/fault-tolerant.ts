/**
 * The meter the engine measures through: failures cost only the energy figure
 * (FaultTolerantMeter), and a measured meter is baselined against idle power once per process.
 */
import type { ModelConfig, PowerSettings } from '../config/types.js';
import type { RunLogger } from '../util/logger.js';
import { messageOf } from '../errors.js';
import type { EnergyWindow, EnergyMeter, WindowToken } from './types.js';
import { measureIdle, openMeter, withIdleBaseline, type IdleBaseline } from './index.js';

/** What opening a meter for one model needs: the run's settings, and caches shared by its models. */
export interface MeterContext {
  config: { power: PowerSettings };
  logger: RunLogger;
  env: Record<string, string | undefined>;
  sysfsRoot: string;
  procRoot?: string;
  /** Notices already shown (the meter's choice is the same for every model: say it once). */
  shown?: Set<string>;
  /** Waits (the idle window). @default setTimeout */
  sleep?: (seconds: number) => Promise<void>;
  /** Idle baselines measured in this process, by meter description. */
  idle?: Map<string, IdleBaseline>;
}

/** The token of a window whose begin() failed: end() then returns no energy. */
interface FailedToken extends WindowToken {
  failed: true;
}

/**
 * A meter whose failures cost only the energy figure: when a counter fails in the middle of a
 * run (a RAPL file vanishing, nvidia-smi dying), `begin`/`end` do not throw, so the latency and
 * throughput of the same run survive; `end` returns a window of NaN joules that the caller
 * drops after reading the reason with `takeFailure()`. Energy is then reported as unavailable
 * with that reason, never replaced by an estimate after the fact (the estimate needs its own
 * snapshot at the start of the window, and an estimate must never stand in for a measurement
 * silently).
 */
export class FaultTolerantMeter implements EnergyMeter {
  private failure: string | undefined;
  constructor(private readonly inner: EnergyMeter) {}
  get method(): EnergyMeter['method'] {
    return this.inner.method;
  }
  get description(): string {
    return this.inner.description;
  }
  get modelledIdleW(): number | undefined {
    return this.inner.modelledIdleW;
  }
  async begin(): Promise<WindowToken> {
    try {
      return await this.inner.begin();
    } catch (error) {
      this.failure ??= oneLineReason(error);
      const failed: FailedToken = { startedAt: Date.now(), failed: true };
      return failed;
    }
  }
  async end(token: WindowToken): Promise<EnergyWindow> {
    if (!('failed' in token && token.failed === true)) {
      try {
        return await this.inner.end(token);
      } catch (error) {
        this.failure ??= oneLineReason(error);
      }
    }
    return {
      energyJ: Number.NaN,
      domainsJ: {},
      durationS: 0,
      method: this.inner.method,
      notes: [`energy unavailable: ${this.failure}`],
    };
  }
  close(): Promise<void> {
    return this.inner.close();
  }
  /** The first failure since the last call, if any (and forgets it). */
  takeFailure(): string | undefined {
    const f = this.failure;
    this.failure = undefined;
    return f;
  }
}

/** An error's message on one line, for notes and notices. */
export function oneLineReason(error: unknown): string {
  return messageOf(error).replace(/\s*\n\s*/g, ' ');
}

/** Opens the model's meter (fault-tolerant, idle-baselined), runs `use` with it, and closes it. */
export async function withMeter<T>(
  cfg: Pick<ModelConfig, 'energy' | 'device'>,
  ctx: MeterContext,
  use: (meter: FaultTolerantMeter) => Promise<T>,
): Promise<T> {
  const { meter, notices } = await openMeter(cfg.energy, {
    sysfsRoot: ctx.sysfsRoot,
    procRoot: ctx.procRoot,
    env: ctx.env,
    power: ctx.config.power,
    device: cfg.device,
  });
  const shown = (ctx.shown ??= new Set());
  for (const n of notices) {
    // How energy is obtained is information, not a problem: said once, on the progress stream.
    if (!shown.has(n)) ctx.logger.progress(`note: ${n}`);
    shown.add(n);
  }
  try {
    return await use(new FaultTolerantMeter(await idleBaselined(meter, ctx)));
  } finally {
    await meter.close();
  }
}

/**
 * A measured meter (RAPL, NVML) measures idle power briefly, once per meter and process, so
 * that reports show the energy attributable to the workload besides the gross figure; the
 * estimate's windows already carry the modelled idle power. `ENERGY_BUDGET_IDLE_S` sets the
 * idle window (default 1 s; 0 turns it off).
 */
async function idleBaselined(meter: EnergyMeter, ctx: MeterContext): Promise<EnergyMeter> {
  if (meter.method === 'estimate') return meter;
  const seconds = Number(ctx.env.ENERGY_BUDGET_IDLE_S ?? 1);
  if (!(seconds > 0)) return meter;
  const cache = (ctx.idle ??= new Map());
  let baseline = cache.get(meter.description);
  if (!baseline) {
    try {
      baseline = await measureIdle(meter, seconds, ctx.sleep ?? ((s) => new Promise((done) => setTimeout(done, s * 1000))));
      cache.set(meter.description, baseline);
      ctx.logger.progress(
        `note: idle power ${baseline.idleW.toFixed(2)} W (${meter.method}, measured over ${baseline.durationS.toFixed(1)} s)`,
      );
    } catch (error) {
      ctx.logger.warn(`idle power could not be measured (${oneLineReason(error)}); energy is reported gross only`);
      return meter;
    }
  }
  return withIdleBaseline(meter, baseline);
}
