// pdfkit reads a PNG's pixels through png-js, which inflates them on libuv's thread pool, and writes
// the image's objects when that ends. With two images on a page (the stamp and the facsimile) the one
// whose inflating finished first was written first, so the same document could come out with other
// bytes from one render to the next. Here each image is inflated at once and its callback runs in the
// order the images were embedded (one setImmediate each, first in, first out): the same bytes every time.
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import { isConstructor, method, type Method } from './fast-path-kit';

type InflateCallback = (error: Error | null, result?: Buffer) => void;

/**
 * zlib.inflate as png-js calls it, answered in call order. Data that does not inflate throws here, in
 * the render's own call (image-check.ts refuses such files first): png-js would throw it from a callback.
 */
function inflateInOrder(data: zlib.InputType, callback: InflateCallback): void {
  setImmediate(callback, null, zlib.inflateSync(data));
}

let installed: boolean | null = null;

/** png-js's `decodePixels` with the ordered inflate swapped in for the length of its own synchronous call. */
function orderedDecode(original: Method): Method {
  return function decodePixels(this: unknown, ...args: unknown[]): unknown {
    const threaded: unknown = Reflect.get(zlib, 'inflate');
    Reflect.set(zlib, 'inflate', inflateInOrder);
    try {
      return original.apply(this, args);
    } finally {
      Reflect.set(zlib, 'inflate', threaded);
    }
  };
}

/** Installs the ordered decoding on the png-js pdfkit itself loads (once per thread); false when it cannot be reached. */
export function orderPngDecoding(): boolean {
  if (installed !== null) return installed;
  installed = false;
  try {
    const fromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
    const PNG: unknown = createRequire(fromPdfmake.resolve('pdfkit'))('png-js');
    if (!isConstructor(PNG)) return false;
    const original = method(PNG.prototype, 'decodePixels');
    if (original === null) return false;
    Reflect.set(PNG.prototype, 'decodePixels', orderedDecode(original));
    installed = true;
  } catch {
    installed = false;
  }
  return installed;
}

/** Whether the ordered decoding is in place (tests check it did not silently fall away). */
export function pngDecodingOrdered(): boolean {
  return installed === true;
}
