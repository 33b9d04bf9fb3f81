/** The office roles; every API entry names which of them may call it. */
export const ROLES = ['director', 'head_of_sales', 'manager', 'office_manager', 'accountant'] as const;

/** One of the office roles. */
export type Role = (typeof ROLES)[number];

/** Russian titles of the roles, as shown to users. */
export const ROLE_TITLES: Record<Role, string> = {
  director: 'Директор',
  head_of_sales: 'Руководитель отдела продаж',
  manager: 'Менеджер по продажам',
  office_manager: 'Офис-менеджер',
  accountant: 'Бухгалтер',
};

/** Every role: for entries any signed-in person may call. */
export const ANY_ROLE: readonly Role[] = ROLES;

/** Roles that manage the office's people and settings. */
export const DIRECTOR_ONLY: readonly Role[] = ['director'];
