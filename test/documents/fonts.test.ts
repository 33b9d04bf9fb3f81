import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildViewModel, fontFilePaths, renderPdf } from '../../src/documents/index';
import { glyphIdOf } from './font-cmap';
import { sampleData } from './fixtures';
import { pdfText } from './pdf-text';

const CYRILLIC = 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя';
const REQUIRED = `${CYRILLIC}₽№«»—–\u00a0²…0123456789%/()"'.,:;!?-`;

describe('bundled fonts', () => {
  const paths = fontFilePaths();

  for (const [style, path] of Object.entries(paths)) {
    it(`the ${style} font maps every character the documents print`, () => {
      const font = readFileSync(path);
      const missing = [...REQUIRED].filter((ch) => glyphIdOf(font, ch.codePointAt(0) ?? 0) === 0);
      expect(missing).toEqual([]);
    });
  }

  it('the cmap reader does report a character the font lacks', () => {
    // U+4E2D (a CJK ideograph) is not in DejaVu Sans Condensed: the check above can fail.
    expect(glyphIdOf(readFileSync(paths.normal), 0x4e2d)).toBe(0);
  });

  it('a rendered document gives the ruble sign, numero, guillemets and dashes back as text', async () => {
    const data = sampleData('free_form', { notes: 'Итого 1 500 ₽ — по счёту № 7 «срочно» – сегодня' });
    const text = await pdfText(await renderPdf(buildViewModel(data), { source: '{{doc.notes}}\n**{{doc.notes}}**\n*{{doc.notes}}*\n***{{doc.notes}}***' }));
    expect(text).toContain('Итого 1 500 ₽ — по счёту № 7 «срочно» – сегодня');
  });
});
