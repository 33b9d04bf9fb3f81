// Keeps the end of a document (totals, words, signatures) together, and with the last table lines when it would stand alone.
import type { DocumentKind } from './kinds';
import type { PdfContent, PdfTableNode } from './pdf-types';

/** Kinds whose table is followed by totals and signatures that must not stand alone on a page. */
export const KEEP_END_KINDS: readonly DocumentKind[] = ['commercial_offer', 'contract_supply', 'contract_services', 'invoice', 'act_services', 'act_transfer', 'torg12', 'upd', 'invoice_factura', 'reconciliation_act'];

/** Table lines that go with the end when it would start a page on its own. */
export const KEPT_LINES = 2;

/** The id of a part's end block, which render's pageBreakBefore watches. */
export function endId(part: number): string {
  return `sdelka-end-${part}`;
}

/** The part an end block belongs to, or null for other nodes. */
export function partOfEndId(id: string | undefined): number | null {
  const m = id === undefined ? null : /^sdelka-end-(\d+)$/.exec(id);
  return m ? Number(m[1]) : null;
}

/**
 * A blank 1-point line opening the end block: pdfmake reports a moved unbreakable stack on the page
 * it was first tried on, but its first child where it landed.
 */
function endMarker(part: number): PdfContent {
  return { text: ' ', fontSize: 1, lineHeight: 1, id: endId(part) };
}

function isTable(node: PdfContent): node is PdfTableNode {
  return typeof node !== 'string' && 'table' in node;
}

/**
 * Splits a table into the lines that stay and the last `keep` body rows (with the trailing total
 * rows), the latter under a copy of the header rows so they read on a new page.
 */
function splitTable(table: PdfTableNode, keep: number, trailing: number): [PdfTableNode | null, PdfTableNode] {
  const header = table.table.headerRows ?? 0;
  const body = table.table.body;
  const cut = Math.max(header, body.length - trailing - keep);
  // pdfmake annotates the nodes it lays out, so the repeated header must be a copy, not the same cells.
  const head = structuredClone(body.slice(0, header));
  const stays: PdfTableNode | null = cut > header ? { ...table, table: { ...table.table, body: body.slice(0, cut) } } : null;
  const moves: PdfTableNode = { ...table, table: { ...table.table, body: [...head, ...body.slice(cut)] } };
  return [stays, moves];
}

/**
 * Wraps everything after the lines table into one unbreakable block with the part's end id; with
 * `keepLines` the block starts a new page and takes the table's last lines (under its header) along.
 */
export function keepEndTogether(nodes: PdfContent[], linesAt: number, part: number, keepLines: boolean, trailingRows: number): PdfContent[] {
  const tail = nodes.slice(linesAt + 1);
  if (tail.length === 0) return nodes;
  const lines = nodes[linesAt];
  const chunks = typeof lines !== 'string' && 'stack' in lines && lines.stack.length > 1 && lines.stack.every(isTable) ? lines.stack : null;
  if (chunks) {
    // A table laid out page by page: its last page's table goes with the end, on that page.
    const { pageBreak: _break, ...lastChunk } = chunks[chunks.length - 1] as PdfTableNode;
    const end: PdfContent = { stack: [endMarker(part), lastChunk, ...tail], unbreakable: true, pageBreak: 'before' };
    return [...nodes.slice(0, linesAt), { stack: chunks.slice(0, -1) }, end];
  }
  if (keepLines && isTable(lines)) {
    const [stays, moves] = splitTable(lines, KEPT_LINES, trailingRows);
    const end: PdfContent = { stack: [endMarker(part), moves, ...tail], unbreakable: true, pageBreak: 'before' };
    return [...nodes.slice(0, linesAt), ...(stays ? [stays] : []), end];
  }
  return [...nodes.slice(0, linesAt + 1), { stack: [endMarker(part), ...tail], unbreakable: true }];
}

/** «на 1 листе», «на 2 листах», «на 21 листе» (prepositional case). */
export function sheetsText(count: number): string {
  const lastTwo = count % 100;
  return `${count} ${count % 10 === 1 && lastTwo !== 11 ? 'листе' : 'листах'}`;
}
