// The UI thread imports the lab schemas (labs/schemas.ts), so nothing they import may reach tfjs. The
// catalogs (core/samplers/catalog.ts, core/targets/catalog.ts) are imported by the Samplers schema: this
// walks the value imports (not `import type`) from the schema and fails on core/tf.ts or @tensorflow/*.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function valueImports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  return [...src.matchAll(IMPORT)].map((m) => m[1]);
}

function resolveTs(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const f of [base, `${base}.ts`, `${base}/index.ts`]) if (existsSync(f) && !f.endsWith('/')) return f.endsWith('.ts') || f.endsWith('.json') ? f : null;
  return null;
}

function reach(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const f = todo.pop()!;
    if (files.has(f) || f.endsWith('.json')) continue;
    files.add(f);
    for (const spec of valueImports(f)) {
      const r = resolveTs(f, spec);
      if (r) todo.push(r);
      else if (!spec.startsWith('.')) packages.add(spec);
    }
  }
  return { files, packages };
}

describe('the Samplers schema', () => {
  it('reaches no tfjs through its value imports', () => {
    const { files, packages } = reach(resolve(__dirname, 'schema.ts'));
    const rel = [...files].map((f) => f.slice(resolve(__dirname, '../../..').length + 1));
    expect(rel).toContain('src/core/samplers/catalog.ts');
    expect(rel).toContain('src/core/targets/catalog.ts');
    expect(rel.filter((f) => f === 'src/core/tf.ts')).toEqual([]);
    expect([...packages].filter((p) => p.startsWith('@tensorflow'))).toEqual([]);
  });
});
