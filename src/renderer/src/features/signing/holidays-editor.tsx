import { ActionIcon, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { formatDateNumeric } from '../../../../core/index';
import type { HolidayDto } from '../../../../shared/api/signing-types';
import { request, showError, showSuccess, useEntry } from '../../api/call';
import { G } from './strings';
import { DateField } from '../../app/date-fields';

const WEEKDAYS = ['вс', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб'];

function weekday(iso: string): string {
  return WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()];
}

function isKind(v: string | null): v is HolidayDto['kind'] {
  return v === 'holiday' || v === 'working';
}

/** The production calendar by year: holidays and transferred days off, and weekends made working. */
export function HolidaysEditor({ canEdit }: { canEdit: boolean }) {
  const { data } = useEntry('signing.holidays', {});
  const [days, setDays] = useState<HolidayDto[]>([]);
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [draft, setDraft] = useState<HolidayDto>({ day: '', kind: 'holiday', note: '' });
  useEffect(() => setDays(data ?? []), [data]);
  const years = useMemo(() => {
    const set = new Set(days.map((d) => d.day.slice(0, 4)));
    const now = new Date().getFullYear();
    for (const y of [now, now + 1]) set.add(String(y));
    return [...set].sort();
  }, [days]);
  const shown = days.filter((d) => d.day.startsWith(year)).sort((a, b) => a.day.localeCompare(b.day));
  const add = () => {
    if (!draft.day || days.some((d) => d.day === draft.day)) return;
    setDays((old) => [...old, draft]);
    setYear(draft.day.slice(0, 4));
    setDraft({ day: '', kind: 'holiday', note: '' });
  };
  const save = async () => {
    const res = await request('signing.updateHolidays', { days });
    if (res.error) return showError(res.error);
    setDays(res.data);
    showSuccess(G.saved);
  };
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>{G.holidaysTitle}</Title>
          <Select w={120} data={years} value={year} onChange={(v) => setYear(v ?? year)} allowDeselect={false} aria-label={G.year} />
        </Group>
        <Text size="sm" c="dimmed">
          {G.holidaysHint}
        </Text>
        <Table data-testid="holidays">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{G.day}</Table.Th>
              <Table.Th>{G.dayKind}</Table.Th>
              <Table.Th>{G.note}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((d) => (
              <Table.Tr key={d.day}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDateNumeric(d.day)}, {weekday(d.day)}
                </Table.Td>
                <Table.Td>{d.kind === 'holiday' ? G.holiday : G.workingDay}</Table.Td>
                <Table.Td>{d.note}</Table.Td>
                <Table.Td>
                  {canEdit && (
                    <ActionIcon variant="subtle" color="red" onClick={() => setDays((old) => old.filter((x) => x.day !== d.day))} aria-label={`${G.remove} ${d.day}`}>
                      ×
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {canEdit && (
          <Group align="flex-end" gap="sm">
            <DateField label={G.day} value={draft.day} onChange={(v) => setDraft({ ...draft, day: v })} w={170} />
            <Select label={G.dayKind} w={260} data={[{ value: 'holiday', label: G.holiday }, { value: 'working', label: G.workingDay }]} value={draft.kind} onChange={(v) => setDraft({ ...draft, kind: isKind(v) ? v : 'holiday' })} allowDeselect={false} />
            <TextInput label={G.note} value={draft.note} onChange={(e) => setDraft({ ...draft, note: e.currentTarget.value })} w={260} />
            <Button variant="light" onClick={add} disabled={!draft.day}>
              {G.addDay}
            </Button>
            <Button ml="auto" onClick={() => void save()} data-testid="save-holidays">
              {G.save}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
