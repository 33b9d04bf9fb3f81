// Who owned each client on a day, for many payments at once: two queries for all the clients instead of
// three per payment (a statement of 10 000 lines).
import type { RepoDeps } from '../drizzle';

interface Transfer {
  at: string;
  from: number | null;
  to: number | null;
}

/** The owner on a day from a client's transfers (oldest first), its current owner and the day it entered the base. */
export function ownerFromHistory(transfers: readonly Transfer[], current: number | null, createdDay: string, date: string): number | null {
  const end = `${date}T23:59:59.999Z`;
  let before: Transfer | null = null;
  let after: Transfer | null = null;
  for (const t of transfers) {
    if (t.at <= end) before = t;
    else if (after === null) after = t;
  }
  if (before) return before.to;
  if (after) return after.from === null && date < createdDay ? after.to : after.from;
  return current;
}

/** Owners of clients on days, keyed `${clientId}|${date}` (see ownerAtSync for the rule). */
export function ownersOnDaysSync(deps: RepoDeps, pairs: readonly { clientId: number; date: string }[]): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const ids = [...new Set(pairs.map((p) => p.clientId))];
  const transfers = new Map<number, Transfer[]>();
  const clients = new Map<number, { current: number | null; created: string }>();
  if (ids.length > 0) {
    const list = JSON.stringify(ids);
    const rows = deps.sqlite
      .prepare('SELECT client_id, at, from_user_id, to_user_id FROM client_transfers WHERE client_id IN (SELECT value FROM json_each(?)) ORDER BY client_id, at, id')
      .raw()
      .all(list) as [number, string, number | null, number | null][];
    for (const [clientId, at, from, to] of rows) {
      const known = transfers.get(clientId);
      if (known) known.push({ at, from, to });
      else transfers.set(clientId, [{ at, from, to }]);
    }
    const cs = deps.sqlite
      .prepare('SELECT id, responsible_id, substr(created_at, 1, 10) FROM clients WHERE id IN (SELECT value FROM json_each(?))')
      .raw()
      .all(list) as [number, number | null, string][];
    for (const [id, current, created] of cs) clients.set(id, { current, created });
  }
  for (const p of pairs) {
    const key = `${p.clientId}|${p.date}`;
    if (out.has(key)) continue;
    const c = clients.get(p.clientId);
    out.set(key, c ? ownerFromHistory(transfers.get(p.clientId) ?? [], c.current, c.created, p.date) : null);
  }
  return out;
}
