import type { Sqlite } from '../../src/db/connection';

/** How big the five-year office is. */
export const SIZE = { managers: 12, clients: 6_000, deals: 100_000, activities: 1_000_000, payments: 200_000, requests: 20_000 };

const YEARS = [2022, 2023, 2024, 2025, 2026];
const FIRST = Date.UTC(2022, 0, 1);
const TODAY = Date.UTC(2026, 10, 26);
const DAYS = Math.round((TODAY - FIRST) / 86_400_000);

function generator(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

const iso = (dayIndex: number) => new Date(FIRST + dayIndex * 86_400_000).toISOString().slice(0, 10);

/** Fills a set-up base with five years of an office in bulk (raw inserts in one transaction per table). */
export function fillFiveYears(sqlite: Sqlite): { managerIds: number[] } {
  const rand = generator(2026);
  const managerIds: number[] = [];
  sqlite.transaction(() => {
    const user = sqlite.prepare("INSERT INTO users (login, full_name, position, role, password_hash, created_at) VALUES (?, ?, '', 'manager', 'x', '2022-01-01') RETURNING id");
    for (let m = 0; m < SIZE.managers; m++) managerIds.push((user.get(`bench${m}`, `Менеджер ${String(m + 1).padStart(2, '0')}`) as { id: number }).id);
    const client = sqlite.prepare(
      "INSERT INTO clients (kind, full_name, short_name, name_key, responsible_id, ladder_step, last_activity_at, created_at, updated_at) VALUES ('legal', ?, ?, ?, ?, ?, '2026-01-01', ?, '2026-01-01')",
    );
    for (let c = 0; c < SIZE.clients; c++) {
      const step = c % 3 === 0 ? 'repeat' : c % 3 === 1 ? 'payment' : 'contact';
      client.run(`ООО «Клиент ${c}»`, `ООО «Клиент ${c}»`, `клиент ${c}`, managerIds[c % SIZE.managers], step, `${iso(Math.floor(rand() * DAYS))}T09:00:00Z`);
    }
  })();
  sqlite.transaction(() => {
    const deal = sqlite.prepare(
      `INSERT INTO deals (client_id, manager_id, title, amount_kopecks, close_month, probability, stage, outcome, closed_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'proposal', ?, ?, ?, ?)`,
    );
    for (let d = 0; d < SIZE.deals; d++) {
      const c = 1 + Math.floor(rand() * SIZE.clients);
      const day = Math.floor(rand() * (DAYS + 180));
      const month = iso(Math.min(day, DAYS + 179)).slice(0, 7);
      const past = day < DAYS - 30;
      const outcome = past ? (rand() < 0.55 ? 'won' : 'lost') : 'open';
      const at = `${iso(Math.min(day, DAYS))}T12:00:00.000Z`;
      deal.run(c, managerIds[(c - 1) % SIZE.managers], `Сделка ${d}`, 5_000_000 + Math.floor(rand() * 300_000_000), month, 5 + Math.floor(rand() * 90), outcome, past ? at : null, at, at);
    }
  })();
  sqlite.transaction(() => {
    const act = sqlite.prepare(
      "INSERT INTO activities (kind, status, at, day, manager_id, client_id, created_at, updated_at) VALUES ('call_cold', ?, ?, ?, ?, ?, ?, ?)",
    );
    for (let a = 0; a < SIZE.activities; a++) {
      const m = a % SIZE.managers;
      const day = iso(Math.floor(rand() * (DAYS + 1)));
      act.run(day === iso(DAYS) && a % 3 === 0 ? 'planned' : 'done', `${day}T10:00`, day, managerIds[m], 1 + m + SIZE.managers * Math.floor(rand() * (SIZE.clients / SIZE.managers - 1)), `${day}T10:00:00Z`, `${day}T10:00:00Z`);
    }
    sqlite.exec(`INSERT INTO activity_day_stats (manager_id, day, calls, cold_calls, contacts, meetings_held)
      SELECT manager_id, day, count(*), count(*), count(*) / 3, count(*) / 20 FROM activities WHERE status = 'done' GROUP BY manager_id, day`);
  })();
  const hasPayments = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'payments'").get() !== undefined;
  if (hasPayments) {
    sqlite.transaction(() => {
      const org = (sqlite.prepare('SELECT id FROM organizations LIMIT 1').get() as { id: number }).id;
      const pay = sqlite.prepare(
        `INSERT INTO payments (direction, kind, date, month, amount_kopecks, vat_kopecks, amount_net_kopecks, org_id, client_id, manager_id, dedupe_key, updated_at)
         VALUES ('in', 'client', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (let p = 0; p < SIZE.payments; p++) {
        const day = iso(Math.floor(rand() * (DAYS + 1)));
        const c = 1 + Math.floor(rand() * SIZE.clients);
        const net = 1_000_000 + Math.floor(rand() * 50_000_000);
        const vat = Math.floor(net * 0.2);
        pay.run(day, day.slice(0, 7), net + vat, vat, net, org, c, rand() < 0.97 ? managerIds[(c - 1) % SIZE.managers] : null, `bench-${p}`, `${day}T12:00:00Z`);
      }
    })();
  }
  sqlite.transaction(() => {
    const plan = sqlite.prepare(
      "INSERT INTO plans (scope, user_id, owner_key, period, measure, amount_kopecks, status, updated_at) VALUES (?, ?, ?, ?, 'revenue_net', ?, 'approved', '2022-01-01')",
    );
    for (const y of YEARS) {
      for (let m = 1; m <= 12; m++) {
        const month = `${y}-${String(m).padStart(2, '0')}`;
        for (const id of managerIds) plan.run('manager', id, id, month, Math.round(60_000_000_000 / 12 / SIZE.managers));
        plan.run('department', null, 0, month, 5_000_000_000);
        plan.run('company', null, 0, month, 5_500_000_000);
      }
      plan.run('department', null, 0, String(y), 60_000_000_000);
    }
    sqlite.exec("INSERT INTO advertising_sources (name) VALUES ('Яндекс.Директ'), ('Сайт'), ('Выставка'), ('Рекомендации')");
    const req = sqlite.prepare("INSERT INTO inbound_requests (received_at, day, channel, source_id, deal_id, created_at, updated_at) VALUES (?, ?, 'call', ?, ?, ?, ?)");
    for (let r = 0; r < SIZE.requests; r++) {
      const day = iso(Math.floor(rand() * (DAYS + 1)));
      req.run(`${day}T10:00`, day, 1 + (r % 4), r % 3 === 0 ? 1 + Math.floor(rand() * SIZE.deals) : null, day, day);
    }
    const tier = sqlite.prepare("INSERT INTO vip_client_tiers (client_id, tier_id, since) VALUES (?, ?, '2025-01-10')");
    for (let c = 1; c <= SIZE.clients; c += 10) tier.run(c, 1 + (c % 2));
    const visit = sqlite.prepare("INSERT INTO vip_visits (client_id, manager_id, visited_on, created_at, updated_at) VALUES (?, ?, ?, '2026-01-01', '2026-01-01')");
    for (let v = 0; v < 5_000; v++) {
      const c = 1 + Math.floor(rand() * SIZE.clients);
      visit.run(c, managerIds[(c - 1) % SIZE.managers], iso(DAYS - Math.floor(rand() * 700)));
    }
  })();
  sqlite.exec('ANALYZE');
  return { managerIds };
}
