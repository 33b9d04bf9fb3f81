// Signature areas of the unified forms: ТОРГ-12, УПД (lines 8–19) and счёт-фактура (п.6 ст.169 НК).
import { numberInWords, pluralRu } from '../core/index';
import type { BlockContext } from './block-context';
import { sheetsText } from './keep-end';
import { borderlessTable, CAPTION_SIZE, captionedField, cell, stampMark, UNDERLINE, type Facsimile } from './pdf-helpers';
import type { PdfContent, PdfTableNode, PdfTextNode, PdfWidth } from './pdf-types';

const SIZE = 6.5;
const BLANK_DATE = '«___» ____________ 20___ г.';

function label(text: string, options: { bold?: boolean; fontSize?: number } = {}): PdfTextNode {
  return cell(text, { fontSize: options.fontSize ?? SIZE, bold: options.bold ?? false, margin: [0, 1, 4, 0] });
}

/** Label | должность | подпись | расшифровка подписи. */
function positionRow(text: string, position: string, initials: string, facsimile?: Facsimile): PdfContent[] {
  return [
    label(text),
    captionedField(position, 'должность', SIZE),
    captionedField('', 'подпись', SIZE, 'center', facsimile),
    captionedField(initials, 'расшифровка подписи', SIZE),
  ];
}

/** Label | подпись | расшифровка (no position), padded to four cells. */
function signRow(text: string, initials: string): PdfContent[] {
  return [label(text), '', captionedField('', 'подпись', SIZE), captionedField(initials, 'расшифровка подписи', SIZE)];
}

function side(rows: PdfContent[][], widths: PdfWidth[] = [108, 80, 56, '*']): PdfTableNode {
  return borderlessTable(widths, rows, { paddingX: 2, paddingY: 0.3 });
}

/** «Товарная накладная имеет приложение на … листах и содержит три порядковых номера записей» (the count in words, as the form asks). */
function recordsText(ctx: BlockContext): string {
  const vm = ctx.vm;
  const count = vm.lines.length;
  const sheets = vm.cargo.attachmentSheets === '' ? '____' : vm.cargo.attachmentSheets;
  return `Товарная накладная имеет приложение на ${sheets} листах и содержит ${numberInWords(count)} ${pluralRu(count, 'порядковый номер', 'порядковых номера', 'порядковых номеров')} записей`;
}

/** «Всего мест», «Масса груза (нетто / брутто)», «Приложение (паспорта, сертификаты и т.п.) на … листах». */
function cargoRows(ctx: BlockContext): PdfContent {
  const c = ctx.vm.cargo;
  const field = (text: string, value: string, caption: string): PdfContent[] => [label(text), captionedField(value, caption, SIZE, 'left')];
  // One row, as on the printed form's line under the table: places, net and gross mass, attachment sheets.
  const row: PdfContent[] = [
    ...field('Всего мест', c.placesWords, 'прописью'),
    ...field('Масса груза (нетто)', c.massNet, 'прописью'),
    ...field('Масса груза (брутто)', c.massGross, 'прописью'),
    ...field('Приложение (паспорта, сертификаты и т.п.), листов', c.attachmentWords, 'прописью'),
  ];
  return { ...borderlessTable(['auto', '*', 'auto', '*', 'auto', '*', 'auto', '*'], [row], { paddingX: 2, paddingY: 0.4 }), margin: [0, 0, 0, 3] };
}

function torg12Signatures(ctx: BlockContext): PdfContent {
  const vm = ctx.vm;
  const seller = vm.seller;
  const wide = (text: string, value: string, caption: string): PdfContent[] => [label(text), { ...captionedField(value, caption, SIZE, 'left'), colSpan: 3 }, '', ''];
  // «прописью» under the start of the amount: centred, it would sit where the facsimile below rises.
  const amount = borderlessTable(
    ['*'],
    [[cell(vm.totals.words, { border: UNDERLINE, fontSize: SIZE })], [cell('прописью', { fontSize: CAPTION_SIZE, color: '#333333' })]],
    { paddingY: 0.3 },
  );
  const left = side([
    [label('Всего отпущено на сумму'), { ...amount, colSpan: 3 }, '', ''],
    positionRow('Отпуск разрешил', seller.director.position, seller.director.initials, ctx.facsimile),
    signRow('Главный (старший) бухгалтер', seller.isLegal ? seller.accountant.initials : ''),
    positionRow('Отпуск груза произвёл', '', ''),
    [stampMark(ctx.facsimile, SIZE), { ...label(vm.doc.dateContract.replace(/ г\.$/, ' года')), colSpan: 3 }, '', ''],
  ]);
  const right = side([
    wide('По доверенности №', '', 'от «___» ____________ 20___ г.'),
    wide('выданной', '', 'кем, кому (организация, должность, фамилия, и. о.)'),
    positionRow('Груз принял', '', ''),
    positionRow('Груз получил грузополучатель', '', ''),
    [label('М.П.', { bold: true }), { ...label(BLANK_DATE.replace(/ г\.$/, ' года')), colSpan: 3 }, '', ''],
  ]);
  return {
    stack: [
      { text: recordsText(ctx), fontSize: SIZE, margin: [0, 2, 0, 2] },
      cargoRows(ctx),
      { ...borderlessTable(['*', '*'], [[left, { ...right, border: [true, false, false, false] }]], { paddingX: 6 }), margin: [-6, 0, -6, 0] },
    ],
    unbreakable: true,
    lineHeight: 1,
  };
}

/** The two rows every счёт-фактура (and УПД status 1) ends with: the head and chief accountant, or the ИП. */
function taxInvoiceSigners(ctx: BlockContext, filled: boolean): PdfContent {
  const seller = ctx.vm.seller;
  const org = filled && seller.isLegal;
  const ip = filled && seller.isIp;
  const rows: PdfContent[][] = [
    [
      label('Руководитель организации или иное уполномоченное лицо'),
      captionedField('', 'подпись', SIZE, 'center', org ? ctx.facsimile : undefined),
      captionedField(org ? seller.director.initials : '', 'ф.и.о.', SIZE),
      label('Главный бухгалтер или иное уполномоченное лицо'),
      captionedField('', 'подпись', SIZE),
      captionedField(org ? seller.accountant.initials : '', 'ф.и.о.', SIZE),
    ],
    [
      label('Индивидуальный предприниматель или иное уполномоченное лицо'),
      captionedField('', 'подпись', SIZE, 'center', ip ? ctx.facsimile : undefined),
      captionedField(ip ? seller.director.initials : '', 'ф.и.о.', SIZE),
      '',
      {
        ...captionedField(ip ? `${seller.ogrnLabel} ${seller.ogrn}` : '', 'реквизиты свидетельства о государственной регистрации индивидуального предпринимателя', SIZE),
        colSpan: 2,
      },
      '',
    ],
  ];
  return borderlessTable([150, 70, '*', 150, 70, '*'], rows, { paddingX: 2, paddingY: 0.5 });
}

function updSignatures(ctx: BlockContext): PdfContent {
  const vm = ctx.vm;
  const seller = vm.seller;
  const numbered = (text: string, value: string, num: string): PdfContent[] => [
    label(text, { fontSize: 6 }),
    { ...captionedField(value, '', SIZE, 'left'), colSpan: 3 },
    '',
    '',
    cell(num, { fontSize: SIZE, alignment: 'right' }),
  ];
  const person = (text: string, position: string, initials: string, num: string, facsimile?: Facsimile): PdfContent[] => [
    label(text, { fontSize: 6 }),
    ...positionRow(text, position, initials, facsimile).slice(1),
    cell(num, { fontSize: SIZE, alignment: 'right' }),
  ];
  const widths: PdfWidth[] = [168, 74, 40, '*', 14];
  // The signature column is narrow: the facsimile is scaled to it, so it never runs into the name beside it.
  const narrowFacsimile: Facsimile | undefined = ctx.facsimile ? { ...ctx.facsimile, signatureWidth: 44 } : undefined;
  const left = side(
    [
      person('Товар (груз) передал / услуги, результаты работ сдал', seller.director.position, seller.director.initials, '[10]', vm.upd.status1 ? undefined : narrowFacsimile),
      numbered('Дата отгрузки, передачи (сдачи)', vm.doc.dateContract, '[11]'),
      numbered('Иные сведения об отгрузке, передаче', '', '[12]'),
      person('Ответственный за правильность оформления факта хозяйственной жизни', seller.director.position, seller.director.initials, '[13]'),
      numbered('Наименование экономического субъекта — составителя документа (в т.ч. комиссионера / агента)', `${seller.shortName}, ${seller.innKpp}`, '[14]'),
      [stampMark(ctx.facsimile, SIZE), '', '', '', ''],
    ],
    widths,
  );
  const right = side(
    [
      person('Товар (груз) получил / услуги, результаты работ принял', '', '', '[15]'),
      numbered('Дата получения (приёмки)', BLANK_DATE, '[16]'),
      numbered('Иные сведения о получении, приёмке', '', '[17]'),
      person('Ответственный за правильность оформления факта хозяйственной жизни', '', '', '[18]'),
      numbered('Наименование экономического субъекта — составителя документа', `${vm.buyer.shortName}, ${vm.buyer.innKpp}`, '[19]'),
      [label('М.П.', { bold: true }), '', '', '', ''],
    ],
    widths,
  );
  const basisRows = borderlessTable(
    [170, '*', 18],
    [
      [label('Основание передачи (сдачи) / получения (приёмки)'), captionedField(vm.basis, 'договор; доверенность и др.', SIZE, 'left'), cell('[8]', { fontSize: SIZE, alignment: 'right' })],
      [label('Данные о транспортировке и грузе'), captionedField('', 'транспортная накладная, поручение экспедитору, экспедиторская / складская расписка и др. / масса нетто/ брутто груза', SIZE, 'left'), cell('[9]', { fontSize: SIZE, alignment: 'right' })],
    ],
    { paddingX: 2, paddingY: 0.5 },
  );
  return {
    stack: [
      taxInvoiceSigners(ctx, vm.upd.status1),
      { text: `Документ составлен на ${sheetsText(ctx.layout.sheets ?? 1)}`, fontSize: SIZE, margin: [0, 1, 0, 1] },
      basisRows,
      { ...borderlessTable(['*', '*'], [[left, { ...right, border: [true, false, false, false] }]], { paddingX: 6 }), margin: [-6, 2, -6, 0] },
    ],
    unbreakable: true,
    lineHeight: 1,
  };
}

/** The signature area of a unified form. */
export function formSignaturesBlock(ctx: BlockContext): PdfContent {
  if (ctx.kind === 'torg12') return torg12Signatures(ctx);
  if (ctx.kind === 'upd') return updSignatures(ctx);
  return { stack: [taxInvoiceSigners(ctx, true)], margin: [0, 6, 0, 0], unbreakable: true, lineHeight: 1 };
}

