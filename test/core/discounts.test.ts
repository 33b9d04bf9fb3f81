import { describe, expect, it } from 'vitest';
import { discountExceeds, effectiveDiscountBp, keepsAgreedTerms, mayDecideDiscount } from '../../src/core';

// Worked by hand: list 1 000,00 ₽; 5 % of it is 50,00 ₽, so 950,00 ₽ is exactly the limit.
describe('the effective discount', () => {
  it('counts a lower price typed with 0 % as a discount off the list', () => {
    expect(effectiveDiscountBp({ priceKopecks: 80_000, discountBp: 0, listPriceKopecks: 100_000 })).toBe(2000);
    expect(discountExceeds({ priceKopecks: 80_000, discountBp: 0, listPriceKopecks: 100_000 }, 500)).toBe(true);
  });

  it('compares unrounded: 950,00 ₽ is within 5 %, 949,99 ₽ (5,001 %) is not', () => {
    expect(discountExceeds({ priceKopecks: 95_000, discountBp: 0, listPriceKopecks: 100_000 }, 500)).toBe(false);
    expect(discountExceeds({ priceKopecks: 94_999, discountBp: 0, listPriceKopecks: 100_000 }, 500)).toBe(true);
    // 5,001 % rounds up to 5,01 % for a request, which then covers the line.
    expect(effectiveDiscountBp({ priceKopecks: 94_999, discountBp: 0, listPriceKopecks: 100_000 })).toBe(501);
  });

  it('adds a typed discount to a lower price: 980,00 ₽ less 4 % is 940,80 ₽, 5,92 % off', () => {
    const line = { priceKopecks: 98_000, discountBp: 400, listPriceKopecks: 100_000 };
    expect(effectiveDiscountBp(line)).toBe(592);
    expect(discountExceeds(line, 591)).toBe(true);
    expect(discountExceeds(line, 592)).toBe(false);
  });

  it('counts a price above the list as no discount, and a line without a list price by its typed discount', () => {
    expect(effectiveDiscountBp({ priceKopecks: 110_000, discountBp: 0, listPriceKopecks: 100_000 })).toBe(0);
    expect(discountExceeds({ priceKopecks: 1, discountBp: 500, listPriceKopecks: null }, 500)).toBe(false);
    expect(discountExceeds({ priceKopecks: 1, discountBp: 501, listPriceKopecks: null }, 500)).toBe(true);
  });
});

describe('terms agreed in a contract', () => {
  const contract = [{ catalogItemId: 7, name: 'Стеллаж', priceKopecks: 100_000, discountBp: 1000 }];
  it('keeps a line at the contract’s price after discount or above it, not below', () => {
    expect(keepsAgreedTerms({ catalogItemId: 7, name: 'Стеллаж', priceKopecks: 100_000, discountBp: 1000 }, contract)).toBe(true);
    expect(keepsAgreedTerms({ catalogItemId: 7, name: 'Стеллаж', priceKopecks: 90_000, discountBp: 0 }, contract)).toBe(true);
    expect(keepsAgreedTerms({ catalogItemId: 7, name: 'Стеллаж', priceKopecks: 89_999, discountBp: 0 }, contract)).toBe(false);
    expect(keepsAgreedTerms({ catalogItemId: 8, name: 'Стеллаж', priceKopecks: 100_000, discountBp: 1000 }, contract)).toBe(false);
  });
});

describe('who decides a discount', () => {
  const head = { role: 'head_of_sales', userId: 2, limitBp: 1500 };
  it('leaves the head of sales her own limit and never her own request; the director decides all', () => {
    expect(mayDecideDiscount(head, { requestedById: 3, requestedBp: 1500 })).toBe(true);
    expect(mayDecideDiscount(head, { requestedById: 3, requestedBp: 1501 })).toBe(false);
    expect(mayDecideDiscount(head, { requestedById: 2, requestedBp: 1600 })).toBe(false);
    expect(mayDecideDiscount({ role: 'director', userId: 1, limitBp: 0 }, { requestedById: 1, requestedBp: 9000 })).toBe(true);
    expect(mayDecideDiscount({ role: 'manager', userId: 3, limitBp: 500 }, { requestedById: 4, requestedBp: 100 })).toBe(false);
  });
});
