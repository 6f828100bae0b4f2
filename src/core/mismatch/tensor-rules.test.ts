// The tensor rules (any mixture prior) agree with the affine closed forms on a Gaussian prior, for every rule,
// for a row operator and for A = I.
import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { applyAffine, ruleAffine } from './affine-rules';
import { SCORE_RULE_IDS } from './measurement';
import { ruleScoreTensor } from './tensor-rules';
import { toMixtureSetup } from './mixture-setup';
import { setup } from './test-fixtures';
import type { V2 } from './mat2';

const pts: V2[] = [[0.3, -0.7], [1.5, 0.4], [-2, 1.1], [0, 0]];

describe('tensor rules = affine rules on a Gaussian prior', () => {
  for (const opts of [{ phi: 35, sigmaY: 0.3 }, { kind: 'identity' as const, sigmaY: 0.1, y: [0.5, 1] }]) {
    it(`all rules agree (${opts.kind ?? 'row'})`, () => {
      const cs = setup({ ...opts, zeta: 0.6 });
      const ms = toMixtureSetup(cs);
      for (const level of [{ a: 0.95, s2: 1 - 0.95 ** 2 }, { a: 0.3, s2: 0.91 }]) {
        for (const rule of SCORE_RULE_IDS) {
          const x = tf.tensor2d(pts.flat(), [pts.length, 2]) as Tensor2D;
          const got = ruleScoreTensor(rule, x, level, ms);
          const v = got.dataSync();
          x.dispose();
          got.dispose();
          const f = ruleAffine(rule, cs, level.a, level.s2);
          pts.forEach((p, i) => {
            const want = applyAffine(f, p);
            expect(v[2 * i], `${rule} x`).toBeCloseTo(want[0], 3);
            expect(v[2 * i + 1], `${rule} y`).toBeCloseTo(want[1], 3);
          });
        }
      }
    });
  }
});
