// Shorter paths through pdfkit and pdfmake for work that repeats thousands of times per document,
// each writing exactly the bytes the original path writes (test/documents/render-bytes.test.ts
// renders every kind with them on and off):
//  - content-stream operators: pdfkit turns every operator ("1 w", "0 0 0 scn", "f") into its own
//    small Buffer and concatenates them when the page ends; the text is kept as a string and turned
//    into one Buffer instead (latin1: one byte per character, so the counted lengths are the same);
//  - hex colours: pdfkit parses "#000" with a regular expression for every rectangle it fills;
//    the parsed numbers are kept per colour string;
//  - QR codes: pdfmake builds the code's matrix (version, error correction, best mask) for every
//    render; the matrix's rectangles are kept per text and options, and copied for each use
//    (layout moves the rectangles in place); a new text's mask is chosen without pdfmake's
//    eight-mask search (fast-path-qr-mask.ts).
//  - style lookups while measuring text: pdfmake measures every word as its own item and looks up
//    22 style properties for each by walking the whole style stack; within one measuring call
//    the stack does not change, so a property the word does not set itself is looked up once
//    (fast-path-measure.ts);
//  - plain rectangles and lines: their style operators are written from a per-page template
//    (fast-path-vectors.ts).
// A payment QR code is some two thousand rectangles, which made it half of an invoice's render.
import { createRequire } from 'node:module';
import { isConstructor, isRecord, method, type Method, type Patch } from './fast-path-kit';
import { measurePatches } from './fast-path-measure';
import { measureQrWithoutSearch } from './fast-path-qr-mask';
import { vectorPatches } from './fast-path-vectors';
import { setSubsetWriter } from './font-subset-cache';
import { setScaledRuns } from './fast-path-layout-run';
import { setKeptGlyphs } from './font-cache';

const MAX_CACHED = 256;

/** A pdfkit PDFReference as its write method uses it. */
type ReferenceShape = { data: Record<string, unknown>; uncompressedLength: number; compress: unknown; buffer: unknown[] };

function isReferenceShape(value: unknown): value is ReferenceShape {
  return isRecord(value) && isRecord(value.data) && typeof value.uncompressedLength === 'number' && Array.isArray(value.buffer);
}

/** Operators written as text to each reference and not yet in its buffer (a rope, flattened once). */
const pendingText = new WeakMap<object, { text: string }>();

/** Moves the operators written as text so far into the reference's buffer as one chunk. */
function flushPending(ref: unknown): void {
  if (!isReferenceShape(ref)) return;
  const pending = pendingText.get(ref);
  if (pending === undefined || pending.text === '') return;
  pendingText.delete(ref);
  ref.buffer.push(Buffer.from(pending.text, 'latin1'));
}

function referencePatches(PDFDocument: new (options: object) => object): Patch[] {
  const doc = new PDFDocument({ autoFirstPage: false, font: null });
  const ref = method(doc, 'ref')?.call(doc, {});
  const proto: unknown = isRecord(ref) ? Object.getPrototypeOf(ref) : null;
  if (!isRecord(proto)) return [];
  const write = method(proto, 'write');
  const finalize = method(proto, 'finalize');
  if (write === null || finalize === null) return [];
  // The same bookkeeping as pdfkit's PDFReference.write, without a Buffer per operator.
  const fastWrite: Method = function (this: unknown, chunk: unknown) {
    if (typeof chunk !== 'string' || !isReferenceShape(this)) {
      flushPending(this);
      return write.call(this, chunk);
    }
    const text = `${chunk}\n`;
    const pending = pendingText.get(this);
    if (pending === undefined) pendingText.set(this, { text });
    else pending.text += text;
    const size = text.length;
    this.uncompressedLength += size;
    const data = this.data;
    data.Length = (typeof data.Length === 'number' ? data.Length : 0) + size;
    if (this.compress) data.Filter = 'FlateDecode';
    return undefined;
  };
  const fastFinalize: Method = function (this: unknown, ...args: unknown[]) {
    flushPending(this);
    return finalize.call(this, ...args);
  };
  return [
    { target: proto, key: 'write', original: write, replacement: fastWrite },
    { target: proto, key: 'finalize', original: finalize, replacement: fastFinalize },
  ];
}

function colorPatch(PDFDocument: { prototype: object }): Patch[] {
  const proto = PDFDocument.prototype;
  const normalize = method(proto, '_normalizeColor');
  if (normalize === null) return [];
  const parsed = new Map<string, unknown[]>();
  const fastNormalize: Method = function (this: unknown, color: unknown) {
    // Only "#rgb"/"#rrggbb": their result depends on nothing but the string (named and spot colours do).
    if (typeof color !== 'string' || !color.startsWith('#')) return normalize.call(this, color);
    const hit = parsed.get(color);
    if (hit !== undefined) return [...hit];
    const result = normalize.call(this, color);
    if (!Array.isArray(result)) return result;
    if (parsed.size >= MAX_CACHED) parsed.clear();
    parsed.set(color, [...result]);
    return result;
  };
  return [{ target: proto, key: '_normalizeColor', original: normalize, replacement: fastNormalize }];
}

/** Options of a QR node that pdfmake's generator reads. */
const QR_OPTION_KEYS = ['fit', 'eccLevel', 'foreground', 'background', 'padding'] as const;
/** Options that change how the generator searches; nodes with them are not cached. */
const QR_SEARCH_KEYS = ['version', 'mode', 'mask'] as const;
const QR_SIZE_KEYS = ['_width', '_height', '_minWidth', '_maxWidth', '_minHeight', '_maxHeight'] as const;

type QrShape = { canvas: Record<string, unknown>[]; size: unknown };

function qrPatch(qrModule: Record<string, unknown>): Patch[] {
  const api = qrModule.default;
  if (!isRecord(api)) return [];
  const measure = method(api, 'measure');
  if (measure === null) return [];
  const shapes = new Map<string, QrShape>();
  const fastMeasure: Method = function (this: unknown, node: unknown) {
    if (!isRecord(node) || typeof node.qr !== 'string' || QR_SEARCH_KEYS.some((k) => k in node)) return measure.call(this, node);
    const key = JSON.stringify([node.qr, ...QR_OPTION_KEYS.map((k) => node[k] ?? null)]);
    const hit = shapes.get(key);
    if (hit === undefined) {
      const measured = measureQrWithoutSearch((n) => measure.call(this, n), node) ? node : measure.call(this, node);
      const canvas = isRecord(measured) ? measured._canvas : undefined;
      if (isRecord(measured) && Array.isArray(canvas) && canvas.every(isRecord)) {
        if (shapes.size >= MAX_CACHED) shapes.clear();
        shapes.set(key, { canvas: canvas.map((v) => ({ ...v })), size: measured._width });
      }
      return measured;
    }
    node._canvas = hit.canvas.map((v) => ({ ...v }));
    for (const k of QR_SIZE_KEYS) node[k] = hit.size;
    return node;
  };
  return [{ target: api, key: 'measure', original: measure, replacement: fastMeasure }];
}

/** Finds the pdfkit and pdfmake internals pdfmake itself uses; none when they cannot be reached. */
function collectPatches(): Patch[] {
  try {
    const fromHere = createRequire(import.meta.url);
    const pdfmakeMain = fromHere.resolve('pdfmake');
    const fromPdfmake = createRequire(pdfmakeMain);
    const PDFDocument: unknown = fromPdfmake('pdfkit');
    const qrModule: unknown = fromPdfmake('./qrEnc.js');
    const stackModule: unknown = fromPdfmake('./StyleContextStack.js');
    const inlinesModule: unknown = fromPdfmake('./TextInlines.js');
    const rendererModule: unknown = fromPdfmake('./Renderer.js');
    const patches: Patch[] = [];
    if (isConstructor(PDFDocument)) patches.push(...referencePatches(PDFDocument), ...colorPatch(PDFDocument));
    if (isRecord(qrModule)) patches.push(...qrPatch(qrModule));
    if (isRecord(stackModule) && isRecord(inlinesModule)) patches.push(...measurePatches(stackModule.default, inlinesModule.default));
    if (isRecord(rendererModule)) patches.push(...vectorPatches(rendererModule.default));
    return patches;
  } catch {
    return [];
  }
}

let patches: Patch[] | null = null;
let wanted = true;

function apply(on: boolean): void {
  for (const p of patches ?? []) Reflect.set(p.target, p.key, on ? p.replacement : p.original);
}

/** Installs the fast paths (once per process); called before each render. */
export function installFastPaths(): void {
  if (!wanted || patches !== null) return;
  patches = collectPatches();
  apply(true);
}

/** Names of the fast paths in place (tests check that they did not silently fall away). */
export function activeFastPaths(): string[] {
  return wanted ? (patches ?? []).map((p) => p.key) : [];
}

/** Turns the fast paths on or off: tests compare the bytes of both. */
export function setFastPaths(on: boolean): void {
  wanted = on;
  setSubsetWriter(on);
  setScaledRuns(on);
  setKeptGlyphs(on);
  if (patches === null) {
    if (on) installFastPaths();
    return;
  }
  apply(on);
}
