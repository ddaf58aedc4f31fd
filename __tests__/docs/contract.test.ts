/**
 * docs/contract.md documents the outside contract in the repository: this test fails when the
 * code uses a name (environment variable, metric, command, action input or output) that the
 * contract or the action's docs do not list, or when source comments point outside the repo.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { METRIC_KEYS } from '../../src/config/metrics.js';
import { USAGE } from '../../src/cli.js';

const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../..');
const contract = readFileSync(path.join(root, 'docs/contract.md'), 'utf8');
const actionDocs = readFileSync(path.join(root, 'docs/action.md'), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}
const SRC = sources(path.join(root, 'src')).map((file) => ({ file, text: readFileSync(file, 'utf8') }));

describe('docs/contract.md', () => {
  it('lists every ENERGY_BUDGET_* environment variable the code reads', () => {
    const used = new Set(SRC.flatMap((s) => s.text.match(/ENERGY_BUDGET_[A-Z0-9_]+/g) ?? []));
    expect([...used].filter((v) => !contract.includes(`\`${v}\``)).sort()).toEqual([]);
  });

  it('lists every budget metric and every command', () => {
    expect(METRIC_KEYS.filter((m) => !contract.includes(`\`${m}\``))).toEqual([]);
    const commands = [...new Set([...USAGE.matchAll(/energy-budget (\w[\w-]*)/g)].map((m) => m[1]))];
    expect(commands.filter((c) => !contract.includes(`energy-budget ${c}`))).toEqual([]);
  });

  it('docs/action.md documents every input and output of action.yml', () => {
    const action = parseYaml(readFileSync(path.join(root, 'action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>;
      outputs: Record<string, unknown>;
    };
    const names = [...Object.keys(action.inputs), ...Object.keys(action.outputs)];
    expect(names.filter((n) => !actionDocs.includes(`\`${n}\``))).toEqual([]);
  });

  it('no source comment points at a contract outside the repository', () => {
    expect(SRC.filter((s) => /shared\/CONTRACT/.test(s.text)).map((s) => path.relative(root, s.file))).toEqual([]);
  });
});
