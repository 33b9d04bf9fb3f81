import { describe, expect, it } from 'vitest';
import { checkScanFile, SCAN_MAX_BYTES, sniffScanMime } from '../../src/core';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('scan files', () => {
  it('recognises PDF, JPEG and PNG by their first bytes, whatever the name says', () => {
    expect(sniffScanMime(new TextEncoder().encode('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffScanMime(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffScanMime(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(checkScanFile('скан.exe', new TextEncoder().encode('%PDF-1.4'))).toEqual({ ok: true, mime: 'application/pdf', ext: 'pdf' });
  });
  it('refuses other files, empty ones and those over 20 MB with a Russian message', () => {
    expect(checkScanFile('setup.exe', bytes(0x4d, 0x5a, 0x90, 0))).toEqual({ ok: false, message: 'Файл «setup.exe» не похож на PDF, JPG или PNG: прикрепите скан в одном из этих форматов' });
    expect(checkScanFile('a.png', bytes(0x89, 0x50, 0x4e))).toMatchObject({ ok: false });
    expect(checkScanFile('a.pdf', bytes())).toEqual({ ok: false, message: 'Файл «a.pdf» пуст' });
    const big = new Uint8Array(SCAN_MAX_BYTES + 1);
    big.set([0x25, 0x50, 0x44, 0x46]);
    expect(checkScanFile('большой.pdf', big)).toEqual({ ok: false, message: 'Файл «большой.pdf» весит 20,0 МБ, а можно не больше 20 МБ: уменьшите разрешение скана или разделите его' });
    const limit = big.subarray(0, SCAN_MAX_BYTES);
    expect(checkScanFile('ровно.pdf', limit)).toMatchObject({ ok: true });
  });
});
