/**
 * Every error class of the product is an EnergyBudgetError with a code and an exit code, and
 * putting the lower layers' errors (InternalError) into the hierarchy changed nothing users see:
 * the sites that pass our errors through still wrap them, the CLI, the action's model report
 * and the isolated worker still treat them as unexpected errors.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GitCommandError } from '../src/baseline/git.js';
import { runInferenceBenchmark } from '../src/bench/runner.js';
import { describeFailure } from '../src/cli.js';
import { parseConfig } from '../src/config/load.js';
import { QuantityError, parseQuantity } from '../src/config/units.js';
import { ArchiveError } from '../src/device/archive.js';
import { NvmlError } from '../src/energy/nvml.js';
import type { EnergyMeter } from '../src/energy/types.js';
import { runModel } from '../src/engine/model-run.js';
import { EnergyBudgetError, EnvironmentError, InputError, InternalError, exitCodeOf, isUserFacing } from '../src/errors.js';
import { ArtifactUploadError } from '../src/github/artifact.js';
import { CallgrindFormatError, parseCallgrind } from '../src/instructions/callgrind.js';
import type { ModelRunner } from '../src/isolate/engine.js';
import { deserializeError, serializeError } from '../src/isolate/protocol.js';
import { ScanError } from '../src/model/stream.js';

const SRC = path.join(process.cwd(), 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

/** `class A extends B` of every file under src/, by class name. */
function classBases(): Map<string, { base: string; file: string }> {
  const out = new Map<string, { base: string; file: string }>();
  for (const file of sourceFiles(SRC)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bclass\s+(\w+)(?:<[^>{]*>)?\s+extends\s+([\w.]+)/g)) {
      out.set(m[1], { base: m[2], file: path.relative(process.cwd(), file) });
    }
  }
  return out;
}

describe('the error hierarchy', () => {
  it('every Error subclass under src/ (exported or not) extends EnergyBudgetError', () => {
    const bases = classBases();
    const chain = (name: string): string[] => {
      const names = [name];
      for (let b = bases.get(name); b && names.length < 20; b = bases.get(b.base)) names.push(b.base);
      return names;
    };
    const errorClasses = [...bases.keys()].filter((name) => /Error$/.test(chain(name).at(-1) ?? ''));
    const outside = errorClasses
      .filter((name) => name !== 'EnergyBudgetError' && !chain(name).includes('EnergyBudgetError'))
      .map((name) => `${name} (${bases.get(name)?.file}: ${chain(name).join(' → ')})`);
    expect(outside).toEqual([]);
    // The scan sees the classes it is about (so it cannot pass by finding nothing).
    for (const name of [
      'ScanError',
      'NvmlError',
      'QuantityError',
      'CallgrindFormatError',
      'GitCommandError',
      'ArchiveError',
      'HttpFailure',
    ])
      expect(chain(name)).toEqual(expect.arrayContaining([name, 'InternalError', 'EnergyBudgetError', 'Error']));
  });

  it("the lower layers' errors carry a code, exit code 3, their own name and the message they had", () => {
    const cases: Array<[InternalError, string, string, string]> = [
      [new ScanError('truncated varint', 12), 'ScanError', 'MODEL_INVALID', 'truncated varint at byte 12'],
      [
        new NvmlError(999, 'nvmlDeviceGetPowerUsage', 'Unknown Error'),
        'NvmlError',
        'METER_UNAVAILABLE',
        'nvmlDeviceGetPowerUsage failed: Unknown Error (NVML status 999)',
      ],
      [new CallgrindFormatError('no events'), 'CallgrindFormatError', 'ENVIRONMENT', 'no events'],
      [
        new GitCommandError(['ls-tree', 'x'], 128, 'fatal: bad\n'),
        'GitCommandError',
        'GIT_FAILED',
        'git ls-tree x exited with 128: fatal: bad',
      ],
      [new ArchiveError('bad ZIP central directory entry'), 'ArchiveError', 'ENVIRONMENT', 'bad ZIP central directory entry'],
      [new ArtifactUploadError('CreateArtifact: no URL'), 'ArtifactUploadError', 'ENVIRONMENT', 'CreateArtifact: no URL'],
    ];
    for (const [error, name, code, message] of cases) {
      expect(error).toBeInstanceOf(EnergyBudgetError);
      expect([error.name, error.code, error.exitCode, error.message]).toEqual([name, code, 3, message]);
      expect(exitCodeOf(error)).toBe(3);
      expect(isUserFacing(error)).toBe(false);
    }
    const quantity = (() => {
      try {
        return parseQuantity('5 ms', 'bytes');
      } catch (error) {
        return error;
      }
    })();
    expect(quantity).toBeInstanceOf(QuantityError);
    expect(quantity).toBeInstanceOf(InternalError);
    expect(() => parseCallgrind('hello\n')).toThrow(CallgrindFormatError);
  });

  it("GitCommandError keeps git's status apart from its own exit code", () => {
    const e = new GitCommandError(['fetch'], 128, '');
    expect([e.gitExitCode, e.exitCode, e.stderr]).toEqual([128, 3, '']);
    expect(e.message).toBe('git fetch exited with 128: (no output)');
  });

  it('our user-facing errors stay user-facing', () => {
    expect(isUserFacing(new InputError('MODEL_INVALID', 'x'))).toBe(true);
    expect(isUserFacing(new EnvironmentError('x'))).toBe(true);
    expect(isUserFacing(new Error('x'))).toBe(false);
  });
});

describe("sites that pass our errors through still wrap the lower layers' errors", () => {
  it('the benchmark wraps a meter failure naming the model, as it wraps a plain error', async () => {
    let now = 0n;
    const session = { run: async () => ((now += 1_000_000n), {}) };
    const meter = (error: Error): EnergyMeter => ({
      method: 'nvml',
      description: 'fake',
      begin: async () => ({ startedAt: 0 }),
      end: async () => {
        throw error;
      },
      close: async () => undefined,
    });
    const run = (error: Error) =>
      runInferenceBenchmark(
        session,
        {},
        { iterations: 3, warmup: 0, maxTimeS: 10, targetRelativeCi: 0.02, batchSize: 1 },
        { clockNs: () => now, rssBytes: () => 1, maxRssBytes: () => 1, meter: meter(error), label: 'model "m"' },
      ).catch((x: unknown) => x);
    const nvml = await run(new NvmlError(999, 'nvmlDeviceGetTotalEnergyConsumption', 'Unknown Error'));
    expect(nvml).toBeInstanceOf(EnvironmentError);
    expect(nvml).not.toBeInstanceOf(NvmlError);
    expect(nvml).toHaveProperty(
      'message',
      'model "m": the energy meter failed: nvmlDeviceGetTotalEnergyConsumption failed: Unknown Error (NVML status 999)',
    );
    const plain = await run(new Error('counter vanished'));
    expect(plain).toHaveProperty('message', 'model "m": the energy meter failed: counter vanished');
  });

  it('the CLI frames an unwrapped one as an internal error with its stack, as before', () => {
    const text = describeFailure(new GitCommandError(['cat-file', 'blob', 'abc'], 128, 'fatal: bad object'));
    expect(text).toMatch(
      /^energy-budget: internal error \(please report it with the budget file and this text\):\nGitCommandError: git cat-file blob abc exited with 128: fatal: bad object\n\s+at /,
    );
    expect(describeFailure(new InputError('MODEL_INVALID', 'Model m is bad.'))).toBe('energy-budget: Model m is bad.');
  });

  it('the worker sends one as an unexpected error, with its name and stack', () => {
    const sent = serializeError(new CallgrindFormatError('line 3: expected whole numbers'));
    expect(sent).toMatchObject({ ours: false, name: 'CallgrindFormatError', message: 'line 3: expected whole numbers' });
    expect(sent.stack).toContain('CallgrindFormatError');
    const back = deserializeError(sent);
    expect(back).not.toBeInstanceOf(EnergyBudgetError);
    expect(back.name).toBe('CallgrindFormatError');
  });

  it("a model's report says internal error for one, as for any unexpected error", async () => {
    const config = parseConfig(
      'version: 1\nmodels:\n  - name: m\n    path: package.json\n',
      path.join(process.cwd(), 'energy-budget.yml'),
    );
    const warnings: string[] = [];
    const failing = (error: Error): ModelRunner => ({
      mode: 'in-process',
      measure: async () => {
        throw error;
      },
      compare: async () => {
        throw error;
      },
      advise: async () => {
        throw error;
      },
      count: async () => {
        throw error;
      },
    });
    const report = (error: Error) =>
      runModel(config.models[0], {
        options: { configPath: path.join(process.cwd(), 'energy-budget.yml'), cwd: process.cwd() },
        config,
        logger: { info: () => undefined, progress: () => undefined, warn: (m) => warnings.push(m) },
        workspaceRoot: process.cwd(),
        missing: new Map(),
        runner: failing(error),
        baselines: { byName: new Map(), baseConfig: null, baseText: null },
      });
    const internal = await report(new CallgrindFormatError('no `events:` line: this is not a Callgrind output file'));
    expect(internal.error).toEqual({
      code: 'INTERNAL',
      message: 'internal error while measuring: no `events:` line: this is not a Callgrind output file',
      exitCode: 3,
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('CallgrindFormatError: no `events:` line');
    const ours = await report(new InputError('MODEL_INVALID', 'Model m is bad.'));
    expect(ours.error).toEqual({ code: 'MODEL_INVALID', message: 'Model m is bad.', exitCode: 2 });
    expect(warnings).toHaveLength(1);
  });
});
