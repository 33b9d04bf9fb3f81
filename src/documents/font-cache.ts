// Fonts parsed once per process and text shaped once per string, without letting one document's
// rendering change another's bytes.
//
// pdfkit parses every font file anew for each document and shapes every word anew; for a one-page
// invoice that is most of the work. fontkit (pdfkit's parser) lets us register an extra "format":
// pdfmake is handed a short token instead of the font bytes, and that format returns a font object
// parsed once. Two pieces of fontkit state would otherwise leak between documents:
//  - its glyph cache keeps the characters a glyph was first requested with, and pdfkit builds the
//    PDF's ToUnicode map from them: the cache is emptied whenever a document opens the font;
//  - shaping results are cached per string, and a cache hit replays the glyph requests the shaping
//    made, so the glyph cache ends up exactly as if the text had been shaped again.
import { createRequire } from 'node:module';
import { registerScaledLayout } from './fast-path-layout-run';
import { addSubsetCache } from './font-subset-cache';

const TOKEN_MAGIC = 'SDELKA-FONT-REF:';
const MAX_CACHED_RUNS = 20_000;
/** Glyph objects kept per font (by id and first characters); a font has some 6 000 glyphs. */
const MAX_KEPT_GLYPHS = 8_192;
let keepGlyphs = true;

/** Turns keeping glyph objects across documents on or off (tests compare the bytes of both). */
export function setKeptGlyphs(on: boolean): void {
  keepGlyphs = on;
}

type FontkitModule = {
  create(buffer: Uint8Array): object;
  registerFormat(format: object): void;
};

type GlyphRequest = { id: number; characters: number[] };

/** A shaping result kept for replay: the run's own fields, glyph ids and positions. */
type CachedRun = {
  prototype: object | null;
  fields: Record<string, unknown>;
  glyphIds: number[];
  /** xAdvance, yAdvance, xOffset, yOffset of each glyph in a row. */
  positions: number[];
  requests: GlyphRequest[];
};

function isFontkitModule(value: unknown): value is FontkitModule {
  if (typeof value !== 'object' || value === null) return false;
  return 'create' in value && typeof value.create === 'function' && 'registerFormat' in value && typeof value.registerFormat === 'function';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function loadFontkit(): FontkitModule | null {
  try {
    // The copy pdfkit itself requires, so the registered format is seen by pdfkit.
    const fromHere = createRequire(import.meta.url);
    const fontkit: unknown = createRequire(fromHere.resolve('pdfkit'))('fontkit');
    return isFontkitModule(fontkit) ? fontkit : null;
  } catch {
    return null;
  }
}

const POSITION_KEYS = ['xAdvance', 'yAdvance', 'xOffset', 'yOffset'] as const;

/** A glyph position's four numbers, or null if it is not the plain shape fontkit produces. */
function positionNumbers(position: unknown): number[] | null {
  if (!isRecord(position)) return null;
  const keys = Object.keys(position);
  if (keys.length !== 4 || !keys.every((k, i) => k === POSITION_KEYS[i])) return null;
  const values = POSITION_KEYS.map((k) => position[k]);
  return values.every((v): v is number => typeof v === 'number') ? values : null;
}

/** Wraps a parsed font's `layout` and `getGlyph` with the replaying shaping cache. */
function addShapingCache(font: object): void {
  const layout: unknown = Reflect.get(font, 'layout');
  const getGlyph: unknown = Reflect.get(font, 'getGlyph');
  if (typeof layout !== 'function' || typeof getGlyph !== 'function') return;
  const runs = new Map<string, CachedRun>();
  let recording: GlyphRequest[] | null = null;

  const kept = new Map<string, unknown>();
  /**
   * fontkit's getGlyph, with glyph objects kept across documents: a glyph is a pure function of its
   * id and the characters it was first requested with (its metrics and outline are decoded lazily
   * and cached on it), so the object of the same id and characters is handed to the document's
   * glyph table instead of decoding it again. The table itself is still per document.
   */
  const obtainGlyph = (id: number, characters: number[] = []): unknown => {
    const table: unknown = Reflect.get(font, '_glyphs');
    // What fontkit's getGlyph returns for a glyph the document already has.
    const known = isRecord(table) ? table[id] : undefined;
    if (known) return known;
    if (!keepGlyphs || !isRecord(table)) return getGlyph.call(font, id, characters);
    const key = `${id}:${characters.join(',')}`;
    const glyph = kept.get(key);
    if (glyph !== undefined) {
      table[id] = glyph;
      return glyph;
    }
    const created: unknown = getGlyph.call(font, id, characters);
    if (kept.size >= MAX_KEPT_GLYPHS) kept.clear();
    if (created) kept.set(key, created);
    return created;
  };

  const requestGlyph = (id: number, characters: number[] = []): unknown => {
    recording?.push({ id, characters: [...characters] });
    return obtainGlyph(id, characters);
  };

  const replay = (cached: CachedRun): object => {
    for (const r of cached.requests) obtainGlyph(r.id, r.characters);
    const run = Object.assign(Object.create(cached.prototype), cached.fields);
    run.glyphs = cached.glyphIds.map((id) => obtainGlyph(id));
    const p = cached.positions;
    const positions = [];
    for (let i = 0; i < p.length; i += 4) positions.push({ xAdvance: p[i], yAdvance: p[i + 1], xOffset: p[i + 2], yOffset: p[i + 3] });
    run.positions = positions;
    return run;
  };

  // The run pdfkit's layoutRun makes of a known word: positions scaled in pdfkit's key order, each
  // with its glyph's advance width (fast-path-layout-run.ts).
  const scaled = (text: string, scale: number): object | null => {
    const cached = runs.get(text);
    if (cached === undefined) return null;
    for (const r of cached.requests) obtainGlyph(r.id, r.characters);
    const run = Object.assign(Object.create(cached.prototype), cached.fields);
    const glyphs = cached.glyphIds.map((id) => obtainGlyph(id));
    const p = cached.positions;
    const positions = [];
    for (let i = 0, g = 0; i < p.length; i += 4, g++) {
      const glyph = glyphs[g];
      const advance: unknown = isRecord(glyph) ? glyph.advanceWidth : undefined;
      positions.push({ xAdvance: p[i] * scale, yAdvance: p[i + 1] * scale, xOffset: p[i + 2] * scale, yOffset: p[i + 3] * scale, advanceWidth: Number(advance) * scale });
    }
    run.glyphs = glyphs;
    run.positions = positions;
    return run;
  };
  registerScaledLayout(font, scaled);

  const shape = (text: unknown, ...rest: unknown[]): unknown => {
    // Only plain shaping (no explicit features, script or language) is cached.
    if (typeof text !== 'string' || rest.some((arg) => arg !== undefined)) return layout.call(font, text, ...rest);
    const hit = runs.get(text);
    if (hit !== undefined) return replay(hit);
    const requests: GlyphRequest[] = [];
    recording = requests;
    let run: unknown;
    try {
      run = layout.call(font, text);
    } finally {
      recording = null;
    }
    if (!isRecord(run) || !Array.isArray(run.glyphs) || !Array.isArray(run.positions)) return run;
    const glyphIds = run.glyphs.map((g: unknown) => (isRecord(g) && typeof g.id === 'number' ? g.id : -1));
    const numbers = run.positions.map(positionNumbers);
    if (glyphIds.includes(-1) || numbers.some((n) => n === null)) return run;
    if (runs.size >= MAX_CACHED_RUNS) runs.clear();
    // Snapshot before returning: pdfkit scales the positions of the run it receives in place.
    runs.set(text, {
      prototype: Object.getPrototypeOf(run),
      fields: { ...run },
      glyphIds,
      positions: numbers.flatMap((n) => n ?? []),
      requests,
    });
    return run;
  };

  Reflect.set(font, 'getGlyph', requestGlyph);
  Reflect.set(font, 'layout', shape);
}

const parsedFonts = new Map<string, object>();
let serial = 0;
let fontkitState: FontkitModule | null | undefined;

function tokenKey(buffer: Uint8Array): string | null {
  if (buffer.length > 64 || buffer.length <= TOKEN_MAGIC.length) return null;
  const text = Buffer.from(buffer).toString('latin1');
  return text.startsWith(TOKEN_MAGIC) ? text.slice(TOKEN_MAGIC.length) : null;
}

function fontkitWithCachedFormat(): FontkitModule | null {
  if (fontkitState !== undefined) return fontkitState;
  const fontkit = loadFontkit();
  if (fontkit !== null) {
    // fontkit calls `new format(stream)`; a function constructor may return another object.
    function CachedFontFormat(stream: { buffer: Uint8Array }): object {
      const key = tokenKey(stream.buffer);
      const font = key === null ? undefined : parsedFonts.get(key);
      if (font === undefined) throw new Error('Шрифт не загружен');
      Reflect.set(font, '_glyphs', {});
      return font;
    }
    CachedFontFormat.probe = (buffer: Uint8Array): boolean => tokenKey(buffer) !== null;
    fontkit.registerFormat(CachedFontFormat);
  }
  fontkitState = fontkit;
  return fontkit;
}

/**
 * Parses a font once and returns the small token pdfmake should be given in its place, or the
 * font bytes themselves when fontkit cannot be reached (slower, same output).
 */
export function cachedFontSource(bytes: Uint8Array): Uint8Array {
  const fontkit = fontkitWithCachedFormat();
  if (fontkit === null) return bytes;
  serial += 1;
  const key = String(serial);
  const font = fontkit.create(bytes);
  addShapingCache(font);
  const name: unknown = Reflect.get(font, 'postscriptName');
  addSubsetCache(font, typeof name === 'string' ? name : key);
  parsedFonts.set(key, font);
  return Buffer.from(TOKEN_MAGIC + key, 'latin1');
}
