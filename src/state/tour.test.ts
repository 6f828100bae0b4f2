import { describe, expect, it } from 'vitest';
import { parseHash } from '../labs/codec/url-codec';
import { samplersTour } from '../labs/samplers/tour';
import { presetParams } from './slices/params';
import { LAB_SCHEMAS } from '../labs/schemas';
import { currentViewLink, stepLinkOf, tourStepHash } from './tour';
import { defaultUi } from '../labs/codec/ui-options';

describe('tour steps as links', () => {
  it('step k resolves its preset into a complete link that keeps the tour', () => {
    const h = tourStepHash('samplers-intro', samplersTour, 1, 'wasm');
    expect(h).not.toContain('preset=');
    expect(h).toContain('tour=samplers-intro&tstep=2');
    expect(h).toContain('backend=wasm');
    const p = parseHash(h);
    expect(p.notices).toEqual([]);
    expect(p.params).toEqual(presetParams(LAB_SCHEMAS.samplers!, 'langevin-stuck-ddpm'));
    expect(tourStepHash('samplers-intro', samplersTour, 99)).toContain('tstep=5');
  });

  it('the current view, as a step, drops the tour but keeps page options', () => {
    const params = presetParams(LAB_SCHEMAS.samplers!, 'mala-acceptance')!;
    const ui = { ...defaultUi(), hide: ['seed'], tour: { ref: 'samplers-intro', step: 2 } };
    const link = currentViewLink({ route: 'lab', lab: 'samplers', params, ui })!;
    expect(link).toContain('hide=seed');
    expect(link).not.toContain('tour=');
    expect(stepLinkOf(samplersTour, 3)).toBe(currentViewLink({ route: 'lab', lab: 'samplers', params, ui: defaultUi() }));
    expect(currentViewLink({ route: 'gallery', lab: null, params: {}, ui })).toBeNull();
  });
});
