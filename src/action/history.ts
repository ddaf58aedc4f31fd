/** The action's run history: read from and appended to its branch, rendered, and uploaded as an artifact. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError, messageOf } from '../errors.js';
import { classifyApiError, describeApiError } from '../github/client.js';
import { artifactRuntime, uploadArtifact } from '../github/artifact.js';
import { appendRecord, loadHistory, renderHistory, saveRun, type HistoryPlan, type HistoryView } from '../history/action.js';
import type { HistoryRecord } from '../history/record.js';
import type { Report } from '../report/types.js';
import { zipFiles } from '../util/zip.js';
import { getClient, type Session } from './session.js';

/**
 * Reads the stored history. With `required` (for `baseline: history`) a failure is an error;
 * otherwise it is a warning and the run goes on without charts.
 */
export async function readStoredHistory(s: Session, required: boolean): Promise<HistoryRecord[] | undefined> {
  const client = getClient(s);
  const fail = (why: string): undefined => {
    const message = `Could not read the history from the branch ${s.inputs.historyBranch}: ${why}.`;
    if (required) throw new InputError('INPUT_INVALID', `\`baseline: history\` needs the history. ${message}`);
    s.io.warning(`${message} The report has no trend charts.`);
    return undefined;
  };
  if (!s.ctx.repo) return fail('GITHUB_REPOSITORY is not set (not on GitHub Actions)');
  if (!client) return fail('no `github-token`');
  try {
    const { records, skipped } = await loadHistory(client, s.ctx.repo, s.inputs, s.configKey);
    if (skipped.length)
      s.io.warning(`The history file has ${skipped.length} unreadable line(s), skipped: ${skipped.slice(0, 3).join('; ')}`);
    s.io.info(`Read ${records.length} run(s) from the history branch ${s.inputs.historyBranch}.`);
    return records;
  } catch (error) {
    return fail(describeApiError(error));
  }
}

/** Appends this run to the history branch; failures are warnings (the report is already written). */
export async function appendHistory(s: Session, record: HistoryRecord): Promise<void> {
  const client = getClient(s);
  if (!client || !s.ctx.repo) {
    s.io.warning('No `github-token` or repository: this run is not appended to the history.');
    return;
  }
  try {
    const r = await saveRun(client, s.ctx.repo, s.inputs, s.configKey, record, {
      sleep: s.deps.historySleep,
      onRetry: (m) => s.io.info(m),
    });
    s.io.info(
      `Appended this run to the history (${s.inputs.historyBranch}, ${r.records} run(s) kept${r.created ? ', branch created' : ''}${r.attempts > 1 ? `, after ${r.attempts - 1} lost race(s)` : ''}).`,
    );
  } catch (error) {
    const kind = classifyApiError(error);
    s.io.warning(
      kind === 'read-only'
        ? `The token is read-only, so this run is not appended to the history branch ${s.inputs.historyBranch} (${describeApiError(error)}). ` +
            'Give the job `permissions: contents: write` on pushes to the default branch.'
        : `Could not append this run to the history branch ${s.inputs.historyBranch}: ${describeApiError(error)}.`,
    );
  }
}

/**
 * The history section and HTML report: the stored runs (read now unless given), with this run
 * appended when it is being written, else with the report as the head point. Failures are
 * warnings: the charts are context, never the verdict.
 */
export async function historyView(
  s: Session,
  plan: HistoryPlan,
  report: Report,
  stored: HistoryRecord[] | undefined,
  record?: HistoryRecord,
): Promise<HistoryView | undefined> {
  const { inputs, ctx, io } = s;
  stored ??= await readStoredHistory(s, false);
  if (!stored) return undefined;
  try {
    const view = await renderHistory(
      record ? appendRecord(stored, record, inputs.historyLimit) : stored,
      record ? undefined : report,
      {
        branch: plan.branch,
        window: inputs.historyWindow,
        htmlPath: path.resolve(ctx.workspace, inputs.historyHtml),
        title: inputs.title,
        source: `The last runs on ${plan.branch} from the branch ${inputs.historyBranch} of ${ctx.repo ? `${ctx.repo.owner}/${ctx.repo.repo}` : 'this repository'}, budget file ${s.configKey}.`,
      },
    );
    if (view.htmlFile) {
      io.setOutput('history-html', view.htmlFile);
      await uploadHistoryHtml(s, view.htmlFile);
    }
    return view;
  } catch (error) {
    io.warning(`Could not render the history: ${messageOf(error)}`);
    return undefined;
  }
}

/**
 * Uploads the HTML history report as a workflow artifact (src/github/artifact.ts). Outside
 * GitHub Actions it is skipped with a note; any failure is a warning: the file is written and
 * named by the output `history-html`, and the verdict never depends on the upload.
 */
async function uploadHistoryHtml(s: Session, file: string): Promise<void> {
  const { inputs, io } = s;
  if (!inputs.historyArtifact) return;
  const shard = inputs.shard && inputs.shard.count > 1 ? `-shard-${inputs.shard.index}-of-${inputs.shard.count}` : '';
  const name = `${inputs.historyArtifact}${shard}`;
  const rt = artifactRuntime(s.deps.env ?? process.env);
  if ('missing' in rt) {
    io.info(`The HTML history report is not uploaded as an artifact: ${rt.missing}. It is at ${file}.`);
    return;
  }
  try {
    const data = await readFile(file);
    const zip = zipFiles([{ name: path.basename(file), data }]);
    const up = await uploadArtifact(rt, name, zip, { sleep: s.deps.historySleep, ...s.deps.artifact });
    const where =
      s.ctx.repo && s.ctx.runId
        ? `: ${s.ctx.serverUrl}/${s.ctx.repo.owner}/${s.ctx.repo.repo}/actions/runs/${s.ctx.runId}/artifacts/${up.id}`
        : ` (ID ${up.id})`;
    io.info(`Uploaded the HTML history report as the artifact ${name} (${up.size} bytes zipped)${where}.`);
  } catch (error) {
    io.warning(
      `Could not upload the HTML history report as the artifact ${name}: ${messageOf(error)}. ` +
        `The file is at ${file} (output \`history-html\`).`,
    );
  }
}
