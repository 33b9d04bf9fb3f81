import { describe, expect, it } from 'vitest';
import { buildViewModel, DOCUMENT_KINDS, loadBuiltInTemplate, renderPdf } from '../../src/documents/index';
import { disableFontCache } from '../../src/documents/fonts';
import { sampleData } from './fixtures';

// Its own file: turning the cache off is for the rest of the process.
describe('the font and shaping cache', () => {
  it('changes nothing in the output: every kind renders to the same bytes with plain pdfkit font loading', async () => {
    const render = async (): Promise<Buffer[]> => {
      const out: Buffer[] = [];
      for (const kind of DOCUMENT_KINDS) out.push(Buffer.from(await renderPdf(buildViewModel(sampleData(kind)), loadBuiltInTemplate(kind))));
      return out;
    };
    const first = await render();
    // The second round is served from the shaping cache.
    const second = await render();
    expect(disableFontCache()).toBe(true);
    const plain = await render();
    expect(plain.map((b, i) => b.equals(first[i]) && b.equals(second[i]))).toEqual(plain.map(() => true));
    // Plain loading parses every font for every document: slow on a busy machine.
  }, 120_000);
});
