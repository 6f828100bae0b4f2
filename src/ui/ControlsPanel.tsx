// The lab's controls, generated from its schema and grouped; presets on top.
import { memo } from 'react';
import type { LabSchema, ParamSpec, ParamValue } from '../labs/types';
import { specsOf } from '../labs/modes';
import { ParamControl } from './ParamControl';
import { FormulaEditor } from './formula/FormulaEditor';
import type { Hidden } from '../state/hidden';
import type { FormulaCheck, FormulaDraft } from '../labs/common/user-data';

interface Props {
  schema: LabSchema;
  params: Record<string, ParamValue>;
  preset: string | null;
  onChange: (key: string, value: ParamValue) => void;
  /** several keys in one change (an editor that owns several, like the formula's) */
  onChangeMany: (patch: Record<string, ParamValue>) => void;
  /** the worker's check of a typed formula (the formula editor's density check) */
  checkFormula: (d: FormulaDraft) => Promise<FormulaCheck>;
  onPreset: (id: string) => void;
  drawing: boolean;
  onDrawToggle: () => void;
  /** what the link hides (`hide=`): controls keep their values, they are only not drawn */
  hidden?: Hidden;
}

const GROUP_TITLES: Record<string, string> = {
  target: 'Target',
  sampler: 'Sampler',
  'learned score': 'Learned score',
  run: 'Run',
  view: 'View',
};

export const ControlsPanel = memo(function ControlsPanel({ schema, params, preset, onChange, onChangeMany, checkFormula, onPreset, drawing, onDrawToggle, hidden }: Props) {
  // a key another control edits (a formula's parameters and box) is drawn by that control
  const visible = specsOf(schema, params).filter((s) => (!s.when || s.when(params)) && !hidden?.controls.has(s.key) && !s.editedWith);
  const showHelp = !hidden?.sections.has('help');
  const groups = new Map<string, ParamSpec[]>();
  for (const s of visible) {
    const g = s.group ?? 'run';
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(s);
  }
  const order = Object.keys(GROUP_TITLES);
  const sorted = [...groups.entries()].sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  const current = schema.presets.find((p) => p.id === preset);
  return (
    <aside className="panel controls" aria-label="Controls">
      {!hidden?.sections.has('presets') && (
        <>
          <h3>Presets</h3>
          <select aria-label="Preset" value={preset ?? ''} onChange={(e) => e.target.value && onPreset(e.target.value)} data-testid="preset">
            <option value="">Choose a classroom demo…</option>
            {schema.presets.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
          </select>
        </>
      )}
      {current && showHelp && <p className="preset-look">{current.lookFor}</p>}
      {sorted.map(([g, specs]) => (
        <section key={g}>
          <h3>{GROUP_TITLES[g] ?? g}</h3>
          {specs.map((s) => (s.editor === 'formula'
            ? <FormulaEditor key={s.key} spec={s} params={params} onChangeMany={onChangeMany} check={checkFormula} noTooltip={!showHelp} />
            : <ParamControl key={s.key} spec={s} value={params[s.key]} onChange={onChange} drawing={drawing} onDrawToggle={onDrawToggle} noTooltip={!showHelp} />
          ))}
          {g === 'run' && !hidden?.controls.has('seed') && (
            <button type="button" onClick={() => onChange('seed', ((Number(params.seed) * 1103515245 + 12345) >>> 1) % 2147483647)}>New seed</button>
          )}
        </section>
      ))}
      {showHelp && <p className="help">One iteration: {schema.iterationMeans}. Hover a label for its meaning.</p>}
    </aside>
  );
});
