// What another person changed in a record while this person had it open: the form keeps the values it
// was opened with, fetches the record again when its save is refused as stale, and lists the fields
// whose shown value differs. The person's own typing is never part of it.

/** One field of a record as a person reads it. */
export interface ShownField<T> {
  label: string;
  show: (record: T) => string;
}

/** A field another person changed: its label and the value as shown before and now. */
export interface FieldChange {
  label: string;
  from: string;
  to: string;
}

/** The fields whose shown value differs between the record as the form opened it and as it is now. */
export function changedFields<T>(opened: T, now: T, fields: readonly ShownField<T>[]): FieldChange[] {
  return fields.flatMap(({ label, show }) => {
    const from = show(opened);
    const to = show(now);
    return from === to ? [] : [{ label, from: from || '—', to: to || '—' }];
  });
}

/**
 * The form's values once the person goes on from the newer version: a field the person left as it was
 * opened takes the other person's value, a field the person changed keeps the typing.
 */
export function rebasedValues<T extends object>(opened: T, now: T, typed: T): T {
  const out = { ...typed };
  for (const key of Object.keys(typed) as (keyof T)[]) {
    if (JSON.stringify(typed[key]) === JSON.stringify(opened[key])) out[key] = now[key];
  }
  return out;
}
