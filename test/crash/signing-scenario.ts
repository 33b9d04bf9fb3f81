import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../../src/server/context';
import { clientInput } from '../helpers/client-fixtures';
import { VALID_ORG } from '../helpers/temp-app';
import type { Call, CrashScenario } from './scenarios';

/** Attaching scans: the file goes into files/ first, then its rows and audit entry in one transaction. */
export const signingScans: CrashScenario = {
  name: 'attaching scans',
  async prepare(call: Call) {
    await call('setup.complete', { org: VALID_ORG, director: { fullName: 'Петров Пётр Петрович', login: 'director', password: 'Stol-Lampa-2026' } });
    const client = await call('clients.create', {
      client: clientInput({
        shortName: 'ООО «Вектор»',
        inn: '7736207543',
        kpp: '773601001',
        ogrn: '1037700013020',
        accounts: [{ bik: '044030827', bankName: 'АО «Северный банк»', corrAccount: '30101810200000000827', account: '40702810900000002851', isPrimary: true }],
      }),
    });
    const line = { name: 'Монтаж стеллажей', unit: 'час', okei: '356', quantityMilli: 1000, priceKopecks: 250_000, vatRate: '22' as const };
    const draft = await call('documents.createDraft', { kind: 'act_services', orgId: 1, clientId: client.id, docDate: '2026-11-20', vatMode: 'on_top', vatRate: '22', lines: [line] });
    await call('documents.issue', { id: draft.id });
  },
  async step(call, { run, i }) {
    // The act issued in prepare is the base's first document.
    const bytes = Buffer.concat([Buffer.from(`%PDF-1.4\n% скан ${run}-${i}\n`), randomBytes(2048)]);
    await call('signing.attachScan', { documentId: 1, fileName: `скан ${run}-${i}.pdf`, base64: bytes.toString('base64') });
    return createHash('sha256').update(bytes).digest('hex');
  },
  async lost(app: AppContext, acked: string[]) {
    const missing: string[] = [];
    const linked = app.store.sqlite.prepare('SELECT s.stored_path AS path FROM document_scans ds JOIN scans s ON s.sha256 = ds.sha256 WHERE ds.document_id = 1 AND ds.sha256 = ?');
    for (const sha of acked) {
      const row = linked.get(sha) as { path: string } | undefined;
      if (!row) missing.push(sha);
    }
    // A recorded scan always has its file: the file is written (and renamed into place) before the rows.
    const rows = app.store.sqlite.prepare('SELECT sha256, stored_path AS path FROM scans').all() as { sha256: string; path: string }[];
    for (const r of rows) if (!existsSync(join(app.dataDir, 'files', r.path))) missing.push(`${r.sha256} without its file`);
    return missing;
  },
  series: [],
};
