import { computeLines, type VatRate } from '../../core/index';
import type { DocumentLineDto, DocumentLineParsed, VatModeKey, VatRateKey } from '../../shared/api/document-types';
import { AppError } from '../app-error';

/** The core's rate for a stored rate key. */
export function vatRateOf(key: VatRateKey): VatRate {
  return key === 'none' ? 'none' : (Number(key) as Exclude<VatRate, 'none'>);
}

/** Lines priced by the core (VAT per line, half-up) and the totals as their sums. */
export function priceLines(lines: readonly DocumentLineParsed[], vatMode: VatModeKey): { lines: DocumentLineDto[]; totals: { net: number; vat: number; gross: number } } {
  lines.forEach((l, i) => {
    // The schema refuses these already; the check stays here because drafts also come from deals and the demo.
    if (l.quantityMilli <= 0) throw new AppError('VALIDATION', `Строка ${i + 1} «${l.name}»: количество должно быть больше нуля`, [{ path: `lines.${i}.quantityMilli`, message: 'Количество должно быть больше нуля' }]);
    if (l.priceKopecks < 0) throw new AppError('VALIDATION', `Строка ${i + 1} «${l.name}»: цена не может быть отрицательной`, [{ path: `lines.${i}.priceKopecks`, message: 'Цена не может быть отрицательной' }]);
  });
  let computed;
  try {
    computed = computeLines(
      lines.map((l) => ({ quantityMilli: l.quantityMilli, priceKopecks: l.priceKopecks, discountPercent: l.discountBp, rate: vatRateOf(l.vatRate) })),
      { mode: vatMode },
    );
  } catch (e) {
    throw new AppError('VALIDATION', e instanceof Error ? e.message : 'Строки документа заполнены с ошибками');
  }
  const priced = lines.map((l, i) => {
    const c = computed.lines[i];
    return { ...l, position: i + 1, netKopecks: c.net, vatKopecks: c.vat, grossKopecks: c.gross };
  });
  return { lines: priced, totals: computed.totals };
}
