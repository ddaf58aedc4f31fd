import { createRequire as __ebCreateRequire } from 'node:module';
const require = __ebCreateRequire(import.meta.url);

// src/report/estimated.ts
function isEnergyMetric(metric) {
  if (typeof metric !== "string") return false;
  const m = metric.startsWith("regression.") ? metric.slice("regression.".length) : metric;
  return m.startsWith("energy") || m.startsWith("carbon") || m === "training-energy-total" || m === "training-carbon-total";
}
function isTrainingMetric(metric) {
  return metric.includes("training");
}
function isEstimatedFigure(m, metric) {
  if (!isEnergyMetric(metric)) return false;
  const e = isTrainingMetric(String(metric)) ? m.training?.energy : m.inference?.energy;
  if (!e || typeof e !== "object") return true;
  return e.estimated !== false || typeof e.method === "string" && e.method.includes("estimate");
}
var ESTIMATED_WORDS = "estimated with a power model, not measured";
function estimatedSuffix(m, metric) {
  return isEstimatedFigure(m, metric) ? ` (${ESTIMATED_WORDS})` : "";
}
function estimatedFiguresText(models) {
  const lines = [];
  for (const m of models) {
    for (const [label, e] of [
      ["inference energy", m.inference?.energy],
      ["training energy", m.training?.energy]
    ]) {
      if (!e) continue;
      if (isEstimatedFigure(m, label === "inference energy" ? "energy-per-inference" : "energy-per-training-step")) {
        lines.push(`${m.name}: ${label} estimated with a power model (${e.method}), not measured`);
      }
    }
  }
  return lines.join("\n");
}

export {
  isEstimatedFigure,
  estimatedSuffix,
  estimatedFiguresText
};
