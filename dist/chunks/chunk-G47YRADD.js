import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);

// src/report/junit.ts
function escapeXml(text) {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}
function caseXml(model, b) {
  const name = `${b.kind === "regression" ? "regression " : ""}${b.metric}`;
  const detail = `${b.metric}: value ${b.value}${b.baseline !== null ? `, baseline ${b.baseline}` : ""}, limit ${b.limit}${b.kind === "regression" && b.relative ? " (relative)" : ""}${b.changeCi95 ? `, change 95% CI [${b.changeCi95[0]}, ${b.changeCi95[1]}]` : ""}${b.message ? ` \u2014 ${b.message}` : ""}`;
  const open = `    <testcase classname="${escapeXml(`energy-budget.${model.name}`)}" name="${escapeXml(name)}">`;
  switch (b.status) {
    case "fail":
      return `${open}
      <failure message="${escapeXml(`budget exceeded: ${detail}`)}">${escapeXml(detail)}</failure>
    </testcase>`;
    case "inconclusive":
    case "warn":
      return `${open}
      <system-out>${escapeXml(`${b.status}: ${detail}`)}</system-out>
    </testcase>`;
    default:
      return `${open}</testcase>`;
  }
}
function renderJunit(report) {
  const suites = report.models.map((m) => {
    const cases = m.budgets.map((b) => caseXml(m, b));
    if (m.error) {
      cases.push(
        `    <testcase classname="${escapeXml(`energy-budget.${m.name}`)}" name="measure">
      <error type="${escapeXml(m.error.code)}" message="${escapeXml(m.error.message)}"></error>
    </testcase>`
      );
    }
    const failures2 = m.budgets.filter((b) => b.status === "fail").length;
    return `  <testsuite name="${escapeXml(m.name)}" tests="${cases.length}" failures="${failures2}" errors="${m.error ? 1 : 0}">
${cases.join("\n")}${cases.length ? "\n" : ""}  </testsuite>`;
  });
  const total = report.models.reduce((n, m) => n + m.budgets.length + (m.error ? 1 : 0), 0);
  const failures = report.models.reduce((n, m) => n + m.budgets.filter((b) => b.status === "fail").length, 0);
  const errors = report.models.filter((m) => m.error).length;
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="energy-budget" tests="${total}" failures="${failures}" errors="${errors}">
${suites.join("\n")}
</testsuites>
`;
}

export {
  escapeXml,
  renderJunit
};
