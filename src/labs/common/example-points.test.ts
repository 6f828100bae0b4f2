import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { HEART_POINTS, HEART_POINTS_TEXT } from './example-points';
import { readPointsFile } from '../../state/points-file';
import { canonicalXY, decodeXY } from '../codec/points-codec';
import { DRAWN_BOX } from '../../core/targets/box';

describe('the example data file', () => {
  it('is what the "your own data file" preset opens with', () => {
    const r = readPointsFile('heart.csv', readFileSync('public/examples/heart.csv', 'utf8'), { rescale: false, box: DRAWN_BOX });
    expect(r.ok).toBe(true);
    const d = decodeXY(HEART_POINTS_TEXT);
    expect(HEART_POINTS.length).toBe(1000);
    expect(d.ok).toBe(true);
    if (r.ok && d.ok) expect(Array.from(d.value)).toEqual(Array.from(canonicalXY(r.report.points)));
  });
});
