/**
 * Injection: names, paths and messages from a pull request must not become markup in the
 * JUnit XML or the Markdown, workflow commands or terminal escapes in the log, and nothing
 * from the PR may reach a shell. The token must not appear in anything the CLI writes.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli.js';
import { neutralizeLogText } from '../../src/isolate/log-safety.js';
import { renderJunit } from '../../src/report/junit.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { Report } from '../../src/report/types.js';
import { root } from './support.js';

const HOSTILE = [
  '</testcase><script>alert(1)</script>',
  ']]><![CDATA[x',
  'ctl\u0000\u0007\u001b[31mred\u001b]0;title\u0007\u202eevil',
  '@octocat please merge',
  '<!-- energy-budget: energy-budget.yml -->',
  '[click](https://evil.example) ![img](https://evil.example/p.png)',
  'a | b | c',
  '\n::error file=README.md,line=1::forged\n##[add-path]/tmp/evil',
  '"quoted" & \'single\'',
];

function hostileReport(name: string): Report {
  return {
    schemaVersion: 1,
    verdict: 'fail',
    environment: { cpu: name, logicalCpus: 2, os: 'linux', node: 'v20', onnxruntime: '1.30.0' },
    config: `configs/${name}.yml`,
    models: [
      {
        name,
        path: `models/${name}.onnx`,
        size: { bytes: 10, parameters: 1, bytesByDtype: {}, sparsity: 0 },
        flops: 1,
        notices: [name],
        budgets: [{ metric: 'model-size', kind: 'absolute', limit: 1, value: 10, baseline: null, status: 'fail', message: name }],
      },
      {
        name: `${name}-2`,
        path: name,
        size: { bytes: 0, parameters: 0, bytesByDtype: {}, sparsity: 0 },
        flops: 0,
        budgets: [],
        error: { code: 'MODEL_INVALID', message: name },
      },
    ],
  } as unknown as Report;
}

describe('JUnit XML', () => {
  it.each(HOSTILE)('stays well-formed with %j in names and messages', (name) => {
    const xml = renderJunit(hostileReport(name));
    // Only our own elements appear as tags.
    for (const tag of xml.match(/<[^>]*>/g) ?? [])
      expect(tag).toMatch(/^<(\?xml |\/?(testsuites|testsuite|testcase|failure|error|system-out)\b)/);
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain(']]>');
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml.match(/<testcase /g)).toHaveLength(2);
    // Attribute values never contain a raw quote that would end them.
    for (const attr of xml.match(/="[^"]*"/g) ?? []) expect(attr).not.toMatch(/[<>&](?!(amp|lt|gt|quot|apos);)/);
  });
});

describe('Markdown', () => {
  it.each(HOSTILE)('renders %j literally', (name) => {
    const md = renderMarkdown(hostileReport(name));
    expect(md).not.toMatch(/<script/i);
    expect(md).not.toMatch(/\]\(https:\/\/evil/);
    // @ never starts a mention: a zero-width space (as a reference) follows it.
    expect(md).not.toMatch(/@(?!&#8203;|\u200b)/);
    // The only HTML comment is our own marker (from configs/…yml, percent-encoded).
    expect((md.match(/<!--/g) ?? []).length).toBe((md.match(/<!-- energy-budget: [A-Za-z0-9._/%-]+ -->/g) ?? []).length);
    // eslint-disable-next-line no-control-regex
    expect(md).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202e]/);
  });
});

describe('log lines', () => {
  it('cannot start a workflow command or carry terminal escapes', () => {
    const out = neutralizeLogText(`model ${HOSTILE.join(' / ')}\n  ::warning::x\r\n::set-output name=a::b`);
    for (const line of out.split('\n')) {
      expect(line.trimStart()).not.toMatch(/^::/);
      expect(line).not.toContain('##[');
    }
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(out).toContain('please merge');
  });
});

describe('through the CLI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'eb-inject-'));
    await mkdir(path.join(dir, '.git'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('a hostile model name forges no command in the terminal, and the token is nowhere', async () => {
    const token = 'ghs_S3cr3tT0kenValue1234567890';
    await writeFile(
      path.join(dir, 'energy-budget.yml'),
      `version: 1\nmodels:\n  - name: "x\\n::error file=README.md::forged ##[add-path]/tmp \\u001b[2J"\n    path: "missing\\n::warning::p.onnx"\n    budget: { model-size: 1 MB }\n`,
    );
    let stdout = '';
    let stderr = '';
    const code = await runCli({
      argv: ['run', '--json', 'r.json', '--markdown', 'r.md', '--junit', 'r.xml'],
      cwd: dir,
      env: { PATH: process.env.PATH, GITHUB_TOKEN: token, 'INPUT_GITHUB-TOKEN': token },
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
    });
    expect(code).toBe(2);
    for (const line of `${stdout}\n${stderr}`.split('\n')) {
      expect(line.trimStart()).not.toMatch(/^::/);
      expect(line).not.toContain('##[');
      expect(line).not.toContain('\u001b');
    }
    const files = [
      stdout,
      stderr,
      ...(await Promise.all(['r.json', 'r.md', 'r.xml'].map((f) => readFile(path.join(dir, f), 'utf8')))),
    ];
    for (const text of files) expect(text).not.toContain(token);
  });
});

describe('no shell', () => {
  /** Every .ts file under a folder. */
  async function sources(folder: string): Promise<string[]> {
    const out: string[] = [];
    for (const e of await readdir(folder, { withFileTypes: true })) {
      const p = path.join(folder, e.name);
      if (e.isDirectory()) out.push(...(await sources(p)));
      else if (e.name.endsWith('.ts') || e.name.endsWith('.mjs')) out.push(p);
    }
    return out;
  }

  it('src/ and scripts/ start processes only with argument arrays (execFile, spawn, fork), never through a shell', async () => {
    const offenders: string[] = [];
    for (const file of [...(await sources(path.join(root, 'src'))), ...(await sources(path.join(root, 'scripts')))]) {
      const text = await readFile(file, 'utf8');
      const rel = path.relative(root, file);
      const lines = text.split('\n');
      lines.forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '');
        if (/\bshell\s*:\s*(true|['"`]|[A-Za-z_$])/.test(code)) offenders.push(`${rel}:${i + 1}: shell option: ${line.trim()}`);
        if (/\b(exec|execSync)\s*\(/.test(code) && !/\.exec\(/.test(code))
          offenders.push(`${rel}:${i + 1}: exec through a shell: ${line.trim()}`);
        if (/import\s*\{[^}]*\bexec(Sync)?\b[^}]*\}\s*from\s*['"](node:)?child_process['"]/.test(code))
          offenders.push(`${rel}:${i + 1}: imports exec: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
