import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PdfRenderer } from '../../src/documents/index';
import { pdfText } from '../documents/pdf-text';
import { bundleInputFor, draftInput, inn10, makeClient } from '../helpers/document-fixtures';
import { clientInput } from '../helpers/client-fixtures';
import { openDesk, openTestApp, setUpOffice, signInAs, type TestApp } from '../helpers/temp-app';

// Issuing renders its PDFs before it joins the one writer, so other desks' writes never wait behind a
// bundle's rendering; numbers stay gapless when two issues race for one series. The renders are held
// at a gate the test opens, so «while it renders» is a fact of the test, not a matter of timing.
let t: TestApp;
let clientId: number;
let gate: { open: () => void; opened: Promise<void> };
let rendersWaiting = 0;
let rendersStarted = 0;

function newGate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

/** Every render (and a bundle's joining of its files) waits at the gate once it is shut; the real engine then works. */
function gated(real: PdfRenderer): PdfRenderer {
  const hold = async <T>(work: () => Promise<T>): Promise<T> => {
    rendersWaiting += 1;
    rendersStarted += 1;
    await gate.opened;
    rendersWaiting -= 1;
    return work();
  };
  return { ...real, render: (vm, template, assets) => hold(() => real.render(vm, template, assets)), renderCombined: (parts) => hold(() => real.renderCombined(parts)), merge: (files, info) => hold(() => real.merge(files, info)) };
}

async function until(condition: () => boolean): Promise<void> {
  await expect.poll(condition, { timeout: 10_000, interval: 5 }).toBe(true);
}

/** Two invoice drafts issued at once, both held at the shut gate in their rendering. */
async function twoInvoicesRendering() {
  const first = (await t.ok('documents.createDraft', draftInput('invoice', clientId))).id;
  const second = (await t.ok('documents.createDraft', draftInput('invoice', clientId))).id;
  gate = newGate();
  const a = t.call('documents.issue', { id: first });
  const b = t.call('documents.issue', { id: second });
  await until(() => rendersWaiting >= 2);
  return { first, second, a, b };
}

beforeEach(async () => {
  t = await openTestApp();
  await setUpOffice(t);
  clientId = await makeClient(t);
  gate = newGate();
  gate.open();
  rendersStarted = 0;
  const service = t.app.pdf;
  t.app.pdf = { ...service, renderer: () => gated(service.renderer()) };
});
afterEach(async () => {
  gate.open();
  await t.close();
});

describe('issuing renders outside the one writer', () => {
  it('lets another desk write while a bundle is still rendering, then issues the bundle', async () => {
    const desk = openDesk(t);
    await signInAs(desk, 'office_manager');
    gate = newGate();
    const bundle = t.call('documents.bundle', bundleInputFor(clientId), { requestId: 'bundle-1' });
    await until(() => rendersWaiting > 0);
    // The bundle is held in its rendering; a card from the other desk is written all the same.
    const card = await desk.call('clients.create', { client: clientInput({ shortName: 'ООО «Пока рендерится»', inn: '', kpp: '', ogrn: '' }) });
    expect(card.error).toBeUndefined();
    expect(rendersWaiting).toBeGreaterThan(0);
    gate.open();
    const done = await bundle;
    expect(done.error).toBeUndefined();
    expect(done.data?.status).toBe('issued');
    expect(done.data?.documents.map((d) => d.number)).toEqual(['1', '1', '1']);
  });

  it('gives two invoices issued at once the next two numbers, each PDF carrying its own', async () => {
    // The second rehearses with the number after the one the first holds, and waits for it to be written.
    const { a, b } = await twoInvoicesRendering();
    gate.open();
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra.error).toBeUndefined();
    expect(rb.error).toBeUndefined();
    const numbers = [ra.data?.number, rb.data?.number].sort();
    expect(numbers).toEqual(['1', '2']);
    for (const r of [ra, rb]) {
      const id = r.data?.id ?? 0;
      const text = await pdfText(Buffer.from((await t.ok('documents.pdf', { id })).base64, 'base64'));
      expect(text).toContain(`Счёт на оплату № ${r.data?.number ?? '?'}`);
    }
    // One render each: neither had to render again.
    expect(rendersStarted).toBe(2);
  });

  it('issues five bundles clicked at once with one render of each document: each bundle holds the same place in every series', async () => {
    const clients = [clientId];
    for (let i = 1; i < 5; i++) clients.push(await makeClient(t, { shortName: `ООО «Комплект ${i}»`, inn: inn10(`77010000${i}`), ogrn: '' }));
    gate = newGate();
    const calls = clients.map((id) => t.call('documents.bundle', bundleInputFor(id)));
    // Proposal, contract and invoice of every bundle: all rendering at once.
    await until(() => rendersWaiting >= 15);
    gate.open();
    const results = await Promise.all(calls);
    const numbers = results.map((r) => {
      expect(r.error).toBeUndefined();
      return r.data?.documents.map((d) => d.number) ?? [];
    });
    // Bundle k is № k in the proposals, the contracts and the invoices alike; none rendered twice, and
    // each bundle's combined file joins its three files once.
    expect(numbers.map((n) => n.join('/')).sort()).toEqual(['1/1/1', '2/2/2', '3/3/3', '4/4/4', '5/5/5']);
    expect(rendersStarted).toBe(20);
  });

  it('leaves no gap when an issue holding a number gives up: the next one takes that number', async () => {
    const { first, second, a, b } = await twoInvoicesRendering();
    // While both render (holding № 1 and № 2), the first draft is deleted from another desk.
    const other = openDesk(t);
    await signInAs(other, 'director');
    expect((await other.call('documents.deleteDraft', { id: first })).error).toBeUndefined();
    gate.open();
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra.error?.code).toBe('NOT_FOUND');
    expect(rb.error).toBeUndefined();
    expect(rb.data?.number).toBe('1');
    const text = await pdfText(Buffer.from((await t.ok('documents.pdf', { id: second })).base64, 'base64'));
    expect(text).toContain('Счёт на оплату № 1');
  });

  it('writes nothing outside the writer for a bundle that waits for approval', async () => {
    await signInAs(t, 'manager');
    const own = await makeClient(t, { shortName: 'ООО «Своё»', inn: '', kpp: '', ogrn: '' });
    const res = await t.ok('documents.bundle', { ...bundleInputFor(own, 2_000), requestApproval: true, approvalReason: 'Крупный заказ' });
    expect(res.status).toBe('pending_approval');
    const drafts = t.app.store.sqlite.prepare("SELECT count(*) AS n FROM documents WHERE status = 'draft'").get() as { n: number };
    // One set of drafts: the rehearsal stopped before writing, the run in the writer wrote them once.
    expect(drafts.n).toBe(3);
  });
});
