// The Gradient-guidance lab's rounds with the current values: naive G vs look-ahead G_loss, the
// guided DDPM pass and Algorithm 2's fine-tuning (METHODS.md §4.1–4.2; docs/guidance-lab.md).
import { aligned, equationsFor, num, type EquationBlock } from '../common/latex';
import type { GuidanceParams } from './params';

export const guidanceEquations = equationsFor((p: GuidanceParams) => {
  const sig = num(p.sigma);
  const scale = p.betaScale === 1 ? '' : `${num(p.betaScale)} \\cdot `;
  const constant = p.beta > 0;
  const naive = p.guidance === 'naive';
  const beta = constant
    ? `\\beta_t = ${num(p.beta)} \\ \\text{(constant)}`
    : naive
      ? `\\beta_t = ${scale}\\frac{\\alpha_t}{${sig}^2 + h_t \\lVert g \\rVert^2}`
      : `\\beta_t = ${scale}\\frac{\\alpha_t^2 / 2}{\\alpha_t^2\\, ${sig}^2 + h_t \\lVert \\nabla_{x_t} (g^\\top \\hat x_0) \\rVert^2}`;
  const G = naive
    ? `G(x_t) &= \\beta_t\\, \\big(y - g^\\top \\hat x_0(x_t)\\big)\\, g`
    : `G_{\\text{loss}}(x_t) &= -\\beta_t \\nabla_{x_t} \\big(y - g^\\top \\hat x_0(x_t)\\big)^2 = 2 \\beta_t\\, \\big(y - g^\\top \\hat x_0\\big) \\Big(\\frac{\\partial \\hat x_0}{\\partial x_t}\\Big)^{\\!\\top} g`;
  const out: EquationBlock[] = [{
    title: `One guidance round (Algorithm ${p.algorithm}): B = ${num(p.batch)} chains, δ = ${num(p.delta)}`,
    tex: aligned(
      `g_k^i &= \\nabla f(z_k^i), \\qquad y_k^i = ${num(p.delta)} + g_k^{i\\top} z_k^i`,
      `z_{k+1}^i &\\leftarrow \\text{guided DDPM, } T = ${num(p.T)}, \\text{ with score } s_\\theta(x_t, t) + G(x_t;\\, g_k^i, y_k^i)`,
    ),
  }, {
    title: naive ? `Naive guidance G, σ = ${num(p.sigma)}` : `Look-ahead guidance G_loss, σ = ${num(p.sigma)}`,
    tex: aligned(G, `&${beta}`, `\\hat x_0(x_t) &= \\big(x_t + h_t\\, s_\\theta(x_t, t)\\big) / \\alpha_t, \\quad \\alpha_t = \\sqrt{\\bar\\alpha_t}, \\quad h_t = 1 - \\bar\\alpha_t`),
    note: naive
      ? 'G adds the whole of g, including the part that points off the data’s subspace.'
      : 'G_loss goes through the Jacobian of x̂₀, so it stays in the data’s subspace.',
  }];
  if (p.algorithm === '2') {
    out.push({
      title: `Algorithm 2: from round ${num(p.ftStart)}, ${num(p.ftSteps)} Adam steps (lr ${num(p.ftLr)}) on the newest batch`,
      tex: `\\theta \\leftarrow \\operatorname{Adam}\\Big(\\theta,\\ \\nabla_\\theta\\, \\mathbb E_{t, \\varepsilon} \\big\\lVert \\hat\\varepsilon_\\theta\\big(\\sqrt{\\bar\\alpha_t}\\, z_k + \\sqrt{1 - \\bar\\alpha_t}\\, \\varepsilon, t\\big) - \\varepsilon \\big\\rVert^2;\\ ${num(p.ftLr)}\\Big)`,
    });
  }
  return out;
});
