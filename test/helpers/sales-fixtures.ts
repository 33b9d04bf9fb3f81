import type { Sqlite } from '../../src/db/connection';

/** A client with one key person, written straight into the clients area's tables (their API may change). */
export function insertClient(sqlite: Sqlite, name: string, responsibleId: number | null, contact = 'Орлов Игорь Петрович'): { clientId: number; contactId: number } {
  const at = '2026-11-01T09:00:00.000Z';
  const { id: clientId } = sqlite
    .prepare(
      "INSERT INTO clients (kind, full_name, short_name, name_key, responsible_id, last_activity_at, created_at, updated_at) VALUES ('legal', ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .get(`Общество с ограниченной ответственностью «${name}»`, `ООО «${name}»`, name.toLowerCase(), responsibleId, at, at, at) as { id: number };
  const { id: contactId } = sqlite
    .prepare("INSERT INTO client_contacts (client_id, full_name, position, created_at, updated_at) VALUES (?, ?, 'Генеральный директор', ?, ?) RETURNING id")
    .get(clientId, contact, at, at) as { id: number };
  return { clientId, contactId };
}

/** The id of a user by login. */
export function userId(sqlite: Sqlite, login: string): number {
  return (sqlite.prepare('SELECT id FROM users WHERE login = ?').get(login) as { id: number }).id;
}
