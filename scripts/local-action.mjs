#!/usr/bin/env node
/**
 * Runs the built action (dist/index.js) locally the way the GitHub runner does, without
 * @github/local-action: inputs become INPUT_* variables (action.yml defaults first), and
 * GITHUB_OUTPUT / GITHUB_STEP_SUMMARY point at files that are printed at the end.
 *
 *   node scripts/local-action.mjs [--input NAME=VALUE]... [--event FILE] [--event-name NAME]
 *                                 [--workspace DIR] [--repository OWNER/REPO] [--api-url URL]
 *                                 [--entry FILE]
 *
 * Without --event there is no pull request, so nothing is posted: the run measures, writes the
 * report, the summary and the outputs. With --event (a pull_request payload), --repository and
 * a GITHUB_TOKEN in the environment it posts the real comment on that PR.
 * Exit status: the action's.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Parses the command line into { inputs, event, eventName, workspace, repository, apiUrl, entry }. */
function parseArgs(argv) {
  const opts = { inputs: {}, workspace: process.cwd(), entry: path.join(root, 'dist/index.js') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--input') {
      const v = value();
      const eq = v.indexOf('=');
      if (eq < 1) throw new Error(`--input takes NAME=VALUE, got "${v}"`);
      opts.inputs[v.slice(0, eq)] = v.slice(eq + 1);
    } else if (arg === '--event') opts.event = path.resolve(value());
    else if (arg === '--event-name') opts.eventName = value();
    else if (arg === '--workspace') opts.workspace = path.resolve(value());
    else if (arg === '--repository') opts.repository = value();
    else if (arg === '--api-url') opts.apiUrl = value();
    else if (arg === '--entry') opts.entry = path.resolve(value());
    else if (arg === '--help' || arg === '-h') {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
      process.exit(0);
    } else throw new Error(`unknown argument ${arg} (see --help)`);
  }
  return opts;
}

/** Parses a GITHUB_OUTPUT file (`name<<DELIMITER … DELIMITER` or `name=value` lines). */
function parseOutputFile(text) {
  const out = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value = [];
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i]);
      out[name] = value.join('\n');
    } else if (lines[i].includes('=')) {
      out[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1);
    }
  }
  return out;
}

let opts;
try {
  opts = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error(`local-action: ${error.message}`);
  process.exit(2);
}

const action = parse(readFileSync(path.join(root, 'action.yml'), 'utf8'));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'energy-budget-local-'));
const outputFile = path.join(tmp, 'output');
const summaryFile = path.join(tmp, 'summary.md');
writeFileSync(outputFile, '');
writeFileSync(summaryFile, '');

// The runner's environment, minus any INPUT_* already set in this shell.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_')));
for (const [name, spec] of Object.entries(action.inputs ?? {})) {
  let value = opts.inputs[name] ?? String(spec.default ?? '');
  // The one expression action.yml uses as a default.
  if (value === '${{ github.token }}') value = process.env.GITHUB_TOKEN ?? '';
  env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
}
for (const name of Object.keys(opts.inputs)) {
  if (!(name in (action.inputs ?? {}))) console.error(`local-action: warning: action.yml has no input "${name}"`);
}
Object.assign(env, {
  GITHUB_ACTIONS: 'true',
  GITHUB_WORKSPACE: opts.workspace,
  GITHUB_OUTPUT: outputFile,
  GITHUB_STEP_SUMMARY: summaryFile,
  GITHUB_EVENT_NAME: opts.eventName ?? (opts.event ? 'pull_request' : 'workflow_dispatch'),
  ...(opts.event ? { GITHUB_EVENT_PATH: opts.event } : {}),
  ...(opts.repository ? { GITHUB_REPOSITORY: opts.repository } : {}),
  ...(opts.apiUrl ? { GITHUB_API_URL: opts.apiUrl } : {}),
  RUNNER_TEMP: tmp,
});

const started = process.hrtime.bigint();
const child = spawnSync(process.execPath, [opts.entry], { cwd: opts.workspace, env, stdio: 'inherit' });
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const outputs = parseOutputFile(readFileSync(outputFile, 'utf8'));
console.log(`\n--- outputs (${seconds.toFixed(1)} s) ---`);
for (const [k, v] of Object.entries(outputs)) console.log(`${k}: ${k === 'markdown' ? `${v.length} characters` : v}`);
console.log(`--- job summary: ${readFileSync(summaryFile, 'utf8').length} characters (kept at ${summaryFile}) ---`);
if (process.env.LOCAL_ACTION_CLEANUP === '1') rmSync(tmp, { recursive: true, force: true });
process.exit(child.status ?? 3);
