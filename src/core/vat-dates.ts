// Which VAT rate is in force on a date (ru-documents §3, §7): 20 % up to 31.12.2025, 22 % from 01.01.2026
// (425-ФЗ of 28.11.2025); 10 % and 0 % unchanged; УСН 5 % / 7 % from 01.01.2025; «Без налога» always.
import { addDays } from './iso-date';
import type { VatRate } from './vat';

/** The day the general rate became 22 %. */
export const VAT_22_FROM = '2026-01-01';

/** The day the УСН rates 5 % and 7 % began. */
export const USN_VAT_FROM = '2025-01-01';

/** Days a счёт-фактура may follow its shipment (п. 3 ст. 168 НК). */
export const FACTURA_DAYS_AFTER_SHIPMENT = 5;

/** Whether a rate applies to a shipment (or advance) dated `dateIso`. */
export function vatRateInForce(rate: VatRate, dateIso: string): boolean {
  if (rate === 20) return dateIso < VAT_22_FROM;
  if (rate === 22) return dateIso >= VAT_22_FROM;
  if (rate === 5 || rate === 7) return dateIso >= USN_VAT_FROM;
  return true;
}

/**
 * Whether a rate fits a document of its date: a shipping document takes the rate of its own date; a
 * счёт-фактура the rate of its shipment, which may be up to 5 days earlier (a 20 % one dated 03.01.2026).
 */
export function vatRateFitsDocument(rate: VatRate, dateIso: string, followsShipment: boolean): boolean {
  if (vatRateInForce(rate, dateIso)) return true;
  return followsShipment && vatRateInForce(rate, addDays(dateIso, -FACTURA_DAYS_AFTER_SHIPMENT));
}
