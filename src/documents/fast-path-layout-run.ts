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
type Installed = { proto: object; key: string; original: Method; replacement: Method };
let installed: Installed[] | null = null;
let enabled = true;

/** Registers the scaled layout of a parsed fontkit font (font-cache.ts does, for the fonts it parsed). */
export function registerScaledLayout(font: object, layout: ScaledLayout): void {
  scaledLayouts.set(font, layout);
}

/** Turns the scaled runs on or off (tests compare the bytes of both). */
export function setScaledRuns(on: boolean): void {
  enabled = on;
  for (const p of installed ?? []) Reflect.set(p.proto, p.key, on ? p.replacement : p.original);
}

/**
 * pdfkit's EmbeddedFont.layout: the text laid out word by word (each word with its following space
 * or tab, through the per-document layout cache), glyphs and positions appended in place where
 * pdfkit concatenates a new array per word.
 */
function layoutReplacement(original: Method): Method {
  return function (this: unknown, text: unknown, features: unknown, onlyWidth: unknown) {
    const layoutCached = isRecord(this) ? method(this, 'layoutCached') : null;
    if (features || typeof text !== 'string' || layoutCached === null) return original.call(this, text, features, onlyWidth);
    const glyphs: unknown[] | null = onlyWidth ? null : [];
    const positions: unknown[] | null = onlyWidth ? null : [];
    let advanceWidth = 0;
    let last = 0;
    let index = 0;
    while (index <= text.length) {
      const atEnd = index === text.length && last < index;
      const needle = atEnd ? '' : text.charAt(index);
      if (atEnd || needle === ' ' || needle === '\t') {
        const run: unknown = layoutCached.call(this, text.slice(last, ++index));
        // advanceWidth is a getter summing the run's positions: read once.
        const width: unknown = isRecord(run) ? run.advanceWidth : undefined;
        if (!isRecord(run) || typeof width !== 'number') return original.call(this, text, features, onlyWidth);
        if (glyphs !== null && positions !== null) {
          const runGlyphs = run.glyphs;
          const runPositions = run.positions;
          if (!Array.isArray(runGlyphs) || !Array.isArray(runPositions)) return original.call(this, text, features, onlyWidth);
          for (const g of runGlyphs) glyphs.push(g);
          for (const p of runPositions) positions.push(p);
        }
        advanceWidth += width;
        last = index;
      } else {
        index++;
      }
    }
    return { glyphs, positions, advanceWidth };
  };
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
  installed = [{ proto, key: 'layoutRun', original, replacement }];
  const layout = method(proto, 'layout');
  if (layout !== null) installed.push({ proto, key: 'layout', original: layout, replacement: layoutReplacement(layout) });
  for (const p of installed) Reflect.set(p.proto, p.key, p.replacement);
}
