import { useEffect, useMemo, useRef } from 'react';

/** Calls fn at most once per `ms`, always delivering the latest arguments (a drag restarts the run at a sane rate). */
export function useThrottled<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  const latest = useRef(fn);
  const pending = useRef<A | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    latest.current = fn;
  });
  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);
  return useMemo(() => (...args: A) => {
    pending.current = args;
    if (timer.current) return;
    const fire = () => {
      timer.current = null;
      if (!pending.current) return;
      const a = pending.current;
      pending.current = null;
      latest.current(...a);
      timer.current = setTimeout(fire, ms);
    };
    fire();
  }, [ms]);
}
