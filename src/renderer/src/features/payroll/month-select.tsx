import { Select } from '@mantine/core';
import { addMonths } from '../../../../core/index';
import { monthLabel } from './format';

function thisMonth(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** A month picked from a list in Russian («Январь 2026»), two years back to two years ahead; '' when cleared. */
export function MonthSelect({ label, value, onChange, readOnly, clearable, field }: { label: string; value: string; onChange: (v: string) => void; readOnly: boolean; clearable?: boolean; field: string }) {
  const now = thisMonth();
  const months = Array.from({ length: 49 }, (_, i) => addMonths(now, i - 24));
  if (value !== '' && !months.includes(value)) months.push(value);
  months.sort();
  return (
    <Select
      label={label}
      data={months.map((m) => ({ value: m, label: monthLabel(m) }))}
      value={value === '' ? null : value}
      readOnly={readOnly}
      clearable={clearable}
      searchable
      data-field={field}
      onChange={(v) => onChange(v ?? '')}
    />
  );
}
