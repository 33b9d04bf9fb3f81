// Turns parsed markup into pdfmake content; block directives are dispatched to their builders.
import type { BlockContext } from './block-context';
import { formHeaderBlock } from './blocks-form-header';
import { trailingTotalRows } from './blocks-form-lines';
import { KEEP_END_KINDS, keepEndTogether } from './keep-end';
import { linesBlock, totalsBlock } from './blocks-lines';
import { partyDetailsBlock, requisitesBlock } from './blocks-parties';
import { reconciliationBlock } from './blocks-reconciliation';
import { signaturesBlock, stampBlock } from './blocks-signatures';
import { DIRECTIVES_BY_KIND, isDirectiveName, type DirectiveName } from './kinds';
import type { MarkupBlock, MarkupInline } from './markup';
import { borderlessTable, rule, toPdfInlines } from './pdf-helpers';
import type { PdfContent } from './pdf-types';

type DirectiveBuilder = (ctx: BlockContext) => PdfContent[];

const DIRECTIVE_BUILDERS: Readonly<Record<Exclude<DirectiveName, 'pagebreak'>, DirectiveBuilder>> = {
  requisites: (ctx) => [requisitesBlock(ctx)],
  'form-header': formHeaderBlock,
  lines: (ctx) => [linesBlock(ctx)],
  totals: (ctx) => [totalsBlock(ctx)],
  reconciliation: (ctx) => [reconciliationBlock(ctx)],
  'party-details': (ctx) => [partyDetailsBlock(ctx)],
  signatures: (ctx) => [signaturesBlock(ctx)],
  stamp: stampBlock,
  // The logo keeps its proportions within 150 × 45 points, at the left margin.
  logo: (ctx) => (ctx.logo === undefined ? [] : [{ image: ctx.logo, fit: [150, 45], margin: [0, 0, 0, 6] }]),
};

function isEmpty(inlines: readonly MarkupInline[]): boolean {
  return inlines.every((run) => run.text.trim() === '');
}

function fieldTable(rows: MarkupInline[][][], size: number): PdfContent {
  const columns = Math.max(...rows.map((r) => r.length));
  const body = rows.map((cells) =>
    Array.from({ length: columns }, (_, i): PdfContent => ({
      text: toPdfInlines(cells[i] ?? []),
      fontSize: size,
      margin: i === 0 ? [0, 0, 8, 3] : [0, 0, 0, 3],
      // Labels stay on one line; the values wrap.
      noWrap: i === 0 && columns > 1,
    })),
  );
  return { ...borderlessTable(['auto', ...Array.from({ length: columns - 1 }, (): '*' => '*')], body, { paddingY: 0 }), margin: [0, 1, 0, 1] };
}

function blockContent(block: MarkupBlock, ctx: BlockContext): PdfContent[] {
  const size = ctx.fontSize;
  switch (block.type) {
    case 'blank':
      return [{ text: ' ', fontSize: size * 0.6 }];
    case 'rule':
      return [rule(ctx.contentWidth, 0.8)];
    case 'heading': {
      const text = toPdfInlines(block.inlines);
      if (block.level === 1) return [{ text, bold: true, fontSize: size + 4, alignment: 'center', margin: [0, 2, 0, 6], headlineLevel: 1 }];
      if (block.level === 2) {
        const numbered = block.number === null ? text : [`${block.number} `, ...text];
        return [{ text: numbered, bold: true, fontSize: size + 0.5, alignment: 'center', margin: [0, 8, 0, 4], headlineLevel: 2 }];
      }
      return [{ text, bold: true, fontSize: size, margin: [0, 6, 0, 2], headlineLevel: 3 }];
    }
    case 'paragraph':
      return [{ text: toPdfInlines(block.inlines), fontSize: size, alignment: block.align, margin: [0, 0, 0, 2] }];
    case 'clause':
      return [{ text: [`${block.number} `, ...toPdfInlines(block.inlines)], fontSize: size, alignment: 'justify', leadingIndent: 14, margin: [0, 0, 0, 2.5] }];
    case 'bullet':
      return [{ columns: [{ text: '–', width: 12, fontSize: size }, { text: toPdfInlines(block.inlines), width: '*', fontSize: size, alignment: 'justify' }], margin: [10, 0, 0, 1.5] }];
    case 'split':
      return [
        {
          columns: [
            { text: toPdfInlines(block.left), width: '*', fontSize: size },
            { text: toPdfInlines(block.right), width: '*', fontSize: size, alignment: 'right' },
          ],
          margin: [0, 0, 0, 2],
        },
      ];
    case 'field':
      return isEmpty(block.cells.flat()) ? [] : [fieldTable([block.cells], size)];
    case 'directive':
      // Unknown directives, or ones the kind does not allow, print nothing (validation reports them).
      if (!isDirectiveName(block.name) || block.name === 'pagebreak' || !DIRECTIVES_BY_KIND[ctx.kind].includes(block.name)) return [];
      return DIRECTIVE_BUILDERS[block.name](ctx);
  }
}

function withPageBreak(node: PdfContent): PdfContent {
  return typeof node === 'string' ? { text: node, pageBreak: 'before' } : { ...node, pageBreak: 'before' };
}

/** pdfmake content for parsed markup; consecutive `|` field rows share one table, `::pagebreak` breaks before the next block. */
export function buildContent(blocks: readonly MarkupBlock[], ctx: BlockContext): PdfContent[] {
  const out: PdfContent[] = [];
  let breakPending = false;
  let linesAt = -1;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.type === 'directive' && block.name === 'pagebreak') {
      breakPending = out.length > 0;
      continue;
    }
    let nodes: PdfContent[];
    if (block.type === 'field') {
      const rows: MarkupInline[][][] = [];
      for (; i < blocks.length; i++) {
        const next = blocks[i];
        if (next.type !== 'field') break;
        if (!isEmpty(next.cells.slice(1).flat())) rows.push(next.cells);
      }
      i--;
      nodes = rows.length === 0 ? [] : [fieldTable(rows, ctx.fontSize)];
    } else {
      if (breakPending && block.type === 'blank') continue;
      nodes = blockContent(block, ctx);
    }
    if (breakPending && nodes.length > 0) {
      nodes[0] = withPageBreak(nodes[0]);
      breakPending = false;
    }
    if (block.type === 'directive' && (block.name === 'lines' || block.name === 'reconciliation') && nodes.length === 1) linesAt = out.length;
    out.push(...nodes);
  }
  const kept = KEEP_END_KINDS.includes(ctx.kind) && linesAt >= 0 ? keepEndTogether(out, linesAt, ctx.part, ctx.layout.endAlone, trailingTotalRows(ctx.kind)) : out;
  return keepHeadingsWithNext(kept);
}

function isShortOrUnbreakable(node: PdfContent): boolean {
  return typeof node === 'string' || 'text' in node || 'columns' in node || node.unbreakable === true;
}

/**
 * A heading and the block after it are kept on one page by wrapping them in an unbreakable stack
 * when that block is a paragraph or already unbreakable; before a long table the heading keeps its
 * `headlineLevel`, and render's `pageBreakBefore` moves it if it would end a page.
 */
function keepHeadingsWithNext(nodes: PdfContent[]): PdfContent[] {
  const out: PdfContent[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    const next = nodes[i + 1];
    if (typeof node === 'string' || node.headlineLevel === undefined || next === undefined || !isShortOrUnbreakable(next)) {
      out.push(node);
      continue;
    }
    const heading = { ...node };
    delete heading.headlineLevel;
    const following = typeof next === 'string' ? { text: next } : { ...next };
    const pageBreak = heading.pageBreak ?? following.pageBreak;
    delete heading.pageBreak;
    delete following.pageBreak;
    out.push({ stack: [heading, following], unbreakable: true, ...(pageBreak ? { pageBreak } : {}) });
    i++;
  }
  return out;
}
