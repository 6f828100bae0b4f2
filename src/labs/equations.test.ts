import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { LAB_SCHEMAS } from './schemas';
import { LAB_EQUATIONS } from './equations';
import { validateParams } from './codec/url-codec';
import { paramsWith } from './modes';
import type { LabId, ParamValue } from './types';
import { num } from './common/latex';

const labs = Object.keys(LAB_SCHEMAS) as LabId[];

/** every block's display math and every $…$ in its note render without a KaTeX error */
function renderAll(lab: LabId, params: Record<string, ParamValue>): string {
  const blocks = LAB_EQUATIONS[lab](params);
  expect(blocks.length).toBeGreaterThan(0);
  let all = '';
  for (const b of blocks) {
    expect(b.title.length).toBeGreaterThan(0);
    katex.renderToString(b.tex, { throwOnError: true, strict: 'error', displayMode: true });
    for (const m of (b.note ?? '').matchAll(/\$([^$]+)\$/g)) katex.renderToString(m[1], { throwOnError: true, strict: 'error' });
    all += `${b.title}\n${b.tex}\n${b.note ?? ''}\n`;
  }
  return all;
}

const withParams = (lab: LabId, patch: Record<string, ParamValue>) => paramsWith(LAB_SCHEMAS[lab]!, patch);

describe('equations', () => {
  it('render for every preset and every value of every enum of every lab', () => {
    for (const lab of labs) {
      const schema = LAB_SCHEMAS[lab]!;
      for (const p of schema.presets) renderAll(lab, validateParams(schema, { preset: p.id }).params);
      for (const spec of schema.params) {
        // a mode's own key is set in that mode
        const mode = spec.modes && schema.modeKey ? { [schema.modeKey]: spec.modes[0] } : {};
        if (spec.kind === 'enum') for (const v of spec.values ?? []) renderAll(lab, withParams(lab, { ...mode, [spec.key]: v }));
        if (spec.kind === 'bool') for (const v of [true, false]) renderAll(lab, withParams(lab, { ...mode, [spec.key]: v }));
      }
    }
  });

  it('write the current values into the rule', () => {
    const cases: [LabId, Record<string, ParamValue>, string[]][] = [
      ['samplers', { sampler: 'ula', step: 0.037 }, ['0.037', '\\sqrt{2 \\cdot 0.037}']],
      ['samplers', { sampler: 'mala', step: 0.037 }, ['0.037', '\\min']],
      ['samplers', { sampler: 'gibbs', scan: 'random' }, ['\\pi_k(x_2)', 'random scan']],
      ['samplers', { sampler: 'am', scale: 0.37, adaptStart: 150 }, ['0.37^2 I', 't \\le 150', '\\tfrac{2.4^2}{2}']],
      ['samplers', { sampler: 'slice', width: 0.37 }, ['width } 0.37', '\\text{Exp}(1)']],
      ['samplers', { sampler: 'hmcda', step: 0.3, delta: 0.65, adaptSteps: 700, leapfrog: 7 }, ['0.65 - \\alpha_m', 'm \\le 700', '10 \\cdot 0.3']],
      ['samplers', { sampler: 'nuts', step: 0.3, delta: 0.65, adaptSteps: 700, maxDepth: 7 }, ['j < 7', 'depth at most 7', '0.65 - \\alpha_m', 'm \\le 700', '10 \\cdot 0.3', '\\propto e^{H_0 - H(z)}']],
      ['samplers', { sampler: 'rwm', scale: 0.37 }, ['0.37', '\\dfrac{p(y)}{p(x_k)}']],
      ['samplers', { sampler: 'pt', step: 0.037, replicas: 7, tMax: 370 }, ['{370}^{-k/6}', 'h_k = 0.037 / \\beta_k', '\\leftrightarrow']],
      ['samplers', { sampler: 'hmc', step: 0.037, leapfrog: 7 }, ['0.037', 'x^{(7)}']],
      ['samplers', { sampler: 'svgd', svgdStep: 0.037, kernel: 'fixed', bandwidth: 0.37, repulsion: false, particles: 77 }, ['0.037\\, \\frac{\\phi(x_i)}', 'h = 0.37', '\\frac{1}{77}', 'no repulsive term']],
      ['samplers', { sampler: 'svgd', kernel: 'median', particles: 77 }, ['\\operatorname{med}^2 / \\log(77 + 1)', '\\nabla_{x_j} k(x_j, x_i)']],
      ['samplers', { sampler: 'ddim', eta: 0.37, T: 57 }, ['0.37', '57']],
      ['samplers', { sampler: 'ddpm', T: 57, schedule: 'cosine', score: 'learned', lr: 0.0037 }, ['57', 'cosine', 's_\\theta', '0.0037']],
      ['mismatch', { rule: 'bo-ddnm', sigmaY: 0.37 }, ['0.37^2']],
      ['mismatch', { rule: 'bo-ddnm', sigmaY: 0.37, noiseMismatch: true, sigmaYAssumed: 0.13 }, ['0.13^2', 'assumes 0.13']],
      ['mismatch', { rule: 'dps', zeta: 0.37 }, ['0.37\\;']],
      ['mismatch', { rule: 'ddnm-plus', eta: 0.77 }, ['0.77']],
      ['mismatch', { mode: 'uncond', score: 'perturb', eps: 0.37, T: 77 }, ['0.37', '77']],
      ['implicit', { gamma: 0.037, eta: 0.37, lambda: 0.7 }, ['0.037', '0.37', '0.7\\, \\Gamma_{KL}']],
      ['implicit', { mode: 'ebm', gamma: 0.0037, lr: 0.0013 }, ['0.0037', '0.0013']],
      ['implicit', { mode: 'diffusion', T: 7, lambda: 0.37, eta: 3.7 }, ['0.37', '3.7', '\\Phi_{7 - j}']],
      ['dikl', { weighting: 's2-over-a', T: 37, lr: 0.0037 }, ['s_t^2 / a_t', '36', '0.0037']],
      ['dikl', { objective: 'rkl' }, ['\\mathrm{KL}(p_\\phi^{(1)}', 'x_1 = a_1']],
      ['guidance', { guidance: 'gloss', delta: 0.37, sigma: 0.13 }, ['0.37', '0.13^2', 'G_{\\text{loss}}']],
      ['guidance', { guidance: 'naive', beta: 7 }, ['7 \\ \\text{(constant)}', 'G(x_t)']],
      ['dxmi', { tau: 0.37, tauVelocity: 0.013, gamma: 0.7, T: 6 }, ['0.37 \\log \\sigma_t', '0.013', '0.7\\,', 'x_{6}']],
    ];
    for (const [lab, patch, needles] of cases) {
      const s = renderAll(lab, withParams(lab, patch));
      for (const n of needles) expect(s, `${lab} ${JSON.stringify(patch)}`).toContain(n);
    }
  });

  it('format numbers for LaTeX', () => {
    expect(num(0.05)).toBe('0.05');
    expect(num(0.1 + 0.2)).toBe('0.3');
    expect(num(1e-5)).toBe('10^{-5}');
    expect(num(2.5e-6)).toBe('2.5\\times 10^{-6}');
    expect(num(NaN)).toBe('\\text{?}');
  });
});
