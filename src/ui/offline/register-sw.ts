// Registers the build's service worker (scripts/precache-plugin.ts writes sw.js next to
// index.html) so the playground works offline after the first visit. Production builds only: in
// development Vite serves modules one by one and a cache would only hide edits.
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // after load, so precaching (several MB of wasm and chunks) does not compete with the first frame
  const go = () => {
    navigator.serviceWorker.register('./sw.js').catch((err: unknown) => {
      // offline use is a bonus: a host that refuses service workers still serves the app
      console.warn('offline cache unavailable:', err);
    });
  };
  if (document.readyState === 'complete') go();
  else window.addEventListener('load', go, { once: true });
}
