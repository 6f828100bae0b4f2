// The Implicit Diffusion lab's single-loop updates with the current values (METHODS.md §1.1–1.3;
// docs/implicit-lab.md: the lab ascends E[R] − λ KL, i.e. θ ← θ + η(Γ_R − λ Γ_KL)).
import { aligned, equationsFor, num, text, type EquationBlock } from '../common/latex';
import type { DiffusionParams, EbmParams, ImplicitParams, LangevinParams } from './params';

function langevin(p: LangevinParams): EquationBlock[] {
  const g = num(p.gamma);
  const eta = num(p.eta);
  const lam = num(p.lambda);
  const N = num(p.particles);
  const V = p.param === 'means'
    ? 'V(x, \\theta) = -\\log \\sum_{i} w_i\\, e^{-\\lVert x - \\theta_i \\rVert^2 / 2} \\quad (\\theta_i: \\text{the means})'
    : 'V(x, \\theta) = -\\log \\sum_{i} \\operatorname{softmax}(\\theta)_i\\, e^{-\\lVert x - c_i \\rVert^2 / 2} \\quad (\\theta: \\text{the logits})';
  const sampling = p.loop === 'nested'
    ? `${num(p.inner)}\\ \\text{Langevin steps per update${p.warm ? ', warm-started' : ', from fresh particles'}}`
    : '\\text{one Langevin step per update (single loop)}';
  const out: EquationBlock[] = [{ title: 'Potential', tex: V }];
  if (p.loop === 'exact') {
    out.push({
      title: `Exact gradient flow on J(θ) = E_π*(θ)[R] − λ KL, η = ${num(p.eta)}`,
      tex: `\\theta_{k+1} = \\theta_k + ${eta}\\, \\nabla_\\theta J(\\theta_k), \\qquad J(\\theta) = \\sum_i w_i(\\theta)\\, r_i - ${lam}\\, \\mathrm{KL}(\\pi_{\\text{ref}} \\,\\Vert\\, \\pi^*(\\theta))`,
    });
    return out;
  }
  out.push({
    title: `Sampling: ${p.loop === 'nested' ? 'nested loop' : 'single loop'}, γ = ${num(p.gamma)}, N = ${N}`,
    tex: aligned(`X^i_{k+1} &= X^i_k - ${g}\\, \\nabla_x V(X^i_k, \\theta_k) + \\sqrt{2 \\cdot ${g}}\\; \\xi^i_k, \\qquad i = 1, \\dots, ${N}`, `&${sampling}`),
  });
  out.push({
    title: `Parameter update, η = ${num(p.eta)}, λ = ${num(p.lambda)}`,
    tex: aligned(
      `\\Gamma_R &= -\\frac{1}{${N}} \\sum_i R(X^i)\\, \\nabla_\\theta V(X^i, \\theta_k) + \\overline{R(X)}\\; \\overline{\\nabla_\\theta V(X, \\theta_k)}`,
      `\\Gamma_{KL} &= \\overline{\\nabla_\\theta V(X_{\\text{ref}}, \\theta_k)} - \\overline{\\nabla_\\theta V(X, \\theta_k)}, \\quad X_{\\text{ref}} \\sim \\pi_{\\text{ref}}\\ ${text(`(${p.ref}, batch ${p.refBatch})`)}`,
      `\\theta_{k+1} &= \\theta_k + ${eta}\\, \\big(\\Gamma_R - ${lam}\\, \\Gamma_{KL}\\big)`,
    ),
    note: `Reward: ${p.reward === 'bump' ? `a Gaussian bump at (${num(p.bumpX)}, ${num(p.bumpY)}), width ${num(p.bumpWidth)}` : `the paper's ${p.reward} reward`}.`,
  });
  return out;
}

function ebm(p: EbmParams): EquationBlock[] {
  const g = num(p.gamma);
  return [{
    title: `Maximum-likelihood EBM with persistent chains (${num(p.particles)} chains, ${num(p.inner)} step(s) per update)`,
    tex: aligned(
      `\\tilde x &\\leftarrow \\tilde x - ${g}\\, \\nabla_x E_\\theta(\\tilde x) + \\sqrt{2 \\cdot ${g}}\\; \\xi`,
      `\\nabla_\\theta \\mathcal L &= \\mathbb E_{\\text{data}}\\big[\\nabla_\\theta E_\\theta(x)\\big] - \\mathbb E_{\\text{chains}}\\big[\\nabla_\\theta E_\\theta(\\tilde x)\\big]${p.energy === 'mlp' ? ' + 0.1\\, \\nabla_\\theta \\big(E_\\theta(x)^2 + E_\\theta(\\tilde x)^2\\big)' : ''}`,
      `\\theta &\\leftarrow \\operatorname{Adam}\\big(\\theta, \\nabla_\\theta \\mathcal L;\\ ${num(p.lr)}\\big), \\qquad ${text(`data batch ${p.batch}`)}`,
    ),
    note: p.energy === 'mlp' ? `Energy: an MLP of width ${p.hidden}.` : `Energy: a mixture of ${p.K} Gaussians.`,
  }];
}

function diffusion(p: DiffusionParams): EquationBlock[] {
  const T = num(p.T);
  const lam = num(p.lambda);
  const step = p.param === 'mlp' ? `\\theta_{k+1} = \\operatorname{Adam}\\big(\\theta_k, g_k;\\ ${num(p.lr)}\\big)` : `\\theta_{k+1} = \\theta_k + ${num(p.eta)}\\, g_k`;
  return [{
    title: `Fine-tuning a ${T}-step diffusion sampler, ${p.loop === 'queue' ? 'queue (one sampler step per update)' : `nested (${T} sampler steps per update)`}`,
    tex: aligned(
      p.loop === 'queue'
        ? `B_j &\\leftarrow \\Phi_{${T} - j}(B_j, \\theta_k, \\xi) \\ \\text{for every batch in the queue}; \\ \\text{pop the finished } x_0,\\ \\text{push } \\mathcal N(0, I)`
        : `x_0 &\\leftarrow \\Phi_1 \\circ \\dots \\circ \\Phi_{${T}}(x_{${T}}, \\theta_k), \\quad x_{${T}} \\sim \\mathcal N(0, I)`,
      `F(\\theta) &= \\mathbb E\\Big[R(x_0) - ${lam} \\sum_t \\frac{\\lVert \\mu_\\theta(x_t) - \\mu_{\\text{base}}(x_t) \\rVert^2}{2 \\tilde\\sigma_t^2}\\Big], \\qquad g_k = \\nabla_\\theta F(\\theta_k)`,
      `&${step}`,
    ),
  }];
}

export const implicitEquations = equationsFor((p: ImplicitParams) => (p.mode === 'ebm' ? ebm(p) : p.mode === 'diffusion' ? diffusion(p) : langevin(p)));
