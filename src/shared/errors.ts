/** Error codes that cross the process boundary; the Russian texts below are the one place users read them. */
export const ERROR_CODES = [
  'VALIDATION',
  'INVALID_REQUISITES',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'BAD_CREDENTIALS',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'STALE',
  'SETUP_DONE',
  'SETUP_REQUIRED',
  'READ_ONLY',
  'BUSY',
  'UNTRUSTED_SENDER',
  'UNKNOWN_ENTRY',
  'NO_CONNECTION',
  'INTERNAL',
] as const;

/** One error code. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A problem with one field of the input. */
export interface FieldError {
  path: string;
  message: string;
}

/** An error as data: a code, a Russian message and optional details. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: { fields?: FieldError[] };
}

/** What every API call resolves to: data or an error, never a thrown exception. */
export type Envelope<T> = { data: T; error?: undefined } | { error: ApiError; data?: undefined };

/** The default Russian text of each error code. */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION: 'Проверьте введённые данные',
  INVALID_REQUISITES: 'Реквизиты заполнены с ошибками',
  UNAUTHENTICATED: 'Войдите в программу',
  SESSION_EXPIRED: 'Сеанс завершён из-за бездействия — войдите снова',
  BAD_CREDENTIALS: 'Неверный логин или пароль',
  FORBIDDEN: 'Недостаточно прав для этого действия',
  NOT_FOUND: 'Запись не найдена',
  CONFLICT: 'Действие противоречит уже сохранённым данным',
  STALE: 'Запись изменена другим сотрудником',
  SETUP_DONE: 'Программа уже настроена',
  SETUP_REQUIRED: 'Сначала заполните сведения об организации',
  READ_ONLY: 'База открыта только для чтения: изменения сейчас невозможны',
  BUSY: 'Идёт восстановление базы из резервной копии — повторите через минуту',
  UNTRUSTED_SENDER: 'Запрос отклонён: неизвестный источник',
  UNKNOWN_ENTRY: 'Неизвестная команда',
  NO_CONNECTION: 'Нет связи с главным компьютером офиса',
  INTERNAL: 'Внутренняя ошибка программы. Данные не изменены',
};
