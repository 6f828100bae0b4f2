// On narrow screens (phones, portrait tablets) the controls collapse behind a button so the run bar
// and the plot come first; on wide screens the wrapper vanishes from layout (display: contents) and
// the controls sit in their column as before.
import { useId, useState, type ReactNode } from 'react';
import './layout.css';

export function ControlsDrawer({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="controls-drawer" data-open={open}>
      <button
        type="button" className="drawer-toggle" aria-expanded={open} aria-controls={id}
        onClick={() => setOpen((o) => !o)} data-testid="drawer-toggle"
      >
        <span aria-hidden="true">{open ? '▴' : '▾'}</span> {open ? 'Hide controls' : 'Show controls'}
      </button>
      <div id={id} className="drawer-body">{children}</div>
    </div>
  );
}
