import { formatDateNumeric, formatMoney, numberInWords, sumKopecks } from '../../core/index';
import type { RegisterParty } from '../../documents/index';
import { SIGNING_KIND_LABELS } from '../../shared/api/signing-types';
import { AppError } from '../app-error';
import { requireUser } from '../context';
import type { HandlerMap } from '../handler-types';
import { localToday, signingScope } from './access';
import { unsignedWorkbook } from './unsigned-xlsx';

const innKpp = (inn: string, kpp: string) => (kpp ? `ИНН ${inn}, КПП ${kpp}` : inn ? `ИНН ${inn}` : '');

/** The transfer register PDF and the «unsigned on a date» workbook. */
export const outputHandlers: HandlerMap<'signing.registerPdf' | 'signing.exportUnsigned'> = {
  async 'signing.registerPdf'(input, ctx) {
    const user = requireUser(ctx);
    const rows = await ctx.store.signing.registerRows(input.documentIds);
    const own = (r: (typeof rows)[number]) => user.role !== 'manager' || r.managerId === user.id || r.clientResponsibleId === user.id;
    const missing = input.documentIds.find((id) => !rows.some((r) => r.documentId === id && own(r)));
    if (missing !== undefined) throw new AppError('NOT_FOUND', `Документ № ${missing} в базе не найден или ещё не выставлен`);
    if (new Set(rows.map((r) => r.clientId)).size > 1) throw new AppError('VALIDATION', 'Реестр составляется для одного клиента: отметьте документы одного клиента');
    if (new Set(rows.map((r) => r.orgId)).size > 1) throw new AppError('VALIDATION', 'Документы выставлены от разных организаций: составьте реестр для каждой');
    const annulled = rows.find((r) => r.state === 'annulled');
    if (annulled) throw new AppError('CONFLICT', `Документ № ${annulled.number} аннулирован и в реестр не входит`);
    const org = await ctx.store.orgs.get(rows[0].orgId);
    const client = await ctx.store.clients.get(rows[0].clientId);
    if (!org || !client) throw new AppError('NOT_FOUND');
    const sender: RegisterParty = { name: org.shortName, innKpp: innKpp(org.inn, org.kpp), address: org.legalAddress, signerPosition: user.position, signerName: user.fullName };
    const recipient: RegisterParty = { name: client.shortName, innKpp: innKpp(client.inn, client.kpp), address: client.legalAddress, signerPosition: '', signerName: '' };
    const today = localToday(ctx);
    const bytes = await ctx.pdf.renderer().print({
      form: 'transferRegister',
      data: {
        dateIso: today,
        sender,
        recipient,
        lines: rows.map((r) => ({ title: SIGNING_KIND_LABELS[r.kind] ?? r.kind, number: r.number, date: formatDateNumeric(r.docDate), amount: formatMoney(r.amountKopecks) })),
        total: formatMoney(sumKopecks(rows.map((r) => r.amountKopecks))),
        countInWords: numberInWords(rows.length),
      },
    });
    return { fileName: `Реестр передачи документов — ${client.shortName.replace(/[\\/:*?"<>|]/g, '')} — ${today}.pdf`, mime: 'application/pdf', base64: Buffer.from(bytes).toString('base64') };
  },

  async 'signing.exportUnsigned'(input, ctx) {
    const rows = await ctx.store.signing.unsignedOn(signingScope(ctx), input.date);
    const days = await ctx.store.signing.holidays();
    const bytes = await unsignedWorkbook(rows, {
      day: input.date,
      rules: await ctx.store.signing.rules(),
      holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.day)),
      workingWeekends: new Set(days.filter((d) => d.kind === 'working').map((d) => d.day)),
    });
    return { fileName: `Неподписанные документы на ${input.date}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: bytes.toString('base64') };
  },
};
