import { describe, expect, it } from 'vitest';
import { serviceWorkerSource, shouldPrecache } from '../../scripts/precache-plugin';

describe('precache plugin', () => {
  it('precaches built files but not source maps or itself', () => {
    expect(shouldPrecache('assets/index-abc.js')).toBe(true);
    expect(shouldPrecache('assets/tfjs-backend-wasm-simd-x.wasm')).toBe(true);
    expect(shouldPrecache('assets/index-abc.js.map')).toBe(false);
    expect(shouldPrecache('sw.js')).toBe(false);
    // the gallery's shipped previews (public/gallery/) work offline
    expect(shouldPrecache('gallery/manifest.json')).toBe(true);
    expect(shouldPrecache('gallery/samplers--langevin-stuck.webp')).toBe(true);
  });

  it('writes relative URLs and a versioned cache name', () => {
    const src = serviceWorkerSource('0123456789ab', ['index.html', 'assets/a.js']);
    expect(src).toContain("const CACHE = 'playground-0123456789ab';");
    const list = JSON.parse(/const PRECACHE = (\[.*\]);/.exec(src)![1]) as string[];
    expect(list).toEqual(['./', './index.html', './assets/a.js']);
    expect(list.every((u) => u.startsWith('./'))).toBe(true);
    // the generated worker must at least parse
    expect(() => new Function(src)).not.toThrow();
  });

  it('serves every same-origin response with the cross-origin isolation headers, cached or fetched, page or file', async () => {
    const src = serviceWorkerSource('0123456789ab', ['index.html', 'assets/a.js']);
    const listeners: Record<string, (e: unknown) => void> = {};
    const origin = 'https://static.example';
    const bare = () => new Response('x', { status: 200, headers: { 'Content-Type': 'text/javascript' } });
    const self = { location: new URL(`${origin}/app/sw.js`), addEventListener: (t: string, f: (e: unknown) => void) => (listeners[t] = f) };
    const caches = { match: async (r: { url: string }) => (r.url.endsWith('/a.js') ? bare() : undefined) };
    const fetchFn = async () => bare();
    new Function('self', 'caches', 'fetch', src)(self, caches, fetchFn);
    const serve = async (url: string, mode: string) => {
      let answer: Promise<Response> | undefined;
      listeners.fetch({ request: { method: 'GET', url, mode }, respondWith: (p: Promise<Response>) => (answer = p) });
      return answer!;
    };
    for (const [url, mode] of [[`${origin}/app/assets/a.js`, 'cors'], [`${origin}/app/assets/b.js`, 'cors'], [`${origin}/app/`, 'navigate']] as const) {
      const res = await serve(url, mode);
      expect(res.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
      expect(res.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
      expect(res.headers.get('Content-Type')).toBe('text/javascript');
      expect(await res.text()).toBe('x');
    }
  });
});
