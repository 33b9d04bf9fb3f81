// Parser for bank statements in 1CClientBankExchange 1.02/1.03 (ru-documents §5).
// The parser only reads; deciding direction, matching invoices and spotting fees live in
// bank-statement-helpers.ts.
import { decodeStatementBytes, type StatementEncoding } from './bank-statement-decode';
import { buildAccount, buildDocument, clearSection, keyFlags, newSection, setField, StatementLineError, type RawSection } from './bank-statement-sections';
import type { StatementAccount, StatementDocument } from './bank-statement-types';

export type { StatementAccount, StatementDocument } from './bank-statement-types';

/** A parsed statement: the header as read, every account section and every document. */
export type BankStatement = {
  /** Header keys with their first value (РасчСчет and Документ may repeat: see headerValues). */
  header: Record<string, string>;
  /** Every value of every header key, in file order. */
  headerValues: Record<string, string[]>;
  version: string;
  encoding: StatementEncoding;
  accounts: StatementAccount[];
  documents: StatementDocument[];
};

/** Where and why a statement could not be read; the message is Russian and names the line. */
export type BankStatementError = { line: number; message: string };

/** The outcome of parseBankStatement: a statement or one error. */
export type BankStatementResult = { ok: true; statement: BankStatement } | { ok: false; error: BankStatementError };

type OpenSection = { kind: 'account' | 'document'; line: number; docType: string; fields: RawSection };

const SIGNATURE = '1CClientBankExchange';
const SECTION_NAMES = { account: 'СекцияРасчСчет', document: 'СекцияДокумент' } as const;
const SECTION_ENDS = { account: 'КонецРасчСчет', document: 'КонецДокумента' } as const;
const END_OF_FILE = 'КонецФайла';
/** The keys that open and close sections and the file (every other line is a key and its value). */
const STRUCTURE_KEYS: ReadonlySet<string> = new Set([...Object.values(SECTION_NAMES), ...Object.values(SECTION_ENDS), END_OF_FILE]);
const EQUALS = 0x3d;

function fail(line: number, text: string): BankStatementResult {
  return { ok: false, error: { line, message: `Строка ${line}: ${text}` } };
}

function shorten(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/**
 * Reads a 1CClientBankExchange file (Windows-1251, CP866 or UTF-8; CRLF or LF). Never throws:
 * any problem comes back as {ok: false, error: {line, message}} with a Russian message.
 */
export function parseBankStatement(bytes: Uint8Array): BankStatementResult {
  try {
    return parseText(bytes);
  } catch (e) {
    if (e instanceof StatementLineError) return fail(e.line, e.text);
    // A bug here must not crash an import screen; report it as an unreadable file instead.
    return fail(1, 'не удалось прочитать файл выписки');
  }
}

/** Whether a UTF-16 code is what String.prototype.trim removes (white space and line terminators). */
function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The key as one flat string of its own: a slice of the file's text is a view into it, and comparing a
 * view character by character (a key against the text of each line) costs an indirection per character.
 * Property names are stored flat, so the key comes back from an object's own keys as such.
 */
function flatKey(key: string): string {
  return Object.keys({ [key]: 0 })[0] ?? key;
}

/** Whether `text` holds `part` at `at` (the caller has checked that it fits). */
function sameText(text: string, at: number, part: string): boolean {
  for (let i = 0; i < part.length; i++) if (text.charCodeAt(at + i) !== part.charCodeAt(i)) return false;
  return true;
}

/** The line at [from, to) with the spaces at both ends cut (as trim would), for messages. */
function trimmedSlice(text: string, from: number, to: number): string {
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  return text.slice(from, to);
}

function parseText(bytes: Uint8Array): BankStatementResult {
  const { text: decoded, encoding } = decodeStatementBytes(bytes);
  const body = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  // One pass over the text by index: lines end at CRLF, LF or a lone CR; nothing is split or trimmed
  // into strings but each key and value (a 4 MB statement has 150 000 lines).
  const len = body.length;
  let nextCr = body.indexOf('\r');
  let lineStart = 0;
  let lineEnd = 0;
  let afterLine = 0;
  const advance = (): boolean => {
    if (afterLine > len) return false;
    lineStart = afterLine;
    let nl = body.indexOf('\n', lineStart);
    if (nl === -1) nl = len;
    if (nextCr !== -1 && nextCr < lineStart) nextCr = body.indexOf('\r', lineStart);
    if (nextCr !== -1 && nextCr < nl) {
      lineEnd = nextCr;
      afterLine = nextCr + 1 === nl ? nl + 1 : nextCr + 1;
    } else {
      lineEnd = nl;
      afterLine = nl + 1;
    }
    return true;
  };
  advance();
  if (trimmedSlice(body, lineStart, lineEnd) !== SIGNATURE) {
    return fail(1, `это не выписка в формате обмена с 1С: первая строка должна быть «${SIGNATURE}»`);
  }
  // Maps, not object literals: a key such as «__proto__» or «toString» must stay an ordinary key.
  const header = new Map<string, string>();
  const headerValues = new Map<string, string[]>();
  const accounts: StatementAccount[] = [];
  const documents: StatementDocument[] = [];
  let open: OpenSection | null = null;
  let lastLine = 1;
  // Every document lists its keys in the order the previous one did: the key at each place in a section
  // is compared in the text with the last one seen there and reused (with what setField needs to know of
  // it), not sliced and looked up again.
  const usualKeys: string[] = [];
  const usualFlags: number[] = [];
  const usualStructure: boolean[] = [];
  let place = 0;
  const section = newSection();

  for (let lineNo = 2; advance(); lineNo++) {
    let from = lineStart;
    let to = lineEnd;
    while (from < to && isSpace(body.charCodeAt(from))) from++;
    while (to > from && isSpace(body.charCodeAt(to - 1))) to--;
    if (from === to) continue;
    lastLine = lineNo;
    const usual = place < usualKeys.length ? usualKeys[place] : '';
    const n = usual.length;
    let eq: number;
    let key = usual;
    if (n === 0 || from + n >= to || body.charCodeAt(from + n) !== EQUALS || !sameText(body, from, usual)) {
      // Not the usual key right before «=» (which would be the line's first «=»: a key never holds one).
      const eqAt = body.indexOf('=', from);
      eq = eqAt === -1 || eqAt >= to ? -1 : eqAt;
      let keyEnd = eq === -1 ? to : eq;
      while (keyEnd > from && isSpace(body.charCodeAt(keyEnd - 1))) keyEnd--;
      if (n !== keyEnd - from || !sameText(body, from, usual)) {
        key = flatKey(body.slice(from, keyEnd));
        usualKeys[place] = key;
        usualFlags[place] = keyFlags(key);
        usualStructure[place] = STRUCTURE_KEYS.has(key);
      }
    } else {
      eq = from + n;
    }
    const flags = usualFlags[place] ?? keyFlags(key);
    const structure = usualStructure[place] ?? STRUCTURE_KEYS.has(key);
    let valueStart = eq === -1 ? to : eq + 1;
    while (valueStart < to && isSpace(body.charCodeAt(valueStart))) valueStart++;
    const value = body.slice(valueStart, to);
    place++;

    if (!structure) {
      if (eq === -1 || key === '') {
        return fail(lineNo, `ожидается строка вида «Ключ=Значение», а записано «${shorten(body.slice(from, to))}»`);
      }
      if (open) {
        setField(open.fields, key, value, lineNo, flags);
      } else {
        if (!header.has(key)) header.set(key, value);
        const all = headerValues.get(key);
        if (all) all.push(value);
        else headerValues.set(key, [value]);
      }
      continue;
    }
    if (key === SECTION_NAMES.account || key === SECTION_NAMES.document) {
      if (open) {
        return fail(
          lineNo,
          `секция «${key}» начинается внутри незакрытой секции «${SECTION_NAMES[open.kind]}» (строка ${open.line}): ` +
            `нет строки «${SECTION_ENDS[open.kind]}»`,
        );
      }
      const kind = key === SECTION_NAMES.account ? 'account' : 'document';
      clearSection(section);
      open = { kind, line: lineNo, docType: value, fields: section };
      place = 0;
      continue;
    }
    if (key === SECTION_ENDS.account || key === SECTION_ENDS.document) {
      const kind = key === SECTION_ENDS.account ? 'account' : 'document';
      if (!open || open.kind !== kind) {
        return fail(lineNo, `«${key}» без начала секции «${SECTION_NAMES[kind]}»`);
      }
      if (kind === 'account') accounts.push(buildAccount(open.fields));
      else documents.push(buildDocument(open.docType, open.line, open.fields));
      open = null;
      continue;
    }
    if (key === END_OF_FILE) {
      if (open) return unclosed(open);
      const statement: BankStatement = {
        header: Object.fromEntries(header),
        headerValues: Object.fromEntries(headerValues),
        version: header.get('ВерсияФормата') ?? '',
        encoding,
        accounts,
        documents,
      };
      return { ok: true, statement };
    }
  }
  if (open) return unclosed(open);
  return fail(lastLine, 'нет строки «КонецФайла»: файл выписки обрезан или повреждён');
}

function unclosed(open: OpenSection): BankStatementResult {
  return fail(open.line, `секция «${SECTION_NAMES[open.kind]}» не закрыта: нет строки «${SECTION_ENDS[open.kind]}»`);
}
