import { describe, expect, it } from 'vitest';
import { AcceptanceWatch, RECOVERED_AT, smallerStep, STUCK_BELOW, STUCK_WINDOW } from './stall';

describe('AcceptanceWatch', () => {
  it('a chain that rejects everything is stuck after STUCK_WINDOW iterations, not before', () => {
    const w = new AcceptanceWatch();
    for (let i = 0; i < STUCK_WINDOW - 1; i++) w.observe(0);
    expect(w.stuck).toBe(false);
    w.observe(0);
    expect(w.stuck).toBe(true);
    expect(w.mean).toBe(0);
  });

  it('a healthy chain, or one that only dips, is never stuck', () => {
    const w = new AcceptanceWatch();
    for (let i = 0; i < 5000; i++) w.observe(0.55 + 0.1 * Math.sin(i));
    expect(w.stuck).toBe(false);
    // a transient of 100 iterations at 0 in a healthy run
    for (let i = 0; i < 100; i++) w.observe(0);
    expect(w.stuck).toBe(false);
  });

  it('a chain accepting ~0.5% is stuck even though single iterations reach 1%', () => {
    const w = new AcceptanceWatch();
    for (let i = 0; i < STUCK_WINDOW; i++) w.observe(i % 2 === 0 ? 0.01 : 0);
    expect(w.mean).toBeLessThan(STUCK_BELOW);
    expect(w.stuck).toBe(true);
  });

  it('clears when the acceptance recovers, and stays clear at the threshold (no flicker)', () => {
    const w = new AcceptanceWatch();
    for (let i = 0; i < 400; i++) w.observe(0);
    expect(w.stuck).toBe(true);
    // a smaller step: acceptance ~0.6 at once; a handful of iterations lift the window's mean past RECOVERED_AT
    let k = 0;
    while (w.stuck && k < STUCK_WINDOW) { w.observe(0.6); k++; }
    expect(w.stuck).toBe(false);
    expect(k).toBeLessThanOrEqual(Math.ceil((RECOVERED_AT * STUCK_WINDOW) / 0.6) + 1);
    // back to a stuck chain: reported again once the window holds only rejections
    for (let i = 0; i < STUCK_WINDOW; i++) w.observe(0);
    expect(w.stuck).toBe(true);
    // a mean between STUCK_BELOW and RECOVERED_AT keeps it stuck
    for (let i = 0; i < STUCK_WINDOW; i++) w.observe(0.015);
    expect(w.stuck).toBe(true);
  });

  it('reads the trace rows a frame drains, skipping rows without acceptance and NaN', () => {
    const w = new AcceptanceWatch();
    const rows = Array.from({ length: STUCK_WINDOW }, (_, i) => ({ x: i + 1, m: { accept_rate: 0 } }));
    w.observeRows([{ x: 0, m: { dsm_loss: 1 } }, { x: 0, m: { accept_rate: NaN } }, ...rows.slice(0, -1)]);
    expect(w.stuck).toBe(false);
    w.observeRows(rows.slice(-1));
    expect(w.stuck).toBe(true);
    w.reset();
    expect(w.stuck).toBe(false);
    expect(Number.isNaN(w.mean)).toBe(true);
  });

  it('the fix is a tenth of the step', () => {
    expect(smallerStep(100)).toBe(10);
    expect(smallerStep(0.3)).toBe(0.03);
    expect(smallerStep(1 / 3)).toBe(0.0333);
  });
});
