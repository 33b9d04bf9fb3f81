import type { Role } from '../../../shared/roles';

/** One section of the navigation. */
export interface Section {
  path: string;
  label: string;
  /** Roles that see the section; undefined = everyone. */
  roles?: readonly Role[];
}

/** The sections of the app, in navigation order. */
export const SECTIONS: Section[] = [
  { path: '/deals', label: 'Сделки' },
  { path: '/clients', label: 'Клиенты' },
  { path: '/documents', label: 'Документы' },
  { path: '/signatures', label: 'Подписи' },
  { path: '/payments', label: 'Платежи' },
  { path: '/plans', label: 'Планы и прогноз' },
  { path: '/payroll', label: 'Зарплата' },
  { path: '/reports', label: 'Отчёты' },
  { path: '/directories', label: 'Справочники' },
  { path: '/settings', label: 'Настройки' },
];
