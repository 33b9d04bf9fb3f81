import { keepsAgreedTerms, type DiscountedLine } from '../../core/index';
import { CONTRACT_KINDS, type DocumentLineParsed } from '../../shared/api/document-types';
import type { CallContext } from '../context';

/** A line as the discount check needs it: its effective discount's parts and whether its contract already agreed it. */
export interface CheckedLine extends DiscountedLine {
  name: string;
  /** The line keeps the terms of the issued contract the document is made from: approved once, never again. */
  agreed: boolean;
}

type LineIn = Pick<DocumentLineParsed, 'name' | 'catalogItemId' | 'priceKopecks' | 'discountBp'>;

/**
 * The lines of a document with the list price each is measured against: the price list in force on the
 * document's date, or on its contract's date when it is made from an issued contract (an act, a ТОРГ-12,
 * an invoice), whose lines keep the discounts already agreed.
 */
export async function checkedLines(ctx: CallContext, lines: readonly LineIn[], docDate: string, basisDocumentId: number | null): Promise<CheckedLine[]> {
  const basis = basisDocumentId === null ? null : await ctx.store.documents.docs.get(basisDocumentId);
  // Only an issued contract agreed anything: a draft lends neither its date nor its lines (else a contract
  // drafted at an older, cheaper list would carry that list into today's documents unapproved).
  const contract = basis && CONTRACT_KINDS.includes(basis.kind) && basis.status === 'issued' ? basis : null;
  const day = contract?.docDate ?? docDate;
  const agreedLines = contract?.lines ?? [];
  const out: CheckedLine[] = [];
  for (const l of lines) {
    const item = l.catalogItemId === null ? null : await ctx.store.documents.catalog.get(l.catalogItemId, day);
    out.push({ name: l.name, priceKopecks: l.priceKopecks, discountBp: l.discountBp, listPriceKopecks: item?.priceKopecks ?? null, agreed: keepsAgreedTerms(l, agreedLines) });
  }
  return out;
}
