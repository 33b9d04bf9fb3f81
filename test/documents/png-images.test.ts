// The stamp and the facsimile as pdfkit takes them: two images on one page give the same bytes at
// every render (png-js inflated them on the thread pool and the first one finished was written first),
// and a broken or huge PNG is refused by name instead of throwing past the render and stopping the thread.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildViewModel, ImageInvalidError, loadBuiltInTemplate, renderPdf } from '../../src/documents/index';
import { pngDecodingOrdered } from '../../src/documents/png-decode-order';
import { sampleData } from './fixtures';
import { makePng, stampPng } from './png';
import { onePdfThread } from './one-pdf-thread';
import { pdfText } from './pdf-text';

const vm = buildViewModel(sampleData('invoice'));
const template = loadBuiltInTemplate('invoice');

/** A 400×400 picture of noise with holes: two of them inflate in about the same time. */
function noisy(seed: number): Uint8Array {
  return makePng(400, 400, (x, y) => {
    const v = (x * 31 + y * 17 + seed * 7 + ((x * y) % 13)) & 255;
    return [v, (v * 3) & 255, (v * 5) & 255, v > 128 ? 255 : 0];
  });
}

/** A stamp whose signature and header are right but whose pixel data is scrambled. */
function broken(): Uint8Array {
  const bytes = new Uint8Array(stampPng());
  for (let i = 60; i < bytes.length - 20; i++) bytes[i] ^= 0x5a;
  return bytes;
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('a document with the stamp and the facsimile', () => {
  it('comes out with the same bytes at every render, however the images\' decoding interleaves', async () => {
    const assets = { stampPng: noisy(1), signaturePng: noisy(2) };
    const hashes = new Set<string>();
    // Renders started in pairs: each one's two images are decoded while the other's are.
    for (let round = 0; round < 6; round++) {
      const pair = await Promise.all([renderPdf(vm, template, assets), renderPdf(vm, template, assets)]);
      for (const bytes of pair) hashes.add(sha(bytes));
    }
    expect(pngDecodingOrdered()).toBe(true);
    expect(hashes.size).toBe(1);
  });
});

describe('a PNG that cannot go into a document', () => {
  it('is refused by name when its data is broken, and the next document renders', async () => {
    const render = renderPdf(vm, template, { stampPng: broken() });
    await expect(render).rejects.toThrow(ImageInvalidError);
    await expect(render).rejects.toThrow('Печать: файл PNG повреждён и не читается — загрузите изображение заново');
    expect(await pdfText(await renderPdf(vm, template, { stampPng: stampPng() }))).toContain('Счёт на оплату');
  });

  it('is refused by its size before its pixels are read; one saved before uploads were limited still prints', async () => {
    const huge = makePng(9000, 1, () => [0, 0, 0, 255]);
    await expect(renderPdf(vm, template, { signaturePng: huge })).rejects.toThrow('Подпись: изображение 9000×1 пикселей слишком велико: не больше 8000 по стороне — уменьшите его');
    // Uploads now stop at 4 000 pixels a side; a 5 000-pixel facsimile already in the base still prints.
    const photo = makePng(5000, 2, () => [20, 30, 120, 255]);
    expect(await pdfText(await renderPdf(vm, template, { signaturePng: photo }))).toContain('Счёт на оплату');
  });

  describe('in the pool of worker threads', () => {
    const pool = onePdfThread();

    it('reaches the caller as the same refusal, and the thread goes on rendering', async () => {
      await expect(pool().render(vm, template, { stampPng: broken() })).rejects.toThrow(ImageInvalidError);
      const bytes = await pool().render(vm, template, { stampPng: stampPng() });
      expect(await pdfText(bytes)).toContain('Счёт на оплату');
    });
  });
});
