import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, RU_HOLIDAYS_2026_2027, signatureDeadlines } from '../../src/core';
import { openTestApp, setUpOffice, type TestApp } from '../helpers/temp-app';
import { insertClient } from '../helpers/sales-fixtures';
import { issueDocumentDirect } from '../helpers/signing-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  await setUpOffice(t);
});
afterAll(async () => {
  await t.close();
});

describe('the signing triggers', () => {
  it('count the same deadlines in SQL as the core does, for every day of 2026 and several rules', () => {
    const sqlite = t.app.store.sqlite;
    const clientId = insertClient(sqlite, 'Календарь', 1).clientId;
    const id = issueDocumentDirect(sqlite, { kind: 'act_services', clientId, managerId: 1, grossKopecks: 100 });
    const holidays = new Set(RU_HOLIDAYS_2026_2027);
    const setRule = sqlite.prepare("UPDATE signing_rules SET scan_working_days = ?, original_days = ? WHERE kind = 'act_services'");
    const send = sqlite.prepare("UPDATE document_signing_state SET sent_on = ?, state = 'sent' WHERE document_id = ?");
    const read = sqlite.prepare('SELECT scan_due AS scanDue, original_due AS originalDue FROM document_signing_state WHERE document_id = ?');
    let checked = 0;
    // One transaction: each statement on its own would wait for the disk.
    sqlite.transaction(() => {
      for (const [scanWorkingDays, originalDays] of [[5, 30], [1, 0], [10, 14], [3, 45]]) {
        setRule.run(scanWorkingDays, originalDays);
        for (let day = '2026-01-01'; day <= '2026-12-31'; day = addDays(day, 1)) {
          send.run(day, id);
          expect(read.get(id), `${day} ${scanWorkingDays}/${originalDays}`).toEqual(signatureDeadlines({ sentAt: day, rules: { scanWorkingDays, originalDays } }, holidays));
          checked++;
        }
      }
    })();
    expect(checked).toBe(4 * 365);
  });

  it('start every issued document at «выставлен» and keep the events append-only', () => {
    const sqlite = t.app.store.sqlite;
    const clientId = insertClient(sqlite, 'Журнал', 1).clientId;
    const id = issueDocumentDirect(sqlite, { kind: 'torg12', clientId, managerId: 1, grossKopecks: 100 });
    expect(sqlite.prepare('SELECT state, waiting_for FROM document_signing_state WHERE document_id = ?').get(id)).toEqual({ state: 'issued', waiting_for: 'signature' });
    sqlite.prepare("INSERT INTO document_signing_events (document_id, state, at, recorded_at) VALUES (?, 'sent', '2026-11-26', 'x')").run(id);
    expect(() => sqlite.prepare('UPDATE document_signing_events SET state = ? WHERE document_id = ?').run('refused', id)).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM document_signing_events WHERE document_id = ?').run(id)).toThrow(/append-only/);
  });
});
