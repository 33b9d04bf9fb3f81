// Parser for bank statements in 1CClientBankExchange 1.02/1.03 (ru-documents §5).
// The parser only reads; deciding direction, matching invoices and spotting fees live in
// bank-statement-helpers.ts.
import { decodeStatementBytes, type StatementEncoding } from './bank-statement-decode';
import { buildAccount, buildDocument, StatementLineError, type RawField } from './bank-statement-sections';
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

type OpenSection = { kind: 'account' | 'document'; line: number; docType: string; fields: Map<string, RawField> };

const SIGNATURE = '1CClientBankExchange';
const SECTION_NAMES = { account: 'СекцияРасчСчет', document: 'СекцияДокумент' } as const;
const SECTION_ENDS = { account: 'КонецРасчСчет', document: 'КонецДокумента' } as const;

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

function parseText(bytes: Uint8Array): BankStatementResult {
  const { text, encoding } = decodeStatementBytes(bytes);
  const body = text.replace(/^\uFEFF/, '');
  // Without a lone CR a split on LF gives the same lines (each line is trimmed, CR included).
  const lines = /\r(?!\n)/.test(body) ? body.split(/\r\n|\n|\r/) : body.split('\n');
  if (lines[0].trim() !== SIGNATURE) {
    return fail(1, `это не выписка в формате обмена с 1С: первая строка должна быть «${SIGNATURE}»`);
  }
  // Maps, not object literals: a key such as «__proto__» or «toString» must stay an ordinary key.
  const header = new Map<string, string>();
  const headerValues = new Map<string, string[]>();
  const accounts: StatementAccount[] = [];
  const documents: StatementDocument[] = [];
  let open: OpenSection | null = null;
  let lastLine = 1;

  for (let i = 1; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = lines[i].trim();
    if (raw === '') continue;
    lastLine = lineNo;
    const eq = raw.indexOf('=');
    const key = (eq === -1 ? raw : raw.slice(0, eq)).trim();
    const value = eq === -1 ? '' : raw.slice(eq + 1).trim();

    if (key === SECTION_NAMES.account || key === SECTION_NAMES.document) {
      if (open) {
        return fail(
          lineNo,
          `секция «${key}» начинается внутри незакрытой секции «${SECTION_NAMES[open.kind]}» (строка ${open.line}): ` +
            `нет строки «${SECTION_ENDS[open.kind]}»`,
        );
      }
      const kind = key === SECTION_NAMES.account ? 'account' : 'document';
      open = { kind, line: lineNo, docType: value, fields: new Map() };
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
    if (key === 'КонецФайла') {
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
    if (eq === -1 || key === '') {
      return fail(lineNo, `ожидается строка вида «Ключ=Значение», а записано «${shorten(raw)}»`);
    }
    if (open) {
      open.fields.set(key, { value, line: lineNo });
    } else {
      if (!header.has(key)) header.set(key, value);
      const all = headerValues.get(key);
      if (all) all.push(value);
      else headerValues.set(key, [value]);
    }
  }
  if (open) return unclosed(open);
  return fail(lastLine, 'нет строки «КонецФайла»: файл выписки обрезан или повреждён');
}

function unclosed(open: OpenSection): BankStatementResult {
  return fail(open.line, `секция «${SECTION_NAMES[open.kind]}» не закрыта: нет строки «${SECTION_ENDS[open.kind]}»`);
}
