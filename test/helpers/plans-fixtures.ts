import type { Sqlite } from '../../src/db/connection';

let seq = 0;

/** One incoming client payment written straight into the Money area's `payments` table (their write API may change). */
export function insertPayment(
  sqlite: Sqlite,
  p: { date: string; netKopecks: number; vatKopecks?: number; managerId: number | null; clientId?: number | null; direction?: 'in' | 'out'; kind?: 'client' | 'bank_fee' | 'outgoing' | 'other' },
): number {
  const vat = p.vatKopecks ?? 0;
  const org = sqlite.prepare('SELECT id FROM organizations ORDER BY id LIMIT 1').get() as { id: number };
  const row = sqlite
    .prepare(
      `INSERT INTO payments (direction, kind, date, month, amount_kopecks, vat_kopecks, amount_net_kopecks, org_id, client_id, manager_id, dedupe_key, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(p.direction ?? 'in', p.kind ?? 'client', p.date, p.date.slice(0, 7), p.netKopecks + vat, vat, p.netKopecks, org.id, p.clientId ?? null, p.managerId, `test-${++seq}-${p.date}`, `${p.date}T12:00:00Z`) as { id: number };
  return row.id;
}
