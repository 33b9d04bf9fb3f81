import { normalizeEmail, normalizePhone, validateRequisites } from '../../core/index';
import type { ClientInput, ContactInput } from '../../shared/api/client-types';
import type { FieldError } from '../../shared/errors';
import { AppError } from '../app-error';
import type { CallContext } from '../context';

// A foreign number: a plus, a country code other than 7 and at least seven more digits.
const FOREIGN_PHONE = /^\+[1-689][\d\s()-]{6,}$/;

function channelErrors(prefix: string, phones: { value: string }[], emails: { value: string }[]): FieldError[] {
  const out: FieldError[] = [];
  phones.forEach((p, i) => {
    if (!normalizePhone(p.value) && !FOREIGN_PHONE.test(p.value.trim())) {
      out.push({ path: `${prefix}phones.${i}.value`, message: `Телефон «${p.value}» не распознан: укажите номер, например +7 495 123-45-67` });
    }
  });
  emails.forEach((e, i) => {
    if (!normalizeEmail(e.value)) out.push({ path: `${prefix}emails.${i}.value`, message: `E-mail «${e.value}» записан с ошибкой` });
  });
  return out;
}

function fail(fields: FieldError[]): never {
  throw new AppError('INVALID_REQUISITES', `Проверьте данные: ${fields.map((f) => f.message).join('; ')}`, fields);
}

/** Checks a client card: requisites by the core checks, every bank account, phones and e-mails; names each wrong field. */
export function assertClientInput(c: ClientInput, prefix = 'client.'): void {
  const fields: FieldError[] = validateRequisites({ kind: c.kind, inn: c.inn, kpp: c.kpp, ogrn: c.ogrn }, { required: [] }).map((p) => ({
    path: `${prefix}${p.field}`,
    message: p.message,
  }));
  c.accounts.forEach((a, i) => {
    for (const p of validateRequisites({ bik: a.bik, account: a.account, corrAccount: a.corrAccount }, { required: ['bik', 'account'] })) {
      fields.push({ path: `${prefix}accounts.${i}.${p.field}`, message: p.message });
    }
  });
  fields.push(...channelErrors(prefix, c.phones, c.emails));
  if (fields.length > 0) fail(fields);
}

/** Checks a key person's phones, e-mails and birthday. */
export function assertContactInput(c: ContactInput): void {
  const fields = channelErrors('contact.', c.phones, c.emails);
  if (c.birthday && Number.isNaN(Date.parse(c.birthday))) fields.push({ path: 'contact.birthday', message: 'Такой даты нет' });
  if (fields.length > 0) fail(fields);
}

/** Refuses a second card with the same ИНН and says whose the first one is. */
export async function assertInnFree(ctx: CallContext, inn: string, exceptId: number | null): Promise<void> {
  if (!inn) return;
  const holder = await ctx.store.clients.findByInn(inn, exceptId);
  if (!holder) return;
  const message = `Клиент с ИНН ${inn} уже есть в базе: «${holder.name}»${holder.responsibleName ? `, ответственный — ${holder.responsibleName}` : ', без ответственного'}`;
  throw new AppError('CONFLICT', message, [{ path: 'client.inn', message }]);
}
