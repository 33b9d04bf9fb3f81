import { z } from '../zod-ru';
import { entry } from '../entry';
import { setVersionSchema } from '../record-version';
import { ANY_ROLE, DIRECTOR_ONLY } from '../roles';

/** Office-wide settings. */
export interface Settings {
  idleLockMinutes: number;
  loginDisabled: boolean;
  userCount: number;
  /** The version a save of the settings must carry: 0 until anyone saved them (concurrent edits). */
  version: number;
}

/** About the program and where its data lives. */
export interface SystemInfo {
  appName: string;
  version: string;
  dataDir: string;
  dbFile: string;
  migrations: { area: string; applied: number }[];
}

/** One audit entry as shown in the read-only view. */
export interface AuditEntryDto {
  id: number;
  at: string;
  userName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  /** The entry as a sentence: «Петров Пётр Петрович: ведомость за октябрь 2026 — утверждена». */
  sentence: string;
  /** The changed fields with Russian names; money as «90 000,00 ₽», times local. */
  changes: { field: string; before: string; after: string }[];
  /** Where the record opens in the app, or null. */
  link: string | null;
  /** «26.11.2026 12:00», this computer's time. */
  atLocal: string;
}

/** One step of a new office's «Первые шаги» checklist, ticked from the data. */
export interface FirstStepDto {
  key: 'requisites' | 'staff' | 'discounts' | 'plans' | 'objections' | 'client' | 'bundle' | 'statement' | 'closer';
  label: string;
  done: boolean;
  /** Where the step is done (an app path). */
  link: string;
}

/** A long write running on this base (an import commit, a statement): how far it has got. */
export interface LongWriteDto {
  entry: string;
  /** How the refusal of a second start names it: «Загрузка списка клиентов». */
  what: string;
  /** Rows written so far and of how many (0 of 0 while the file is still being read and matched). */
  done: number;
  total: number;
  startedAt: string;
}

/** An audit entry as stored, before the server words it. */
export type AuditRawEntry = Omit<AuditEntryDto, 'sentence' | 'changes' | 'link' | 'atLocal'>;

/** Settings, program info and the audit trail. */
export const systemApi = {
  /** The home page's «Первые шаги»: each step ticked from the data; `allDone` hides the list. */
  'home.firstSteps': entry<{ steps: FirstStepDto[]; allDone: boolean }>()({ input: z.object({}), access: ['director', 'head_of_sales'], writes: false }),
  'system.info': entry<SystemInfo>()({ input: z.object({}), access: ANY_ROLE, writes: false }),
  /** The long writes running now, with their counts: the import screens poll it while they wait. */
  'system.longWrites': entry<LongWriteDto[]>()({ input: z.object({}), access: ANY_ROLE, writes: false }),
  'settings.get': entry<Settings>()({ input: z.object({}), access: ANY_ROLE, writes: false }),
  'settings.update': entry<Settings>()({
    input: z.object({
      version: setVersionSchema,
      idleLockMinutes: z.number().int().min(1, { message: 'Не меньше 1 минуты' }).max(480, { message: 'Не больше 480 минут' }),
      loginDisabled: z.boolean(),
    }),
    access: DIRECTOR_ONLY,
    writes: true,
  }),
  'audit.list': entry<{ entries: AuditEntryDto[]; chainOk: boolean; firstBadId: number | null }>()({
    input: z.object({
      entity: z.string().max(100).optional(),
      entityId: z.string().max(100).optional(),
      userId: z.number().int().positive().optional(),
      /** Entries made by the program itself (no person). */
      system: z.boolean().optional(),
      /** Paging: only entries older than this id. */
      beforeId: z.number().int().positive().optional(),
      from: z.string().max(10).optional(),
      to: z.string().max(10).optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    access: DIRECTOR_ONLY,
    writes: false,
  }),
};
