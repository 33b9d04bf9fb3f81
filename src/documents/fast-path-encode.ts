// pdfkit's EmbeddedFont.encode and widthOfString for a word the document has already written or measured.
//
// A contract writes «Поставщик», «товара» or «в» hundreds of times. Each time pdfkit lays the word out
// again (from its layout cache), looks every glyph up in the font's subset and formats the glyph
// numbers as hex. Within one document (one EmbeddedFont) a word's glyphs always get the numbers they
// got the first time, so the first answer is kept with the font and handed out again; the arrays are
// only read by the callers (_fragment copies before it changes anything). Calls with OpenType
// features go the general way.
import { isRecord, type Method } from './fast-path-kit';

const MAX_WORDS = 4096;

type Encoded = [unknown[], unknown[]];

/** What one font of one document has encoded so far. */
const encodedOf = new WeakMap<object, Map<string, Encoded>>();

/** What one font of one document has measured so far (words' widths in font units). */
const widthsOf = new WeakMap<object, Map<string, number>>();

function mapOf<V>(maps: WeakMap<object, Map<string, V>>, owner: object): Map<string, V> {
  let map = maps.get(owner);
  if (map === undefined) {
    map = new Map();
    maps.set(owner, map);
  }
  return map;
}

function isEncoded(value: unknown): value is Encoded {
  return Array.isArray(value) && value.length === 2 && Array.isArray(value[0]) && Array.isArray(value[1]);
}

/** EmbeddedFont.encode, answered from the document's earlier answer for the same word. */
export function encodeReplacement(original: Method): Method {
  return function (this: unknown, text: unknown, features: unknown) {
    if (features !== undefined || typeof text !== 'string' || !isRecord(this)) return original.call(this, text, features);
    const words = mapOf(encodedOf, this);
    const hit = words.get(text);
    if (hit !== undefined) return hit;
    const result = original.call(this, text, features);
    if (isEncoded(result) && words.size < MAX_WORDS) words.set(text, result);
    return result;
  };
}

/**
 * EmbeddedFont.widthOfString: the word's width in font units (the sum pdfkit's layout makes) kept for
 * the document, then scaled by the size as pdfkit does. Not across documents: laying a word out
 * requests its glyphs, and the characters a glyph is first requested with in a document go into its
 * ToUnicode map (font-cache.ts), so each document lays each of its words out at least once.
 */
export function widthReplacement(original: Method): Method {
  return function (this: unknown, text: unknown, size: unknown, features: unknown) {
    const layout = isRecord(this) ? this.layout : undefined;
    if (features !== undefined || typeof text !== 'string' || typeof size !== 'number' || !isRecord(this) || typeof layout !== 'function') {
      return original.call(this, text, size, features);
    }
    const widths = mapOf(widthsOf, this);
    let width = widths.get(text);
    if (width === undefined) {
      const run: unknown = layout.call(this, text, features, true);
      const advance = isRecord(run) ? run.advanceWidth : undefined;
      if (typeof advance !== 'number') return original.call(this, text, size, features);
      width = advance;
      if (widths.size < MAX_WORDS) widths.set(text, width);
    }
    const scale = size / 1000;
    return width * scale;
  };
}
