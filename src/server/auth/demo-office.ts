import type { OrgInput } from '../../shared/api/orgs';
import { DEMO_PASSWORD } from '../../shared/demo';
import type { Role } from '../../shared/roles';
import type { UserWithHash } from '../../db/repos/users-repo';
import { AppError } from '../app-error';
import type { AppContext } from '../context';
import { DEMO_FILLERS } from '../demo-fillers';
import { hashPassword } from '../passwords';


/** Our demo company: the same requisites as the reference bank statement, so it can be imported. */
export const DEMO_ORG: OrgInput = {
  kind: 'legal',
  fullName: 'Общество с ограниченной ответственностью «Вектор Плюс»',
  shortName: 'ООО «Вектор Плюс»',
  inn: '7704990011',
  kpp: '770401001',
  ogrn: '1027700990019',
  legalAddress: '119034, г. Москва, ул. Пречистенка, д. 10, офис 5',
  postalAddress: '119034, г. Москва, ул. Пречистенка, д. 10, офис 5',
  bik: '044525225',
  bankName: 'ПАО Сбербанк',
  corrAccount: '30101810400000000225',
  account: '40702810738000000777',
  directorPosition: 'Генеральный директор',
  directorName: 'Соколов Андрей Викторович',
  accountantName: 'Волкова Татьяна Ивановна',
  phone: '+7 495 123-45-67',
  email: 'office@vector-plus.example',
  defaultVatRate: '22',
};

/** The demo office's people: login, name, position, role. */
export const DEMO_PEOPLE: { login: string; fullName: string; position: string; role: Role }[] = [
  { login: 'director', fullName: 'Соколов Андрей Викторович', position: 'Генеральный директор', role: 'director' },
  { login: 'morozova', fullName: 'Морозова Елена Сергеевна', position: 'Руководитель отдела продаж', role: 'head_of_sales' },
  { login: 'ivanov', fullName: 'Иванов Пётр Алексеевич', position: 'Менеджер по продажам', role: 'manager' },
  { login: 'kuznetsova', fullName: 'Кузнецова Анна Дмитриевна', position: 'Менеджер по продажам', role: 'manager' },
  { login: 'smirnov', fullName: 'Смирнов Дмитрий Олегович', position: 'Менеджер по продажам', role: 'manager' },
  { login: 'pavlova', fullName: 'Павлова Ольга Николаевна', position: 'Офис-менеджер', role: 'office_manager' },
  { login: 'volkova', fullName: 'Волкова Татьяна Ивановна', position: 'Главный бухгалтер', role: 'accountant' },
];

/** Fills a fresh base with a realistic demo office; areas add their own demo records after this. */
export async function fillDemoOffice(ctx: AppContext): Promise<{ director: UserWithHash; password: string }> {
  const people = await Promise.all(
    DEMO_PEOPLE.map(async (p) => ({ ...p, passwordHash: await hashPassword(DEMO_PASSWORD) })),
  );
  const [first, ...rest] = people;
  const done = await ctx.store.setup.complete(DEMO_ORG, [first, ...rest]);
  if (!done) throw new AppError('SETUP_DONE');
  for (const fill of DEMO_FILLERS) await fill(ctx, { userId: done.user.id, userName: done.user.fullName });
  return { director: done.user, password: DEMO_PASSWORD };
}
