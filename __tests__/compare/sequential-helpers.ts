/**
 * A test-only view of a sequential comparison's state as the budget evaluator's result (the
 * product builds its results in src/engine/; issue #16: no test-only exports in src/).
 */
import type { SequentialOptions, SequentialState } from '../../src/compare/sequential.js';
import type { ComparisonResult, ComparisonVerdict } from '../../src/compare/types.js';

const SPENDING_NAME = { bonferroni: 'Bonferroni', pocock: 'Pocock' } as const;

/** The comparison result, or null when no look was made (too few rounds to form an interval). */
export function toComparisonResult(
  state: SequentialState,
  options: Pick<Required<SequentialOptions>, 'threshold' | 'spending'>,
): ComparisonResult | null {
  if (!state.changeCi95 || state.estimate === null) return null;
  const verdict: ComparisonVerdict = state.decision === 'continue' ? 'inconclusive' : state.decision;
  const looks = `${state.looks} look${state.looks === 1 ? '' : 's'}`;
  return {
    verdict,
    estimate: state.estimate,
    changeCi95: state.changeCi95,
    method: `paired rounds, ${state.rounds} rounds, ${looks} (${SPENDING_NAME[options.spending]}-adjusted)`,
    rounds: state.rounds,
    threshold: options.threshold,
    ...(state.centres ? { centres: state.centres } : {}),
  };
}
