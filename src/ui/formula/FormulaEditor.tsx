// The formula editor: the text of a log-density (or an energy), its parameters with sliders, and the box.
// It edits a draft and hands the lab a new target only when the draft passes the check: the syntax here
// at once (parsing is text work), the density in the worker (bridge.checkFormula: NaN, flat, mass at the
// edge, on a coarse grid). While the draft is broken the last good target keeps running and the message
// sits under the field, with a caret at the place the parser stopped.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ParamSpec, ParamValue } from '../../labs/types';
import { formatBoxText, formatParamList, isValidParamName, linkNumber, MAX_FORMULA_PARAMS, parseFormula, type FormulaCheck, type FormulaDraft, type FormulaParam } from '../../labs/common/user-data';
import { draftOfParams } from '../../labs/common/formula-keys';
import { useThrottled } from '../use-throttled';
import { ErrorCaret } from './ErrorCaret';
import { ParamRow } from './ParamRow';

interface Props {
  spec: ParamSpec;
  params: Record<string, ParamValue>;
  /** one change for every key the formula has (f, fp, fsign, fbox) */
  onChangeMany: (patch: Record<string, ParamValue>) => void;
  /** the worker's check of a draft's density */
  check: (d: FormulaDraft) => Promise<FormulaCheck>;
  noTooltip?: boolean;
}

/** the draft the params describe (a link or a preset may set them) */
const draftOf = draftOfParams;

const keysOf = (d: FormulaDraft) => ({ f: d.text, fp: formatParamList(d.params), fsign: d.sign === -1 ? 'energy' : 'logp', fbox: formatBoxText(d.box) });
const sameKeys = (a: Record<string, string>, p: Record<string, ParamValue>) => Object.entries(a).every(([k, v]) => String(p[k] ?? '') === v);

/** the next free one-letter name for a new parameter */
const freeName = (taken: readonly FormulaParam[]) => 'abcdkmnstuvw'.split('').find((n) => !taken.some((p) => p.name === n)) ?? `p${taken.length + 1}`;

export function FormulaEditor({ spec, params, onChangeMany, check: checkInWorker, noTooltip }: Props) {
  const id = useId();
  const errId = `${id}-error`;
  const [draft, setDraft] = useState<FormulaDraft>(() => draftOf(params));
  // the keys this editor last handed over: a change of the params that is not ours (a preset, a link) replaces the draft
  const ours = useRef(keysOf(draft));
  useEffect(() => {
    if (!sameKeys(ours.current, params)) {
      const d = draftOf(params);
      ours.current = keysOf(d);
      setDraft(d);
    }
  }, [params]);

  const names = draft.params.map((p) => isValidParamName(p.name));
  const nameProblem = names.find((n) => n !== null) ?? null;
  // the syntax at once; the density from the worker, for this very draft (an older answer is dropped)
  const syntax = useMemo(() => parseFormula(draft.text, draft.params.map((p) => p.name)), [draft]);
  const [density, setDensity] = useState<{ draft: FormulaDraft; check: FormulaCheck } | null>(null);
  const ask = useThrottled((d: FormulaDraft) => {
    checkInWorker(d).then((c) => setDensity({ draft: d, check: c }), (e: unknown) => setDensity({ draft: d, check: { ok: false, where: 'density', error: { message: `The formula could not be checked (${e instanceof Error ? e.message : String(e)}).`, start: 0, end: d.text.length } } }));
  }, 120);
  useEffect(() => {
    if (syntax.ok && nameProblem === null) ask(draft);
  }, [syntax, draft, nameProblem, ask]);
  const checked = density?.draft === draft ? density.check : null;
  const check: FormulaCheck | null = !syntax.ok ? { ok: false, where: 'text', error: syntax.error } : checked;
  const commit = useThrottled((d: FormulaDraft) => {
    const keys = keysOf(d);
    if (sameKeys(keys, params)) return;
    ours.current = keys;
    onChangeMany(keys);
  }, 150);
  useEffect(() => {
    if (checked?.ok && nameProblem === null) commit(draft);
  }, [checked, draft, nameProblem, commit]);

  const edit = (patch: Partial<FormulaDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setParam = (i: number, p: FormulaParam) => edit({ params: draft.params.map((q, j) => (j === i ? p : q)) });
  const box = check?.ok ? check.box : draft.box;
  return (
    <div className="control control-formula" data-testid="formula-editor">
      <div className="formula-head">
        <label htmlFor={id} title={noTooltip ? undefined : spec.help}>{spec.label}</label>
        <select aria-label="The formula is" value={draft.sign === -1 ? 'energy' : 'logp'} onChange={(e) => edit({ sign: e.target.value === 'energy' ? -1 : 1 })} data-key="fsign">
          <option value="logp">log p(x, y) =</option>
          <option value="energy">energy E(x, y) =</option>
        </select>
      </div>
      <textarea
        id={id} className="formula-text" rows={3} spellCheck={false} autoCapitalize="off" autoCorrect="off" maxLength={spec.maxLength}
        value={draft.text} onChange={(e) => edit({ text: e.target.value })}
        aria-invalid={check?.ok === false || nameProblem !== null} aria-describedby={errId} data-key="f"
      />
      <div id={errId} aria-live="polite">
        {check?.ok === false && <ErrorCaret text={draft.text} error={check.error} where={check.where} />}
        {check?.ok !== false && nameProblem && <p className="formula-error" role="alert" data-testid="formula-error">{nameProblem}</p>}
        {check === null && !nameProblem && <p className="hint formula-ok">Checking the density…</p>}
        {check?.ok && !nameProblem && (
          <p className="hint formula-ok" data-testid="formula-ok">
            ✓ Normalized on the box x ∈ [{linkNumber(check.box.xmin)}, {linkNumber(check.box.xmax)}], y ∈ [{linkNumber(check.box.ymin)}, {linkNumber(check.box.ymax)}]{check.auto ? ' (found from the density)' : ''}.
          </p>
        )}
      </div>
      {draft.params.map((p, i) => (
        <ParamRow key={i} param={p} problem={names[i]} onChange={(q) => setParam(i, q)} onRemove={() => edit({ params: draft.params.filter((_, j) => j !== i) })} />
      ))}
      {draft.params.length < MAX_FORMULA_PARAMS && (
        <button type="button" onClick={() => edit({ params: [...draft.params, { name: freeName(draft.params), value: 1, min: 0, max: 2 }] })}>Add a parameter</button>
      )}
      <BoxFields box={box} auto={!draft.box} onChange={(b) => edit({ box: b })} />
      {spec.note && <p className="hint">{spec.note}</p>}
    </div>
  );
}

/** the box: found from the density (auto) or four numbers the user types */
function BoxFields({ box, auto, onChange }: { box: FormulaDraft['box']; auto: boolean; onChange: (b: FormulaDraft['box']) => void }) {
  const fields = ['xmin', 'xmax', 'ymin', 'ymax'] as const;
  return (
    <fieldset className="formula-box">
      <legend>Box</legend>
      <label className="control-bool">
        <input type="checkbox" checked={auto} onChange={(e) => onChange(e.target.checked ? undefined : box ?? { xmin: -4, xmax: 4, ymin: -4, ymax: 4 })} data-key="fbox-auto" />
        found from the density
      </label>
      {!auto && box && (
        <div className="formula-box-fields">
          {fields.map((k) => (
            <label key={k}>
              {k}
              <input
                type="number" step="any" defaultValue={box[k]} aria-label={`box ${k}`}
                onBlur={(e) => {
                  const v = Number(e.target.value);
                  if (e.target.value !== '' && Number.isFinite(v) && v !== box[k]) onChange({ ...box, [k]: v });
                }}
              />
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
