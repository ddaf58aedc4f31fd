/**
 * The edges the meters touch — files, timers, clocks — as small interfaces with real defaults,
 * so tests drive fake sysfs trees, fake timers and fake clocks without module mocks.
 */
import { readFile, readdir } from 'node:fs/promises';

/** File access used by the sysfs and procfs readers. Errors keep Node's `code` (ENOENT, EACCES). */
export interface EnergyFs {
  /** Reads a whole text file. @throws an Error with `code` set, as node:fs does. */
  readFile(path: string): Promise<string>;
  /** Lists the names in a folder. @throws an Error with `code` set, as node:fs does. */
  readdir(path: string): Promise<string[]>;
}

/** The real file system. */
export const nodeFs: EnergyFs = {
  readFile: (path) => readFile(path, 'utf8'),
  readdir: (path) => readdir(path),
};

/** A periodic callback that can be stopped; tests call the callback themselves instead. */
export interface Ticker {
  /** Calls `fn` every `intervalMs` until the returned handle is stopped. */
  every(intervalMs: number, fn: () => void): { stop(): void };
}

/** Real timers; unref'd so a forgotten meter never keeps the process alive. */
export const realTicker: Ticker = {
  every(intervalMs, fn) {
    const handle = setInterval(fn, intervalMs);
    handle.unref?.();
    return { stop: () => clearInterval(handle) };
  },
};

/** Monotonic clock, nanoseconds. */
export type ClockNs = () => bigint;

/** The real monotonic clock. */
export const realClockNs: ClockNs = () => process.hrtime.bigint();

/** Seconds between two clock readings. */
export function secondsBetween(startNs: bigint, endNs: bigint): number {
  return Number(endNs - startNs) / 1e9;
}

/** The `code` of a Node system error (`ENOENT`, `EACCES`, …), or undefined. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
