import { describe, expect, it } from '@jest/globals';
import { parseRunArgs, parseShard, runCli, type CliProcess } from '../../src/cli.js';

function fakeProcess(argv: string[]): CliProcess & { out: string; err: string } {
  const p = {
    argv,
    cwd: '/nonexistent-cwd',
    env: {},
    out: '',
    err: '',
    stdout: {
      write: (t: string) => {
        p.out += t;
      },
    },
    stderr: {
      write: (t: string) => {
        p.err += t;
      },
    },
  };
  return p;
}

describe('energy-budget run arguments', () => {
  it('defaults the config to energy-budget.yml in the current folder', () => {
    expect(parseRunArgs([], '/w')).toEqual({
      cwd: '/w',
      configPath: 'energy-budget.yml',
      jsonPath: undefined,
      markdownPath: undefined,
      junitPath: undefined,
      baseRef: undefined,
      baselinePath: undefined,
      shard: undefined,
      advise: undefined,
    });
  });

  it('reads every contract flag', () => {
    const o = parseRunArgs(
      [
        '--config',
        'b.yml',
        '--json',
        'r.json',
        '--markdown',
        'r.md',
        '--junit',
        'r.xml',
        '--base-ref',
        'origin/main',
        '--shard',
        '2/3',
        '--advise',
      ],
      '/w',
    );
    expect(o).toMatchObject({
      configPath: 'b.yml',
      jsonPath: 'r.json',
      markdownPath: 'r.md',
      junitPath: 'r.xml',
      baseRef: 'origin/main',
      shard: { index: 2, count: 3 },
      advise: true,
    });
    expect(parseRunArgs(['--baseline=old.json'], '/w').baselinePath).toBe('old.json');
  });

  it.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['--config'], /--config.*argument missing|needs a value|argument/],
    [['--base-ref', 'main', '--baseline', 'r.json'], /either --base-ref or --baseline/],
    [['extra'], /positional argument|Unexpected argument/],
  ])('rejects %j with a message', (args, pattern) => {
    expect(() => parseRunArgs(args as string[], '/w')).toThrow(pattern);
  });

  it.each(['0/2', '3/2', 'a/b', '1', '1/0'])('rejects shard %s', (s) => {
    expect(() => parseShard(s)).toThrow(/--shard expects I\/N/);
  });
});

describe('runCli', () => {
  it('exits 2 with the usage on an unknown command, without a stack trace', async () => {
    const p = fakeProcess(['frobnicate']);
    expect(await runCli(p)).toBe(2);
    expect(p.err).toMatch(/Unknown command 'frobnicate'/);
    expect(p.err).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on a bad flag', async () => {
    const p = fakeProcess(['run', '--nope']);
    expect(await runCli(p)).toBe(2);
    expect(p.err).toMatch(/^energy-budget: run: Unknown option '--nope'/);
    expect(p.err).not.toMatch(/energy-budget: energy-budget/);
  });

  it('prints help with exit 0', async () => {
    const p = fakeProcess(['--help']);
    expect(await runCli(p)).toBe(0);
    expect(p.out).toMatch(/energy-budget run \[options\]/);
  });

  it('exits 2 naming the file when the budget file is missing', async () => {
    const p = fakeProcess(['run', '--config', 'missing.yml']);
    expect(await runCli(p)).toBe(2);
    expect(p.err).toMatch(/missing\.yml/);
  });
});

describe('energy-budget merge', () => {
  it('combines shard reports into one, with the worst verdict and every model', async () => {
    const { mkdtemp, writeFile, readFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = await mkdtemp(path.join(tmpdir(), 'eb-merge-'));
    const env = { cpu: 'c', logicalCpus: 2, os: 'l', node: 'v20', onnxruntime: '1.30.0' };
    const model = (name: string, status: 'pass' | 'fail') => ({
      name,
      path: `${name}.onnx`,
      size: { bytes: 10, parameters: 2, bytesByDtype: {}, sparsity: 0 },
      flops: 4,
      budgets: [{ metric: 'parameters', kind: 'absolute', limit: 1, value: 2, baseline: null, status }],
    });
    await writeFile(
      path.join(dir, 'a.json'),
      JSON.stringify({ schemaVersion: 1, verdict: 'pass', environment: env, models: [model('a', 'pass')] }),
    );
    await writeFile(
      path.join(dir, 'b.json'),
      JSON.stringify({ schemaVersion: 1, verdict: 'fail', environment: env, models: [model('b', 'fail')] }),
    );
    const p = fakeProcess(['merge', 'a.json', 'b.json', '--json', 'all.json', '--junit', 'all.xml']);
    p.cwd = dir;
    expect(await runCli(p)).toBe(1);
    const merged = JSON.parse(await readFile(path.join(dir, 'all.json'), 'utf8'));
    expect(merged.verdict).toBe('fail');
    expect(merged.models.map((m: { name: string }) => m.name)).toEqual(['a', 'b']);
    expect(await readFile(path.join(dir, 'all.xml'), 'utf8')).toMatch(/<testsuite name="b"/);
    const none = fakeProcess(['merge']);
    expect(await runCli(none)).toBe(2);
    expect(none.err).toMatch(/give the report JSON files/);
    // #26 item 10: merge has its own help, names itself (not --baseline) for a missing file,
    // and its messages carry the prefix once.
    const help = fakeProcess(['merge', '--help']);
    expect(await runCli(help)).toBe(0);
    expect(help.out).toMatch(/^Usage: energy-budget merge REPORT\.json\.\.\./);
    const missing = fakeProcess(['merge', 'missing.json']);
    missing.cwd = dir;
    expect(await runCli(missing)).toBe(2);
    expect(missing.err).toMatch(/^energy-budget: merge .*missing\.json: the file does not exist/);
    expect(missing.err).not.toMatch(/--baseline|energy-budget: energy-budget/);
    const bad = fakeProcess(['merge', '--nope']);
    expect(await runCli(bad)).toBe(2);
    expect(bad.err).toMatch(/^energy-budget: merge: Unknown option '--nope'/);
    await rm(dir, { recursive: true, force: true });
  });
});
