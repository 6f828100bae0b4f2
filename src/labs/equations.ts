// lab id -> its equation builder (params -> LaTeX), from each lab's registration (labs.ts). No tfjs
// behind it: the UI thread imports this.
import { LAB_IDS, type LabId } from './types';
import type { EquationBuilder } from './common/latex';
import { LABS } from './labs';

export type { EquationBlock, EquationBuilder } from './common/latex';

export const LAB_EQUATIONS = Object.fromEntries(LAB_IDS.map((id) => [id, LABS[id].equations])) as Record<LabId, EquationBuilder>;
