/**
 * Reading the history without the network (the CLI): the data branch of a local clone
 * (`--history-ref`, read with `git show`, no checkout), or a folder of report JSONs.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { GitCommandError, runGit } from '../baseline/git.js';
import { readReport } from '../report/read.js';
import { InputError } from '../errors.js';
import { toRecord, type HistoryRecord } from './record.js';
import { parseHistory, type ParsedHistory } from './store.js';

/**
 * Reads `file` at `ref` of the repository around `cwd` (e.g. `origin/energy-budget-data`).
 * @throws InputError GIT_FAILED when the ref or the file does not exist there.
 */
export async function readHistoryFromGit(cwd: string, ref: string, file: string): Promise<ParsedHistory> {
  if (ref.startsWith('-') || /[\s:]/.test(ref))
    throw new InputError('ARGUMENT_INVALID', `--history-ref "${ref}" is not a git ref (e.g. origin/energy-budget-data).`);
  let text: string;
  try {
    text = (await runGit(['show', `${ref}:${file}`], cwd)).toString('utf8');
  } catch (error) {
    // A plain clone has the data branch only as origin/<name>: a branch name that is not a local
    // ref is read from the remote-tracking one, as `git checkout <name>` would guess it.
    const tracking = `origin/${ref}`;
    if (error instanceof GitCommandError && !ref.includes('/') && (await refExists(cwd, ref)) === false) {
      try {
        return parseHistory((await runGit(['show', `${tracking}:${file}`], cwd)).toString('utf8'));
      } catch {
        // Neither exists: the message below names the fetch that brings it.
      }
    }
    if (error instanceof GitCommandError) {
      throw new InputError(
        'GIT_FAILED',
        `--history-ref ${ref}: cannot read ${file} there (${error.stderr.trim().split('\n')[0]}). ` +
          `Fetch the data branch first: git fetch origin energy-budget-data, then --history-ref origin/energy-budget-data.`,
        { cause: error },
      );
    }
    throw error;
  }
  return parseHistory(text);
}

/** Whether `ref` names a commit in the repository around `cwd`. */
async function refExists(cwd: string, ref: string): Promise<boolean> {
  try {
    await runGit(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
    return true;
  } catch {
    return false;
  }
}

/** A report file's date for ordering: its `createdAt`, else the file's modification time. */
async function reportTime(file: string, createdAt: string | undefined): Promise<number> {
  const t = createdAt ? Date.parse(createdAt) : NaN;
  return Number.isFinite(t) ? t : (await stat(file)).mtimeMs;
}

/**
 * Builds a history from report JSONs: a folder (every `*.json` in it) or a list of files,
 * ordered by their `createdAt`. Each file's name stands for the commit.
 * @throws InputError when a path does not exist, a file is not a report, or nothing is found.
 */
export async function readHistoryFromReports(paths: readonly string[], cwd: string): Promise<HistoryRecord[]> {
  const files: string[] = [];
  for (const p of paths) {
    const full = path.resolve(cwd, p);
    let info;
    try {
      info = await stat(full);
    } catch {
      throw new InputError(
        'INPUT_INVALID',
        `energy-budget history: ${p} does not exist. Give a folder of report JSONs or report files.`,
      );
    }
    if (info.isDirectory()) {
      const names = (await readdir(full)).filter((n) => n.endsWith('.json')).sort();
      files.push(...names.map((n) => path.join(full, n)));
    } else files.push(full);
  }
  if (files.length === 0)
    throw new InputError(
      'INPUT_INVALID',
      `energy-budget history: no *.json report in ${paths.join(', ')}. Write them with energy-budget run --json.`,
    );
  const entries: Array<{ time: number; record: HistoryRecord }> = [];
  for (const file of files) {
    const report = await readReport(file, (p) => readFile(p, 'utf8'));
    const record = toRecord(report, { sha: path.basename(file, '.json'), ref: 'reports' });
    entries.push({ time: await reportTime(file, report.createdAt), record });
  }
  entries.sort((a, b) => a.time - b.time);
  return entries.map((e) => e.record);
}
