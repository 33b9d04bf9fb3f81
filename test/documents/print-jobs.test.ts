// The office's forms (the transfer register, the payroll order and statement) print in the PDF pool as
// they print in this thread: the same bytes, the same text; a task naming no known form is refused.
import { describe, expect, it } from 'vitest';
import type { PrintJob } from '../../src/documents/index';
import { renderPrintJob } from '../../src/documents/print-jobs';
import { onePdfThread } from './one-pdf-thread';
import { pdfText } from './pdf-text';

const party = { name: 'ООО «Ромашка»', innKpp: 'ИНН 7707083893, КПП 770701001', address: 'г. Москва, ул. Мясницкая, д. 1', signerPosition: 'Менеджер', signerName: 'Иванов Иван Иванович' };

const JOBS: { job: PrintJob; shows: string[] }[] = [
  {
    job: {
      form: 'transferRegister',
      data: {
        dateIso: '2026-12-07',
        sender: party,
        recipient: { ...party, name: 'ООО «Вектор»', signerPosition: '', signerName: '' },
        lines: Array.from({ length: 120 }, (_, i) => ({ title: 'Акт выполненных работ', number: `А-${i + 1}`, date: '01.12.2026', amount: '1 000,00' })),
        total: '120 000,00',
        countInWords: 'сто двадцать',
      },
    },
    shows: ['РЕЕСТР ПЕРЕДАЧИ ДОКУМЕНТОВ', 'от 7 декабря 2026 г.', 'А-1 ', 'А-120', 'Всего передано документов: 120 (сто двадцать) на сумму 120 000,00 руб.'],
  },
  {
    job: {
      form: 'payrollOrder',
      data: {
        orgName: 'ООО «Ромашка»',
        number: '3-ЗП',
        dateIso: '2026-12-01',
        title: 'Об оплате труда менеджеров по продажам',
        validity: 'с 1 декабря 2026 г.',
        coverage: 'менеджеры по продажам',
        points: [{ text: 'Установить премию от выполнения плана.', tables: [{ title: 'Ставки', head: ['Выполнение плана', 'Ставка'], rows: [['от 90% до 100%', '5%']] }] }],
        conditions: 'Премия начисляется по итогам месяца.',
        directorPosition: 'Генеральный директор',
        directorName: 'Петров Пётр Петрович',
        approvedNote: null,
        people: [{ fullName: 'Иванов Иван Иванович', position: 'Менеджер', acknowledgedAt: null }],
      },
    },
    shows: ['ПРИКАЗ № 3-ЗП', 'от 90% до 100%', 'ЛИСТ ОЗНАКОМЛЕНИЯ', 'Иванов Иван Иванович'],
  },
  {
    job: {
      form: 'payrollStatement',
      data: {
        orgName: 'ООО «Ромашка»',
        monthTitle: 'ноябрь 2026',
        dateIso: '2026-11-30',
        status: 'Утверждена',
        head: ['Сотрудник', 'План', 'Факт', '%', 'Оклад', 'Премия', 'Итого'],
        rows: [{ fullName: 'Иванов Иван Иванович', cells: ['1 000 000,00', '950 000,00', '95', '100 000,00', '47 500,00', '147 500,00'], problem: null, explanation: [{ label: 'Премия', value: '5% от факта' }] }],
        totals: ['1 000 000,00', '950 000,00', '', '100 000,00', '47 500,00', '147 500,00'],
        approvedNote: null,
        directorPosition: 'Генеральный директор',
        directorName: 'Петров Пётр Петрович',
      },
    },
    shows: ['ноябрь 2026', 'Иванов Иван Иванович', '147 500,00'],
  },
];

describe('the office forms in the PDF pool', () => {
  const pool = onePdfThread();

  for (const { job, shows } of JOBS) {
    it(`prints the ${job.form} with the bytes and text it has in this thread`, async () => {
      const [pooled, here] = await Promise.all([pool().print(job), renderPrintJob(job)]);
      expect(Buffer.from(pooled).equals(Buffer.from(here))).toBe(true);
      const text = await pdfText(pooled);
      for (const part of shows) expect(text).toContain(part);
    });
  }

  it('refuses a task that names no form it knows, and goes on printing', async () => {
    const unknown = { form: 'payslip', data: {} } as unknown as PrintJob;
    await expect(pool().print(unknown)).rejects.toThrow('Неверное задание для формирования PDF');
    expect((await pool().print(JOBS[0].job)).byteLength).toBeGreaterThan(1000);
  });
});
