// Every plane says what its colours and marks are: each layer a plane draws has a label in its key
// (the plane shows the label of the layers it actually drew, plane-legend.ts).
import { describe, expect, it } from 'vitest';
import { LAB_SCHEMAS } from './schemas';

describe('plane legends', () => {
  for (const [lab, schema] of Object.entries(LAB_SCHEMAS)) {
    for (const v of schema!.views) {
      if (v.kind !== 'plane') continue;
      it(`${lab} ${v.id}: a label for every layer, no label for a layer it does not draw`, () => {
        expect(Object.keys(v.legend).sort()).toEqual([...v.layers].sort());
        for (const label of Object.values(v.legend)) expect(label.trim().length).toBeGreaterThan(2);
      });
    }
  }
});
