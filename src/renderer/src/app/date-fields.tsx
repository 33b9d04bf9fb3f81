import { Group, type MantineStyleProp } from '@mantine/core';
import { DateInput, DatesProvider, MonthPickerInput, TimePicker } from '@mantine/dates';
import 'dayjs/locale/ru';
import type { ReactNode } from 'react';

/** How every date is shown and typed: ДД.ММ.ГГГГ, whatever the browser's or the OS's locale. */
export const DATE_FORMAT = 'DD.MM.YYYY';

/** Russian calendars everywhere: dayjs `ru`, Monday first, Saturday and Sunday off. */
export function RussianDates({ children }: { children: ReactNode }) {
  return <DatesProvider settings={{ locale: 'ru', firstDayOfWeek: 1, weekendDays: [0, 6] }}>{children}</DatesProvider>;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Reads a typed date: `ДД.ММ.ГГГГ` (one-digit day and month allowed) or ISO `ГГГГ-ММ-ДД`; null if not a real date. */
export function parseTypedDate(text: string): string | null {
  const t = text.trim();
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const [y, m, d] = ru ? [Number(ru[3]), Number(ru[2]), Number(ru[1])] : iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : [0, 0, 0];
  if (!y) return null;
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** What the date, month and time fields share with Mantine inputs. */
interface FieldProps {
  label?: ReactNode;
  error?: ReactNode;
  withAsterisk?: boolean;
  disabled?: boolean;
  w?: number | string;
  style?: MantineStyleProp;
  'data-field'?: string;
  'aria-label'?: string;
}

/** A date field (`ГГГГ-ММ-ДД` in and out, '' when empty) shown as ДД.ММ.ГГГГ with a Russian calendar. */
export function DateField({ value, onChange, min, max, clearable, ...rest }: FieldProps & { value?: string | null; onChange: (value: string) => void; min?: string; max?: string; clearable?: boolean }) {
  return (
    <DateInput
      {...rest}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      valueFormat={DATE_FORMAT}
      dateParser={parseTypedDate}
      placeholder="ДД.ММ.ГГГГ"
      minDate={min}
      maxDate={max}
      clearable={clearable}
    />
  );
}

/** A month field (`ГГГГ-ММ` in and out, '' when empty) shown as «январь 2027». */
export function MonthField({ value, onChange, clearable, ...rest }: FieldProps & { value: string | null | undefined; onChange: (value: string) => void; clearable?: boolean }) {
  return <MonthPickerInput {...rest} value={value ? `${value}-01` : null} onChange={(v) => onChange(v ? v.slice(0, 7) : '')} valueFormat="MMMM YYYY" clearable={clearable} placeholder="Месяц" />;
}

/** A date and a 24-hour time side by side (`ГГГГ-ММ-ДДTЧЧ:ММ` in and out). */
export function DateTimeField({ value, onChange, label, error, ...rest }: FieldProps & { value: string; onChange: (value: string) => void }) {
  const day = value.slice(0, 10);
  const time = value.slice(11, 16);
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap" {...rest}>
      <DateField label={label} error={error} value={day} onChange={(d) => onChange(d ? `${d}T${time || '09:00'}` : '')} w={150} />
      <TimePicker label="Время" format="24h" value={time} onChange={(t) => onChange(day && t ? `${day}T${t.slice(0, 5)}` : value)} w={100} aria-label="Время" />
    </Group>
  );
}
