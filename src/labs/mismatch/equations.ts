// The Score-mismatch lab's sampler and zero-shot rules with the current values (METHODS.md §2.1–2.2;
// docs/mismatch-lab.md for DDNM+).
import { aligned, equationsFor, num, text, type EquationBlock } from '../common/latex';
import type { MismatchParams } from './params';

const XHAT = '\\hat x_0(x) = \\big(x + (1 - \\bar\\alpha_t)\\, s_t(x)\\big) / \\sqrt{\\bar\\alpha_t}';

export const mismatchEquations = equationsFor((p: MismatchParams) => {
  const T = num(p.T);
  const v = p.variance === 'small' ? '\\tilde\\sigma_t^2 = \\beta_t \\frac{1 - \\bar\\alpha_{t-1}}{1 - \\bar\\alpha_t}' : '\\beta_t';
  const out: EquationBlock[] = [{
    title: `DDPM sampler with score s̃, T = ${T}, ${p.schedule} schedule, ${p.variance === 'small' ? 'fixed-small' : 'fixed-large'} variance`,
    tex: aligned(
      `\\mu_t(x) &= \\big(x + \\beta_t\\, \\tilde s_t(x)\\big) / \\sqrt{\\alpha_t}`,
      `x_{t-1} &\\sim \\mathcal N\\big(\\mu_t(x_t),\\ v_t I\\big), \\quad v_t = ${v}, \\quad t = ${T}, \\dots, 1`,
    ),
    note: 'No noise at the last step.',
  }];
  if (p.mode === 'uncond') {
    const src = p.score === 'perturb'
      ? `\\tilde s_t(x) = \\nabla \\log p_t(x) + ${num(p.eps)}\\; u(x), \\quad u = ${text(p.perturb)}`
      : p.score === 'learned'
        ? `\\tilde s_t(x) = s_\\theta(x, t) \\quad ${text(`(DSM on the training mixture, ${p.trainSteps} steps)`)}`
        : `\\tilde s_t(x) = \\nabla \\log p^{\\text{train}}_t(x) \\quad ${text('(exact score of the training mixture)')}`;
    out.push({
      title: 'Mismatched score and its accumulated mismatch',
      tex: aligned(`&${src}`, `\\Delta_t(x) &= \\tilde s_t(x) - \\nabla \\log q_t(x), \\qquad B_T = \\sum_{t=1}^{${T}} \\frac{\\beta_t}{2}\\, \\mathbb E_{x \\sim q_t} \\lVert \\Delta_t(x) \\rVert^2`),
    });
    return out;
  }
  // the rule uses the σ_y it assumes, which may differ from the true one
  const sy = num(p.noiseMismatch ? p.sigmaYAssumed : p.sigmaY);
  const meas: EquationBlock = {
    title: `Measurement y = A x₀ + n, σ_y = ${num(p.sigmaY)}${p.noiseMismatch ? ` (the rule assumes ${num(p.sigmaYAssumed)})` : ''}`,
    tex: `y = A x_0 + n, \\quad n \\sim \\mathcal N(0, ${num(p.sigmaY)}^2 I), \\quad A = ${p.op === 'identity' ? 'I' : `[\\cos ${num(p.phi)}^\\circ,\\ \\sin ${num(p.phi)}^\\circ]`}, \\quad P = A^{+} A`,
  };
  out.push(meas);
  const proj = (den: string) => `\\tilde s_t(x) = (I - P)\\, s_t(x) + P\\, \\frac{\\sqrt{\\bar\\alpha_t}\\, A^{+} y - x}{${den}}`;
  switch (p.rule) {
    case 'oracle':
      out.push({ title: 'Oracle: the exact conditional score (no mismatch)', tex: `\\tilde s_t(x) = \\nabla \\log q_t(x \\mid y)` });
      break;
    case 'uncond':
      out.push({ title: 'Unconditional: the prior score, y ignored', tex: `\\tilde s_t(x) = s_t(x) = \\nabla \\log p_t(x)` });
      break;
    case 'ddnm':
      out.push({ title: 'DDNM (noise-free): x̂₀|y = A⁺y + (I − P) x̂₀', tex: proj('1 - \\bar\\alpha_t') });
      break;
    case 'bo-ddnm':
      out.push({ title: `BO-DDNM with σ_y = ${sy}`, tex: proj(`1 - \\bar\\alpha_t + \\bar\\alpha_t \\cdot ${sy}^2`) });
      break;
    case 'dps':
      out.push({ title: `DPS, ζ = ${num(p.zeta)}`, tex: aligned(`\\tilde s_t(x) &= s_t(x) - ${num(p.zeta)}\\; \\nabla_x \\big\\lVert y - A\\, \\hat x_0(x) \\big\\rVert^2`, `&${XHAT}`) });
      break;
    case 'pigdm':
      out.push({
        title: `ΠGDM with σ_y = ${sy}`,
        tex: aligned(`\\tilde s_t(x) &= s_t(x) + \\Big(\\frac{\\partial \\hat x_0}{\\partial x}\\Big)^{\\!\\top} A^\\top \\big(r_t^2 A A^\\top + ${sy}^2 I\\big)^{-1} \\big(y - A\\, \\hat x_0(x)\\big)`, `&${XHAT}`),
      });
      break;
    default:
      out.push({
        title: `DDNM+ with σ̂_y = ${sy}, η = ${num(p.eta)} (its own DDIM-η step)`,
        tex: aligned(
          `\\hat x_0^{+} &= \\hat x_0 - V \\Lambda V^\\top A^{+} (A \\hat x_0 - y), \\qquad x_{t-1} = a\\, \\hat x_0^{+} + D_1 z + D_2\\, \\hat\\varepsilon`,
          `a &= \\sqrt{\\bar\\alpha_{t-1}}, \\quad \\sigma = \\sqrt{1 - \\bar\\alpha_{t-1}}, \\quad \\theta = a \\cdot ${sy}`,
          `\\text{observed}, \\sigma > \\theta:&\\ \\lambda = 1,\\ D_1 = \\sqrt{\\sigma^2 - \\theta^2},\\ D_2 = 0`,
          `\\text{observed}, \\sigma < \\theta:&\\ \\lambda = \\sigma \\sqrt{1 - ${num(p.eta)}^2} / \\theta,\\ D_1 = ${num(p.eta)}\\, \\sigma,\\ D_2 = 0`,
          `\\text{null space}:&\\ \\lambda = 1,\\ D_1 = ${num(p.eta)}\\, \\sigma,\\ D_2 = \\sigma \\sqrt{1 - ${num(p.eta)}^2}`,
        ),
      });
  }
  out.push({
    title: 'Mismatch and its accumulation',
    tex: `\\Delta_t(x) = \\tilde s_t(x) - \\nabla \\log q_t(x \\mid y), \\qquad B_T = \\sum_{t=1}^{${T}} \\frac{\\beta_t}{2}\\, \\mathbb E_{x \\sim q_t(\\cdot \\mid y)} \\lVert \\Delta_t(x) \\rVert^2`,
  });
  return out;
});
