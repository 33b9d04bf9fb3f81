import type { FormErrors } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import type { ApiError } from '../../../shared/errors';

/** A contract schema as the zod resolver takes it. */
type ContractSchema = Parameters<typeof zod4Resolver>[0];

/** Maps a path of the contract's input (`lines.0.quantityMilli`) to the form field holding it (`lines.0.quantity`). */
export type FieldOf = (path: string) => string;

const samePath: FieldOf = (path) => path;

/** Messages by form field; the first message of a field wins, as the resolver reports the first too. */
function placed(entries: [string, FormErrors[string]][], fieldOf: FieldOf): FormErrors {
  const out: FormErrors = {};
  for (const [path, message] of entries) {
    const field = fieldOf(path);
    if (out[field] === undefined) out[field] = message;
  }
  return out;
}

/**
 * A form validator that turns the values into what the host would receive and checks them with the
 * contract's own zod schema (zod 4 resolver): a field's message on the desk is the host's message.
 */
export function contractValidator<V>(schema: ContractSchema, toInput: (values: V) => Record<string, unknown>, fieldOf: FieldOf = samePath): (values: V) => FormErrors {
  // The first message of a field, as the host's list of fields gives it first.
  const resolve = zod4Resolver(schema, { errorPriority: 'first' });
  // The resolver lists fields from the last issue back; reversed, they follow the form from the top.
  return (values) => placed(Object.entries(resolve(toInput(values))).reverse(), fieldOf);
}

/** The host's field errors of a refused save, placed on the form's fields. */
export function hostFieldErrors(error: ApiError, fieldOf: FieldOf = samePath): FormErrors {
  return placed(
    (error.details?.fields ?? []).map((f) => [f.path, f.message]),
    fieldOf,
  );
}
