import type { AppContext } from '../../src/server/context';
import { clientInput } from '../helpers/client-fixtures';
import { VALID_ORG } from '../helpers/temp-app';
import type { Call, CrashScenario } from './scenarios';

/** Issuing bundles: contract + invoice rendered, numbered from two series and written in one transaction. */
export const documentBundles: CrashScenario = {
  name: 'document-bundles',
  // The first bundle of a fresh process also loads the PDF engine and the fonts.
  maxDelayMs: 3000,
  async prepare(call: Call) {
    await call('setup.complete', { org: VALID_ORG, director: { fullName: 'Петров Пётр Петрович', login: 'director', password: 'Stol-Lampa-2026' } });
    await call('clients.create', {
      client: clientInput({
        shortName: 'ООО «Вектор»',
        inn: '7736207543',
        kpp: '773601001',
        ogrn: '1037700013020',
        accounts: [{ bik: '044030827', bankName: 'АО «Северный банк»', corrAccount: '30101810200000000827', account: '40702810900000002851', isPrimary: true }],
      }),
    });
  },
  async step(call, { run, i }) {
    const res = await call('documents.bundle', {
      orgId: 1,
      clientId: 1,
      docDate: '2026-11-20',
      contractKind: 'contract_supply',
      vatMode: 'on_top',
      vatRate: '22',
      lines: [{ name: `Стеллаж, партия ${run}-${i}`, unit: 'шт', okei: '796', quantityMilli: 1000 + i, priceKopecks: 100_000, vatRate: '22' }],
    });
    return `${res.bundleId}|${res.documents.map((d) => `${d.id}:${d.number}`).join(',')}`;
  },
  async lost(app: AppContext, acked: string[]) {
    const missing: string[] = [];
    for (const key of acked) {
      const [bundleId, docs] = key.split('|');
      const bundle = await app.store.documents.issuing.bundle(Number(bundleId));
      if (bundle?.status !== 'issued' || !(await app.store.documents.issuing.bundlePdf(Number(bundleId)))) missing.push(key);
      for (const pair of docs.split(',')) {
        const [id, number] = pair.split(':');
        const frozen = await app.store.documents.docs.frozen(Number(id));
        const doc = await app.store.documents.docs.get(Number(id));
        if (!frozen || doc?.number !== number || doc.bundleId !== Number(bundleId)) missing.push(`${key} → ${pair}`);
      }
    }
    // Nothing half-written: every issued document has its PDF, and no draft is left in an issued bundle.
    const half = app.store.sqlite
      .prepare("SELECT count(*) AS n FROM documents d JOIN bundles b ON b.id = d.bundle_id WHERE (b.status = 'issued') <> (d.status = 'issued') OR (d.status = 'issued' AND d.pdf IS NULL)")
      .get() as { n: number };
    if (half.n > 0) missing.push(`${half.n} documents half-issued`);
    // The series moved exactly as far as the numbers written.
    for (const key of ['contract', 'invoice']) {
      const r = app.store.sqlite
        .prepare('SELECT (SELECT coalesce(max(last_number), 0) FROM number_series WHERE series_key = ?) AS last, (SELECT coalesce(max(number_seq), 0) FROM documents WHERE series_key = ?) AS used')
        .get(key, key) as { last: number; used: number };
      if (r.last !== r.used) missing.push(`${key} series at ${r.last}, documents up to ${r.used}`);
    }
    return missing;
  },
  series: [
    { name: 'contract numbers', sql: "SELECT number_seq FROM documents WHERE series_key = 'contract' AND number_seq IS NOT NULL ORDER BY number_seq" },
    { name: 'invoice numbers', sql: "SELECT number_seq FROM documents WHERE series_key = 'invoice' AND number_seq IS NOT NULL ORDER BY number_seq" },
  ],
};
