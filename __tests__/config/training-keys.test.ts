import { describe, expect, it } from '@jest/globals';
import { parseConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';
import { stepsPerCallFor } from '../../src/engine/training.js';

const file = '/project/energy-budget.yml';
const withTraining = (training: string) => `version: 1\nmodels:\n  - name: m\n    path: m.onnx\n    training:\n${training}`;

describe('training.freeze and training.steps-per-call', () => {
  it('reads both', () => {
    const c = parseConfig(
      withTraining('      loss: mse\n      steps: 40\n      steps-per-call: 8\n      freeze: [fc1.*, fc2.bias]\n'),
      file,
    );
    expect(c.models[0].training).toMatchObject({ steps: 40, stepsPerCall: 8, freeze: ['fc1.*', 'fc2.bias'] });
  });

  it('refuses a steps-per-call that does not divide steps, with the line', () => {
    try {
      parseConfig(withTraining('      loss: mse\n      steps: 50\n      steps-per-call: 8\n'), file);
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).issues[0]).toMatchObject({
        path: 'models[0].training.steps-per-call',
        line: 8,
        message: expect.stringMatching(/must divide steps \(50\)/),
      });
    }
  });

  it('refuses a freeze that is not a list of names', () => {
    expect(() => parseConfig(withTraining('      loss: mse\n      freeze: fc1\n'), file)).toThrow(
      /training\.freeze: must be a list/,
    );
    expect(() => parseConfig(withTraining('      loss: mse\n      freeze: [fc1, 3]\n'), file)).toThrow(/training\.freeze\[1\]/);
  });

  it.each([
    [50, 10],
    [5, 5],
    [7, 7],
    [13, 1],
    [1, 1],
    [12, 6],
  ])('default steps per call for %d steps is %d', (steps, k) => {
    expect(stepsPerCallFor(steps)).toBe(k);
  });
});
