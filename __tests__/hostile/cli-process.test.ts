/**
 * The CLI as a real process, the way `npx energy-budget` runs it: a fresh esbuild bundle of
 * src/cli.ts with the worker beside it (so models are isolated, as in dist/), and the committed
 * bin/energy-budget.js. Bad input must give exit 2 and a one-paragraph message, never a stack.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Report } from '../../src/report/types.js';
import { buildEngine, root } from './support.js';

let engine: string;
let dir: string;

function node(script: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // An argument array, no shell; the environment without tokens.
    execFile(
      process.execPath,
      [script, ...args],
      { cwd, env: { PATH: process.env.PATH ?? '' }, timeout: 120_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? 99) : 0, stdout, stderr });
      },
    );
  });
}

beforeAll(async () => {
  engine = await buildEngine(['cli-main', 'worker']);
  dir = await mkdtemp(path.join(tmpdir(), 'eb-cli-proc-'));
  await mkdir(path.join(dir, '.git'));
  await copyFile(path.join(root, 'examples/models/cnn.onnx'), path.join(dir, 'cnn.onnx'));
  await writeFile(
    path.join(dir, 'truncated.onnx'),
    (await readFile(path.join(root, 'examples/models/cnn.onnx'))).subarray(0, 3000),
  );
  await writeFile(
    path.join(dir, 'energy-budget.yml'),
    `version: 1
models:
  - name: cnn
    path: cnn.onnx
    inference: { iterations: 5, warmup: 1 }
    energy: estimate
    budget: { model-size: 1 MB }
  - name: truncated
    path: truncated.onnx
    budget: { model-size: 1 MB }
  - name: escapee
    path: ../../etc/hostname
    budget: { model-size: 1 MB }
`,
  );
  await writeFile(path.join(dir, 'broken.yml'), 'version: 1\nmodels:\n  - name: "unterminated\n');
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(engine, { recursive: true, force: true });
});

describe('the bundled CLI as a process', () => {
  it('measures the good model in its worker, reports the bad ones, writes the report, exits 2', async () => {
    const r = await node(path.join(engine, 'cli-main.js'), ['run', '--json', 'out.json'], dir);
    expect(r.code).toBe(2);
    // The worker beside the bundle was found: no in-process fallback notice.
    expect(r.stderr).not.toMatch(/measured in this process/);
    expect(r.stderr + r.stdout).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
    const report = JSON.parse(await readFile(path.join(dir, 'out.json'), 'utf8')) as Report;
    expect(report.models.map((m) => [m.name, m.error?.code ?? 'ok'])).toEqual([
      ['cnn', 'ok'],
      ['truncated', 'MODEL_INVALID'],
      ['escapee', 'PATH_OUTSIDE_WORKSPACE'],
    ]);
    expect(report.models[0].inference!.runs).toBe(5);
  }, 120_000);

  it('malformed YAML: exit 2, the file and line, no stack trace', async () => {
    const r = await node(path.join(engine, 'cli-main.js'), ['run', '--config', 'broken.yml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.yml:\d+/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  const bin = path.join(root, 'bin/energy-budget.js');
  (existsSync(path.join(root, 'dist/cli.js')) ? it : it.skip)(
    'bin/energy-budget.js (the committed dist/) gives the same exit 2 for malformed YAML',
    async () => {
      const r = await node(bin, ['run', '--config', 'broken.yml'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/broken\.yml:\d+/);
    },
    60_000,
  );
});
