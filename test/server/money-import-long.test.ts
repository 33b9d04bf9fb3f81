// A statement of thousands of payments is written in chunks: its count shows while it runs, a second
// start is refused in Russian, and a failure in a later chunk leaves nothing of it in the base.
import { describe, expect, it } from 'vitest';
import { addPerson, encode1251, rowCount, setUpVectorOffice, signIn } from '../helpers/money-fixtures';
import { appsPerTest } from '../helpers/apps-per-test';
import { watchLongWrite } from '../helpers/long-writes';
import type { TestApp } from '../helpers/temp-app';

const OUR_ACCOUNT = '40702810738000000777';
const openApp = appsPerTest();

async function office(): Promise<TestApp> {
  const t = await openApp();
  await setUpVectorOffice(t);
  await addPerson(t, 'volkova', 'Волкова Татьяна Ивановна', 'accountant');
  await signIn(t, 'volkova');
  return t;
}

/** `n` incoming payments from payers the base does not know, on days of January 2026. */
function statement(n: number): { fileName: string; base64: string } {
  const lines = ['1CClientBankExchange', 'ВерсияФормата=1.03', 'Кодировка=Windows', `РасчСчет=${OUR_ACCOUNT}`];
  lines.push('СекцияРасчСчет', `РасчСчет=${OUR_ACCOUNT}`, 'ДатаНачала=01.01.2026', 'ДатаКонца=31.01.2026', 'КонецРасчСчет');
  for (let p = 1; p <= n; p++) {
    const date = `${String(1 + (p % 28)).padStart(2, '0')}.01.2026`;
    lines.push(
      'СекцияДокумент=Платежное поручение',
      `Номер=${p}`,
      `Дата=${date}`,
      `Сумма=${1000 + p}.00`,
      `ПлательщикСчет=40702810900000${String(p).padStart(6, '0')}`,
      `ПлательщикИНН=78${String(p).padStart(8, '0')}`,
      `Плательщик1=ООО «Плательщик ${p}»`,
      `ПолучательСчет=${OUR_ACCOUNT}`,
      `ДатаПоступило=${date}`,
      'НазначениеПлатежа=Оплата за товар',
      'КонецДокумента',
    );
  }
  lines.push('КонецФайла');
  return { fileName: 'большая.txt', base64: encode1251(lines.join('\r\n')) };
}

describe('a statement of thousands of payments', () => {
  it('shows its count while it is written and refuses a second start', async () => {
    const t = await office();
    const file = statement(5_000);
    const first = t.call('payments.importCommit', file);
    let refused: string | undefined;
    let paymentsDuring = -1;
    const seen = await watchLongWrite(t, 'payments.importCommit', async () => {
      refused = (await t.call('payments.importCommit', file)).error?.message;
      paymentsDuring = rowCount(t.app.store.sqlite, 'payments');
    });
    const out = await first;
    if (out.error) throw new Error(out.error.message);
    expect(out.data.alreadyImported).toBe(false);
    expect(refused).toBe('Загрузка выписки уже выполняется — дождитесь окончания');
    // Between chunks the base, as every other reader sees it, has none of the statement yet.
    expect(paymentsDuring).toBe(0);
    expect(seen.some((s) => s.total === 5_000 && s.done > 0 && s.done < 5_000)).toBe(true);
    expect(rowCount(t.app.store.sqlite, 'payments')).toBe(5_000);
    expect(await t.ok('system.longWrites', {})).toEqual([]);
  });

  it('leaves nothing written when a payment in a later chunk fails', async () => {
    const t = await office();
    const tables = ['payments', 'payment_allocations', 'bank_statements', 'audit_log'] as const;
    const before = tables.map((x) => rowCount(t.app.store.sqlite, x));
    // The storage refuses one payment of the third chunk, as a full disk would.
    t.app.store.sqlite.exec("CREATE TRIGGER fail_late BEFORE INSERT ON payments WHEN new.doc_number = '4321' BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const res = await t.call('payments.importCommit', statement(5_000));
    expect(res.error?.code).toBe('INTERNAL');
    expect(tables.map((x) => rowCount(t.app.store.sqlite, x))).toEqual(before);
    t.app.store.sqlite.exec('DROP TRIGGER fail_late');
    expect(await t.ok('system.longWrites', {})).toEqual([]);
    const again = await t.ok('payments.importCommit', statement(5_000));
    expect(again.alreadyImported).toBe(false);
    expect(rowCount(t.app.store.sqlite, 'payments')).toBe(5_000);
  });

  it('imports with a request id, as every desk and browser sends one, and answers a retry with the first answer', async () => {
    const t = await office();
    const file = statement(3_000);
    const first = await t.call('payments.importCommit', file, { requestId: 'statement-1' });
    if (first.error) throw new Error(first.error.message);
    expect(first.data.alreadyImported).toBe(false);
    const retry = await t.call('payments.importCommit', file, { requestId: 'statement-1' });
    expect(retry).toEqual(first);
    expect(rowCount(t.app.store.sqlite, 'payments')).toBe(3_000);
  });
});
