// `::requisites` (bank block of an invoice) and `::party-details` (both parties' requisites in a contract).
import { roleLabels, type BlockContext } from './block-context';
import { borderlessTable, BOX, cell, signatureLine } from './pdf-helpers';
import type { PdfContent, PdfInline, PdfTableNode } from './pdf-types';
import type { PartyView } from './view-model-types';

const CAPTION = 7;

/** Side of the payment QR in points (about 3,5 cm: phones read it from a printed page). */
const QR_SIDE = 100;

/** The «Банк получателя / БИК / Сч. № / ИНН / КПП / Получатель» block at the top of an invoice. */
export function requisitesBlock(ctx: BlockContext): PdfContent {
  const seller = ctx.vm.seller;
  const bank = seller.bank === false ? { name: '', bik: '', corrAccount: '', account: '' } : seller.bank;
  const size = ctx.fontSize;
  const caption = (text: string): PdfContent => cell(text, { fontSize: CAPTION, margin: [0, 6, 0, 0] });
  const box = { border: BOX, fontSize: size };
  const open = (sides: [boolean, boolean, boolean, boolean]): { border: [boolean, boolean, boolean, boolean]; fontSize: number } => ({ border: sides, fontSize: size });
  const inn = seller.inn === '' ? 'ИНН' : `ИНН ${seller.inn}`;
  const kpp = seller.isLegal ? (seller.kpp === '' ? 'КПП' : `КПП ${seller.kpp}`) : '';
  const table: PdfTableNode = {
    table: {
      widths: ['*', '*', 40, 150],
      body: [
        [
          { stack: [bank.name, caption('Банк получателя')], colSpan: 2, rowSpan: 2, ...box },
          '',
          cell('БИК', open([true, true, true, false])),
          cell(bank.bik, open([true, true, true, false])),
        ],
        ['', '', cell('Сч. №', open([true, false, true, true])), cell(bank.corrAccount, open([true, false, true, true]))],
        [
          cell(inn, box),
          cell(kpp, box),
          cell('Сч. №', { ...box, rowSpan: 2 }),
          cell(bank.account, { ...box, rowSpan: 2 }),
        ],
        [{ stack: [seller.name === '' ? ' ' : seller.shortName, caption('Получатель')], colSpan: 2, ...box }, '', '', ''],
      ],
    },
    layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6, paddingLeft: () => 3, paddingRight: () => 3, paddingTop: () => 2, paddingBottom: () => 2 },
    margin: [0, 0, 0, 10],
  };
  const payment = ctx.vm.payment;
  if (payment === false) return table;
  // ГОСТ Р 56042-2014 payment QR beside the bank block, «Назначение платежа» (the QR's Purpose) under it.
  return {
    stack: [
      {
        columns: [
          { ...table, margin: [0, 0, 0, 0] },
          { stack: [{ qr: payment.qr, fit: QR_SIDE, eccLevel: 'M' }, cell('Оплата по QR-коду', { fontSize: CAPTION, alignment: 'center' })], width: QR_SIDE },
        ],
        columnGap: 8,
      },
      cell([{ text: 'Назначение платежа: ', bold: true }, payment.purpose], { fontSize: size - 1, margin: [0, 3, 0, 10] }),
    ],
  };
}

function detailLines(party: PartyView): PdfInline[] {
  const lines: Array<[string, string]> = [
    ['Паспорт', party.passport.replace(/^паспорт\s+/, '')],
    ['Адрес регистрации', party.registrationAddress],
    // Only an organisation has a «юридический» address; an ИП or a person has an address.
    [party.isLegal ? 'Юридический адрес' : 'Адрес', party.registrationAddress !== '' && party.legalAddress === party.registrationAddress ? '' : party.legalAddress],
    ['Почтовый адрес', party.postalAddress !== party.legalAddress ? party.postalAddress : ''],
    ['ИНН', party.inn],
    ['КПП', party.kpp],
    [party.ogrnLabel, party.ogrn],
  ];
  if (party.bank !== false) {
    lines.push(['Р/с', party.bank.account], ['Банк', party.bank.name], ['К/с', party.bank.corrAccount], ['БИК', party.bank.bik]);
  }
  lines.push(['Тел.', party.phone], ['E-mail', party.email]);
  const runs: PdfInline[] = [];
  for (const [label, value] of lines) {
    if (value.trim() === '') continue;
    runs.push({ text: `${label}: `, color: '#333333' }, `${value}\n`);
  }
  return runs;
}

function partyColumn(role: string, party: PartyView, size: number): PdfContent {
  return {
    stack: [
      { text: `${role}:`, bold: true, fontSize: size, margin: [0, 0, 0, 2] },
      { text: party.name === '' ? ' ' : party.name, bold: true, fontSize: size, margin: [0, 0, 0, 3] },
      { text: detailLines(party), fontSize: size - 0.5, lineHeight: 1.1 },
      { text: party.director.position === '' ? ' ' : party.director.position, fontSize: size, margin: [0, 10, 0, 2] },
      signatureLine('', party.director.initials, size),
      { text: party.isPerson ? '' : 'М.П.', fontSize: size - 1, margin: [0, 2, 0, 0] },
    ],
  };
}

/** Both parties' requisites side by side, each ending in a signature line (the last section of a contract). */
export function partyDetailsBlock(ctx: BlockContext): PdfContent {
  const [ours, theirs] = roleLabels(ctx.kind, ctx.vm.buyer.isPerson);
  const table = borderlessTable(
    ['*', '*'],
    [[partyColumn(ours, ctx.vm.seller, ctx.fontSize), partyColumn(theirs, ctx.vm.buyer, ctx.fontSize)]],
    { paddingX: 6 },
  );
  return { ...table, margin: [0, 4, 0, 4], unbreakable: true };
}
