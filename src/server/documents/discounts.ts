import { formatPercent } from '../../core/index';
import type { ApprovalRequest } from '../../db/repos/discount-approvals-repo';
import type { ApprovalDto, DocumentLineParsed } from '../../shared/api/document-types';
import { AppError } from '../app-error';

type Line = Pick<DocumentLineParsed, 'name' | 'discountBp'>;

function label(line: Line, index: number): string {
  return `Строка ${index + 1} «${line.name}»`;
}

function matches(a: ApprovalDto, line: Line, index: number): boolean {
  return a.linePosition === index + 1 && a.lineName === line.name && a.requestedBp >= line.discountBp;
}

/** The newest request that covers a line's discount, if any. */
function coveringRequest(approvals: readonly ApprovalDto[], line: Line, index: number): ApprovalDto | undefined {
  return approvals.filter((a) => matches(a, line, index)).at(-1);
}

/**
 * Checks a draft being saved: a discount beyond the limit needs an approved or pending request;
 * otherwise it is refused, or (when asked) returned as a new request for the head of sales.
 */
export function discountRequestsOnSave(lines: readonly Line[], limitBp: number, approvals: readonly ApprovalDto[], requestApproval: boolean): ApprovalRequest[] {
  const requests: ApprovalRequest[] = [];
  lines.forEach((line, i) => {
    if (line.discountBp <= limitBp) return;
    const found = coveringRequest(approvals, line, i);
    if (found && found.status !== 'declined') return;
    if (!requestApproval) {
      const declined = found ? ` Запрос на эту скидку отклонён${found.comment ? `: ${found.comment}` : ''}.` : '';
      throw new AppError(
        'VALIDATION',
        `${label(line, i)}: скидка ${formatPercent(line.discountBp)} больше вашего лимита ${formatPercent(limitBp)}.${declined} Уменьшите скидку или отправьте её на согласование руководителю отдела продаж`,
        [{ path: `lines.${i}.discountBp`, message: `Не больше ${formatPercent(limitBp)} без согласования` }],
      );
    }
    requests.push({ linePosition: i + 1, lineName: line.name, requestedBp: line.discountBp, limitBp });
  });
  return requests;
}

/** Checks a draft being issued: every discount beyond the issuer's limit must be approved. */
export function assertDiscountsApproved(lines: readonly Line[], limitBp: number, approvals: readonly ApprovalDto[]): void {
  lines.forEach((line, i) => {
    if (line.discountBp <= limitBp) return;
    const found = coveringRequest(approvals, line, i);
    if (found?.status === 'approved') return;
    if (found?.status === 'pending') {
      throw new AppError('CONFLICT', `${label(line, i)}: скидка ${formatPercent(line.discountBp)} ждёт согласования руководителем отдела продаж — выставить документ пока нельзя`);
    }
    if (found?.status === 'declined') {
      throw new AppError('CONFLICT', `${label(line, i)}: скидка ${formatPercent(line.discountBp)} не согласована (${found.decidedBy ?? 'руководитель'}${found.comment ? `: ${found.comment}` : ''}). Измените скидку в черновике`);
    }
    throw new AppError('VALIDATION', `${label(line, i)}: скидка ${formatPercent(line.discountBp)} больше лимита ${formatPercent(limitBp)} и не согласована`, [
      { path: `lines.${i}.discountBp`, message: `Не больше ${formatPercent(limitBp)} без согласования` },
    ]);
  });
}
