// Issue 15, Proof: every kind issued through the app's own handlers with a long table, its first and last page
// rendered (pdfjs) into the e2e output for a person to look at, and the end of each document checked on its last page.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../src/server/invoke';
import { DOCUMENT_KIND_VALUES, type DocumentLineInput } from '../../src/shared/api/document-types';
import type { ApiInput, ApiResult, EntryName } from '../../src/shared/contract';
import { overlaps, pageGeometry } from '../documents/pdf-geometry';
import { normalize } from '../documents/pdf-text';
import { signaturePng, stampPng } from '../documents/png';
import { draftInput, vectorClient } from '../helpers/document-fixtures';
import { VALID_ORG } from '../helpers/temp-app';
import { SHOTS, startE2E, type E2E } from './harness';

let e: E2E;
let clientId: number;

async function ok<K extends EntryName>(name: K, input: ApiInput<K>): Promise<ApiResult<K>> {
  const res = await invoke(e.host.app, name, input);
  if (res.error) throw new Error(`${name}: ${res.error.message}`);
  return res.data as ApiResult<K>;
}

beforeAll(async () => {
  e = await startE2E('document-pages');
  await ok('setup.complete', { org: VALID_ORG, director: { fullName: 'Петров Пётр Петрович', login: 'director', password: 'Stol-Lampa-2026' } });
  clientId = (await ok('clients.create', { client: vectorClient() })).id;
  await ok('clients.saveContact', { clientId, contact: { fullName: 'Орлова Марина Андреевна', position: 'Генеральный директор', decisionRole: 'decision_maker' } });
  // Our stamp and facsimile, and a client whose card records the facsimile agreement: every image the forms may place.
  await ok('orgAssets.upload', { orgId: 1, kind: 'stamp', pngBase64: Buffer.from(stampPng()).toString('base64') });
  await ok('orgAssets.upload', { orgId: 1, kind: 'signature', pngBase64: Buffer.from(signaturePng()).toString('base64') });
  await ok('clients.setFacsimileAgreement', { clientId, agreed: true });
}, 60_000);
afterAll(async () => {
  await e.close();
});

/** 40 lines: goods or services, named so the last one can be found on the last page. */
function longTable(kind: string): DocumentLineInput[] {
  const services = kind === 'act_services' || kind === 'contract_services';
  return Array.from({ length: 40 }, (_, i) => ({
    name: services ? `Монтаж секции, этап ${i + 1}` : `Стеллаж секционный, позиция ${i + 1}`,
    unit: services ? 'час' : 'шт',
    okei: services ? '356' : '796',
    quantityMilli: 1000 * ((i % 3) + 1),
    priceKopecks: 100_000 + i * 1_000,
    vatRate: '22',
  }));
}

/** The PDF's pages as text and the first and last page as PNGs saved under test-output/e2e/. */
async function savePages(name: string, bytes: Uint8Array): Promise<{ pages: string[]; shots: Array<{ path: string; width: number; height: number }> }> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const pages = (await parser.getText()).pages.map((p) => normalize(p.text));
    const wanted = [...new Set([1, pages.length])];
    const shot = await parser.getScreenshot({ partial: wanted, scale: 1.5, imageDataUrl: false, imageBuffer: true });
    const shots = shot.pages.map((page, i) => {
      const path = join(SHOTS, `document-pages-${name}-${i === 0 ? 'first' : 'last'}.png`);
      writeFileSync(path, Buffer.from(page.data));
      const png = PNG.sync.read(Buffer.from(page.data));
      return { path, width: png.width, height: png.height };
    });
    writeFileSync(join(SHOTS, `document-pages-${name}.pdf`), bytes);
    return { pages, shots };
  } finally {
    await parser.destroy();
  }
}

/** What an image may touch: the captions under the signature lines and «М.П.» beside the stamp. */
const CAPTIONS = new Set(['подпись', 'расшифровка', 'подписи', 'расшифровка подписи', 'М.П.']);

/**
 * The stamps drawn and the text runs they cover on any page, captions aside (item 11: the stamp never covers text). The stamp is the
 * square image (stampPng is 120 × 120); the facsimile's box is mostly transparent margin around its stroke.
 */
async function stampCheck(bytes: Uint8Array): Promise<{ stamps: number; atMp: boolean; covered: string[] }> {
  const pages = await pageGeometry(bytes);
  const square = (r: { x0: number; y0: number; x1: number; y1: number }) => Math.abs(r.x1 - r.x0 - (r.y1 - r.y0)) < 1;
  const stamps = pages.flatMap((page) => page.images.filter(square).map((image) => ({ image, page })));
  const covered = stamps.flatMap(({ image, page }) => page.texts.filter((run) => overlaps(image, run.rect)).map((run) => run.text.trim()));
  // Beside «М.П.»: the nearest «М.П.» run is within 20 points of the stamp's box, across and down.
  const gap = (a: number, b: number, c: number, d: number) => Math.max(0, c - b, a - d);
  const atMp = stamps.every(({ image, page }) =>
    page.texts.some((run) => run.text.trim() === 'М.П.' && gap(run.rect.x0, run.rect.x1, image.x0, image.x1) < 20 && gap(run.rect.y0, run.rect.y1, image.y0, image.y1) < 20),
  );
  return { stamps: stamps.length, atMp, covered: covered.filter((text) => !CAPTIONS.has(text)) };
}

/**
 * Kinds that print our stamp, once. A счёт-фактура has no «М.П.»; the built-in contracts leave their «М.П.» for
 * the stamp put by hand when both sides sign.
 */
const STAMPED = new Set(['commercial_offer', 'invoice', 'act_services', 'act_transfer', 'torg12', 'upd', 'free_form', 'reconciliation_act']);

const LANDSCAPE = new Set(['torg12', 'upd', 'invoice_factura']);
const TABLES = new Set(['commercial_offer', 'contract_supply', 'contract_services', 'invoice', 'act_services', 'act_transfer', 'torg12', 'upd', 'invoice_factura']);

describe('every kind, first and last page', () => {
  it('issues each kind with 40 lines: its end (the last lines, the totals, the signatures) on the last page, the stamp at «М.П.» covering no text', { timeout: 240_000 }, async () => {
    const supply = await ok('documents.issue', { id: (await ok('documents.createDraft', draftInput('contract_supply', clientId))).id });
    const services = await ok('documents.issue', { id: (await ok('documents.createDraft', draftInput('contract_services', clientId, { lines: longTable('contract_services') }))).id });
    await ok('payments.create', { orgId: 1, clientId, payerName: 'ООО «Вектор»', date: '2026-11-12', amountKopecks: 30_500_000, docNumber: '101', purpose: 'Оплата по договору', allocations: [] });
    // The акт сверки last: its rows are the shipping documents issued before it.
    const covered: Array<{ kind: string; stamps: number; atMp: boolean; covered: string[] }> = [];
    const ends: Array<{ kind: string; lastLineOnLastPage: boolean; signerOnLastPage: boolean }> = [];
    const kinds = [...DOCUMENT_KIND_VALUES.filter((k) => k !== 'reconciliation_act'), 'reconciliation_act' as const];
    for (const kind of kinds) {
      const basis = kind === 'act_services' ? services : supply;
      const basisDocumentId = ['invoice', 'act_services', 'act_transfer', 'torg12', 'upd'].includes(kind) ? basis.id : null;
      const lines = kind === 'reconciliation_act' ? [] : longTable(kind);
      const issued = await ok('documents.issue', { id: (await ok('documents.createDraft', draftInput(kind, clientId, { lines, basisDocumentId }))).id });
      const bytes = Buffer.from((await ok('documents.pdf', { id: issued.id })).base64, 'base64');
      const { pages, shots } = await savePages(kind, bytes);
      covered.push({ kind, ...(await stampCheck(bytes)) });
      // Two PNGs (one when the document has a single page), each the page's orientation.
      expect(shots.length, kind).toBe(pages.length > 1 ? 2 : 1);
      for (const s of shots) {
        expect(existsSync(s.path), s.path).toBe(true);
        expect(s.width > s.height, `${kind} landscape`).toBe(LANDSCAPE.has(kind));
      }
      const last = pages[pages.length - 1];
      if (TABLES.has(kind)) {
        expect(pages.length, `${kind} pages`).toBeGreaterThan(1);
        // Item 10: the last table line stands with the totals and the signatures, never a page of signatures alone.
        ends.push({ kind, lastLineOnLastPage: last.includes(longTable(kind)[39].name), signerOnLastPage: /Петров/.test(last) });
      }
      if (kind === 'upd') expect(pages.join(' ')).toContain(`Документ составлен на ${pages.length} листах`);
    }
    expect(covered).toEqual(covered.map(({ kind }) => ({ kind, stamps: STAMPED.has(kind) ? 1 : 0, atMp: true, covered: [] })));
    expect(ends).toEqual(ends.map((end) => ({ ...end, lastLineOnLastPage: true, signerOnLastPage: true })));
  });
});
