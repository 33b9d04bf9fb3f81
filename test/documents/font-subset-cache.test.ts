import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fontFilePaths } from '../../src/documents/fonts';
import { addSubsetCache, verifiedSubsetFonts } from '../../src/documents/font-subset-cache';

type Subset = { includeGlyph(id: number): number; encode(): Uint8Array };
type Font = { numGlyphs: number; createSubset(): Subset; glyphForCodePoint(codePoint: number): { id: number } };

function isFont(value: unknown): value is Font {
  return typeof value === 'object' && value !== null && 'numGlyphs' in value && 'createSubset' in value && 'glyphForCodePoint' in value;
}

/** The fontkit pdfkit uses, parsing a font file of ours afresh. */
function parse(path: string): Font {
  const fontkit: unknown = createRequire(createRequire(import.meta.url).resolve('pdfkit'))('fontkit');
  if (typeof fontkit !== 'object' || fontkit === null || !('create' in fontkit) || typeof fontkit.create !== 'function') throw new Error('fontkit');
  const font: unknown = fontkit.create(readFileSync(path));
  if (!isFont(font)) throw new Error('font');
  return font;
}

function subsetOf(font: Font, glyphs: readonly number[]): Subset {
  const subset = font.createSubset();
  for (const g of glyphs) subset.includeGlyph(g);
  return subset;
}

// Composite glyphs of DejaVu (accented letters built from a base and a mark): their component ids
// are rewritten in the subset, which the writer must do exactly as fontkit does.
const ACCENTED = 'ÅÄÖÜéèêëàâçñõỳŷЁёЙйЇї';

describe('embedded font subsets written from per-font records', () => {
  it('are byte for byte what fontkit writes, for any set and order of glyphs of each of our four fonts', () => {
    for (const [style, path] of Object.entries(fontFilePaths())) {
      const reference = parse(path);
      const cached = parse(path);
      addSubsetCache(cached, style);
      const glyphIds = fc.array(fc.integer({ min: 0, max: reference.numGlyphs - 1 }), { minLength: 0, maxLength: 300 });
      fc.assert(
        fc.property(glyphIds, (ids) => {
          const expected = Buffer.from(subsetOf(reference, ids).encode());
          expect(Buffer.from(subsetOf(cached, ids).encode()).equals(expected)).toBe(true);
        }),
        { numRuns: 60 },
      );
    }
    // The writer took over after the first subset of each font (it is not silently left to fontkit).
    expect(verifiedSubsetFonts()).toEqual(['bold', 'bolditalics', 'italics', 'normal']);
  }, 120_000);

  it('rewrites the component ids of accented letters as fontkit does, whichever glyphs came before', () => {
    const path = fontFilePaths().normal;
    const reference = parse(path);
    const cached = parse(path);
    addSubsetCache(cached, 'normal-accented');
    const ids = [...ACCENTED].map((ch) => reference.glyphForCodePoint(ch.codePointAt(0) ?? 0).id);
    for (const order of [ids, [...ids].reverse(), [3, 70, ...ids.slice(5)], ids.slice(0, 3)]) {
      const expected = Buffer.from(subsetOf(reference, order).encode());
      expect(Buffer.from(subsetOf(cached, order).encode()).equals(expected)).toBe(true);
    }
    expect(verifiedSubsetFonts()).toContain('normal-accented');
  });
});
