// Test helpers: PDF text via pdf-parse (no poppler in CI), page sizes, optional PNG previews.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFParse } from 'pdf-parse';

/** Text of a PDF per page, with no-break spaces turned into plain ones and runs of spaces collapsed. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const result = await parser.getText();
    return result.pages.map((page) => normalize(page.text));
  } finally {
    await parser.destroy();
  }
}

/** All text of a PDF, normalised like pdfPages. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await pdfPages(bytes)).join('\n');
}

/** Collapses whitespace (including U+00A0) so assertions do not depend on line breaks. */
export function normalize(text: string): string {
  return text.replace(/[\u00a0\s]+/g, ' ').trim();
}

/** Page widths × heights from the PDF's MediaBox entries (dictionaries are not compressed). */
export function mediaBoxes(bytes: Uint8Array): Array<[number, number]> {
  const raw = Buffer.from(bytes).toString('latin1');
  return [...raw.matchAll(/\/MediaBox ?\[ ?0 0 ([\d.]+) ([\d.]+) ?\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

const OUTPUT_DIR = join(process.cwd(), 'test-output', 'documents');

function hasPdftoppm(): boolean {
  const probe = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' });
  return probe.error === undefined;
}

/** With SDELKA_SAVE_PNG=1 (and poppler installed), saves the PDF and a PNG of its first page for a human to look at. */
export function savePreview(name: string, bytes: Uint8Array): void {
  if (process.env.SDELKA_SAVE_PNG !== '1' || !hasPdftoppm()) return;
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const pdfPath = join(OUTPUT_DIR, `${name}.pdf`);
  writeFileSync(pdfPath, bytes);
  spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfPath, join(OUTPUT_DIR, name)]);
}

/** The PDF's info dictionary as pdf-parse reads it. */
export async function pdfInfo(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const result = await parser.getInfo();
    return { ...result.info };
  } finally {
    await parser.destroy();
  }
}
