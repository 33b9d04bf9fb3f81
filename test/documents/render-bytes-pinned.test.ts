import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildViewModel, createPdfRenderer, DOCUMENT_KINDS, loadBuiltInTemplate, renderCombinedPdf, type DocumentKind, type RenderPart } from '../../src/documents/index';
import { manyLines, sampleData } from './fixtures';
import { stampPng } from './png';

// SHA-256 of each document as the engine rendered it at commit 726ee3c (before the cross-document
// measuring and subsetting caches), recorded in a fresh process and copied here by hand. Any cache
// that changed a single byte of any document fails here. Its own file: the first render is the
// process's first, with every cache empty.
// The documents carry our stamp but not the facsimile signature: with two RGBA images pdfkit writes
// them in the order png-js's asynchronous inflates return (the thread pool decides), so such a
// document has come out in two byte orders since before these caches, in the old engine as well.
const PINNED: Record<string, string> = {
  'bench-invoice': '4ba4bccae9f8d55b475121094a8ecde5e424e4c50cbfe313ab67e7466e7e2732',
  'bench-bundle': 'b4801530d8c841aec47e28af117aa7ec3fa90ad203e5a47e3bd3ee16893742d8',
  commercial_offer: '51f266198844ab72b5785498c5de440adff4a744fd373d44aaf1df5c2bb90944',
  contract_supply: '762bc9bfa8dfcbfca4f9271cdcc0ab17f694b1b9b26b68b850c8e45b83a0d8db',
  contract_services: '603bd0da8c61132a583cd6ae5e5949f702cc8d6747567a608fc54883afc1572f',
  invoice: '72cac965d42b0ec5cff15930800eb3f44b2e04da25dfd096df0c8ee80437e4a5',
  act_services: '25846501eb5e8357e8159ce1b0b0d9acccc4054865bf485fdc73251b9b6c0223',
  act_transfer: '4b20e11b2e1622ae203ca322cdbb269a0b1f30eb174916eee3618aaf5ca179d3',
  torg12: '77c517ec4d32457f34a4f1d2d947278683c9f2e8724283da0359178180f3fc17',
  upd: '80d657aa60ee97579a57cb3dd7b3923d37c610e05e4a6e5945e483b246b664c1',
  invoice_factura: '52133d8bf21a6d0e9b8f67520697c170aae1395313ed4a80060dbfe0ca9a618b',
  reconciliation_act: '591db6191b967b109fc08892d285fff16aa3f32f1dcd2c1585366168dd446ba0',
  free_form: '6385907b77d983a848526124d51c64b0d1ae22447886679624d4f220ea6395cc',
  'torg12-45': '58849980d7435965c72c4987dc00317a26a6f29d6c37c2111c773c588752c6ba',
  'commercial_offer-draft': '8db8b23bb7b446a1aaab9d36b15eefefd949d3df4ac348d677159949b125926d',
};

const ASSETS = { stampPng: stampPng() };

function kindPart(kind: DocumentKind): RenderPart {
  return { viewModel: buildViewModel(sampleData(kind)), template: loadBuiltInTemplate(kind), assets: ASSETS };
}

/** The benchmark's invoice: 20 lines, no stamp. */
function benchInvoice(): RenderPart {
  return { viewModel: buildViewModel(sampleData('invoice', { lines: manyLines(20) })), template: loadBuiltInTemplate('invoice') };
}

/** Every pinned document, by name, as the parts to render. */
function pinnedSets(): [string, RenderPart[]][] {
  const contract: RenderPart = { viewModel: buildViewModel(sampleData('contract_supply')), template: loadBuiltInTemplate('contract_supply') };
  return [
    ['bench-invoice', [benchInvoice()]],
    ['bench-bundle', [contract, benchInvoice()]],
    ...DOCUMENT_KINDS.map((kind): [string, RenderPart[]] => [kind, [kindPart(kind)]]),
    ['torg12-45', [{ viewModel: buildViewModel(sampleData('torg12', { lines: manyLines(45) })), template: loadBuiltInTemplate('torg12'), assets: ASSETS }]],
    ['commercial_offer-draft', [{ viewModel: buildViewModel({ ...sampleData('commercial_offer'), number: '' }), template: loadBuiltInTemplate('commercial_offer'), assets: ASSETS }]],
  ];
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function hashes(sets: [string, RenderPart[]][]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, parts] of sets) out[name] = sha256(await renderCombinedPdf(parts));
  return out;
}

describe('the bytes of every kind of document', () => {
  it('are those the engine wrote before its cross-document caches, from a fresh process', async () => {
    expect(await hashes(pinnedSets())).toEqual(PINNED);
  }, 120_000);

  it('stay the same rendered again in reverse order, with other documents (other words, sizes, lines) in between', async () => {
    const between: RenderPart[] = [
      { viewModel: buildViewModel(sampleData('act_transfer', { lines: manyLines(60) })), template: loadBuiltInTemplate('act_transfer'), assets: ASSETS },
      { viewModel: buildViewModel(sampleData('upd', { lines: manyLines(33) })), template: loadBuiltInTemplate('upd') },
    ];
    await renderCombinedPdf(between);
    const reversed = pinnedSets().reverse();
    const again: Record<string, string> = {};
    for (const [i, [name, parts]] of reversed.entries()) {
      again[name] = sha256(await renderCombinedPdf(parts));
      await renderCombinedPdf([between[i % 2]]);
    }
    expect(again).toEqual(PINNED);
  }, 120_000);

  it('are the same through the worker pool', async () => {
    const renderer = createPdfRenderer({ threads: 1, warmThreads: 1 });
    try {
      const invoice = benchInvoice();
      const first = await renderer.render(invoice.viewModel, invoice.template);
      const second = await renderer.render(invoice.viewModel, invoice.template);
      expect([sha256(first), sha256(second)]).toEqual([PINNED['bench-invoice'], PINNED['bench-invoice']]);
    } finally {
      await renderer.close();
    }
  }, 120_000);
});
