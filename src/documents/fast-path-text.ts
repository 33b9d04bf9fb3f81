// pdfkit's text call as pdfmake makes it, once per word: the same fragment written with the same state
// left behind, without the general path's option merging, line splitting and wrapping checks.
//
// pdfmake's Renderer writes every word with doc.text(word, x, y, { lineBreak: false, textWidth, … }).
// pdfkit then copies the options, sets doc.x and doc.y, splits the word at line breaks (there are none)
// and writes each piece with _fragment, moving doc.x past it. A call of that shape goes straight to
// _fragment here; any other goes the general way. Inside _fragment every word also flips the
// coordinate system ("1 0 0 -1 0 <page height> cm"): that operator's text is kept per page height.
import { isRecord, method, pdfNumber, type Method, type Patch } from './fast-path-kit';

const MAX_CACHED = 64;

/** Options the general path would treat differently from a plain one-line fragment. */
function plainOptions(options: unknown): options is Record<string, unknown> {
  if (!isRecord(options) || options.lineBreak !== false) return false;
  return options.width == null && !options.wordSpacing && !options.rotation && !options.structParent && !options.continued;
}

function textPatch(proto: object): Patch[] {
  const text = method(proto, 'text');
  const fragment = method(proto, '_fragment');
  const widthOf = method(proto, 'widthOfString');
  if (text === null || fragment === null || widthOf === null) return [];
  const fastText: Method = function (this: unknown, chunk: unknown, x: unknown, y: unknown, options: unknown) {
    const plain =
      isRecord(this) && this._textOptions == null && typeof chunk === 'string' && !chunk.includes('\n') && typeof x === 'number' && typeof y === 'number';
    if (!plain || !plainOptions(options)) return text.call(this, chunk, x, y, options);
    // As _initOptions, _text and _line do for it: position, fragment, then doc.x past the text.
    this.x = x;
    this.y = y;
    fragment.call(this, chunk, x, y, options);
    const width = widthOf.call(this, chunk, options);
    if (typeof width === 'number') this.x = x + width;
    return this;
  };
  return [{ target: proto, key: 'text', original: text, replacement: fastText }];
}

function transformPatch(proto: object): Patch[] {
  const transform = method(proto, 'transform');
  const addContent = method(proto, 'addContent');
  if (transform === null || addContent === null) return [];
  const flips = new Map<number, string>();
  const fastTransform: Method = function (this: unknown, m11: unknown, m12: unknown, m21: unknown, m22: unknown, dx: unknown, dy: unknown) {
    const flip = m11 === 1 && m12 === 0 && m21 === 0 && m22 === -1 && dx === 0 && typeof dy === 'number';
    const m = isRecord(this) ? this._ctm : undefined;
    if (!flip || !Array.isArray(m) || m.length !== 6) return transform.call(this, m11, m12, m21, m22, dx, dy);
    let operator = flips.get(dy);
    if (operator === undefined) {
      const shown = pdfNumber(dy);
      if (shown === null) return transform.call(this, m11, m12, m21, m22, dx, dy);
      operator = `1 0 0 -1 0 ${shown} cm`;
      if (flips.size >= MAX_CACHED) flips.clear();
      flips.set(dy, operator);
    }
    // The same products, in the same order, as pdfkit's transform.
    const [m0, m1, m2, m3, m4, m5] = m as number[];
    m[0] = m0 * m11 + m2 * m12;
    m[1] = m1 * m11 + m3 * m12;
    m[2] = m0 * m21 + m2 * m22;
    m[3] = m1 * m21 + m3 * m22;
    m[4] = m0 * dx + m2 * dy + m4;
    m[5] = m1 * dx + m3 * dy + m5;
    return addContent.call(this, operator);
  };
  return [{ target: proto, key: 'transform', original: transform, replacement: fastTransform }];
}

/** The patches of pdfkit's PDFDocument text call and coordinate flip. */
export function textPatches(PDFDocument: { prototype: object }): Patch[] {
  return [...textPatch(PDFDocument.prototype), ...transformPatch(PDFDocument.prototype)];
}
