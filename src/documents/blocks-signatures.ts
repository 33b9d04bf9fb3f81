// `::signatures` for invoices, offers, acts, contracts and reconciliation acts, and `::stamp`.
import { roleLabels, type BlockContext } from './block-context';
import { formSignaturesBlock } from './blocks-form-signatures';
import { borderlessTable, signatureLine, stampMark, type Facsimile } from './pdf-helpers';
import type { PdfContent } from './pdf-types';
import type { PartyView } from './view-model-types';

function invoiceSignatures(ctx: BlockContext): PdfContent {
  const seller = ctx.vm.seller;
  const size = ctx.fontSize;
  if (!seller.isLegal) {
    // An ИП signs the invoice himself, as «Предприниматель» (there is no accountant's line).
    const line: PdfContent = { ...signatureLine('Предприниматель', seller.director.initials, size, { facsimile: ctx.facsimile }), margin: [0, 8, 260, 0] };
    return withStamp(line, ctx);
  }
  const table: PdfContent = {
    ...borderlessTable(
      ['*', '*'],
      [[signatureLine('Руководитель', seller.director.initials, size, { facsimile: ctx.facsimile }), signatureLine('Бухгалтер', seller.accountant.initials, size)]],
      { paddingX: 6 },
    ),
    margin: [-6, 8, -6, 0],
  };
  return withStamp(table, ctx);
}

/** Signatures followed by «М.П.» and our stamp, kept on one page; unchanged when no stamp was uploaded. */
function withStamp(signatures: PdfContent, ctx: BlockContext): PdfContent {
  if (ctx.facsimile?.stamp === undefined) return signatures;
  return { stack: [signatures, { ...stampMark(ctx.facsimile, ctx.fontSize - 1), margin: [0, 4, 0, 0] }], unbreakable: true };
}



function sideStack(heading: string, party: PartyView, size: number, withName: boolean, facsimile?: Facsimile): PdfContent {
  const name: PdfContent[] = withName ? [{ text: party.shortName === '' ? ' ' : party.shortName, fontSize: size, margin: [0, 0, 0, 8] }] : [];
  return {
    stack: [
      { text: heading, bold: true, fontSize: size, margin: [0, 0, 0, withName ? 2 : 8] },
      ...name,
      { text: party.director.position === '' ? ' ' : party.director.position, fontSize: size, margin: [0, 0, 0, 2] },
      signatureLine('', party.director.initials, size, { facsimile }),
      party.isPerson ? { text: ' ', fontSize: size - 1, margin: [0, 2, 0, 0] } : { ...stampMark(facsimile, size - 1), margin: [0, 2, 0, 0] },
    ],
  };
}

function headings(ctx: BlockContext): [string, string] {
  if (ctx.kind === 'reconciliation_act') return [`От ${ctx.vm.seller.shortName}`, `От ${ctx.vm.buyer.shortName}`];
  const [ours, theirs] = roleLabels(ctx.kind, ctx.vm.buyer.isPerson);
  if (ctx.kind === 'act_transfer') return [`Передал (${ours.toLowerCase()}):`, `Принял (${theirs.toLowerCase()}):`];
  return [`${ours.toUpperCase()}:`, `${theirs.toUpperCase()}:`];
}

function twoSidedSignatures(ctx: BlockContext): PdfContent {
  const [ours, theirs] = headings(ctx);
  // The reconciliation act's headings already name the parties.
  const withName = ctx.kind !== 'reconciliation_act';
  const table = borderlessTable(
    ['*', '*'],
    [[sideStack(ours, ctx.vm.seller, ctx.fontSize, withName, ctx.facsimile), sideStack(theirs, ctx.vm.buyer, ctx.fontSize, withName)]],
    { paddingX: 10 },
  );
  return { ...table, margin: [-10, 10, -10, 0], unbreakable: true };
}

function singleSignature(ctx: BlockContext): PdfContent {
  const director = ctx.vm.seller.director;
  return withStamp({ ...signatureLine(director.position, director.initials, ctx.fontSize, { facsimile: ctx.facsimile }), margin: [0, 10, 200, 0] }, ctx);
}

/** Signature area of the kind: the seller's head (and accountant), or both parties, or the unified form's. */
export function signaturesBlock(ctx: BlockContext): PdfContent {
  switch (ctx.kind) {
    case 'invoice':
      return invoiceSignatures(ctx);
    case 'commercial_offer':
    case 'free_form':
      return singleSignature(ctx);
    case 'torg12':
    case 'upd':
    case 'invoice_factura':
      return formSignaturesBlock(ctx);
    default:
      return twoSidedSignatures(ctx);
  }
}

/**
 * `::stamp` asks for our uploaded stamp and facsimile signature. With `::signatures` in the template
 * they are drawn on our signature line there; otherwise they are printed here, in the flow.
 */
export function stampBlock(ctx: BlockContext): PdfContent[] {
  const facsimile = ctx.facsimile;
  if (facsimile === undefined || ctx.hasSignatures) return [];
  const columns: PdfContent[] = [];
  if (facsimile.signature !== undefined) columns.push({ image: facsimile.signature, fit: [90, 40], width: 'auto' });
  if (facsimile.stamp !== undefined) columns.push({ image: facsimile.stamp, fit: [100, 100], width: 'auto' });
  return [{ columns, columnGap: 20, margin: [0, 6, 0, 6] }];
}
