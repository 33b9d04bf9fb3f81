import { useForm, type FormErrors } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useEffect, useRef } from 'react';
import type { ApiError } from '../../../shared/errors';
import { showError } from './call';
import { fieldErrors } from './field-errors';

/** A contract schema as the zod resolver takes it. */
type ContractSchema = Parameters<typeof zod4Resolver>[0];

/** Maps a path of the contract's input (`lines.0.quantityMilli`) to the form field holding it (`lines.0.quantity`). */
export type FieldOf = (path: string) => string;

const samePath: FieldOf = (path) => path;

function placed(errors: FormErrors, fieldOf: FieldOf): FormErrors {
  const out: FormErrors = {};
  // The first message of a field wins, as the resolver and the host both report the first.
  for (const [path, message] of Object.entries(errors)) {
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
  const resolve = zod4Resolver(schema);
  return (values) => placed(resolve(toInput(values)), fieldOf);
}

/** The host's field errors of a refused save, placed on the form's fields. */
export function hostFieldErrors(error: ApiError, fieldOf: FieldOf = samePath): FormErrors {
  return placed(fieldErrors(error), fieldOf);
}

/**
 * A Mantine form checked by a contract validator. `check()` places the errors and says whether the
 * values may be sent (nothing goes to the host while a field is wrong); once errors show, they are
 * checked again as the person types, so a mended field loses its message and a wrong one keeps it.
 */
export function useContractForm<V extends object>(initialValues: V, validate: (values: V) => FormErrors) {
  const form = useForm<V>({ mode: 'controlled', initialValues, validate, clearInputErrorOnChange: false });
  const validateRef = useRef(validate);
  validateRef.current = validate;
  const showing = Object.keys(form.errors).length > 0;
  const showingRef = useRef(showing);
  showingRef.current = showing;
  const values = form.values;
  useEffect(() => {
    if (showingRef.current) form.setErrors(validateRef.current(values));
    // Only a change of the values re-checks; the form object itself is new on every render.
  }, [values]);
  /** Checks the values and places the errors; true when they may be sent, else the first message is shown too. */
  const check = (): boolean => {
    const errors = validateRef.current(form.getValues());
    form.setErrors(errors);
    const first = Object.values(errors).find((m) => typeof m === 'string');
    if (Object.keys(errors).length === 0) return true;
    showError({ code: 'VALIDATION', message: typeof first === 'string' ? first : 'Проверьте отмеченные поля' });
    return false;
  };
  /** Places the host's field errors of a refused save beside the inputs. */
  const placeHostErrors = (error: ApiError, fieldOf: FieldOf = samePath) => form.setErrors(hostFieldErrors(error, fieldOf));
  return { form, check, placeHostErrors };
}
