import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VALID_ORG, type TestApp } from '../helpers/temp-app';
import { encode1251, referenceTemplate, rowCount, SAMPLE_BASE64, sampleText, signIn, type ReferenceWorld, type WorldTemplate } from '../helpers/money-fixtures';

let template: WorldTemplate;
let t: TestApp;
let w: ReferenceWorld;
beforeAll(async () => {
  template = await referenceTemplate();
  w = template.world;
});
afterAll(() => template.remove());
beforeEach(async () => {
  t = await template.open('volkova');
});
afterEach(async () => {
  await t.close();
});

const file = { fileName: 'выписка.txt', base64: SAMPLE_BASE64 };

describe('importing the reference statement', () => {
  it('previews every line classified and matched without writing anything', async () => {
    const before = rowCount(t.app.store.sqlite, 'audit_log');
    const p = await t.ok('payments.importPreview', file);
    expect(p.org.shortName).toBe('ООО «Вектор Плюс»');
    expect(p.accounts).toEqual(['40702810738000000777']);
    expect(p.version).toBe('1.03');
    expect(p.rows.map((r) => `${r.direction}/${r.kind}/${r.rule}`)).toEqual([
      'in/client/number_date',
      'in/client/number_date',
      'in/client/number_date',
      'out/outgoing/none',
      'out/bank_fee/none',
    ]);
    const [alfa, beta, gamma] = p.rows;
    expect(alfa?.allocations).toMatchObject([{ documentId: w.inv15, number: '15', amountKopecks: 12_200_000 }]);
    expect(alfa).toMatchObject({ clientName: 'ООО «Альфа-Трейд»', managerName: 'Иванов Пётр Алексеевич', vatKopecks: 2_200_000, netKopecks: 10_000_000, partial: false });
    expect(beta).toMatchObject({ partial: true, vatKopecks: 550_000, date: '2026-01-14' });
    expect(gamma).toMatchObject({ vatKopecks: 0, netKopecks: 1_500_000 });
    expect(p.counts).toMatchObject({ documents: 5, new: 5, duplicates: 0, incoming: 3, outgoing: 1, fees: 1, matched: 3, partial: 1, unmatched: 0 });
    expect(p.alreadyImported).toBeNull();
    expect(rowCount(t.app.store.sqlite, 'payments')).toBe(0);
    expect(rowCount(t.app.store.sqlite, 'audit_log')).toBe(before);
  });

  it('writes the statement, matches it to invoice № 15, and adds nothing when imported again', async () => {
    const first = await t.ok('payments.importCommit', { ...file, overrides: [] });
    expect(first.alreadyImported).toBe(false);
    expect(first.counts).toMatchObject({ new: 5, matched: 3 });
    expect(first.message).toContain('Добавлено платежей: 5');
    const s = t.app.store.sqlite;
    expect(rowCount(s, 'payments')).toBe(5);
    expect(rowCount(s, 'bank_statements')).toBe(1);
    const states = await t.ok('payments.invoiceStatus', { documentIds: [w.inv15, w.inv16, w.inv17] });
    expect(states.map((x) => [x.state, x.paidKopecks])).toEqual([
      ['paid', 12_200_000],
      ['partly', 3_050_000],
      ['paid', 1_500_000],
    ]);
    const base = await t.app.store.money.managerBase('2026-01', w.ivanov);
    expect(base.revenueNetKopecks).toBe(10_000_000);
    expect(base.payments[0]?.documentIds).toEqual([w.inv15]);
    expect((s.prepare('SELECT ladder_step FROM clients WHERE id = ?').get(w.alfa) as { ladder_step: string }).ladder_step).toBe('payment');
    const audit = s.prepare("SELECT action, user_name FROM audit_log WHERE entity = 'bank_statement'").all();
    expect(audit).toEqual([{ action: 'import', user_name: 'Волкова Татьяна Ивановна' }]);

    const auditBefore = rowCount(s, 'audit_log');
    const again = await t.ok('payments.importCommit', { ...file, overrides: [] });
    expect(again.alreadyImported).toBe(true);
    expect(again.message).toBe('Эта выписка уже загружена — ничего не добавлено.');
    expect(rowCount(s, 'payments')).toBe(5);
    expect(rowCount(s, 'payment_allocations')).toBe(3);
    expect(rowCount(s, 'audit_log')).toBe(auditBefore);
    const preview = await t.ok('payments.importPreview', file);
    expect(preview.alreadyImported?.importedByName).toBe('Волкова Татьяна Ивановна');
    expect(preview.rows.every((r) => r.duplicate?.source === 'statement')).toBe(true);
  });

  it('adds nothing from another file carrying the same bank documents (LF line ends)', async () => {
    await t.ok('payments.importCommit', { ...file, overrides: [] });
    const lf = await t.ok('payments.importCommit', { fileName: 'lf.txt', base64: encode1251(sampleText().replace(/\r\n/g, '\n')), overrides: [] });
    expect(lf.alreadyImported).toBe(false);
    expect(lf.message).toBe('Новых платежей нет: все 5 уже есть в базе — ничего не добавлено.');
    expect(rowCount(t.app.store.sqlite, 'payments')).toBe(5);
    expect(rowCount(t.app.store.sqlite, 'bank_statements')).toBe(1);
  });

  it('applies the person’s overrides: a line skipped, another left unmatched, a third put on a chosen invoice', async () => {
    const p = await t.ok('payments.importPreview', file);
    const [alfa, beta, gamma] = p.rows;
    if (!alfa || !beta || !gamma) throw new Error('rows');
    await t.ok('payments.importCommit', {
      ...file,
      overrides: [
        { key: alfa.key, allocations: [] },
        { key: beta.key, skip: true },
        { key: gamma.key, allocations: [{ documentId: w.inv17, amountKopecks: 1_500_000 }] },
      ],
    });
    const list = await t.ok('payments.list', { direction: 'in' });
    expect(list.rows.map((r) => [r.payerName, r.state, r.matchRule])).toEqual([
      ['ООО "Гамма"', 'matched', 'manual'],
      ['ООО "Альфа-Трейд"', 'unmatched', 'none'],
    ]);
    const queue = await t.ok('payments.list', { state: 'unmatched' });
    expect(queue.rows.map((r) => r.clientName)).toEqual(['ООО «Альфа-Трейд»']);
  });

  it('reads a 1.02 file with sections for two of our organisations’ accounts and files each payment under its own', async () => {
    await signIn(t, 'director');
    const second = await t.ok('orgs.create', VALID_ORG);
    await signIn(t, 'volkova');
    const lines = sampleText().replace('ВерсияФормата=1.03', 'ВерсияФормата=1.02').split('\r\n');
    const header = lines.indexOf('СекцияРасчСчет');
    lines.splice(header, 0, `РасчСчет=${VALID_ORG.account}`, 'СекцияРасчСчет', `РасчСчет=${VALID_ORG.account}`, 'КонецРасчСчет');
    // The Гамма payment goes to the second organisation's account.
    const text = lines.join('\r\n').replace('ПолучательСчет=40702810738000000777\r\nДатаПоступило=14.01.2026\r\nПолучатель=ИНН 7704990011 ООО "Вектор Плюс"\r\nПолучательИНН=7704990011\r\nПолучатель1=ООО "Вектор Плюс"\r\nПолучательРасчСчет=40702810738000000777\r\nПолучательБанк1=ПАО Сбербанк\r\nПолучательБанк2=г. Москва\r\nПолучательБИК=044525225\r\nПолучательКорсчет=30101810400000000225\r\nВидПлатежа=\r\nВидОплаты=01\r\nПлательщикКПП=771801001', `ПолучательСчет=${VALID_ORG.account}\r\nДатаПоступило=14.01.2026\r\nВидОплаты=01\r\nПлательщикКПП=771801001`);
    const p = await t.ok('payments.importPreview', { fileName: 'две.txt', base64: encode1251(text), overrides: [] });
    expect(p.version).toBe('1.02');
    expect(p.accounts).toEqual(['40702810738000000777', VALID_ORG.account]);
    await t.ok('payments.importCommit', { fileName: 'две.txt', base64: encode1251(text), overrides: [] });
    const gamma = (await t.ok('payments.list', { search: '7718990043' })).rows[0];
    expect(gamma).toMatchObject({ orgId: second.id, ourAccount: VALID_ORG.account, state: 'matched' });
    expect((await t.ok('payments.list', { search: '5027990026' })).rows[0]?.orgId).toBe(1);
  });

  it('refuses a statement for an account that is not ours, with the account named', async () => {
    const foreign = encode1251(sampleText().replace(/40702810738000000777/g, '40702810738000000888'));
    const res = await t.call('payments.importPreview', { fileName: 'x.txt', base64: foreign });
    expect(res.error?.code).toBe('VALIDATION');
    expect(res.error?.message).toContain('Выписка по счёту 40702810738000000888 — это не счёт ваших организаций');
  });
});

describe('a malformed statement', () => {
  const cases: [string, (text: string) => string, RegExp][] = [
    ['without the header line', (s) => s.replace('1CClientBankExchange\r\n', ''), /Строка 1: это не выписка/],
    ['with a section that never ends', (s) => s.replace('КонецДокумента\r\nСекцияДокумент=Платежное поручение\r\nНомер=77', 'СекцияДокумент=Платежное поручение\r\nНомер=77'), /Строка \d+: /],
    ['with a sum that is not a number', (s) => s.replace('Сумма=30500.00', 'Сумма=30 500,00'), /Строка 53: Сумма «30 500,00»/],
  ];
  for (const [name, spoil, message] of cases) {
    it(`is refused ${name}, with the line number in Russian, and nothing is imported`, async () => {
      const base64 = encode1251(spoil(sampleText()));
      const preview = await t.call('payments.importPreview', { fileName: 'bad.txt', base64 });
      expect(preview.error?.code).toBe('VALIDATION');
      expect(preview.error?.message).toMatch(message);
      expect(preview.error?.message).toContain('Ничего не импортировано');
      const commit = await t.call('payments.importCommit', { fileName: 'bad.txt', base64, overrides: [] });
      expect(commit.error?.message).toMatch(message);
      expect(rowCount(t.app.store.sqlite, 'payments')).toBe(0);
      expect(rowCount(t.app.store.sqlite, 'bank_statements')).toBe(0);
    });
  }
});
