/**
 * The JSON Schema of the budget file (`schema/energy-budget.schema.json`, a test keeps the file
 * equal to it), built from the key table of keys.ts, which this module also re-exports.
 */
import { METRIC_KEYS, metricKind } from './metrics.js';
import { KNOWN_REGIONS } from './regions.js';
import { quantityPattern, type QuantityKind } from './units.js';
import { DEFAULTS, ENUMS, SECTIONS, type Section } from './keys.js';

export { DEFAULTS, ENUMS, SECTIONS, sectionKeys, type KeyDoc, type Section } from './keys.js';

type JsonSchema = Record<string, unknown>;

function quantitySchema(kind: QuantityKind, description?: string): JsonSchema {
  return {
    ...(description ? { description } : {}),
    anyOf: [
      { type: 'number', minimum: 0 },
      { type: 'string', pattern: quantityPattern(kind) },
    ],
  };
}

function d(section: Section, key: string): string {
  const doc = SECTIONS[section][key];
  if (!doc) throw new Error(`no docs for ${section}.${key}`);
  return doc.description;
}

const positiveInt = { type: 'integer', minimum: 1 };
const unitInterval = { type: 'number', minimum: 0, exclusiveMaximum: 1 };

/**
 * The JSON Schema (draft-07, the draft editors' YAML language servers support best) of the
 * budget file. It checks everything that does not need the file's context (duplicate model
 * names, whole-number quantities and list shapes are left to the validator).
 */
export function buildBudgetSchema(): JsonSchema {
  // Each kind's quantity, absolute limit object and regression value are defined once and
  // referenced by every metric of that kind, so the shipped file stays small.
  const kinds = [...new Set(METRIC_KEYS.map(metricKind))];
  const ref = (name: string): JsonSchema => ({ $ref: `#/definitions/${name}` });
  const limitObject = (value: JsonSchema): JsonSchema => ({
    type: 'object',
    properties: {
      limit: { ...value, description: d('limit', 'limit') },
      level: { description: d('limit', 'level'), enum: [...ENUMS.level], default: DEFAULTS.level },
    },
    required: ['limit'],
    additionalProperties: false,
  });
  const kindDefinitions: Record<string, JsonSchema> = { 'quantity-percent': quantitySchema('percent') };
  for (const kind of kinds) {
    kindDefinitions[`quantity-${kind}`] = quantitySchema(kind);
    kindDefinitions[`limit-${kind}`] = { anyOf: [ref(`quantity-${kind}`), limitObject(ref(`quantity-${kind}`))] };
    const change = { anyOf: [ref('quantity-percent'), ref(`quantity-${kind}`)] };
    kindDefinitions[`regression-${kind}`] = { anyOf: [change, limitObject(change)] };
  }
  const budgetProps: Record<string, JsonSchema> = {};
  const regressionProps: Record<string, JsonSchema> = {};
  for (const m of METRIC_KEYS) {
    budgetProps[m] = { description: d('budget', m), ...ref(`limit-${metricKind(m)}`) };
    regressionProps[m] = { description: d('regression', m), ...ref(`regression-${metricKind(m)}`) };
  }
  budgetProps.regression = {
    description: d('budget', 'regression'),
    type: 'object',
    properties: regressionProps,
    additionalProperties: false,
  };

  const path = { type: 'string', minLength: 1 };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'energy-budget budget file (energy-budget.yml)',
    description:
      'Models to benchmark and the size, latency, energy and carbon budgets they must keep. Reference: docs/budget-file.md.',
    type: 'object',
    properties: {
      version: { description: d('root', 'version'), const: 1 },
      models: { description: d('root', 'models'), type: 'array', minItems: 1, items: { $ref: '#/definitions/model' } },
      power: {
        description: d('root', 'power'),
        type: 'object',
        properties: {
          'cpu-tdp': quantitySchema('power', d('power', 'cpu-tdp')),
          'idle-watts': quantitySchema('power', d('power', 'idle-watts')),
          'max-watts': quantitySchema('power', d('power', 'max-watts')),
        },
        additionalProperties: false,
        // draft-07's form of dependentRequired: the power line needs both ends.
        dependencies: { 'idle-watts': ['max-watts'], 'max-watts': ['idle-watts'] },
      },
      carbon: {
        description: d('root', 'carbon'),
        type: 'object',
        properties: {
          intensity: quantitySchema('carbon-intensity', d('carbon', 'intensity')),
          region: { description: d('carbon', 'region'), type: 'string', enum: [...KNOWN_REGIONS] },
        },
        additionalProperties: false,
        not: { required: ['intensity', 'region'] },
      },
      inconclusive: { description: d('root', 'inconclusive'), enum: [...ENUMS.inconclusive], default: DEFAULTS.inconclusive },
      measure: { description: d('root', 'measure'), enum: [...ENUMS.measure], default: DEFAULTS.measure },
    },
    required: ['version', 'models'],
    additionalProperties: false,
    definitions: {
      ...kindDefinitions,
      model: {
        type: 'object',
        properties: {
          name: { description: d('model', 'name'), type: 'string', minLength: 1 },
          path: { description: d('model', 'path'), ...path },
          dims: { description: d('model', 'dims'), type: 'object', additionalProperties: positiveInt },
          inputs: { description: d('model', 'inputs'), type: 'object', additionalProperties: { $ref: '#/definitions/input' } },
          threads: { description: d('model', 'threads'), ...positiveInt, default: DEFAULTS.threads },
          device: { description: d('model', 'device'), enum: [...ENUMS.device], default: DEFAULTS.device },
          inference: {
            description: d('model', 'inference'),
            anyOf: [
              { type: 'boolean' },
              {
                type: 'object',
                properties: {
                  iterations: {
                    description: d('inference', 'iterations'),
                    anyOf: [{ const: 'auto' }, positiveInt],
                    default: DEFAULTS.iterations,
                  },
                  warmup: {
                    description: d('inference', 'warmup'),
                    type: 'integer',
                    minimum: 0,
                    default: DEFAULTS.inferenceWarmup,
                  },
                  'max-time': quantitySchema('time', d('inference', 'max-time')),
                  'target-ci': quantitySchema('percent', d('inference', 'target-ci')),
                },
                additionalProperties: false,
              },
            ],
          },
          energy: { description: d('model', 'energy'), enum: [...ENUMS.energy], default: DEFAULTS.energy },
          measure: { description: d('model', 'measure'), enum: [...ENUMS.measure] },
          training: { description: d('model', 'training'), $ref: '#/definitions/training' },
          advise: { description: d('model', 'advise'), type: 'boolean', default: DEFAULTS.advise },
          'advise-max-time': quantitySchema('time', d('model', 'advise-max-time')),
          compare: { description: d('model', 'compare'), enum: [...ENUMS.compare], default: DEFAULTS.compare },
          budget: { description: d('model', 'budget'), type: 'object', properties: budgetProps, additionalProperties: false },
        },
        required: ['name', 'path'],
        additionalProperties: false,
      },
      input: {
        type: 'object',
        properties: {
          shape: { description: d('input', 'shape'), type: 'array', items: positiveInt },
          dtype: { description: d('input', 'dtype'), enum: [...ENUMS.dtype] },
          value: { description: d('input', 'value'), $ref: '#/definitions/value' },
          data: { description: d('input', 'data'), type: 'string', pattern: '\\.[nN][pP][yY]$' },
        },
        additionalProperties: false,
        allOf: [{ not: { required: ['value', 'data'] } }, { not: { required: ['shape', 'data'] } }],
      },
      value: {
        anyOf: [
          { type: 'number' },
          { type: 'boolean' },
          { type: 'string' },
          { type: 'array', items: { $ref: '#/definitions/value' } },
        ],
      },
      training: {
        type: 'object',
        properties: {
          loss: { description: d('training', 'loss'), enum: [...ENUMS.loss] },
          optimizer: { description: d('training', 'optimizer'), enum: [...ENUMS.optimizer], default: DEFAULTS.optimizer },
          'learning-rate': {
            description: d('training', 'learning-rate'),
            type: 'number',
            exclusiveMinimum: 0,
            default: DEFAULTS.learningRate,
          },
          steps: { description: d('training', 'steps'), ...positiveInt, default: DEFAULTS.steps },
          warmup: { description: d('training', 'warmup'), type: 'integer', minimum: 0, default: DEFAULTS.trainingWarmup },
          momentum: { description: d('training', 'momentum'), ...unitInterval },
          beta1: { description: d('training', 'beta1'), ...unitInterval },
          beta2: { description: d('training', 'beta2'), ...unitInterval },
          rho: { description: d('training', 'rho'), ...unitInterval },
          epsilon: { description: d('training', 'epsilon'), type: 'number', exclusiveMinimum: 0 },
          'dataset-size': quantitySchema('count', d('training', 'dataset-size')),
          epochs: { description: d('training', 'epochs'), type: 'number', exclusiveMinimum: 0 },
          freeze: { description: d('training', 'freeze'), type: 'array', items: { type: 'string', minLength: 1 } },
          'steps-per-call': { description: d('training', 'steps-per-call'), ...positiveInt },
          'step-model': { description: d('training', 'step-model'), ...path },
          feedback: {
            description: d('training', 'feedback'),
            type: 'object',
            additionalProperties: { type: 'string', minLength: 1 },
          },
        },
        additionalProperties: false,
        dependencies: { feedback: ['step-model'] },
        if: { not: { required: ['step-model'] } },
        then: { required: ['loss'] },
      },
    },
  };
}
