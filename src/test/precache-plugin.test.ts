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
});
