// The `?` overlay: every shortcut registered in the shortcut table, grouped, plus Esc.
import { useSyncExternalStore } from 'react';
import { listShortcuts, subscribeShortcuts } from '../shortcuts';
import { Dialog } from '../share/Dialog';

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const list = useSyncExternalStore(subscribeShortcuts, listShortcuts);
  const groups = new Map<string, typeof list[number][]>();
  for (const s of list) groups.set(s.group ?? 'Page', [...(groups.get(s.group ?? 'Page') ?? []), s]);
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} className="shortcut-help" testId="shortcut-help">
      {[...groups.entries()].map(([g, items]) => (
        <section key={g}>
          <h3>{g}</h3>
          <dl>
            {items.map((s) => (
              <div key={s.key} className="shortcut-row">
                <dt><kbd>{s.label}</kbd></dt>
                <dd>{s.description}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <p className="hint">Esc closes this help and any dialog. Shortcuts wait while you type in a field.</p>
    </Dialog>
  );
}
