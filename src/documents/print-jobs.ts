// The office's own forms, printed from plain data like the documents are: the transfer register of the
// «Подписи» board, the payroll order and the month's payroll statement. They render in the PDF pool too,
// so the event loop serving the desks never lays one out.
import { renderPayrollOrderPdf, renderPayrollStatementPdf } from './payroll-pdf';
import type { PayrollOrderPrint, PayrollStatementPrint } from './payroll-print-types';
import { renderTransferRegisterPdf, type TransferRegisterPrint } from './register-pdf';

/** One form to print, with its data. */
export type PrintJob =
  | { form: 'transferRegister'; data: TransferRegisterPrint }
  | { form: 'payrollOrder'; data: PayrollOrderPrint }
  | { form: 'payrollStatement'; data: PayrollStatementPrint };

/** The forms a print job may name. */
export const PRINT_FORMS: ReadonlySet<string> = new Set<PrintJob['form']>(['transferRegister', 'payrollOrder', 'payrollStatement']);

/** Renders a print job in this thread, with the fonts of the configured resources directory. */
export function renderPrintJob(job: PrintJob): Promise<Uint8Array> {
  switch (job.form) {
    case 'transferRegister':
      return renderTransferRegisterPdf(job.data);
    case 'payrollOrder':
      return renderPayrollOrderPdf(job.data);
    case 'payrollStatement':
      return renderPayrollStatementPdf(job.data);
  }
}
