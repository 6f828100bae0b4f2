// An 'xy' param (a data set of points): drawn on the plane, or loaded from a CSV or JSON file (the file
// button, or a file dropped on the control). The file is read here (its text only) and checked by
// state/points-file.ts; what was kept, dropped, thinned or rescaled is said under the buttons.
import { useState, type DragEvent, type ReactNode } from 'react';
import type { ParamSpec, ParamValue } from '../labs/types';
import { DRAWN_BOX } from '../labs/common/user-data';
import { describeReport, MAX_POINTS_FILE_BYTES, readPointsFile } from '../state/points-file';

interface Props {
  spec: ParamSpec;
  value: Float32Array;
  label: ReactNode;
  onChange: (key: string, value: ParamValue) => void;
  drawing?: boolean;
  onDrawToggle?: () => void;
}

/** the example file shipped with the app (public/examples), for a first try */
export const EXAMPLE_POINTS_FILE = 'examples/heart.csv';

export function PointsControl({ spec, value, label, onChange, drawing, onDrawToggle }: Props) {
  const [rescale, setRescale] = useState(false);
  const [report, setReport] = useState<{ ok: boolean; text: string } | null>(null);
  const [over, setOver] = useState(false);
  const load = async (file: File) => {
    if (file.size > MAX_POINTS_FILE_BYTES) {
      setReport({ ok: false, text: `${file.name} is ${(file.size / 1e6).toFixed(1)} MB; a points file may be at most ${MAX_POINTS_FILE_BYTES / 1024 / 1024} MB.` });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      setReport({ ok: false, text: `${file.name} could not be read (${e instanceof Error ? e.message : String(e)}).` });
      return;
    }
    const r = readPointsFile(file.name, text, { rescale, box: DRAWN_BOX });
    if (!r.ok) {
      setReport({ ok: false, text: `${r.message} The current points are kept.` });
      return;
    }
    setReport({ ok: true, text: describeReport(file.name, r.report, rescale) });
    onChange(spec.key, r.report.points);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const f = e.dataTransfer.files[0];
    if (f) void load(f);
  };
  return (
    <div
      className={`control control-points${over ? ' drop-over' : ''}`}
      onDragOver={(e) => { e.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid={`points-${spec.key}`}
    >
      {label}
      <span className="hint" data-testid="points-count">{value.length / 2} points drawn</span>
      <span className="hint">Draw them in the plot, or load a CSV or JSON file of x, y (or drop it here).</span>
      <div className="points-buttons">
        <button type="button" aria-pressed={drawing} onClick={onDrawToggle}>{drawing ? 'Stop drawing' : 'Draw in the plot'}</button>
        <label className="file-button">
          Load a file…
          <input type="file" accept=".csv,.tsv,.txt,.json,text/csv,application/json" data-testid={`points-file-${spec.key}`} onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void load(f); }} />
        </label>
        <button type="button" onClick={() => { onChange(spec.key, new Float32Array(0)); setReport(null); }}>Clear</button>
      </div>
      <label className="control-bool hint">
        <input type="checkbox" checked={rescale} onChange={(e) => setRescale(e.target.checked)} />
        rescale a loaded file into the box
      </label>
      {report && <p className={report.ok ? 'hint' : 'formula-error'} role={report.ok ? 'status' : 'alert'} data-testid="points-report">{report.text}</p>}
      <a className="hint" href={EXAMPLE_POINTS_FILE} download>Example file (heart.csv)</a>
    </div>
  );
}
