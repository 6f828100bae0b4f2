// A collapsible "Equations" panel: the lab's update rule(s) for its current mode, with the current
// parameter values written in, rendered by KaTeX. It follows every control edit (the builders are
// cheap pure functions); KaTeX itself loads the first time the panel is opened.
import { useEffect, useMemo, useState } from 'react';
import { LAB_EQUATIONS } from '../labs/equations';
import type { LabId, ParamValue } from '../labs/types';
import './equations/equations.css';

type Renderer = typeof import('./equations/katex-render');
const OPEN_KEY = 'playground.equations.open';

function readOpen(): boolean {
  try {
    return localStorage.getItem(OPEN_KEY) === '1';
  } catch {
    return false;
  }
}

export function EquationsPanel({ lab, params }: { lab: LabId; params: Record<string, ParamValue> }) {
  const [open, setOpen] = useState(readOpen);
  const [render, setRender] = useState<Renderer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const blocks = useMemo(() => LAB_EQUATIONS[lab]?.(params) ?? [], [lab, params]);

  useEffect(() => {
    if (!open || render) return;
    let live = true;
    import('./equations/katex-render').then((m) => live && setRender(m), (e: unknown) => live && setError(`The equation renderer did not load (${e instanceof Error ? e.message : String(e)}); reload the page to try again.`));
    return () => { live = false; };
  }, [open, render]);

  const html = useMemo(() => (render ? blocks.map((b) => ({ ...b, math: render.renderDisplay(b.tex), noteHtml: b.note ? render.renderInline(b.note) : '' })) : null), [render, blocks]);

  return (
    <details
      className="panel equations"
      open={open}
      onToggle={(e) => {
        const o = (e.target as HTMLDetailsElement).open;
        setOpen(o);
        try { localStorage.setItem(OPEN_KEY, o ? '1' : '0'); } catch { /* private mode: not remembered */ }
      }}
      data-testid="equations"
    >
      <summary>Equations <span className="equations-hint">the update rule with the current values</span></summary>
      {error && <p className="error" role="alert">{error}</p>}
      {open && !html && !error && <p className="help">Loading the equations…</p>}
      {html?.map((b, i) => (
        <section key={i} className="equation" aria-label={b.title}>
          <h4>{b.title}</h4>
          <div className="equation-math" tabIndex={0} dangerouslySetInnerHTML={{ __html: b.math }} />
          {b.noteHtml && <p className="equation-note" dangerouslySetInnerHTML={{ __html: b.noteHtml }} />}
        </section>
      ))}
    </details>
  );
}
