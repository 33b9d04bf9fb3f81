import type { z } from 'zod';
import type { Role } from './roles';

/** Who may call an entry: nobody signed in is needed, anyone signed in, or the listed roles. */
export type Access = 'public' | 'signed_in' | readonly Role[];

/** One API entry: its input schema, who may call it, whether it writes, and (as a type) its result. */
export interface Entry<I extends z.ZodType, R> {
  input: I;
  access: Access;
  writes: boolean;
  /**
   * Replaces the whole base from a verified backup instead of writing rows into it: allowed while a
   * damaged base is open read-only for recovery (restore is how the office gets out of that state).
   */
  replacesBase?: boolean;
  /** Phantom field carrying the result type; never read at run time. */
  result?: R;
}

/** Declares an entry with result type R: `entry<Org[]>()({input, access, writes})`. */
export function entry<R>() {
  return <I extends z.ZodType>(def: { input: I; access: Access; writes: boolean; replacesBase?: boolean }): Entry<I, R> => def;
}
