// Every preset of every lab has a claim check (scripts/preset-checks.mjs, run by npm test's paper checks),
// so a new preset cannot ship without one and a renamed preset cannot leave its check behind.
import { describe, expect, it } from 'vitest';
import { PRESET_CHECKS } from '../../scripts/preset-checks.mjs';
import { LAB_SCHEMAS } from './schemas';

describe('preset claim checks', () => {
  const presets = Object.values(LAB_SCHEMAS).flatMap((s) => s!.presets.map((p) => `${s!.id}/${p.id}`));

  it('one check per preset, none for a preset that does not exist', () => {
    const ids = PRESET_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(presets.filter((p) => !ids.includes(p))).toEqual([]);
    expect(ids.filter((id) => !presets.includes(id))).toEqual([]);
  });

  it("each check runs its own preset first, with a fixed seed", () => {
    for (const c of PRESET_CHECKS) {
      const [lab, id] = c.id.split('/');
      expect(c.runs[0].url.startsWith(`${lab}?preset=${id}&seed=1`), c.id).toBe(true);
    }
  });

  it('a run judged on another preset\'s run (sameAs) names a preset that differs only in the objectives', () => {
    const norm = (lab: string, id: string) => {
      const p = { ...LAB_SCHEMAS[lab as keyof typeof LAB_SCHEMAS]!.presets.find((x) => x.id === id)!.params } as Record<string, unknown>;
      delete p.objective;
      delete p.otherObjective;
      return p;
    };
    const shared = PRESET_CHECKS.flatMap((c) => c.runs.filter((r) => r.sameAs).map((r) => [c.id, r.sameAs!.url] as const));
    expect(shared.length).toBeGreaterThan(0);
    for (const [id, url] of shared) {
      const [lab, preset] = id.split('/');
      const other = /preset=([a-z0-9-]+)/.exec(url)![1];
      expect(norm(lab, preset), `${id} vs ${other}`).toEqual(norm(lab, other));
      const steps = (x: string) => LAB_SCHEMAS[lab as keyof typeof LAB_SCHEMAS]!.presets.find((p) => p.id === x)!.steps;
      expect(steps(preset)).toBe(steps(other));
    }
  });
});
