// The app's sections and what each needs: a section is in a role's menu only when the role may call
// one of the entries the section opens with (the contract's own `access`, so the menu cannot drift).
import { contract, type EntryName } from './contract';
import type { Role } from './roles';

/** One section of the navigation. */
export interface Section {
  path: string;
  label: string;
  /** The entries the section's pages open with; the section shows when any of them admits the role. */
  entries: readonly EntryName[];
}

/** The sections of the app, in navigation order. */
export const SECTIONS: readonly Section[] = [
  { path: '/deals', label: 'Сделки', entries: ['deals.list'] },
  { path: '/clients', label: 'Клиенты', entries: ['clients.list'] },
  { path: '/documents', label: 'Документы', entries: ['documents.list'] },
  { path: '/signatures', label: 'Подписи', entries: ['signing.board'] },
  { path: '/payments', label: 'Платежи', entries: ['payments.list'] },
  { path: '/plans', label: 'Планы и прогноз', entries: ['plans.planFact', 'forecast.get', 'inbound.list'] },
  { path: '/payroll', label: 'Зарплата', entries: ['payroll.statements.list', 'payroll.orders.list'] },
  { path: '/reports', label: 'Отчёты', entries: ['commercialReport.get'] },
  { path: '/directories', label: 'Справочники', entries: ['objections.list'] },
  { path: '/settings', label: 'Настройки', entries: ['settings.get'] },
];

/** Whether a role may call an entry (public entries admit everyone). */
export function roleMayCall(role: Role, name: EntryName): boolean {
  const access = contract[name].access;
  return access === 'public' || access === 'signed_in' || access.includes(role);
}

/** The sections a role sees in its menu and on the home page. */
export function sectionsFor(role: Role): Section[] {
  return SECTIONS.filter((s) => s.entries.some((e) => roleMayCall(role, e)));
}
