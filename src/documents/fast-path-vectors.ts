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
import { isRecord, method, pdfNumber, type Method, type Patch } from './fast-path-kit';

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

/** Coordinates as pdfkit writes them; a QR code repeats a few dozen values thousands of times. */
const numberText = new Map<number, string>();
const MAX_NUMBERS = 4096;

function coordinate(value: unknown): string | null {
  if (typeof value !== 'number') return null;
  const known = numberText.get(value);
  if (known !== undefined) return known;
  const text = pdfNumber(value);
  if (text === null) return null;
  if (numberText.size >= MAX_NUMBERS) numberText.clear();
  numberText.set(value, text);
  return text;
}

/** The geometry operators of a vector (lines joined by "\n") as pdfkit writes them; null if pdfkit would not. */
function geometry(vector: Record<string, unknown>): string | null {
  if (vector.type === 'rect') {
    const x = coordinate(vector.x);
    const y = coordinate(vector.y);
    const w = coordinate(vector.w);
    const h = coordinate(vector.h);
    return x === null || y === null || w === null || h === null ? null : `${x} ${y} ${w} ${h} re`;
  }
  const x1 = coordinate(vector.x1);
  const y1 = coordinate(vector.y1);
  const x2 = coordinate(vector.x2);
  const y2 = coordinate(vector.y2);
  return x1 === null || y1 === null || x2 === null || y2 === null ? null : `${x1} ${y1} m\n${x2} ${y2} l`;
}

/** The template from the operators recorded for `vector`, or null when its geometry is not found exactly once. */
function templateOf(ops: unknown[], geometryText: string, fillColor: unknown[] | null): Template | null {
  if (!ops.every((op): op is string => typeof op === 'string')) return null;
  const geo = geometryText.split('\n');
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
function recordTemplate(doc: Record<string, unknown>, draw: () => unknown, geo: string | null): Template | null {
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

/**
 * The last style drawn and its page's templates: a QR code's modules follow each other with the
 * same style. The page is weakly held (never kept alive); the templates hold only style operators.
 */
type LastStyle = {
  page: WeakRef<object>;
  values: unknown[];
  key: string;
  templates: Map<string, Template | null>;
  /** The page's template of the style once recorded, and pdfkit's addContent it is written with. */
  template: Template | null;
  addContent: Method;
};

/** Same page and style as the last vector (named reads: this runs for every module of a QR code). */
function sameStyle(vector: Record<string, unknown>, last: LastStyle | null, page: object): last is LastStyle {
  if (last === null) return false;
  const v = last.values;
  return (
    vector.type === v[0] &&
    vector.lineWidth === v[1] &&
    vector.lineJoin === v[2] &&
    vector.lineCap === v[3] &&
    vector.color === v[4] &&
    vector.lineColor === v[5] &&
    vector.fillOpacity === v[6] &&
    vector.strokeOpacity === v[7] &&
    !vector.dash &&
    !vector.linearGradient &&
    !vector.r &&
    last.page.deref() === page
  );
}

function templatesOf(page: object): Map<string, Template | null> {
  let templates = templatesByPage.get(page);
  if (templates === undefined) {
    templates = new Map();
    templatesByPage.set(page, templates);
  }
  return templates;
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
    if (!isRecord(vector) || !isRecord(doc) || !isRecord(page)) return renderVector.call(this, vector);
    const known = last;
    if (sameStyle(vector, known, page) && known.template !== null) {
      const geo = geometry(vector);
      if (geo !== null) {
        known.addContent.call(doc, known.template.before + geo + known.template.after);
        if (known.template.fillColor !== null) doc._fillColor = [...known.template.fillColor];
        return undefined;
      }
    }
    const addContent = method(doc, 'addContent');
    // pdfkit's addContent must be the prototype's: an instance override would not be recorded.
    if (addContent === null || Object.hasOwn(doc, 'addContent')) return renderVector.call(this, vector);
    const key = styleKey(vector);
    if (key === null) {
      last = null;
      return renderVector.call(this, vector);
    }
    const templates = templatesOf(page);
    const values = [vector.type, ...STYLE_KEYS.map((k) => vector[k])];
    let template = templates.get(key);
    if (template === undefined) {
      template = recordTemplate(doc, () => renderVector.call(this, vector), geometry(vector));
      templates.set(key, template);
      last = { page: new WeakRef(page), values, key, templates, template, addContent };
      return undefined;
    }
    last = { page: new WeakRef(page), values, key, templates, template, addContent };
    const geo = geometry(vector);
    if (template === null || geo === null) return renderVector.call(this, vector);
    addContent.call(doc, template.before + geo + template.after);
    if (template.fillColor !== null) doc._fillColor = [...template.fillColor];
    return undefined;
  };
  return [{ target: proto, key: 'renderVector', original: renderVector, replacement: fastRenderVector }];
}
