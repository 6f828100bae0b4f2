import { describe, expect, it } from 'vitest';
import { TARGET_CATALOG, TARGET_IDS, targetEntry, targetMenu } from './catalog';

describe('target catalog', () => {
  it('keeps the URL ids and their menu order (new targets go at the end)', () => {
    expect(TARGET_IDS.slice(0, 13)).toEqual([
      'mog40', '8gaussians', 'hexagon', 'ring', 'two-modes', 'custom',
      'banana', 'funnel', 'double-well',
      'moons', 'spirals', 'checkerboard', 'drawn',
    ]);
    expect(new Set(TARGET_IDS).size).toBe(TARGET_IDS.length);
    for (const e of TARGET_CATALOG) expect(e.label.length * e.name.length, e.id).toBeGreaterThan(0);
  });

  it('builds a lab menu from ids, with labels by id (the catalog\'s unless the lab words its own)', () => {
    const m = targetMenu(['moons', 'mog40'], { labels: { mog40: 'MoG-40 (paper)' } });
    expect(m).toEqual({ values: ['moons', 'mog40'], valueLabels: ['Two moons (data)', 'MoG-40 (paper)'] });
    expect(targetMenu(['moons', 'drawn'], { use: 'name' }).valueLabels).toEqual(['Two moons', 'Drawn points']);
    expect(targetEntry('spirals')?.family).toBe('dataset');
    expect(targetEntry('nope')).toBeUndefined();
  });
});
