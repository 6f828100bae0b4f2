import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { describeReport, MAX_POINTS_ROWS, readPointsFile, XY_LIMIT } from './points-file';
import { MAX_XY_POINTS } from '../labs/codec/points-codec';
import { DRAWN_BOX } from '../core/targets/box';

const opts = { rescale: false, box: DRAWN_BOX };
const ok = (name: string, text: string, o = opts) => {
  const r = readPointsFile(name, text, o);
  if (!r.ok) throw new Error(r.message);
  return r.report;
};

describe('a points file', () => {
  it('reads CSV with a header, comments, blank lines and other separators', () => {
    const r = ok('d.csv', '# my data\nx,y\n1,2\n\n3.5;-4\n5\t6\n7 8e-1\n');
    expect(Array.from(r.points)).toEqual([1, 2, 3.5, -4, 5, 6, 7, Math.fround(0.8)]);
    expect(r.header).toBe(true);
    expect(r.dropped).toBe(0);
  });
  it('drops rows without two finite numbers, counts them and names their lines', () => {
    const r = ok('d.csv', 'x,y\n1,2\nNaN,3\n4,\n5,inf\n6,7\nabc,1\n');
    expect(r.points.length / 2).toBe(2);
    expect(r.dropped).toBe(4);
    expect(r.droppedLines).toEqual([3, 4, 5, 7]);
    expect(describeReport('d.csv', r, false)).toBe('Loaded 2 points from d.csv; a header row skipped; 4 rows without two finite numbers dropped (lines 3, 4, 5, 7).');
  });
  it('uses the first two columns of a wider table', () => {
    expect(Array.from(ok('d.csv', 'a,b,c\n1,2,9\n3,4,9\n').points)).toEqual([1, 2, 3, 4]);
  });
  it('reads the three JSON shapes, dropping bad entries', () => {
    expect(Array.from(ok('p.json', '[[1,2],[3,4]]').points)).toEqual([1, 2, 3, 4]);
    expect(Array.from(ok('p.json', '[{"x":1,"y":2},{"x":"3","y":4},{"x":5,"y":6}]').points)).toEqual([1, 2, 5, 6]);
    const r = ok('p.txt', '{"points": [[1,2],[null,1],[3,4]]}');
    expect(r.dropped).toBe(1);
  });
  it('refuses what is not a data set, with the reason', () => {
    const bad = (name: string, text: string) => {
      const r = readPointsFile(name, text, opts);
      expect(r.ok).toBe(false);
      return r.ok ? '' : r.message;
    };
    expect(bad('p.json', '{"a": 1')).toMatch(/not valid JSON/);
    expect(bad('p.json', '{"a": 1}')).toMatch(/expected a list of points/);
    expect(bad('d.csv', 'x,y\n1,2\n')).toMatch(/holds 1 usable points.*at least 2/);
    expect(bad('d.csv', 'hello\nworld\n')).toMatch(/holds 0 usable points/);
    expect(bad('d.csv', '1,1\n'.repeat(MAX_POINTS_ROWS + 1))).toMatch(/more than 200,000 rows/);
    expect(bad('d.csv', 'x'.repeat(6 * 1024 * 1024))).toMatch(/at most 5 MB/);
  });
  it('thins a large file to an even stride within what a link carries', () => {
    const n = 5000;
    const text = Array.from({ length: n }, (_, i) => `${i / 1000},${-i / 1000}`).join('\n');
    const r = ok('big.csv', text);
    expect(r.points.length / 2).toBe(MAX_XY_POINTS);
    expect(r.thinned).toBe(n - MAX_XY_POINTS);
    expect(r.points[0]).toBe(0);
    expect(r.points[2 * (MAX_XY_POINTS - 1)]).toBeCloseTo(Math.floor((MAX_XY_POINTS - 1) * 2.5) / 1000, 5);
    expect(describeReport('big.csv', r, false)).toMatch(/5,000 valid rows thinned to 2,000 evenly spaced ones/);
  });
  it('rescales into the box on request, and by itself when the points do not fit a link', () => {
    const r = ok('d.csv', '0,0\n10,0\n0,5\n', { rescale: true, box: DRAWN_BOX });
    const xs = [r.points[0], r.points[2], r.points[4]];
    expect(Math.min(...xs)).toBeCloseTo(-3.2, 5);
    expect(Math.max(...xs)).toBeCloseTo(3.2, 5);
    expect(r.points[5] - r.points[1]).toBeCloseTo(3.2, 5); // same scale on both axes
    const far = ok('d.csv', `0,0\n${XY_LIMIT * 2},1\n`);
    expect(far.rescaled).toBe(true);
    expect(Math.max(...Array.from(far.points).map(Math.abs))).toBeLessThanOrEqual(4);
  });
  it('reads the example file shipped with the app', () => {
    const r = ok('heart.csv', readFileSync('public/examples/heart.csv', 'utf8'));
    expect(r.points.length / 2).toBe(500);
    expect(r.header).toBe(true);
  });
});
