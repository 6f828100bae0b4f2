// Lookups keyed by untrusted text (a link's path and keys, an experiment file's fields). A plain object
// answers `o["__proto__"]`, `o["constructor"]` or `o["toString"]` from Object.prototype, so a link named
// `#/constructor` once found a "lab schema" that was the Object function. Every such lookup goes
// through an own-key check here, and records built from untrusted keys have no prototype, so
// `__proto__=1` is stored (and reported) as an ordinary key instead of being swallowed by the setter.

/** `o[key]` only when `key` is o's own property. */
export function ownValue<T>(o: Readonly<Partial<Record<string, T>>>, key: string): T | undefined {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** An empty record for untrusted keys: no prototype, so no key is special. */
export function textRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
