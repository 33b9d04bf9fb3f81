import { describe, expect, it } from 'vitest';
import { buildViewModel, loadBuiltInTemplate, renderCombinedPdf, type DocumentKind, type RenderPart } from '../../src/documents/index';
import { learnedQrKinds } from '../../src/documents/fast-path-qr-mask';
import { verifiedSubsetFonts } from '../../src/documents/font-subset-cache';
import { activeFastPaths, setFastPaths } from '../../src/documents/render-fast-paths';
import { manyLines, sampleData } from './fixtures';
import { stampPng } from './png';

// Its own file: the first render here is the process's first, with nothing parsed, shaped or cached.
// The stamp only: a second RGBA image (the facsimile) is written in the order png-js's asynchronous
// inflates return, which the thread pool decides (see render-bytes-pinned.test.ts).
const SET: { kind: DocumentKind; lines?: number; draft?: boolean }[] = [
  { kind: 'invoice' },
  { kind: 'invoice', lines: 45 },
  { kind: 'contract_supply' },
  { kind: 'act_services' },
  { kind: 'torg12', lines: 45 },
  { kind: 'upd' },
  { kind: 'invoice_factura' },
  { kind: 'reconciliation_act' },
  { kind: 'commercial_offer', draft: true },
];

function part(entry: (typeof SET)[number]): RenderPart {
  const data = sampleData(entry.kind, entry.lines === undefined ? {} : { lines: manyLines(entry.lines) });
  const viewModel = buildViewModel(entry.draft === true ? { ...data, number: '' } : data);
  return { viewModel, template: loadBuiltInTemplate(entry.kind), assets: { stampPng: stampPng() } };
}

async function renderSet(): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (const entry of SET) out.push(Buffer.from(await renderCombinedPdf([part(entry)])));
  // A bundle: the contract and the invoice in one file.
  out.push(Buffer.from(await renderCombinedPdf([part(SET[2]), part(SET[0])])));
  return out;
}

describe('the bytes of a rendered document', () => {
  it('are the same from a cold engine, from a warm one, and through pdfkit’s, pdfmake’s and fontkit’s own paths', async () => {
    const cold = await renderSet();
    expect(activeFastPaths().sort()).toEqual(['_normalizeColor', 'finalize', 'getStyleProperty', 'measure', 'measure', 'renderVector', 'write']);
    // The subset writer took over from fontkit for the regular and bold faces, and the QR mask path from pdfmake's search.
    expect(verifiedSubsetFonts()).toEqual(expect.arrayContaining(['DejaVuSansCondensed', 'DejaVuSansCondensed-Bold']));
    expect(learnedQrKinds()?.length).toBeGreaterThan(0);
    // Other documents in between fill the shaping, colour and QR caches with other content.
    await renderCombinedPdf([{ viewModel: buildViewModel(sampleData('act_transfer', { lines: manyLines(30) })), template: loadBuiltInTemplate('act_transfer') }]);
    const warm = await renderSet();
    setFastPaths(false);
    expect(activeFastPaths()).toEqual([]);
    const plain = await renderSet();
    setFastPaths(true);
    const again = await renderSet();
    const differing = SET.concat([{ kind: 'contract_supply' }])
      .map((entry, i) => ({ entry, i }))
      .filter(({ i }) => !(cold[i].equals(warm[i]) && cold[i].equals(plain[i]) && cold[i].equals(again[i])))
      .map(({ entry }) => entry.kind);
    expect(differing).toEqual([]);
    // The set is real work, not empty files: every document has its text and the invoice its QR code.
    expect(cold.every((b) => b.length > 10_000)).toBe(true);
  }, 120_000);
});
