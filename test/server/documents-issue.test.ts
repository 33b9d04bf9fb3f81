import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/server/documents/snapshot';
import { countRows, draftInput, makeClient } from '../helpers/document-fixtures';
import { openTestApp, setUpOffice, type TestApp } from '../helpers/temp-app';

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

describe('issuing a document', () => {
  it('assigns the next number of the series, stores the snapshot, the PDF and its SHA-256', async () => {
    const draft = await t.ok('documents.createDraft', draftInput('invoice', clientId));
    expect(draft.status).toBe('draft');
    expect(draft.grossKopecks).toBe(1_281_122);
    const issued = await t.ok('documents.issue', { id: draft.id });
    expect(issued.status).toBe('issued');
    expect(issued.number).toBe('1');
    const frozen = await t.app.store.documents.docs.frozen(issued.id);
    expect(frozen?.pdfSha256).toBe(sha256Hex(frozen?.pdf ?? new Uint8Array()));
    expect(issued.pdfSha256).toBe(frozen?.pdfSha256);
    const second = await t.ok('documents.issue', { id: (await t.ok('documents.createDraft', draftInput('invoice', clientId))).id });
    expect(second.number).toBe('2');
  });

  it('refuses an UPDATE and a DELETE of an issued document made through raw SQL', async () => {
    const { rows } = await t.ok('documents.list', { status: 'issued' });
    const id = rows[0].id;
    const db = t.app.store.sqlite;
    expect(() => db.prepare('UPDATE documents SET gross_kopecks = 1 WHERE id = ?').run(id)).toThrow(/frozen/);
    expect(() => db.prepare('DELETE FROM documents WHERE id = ?').run(id)).toThrow(/cannot be deleted/);
    expect(() => db.prepare('UPDATE document_lines SET price_kopecks = 1 WHERE document_id = ?').run(id)).toThrow(/issued/);
    expect(countRows(t, 'documents')).toBeGreaterThan(0);
  });
});
