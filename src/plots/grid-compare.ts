// Whether two scalar grids are the same picture (pure: tested in Node).
import type { ScalarGrid } from './heatmap';
import { sameBox } from './scale';

/** same size, box and values (a 96 x 96 compare costs microseconds; contouring costs tens of ms) */
export function sameGrid(a: ScalarGrid | null, b: ScalarGrid | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.nx !== b.nx || a.ny !== b.ny || a.log !== b.log || !sameBox(a.box, b.box)) return false;
  const va = a.values;
  const vb = b.values;
  if (va.length !== vb.length) return false;
  for (let i = 0; i < va.length; i++) if (va[i] !== vb[i] && !(Number.isNaN(va[i]) && Number.isNaN(vb[i]))) return false;
  return true;
}
