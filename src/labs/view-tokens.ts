// Words of view titles, chart labels and plane legends that depend on the params: a lab writes `{NAME}`
// and its schema's `tokens(params)` says what NAME reads as now (DiKL's comparison: "{A}" is the main
// generator's objective, "{B}" the other one's), so a legend names what is drawn instead of "main".
import type { LabSchema, ParamValue, ViewSpec } from './types';

const TOKEN = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/** `text` with every known {NAME} replaced; unknown tokens are left as written (a typo shows, not vanishes) */
export function fillTokens(text: string, tokens: Readonly<Record<string, string>>): string {
  return text.replace(TOKEN, (all, name: string) => (Object.hasOwn(tokens, name) ? tokens[name] : all));
}

/** the views with their tokens filled for these params (the same objects when the lab has no tokens) */
export function resolveViews(schema: LabSchema, views: readonly ViewSpec[], params: Record<string, ParamValue>): ViewSpec[] {
  if (!schema.tokens) return [...views];
  const t = schema.tokens(params);
  const f = (s: string) => fillTokens(s, t);
  return views.map((v) => {
    const title = f(v.title);
    if (v.kind === 'chart') return { ...v, title, metrics: v.metrics.map((m) => ({ ...m, label: f(m.label) })) };
    if (v.kind === 'plane') return { ...v, title, legend: Object.fromEntries(Object.entries(v.legend).map(([k, s]) => [k, f(s)])) };
    return { ...v, title };
  });
}
