import { shortPersonName } from '../core/index';
import { StaleRecordError, type RecordStamp } from '../shared/record-version';
import { AppError } from './app-error';

const pad = (n: number) => String(n).padStart(2, '0');

/** «Эту запись изменил(а) Иванов И. И. в 12:03. Обновите и повторите» (the office's local time). */
export function staleMessage(stamp: RecordStamp): string {
  const at = new Date(stamp.updatedAt);
  const time = Number.isNaN(at.getTime()) ? '' : ` в ${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const who = stamp.updatedByName ? `изменил(а) ${shortPersonName(stamp.updatedByName)}` : 'изменили';
  return `Эту запись ${who}${time}. Обновите и повторите`;
}

/** Runs a save; a stale version becomes a STALE refusal naming who saved the record last and when. */
export async function refuseStale<T>(save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (e) {
    if (e instanceof StaleRecordError) throw new AppError('STALE', staleMessage(e.stamp));
    throw e;
  }
}

/**
 * The version a save of an existing record (an id given) was based on; refuses such a save without
 * one, since it could overwrite another person's changes unseen. A new record (no id) needs none.
 */
export function versionForUpdate(id: number | null | undefined, version: number | undefined): number | undefined {
  if (id === null || id === undefined) return undefined;
  if (version === undefined) throw new AppError('VALIDATION', 'Не указана версия записи: обновите и повторите', [{ path: 'version', message: 'Обновите и повторите' }]);
  return version;
}
