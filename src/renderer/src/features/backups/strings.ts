import { pluralRu } from '../../../../core/index';
import type { BackupInfo, BackupProgress, BackupProgressCount } from '../../../../shared/api/backup';

/** The Russian texts of Настройки → Резервные копии and of the restore dialog. */
export const BACKUP_TEXT = {
  intro:
    'Программа сама сохраняет копию базы и вложений раз в день и перед каждым обновлением структуры. Хранятся 7 ежедневных, 4 еженедельных и 12 ежемесячных копий.',
  makeNow: 'Создать копию сейчас',
  making: 'Создаётся копия…',
  made: 'Резервная копия создана',
  empty: 'Копий пока нет: первая появится после настройки программы или по кнопке «Создать копию сейчас».',
  secondDir: 'Вторая папка для копий',
  secondDirHint: 'Флешка, внешний диск или сетевая папка: каждая копия записывается и туда.',
  secondDirNone: 'не задана',
  chooseDir: 'Выбрать папку…',
  clearDir: 'Не копировать во вторую папку',
  lastFullCheck: 'Последняя полная проверка базы',
  never: 'ещё не выполнялась',
  inspect: 'Проверить и восстановить…',
  onlyDirectorRestores: 'Восстанавливать базу из копии может директор.',
  columns: { createdAt: 'Создана', kind: 'Вид', location: 'Где', size: 'Размер', files: 'Вложений' },
  checking: 'Проверяем копию…',
  restoreTitle: 'Восстановление из резервной копии',
  checkOk: 'Копия проверена: файл цел, ссылки в порядке, структура совпадает с той, что создаёт эта версия программы.',
  overrideLabel: 'Почему восстанавливаете копию с нарушенным журналом изменений',
  overrideHint: 'Журнал копии могли изменить в обход программы. Причина (не короче 15 знаков) останется в журнале восстановленной базы.',
  checkFailed: 'Копия не прошла проверку — восстановить из неё нельзя',
  warnings: 'Обратите внимание',
  contents: 'Что в копии',
  lastChange: 'Последнее изменение в копии',
  confirmLabel: 'Я понимаю, что текущая база будет заменена содержимым этой копии',
  confirmHint: 'Перед заменой программа сохранит копию текущей базы (вид «перед восстановлением»).',
  restore: 'Восстановить',
  cancel: 'Отмена',
  restored: 'База восстановлена из копии. Войдите снова.',
  restoring: 'Восстанавливаем базу…',
} as const;

/** Kinds of backup as the list names them. */
export const KIND_LABELS: Record<BackupInfo['kind'], string> = {
  daily: 'ежедневная',
  weekly: 'еженедельная',
  monthly: 'ежемесячная',
  manual: 'вручную',
  'before-migration': 'перед обновлением',
  'before-restore': 'перед восстановлением',
  external: 'из выбранной папки',
};

/** Where the backup lies. */
export const LOCATION_LABELS: Record<BackupInfo['location'], string> = {
  primary: 'папка данных',
  second: 'вторая папка',
  external: 'выбранная папка',
};

/** Phases of making a backup, for the progress bar. */
export const PHASE_LABELS = {
  database: 'Копируем базу данных',
  files: 'Копируем вложения',
  verify: 'Проверяем копию',
  second: 'Записываем во вторую папку',
  safety: 'Сохраняем копию текущей базы',
  replace: 'Заменяем базу содержимым копии',
} as const;

/** Tables of the base as the restore dialog names them; tables not listed show their own name. */
export const TABLE_LABELS: Record<string, string> = {
  users: 'Сотрудники',
  organizations: 'Организации',
  audit_log: 'Записи журнала изменений',
  clients: 'Клиенты',
  deals: 'Сделки',
  documents: 'Документы',
  payments: 'Платежи',
};

/** «…and N more tables» under the labelled ones. */
export function otherTables(tables: number, rows: number): string {
  return `Прочие таблицы: ${tables}, записей в них — ${rows.toLocaleString('ru-RU')}`;
}

/** A date-time in Russian: «26.11.2026, 12:00». */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('ru-RU', { dateStyle: 'short', timeStyle: 'short' });
}

/** How much of a backup's step is done: «12,4 из 115,0 МБ» of the base, «3 из 21 файла» of the attachments. */
export function progressCountText(count: BackupProgressCount): string {
  const mb = (n: number): string => n.toFixed(1).replace('.', ',');
  if (count.of === 'megabytes') return `${mb(count.done)} из ${mb(count.total)} МБ`;
  return `${count.done} из ${count.total} ${pluralRu(count.total, 'файла', 'файлов', 'файлов')}`;
}

/** A backup's or restore's step as the progress bar's line: «Копируем вложения · 3 из 21 файла · 71 %». */
export function progressLine(progress: BackupProgress): string {
  const count = progress.count ? [progressCountText(progress.count)] : [];
  return [PHASE_LABELS[progress.phase], ...count, `${Math.round(progress.fraction * 100)} %`].join(' · ');
}

/** A size in Russian units. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} КБ`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} МБ`;
}

/** The recovery screen shown when the base failed its check. */
export const RECOVERY_TEXT = {
  title: 'База данных повреждена',
  readOnly: 'Изменения сейчас невозможны',
  found: 'Проверка файла базы нашла ошибку:',
  explain: 'Программа открыла базу только для чтения, чтобы ничего не потерять. Восстановите последнюю исправную резервную копию.',
  signIn: 'Войдите как директор, чтобы восстановить базу из резервной копии.',
  notDirector: 'Восстановить базу из копии может только директор. Обратитесь к нему.',
  looking: 'Ищем последнюю исправную копию…',
  newest: 'Последняя исправная копия',
  none: 'Исправных копий не найдено. Обратитесь к специалисту: не удаляйте папку данных программы.',
  restore: 'Восстановить из этой копии…',
  login: 'Логин',
  password: 'Пароль',
  enter: 'Войти',
} as const;
