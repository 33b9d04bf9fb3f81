// `::form-header`: the fixed upper part of ТОРГ-12, УПД and счёт-фактура (ст.169 п.5 НК lines 1–8).
import type { BlockContext } from './block-context';
import { BOX, borderlessTable, captionedField, cell } from './pdf-helpers';
import type { PdfContent } from './pdf-types';
import { shippingText } from './view-model';
import type { PartyView } from './view-model-types';

const SIZE = 6.5;
const SMALL = 6;
const DASH = '—';

/** Party with address, phone and bank requisites in one line, as the forms ask. */
export function partyWithBank(party: PartyView): string {
  if (party.name === '') return '';
  const bank = party.bank === false ? '' : `, р/с ${party.bank.account} в ${party.bank.name}, БИК ${party.bank.bik}, к/с ${party.bank.corrAccount}`;
  return `${party.line}${bank}`;
}

function codeBox(text: string): PdfContent {
  return cell(text === '' ? ' ' : text, { border: BOX, fontSize: SIZE, alignment: 'center' });
}

function codeLabel(text: string): PdfContent {
  return cell(text, { fontSize: SIZE, alignment: 'right', margin: [0, 0, 3, 0] });
}

function torg12Header(ctx: BlockContext): PdfContent[] {
  const vm = ctx.vm;
  const contract = vm.contract;
  const label = (text: string): PdfContent => cell(text, { fontSize: SIZE, margin: [0, 0, 4, 0] });
  const field = (value: string, caption: string): PdfContent => captionedField(value, caption, SIZE, 'left');
  const spanned = (content: PdfContent): PdfContent[] => [{ stack: [content], colSpan: 2 }, ''];
  const rows: PdfContent[][] = [
    ['', '', '', codeBox('Коды')],
    ['', '', codeLabel('Форма по ОКУД'), codeBox('0330212')],
    [...spanned(field(partyWithBank(vm.consignor), 'организация-грузоотправитель, адрес, телефон, факс, банковские реквизиты')), codeLabel('по ОКПО'), codeBox('')],
    [...spanned(field('', 'структурное подразделение')), codeLabel('Вид деятельности по ОКДП'), codeBox('')],
    [label('Грузополучатель'), field(partyWithBank(vm.consignee), 'организация, адрес, телефон, факс, банковские реквизиты'), codeLabel('по ОКПО'), codeBox('')],
    [label('Поставщик'), field(partyWithBank(vm.seller), 'организация, адрес, телефон, факс, банковские реквизиты'), codeLabel('по ОКПО'), codeBox('')],
    [label('Плательщик'), field(partyWithBank(vm.buyer), 'организация, адрес, телефон, факс, банковские реквизиты'), codeLabel('по ОКПО'), codeBox('')],
    [label('Основание'), field(vm.basis, 'договор, заказ-наряд'), codeLabel('номер'), codeBox(contract === false ? '' : contract.number)],
  ];
  const titleBox = borderlessTable(
    [170, 80, 80],
    [
      ['', codeBox('Номер документа'), codeBox('Дата составления')],
      [
        cell('ТОВАРНАЯ НАКЛАДНАЯ', { bold: true, fontSize: 10, alignment: 'right', margin: [0, 0, 8, 0] }),
        cell(vm.doc.number, { border: BOX, bold: true, fontSize: 9, alignment: 'center' }),
        cell(vm.doc.dateNumeric, { border: BOX, bold: true, fontSize: 9, alignment: 'center' }),
      ],
    ],
    { paddingX: 2, paddingY: 1.5 },
  );
  // The document title sits left of the last code rows, as on the printed form.
  const title: PdfContent = { columns: [{ text: '', width: '*' }, { ...titleBox, width: 'auto' }, { text: '', width: 60 }], colSpan: 2, rowSpan: 4 };
  rows.push(
    [title, '', codeLabel('дата'), codeBox(contract === false ? '' : contract.dateNumeric)],
    ['', '', codeLabel('Транспортная накладная   номер'), codeBox('')],
    ['', '', codeLabel('дата'), codeBox('')],
    ['', '', codeLabel('Вид операции'), codeBox('')],
  );
  return [
    { text: 'Унифицированная форма № ТОРГ-12\nУтверждена постановлением Госкомстата России от 25.12.98 № 132', fontSize: SMALL, alignment: 'right' },
    borderlessTable([70, '*', 120, 80], rows, { paddingX: 1, paddingY: 0.6 }),
  ];
}

/** Rows 2…8 of a счёт-фактура / УПД: label, value on a line, line number in brackets. */
function invoiceRows(ctx: BlockContext): Array<[string, string, string]> {
  const vm = ctx.vm;
  const pay = vm.paymentDocument;
  // A УПД is its own shipping document; a счёт-фактура names the one issued for the shipment.
  const shipping = ctx.kind === 'upd' && vm.lines.length > 0 ? shippingText(vm.lines.length, vm.doc.numberText, vm.doc.dateNumeric) : vm.shippingDocument || DASH;
  const withAddress = (p: PartyView): string => (p.name === '' ? DASH : [p.shortName, p.address].filter((s) => s.trim() !== '').join(', '));
  // Works and services have no consignor or consignee; the seller or the buyer itself is «он же».
  const consignor = vm.servicesOnly ? DASH : vm.consignorIsSeller ? 'он же' : withAddress(vm.consignor);
  const consignee = vm.servicesOnly ? DASH : vm.consigneeIsBuyer ? 'он же' : withAddress(vm.consignee);
  // A private person has neither an address nor an ИНН on a счёт-фактура (строки 6а, 6б «—»).
  const person = vm.buyer.isPerson;
  return [
    ['Продавец:', vm.seller.name, '(2)'],
    ['Адрес:', vm.seller.address, '(2а)'],
    ['ИНН/КПП продавца:', [vm.seller.inn, vm.seller.kpp].filter((s) => s !== '').join('/'), '(2б)'],
    ['Грузоотправитель и его адрес:', consignor, '(3)'],
    ['Грузополучатель и его адрес:', consignee, '(4)'],
    ['К платёжно-расчётному документу', pay === false ? '№ — от —' : `№ ${pay.number} от ${pay.date}`, '(5)'],
    ['Документ об отгрузке', shipping, '(5а)'],
    ['Покупатель:', vm.buyer.name, '(6)'],
    ['Адрес:', person ? DASH : vm.buyer.address || DASH, '(6а)'],
    ['ИНН/КПП покупателя:', person ? DASH : [vm.buyer.inn, vm.buyer.kpp].filter((s) => s !== '').join('/') || DASH, '(6б)'],
    ['Валюта: наименование, код', vm.currency, '(7)'],
    ['Идентификатор государственного контракта, договора (соглашения) (при наличии):', vm.governmentContractId || DASH, '(8)'],
  ];
}

function invoiceTitleRows(ctx: BlockContext, title: string): PdfContent[][] {
  const vm = ctx.vm;
  const correction = vm.correction;
  const big = (text: string): PdfContent => cell(text, { bold: true, fontSize: 9 });
  return [
    [big(`${title} ${vm.doc.numberText} от ${vm.doc.date}`), cell('(1)', { fontSize: SIZE, alignment: 'right' })],
    [
      cell(correction === false ? 'Исправление № — от —' : `Исправление № ${correction.number} от ${correction.date}`, { fontSize: 8 }),
      cell('(1а)', { fontSize: SIZE, alignment: 'right' }),
    ],
  ];
}

function fieldRows(ctx: BlockContext): PdfContent {
  const rows = invoiceRows(ctx).map(([label, value, num]): PdfContent[] => [
    cell(label, { fontSize: SIZE, margin: [0, 0, 4, 0] }),
    cell(value === '' ? ' ' : value, { fontSize: SIZE, border: [false, false, false, true] }),
    cell(num, { fontSize: SIZE, alignment: 'right' }),
  ]);
  return borderlessTable([150, '*', 22], rows, { paddingX: 1, paddingY: 0.3 });
}

function facturaHeader(ctx: BlockContext): PdfContent[] {
  return [
    {
      text: 'Приложение № 1 к постановлению Правительства Российской Федерации от 26 декабря 2011 г. № 1137\n(в ред. постановления Правительства РФ от 16.08.2024 № 1096)',
      fontSize: SMALL,
      alignment: 'right',
    },
    { ...borderlessTable(['*', 22], invoiceTitleRows(ctx, 'СЧЁТ-ФАКТУРА'), { paddingY: 1 }), margin: [0, 2, 0, 2] },
    fieldRows(ctx),
  ];
}

function updHeader(ctx: BlockContext): PdfContent[] {
  const vm = ctx.vm;
  const statusBox: PdfContent = {
    stack: [
      { text: 'Универсальный передаточный документ', bold: true, fontSize: 9, margin: [0, 0, 0, 4] },
      borderlessTable([34, 22], [[cell('Статус:', { fontSize: 8 }), cell(vm.upd.status, { border: BOX, bold: true, fontSize: 9, alignment: 'center' })]], { paddingX: 2, paddingY: 1 }),
      { text: '1 — счёт-фактура и передаточный документ (акт)\n2 — передаточный документ (акт)', fontSize: SMALL, margin: [0, 6, 0, 0] },
    ],
  };
  const right: PdfContent = {
    stack: [
      { text: 'Приложение № 1 к письму ФНС России от 21.10.2013 № ММВ-20-3/96@', fontSize: SMALL, alignment: 'right' },
      { ...borderlessTable(['*', 22], invoiceTitleRows(ctx, 'Счёт-фактура'), { paddingY: 1 }), margin: [0, 0, 0, 2] },
      fieldRows(ctx),
    ],
  };
  return [{ ...borderlessTable([130, '*'], [[statusBox, { ...right, border: [true, false, false, false] }]], { paddingX: 4 }), margin: [-4, 0, -4, 0] }];
}

/** The form's header for ТОРГ-12, УПД or счёт-фактура; nothing for other kinds. */
export function formHeaderBlock(ctx: BlockContext): PdfContent[] {
  const nodes = ctx.kind === 'torg12' ? torg12Header(ctx) : ctx.kind === 'upd' ? updHeader(ctx) : ctx.kind === 'invoice_factura' ? facturaHeader(ctx) : [];
  // Single line spacing, as on the printed forms (the document's default is roomier for letters).
  return nodes.length === 0 ? [] : [{ stack: nodes, lineHeight: 1 }];
}
