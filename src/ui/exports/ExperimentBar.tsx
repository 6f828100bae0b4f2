// Save the experiment (params, page options, seed, backend, metrics) as a JSON file and open one
// again, by the file picker or by dropping the file anywhere on the page; and save the metric series.
// An opened file is validated like a link and loaded into the store exactly as a link would be, so
// the address bar then shows the link it was exported from.
import { useEffect, useState } from 'react';
import { appStore } from '../../state/store';
import { useStore } from '../../state/use-store';
import { decodeExperiment, encodeExperiment } from '../../state/experiment-file';
import { encodeMetricsFile } from '../../state/metrics-file';
import { hashOfState } from '../../state/url-sync';
import { download, jsonBlob } from './download';
import { compareSession } from '../boot';
import './exports.css';

/** Validate a file and load it; returns what to tell the user. Never throws. */
export async function openExperimentFile(file: File): Promise<{ ok: boolean; message: string }> {
  let text: string;
  try {
    // refuse before reading: a dropped video should not freeze the tab
    if (file.size > 8 * 1024 * 1024) throw new Error(`the file is ${(file.size / 1048576).toFixed(1)} MB; an experiment file is a few kB`);
    text = await file.text();
    const r = decodeExperiment(text);
    const s = appStore.getState();
    s.loadParsed({ route: 'lab', lab: r.lab, params: r.params, preset: undefined, ui: r.ui, notices: r.notices.map((n) => `${file.name}: ${n}`) });
    s.setRun({ requestedBackend: r.backend });
    return { ok: true, message: `Opened ${file.name}${r.notices.length ? ` with ${r.notices.length} correction(s), listed above` : ''}.` };
  } catch (e) {
    return { ok: false, message: `Could not open ${file.name}: ${e instanceof Error ? e.message : String(e)}. Choose a file saved with "Save experiment".` };
  }
}

export function ExperimentBar() {
  const lab = useStore((s) => s.lab);
  const hidden = useStore((s) => s.ui.hide.includes('export'));
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const [dragging, setDragging] = useState(false);

  // drop a file anywhere on the page; only drags that carry files are taken over
  useEffect(() => {
    if (hidden) return;
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const over = (e: DragEvent) => { if (hasFiles(e)) e.preventDefault(); };
    const enter = (e: DragEvent) => { if (hasFiles(e)) { depth++; setDragging(true); } };
    const leave = (e: DragEvent) => { if (hasFiles(e) && --depth <= 0) { depth = 0; setDragging(false); } };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const f = e.dataTransfer?.files[0];
      if (f) void openExperimentFile(f).then(setStatus);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [hidden]);

  if (!lab || hidden) return null;
  const save = () => {
    const s = appStore.getState();
    const text = encodeExperiment({ lab, params: s.params, ui: s.ui, backend: s.requestedBackend }, { series: s.series, iteration: s.iteration });
    download(`${lab}-experiment.json`, jsonBlob(text));
    setStatus({ ok: true, message: `Saved ${lab}-experiment.json: open it here again, or drop it on the page.` });
  };
  const metrics = () => {
    const s = appStore.getState();
    // with an A/B comparison running, B's series go in too (under "b", with B's overrides)
    const bRun = compareSession()?.current();
    const b = bRun && s.ui.compare ? { overrides: s.ui.compare, iteration: bRun.store.getState().iteration, series: bRun.store.getState().series } : undefined;
    download(`${lab}-metrics.json`, jsonBlob(encodeMetricsFile(lab, hashOfState(s) ?? '', s.iteration, s.series, b, s.params)));
  };
  return (
    <div className="panel experiment-bar" role="group" aria-label="Experiment file">
      <h3>Experiment</h3>
      <button type="button" onClick={save} data-testid="save-experiment">Save experiment</button>
      <label className="file-button">
        Open experiment…
        <input type="file" accept="application/json,.json" data-testid="open-experiment" onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void openExperimentFile(f).then(setStatus);
        }} />
      </label>
      <button type="button" onClick={metrics} data-testid="save-metrics">Metrics JSON</button>
      {status ? (
        <span className={status.ok ? 'status-line' : 'error'} role={status.ok ? 'status' : 'alert'} data-testid="experiment-status">
          {status.message}
          {!status.ok && <> <button type="button" onClick={() => setStatus(null)}>Dismiss</button></>}
        </span>
      ) : (
        <span className="status-line">or drop a saved experiment file on the page</span>
      )}
      {dragging && <div className="experiment-drop" aria-hidden="true">Drop an experiment file to open it</div>}
    </div>
  );
}
