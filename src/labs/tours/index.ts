// The built-in guided tours, one per lab, in the landing page's lab order. A tour is data: steps are
// lab links (usually a preset), so the codec, the gallery and the tour panel all read the same list.
import type { Tour } from '../codec/tour-codec';
import { samplersTour } from './samplers';
import { mismatchTour } from './mismatch';
import { implicitTour } from './implicit';
import { diklTour } from './dikl';
import { guidanceTour } from './guidance';
import { dxmiTour } from './dxmi';

export const BUILTIN_TOURS: readonly Tour[] = [samplersTour, mismatchTour, implicitTour, diklTour, guidanceTour, dxmiTour];
