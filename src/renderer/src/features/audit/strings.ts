import { ORG_LABELS } from '../orgs/strings';

/** The Russian texts of Настройки → Журнал изменений. */
export const AUDIT_TEXT = {
  intro: 'Каждое изменение в базе: кто, когда, что было и что стало. Записи связаны в цепочку — правку в обход программы видно при проверке.',
  person: 'Сотрудник',
  everyone: 'Все',
  system: 'Программа',
  entity: 'Вид записи',
  anyEntity: 'Любой',
  entityId: 'Номер записи',
  from: 'С даты',
  to: 'По дату',
  verify: 'Проверить цепочку',
  chainOk: (n: number) => `Цепочка цела: проверено записей — ${n.toLocaleString('ru-RU')}.`,
  chainBroken: (id: number) => `Цепочка нарушена начиная с записи № ${id}: журнал или данные изменены в обход программы.`,
  more: 'Показать ещё',
  empty: 'Записей по этим условиям нет.',
  columns: { at: 'Когда', who: 'Кто', action: 'Действие', record: 'Запись', changes: 'Было → стало' },
  banner: (id: number) =>
    `Журнал изменений: цепочка записей нарушена начиная с записи № ${id}. Возможно, база изменялась в обход программы.`,
  bannerLink: 'Открыть журнал',
} as const;

/** Record types as the journal names them; types not listed show their own name. */
export const ENTITY_LABELS: Record<string, string> = {
  user: 'Сотрудник',
  organization: 'Организация',
  settings: 'Настройки',
  database: 'База данных',
  client: 'Клиент',
  deal: 'Сделка',
  document: 'Документ',
  payment: 'Платёж',
  sign_in: 'Вход в программу',
};

/** Actions as the journal names them. */
export const ACTION_LABELS: Record<string, string> = {
  create: 'Создание',
  update: 'Изменение',
  delete: 'Удаление',
  status: 'Смена статуса',
  login: 'Вход',
  logout: 'Выход',
  import: 'Импорт',
  issue: 'Выпуск',
  approve: 'Согласование',
  restore: 'Восстановление из копии',
  sign_in_locked: 'Вход заблокирован после неверных паролей',
  sign_in_unlocked: 'Блокировка входа снята',
};

/** Field names of records as the journal shows them; fields not listed show their own name. */
export const FIELD_LABELS: Record<string, string> = {
  ...ORG_LABELS,
  fullName: 'Наименование / ФИО',
  shortName: 'Краткое наименование',
  login: 'Логин',
  role: 'Роль',
  position: 'Должность',
  active: 'Действует',
  password: 'Пароль',
  phone: 'Телефон',
  email: 'Эл. почта',
  inn: 'ИНН',
  kpp: 'КПП',
  account: 'Расчётный счёт',
  bik: 'БИК',
  isDefault: 'Основная',
  idleLockMinutes: 'Блокировка, минут',
  loginDisabled: 'Вход без пароля',
  secondDir: 'Вторая папка для копий',
  from: 'Из копии',
  createdAt: 'Дата копии',
  safetyCopy: 'Копия базы перед восстановлением',
  movedAside: 'Повреждённый файл перенесён в',
  address: 'Адрес компьютера',
  computer: 'Компьютер',
  failures: 'Неудачных попыток',
  until: 'Заблокирован до',
};

/** Fields the journal does not repeat (the record's number is in its own column). */
export const HIDDEN_FIELDS = new Set(['id', 'updatedAt', 'passwordHash']);
