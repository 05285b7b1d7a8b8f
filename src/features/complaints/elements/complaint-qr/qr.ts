import { correction, generate } from 'lean-qr';
import { toSvgPath } from 'lean-qr/extras/svg';

/** Light modules around the code, as ISO/IEC 18004 asks (4 modules). */
export const QUIET_ZONE = 4;

/** A QR code as an SVG path: `size` modules a side (without the quiet zone). */
export interface QrCode {
  readonly size: number;
  /** Path data of the dark modules, in module units from (0, 0). */
  readonly path: string;
  /** Whether the module at (x, y) is dark. */
  get(x: number, y: number): boolean;
}

/**
 * Encodes text (a link) as a QR code with at least level M error correction (~15%): posters
 * in stairwells get dirty, scratched and photographed at an angle.
 */
export function encodeQr(text: string): QrCode {
  const code = generate(text, { minCorrectionLevel: correction.M });
  return { size: code.size, path: toSvgPath(code), get: (x, y) => code.get(x, y) };
}
