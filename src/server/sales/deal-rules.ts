import { DEAL_STAGES, STAGE_DEFAULT_PROBABILITY, type DealStage, type MoveCheck } from '../../core/index';
import { DEAL_STAGE_VALUES, type DealParsed, type DealStageKey } from '../../shared/api/sales';
import type { DealValues } from '../../db/repos/sales-deals-repo';
import { AppError } from '../app-error';
import type { CallContext } from '../context';
import { assertClientAccess } from '../clients/ownership';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// The contract's stage keys and the core's stages are one list written twice (shared may not import core).
const STAGES_AGREE: Same<DealStageKey, DealStage> = true;

/** True when the contract lists the stages in the core's order (checked by a test). */
export function stageListsAgree(): boolean {
  return STAGES_AGREE && DEAL_STAGE_VALUES.length === DEAL_STAGES.length && DEAL_STAGE_VALUES.every((s, i) => DEAL_STAGES[i] === s);
}

/** Throws CONFLICT with the rule's Russian reason when a move is not allowed. */
export function requireAllowed(check: MoveCheck): void {
  if (!check.ok) throw new AppError('CONFLICT', check.reason);
}

/** Line amount: quantity in thousandths × price, half-up to a kopeck. */
export function lineAmount(quantityMilli: number, priceKopecks: number): number {
  return Number((BigInt(quantityMilli) * BigInt(priceKopecks) * 2n + 1000n) / 2000n);
}

/** Checks the client, key person and manager of a deal form and computes the amount from the lines. */
export async function dealValues(ctx: CallContext, input: DealParsed): Promise<DealValues> {
  const lists = ctx.store.sales.lists;
  await assertClientAccess(ctx, input.clientId);
  const [client] = await lists.clients('', [input.clientId]);
  if (!client) throw new AppError('VALIDATION', 'Клиент не найден', [{ path: 'clientId', message: 'Выберите клиента' }]);
  if (input.contactId !== null && !client.contacts.some((c) => c.id === input.contactId)) {
    throw new AppError('VALIDATION', 'Это ключевое лицо другого клиента', [{ path: 'contactId', message: 'Выберите лицо этого клиента' }]);
  }
  const role = await lists.personRole(input.managerId);
  if (role !== 'manager' && role !== 'head_of_sales' && role !== 'director') {
    throw new AppError('VALIDATION', 'Ответственным может быть только сотрудник отдела продаж', [{ path: 'managerId', message: 'Выберите менеджера' }]);
  }
  const lines = input.lines.map((l) => ({
    name: l.name,
    unit: l.unit,
    quantityMilli: l.quantityMilli,
    priceKopecks: l.priceKopecks,
    catalogItemId: l.catalogItemId,
    amountKopecks: lineAmount(l.quantityMilli, l.priceKopecks),
  }));
  const amountKopecks = lines.length ? lines.reduce((s, l) => s + l.amountKopecks, 0) : input.amountKopecks;
  if (!Number.isSafeInteger(amountKopecks)) throw new AppError('VALIDATION', 'Сумма сделки слишком велика');
  return {
    clientId: input.clientId,
    contactId: input.contactId,
    managerId: input.managerId,
    title: input.title,
    amountKopecks,
    closeMonth: input.closeMonth,
    probability: input.probability,
    // A probability other than the stage's default was set by the person; a default follows the stage.
    probabilityTyped: input.probability !== STAGE_DEFAULT_PROBABILITY[input.stage],
    source: input.source,
    stage: input.stage,
    lines,
  };
}
