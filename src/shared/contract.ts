import type { z } from 'zod';
import type { Envelope } from './errors';
import { auditApi } from './api/audit';
import { authApi } from './api/auth';
import { backupApi } from './api/backup';
import { catalogApi } from './api/catalog';
import { clientsApi } from './api/clients';
import { commercialReportApi } from './api/commercial-report';
import { approvalsApi } from './api/discount-approvals';
import { templatesApi } from './api/document-templates';
import { documentsApi } from './api/documents';
import { moneyApi } from './api/money';
import { officeApi } from './api/office';
import { orgsApi } from './api/orgs';
import { payrollApi } from './api/payroll';
import { plansApi } from './api/plans';
import { presenceApi } from './api/presence';
import { salesApi } from './api/sales';
import { activitiesApi } from './api/sales-activities';
import { signingApi } from './api/signing';
import { workStatsApi } from './api/sales-stats';
import { standardsApi } from './api/standards';
import { systemApi } from './api/system';
import { usersApi } from './api/users';

/** The whole API: every entry the renderer may call, by name. Areas add their maps here. */
export const contract = {
  ...authApi,
  ...systemApi,
  ...usersApi,
  ...orgsApi,
  ...clientsApi,
  ...backupApi,
  ...auditApi,
  ...salesApi,
  ...activitiesApi,
  ...workStatsApi,
  ...standardsApi,
  ...documentsApi,
  ...catalogApi,
  ...templatesApi,
  ...approvalsApi,
  ...signingApi,
  ...plansApi,
  ...payrollApi,
  ...moneyApi,
  ...commercialReportApi,
  ...presenceApi,
  ...officeApi,
};

/** The contract's type. */
export type Contract = typeof contract;

/** The name of one entry. */
export type EntryName = keyof Contract;

/** Every entry name, in declaration order (the preload builds one function per name from this). */
export const ENTRY_NAMES = Object.keys(contract) as EntryName[];

/** What the caller passes to entry K. */
export type ApiInput<K extends EntryName> = z.input<Contract[K]['input']>;

/** What the handler of entry K receives after validation. */
export type ApiParsed<K extends EntryName> = z.output<Contract[K]['input']>;

/** What entry K resolves to. */
export type ApiResult<K extends EntryName> = Exclude<Contract[K]['result'], undefined>;

/** The client shape shared by the preload bridge and the browser host client. */
/** The IPC channel on which main pushes committed writes (ChangeEvent) to the window. */
export const CHANGE_CHANNEL = 'sdelka:change';

export type ApiClient = { [K in EntryName]: (input: ApiInput<K>, opts?: CallOptions) => Promise<Envelope<ApiResult<K>>> };

/** How a call is made: a background refresh never extends the session; a write's request id makes a retry safe. */
export interface CallOptions {
  background?: boolean;
  requestId?: string;
}

/** The call options from outside (IPC, HTTP headers), kept only when well-formed. */
export function callOptionsFrom(raw: unknown): CallOptions {
  if (typeof raw !== 'object' || raw === null) return {};
  const o = raw as Record<string, unknown>;
  const requestId = typeof o.requestId === 'string' && /^[A-Za-z0-9._:-]{1,100}$/.test(o.requestId) ? o.requestId : undefined;
  return { background: o.background === true, ...(requestId ? { requestId } : {}) };
}

/** The IPC channel that carries entry `name`. */
export function channelOf(name: string): string {
  return `api:${name}`;
}

/** Type guard for entry names coming from outside. */
export function isEntryName(name: unknown): name is EntryName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
