// Turns the bytes of a 1CClientBankExchange file into text. The header key «Кодировка» is itself
// Cyrillic, so the encoding is found by decoding the bytes each candidate way and seeing in which
// one the key appears.

/** The text encoding a statement file was read with. */
export type StatementEncoding = 'windows-1251' | 'cp866' | 'utf-8';

/** The decoded text and the encoding it was read with. */
export type DecodedStatement = { text: string; encoding: StatementEncoding };

const ENCODING_KEY = /(?:^|[\r\n])[ \t]*Кодировка[ \t]*=/;

function decode(label: string, bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    // Invalid bytes under a fatal decoder, or a runtime without this encoding.
    return null;
  }
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * Decodes statement bytes: a UTF-8 BOM means UTF-8; otherwise the encoding under which the key
 * «Кодировка=» is readable wins (valid UTF-8 first, then Windows-1251, then CP866). Without the
 * key, valid UTF-8 is read as UTF-8 and anything else as Windows-1251, the format's default.
 * Never throws: undecodable bytes become U+FFFD.
 */
export function decodeStatementBytes(bytes: Uint8Array): DecodedStatement {
  if (hasUtf8Bom(bytes)) {
    return { text: decode('utf-8', bytes, false) ?? '', encoding: 'utf-8' };
  }
  const utf8 = decode('utf-8', bytes, true);
  if (utf8 !== null && ENCODING_KEY.test(utf8)) return { text: utf8, encoding: 'utf-8' };
  const cp1251 = decode('windows-1251', bytes, false);
  if (cp1251 !== null && ENCODING_KEY.test(cp1251)) return { text: cp1251, encoding: 'windows-1251' };
  const cp866 = decode('ibm866', bytes, false);
  if (cp866 !== null && ENCODING_KEY.test(cp866)) return { text: cp866, encoding: 'cp866' };
  // A file that is pure ASCII reads the same in every encoding; call it the default.
  const nonAscii = bytes.some((b) => b >= 0x80);
  if (utf8 !== null && nonAscii) return { text: utf8, encoding: 'utf-8' };
  return { text: cp1251 ?? decode('utf-8', bytes, false) ?? '', encoding: 'windows-1251' };
}
