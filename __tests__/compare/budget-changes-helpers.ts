/** Test-only helpers for budget-file changes (not used by the product). */
import type { BudgetChange } from '../../src/compare/budget-changes.js';

/** Whether any change weakens a check (a loosened or removed limit). */
export function hasLoosening(changes: readonly BudgetChange[]): boolean {
  return changes.some((c) => c.change === 'loosened' || c.change === 'removed');
}
