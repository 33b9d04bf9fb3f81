import { dialog, type BrowserWindow } from 'electron';
import type { BackupInspection } from '../shared/api/backup';
import type { ApiInput, ApiResult, EntryName } from '../shared/contract';
import type { Envelope } from '../shared/errors';
import { registerExternalBackup } from '../server/backup/state';
import type { AppContext } from '../server/context';
import { invoke } from '../server/invoke';

const TITLE = 'Резервная копия';
const MAIN_TABLES: Record<string, string> = { users: 'Сотрудники', organizations: 'Организации', clients: 'Клиенты', deals: 'Сделки', audit_log: 'Записи журнала' };

/** The menu's calls go through the same wrapper as the window's: the session's role is checked there. */
function call<K extends EntryName>(app: AppContext, name: K, input: ApiInput<K>): Promise<Envelope<ApiResult<K>>> {
  // invoke() resolves to entry K's result for entry K; the wrapper itself is typed for any entry.
  return invoke(app, name, input) as Promise<Envelope<ApiResult<K>>>;
}

async function fail(win: BrowserWindow, message: string, detail: string): Promise<void> {
  await dialog.showMessageBox(win, { type: 'error', title: TITLE, message, detail });
}

/** Asks for a folder with the native dialog; the path never comes from the renderer. */
export async function pickFolder(win: BrowserWindow, title: string): Promise<string | null> {
  const res = await dialog.showOpenDialog(win, { title, properties: ['openDirectory', 'createDirectory'] });
  return res.canceled ? null : (res.filePaths[0] ?? null);
}

/** Файл → «Создать резервную копию…»: a manual copy, its progress on the taskbar, the result in a dialog. */
export async function createBackupFromMenu(win: BrowserWindow, app: AppContext): Promise<void> {
  const timer = setInterval(() => win.setProgressBar(app.backup.progress?.fraction ?? 2), 200);
  const res = await call(app, 'backup.create', {});
  clearInterval(timer);
  win.setProgressBar(-1);
  if (res.error) return fail(win, 'Резервная копия не создана', res.error.message);
  await dialog.showMessageBox(win, {
    type: 'info',
    title: TITLE,
    message: 'Резервная копия создана',
    detail: `Копия базы и вложений от ${new Date(res.data.createdAt).toLocaleString('ru-RU')}.\nВсе копии — в разделе Настройки → Резервные копии.`,
  });
}

function summary(inspection: BackupInspection): string {
  const { backup, check } = inspection;
  const counts = check.tables.filter((t) => t.name in MAIN_TABLES).map((t) => `${MAIN_TABLES[t.name]}: ${t.rows}`);
  return [
    `Копия от ${new Date(backup.createdAt).toLocaleString('ru-RU')}${backup.appVersion ? `, версия программы ${backup.appVersion}` : ''}.`,
    check.lastChangeAt ? `Последнее изменение в копии: ${new Date(check.lastChangeAt).toLocaleString('ru-RU')}.` : '',
    'Проверка пройдена: файл цел, ссылки в порядке, структура знакома этой версии.',
    ...check.warnings,
    counts.join(', '),
    '',
    'Текущая база будет заменена. Перед заменой программа сохранит её копию.',
  ]
    .filter((l, i) => l !== '' || i > 0)
    .join('\n');
}

/**
 * Файл → «Восстановить из копии…»: main picks the copy with the native dialog (a backup folder's
 * sdelka.sqlite), registers it by id, verifies it, shows what it holds and its date, and restores only
 * after confirmation — all through the wrapper, so only the director can.
 */
export async function restoreFromMenu(win: BrowserWindow, app: AppContext): Promise<void> {
  const picked = await dialog.showOpenDialog(win, {
    title: 'Восстановить из резервной копии',
    properties: ['openFile'],
    filters: [{ name: 'База «Сделки»', extensions: ['sqlite'] }],
  });
  const file = picked.canceled ? null : picked.filePaths[0];
  if (!file) return;
  const id = registerExternalBackup(app.backup, file);
  const inspected = await call(app, 'backup.inspect', { id });
  if (inspected.error) return fail(win, 'Восстановление невозможно', inspected.error.message);
  if (!inspected.data.check.ok) return fail(win, 'Копия не прошла проверку — восстановить из неё нельзя', inspected.data.check.problems.join('\n'));
  const answer = await dialog.showMessageBox(win, {
    type: 'warning',
    title: TITLE,
    message: 'Восстановить базу из этой копии?',
    detail: summary(inspected.data),
    buttons: ['Восстановить', 'Отмена'],
    defaultId: 1,
    cancelId: 1,
  });
  if (answer.response !== 0) return;
  const restored = await call(app, 'backup.restore', { id, confirm: true });
  if (restored.error) return fail(win, 'База не восстановлена', restored.error.message);
  await dialog.showMessageBox(win, { type: 'info', title: TITLE, message: 'База восстановлена из копии', detail: 'Войдите снова.' });
  win.reload();
}
