// What a block directive's builder gets: the view-model, page geometry and the uploaded images.
import type { DocumentKind } from './kinds';
import type { Facsimile } from './pdf-helpers';
import type { DocumentViewModel } from './view-model-types';

/** Inputs shared by every block builder of one document. */
export type BlockContext = {
  vm: DocumentViewModel;
  kind: DocumentKind;
  /** Width available for content, in points. */
  contentWidth: number;
  /** Base font size of the document. */
  fontSize: number;
  /** Our stamp and facsimile signature (image keys), when uploaded and the template asks for them with `::stamp`. */
  facsimile?: Facsimile;
  /** Our logo's image key, when uploaded and the template has `::logo`. */
  logo?: string;
  /** True when the template has `::signatures`, which then carries the facsimile. */
  hasSignatures: boolean;
  /** Index of the document within the PDF (a bundle has several). */
  part: number;
  /** What the first layout pass learned: the part's page count, and whether its end stood alone on a page. */
  layout: PartLayout;
};

/** Layout facts of one document, from the previous rendering pass (sheets: null on the first pass). */
export type PartLayout = {
  sheets: number | null;
  endAlone: boolean;
  /** ТОРГ-12: the page each table line landed on (for «Итого» per page), or null. */
  rowPages: number[] | null;
};

/** Role names of our side and the client's, by kind; a private person buys from a «Продавец» (розничная купля-продажа). */
export function roleLabels(kind: DocumentKind, buyerIsPerson = false): [string, string] {
  if (buyerIsPerson && kind === 'contract_supply') return ['Продавец', 'Покупатель'];
  switch (kind) {
    case 'contract_services':
    case 'act_services':
      return ['Исполнитель', 'Заказчик'];
    case 'upd':
    case 'invoice_factura':
      return ['Продавец', 'Покупатель'];
    default:
      return ['Поставщик', 'Покупатель'];
  }
}
