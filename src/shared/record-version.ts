import { z } from './zod-ru';

/** The version a save was based on: the one the person's form was filled from. */
export const versionSchema = z.number().int().positive();

/** Who saved a record last and when, with its version (shown when a stale save is refused). */
export interface RecordStamp {
  version: number;
  updatedByName: string | null;
  updatedAt: string;
}

/** The stamp of a record nobody saved yet (a set read with its defaults). */
export const NEVER_SAVED: RecordStamp = { version: 0, updatedByName: null, updatedAt: '' };

/** Thrown inside a store transaction when a save carries an older version than the record's; nothing is written. */
export class StaleRecordError extends Error {
  constructor(readonly stamp: RecordStamp) {
    super('stale record');
  }
}

/** The version a save of a record kept as a set was based on: 0 when the form was filled before anyone saved it. */
export const setVersionSchema = z.number().int().min(0);
