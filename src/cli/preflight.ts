// Checks the CLI makes on a valid link before it runs: settings the URL codec must accept (the app
// opens such a link and waits for the user) but a headless run cannot use. Each is a UsageError that
// says what to change on the command line.
import type { LabSchema, ParamValue } from '../labs/types';
import { UsageError } from './args';

/**
 * A drawn data set with no points. In the app the plane waits for the user to draw; here nothing will
 * ever be drawn, and the experiment would throw (DxMI, Implicit's EBM) or run zero iterations (Samplers).
 */
function emptyDrawing(lab: LabSchema, params: Record<string, ParamValue>): string | null {
  for (const spec of lab.params) {
    if (spec.kind !== 'xy' || (spec.when && !spec.when(params))) continue;
    const v = params[spec.key];
    if (v instanceof Float32Array && v.length > 0) continue;
    // the setting that chose the drawn data set (target=drawn, data=drawn), to name the other way out
    const chooser = lab.params.find((s) => s.kind === 'enum' && params[s.key] === 'drawn');
    const chose = chooser ? `${chooser.key}=drawn` : `this ${lab.id} experiment`;
    const other = chooser ? `, or choose another ${chooser.key}` : '';
    return `${chose} needs drawn points and ${spec.key} is empty: add ${spec.key}=<points> (draw them in the app, then copy its link)${other}`;
  }
  return null;
}

export function preflight(lab: LabSchema, params: Record<string, ParamValue>): void {
  const problem = emptyDrawing(lab, params);
  if (problem) throw new UsageError(problem);
}
