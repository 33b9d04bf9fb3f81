// A minimal TrueType 'cmap' reader (formats 4 and 12), enough to ask whether a font maps a character.

function tableOffset(font: Buffer, tag: string): number {
  const numTables = font.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const record = 12 + i * 16;
    if (font.toString('latin1', record, record + 4) === tag) return font.readUInt32BE(record + 8);
  }
  throw new Error(`Таблица ${tag} не найдена`);
}

function glyphFormat4(font: Buffer, at: number, code: number): number {
  const segCount = font.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  for (let i = 0; i < segCount; i++) {
    const end = font.readUInt16BE(ends + i * 2);
    if (code > end) continue;
    const start = font.readUInt16BE(starts + i * 2);
    if (code < start) return 0;
    const delta = font.readInt16BE(deltas + i * 2);
    const rangeOffset = font.readUInt16BE(rangeOffsets + i * 2);
    if (rangeOffset === 0) return (code + delta) & 0xffff;
    const glyph = font.readUInt16BE(rangeOffsets + i * 2 + rangeOffset + (code - start) * 2);
    return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
  }
  return 0;
}

function glyphFormat12(font: Buffer, at: number, code: number): number {
  const groups = font.readUInt32BE(at + 12);
  for (let i = 0; i < groups; i++) {
    const g = at + 16 + i * 12;
    const start = font.readUInt32BE(g);
    const end = font.readUInt32BE(g + 4);
    if (code >= start && code <= end) return font.readUInt32BE(g + 8) + (code - start);
  }
  return 0;
}

/** The glyph id a font maps a code point to (0 = missing), from its Unicode cmap subtable. */
export function glyphIdOf(font: Buffer, codePoint: number): number {
  const cmap = tableOffset(font, 'cmap');
  const count = font.readUInt16BE(cmap + 2);
  let format4 = -1;
  let format12 = -1;
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + i * 8;
    const platform = font.readUInt16BE(record);
    const encoding = font.readUInt16BE(record + 2);
    const at = cmap + font.readUInt32BE(record + 4);
    const format = font.readUInt16BE(at);
    if (platform === 3 && encoding === 10 && format === 12) format12 = at;
    if (platform === 3 && encoding === 1 && format === 4) format4 = at;
  }
  if (format12 >= 0) return glyphFormat12(font, format12, codePoint);
  if (format4 >= 0 && codePoint <= 0xffff) return glyphFormat4(font, format4, codePoint);
  throw new Error('Нет Unicode-таблицы cmap');
}
