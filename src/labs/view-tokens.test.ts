import { describe, expect, it } from 'vitest';
import { fillTokens, resolveViews } from './view-tokens';
import { LAB_SCHEMAS } from './schemas';
import { defaultsOf } from './codec/url-codec';
import type { ChartMetricSpec } from './types';

describe('view tokens', () => {
  it('fills known tokens and leaves unknown ones visible', () => {
    expect(fillTokens('{A} vs {B}, {C}', { A: 'DiKL', B: 'reverse KL' })).toBe('DiKL vs reverse KL, {C}');
    // own keys only: a token named like an Object property is not filled from the prototype
    expect(fillTokens('{constructor}', {})).toBe('{constructor}');
  });

  it('DiKL legends name the objectives, never "main" or "comparison", and no token is left', () => {
    const schema = LAB_SCHEMAS.dikl!;
    const p = { ...defaultsOf(schema), ...schema.presets.find((x) => x.id === '8g-compare')!.params };
    const views = resolveViews(schema, schema.views, p);
    const text = JSON.stringify(views.map((v) => [v.title, v.kind === 'chart' ? v.metrics.map((m: ChartMetricSpec) => m.label) : [], v.kind === 'plane' ? v.legend : {}]));
    expect(text).not.toMatch(/\{[A-Za-z]+\}|\bmain\b|comparison/);
    const modes = views.find((v) => v.id === 'modes');
    expect(modes?.kind === 'chart' && modes.metrics.map((m) => m.label)).toEqual(['DiKL', 'reverse KL']);
    const plane = views.find((v) => v.id === 'plane');
    expect(plane?.title).toBe('Generator samples over log p (red: DiKL, white: reverse KL)');
    // the main generator on reverse KL swaps them; without a comparison only red is named
    const swapped = resolveViews(schema, schema.views, { ...p, objective: 'rkl', otherObjective: false });
    expect(swapped.find((v) => v.id === 'plane')?.title).toBe('Generator samples over log p (red: reverse KL)');
  });

  it('labs without tokens get their views unchanged', () => {
    const schema = LAB_SCHEMAS.samplers!;
    const views = resolveViews(schema, schema.views, {});
    views.forEach((v, i) => expect(v).toBe(schema.views[i]));
  });
});
