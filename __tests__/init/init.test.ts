/**
 * `energy-budget init` on temporary folders: the model search, the budget arithmetic, and the
 * whole command through runCli with the real engine, followed by `run` on what it wrote.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { runCli, type CliProcess } from '../../src/cli.js';
import { parseQuantity } from '../../src/config/units.js';
import { loadConfig } from '../../src/config/load.js';
import { findModels, limitText, modelNames } from '../../src/init/init.js';

const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../..');
const classifier = path.join(root, 'examples/models/classifier.onnx');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'eb-init-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function proc(argv: string[], cwd: string): CliProcess & { out: string; err: string } {
  const p = {
    argv,
    cwd,
    env: { PATH: process.env.PATH },
    out: '',
    err: '',
    stdout: { write: (t: string) => (p.out += t) },
    stderr: { write: (t: string) => (p.err += t) },
  };
  return p;
}

describe('findModels', () => {
  it('finds .onnx files, skipping node_modules, .git, symbolic links, LFS pointers and empty files', async () => {
    const d = path.join(dir, 'find');
    for (const sub of ['models/a', 'node_modules/pkg', '.git/lfs', 'lfs', 'b'])
      await mkdir(path.join(d, sub), { recursive: true });
    await copyFile(classifier, path.join(d, 'models/a/net.onnx'));
    await copyFile(classifier, path.join(d, 'b/Other.ONNX'));
    await copyFile(classifier, path.join(d, 'node_modules/pkg/dep.onnx'));
    await copyFile(classifier, path.join(d, '.git/lfs/obj.onnx'));
    await writeFile(path.join(d, 'lfs/big.onnx'), 'version https://git-lfs.github.com/spec/v1\noid sha256:00\nsize 9\n');
    await writeFile(path.join(d, 'empty.onnx'), '');
    await symlink(path.join(d, 'models/a/net.onnx'), path.join(d, 'link.onnx'));
    const { models, skipped } = await findModels(d);
    expect(models.map((m) => m.rel)).toEqual(['b/Other.ONNX', 'models/a/net.onnx']);
    expect(skipped).toEqual([
      { rel: 'empty.onnx', why: 'is empty' },
      { rel: 'lfs/big.onnx', why: 'is a Git LFS pointer, not the model (run `git lfs pull` and init again)' },
    ]);
  });

  it('names models after their files, by path where two files share a name', () => {
    expect(modelNames(['a/net.onnx', 'b/net.onnx', 'cnn.onnx'])).toEqual(['a-net', 'b-net', 'cnn']);
  });
});

describe('limitText', () => {
  it('rounds measured × headroom up to three digits, in a unit the budget file reads', () => {
    expect(limitText(436_000, 1.1, 'bytes')).toBe('480 kB');
    expect(limitText(109_386, 1.1, 'count')).toBe('121k');
    expect(limitText(0.000196, 2, 'energy')).toBe('392 µJ');
    expect(limitText(0.0000564, 2, 'time')).toBe('113 µs');
    for (const [v, f, k] of [
      [123_456_789, 1.1, 'flops'],
      [0.0012345, 2, 'time'],
      [999_999, 1.1, 'bytes'],
      [7, 1.1, 'count'],
    ] as const) {
      expect(parseQuantity(limitText(v, f, k), k)).toBeGreaterThanOrEqual(v * f * (1 - 1e-12));
    }
  });
});

describe('energy-budget init', () => {
  let project: string;
  beforeAll(async () => {
    project = path.join(dir, 'project');
    await mkdir(path.join(project, 'models'), { recursive: true });
    await copyFile(classifier, path.join(project, 'models/classifier.onnx'));
  });

  it('writes a commented budget file and a workflow, and `run` passes on them right after', async () => {
    const p = proc(['init', '--iterations', '40'], project);
    expect(await runCli(p)).toBe(0);
    expect(p.out).toContain('wrote energy-budget.yml (1 models)');
    const text = await readFile(path.join(project, 'energy-budget.yml'), 'utf8');
    const schema = path.relative(project, path.join(root, 'schema/energy-budget.schema.json')).split(path.sep).join('/');
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${schema}`);
    expect(text).toMatch(/# Budgets are the measured values plus headroom: \+10% for model size, parameters and FLOPs/);
    expect(text).toMatch(/# Energy was (ESTIMATED from a power model|measured)/);
    const doc = parse(text) as { models: Array<Record<string, unknown>> };
    expect(doc.models).toHaveLength(1);
    expect(doc.models[0]).toMatchObject({ name: 'classifier', path: 'models/classifier.onnx', dims: { N: 1 } });
    const budget = doc.models[0].budget as Record<string, unknown>;
    expect(Object.keys(budget)).toEqual([
      'model-size',
      'parameters',
      'flops',
      'energy-per-inference',
      'latency-p95',
      'regression',
    ]);
    expect(budget['model-size']).toBe('480 kB'); // 436 kB measured, +10%
    expect(text).toMatch(/\n {6}parameters: 120k +# measured 109k, \+10%\n/);
    expect(budget['latency-p95']).toMatchObject({ level: 'warn' });
    expect(budget.regression).toEqual({ 'energy-per-inference': '5%' });
    // The file is valid for the loader, schema line and comments included.
    await expect(loadConfig(path.join(project, 'energy-budget.yml'))).resolves.toBeDefined();
    const workflow = await readFile(path.join(project, '.github/workflows/energy-budget.yml'), 'utf8');
    expect(workflow).toContain('npx energy-budget run --config energy-budget.yml');
    expect(parse(workflow)).toMatchObject({ on: { pull_request: null } });

    const r = proc(['run', '--json', 'report.json'], project);
    expect(await runCli(r)).toBe(0);
    const report = JSON.parse(await readFile(path.join(project, 'report.json'), 'utf8')) as { verdict: string };
    expect(report.verdict).not.toBe('fail');
  });

  it('never overwrites: a second init exits 2 and leaves both files; --dry-run prints; --force writes', async () => {
    const file = path.join(project, 'energy-budget.yml');
    await writeFile(file, '# mine\nversion: 1\nmodels: []\n');
    const again = proc(['init'], project);
    expect(await runCli(again)).toBe(2);
    expect(again.err).toContain('energy-budget.yml already exists and is left as it is. Pass --force');
    expect(await readFile(file, 'utf8')).toBe('# mine\nversion: 1\nmodels: []\n');

    const dry = proc(['init', '--dry-run', '--iterations', '10'], project);
    expect(await runCli(dry)).toBe(0);
    expect(dry.out).toContain('# --- energy-budget.yml (dry run: not written)');
    expect(dry.out).toContain('# .github/workflows/energy-budget.yml exists and would be left as it is.');
    expect(await readFile(file, 'utf8')).toBe('# mine\nversion: 1\nmodels: []\n');

    const forced = proc(['init', '--force', '--iterations', '10'], project);
    expect(await runCli(forced)).toBe(0);
    expect(await readFile(file, 'utf8')).toContain('name: classifier');
  });

  it('leaves out a model it cannot measure, saying why in the file', async () => {
    const mixed = path.join(dir, 'mixed');
    await mkdir(mixed, { recursive: true });
    await copyFile(classifier, path.join(mixed, 'good.onnx'));
    await writeFile(path.join(mixed, 'broken.onnx'), 'this is not a protobuf model');
    const p = proc(['init', '--dry-run', '--iterations', '10'], mixed);
    expect(await runCli(p)).toBe(0);
    expect(p.out).toMatch(/\n# Left out broken\.onnx: it could not be measured: [^\n]+\n/);
    expect(p.err).toContain('note: left out broken.onnx: it could not be measured:');
    const doc = parse(p.out.split('# --- .github/workflows/energy-budget.yml')[0]) as { models: Array<{ name: string }> };
    expect(doc.models.map((m) => m.name)).toEqual(['good']);
  });

  it('says so when there is no model, and rejects a bad --iterations', async () => {
    const empty = path.join(dir, 'empty');
    await mkdir(path.join(empty, 'node_modules'), { recursive: true });
    await copyFile(classifier, path.join(empty, 'node_modules/hidden.onnx'));
    const p = proc(['init'], empty);
    expect(await runCli(p)).toBe(2);
    expect(p.err).toContain('found no .onnx model under');
    expect(p.err).not.toMatch(/\n\s+at /); // no stack trace
    const bad = proc(['init', '--iterations', 'many'], empty);
    expect(await runCli(bad)).toBe(2);
    expect(bad.err).toContain("--iterations expects a whole number of timed runs ≥ 1, e.g. --iterations 200; got 'many'.");
  });
});
