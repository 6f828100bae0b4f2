// A visually hidden live region that tells screen-reader users how the run is going. It reads the
// store on a timer instead of on every metric update: a polite region that changed four times a
// second would never finish a sentence, so it speaks at most once per ANNOUNCE_MS, and only when
// the text changed (a paused run stays quiet).
import { useEffect, useRef, useState } from 'react';
import { appStore } from '../../state/store';
import { summarizeMetrics, type ChartSpec } from './metrics-summary';

export const ANNOUNCE_MS = 5000;

export function MetricsAnnouncer({ charts }: { charts: readonly ChartSpec[] }) {
  const [text, setText] = useState('');
  const latestCharts = useRef(charts);
  useEffect(() => {
    latestCharts.current = charts;
  });
  useEffect(() => {
    const speak = () => {
      const s = appStore.getState();
      if (s.status === 'starting') return;
      const next = summarizeMetrics({ iteration: s.iteration, status: s.status, charts: latestCharts.current, series: s.series });
      setText((prev) => (prev === next ? prev : next));
    };
    const first = setTimeout(speak, 1000);
    const t = setInterval(speak, ANNOUNCE_MS);
    return () => {
      clearTimeout(first);
      clearInterval(t);
    };
  }, []);
  return (
    <div className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="metrics-summary">
      {text}
    </div>
  );
}
