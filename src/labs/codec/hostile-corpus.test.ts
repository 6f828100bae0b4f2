// Every hostile link of the corpus through the codec: it never throws, gives the notice it must, holds
// the state the notice describes, and stays fast (the worst ones once froze the tab for seconds).
import { describe, expect, it } from 'vitest';
import { HOSTILE_LINKS } from './hostile-corpus';
import { parseHash } from './url-codec';

describe('hostile links', () => {
  for (const h of HOSTILE_LINKS) {
    it(`${h.why}: ${h.link.slice(0, 60)}`, () => {
      const t0 = performance.now();
      const r = parseHash(h.link);
      const ms = performance.now() - t0;
      expect(r.route).toBe(h.route);
      if (h.lab) expect(r.lab).toBe(h.lab);
      expect(r.notices.some((n) => n.includes(h.notice)), `no notice contains ${JSON.stringify(h.notice)}:\n${r.notices.slice(0, 5).join('\n')}`).toBe(true);
      if (h.params) expect(r.params).toMatchObject(h.params);
      if (h.ui) expect(r.ui).toMatchObject(h.ui);
      // a notice list a person can read, and no notice that is itself huge
      expect(r.notices.length).toBeLessThanOrEqual(210);
      for (const n of r.notices) expect(n.length).toBeLessThan(600);
      expect(ms, 'parse time (ms)').toBeLessThan(250);
    });
  }
});
