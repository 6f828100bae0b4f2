import { describe, expect, it } from 'vitest';
import { describeError, isDeviceLoss } from './errors';

describe('isDeviceLoss', () => {
  // the texts the browsers give when a GPU device or context goes away (Chromium's WebGPU and WebGL)
  const losses = [
    "Failed to execute 'mapAsync' on 'GPUBuffer': Buffer was unmapped before mapping was resolved.",
    "Failed to execute 'mapAsync' on 'GPUBuffer': Device is lost",
    'Device was destroyed.',
    'Device is lost',
    '[Device] is lost.',
    'Buffer was destroyed before mapping was resolved.',
    'Instance dropped in popErrorScope',
    'WebGL context lost',
    'CONTEXT_LOST_WEBGL',
    'GPUDevice is no longer valid',
  ];
  for (const text of losses) it(`counts "${text}"`, () => expect(isDeviceLoss(text)).toBe(true));

  // a user's settings or a bug: never restarted on another backend
  const others = [
    'sampler: step size must be a finite number > 0, got -1',
    'Out of memory while allocating a tensor',
    'the run diverged at iteration 50: particle positions became NaN',
    'Unknown lab "x"',
    'tf.setBackend(\'webgl\') failed',
    'Cannot read properties of undefined (reading \'shape\')',
    'lost 3 particles outside the box', // "lost" alone is not a device loss
  ];
  for (const text of others) it(`does not count "${text}"`, () => expect(isDeviceLoss(text)).toBe(false));
});

describe('describeError', () => {
  it('a read-back that failed because the device went is fatal, named as the loss', () => {
    const [message, suggestion, fatal] = describeError(new Error("Failed to execute 'mapAsync' on 'GPUBuffer': Buffer was unmapped before mapping was resolved."), 'snapshot');
    expect(fatal).toBe(true);
    expect(message).toMatch(/^The GPU device was lost \(Failed to execute 'mapAsync'/);
    expect(suggestion).toMatch(/next backend/);
    expect(suggestion).not.toMatch(/parameters/);
  });

  it('after a loss, any error is the loss, worded with its reason', () => {
    const [message, , fatal] = describeError(new Error('Cannot read properties of undefined'), 'step', 'Device was destroyed');
    expect(fatal).toBe(true);
    expect(message).toBe('The GPU device was lost (Device was destroyed).');
  });

  it('a parameter error stays a parameter error', () => {
    const [message, suggestion, fatal] = describeError(new Error('sampler: step size must be a finite number > 0, got -1'), 'create', null);
    expect(fatal).toBe(false);
    expect(message).toBe('Could not set up the experiment: sampler: step size must be a finite number > 0, got -1');
    expect(suggestion).toMatch(/parameters/);
  });

  it('out of memory is not a loss', () => {
    expect(describeError(new Error('out of memory'), 'step')[2]).toBe(false);
  });
});
