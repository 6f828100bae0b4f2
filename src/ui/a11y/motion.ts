// prefers-reduced-motion, read once per call (the media query is cheap and may change mid-session).
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
