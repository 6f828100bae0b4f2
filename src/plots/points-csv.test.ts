import { describe, expect, it } from 'vitest';
import { fileSlug, pointLayersOf, pointsCsv, pointsLayerName } from './points-csv';

describe('points CSV', () => {
  it('writes a header and one numeric row per point', () => {
    const csv = pointsCsv(new Float32Array([1.5, -2, 0.25, 3]));
    const [head, ...rows] = csv.trim().split('\n');
    expect(head).toBe('x,y');
    expect(rows.map((r) => r.split(',').map(Number))).toEqual([[1.5, -2], [0.25, 3]]);
    expect(pointsCsv(new Float32Array([NaN, Infinity]))).toBe('x,y\nNaN,NaN\n');
  });
  it('lists the points layers of a view that the frame holds, in order', () => {
    const pts = { kind: 'points' as const, xy: new Float32Array(2) };
    const snap = { layers: { data: pts, samples: pts, reward: { kind: 'bars' } } } as never;
    expect(pointLayersOf(snap, ['reward', 'samples', 'data', 'missing'])).toEqual(['samples', 'data']);
    expect(pointLayersOf(null, ['samples'])).toEqual([]);
    expect(pointsLayerName('data')).toBe('Data');
    expect(pointsLayerName('odd')).toBe('odd');
    expect(fileSlug('samples τ0')).toBe('samples-0');
    expect(fileSlug('τ')).toBe('points');
  });
});
