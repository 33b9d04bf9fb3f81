import { describe, expect, it } from 'vitest';
import { buildViewModel, initialsOf } from '../../src/documents/index';
import { BUYER_IP, GOODS, sampleData, SELLER } from './fixtures';

const NBSP = '\u00a0';

describe('initialsOf', () => {
  it('turns «Фамилия Имя Отчество» into «И.О. Фамилия»', () => {
    expect(initialsOf('Смирнов Алексей Викторович')).toBe(`А.В.${NBSP}Смирнов`);
    expect(initialsOf('  Петров   Пётр ')).toBe(`П.${NBSP}Петров`);
    expect(initialsOf('Салтыков-Щедрин Михаил Евграфович')).toBe(`М.Е.${NBSP}Салтыков-Щедрин`);
    expect(initialsOf('Иванова Анна-Мария Сергеевна')).toBe(`А.-М.С.${NBSP}Иванова`);
    expect(initialsOf('')).toBe('');
  });
});

describe('buildViewModel', () => {
  it('formats dates, the title and the basis', () => {
    const vm = buildViewModel(sampleData('invoice'));
    expect(vm.doc.title).toBe(`Счёт на оплату №${NBSP}15 от 9 января 2026 г.`);
    expect(vm.doc.dateNumeric).toBe('09.01.2026');
    expect(vm.doc.dateContract).toContain('января 2026 г.');
    expect(vm.basis).toBe(`Договор поставки №${NBSP}12/2026 от 5 января 2026 г.`);
    // Without a contract there is no «Основание» at all (issue 15 item 12), never «Основной договор».
    expect(buildViewModel(sampleData('invoice', { basis: null })).basis).toBe('');
  });

  it('computes VAT per line on top and totals as sums of the lines', () => {
    const vm = buildViewModel(sampleData('invoice'));
    expect(vm.lines.map((l) => l.vat)).toEqual([`3${NBSP}080,00`, `2${NBSP}019,60`, '538,45']);
    expect(vm.totals).toMatchObject({
      amount: `25${NBSP}627,50`,
      net: `25${NBSP}627,50`,
      vat: `5${NBSP}638,05`,
      gross: `31${NBSP}265,55`,
      words: 'Тридцать одна тысяча двести шестьдесят пять рублей 55 копеек',
      count: '3',
    });
    expect(vm.totals.vatRows).toEqual([{ label: 'НДС (22%)', amount: `5${NBSP}638,05` }]);
    expect(vm.vat).toMatchObject({ label: 'НДС (22%)', rate: '22%', none: false, onTop: true, included: false });
  });

  it('splits VAT out of prices that include it', () => {
    const vm = buildViewModel(sampleData('invoice', { vatMode: 'included' }));
    expect(vm.totals.gross).toBe(`25${NBSP}627,50`);
    expect(vm.totals.vat).toBe(`4${NBSP}621,35`);
    expect(vm.totals.net).toBe(`21${NBSP}006,15`);
    expect(vm.vat.label).toBe('В том числе НДС (22%)');
    // The price without VAT is counted back from the line's net amount: 11 475,41 / 40.
    expect(vm.lines[0].priceNet).toBe('286,89');
  });

  it('prints «Без налога (НДС)» for an exempt seller', () => {
    const vm = buildViewModel(sampleData('invoice', { lines: GOODS.map((l) => ({ ...l, vatRate: 'none' as const })) }));
    expect(vm.vat).toMatchObject({ none: true, label: 'Без налога (НДС)' });
    expect(vm.totals.vatRows).toEqual([{ label: 'Без налога (НДС)', amount: '—' }]);
    expect(vm.totals.gross).toBe(`25${NBSP}627,50`);
    expect(vm.lines[0].vat).toBe('без НДС');
  });

  it('formats an ИП: signer, ОГРНИП, no КПП', () => {
    const vm = buildViewModel(sampleData('invoice', { seller: BUYER_IP, buyer: SELLER }));
    expect(vm.seller.director).toEqual({
      position: 'Индивидуальный предприниматель',
      name: 'Петров Пётр Петрович',
      initials: `П.П.${NBSP}Петров`,
      dative: `Индивидуальному предпринимателю Петрову${NBSP}П.${NBSP}П.`,
      salutation: 'Уважаемый Пётр Петрович!',
      basis: 'Устава',
    });
    expect(vm.seller.ogrnLabel).toBe('ОГРНИП');
    expect(vm.seller.innKpp).toBe(`ИНН${NBSP}500100000015`);
    expect(vm.buyer.innKpp).toBe(`ИНН${NBSP}7707083893 / КПП${NBSP}770701001`);
  });

  it('closes the reconciliation as opening + debit − credit', () => {
    const vm = buildViewModel(sampleData('reconciliation_act'));
    if (vm.reconciliation === false) throw new Error('нет сверки');
    expect(vm.reconciliation.opening.debit).toBe(`15${NBSP}000,00`);
    expect(vm.reconciliation.turnover).toMatchObject({ debit: `15${NBSP}731,90`, credit: `25${NBSP}000,00` });
    expect(vm.reconciliation.closing.debit).toBe(`5${NBSP}731,90`);
    expect(vm.reconciliation.closingText).toBe(`на 31.03.2026 задолженность в пользу ООО «Ромашка» составляет 5${NBSP}731,90${NBSP}руб. (Пять тысяч семьсот тридцать один рубль 90 копеек)`);
  });
});
