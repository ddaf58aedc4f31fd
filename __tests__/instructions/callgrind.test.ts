import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { CallgrindFormatError, objectCost, parseCallgrind } from '../../src/instructions/callgrind.js';
import { sumParts } from './helpers.js';
import { estimateCycles } from '../../src/instructions/cycles.js';
import { summarizeCounts } from '../../src/instructions/measure.js';
import { callsFromDumps, findValgrind, orderDumpFiles, runCallgrind, RUN_SYMBOL } from '../../src/instructions/valgrind.js';
import { EnvironmentError, exitCodeOf } from '../../src/errors.js';

/** A dump as callgrind 3.19 writes it (header, a few cost lines, summary and totals). */
function dump(counts: number[], opts: { events?: string; trigger?: string; part?: number } = {}): string {
  const events = opts.events ?? 'Ir';
  return [
    '# callgrind format',
    'version: 1',
    'creator: callgrind-3.19.0',
    'pid: 4242',
    'cmd:  node --input-type=module -e ... /tmp/job.json',
    `part: ${opts.part ?? 1}`,
    '',
    'desc: I1 cache: ',
    `desc: Trigger: ${opts.trigger ?? 'Program termination'}`,
    '',
    'positions: line',
    `events: ${events}`,
    `summary: ${counts.join(' ')}`,
    '',
    'ob=(1) /usr/lib/libonnxruntime.so.1',
    'fl=(1) ???',
    'fn=(1) MlasSgemmKernelAvx',
    `0 ${counts.join(' ')}`,
    '',
    `totals: ${counts.join(' ')}`,
    '',
  ].join('\n');
}

const CACHE = 'Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw';

describe('parseCallgrind', () => {
  it('reads the events, the totals, the trigger and the command', () => {
    const p = parseCallgrind(dump([940208], { trigger: '--dump-before=InferenceSessionWrap::Run(Napi::CallbackInfo const&)' }));
    expect(p.events).toEqual(['Ir']);
    expect(p.parts).toEqual([
      {
        totals: { Ir: 940208 },
        trigger: '--dump-before=InferenceSessionWrap::Run(Napi::CallbackInfo const&)',
        byObject: { '/usr/lib/libonnxruntime.so.1': { Ir: 940208 } },
      },
    ]);
    expect(p.command).toMatch(/^node/);
  });

  it('reads every cache event, and trailing counts left out are zero', () => {
    const p = parseCallgrind(dump([1000, 400, 200, 5, 30, 10, 1, 2], { events: CACHE }));
    expect(p.parts[0]!.totals).toEqual({ Ir: 1000, Dr: 400, Dw: 200, I1mr: 5, D1mr: 30, D1mw: 10, ILmr: 1, DLmr: 2, DLmw: 0 });
  });

  it('takes summary: when totals: is absent, and keeps several parts apart', () => {
    const two = `${dump([10])}\npart: 2\nsummary: 20\n`;
    const p = parseCallgrind(two);
    expect(p.parts.map((x) => x.totals.Ir)).toEqual([10, 20]);
    expect(sumParts(p.parts)).toEqual({ Ir: 30 });
  });

  it('rejects a file that is not callgrind output, or a malformed total, saying what was expected', () => {
    expect(() => parseCallgrind('hello\nworld\n')).toThrow(CallgrindFormatError);
    expect(() => parseCallgrind('hello\n')).toThrow(/no `events:` line/);
    expect(() => parseCallgrind('events: Ir\nsummary: 12x\n')).toThrow(
      /line 2: expected up to 1 whole numbers \(Ir\), got `12x`/,
    );
    expect(() => parseCallgrind('summary: 1\n')).toThrow(/before any `events:` line/);
    expect(() => parseCallgrind('events: Ir\npart: 1\n')).toThrow(/neither a `summary:` nor a `totals:`/);
  });
});

describe('self cost by object file', () => {
  it('charges cost lines to the object of their function, skips call costs, resolves compressed names', () => {
    const text = [
      'part: 1',
      'events: Ir',
      'ob=(1) /usr/bin/node',
      'fn=(1) v8::internal::Heap::Scavenge',
      '16 5000',
      'ob=(2) /x/libonnxruntime.so.1',
      'fn=(2) MlasSgemmKernel',
      '0 700',
      '+2 300',
      'cob=(1)',
      'cfn=(1)',
      'calls=1 0',
      '0 5000',
      'ob=(1)',
      'fn=(3) napi_create_external',
      '0 40',
      'summary: 11040',
    ].join('\n');
    const part = parseCallgrind(text).parts[0]!;
    expect(part.byObject).toEqual({ '/usr/bin/node': { Ir: 5040 }, '/x/libonnxruntime.so.1': { Ir: 1000 } });
    expect(objectCost(part, ['Ir'], /libonnxruntime\.so/)).toEqual({ Ir: 1000 });
  });
});

describe('per-call dumps', () => {
  it('orders callgrind.out.N numerically, then the file written at exit', () => {
    expect(
      orderDumpFiles(['callgrind.out', 'callgrind.out.10', 'job.json', 'callgrind.out.2', 'callgrind.out.1'], 'callgrind.out'),
    ).toEqual(['callgrind.out.1', 'callgrind.out.2', 'callgrind.out.10', 'callgrind.out']);
  });

  it('drops the dump before the first call and the warm-up calls', () => {
    const parts = [0, 1_391_876, 940_208, 940_666].map((Ir) => ({
      totals: { Ir },
      byObject: { '/x/libonnxruntime.so.1': { Ir }, '/usr/bin/node': { Ir: 7 } },
    }));
    expect(callsFromDumps(parts, 1, 2)).toEqual([{ Ir: 940_208 }, { Ir: 940_666 }]);
  });

  it('says so when the dumps do not match the calls (the run function was not matched)', () => {
    const err = (() => {
      try {
        callsFromDumps([{ totals: { Ir: 5 }, byObject: {} }], 1, 3);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(exitCodeOf(err)).toBe(3);
    expect((err as Error).message).toMatch(/1 dumps where 5 were expected/);
  });
});

describe('estimateCycles', () => {
  it('weights L1 hits 1, LL hits 5, RAM accesses 35', () => {
    // accesses 1600; L1 misses 45 (of which 3 miss LL too): L1 hits 1555, LL hits 42, RAM 3.
    const c = estimateCycles({ Ir: 1000, Dr: 400, Dw: 200, I1mr: 5, D1mr: 30, D1mw: 10, ILmr: 1, DLmr: 2, DLmw: 0 });
    expect(c).toEqual({ l1Hits: 1555, llHits: 42, ramAccesses: 3, estimatedCycles: 1555 + 5 * 42 + 35 * 3 });
  });
  it('is null without the cache simulator', () => {
    expect(estimateCycles({ Ir: 1000 })).toBeNull();
  });
});

describe('summarizeCounts', () => {
  it('gives the median per call (the mean of the middle two for an even number), the range, SIMULATED wording and the cycle estimate', () => {
    const perCall = [
      { Ir: 1000, Dr: 400, Dw: 200, I1mr: 5, D1mr: 30, D1mw: 10, ILmr: 1, DLmr: 2, DLmw: 0 },
      { Ir: 1002, Dr: 400, Dw: 200, I1mr: 5, D1mr: 30, D1mw: 10, ILmr: 1, DLmr: 2, DLmw: 0 },
    ];
    const r = summarizeCounts(
      { events: CACHE.split(' '), perCall, wallS: 12.5, valgrind: 'valgrind-3.19.0', startup: { instrumented: false } },
      { warmup: 1, what: 'inference call' },
    );
    expect(r.perCall).toBe(1001);
    expect([r.minPerCall, r.maxPerCall]).toEqual([1000, 1002]);
    expect(r.calls).toBe(2);
    expect(r.estimatedCycles).toBe(1556 + 5 * 42 + 35 * 3);
    expect(r.cyclesFormula).toMatch(/^ESTIMATE: .*pythonspeed\.com/);
    expect(r.description).toMatch(/^SIMULATED: .*valgrind-3\.19\.0.*AVX-512/);
    expect(r.simulated).toBe(true);
  });

  it('takes the median call, so a call carrying the occasional housekeeping of onnxruntime does not move the figure', () => {
    const call = (Ir: number, D1mr: number) => ({ Ir, D1mr });
    const r = summarizeCounts(
      {
        events: ['Ir', 'D1mr'],
        perCall: [call(254_253, 7), call(254_198, 5), call(371_050, 90), call(254_253, 7), call(254_198, 5)],
        wallS: 1,
        valgrind: 'valgrind-3.19.0',
        startup: { instrumented: false },
      },
      { warmup: 1, what: 'inference call' },
    );
    expect(r.perCall).toBe(254_253);
    // The events are the median call's own.
    expect(r.events).toEqual({ Ir: 254_253, D1mr: 7 });
    expect([r.minPerCall, r.maxPerCall]).toEqual([254_198, 371_050]);
    expect(r.description).toMatch(/median of the measured calls/);
  });
});

describe('findValgrind', () => {
  it('a missing Valgrind is an environment error (exit 3) that says how to install it', async () => {
    const err = await findValgrind({ ENERGY_BUDGET_VALGRIND: '/nonexistent/valgrind', PATH: process.env.PATH }).catch((e) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(exitCodeOf(err)).toBe(3);
    expect(err.message).toMatch(
      /measure: instructions needs Valgrind .* ENERGY_BUDGET_VALGRIND=\/nonexistent\/valgrind was not found/,
    );
    expect(err.message).toMatch(/apt-get install -y valgrind/);
    expect(err.stack === undefined || !err.message.includes('    at ')).toBe(true);
  });

  it('a binary that is not Valgrind is named as such', async () => {
    const err = await findValgrind({ ENERGY_BUDGET_VALGRIND: process.execPath }).catch((e) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err.message).toMatch(/does not look like Valgrind/);
  });
});

describe('runCallgrind (with a stand-in for valgrind)', () => {
  const feeds = { x: new ort.Tensor('float32', new Float32Array([1, 2, 3, 4]), [1, 4]) };
  const tool = { command: 'valgrind', version: 'valgrind-3.19.0' };

  /** A stand-in for valgrind: checks the go file protocol and writes the dumps of 1 + 3 calls. */
  const standIn =
    (seen: string[][]) =>
    async (command: string, args: string[], _env: unknown, hooks: { onReady: (pid: number) => Promise<void> }) => {
      seen.push([command, ...args]);
      const out = args.find((a) => a.startsWith('--callgrind-out-file='))!.split('=')[1]!;
      const job = JSON.parse(readFileSync(args[args.length - 1]!, 'utf8')) as { goFile: string };
      // The child's start-up is done: it waits for the go file.
      await hooks.onReady(4242);
      if (readFileSync(job.goFile, 'utf8') !== 'go') return { code: 0, signal: null, stderr: '' };
      // One dump before each of the 3 calls, the last call's at exit.
      writeFileSync(`${out}.1`, dump([0]));
      writeFileSync(`${out}.2`, dump([1_391_876]));
      writeFileSync(`${out}.3`, dump([940_208]));
      writeFileSync(out, dump([940_666]));
      return { code: 0, signal: null, stderr: '' };
    };
  const job = { model: '/m.onnx', sessionOptions: { intraOpNumThreads: 1 }, feeds, warmup: 1, calls: 2, cacheSim: false };

  it('starts uninstrumented, switches instrumentation on with vgdb when the child is ready, collects only inside the run, keeps the measured calls', async () => {
    const seen: string[][] = [];
    const vgdbCalls: string[][] = [];
    const r = await runCallgrind({ command: '/opt/vg/bin/valgrind', version: 'valgrind-3.19.0' }, job, {
      clockNs: (() => {
        let t = 0n;
        return () => (t += 2_000_000_000n);
      })(),
      exec: standIn(seen),
      vgdb: async (command, args) => void vgdbCalls.push([command, ...args]),
    });
    expect(seen).toHaveLength(1);
    const args = seen[0]!;
    expect(args).toEqual(
      expect.arrayContaining([
        '--tool=callgrind',
        '--instr-atstart=no',
        '--collect-atstart=no',
        `--toggle-collect=${RUN_SYMBOL}`,
        '--cache-sim=no',
        process.execPath,
        '--input-type=module',
      ]),
    );
    expect(args.some((a) => a.startsWith('--dump-before=') && a.includes('InferenceSessionWrap::Run'))).toBe(true);
    // vgdb (not found beside this valgrind: from PATH) talks to the child's pid over FIFOs in the count's own folder.
    const prefix = args.find((a) => a.startsWith('--vgdb-prefix='))!;
    expect(vgdbCalls).toEqual([['vgdb', prefix, '--pid=4242', 'instrumentation', 'on']]);
    expect(prefix.startsWith(`--vgdb-prefix=${os.tmpdir()}`)).toBe(true);
    expect(r.perCall).toEqual([{ Ir: 940_208 }, { Ir: 940_666 }]);
    expect(r.startup).toEqual({ instrumented: false });
    expect(r.wallS).toBe(2);
    // Its own temporary folder is gone.
    const dir = path.dirname(prefix.split('=')[1]!);
    expect(readdirSync(path.dirname(path.dirname(dir)))).not.toContain(path.basename(path.dirname(dir)));
  });

  it('where vgdb fails, counts again with instrumentation on from the start, and says why', async () => {
    const seen: string[][] = [];
    const r = await runCallgrind(tool, job, {
      exec: standIn(seen),
      vgdb: async () => {
        throw new Error('ptrace: Operation not permitted');
      },
    });
    expect(seen).toHaveLength(2);
    expect(seen[0]).toContain('--instr-atstart=no');
    expect(seen[1]).not.toContain('--instr-atstart=no');
    expect(r.perCall).toEqual([{ Ir: 940_208 }, { Ir: 940_666 }]);
    expect(r.startup).toEqual({
      instrumented: true,
      reason: "vgdb could not switch callgrind's instrumentation on (ptrace: Operation not permitted)",
    });
    expect(summarizeCounts(r, { warmup: 1, what: 'inference call' }).description).toMatch(
      /start-up instrumented because vgdb could not switch/,
    );
  });

  it('a failing child is an environment error with the last lines of its output', async () => {
    const err = await runCallgrind(
      tool,
      { model: '/m.onnx', sessionOptions: {}, feeds, warmup: 0, calls: 1, cacheSim: true },
      { exec: async () => ({ code: 1, signal: null, stderr: 'Error: Load model from /m.onnx failed\n' }) },
    ).catch((e) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err.message).toMatch(/exited with code 1: Error: Load model from \/m\.onnx failed/);
  });
});
