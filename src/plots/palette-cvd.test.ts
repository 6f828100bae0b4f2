// Overlay colours (particles, paths, arrows, the drawing stroke) must stay distinguishable from every
// level of the heatmap's colour map for colour-blind viewers, not only for typical colour vision.
// Colour vision deficiency is simulated with the Machado, Oliveira and Fernandes (2009) matrices at
// full severity in linear RGB; distance is CIE76 ΔE in Lab. The earlier pink paths and orange
// arrows scored about 7 for deutan viewers (they vanished on teal and yellow-green): the bound
// below rejects them.
import { interpolateViridis, lab, rgb } from 'd3';
import { describe, expect, it } from 'vitest';
import { ARROW_COLORS } from './arrows';
import { PATH_COLOR } from './paths';
import { POINT_COLORS } from './points';

type M3 = readonly [readonly number[], readonly number[], readonly number[]];
const VISION: Record<string, M3> = {
  typical: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protan: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deutan: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritan: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};

const toLinear = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
const toSrgb = (c: number) => {
  const v = Math.min(1, Math.max(0, c));
  return 255 * (v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055);
};

function simulate(css: string, m: M3): string {
  const c = rgb(css);
  const v = [toLinear(c.r), toLinear(c.g), toLinear(c.b)];
  const [r, g, b] = m.map((row) => row[0] * v[0] + row[1] * v[1] + row[2] * v[2]);
  return rgb(toSrgb(r), toSrgb(g), toSrgb(b)).formatHex();
}

function deltaE(a: string, b: string): number {
  const x = lab(a);
  const y = lab(b);
  return Math.hypot(x.l - y.l, x.a - y.a, x.b - y.b);
}

/** the smallest ΔE between `color` and any of 65 levels of viridis, as seen with vision `m` */
function worstAgainstViridis(color: string, m: M3): number {
  let worst = Infinity;
  for (let i = 0; i <= 64; i++) worst = Math.min(worst, deltaE(simulate(color, m), simulate(interpolateViridis(i / 64), m)));
  return worst;
}

const OVERLAYS: Record<string, string> = {
  'particles (first set)': POINT_COLORS[0],
  'particles (second set)': POINT_COLORS[1],
  'paths and drawing': PATH_COLOR,
  'arrows (first field)': ARROW_COLORS[0],
  'arrows (second field)': ARROW_COLORS[1],
};

describe('overlay colours on viridis, for every kind of colour vision', () => {
  for (const [what, color] of Object.entries(OVERLAYS)) {
    it(`${what} ${color} stays apart from every level of the map`, () => {
      for (const [vision, m] of Object.entries(VISION)) {
        expect(worstAgainstViridis(color, m), `${vision} vision`).toBeGreaterThan(15);
      }
    });
  }

  it('rejects a colour that merges with the map for deutan viewers (the check can fail)', () => {
    expect(worstAgainstViridis('#ff9f1c', VISION.deutan)).toBeLessThan(15);
  });
});
