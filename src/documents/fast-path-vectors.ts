// Plain rectangles and lines (a payment QR code's ~2 200 modules, table rules) written as one chunk
// of operators instead of seven pdfkit calls each.
//
// For a rectangle or line pdfmake's renderVector writes the same style operators every time (line
// width, dash, join, cap, colour space, colour, opacity state, fill or stroke) around the geometry.
// The first vector of a style on a page takes pdfmake's own path while its operators are recorded;
// the recording becomes the template of that style on that page (the opacity state it names is
// already registered on the page by then). Later vectors of the style write the template with their
// own coordinates, formatted as pdfkit formats them, and leave pdfkit's fill-colour state as the
// original path does. A recording whose geometry is not exactly what the template would write is
// not used. Templates live as long as their page object (a WeakMap): nothing outlives a document.
import { isRecord, method, pdfNumber, type Patch } from './fast-path-kit';

/** Operators before and after the geometry; the fill colour pdfkit remembers after the call, if it changed. */
type Template = { before: string; after: string; fillColor: unknown[] | null };

const templatesByPage = new WeakMap<object, Map<string, Template | null>>();

const STYLE_KEYS = ['lineWidth', 'lineJoin', 'lineCap', 'color', 'lineColor', 'fillOpacity', 'strokeOpacity'] as const;

function isPlainValue(value: unknown): boolean {
  return value === undefined || typeof value === 'string' || typeof value === 'number';
}

/** The style key of a vector the template can draw, or null (rounded corners, dashes, gradients, patterns). */
function styleKey(vector: Record<string, unknown>): string | null {
  const type = vector.type;
  if (type !== 'rect' && type !== 'line') return null;
  if (vector.dash || vector.linearGradient || (type === 'rect' && vector.r)) return null;
  let key = type;
  for (const k of STYLE_KEYS) {
    const value = vector[k];
    if (!isPlainValue(value)) return null;
    key += `\u0000${typeof value}:${String(value)}`;
  }
  return key;
}

/** The geometry operators of a vector, one per line, as pdfkit writes them; null if pdfkit would not. */
function geometry(vector: Record<string, unknown>): string[] | null {
  const coordinates = vector.type === 'rect' ? [vector.x, vector.y, vector.w, vector.h] : [vector.x1, vector.y1, vector.x2, vector.y2];
  const n: string[] = [];
  for (const c of coordinates) {
    const text = typeof c === 'number' ? pdfNumber(c) : null;
    if (text === null) return null;
    n.push(text);
  }
  return vector.type === 'rect' ? [`${n[0]} ${n[1]} ${n[2]} ${n[3]} re`] : [`${n[0]} ${n[1]} m`, `${n[2]} ${n[3]} l`];
}

/** The template from the operators recorded for `vector`, or null when its geometry is not found exactly once. */
function templateOf(ops: unknown[], geo: string[], fillColor: unknown[] | null): Template | null {
  if (!ops.every((op): op is string => typeof op === 'string')) return null;
  const at: number[] = [];
  for (let i = 0; i + geo.length <= ops.length; i++) if (geo.every((g, j) => ops[i + j] === g)) at.push(i);
  if (at.length !== 1) return null;
  const start = at[0];
  return {
    before: ops.slice(0, start).map((op) => `${op}\n`).join(''),
    after: ops.slice(start + geo.length).map((op) => `\n${op}`).join(''),
    fillColor,
  };
}

/** Runs pdfmake's renderVector while recording what it writes, and keeps the template it shows. */
function recordTemplate(doc: Record<string, unknown>, draw: () => unknown, geo: string[] | null): Template | null {
  const addContent = method(doc, 'addContent');
  if (addContent === null) {
    draw();
    return null;
  }
  const ops: unknown[] = [];
  const fillBefore = doc._fillColor;
  Reflect.set(doc, 'addContent', function (this: unknown, data: unknown) {
    ops.push(data);
    return addContent.call(this, data);
  });
  try {
    draw();
  } finally {
    Reflect.deleteProperty(doc, 'addContent');
  }
  if (method(doc, 'addContent') !== addContent || geo === null) return null;
  const fillAfter = doc._fillColor;
  const fillColor = fillAfter !== fillBefore && Array.isArray(fillAfter) ? [...fillAfter] : null;
  return templateOf(ops, geo, fillColor);
}

/** The last style drawn: a QR code's modules follow each other with the same style. Weakly held: a page is never kept alive. */
type LastStyle = { page: WeakRef<object>; values: unknown[]; key: string };

function sameStyle(vector: Record<string, unknown>, last: LastStyle | null, page: object): last is LastStyle {
  if (last === null || last.page.deref() !== page || vector.type !== last.values[0] || vector.dash || vector.linearGradient || vector.r) return false;
  for (let i = 0; i < STYLE_KEYS.length; i++) if (vector[STYLE_KEYS[i]] !== last.values[i + 1]) return false;
  return true;
}

/** The patch of pdfmake's Renderer.renderVector. */
export function vectorPatches(rendererClass: unknown): Patch[] {
  if (typeof rendererClass !== 'function' || !isRecord(rendererClass.prototype)) return [];
  const proto: object = rendererClass.prototype;
  const renderVector = method(proto, 'renderVector');
  if (renderVector === null) return [];
  let last: LastStyle | null = null;
  const fastRenderVector = function (this: unknown, vector: unknown): unknown {
    const doc = isRecord(this) ? this.pdfDocument : undefined;
    const page = isRecord(doc) ? doc.page : undefined;
    // pdfkit's addContent must be the prototype's: an instance override would not be recorded.
    if (!isRecord(vector) || !isRecord(doc) || !isRecord(page) || Object.hasOwn(doc, 'addContent')) return renderVector.call(this, vector);
    let key: string | null;
    if (sameStyle(vector, last, page)) key = last.key;
    else {
      key = styleKey(vector);
      last = key === null ? null : { page: new WeakRef(page), values: [vector.type, ...STYLE_KEYS.map((k) => vector[k])], key };
    }
    if (key === null) return renderVector.call(this, vector);
    let templates = templatesByPage.get(page);
    if (templates === undefined) {
      templates = new Map();
      templatesByPage.set(page, templates);
    }
    const template = templates.get(key);
    const geo = geometry(vector);
    if (template === undefined) {
      templates.set(key, recordTemplate(doc, () => renderVector.call(this, vector), geo));
      return undefined;
    }
    if (template === null || geo === null) return renderVector.call(this, vector);
    const addContent = method(doc, 'addContent');
    if (addContent === null) return renderVector.call(this, vector);
    addContent.call(doc, `${template.before}${geo.join('\n')}${template.after}`);
    if (template.fillColor !== null) doc._fillColor = [...template.fillColor];
    return undefined;
  };
  return [{ target: proto, key: 'renderVector', original: renderVector, replacement: fastRenderVector }];
}
