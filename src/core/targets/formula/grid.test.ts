import { describe, expect, it } from 'vitest';
import { Rng } from '../../rng';
import { integrate } from '../quadrature';
import { compileJs, parseFormula } from './parse';
import { EDGE_ERROR, findBox, gridProblemMessage, gridTruth, roundSquare } from './grid';

function logp(text: string, params: Record<string, number> = {}) {
  const r = parseFormula(text, Object.keys(params));
  if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
  return compileJs(r.expr, params);
}

/** the grid truth on the box findBox picks (what a formula without a box gets) */
function onDefaultBox(text: string) {
  const f = logp(text);
  const b = findBox(f);
  if (!b.ok) throw new Error(`${text}: ${b.message}`);
  const g = gridTruth(f, b.box);
  if (!g.ok) throw new Error(`${text}: ${g.message}`);
  return { box: b.box, ...g };
}

const BOX = { xmin: -5, xmax: 5, ymin: -5, ymax: 5 };

describe('gridTruth', () => {
  // Z in closed form, or by a fine 1D quadrature where the other axis is Gaussian
  it.each([
    ['banana', '-(y - x^2)^2/0.2 - x^2/10', 0.5 * Math.log(0.2 * Math.PI) + 0.5 * Math.log(10 * Math.PI)],
    ['mild banana', '-(y - x^2/4)^2/0.5 - x^2/4', 0.5 * Math.log(0.5 * Math.PI) + 0.5 * Math.log(4 * Math.PI)],
    ["Neal's funnel", '-x^2/2 - y^2/(2*exp(x)) - x/2', Math.log(2 * Math.PI)],
    ['double well', '-(x^2-1)^2*2 - y^2/2', 0.5 * Math.log(2 * Math.PI) + Math.log(integrate((t) => Math.exp(-2 * (t * t - 1) ** 2), -5, 5, 20000))],
    ['ring', '-((x^2 + y^2 - 4)^2) / 0.5', Math.log(Math.PI * integrate((u) => Math.exp(-2 * (u - 4) ** 2), 0, 12, 24000))],
    ['standard normal', '-(x^2 + y^2)/2', Math.log(2 * Math.PI)],
  ])('%s: log Z within 1e-3 on the default box', (_, text, want) => {
    const { truth, warnings } = onDefaultBox(text);
    expect(Math.abs(truth.logZ - want)).toBeLessThan(1e-3);
    expect(warnings).toEqual([]);
    // normalized cell masses
    let s = 0;
    for (const lm of truth.logMass) s += Math.exp(lm);
    expect(s).toBeCloseTo(1, 10);
  });

  it('is fast enough to run on every formula edit (n = 400: 160 000 points)', () => {
    const f = logp('-x^2/2 - y^2/(2*exp(x)) - x/2');
    gridTruth(f, BOX);
    const t0 = performance.now();
    for (let k = 0; k < 3; k++) gridTruth(f, BOX);
    // typically 15-40 ms; a generous bound for a loaded test machine
    expect((performance.now() - t0) / 3).toBeLessThan(400);
  });

  it('refuses NaN and +∞ and names the point', () => {
    const nan = gridTruth(logp('log(x) - y^2'), BOX);
    expect(!nan.ok && nan.problem.kind).toBe('nonfinite');
    expect(!nan.ok && nan.message).toMatch(/^log p is NaN at \(-0\.0125, -0\.0125\): e\.g\. the log or square root of a negative number/);
    const pole = gridTruth(logp('1/x'), { xmin: -1, xmax: 1, ymin: -1, ymax: 1 }, 5);
    expect(!pole.ok && pole.message).toMatch(/^log p is \+∞ at \(0, 0\) .*−∞ is allowed/);
    expect(gridProblemMessage({ kind: 'nonfinite', x: 0, y: 0, value: Infinity }, -1)).toMatch(/^E is −∞ at \(0, 0\)/);
    // −∞ is zero density: allowed
    const zero = gridTruth(logp('log(x^2) - x^2 - y^2'), { xmin: -4, xmax: 4, ymin: -4, ymax: 4 }, 41);
    expect(zero.ok && Number.isFinite(zero.truth.logZ)).toBe(true);
    expect(zero.ok).toBe(true);
  });

  it('refuses a flat density, an empty one, one that does not decay, and values beyond float32', () => {
    for (const text of ['1', '0*x', 'x - x + 3']) {
      const g = gridTruth(logp(text), BOX);
      expect(!g.ok && g.problem.kind, text).toBe('flat');
      expect(!g.ok && g.message).toMatch(/flat on the box.*add a confining term like -\(x\^2 \+ y\^2\)\/2/);
    }
    const up = gridTruth(logp('x + y'), BOX);
    expect(!up.ok && up.problem.kind).toBe('edge-mass');
    expect(!up.ok && up.problem.kind === 'edge-mass' && up.problem.fraction).toBeGreaterThan(0.3);
    expect(!up.ok && up.message).toMatch(/^the density has \d+% of its mass at the box's edge: it may not be normalizable/);
    const wide = gridTruth(logp('-(x^2 + y^2)/50'), BOX);
    expect(!wide.ok && wide.problem.kind).toBe('edge-mass');
    const empty = gridTruth(logp('log(0*x)'), BOX);
    expect(!empty.ok && empty.problem.kind).toBe('empty');
    expect(!empty.ok && empty.message).toMatch(/zero everywhere/);
    const huge = gridTruth(logp('1e39 - x^2 - y^2'), BOX);
    expect(!huge.ok && huge.problem.kind).toBe('overflow');
  });

  it('warns when a small share of the mass is at the edge', () => {
    const g = gridTruth(logp('-(x^2 + y^2)/2'), { xmin: -2.8, xmax: 2.8, ymin: -2.8, ymax: 2.8 });
    expect(g.ok).toBe(true);
    if (!g.ok) return;
    expect(g.warnings).toHaveLength(1);
    const w = g.warnings[0];
    expect(w.kind === 'edge-mass' && w.fraction).toBeLessThan(EDGE_ERROR);
    expect(gridProblemMessage(w)).toMatch(/% of the mass is at the box's edge: the box cuts off part of the density/);
  });

  it('samples: a standard normal has mean 0 and covariance I, per seed the same points', () => {
    const { truth } = onDefaultBox('-(x^2 + y^2)/2');
    const n = 20000;
    const s = truth.sample(n, new Rng(5));
    expect(s.length).toBe(2 * n);
    const m = [0, 0], c = [0, 0, 0];
    for (let i = 0; i < n; i++) {
      const [u, v] = [s[2 * i], s[2 * i + 1]];
      m[0] += u / n; m[1] += v / n;
      c[0] += (u * u) / n; c[1] += (u * v) / n; c[2] += (v * v) / n;
    }
    // 5 standard errors: 0.035 for the means, 0.05 for the second moments
    expect(Math.abs(m[0])).toBeLessThan(0.035);
    expect(Math.abs(m[1])).toBeLessThan(0.035);
    expect(Math.abs(c[0] - 1)).toBeLessThan(0.05);
    expect(Math.abs(c[1])).toBeLessThan(0.035);
    expect(Math.abs(c[2] - 1)).toBeLessThan(0.05);
    expect(Array.from(truth.sample(100, new Rng(5)))).toEqual(Array.from(s.slice(0, 200)));
    expect(Array.from(truth.sample(100, new Rng(6)))).not.toEqual(Array.from(s.slice(0, 200)));
    expect(() => truth.sample(-1, new Rng(1))).toThrow(/non-negative integer/);
  });

  it('marginals: normalized, and the standard normal density', () => {
    const { truth, box } = onDefaultBox('-(x^2 + y^2)/2');
    const k = 4000, h = (box.xmax - box.xmin) / k;
    const xs = Float32Array.from({ length: k }, (_, i) => box.xmin + (i + 0.5) * h);
    for (const axis of [0, 1] as const) {
      const m = truth.marginal(axis, xs);
      expect(m.reduce((a, b) => a + b, 0) * h).toBeCloseTo(1, 4);
      const at = truth.marginal(axis, Float32Array.of(-1.3, 0, 0.7, 99));
      [-1.3, 0, 0.7].forEach((v, i) => expect(at[i]).toBeCloseTo(Math.exp(-v * v / 2) / Math.sqrt(2 * Math.PI), 4));
      expect(at[3]).toBe(0);
    }
  });
});

describe('findBox', () => {
  it('covers the ring of radius 2 and little more', () => {
    const f = logp('-((x^2 + y^2 - 4)^2) / 0.5');
    const b = findBox(f);
    expect(b.ok).toBe(true);
    if (!b.ok) return;
    for (const v of [b.box.xmax, b.box.ymax, -b.box.xmin, -b.box.ymin]) {
      expect(v).toBeGreaterThan(2.6);
      expect(v).toBeLessThan(6);
    }
    expect(b.box.xmax - b.box.xmin).toBe(b.box.ymax - b.box.ymin);
  });

  it('follows a shifted, a narrow and an elongated density', () => {
    const shifted = findBox(logp('-((x - 30)^2 + (y + 7)^2)/2'));
    expect(shifted.ok && shifted.box).toMatchObject({ xmin: expect.closeTo(24.5, 0), ymin: expect.closeTo(-12.5, 0) });
    const narrow = findBox(logp('-(x^2 + y^2)/(2*0.01^2)'));
    expect(narrow.ok && narrow.box.xmax).toBeLessThan(0.1);
    expect(narrow.ok && narrow.box.xmax).toBeGreaterThan(0.04);
    // the classic banana's ridge y = x² reaches y ≈ 120 at 12 nats below its top
    const banana = findBox(logp('-(y - x^2)^2/0.2 - x^2/10'));
    expect(banana.ok && banana.box.ymax).toBeGreaterThan(60);
  });

  it('fails for a density that does not decay, a flat one and NaN', () => {
    const up = findBox(logp('x + y'));
    expect(!up.ok && up.problem.kind).toBe('edge-mass');
    expect(!up.ok && up.message).toMatch(/does not decay: even on \[-160, 160\]²/);
    const line = findBox(logp('-x^2'));
    expect(!line.ok && line.problem.kind).toBe('edge-mass');
    expect(!findBox(logp('2')).ok && (findBox(logp('2')) as { problem: { kind: string } }).problem.kind).toBe('flat');
    const nan = findBox(logp('sqrt(x) - x - y^2'));
    expect(!nan.ok && nan.message).toMatch(/NaN at \(-/);
    const energyWording = findBox((x, y) => x + y, -1);
    expect(!energyWording.ok && energyWording.message).toMatch(/\+\(x\^2 \+ y\^2\)\/2/);
  });

  it('rounds to a square box on a nice step', () => {
    expect(roundSquare({ xmin: -2.9, xmax: 2.9, ymin: -1, ymax: 1 })).toEqual({ xmin: -3, xmax: 3, ymin: -3, ymax: 3 });
    expect(roundSquare({ xmin: 0.01, xmax: 0.07, ymin: 0, ymax: 0.05 })).toEqual({ xmin: 0.01, xmax: 0.072, ymin: -0.006, ymax: 0.056 });
  });
});
