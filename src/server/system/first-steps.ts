import type { FirstStepDto } from '../../shared/api/system';
import type { HandlerMap } from '../handler-types';

/** The home page's «Первые шаги»: what a new office still has to do, each step ticked from the data. */
export const firstStepsHandlers: HandlerMap<'home.firstSteps'> = {
  async 'home.firstSteps'(_input, ctx) {
    const c = await ctx.store.firstSteps.counts();
    const steps: FirstStepDto[] = [
      { key: 'requisites', label: 'Реквизиты организации и банковский счёт', done: c.orgsWithBank > 0, link: '/settings/orgs' },
      { key: 'staff', label: 'Сотрудники и их роли', done: c.otherStaff > 0, link: '/settings/users' },
      { key: 'discounts', label: 'Лимиты скидок по ролям', done: c.discountLimits > 0, link: '/directories' },
      { key: 'plans', label: 'Планы продаж утверждены', done: c.approvedPlans > 0, link: '/plans/grid' },
      { key: 'objections', label: 'Возражения и ответы на них', done: c.objections > 0, link: '/directories' },
      { key: 'client', label: 'Первый клиент', done: c.clients > 0, link: '/clients' },
      { key: 'bundle', label: 'Первый комплект документов (договор и счёт)', done: c.issuedBundles > 0, link: '/documents' },
      { key: 'statement', label: 'Первая выписка банка', done: c.bankStatements > 0, link: '/payments/import' },
      { key: 'closer', label: 'Кто закрывает месяц (бухгалтер или назначенный директором)', done: c.accountants > 0 || c.closerNamed, link: '/settings/general' },
    ];
    return { steps, allDone: steps.every((s) => s.done) };
  },
};
