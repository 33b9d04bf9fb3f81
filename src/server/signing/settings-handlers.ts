import { isIsoDate } from '../../core/index';
import { AppError } from '../app-error';
import type { HandlerMap } from '../handler-types';
import { refuseStale } from '../stale';

/** The years the calendar table covers (calendar_days_source in the signing migration). */
const FIRST_YEAR = '2015';
const LAST_YEAR = '2045';

/** Сроки подписания и календарь: the rules per kind and the production calendar. */
export const settingsHandlers: HandlerMap<'signing.rules' | 'signing.updateRules' | 'signing.holidays' | 'signing.updateHolidays'> = {
  async 'signing.rules'(_input, ctx) {
    return ctx.store.signing.ruleSet();
  },

  async 'signing.updateRules'(input, ctx) {
    const known = new Set((await ctx.store.signing.rules()).map((r) => r.kind));
    const unknown = input.rules.find((r) => !known.has(r.kind));
    if (unknown) throw new AppError('VALIDATION', `Неизвестный вид документа «${unknown.kind}»`);
    if (new Set(input.rules.map((r) => r.kind)).size !== input.rules.length) throw new AppError('VALIDATION', 'Вид документа указан дважды');
    return refuseStale(() => ctx.store.signing.updateRules(ctx.actor, input.rules, input.version));
  },

  async 'signing.holidays'(_input, ctx) {
    return ctx.store.signing.holidays();
  },

  async 'signing.updateHolidays'(input, ctx) {
    const seen = new Set<string>();
    for (const d of input.days) {
      if (seen.has(d.day)) throw new AppError('VALIDATION', `День ${d.day} указан дважды`);
      seen.add(d.day);
      if (d.day.slice(0, 4) < FIRST_YEAR || d.day.slice(0, 4) > LAST_YEAR) throw new AppError('VALIDATION', `Календарь ведётся с ${FIRST_YEAR} по ${LAST_YEAR} год: ${d.day} вне его`);
      if (!isIsoDate(d.day)) throw new AppError('VALIDATION', `Нет такого дня: ${d.day}`);
    }
    return ctx.store.signing.updateHolidays(ctx.actor, input.days);
  },
};
