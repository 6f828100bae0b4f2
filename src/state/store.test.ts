import { describe, expect, it } from 'vitest';
import type { Mixture } from '../core/types';
import { samplersSchema } from '../labs/samplers/schema';
import { commandFor } from './follow-params';
import { appendAll, appendPoint, emptySeries, MAX_POINTS } from './slices/metrics';
import { presetParams } from './slices/params';
import { normalizeBox } from './slices/view';
import { createAppStore } from './store';
import { defaultsOf } from '../labs/codec/url-codec';

describe('metrics slice', () => {
  it('decimates to at most MAX_POINTS while keeping the start and the newest point', () => {
    let s = emptySeries();
    for (let i = 0; i < 50_000; i++) s = appendPoint(s, i, Math.sin(i));
    expect(s.xs.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(s.xs.length).toBeGreaterThan(MAX_POINTS / 2);
    expect(s.xs[0]).toBe(0);
    expect(s.xs[s.xs.length - 1]).toBeGreaterThan(49_000);
    // even spacing: every gap is the same stride
    const gaps = new Set(s.xs.slice(1, -1).map((x, i) => x - s.xs[i]));
    expect(gaps.size).toBeLessThanOrEqual(2);
  });

  it('ignores non-finite values and keeps one series per key', () => {
    const series = appendAll(appendAll({}, 1, { a: 1, b: NaN }), 2, { a: 2, b: 3 });
    expect(series.a.xs).toEqual([1, 2]);
    expect(series.b.xs).toEqual([2]);
  });

  it('is cleared by clearMetrics', () => {
    const store = createAppStore();
    store.getState().appendMetrics(1, { sw2: 0.5 });
    expect(store.getState().series.sw2.ys).toEqual([0.5]);
    store.getState().clearMetrics();
    expect(store.getState().series).toEqual({});
  });
});

describe('params slice', () => {
  it('setParam validates, rounds like the URL and says whether the key is live', () => {
    const store = createAppStore();
    store.getState().openLab('samplers');
    expect(store.getState().setParam('step', 0.2)).toMatchObject({ key: 'step', live: true });
    expect(store.getState().setParam('particles', 5)).toMatchObject({ live: false });
    expect(store.getState().params.particles).toBe(10);
    expect(store.getState().notices[0]).toContain('clamped to 10');
    expect(store.getState().setParam('nope', 1)).toBeNull();
    store.getState().setParam('comps', [{ w: 1, mean: [0.123456, 0], cov: [1, 0, 1] }]);
    expect((store.getState().params.comps as Mixture)[0].mean[0]).toBe(0.123);
  });

  it('applies presets over the defaults', () => {
    const p = presetParams(samplersSchema, 'hmc-funnel')!;
    expect(p).toMatchObject({ sampler: 'hmc', target: 'funnel', seed: 1 });
    expect(presetParams(samplersSchema, 'nope')).toBeNull();
  });
});

describe('view slice', () => {
  it('rejects empty or non-finite zoom boxes', () => {
    expect(normalizeBox({ xmin: 0, xmax: 1, ymin: 0, ymax: 1 })).not.toBeNull();
    expect(normalizeBox({ xmin: 1, xmax: 1, ymin: 0, ymax: 1 })).toBeNull();
    expect(normalizeBox({ xmin: 0, xmax: NaN, ymin: 0, ymax: 1 })).toBeNull();
  });
});

describe('param changes -> worker commands', () => {
  const base = { route: 'lab' as const, lab: 'samplers' as const, params: defaultsOf(samplersSchema) };
  it('live keys update, others reconfigure, a new lab configures', () => {
    expect(commandFor(base, { ...base, params: { ...base.params, step: 0.3, speed: 9 } })).toEqual({ kind: 'update', patch: { step: 0.3, speed: 9 } });
    expect(commandFor(base, { ...base, params: { ...base.params, step: 0.3, particles: 50 } })).toEqual({ kind: 'configure' });
    expect(commandFor({ route: 'landing', lab: null, params: {} }, base)).toEqual({ kind: 'configure' });
    expect(commandFor(base, { ...base, params: { ...base.params } })).toEqual({ kind: 'none' });
    expect(commandFor(base, { route: 'landing', lab: null, params: {} })).toEqual({ kind: 'none' });
  });
});
