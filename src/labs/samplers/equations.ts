// The Samplers lab's update rules with the current values (docs/samplers-lab.md; METHODS.md §0.1).
import { aligned, equationsFor, num, text, type EquationBlock } from '../common/latex';
import type { SamplersParams } from './params';
import { samplerEntry } from '../../core/samplers/catalog';
import { formulaEquation } from '../common/formula-equation';

const NOISE = '\\xi_k \\sim \\mathcal N(0, I)';

export const samplersEquations = equationsFor((p: SamplersParams) => {
  const h = num(p.step);
  const learned = p.score === 'learned';
  // one symbol for the score the sampler consumes: the exact ∇log p or the trained network
  const s = (x: string, t?: string) => (learned ? `s_\\theta(${x}${t ? `, ${t}` : ''})` : t ? `\\nabla \\log p_{${t}}(${x})` : `\\nabla \\log p(${x})`);
  const out: EquationBlock[] = [];
  const T = num(p.T);
  const sched = `${text(`${p.schedule} schedule`)}\\ \\beta_1, \\dots, \\beta_{${T}},\\quad \\bar\\alpha_t = \\textstyle\\prod_{s \\le t} (1 - \\beta_s),\\ a_t = \\sqrt{\\bar\\alpha_t},\\ s_t = \\sqrt{1 - \\bar\\alpha_t}`;
  const tweedie = `\\hat x_0 &= \\big(x_t + s_t^2\\, ${s('x_t', 't')}\\big) / a_t`;
  switch (p.sampler) {
    case 'ula':
      out.push({ title: 'Unadjusted Langevin (ULA)', tex: `x_{k+1} = x_k + ${h}\\, ${s('x_k')} + \\sqrt{2 \\cdot ${h}}\\; \\xi_k, \\qquad ${NOISE}` });
      break;
    case 'mala':
      out.push({
        title: 'MALA: Langevin proposal, Metropolis–Hastings accept',
        tex: aligned(
          `y &= x_k + ${h}\\, ${s('x_k')} + \\sqrt{2 \\cdot ${h}}\\; \\xi_k, \\qquad ${NOISE}`,
          `x_{k+1} &= \\begin{cases} y & \\text{with prob. } \\min\\Big(1, \\dfrac{p(y)\\, q(x_k \\mid y)}{p(x_k)\\, q(y \\mid x_k)}\\Big) \\\\ x_k & \\text{otherwise} \\end{cases}`,
          `q(y \\mid x) &= \\mathcal N\\big(y;\\ x + ${h}\\, ${s('x')},\\ 2 \\cdot ${h}\\, I\\big)`,
        ),
      });
      break;
    case 'rwm':
      out.push({
        title: 'Random-walk Metropolis: symmetric proposal, no gradient',
        tex: aligned(
          `y &= x_k + ${num(p.scale)}\\; \\xi_k, \\qquad ${NOISE}`,
          `x_{k+1} &= \\begin{cases} y & \\text{with prob. } \\min\\Big(1, \\dfrac{p(y)}{p(x_k)}\\Big) \\\\ x_k & \\text{otherwise} \\end{cases}`,
        ),
      });
      break;
    case 'gibbs':
      out.push({
        title: `Gibbs sampling on the mixture (${p.scan === 'random' ? 'random scan: one coordinate a step' : 'systematic scan: x₁ then x₂'})`,
        tex: aligned(
          `x_1 &\\sim p(x_1 \\mid x_2) = \\sum_k \\pi_k(x_2)\\, \\mathcal N\\big(\\mu_{k1} + \\tfrac{\\Sigma_{k,12}}{\\Sigma_{k,22}}(x_2 - \\mu_{k2}),\\ \\Sigma_{k,11} - \\tfrac{\\Sigma_{k,12}^2}{\\Sigma_{k,22}}\\big)`,
          `\\pi_k(x_2) &\\propto w_k\\, \\mathcal N(x_2;\\ \\mu_{k2}, \\Sigma_{k,22}), \\qquad x_2 \\sim p(x_2 \\mid x_1) \\text{ likewise}`,
        ),
      });
      break;
    case 'am':
      out.push({
        title: 'Adaptive Metropolis: the proposal learned from the chain',
        tex: aligned(
          `y &= x_t + \\varepsilon_t, \\qquad \\varepsilon_t \\sim \\begin{cases} \\mathcal N(0,\\ ${num(p.scale)}^2 I) & t \\le ${num(p.adaptStart)} \\\\ \\mathcal N\\big(0,\\ \\tfrac{2.4^2}{2}\\,(C_t + \\epsilon I)\\big) & t > ${num(p.adaptStart)} \\end{cases}`,
          `C_t &= \\operatorname{Cov}(x_0, \\dots, x_{t-1}) \\ \\text{of this chain}, \\qquad x_{t+1} = y \\text{ with prob. } \\min\\Big(1, \\dfrac{p(y)}{p(x_t)}\\Big)`,
        ),
      });
      break;
    case 'pt': {
      const K = p.replicas;
      const last = num(K - 1);
      out.push({
        title: `Parallel tempering: ${num(K)} replicas per particle, hottest temperature ${num(p.tMax)}, MALA moves then swaps`,
        tex: aligned(
          `\\beta_k &= {${num(p.tMax)}}^{-k/${last}}, \\quad k = 0, \\dots, ${last}, \\qquad h_k = ${h} / \\beta_k \\quad (\\beta_0 = 1\\text{: the particles shown})`,
          `y^{(k)} &= x^{(k)} + h_k \\beta_k\\, ${s('x^{(k)}')} + \\sqrt{2 h_k}\\; \\xi_k, \\quad \\text{MALA's accept on } p^{\\beta_k}`,
          `x^{(k)} &\\leftrightarrow x^{(k+1)} \\ \\text{with prob. } \\min\\Big(1, e^{(\\beta_k - \\beta_{k+1}) (\\log p(x^{(k+1)}) - \\log p(x^{(k)}))}\\Big), \\quad k \\equiv t \\pmod 2`,
        ),
        note: `Even pairs (0, 1), (2, 3), … at even iterations t, odd pairs (1, 2), (3, 4), … at odd ones${K === 2 ? ' (with K = 2 the one pair at every iteration)' : ''}; h_k β_k = h, so every replica drifts as the cold chain does and hot ones diffuse further. Every replica of a ladder starts at its particle.`,
      });
      break;
    }
    case 'slice':
      out.push({
        title: 'Slice sampling along a random direction (stepping out, shrinkage)',
        tex: aligned(
          `\\log y &= \\log p(x_k) - E,\\quad E \\sim \\text{Exp}(1), \\qquad d \\sim \\text{Uniform}(S^1)`,
          `[L, R] &\\ni 0 \\text{ of width } ${num(p.width)}, \\text{ stepped out by } ${num(p.width)} \\text{ while } p(x_k + L d) > y \\text{ (or } R\\text{)}`,
          `x_{k+1} &= x_k + u\\, d,\\quad u \\sim \\text{Uniform}[L, R] \\text{ until } p(x_k + u d) > y, \\text{ shrinking } [L, R] \\text{ towards } 0`,
        ),
      });
      break;
    case 'svgd': {
      const rep = p.repulsion !== false;
      const fixed = p.kernel === 'fixed';
      const n = num(p.particles);
      out.push({
        title: `SVGD: ${n} particles, RBF kernel, ${fixed ? `fixed h = ${num(p.bandwidth)}` : 'median-heuristic bandwidth'}, step ε = ${num(p.svgdStep)}${rep ? '' : ', repulsion off'}`,
        tex: aligned(
          rep
            ? `\\phi(x_i) &= \\frac{1}{${n}} \\sum_{j=1}^{${n}} \\Big[ k(x_j, x_i)\\, ${s('x_j')} + \\nabla_{x_j} k(x_j, x_i) \\Big]`
            : `\\phi(x_i) &= \\frac{1}{${n}} \\sum_{j=1}^{${n}} k(x_j, x_i)\\, ${s('x_j')} \\qquad ${text('(no repulsive term)')}`,
          `k(x, y) &= \\exp\\big(-\\lVert x - y \\rVert^2 / h\\big), \\qquad h = ${fixed ? num(p.bandwidth) : `\\operatorname{med}^2 / \\log(${n} + 1)`}`,
          `G_t &= 0.9\\, G_{t-1} + 0.1\\, \\phi(x_i)^2 \\quad (G_0 = \\phi(x_i)^2), \\qquad x_i \\leftarrow x_i + ${num(p.svgdStep)}\\, \\frac{\\phi(x_i)}{10^{-6} + \\sqrt{G_t}}`,
        ),
        note: `${fixed ? '' : 'med: the median distance between particles (among the first 1 000). '}AdaGrad with momentum, per coordinate, as the paper's code; no noise, so the run is deterministic given the initial particles (Liu & Wang 2016).`,
      });
      break;
    }
    case 'hmcda':
      out.push({
        title: `HMC with dual averaging: each chain tunes its step towards acceptance δ = ${num(p.delta)}`,
        tex: aligned(
          `\\bar H_m &= \\big(1 - \\tfrac{1}{m + 10}\\big) \\bar H_{m-1} + \\tfrac{1}{m + 10}\\,(${num(p.delta)} - \\alpha_m), \\qquad \\log \\varepsilon_{m+1} = \\log(10 \\cdot ${num(p.step)}) - \\tfrac{\\sqrt m}{0.05}\\, \\bar H_m`,
          `\\log \\bar\\varepsilon_m &= m^{-0.75} \\log \\varepsilon_{m+1} + (1 - m^{-0.75}) \\log \\bar\\varepsilon_{m-1}, \\qquad m \\le ${num(p.adaptSteps)}, \\text{ then } \\varepsilon = \\bar\\varepsilon`,
          `&\\text{each iteration: } ${num(p.leapfrog)} \\text{ leapfrog steps of size } \\varepsilon \\text{ and a Metropolis test, as HMC}`,
        ),
      });
      break;
    case 'nuts': {
      const D = num(p.maxDepth);
      out.push({
        title: `NUTS: each trajectory doubled until it turns back (depth at most ${D}), the next point drawn from it; steps tuned towards δ = ${num(p.delta)}`,
        tex: aligned(
          `v &\\sim \\mathcal N(0, I), \\quad H(x, v) = -\\log p(x) + \\tfrac12 \\lVert v \\rVert^2, \\quad H_0 = H(x_k, v), \\quad \\mathcal T_0 = \\{(x_k, v)\\}`,
          `\\mathcal T_{j+1} &= \\mathcal T_j \\cup \\{ 2^j \\text{ leapfrog steps of size } \\pm\\varepsilon \\text{ from its end on a random side} \\}, \\quad j < ${D}`,
          `&\\text{stop at a U-turn: } v^- \\cdot \\rho \\le 0 \\text{ or } v^+ \\cdot \\rho \\le 0, \\ \\rho = \\textstyle\\sum_{z} v_z, \\text{ on the new trajectory or any subtree (the subtree is dropped), or at } H - H_0 > 1000`,
          `x_{k+1} &= z \\in \\mathcal T \\text{ with prob.} \\propto e^{H_0 - H(z)} \\quad \\text{(multinomial: within a subtree, then the new subtree with prob. } \\min(1, W_{\\text{new}} / W_{\\text{old}}))`,
          `\\alpha_m &= \\operatorname{mean}_{z} \\min\\big(1, e^{H_0 - H(z)}\\big), \\quad \\bar H_m = \\big(1 - \\tfrac{1}{m + 10}\\big) \\bar H_{m-1} + \\tfrac{1}{m + 10}\\,(${num(p.delta)} - \\alpha_m), \\quad \\log \\varepsilon_{m+1} = \\log(10 \\cdot ${num(p.step)}) - \\tfrac{\\sqrt m}{0.05}\\, \\bar H_m`,
          `\\log \\bar\\varepsilon_m &= m^{-0.75} \\log \\varepsilon_{m+1} + (1 - m^{-0.75}) \\log \\bar\\varepsilon_{m-1}, \\qquad m \\le ${num(p.adaptSteps)}, \\text{ then } \\varepsilon = \\bar\\varepsilon`,
        ),
        note: 'Per chain: v⁻, v⁺ the momenta at the two ends of a span, W the summed weights e^(H₀ − H) of the old trajectory and of the new subtree; every merge of two halves is also checked with each half plus the first state of the other (Stan). Hoffman & Gelman 2014, Algorithms 3 and 6; Betancourt 2017 for the multinomial draw.',
      });
      break;
    }
    case 'hmc':
      out.push({
        title: `HMC: ${num(p.leapfrog)} leapfrog steps of size ε = ${num(p.step)}, then accept`,
        tex: aligned(
          `v &\\sim \\mathcal N(0, I), \\quad (x^{(0)}, v^{(0)}) = (x_k, v)`,
          `v^{(l+\\frac12)} &= v^{(l)} + \\tfrac{${h}}{2}\\, ${s('x^{(l)}')}, \\quad x^{(l+1)} = x^{(l)} + ${h}\\, v^{(l+\\frac12)}, \\quad v^{(l+1)} = v^{(l+\\frac12)} + \\tfrac{${h}}{2}\\, ${s('x^{(l+1)}')}, \\quad l = 0, \\dots, ${num(p.leapfrog - 1)}`,
          `x_{k+1} &= x^{(${num(p.leapfrog)})} \\ \\text{with prob. } \\min\\big(1, e^{H(x_k, v) - H(x^{(${num(p.leapfrog)})}, v^{(${num(p.leapfrog)})})}\\big), \\quad H(x, v) = -\\log p(x) + \\tfrac12 \\lVert v \\rVert^2`,
        ),
      });
      break;
    case 'annealed':
      out.push({
        title: `Annealed Langevin: ${num(p.levels)} noise levels, ${num(p.perLevel)} steps each`,
        tex: aligned(
          `x_{k+1} &= x_k + \\alpha_i\\, ${s('x_k', '\\sigma_i')} + \\sqrt{2 \\alpha_i}\\; \\xi_k, \\qquad \\alpha_i = ${h}\\, \\sigma_i^2`,
          `\\sigma_1 &> \\sigma_2 > \\dots > \\sigma_{${num(p.levels)}}, \\quad ${num(p.perLevel)} \\text{ steps at each level}`,
        ),
      });
      break;
    case 'ddpm':
      out.push({
        title: `DDPM ancestral sampling, T = ${T}`,
        tex: aligned(
          tweedie,
          `x_{t-1} &= \\frac{\\sqrt{\\bar\\alpha_{t-1}}\\, \\beta_t}{1 - \\bar\\alpha_t}\\, \\hat x_0 + \\frac{\\sqrt{\\alpha_t}\\, (1 - \\bar\\alpha_{t-1})}{1 - \\bar\\alpha_t}\\, x_t + \\tilde\\sigma_t z, \\quad \\tilde\\sigma_t^2 = \\beta_t \\frac{1 - \\bar\\alpha_{t-1}}{1 - \\bar\\alpha_t}, \\quad t = ${T}, \\dots, 1`,
        ),
        note: `$${sched}$; no noise at the last step.`,
      });
      break;
    case 'ddim':
      out.push({
        title: `DDIM, T = ${T}, η = ${num(p.eta)}`,
        tex: aligned(
          tweedie + `, \\qquad \\hat\\varepsilon = -s_t\\, ${s('x_t', 't')}`,
          `x_{t-1} &= \\sqrt{\\bar\\alpha_{t-1}}\\, \\hat x_0 + \\sqrt{1 - \\bar\\alpha_{t-1} - \\sigma_t^2}\\; \\hat\\varepsilon + \\sigma_t z`,
          `\\sigma_t &= ${num(p.eta)} \\sqrt{\\frac{1 - \\bar\\alpha_{t-1}}{1 - \\bar\\alpha_t}} \\sqrt{1 - \\frac{\\bar\\alpha_t}{\\bar\\alpha_{t-1}}}`,
        ),
        note: `$${sched}$.`,
      });
      break;
    case 'flow':
      out.push({
        title: `Probability-flow ODE, ${p.integrator === 'euler' ? 'Euler' : 'Heun'}, T = ${T} steps`,
        tex: aligned(
          `\\frac{dy}{d\\sigma} &= \\hat\\varepsilon(x), \\qquad y = x / a_t, \\quad \\sigma = s_t / a_t, \\quad \\hat\\varepsilon = -s_t\\, ${s('x', 't')}`,
          p.integrator === 'euler'
            ? `y_{i+1} &= y_i + (\\sigma_{i+1} - \\sigma_i)\\, \\hat\\varepsilon(y_i) \\quad (= \\text{DDIM}, \\eta = 0)`
            : `\\tilde y &= y_i + (\\sigma_{i+1} - \\sigma_i)\\, \\hat\\varepsilon(y_i), \\quad y_{i+1} = y_i + \\tfrac12 (\\sigma_{i+1} - \\sigma_i) \\big(\\hat\\varepsilon(y_i) + \\hat\\varepsilon(\\tilde y)\\big)`,
        ),
        note: `$${sched}$.`,
      });
      break;
    default: {
      // a sampler without a rule of its own here: its catalog line (core/samplers/catalog.ts)
      // (the line is plain Unicode, so it goes in the note; the display names the step by its URL id)
      const e = samplerEntry(p.sampler);
      const id = String(p.sampler).replace(/[^a-z0-9-]/gi, '');
      out.push({ title: e?.label ?? 'Unknown sampler', tex: `x_{k+1} = ${text(id || '?')}(x_k)`, note: e ? `${e.update} (${e.source}).` : 'unknown sampler' });
    }
  }
  if (learned) {
    out.push({
      title: `Learned score: denoising score matching, ${num(p.trainSteps)} Adam steps, lr ${num(p.lr)}, width ${num(p.hidden)}`,
      tex: `\\mathcal L(\\theta) = \\mathbb E_{x_0, t, \\varepsilon} \\big\\lVert \\varepsilon + s_t\\, s_\\theta(a_t x_0 + s_t \\varepsilon, t) \\big\\rVert^2, \\qquad \\theta \\leftarrow \\operatorname{Adam}(\\theta, \\nabla_\\theta \\mathcal L;\\ ${num(p.lr)})`,
    });
  }
  // a typed target first: what is sampled, then how
  if (p.target === 'formula') out.unshift(formulaEquation(p));
  return out;
});
