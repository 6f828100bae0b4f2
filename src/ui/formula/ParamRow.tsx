// One parameter of a formula: its name, a slider between its min and max, and the range itself.
import { useId } from 'react';
import { linkNumber, MAX_PARAM_NAME_LENGTH, type FormulaParam } from '../../labs/common/user-data';

const STEPS = 200;

export function ParamRow({ param, problem, onChange, onRemove }: { param: FormulaParam; problem: string | null; onChange: (p: FormulaParam) => void; onRemove: () => void }) {
  const id = useId();
  const { name, value, min, max } = param;
  const pos = Math.round(((value - min) / (max - min)) * STEPS);
  const setRange = (lo: number, hi: number) => {
    if (Number.isFinite(lo) && Number.isFinite(hi) && lo < hi) onChange({ ...param, min: lo, max: hi, value: Math.min(hi, Math.max(lo, value)) });
  };
  return (
    <div className="formula-param" data-testid={`formula-param-${name}`}>
      <input className="formula-param-name" aria-label="parameter name" value={name} maxLength={MAX_PARAM_NAME_LENGTH} onChange={(e) => onChange({ ...param, name: e.target.value.trim() })} aria-invalid={problem !== null} />
      <input
        id={id} type="range" min={0} max={STEPS} value={pos} aria-label={`${name} value`} aria-valuetext={linkNumber(value)}
        onChange={(e) => onChange({ ...param, value: Number(linkNumber(min + (Number(e.target.value) / STEPS) * (max - min))) })}
      />
      <output htmlFor={id} className="num">{linkNumber(value)}</output>
      <button type="button" className="formula-param-remove" aria-label={`remove parameter ${name}`} onClick={onRemove}>✕</button>
      <span className="formula-param-range">
        from <input type="number" step="any" aria-label={`${name} min`} defaultValue={min} onBlur={(e) => setRange(Number(e.target.value), max)} />
        to <input type="number" step="any" aria-label={`${name} max`} defaultValue={max} onBlur={(e) => setRange(min, Number(e.target.value))} />
      </span>
      {problem && <span className="formula-error">{problem}</span>}
    </div>
  );
}
