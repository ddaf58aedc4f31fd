import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const script = path.join(root, 'scripts/local-action.mjs');
const echo = path.join(root, '__tests__/github/fixtures/echo-action.mjs');

function local(...args: string[]) {
  const env = { PATH: process.env.PATH ?? '', GITHUB_TOKEN: 'ghs_local', LOCAL_ACTION_CLEANUP: '1' };
  return spawnSync(process.execPath, [script, '--entry', echo, ...args], { cwd: root, env, encoding: 'utf8' });
}

describe('scripts/local-action.mjs', () => {
  it('passes action.yml defaults and --input values as INPUT_* and prints the outputs', () => {
    const r = local('--input', 'fail-on=never', '--workspace', root);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('INPUT_CONFIG: energy-budget.yml');
    expect(r.stdout).toContain('INPUT_FAIL-ON: never');
    expect(r.stdout).toContain('INPUT_COMMENT: always');
    // `${{ github.token }}` becomes $GITHUB_TOKEN.
    expect(r.stdout).toContain('INPUT_GITHUB-TOKEN: ghs_local');
    expect(r.stdout).toMatch(/job summary: \d+ characters/);
  });

  it('returns the action’s exit status and rejects unknown arguments', () => {
    expect(local('--input', 'config=fail.yml').status).toBe(1);
    const bad = local('--frobnicate');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown argument --frobnicate');
  });
});
