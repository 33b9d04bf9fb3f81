import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentLineInput } from '../../src/shared/api/document-types';
import { draftInput, makeClient } from '../helpers/document-fixtures';
import { userId } from '../helpers/sales-fixtures';
import { openTestApp, setUpOffice, signInAs, type TestApp } from '../helpers/temp-app';

// Cost prices: entered in the catalog by the heads, taken onto a line when it is added, never shown to managers.
let t: TestApp;
let clientId: number;

const costs = (id: number) =>
  (t.app.store.sqlite.prepare('SELECT cost_kopecks AS c FROM document_lines WHERE document_id = ? ORDER BY position').all(id) as { c: number | null }[]).map((r) => r.c);

function rackLine(itemId: number, extra: Partial<DocumentLineInput> = {}): DocumentLineInput {
  return { catalogItemId: itemId, name: 'Стеллаж паллетный СТ-200', unit: 'шт', okei: '796', quantityMilli: 2_000, priceKopecks: 100_000, vatRate: '22', ...extra };
}

beforeAll(async () => {
  t = await openTestApp();
  await setUpOffice(t);
  await signInAs(t, 'manager');
  const manager = userId(t.app.store.sqlite, 'user-manager');
  await signInAs(t, 'director');
  clientId = await makeClient(t, {}, manager);
});

/** A catalog item of its own (cost 60 000,00 kopecks) for the test, entered by the director. */
async function newItem(): Promise<number> {
  await signInAs(t, 'director');
  return (await t.ok('catalog.save', { item: { kind: 'goods', name: 'Стеллаж паллетный СТ-200', unit: 'шт', okei: '796', vatRate: '22', costKopecks: 60_000 } })).id;
}

/** A manager's draft with one line of a new item: its cost taken from the catalog (60 000). */
async function managerDraft(): Promise<{ itemId: number; draftId: number }> {
  const itemId = await newItem();
  await signInAs(t, 'manager');
  const draft = await t.ok('documents.createDraft', draftInput('invoice', clientId, { lines: [rackLine(itemId)] }));
  return { itemId, draftId: draft.id };
}
afterAll(async () => {
  await t.close();
});

describe('cost prices', () => {
  it('keeps the catalog cost from managers and puts it on the line they add', async () => {
    const itemId = await newItem();
    await signInAs(t, 'manager');
    expect((await t.ok('catalog.list', {})).find((i) => i.id === itemId)?.costKopecks).toBeNull();
    const draft = await t.ok('documents.createDraft', draftInput('invoice', clientId, { lines: [rackLine(itemId, { costKopecks: 1 })] }));
    expect(draft.lines[0]).not.toHaveProperty('costKopecks');
    expect(costs(draft.id)).toEqual([60_000]);
  });

  it('keeps a line’s cost when a manager saves the draft again, even if the catalog changes', async () => {
    const { itemId, draftId } = await managerDraft();
    await signInAs(t, 'director');
    await t.ok('catalog.save', { id: itemId, version: 1, item: { kind: 'goods', name: 'Стеллаж паллетный СТ-200', unit: 'шт', okei: '796', vatRate: '22', costKopecks: 70_000 } });
    await signInAs(t, 'manager');
    await t.ok('documents.updateDraft', { id: draftId, version: (await t.ok('documents.get', { id: draftId })).version, draft: draftInput('invoice', clientId, { lines: [rackLine(itemId, { quantityMilli: 3_000 }), rackLine(itemId, { name: 'Стеллаж СТ-200 (второй)' })] }) });
    expect(costs(draftId)).toEqual([60_000, 70_000]);
  });

  it('lets the head of sales see and change a draft line’s cost', async () => {
    const { itemId, draftId } = await managerDraft();
    await signInAs(t, 'head_of_sales');
    const doc = await t.ok('documents.get', { id: draftId });
    expect(doc.lines.map((l) => l.costKopecks)).toEqual([60_000]);
    await t.ok('documents.updateDraft', { id: draftId, version: (await t.ok('documents.get', { id: draftId })).version, draft: draftInput('invoice', clientId, { lines: [rackLine(itemId, { costKopecks: 55_000 }), rackLine(itemId, { costKopecks: null })] }) });
    expect(costs(draftId)).toEqual([55_000, null]);
  });

  it('freezes the cost with the rest of the line once the document is issued', async () => {
    const { draftId } = await managerDraft();
    await signInAs(t, 'head_of_sales');
    await t.ok('documents.issue', { id: draftId });
    expect(() => t.app.store.sqlite.prepare('UPDATE document_lines SET cost_kopecks = 1 WHERE document_id = ?').run(draftId)).toThrow(/issued/);
  });
});
