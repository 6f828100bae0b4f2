// The gallery's cards: every preset of every lab with its complete share link (the resolved params,
// not `preset=`, so a card opens exactly what its thumbnail shows even if the preset changes later),
// one line of what to look for, and its topics. Pure: the page renders these and tests check them.
import { LAB_LIST, LAB_SCHEMAS } from '../labs/schemas';
import { formatHash } from '../labs/codec/url-codec';
import type { GalleryFilter } from '../labs/codec/gallery-filter';
import type { LabId, ParamValue, Preset } from '../labs/types';
import type { Topic } from '../labs/topics';
import { presetParams } from './slices/params';

export interface GalleryCard {
  lab: LabId;
  labTitle: string;
  preset: Preset;
  params: Record<string, ParamValue>;
  /** the complete share link, `#/<lab>?v=...` */
  link: string;
  /** the first sentence of lookFor, shortened to a line */
  line: string;
  topics: readonly Topic[];
  /** iterations the thumbnail aims for */
  steps: number;
}

const LINE_MAX = 150;

/** First sentence (a period, ! or ? followed by a space or the end), cut at a word under LINE_MAX. */
export function firstSentence(text: string): string {
  const m = /^[\s\S]*?[.!?](?=\s|$)/.exec(text.trim());
  const s = (m ? m[0] : text).trim();
  if (s.length <= LINE_MAX) return s;
  const cut = s.slice(0, LINE_MAX - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), LINE_MAX / 2)).replace(/[,;:\s]+$/, '')}…`;
}

export function galleryCards(): GalleryCard[] {
  const out: GalleryCard[] = [];
  for (const { id, title } of LAB_LIST) {
    const schema = LAB_SCHEMAS[id];
    if (!schema) continue;
    for (const preset of schema.presets) {
      const params = presetParams(schema, preset.id)!;
      out.push({
        lab: id, labTitle: title, preset, params,
        link: formatHash(id, params),
        line: firstSentence(preset.lookFor),
        topics: preset.topics ?? [],
        steps: preset.steps ?? schema.defaultSteps,
      });
    }
  }
  return out;
}

export function filterCards(cards: readonly GalleryCard[], f: GalleryFilter): GalleryCard[] {
  return cards.filter((c) => (!f.lab || c.lab === f.lab) && (!f.topic || c.topics.includes(f.topic)));
}
