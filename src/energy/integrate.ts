/**
 * Energy from power samples: a time series of (time, watts) integrated with the trapezoid rule
 * over any interval, power held constant before the first and after the last sample.
 */

/** Power samples of one device, in time order. */
export class PowerTrace {
  private readonly tNs: bigint[] = [];
  private readonly w: number[] = [];

  /** Number of samples held. */
  get length(): number {
    return this.tNs.length;
  }

  /** Time of the newest sample, or null. */
  get lastNs(): bigint | null {
    return this.tNs.length ? this.tNs[this.tNs.length - 1] : null;
  }

  /** Adds a sample; one older than the newest is ignored (clocks are monotonic). */
  add(tNs: bigint, watts: number): void {
    const last = this.lastNs;
    if (last !== null && tNs < last) return;
    this.tNs.push(tNs);
    this.w.push(watts);
  }

  /** Power at time t, watts: linear between samples, constant outside them. */
  powerAt(tNs: bigint): number {
    const n = this.tNs.length;
    if (n === 0) return 0;
    if (tNs <= this.tNs[0]) return this.w[0];
    if (tNs >= this.tNs[n - 1]) return this.w[n - 1];
    let i = 1;
    while (this.tNs[i] < tNs) i++;
    const t0 = this.tNs[i - 1];
    const t1 = this.tNs[i];
    const f = Number(tNs - t0) / Number(t1 - t0);
    return this.w[i - 1] + f * (this.w[i] - this.w[i - 1]);
  }

  /** Energy between two times, joules (trapezoid rule over the samples inside). */
  integrate(fromNs: bigint, toNs: bigint): number {
    if (toNs <= fromNs || this.tNs.length === 0) return 0;
    const points: Array<[bigint, number]> = [[fromNs, this.powerAt(fromNs)]];
    for (let i = 0; i < this.tNs.length; i++) {
      if (this.tNs[i] > fromNs && this.tNs[i] < toNs) points.push([this.tNs[i], this.w[i]]);
    }
    points.push([toNs, this.powerAt(toNs)]);
    let joules = 0;
    for (let i = 1; i < points.length; i++) {
      const dt = Number(points[i][0] - points[i - 1][0]) / 1e9;
      joules += ((points[i][1] + points[i - 1][1]) / 2) * dt;
    }
    return joules;
  }

  /** Drops samples older than `beforeNs`, keeping one so `powerAt` stays defined there. */
  prune(beforeNs: bigint): void {
    let k = 0;
    while (k + 1 < this.tNs.length && this.tNs[k + 1] <= beforeNs) k++;
    if (k > 0) {
      this.tNs.splice(0, k);
      this.w.splice(0, k);
    }
  }
}
