import type { ApiInput, ApiResult, EntryName } from '../../src/shared/contract';
import type { AppContext } from '../../src/server/context';
import { listKind, primaryRoot } from '../../src/server/backup/layout';
import { inspectBackup } from '../../src/server/backup/restore';
import { KEEP } from '../../src/server/backup/rotation';
import { DEMO_ORG } from '../../src/server/auth/demo-office';
import { VALID_ORG } from '../helpers/temp-app';
import { documentBundles } from './documents-scenario';
import { clientImport, documentAnnulment, payrollApproval, restoreSwap } from './more-scenarios';
import { signingScans } from './signing-scenario';

/** Calls one entry through the real wrapper and returns its data; an error envelope throws its Russian message. */
export type Call = <K extends EntryName>(name: K, input: ApiInput<K>) => Promise<ApiResult<K>>;

/** A number series that must have no gaps after any crash: SQL returning one integer column, in order. */
export interface SeriesQuery {
  name: string;
  sql: string;
}

/** One real write path driven in a loop by the child process until it is killed. */
export interface CrashScenario {
  name: string;
  /** Sets a fresh base up once, in the parent, through the same wrapper (the director is signed in). */
  prepare(call: Call): Promise<void>;
  /** One write; resolves to the key the child acknowledges once the call has returned data. */
  step(call: Call, at: { run: number; i: number }): Promise<string>;
  /** Of the acknowledged keys, those the reopened base lacks. */
  lost(app: AppContext, acked: string[]): Promise<string[]>;
  /** Series that must stay gapless (audit_log ids are always checked). */
  series: SeriesQuery[];
  /** How long after start-up a kill may come, in ms (default 400); slow writes (rendering PDFs) need longer. */
  maxDelayMs?: number;
}

/** Checked for every scenario: the audit trail's ids have no gaps (no entry lost or rolled half-way). */
export const ALWAYS_CHECKED_SERIES: SeriesQuery[] = [{ name: 'audit_log.id', sql: 'SELECT id FROM audit_log ORDER BY id' }];

/** The director every scenario's base is set up with. */
export const CRASH_DIRECTOR = { login: 'director', password: 'Stol-Lampa-2026' };

async function setUp(call: Call): Promise<void> {
  await call('setup.complete', { org: VALID_ORG, director: { fullName: 'Петров Пётр Петрович', ...CRASH_DIRECTOR } });
}

function countAudit(app: AppContext, entity: string, path: string, value: string | number): number {
  const sql = "SELECT count(*) AS n FROM audit_log WHERE entity = ? AND json_extract(after, '$.' || ?) = ?";
  return (app.store.sqlite.prepare(sql).get(entity, path, value) as { n: number }).n;
}

/** People: `users.create` (password hashing, unique logins, an audit entry in the same transaction). */
const people: CrashScenario = {
  name: 'people',
  prepare: setUp,
  async step(call, { run, i }) {
    const login = `r${run}p${i}`;
    await call('users.create', { login, fullName: `Сотрудник ${run}-${i}`, position: 'Менеджер', role: 'manager', password: 'Stol-Lampa-2026' });
    return login;
  },
  async lost(app, acked) {
    const missing: string[] = [];
    for (const login of acked) if (!(await app.store.users.byLogin(login))) missing.push(login);
    return missing;
  },
  series: [{ name: 'users.id', sql: 'SELECT id FROM users ORDER BY id' }],
};

/** Our organisation's requisites and the office settings, changed in turn. */
const orgAndSettings: CrashScenario = {
  name: 'org-and-settings',
  prepare: setUp,
  async step(call, { run, i }) {
    if (i % 2 === 0) {
      const phone = `+7 900 ${run}-${i}`;
      const { version } = await call('orgs.get', { id: 1 });
      await call('orgs.update', { id: 1, version, org: { ...VALID_ORG, phone } });
      return `org|${phone}`;
    }
    const minutes = 5 + ((run * 7 + i) % 400);
    const { version } = await call('settings.get', {});
    await call('settings.update', { version, idleLockMinutes: minutes, loginDisabled: false });
    return `settings|${minutes}`;
  },
  async lost(app, acked) {
    const missing: string[] = [];
    const perValue = new Map<string, number>();
    for (const key of acked) perValue.set(key, (perValue.get(key) ?? 0) + 1);
    for (const [key, times] of perValue) {
      const [kind, value] = key.split('|');
      const found = kind === 'org' ? countAudit(app, 'organization', 'phone', value) : countAudit(app, 'settings', 'idleLockMinutes', Number(value));
      if (found < times) missing.push(key);
    }
    // The record and its trail agree: the organisation holds the phone of its latest audit entry.
    const org = await app.store.orgs.get(1);
    const last = app.store.sqlite
      .prepare("SELECT json_extract(after, '$.phone') AS phone FROM audit_log WHERE entity = 'organization' ORDER BY id DESC LIMIT 1")
      .get() as { phone: string };
    if (org?.phone !== last.phone) missing.push(`org phone ${org?.phone} ≠ audit ${last.phone}`);
    return missing;
  },
  series: [],
};

/** Manual backups (the database through SQLite's backup API, attachments, manifest, atomic rename). */
const backups: CrashScenario = {
  name: 'backups',
  prepare: setUp,
  async step(call) {
    return (await call('backup.create', {})).id;
  },
  async lost(app, acked) {
    const kept = listKind(primaryRoot(app.dataDir), 'primary', 'manual');
    const oldestKept = kept.length >= KEEP.manual ? (kept.at(-1)?.info.createdAt ?? '') : '';
    const missing: string[] = [];
    for (const id of acked) {
      const copy = kept.find((s) => s.info.id === id);
      // Rotation may legitimately remove the oldest acknowledged copies; anything newer must be there and verify.
      if (!copy && (id.split('/')[1] ?? '') < oldestKept.replace(/[:.]/g, '-')) continue;
      if (!copy || !(await inspectBackup(app, copy)).check.ok) missing.push(id);
    }
    return missing;
  },
  series: [],
};

const OUR_ACCOUNT = DEMO_ORG.account;
const utf8 = new TextEncoder();

/** A small 1CClientBankExchange file whose documents are numbered after `key` (two client payments and a bank fee). */
function crashStatement(key: string): string {
  const doc = (n: string, amount: string, inn: string, payer: string, account: string, payee: string, purpose: string, kind: 'in' | 'out') => [
    kind === 'in' ? 'СекцияДокумент=Платежное поручение' : 'СекцияДокумент=Банковский ордер',
    `Номер=${n}`,
    'Дата=05.10.2026',
    `Сумма=${amount}`,
    `ПлательщикСчет=${account}`,
    `ПлательщикИНН=${inn}`,
    `Плательщик1=${payer}`,
    `ПолучательСчет=${payee}`,
    kind === 'in' ? 'ДатаПоступило=05.10.2026' : 'ДатаСписано=05.10.2026',
    kind === 'out' ? 'ВидОплаты=17' : 'ВидОплаты=01',
    `НазначениеПлатежа=${purpose}`,
    'КонецДокумента',
  ];
  return [
    '1CClientBankExchange',
    'ВерсияФормата=1.03',
    'Кодировка=Windows',
    `РасчСчет=${OUR_ACCOUNT}`,
    ...doc(`${key}-1`, '1500.00', '7801234567', 'ООО «Первый»', '40702810900000000001', OUR_ACCOUNT, 'Оплата по договору', 'in'),
    ...doc(`${key}-2`, '2750.50', '7801234568', 'ООО «Второй»', '40702810900000000002', OUR_ACCOUNT, 'Оплата по счету № 999 от 01.10.2026', 'in'),
    ...doc(`${key}-3`, '49.00', DEMO_ORG.inn, DEMO_ORG.shortName, OUR_ACCOUNT, '70601810838002720000', 'Комиссия банка', 'out'),
    'КонецФайла',
  ].join('\r\n');
}

async function setUpVector(call: Call): Promise<void> {
  await call('setup.complete', { org: DEMO_ORG, director: { fullName: 'Петров Пётр Петрович', ...CRASH_DIRECTOR } });
  await call('users.create', { login: 'crash-head', fullName: 'Руководитель Отдела', position: '', role: 'head_of_sales', password: 'Stol-Lampa-2026' });
  await call('users.create', { login: 'crash-accountant', fullName: 'Бухгалтер Главный', position: '', role: 'accountant', password: 'Stol-Lampa-2026' });
}

/** Importing a statement: parse, match and one transaction for the statement, its payments and the audit entry. */
const statementImport: CrashScenario = {
  name: 'importing a statement',
  prepare: setUpVector,
  async step(call, { run, i }) {
    const key = `${run}.${i}`;
    const base64 = Buffer.from(utf8.encode(crashStatement(key))).toString('base64');
    const res = await call('payments.importCommit', { fileName: `${key}.txt`, base64, overrides: [] });
    if (res.counts.new !== 3) throw new Error(`statement ${key}: ${res.message}`);
    return key;
  },
  async lost(app, acked) {
    const count = app.store.sqlite.prepare("SELECT count(*) AS n FROM payments WHERE doc_number LIKE ? || '-%' AND statement_id IS NOT NULL");
    return acked.filter((key) => (count.get(key) as { n: number }).n !== 3);
  },
  series: [
    { name: 'payments.id', sql: 'SELECT id FROM payments ORDER BY id' },
    { name: 'bank_statements.id', sql: 'SELECT id FROM bank_statements ORDER BY id' },
  ],
};

const CLOSED = '2026-09';

/** Closing a month: a payment in it, the accountant's and the head of sales' confirmations; the director reopens it for the next round. */
const monthClose: CrashScenario = {
  name: 'closing a month',
  prepare: setUpVector,
  async step(call, { run, i }) {
    await call('auth.login', CRASH_DIRECTOR);
    if ((await call('monthClose.get', { month: CLOSED })).closed) await call('monthClose.reopen', { month: CLOSED, reason: 'Следующий круг проверки' });
    await call('auth.login', { login: 'crash-accountant', password: 'Stol-Lampa-2026' });
    await call('payments.create', { direction: 'in', kind: 'other', orgId: 1, date: `${CLOSED}-15`, amountKopecks: 10_000 + i, payerName: 'ИП Тестов', docNumber: `${run}.${i}`, allocations: [] });
    await call('monthClose.confirm', { month: CLOSED });
    await call('auth.login', { login: 'crash-head', password: 'Stol-Lampa-2026' });
    const panel = await call('monthClose.confirm', { month: CLOSED, closeAcknowledged: true });
    if (!panel.closed) throw new Error('the second confirmation did not close the month');
    return `${run}.${i}`;
  },
  async lost(app, acked) {
    // Every acknowledged close left its cycle in the history, and its payment is there.
    const cycles = (app.store.sqlite.prepare('SELECT count(*) AS n FROM month_closes WHERE month = ? AND closed_at IS NOT NULL').get(CLOSED) as { n: number }).n;
    const payment = app.store.sqlite.prepare('SELECT 1 AS x FROM payments WHERE doc_number = ?');
    const missing = acked.filter((key) => payment.get(key) === undefined);
    if (cycles < acked.length) missing.push(`${acked.length - cycles} closes`);
    return missing;
  },
  series: [
    { name: 'month_closes.id', sql: 'SELECT id FROM month_closes ORDER BY id' },
    { name: 'payments.id', sql: 'SELECT id FROM payments ORDER BY id' },
  ],
};

/** Every crash scenario by name; later areas add theirs (issuing bundles, importing a statement, closing a month). */
export const CRASH_SCENARIOS: CrashScenario[] = [
  people,
  orgAndSettings,
  backups,
  documentBundles,
  signingScans,
  statementImport,
  monthClose,
  restoreSwap,
  clientImport,
  payrollApproval,
  documentAnnulment,
];

/** A scenario by name. */
export function scenarioNamed(name: string): CrashScenario {
  const s = CRASH_SCENARIOS.find((c) => c.name === name);
  if (!s) throw new Error(`unknown crash scenario ${name}`);
  return s;
}
