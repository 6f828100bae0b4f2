// Links as versions 1 and 2 of the app wrote them (formatHash at v=1 and v=2, one or more per lab and mode,
// some with page options), and what they must read as today. Test data only: a migration that changes how any of these reads
// breaks someone's saved link.
export interface V1Fixture {
  v1: string;
  /** the same experiment as the current version writes it */
  current: string;
}

export const V1_LINKS: readonly V1Fixture[] = [
  {
    v1: '#/samplers?v=1&seed=5&target=mog40&sampler=ula&score=exact&particles=2000&init=normal&step=0.1&speed=5&hide=step&backend=wasm',
    current: '#/samplers?v=3&seed=5&target=mog40&sampler=ula&score=exact&particles=2000&init=normal&step=0.1&speed=5&hide=step&backend=wasm',
  },
  {
    v1: '#/samplers?v=1&seed=3&target=custom&comps=-2,0,1,1,0.3,0.5;2.5,1,2,0.4,0,0.4&sampler=mala&score=exact&particles=500&init=normal&step=0.02&speed=5',
    current: '#/samplers?v=3&seed=3&target=custom&comps=-2,0,1,1,0.3,0.5;2.5,1,2,0.4,0,0.4&sampler=mala&score=exact&particles=500&init=normal&step=0.02&speed=5',
  },
  {
    v1: '#/mismatch?v=1&seed=5&mode=cond&prior=gaussian&mx=0&my=0&cxx=1&cxy=0.6&cyy=1&op=row&phi=0&ysrc=point&y=1&y2=0&sigma_y=0.3&noise_mismatch=0&rule=ddnm&T=200&schedule=etc&variance=large&particles=1000&sweep=0&speed=8&backend=wasm',
    current: '#/mismatch?v=3&seed=5&mode=cond&prior=gaussian&mx=0&my=0&cxx=1&cxy=0.6&cyy=1&op=row&phi=0&ysrc=point&y=1&y2=0&sigmaY=0.3&noiseMismatch=0&rule=ddnm&T=200&schedule=etc&variance=large&particles=1000&sweep=0&speed=8&backend=wasm',
  },
  {
    // the renamed key, also hidden and overridden on the B side of a comparison
    v1: '#/implicit?v=1&seed=5&mode=langevin&target=hexagon&param=logits&reward=hard&loop=single&inner=20&warm=1&compare=1&particles=1000&gamma=0.2&eta=0.25&lambda=0&speed=20&hide=compare,presets&present=1&ab=1&b.compare=0&backend=wasm',
    current: '#/implicit?v=3&seed=5&mode=langevin&target=hexagon&reward=hard&param=logits&loop=single&inner=20&warm=1&nestedRun=1&particles=1000&gamma=0.2&eta=0.25&lambda=0&speed=20&hide=nestedRun,presets&present=1&ab=1&b.nestedRun=0&backend=wasm',
  },
  {
    v1: '#/dikl?v=1&seed=5&target=mog40&objective=dikl&compare=1&weighting=inv-a&target_score=exact&T=30&beta_end=0.7&width=64&depth=3&gen_scale=plain&batch=256&dsm_steps=2&lr=0.001&score_lr=0.001&n_is=10&ais_steps=15&ais_step=0.5&mala_steps=5&mala_step=0.01&inspector=1&px=0&py=0&pt=8&speed=5&backend=wasm',
    current: '#/dikl?v=3&seed=5&target=mog40&objective=dikl&otherObjective=1&weighting=inv-a&targetScore=exact&T=30&betaEnd=0.7&width=64&depth=3&genScale=plain&batch=256&dsmSteps=2&lr=0.001&lrSchedule=constant&scoreLr=0.001&isSamples=10&aisSteps=15&aisStep=0.5&malaSteps=5&malaStep=0.01&inspector=1&probeX=0&probeY=0&probeT=8&paperEvery=500&speed=5&backend=wasm',
  },
  {
    v1: '#/guidance?v=1&seed=5&data=line&phi=0&score=learned&reward=f1&ratio=9&guidance=naive&delta=0.9&sigma=0.1&betaScale=1&beta=0&batch=32&rounds=200&T=100&algorithm=1&trainSteps=1500&hidden=64&lr=0.002&sweep=0&speed=1&backend=wasm',
    current: '#/guidance?v=3&seed=5&data=line&phi=0&score=learned&reward=f1&ratio=9&guidance=naive&delta=0.9&sigma=0.1&betaScale=1&beta=0&batch=32&rounds=200&T=100&algorithm=1&trainSteps=1500&hidden=64&lr=0.002&sweep=0&speed=1&backend=wasm',
  },
  {
    v1: '#/dxmi?v=1&seed=5&data=8gaussians&T=4&schedule=code&init=ddpm&pretrain=300&hidden=64&learn_sigma=1&value=time&tau=0.1&tau_velocity=0.01&gamma=1&rho=0.99&costs_in_value=0&confine=1&ema_energy=0.99&ema_sampler=0.99&compare=1&batch=256&lr_energy=0.003&lr_value=0.001&lr_sampler=0.0001&probe_x=0&probe_y=0&speed=5&backend=wasm',
    current: '#/dxmi?v=3&seed=5&data=8gaussians&T=4&schedule=code&init=ddpm&pretrain=300&hidden=64&learnSigma=1&value=time&tau=0.1&tauVelocity=0.01&gamma=1&rho=0.99&costsInValue=0&confine=1&emaEnergy=0.99&emaSampler=0.99&tau0Twin=1&batch=256&energyLr=0.003&valueLr=0.001&samplerLr=0.0001&sigmaLr=0.0001&probeX=0&probeY=0&speed=5&backend=wasm',
  },
];

export interface V2Fixture {
  v2: string;
  /** the same experiment as the current version writes it */
  current: string;
}

/** every lab, both Mismatch modes and all three Implicit modes (its schema split per mode in v3) */
export const V2_LINKS: readonly V2Fixture[] = [
  {
    v2: '#/samplers?v=2&seed=1&target=drawn&drawn=&sampler=hmc&score=exact&particles=2000&init=normal&step=0.05&leapfrog=10&trainSteps=1500&hidden=128&lr=0.002&speed=5',
    current: '#/samplers?v=3&seed=1&target=drawn&drawn=&sampler=hmc&score=exact&particles=2000&init=normal&step=0.05&leapfrog=10&trainSteps=1500&hidden=128&lr=0.002&speed=5',
  },
  {
    v2: '#/mismatch?v=2&seed=1&mode=uncond&target=two-modes&score_src=learned&trainSteps=300&hidden=64&T=200&schedule=etc&variance=large&particles=1000&sweep=0&speed=8&delta_t=0.1',
    current: '#/mismatch?v=3&seed=1&mode=uncond&target=two-modes&score=learned&trainSteps=300&hidden=64&T=200&schedule=etc&variance=large&particles=1000&sweep=0&speed=8&deltaT=0.1',
  },
  {
    v2: '#/mismatch?v=2&seed=1&mode=cond&prior=gaussian&mx=0&my=0&cxx=1&cxy=0.6&cyy=1&op=row&phi=0&ysrc=point&y=1&y2=0&sigma_y=0.3&noise_mismatch=1&sigma_y_assumed=0.2&rule=bo-ddnm&T=200&schedule=etc&variance=large&particles=1000&sweep=0&speed=8&hide=sigma_y&ab=1&b.sigma_y=0.5',
    current: '#/mismatch?v=3&seed=1&mode=cond&prior=gaussian&mx=0&my=0&cxx=1&cxy=0.6&cyy=1&op=row&phi=0&ysrc=point&y=1&y2=0&sigmaY=0.3&noiseMismatch=1&sigmaYAssumed=0.2&rule=bo-ddnm&T=200&schedule=etc&variance=large&particles=1000&sweep=0&speed=8&hide=sigmaY&ab=1&b.sigmaY=0.5',
  },
  {
    v2: '#/implicit?v=2&seed=1&mode=langevin&target=hexagon&param=logits&reward=bump&bumpX=-2&bumpY=-1&bumpWidth=1.5&loop=single&nestedRun=0&particles=1000&gamma=0.2&eta=0.5&lambda=0&speed=20',
    current: '#/implicit?v=3&seed=1&mode=langevin&target=hexagon&reward=bump&bumpX=-2&bumpY=-1&bumpWidth=1.5&param=logits&loop=single&nestedRun=0&particles=1000&gamma=0.2&eta=0.5&lambda=0&speed=20',
  },
  // EBM keys lose their prefix; the inert Langevin eta= of the flat v2 schema is dropped, not read as a setting
  {
    v2: '#/implicit?v=2&seed=1&mode=ebm&eta=0.7&data=drawn&drawn=&energy=mixture&K=8&ebmInner=3&ebmGamma=0.01&ebmChains=800&ebmReinit=0&ebmLr=0.001&batch=128&speed=20&hide=ebmGamma&ab=1&b.ebmGamma=0.005',
    current: '#/implicit?v=3&seed=1&mode=ebm&data=drawn&drawn=&energy=mixture&K=8&inner=3&gamma=0.01&particles=800&reinit=0&lr=0.001&batch=128&speed=20&hide=gamma&ab=1&b.gamma=0.005',
  },
  // diffusion keys take the Langevin names (deta is eta); the inert Langevin gamma= is dropped; hide= and b. follow
  {
    v2: '#/implicit?v=2&seed=1&mode=diffusion&target=hexagon&reward=hard&gamma=0.3&dbase=learned&dtrain=1000&dnet=32&dhidden=8&dloop=queue&dcompare=0&dT=12&dbatch=32&deta=3&dmlpLr=0.02&dlambda=0.1&speed=20&hide=deta,dmlpLr&ab=1&b.dlambda=0.2',
    current: '#/implicit?v=3&seed=1&mode=diffusion&target=hexagon&reward=hard&base=learned&trainSteps=1000&hidden=32&correctionWidth=8&loop=queue&nestedRun=0&T=12&batch=32&eta=3&lr=0.02&lambda=0.1&speed=20&hide=eta,lr&ab=1&b.lambda=0.2',
  },
  {
    v2: '#/implicit?v=2&seed=1&mode=diffusion&target=hexagon&reward=hard&dbase=exact&dtheta=mlp&dhidden=16&dloop=queue&dcompare=1&dT=10&dbatch=64&deta=3&dmlpLr=0.01&dlambda=0.05&speed=20',
    current: '#/implicit?v=3&seed=1&mode=diffusion&target=hexagon&reward=hard&base=exact&param=mlp&correctionWidth=16&loop=queue&nestedRun=1&T=10&batch=64&eta=3&lr=0.01&lambda=0.05&speed=20',
  },
  {
    v2: '#/dikl?v=2&seed=1&target=mog40&objective=dikl&otherObjective=0&weighting=inv-a&target_score=exact&T=30&beta_end=0.7&width=64&depth=3&gen_scale=plain&batch=256&dsm_steps=2&lr=0.001&lr_schedule=cosine&lr_iters=1500&score_lr=0.001&n_is=20&ais_steps=15&ais_step=0.5&mala_steps=5&mala_step=0.01&inspector=1&px=1&py=-1&pt=8&paper_every=250&speed=5&hide=dsm_steps&ab=1&b.score_lr=0.002',
    current: '#/dikl?v=3&seed=1&target=mog40&objective=dikl&otherObjective=0&weighting=inv-a&targetScore=exact&T=30&betaEnd=0.7&width=64&depth=3&genScale=plain&batch=256&dsmSteps=2&lr=0.001&lrSchedule=cosine&lrIters=1500&scoreLr=0.001&isSamples=20&aisSteps=15&aisStep=0.5&malaSteps=5&malaStep=0.01&inspector=1&probeX=1&probeY=-1&probeT=8&paperEvery=250&speed=5&hide=dsmSteps&ab=1&b.scoreLr=0.002',
  },
  {
    v2: '#/guidance?v=2&seed=1234&data=line&phi=0&score=exact&reward=f2&ratio=9&bx=1&by=2&guidance=gloss&delta=0.2&sigma=0.1&betaScale=1&beta=0&batch=32&rounds=300&T=200&algorithm=1&sweep=0&speed=1',
    current: '#/guidance?v=3&seed=1234&data=line&phi=0&score=exact&reward=f2&bx=1&by=2&guidance=gloss&delta=0.2&sigma=0.1&betaScale=1&beta=0&batch=32&rounds=300&T=200&algorithm=1&sweep=0&speed=1',
  },
  // one name per concept: xy= is drawn=, lr_sampler= samplerLr= (in hide= too)
  {
    v2: '#/dxmi?v=2&seed=1&data=drawn&xy=&T=4&schedule=code&init=ddpm&pretrain=300&hidden=64&learn_sigma=1&value=time&tau=0.1&tau_velocity=0.02&gamma=1&rho=0.99&costs_in_value=0&confine=1&ema_energy=0.99&ema_sampler=0.99&tau0Twin=0&batch=256&lr_energy=0.001&lr_value=0.001&lr_sampler=0.0001&lr_sigma=0.0001&probe_x=1&probe_y=2&speed=5&hide=lr_sampler&ab=1&b.tau=0.2',
    current: '#/dxmi?v=3&seed=1&data=drawn&drawn=&T=4&schedule=code&init=ddpm&pretrain=300&hidden=64&learnSigma=1&value=time&tau=0.1&tauVelocity=0.02&gamma=1&rho=0.99&costsInValue=0&confine=1&emaEnergy=0.99&emaSampler=0.99&tau0Twin=0&batch=256&energyLr=0.001&valueLr=0.001&samplerLr=0.0001&sigmaLr=0.0001&probeX=1&probeY=2&speed=5&hide=samplerLr&ab=1&b.tau=0.2',
  },
  {
    v2: '#/dxmi?v=2&seed=1&data=custom&points=-2,-1,1,0.15,0,0.15;2,-1,1,0.15,0,0.15;0,2,1,0.15,0,0.15&T=4&schedule=code&init=ddpm&pretrain=300&hidden=64&learn_sigma=1&value=time&tau=0.1&tau_velocity=0.01&gamma=1&rho=0.99&costs_in_value=0&confine=1&ema_energy=0.99&ema_sampler=0.99&tau0Twin=0&batch=256&lr_energy=0.003&lr_value=0.001&lr_sampler=0.0001&lr_sigma=0.0001&probe_x=0&probe_y=0&speed=5',
    current: '#/dxmi?v=3&seed=1&data=custom&comps=-2,-1,1,0.15,0,0.15;2,-1,1,0.15,0,0.15;0,2,1,0.15,0,0.15&T=4&schedule=code&init=ddpm&pretrain=300&hidden=64&learnSigma=1&value=time&tau=0.1&tauVelocity=0.01&gamma=1&rho=0.99&costsInValue=0&confine=1&emaEnergy=0.99&emaSampler=0.99&tau0Twin=0&batch=256&energyLr=0.003&valueLr=0.001&samplerLr=0.0001&sigmaLr=0.0001&probeX=0&probeY=0&speed=5',
  },
];
