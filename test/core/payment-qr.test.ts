// Issue 15 item 17: the ГОСТ Р 56042-2014 payload, written out by hand from the standard's key order.
import { describe, expect, it } from 'vitest';
import { paymentQrPayload } from '../../src/core/payment-qr';

const IP = {
  name: 'ИП Петров П.П.',
  personalAcc: '40802810900000000001',
  bankName: 'ПАО Сбербанк',
  bic: '044525225',
  correspAcc: '30101810400000000225',
  payeeInn: '500100000015',
  kpp: '',
  sumKopecks: 1_281_122,
  purpose: 'Оплата по счёту № 7 от 20.11.2026, НДС не облагается',
};

describe('the payment QR payload', () => {
  it('leaves the KPP key out for an ИП and gives the sum in kopecks', () => {
    expect(paymentQrPayload(IP)).toBe(
      'ST00012|Name=ИП Петров П.П.|PersonalAcc=40802810900000000001|BankName=ПАО Сбербанк|BIC=044525225|CorrespAcc=30101810400000000225|PayeeINN=500100000015|Sum=1281122|Purpose=Оплата по счёту № 7 от 20.11.2026, НДС не облагается',
    );
  });

  it('keeps the separator and line breaks out of the values, and refuses a fractional sum', () => {
    const payload = paymentQrPayload({ ...IP, name: 'ООО «Альфа|Бета»', purpose: 'Оплата\r\nпо счёту № 7' });
    expect(payload).toContain('|Name=ООО «Альфа Бета»|');
    expect(payload.endsWith('|Purpose=Оплата по счёту № 7')).toBe(true);
    expect(() => paymentQrPayload({ ...IP, sumKopecks: 10.5 })).toThrow(RangeError);
  });
});
