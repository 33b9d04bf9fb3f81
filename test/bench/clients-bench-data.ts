// Synthetic bases and long lists for the clients benchmark, written in bulk in one transaction.
import { checkInn10 } from '../../src/core';
import type { AppContext } from '../../src/server/context';
import { toDrizzle } from '../../src/db/drizzle';
import { inTransaction } from '../../src/db/drizzle';
import { deferClientIndexSync, indexDeferredClientsSync, type NewClientData } from '../../src/db/repos/client-writes';
import { insertClientsSync } from '../../src/db/repos/client-bulk-writes';

const ADJECTIVES = ['Северный', 'Южная', 'Восточный', 'Западная', 'Новый', 'Старая', 'Большой', 'Малая', 'Первый', 'Главная', 'Сибирский', 'Уральская', 'Волжский', 'Невская', 'Донской', 'Балтийская', 'Центральный', 'Красная', 'Белый', 'Золотая'];
const NOUNS = ['Альянс', 'Вектор', 'Гранит', 'Дельта', 'Заря', 'Импульс', 'Капитал', 'Лидер', 'Маяк', 'Монолит', 'Орион', 'Партнёр', 'Ресурс', 'Сигма', 'Стандарт', 'Торг', 'Трейд', 'Урожай', 'Феникс', 'Эталон', 'Ёлка', 'Янтарь', 'Берег', 'Кристалл', 'Прогресс'];
const TAILS = ['Строй', 'Снаб', 'Пром', 'Логистик', 'Сервис', 'Опт', 'Маркет', 'Тех', 'Агро', 'Мед'];
const REGIONS = ['Москва', 'Московская область', 'Санкт-Петербург', 'Казань', 'Екатеринбург', 'Новосибирск', 'Нижний Новгород', 'Самара', 'Ростов-на-Дону', 'Краснодар'];
const FORMS = ['ООО', 'АО', 'ООО', 'ООО', 'ПАО'];

/** A deterministic pseudo-random generator (the same base every run). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

/** A valid organisation ИНН from a number (unique per number). */
export function innFor(n: number): string {
  const base = String(770000000 + n).padStart(9, '0').slice(-9);
  for (let d = 0; d < 10; d++) if (checkInn10(base + d)) return base + d;
  throw new Error('unreachable: every base has a check digit');
}

/** The i-th synthetic client. */
export function syntheticClient(i: number, r: () => number, owners: number[]): NewClientData {
  const name = `${pick(r, ADJECTIVES)} ${pick(r, NOUNS)}-${pick(r, TAILS)} ${i}`;
  const form = pick(r, FORMS);
  const phone = `+7 9${String(Math.floor(r() * 1e9)).padStart(9, '0')}`;
  return {
    kind: 'legal',
    shortName: `${form} «${name}»`,
    fullName: `${form} «${name}»`,
    inn: innFor(i),
    kpp: '',
    ogrn: '',
    legalAddress: '',
    postalAddress: '',
    actualAddress: '',
    website: '',
    segment: pick(r, ['Производство', 'Розница', 'Опт', 'Услуги', 'IT']),
    region: pick(r, REGIONS),
    sourceId: null,
    comment: '',
    phones: [{ value: phone, label: '' }],
    emails: [{ value: `info@company${i}.example`, label: '' }],
    accounts: [],
    contacts: i % 5 === 0 ? [{ fullName: `${pick(r, ['Иванов', 'Петрова', 'Сидоров', 'Кузнецова'])} ${pick(r, ['Иван', 'Анна', 'Пётр', 'Мария'])}`, position: 'Директор' }] : [],
    responsibleId: i % 10 === 0 ? null : owners[i % owners.length],
    importBatchId: null,
    createdBy: null,
  };
}

/** n synthetic clients, made before any timing starts (the rows are test data, not part of the write path). */
export function syntheticClients(n: number, owners: number[]): NewClientData[] {
  const r = rng(2026);
  return Array.from({ length: n }, (_, i) => syntheticClient(i + 1, r, owners));
}

/** Writes the clients into the base in one transaction, as an import's write path does. */
export function writeClients(app: AppContext, clients: readonly NewClientData[]): void {
  const sqlite = app.store.sqlite;
  const deps = { db: toDrizzle(sqlite), sqlite, now: app.now };
  const at = app.now().toISOString();
  inTransaction(deps, () => {
    const deferral = deferClientIndexSync(deps, { bulkRows: clients.length });
    insertClientsSync(deps, clients, at);
    indexDeferredClientsSync(deps, deferral);
  });
}

/** A long list of n rows against the base: a third already there (by ИНН, name or phone), the rest new, some broken. */
export function longListCsv(n: number, base: NewClientData[]): string {
  const r = rng(7);
  const lines = ['Наименование;ИНН;Телефон;E-mail;Регион'];
  for (let i = 0; i < n; i++) {
    const k = r();
    if (k < 0.12) {
      const c = pick(r, base);
      lines.push(`${c.shortName};${c.inn};;;${c.region}`);
    } else if (k < 0.24) {
      const c = pick(r, base);
      lines.push(`${c.shortName.replace(/^(\S+) «(.*)»$/, '«$2» $1')};;;;${c.region}`);
    } else if (k < 0.33) {
      const c = pick(r, base);
      lines.push(`Другое имя ${i};;${c.phones[0]?.value.replace('+7', '8') ?? ''};;`);
    } else if (k < 0.36) {
      lines.push(`ООО «Ошибка ${i}»;${innFor(500000 + i).slice(0, 9)}1;;;`);
    } else {
      lines.push(`ООО «Новая компания ${i}»;${innFor(300000 + i)};+7 8${String(Math.floor(r() * 1e9)).padStart(9, '0')};sales@new${i}.example;${pick(r, REGIONS)}`);
    }
  }
  return lines.join('\r\n');
}
