/**
 * Discount rules. A line's discount is what the client really gets off the price list in force,
 * whichever field made it (a lower price, a discount percentage, or both). Percentages are compared
 * unrounded: every comparison below is exact integer arithmetic on kopecks and basis points.
 */

const FULL_BP = 10_000n;

/** One line as the discount rules see it: the price typed, the discount typed and the list price (null: no list price). */
export interface DiscountedLine {
  priceKopecks: number;
  discountBp: number;
  /** The price of the line's item in the list in force on the reference date; null when the item is in no list. */
  listPriceKopecks: number | null;
}

/** The unit price after the typed discount, scaled by 10 000 (exact). */
function netScaled(priceKopecks: number, discountBp: number): bigint {
  return BigInt(priceKopecks) * (FULL_BP - BigInt(discountBp));
}

/**
 * True when the line's effective discount is more than `limitBp`. With a list price L, a typed price p
 * and a typed discount d the client pays p·(1 − d); the effective discount exceeds the limit exactly when
 * p·(1 − d) < L·(1 − limit). Without a list price only the typed discount can be measured.
 */
export function discountExceeds(line: DiscountedLine, limitBp: number): boolean {
  if (line.listPriceKopecks === null || line.listPriceKopecks <= 0) return line.discountBp > limitBp;
  return netScaled(line.priceKopecks, line.discountBp) < netScaled(line.listPriceKopecks, limitBp);
}

/**
 * The effective discount in basis points, rounded up to the next whole basis point (so that a request
 * for this many basis points covers the line exactly; compare with `discountExceeds`, never this number).
 */
export function effectiveDiscountBp(line: DiscountedLine): number {
  if (line.listPriceKopecks === null || line.listPriceKopecks <= 0) return line.discountBp;
  const list = BigInt(line.listPriceKopecks);
  // 10 000 − p·(10 000 − d) / L, rounded up.
  const paid = netScaled(line.priceKopecks, line.discountBp);
  const offScaled = list * FULL_BP - paid;
  if (offScaled <= 0n) return 0;
  return Number((offScaled + list - 1n) / list);
}

/** A line of the contract a document is made from: what the client was agreed to pay. */
export interface AgreedLine {
  catalogItemId: number | null;
  name: string;
  priceKopecks: number;
  discountBp: number;
}

/**
 * True when a document line keeps the terms agreed in its contract: the same item (catalog item and
 * name) at a unit price after discount no lower than the contract's. Such a line needs no new approval.
 */
export function keepsAgreedTerms(line: AgreedLine, contractLines: readonly AgreedLine[]): boolean {
  const paid = netScaled(line.priceKopecks, line.discountBp);
  return contractLines.some((c) => c.catalogItemId === line.catalogItemId && c.name === line.name && paid >= netScaled(c.priceKopecks, c.discountBp));
}

/** Who decides a discount request: the head of sales up to her own limit and never her own; the director any. */
export function mayDecideDiscount(decider: { role: string; userId: number; limitBp: number }, request: { requestedById: number; requestedBp: number }): boolean {
  if (decider.role === 'director') return true;
  if (decider.role !== 'head_of_sales') return false;
  return request.requestedById !== decider.userId && request.requestedBp <= decider.limitBp;
}
