// Prepared, printable data for the payroll order and the payroll statement: strings only, formatted
// by the caller, so the PDF builders never see live records.

/** A two-column table of the order (band → rate, band → K, band → bonus). */
export type PayrollPrintTable = { title: string; head: [string, string]; rows: [string, string][] };

/** One person the order covers: gets an acquaintance sheet. */
export type PayrollPrintPerson = { fullName: string; position: string; acknowledgedAt: string | null };

/** The order (приказ по оплате труда) as printed. */
export type PayrollOrderPrint = {
  orgName: string;
  /** Empty for a draft: printed as «ПРОЕКТ». */
  number: string;
  /** ISO date of the order (approval day), or null for a draft. */
  dateIso: string | null;
  title: string;
  validity: string;
  coverage: string;
  /** Numbered points of the order, in order, each with the tables printed under it. */
  points: { text: string; tables?: PayrollPrintTable[] }[];
  conditions: string;
  directorPosition: string;
  directorName: string;
  approvedNote: string | null;
  people: PayrollPrintPerson[];
};

/** One row of the statement. */
export type PayrollStatementPrintRow = {
  fullName: string;
  cells: string[];
  problem: string | null;
  explanation: { label: string; value: string }[];
};

/** The month's payroll statement as printed. */
export type PayrollStatementPrint = {
  orgName: string;
  monthTitle: string;
  /** The last day of the month: the PDF's fixed creation date. */
  dateIso: string;
  status: string;
  head: string[];
  rows: PayrollStatementPrintRow[];
  totals: string[];
  approvedNote: string | null;
  directorPosition: string;
  directorName: string;
};
