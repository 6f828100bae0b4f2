import { describe, expect, it } from 'vitest';
import { choiceToStore, resolveTheme } from './theme';

describe('theme choice', () => {
  it('follows the system until the user stores a choice', () => {
    expect(resolveTheme(null, true)).toBe('dark');
    expect(resolveTheme(null, false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
  it('ignores a corrupt stored value', () => {
    expect(resolveTheme('purple', true)).toBe('dark');
    expect(resolveTheme('', false)).toBe('light');
  });
  it('forgets a choice that matches the system, so the page follows it again', () => {
    expect(choiceToStore('dark', true)).toBeNull();
    expect(choiceToStore('light', false)).toBeNull();
    expect(choiceToStore('dark', false)).toBe('dark');
    expect(choiceToStore('light', true)).toBe('light');
  });
});
