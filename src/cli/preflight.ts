// Checks the CLI makes on a valid link before it runs: settings the URL codec must accept (the app
// opens such a link and waits for the user) but a headless run cannot use. Each is a UsageError that
// says what to change on the command line.
import type { LabSchema, ParamValue } from '../labs/types';
import { UsageError } from './args';
import { checkFormula } from '../core/targets/formula/check';
import { draftOfParams } from '../labs/common/formula-keys';

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
    return `${chose} needs drawn points and ${spec.key} is empty: add ${spec.key}=<points> (draw them or load a CSV/JSON file in the app, then copy its link)${other}`;
  }
  return null;
}

/**
 * A formula that does not parse or has no normalizable density: the message the app shows under the
 * field, with the position, so the command line can be fixed without opening the app.
 */
function badFormula(lab: LabSchema, params: Record<string, ParamValue>): string | null {
  const spec = lab.params.find((s) => s.editor === 'formula' && (!s.when || s.when(params)));
  if (!spec) return null;
  const draft = draftOfParams(params);
  const c = checkFormula(draft);
  if (c.ok) return null;
  const at = c.where === 'text' ? ` at character ${c.error.start + 1}` : '';
  const known = c.error.known?.length ? ` (known names: ${c.error.known.join(', ')})` : '';
  return `${spec.key}="${draft.text.length > 60 ? `${draft.text.slice(0, 57)}...` : draft.text}"${at}: ${c.error.message}${known}`;
}

export function preflight(lab: LabSchema, params: Record<string, ParamValue>): void {
  const problem = emptyDrawing(lab, params) ?? badFormula(lab, params);
  if (problem) throw new UsageError(problem);
}
