// The lab page's "Compare A/B" switch and, while it is on, B's settings: the overrides as chips that
// can be removed, and a compact editor (pick a setting, set B's value with the lab's own control).
// Everything is written to the store's `ui.compare`, so it is in the link and B's run follows it.
import { useId, useState } from 'react';
import type { LabSchema, ParamValue } from '../../labs/types';
import { valuesEqual } from '../../labs/codec/param-codec';
import { specOf } from '../../labs/modes';
import { activeOverrides, bParamsOf, overridableSpecs, removeOverride, setOverride, valueText } from '../../state/compare/overrides';
import { useStore } from '../../state/use-store';
import { ParamControl } from '../ParamControl';
import './compare.css';

export function CompareBar({ schema }: { schema: LabSchema }) {
  const compare = useStore((s) => s.ui.compare);
  const a = useStore((s) => s.params);
  const setUi = useStore((s) => s.setUi);
  const on = compare !== null;
  return (
    <div className="compare-bar" data-testid="compare-bar">
      <button
        type="button" aria-pressed={on} data-testid="compare-toggle" onClick={() => setUi({ compare: on ? null : {} })}
        title={on ? 'Stop the B run and show A alone' : 'Run a second configuration (B) beside this one, from the same seed'}
      >
        Compare A/B
      </button>
      {on && <BEditor schema={schema} a={a} overrides={compare} onChange={(o) => setUi({ compare: o })} />}
    </div>
  );
}

function BEditor({ schema, a, overrides, onChange }: {
  schema: LabSchema; a: Record<string, ParamValue>; overrides: Record<string, ParamValue>; onChange: (o: Record<string, ParamValue>) => void;
}) {
  const selectId = useId();
  const b = bParamsOf(schema, a, overrides);
  const active = activeOverrides(schema, a, overrides);
  // settings that apply to B as configured (e.g. leapfrog steps only for HMC), and any already overridden
  const offered = overridableSpecs(schema, a).filter((s) => !s.when || s.when(b) || Object.hasOwn(overrides, s.key));
  const [picked, setPicked] = useState<string>(() => active[0]?.key ?? offered[0]?.key ?? '');
  const spec = offered.find((s) => s.key === picked) ?? offered[0];
  const edit = (key: string, v: ParamValue) => {
    const s = specOf(schema, key, a);
    // B set back to A's value is no override at all: the link stays short
    onChange(s && valuesEqual(s, setOverride(schema, {}, key, v, a)[key], a[key]) ? removeOverride(overrides, key) : setOverride(schema, overrides, key, v, a));
  };
  return (
    <div className="compare-editor" role="group" aria-label="B settings">
      <ul className="compare-chips" aria-label="B overrides">
        {active.length === 0 && <li className="compare-none">B uses A's settings: change one below.</li>}
        {active.map((s) => (
          <li key={s.key} className="compare-chip" data-key={s.key}>
            <button type="button" className="compare-chip-name" onClick={() => setPicked(s.key)} title="Edit this B setting">
              {s.label} = {valueText(s, overrides[s.key])}
            </button>
            <button type="button" className="compare-chip-remove" onClick={() => onChange(removeOverride(overrides, s.key))} aria-label={`Remove the B override of ${s.label}`} title="Use A's value again">
              ×
            </button>
          </li>
        ))}
      </ul>
      {spec && (
        <div className="compare-edit-row">
          <label htmlFor={selectId}>B setting</label>
          <select id={selectId} value={spec.key} onChange={(e) => setPicked(e.target.value)} data-testid="compare-pick">
            {offered.map((s) => <option key={s.key} value={s.key}>{s.label}</option>)}
          </select>
          <div className="compare-edit-control" data-testid="compare-edit">
            <ParamControl key={spec.key} spec={{ ...spec, label: `B: ${spec.label}` }} value={b[spec.key]} onChange={edit} />
          </div>
        </div>
      )}
    </div>
  );
}
