// The subset of pdfmake's document-definition format that the layout code produces.

/** Horizontal alignment of a paragraph or cell. */
export type PdfAlignment = 'left' | 'right' | 'center' | 'justify';

/** pdfmake margins: all sides, [horizontal, vertical] or [left, top, right, bottom]. */
export type PdfMargin = number | [number, number] | [number, number, number, number];

/** Column width: points, a share of the rest ('*') or the content's own width ('auto'). */
export type PdfWidth = number | '*' | 'auto';

/** Text styling that any node may carry. */
export type PdfStyle = {
  bold?: boolean;
  italics?: boolean;
  fontSize?: number;
  alignment?: PdfAlignment;
  margin?: PdfMargin;
  color?: string;
  lineHeight?: number;
  noWrap?: boolean;
  decoration?: 'underline';
  preserveLeadingSpaces?: boolean;
};

/** Properties shared by every node, including those only meaningful inside tables and columns. */
export type PdfNodeBase = PdfStyle & {
  id?: string;
  pageBreak?: 'before' | 'after';
  unbreakable?: boolean;
  width?: PdfWidth;
  colSpan?: number;
  rowSpan?: number;
  border?: [boolean, boolean, boolean, boolean];
  fillColor?: string;
  relativePosition?: { x: number; y: number };
  /** Marks headings, which must not end a page (see `pageBreakBefore`). */
  headlineLevel?: number;
};

/** A run of text inside a paragraph. */
export type PdfInline = string | (PdfStyle & { text: string | PdfInline[] });

/** A paragraph. */
export type PdfTextNode = PdfNodeBase & { text: string | PdfInline[]; leadingIndent?: number };

/** A table layout: line widths and paddings per index. */
export type PdfTableLayout = {
  hLineWidth?: (i: number, node: PdfTableNode) => number;
  vLineWidth?: (i: number, node: PdfTableNode) => number;
  hLineColor?: (i: number) => string;
  vLineColor?: (i: number) => string;
  paddingLeft?: (i: number) => number;
  paddingRight?: (i: number) => number;
  paddingTop?: (i: number) => number;
  paddingBottom?: (i: number) => number;
};

/** A table; body rows are arrays of cells. */
export type PdfTableNode = PdfNodeBase & {
  table: {
    headerRows?: number;
    keepWithHeaderRows?: number;
    dontBreakRows?: boolean;
    widths: PdfWidth[];
    body: PdfContent[][];
  };
  layout?: PdfTableLayout | 'noBorders' | 'lightHorizontalLines' | 'headerLineOnly';
};

/** Side-by-side columns. */
export type PdfColumnsNode = PdfNodeBase & { columns: PdfContent[]; columnGap?: number };

/** Vertically stacked nodes. */
export type PdfStackNode = PdfNodeBase & { stack: PdfContent[] };

/** An image registered in the definition's `images` map (or a data URL). */
export type PdfImageNode = PdfNodeBase & { image: string; fit?: [number, number]; height?: number };

/** A vector line. */
export type PdfCanvasLine = { type: 'line'; x1: number; y1: number; x2: number; y2: number; lineWidth?: number };

/** Vector drawing (rules under headers, signature lines). */
export type PdfCanvasNode = PdfNodeBase & { canvas: PdfCanvasLine[] };

/** Anything that can appear in content, a stack, a column or a table cell. */
/** A QR code pdfmake draws itself (vector squares); `fit` is its side in points. */
export type PdfQrNode = PdfNodeBase & { qr: string; fit?: number; eccLevel?: 'L' | 'M' | 'Q' | 'H'; foreground?: string; background?: string };

export type PdfContent = string | PdfTextNode | PdfTableNode | PdfColumnsNode | PdfStackNode | PdfImageNode | PdfCanvasNode | PdfQrNode;

/** Footer callback: page numbers are global to the pdfmake document. */
export type PdfFooter = (currentPage: number, pageCount: number) => PdfContent | null;

/** What pdfmake tells `pageBreakBefore` about a laid-out node. */
export type PdfNodeInfo = {
  id?: string;
  headlineLevel?: number;
  text?: unknown;
  image?: unknown;
  /** Where the node starts: `top` is from the page's top edge, the inner height excludes margins. */
  startPosition?: { pageOrientation: 'portrait' | 'landscape'; pageInnerHeight: number; top: number };
  /** The pages the node spans, 1-based. */
  pageNumbers?: number[];
};

/** Helpers pdfmake passes to `pageBreakBefore`. */
export type PdfPageBreakHelpers = { getFollowingNodesOnPage: () => PdfNodeInfo[]; getPreviousNodesOnPage: () => PdfNodeInfo[] };

/** Background callback, called while pages are laid out. */
export type PdfBackground = (currentPage: number) => PdfContent | null;

/** A section starts on a new page and may change orientation and footer. */
export type PdfSectionNode = {
  section: PdfContent[];
  pageOrientation: 'portrait' | 'landscape';
  pageMargins: [number, number, number, number];
  footer: PdfFooter;
  background: PdfBackground;
  /** Text printed diagonally across every page of the section («ЧЕРНОВИК» on drafts). */
  watermark?: PdfWatermark;
};

/** A section's watermark. */
export type PdfWatermark = { text: string; color: string; opacity: number; bold: boolean };

/** Fixed metadata written into the PDF's info dictionary. */
export type PdfInfo = {
  title: string;
  author: string;
  subject: string;
  creator: string;
  producer: string;
  creationDate: Date;
  modDate: Date;
};

/** The whole document definition handed to pdfmake. */
export type PdfDocDefinition = {
  info: PdfInfo;
  pageSize: 'A4';
  pageOrientation: 'portrait' | 'landscape';
  pageMargins: [number, number, number, number];
  defaultStyle: { font: string; fontSize: number; lineHeight: number };
  images: Record<string, string>;
  content: PdfSectionNode[];
  pageBreakBefore: (node: PdfNodeInfo, helpers: PdfPageBreakHelpers) => boolean;
};
