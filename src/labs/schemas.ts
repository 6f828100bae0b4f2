// lab id -> schema (no tfjs behind it): the UI thread and the URL codec import this. Derived from the
// one registration of each lab (labs.ts).
import { LAB_IDS, type LabId, type LabSchema } from './types';
import { LABS } from './labs';

export const LAB_SCHEMAS: Partial<Record<LabId, LabSchema>> = Object.fromEntries(LAB_IDS.map((id) => [id, LABS[id].schema]));

export const LAB_LIST: readonly { id: LabId; title: string; blurb: string }[] = LAB_IDS.map((id) => ({ id, title: LABS[id].title, blurb: LABS[id].blurb }));
