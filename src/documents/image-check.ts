// Uploaded PNG images (the stamp, the facsimile, a logo) are read in full before pdfkit gets them:
// pdfkit decodes a PNG's pixels in a callback, where a broken file throws past every caller and stops
// the thread, and a picture of huge size takes all the memory. A bad image is refused by name instead.
import { createHash } from 'node:crypto';
import { PNG } from 'pngjs';
import { imageInfo } from '../core/index';

/** The longest side an image may have when uploaded, in pixels (a stamp at 600 dpi is about 1 000). */
export const MAX_IMAGE_SIDE = 4000;

/**
 * The longest side an image may have when a document is printed: an image saved before uploads were
 * limited (a phone photo of a signature, 8 000 pixels at most) still prints; a larger one would take
 * hundreds of megabytes to decode.
 */
export const MAX_PRINTED_IMAGE_SIDE = 8000;

/** An uploaded image that cannot go into a document; the message is Russian and names the image. */
export class ImageInvalidError extends Error {
  override name = 'ImageInvalidError';
}

// A few images are used again and again (the office's stamp on every document): each is read once.
const readable = new Map<string, boolean>();
const MAX_REMEMBERED = 64;

function decodes(bytes: Uint8Array): boolean {
  const key = createHash('sha256').update(bytes).digest('hex');
  let ok = readable.get(key);
  if (ok === undefined) {
    try {
      PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      ok = true;
    } catch {
      ok = false;
    }
    if (readable.size >= MAX_REMEMBERED) readable.clear();
    readable.set(key, ok);
  }
  return ok;
}

/** What is wrong with a PNG image, in Russian, or null when pdfkit can take it; `maxSide` in pixels. */
export function pngProblem(bytes: Uint8Array, maxSide: number = MAX_IMAGE_SIDE): string | null {
  const info = imageInfo(bytes);
  if (info === null || info.format !== 'png') return 'ожидается изображение в формате PNG';
  if (info.width > maxSide || info.height > maxSide) {
    return `изображение ${info.width}×${info.height} пикселей слишком велико: не больше ${maxSide} по стороне — уменьшите его`;
  }
  if (info.width === 0 || info.height === 0 || !decodes(bytes)) return 'файл PNG повреждён и не читается — загрузите изображение заново';
  return null;
}

/** Throws ImageInvalidError naming `what` («Печать», «Подпись», «Логотип») when the PNG cannot be printed in a document. */
export function assertPngImage(bytes: Uint8Array, what: string): void {
  const problem = pngProblem(bytes, MAX_PRINTED_IMAGE_SIDE);
  if (problem !== null) throw new ImageInvalidError(`${what}: ${problem}`);
}
