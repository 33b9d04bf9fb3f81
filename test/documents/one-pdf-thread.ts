// A PDF pool of one worker thread for the tests of a describe block: started before them, stopped after.
import { afterAll, beforeAll } from 'vitest';
import { createPdfRenderer, type PdfRenderer } from '../../src/documents/index';

/** Registers the pool's start and stop; call the returned function inside a test to get it. */
export function onePdfThread(): () => PdfRenderer {
  let pool: PdfRenderer | null = null;
  beforeAll(() => {
    pool = createPdfRenderer({ threads: 1, warmThreads: 1 });
  });
  afterAll(async () => {
    await pool?.close();
  });
  return () => {
    if (pool === null) throw new Error('the PDF pool starts before the tests');
    return pool;
  };
}
