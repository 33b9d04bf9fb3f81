import type { EntryName } from '../../../shared/contract';

/** An entry's area: the part of its name before the first dot (`clients` for `clients.create`). */
export type AreaOf<K extends string> = K extends `${infer A}.${string}` ? A : never;

/** Every area of the contract. */
export type Area = AreaOf<EntryName>;

/**
 * The one map from "what changed" to what shows it: a write in area A makes every query of the
 * areas listed under A stale (its own area included). Keyed by every area of the contract, so a new
 * area does not compile until it says what it touches; read-only areas list nothing.
 */
export const AREA_SHOWS: Record<Area, readonly Area[]> = {
  auth: ['auth', 'users', 'office'],
  setup: ['home', 'auth', 'system', 'settings', 'users', 'orgs'],
  system: [],
  settings: ['home', 'settings', 'auth', 'system', 'signing', 'documents'],
  audit: [],
  users: ['home', 'users', 'auth', 'office', 'sales', 'clients', 'plans', 'payroll', 'dashboard'],
  orgs: ['home', 'orgs', 'documents', 'templates', 'orgAssets', 'payments', 'commercialReport'],
  clients: ['home', 'clients', 'sales', 'deals', 'activities', 'documents', 'signing', 'vip', 'inbound', 'dashboard', 'payments'],
  // A restore replaces the whole base: everything shown is stale.
  backup: ['backup', 'auth', 'system', 'settings', 'audit', 'users', 'orgs', 'clients', 'deals', 'lossReasons', 'sales', 'activities', 'workStats', 'standards', 'objections', 'documents', 'catalog', 'priceLists', 'discountLimits', 'numberSeries', 'orgAssets', 'templates', 'approvals', 'signing', 'plans', 'forecast', 'inbound', 'vip', 'dashboard', 'payroll', 'payments', 'commercialReport', 'monthClose'],
  deals: ['deals', 'clients', 'sales', 'activities', 'documents', 'signing', 'plans', 'forecast', 'dashboard', 'workStats', 'payroll', 'payments', 'commercialReport', 'inbound', 'vip'],
  lossReasons: ['lossReasons', 'deals'],
  sales: [],
  activities: ['activities', 'clients', 'deals', 'workStats', 'dashboard', 'vip', 'forecast'],
  workStats: [],
  standards: ['home', 'standards', 'objections', 'activities'],
  objections: ['home', 'objections', 'standards'],
  documents: ['home', 'documents', 'deals', 'clients', 'signing', 'approvals', 'payments', 'plans', 'forecast', 'dashboard', 'payroll', 'commercialReport', 'numberSeries'],
  catalog: ['catalog', 'priceLists', 'documents'],
  priceLists: ['priceLists', 'catalog', 'documents'],
  discountLimits: ['home', 'discountLimits', 'approvals', 'documents'],
  numberSeries: ['numberSeries', 'documents'],
  orgAssets: ['orgAssets', 'orgs', 'documents', 'templates'],
  templates: ['templates', 'documents'],
  approvals: ['approvals', 'documents', 'deals'],
  signing: ['signing', 'documents', 'deals', 'clients', 'dashboard'],
  plans: ['home', 'plans', 'forecast', 'dashboard'],
  forecast: ['forecast', 'dashboard'],
  inbound: ['inbound', 'dashboard', 'clients'],
  vip: ['vip', 'clients', 'dashboard'],
  dashboard: [],
  payroll: ['payroll', 'dashboard'],
  payments: ['home', 'payments', 'documents', 'deals', 'clients', 'signing', 'payroll', 'plans', 'forecast', 'dashboard', 'commercialReport', 'monthClose'],
  commercialReport: [],
  // Someone opened or left a deal or a draft: the «Сейчас открыто у» notes ask again.
  presence: ['presence'],
  // «Первые шаги» only reads; the areas it ticks from list it above.
  home: [],
  // Sessions and serving the LAN live outside the base: their entries are listed in CHANGES_WITHOUT_WRITING.
  office: ['office'],
  monthClose: ['home', 'monthClose', 'payments', 'payroll', 'commercialReport', 'documents', 'deals'],
};

/**
 * Entries that change what a screen shows without writing the base (so the host publishes nothing for
 * them): this window refreshes after them as after a write.
 */
export const CHANGES_WITHOUT_WRITING: readonly EntryName[] = ['backup.create', 'office.endSession', 'office.serve', 'office.connect'];

/** The area of an entry name (or the whole name when it has no dot). */
export function areaOf(entry: string): string {
  return entry.split('.')[0] ?? entry;
}

/** Whether `area` is one of the contract's areas. */
function isArea(area: string): area is Area {
  return Object.prototype.hasOwnProperty.call(AREA_SHOWS, area);
}

/** Changes that write no line of the journal: someone opening or leaving a record (memory only). */
const NOT_JOURNALED: readonly Area[] = ['presence'];

/**
 * The areas whose queries a write of `entry` makes stale; an unknown area (a newer host) makes
 * everything stale. Every write also adds a line to the journal (Настройки → Журнал изменений).
 */
export function areasInvalidatedBy(entry: string): ReadonlySet<string> | 'all' {
  const area = areaOf(entry);
  if (!isArea(area)) return 'all';
  const shown = new Set<string>(AREA_SHOWS[area]);
  if (!NOT_JOURNALED.includes(area)) shown.add('audit');
  return shown;
}

/** Whether a query with key `[entry, input]` shows data that a write of `changedEntry` changed. */
export function queryIsStaleAfter(changedEntry: string, queryKey: readonly unknown[]): boolean {
  const areas = areasInvalidatedBy(changedEntry);
  if (areas === 'all') return true;
  const shown = queryKey[0];
  return typeof shown === 'string' && areas.has(areaOf(shown));
}
