import { Checkbox, NumberInput, Select, Stack, Textarea } from '@mantine/core';
import type { AnswerValue, FormField } from '../../../../shared/api/client-types';
import { DateField } from '../../app/date-fields';

/** The inputs of a questionnaire, one per field of the office's form, typed as the form says. */
export function QuestionnaireFields({
  fields,
  values,
  errors,
  onChange,
}: {
  fields: FormField[];
  values: Record<string, AnswerValue>;
  errors: Record<string, string>;
  onChange: (key: string, value: AnswerValue) => void;
}) {
  return (
    <Stack gap="sm">
      {fields.map((f) => {
        const v = values[f.key];
        const common = { label: f.label, withAsterisk: f.required, error: errors[`answers.${f.key}`], key: f.key };
        switch (f.type) {
          case 'number':
            return <NumberInput {...common} value={typeof v === 'number' ? v : ''} onChange={(n) => onChange(f.key, typeof n === 'number' ? n : null)} />;
          case 'date':
            return <DateField {...common} value={typeof v === 'string' ? v : ''} onChange={(v) => onChange(f.key, v || null)} />;
          case 'select':
            return <Select {...common} data={f.options} clearable value={typeof v === 'string' ? v : null} onChange={(s) => onChange(f.key, s)} />;
          case 'checkbox':
            return <Checkbox key={f.key} label={f.label} checked={v === true} onChange={(e) => onChange(f.key, e.currentTarget.checked)} error={common.error} />;
          default:
            return <Textarea {...common} autosize minRows={1} value={typeof v === 'string' ? v : ''} onChange={(e) => onChange(f.key, e.currentTarget.value)} />;
        }
      })}
    </Stack>
  );
}

/** An answer as a short text for reading. */
export function answerText(field: FormField, v: AnswerValue | undefined, yes: string, no: string): string {
  if (v === undefined || v === null || v === '') return '—';
  if (field.type === 'checkbox') return v ? yes : no;
  if (field.type === 'date' && typeof v === 'string') return v.split('-').reverse().join('.');
  return String(v);
}
