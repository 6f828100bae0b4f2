// docs/samplers-lab.md lists the samplers and targets in two tables; they are the catalogs written out,
// so this test fails (printing the table to paste) when a catalog entry is added or changed without them.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLER_CATALOG, samplerNeeds, type SettingSpec } from '../../core/samplers/catalog';
import { TARGET_CATALOG, targetOffers } from '../../core/targets/catalog';

const DOC = resolve(__dirname, '../../../docs/samplers-lab.md');

function samplerTable(): string {
  const rows = SAMPLER_CATALOG.map((e) => {
    const n = samplerNeeds(e);
    const needs = [n.mixture ? 'the mixture' : '', n.density ? 'log density' : '', n.levels === 'ladder' ? 'score at VE levels' : n.levels === 'schedule' ? 'score on a VP schedule' : n.score ? 'clean score' : ''].filter(Boolean).join(', ');
    const settings = (e.settings as readonly SettingSpec[]).map((s) => `\`${s.key}\`${s.live ? ' (live)' : ''}`).join(', ');
    return `| \`${e.id}\` | ${e.label} | ${e.family} | ${needs} | ${settings} | ${e.update} | ${e.source} |`;
  });
  return ['| id | menu label | family | needs | settings | update (2D, score s(x, level)) | source |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}

function targetTable(): string {
  const rows = TARGET_CATALOG.map((e) => {
    const o = targetOffers(e.family);
    const offers = o.noisedScore ? 'density, score at every level' : o.score ? 'density, clean score' : 'samples only';
    return `| \`${e.id}\` | ${e.label} | ${e.family} | ${offers} |`;
  });
  return ['| id | menu label | family | offers |', '|---|---|---|---|', ...rows].join('\n');
}

function section(doc: string, name: string): string {
  const m = doc.match(new RegExp(`<!-- ${name}:begin[^>]*-->\\n([\\s\\S]*?)\\n<!-- ${name}:end -->`));
  return m ? m[1] : `(no <!-- ${name}:begin --> ... <!-- ${name}:end --> in docs/samplers-lab.md)`;
}

describe('docs/samplers-lab.md', () => {
  const doc = readFileSync(DOC, 'utf8');
  it('lists the samplers of the catalog', () => expect(section(doc, 'samplers-table')).toBe(samplerTable()));
  it('lists the targets of the catalog', () => expect(section(doc, 'targets-table')).toBe(targetTable()));
});
