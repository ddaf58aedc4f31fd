/**
 * No lost shard (issue 21): three models split by `--shard 1/2` and `2/2` on real onnxruntime,
 * then `energy-budget merge`. One shard alone is `incomplete` (exit 3, the missing models and
 * shard named), never a pass; reports of two commits or two budget files are refused; merged
 * models keep the budget file's order; a truncated report names the command the user gave.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli.js';
import { modelsDigest } from '../../src/report/merge.js';
import type { Report } from '../../src/report/types.js';

const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../..');
const SHA = 'c'.repeat(40);
let dir: string;

const entry = (name: string) =>
  `  - name: ${name}\n    path: models/cnn.onnx\n    inference: { iterations: 3, warmup: 1 }\n    energy: estimate\n    budget: { parameters: 10k }\n`;

function proc(argv: string[], env: Record<string, string> = { GITHUB_SHA: SHA }) {
  const p = {
    argv,
    cwd: dir,
    env,
    out: '',
    err: '',
    stdout: { write: (t: string) => void (p.out += t) },
    stderr: { write: (t: string) => void (p.err += t) },
  };
  return p;
}

const read = async (f: string) => JSON.parse(await readFile(path.join(dir, f), 'utf8')) as Report;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'eb-shards-'));
  await mkdir(path.join(dir, 'models'));
  await copyFile(path.join(root, 'examples/models/cnn.onnx'), path.join(dir, 'models/cnn.onnx'));
  await writeFile(path.join(dir, 'energy-budget.yml'), `version: 1\nmodels:\n${entry('alpha')}${entry('beta')}${entry('gamma')}`);
  for (const s of ['1', '2']) {
    const p = proc(['run', '--shard', `${s}/2`, '--json', `s${s}.json`]);
    expect(await runCli(p)).toBe(0);
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('shards and merge', () => {
  it('each shard report records its shard, the commit and the budget file’s model list', async () => {
    const s1 = await read('s1.json');
    const s2 = await read('s2.json');
    expect(s1.shard).toEqual({ index: 1, count: 2 });
    expect(s2.shard).toEqual({ index: 2, count: 2 });
    expect(s1.models.map((m) => m.name)).toEqual(['alpha', 'gamma']);
    expect(s1.commit).toBe(SHA);
    expect(s1.configModels).toEqual(['alpha', 'beta', 'gamma']);
    expect(s1.modelsDigest).toBe(modelsDigest(['alpha', 'beta', 'gamma'].map((name) => ({ name, path: 'models/cnn.onnx' }))));
    expect(s2.modelsDigest).toBe(s1.modelsDigest);
  });

  it('one shard of two: verdict incomplete, the missing model and shard named, exit 3', async () => {
    const p = proc(['merge', 's1.json', '--json', 'm1.json', '--markdown', 'm1.md']);
    expect(await runCli(p)).toBe(3);
    expect(p.err).toContain('no report from shard 2/2');
    expect(p.err).toContain('no result for beta');
    expect(p.out).toContain('INCOMPLETE');
    const merged = await read('m1.json');
    expect(merged.verdict).toBe('incomplete');
    expect(merged.incomplete).toEqual({ missingShards: ['2/2'], missingModels: ['beta'] });
    const md = await readFile(path.join(dir, 'm1.md'), 'utf8');
    expect(md).toContain('incomplete');
    expect(md).toContain('no report from shard `2/2`');
    expect(md).toMatch(/No result\*\* \(budgets not checked\): beta/);
    // --allow-incomplete judges the results present but still says what is missing.
    const allow = proc(['merge', 's1.json', '--allow-incomplete']);
    expect(await runCli(allow)).toBe(0);
    expect(allow.err).toContain('no result for beta');
  });

  it('both shards: complete, in the budget file’s order, exit 0', async () => {
    const p = proc(['merge', 's2.json', 's1.json', '--json', 'm.json']);
    expect(await runCli(p)).toBe(0);
    const merged = await read('m.json');
    expect(merged.verdict).toBe('pass');
    expect(merged.incomplete).toBeUndefined();
    expect(merged.models.map((m) => m.name)).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('refuses reports of two commits, two budget files, or one shard twice (exit 2)', async () => {
    const s2 = await read('s2.json');
    await writeFile(path.join(dir, 'other-commit.json'), JSON.stringify({ ...s2, commit: 'd'.repeat(40) }));
    const a = proc(['merge', 's1.json', 'other-commit.json']);
    expect(await runCli(a)).toBe(2);
    expect(a.err).toContain(`measured different commits (${SHA} and ${'d'.repeat(40)})`);

    await writeFile(path.join(dir, 'other-file.json'), JSON.stringify({ ...s2, modelsDigest: 'sha256:00' }));
    const b = proc(['merge', 's1.json', 'other-file.json']);
    expect(await runCli(b)).toBe(2);
    expect(b.err).toContain('come from different budget files');

    const c = proc(['merge', 's1.json', 's1.json']);
    expect(await runCli(c)).toBe(2);
    expect(c.err).toMatch(/both shard 1\/2|in two reports/);
  });

  it('a truncated report names the command and the argument given', async () => {
    const text = await readFile(path.join(dir, 's1.json'), 'utf8');
    await writeFile(path.join(dir, 't.json'), text.slice(0, 200));
    const p = proc(['merge', 't.json']);
    expect(await runCli(p)).toBe(2);
    expect(p.err).toMatch(/merge \S*t\.json: not valid JSON/);
    expect(p.err).not.toContain('--baseline');
  });
});
