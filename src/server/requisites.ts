import { DEFAULT_REQUIRED_FIELDS, validateRequisites, type RequisiteField, type RequisitesInput } from '../core/index';
import type { FieldError } from '../shared/errors';
import { AppError } from './app-error';

/** Our own organisation must have everything a document prints: bank details and ОГРН included. */
export const OWN_ORG_REQUIRED: Record<'legal' | 'ip', readonly RequisiteField[]> = {
  legal: ['inn', 'kpp', 'ogrn', 'bik', 'account', 'corrAccount'],
  ip: ['inn', 'ogrn', 'bik', 'account', 'corrAccount'],
};

/** Checks requisites with the core rules; throws INVALID_REQUISITES naming each wrong field. */
export function assertRequisites(
  r: RequisitesInput & { kind: 'legal' | 'ip' | 'person' },
  opts: { prefix?: string; required?: readonly RequisiteField[] } = {},
): void {
  const problems = validateRequisites(r, { required: opts.required ?? DEFAULT_REQUIRED_FIELDS[r.kind] });
  if (problems.length === 0) return;
  const fields: FieldError[] = problems.map((p) => ({ path: `${opts.prefix ?? ''}${p.field}`, message: p.message }));
  throw new AppError('INVALID_REQUISITES', `Реквизиты заполнены с ошибками: ${fields.map((f) => f.message).join('; ')}`, fields);
}
