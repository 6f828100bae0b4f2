// lab id -> its equation builder (params -> LaTeX). No tfjs behind it: the UI thread imports this.
import type { LabId } from './types';
import type { EquationBuilder } from './common/latex';
import { samplersEquations } from './samplers/equations';
import { mismatchEquations } from './mismatch/equations';
import { implicitEquations } from './implicit/equations';
import { diklEquations } from './dikl/equations';
import { guidanceEquations } from './guidance/equations';
import { dxmiEquations } from './dxmi/equations';

export type { EquationBlock, EquationBuilder } from './common/latex';

export const LAB_EQUATIONS: Record<LabId, EquationBuilder> = {
  samplers: samplersEquations,
  mismatch: mismatchEquations,
  implicit: implicitEquations,
  dikl: diklEquations,
  guidance: guidanceEquations,
  dxmi: dxmiEquations,
};
