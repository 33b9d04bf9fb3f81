import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { learnedQrKinds, measureQrWithoutSearch } from '../../src/documents/fast-path-qr-mask';

type QrApi = { measure(node: object): object };

function isQrApi(value: unknown): value is QrApi {
  return typeof value === 'object' && value !== null && 'measure' in value && typeof value.measure === 'function';
}

/** pdfmake's own QR measure (with its eight-mask search), as pdfmake loads it. */
function pdfmakeQr(): QrApi {
  const module: unknown = createRequire(createRequire(import.meta.url).resolve('pdfmake'))('./qrEnc.js');
  const api = typeof module === 'object' && module !== null && 'default' in module ? module.default : undefined;
  if (!isQrApi(api)) throw new Error('qrEnc');
  return api;
}

// A payment code as the invoice prints it (ГОСТ Р 56042-2014 ST00012), with varying amounts and purposes.
const payment = fc.record({
  sum: fc.integer({ min: 1, max: 99_999_999_99 }),
  purpose: fc.string({ unit: fc.constantFrom(...'Оплата по счёту № от г. НДС руб0123456789АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ,.;-'.split('')), maxLength: 160 }),
});

describe('a QR code measured without pdfmake’s mask search', () => {
  it('has exactly the modules, canvas and sizes pdfmake’s search gives, for payment codes of any length and every error-correction level', () => {
    const qr = pdfmakeQr();
    const measure = (node: object): unknown => qr.measure(node);
    fc.assert(
      fc.property(payment, fc.constantFrom('L', 'M', 'Q', 'H', undefined), fc.constantFrom(90, 100, 113, undefined), fc.constantFrom(0, 1, undefined), (p, eccLevel, fit, padding) => {
        const text = `ST00012|Name=ООО «Ромашка»|PersonalAcc=40702810938000000001|BankName=ПАО Сбербанк|BIC=044525225|CorrespAcc=30101810400000000225|Sum=${p.sum}|Purpose=${p.purpose}`;
        const options = { qr: text, fit, eccLevel, padding, foreground: '#000000' };
        const expected = qr.measure({ ...options });
        const fast: Record<string, unknown> = { ...options };
        expect(measureQrWithoutSearch(measure, fast)).toBe(true);
        expect(fast).toEqual(expected);
      }),
      { numRuns: 150 },
    );
    // Several versions and levels were learned, and the path was never given up.
    expect((learnedQrKinds() ?? []).length).toBeGreaterThan(4);
  }, 120_000);

  it('gives pdfmake’s choice for short codes too, where masks often score alike and the first lowest must win', () => {
    const qr = pdfmakeQr();
    const measure = (node: object): unknown => qr.measure(node);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom('L', 'M', 'Q', 'H'), (text, eccLevel) => {
        const expected = qr.measure({ qr: text, eccLevel, fit: 80 });
        const fast: Record<string, unknown> = { qr: text, eccLevel, fit: 80 };
        expect(measureQrWithoutSearch(measure, fast)).toBe(true);
        expect(fast).toEqual(expected);
      }),
      { numRuns: 600 },
    );
  }, 120_000);

  it('leaves a code with a padding that is not a number to pdfmake', () => {
    const qr = pdfmakeQr();
    expect(measureQrWithoutSearch((node) => qr.measure(node), { qr: 'ST00012|Sum=100', padding: '2' })).toBe(false);
  });
});
