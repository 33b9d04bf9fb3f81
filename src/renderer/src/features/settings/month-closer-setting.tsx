import { Select, Stack, Text, Title } from '@mantine/core';
import { request, showError, showSuccess, useEntry } from '../../api/call';
import { thisMonth } from '../money/months';

/** Настройки → Общие: who gives the month close's second confirmation; the director names someone where the office has no accountant. */
export function MonthCloserSetting() {
  const month = thisMonth();
  const { data } = useEntry('monthClose.get', { month });
  if (!data) return null;
  const name = async (value: string | null) => {
    const res = await request('monthClose.setConfirmer', { month, userId: value === null || value === '' ? null : Number(value) });
    if (res.error) return showError(res.error);
    showSuccess('Сохранено: второе подтверждение закрытия месяца');
  };
  return (
    <Stack gap="xs" maw={520} data-testid="month-closer-setting">
      <Title order={4}>Закрытие месяца</Title>
      <Text size="sm">Второе подтверждение: {data.secondConfirmer}</Text>
      {data.confirmerChoices.length > 0 ? (
        <Select
          label="Кто подтверждает вместо бухгалтера"
          description="Первое подтверждение даёт руководитель отдела продаж. Пока в офисе нет бухгалтера, второе — директор или сотрудник, которого вы назначите."
          allowDeselect={false}
          data={[{ value: '', label: 'Директор' }, ...data.confirmerChoices.map((c) => ({ value: String(c.id), label: c.fullName }))]}
          value={data.confirmerId === null ? '' : String(data.confirmerId)}
          onChange={(v) => void name(v)}
          data-testid="month-closer-select"
        />
      ) : (
        <Text size="sm" c="dimmed">
          {data.secondIsAccountant ? 'Второе подтверждение даёт бухгалтер.' : 'Назначить подтверждающего может директор.'}
        </Text>
      )}
    </Stack>
  );
}
