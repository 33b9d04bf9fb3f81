import { useForm, type FormErrors } from '@mantine/form';
import { useEffect, useRef } from 'react';
import type { ApiError } from '../../../shared/errors';
import { showError } from './call';
import { hostFieldErrors, type FieldOf } from './contract-check';

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
  const placeHostErrors = (error: ApiError, fieldOf?: FieldOf) => form.setErrors(hostFieldErrors(error, fieldOf));
  return { form, check, placeHostErrors };
}
