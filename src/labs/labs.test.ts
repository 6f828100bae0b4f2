// One registration per lab: each entry sits under its schema's id, its tour is of that lab, and the
// worker's loader for the id returns a definition built on the same schema.
import { describe, expect, it } from 'vitest';
import { LABS } from './labs';
import { LAB_IDS } from './types';
import { LAB_REGISTRY_IDS, loadLab } from './registry';

describe('lab registrations', () => {
  it('each entry is under its own id, with its tour, and the loader returns the same schema', async () => {
    expect(Object.keys(LABS)).toEqual([...LAB_IDS]);
    expect([...LAB_REGISTRY_IDS]).toEqual([...LAB_IDS]);
    for (const id of LAB_IDS) {
      const e = LABS[id];
      expect(e.schema.id, id).toBe(id);
      expect(e.tour.lab, `${id}'s tour`).toBe(id);
      expect(e.title.length, `${id}'s title`).toBeGreaterThan(0);
      const def = await loadLab(id);
      expect(def?.id, `${id}'s loader`).toBe(id);
      for (const k of ['params', 'presets', 'views'] as const) expect(def![k], `${id}.${k}: the definition spreads the entry's schema`).toBe(e.schema[k]);
    }
    expect(await loadLab('nope')).toBeUndefined();
    expect(await loadLab('__proto__')).toBeUndefined();
  });
});
