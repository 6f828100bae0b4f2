// Page object for the Samplers lab, which most specs drive: the generic lab page (lab-page.ts) on its route.
import type { Page } from '@playwright/test';
import { LabPage } from './lab-page';

export { LabPage, parseComps, toWorld, type PlaygroundHandle, type RunTrace, type RunView } from './lab-page';

export class SamplersLab extends LabPage {
  constructor(page: Page) {
    super(page, 'samplers');
  }
}
