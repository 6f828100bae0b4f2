// The exact gradient flow of the paper's run: J rises, plateaus on the first component, then switches to
// the component of highest reward (METHODS.md §1.1 table) and ends with nearly all the weight there.
import { describe, expect, it } from 'vitest';
import { hexMixture, ParamMixture } from './param-mixture';
import { ExactFlow, exactTerms } from './exact-flow';

describe('exact gradient flow', () => {
  it("reproduces the paper's switch from component 1 to component 2 (η = 0.1, 5000 steps)", () => {
    const mix = new ParamMixture(hexMixture(), 'logits');
    const flow = new ExactFlow(mix, mix.theta0(), { kind: 'hard' }, 0.1, 0, null);
    const at: Record<number, { J: number; w: Float64Array }> = {};
    for (let k = 1; k <= 5000; k++) {
      flow.step();
      if (k % 500 === 0) {
        const t = flow.terms();
        at[k] = { J: t.J, w: t.weights };
      }
    }
    expect(at[1500].w[0]).toBeGreaterThan(0.85); // the plateau: mass on the first component (0°)
    expect(at[1500].J).toBeGreaterThan(0.18);
    expect(at[1500].J).toBeLessThan(0.19); // ≈ r_1 = 0.189
    expect(at[5000].w[1]).toBeGreaterThan(0.95); // then nearly all weight on component 2 (60°, r = 0.298)
    expect(at[5000].J).toBeGreaterThan(0.29);
    for (let k = 1000; k <= 5000; k += 500) expect(at[k].J).toBeGreaterThanOrEqual(at[k - 500].J); // ascent
  });

  it('∂J/∂θ in closed form matches central differences (logits and means)', () => {
    for (const kind of ['logits', 'means'] as const) {
      const mix = new ParamMixture(hexMixture(), kind);
      const reward = kind === 'means' ? { kind: 'bump' as const, bump: { x: 1, y: 2, width: 1.2, height: 1 } } : { kind: 'smooth' as const };
      const th = mix.theta0().map((v, i) => v + 0.3 * Math.cos(i));
      const g = exactTerms(mix, th, reward).grad;
      for (let i = 0; i < th.length; i++) {
        const a = th.slice(); a[i] += 1e-5;
        const b = th.slice(); b[i] -= 1e-5;
        const fd = (exactTerms(mix, a, reward).J - exactTerms(mix, b, reward).J) / 2e-5;
        expect(Math.abs(fd - g[i])).toBeLessThan(1e-6);
      }
    }
  });
});
