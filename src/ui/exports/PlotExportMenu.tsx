// A small "Export" menu on a plot: PNG, SVG and, for planes, one CSV per point layer. A native
// <details> menu: keyboard operable (Enter/Space opens it, Tab walks the items, Escape closes it).
import { useRef, useState } from 'react';
import { csvBlob, download } from './download';
import './exports.css';

export interface CsvItem {
  label: string;
  file: string;
  /** the CSV text, or null when the frame has no such layer yet */
  make: () => string | null;
}

export interface PlotExportMenuProps {
  /** what the plot is called (menu label, screen readers) */
  title: string;
  /** file name without extension */
  name: string;
  png: () => Promise<Blob>;
  svg: () => string;
  /** lazily: the layers present in the latest frame, asked when the menu opens */
  csv?: () => CsvItem[];
}

export function PlotExportMenu({ title, name, png, svg, csv }: PlotExportMenuProps) {
  const menu = useRef<HTMLDetailsElement>(null);
  const [items, setItems] = useState<CsvItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const run = async (what: string, f: () => Promise<void> | void) => {
    setError(null);
    try {
      await f();
      menu.current?.removeAttribute('open');
    } catch (e) {
      setError(`${what} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <details
      ref={menu}
      className="plot-export"
      onToggle={(e) => { if ((e.target as HTMLDetailsElement).open) setItems(csv?.() ?? []); }}
      onKeyDown={(e) => { if (e.key === 'Escape') { menu.current?.removeAttribute('open'); menu.current?.querySelector('summary')?.focus(); } }}
    >
      <summary aria-label={`Export ${title}`} title={`Export ${title}`}>Export</summary>
      <div className="plot-export-items" role="group" aria-label={`Export ${title}`}>
        <button type="button" onClick={() => run('PNG', async () => download(`${name}.png`, await png()))}>PNG image</button>
        <button type="button" onClick={() => run('SVG', () => download(`${name}.svg`, new Blob([svg()], { type: 'image/svg+xml' })))}>SVG vector</button>
        {items.map((it) => (
          <button key={it.file} type="button" onClick={() => run('CSV', () => {
            const text = it.make();
            if (text === null) throw new Error(`no ${it.label.toLowerCase()} in the current frame`);
            download(`${it.file}.csv`, csvBlob(text));
          })}>{it.label} CSV</button>
        ))}
        {error && <p className="plot-export-error" role="alert">{error}</p>}
      </div>
    </details>
  );
}
