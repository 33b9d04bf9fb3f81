import { discountExceeds, effectiveDiscountBp, formatPercent } from '../../core/index';
import type { ApprovalRequest } from '../../db/repos/discount-approvals-repo';
import type { ApprovalDto } from '../../shared/api/document-types';
import { AppError } from '../app-error';
import type { CheckedLine } from './discount-lines';

function label(line: CheckedLine, index: number): string {
  return `Строка ${index + 1} «${line.name}»`;
}

/** The discount as the person reads it: the effective one, off the price list when the line has a list price. */
function discountText(line: CheckedLine): string {
  const bp = effectiveDiscountBp(line);
  return line.listPriceKopecks === null ? `скидка ${formatPercent(bp)}` : `скидка от прайс-листа ${formatPercent(bp)}`;
}

/** True when a line needs an approval beyond `limitBp` (a line agreed in its contract never does). */
function needsApproval(line: CheckedLine, limitBp: number): boolean {
  return !line.agreed && discountExceeds(line, limitBp);
}

function matches(a: ApprovalDto, line: CheckedLine, index: number): boolean {
  return a.linePosition === index + 1 && a.lineName === line.name && !discountExceeds(line, a.requestedBp);
}

/** The newest request that covers a line's discount, if any. */
function coveringRequest(approvals: readonly ApprovalDto[], line: CheckedLine, index: number): ApprovalDto | undefined {
  return approvals.filter((a) => matches(a, line, index)).at(-1);
}

/**
 * Checks a draft being saved: a discount beyond the limit needs an approved or pending request;
 * otherwise it is refused, or (when asked) returned as a new request for the head of sales.
 */
export function discountRequestsOnSave(lines: readonly CheckedLine[], limitBp: number, approvals: readonly ApprovalDto[], requestApproval: boolean): ApprovalRequest[] {
  const requests: ApprovalRequest[] = [];
  lines.forEach((line, i) => {
    if (!needsApproval(line, limitBp)) return;
    const found = coveringRequest(approvals, line, i);
    if (found && found.status !== 'declined') return;
    if (!requestApproval) {
      const declined = found ? ` Запрос на эту скидку отклонён${found.comment ? `: ${found.comment}` : ''}.` : '';
      throw new AppError(
        'VALIDATION',
        `${label(line, i)}: ${discountText(line)} больше вашего лимита ${formatPercent(limitBp)}.${declined} Уменьшите скидку или отправьте её на согласование руководителю отдела продаж`,
        [{ path: `lines.${i}.discountBp`, message: `Не больше ${formatPercent(limitBp)} без согласования` }],
      );
    }
    requests.push({ linePosition: i + 1, lineName: line.name, requestedBp: effectiveDiscountBp(line), limitBp });
  });
  return requests;
}

/** Checks a draft being issued: every discount beyond the issuer's limit must be approved. */
export function assertDiscountsApproved(lines: readonly CheckedLine[], limitBp: number, approvals: readonly ApprovalDto[]): void {
  lines.forEach((line, i) => {
    if (!needsApproval(line, limitBp)) return;
    const found = coveringRequest(approvals, line, i);
    if (found?.status === 'approved') return;
    if (found?.status === 'pending') {
      throw new AppError('CONFLICT', `${label(line, i)}: ${discountText(line)} ждёт согласования — выставить документ пока нельзя`);
    }
    if (found?.status === 'declined') {
      throw new AppError('CONFLICT', `${label(line, i)}: ${discountText(line)} не согласована (${found.decidedBy ?? 'руководитель'}${found.comment ? `: ${found.comment}` : ''}). Измените скидку в черновике`);
    }
    throw new AppError('VALIDATION', `${label(line, i)}: ${discountText(line)} больше лимита ${formatPercent(limitBp)} и не согласована`, [
      { path: `lines.${i}.discountBp`, message: `Не больше ${formatPercent(limitBp)} без согласования` },
    ]);
  });
}
