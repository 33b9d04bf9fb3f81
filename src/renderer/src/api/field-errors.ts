import type { ApiError } from '../../../shared/errors';

/** Turns an API error's field list into Mantine form errors (`{'org.inn': '…'}`); the path prefix maps server paths. */
export function fieldErrors(error: ApiError, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of error.details?.fields ?? []) out[`${prefix}${f.path}`] = f.message;
  return out;
}
