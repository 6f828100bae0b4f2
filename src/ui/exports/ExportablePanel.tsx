// A plot panel with an export menu. The panels draw one SVG each (charts, histograms, bars, xy
// curves); the menu finds it in the DOM at export time, so the panels themselves stay unchanged.
import { useRef, type ReactNode } from 'react';
import { figurePNG, figureSVG } from '../../plots/svg-export';
import { useStore } from '../../state/use-store';
import { PlotExportMenu } from './PlotExportMenu';

export function ExportablePanel({ title, id, xLabel, children }: { title: string; id: string; xLabel?: string; children: ReactNode }) {
  const host = useRef<HTMLDivElement>(null);
  const lab = useStore((s) => s.lab);
  const hidden = useStore((s) => s.ui.hide.includes('export'));
  const svgEl = (): SVGSVGElement => {
    const el = host.current?.querySelector<SVGSVGElement>('svg[role]') ?? host.current?.querySelector<SVGSVGElement>('svg');
    if (!el) throw new Error('the plot has nothing drawn yet');
    return el;
  };
  return (
    <div className="panel exportable" ref={host} data-export-panel={id}>
      {children}
      {!hidden && (
        <PlotExportMenu
          title={title}
          name={`${lab ?? 'plot'}-${id}`}
          png={() => figurePNG({ svg: svgEl(), title, xLabel })}
          svg={() => figureSVG({ svg: svgEl(), title, xLabel })}
        />
      )}
    </div>
  );
}
