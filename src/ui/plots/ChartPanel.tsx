// React shell around ChartView. Metric series come from the store at a low rate, so unlike the
// plane this one is driven by props: each new `series` object redraws the chart.
import { useEffect, useMemo, useRef } from 'react';
import { ChartView, type ChartSeries } from '../../plots/chart';
import '../../plots/plots.css';

export interface ChartMetric {
  key: string;
  label: string;
  log?: boolean;
}

export interface ChartPanelProps {
  title: string;
  metrics: readonly ChartMetric[];
  series: Record<string, { xs: number[]; ys: number[] } | undefined>;
  ariaLabel?: string;
  /** show the title above the plot (default true) */
  showTitle?: boolean;
  className?: string;
}

const EMPTY: number[] = [];

/** The chart's series in the order of `metrics`; a metric with no series yet is an empty one. */
export function toChartSeries(metrics: readonly ChartMetric[], series: ChartPanelProps['series']): ChartSeries[] {
  return metrics.map((m) => ({ ...m, xs: series[m.key]?.xs ?? EMPTY, ys: series[m.key]?.ys ?? EMPTY }));
}

function hasFinite(s: ChartSeries): boolean {
  for (let i = 0; i < s.ys.length; i++) if (Number.isFinite(s.ys[i])) return true;
  return false;
}

export function ChartPanel({ title, metrics, series, ariaLabel, showTitle = true, className }: ChartPanelProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<ChartView | null>(null);
  const data = useMemo(() => toChartSeries(metrics, series), [metrics, series]);
  const empty = !data.some(hasFinite);
  const label = ariaLabel ?? `${title}: ${metrics.map((m) => m.label).join(', ')} over iterations`;

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const c = new ChartView(el, label);
    chart.current = c;
    return () => {
      c.dispose();
      chart.current = null;
    };
    // the label is updated in place below; a new view would only flicker
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    chart.current?.setAriaLabel(label);
  }, [label]);

  useEffect(() => {
    chart.current?.render(data);
  }, [data]);

  return (
    <div className={className ? `plot-panel ${className}` : 'plot-panel'}>
      {showTitle && <h3 className="plot-panel-title">{title}</h3>}
      <div className="plot-chart" ref={host}>
        {empty && <div className="plot-empty">no data yet</div>}
      </div>
    </div>
  );
}
