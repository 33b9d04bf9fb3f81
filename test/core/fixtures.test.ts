// The fixtures in test/fixtures are the reference pack's files, unchanged: their sha256 is pinned here
// (the values were taken from the pack's copies, see test/fixtures/README.md).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referenceBytes, referenceUrl } from './reference';

const PINNED: Record<string, string> = {
  'test-vectors.json': '57c49d2acde5639d2a87e25055e2d43cbd7273a36538ca0269749e09efcbbb61',
  '1c-statement-sample.cp1251.txt': 'e561976fc343120dad65e6ef84de019766fff46e13fabf233c1ec06cc0cfa7d6',
  '1c-statement-sample.expected.json': '1c72437b86492698b896c4317fba27382b094a00918f7bd7a4d7014bd7b43c51',
  '1c-statement-sample.utf8-preview.txt': '49471bfbd6ed6d79ff88bb6d0d40ab53f2ddac1ee72de64315ed66ca43d138fa',
};

describe('reference fixtures', () => {
  it.each(Object.entries(PINNED))('keeps %s byte for byte', (name, sha) => {
    expect(createHash('sha256').update(referenceBytes(name)).digest('hex')).toBe(sha);
  });

  it('stores the statement in Windows-1251 with CRLF, equal to its UTF-8 preview', () => {
    const text = new TextDecoder('windows-1251').decode(referenceBytes('1c-statement-sample.cp1251.txt'));
    expect(text.startsWith('1CClientBankExchange\r\n')).toBe(true);
    expect(text).toBe(readFileSync(referenceUrl('1c-statement-sample.utf8-preview.txt'), 'utf8'));
  });
});
