// A long write cannot be started twice at once: the second request while the first runs is refused at once
// (CONFLICT, naming what is running); once the first is done the same request runs again normally.
import { describe, expect, it } from 'vitest';
import { addPerson, b64, signIn } from '../helpers/client-fixtures';
import { referenceTemplate, SAMPLE_BASE64 } from '../helpers/money-fixtures';
import { openTestApp, setUpOffice } from '../helpers/temp-app';

describe('one long write at a time', () => {
  it('refuses a second long-list commit while the first runs, then lets it through', async () => {
    const t = await openTestApp();
    try {
      await setUpOffice(t);
      await addPerson(t, 'ivanov', 'manager', 'Иванов Иван');
      await signIn(t, 'ivanov');
      const list = b64(['Наименование;ИНН', 'ООО «Альфа»;7707083893', 'ООО «Бета»;7736207543'].join('\r\n'));
      const p = await t.ok('clients.importPreview', { fileName: 'список.csv', dataBase64: list });
      const input = { fileName: 'список.csv', dataBase64: list, mapping: p.mapping, decisions: [2, 3].map((row) => ({ row, decision: 'create' as const })) };
      const [first, second] = await Promise.all([t.call('clients.importCommit', input), t.call('clients.importCommit', input)]);
      expect(first.data?.created).toBe(2);
      expect(second.error?.code).toBe('CONFLICT');
      expect(second.error?.message).toBe('Загрузка списка клиентов уже выполняется — дождитесь окончания');
      const again = await t.ok('clients.importCommit', input);
      expect(again.duplicateOf?.batchId).toBe(first.data?.batchId);
    } finally {
      await t.close();
    }
  });

  it('refuses a second statement import while the first runs, then lets it through', async () => {
    const template = await referenceTemplate();
    const t = await template.open('volkova');
    try {
      const input = { fileName: 'выписка.txt', base64: SAMPLE_BASE64, overrides: [] };
      const [first, second] = await Promise.all([t.call('payments.importCommit', input), t.call('payments.importCommit', input)]);
      expect(first.data?.alreadyImported).toBe(false);
      expect(second.error?.code).toBe('CONFLICT');
      expect(second.error?.message).toBe('Загрузка выписки уже выполняется — дождитесь окончания');
      expect((await t.ok('payments.importCommit', input)).alreadyImported).toBe(true);
    } finally {
      await t.close();
      template.remove();
    }
  });
});
