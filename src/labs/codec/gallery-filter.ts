// The gallery's filter lives in its link (`#/gallery?lab=dikl&topic=mode%20collapse`) so a teacher can
// send "every mode-collapse demo". Read as strictly as lab links: a bad value is dropped with a notice.
import { LAB_IDS, type LabId } from '../types';
import { isTopic, TOPICS, type Topic } from '../topics';
import type { ParamNotice } from './param-codec';

export interface GalleryFilter {
  lab?: LabId;
  topic?: Topic;
}

export function parseGalleryFilter(raw: Record<string, string>): { filter: GalleryFilter; notices: ParamNotice[] } {
  const filter: GalleryFilter = {};
  const notices: ParamNotice[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'lab') {
      if ((LAB_IDS as readonly string[]).includes(value)) filter.lab = value as LabId;
      else notices.push({ key, value, kind: 'invalid', message: `lab="${value.slice(0, 40)}" is not a lab; allowed: ${LAB_IDS.join(', ')}; showing every lab` });
    } else if (key === 'topic') {
      if (isTopic(value)) filter.topic = value;
      else notices.push({ key, value, kind: 'invalid', message: `topic="${value.slice(0, 40)}" is not a topic; allowed: ${TOPICS.join(', ')}; showing every topic` });
    } else if (key !== 'v' && key !== 'backend') {
      notices.push({ key, value, kind: 'unknown-key', message: `"${key.slice(0, 40)}" is not a gallery filter (lab, topic); ignored` });
    }
  }
  return { filter, notices };
}

export function formatGalleryHash(filter: GalleryFilter): string {
  const parts: string[] = [];
  if (filter.lab) parts.push(`lab=${filter.lab}`);
  if (filter.topic) parts.push(`topic=${encodeURIComponent(filter.topic)}`);
  return parts.length ? `#/gallery?${parts.join('&')}` : '#/gallery';
}
