import { describe, expect, it } from 'vitest';
import { LAB_SCHEMAS } from '../labs/schemas';
import { HIDE_SECTIONS } from '../labs/codec/ui-options';
import { hiddenOf, hiddenSummary, SECTION_LABELS, toggleHidden } from './hidden';

const schema = LAB_SCHEMAS.samplers!;

describe('hidden controls and sections', () => {
  it('splits a hide list into this lab\'s controls and sections', () => {
    const h = hiddenOf(schema, ['step', 'charts', 'nope', 'runbar', 'seed']);
    expect([...h.controls]).toEqual(['step', 'seed']);
    expect([...h.sections]).toEqual(['charts', 'runbar']);
    expect(h.any).toBe(true);
    expect(hiddenOf(schema, []).any).toBe(false);
    expect(hiddenOf(undefined, ['step']).controls.size).toBe(0);
  });

  it('toggles an item without mutating the list, appending new items', () => {
    const list = ['step'];
    expect(toggleHidden(list, 'charts', true)).toEqual(['step', 'charts']);
    expect(toggleHidden(list, 'step', false)).toEqual([]);
    expect(toggleHidden(list, 'step', true)).toEqual(['step']);
    expect(list).toEqual(['step']);
  });

  it('summarises what is hidden', () => {
    expect(hiddenSummary(hiddenOf(schema, ['step']))).toBe('1 control hidden by this link');
    expect(hiddenSummary(hiddenOf(schema, ['step', 'seed', 'charts']))).toBe('2 controls and 1 section hidden by this link');
    expect(hiddenSummary(hiddenOf(schema, []))).toBe('');
  });

  it('labels every section', () => {
    for (const s of HIDE_SECTIONS) expect(SECTION_LABELS[s].length).toBeGreaterThan(3);
  });
});
