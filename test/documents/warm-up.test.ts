import { describe, expect, it } from 'vitest';
import { warmUpRenderer } from '../../src/documents/warm-up';

// The worker swallows a failing warm-up (a real document then simply pays for it), so it is checked here.
describe('the renderer warm-up', () => {
  it('renders the invoice and the first bundle of a deal (proposal, contract, invoice) without an error', async () => {
    await expect(warmUpRenderer()).resolves.toBeUndefined();
  }, 60_000);
});
