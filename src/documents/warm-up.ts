// Renders a few documents at start so that the first real one does not pay for loading pdfmake,
// parsing the fonts and compiling the layout code.
import { loadBuiltInTemplate } from './templates';
import type { PartyData } from './document-data';
import { mergePdfs } from './merge-pdfs';
import { pdfInfoOf, renderPdf } from './render';
import { buildViewModel } from './view-model';

const PARTY: PartyData = {
  kind: 'legal',
  fullName: 'Общество с ограниченной ответственностью «Образец»',
  shortName: 'ООО «Образец»',
  inn: '7707083893',
  kpp: '770701001',
  ogrn: '1027700132195',
  legalAddress: '125009, г. Москва, ул. Тверская, д. 1',
  postalAddress: '',
  bank: { bik: '044525225', name: 'ПАО Сбербанк', corrAccount: '30101810400000000225', account: '40702810938000000001' },
  directorPosition: 'Генеральный директор',
  directorName: 'Иванов Иван Иванович',
  accountantName: '',
  phone: '+7 (495) 000-00-00',
  email: 'info@example.ru',
};

const GOODS = ['Бумага офисная А4, 80 г/м², 500 листов', 'Картридж лазерный, чёрный', 'Перчатки нитриловые «Образец» — 100 шт.', 'Степлер №24/6 на 30 листов'];

/**
 * Renders and discards a few documents (a 20-line invoice, then the bundle a deal's first print is:
 * proposal, contract with its specification, invoice, joined into one file as issuing does) so that
 * the code is compiled and the common glyphs shaped before the first real document.
 */
export async function warmUpRenderer(): Promise<void> {
  const lines = Array.from({ length: 20 }, (_, i) => ({
    name: `${GOODS[i % GOODS.length]}, позиция ${i + 1}`,
    unit: 'шт',
    okei: '796',
    quantityMilli: (i + 1) * 1000,
    priceKopecks: 123_456 + i * 1_001,
    vatRate: 22 as const,
  }));
  const base = { number: '1', dateIso: '2026-01-01', seller: PARTY, buyer: PARTY, lines, vatMode: 'on_top' as const, city: 'г. Москва' };
  const invoice = buildViewModel({ ...base, kind: 'invoice' });
  for (let round = 0; round < 3; round++) await renderPdf(invoice, loadBuiltInTemplate('invoice'));
  const few = lines.slice(0, 3);
  const bundle = (['commercial_offer', 'contract_supply', 'invoice'] as const).map((kind) =>
    buildViewModel({ ...base, kind, lines: few, validUntilIso: '2026-01-15', paymentTermsDays: 5, deliveryTermsDays: 10 }),
  );
  const files: Uint8Array[] = [];
  for (const vm of bundle) files.push(await renderPdf(vm, loadBuiltInTemplate(vm.kind)));
  await mergePdfs(files, pdfInfoOf(bundle));
}
