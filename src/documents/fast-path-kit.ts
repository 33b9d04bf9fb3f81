// What the fast paths through pdfkit and pdfmake share: a patch of one method, and safe lookups of
// the internals they replace (render-fast-paths.ts installs them; none is required for a correct PDF).

/** A method as found on a prototype or object. */
export type Method = (this: unknown, ...args: unknown[]) => unknown;

/** One method replaced on its object; `original` is put back when the fast paths are turned off. */
export type Patch = { target: object; key: string; original: Method; replacement: Method };

/** Plain object check without casts. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isMethod(value: unknown): value is Method {
  return typeof value === 'function';
}

/** The method `key` of `target`, or null when it is missing (another version of the library). */
export function method(target: object, key: string): Method | null {
  const value: unknown = Reflect.get(target, key);
  return isMethod(value) ? value : null;
}

/** A class (pdfkit's and pdfmake's are constructed with one options object or none). */
export function isConstructor(value: unknown): value is (new (options: object) => object) & { prototype: object } {
  return typeof value === 'function' && isRecord(value.prototype);
}

/** A number as pdfkit writes it into a content stream (PDFObject.number, then string interpolation). */
export function pdfNumber(n: number): string | null {
  return n > -1e21 && n < 1e21 ? String(Math.round(n * 1e6) / 1e6) : null;
}
