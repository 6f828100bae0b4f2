import { describe, expect, it } from 'vitest';
import { liveSettingKeys, SAMPLER_CATALOG, SAMPLER_IDS, samplerEntry, samplerNeeds, type SettingSpec } from './catalog';

describe('sampler catalog', () => {
  it('keeps the URL ids and their menu order (new samplers go at the end)', () => {
    expect(SAMPLER_IDS.slice(0, 7)).toEqual(['ula', 'mala', 'hmc', 'annealed', 'ddpm', 'ddim', 'flow']);
    expect(new Set(SAMPLER_IDS).size).toBe(SAMPLER_IDS.length);
  });

  it('a key shared by several samplers is one spec (only live may differ per sampler)', () => {
    const first = new Map<string, SettingSpec>();
    for (const e of SAMPLER_CATALOG) {
      for (const s of e.settings) {
        const f = first.get(s.key);
        if (!f) first.set(s.key, s);
        else expect({ ...s, live: undefined }, `${e.id}.${s.key}`).toEqual({ ...f, live: undefined });
      }
    }
  });

  it('derives the needs from the family', () => {
    expect(samplerNeeds(samplerEntry('mala')!)).toEqual({ density: true, score: true, mixture: false, noisedScore: false, levels: 'none', startsFromNoise: false });
    expect(samplerNeeds(samplerEntry('rwm')!)).toEqual({ density: true, score: false, mixture: false, noisedScore: false, levels: 'none', startsFromNoise: false });
    expect(samplerNeeds(samplerEntry('annealed')!)).toEqual({ density: false, score: true, mixture: false, noisedScore: true, levels: 'ladder', startsFromNoise: false });
    expect(samplerNeeds(samplerEntry('ddim')!)).toEqual({ density: false, score: true, mixture: false, noisedScore: true, levels: 'schedule', startsFromNoise: true });
    expect(samplerNeeds(samplerEntry('gibbs')!)).toMatchObject({ density: false, score: false, mixture: true, levels: 'none' });
    expect(samplerEntry('nope')).toBeUndefined();
  });

  it('marks live the knobs the samplers took live before the catalog (annealed step restarts)', () => {
    const live = Object.fromEntries(SAMPLER_CATALOG.slice(0, 7).map((e) => [e.id, [...liveSettingKeys(e)]]));
    expect(live).toEqual({ ula: ['step'], mala: ['step'], hmc: ['step', 'leapfrog'], annealed: [], ddpm: [], ddim: ['eta'], flow: [] });
  });
});
