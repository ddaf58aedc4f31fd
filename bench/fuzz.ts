/**
 * Coverage-guided fuzzing of the ONNX decoder (loadModel + analyzeModel) and the budget-file
 * parser (parseConfig), within a time budget:
 *
 *   npm run bench:fuzz -- --seconds 120 [--seed N] [--target decoder|budget|both] [--save]
 *
 * Inputs come from fast-check (structure-aware: whole graphs op by op, __tests__/fuzz/graphs.ts,
 * and budget documents from known keys and hostile values) and from mutating the corpus
 * (bit flips, truncation, splices and protobuf-field edits for models, text edits for budget
 * files; __tests__/fuzz/mutate.ts). Coverage is V8's precise block coverage of this bundle
 * (node:inspector, Profiler.takePreciseCoverage after every input): an input that executes a
 * block no earlier input did joins the corpus. The corpus lives in bench/fuzz-corpus/ (read at
 * start; with --save, new entries under 64 kB are written there). A finding is any thrown value
 * that is not one of our EnergyBudgetErrors with exit 2/3 (a stack trace a user would see);
 * findings are printed and, with --save, written to bench/fuzz-corpus/findings/.
 *
 * It prints executions, corpus growth, covered blocks and findings per target.
 */
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../src/config/load.js';
import { EnergyBudgetError } from '../src/errors.js';
import { analyzeModel } from '../src/model/analyze.js';
import { loadModel } from '../src/model/load.js';
import { createRng } from '../src/util/random.js';
import { graphCase } from '../__tests__/fuzz/graphs.js';
import { mutateBudget, mutateModel } from '../__tests__/fuzz/mutate.js';

type Target = 'decoder' | 'budget';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const seconds = Number(arg('seconds', '60'));
const seed = Number(arg('seed', String(Date.now() % 2 ** 31)));
const which = arg('target', 'both');
const save = process.argv.includes('--save');
const targets: Target[] = which === 'both' ? ['decoder', 'budget'] : [which as Target];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = path.join(root, 'bench', 'fuzz-corpus');
const bundleUrl = import.meta.url;

/** Budget documents from the budget file's own keys and hostile values (structure-aware). */
const quantity = fc.oneof(
  fc
    .tuple(
      fc.double({ min: -1e3, max: 1e12, noNaN: false }),
      fc.constantFrom('', ' kB', ' MB', 'GB', ' mJ', ' J', ' ms', ' s', 'k', 'M', ' MFLOP', '%', ' W', ' furlong'),
    )
    .map(([n, u]) => `${n}${u}`),
  fc.constantFrom('auto', 'null', '~', '.inf', '-.nan', '0x10', '1e400', "''", '[]', '{}', '*anchor'),
  fc.integer({ min: -5, max: 1e9 }).map(String),
);
const modelKeys = [
  'name',
  'path',
  'dims',
  'inputs',
  'threads',
  'inference',
  'energy',
  'training',
  'budget',
  'device',
  'advise',
  'unknown-key',
];
const budgetKeys = [
  'model-size',
  'parameters',
  'flops',
  'energy-per-inference',
  'energy-per-training-step',
  'latency-p95',
  'latency-p50',
  'regression',
  'speling',
];
const budgetDoc = fc
  .array(
    fc.record({
      keys: fc.subarray(modelKeys, { minLength: 1 }),
      budget: fc.subarray(budgetKeys),
      values: fc.array(quantity, { minLength: 12, maxLength: 12 }),
      name: fc.string({ maxLength: 12 }),
    }),
    { maxLength: 4 },
  )
  .map((models) => {
    const lines = ['version: 1', 'models:'];
    for (const m of models) {
      let first = true;
      const put = (text: string) => {
        lines.push(`${first ? '  - ' : '    '}${text}`);
        first = false;
      };
      m.keys.forEach((k, i) => {
        if (k === 'name') put(`name: ${JSON.stringify(m.name)}`);
        else if (k === 'path') put('path: models/classifier.onnx');
        else if (k === 'budget') {
          put('budget:');
          m.budget.forEach((b, j) => lines.push(`      ${b}: ${m.values[j % 12]}`));
        } else if (k === 'inference') put(`inference: { iterations: ${m.values[i % 12]}, warmup: ${m.values[(i + 1) % 12]} }`);
        else if (k === 'dims') put(`dims: { N: ${m.values[i % 12]} }`);
        else if (k === 'inputs') put(`inputs: { x: { shape: [${m.values[i % 12]}, 784], dtype: float32 } }`);
        else if (k === 'training')
          put(`training: { loss: bce, optimizer: adam, learning-rate: ${m.values[i % 12]}, steps: ${m.values[(i + 2) % 12]} }`);
        else put(`${k}: ${m.values[i % 12]}`);
      });
    }
    return lines.join('\n') + '\n';
  });

interface State {
  corpus: Uint8Array[];
  covered: Set<string>;
  execs: number;
  added: number;
  findings: Map<string, Uint8Array>;
  startCorpus: number;
}

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });

/** Blocks of this bundle executed since the last call (precise coverage resets on each take). */
async function takeBlocks(): Promise<string[]> {
  const { result } = await session.post('Profiler.takePreciseCoverage');
  const out: string[] = [];
  for (const script of result) {
    if (script.url !== bundleUrl) continue;
    for (const fn of script.functions) for (const r of fn.ranges) if (r.count > 0) out.push(`${r.startOffset}:${r.endOffset}`);
  }
  return out;
}

const work = mkdtempSync(path.join(tmpdir(), 'eb-fuzz-bench-'));
const modelFile = path.join(work, 'm.onnx');

async function execute(target: Target, input: Uint8Array): Promise<unknown> {
  try {
    if (target === 'decoder') {
      writeFileSync(modelFile, input);
      analyzeModel(await loadModel(modelFile, { label: 'fuzz' }), { label: 'fuzz' });
    } else {
      parseConfig(new TextDecoder().decode(input), path.join(work, 'energy-budget.yml'));
    }
    return undefined;
  } catch (error) {
    return error;
  }
}

function isContained(error: unknown): boolean {
  return (
    error === undefined ||
    (error instanceof EnergyBudgetError && (error.exitCode === 2 || error.exitCode === 3) && error.message.length > 20)
  );
}

function loadCorpus(target: Target): Uint8Array[] {
  const dir = path.join(corpusDir, target);
  const out: Uint8Array[] = [];
  if (existsSync(dir)) for (const f of readdirSync(dir).sort()) out.push(new Uint8Array(readFileSync(path.join(dir, f))));
  if (target === 'decoder')
    for (const m of ['classifier.onnx', 'cnn.onnx'])
      out.push(new Uint8Array(readFileSync(path.join(root, 'examples/models', m))));
  else out.push(new TextEncoder().encode(readFileSync(path.join(root, 'energy-budget.yml'), 'utf8')));
  return out;
}

const sha = (b: Uint8Array) => createHash('sha1').update(b).digest('hex').slice(0, 16);

async function fuzz(target: Target, untilMs: number, rngSeed: number): Promise<State> {
  const rng = createRng(rngSeed);
  const corpus = loadCorpus(target);
  const state: State = { corpus, covered: new Set(), execs: 0, added: 0, findings: new Map(), startCorpus: corpus.length };
  await takeBlocks();
  // Replay the corpus first: its coverage is the starting point.
  for (const c of corpus) {
    await execute(target, c);
    for (const b of await takeBlocks()) state.covered.add(b);
  }
  const startBlocks = state.covered.size;
  const arbitrary: fc.Arbitrary<Uint8Array> =
    target === 'decoder' ? graphCase.map((c) => c.bytes) : budgetDoc.map((t) => new TextEncoder().encode(t));
  let generated: Uint8Array[] = [];
  let batch = 0;
  let g = 0;
  /** The next structure-aware input, generated in batches of 100 (each batch its own seed). */
  const nextGenerated = () => {
    if (g >= generated.length) {
      generated = fc.sample(arbitrary, { seed: rngSeed * 1000 + batch++, numRuns: 100 });
      g = 0;
    }
    return generated[g++];
  };
  while (Date.now() < untilMs) {
    // Half fresh structure-aware inputs, half mutations of what already found new coverage.
    let input: Uint8Array;
    if (rng.next() < 0.5) input = nextGenerated();
    else {
      const parent = state.corpus[rng.int(0, state.corpus.length - 1)];
      input =
        target === 'decoder'
          ? mutateModel(parent, rng).value
          : new TextEncoder().encode(mutateBudget(new TextDecoder().decode(parent), rng).value);
    }
    const error = await execute(target, input);
    state.execs++;
    const blocks = await takeBlocks();
    let fresh = 0;
    for (const b of blocks) {
      if (state.covered.has(b)) continue;
      state.covered.add(b);
      fresh++;
    }
    if (fresh > 0) {
      state.corpus.push(input);
      state.added++;
      if (save && input.length < 64 * 1024) {
        mkdirSync(path.join(corpusDir, target), { recursive: true });
        writeFileSync(path.join(corpusDir, target, `${sha(input)}.${target === 'decoder' ? 'onnx' : 'yml'}`), input);
      }
    }
    if (!isContained(error)) {
      const e = error as Error;
      const key = `${e?.name}: ${String(e?.message).slice(0, 120)}`;
      if (!state.findings.has(key)) {
        state.findings.set(key, input);
        process.stdout.write(`  FINDING (${target}): ${key}\n    ${e?.stack?.split('\n').slice(1, 3).join('\n    ')}\n`);
        if (save) {
          mkdirSync(path.join(corpusDir, 'findings'), { recursive: true });
          writeFileSync(path.join(corpusDir, 'findings', `${target}-${sha(input)}.bin`), input);
        }
      }
    }
  }
  process.stdout.write(
    `${target}: ${state.execs} executions, corpus ${state.startCorpus} → ${state.corpus.length} (+${state.added}), ` +
      `covered blocks ${startBlocks} → ${state.covered.size}, ${state.findings.size} distinct finding(s)\n`,
  );
  return state;
}

process.stdout.write(
  `bench:fuzz: ${seconds} s over ${targets.join(' and ')}, seed ${seed}${save ? ', saving new corpus entries' : ''}\n`,
);
const start = Date.now();
try {
  for (const [i, t] of targets.entries()) {
    const share = (seconds * 1000) / targets.length;
    await fuzz(t, start + share * (i + 1), seed + i);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
  await session.post('Profiler.stopPreciseCoverage');
  session.disconnect();
}
