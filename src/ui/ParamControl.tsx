// One control generated from a ParamSpec: the schema is the only place a parameter is described.
import { useId } from 'react';
import type { Mixture } from '../core/types';
import type { ParamSpec, ParamValue } from '../labs/types';
import { SLIDER_STEPS, fromSlider, toSlider } from './slider-scale';
import { PointsControl } from './PointsControl';

interface Props {
  spec: ParamSpec;
  value: ParamValue;
  onChange: (key: string, value: ParamValue) => void;
  /** for 'xy' params: the plane's drawing mode */
  drawing?: boolean;
  onDrawToggle?: () => void;
  /** a link that hides help texts (`hide=help`) hides the tooltips too */
  noTooltip?: boolean;
}

export function ParamControl({ spec, value, onChange, drawing, onDrawToggle, noTooltip }: Props) {
  const id = useId();
  const label = (
    <label htmlFor={id} title={noTooltip ? undefined : spec.help}>
      {spec.label}
    </label>
  );
  if (spec.kind === 'enum') {
    return (
      <div className="control">
        {label}
        <select id={id} value={String(value)} onChange={(e) => onChange(spec.key, e.target.value)} data-key={spec.key}>
          {spec.values!.map((v, i) => (
            <option key={v} value={v}>{spec.valueLabels?.[i] ?? v}</option>
          ))}
        </select>
      </div>
    );
  }
  if (spec.kind === 'bool') {
    return (
      <div className="control control-bool">
        <input id={id} type="checkbox" checked={Boolean(value)} onChange={(e) => onChange(spec.key, e.target.checked)} data-key={spec.key} />
        {label}
      </div>
    );
  }
  if (spec.kind === 'points') {
    const mix = value as Mixture;
    return (
      <div className="control control-points">
        {label}
        <span className="hint">{mix.length} components · drag a mean, shift-click or hold a finger to add, alt-click or hold on a mean to remove, wheel to resize</span>
        <button type="button" onClick={() => onChange(spec.key, spec.default)}>Reset components</button>
      </div>
    );
  }
  if (spec.kind === 'xy') {
    return <PointsControl spec={spec} value={value as Float32Array} label={label} onChange={onChange} drawing={drawing} onDrawToggle={onDrawToggle} />;
  }
  if (spec.kind === 'text') {
    // committed on Enter or when the field loses focus, so a half-typed value never restarts the run
    return (
      <div className="control">
        {label}
        <input
          id={id} type="text" key={String(value)} defaultValue={String(value)} maxLength={spec.maxLength} data-key={spec.key}
          onBlur={(e) => e.target.value !== value && onChange(spec.key, e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        />
      </div>
    );
  }
  // while the page switches labs, one render can pair the new lab's controls with the old lab's params:
  // show the default rather than NaN (React warns on a NaN value)
  const n = Number(value);
  const v = Number.isFinite(n) ? n : Number(spec.default);
  return (
    <div className="control">
      {label}
      <div className="slider-row">
        <input
          id={id}
          type="range"
          min={0}
          max={SLIDER_STEPS}
          value={toSlider(spec, v)}
          onChange={(e) => onChange(spec.key, fromSlider(spec, Number(e.target.value)))}
          aria-valuetext={String(v)}
          data-key={spec.key}
        />
        <input
          type="number"
          className="num"
          aria-label={`${spec.label} value`}
          value={v}
          min={spec.min}
          max={spec.max}
          step={spec.kind === 'int' ? 1 : 'any'}
          onChange={(e) => {
            const x = Number(e.target.value);
            if (e.target.value !== '' && Number.isFinite(x)) onChange(spec.key, spec.kind === 'int' ? Math.round(x) : x);
          }}
        />
      </div>
    </div>
  );
}
