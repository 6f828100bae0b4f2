// The built-in guided tours, one per lab, in the landing page's lab order (each lab's tour.ts, registered
// in labs.ts). A tour is data: steps are lab links (usually a preset), so the codec, the gallery and the
// tour panel all read the same list.
import type { Tour } from '../codec/tour-codec';
import { LAB_IDS } from '../types';
import { LABS } from '../labs';

export const BUILTIN_TOURS: readonly Tour[] = LAB_IDS.map((id) => LABS[id].tour);
