import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EnvironmentError, InputError } from '../../src/errors.js';
import { GitBaseline, isLfsPointer } from '../../src/baseline/git-baseline.js';
import { resolveRef, runGit } from '../../src/baseline/git.js';
import { classifyModels, readFileAtRef } from './helpers.js';
import { encodeModel, DataType } from '../../src/model/onnx.js';
import { floatTensor, model, node, valueInfo } from '../../src/model/builder.js';

const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  HOME: tmpdir(),
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: ENV, encoding: 'utf8' }).trim();
}

/** A tiny model whose weight value tells the versions apart. */
function modelBytes(w: number): Uint8Array {
  return encodeModel(
    model({
      name: 'g',
      node: [node('Mul', ['x', 'w'], ['y'])],
      initializer: [floatTensor('w', [1], [w])],
      input: [valueInfo('x', DataType.FLOAT, [1])],
      output: [valueInfo('y', DataType.FLOAT, [1])],
    }),
  );
}

const LFS_POINTER =
  'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n';

let root: string;
let repo: string;
let baseCommit: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'eb-git-'));
  repo = join(root, 'repo');
  await mkdir(join(repo, 'models'), { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  // Commit 1 (base): model v1, an LFS pointer, a model that is later removed.
  await writeFile(join(repo, 'models', 'm.onnx'), modelBytes(1));
  await writeFile(join(repo, 'models', 'lfs.onnx'), LFS_POINTER);
  await writeFile(join(repo, 'models', 'gone.onnx'), modelBytes(3));
  await writeFile(join(repo, 'energy-budget.yml'), 'version: 1\nmodels:\n  - name: m\n    path: models/m.onnx\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'base');
  baseCommit = git(repo, 'rev-parse', 'HEAD');
  git(repo, 'tag', 'base');
  // Commit 2 (head): the model changes, a new model appears, one is removed.
  await writeFile(join(repo, 'models', 'm.onnx'), modelBytes(2));
  await writeFile(join(repo, 'models', 'new.onnx'), modelBytes(4));
  git(repo, 'rm', '-q', 'models/gone.onnx');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'head');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('reading files at a ref', () => {
  it('reads the base version of a changed model, relative or absolute, from a subfolder', async () => {
    const base = await readFileAtRef(repo, 'HEAD~1', 'models/m.onnx', { env: ENV });
    expect(Buffer.compare(base!, Buffer.from(modelBytes(1)))).toBe(0);
    const fromSub = await readFileAtRef(join(repo, 'models'), baseCommit, join(repo, 'models', 'm.onnx'), { env: ENV });
    expect(Buffer.compare(fromSub!, Buffer.from(modelBytes(1)))).toBe(0);
    const viaRelative = await readFileAtRef(join(repo, 'models'), 'base', 'm.onnx', { env: ENV });
    expect(viaRelative?.length).toBe(modelBytes(1).length);
  });

  it('does not touch the working tree or the index', async () => {
    await writeFile(join(repo, 'models', 'm.onnx'), modelBytes(9)); // an uncommitted edit
    const indexBefore = await readFile(join(repo, '.git', 'index'));
    const mtimeBefore = (await stat(join(repo, 'models', 'm.onnx'))).mtimeMs;
    await readFileAtRef(repo, 'HEAD~1', 'models/m.onnx', { env: ENV });
    expect(Buffer.compare(await readFile(join(repo, '.git', 'index')), indexBefore)).toBe(0);
    expect((await stat(join(repo, 'models', 'm.onnx'))).mtimeMs).toBe(mtimeBefore);
    expect(Buffer.compare(await readFile(join(repo, 'models', 'm.onnx')), Buffer.from(modelBytes(9)))).toBe(0);
    await writeFile(join(repo, 'models', 'm.onnx'), modelBytes(2));
  });

  it('returns null for a file missing at the base (a new model)', async () => {
    expect(await readFileAtRef(repo, 'HEAD~1', 'models/new.onnx', { env: ENV })).toBeNull();
  });

  it('refuses refs that look like options and unknown refs, with the fix', async () => {
    await expect(resolveRef(repo, '--output=/tmp/x', { env: ENV })).rejects.toThrow(InputError);
    // No origin remote here: the fetch fails and the message says what to do.
    const err = await resolveRef(repo, 'no-such-branch', { env: ENV }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/no-such-branch.*not in this clone.*fetch-depth: 0/s);
  });

  it('refuses a path outside the repository', async () => {
    await expect(readFileAtRef(repo, 'HEAD', join(root, 'elsewhere.onnx'), { env: ENV })).rejects.toThrow(
      /outside the git repository/,
    );
  });

  it('says so when the folder is not a git repository', async () => {
    const plain = await mkdtemp(join(tmpdir(), 'eb-nogit-'));
    try {
      await expect(readFileAtRef(plain, 'HEAD', 'x', { env: { ...ENV, GIT_CEILING_DIRECTORIES: tmpdir() } })).rejects.toThrow(
        /not inside a git repository/,
      );
    } finally {
      await rm(plain, { recursive: true, force: true });
    }
  });
});

describe('shallow clones', () => {
  it('fetches a base commit missing from a depth-1 clone, then reads from it', async () => {
    const clone = join(root, 'shallow');
    git(root, 'clone', '-q', '--depth=1', `file://${repo}`, clone);
    expect(() => git(clone, 'cat-file', '-e', `${baseCommit}^{commit}`)).toThrow();
    const messages: string[] = [];
    const logger = { info: (m: string) => messages.push(m), warn: (m: string) => messages.push(m) };
    const bytes = await readFileAtRef(clone, baseCommit, 'models/m.onnx', { env: ENV, logger });
    expect(Buffer.compare(bytes!, Buffer.from(modelBytes(1)))).toBe(0);
    expect(messages.join('\n')).toMatch(/fetching .* from origin \(depth 1\)/);
  });

  it('fetches a remote-tracking name (origin/side) as the branch side of origin (#26 item 10)', async () => {
    git(repo, 'branch', '-f', 'side', baseCommit);
    const clone = join(root, 'shallow-single');
    git(root, 'clone', '-q', '--depth=1', '--single-branch', '--branch', 'main', `file://${repo}`, clone);
    expect(() => git(clone, 'rev-parse', '--verify', '-q', 'origin/side')).toThrow();
    const bytes = await readFileAtRef(clone, 'origin/side', 'models/m.onnx', { env: ENV });
    expect(Buffer.compare(bytes!, Buffer.from(modelBytes(1)))).toBe(0);
    expect(git(clone, 'rev-parse', 'origin/side')).toBe(baseCommit);
  });
});

describe('Git LFS', () => {
  it('detects pointer files', () => {
    expect(isLfsPointer(Buffer.from(LFS_POINTER))).toBe(true);
    expect(isLfsPointer(modelBytes(1))).toBe(false);
  });

  it('without git-lfs: a clear error naming the file and the fix (exit 3)', async () => {
    // An empty PATH folder plus git's own folder: git runs, `git lfs` is not found.
    const gitDir = join(root, 'git-only');
    await mkdir(gitDir, { recursive: true });
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    const env = { ...ENV, PATH: gitDir };
    await writeFile(join(gitDir, 'git'), `#!/bin/sh\nexec ${realGit} "$@"\n`);
    await chmod(join(gitDir, 'git'), 0o755);
    const err = await readFileAtRef(repo, 'HEAD', 'models/lfs.onnx', { env }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect((err as EnvironmentError).exitCode).toBe(3);
    expect((err as Error).message).toBe(
      'models/lfs.onnx at HEAD is a Git LFS pointer, but git-lfs is not installed, so the base model cannot be read. ' +
        'Install Git LFS on the runner (`git lfs install`) and, in GitHub Actions, check out with `lfs: true` (actions/checkout), so that LFS files can be read.',
    );
  });

  it('with git-lfs on PATH: the pointer is smudged through `git lfs smudge`', async () => {
    // A stand-in git-lfs that answers `version` and turns any pointer into fixed content.
    const bin = join(root, 'fake-lfs-bin');
    await mkdir(bin, { recursive: true });
    await writeFile(
      join(bin, 'git-lfs'),
      '#!/bin/sh\nif [ "$1" = version ]; then echo "git-lfs/3.0.0 (fake)"; exit 0; fi\nif [ "$1" = smudge ]; then cat >/dev/null; printf "SMUDGED:%s" "$3"; exit 0; fi\nexit 1\n',
    );
    await chmod(join(bin, 'git-lfs'), 0o755);
    const env = { ...ENV, PATH: `${bin}:${process.env.PATH}` };
    const bytes = await readFileAtRef(repo, 'HEAD', 'models/lfs.onnx', { env });
    expect(bytes?.toString()).toBe('SMUDGED:models/lfs.onnx');
  });
});

describe('a hung or missing git', () => {
  it('stops a git that hangs after the timeout, with a clear error', async () => {
    const bin = join(root, 'hung-bin');
    await mkdir(bin, { recursive: true });
    // exec: the sleeping process is the one killed, so no orphan keeps the pipes open.
    const sleep = execFileSync('sh', ['-c', 'command -v sleep'], { encoding: 'utf8' }).trim();
    await writeFile(join(bin, 'git'), `#!/bin/sh\nexec ${sleep} 30\n`);
    await chmod(join(bin, 'git'), 0o755);
    const err = await readFileAtRef(repo, 'HEAD', 'models/m.onnx', { env: { ...ENV, PATH: bin }, timeoutMs: 300 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(EnvironmentError);
    expect((err as Error).message).toMatch(/^`git rev-parse --show-toplevel` did not finish within 0\.3 s in .* and was stopped/);
  });

  it('an injected git path that does not exist', async () => {
    const err = await runGit(['version'], repo, { gitPath: join(root, 'no-git-here'), env: ENV }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect((err as Error).message).toMatch(/was not found on PATH/);
  });
});

describe('GitBaseline', () => {
  it('materializes base models into a temp folder and reads the base budget file', async () => {
    const base = await GitBaseline.open(join(repo, 'models'), 'HEAD~1', { env: ENV });
    try {
      expect(base.commit).toBe(baseCommit);
      expect(await base.readText(join(repo, 'energy-budget.yml'))).toContain('name: m');
      const path = await base.materializeModel(join(repo, 'models', 'm.onnx'));
      expect(path).not.toBeNull();
      expect(path!.startsWith(repo)).toBe(false);
      expect(Buffer.compare(await readFile(path!), Buffer.from(modelBytes(1)))).toBe(0);
      expect(await base.materializeModel(join(repo, 'models', 'new.onnx'))).toBeNull();
      await base.close();
      await expect(stat(path!)).rejects.toThrow();
    } finally {
      await base.close();
    }
  });

  it('classifies new and removed models', () => {
    expect(
      classifyModels(
        [
          { name: 'm', existsAtBase: true },
          { name: 'n', existsAtBase: false },
        ],
        ['m', 'gone'],
      ),
    ).toEqual([
      { name: 'm', status: 'present' },
      { name: 'n', status: 'new' },
      { name: 'gone', status: 'removed' },
    ]);
  });
});

describe('GitBaseline with external data', () => {
  it('writes the base model and its external-data files (a large one streamed from git) at the same relative places', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'eb-git-ext-'));
    try {
      git(dir, 'init', '-q');
      await mkdir(join(dir, 'm'));
      const big = (fill: number) => new Uint8Array(300_000).fill(fill); // past an LFS pointer's 1024 bytes: streamed
      const proto = model({
        name: 'g',
        node: [node('Mul', ['x', 'w'], ['y'])],
        initializer: [
          {
            name: 'w',
            dims: [1],
            dataType: DataType.FLOAT,
            dataLocation: 1,
            externalData: [
              { key: 'location', value: 'w.bin' },
              { key: 'offset', value: '4' },
              { key: 'length', value: '4' },
            ],
          },
        ],
        input: [valueInfo('x', DataType.FLOAT, [1])],
        output: [valueInfo('y', DataType.FLOAT, [1])],
      });
      await writeFile(join(dir, 'm', 'm.onnx'), encodeModel(proto));
      await writeFile(join(dir, 'm', 'w.bin'), big(1));
      git(dir, 'add', '-A');
      git(dir, 'commit', '-qm', 'base');
      await writeFile(join(dir, 'm', 'w.bin'), big(2));
      git(dir, 'commit', '-qam', 'head');
      const base = await GitBaseline.open(dir, 'HEAD~1', { env: ENV });
      try {
        const path = await base.materializeModel(join(dir, 'm', 'm.onnx'));
        expect(Buffer.compare(await readFile(join(path!, '..', 'w.bin')), Buffer.from(big(1)))).toBe(0);
      } finally {
        await base.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
