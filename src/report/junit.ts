/**
 * JUnit XML: one <testsuite> per model, one <testcase> per budget checked, so any CI that
 * reads JUnit shows budgets as tests. Every user-controlled string is XML-escaped.
 */
import { estimatedSuffix } from './estimated.js';
import type { BudgetResult, ModelReport, Report } from './types.js';

/** Escapes text for XML content and attribute values; drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

function caseXml(model: ModelReport, b: BudgetResult): string {
  const name = `${b.kind === 'regression' ? 'regression ' : ''}${b.metric}`;
  const detail =
    `${b.metric}: value ${b.value}${estimatedSuffix(model, b.metric)}${b.baseline !== null ? `, baseline ${b.baseline}` : ''}, ` +
    `limit ${b.limit}${b.kind === 'regression' && b.relative ? ' (relative)' : ''}` +
    `${b.changeCi95 ? `, change 95% CI [${b.changeCi95[0]}, ${b.changeCi95[1]}]` : ''}` +
    `${b.message ? ` — ${b.message}` : ''}` +
    (b.tighterThanSpread
      ? `; warning: the limit is tighter than the spread of its energy method (${b.tighterThanSpread.method}, ±${Number((b.tighterThanSpread.spread * 100).toPrecision(2))}% at 95%, ${b.tighterThanSpread.source})`
      : '');
  const open = `    <testcase classname="${escapeXml(`energy-budget.${model.name}`)}" name="${escapeXml(name)}">`;
  switch (b.status) {
    case 'fail':
      return `${open}\n      <failure message="${escapeXml(`budget exceeded: ${detail}`)}">${escapeXml(detail)}</failure>\n    </testcase>`;
    case 'inconclusive':
    case 'warn':
      return `${open}\n      <system-out>${escapeXml(`${b.status}: ${detail}`)}</system-out>\n    </testcase>`;
    default:
      // A pass whose limit is tighter than its method's spread still says so.
      return b.tighterThanSpread
        ? `${open}\n      <system-out>${escapeXml(`${b.status}: ${detail}`)}</system-out>\n    </testcase>`
        : `${open}</testcase>`;
  }
}

/** Renders the report as JUnit XML. */
export function renderJunit(report: Report): string {
  const suites = report.models.map((m) => {
    const cases = m.budgets.map((b) => caseXml(m, b));
    if (m.error) {
      cases.push(
        `    <testcase classname="${escapeXml(`energy-budget.${m.name}`)}" name="measure">\n` +
          `      <error type="${escapeXml(m.error.code)}" message="${escapeXml(m.error.message)}"></error>\n    </testcase>`,
      );
    }
    const failures = m.budgets.filter((b) => b.status === 'fail').length;
    return (
      `  <testsuite name="${escapeXml(m.name)}" tests="${cases.length}" failures="${failures}" errors="${m.error ? 1 : 0}">\n` +
      `${cases.join('\n')}${cases.length ? '\n' : ''}  </testsuite>`
    );
  });
  const total = report.models.reduce((n, m) => n + m.budgets.length + (m.error ? 1 : 0), 0);
  const failures = report.models.reduce((n, m) => n + m.budgets.filter((b) => b.status === 'fail').length, 0);
  const errors = report.models.filter((m) => m.error).length;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="energy-budget" tests="${total}" failures="${failures}" errors="${errors}">\n` +
    `${suites.join('\n')}\n</testsuites>\n`
  );
}
