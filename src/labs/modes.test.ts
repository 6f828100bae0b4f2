import { describe, expect, it } from 'vitest';
import { LAB_SCHEMAS } from './schemas';
import { defaultsOf, modeOf, paramsWith, specOf, specsOf, switchMode } from './modes';
import { applyParam } from '../state/slices/params';
import { formatHash, parseHash } from './codec/url-codec';
import type { LabSchema } from './types';

const implicit = LAB_SCHEMAS.implicit!;
const mismatch = LAB_SCHEMAS.mismatch!;

function modesOf(schema: LabSchema): (string | undefined)[] {
  if (!schema.modeKey) return [undefined];
  return [...(schema.params.find((s) => s.key === schema.modeKey)!.values ?? [])];
}

describe('a schema per mode', () => {
  it('every lab: within one mode each key is one spec; a mode-stamped spec names real modes; the mode key itself is shared', () => {
    for (const schema of Object.values(LAB_SCHEMAS)) {
      const modes = modesOf(schema!);
      for (const mode of modes) {
        const keys = specsOf(schema!, schema!.modeKey && mode ? { [schema!.modeKey]: mode } : undefined).map((s) => s.key);
        expect(new Set(keys).size, `${schema!.id} ${mode}: ${keys.join(' ')}`).toBe(keys.length);
      }
      for (const s of schema!.params) {
        if (!s.modes) continue;
        expect(schema!.modeKey, `${schema!.id}.${s.key} has modes but the lab no modeKey`).toBeDefined();
        for (const m of s.modes) expect(modes, `${schema!.id}.${s.key}`).toContain(m);
      }
      if (schema!.modeKey) expect(schema!.params.find((s) => s.key === schema!.modeKey)?.modes).toBeUndefined();
    }
  });

  it('the Implicit lab names a concept once: eta, gamma, lambda, batch, loop, nestedRun in the modes that have them', () => {
    const eta = (mode: string) => specOf(implicit, 'eta', { mode })?.default;
    expect(eta('langevin')).toBe(0.25);
    expect(eta('diffusion')).toBe(4);
    expect(specOf(implicit, 'eta', { mode: 'ebm' })).toBeUndefined();
    expect(specOf(implicit, 'gamma', { mode: 'ebm' })?.default).toBe(0.003);
    expect(specOf(implicit, 'gamma', { mode: 'langevin' })?.default).toBe(0.2);
    expect(specOf(implicit, 'loop', { mode: 'diffusion' })?.values).toEqual(['queue', 'nested']);
    expect(specOf(implicit, 'loop', { mode: 'langevin' })?.values).toEqual(['single', 'nested', 'exact']);
    const all = implicit.params.map((s) => s.key);
    for (const old of ['deta', 'dbatch', 'dlambda', 'ebmGamma', 'ebmInner', 'ebmLr', 'dT', 'dloop']) expect(all).not.toContain(old);
    // a params record holds its mode's keys only
    expect(Object.keys(defaultsOf(implicit, 'ebm'))).not.toContain('eta');
    expect(Object.keys(defaultsOf(mismatch, 'uncond'))).not.toContain('rule');
    expect(Object.keys(defaultsOf(mismatch, 'cond'))).not.toContain('score');
  });

  it('switching the mode keeps what both modes share and re-defaults what means something else', () => {
    const lang = { ...defaultsOf(implicit, 'langevin'), seed: 9, eta: 0.7, target: 'custom', reward: 'bump', bumpX: 3, speed: 50 };
    const d = switchMode(implicit, lang, 'diffusion');
    expect(d).toMatchObject({ mode: 'diffusion', seed: 9, speed: 50, target: 'custom', reward: 'bump', bumpX: 3, eta: 4 });
    expect(Object.keys(d).sort()).toEqual(Object.keys(defaultsOf(implicit, 'diffusion')).sort());
    const e = switchMode(implicit, d, 'ebm');
    expect(e).toMatchObject({ mode: 'ebm', seed: 9, gamma: 0.003 });
    expect('target' in e).toBe(false);
    // the store's edit does the same
    const r = applyParam(implicit, lang, 'mode', 'diffusion')!;
    expect(r.params).toEqual(d);
    expect(r.live).toBe(false);
    expect(modeOf(implicit, r.params)).toBe('diffusion');
  });

  it('a link holds its mode\'s keys only; a key of another mode is inert and silent, an unknown one reported', () => {
    const h = formatHash('implicit', paramsWith(implicit, { mode: 'ebm', gamma: 0.01 }));
    expect(h).toMatch(/mode=ebm/);
    expect(h).toMatch(/&gamma=0\.01/);
    expect(h).not.toMatch(/[&?](eta|target|reward)=/);
    const r = parseHash(`${h}&eta=3&bogus=1`);
    expect(r.params.gamma).toBe(0.01);
    expect('eta' in r.params).toBe(false);
    expect(r.notices).toEqual(['"bogus" is not a setting of implicit; ignored']);
    // the mode is read first, whatever its place in the link
    expect(parseHash('#/implicit?eta=3&mode=diffusion').params.eta).toBe(3);
    // a preset's mode decides its keys; the link's keys go on top
    expect(parseHash('#/implicit?preset=diffusion-finetune&eta=1').params).toMatchObject({ mode: 'diffusion', eta: 1 });
  });

  it('an A/B comparison runs both sides in one mode: b.mode is refused, B edits the keys of A\'s mode', () => {
    const r = parseHash('#/implicit?mode=ebm&ab=1&b.mode=langevin&b.gamma=0.01&b.eta=1');
    expect(r.ui.compare).toEqual({ gamma: 0.01 });
    expect(r.notices.join('\n')).toMatch(/b\.mode: both sides of a comparison share the mode/);
    expect(r.notices.join('\n')).toMatch(/b\.eta: "eta" is not a setting of implicit in this mode/);
  });
});
