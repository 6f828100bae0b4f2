import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import { Rng } from '../rng';
import { DRAWN_JITTER, makeDatasetTarget, type DatasetId } from './datasets';

const IDS: DatasetId[] = ['moons', 'spirals', 'checkerboard'];

function inside(d: Float32Array, b: { xmin: number; xmax: number; ymin: number; ymax: number }): number {
  let k = 0;
  for (let i = 0; i < d.length; i += 2) if (d[i] > b.xmin && d[i] < b.xmax && d[i + 1] > b.ymin && d[i + 1] < b.ymax) k++;
  return k;
}

describe('data-set targets', () => {
  it.each(IDS)('%s: [n,2] inside the box, no density or score, replays per seed', (id) => {
    const t = makeDatasetTarget(id);
    expect(t.kind).toBe('dataset');
    expect(t.logDensity).toBeUndefined();
    expect(t.score).toBeUndefined();
    const s = t.sample(3000, new Rng(9));
    expect(s.shape).toEqual([3000, 2]);
    const d = s.dataSync() as Float32Array;
    expect(inside(d, t.box)).toBe(3000);
    const again = t.sample(3000, new Rng(9));
    const other = t.sample(3000, new Rng(10));
    expect(Array.from(again.dataSync())).toEqual(Array.from(d));
    expect(Array.from(other.dataSync())).not.toEqual(Array.from(d));
    tf.dispose([s, again, other]);
  });

  it('checkerboard fills only the squares with an even cell-index sum', () => {
    const d = makeDatasetTarget('checkerboard').sample(4000, new Rng(2)).dataSync();
    for (let i = 0; i < d.length; i += 2) {
      expect((((Math.floor(d[i] / 2) + Math.floor(d[i + 1] / 2)) % 2) + 2) % 2).toBe(0);
    }
  });

  it('moons lie near the two scaled arcs, spirals reach radius ~3', () => {
    const d = makeDatasetTarget('moons').sample(3000, new Rng(3)).dataSync();
    let far = 0;
    for (let i = 0; i < d.length; i += 2) {
      const x = d[i] / 1.3 + 0.5, y = d[i + 1] / 1.3 + 0.25;
      const r = Math.min(Math.abs(Math.hypot(x, y) - 1), Math.abs(Math.hypot(x - 1, y - 0.5) - 1));
      if (r > 0.25) far++; // 5 noise standard deviations
    }
    expect(far).toBeLessThan(5);
    const sp = makeDatasetTarget('spirals').sample(3000, new Rng(3)).dataSync();
    let rmax = 0, sx = 0;
    for (let i = 0; i < sp.length; i += 2) { rmax = Math.max(rmax, Math.hypot(sp[i], sp[i + 1])); sx += sp[i]; }
    expect(rmax).toBeGreaterThan(2.9);
    expect(rmax).toBeLessThan(4);
    expect(Math.abs(sx / 3000)).toBeLessThan(0.15); // the two arms are point reflections of each other
  });

  it('drawn resamples the points with jitter of 0.05 × box width, and needs points to sample', () => {
    const pts = Float32Array.of(1, 1, -2, 0.5);
    const t = makeDatasetTarget('drawn', { points: pts });
    const std = DRAWN_JITTER * (t.box.xmax - t.box.xmin);
    const d = t.sample(4000, new Rng(5)).dataSync();
    let sq = 0, nearFirst = 0;
    for (let i = 0; i < d.length; i += 2) {
      const d0 = Math.hypot(d[i] - 1, d[i + 1] - 1), d1 = Math.hypot(d[i] + 2, d[i + 1] - 0.5);
      const dx = d0 < d1 ? d[i] - 1 : d[i] + 2;
      if (d0 < d1) nearFirst++;
      sq += dx * dx;
    }
    expect(Math.sqrt(sq / 4000)).toBeCloseTo(std, 1);
    expect(Math.abs(nearFirst / 4000 - 0.5)).toBeLessThan(0.05);
    const empty = makeDatasetTarget('drawn');
    expect(() => empty.sample(10, new Rng(1))).toThrow(/no points/);
    expect(() => makeDatasetTarget('drawn', { points: Float32Array.of(1, 2, 3) })).toThrow(/pairs/);
    const wide = makeDatasetTarget('drawn', { points: Float32Array.of(9, 0) });
    expect(wide.box.xmax).toBeGreaterThanOrEqual(10);
  });
});
