import { describe, expect, it } from '@jest/globals';
import { parseRunArgs, parseShard, runCli, type CliProcess } from '../../src/cli.js';

function fakeProcess(argv: string[]): CliProcess & { out: string; err: string } {
  const p = {
    argv,
    cwd: '/nonexistent-cwd',
    env: {},
    out: '',
    err: '',
    stdout: { write: (t: string) => { p.out += t; } },
    stderr: { write: (t: string) => { p.err += t; } },
  };
  return p;
}

describe('energy-budget run arguments', () => {
  it('defaults the config to energy-budget.yml in the current folder', () => {
    expect(parseRunArgs([], '/w')).toEqual({
      cwd: '/w', configPath: 'energy-budget.yml', jsonPath: undefined, markdownPath: undefined,
      junitPath: undefined, baseRef: undefined, baselinePath: undefined, shard: undefined, advise: undefined,
    });
  });

  it('reads every contract flag', () => {
    const o = parseRunArgs(['--config', 'b.yml', '--json', 'r.json', '--markdown', 'r.md', '--junit', 'r.xml', '--base-ref', 'origin/main', '--shard', '2/3', '--advise'], '/w');
    expect(o).toMatchObject({ configPath: 'b.yml', jsonPath: 'r.json', markdownPath: 'r.md', junitPath: 'r.xml', baseRef: 'origin/main', shard: { index: 2, count: 3 }, advise: true });
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
    expect(p.err).toMatch(/energy-budget run: Unknown option '--nope'/);
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
