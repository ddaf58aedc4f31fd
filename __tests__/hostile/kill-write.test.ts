/**
 * Reports that survive being killed (issue 21): a process writing a large report through the
 * engine's writeReports (the one writer of JSON, Markdown and JUnit) is SIGKILLed at the
 * moment a file in its folder is part-written. The report left must be whole: it passes the
 * checks `merge` and `--baseline` apply. The only other files left are the writer's own
 * `.NAME.*.tmp` temporaries. (With a plain writeFile the same kill leaves a torn r.json.)
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readReport as loadBaselineReport } from '../../src/report/read.js';
import { buildEngine } from './support.js';

let engine: string;
let base: string;

beforeAll(async () => {
  engine = await buildEngine(['report-writer']);
  base = await mkdtemp(path.join(tmpdir(), 'eb-killwrite-'));
}, 120_000);
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
  await rm(engine, { recursive: true, force: true });
});

/**
 * Starts the writer in a fresh folder, waits for one complete round (the full size of r.json),
 * then watches the folder and SIGKILLs the writer at the moment a file is part-written: r.json
 * itself (a plain write) or its temporary (an atomic one).
 */
async function killMidWrite(): Promise<{ dir: string; caught: string; fullBytes: number }> {
  const dir = await mkdtemp(path.join(base, 'run-'));
  const child = spawn(process.execPath, [path.join(engine, 'report-writer.js')], { cwd: dir });
  const exited = new Promise((r) => child.on('exit', r));
  let out = '';
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('written 1\n')) resolve();
    });
  });
  const fullBytes = statSync(path.join(dir, 'r.json')).size;
  let caught = '';
  const end = Date.now() + 20_000;
  while (!caught && Date.now() < end) {
    for (const name of readdirSync(dir)) {
      let size = -1;
      try {
        size = statSync(path.join(dir, name)).size;
      } catch {
        continue; // renamed meanwhile
      }
      if (size > 0 && size < fullBytes) caught = `${name} at ${size} of ${fullBytes} bytes`;
    }
  }
  child.kill('SIGKILL');
  await exited;
  return { dir, caught, fullBytes };
}

describe('killing a report writer mid-write', () => {
  it.each([1, 2])(
    'kill %i: caught part-written, and r.json is still whole',
    async () => {
      const { dir, caught } = await killMidWrite();
      expect(caught).not.toBe('');
      const json = path.join(dir, 'r.json');
      const report = await loadBaselineReport(json, undefined, 'merge');
      expect(report.models).toHaveLength(200);
      for (const n of readdirSync(dir).filter((x) => x !== 'r.json')) expect(n).toMatch(/^\.r\.json\.\d+\.[0-9a-f]{12}\.tmp$/);
    },
    60_000,
  );
});
