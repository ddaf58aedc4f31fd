import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../../src/errors.js';
import { run, type ActionIO, type RunEnergyBudget } from '../../src/main.js';
import type { Report } from '../../src/report/types.js';
import type { RunOptions } from '../../src/engine/types.js';
import { FakeGitHub } from './fake-github.js';
import { failReport, HOSTILE_NAME, inconclusiveReport, passReport } from './fixtures/reports.js';

const TOKEN = 'ghs_SECRETtoken_abcdefghijklmnop';
const BASE_SHA = 'b'.repeat(40);
const HEAD_SHA = 'a'.repeat(40);

class FakeIO implements ActionIO {
  inputs: Record<string, string> = {};
  outputs: Record<string, string> = {};
  summaries: string[] = [];
  annotations: Array<{ level: string; message: string; props: Record<string, unknown> }> = [];
  log: string[] = [];
  failed?: string;
  /** Writes (non-GET requests) the API server had seen when the summary was written (reads of the history may come first). */
  requestsAtSummary = -1;
  constructor(private readonly gh: FakeGitHub) {}
  getInput(name: string) {
    return (this.inputs[name] ?? '').trim();
  }
  setOutput(name: string, value: string) {
    this.outputs[name] = value;
  }
  async writeSummary(markdown: string) {
    this.requestsAtSummary = this.gh.requests.filter((q) => q.method !== 'GET').length;
    this.summaries.push(markdown);
  }
  annotate(level: 'error' | 'warning' | 'notice', message: string, props: Record<string, unknown>) {
    this.annotations.push({ level, message, props });
  }
  info(m: string) {
    this.log.push(`info: ${m}`);
  }
  warning(m: string) {
    this.log.push(`warning: ${m}`);
  }
  setFailed(m: string) {
    this.failed = m;
  }
  everything(): string {
    return JSON.stringify([this.outputs, this.summaries, this.annotations, this.log, this.failed]);
  }
}

describe('the action (in process)', () => {
  let gh: FakeGitHub;
  let dir: string;
  let io: FakeIO;
  let env: Record<string, string>;
  let calls: RunOptions[];

  function engine(report: Report | (() => never), exitCode?: 0 | 1 | 2 | 3): RunEnergyBudget {
    return async (options) => {
      calls.push(options);
      if (typeof report === 'function') report();
      writeFileSync(options.jsonPath!, JSON.stringify(report));
      return {
        report: report as Report,
        exitCode: exitCode ?? ((report as Report).verdict === 'fail' ? 1 : 0),
        files: { json: options.jsonPath },
      };
    };
  }

  function payload(fork = false) {
    return {
      pull_request: {
        number: 7,
        base: { sha: BASE_SHA, ref: 'main', repo: { full_name: 'octo/models' } },
        head: { sha: HEAD_SHA, ref: 'feature', repo: { full_name: fork ? 'mallory/models' : 'octo/models' } },
      },
    };
  }

  beforeEach(async () => {
    gh = new FakeGitHub();
    await gh.start();
    dir = mkdtempSync(path.join(os.tmpdir(), 'eb-action-'));
    writeFileSync(path.join(dir, 'event.json'), JSON.stringify(payload()));
    env = {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: path.join(dir, 'event.json'),
      GITHUB_REPOSITORY: 'octo/models',
      GITHUB_API_URL: gh.url,
      GITHUB_WORKSPACE: dir,
      GITHUB_RUN_ID: '99',
    };
    io = new FakeIO(gh);
    io.inputs['github-token'] = TOKEN;
    calls = [];
  });
  afterEach(async () => {
    await gh.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const go = (report: Report | (() => never)) =>
    run({ env, io, runEnergyBudget: engine(report), client: { sleep: async () => {} } });

  it('measures against the PR base, writes summary and outputs before the comment, and comments', async () => {
    expect(await go(passReport())).toBe(0);
    expect(calls[0]).toMatchObject({
      configPath: 'energy-budget.yml',
      cwd: dir,
      baseRef: BASE_SHA,
      jsonPath: path.join(dir, 'energy-budget-report.json'),
    });
    expect(io.requestsAtSummary).toBe(0);
    expect(io.summaries[0]).toContain('## Energy budget: ✅ within budget');
    expect(io.outputs).toMatchObject({ verdict: 'pass', report: path.join(dir, 'energy-budget-report.json') });
    expect(io.outputs['comment-url']).toMatch(/issuecomment-\d+$/);
    expect(io.outputs.markdown.startsWith('<!-- energy-budget: energy-budget.yml -->')).toBe(true);
    expect(gh.comments.get(7)!.at(-1)!.body).toBe(io.outputs.markdown);
    expect(io.failed).toBeUndefined();
  });

  it('fails on a budget, annotating the budget file lines', async () => {
    expect(await go(failReport())).toBe(1);
    expect(io.failed).toContain('Energy budget failed (fail-on: budget): 3 problems.');
    expect(io.failed).toContain('classifier: model-size is 612 kB; the budget is ≤ 500 kB.');
    const errors = io.annotations.filter((a) => a.level === 'error');
    expect(errors.map((a) => a.props)).toEqual([
      { title: 'Energy budget exceeded', file: 'energy-budget.yml', startLine: 21 },
      { title: 'Energy budget exceeded', file: 'energy-budget.yml', startLine: 29 },
      { title: 'Energy budget: model not measured', file: 'energy-budget.yml', startLine: undefined },
    ]);
    expect(io.annotations.filter((a) => a.level === 'warning').map((a) => a.props.startLine)).toEqual([28]);
  });

  it('keeps the engine’s exit code 2 when a model could not be measured', async () => {
    expect(await run({ env, io, runEnergyBudget: engine(failReport(), 2), client: { sleep: async () => {} } })).toBe(2);
    expect(io.failed).toContain('cnn could not be measured (MODEL_INVALID)');
  });

  it('follows fail-on: never and regression', async () => {
    io.inputs['fail-on'] = 'never';
    expect(await go(failReport())).toBe(0);
    io = new FakeIO(gh);
    io.inputs['fail-on'] = 'regression';
    // The base already exceeded the size limit: existing debt, but the 0% regression budget and the error still fail.
    const r = failReport();
    r.models[0].budgets[0].baseline = 600_000;
    expect(await go(r)).toBe(1);
    expect(io.failed).toContain('2 problems');
    r.models.splice(1, 1);
    r.models[0].budgets.splice(1, 1);
    io = new FakeIO(gh);
    io.inputs['fail-on'] = 'regression';
    expect(await go(r)).toBe(0);
  });

  it('survives a fork’s read-only token: one clear message, summary and outputs kept', async () => {
    writeFileSync(path.join(dir, 'event.json'), JSON.stringify(payload(true)));
    gh.readOnly = true;
    expect(await go(passReport())).toBe(0);
    expect(io.summaries).toHaveLength(1);
    expect(io.outputs.verdict).toBe('pass');
    expect(io.outputs['comment-url']).toBe('');
    const warnings = io.log.filter((l) => l.startsWith('warning:'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('comes from a fork');
    expect(warnings[0]).toContain('docs/action.md#pull-requests-from-forks');
    expect(io.everything()).not.toContain(TOKEN);
  });

  it('does not comment outside pull requests, nor with comment: never', async () => {
    env.GITHUB_EVENT_NAME = 'push';
    writeFileSync(path.join(dir, 'event.json'), '{}');
    expect(await go(passReport())).toBe(0);
    expect(calls[0].baseRef).toBeUndefined();
    io = new FakeIO(gh);
    io.inputs.comment = 'never';
    writeFileSync(path.join(dir, 'event.json'), JSON.stringify(payload()));
    expect(await go(passReport())).toBe(0);
    // Only the history was read (for the trend charts); nothing else was asked or written.
    expect(gh.requests.filter((q) => !q.url.includes('/git/ref/'))).toHaveLength(0);
  });

  it('passes the other inputs to the engine', async () => {
    Object.assign(io.inputs, {
      config: 'ci/budget.yml',
      'base-ref': 'origin/main',
      'report-json': 'out/r.json',
      'report-markdown': 'out/r.md',
      'report-junit': 'out/j.xml',
      shard: '2/3',
      advise: 'true',
      comment: 'never',
    });
    writeFileSync(path.join(dir, 'r.json'), '');
    mkdirSync(path.join(dir, 'out'));
    await go(passReport());
    expect(calls[0]).toMatchObject({
      configPath: 'ci/budget.yml',
      baseRef: 'origin/main',
      jsonPath: path.join(dir, 'out/r.json'),
      markdownPath: path.join(dir, 'out/r.md'),
      junitPath: path.join(dir, 'out/j.xml'),
      shard: { index: 2, count: 3 },
      advise: true,
      installValgrind: true,
    });
    expect(io.outputs.markdown.startsWith('<!-- energy-budget: ci/budget.yml -->')).toBe(true);
  });

  it.each([
    ['comment', 'sometimes', '`comment` is "sometimes"'],
    ['fail-on', 'always', '`fail-on` is "always"'],
    ['shard', '4/3', '`shard` is "4/3"'],
    ['mode', 'post', '`mode` is "post"'],
  ])('rejects %s: %s with exit 2', async (name, value, text) => {
    io.inputs[name] = value;
    expect(await go(passReport())).toBe(2);
    expect(io.failed).toContain(text);
    expect(calls).toHaveLength(0);
  });

  it('turns our errors into a message without a stack, and anything thrown into exit 3', async () => {
    const configError = new ConfigError([
      { file: 'energy-budget.yml', path: 'models[0].budget.latency-p95', line: 24, column: 20, message: 'expected a time' },
    ]);
    expect(
      await go(() => {
        throw configError;
      }),
    ).toBe(2);
    expect(io.failed).toContain('energy-budget.yml:24:20');
    expect(io.everything()).not.toMatch(/\n\s+at /);
    expect(io.summaries[0]).toContain('## Energy budget: error');
    io = new FakeIO(gh);
    expect(
      await go(() => {
        throw 'a string';
      }),
    ).toBe(3);
    expect(io.failed).toContain('Internal error: a string');
  });

  describe('comment mode (workflow_run)', () => {
    beforeEach(() => {
      env.GITHUB_EVENT_NAME = 'workflow_run';
      writeFileSync(
        path.join(dir, 'event.json'),
        JSON.stringify({
          workflow_run: {
            id: 5,
            head_sha: HEAD_SHA,
            head_branch: 'feature',
            event: 'pull_request',
            head_repository: { full_name: 'mallory/models' },
          },
        }),
      );
      gh.pulls.push(
        {
          number: 7,
          state: 'open',
          head: { sha: HEAD_SHA, ref: 'feature', repo: { full_name: 'mallory/models' } },
          base: { repo: { full_name: 'octo/models' } },
        },
        {
          number: 8,
          state: 'open',
          head: { sha: 'c'.repeat(40), ref: 'other', repo: { full_name: 'octo/models' } },
          base: { repo: { full_name: 'octo/models' } },
        },
      );
      io.inputs.mode = 'comment';
      io.inputs['report-json'] = 'artifact/energy-budget-report.json';
    });

    function artifact(content: string) {
      mkdirSync(path.join(dir, 'artifact'), { recursive: true });
      writeFileSync(path.join(dir, 'artifact/energy-budget-report.json'), content);
    }

    it('finds the PR from the head SHA, not from the artifact, and posts the escaped report', async () => {
      artifact(JSON.stringify({ ...inconclusiveReport(), pullRequest: 8, number: 8 }));
      const neverRun = (() => {
        throw new Error('the comment mode must not run the engine');
      }) as unknown as RunEnergyBudget;
      expect(await run({ env, io, runEnergyBudget: neverRun, client: { sleep: async () => {} } })).toBe(0);
      expect(gh.comments.get(8)).toBeUndefined();
      const body = gh.comments.get(7)![0].body;
      expect(body).toContain('evil &#124; name');
      expect(body).not.toContain(HOSTILE_NAME.slice(0, 20));
      expect(io.outputs['comment-url']).toContain('/pull/7#');
    });

    it('renders hostile reports without crashing and derives the verdict from the rows (#26 item 11)', async () => {
      const neverRun = (() => {
        throw new Error('the comment mode must not run the engine');
      }) as unknown as RunEnergyBudget;
      const base = failReport();
      const hostile: Array<[string, Record<string, unknown>]> = [
        [
          '130,000 notices',
          { ...base, models: [{ ...base.models[0], notices: Array.from({ length: 130_000 }, (_, i) => `n${i}`) }] },
        ],
        [
          'null entries',
          {
            ...base,
            budgetChanges: [null, 5],
            models: [{ ...base.models[0], budgets: [null, ...base.models[0].budgets], advice: [null] }],
          },
        ],
        ['an object-valued cpu', { ...base, environment: { ...base.environment, cpu: { a: { b: { c: [1, 2, 3] } } } } }],
        [
          'a deeply prefixed metric',
          {
            ...base,
            models: [
              { ...base.models[0], budgets: [{ ...base.models[0].budgets[0], metric: 'regression.'.repeat(12_000) + 'flops' }] },
            ],
          },
        ],
        [
          'statuses named like Object methods',
          {
            ...base,
            models: [
              {
                ...base.models[0],
                budgets: [
                  { ...base.models[0].budgets[0], status: 'constructor' },
                  { ...base.models[0].budgets[0], status: 'toString' },
                ],
              },
            ],
          },
        ],
      ];
      for (const [name, report] of hostile) {
        artifact(JSON.stringify(report));
        const code = await run({ env, io, runEnergyBudget: neverRun, client: { sleep: async () => {} } });
        const body = gh.comments.get(7)?.at(-1)?.body ?? '';
        expect({ name, code, crashed: /Internal error|please report/.test(io.everything()) }).toEqual({
          name,
          code: 0,
          crashed: false,
        });
        expect(body).not.toContain('function Object()');
        expect(body).not.toContain('[native code]');
      }
      // A forged `verdict: pass` over a failing row: the comment and the outputs say it failed.
      artifact(JSON.stringify({ ...base, verdict: 'pass' }));
      // The comment mode only comments (exit 0); the verdict it shows and outputs is the rows'.
      expect(await run({ env, io, runEnergyBudget: neverRun, client: { sleep: async () => {} } })).toBe(0);
      expect(io.outputs.verdict).toBe('fail');
      // (The headline may list passing models as "within budget"; the verdict line must not say so.)
      expect(gh.comments.get(7)!.at(-1)!.body).not.toMatch(/^## .*within budget/im);
      expect(gh.comments.get(7)!.at(-1)!.body).toContain('## Energy budget: ❌ over budget');
    });

    it("checks a report file's size before reading it", async () => {
      const neverRun = (() => {
        throw new Error('the comment mode must not run the engine');
      }) as unknown as RunEnergyBudget;
      mkdirSync(path.join(dir, 'artifact'), { recursive: true });
      // A sparse 60 MB file: nothing is written, so the test is quick; a read of it would be slow.
      const big = path.join(dir, 'artifact/energy-budget-report.json');
      writeFileSync(big, '');
      truncateSync(big, 60 * 1024 * 1024);
      expect(await run({ env, io, runEnergyBudget: neverRun, client: { sleep: async () => {} } })).toBe(2);
      expect(io.failed ?? '').toMatch(/62914560 bytes, larger than 50 MB; refusing to read it/);
    });

    it('merges the reports of a job matrix named by a pattern', async () => {
      mkdirSync(path.join(dir, 'reports'));
      const a = passReport();
      const b = failReport();
      b.models = b.models.filter((m) => m.name !== 'classifier');
      writeFileSync(path.join(dir, 'reports/report-2.json'), JSON.stringify(b));
      writeFileSync(path.join(dir, 'reports/report-1.json'), JSON.stringify(a));
      io.inputs['report-json'] = 'reports/report-*.json';
      expect(await go(passReport())).toBe(0);
      expect(io.outputs.verdict).toBe('fail');
      expect(io.outputs.report).toBe(path.join(dir, 'energy-budget-report.merged.json'));
      const body = gh.comments.get(7)![0].body;
      expect(body.indexOf('### ✅ classifier')).toBeLessThan(body.indexOf('### ❌ cnn'));
      io = new FakeIO(gh);
      Object.assign(io.inputs, { mode: 'comment', 'report-json': 'reports/nothing-*.json' });
      expect(await go(passReport())).toBe(2);
      expect(io.failed).toContain('No report matches');
    });

    it('rejects an artifact that is not a report (exit 2)', async () => {
      artifact('{"schemaVersion": 1, "models": "nope"}');
      expect(await go(passReport())).toBe(2);
      expect(io.failed).toContain('is not an energy-budget report');
      artifact('not json');
      io = new FakeIO(gh);
      Object.assign(io.inputs, { mode: 'comment', 'report-json': 'artifact/energy-budget-report.json', 'github-token': TOKEN });
      expect(await go(passReport())).toBe(2);
      expect(io.failed).toContain('is not valid JSON');
    });

    it('fails clearly when the token cannot write (missing permissions)', async () => {
      artifact(JSON.stringify(passReport()));
      gh.readOnly = true;
      expect(await go(passReport())).toBe(3);
      expect(io.failed).toContain('pull-requests: write');
      expect(io.summaries[0]).toContain('within budget');
    });
  });

  it('writes the report the engine produced where the outputs say', async () => {
    await go(passReport());
    expect(JSON.parse(readFileSync(io.outputs.report, 'utf8')).verdict).toBe('pass');
  });
});
