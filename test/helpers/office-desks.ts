import { rmSync } from 'node:fs';
import type { WebHost } from '../../src/host/web-host';
import type { DeskClient } from '../../src/server/office/desk-client';
import { VALID_ORG } from './temp-app';

/** The test password of every person. */
export const DESK_PASSWORD = 'Stol-Lampa-2026';

/** Calls an entry from a desk; a refusal fails the test with the host's message. */
export async function deskOk(d: DeskClient, name: string, input: unknown): Promise<unknown> {
  const res = await d.call(name, input);
  if (res.error) throw new Error(`${name}: ${res.error.message}`);
  return res.data;
}

/** Sets the office up from a desk (our organisation, director «director») and adds manager «anna»; returns her id. */
export async function setUpOfficeWithAnna(director: DeskClient): Promise<number> {
  await deskOk(director, 'setup.complete', { org: VALID_ORG, director: { fullName: 'Петров Пётр Петрович', login: 'director', password: DESK_PASSWORD } });
  const anna = (await deskOk(director, 'users.create', { login: 'anna', fullName: 'Анна Смирнова', position: '', role: 'manager', password: DESK_PASSWORD })) as { id: number };
  return anna.id;
}

/** Closes the desks, then the host, and removes its folder. */
export async function closeOffice(desks: DeskClient[], host: WebHost, dir: string): Promise<void> {
  for (const d of desks) await d.close();
  await host.close();
  rmSync(dir, { recursive: true, force: true });
}
