import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiInput } from '../../src/shared/contract';
import { pdfText } from '../documents/pdf-text';
import { clientInput } from '../helpers/client-fixtures';
import { draftInput, issueDraft, makeClient, pdfBytesOf, saveFirstPage, SERVICE_LINES } from '../helpers/document-fixtures';
import { openTestApp, setUpOffice, type TestApp } from '../helpers/temp-app';

let t: TestApp;
let personId: number;
let companyId: number;
beforeAll(async () => {
  t = await openTestApp();
  await setUpOffice(t);
  companyId = await makeClient(t);
  const card = await t.ok('clients.create', {
    client: clientInput({
      kind: 'person',
      shortName: 'Кузьмина Мария Олеговна',
      fullName: 'Кузьмина Мария Олеговна',
      inn: '',
      kpp: '',
      ogrn: '',
      legalAddress: '',
      accounts: [],
      phones: [{ value: '+7 916 555-44-33', label: 'мобильный' }],
      emails: [],
    }),
  });
  personId = card.id;
  await t.ok('clients.savePassport', {
    clientId: personId,
    passport: { seriesNumber: '4510 123456', issuedBy: 'ОВД «Арбат» г. Москвы', issuedOn: '2015-02-01', divisionCode: '770-001', birthDate: '1985-03-15', registrationAddress: '119002, г. Москва, ул. Арбат, д. 10, кв. 5' },
  });
});
afterAll(async () => {
  await t.close();
});

async function contractText(kind: 'contract_supply' | 'contract_services', clientId: number, overrides: Partial<ApiInput<'documents.createDraft'>> = {}): Promise<string> {
  const doc = await issueDraft(t, draftInput(kind, clientId, overrides));
  const bytes = (await pdfBytesOf(t, doc.id));
  saveFirstPage(`${kind}-${clientId === personId ? 'consumer' : 'company'}`, bytes);
  // A line broken after a hyphen («купли-|продажи») reads back with a space: join such words again.
  return (await pdfText(bytes)).replace(/-\s/g, '-');
}

const PASSPORT = 'паспорт 4510 123456, выдан ОВД «Арбат» г. Москвы 01.02.2015, код подразделения 770-001, дата рождения 15.03.1985';
// What ЗоЗПП ст. 16, 17 make void against a consumer.
const B2B_ONLY = ['Арбитражн', 'претензионного порядка обязательно', 'не более 10%'];

describe('a contract with a private person', () => {
  it('for goods is a розничная купля-продажа with the law’s 0,5 % a day, the consumer’s court, the person’s passport', async () => {
    const text = await contractText('contract_supply', personId);
    expect(text).toContain('Договор розничной купли-продажи №');
    expect(text).toContain('статья 492 Гражданского кодекса');
    expect(text).toContain(`гражданин(-ка) Кузьмина Мария Олеговна, ${PASSPORT}, зарегистрированный(-ая) по адресу: 119002, г. Москва, ул. Арбат, д. 10, кв. 5 (далее — «Покупатель»)`);
    expect(text).toContain('0,5% суммы предварительной оплаты товара за каждый день просрочки');
    expect(text).toContain('пункт 3 статьи 23.1');
    expect(text).toContain('по выбору Покупателя');
    expect(text).toContain('вправе, но не обязан до обращения в суд направить Продавцу претензию');
    expect(text).toContain('Паспорт: 4510 123456, выдан');
    expect(text).toContain('Адрес регистрации: 119002, г. Москва, ул. Арбат, д. 10, кв. 5');
    for (const phrase of B2B_ONLY) expect(text).not.toContain(phrase);
  });

  it('for services makes the person the «Заказчик», with 3 % a day and a preamble starting with a capital letter', async () => {
    const text = await contractText('contract_services', personId, { lines: SERVICE_LINES });
    expect(text).toMatch(/\d{4} г\. Гражданин\(-ка\) Кузьмина Мария Олеговна, паспорт 4510 123456/);
    expect(text).toContain('(далее — «Заказчик»)');
    expect(text).toContain('3% цены оказания услуги за каждый день просрочки');
    expect(text).toContain('пункт 5 статьи 28');
    expect(text).toContain('по выбору Заказчика');
    for (const phrase of B2B_ONLY) expect(text).not.toContain(phrase);
  });

  it('leaves a company’s contract as it was, without anyone’s passport', async () => {
    const text = await contractText('contract_supply', companyId);
    expect(text).toContain('Договор поставки №');
    expect(text).toContain('Арбитражного суда');
    expect(text).not.toContain('паспорт');
  });

  it('keeps passport data for private persons only', async () => {
    const res = await t.call('clients.savePassport', { clientId: companyId, passport: { seriesNumber: '4510 123456' } });
    expect(res.error?.code).toBe('VALIDATION');
    const bad = await t.call('clients.savePassport', { clientId: personId, passport: { seriesNumber: '45 10' } });
    expect(bad.error?.code).toBe('VALIDATION');
    expect((await t.ok('clients.passport', { clientId: personId })).divisionCode).toBe('770-001');
  });
});
