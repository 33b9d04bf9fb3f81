// Realistic document data for the document engine's tests and benchmark.
import type { DocumentData, LineData, PartyData } from '../../src/documents/index';
import type { DocumentKind } from '../../src/documents/index';

/** Our organisation: a valid ООО with a Sber account (checksums from ru-documents §1). */
export const SELLER: PartyData = {
  kind: 'legal',
  fullName: 'Общество с ограниченной ответственностью «Ромашка»',
  shortName: 'ООО «Ромашка»',
  inn: '7707083893',
  kpp: '770701001',
  ogrn: '1027700132195',
  legalAddress: '125009, г. Москва, ул. Тверская, д. 7, офис 12',
  postalAddress: '125009, г. Москва, ул. Тверская, д. 7, офис 12',
  bank: { bik: '044525225', name: 'ПАО Сбербанк, г. Москва', corrAccount: '30101810400000000225', account: '40702810938000000001' },
  directorPosition: 'Генеральный директор',
  directorName: 'Смирнов Алексей Викторович',
  accountantName: 'Кузнецова Ольга Сергеевна',
  phone: '+7 (495) 123-45-67',
  email: 'info@romashka.ru',
};

/** A client company. */
export const BUYER_LEGAL: PartyData = {
  kind: 'legal',
  fullName: 'Общество с ограниченной ответственностью «Вектор»',
  shortName: 'ООО «Вектор»',
  inn: '7736207543',
  kpp: '773601001',
  ogrn: '1037700013020',
  legalAddress: '119991, г. Москва, Ленинский пр-т, д. 32А, стр. 2',
  postalAddress: '119991, г. Москва, а/я 15',
  bank: { bik: '044030827', name: 'АО «Северный банк», г. Санкт-Петербург', corrAccount: '30101810200000000827', account: '40702810900000002851' },
  directorPosition: 'Директор',
  directorName: 'Орлова Марина Андреевна',
  accountantName: '',
  phone: '+7 (495) 765-43-21',
  email: 'zakupki@vector.ru',
};

/** A client who is an individual entrepreneur. */
export const BUYER_IP: PartyData = {
  kind: 'ip',
  fullName: 'Индивидуальный предприниматель Петров Пётр Петрович',
  shortName: 'ИП Петров П.П.',
  inn: '500100000015',
  kpp: '',
  ogrn: '304770000000020',
  legalAddress: '141070, Московская обл., г. Королёв, ул. Ленина, д. 5, кв. 10',
  postalAddress: '',
  bank: { bik: '044030827', name: 'АО «Северный банк», г. Санкт-Петербург', corrAccount: '30101810200000000827', account: '40802810855000001234' },
  directorPosition: '',
  directorName: 'Петров Пётр Петрович',
  accountantName: '',
  phone: '+7 (916) 555-12-34',
  email: 'petrov.pp@mail.ru',
};

/** Goods lines with prices net of VAT (22% on top). */
export const GOODS: LineData[] = [
  { name: 'Бумага офисная SvetoCopy A4, 80 г/м², 500 листов', unit: 'пач', okei: '728', quantityMilli: 40_000, priceKopecks: 35_000, vatRate: 22 },
  { name: 'Картридж лазерный HP 106A (W1106A), чёрный', unit: 'шт', okei: '796', quantityMilli: 2_000, priceKopecks: 459_000, vatRate: 22 },
  { name: 'Степлер №24/6 на 30 листов, металлический', unit: 'шт', okei: '796', quantityMilli: 5_000, priceKopecks: 48_950, vatRate: 22 },
];

/** Services lines. */
export const SERVICES: LineData[] = [
  { name: 'Настройка CRM-системы отдела продаж', unit: 'усл. ед.', okei: '876', quantityMilli: 1_000, priceKopecks: 4_500_000, vatRate: 22 },
  { name: 'Обучение сотрудников работе с CRM (8 академических часов)', unit: 'ч', okei: '356', quantityMilli: 8_000, priceKopecks: 250_000, vatRate: 22 },
];

/** `count` goods lines for long documents. */
export function manyLines(count: number): LineData[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `Товар хозяйственный, позиция ${i + 1}: ${['перчатки нитриловые', 'салфетки бумажные', 'мешки для мусора 120 л', 'средство моющее 5 л'][i % 4]}`,
    unit: 'шт',
    okei: '796',
    quantityMilli: ((i % 7) + 1) * 1000,
    priceKopecks: 10_000 + i * 1_234,
    vatRate: 22,
  }));
}

/** A valid document of the kind: ООО seller, ООО buyer, 22% on top, based on a contract. */
export function sampleData(kind: DocumentKind, overrides: Partial<DocumentData> = {}): DocumentData {
  const services = kind === 'act_services' || kind === 'contract_services';
  return {
    kind,
    number: '15',
    dateIso: '2026-01-09',
    seller: SELLER,
    buyer: BUYER_LEGAL,
    lines: services ? SERVICES : GOODS,
    vatMode: 'on_top',
    basis: kind.startsWith('contract') ? null : { title: services ? 'Договор оказания услуг' : 'Договор поставки', number: '12/2026', dateIso: '2026-01-05' },
    manager: { name: 'Лебедева Анна Игоревна', phone: '+7 (495) 123-45-68', email: 'a.lebedeva@romashka.ru' },
    city: 'г. Москва',
    validUntilIso: '2026-01-23',
    paymentTermsDays: 5,
    deliveryTermsDays: 10,
    updStatus: 1,
    reconciliation:
      kind === 'reconciliation_act'
        ? {
            periodFromIso: '2026-01-01',
            periodToIso: '2026-03-31',
            openingKopecks: 1_500_000,
            rows: [
              { dateIso: '2026-01-15', doc: 'Оплата (платёжное поручение № 45)', debitKopecks: 0, creditKopecks: 1_500_000 },
              { dateIso: '2026-01-20', doc: 'Продажа (УПД № 15 от 20.01.2026)', debitKopecks: 1_573_190, creditKopecks: 0 },
              { dateIso: '2026-02-03', doc: 'Оплата (платёжное поручение № 61)', debitKopecks: 0, creditKopecks: 1_000_000 },
            ],
          }
        : null,
    ...overrides,
  };
}
