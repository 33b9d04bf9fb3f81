// Crash scenarios of issue 13: a restore's file swap, a long-list commit, payroll order approval and
// a document's annulment.
import { listKind, primaryRoot } from '../../src/server/backup/layout';
import type { AppContext } from '../../src/server/context';
import { SCHEME_A_EXAMPLE } from '../../src/core';
import { clientInput } from '../helpers/client-fixtures';
import { VALID_ORG } from '../helpers/temp-app';
import type { Call, CrashScenario } from './scenarios';

const DIRECTOR = { login: 'director', password: 'Stol-Lampa-2026' };

async function setUp(call: Call): Promise<void> {
  await call('setup.complete', { org: VALID_ORG, director: { fullName: 'Петров Пётр Петрович', ...DIRECTOR } });
}

const userExists = (app: AppContext, login: string) => app.store.sqlite.prepare('SELECT 1 AS x FROM users WHERE login = ?').get(login) !== undefined;

/**
 * Restoring a backup: a person is added, then the base is restored from the copy made before any of
 * them (safety copy, staged file, close, atomic rename, reopen, audit entry). An acknowledged restore
 * leaves the base without that person; a kill mid-swap leaves a base that opens whole.
 */
export const restoreSwap: CrashScenario = {
  name: 'restoring a backup',
  maxDelayMs: 2500,
  async prepare(call) {
    await setUp(call);
    await call('backup.create', {});
  },
  async step(call, { run, i }) {
    await call('auth.login', DIRECTOR);
    const [copy] = (await call('backup.list', {})).backups.filter((b) => b.kind === 'manual');
    if (copy === undefined) throw new Error('the manual copy is missing');
    const login = `r${run}p${i}`;
    await call('users.create', { login, fullName: `Сотрудник ${run}-${i}`, position: '', role: 'manager', password: 'Stol-Lampa-2026' });
    await call('backup.restore', { id: copy.id, confirm: true });
    return login;
  },
  async lost(app, acked) {
    // A person added before an acknowledged restore is gone with it; the copy itself is still there.
    const survived = acked.filter((login) => userExists(app, login)).map((login) => `${login} survived the restore`);
    if (listKind(primaryRoot(app.dataDir), 'primary', 'manual').length === 0) survived.push('the manual copy vanished');
    return survived;
  },
  series: [{ name: 'users.id', sql: 'SELECT id FROM users ORDER BY id' }],
};

function listCsv(key: string): string {
  return ['Наименование;Телефон', `ООО «Импорт ${key}-1»;+7 495 100-${key}`, `ООО «Импорт ${key}-2»;+7 495 200-${key}`, `ООО «Импорт ${key}-3»;+7 495 300-${key}`].join('\n');
}

/** Committing a long list: three new clients, their phones, the batch and its audit entry in one transaction. */
export const clientImport: CrashScenario = {
  name: 'committing a long list',
  maxDelayMs: 800,
  prepare: setUp,
  async step(call, { run, i }) {
    const key = `${run}.${i}`;
    const dataBase64 = Buffer.from(listCsv(key)).toString('base64');
    const preview = await call('clients.importPreview', { fileName: `${key}.csv`, dataBase64 });
    const decisions = (preview.rows ?? []).map((r) => ({ row: r.row, decision: r.decisions[0] }));
    const report = await call('clients.importCommit', { fileName: `${key}.csv`, dataBase64, mapping: preview.mapping, decisions });
    if (report.created !== 3) throw new Error(`list ${key}: created ${report.created}`);
    return key;
  },
  async lost(app, acked) {
    const count = app.store.sqlite.prepare("SELECT count(*) AS n FROM clients WHERE short_name LIKE 'ООО «Импорт ' || ? || '-%'");
    const missing = acked.filter((key) => (count.get(key) as { n: number }).n !== 3);
    // Nothing half-written: every imported client belongs to a batch that exists.
    const half = app.store.sqlite.prepare("SELECT count(*) AS n FROM clients WHERE short_name LIKE 'ООО «Импорт %'").get() as { n: number };
    if (half.n % 3 !== 0) missing.push(`${half.n} imported clients: not whole lists`);
    return missing;
  },
  series: [{ name: 'clients.id', sql: 'SELECT id FROM clients ORDER BY id' }],
};

/** Approving payroll orders: each step saves, sends and approves one, superseding the one before. */
export const payrollApproval: CrashScenario = {
  name: 'approving payroll orders',
  maxDelayMs: 800,
  prepare: setUp,
  async step(call, { run, i }) {
    // A kill between saving and approving leaves a draft or a sent order that overlaps the next one:
    // finish what the killed run began, as the director would.
    for (const left of await call('payroll.orders.list', {})) {
      if (left.status === 'draft') await call('payroll.orders.remove', { id: left.id });
      if (left.status === 'sent') await call('payroll.orders.approve', { id: left.id });
    }
    const title = `Приказ о мотивации ${run}.${i}`;
    // Each order starts a month later than any before it, so it supersedes the one in force.
    const month = run * 50 + i;
    const validFrom = `${2027 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;
    const saved = await call('payroll.orders.save', {
      order: { title, validFrom, validTo: null, roles: ['manager'], scheme: SCHEME_A_EXAMPLE, holdUnsigned: true, holdGraceDays: 0, conditions: '' },
    });
    await call('payroll.orders.send', { id: saved.id });
    const approved = await call('payroll.orders.approve', { id: saved.id });
    if (approved.status !== 'approved') throw new Error(`order ${title}: ${approved.status}`);
    return String(saved.id);
  },
  async lost(app, acked) {
    const status = app.store.sqlite.prepare('SELECT status FROM payroll_orders WHERE id = ?');
    const missing = acked.filter((id) => !['approved', 'superseded'].includes((status.get(Number(id)) as { status: string } | undefined)?.status ?? ''));
    // One order in force for the managers at any time.
    const inForce = app.store.sqlite.prepare("SELECT count(*) AS n FROM payroll_orders WHERE status = 'approved'").get() as { n: number };
    if (inForce.n > 1) missing.push(`${inForce.n} orders approved at once`);
    return missing;
  },
  // Drafts a killed run left are removed, so order ids may skip; the audit trail's ids are still checked.
  series: [],
};

/** Annulling documents: an invoice is issued (numbered, rendered, frozen), then annulled with a reason. */
export const documentAnnulment: CrashScenario = {
  name: 'annulling documents',
  // The first document of a fresh process also loads the PDF engine and the fonts.
  maxDelayMs: 3000,
  async prepare(call) {
    await setUp(call);
    await call('clients.create', { client: clientInput({ shortName: 'ООО «Вектор»', inn: '7736207543', kpp: '773601001', ogrn: '1037700013020' }) });
  },
  async step(call, { run, i }) {
    const draft = await call('documents.createDraft', {
      kind: 'invoice',
      orgId: 1,
      clientId: 1,
      docDate: '2026-11-20',
      vatMode: 'on_top',
      vatRate: '22',
      lines: [{ name: `Стеллаж ${run}-${i}`, unit: 'шт', okei: '796', quantityMilli: 1000, priceKopecks: 100_000, vatRate: '22' }],
      terms: { city: 'г. Москва', paymentDays: 5, deliveryDays: 10, validDays: 5 },
    });
    await call('documents.issue', { id: draft.id });
    const annulled = await call('documents.annul', { id: draft.id, reason: `Проверка ${run}.${i}` });
    if (annulled.status !== 'annulled') throw new Error(`document ${draft.id}: ${annulled.status}`);
    return String(draft.id);
  },
  async lost(app, acked) {
    const row = app.store.sqlite.prepare('SELECT status, pdf IS NOT NULL AS frozen FROM documents WHERE id = ?');
    return acked.filter((id) => {
      const r = row.get(Number(id)) as { status: string; frozen: number } | undefined;
      return r?.status !== 'annulled' || r.frozen !== 1;
    });
  },
  series: [{ name: 'invoice numbers', sql: "SELECT number_seq FROM documents WHERE series_key = 'invoice' AND number_seq IS NOT NULL ORDER BY number_seq" }],
};
