// Issue 15: forms an accountant, a tax inspector and a lawyer accept — drafts, stamps, счёт-фактура lines, УПД, ТОРГ-12.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PdfFile } from '../../src/shared/api/document-types';
import { overlaps, pageGeometry } from '../documents/pdf-geometry';
import { pdfPages, pdfText } from '../documents/pdf-text';
import { makePng, signaturePng, stampPng } from '../documents/png';
import { draftInput, inn10, makeClient, SERVICE_LINES as SERVICES } from '../helpers/document-fixtures';
import { openTestApp, REPO, setUpOffice, signInAs, type TestApp } from '../helpers/temp-app';

let t: TestApp;
let clientId: number;
// Each test on its own office: they run alone and in any order (issue numbers and dates never collide).
beforeEach(async () => {
  t = await openTestApp();
  await setUpOffice(t);
  clientId = await makeClient(t);
  await t.ok('orgAssets.upload', { orgId: 1, kind: 'stamp', pngBase64: Buffer.from(stampPng()).toString('base64') });
  await t.ok('orgAssets.upload', { orgId: 1, kind: 'signature', pngBase64: Buffer.from(signaturePng()).toString('base64') });
});
afterEach(async () => {
  await t.close();
});

function bytesOf(file: PdfFile): Uint8Array {
  return new Uint8Array(Buffer.from(file.base64, 'base64'));
}

/** Image XObjects drawn in the PDF (dictionaries are not compressed by pdfkit). */
function imageCount(bytes: Uint8Array): number {
  return [...Buffer.from(bytes).toString('latin1').matchAll(/\/Subtype \/Image/g)].length;
}

const MANY_LINES = Array.from({ length: 45 }, (_, i) => ({ name: `Стеллаж секционный, позиция ${i + 1}`, unit: 'шт', okei: '796', quantityMilli: 1000, priceKopecks: 100_000 + i, vatRate: '22' as const }));

describe('a draft looks like a draft (item 5)', () => {
  it('prints «ЧЕРНОВИК» across every page of a preview, «б/н» without «№», and no stamp or facsimile', async () => {
    const bytes = bytesOf(await t.ok('documents.preview', draftInput('invoice', clientId, { lines: MANY_LINES })));
    const pages = await pdfPages(bytes);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain('ЧЕРНОВИК');
    expect(pages[0]).toContain('Счёт на оплату б/н от 20 ноября 2026 г.');
    expect(pages.join(' ')).not.toMatch(/№ б\/н/);
    expect(imageCount(bytes)).toBe(0);
  });

  it('prints a saved draft of a счёт-фактура the same way, and the issued one without the watermark', async () => {
    const draft = await t.ok('documents.createDraft', draftInput('invoice_factura', clientId));
    const text = await pdfText(bytesOf(await t.ok('documents.pdf', { id: draft.id })));
    expect(text).toContain('ЧЕРНОВИК');
    expect(text).toContain('СЧЁТ-ФАКТУРА б/н от 20 ноября 2026 г.');
    const issued = await t.ok('documents.issue', { id: draft.id });
    const final = await pdfText(bytesOf(await t.ok('documents.pdf', { id: issued.id })));
    expect(final).not.toContain('ЧЕРНОВИК');
    expect(final).toContain(`СЧЁТ-ФАКТУРА № ${issued.number} от 20 ноября 2026 г.`);
  });

  it('refuses a document with no lines or a zero total at preview and at issue, in Russian', async () => {
    const empty = await t.call('documents.preview', draftInput('act_services', clientId, { lines: [] }));
    expect(empty.error?.code).toBe('VALIDATION');
    expect(empty.error?.message).toMatch(/добавьте хотя бы одну строку/);
    const free = [{ name: 'Монтаж стеллажей', unit: 'час', okei: '356', quantityMilli: 1000, priceKopecks: 0, vatRate: '22' as const }];
    const zero = await t.call('documents.preview', draftInput('act_services', clientId, { lines: free }));
    expect(zero.error?.message).toMatch(/сумма документа равна нулю/);
    const draft = await t.ok('documents.createDraft', draftInput('act_services', clientId, { lines: free }));
    const issued = await t.call('documents.issue', { id: draft.id });
    expect(issued.error?.code).toBe('VALIDATION');
    expect(issued.error?.message).toMatch(/сумма документа равна нулю/);
  });

  it('refuses to issue a saved draft without lines, and prints no facsimile on a draft even for a client with the agreement', async () => {
    const saved = await t.call('documents.createDraft', draftInput('act_services', clientId, { lines: [] }));
    const refusal = saved.error ?? (await t.call('documents.issue', { id: saved.data?.id ?? 0 })).error;
    expect(refusal?.code).toBe('VALIDATION');
    expect(refusal?.message).toMatch(/добавьте хотя бы одну строку/);
    const agreed = await makeClient(t, { shortName: 'ООО «Согласие»', inn: '7702235133', kpp: '770201001', ogrn: '1027700132130' });
    await t.ok('clients.setFacsimileAgreement', { clientId: agreed, agreed: true });
    const preview = bytesOf(await t.ok('documents.preview', draftInput('act_services', agreed, { lines: SERVICES })));
    expect(imageCount(preview)).toBe(0);
    const draft = await t.ok('documents.createDraft', draftInput('act_services', agreed, { lines: SERVICES }));
    expect(imageCount(bytesOf(await t.ok('documents.pdf', { id: draft.id })))).toBe(0);
    // The same document issued carries both: the check above can fail.
    const issued = await t.ok('documents.issue', { id: draft.id });
    expect(await imagesOnLastPage(bytesOf(await t.ok('documents.pdf', { id: issued.id })))).toBe(2);
  });
});

async function issuedPdf(kind: Parameters<typeof draftInput>[0], forClient: number, overrides: Parameters<typeof draftInput>[2] = {}): Promise<Uint8Array> {
  const draft = await t.ok('documents.createDraft', draftInput(kind, forClient, overrides));
  const issued = await t.ok('documents.issue', { id: draft.id });
  return bytesOf(await t.ok('documents.pdf', { id: issued.id }));
}

async function imagesOnLastPage(bytes: Uint8Array): Promise<number> {
  const pages = await pageGeometry(bytes);
  return pages[pages.length - 1].images.length;
}

describe('the stamp and the facsimile (item 11)', () => {
  it('puts the ТОРГ-12 stamp beside «М.П.» without covering any text, the amount in words included', async () => {
    const bytes = await issuedPdf('torg12', clientId);
    const pages = await pageGeometry(bytes);
    const last = pages[pages.length - 1];
    // The client has no facsimile agreement: our stamp only.
    expect(last.images).toHaveLength(1);
    const stamp = last.images[0];
    for (const run of last.texts) expect({ run: run.text, covered: overlaps(stamp, run.rect) }).toEqual({ run: run.text, covered: false });
    const mp = last.texts.filter((r) => r.text.trim() === 'М.П.').map((r) => r.rect);
    // «М.П.» of our side: left of the stamp, on the stamp's height.
    expect(mp.some((r) => r.x1 <= stamp.x0 + 1 && r.x1 > stamp.x0 - 20 && r.y1 > stamp.y0 && r.y0 < stamp.y1)).toBe(true);
    expect(await pdfText(bytes)).toContain('Двенадцать тысяч восемьсот одиннадцать рублей 22 копейки');
  });

  it('prints the facsimile only for a client whose card records the agreement, never on a счёт-фактура or a УПД статус 1', async () => {
    const agreed = await makeClient(t, { shortName: 'ООО «Согласие»', inn: '7702235133', kpp: '770201001', ogrn: '1027700132130' });
    const card = await t.ok('clients.setFacsimileAgreement', { clientId: agreed, agreed: true });
    expect(card.facsimileAgreement).toBe(true);
    // Stamp + signature with the agreement, the stamp alone without it.
    expect(await imagesOnLastPage(await issuedPdf('act_services', agreed, { lines: SERVICES }))).toBe(2);
    expect(await imagesOnLastPage(await issuedPdf('act_services', clientId, { lines: SERVICES }))).toBe(1);
    // A счёт-фактура has no «М.П.» and never a facsimile.
    expect(await imagesOnLastPage(await issuedPdf('invoice_factura', agreed))).toBe(0);
    expect(await imagesOnLastPage(await issuedPdf('upd', agreed, { terms: { updStatus: 1 } }))).toBe(1);
    expect(await imagesOnLastPage(await issuedPdf('upd', agreed, { terms: { updStatus: 2 } }))).toBe(2);
  });

  it('lets only the heads and the office manager record the agreement', async () => {
    await signInAs(t, 'manager');
    expect((await t.call('clients.setFacsimileAgreement', { clientId, agreed: true })).error?.code).toBe('FORBIDDEN');
    await signInAs(t, 'director');
    expect((await t.ok('clients.get', { id: clientId })).facsimileAgreement).toBe(false);
  });
});

async function freshClient(body: string, overrides: Parameters<typeof makeClient>[1] = {}): Promise<number> {
  return makeClient(t, { shortName: `ООО «Клиент ${body}»`, fullName: `Общество с ограниченной ответственностью «Клиент ${body}»`, inn: inn10(body), ogrn: '', ...overrides });
}

async function issue(kind: Parameters<typeof draftInput>[0], forClient: number, overrides: Parameters<typeof draftInput>[2] = {}) {
  return t.ok('documents.issue', { id: (await t.ok('documents.createDraft', draftInput(kind, forClient, overrides))).id });
}

async function textOf(id: number): Promise<string> {
  return pdfText(bytesOf(await t.ok('documents.pdf', { id })));
}

describe('счёт-фактура строки 3–6б (items 6 and 9)', () => {
  it('names the issued ТОРГ-12 in строка 5а with the rows it covers, and «он же» for the seller and the buyer', async () => {
    const client = await freshClient('772800001');
    const torg = await issue('torg12', client, { docDate: '2026-11-18' });
    const text = await textOf((await issue('invoice_factura', client)).id);
    expect(text).toContain(`Документ об отгрузке № п/п 1–2 № ${torg.number} от 18.11.2026 (5а)`);
    expect(text).toContain('Грузоотправитель и его адрес: он же (3)');
    expect(text).toContain('Грузополучатель и его адрес: он же (4)');
  });

  it('takes the shipping document chosen on the draft, and «—» in строки 3 and 4 for services', async () => {
    const client = await freshClient('772800002');
    const act = await issue('act_services', client, { lines: SERVICES });
    await issue('act_services', client, { lines: SERVICES });
    const text = await textOf((await issue('invoice_factura', client, { lines: SERVICES, terms: { shippingDocumentId: act.id } })).id);
    expect(text).toContain(`Документ об отгрузке № п/п 1 № ${act.number} от 20.11.2026 (5а)`);
    expect(text).toContain('Грузоотправитель и его адрес: — (3)');
    expect(text).toContain('Грузополучатель и его адрес: — (4)');
    const foreign = await issue('act_services', clientId, { lines: SERVICES });
    const refused = await t.call('documents.createDraft', draftInput('invoice_factura', client, { lines: SERVICES, terms: { shippingDocumentId: foreign.id } }));
    const preview = refused.error ?? (await t.call('documents.preview', draftInput('invoice_factura', client, { lines: SERVICES, terms: { shippingDocumentId: foreign.id } }))).error;
    expect(preview?.message).toMatch(/Документ об отгрузке/);
  });

  it('prints a private buyer without a dangling comma, with «—» in строки 6а and 6б', async () => {
    const person = await makeClient(t, { kind: 'person', shortName: 'Кузьмина Мария Олеговна', fullName: 'Кузьмина Мария Олеговна', inn: '', kpp: '', ogrn: '', legalAddress: '', accounts: [] });
    const text = await textOf((await issue('invoice_factura', person)).id);
    expect(text).toContain('Покупатель: Кузьмина Мария Олеговна (6)');
    expect(text).toContain('Адрес: — (6а)');
    expect(text).toContain('ИНН/КПП покупателя: — (6б)');
    expect(text).not.toMatch(/,\s*\(\d/);
  });

  it('prints a consignor and consignee set on the document (a branch) on the счёт-фактура, the ТОРГ-12 and the УПД', async () => {
    const terms = { consigneeName: 'ООО «Вектор», обособленное подразделение «Склад Королёв»', consigneeAddress: '141070, Московская обл., г. Королёв, ул. Ленина, д. 1' };
    const factura = await textOf((await issue('invoice_factura', clientId, { terms })).id);
    expect(factura).toContain('Грузоотправитель и его адрес: он же (3)');
    expect(factura).toContain('Грузополучатель и его адрес: ООО «Вектор», обособленное подразделение «Склад Королёв», 141070, Московская обл., г. Королёв, ул. Ленина, д. 1 (4)');
    const torg = await textOf((await issue('torg12', clientId, { terms: { ...terms, consignorName: 'ООО «Наша компания», склад № 2', consignorAddress: 'г. Мытищи, ул. Складская, д. 5' } })).id);
    expect(torg).toContain('ООО «Наша компания», склад № 2, г. Мытищи, ул. Складская, д. 5');
    expect(torg).toContain('Грузополучатель ООО «Вектор», обособленное подразделение «Склад Королёв», 141070');
    const upd = await textOf((await issue('upd', clientId, { terms: { ...terms, consignorName: 'ООО «Наша компания», склад № 2', consignorAddress: 'г. Мытищи, ул. Складская, д. 5' } })).id);
    expect(upd).toContain('Грузоотправитель и его адрес: ООО «Наша компания», склад № 2, г. Мытищи, ул. Складская, д. 5');
    expect(upd).toContain('Грузополучатель и его адрес: ООО «Вектор», обособленное подразделение «Склад Королёв», 141070');
  });
});

describe('УПД (item 7)', () => {
  const IMPORTED = [
    {
      name: 'Стеллаж складской импортный',
      unit: 'шт',
      okei: '796',
      quantityMilli: 2_000,
      priceKopecks: 150_000,
      vatRate: '22' as const,
      countryCode: '156',
      countryName: 'Китай',
      customsDeclaration: '10702070/150126/0001234',
      productKindCode: '9403200009',
    },
  ];

  it('prints the full table through columns 12, 12а and 13, with the imported goods fields of a line', async () => {
    const upd = await issue('upd', clientId, { lines: IMPORTED, terms: { updStatus: 1 } });
    const text = await textOf(upd.id);
    expect(text).toMatch(/10 10а 11 12 12а 13/);
    // Narrow headers divide words with a hyphen at the line end (item 13): read them back joined.
    expect(text.replace(/(\p{L})- (?=\p{L})/gu, '$1')).toContain('Количественная единица измерения товара, используемая в целях прослеживаемости');
    // The declaration wraps after its slashes only.
    expect(text.replace(/\u200b/g, '')).toMatch(/156 Китай 10702070\/ ?150126\/ ?0001234/);
    expect(text).toContain(' 9403200009 ');
    const stored = await t.ok('documents.get', { id: upd.id });
    expect(stored.lines[0]).toMatchObject({ countryCode: '156', countryName: 'Китай', customsDeclaration: '10702070/150126/0001234', productKindCode: '9403200009' });
  });

  it('refuses a malformed declaration number or a country without its code', async () => {
    const bad = await t.call('documents.createDraft', draftInput('upd', clientId, { lines: [{ ...IMPORTED[0], customsDeclaration: '10702070-150126' }] }));
    expect(bad.error?.code).toBe('VALIDATION');
    const half = await t.call('documents.createDraft', draftInput('upd', clientId, { lines: [{ ...IMPORTED[0], countryCode: '' }] }));
    expect(half.error?.message).toMatch(/Страна происхождения/);
  });

  it('takes its default status from the seller’s VAT regime, and a статус 2 never takes a счёт-фактура number', async () => {
    const payer = await t.ok('documents.createDraft', draftInput('upd', clientId));
    expect(payer.terms.updStatus).toBe(1);
    const org = await t.ok('orgs.get', { id: 1 });
    const { id: _id, isDefault: _d, createdAt: _c, updatedAt: _u, ...input } = org;
    await t.ok('orgs.update', { id: 1, version: (await t.ok('orgs.get', { id: 1 })).version, org: { ...input, defaultVatRate: 'none' } });
    try {
      const exempt = await t.ok('documents.createDraft', draftInput('upd', clientId, { vatRate: 'none' }));
      expect(exempt.terms.updStatus).toBe(2);
      const facturaBefore = await issue('invoice_factura', clientId, { docDate: '2026-11-25' });
      const transfer = await t.ok('documents.issue', { id: exempt.id });
      const facturaAfter = await issue('invoice_factura', clientId, { docDate: '2026-11-25' });
      expect(Number(facturaAfter.number)).toBe(Number(facturaBefore.number) + 1);
      const series = t.app.store.sqlite.prepare("SELECT series_key AS k FROM documents WHERE id = ?").get(transfer.id) as { k: string };
      expect(series.k).toBe('upd_transfer');
      expect(await textOf(transfer.id)).toMatch(/Статус: 2/);
      // УСН with VAT at 5 % (or 7 %) is a VAT payer: статус 1, whatever the tax system.
      await t.ok('orgs.update', { id: 1, version: (await t.ok('orgs.get', { id: 1 })).version, org: { ...input, defaultVatRate: '5' } });
      expect((await t.ok('documents.createDraft', draftInput('upd', clientId, { vatRate: '5' }))).terms.updStatus).toBe(1);
    } finally {
      await t.ok('orgs.update', { id: 1, version: (await t.ok('orgs.get', { id: 1 })).version, org: input });
    }
  });
});

describe('wording by kind (item 12)', () => {
  it('drops the goods boilerplate from an invoice for services, and «Основание» when there is no contract', async () => {
    const contract = await issue('contract_services', clientId, { lines: SERVICES });
    const services = await textOf((await issue('invoice', clientId, { lines: SERVICES, basisDocumentId: contract.id })).id);
    expect(services).not.toContain('наличие товара на складе');
    expect(services).toContain('согласие с условиями оказания услуг');
    expect(services).toContain(`Основание: Договор оказания услуг № ${contract.number}`);
    const goods = await textOf((await issue('invoice', clientId)).id);
    expect(goods).toContain('наличие товара на складе');
    expect(goods).not.toMatch(/Основание|Основной договор/);
  });

  it('takes the proposal’s and the contract’s payment terms from the deal’s terms, not a fixed 100 %', async () => {
    const terms = { paymentDays: 5, prepaymentPercent: 50 };
    const offer = await textOf((await issue('commercial_offer', clientId, { terms })).id);
    expect(offer).toContain('Оплата: предоплата 50% по счёту в течение 5 банковских дней, оставшиеся 50% — после поставки.');
    expect(offer).not.toContain('100%');
    const contract = await textOf((await issue('contract_supply', clientId, { terms })).id);
    expect(contract).toContain('перечисления 50% предоплаты (оставшиеся 50% — в течение 5 (пяти) банковских дней с даты поставки)');
    // The specification repeats the contract's terms; it must not contradict them with a fixed 100 %.
    expect(contract).not.toContain('100%');
    expect(contract).toContain('Условия оплаты: предоплата 50%, оставшиеся 50% — в течение 5 (пяти) банковских дней с даты поставки.');
  });

  it('takes a services contract’s prepayment from the terms, not a fixed 50 %', async () => {
    const thirty = await textOf((await issue('contract_services', clientId, { lines: SERVICES, terms: { paymentDays: 5, prepaymentPercent: 30 } })).id);
    expect(thirty).toContain('Заказчик вносит предоплату в размере 30% стоимости услуг в течение 5 банковских дней с даты выставления счёта; оставшиеся 70% — в течение 5 (пяти) банковских дней с даты подписания акта.');
    const full = await textOf((await issue('contract_services', clientId, { lines: SERVICES, terms: { paymentDays: 5, prepaymentPercent: 100 } })).id);
    expect(full).toContain('Заказчик вносит предоплату в размере 100% стоимости услуг в течение 5 банковских дней с даты выставления счёта.');
    expect(full).not.toContain('оставшиеся');
  });

  it('gives an ИП an «Адрес», not a «Юридический адрес»', async () => {
    const ip = await makeClient(t, {
      kind: 'ip',
      shortName: 'ИП Петров П.П.',
      fullName: 'Индивидуальный предприниматель Петров Пётр Петрович',
      inn: '500100000015',
      kpp: '',
      ogrn: '304770000000020',
      legalAddress: '141070, Московская обл., г. Королёв, ул. Ленина, д. 5, кв. 10',
    });
    const text = await textOf((await issue('contract_supply', ip)).id);
    expect(text).toContain('Адрес: 141070, Московская обл., г. Королёв');
    expect(text).not.toContain('Юридический адрес: 141070');
  });

  it('lets each signer act on the charter or on a power of attorney, as set on the document', async () => {
    const terms = { buyerSignerName: 'Орлова Марина Андреевна', buyerSignerPosition: 'Коммерческий директор', buyerSignerBasis: 'доверенности № 12 от 01.02.2026' };
    const text = await textOf((await issue('contract_supply', clientId, { terms })).id);
    expect(text).toContain('Коммерческий директор Орлова Марина Андреевна на основании доверенности № 12 от 01.02.2026');
    expect(text).toMatch(/Петров Пётр Петрович на основании Устава/);
  });

  it('refuses a supply contract as the basis of a services act', async () => {
    const supply = await issue('contract_supply', clientId);
    const res = await t.call('documents.createDraft', draftInput('act_services', clientId, { lines: SERVICES, basisDocumentId: supply.id }));
    expect(res.error?.code).toBe('VALIDATION');
    expect(res.error?.message).toMatch(/Акт об оказании услуг не составляют по договору поставки/);
  });

  it('moves an invoice’s «действителен до» to the next working day of the production calendar', async () => {
    // 03.11.2026 + 1 day = 04.11.2026, День народного единства (a holiday in the calendar): 05.11.2026.
    const text = await textOf((await issue('invoice', clientId, { docDate: '2026-11-03', terms: { validDays: 1 } })).id);
    expect(text).toContain('Счёт действителен к оплате до 5 ноября 2026 г.');
    // 20.11.2026 (Friday) + 1 day = Saturday: Monday 23.11.2026.
    const weekend = await textOf((await issue('invoice', clientId, { terms: { validDays: 1 } })).id);
    expect(weekend).toContain('Счёт действителен к оплате до 23 ноября 2026 г.');
  });
});

describe('grammar (item 13)', () => {
  it('addresses a proposal in the dative and declines a private person’s name inside sentences', async () => {
    const gromov = await freshClient('772800003');
    await t.ok('clients.saveContact', { clientId: gromov, contact: { fullName: 'Громов Сергей Петрович', position: 'Генеральный директор', decisionRole: 'decision_maker' } });
    const offer = await textOf((await issue('commercial_offer', gromov, { terms: { buyerSignerName: 'Громов Сергей Петрович', buyerSignerPosition: 'Генеральный директор' } })).id);
    expect(offer).toContain('Генеральному директору Громову С. П.');
    const person = await makeClient(t, { kind: 'person', shortName: 'Кузьмина Мария Олеговна', fullName: 'Кузьмина Мария Олеговна', inn: '', kpp: '', ogrn: '', legalAddress: '', accounts: [] });
    const act = await textOf((await issue('reconciliation_act', person)).id);
    expect(act).toContain('между ООО «Ромашка» и Кузьминой Марией Олеговной');
    expect(act).toContain('По данным Кузьминой М. О., руб.');
  });
});

describe('our logo (item 18)', () => {
  /** A minimal baseline JPEG header: SOI, an APP0 segment and a SOF0 frame of width × height. */
  function jpegHeader(width: number, height: number): Uint8Array {
    const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
    const sof0 = [0xff, 0xc0, 0x00, 0x0b, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00];
    return new Uint8Array([0xff, 0xd8, ...app0, ...sof0, 0xff, 0xd9]);
  }

  it('is uploaded per organisation as PNG, refused when too small, too big or not an image, and placed on the invoice', async () => {
    const tiny = await t.call('orgAssets.upload', { orgId: 1, kind: 'logo', pngBase64: Buffer.from(makePng(10, 10, () => [0, 0, 0, 255])).toString('base64') });
    expect(tiny.error?.message).toMatch(/Логотип 10×10 пикселей слишком мал/);
    const huge = await t.call('orgAssets.upload', { orgId: 1, kind: 'logo', pngBase64: Buffer.from(jpegHeader(5000, 1200)).toString('base64') });
    expect(huge.error?.message).toMatch(/Логотип 5000×1200 пикселей слишком велик/);
    const text = await t.call('orgAssets.upload', { orgId: 1, kind: 'logo', pngBase64: Buffer.from('просто текст, не картинка').toString('base64') });
    expect(text.error?.message).toMatch(/PNG или JPEG/);
    const before = (await pageGeometry(await issuedPdf('invoice', clientId)))[0].images.length;
    const logo = makePng(300, 90, (x) => (x < 150 ? [200, 30, 30, 255] : [30, 30, 200, 255]));
    const saved = await t.ok('orgAssets.upload', { orgId: 1, kind: 'logo', pngBase64: Buffer.from(logo).toString('base64') });
    expect(saved.kind).toBe('logo');
    const first = (await pageGeometry(await issuedPdf('invoice', clientId)))[0];
    expect(first.images.length).toBe(before + 1);
    // The logo sits at the top of the page, above the bank block, within 150 × 45 points.
    const top = first.images.reduce((a, b) => (a.y1 > b.y1 ? a : b));
    expect(top.x1 - top.x0).toBeLessThanOrEqual(150.5);
    expect(top.y1 - top.y0).toBeLessThanOrEqual(45.5);
    const bank = first.texts.find((r) => r.text.includes('БИК'));
    expect(bank && top.y0 >= bank.rect.y1).toBe(true);
    await t.ok('orgAssets.remove', { orgId: 1, kind: 'logo' });
  });

  it('takes a JPEG logo as well and refuses a file over 2 MB', async () => {
    // A real progressive JPEG of 493 × 58 pixels (test/fixtures/README.md says where it comes from).
    const jpeg = readFileSync(join(REPO, 'test', 'fixtures', 'logo-493x58.jpg'));
    const before = (await pageGeometry(await issuedPdf('invoice', clientId)))[0].images.length;
    const saved = await t.ok('orgAssets.upload', { orgId: 1, kind: 'logo', pngBase64: jpeg.toString('base64') });
    expect(saved.dataUrl.startsWith('data:image/jpeg;base64,')).toBe(true);
    const first = (await pageGeometry(await issuedPdf('invoice', clientId)))[0];
    expect(first.images.length).toBe(before + 1);
    // 2 MB and one byte: a valid PNG header, then padding.
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set(makePng(300, 90, () => [0, 0, 0, 255]));
    const refused = await t.call('orgAssets.upload', { orgId: 1, kind: 'logo', pngBase64: Buffer.from(big).toString('base64') });
    expect(refused.error?.message).toMatch(/больше 2 МБ/);
  });
});

describe('a stamp whose file is broken', () => {
  /** The stamp with its header intact and its pixel data scrambled, as a damaged upload would be. */
  function brokenStamp(): Uint8Array {
    const bytes = new Uint8Array(stampPng());
    for (let i = 60; i < bytes.length - 20; i++) bytes[i] ^= 0x5a;
    return bytes;
  }

  it('is refused at upload, naming what is wrong, and the stamp in use stays', async () => {
    const before = await t.ok('orgAssets.list', { orgId: 1 });
    const res = await t.call('orgAssets.upload', { orgId: 1, kind: 'stamp', pngBase64: Buffer.from(brokenStamp()).toString('base64') });
    expect(res.error?.code).toBe('VALIDATION');
    expect(res.error?.message).toBe('Печать: файл PNG повреждён и не читается — загрузите изображение заново');
    const huge = await t.call('orgAssets.upload', { orgId: 1, kind: 'signature', pngBase64: Buffer.from(makePng(4500, 2, () => [0, 0, 0, 255])).toString('base64') });
    expect(huge.error?.message).toBe('Подпись: изображение 4500×2 пикселей слишком велико: не больше 4000 по стороне — уменьшите его');
    expect(await t.ok('orgAssets.list', { orgId: 1 })).toEqual(before);
  });

  it('already in the base stops an issue with a clear message and writes nothing; the program goes on', async () => {
    // A stamp saved before uploads were read in full: put in the table as it would lie there.
    const sqlite = t.app.store.sqlite;
    sqlite.prepare("UPDATE org_assets SET active = 0 WHERE org_id = 1 AND kind = 'stamp'").run();
    sqlite
      .prepare("INSERT INTO org_assets (org_id, kind, png, sha256, active, uploaded_at) VALUES (1, 'stamp', ?, 'broken', 1, '2026-11-01T09:00:00.000Z')")
      .run(Buffer.from(brokenStamp()));
    const draft = await t.ok('documents.createDraft', draftInput('invoice', clientId));
    const issued = await t.call('documents.issue', { id: draft.id });
    expect(issued.error?.code).toBe('VALIDATION');
    expect(issued.error?.message).toBe('Печать: файл PNG повреждён и не читается — загрузите изображение заново');
    expect((await t.ok('documents.get', { id: draft.id })).status).toBe('draft');
    // A new stamp uploaded: the same draft issues.
    await t.ok('orgAssets.upload', { orgId: 1, kind: 'stamp', pngBase64: Buffer.from(stampPng()).toString('base64') });
    expect((await t.ok('documents.issue', { id: draft.id })).number).toBe('1');
  });
});
