// Trained network weights as a JSON file that can be loaded back: typed arrays become plain arrays,
// and a header says which lab and which settings produced them, so a wrong file is refused with a
// reason instead of silently breaking the run.
import type { WeightsMsg } from '../protocol/messages';

export const WEIGHTS_FORMAT = 'sampling-playground-weights';

export function encodeWeightsFile(lab: string, hash: string, w: WeightsMsg): string {
  const { shapes, values, ...meta } = w;
  return JSON.stringify({ format: WEIGHTS_FORMAT, version: 1, lab, link: hash, meta, shapes, values: values.map((v) => Array.from(v)) });
}

/** parse and check a weights file; throws an Error whose message says what is wrong */
export function decodeWeightsFile(text: string, lab: string): WeightsMsg {
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch {
    throw new Error('the file is not JSON');
  }
  const o = j as { format?: unknown; lab?: unknown; meta?: unknown; shapes?: unknown; values?: unknown };
  if (o.format !== WEIGHTS_FORMAT) throw new Error('the file is not a weights file of this playground');
  if (o.lab !== lab) throw new Error(`the weights are from the ${String(o.lab)} lab, not ${lab}`);
  if (!Array.isArray(o.shapes) || !Array.isArray(o.values) || o.shapes.length !== o.values.length) throw new Error('shapes and values do not match');
  const values = (o.values as unknown[]).map((v, i) => {
    const shape = (o.shapes as unknown[])[i];
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d > 0)) throw new Error(`tensor ${i} has a bad shape`);
    const size = shape.reduce((a: number, b: number) => a * b, 1);
    if (!Array.isArray(v) || v.length !== size) throw new Error(`tensor ${i} should have ${size} values`);
    if (!v.every((x) => typeof x === 'number' && Number.isFinite(x))) throw new Error(`tensor ${i} has a value that is not a finite number`);
    return Float32Array.from(v as number[]);
  });
  const meta = o.meta && typeof o.meta === 'object' ? (o.meta as Record<string, unknown>) : {};
  return { ...meta, shapes: o.shapes as number[][], values };
}
