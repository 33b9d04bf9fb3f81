import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amountInWords, formatMoney } from '../../src/core/index';
import { DOCUMENT_KIND_VALUES } from '../../src/shared/api/document-types';
import { DOCUMENT_KINDS } from '../../src/documents/index';
import { pdfText } from '../documents/pdf-text';
import { draftInput, hasPdftoppm, makeClient, saveFirstPage } from '../helpers/document-fixtures';
import { openTestApp, setUpOffice, VALID_ORG, type TestApp } from '../helpers/temp-app';

let t: TestApp;
let clientId: number;
beforeAll(async () => {
  t = await openTestApp();
  await setUpOffice(t);
  clientId = await makeClient(t);
});
afterAll(async () => {
  await t.close();
});

const norm = (s: string) => s.replace(/[\u00a0\s]+/g, ' ');

describe('every kind of document', () => {
  it('has the same kinds in the contract as in the engine', () => {
    expect([...DOCUMENT_KIND_VALUES]).toEqual([...DOCUMENT_KINDS]);
  });

  it('prints both parties’ requisites, the totals and the amount in words in its issued PDF', { timeout: 60_000 }, async () => {
    const supply = await t.ok('documents.issue', { id: (await t.ok('documents.createDraft', draftInput('contract_supply', clientId))).id });
    // A services act is never based on a supply contract (issue 15 item 12).
    const services = await t.ok('documents.issue', { id: (await t.ok('documents.createDraft', draftInput('contract_services', clientId))).id });
    for (const kind of DOCUMENT_KIND_VALUES) {
      const contract = kind === 'act_services' ? services : supply;
      const basisDocumentId = kind === 'invoice' || kind.startsWith('act') || kind === 'torg12' || kind === 'upd' || kind === 'invoice_factura' ? contract.id : null;
      const issued = await t.ok('documents.issue', { id: (await t.ok('documents.createDraft', draftInput(kind, clientId, { basisDocumentId }))).id });
      const bytes = Buffer.from((await t.ok('documents.pdf', { id: issued.id })).base64, 'base64');
      const text = norm(await pdfText(bytes));
      // Letters (proposal, free-form) and the акт сверки name the parties; the primary documents carry both ИНН.
      const byName = kind === 'commercial_offer' || kind === 'free_form' || kind === 'reconciliation_act';
      expect(text, kind).toContain(byName ? VALID_ORG.shortName : VALID_ORG.inn);
      expect(text, kind).toContain(byName ? 'ООО «Вектор»' : '7736207543');
      // Totals wherever there is a table (the built-in free-form letter has none).
      if (kind !== 'reconciliation_act' && kind !== 'free_form') {
        expect(text, kind).toContain(norm(formatMoney(issued.grossKopecks)));
        expect(text, kind).toContain(norm(formatMoney(issued.vatKopecks)));
      }
      // The amount in words, wherever the form has it (the УПД and счёт-фактура forms have no such line).
      if (!['commercial_offer', 'free_form', 'reconciliation_act', 'upd', 'invoice_factura'].includes(kind)) {
        expect(text, kind).toContain(amountInWords(issued.grossKopecks));
      }
      if (basisDocumentId !== null && kind !== 'invoice_factura' && kind !== 'upd') expect(text, kind).toContain(`№ ${contract.number}`);
      const png = saveFirstPage(`issued-${kind}`, bytes);
      if (hasPdftoppm()) expect(png !== null && existsSync(png), kind).toBe(true);
    }
  });
});
