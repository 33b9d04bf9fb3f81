// The embedded font subsets written from what is fixed per font, byte for byte as fontkit writes them.
//
// At the end of every document pdfkit asks fontkit for a subset of each font it used: fontkit decodes
// every used glyph anew (to find a composite's components), copies its outline and encodes nine
// TrueType tables field by field, the font's constant instruction tables included. Per font, what
// does not change between documents is kept: each glyph's outline bytes, components and metrics (at
// most one record per glyph of the font, so bounded by the font's glyph count), and the encoded
// tables that do not depend on the glyphs chosen (head, cvt, prep, fpgm; hhea and maxp but for their
// glyph counts). They are taken from fontkit's own output for the first subset, and this writer's
// output for that same subset must equal fontkit's byte for byte, or it is never used (fontkit then
// writes every subset, as before). Nothing of one document's text is kept: only font data.
import { isRecord, method } from './fast-path-kit';

/** One glyph of the font as a subset copies it. */
type GlyphRecord = { bytes: Uint8Array; components: { pos: number; glyphID: number }[] | null; advance: number; bearing: number };

/** A table of the subset as fontkit wrote it, and where a glyph count goes in it. */
type TableTemplate = { tag: string; kind: 'fixed' | 'loca' | 'glyf' | 'hmtx'; bytes: Uint8Array; countAt: number | null };

/** What the writer needs of the first subset fontkit wrote. */
type FontTemplate = { header: Uint8Array; tables: TableTemplate[]; shortLoca: boolean };

type FontState = { records: Map<number, GlyphRecord>; template: FontTemplate | null | 'unusable' };

/** The subset's working fields, as fontkit's TTFSubset keeps them. */
type SubsetShape = {
  font: Record<string, unknown>;
  glyphs: number[];
  includeGlyph(glyph: number): number;
};

function isSubsetShape(value: unknown): value is SubsetShape & Record<string, unknown> {
  return isRecord(value) && isRecord(value.font) && Array.isArray(value.glyphs) && typeof value.includeGlyph === 'function' && typeof value._addGlyph === 'function';
}

let enabled = true;
const verified = new Set<string>();

/** Turns the writer on or off (tests compare fontkit's subsets with it). */
export function setSubsetWriter(on: boolean): void {
  enabled = on;
}

/** Tags of the fonts whose subsets this writer has matched fontkit's for, byte for byte (tests check it is in use). */
export function verifiedSubsetFonts(): string[] {
  return [...verified].sort();
}

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] << 8) | bytes[at + 1];
}

function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
}

function tagAt(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
}

/** Offsets of the glyph counts: hhea.numberOfMetrics and maxp.numGlyphs. */
const COUNT_AT: Record<string, number> = { hhea: 34, maxp: 4 };
const KIND: Record<string, TableTemplate['kind']> = { loca: 'loca', glyf: 'glyf', hmtx: 'hmtx' };

/** Reads the directory and tables of a subset fontkit wrote; null when it is not laid out table after table. */
function templateOf(out: Uint8Array, shortLoca: boolean): FontTemplate | null {
  if (out.length < 12) return null;
  const count = u16(out, 4);
  const headerLength = 12 + 16 * count;
  let expected = headerLength;
  const tables: TableTemplate[] = [];
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = tagAt(out, at);
    const offset = u32(out, at + 8);
    const length = u32(out, at + 12);
    if (u32(out, at + 4) !== 0 || offset !== expected || offset + length > out.length) return null;
    expected += length;
    const kind = KIND[tag] ?? 'fixed';
    tables.push({ tag, kind, bytes: kind === 'fixed' ? out.slice(offset, offset + length) : new Uint8Array(0), countAt: COUNT_AT[tag] ?? null });
  }
  if (expected !== out.length) return null;
  return { header: out.slice(0, headerLength), tables, shortLoca };
}

/** The record of a glyph, read from the font once (fontkit's own reads, as its subset makes them). */
function glyphRecord(font: Record<string, unknown>, records: Map<number, GlyphRecord>, gid: number): GlyphRecord | null {
  const known = records.get(gid);
  if (known !== undefined) return known;
  const getGlyph = method(font, 'getGlyph');
  const tableStream = method(font, '_getTableStream');
  const loca = font.loca;
  if (getGlyph === null || tableStream === null || !isRecord(loca) || !Array.isArray(loca.offsets)) return null;
  const glyph: unknown = getGlyph.call(font, gid);
  if (!isRecord(glyph)) return null;
  const decode = method(glyph, '_decode');
  const metricsOf = method(glyph, '_getMetrics');
  if (decode === null || metricsOf === null) return null;
  // In fontkit's order: decoding moves the font's shared stream, which is then placed on the glyph.
  const glyf: unknown = decode.call(glyph);
  const metrics: unknown = metricsOf.call(glyph);
  const stream: unknown = tableStream.call(font, 'glyf');
  if (!isRecord(stream) || typeof stream.pos !== 'number') return null;
  const readBuffer = method(stream, 'readBuffer');
  const start: unknown = loca.offsets[gid];
  const end: unknown = loca.offsets[gid + 1];
  if (readBuffer === null || typeof start !== 'number' || typeof end !== 'number' || !isRecord(metrics) || typeof metrics.leftBearing !== 'number') return null;
  if (typeof glyph.advanceWidth !== 'number') return null;
  stream.pos += start;
  const raw: unknown = readBuffer.call(stream, end - start);
  if (!(raw instanceof Uint8Array)) return null;
  let components: GlyphRecord['components'] = null;
  if (isRecord(glyf) && typeof glyf.numberOfContours === 'number' && glyf.numberOfContours < 0) {
    if (!Array.isArray(glyf.components)) return null;
    components = [];
    for (const c of glyf.components) {
      if (!isRecord(c) || typeof c.pos !== 'number' || typeof c.glyphID !== 'number') return null;
      components.push({ pos: c.pos, glyphID: c.glyphID });
    }
  }
  const record: GlyphRecord = { bytes: new Uint8Array(raw), components, advance: glyph.advanceWidth, bearing: metrics.leftBearing };
  records.set(gid, record);
  return record;
}

/** The subset's bytes from the kept records and tables; null if a glyph could not be read. */
function writeSubset(subset: SubsetShape, state: FontState, template: FontTemplate): Uint8Array | null {
  const glyphs: Uint8Array[] = [];
  const offsets: number[] = [];
  const metrics: number[] = [];
  let offset = 0;
  // Components join the list while it is walked, as in fontkit's encode.
  for (let i = 0; i < subset.glyphs.length; i++) {
    const record = glyphRecord(subset.font, state.records, subset.glyphs[i]);
    if (record === null) return null;
    let bytes = record.bytes;
    if (record.components !== null) {
      bytes = new Uint8Array(record.bytes);
      const view = new DataView(bytes.buffer);
      for (const c of record.components) view.setUint16(c.pos, subset.includeGlyph(c.glyphID));
    }
    glyphs.push(bytes);
    offsets.push(offset);
    metrics.push(record.advance, record.bearing);
    offset += bytes.length;
  }
  offsets.push(offset);
  const count = glyphs.length;
  const sizeOf = (t: TableTemplate): number =>
    t.kind === 'fixed' ? t.bytes.length : t.kind === 'loca' ? offsets.length * (template.shortLoca ? 2 : 4) : t.kind === 'glyf' ? offset : 4 * count;
  const total = template.header.length + template.tables.reduce((sum, t) => sum + sizeOf(t), 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(template.header, 0);
  let at = template.header.length;
  template.tables.forEach((t, i) => {
    const size = sizeOf(t);
    view.setUint32(12 + 16 * i + 8, at);
    view.setUint32(12 + 16 * i + 12, size);
    if (t.kind === 'fixed') {
      out.set(t.bytes, at);
      if (t.countAt !== null) view.setUint16(at + t.countAt, count);
    } else if (t.kind === 'loca') {
      offsets.forEach((o, j) => (template.shortLoca ? view.setUint16(at + 2 * j, o >>> 1) : view.setUint32(at + 4 * j, o)));
    } else if (t.kind === 'glyf') {
      let p = at;
      for (const g of glyphs) {
        out.set(g, p);
        p += g.length;
      }
    } else {
      for (let j = 0; j < metrics.length; j += 2) {
        view.setUint16(at + 2 * j, metrics[j]);
        view.setInt16(at + 2 * j + 2, metrics[j + 1]);
      }
    }
    at += size;
  });
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Gives every TrueType subset of `font` the writer (`tag` names the font in verifiedSubsetFonts). */
export function addSubsetCache(font: object, tag: string): void {
  const createSubset = method(font, 'createSubset');
  if (createSubset === null || Reflect.get(font, '_variationProcessor')) return;
  const loca: unknown = Reflect.get(font, 'loca');
  if (!isRecord(loca) || (loca.version !== 0 && loca.version !== 1)) return;
  const state: FontState = { records: new Map(), template: null };
  const shortLoca = loca.version === 0;
  Reflect.set(font, 'createSubset', function (this: unknown) {
    const subset: unknown = createSubset.call(this);
    const encode = isRecord(subset) ? method(subset, 'encode') : null;
    if (!isSubsetShape(subset) || encode === null || 'cff' in subset) return subset;
    Reflect.set(subset, 'encode', () => {
      if (!enabled || state.template === 'unusable') return encode.call(subset);
      if (state.template !== null) return writeSubset(subset, state, state.template) ?? encode.call(subset);
      // The first subset: fontkit writes it, and the writer must write the same bytes from the same glyphs.
      const out: unknown = encode.call(subset);
      const template = out instanceof Uint8Array ? templateOf(out, shortLoca) : null;
      const mine = template === null ? null : writeSubset(subset, state, template);
      if (template !== null && mine !== null && out instanceof Uint8Array && sameBytes(mine, out)) {
        state.template = template;
        verified.add(tag);
      } else state.template = 'unusable';
      return out;
    });
    return subset;
  });
}
