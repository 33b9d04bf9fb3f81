import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentLineInput } from '../../src/shared/api/document-types';
import { draftInput, makeClient } from '../helpers/document-fixtures';
import { userId } from '../helpers/sales-fixtures';
import { openTestApp, setUpOffice, signInAs, type TestApp } from '../helpers/temp-app';

// Cost prices: entered in the catalog by the heads, taken onto a line when it is added, never shown to managers.
let t: TestApp;
let clientId: number;
let itemId: number;
let draftId: number;

const costs = (id: number) =>
  (t.app.store.sqlite.prepare('SELECT cost_kopecks AS c FROM document_lines WHERE document_id = ? ORDER BY position').all(id) as { c: number | null }[]).map((r) => r.c);

function rackLine(extra: Partial<DocumentLineInput> = {}): DocumentLineInput {
  return { catalogItemId: itemId, name: 'Стеллаж паллетный СТ-200', unit: 'шт', okei: '796', quantityMilli: 2_000, priceKopecks: 100_000, vatRate: '22', ...extra };
}

beforeAll(async () => {
  t = await openTestApp();
  await setUpOffice(t);
  await signInAs(t, 'manager');
  const manager = userId(t.app.store.sqlite, 'user-manager');
  await signInAs(t, 'director');
  clientId = await makeClient(t, {}, manager);
  itemId = (await t.ok('catalog.save', { item: { kind: 'goods', name: 'Стеллаж паллетный СТ-200', unit: 'шт', okei: '796', vatRate: '22', costKopecks: 60_000 } })).id;
});
afterAll(async () => {
  await t.close();
});

describe('cost prices', () => {
  it('keeps the catalog cost from managers and puts it on the line they add', async () => {
    await signInAs(t, 'manager');
    expect((await t.ok('catalog.list', {})).find((i) => i.id === itemId)?.costKopecks).toBeNull();
    const draft = await t.ok('documents.createDraft', draftInput('invoice', clientId, { lines: [rackLine({ costKopecks: 1 })] }));
    draftId = draft.id;
    expect(draft.lines[0]).not.toHaveProperty('costKopecks');
    expect(costs(draftId)).toEqual([60_000]);
  });

  it('keeps a line’s cost when a manager saves the draft again, even if the catalog changes', async () => {
    await signInAs(t, 'director');
    await t.ok('catalog.save', { id: itemId, version: 1, item: { kind: 'goods', name: 'Стеллаж паллетный СТ-200', unit: 'шт', okei: '796', vatRate: '22', costKopecks: 70_000 } });
    await signInAs(t, 'manager');
    await t.ok('documents.updateDraft', { id: draftId, version: (await t.ok('documents.get', { id: draftId })).version, draft: draftInput('invoice', clientId, { lines: [rackLine({ quantityMilli: 3_000 }), rackLine({ name: 'Стеллаж СТ-200 (второй)' })] }) });
    expect(costs(draftId)).toEqual([60_000, 70_000]);
  });

  it('lets the head of sales see and change a draft line’s cost', async () => {
    await signInAs(t, 'head_of_sales');
    const doc = await t.ok('documents.get', { id: draftId });
    expect(doc.lines.map((l) => l.costKopecks)).toEqual([60_000, 70_000]);
    await t.ok('documents.updateDraft', { id: draftId, version: (await t.ok('documents.get', { id: draftId })).version, draft: draftInput('invoice', clientId, { lines: [rackLine({ costKopecks: 55_000 }), rackLine({ costKopecks: null })] }) });
    expect(costs(draftId)).toEqual([55_000, null]);
  });

  it('freezes the cost with the rest of the line once the document is issued', async () => {
    await t.ok('documents.issue', { id: draftId });
    expect(() => t.app.store.sqlite.prepare('UPDATE document_lines SET cost_kopecks = 1 WHERE document_id = ?').run(draftId)).toThrow(/issued/);
  });
});
