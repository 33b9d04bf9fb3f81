// Shapes of what parseBankStatement returns (kept apart so helpers can import them cheaply).
import type { Kopecks } from './money';

/** One «СекцияРасчСчет»: the period and balances of one of our accounts (null = not given). */
export type StatementAccount = {
  account: string;
  dateStart: string | null;
  dateEnd: string | null;
  openingBalance: Kopecks | null;
  totalIn: Kopecks | null;
  totalOut: Kopecks | null;
  closingBalance: Kopecks | null;
};

/** One «СекцияДокумент»: a payment as the bank reported it. Dates are ISO, amounts kopecks. */
export type StatementDocument = {
  /** The value after «СекцияДокумент=», e.g. «Платежное поручение», «Банковский ордер». */
  docType: string;
  number: string;
  date: string;
  amount: Kopecks;
  payerInn: string;
  payerKpp: string;
  /** «Плательщик1», or «Плательщик» without its leading «ИНН 1234567890 ». */
  payerName: string;
  /** «ПлательщикСчет», or «ПлательщикРасчСчет» when the first is empty. */
  payerAccount: string;
  payerBik: string;
  payerCorrAccount: string;
  /** «ПлательщикБанк1». */
  payerBank: string;
  payeeInn: string;
  payeeKpp: string;
  payeeName: string;
  payeeAccount: string;
  payeeBik: string;
  payeeCorrAccount: string;
  payeeBank: string;
  /** «НазначениеПлатежа», or «НазначениеПлатежа1…6» joined with spaces. */
  purpose: string;
  /** «ВидОплаты»: 01 payment order, 17 bank order… */
  operationType: string;
  /** «ДатаСписано», set on our outgoing payments. */
  dateDebited?: string;
  /** «ДатаПоступило», set on our incoming payments. */
  dateCredited?: string;
  /** Keys the 1C format does not define, kept so nothing is lost. */
  extra: Record<string, string>;
  /** Line number of the «СекцияДокумент» line. */
  line: number;
};
