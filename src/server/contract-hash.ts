import { createHash } from 'node:crypto';
import { z } from 'zod';
import { contract, ENTRY_NAMES } from '../shared/contract';

let cached: string | null = null;

/**
 * The hash of the contract this program speaks: each entry's name, access, whether it writes and its
 * input's JSON schema — not the release number. A desk and its office host must agree on it.
 */
export function contractHash(): string {
  if (cached) return cached;
  const parts = [...ENTRY_NAMES].sort().map((name) => {
    const def = contract[name];
    return [name, def.access, def.writes, z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' })];
  });
  cached = createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  return cached;
}
