import { z } from '../zod-ru';
import { entry } from '../entry';
import { DIRECTOR_ONLY, type Role } from '../roles';

/** One person signed in at one desk, as the director sees it in «Сеансы». */
export interface SessionView {
  id: string;
  userName: string;
  login: string;
  role: Role;
  /** The computer's name as its desk reports it (or the address). */
  computer: string;
  address: string;
  /** Since when (ISO time). */
  since: string;
  /** The person's last own action (ISO time). */
  lastActivity: string;
  /** True for the session that asks. */
  current: boolean;
}

/** Whether this computer serves the office, and what to hand to the other desks. */
export interface OfficeInfo {
  /** True when the program can serve the office from here (the desktop app or the headless host). */
  canServe: boolean;
  serving: boolean;
  /** e.g. https://192.168.1.10:8443/ */
  address: string | null;
  port: number | null;
  /** `sdelka://ADDR:PORT#sha256=<fingerprint>`: pasted into «Подключиться к офису». */
  connection: string | null;
  /** The certificate's SHA-256 fingerprint, as browsers show it (AA:BB:…). */
  fingerprint: string | null;
  /** Why the office could not be served, or null. */
  problem: string | null;
}

/** The office: desks' sessions and serving the LAN. */
export const officeApi = {
  'office.sessions': entry<SessionView[]>()({ input: z.object({}), access: DIRECTOR_ONLY, writes: false }),
  'office.endSession': entry<null>()({
    input: z.object({ id: z.string().regex(/^[0-9a-f]{16}$/, { message: 'Неверный номер сеанса' }) }),
    access: DIRECTOR_ONLY,
    writes: false,
  }),
  'office.info': entry<OfficeInfo>()({ input: z.object({}), access: DIRECTOR_ONLY, writes: false }),
  'office.connect': entry<null>()({
    input: z.object({ connection: z.string().trim().min(1, { message: 'Вставьте строку подключения' }).max(300) }),
    access: 'public',
    writes: false,
  }),
  'office.serve': entry<OfficeInfo>()({
    input: z.object({ on: z.boolean(), port: z.number().int().min(1024).max(65535).optional() }),
    access: DIRECTOR_ONLY,
    writes: false,
  }),
};
