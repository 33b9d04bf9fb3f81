import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

/** What the Файл menu's backup items do (main shows its own dialogs; the wrapper checks the role). */
export interface BackupMenuActions {
  createBackup: () => void;
  restoreBackup: () => void;
}

/** The native menu in Russian: Файл / Правка / Вид / Справка. */
export function buildMenu(win: BrowserWindow, info: { version: string; dataDir: string; backup?: BackupMenuActions }): Menu {
  const backupItems: MenuItemConstructorOptions[] = info.backup
    ? [
        { label: 'Создать резервную копию…', click: info.backup.createBackup },
        { label: 'Восстановить из копии…', click: info.backup.restoreBackup },
        { type: 'separator' },
      ]
    : [];
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Файл',
      submenu: [...backupItems, { label: 'Выход', accelerator: 'CmdOrCtrl+Q', click: () => app.quit() }],
    },
    {
      label: 'Правка',
      submenu: [
        { label: 'Отменить', role: 'undo' },
        { label: 'Повторить', role: 'redo' },
        { type: 'separator' },
        { label: 'Вырезать', role: 'cut' },
        { label: 'Копировать', role: 'copy' },
        { label: 'Вставить', role: 'paste' },
        { label: 'Выделить всё', role: 'selectAll' },
      ],
    },
    {
      label: 'Вид',
      submenu: [
        { label: 'Обновить', role: 'reload' },
        { type: 'separator' },
        { label: 'Обычный масштаб', role: 'resetZoom' },
        { label: 'Увеличить', role: 'zoomIn' },
        { label: 'Уменьшить', role: 'zoomOut' },
        { type: 'separator' },
        { label: 'Во весь экран', role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ label: 'Инструменты разработчика', role: 'toggleDevTools' as const }]),
      ],
    },
    {
      label: 'Справка',
      submenu: [
        {
          label: 'О программе',
          click: () =>
            void dialog.showMessageBox(win, {
              type: 'info',
              title: 'О программе',
              message: `Сделка ${info.version}`,
              detail: `Программа для отдела продаж.\nДанные хранятся в папке:\n${info.dataDir}`,
            }),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
