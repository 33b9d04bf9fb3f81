// Where fonts and built-in templates live, and pdfmake set up to use them.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PdfMake } from 'pdfmake';
import { cachedFontSource } from './font-cache';
import { orderPngDecoding } from './png-decode-order';
import { installFastPaths } from './render-fast-paths';

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
let useFontCache = true;

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

/**
 * pdfmake with our fonts registered (parsed once per resources directory) and no file or URL access.
 * Loaded on first use: pdfmake adds about 0.3 s to every start of the app, which rarely prints.
 */
export async function preparePdfmake(): Promise<PdfMake> {
  const dir = currentResourcesDir;
  const pdfmake = (await import('pdfmake')).default;
  installFastPaths();
  orderPngDecoding();
  if (preparedFor === dir) return pdfmake;
  const paths = fontFilePaths(dir);
  const files: Record<FontStyle, string> = { normal: '', bold: '', italics: '', bolditalics: '' };
  for (const style of FONT_STYLES) {
    const vfsName = `sdelka-${style}.ttf`;
    const bytes = readFileSync(paths[style]);
    pdfmake.virtualfs.writeFileSync(vfsName, useFontCache ? cachedFontSource(bytes) : bytes);
    files[style] = vfsName;
  }
  pdfmake.setFonts({ [FONT_FAMILY]: files });
  // Documents never fetch anything: fonts and images come from memory only.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  preparedFor = dir;
  return pdfmake;
}

/**
 * Falls back to handing pdfmake the font bytes (slower, same PDF) if pdfkit turned out to use a
 * different fontkit than the one the cache registered with (e.g. a bundle that inlines pdfkit).
 * Returns false if the cache was already off.
 */
export function disableFontCache(): boolean {
  if (!useFontCache) return false;
  useFontCache = false;
  preparedFor = null;
  return true;
}
