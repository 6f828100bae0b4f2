// Links as version 1 of the app wrote them (formatHash at v=1, one per lab, some with page options),
// and what they must read as today. Test data only: a migration that changes how any of these reads
// breaks someone's saved link.
export interface V1Fixture {
  v1: string;
  /** the same experiment as the current version writes it */
  current: string;
}

export const V1_LINKS: readonly V1Fixture[] = [
  {
    v1: '#/samplers?v=1&seed=5&target=mog40&sampler=ula&score=exact&particles=2000&init=normal&step=0.1&speed=5&hide=step&backend=wasm',
    current: '#/samplers?v=2&seed=5&target=mog40&sampler=ula&score=exact&particles=2000&init=normal&step=0.1&speed=5&hide=step&backend=wasm',
  },
  {
    v1: '#/samplers?v=1&seed=3&target=custom&comps=-2,0,1,1,0.3,0.5;2.5,1,2,0.4,0,0.4&sampler=mala&score=exact&particles=500&init=normal&step=0.02&speed=5',
    current: '#/samplers?v=2&seed=3&target=custom&comps=-2,0,1,1,0.3,0.5;2.5,1,2,0.4,0,0.4&sampler=mala&score=exact&particles=500&init=normal&step=0.02&speed=5',
  },
  {
    v1: '#/mismatch?v=1&seed=5&mode=cond&prior=gaussian&mx=0&my=0&cxx=1&cxy=0.6&cyy=1&op=row&phi=0&ysrc=point&y=1&y2=0&sigma_y=0.3&noise_mismatch=0&rule=ddnm&T=200&schedule=etc&variance=large&particles=1000&sweep=0&speed=8&backend=wasm',
    current: '#/mismatch?v=2&seed=5&mode=cond&prior=gaussian&mx=0&my=0&cxx=1&cxy=0.6&cyy=1&op=row&phi=0&ysrc=point&y=1&y2=0&sigma_y=0.3&noise_mismatch=0&rule=ddnm&T=200&schedule=etc&variance=large&particles=1000&sweep=0&speed=8&backend=wasm',
  },
  {
    // the renamed key, also hidden and overridden on the B side of a comparison
    v1: '#/implicit?v=1&seed=5&mode=langevin&target=hexagon&param=logits&reward=hard&loop=single&inner=20&warm=1&compare=1&particles=1000&gamma=0.2&eta=0.25&lambda=0&speed=20&hide=compare,presets&present=1&ab=1&b.compare=0&backend=wasm',
    current: '#/implicit?v=2&seed=5&mode=langevin&target=hexagon&param=logits&reward=hard&loop=single&inner=20&warm=1&nestedRun=1&particles=1000&gamma=0.2&eta=0.25&lambda=0&speed=20&hide=nestedRun,presets&present=1&ab=1&b.nestedRun=0&backend=wasm',
  },
  {
    v1: '#/dikl?v=1&seed=5&target=mog40&objective=dikl&compare=1&weighting=inv-a&target_score=exact&T=30&beta_end=0.7&width=64&depth=3&gen_scale=plain&batch=256&dsm_steps=2&lr=0.001&score_lr=0.001&n_is=10&ais_steps=15&ais_step=0.5&mala_steps=5&mala_step=0.01&inspector=1&px=0&py=0&pt=8&speed=5&backend=wasm',
    current: '#/dikl?v=2&seed=5&target=mog40&objective=dikl&otherObjective=1&weighting=inv-a&target_score=exact&T=30&beta_end=0.7&width=64&depth=3&gen_scale=plain&batch=256&dsm_steps=2&lr=0.001&lr_schedule=constant&score_lr=0.001&n_is=10&ais_steps=15&ais_step=0.5&mala_steps=5&mala_step=0.01&inspector=1&px=0&py=0&pt=8&paper_every=500&speed=5&backend=wasm',
  },
  {
    v1: '#/guidance?v=1&seed=5&data=line&phi=0&score=learned&reward=f1&ratio=9&guidance=naive&delta=0.9&sigma=0.1&betaScale=1&beta=0&batch=32&rounds=200&T=100&algorithm=1&trainSteps=1500&hidden=64&lr=0.002&sweep=0&speed=1&backend=wasm',
    current: '#/guidance?v=2&seed=5&data=line&phi=0&score=learned&reward=f1&ratio=9&guidance=naive&delta=0.9&sigma=0.1&betaScale=1&beta=0&batch=32&rounds=200&T=100&algorithm=1&trainSteps=1500&hidden=64&lr=0.002&sweep=0&speed=1&backend=wasm',
  },
  {
    v1: '#/dxmi?v=1&seed=5&data=8gaussians&T=4&schedule=code&init=ddpm&pretrain=300&hidden=64&learn_sigma=1&value=time&tau=0.1&tau_velocity=0.01&gamma=1&rho=0.99&costs_in_value=0&confine=1&ema_energy=0.99&ema_sampler=0.99&compare=1&batch=256&lr_energy=0.003&lr_value=0.001&lr_sampler=0.0001&probe_x=0&probe_y=0&speed=5&backend=wasm',
    current: '#/dxmi?v=2&seed=5&data=8gaussians&T=4&schedule=code&init=ddpm&pretrain=300&hidden=64&learn_sigma=1&value=time&tau=0.1&tau_velocity=0.01&gamma=1&rho=0.99&costs_in_value=0&confine=1&ema_energy=0.99&ema_sampler=0.99&tau0Twin=1&batch=256&lr_energy=0.003&lr_value=0.001&lr_sampler=0.0001&lr_sigma=0.0001&probe_x=0&probe_y=0&speed=5&backend=wasm',
  },
];
