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
  columns: { at: 'Когда', what: 'Кто и что сделал', changes: 'Было → стало' },
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
