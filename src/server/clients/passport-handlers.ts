import { AppError } from '../app-error';
import type { HandlerMap } from '../handler-types';
import { editableCard, openCard } from './card-handlers';

/** A private person's passport data: read with the card, saved by whoever may edit the card; persons only. */
export const clientPassportHandlers: HandlerMap<'clients.passport' | 'clients.savePassport'> = {
  async 'clients.passport'(input, ctx) {
    await openCard(ctx, input.clientId);
    return ctx.store.clientPassports.get(input.clientId);
  },
  async 'clients.savePassport'(input, ctx) {
    const card = await editableCard(ctx, input.clientId);
    if (card.kind !== 'person') throw new AppError('VALIDATION', 'Паспортные данные указываются только у физического лица', [{ path: 'clientId', message: 'Клиент — не физическое лицо' }]);
    return ctx.store.clientPassports.save(ctx.actor, input.clientId, input.passport);
  },
};
