// pdfkit's EmbeddedFont.layoutRun for a word the shaping cache knows: the run built with its
// positions already scaled, instead of a run of font units that pdfkit then scales key by key.
//
// pdfkit lays every new word of a document out once (font.layout, then each position's four
// numbers multiplied by the font's scale and the glyph's advance width added). For a word shaped
// before, font-cache.ts replays the glyph requests and hands back the same glyphs; here the same
// products are computed in the same order into the position objects pdfkit would have made. The
// class is reached through the first font pdfmake provides (pdfkit does not export it).
import { isRecord, method, type Method } from './fast-path-kit';

/** Lays out a known word with positions scaled by `scale`, or null when the word was never shaped. */
export type ScaledLayout = (text: string, scale: number) => object | null;

const scaledLayouts = new WeakMap<object, ScaledLayout>();
let installed: { proto: object; original: Method; replacement: Method } | null = null;
let enabled = true;

/** Registers the scaled layout of a parsed fontkit font (font-cache.ts does, for the fonts it parsed). */
export function registerScaledLayout(font: object, layout: ScaledLayout): void {
  scaledLayouts.set(font, layout);
}

/** Turns the scaled runs on or off (tests compare the bytes of both). */
export function setScaledRuns(on: boolean): void {
  enabled = on;
  if (installed !== null) Reflect.set(installed.proto, 'layoutRun', on ? installed.replacement : installed.original);
}

/** Installs the fast layoutRun on the class of `font` (a pdfkit EmbeddedFont), once per process. */
export function patchLayoutRun(font: unknown): void {
  if (installed !== null || !enabled || !isRecord(font)) return;
  const proto: unknown = Object.getPrototypeOf(font);
  if (!isRecord(proto)) return;
  const original = method(proto, 'layoutRun');
  if (original === null) return;
  const replacement: Method = function (this: unknown, text: unknown, features: unknown) {
    const fontkitFont = isRecord(this) ? this.font : undefined;
    const scale = isRecord(this) ? this.scale : undefined;
    const layout = isRecord(fontkitFont) ? scaledLayouts.get(fontkitFont) : undefined;
    if (features !== undefined || typeof text !== 'string' || typeof scale !== 'number' || layout === undefined) return original.call(this, text, features);
    return layout(text, scale) ?? original.call(this, text, features);
  };
  installed = { proto, original, replacement };
  Reflect.set(proto, 'layoutRun', replacement);
}
