import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { modulesPath, qrFor, QR_MAX_BYTES } from './qr';

describe('share QR code', () => {
  it('encodes a typical link at level M with a quiet zone', () => {
    const link = 'https://example.org/playground/#/samplers?v=2&seed=5&target=mog40&sampler=ula&particles=2000&step=0.1';
    const r = qrFor(link);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.level).toBe('M');
    const modules = QRCode.create(link, { errorCorrectionLevel: 'M' }).modules;
    expect(r.size).toBe(modules.size + 8);
    // the path covers exactly the dark modules
    const dark = Array.from(modules.data).filter(Boolean).length;
    const covered = [...r.path.matchAll(/h(\d+)v1/g)].reduce((a, m) => a + Number(m[1]), 0);
    expect(covered).toBe(dark);
  });

  it('falls back to level L for a link too long for M, and refuses one too long for any code', () => {
    const long = 'https://x.org/#/samplers?comps=' + '1.23,'.repeat(520); // ~2.6 kB: fits only at L
    const r = qrFor(long);
    expect(r.ok && r.level).toBe('L');
    const tooLong = qrFor('x'.repeat(QR_MAX_BYTES + 1));
    expect(tooLong.ok).toBe(false);
    if (!tooLong.ok) expect(tooLong.reason).toMatch(/at most 2,953/);
  });

  it('draws runs of dark modules as single rectangles', () => {
    expect(modulesPath(3, [1, 1, 0, 0, 0, 0, 0, 1, 1])).toBe('M4 4h2v1h-2zM5 6h2v1h-2z');
  });
});
