// Where fonts and built-in templates live, and pdfmake set up to use them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pdfmake, { type PdfMake } from 'pdfmake';

/** The font family name used in every document definition. */
export const FONT_FAMILY = 'DejaVuSansCondensed';

/** Font file names under `<resourcesDir>/fonts`, by pdfmake style. */
export const FONT_FILES = {
  normal: 'DejaVuSansCondensed.ttf',
  bold: 'DejaVuSansCondensed-Bold.ttf',
  italics: 'DejaVuSansCondensed-Oblique.ttf',
  bolditalics: 'DejaVuSansCondensed-BoldOblique.ttf',
} as const;

type FontStyle = keyof typeof FONT_FILES;
const FONT_STYLES: readonly FontStyle[] = ['normal', 'bold', 'italics', 'bolditalics'];

function defaultResourcesDir(): string {
  // src/documents/fonts.ts → <repo>/resources
  return resolve(fileURLToPath(new URL('../../resources', import.meta.url)));
}

let currentResourcesDir = defaultResourcesDir();
let preparedFor: string | null = null;

/** Points the engine at another resources directory (the packaged app keeps them outside the bundle). */
export function configureDocuments(options: { resourcesDir: string }): void {
  currentResourcesDir = resolve(options.resourcesDir);
}

/** The resources directory in use: `resources/` of the repository unless configured. */
export function getResourcesDir(): string {
  return currentResourcesDir;
}

/** Absolute paths of the four font files in a resources directory. */
export function fontFilePaths(resourcesDir: string = currentResourcesDir): Record<FontStyle, string> {
  const dir = join(resourcesDir, 'fonts');
  return {
    normal: join(dir, FONT_FILES.normal),
    bold: join(dir, FONT_FILES.bold),
    italics: join(dir, FONT_FILES.italics),
    bolditalics: join(dir, FONT_FILES.bolditalics),
  };
}

// pdfkit parses every font file anew for each document, which costs more than laying out a
// one-page invoice. fontkit (pdfkit's parser) lets us register an extra "format": pdfmake gets a
// short token instead of the font bytes, and that format hands back a font parsed once.
const TOKEN_MAGIC = 'SDELKA-FONT-REF:';
const parsedFonts = new Map<string, object>();
let fontSerial = 0;

type FontkitModule = {
  create(buffer: Uint8Array): object;
  registerFormat(format: object): void;
};

function isFontkitModule(value: unknown): value is FontkitModule {
  if (typeof value !== 'object' || value === null) return false;
  return 'create' in value && typeof value.create === 'function' && 'registerFormat' in value && typeof value.registerFormat === 'function';
}

function tokenKey(buffer: Uint8Array): string | null {
  if (buffer.length > 64 || buffer.length <= TOKEN_MAGIC.length) return null;
  const text = Buffer.from(buffer).toString('latin1');
  return text.startsWith(TOKEN_MAGIC) ? text.slice(TOKEN_MAGIC.length) : null;
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

let fontkitCache: { fontkit: FontkitModule } | null | undefined;

function fontCache(): { fontkit: FontkitModule } | null {
  if (fontkitCache !== undefined) return fontkitCache;
  const fontkit = loadFontkit();
  if (fontkit === null) {
    fontkitCache = null;
    return null;
  }
  // fontkit calls `new format(stream)`; a function constructor may return another object.
  function CachedFontFormat(stream: { buffer: Uint8Array }): object {
    const key = tokenKey(stream.buffer);
    const font = key === null ? undefined : parsedFonts.get(key);
    if (font === undefined) throw new Error('Шрифт не загружен');
    // fontkit caches glyph objects together with the characters they were first asked for, and
    // pdfkit builds the ToUnicode map from those: each document starts with an empty glyph cache,
    // exactly as with a freshly parsed font, so its bytes never depend on earlier documents.
    Reflect.set(font, '_glyphs', {});
    return font;
  }
  CachedFontFormat.probe = (buffer: Uint8Array): boolean => tokenKey(buffer) !== null;
  fontkit.registerFormat(CachedFontFormat);
  fontkitCache = { fontkit };
  return fontkitCache;
}

/** pdfmake with our fonts registered (parsed once per resources directory) and no file or URL access. */
export function preparePdfmake(): PdfMake {
  const dir = currentResourcesDir;
  if (preparedFor === dir) return pdfmake;
  const paths = fontFilePaths(dir);
  const cache = fontCache();
  const files: Record<FontStyle, string> = { normal: '', bold: '', italics: '', bolditalics: '' };
  for (const style of FONT_STYLES) {
    const bytes = readFileSync(paths[style]);
    const vfsName = `sdelka-${style}.ttf`;
    if (cache === null) {
      pdfmake.virtualfs.writeFileSync(vfsName, bytes);
    } else {
      fontSerial += 1;
      const key = String(fontSerial);
      parsedFonts.set(key, cache.fontkit.create(bytes));
      pdfmake.virtualfs.writeFileSync(vfsName, Buffer.from(TOKEN_MAGIC + key, 'latin1'));
    }
    files[style] = vfsName;
  }
  pdfmake.setFonts({ [FONT_FAMILY]: files });
  // Documents never fetch anything: fonts and images come from memory only.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  preparedFor = dir;
  return pdfmake;
}
