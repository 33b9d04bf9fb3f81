import type { BoardData } from '../../db/repos/signing-board-repo';
import type { BoardClientGroup, BoardManagerGroup, BoardResult, BoardRow } from '../../shared/api/signing-types';

/** What counts towards totals: a contract's risk is its unsigned acts, already on the board themselves. */
function counted(r: BoardRow): number {
  return r.riskFromActs ? 0 : r.riskKopecks;
}

const names = new Intl.Collator('ru');

/**
 * Groups waiting documents by manager and client; managers, clients and documents ordered by money at
 * risk, the largest first (documents of equal risk: the most overdue first).
 */
export function buildBoard({ rows, clientNames, managerNames }: BoardData, today: string): BoardResult {
  const managers = new Map<number, { group: BoardManagerGroup; clients: Map<number, BoardClientGroup> }>();
  let risk = 0;
  let overdue = 0;
  for (const r of rows) {
    let m = managers.get(r.managerId);
    if (!m) {
      m = { group: { managerId: r.managerId, managerName: managerNames.get(r.managerId) ?? '', riskKopecks: 0, count: 0, overdue: 0, clients: [] }, clients: new Map() };
      managers.set(r.managerId, m);
    }
    let c = m.clients.get(r.clientId);
    if (!c) {
      c = { clientId: r.clientId, clientName: clientNames.get(r.clientId) ?? '', riskKopecks: 0, overdue: 0, rows: [] };
      m.clients.set(r.clientId, c);
    }
    const money = counted(r);
    const late = r.daysOverdue > 0 ? 1 : 0;
    c.rows.push(r);
    c.riskKopecks += money;
    c.overdue += late;
    m.group.riskKopecks += money;
    m.group.count += 1;
    m.group.overdue += late;
    risk += money;
    overdue += late;
  }
  const groups = [...managers.values()].map(({ group, clients }) => {
    const list = [...clients.values()];
    for (const c of list) c.rows.sort((a, b) => b.riskKopecks - a.riskKopecks || b.daysOverdue - a.daysOverdue || a.documentId - b.documentId);
    list.sort((a, b) => b.riskKopecks - a.riskKopecks || names.compare(a.clientName, b.clientName));
    return { ...group, clients: list };
  });
  groups.sort((a, b) => b.riskKopecks - a.riskKopecks || names.compare(a.managerName, b.managerName));
  return { today, count: rows.length, overdue, riskKopecks: risk, groups };
}
