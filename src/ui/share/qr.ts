// A share link as a QR code, drawn as one SVG path (crisp at any size, on a projector or printed).
// Error correction M first: a code photographed off a projector screen loses contrast, and M
// survives about 15% damage; long links fall back to L (7%) to fit. A QR code holds at most 2,953
// bytes (version 40, binary mode, level L): a longer link gets a clear reason instead of a code.
import QRCode from 'qrcode';

/** the most bytes a QR code can hold (version 40, byte mode, level L) */
export const QR_MAX_BYTES = 2953;
/** white modules around the code that scanners need to find it */
const QUIET = 4;

export type QrResult =
  | { ok: true; level: 'M' | 'L'; version: number; size: number; path: string; bytes: number }
  | { ok: false; bytes: number; reason: string };

const byteLength = (s: string): number => new TextEncoder().encode(s).length;

/** Module size and a path in module units (quiet zone included in `size`). Never throws. */
export function qrFor(text: string): QrResult {
  const bytes = byteLength(text);
  if (bytes > QR_MAX_BYTES) {
    return { ok: false, bytes, reason: `This link is ${bytes.toLocaleString('en')} characters long; a QR code holds at most ${QR_MAX_BYTES.toLocaleString('en')}. Share the link itself (long mixtures and drawn points make long links), or remove some drawn points.` };
  }
  for (const level of ['M', 'L'] as const) {
    try {
      const code = QRCode.create(text, { errorCorrectionLevel: level });
      return { ok: true, level, version: code.version, size: code.modules.size + 2 * QUIET, path: modulesPath(code.modules.size, code.modules.data), bytes };
    } catch {
      // too long for this level: try the next one
    }
  }
  return { ok: false, bytes, reason: `This link (${bytes.toLocaleString('en')} characters) does not fit in a QR code. Share the link itself.` };
}

/** Dark modules as horizontal runs: `M x y h n v 1 h -n z`, offset by the quiet zone. */
export function modulesPath(size: number, data: ArrayLike<number>): string {
  const parts: string[] = [];
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!data[y * size + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && data[y * size + x]) x++;
      parts.push(`M${start + QUIET} ${y + QUIET}h${x - start}v1h${start - x}z`);
    }
  }
  return parts.join('');
}
