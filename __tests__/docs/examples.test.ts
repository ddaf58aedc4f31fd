/**
 * Every example in the README and docs/ is checked against the product, so an example that
 * stops working fails the suite (#26):
 * - budget files (YAML with `models:`, or a `budget:` fragment) go through the real loader;
 * - workflow YAML: every `with:` key given to this action is an input of action.yml;
 * - GitLab/other CI scripts and shell blocks: every `energy-budget` command line parses with
 *   the CLI's own argument parser; synopsis lines name only options the CLI accepts;
 * - files a command names (`scripts/…`, `bench/…`, `schema/…`) exist;
 * - the README's first command (`npx energy-budget run`) and the optimize example run on the
 *   example models.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseConfig } from '../../src/config/load.js';
import { parseRunArgs, runCli, USAGE, type CliProcess } from '../../src/cli.js';
import { OPTIMIZE_USAGE, parseOptimizeArgs } from '../../src/optimize/command.js';

const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../..');

interface Block {
  file: string;
  line: number;
  lang: string;
  text: string;
}

/** The fenced code blocks of one Markdown file, with the line each starts on. */
function blocksOf(file: string): Block[] {
  const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    out.push({ file, line: start + 1, lang: open[1], text: body.join('\n') });
  }
  return out;
}

const DOCS = [
  'README.md',
  ...readdirSync(path.join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const BLOCKS = DOCS.flatMap(blocksOf);
const where = (b: Block) => `${b.file}:${b.line}`;

const yamlBlocks = BLOCKS.filter((b) => b.lang === 'yaml' || b.lang === 'yml');
/** The parsed block, or undefined when it is not YAML (that block's own test says so). */
function safeYaml(text: string): unknown {
  try {
    return parseYaml(text);
  } catch {
    return undefined;
  }
}
const isBudgetFile = (doc: unknown): doc is Record<string, unknown> =>
  typeof doc === 'object' && doc !== null && ('models' in doc || 'budget' in doc) && !('jobs' in doc);

/** A budget-file example as a whole file: `version: 1` added where the example leaves it out. */
function asBudgetFile(doc: Record<string, unknown>): string {
  if ('models' in doc) return JSON.stringify({ version: 1, ...doc });
  return JSON.stringify({ version: 1, models: [{ name: 'm', path: 'm.onnx', ...doc }] });
}

const ACTION_INPUTS = Object.keys(
  (parseYaml(readFileSync(path.join(root, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> }).inputs,
);

/** Every step of a workflow or CI document that uses this action, with its `with:`. */
function ourSteps(doc: unknown): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (typeof o.uses === 'string' && /(^|\/)energy-budget@/.test(o.uses)) out.push((o.with as Record<string, unknown>) ?? {});
      Object.values(o).forEach(walk);
    }
  };
  walk(doc);
  return out;
}

/** `energy-budget …` command lines of a text (shell blocks, CI scripts), as argument lists. */
function commandLines(text: string): string[][] {
  const out: string[][] = [];
  for (const raw of text.split('\n')) {
    const line = raw
      .replace(/^\s*(?:-\s+|\$\s+)/, '')
      .replace(/\s+#.*$/, '')
      .trim();
    const m = /(?:^|&&\s*)(?:npx\s+)?energy-budget\s+(.*)$/.exec(line);
    if (!m || m[1].includes('[') || m[1].includes('(')) continue; // synopsis lines are checked below
    const args = (m[1].match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((a) => a.replace(/^["']|["']$/g, ''));
    out.push(args.filter((a) => a !== '\\'));
  }
  return out;
}

describe('examples in the README and docs/', () => {
  it('finds the examples (the extraction itself works)', () => {
    expect(yamlBlocks.length).toBeGreaterThanOrEqual(8);
    expect(BLOCKS.some((b) => commandLines(b.text).length > 0)).toBe(true);
  });

  it.each(yamlBlocks.map((b) => [where(b), b] as const))('%s parses as YAML', (_w, b) => {
    expect(() => parseYaml(b.text)).not.toThrow();
  });

  const budgetFiles = yamlBlocks.filter((b) => isBudgetFile(safeYaml(b.text)));
  it.each(budgetFiles.map((b) => [where(b), b] as const))('%s is a valid budget file', (_w, b) => {
    const text = asBudgetFile(parseYaml(b.text) as Record<string, unknown>);
    expect(() => parseConfig(text, path.join(root, 'energy-budget.yml'))).not.toThrow();
  });

  const workflows = yamlBlocks.filter((b) => ourSteps(safeYaml(b.text)).length > 0);
  it.each(workflows.map((b) => [where(b), b] as const))('%s gives the action only inputs it has', (_w, b) => {
    for (const w of ourSteps(parseYaml(b.text))) {
      expect(Object.keys(w).filter((k) => !ACTION_INPUTS.includes(k))).toEqual([]);
    }
  });

  const withCommands = BLOCKS.filter((b) => commandLines(b.text).length > 0);
  it.each(withCommands.map((b) => [where(b), b] as const))('%s: every energy-budget command parses', (_w, b) => {
    for (const args of commandLines(b.text)) {
      const [command, ...rest] = args;
      if (command === 'run') expect(() => parseRunArgs(rest, root)).not.toThrow();
      else if (command === 'optimize') expect(() => parseOptimizeArgs(rest)).not.toThrow();
      else expect({ command, known: USAGE.includes(`energy-budget ${command}`) }).toEqual({ command, known: true });
    }
  });

  it('synopsis lines name only options the CLI documents', async () => {
    // Every command's own --help, so a new command's options are known without editing this test.
    let help = USAGE;
    for (const command of new Set([...USAGE.matchAll(/energy-budget (\w[\w-]*)/g)].map((m) => m[1]))) {
      const p = {
        argv: [command, '--help'],
        cwd: root,
        env: {},
        stdout: { write: (t: string) => (help += t) },
        stderr: { write: () => true },
      };
      await runCli(p);
    }
    const known = new Set(`${help}\n${OPTIMIZE_USAGE}`.match(/--[a-z][a-z0-9-]*/g));
    const unknown: string[] = [];
    for (const b of BLOCKS) {
      for (const line of b.text.split('\n')) {
        if (!/energy-budget\s+\w+.*[[(]/.test(line) && !/^\s+\[--/.test(line)) continue;
        for (const flag of line.match(/--[a-z][a-z0-9-]*/g) ?? []) if (!known.has(flag)) unknown.push(`${where(b)}: ${flag}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('files that commands and schema lines name exist', () => {
    const missing: string[] = [];
    for (const b of BLOCKS) {
      for (const m of b.text.matchAll(/(?:^|\s|=)\.?\/?((?:scripts|bench|schema|examples)\/[\w./-]+\.(?:mjs|ts|json|onnx))/g)) {
        if (!existsSync(path.join(root, m[1]))) missing.push(`${where(b)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('the README and docs commands, executed on the example models', () => {
  let dir: string;
  const proc = (argv: string[]): CliProcess & { out: string; err: string } => {
    const p = {
      argv,
      cwd: dir,
      env: { ...process.env, ENERGY_BUDGET_IDLE_S: '0' },
      out: '',
      err: '',
      stdout: { write: (t: string) => (p.out += t) },
      stderr: { write: (t: string) => (p.err += t) },
    };
    return p as CliProcess & { out: string; err: string };
  };

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'eb-docs-'));
    mkdirSync(path.join(dir, 'examples/models'), { recursive: true });
    for (const m of ['classifier.onnx', 'cnn.onnx'])
      copyFileSync(path.join(root, 'examples/models', m), path.join(dir, 'examples/models', m));
    mkdirSync(path.join(dir, 'schema'));
    copyFileSync(path.join(root, 'schema/energy-budget.schema.json'), path.join(dir, 'schema/energy-budget.schema.json'));
    // The repository's own budget file, as the README runs it, with short loops so the test is quick.
    const budget = readFileSync(path.join(root, 'energy-budget.yml'), 'utf8')
      .replace(/iterations: auto/g, 'iterations: 10')
      .replace(/steps: \d+/g, 'steps: 4');
    writeFileSync(path.join(dir, 'energy-budget.yml'), budget);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("the README's first command: `npx energy-budget run` passes on the repository's budget file", async () => {
    const first = blocksOf('README.md')[0];
    expect(first.text).toMatch(/npx energy-budget run/);
    const p = proc(commandLines(first.text)[0]);
    expect({ code: await runCli(p), err: p.err.includes('Internal error') }).toEqual({ code: 0, err: false });
    expect(p.out).toMatch(/classifier/);
  });

  it('the optimize example writes the variant it describes', async () => {
    const block = BLOCKS.find((b) => /\$ energy-budget optimize examples\/models\/cnn\.onnx --int8/.test(b.text));
    expect(block).toBeDefined();
    const p = proc(commandLines(block!.text)[0]);
    expect(await runCli(p)).toBe(0);
    expect(p.out).toMatch(/^Wrote cnn\.int8\.onnx: int8 weights of examples\/models\/cnn\.onnx/m);
    expect(existsSync(path.join(dir, 'cnn.int8.onnx'))).toBe(true);
  });
});
