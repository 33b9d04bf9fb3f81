// Renders a small invoice once so that the first real document does not pay for loading pdfmake,
// parsing the fonts and compiling the layout code.
import { loadBuiltInTemplate } from './templates';
import type { PartyData } from './document-data';
import { renderPdf } from './render';
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

/** Renders and discards a three-line invoice with the built-in template. */
export async function warmUpRenderer(): Promise<void> {
  const line = { name: 'Товар «Образец» — 1 шт., № 1', unit: 'шт', okei: '796', quantityMilli: 1000, priceKopecks: 123_456, vatRate: 22 as const };
  const viewModel = buildViewModel({
    kind: 'invoice',
    number: '1',
    dateIso: '2026-01-01',
    seller: PARTY,
    buyer: PARTY,
    lines: [line, line, line],
    vatMode: 'on_top',
  });
  await renderPdf(viewModel, loadBuiltInTemplate('invoice'));
}
