import { describe, expect, it } from 'vitest';
import { decodeWeightsFile, encodeWeightsFile } from './weights-file';

const w = { shapes: [[2, 3], [3]], values: [new Float32Array([1, 2, 3, 4, 5, 6.5]), new Float32Array([0, -1, 2])], width: 3, depth: 1 };

describe('weights file', () => {
  it('round-trips values, shapes and metadata', () => {
    const back = decodeWeightsFile(encodeWeightsFile('dikl', '#/dikl?v=1', w), 'dikl');
    expect(back.shapes).toEqual(w.shapes);
    expect(Array.from(back.values[0])).toEqual(Array.from(w.values[0]));
    expect((back as unknown as { width: number }).width).toBe(3);
  });
  it('refuses other labs, broken files and bad numbers with a reason', () => {
    const file = encodeWeightsFile('dikl', '', w);
    expect(() => decodeWeightsFile(file, 'dxmi')).toThrow(/from the dikl lab/);
    expect(() => decodeWeightsFile('{', 'dikl')).toThrow(/not JSON/);
    expect(() => decodeWeightsFile('{"format":"x"}', 'dikl')).toThrow(/not a weights file/);
    const bad = JSON.parse(file);
    bad.values[1] = [0, 1];
    expect(() => decodeWeightsFile(JSON.stringify(bad), 'dikl')).toThrow(/should have 3 values/);
    bad.values[1] = [0, 1, null];
    expect(() => decodeWeightsFile(JSON.stringify(bad), 'dikl')).toThrow(/not a finite number/);
  });
});
