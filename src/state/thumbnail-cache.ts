// Thumbnails are kept in IndexedDB (localStorage's few megabytes would not hold forty images), keyed
// by the preset's complete link and the app build, so a second visit shows them at once and a new
// build, whose experiments may draw differently, renders them again. Without IndexedDB (private
// windows in some browsers) the cache lives in memory for the page's life.

export interface ThumbCache {
  get(key: string): Promise<string | undefined>;
  put(key: string, dataUrl: string): Promise<void>;
}

const DB = 'playground-thumbnails';
const STORE = 'thumbs';

export function memoryCache(): ThumbCache {
  const m = new Map<string, string>();
  return {
    get: async (k) => m.get(k),
    put: async (k, v) => void m.set(k, v),
  };
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function openDb(): Promise<IDBDatabase> {
  const r = indexedDB.open(DB, 1);
  r.onupgradeneeded = () => r.result.createObjectStore(STORE);
  return request(r);
}

/** IndexedDB when it opens, else memory; entries of older builds are deleted on open. */
export function browserCache(build: string): ThumbCache {
  const fallback = memoryCache();
  const db: Promise<IDBDatabase | null> = typeof indexedDB === 'undefined'
    ? Promise.resolve(null)
    : openDb().then(async (d) => {
      const tx = d.transaction(STORE, 'readwrite');
      const keys = (await request(tx.objectStore(STORE).getAllKeys())) as string[];
      for (const k of keys) if (!k.startsWith(`${build}|`)) tx.objectStore(STORE).delete(k);
      return d;
    }).catch(() => null);
  const key = (k: string) => `${build}|${k}`;
  return {
    async get(k) {
      const d = await db;
      if (!d) return fallback.get(k);
      try {
        return (await request(d.transaction(STORE).objectStore(STORE).get(key(k)))) as string | undefined;
      } catch {
        return fallback.get(k);
      }
    },
    async put(k, v) {
      const d = await db;
      if (!d) return fallback.put(k, v);
      try {
        await request(d.transaction(STORE, 'readwrite').objectStore(STORE).put(v, key(k)));
      } catch {
        await fallback.put(k, v); // quota exceeded: keep it for this visit
      }
    },
  };
}
