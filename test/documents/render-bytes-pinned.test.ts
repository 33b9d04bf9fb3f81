import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildViewModel, createPdfRenderer, DOCUMENT_KINDS, loadBuiltInTemplate, renderCombinedPdf, type DocumentKind, type RenderPart } from '../../src/documents/index';
import { manyLines, sampleData } from './fixtures';
import { signaturePng, stampPng } from './png';

// SHA-256 of each document as the engine rendered it at commit 726ee3c (before the cross-document
// measuring and subsetting caches), recorded in a fresh process and copied here by hand. Any cache
// that changed a single byte of any document fails here. Its own file: the first render is the
// process's first, with every cache empty.
const PINNED: Record<string, string> = {
  'bench-invoice': '4ba4bccae9f8d55b475121094a8ecde5e424e4c50cbfe313ab67e7466e7e2732',
  'bench-bundle': 'b4801530d8c841aec47e28af117aa7ec3fa90ad203e5a47e3bd3ee16893742d8',
  commercial_offer: '12966e0dc04c189ca89026ee79b938827c7ec09f6e7c8f864d5000d3ebede2ab',
  contract_supply: '762bc9bfa8dfcbfca4f9271cdcc0ab17f694b1b9b26b68b850c8e45b83a0d8db',
  contract_services: '603bd0da8c61132a583cd6ae5e5949f702cc8d6747567a608fc54883afc1572f',
  invoice: '78c09bdfc7d006785c510282f8ef5a7d286025265d1f4cd75d47ee72e463576c',
  act_services: '157d9849af4e799d26b6cce4df6c927e5fb6f2790093bd1bbe71bc0c21369962',
  act_transfer: 'b7aab422df31ccd31e98b30226464f35405a160e35c8c22bd4f2896b8c960eec',
  torg12: 'ac7dc2d99b957c75f4172c1ac48a7345ea7ecebd25009d03da582337b7b2c262',
  upd: '80d657aa60ee97579a57cb3dd7b3923d37c610e05e4a6e5945e483b246b664c1',
  invoice_factura: '52133d8bf21a6d0e9b8f67520697c170aae1395313ed4a80060dbfe0ca9a618b',
  reconciliation_act: '136a28fb97b5c6d87a1b4e3ce6741c8ca1967b595f872d2cecb514e040cc71a3',
  free_form: '13e15b9bc06ec48e71b4d6403046b209a13475b1ee806ef913f7887c6e840513',
  'torg12-45': '20cb46ca71fc29e02b8249797b675e46c7f3270c1751fbffe93e86ac5b1b4ab6',
  'commercial_offer-draft': 'd92b3b2b766e304e2a99be96c0dcd8889e2dffe4a69ad28e86ac63a66dd4a906',
};

const ASSETS = { stampPng: stampPng(), signaturePng: signaturePng() };

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
