// Test helper: where images and text runs land on each page (pdfjs operator list and text content).
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A rectangle in PDF user space (origin bottom-left). */
export type Rect = { x0: number; y0: number; x1: number; y1: number };

/** One page: its drawn images and its non-blank text runs with their boxes. */
export type PageGeometry = { images: Rect[]; texts: Array<{ text: string; rect: Rect }> };

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function unitSquare(m: Matrix): Rect {
  const xs = [m[4], m[0] + m[4], m[2] + m[4], m[0] + m[2] + m[4]];
  const ys = [m[5], m[1] + m[5], m[3] + m[5], m[1] + m[3] + m[5]];
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** Whether two rectangles share an area (touching edges do not count). */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5;
}

/** Images (by the transform they are painted with) and text runs of every page. */
export async function pageGeometry(bytes: Uint8Array): Promise<PageGeometry[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const out: PageGeometry[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const ops = await page.getOperatorList();
      const images: Rect[] = [];
      let ctm: Matrix = [1, 0, 0, 1, 0, 0];
      const stack: Matrix[] = [];
      for (let i = 0; i < ops.fnArray.length; i++) {
        const fn = ops.fnArray[i];
        const args: unknown[] = ops.argsArray[i] ?? [];
        if (fn === OPS.save) stack.push(ctm);
        else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
        else if (fn === OPS.transform) ctm = multiply(args.map(Number) as Matrix, ctm);
        else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject) images.push(unitSquare(ctm));
      }
      const content = await page.getTextContent();
      const texts: PageGeometry['texts'] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [, , , d, e, f] = item.transform as Matrix;
        texts.push({ text: item.str, rect: { x0: e, y0: f - Math.abs(d) * 0.2, x1: e + item.width, y1: f + Math.abs(d) * 0.8 } });
      }
      out.push({ images, texts });
    }
    return out;
  } finally {
    await doc.destroy();
  }
}
