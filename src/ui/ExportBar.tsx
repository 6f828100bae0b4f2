// Export the plane as PNG or SVG, and the particles as CSV.
import type { RefObject } from 'react';
import { frameBus } from '../state/frame-bus';
import type { PlaneHandle } from './plots/PlanePanel';

function download(name: string, blob: Blob) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export function ExportBar({ plane, lab }: { plane: RefObject<PlaneHandle | null>; lab: string }) {
  const csv = () => {
    const layer = frameBus.latest()?.layers.particles;
    if (!layer || layer.kind !== 'points') return;
    const rows = ['x,y'];
    for (let k = 0; k < layer.xy.length; k += 2) rows.push(`${layer.xy[k]},${layer.xy[k + 1]}`);
    download(`${lab}-particles.csv`, new Blob([rows.join('\n')], { type: 'text/csv' }));
  };
  return (
    <div className="runbar" style={{ marginTop: 6, marginBottom: 0 }}>
      <button type="button" onClick={async () => plane.current && download(`${lab}.png`, await plane.current.toPNG())}>PNG</button>
      <button type="button" onClick={() => plane.current && download(`${lab}.svg`, new Blob([plane.current.toSVG()], { type: 'image/svg+xml' }))}>SVG</button>
      <button type="button" onClick={csv}>Particles CSV</button>
    </div>
  );
}
