// «Реестр передачи документов»: the list of documents handed to a client, with signature lines for
// the side that hands them over and the side that receives them. Built from prepared print data;
// the creation date is the register's date, so the same data gives the same bytes.
import { formatDateLong } from '../core/index';
import { FONT_FAMILY, preparePdfmake } from './fonts';
import type { PdfContent, PdfDocDefinition, PdfTableNode } from './pdf-types';

/** One side of the transfer: the organisation and who signs for it (blank lines when unknown). */
export interface RegisterParty {
  name: string;
  innKpp: string;
  address: string;
  signerPosition: string;
  signerName: string;
}

/** One line of the register. */
export interface RegisterLine {
  title: string;
  number: string;
  date: string;
  amount: string;
}

/** Everything the register prints, already formatted. */
export interface TransferRegisterPrint {
  dateIso: string;
  sender: RegisterParty;
  recipient: RegisterParty;
  lines: RegisterLine[];
  total: string;
  countInWords: string;
}

const MARGINS: [number, number, number, number] = [48, 40, 40, 40];
const CELL = { fontSize: 8.5 };

function header(text: string, alignment: 'left' | 'center' | 'right' = 'center'): PdfContent {
  return { text, bold: true, alignment, fontSize: 8.5 };
}

function linesTable(p: TransferRegisterPrint): PdfTableNode {
  const body: PdfContent[][] = [
    [header('№'), header('Документ'), header('Номер'), header('Дата'), header('Сумма, руб.'), header('Экз.'), header('Отметка о получении')],
    ...p.lines.map((l, i) => [
      { text: String(i + 1), alignment: 'center' as const, ...CELL },
      { text: l.title, ...CELL },
      { text: l.number, ...CELL },
      { text: l.date, alignment: 'center' as const, ...CELL },
      { text: l.amount, alignment: 'right' as const, ...CELL },
      { text: '1', alignment: 'center' as const, ...CELL },
      { text: '', ...CELL },
    ]),
    [{ text: 'Итого', bold: true, colSpan: 4, ...CELL }, '', '', '', { text: p.total, bold: true, alignment: 'right', ...CELL }, '', ''],
  ];
  return { table: { headerRows: 1, dontBreakRows: true, widths: [18, '*', 62, 52, 68, 24, 78], body }, margin: [0, 6, 0, 8] };
}

function partyBlock(role: string, party: RegisterParty): PdfContent {
  const line = (label: string, value: string) => ({ text: [{ text: `${label} `, color: '#444444' }, value || '____________________________'], margin: [0, 0, 0, 3] as [number, number, number, number] });
  return {
    stack: [
      { text: role, bold: true, margin: [0, 0, 0, 4] },
      { text: party.name, margin: [0, 0, 0, 2] },
      { text: party.innKpp, fontSize: 8, color: '#444444', margin: [0, 0, 0, 8] },
      line('Должность:', party.signerPosition),
      { text: `______________ / ${party.signerName || '____________________'} /`, margin: [0, 16, 0, 2] },
      { text: 'подпись                расшифровка', fontSize: 7, color: '#666666', margin: [12, 0, 0, 8] },
      { text: '«____» ______________ 20___ г.', margin: [0, 0, 0, 4] },
      { text: 'М.П.', fontSize: 8, color: '#444444' },
    ],
    width: '*',
  };
}

function nameLine(party: RegisterParty): string {
  return [party.name, party.innKpp].filter((x) => x !== '').join(', ');
}

/** Renders the register to PDF bytes. */
export async function renderTransferRegisterPdf(p: TransferRegisterPrint): Promise<Uint8Array> {
  const date = new Date(`${p.dateIso}T00:00:00.000Z`);
  const content: PdfContent[] = [
    { text: 'РЕЕСТР ПЕРЕДАЧИ ДОКУМЕНТОВ', bold: true, fontSize: 13, alignment: 'center' },
    { text: `от ${formatDateLong(p.dateIso)}`, alignment: 'center', margin: [0, 2, 0, 12] },
    { text: [{ text: 'Передаёт: ', bold: true }, nameLine(p.sender)], margin: [0, 0, 0, 2] },
    { text: [{ text: 'Получает: ', bold: true }, nameLine(p.recipient)], margin: [0, 0, 0, 2] },
    { text: p.recipient.address ? `Адрес получателя: ${p.recipient.address}` : '', fontSize: 8, color: '#444444', margin: [0, 0, 0, 6] },
    linesTable(p),
    { text: `Всего передано документов: ${p.lines.length} (${p.countInWords}) на сумму ${p.total} руб.`, margin: [0, 0, 0, 4] },
    {
      text: 'Получатель подтверждает, что документы получены в указанном количестве; подписанные экземпляры обязуется вернуть отправителю.',
      fontSize: 8,
      color: '#444444',
      margin: [0, 0, 0, 22],
    },
    { columns: [partyBlock('Передал', p.sender), { text: '', width: 30 }, partyBlock('Принял', p.recipient)], unbreakable: true },
  ];
  const def: PdfDocDefinition = {
    info: { title: `Реестр передачи документов от ${p.dateIso}`, author: 'Sdelka', subject: 'Реестр передачи документов', creator: 'Sdelka', producer: 'Sdelka (pdfmake)', creationDate: date, modDate: date },
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: MARGINS,
    defaultStyle: { font: FONT_FAMILY, fontSize: 9.5, lineHeight: 1.15 },
    images: {},
    content: [{ section: content, pageOrientation: 'portrait', pageMargins: MARGINS, footer: () => null, background: () => null }],
    pageBreakBefore: () => false,
  };
  const bytes = await (await preparePdfmake()).createPdf(def).getBuffer();
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
