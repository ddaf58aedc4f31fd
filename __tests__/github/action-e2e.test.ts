/**
 * The built action (`node dist/index.js`) run as GitHub runs it: INPUT_* variables, a
 * pull_request payload at GITHUB_EVENT_PATH, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and
 * GITHUB_API_URL pointing at a loopback server. The workspace is a real git repository with a
 * base and a head commit, so the base is measured from git as on a runner.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FakeGitHub } from './fake-github.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const entry = path.join(root, 'dist/index.js');
const model = path.join(root, 'examples/models/classifier.onnx');
const TOKEN = 'ghs_e2eSECRET_0123456789abcdefXYZ';

// The action is tested as shipped; dist/ is committed and kept fresh by scripts/check-dist.mjs.
const ready = existsSync(entry) && existsSync(model);
const describeBuilt = ready ? describe : describe.skip;
if (!ready) console.warn('action-e2e skipped: dist/index.js is not built yet (node scripts/bundle.mjs).');

const BUDGET = (modelSize: string) => `version: 1
models:
  - name: classifier
    path: models/classifier.onnx
    dims: { N: 4 }
    inference:
      iterations: 20
      warmup: 2
    energy: estimate
    budget:
      model-size: ${modelSize}
      latency-p95: 10 s
      regression:
        model-size: 0%
`;

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: cwd,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@e',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@e',
    },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

/** Parses GITHUB_OUTPUT (`name<<DELIMITER … DELIMITER` blocks as @actions/core writes them). */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const value: string[] = [];
    while (++i < lines.length && lines[i] !== m[2]) value.push(lines[i]);
    out[m[1]] = value.join('\n');
  }
  return out;
}

interface ActionRun {
  status: number | null;
  log: string;
  outputs: Record<string, string>;
  summary: string;
}

describeBuilt('the built action, as GitHub runs it', () => {
  let gh: FakeGitHub;
  let ws: string;
  let baseSha: string;
  let headSha: string;
  let runs = 0;
  const allText: string[] = [];

  beforeAll(async () => {
    gh = new FakeGitHub();
    await gh.start();
    ws = mkdtempSync(path.join(os.tmpdir(), 'eb-e2e-'));
    mkdirSync(path.join(ws, 'models'));
    copyFileSync(model, path.join(ws, 'models/classifier.onnx'));
    writeFileSync(path.join(ws, 'energy-budget.yml'), BUDGET('2 MB'));
    writeFileSync(path.join(ws, 'tight.yml'), BUDGET('1 kB'));
    git(ws, 'init', '-q', '-b', 'main');
    git(ws, 'add', '.');
    git(ws, 'commit', '-q', '-m', 'base');
    baseSha = git(ws, 'rev-parse', 'HEAD');
    // The head loosens a budget, which the comment reports as a budget change.
    writeFileSync(path.join(ws, 'energy-budget.yml'), BUDGET('5 MB'));
    git(ws, 'commit', '-q', '-am', 'head');
    headSha = git(ws, 'rev-parse', 'HEAD');
    // More than 100 earlier comments: finding ours needs pagination.
    gh.seedComments(7, 130);
  });

  afterAll(async () => {
    await gh.stop();
    rmSync(ws, { recursive: true, force: true });
  });

  async function runAction(inputs: Record<string, string>, fork = false): Promise<ActionRun> {
    const dir = path.join(ws, `.runner-${++runs}`);
    mkdirSync(dir);
    const event = path.join(dir, 'event.json');
    writeFileSync(
      event,
      JSON.stringify({
        action: 'synchronize',
        number: 7,
        pull_request: {
          number: 7,
          base: { sha: baseSha, ref: 'main', repo: { full_name: 'octo/models' } },
          head: { sha: headSha, ref: 'feature', repo: { full_name: fork ? 'mallory/models' : 'octo/models' } },
        },
        repository: { full_name: 'octo/models', name: 'models', owner: { login: 'octo' } },
      }),
    );
    writeFileSync(path.join(dir, 'output'), '');
    writeFileSync(path.join(dir, 'summary'), '');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_REPOSITORY: 'octo/models',
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_SHA: headSha,
      GITHUB_WORKSPACE: ws,
      GITHUB_RUN_ID: String(runs),
      GITHUB_OUTPUT: path.join(dir, 'output'),
      GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
      RUNNER_TEMP: dir,
      'INPUT_GITHUB-TOKEN': TOKEN,
      'INPUT_REPORT-JSON': `.runner-${runs}/report.json`,
    };
    for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
    const child = spawn(process.execPath, [entry], { cwd: ws, env });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const result = {
      status,
      log,
      outputs: parseOutputs(readFileSync(path.join(dir, 'output'), 'utf8')),
      summary: readFileSync(path.join(dir, 'summary'), 'utf8'),
    };
    const report = path.join(dir, 'report.json');
    allText.push(
      log,
      readFileSync(path.join(dir, 'output'), 'utf8'),
      result.summary,
      existsSync(report) ? readFileSync(report, 'utf8') : '',
    );
    return result;
  }

  const ours = () => gh.comments.get(7)!.filter((c) => c.body.startsWith('<!-- energy-budget: energy-budget.yml -->'));

  it('creates the comment on the first run, after writing the report, summary and outputs', async () => {
    const r = await runAction({ comment: 'always', 'fail-on': 'budget' });
    expect({ status: r.status, log: r.status === 0 ? '' : r.log }).toEqual({ status: 0, log: '' });
    expect(r.outputs.verdict).toBe('pass');
    expect(JSON.parse(readFileSync(r.outputs.report, 'utf8'))).toMatchObject({ schemaVersion: 1, verdict: 'pass' });
    expect(r.summary).toContain('### ✅ classifier');
    expect(r.outputs['comment-url']).toMatch(/\/pull\/7#issuecomment-\d+$/);
    expect(ours()).toHaveLength(1);
    expect(ours()[0].body).toBe(r.outputs.markdown);
    expect(r.outputs.markdown).toContain('Compared with base');
    // Two pages to look for an existing comment, and two again after creating one, to converge
    // with a run that may have created one at the same time (issue 21).
    expect(gh.requests.filter((q) => q.method === 'GET' && q.url.includes('/issues/7/comments'))).toHaveLength(4);
  });

  it('updates the same comment on the second run, retrying a 5xx', async () => {
    const before = ours()[0].id;
    gh.seedComments(7, 5);
    gh.faults.push({ method: 'GET', path: /\/issues\/7\/comments$/, status: 502, headers: { 'retry-after': '0' } });
    const r = await runAction({ comment: 'always' });
    expect(r.status).toBe(0);
    expect(ours()).toHaveLength(1);
    expect(ours()[0].id).toBe(before);
    expect(r.outputs['comment-url']).toContain(`issuecomment-${before}`);
    expect(gh.faults[0].times).toBe(0);
    expect(r.log).toMatch(/failed \(HTTP 502.*retry 1 of 4/);
  });

  it('with a fork’s read-only token still writes summary and outputs, and exits by fail-on', async () => {
    gh.readOnly = true;
    try {
      const r = await runAction({ config: 'tight.yml', 'fail-on': 'budget' }, true);
      expect(r.status).toBe(1);
      expect(r.outputs.verdict).toBe('fail');
      expect(r.summary).toContain('over budget');
      expect(r.log).toContain('comes from a fork');
      expect(r.log).toMatch(/::error title=Energy budget exceeded,file=tight\.yml,line=11::classifier: model-size is 436 kB/);
      const never = await runAction({ config: 'tight.yml', 'fail-on': 'never' }, true);
      expect(never.status).toBe(0);
    } finally {
      gh.readOnly = false;
    }
  });

  it('never shows the token in logs, outputs, summaries or reports', () => {
    expect(allText.length).toBeGreaterThan(0);
    for (const text of allText) expect(text).not.toContain(TOKEN);
    expect(gh.requests.some((q) => q.authorization === `token ${TOKEN}`)).toBe(true);
  });
});
