/**
 * The GitLab example (examples/ci/gitlab-ci.yml) as a user's merge-request pipeline runs it:
 * this repository packed with `npm pack`, installed into a fresh project's devDependencies
 * (package-lock.json committed), and the job's script lines run one by one, as written, in a
 * fresh clone-like folder with an `origin` to fetch the target branch from.
 *
 * npm runs with `offline=true`: the package has no dependencies, so nothing may need the network
 * (no registry, and no install script downloading from elsewhere). It installs a 19 MB tarball
 * and measures a model twice, so it takes tens of seconds: it runs when
 * ENERGY_BUDGET_PACKAGE_TEST=1 (.ci/run sets it for its Node 24 pass; the GitHub workflow on
 * every Node line), and is skipped otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../..');
const enabled = process.env.ENERGY_BUDGET_PACKAGE_TEST === '1';

let dir: string;
beforeAll(async () => {
  if (enabled) dir = await mkdtemp(path.join(os.tmpdir(), 'eb-gitlab-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
};

async function sh(line: string, cwd: string, env: Record<string, string | undefined>): Promise<string> {
  try {
    const { stdout, stderr } = await run('bash', ['-c', line], { cwd, env, maxBuffer: 64 << 20 });
    return `${stdout}${stderr}`;
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    throw new Error(`\`${line}\` exited ${e.code}:\n${e.stdout ?? ''}${e.stderr ?? ''}`, { cause: error });
  }
}

(enabled ? describe : describe.skip)('examples/ci/gitlab-ci.yml in a fresh project', () => {
  it('installs the packed package offline and its script lines pass', async () => {
    const job = (parse(await readFile(path.join(root, 'examples/ci/gitlab-ci.yml'), 'utf8')) as Record<string, unknown>)[
      'energy-budget'
    ] as { script: string[]; variables?: Record<string, string | number> };
    expect(job.script.length).toBeGreaterThan(0);

    // The package as published.
    const { stdout: packJson } = await run('npm', ['pack', '--json', '--pack-destination', dir], {
      cwd: root,
      maxBuffer: 64 << 20,
    });
    const packed = JSON.parse(packJson) as Array<{ filename: string }>;
    const tarball = path.join(dir, packed[0].filename);

    // The user's project: a model, a budget file, energy-budget in devDependencies, committed on main.
    const project = path.join(dir, 'project');
    await mkdir(path.join(project, 'models'), { recursive: true });
    await copyFile(path.join(root, 'examples/models/classifier.onnx'), path.join(project, 'models/classifier.onnx'));
    await copyFile(tarball, path.join(project, 'energy-budget.tgz'));
    await writeFile(
      path.join(project, 'energy-budget.yml'),
      'version: 1\nmodels:\n  - name: classifier\n    path: models/classifier.onnx\n    dims: { N: 4 }\n' +
        '    inference: { iterations: 30, warmup: 3 }\n    energy: estimate\n' +
        '    budget:\n      parameters: 120k\n      regression:\n        model-size: 0%\n',
    );
    await writeFile(
      path.join(project, 'package.json'),
      `${JSON.stringify({ name: 'user-project', private: true, devDependencies: { 'energy-budget': 'file:energy-budget.tgz' } }, null, 2)}\n`,
    );
    await writeFile(path.join(project, '.gitignore'), 'node_modules/\nenergy-budget.xml\nenergy-budget.md\n');
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...GIT_ENV,
      npm_config_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    };
    const lock = await sh('npm install --package-lock-only', project, env);
    expect(lock).not.toMatch(/npm warn/i);
    await sh('git init -q -b main && git add -A && git commit -q -m init', project, env);
    const origin = path.join(dir, 'origin.git');
    await sh(`git clone -q --bare ${JSON.stringify(project)} ${JSON.stringify(origin)}`, dir, env);
    await sh(`git remote add origin ${JSON.stringify(origin)}`, project, env);

    // The merge-request pipeline: GitLab's variables, then each script line as written.
    const ciEnv = {
      ...env,
      ...Object.fromEntries(Object.entries(job.variables ?? {}).map(([k, v]) => [k, String(v)])),
      CI: 'true',
      CI_PIPELINE_SOURCE: 'merge_request_event',
      CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
    };
    const outputs: string[] = [];
    for (const line of job.script) outputs.push(await sh(line, project, ciEnv));
    const all = outputs.join('\n');
    expect(all).not.toMatch(/npm warn/i); // no EBADENGINE, no install-script notice
    expect(all).toContain('energy-budget: PASS');
    const junit = await readFile(path.join(project, 'energy-budget.xml'), 'utf8');
    expect(junit).toContain('<testcase');
    expect(await readFile(path.join(project, 'energy-budget.md'), 'utf8')).toContain('classifier');
  }, 240_000);
});
