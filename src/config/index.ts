/** The budget file: loading, validation, units and metric facts (one import for other modules). */
export { loadConfig, parseConfig } from './load.js';
export type { ReadTextFile } from '../util/read-text.js';
export { formatQuantity, parseQuantity, tryParseQuantity, QuantityError, type QuantityKind } from './units.js';
export { isMetricKey, isMinimumMetric, METRIC_KEYS, metricKind } from './metrics.js';
export { buildBudgetSchema } from './schema.js';
export type * from './types.js';
